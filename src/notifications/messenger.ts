import type { AdaptiveCard } from '../cards/elements.ts';

/** Sends a proactive message into a conversation the bot has seen before. Implemented by the bot adapter. */
export interface Messenger {
  sendCard(conversationReference: Record<string, unknown>, card: AdaptiveCard): Promise<void>;
}
