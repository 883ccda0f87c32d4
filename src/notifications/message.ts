import type { FeedNotice } from '../ports.ts';
import type { AdaptiveCard } from '../cards/elements.ts';
import type { MessagePayloads, Topic } from './topics.ts';

/** A new message, edits to messages sent earlier, a chat to get ready, or nothing (the reason it is no longer needed). */
export type Delivery =
  | {
      conversationId: string;
      card: AdaptiveCard;
      afterSend?: (activityId: string) => Promise<void>;
      /** Also shown in the person's Teams activity feed, for messages that ask something of them. */
      notice?: FeedNotice;
    }
  | { edits: { conversationId: string; activityId: string }[]; card: AdaptiveCard }
  /** Nothing to send: only make sure the chat exists (the app installed, the chat started). */
  | { reach: string }
  | { skip: string };

/** A message that can never be sent (what it is about has gone): given up at once, with the reason. */
export class Undeliverable extends Error {}

/**
 * How one topic's message is built when it is sent: from the records its payload names, read
 * then, so it says what is true at sending time. `notice` is what the person's activity feed says.
 */
export interface MessageKind<T extends Topic> {
  render(payload: MessagePayloads[T]): Promise<Delivery>;
  notice?(payload: MessagePayloads[T]): Promise<FeedNotice | undefined>;
  /** Told once the message is sent and recorded as sent. */
  delivered?(payload: MessagePayloads[T]): Promise<void>;
  /** Told when the first attempt fails, and when the last one does. */
  failed?(payload: MessagePayloads[T]): Promise<void>;
}

/** The messages of some topics; each feature declares its own, and the whole set must cover every topic. */
export type Messages<T extends Topic = Topic> = { [K in T]: MessageKind<K> };

/** A feed notice that says one fixed thing and opens one page. */
export const simpleNotice =
  <P>(activityType: FeedNotice['activityType'], what: string, page: (payload: P) => string) =>
  async (payload: P): Promise<FeedNotice> => ({
    activityType,
    preview: what,
    page: page(payload),
    parameters: { what },
  });
