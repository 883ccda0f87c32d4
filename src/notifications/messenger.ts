import type { AdaptiveCard } from '../cards/elements.ts';

/** Sends proactive messages into conversations the bot has seen before. Implemented by the bot adapter. */
export interface Messenger {
  /** Resolves to the posted message's id, when the channel gives one, so it can be edited later. */
  sendCard(conversationReference: Record<string, unknown>, card: AdaptiveCard): Promise<string | undefined>;
  /** Replaces the card in a message the bot posted earlier. */
  updateCard(conversationReference: Record<string, unknown>, activityId: string, card: AdaptiveCard): Promise<void>;
  /**
   * Starts a personal chat with someone who never wrote to the bot (the app must be installed for
   * them first) and returns the conversation's reference, to keep.
   */
  startPersonalChat(aadObjectId: string, tenantId: string): Promise<Record<string, unknown>>;
}
