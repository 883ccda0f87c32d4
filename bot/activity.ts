import type { AdaptiveCard } from '../src/cards/elements.ts';

/**
 * The bot's own view of an activity and a turn. Only bot/botbuilder-adapter.ts knows the SDK;
 * everything else uses these types, so moving to the Teams SDK is one file's work.
 */
export interface IncomingActivity {
  type: string;
  name?: string;
  text?: string;
  value?: unknown;
  from: { id: string; aadObjectId?: string; name?: string };
  recipient: { id: string };
  conversation: { id: string; conversationType?: string };
  /** For a card action: the message holding the card, so the bot can change that card later. */
  replyToId?: string;
  /** channelData.tenant.id: the tenant the activity came from. */
  tenantId?: string;
  membersAdded?: { id: string }[];
  attachments?: { contentType: string; contentUrl?: string; name?: string; content?: unknown }[];
}

export interface Reply {
  text?: string;
  card?: AdaptiveCard;
}

export interface BotTurn {
  activity: IncomingActivity;
  send(reply: Reply): Promise<void>;
  /** Answers an Action.Execute invoke with a card that replaces the one the person acted on. */
  respondWithCard(card: AdaptiveCard): Promise<void>;
  /** Fetches a file the channel holds for the bot (a pasted image), with the bot's own credentials. */
  fetchWithBotToken(url: string, init: RequestInit): Promise<Response>;
  /** The SDK's conversation reference, kept opaque so it can be stored for proactive messages. */
  conversationReference(): Record<string, unknown>;
}
