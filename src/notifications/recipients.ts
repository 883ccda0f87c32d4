import type { Rec } from '../store/kinds.ts';

/** A person's personal chat with the bot, as conversation references are kept. */
export const personChat = (personId: string) => `person-${personId}`;

/** The person whose personal chat this is, or undefined for a channel. */
export const personOfChat = (conversationId: string): string | undefined => /^person-(.+)$/.exec(conversationId)?.[1];

/** Who a queued message is for: a person (named, or by their chat), or a channel. */
export function recipientOf(entry: Rec<'outbox'>): { personId?: string; conversationId?: string } {
  const { recipientId, conversationId } = entry.payload;
  if (typeof recipientId === 'string') return { personId: recipientId };
  if (typeof conversationId === 'string') {
    const personId = personOfChat(conversationId);
    return personId ? { personId } : { conversationId };
  }
  return {};
}
