/** Posts an activity to /api/messages with deliveryMode expectReplies and returns the bot's replies. */
export interface Attachment {
  contentType: string;
  content: Record<string, unknown> & { body?: unknown[] };
}
export interface ReplyActivity {
  type: string;
  text?: string;
  attachments?: Attachment[];
}

let sequence = 0;

export function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence++;
  return {
    type: 'message',
    id: `activity-${sequence}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/never-called',
    deliveryMode: 'expectReplies',
    from: { id: '29:test-user', name: 'Test User' },
    recipient: { id: '28:bot', name: 'Social Media Policy Hub' },
    conversation: { id: 'a:personal-conversation', conversationType: 'personal' },
    ...overrides,
  };
}

export async function postActivity(
  base: string,
  body: Record<string, unknown>,
): Promise<{ status: number; replies: ReplyActivity[] }> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const parsed = text ? (JSON.parse(text) as { activities?: ReplyActivity[] }) : {};
  return { status: res.status, replies: parsed.activities ?? [] };
}

export function cardsOf(replies: ReplyActivity[]): Attachment['content'][] {
  return replies
    .flatMap((r) => r.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content);
}

/** All the text a person would read on a card, flattened. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return out.join('\n');
}
