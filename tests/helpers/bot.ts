import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/**
 * Where the bot's proactive messages go when a test does not read them: a sink that takes
 * everything, as Teams would, so nothing waits on retries to a closed port.
 */
const sink = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'taken' }));
  });
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
sink.unref();
const SINK_URL = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/unread`;

export function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence++;
  return {
    type: 'message',
    id: `activity-${sequence}`,
    channelId: 'msteams',
    serviceUrl: SINK_URL,
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
    else if (node && typeof node === 'object' && (node as { type?: unknown }).type === 'RichTextBlock') {
      // One line on screen, however many runs make it up.
      out.push(((node as { inlines?: { text?: string }[] }).inlines ?? []).map((r) => r.text ?? '').join(''));
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return out.join('\n');
}

export interface InvokeCardResponse {
  statusCode: number;
  type: string;
  value: Record<string, unknown> & { body?: unknown[] };
}

/** Sends an invoke activity, as Teams does, and returns the HTTP status and the invoke response body. */
export async function invoke<T>(
  base: string,
  name: string,
  value: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      activity({ type: 'invoke', name, deliveryMode: undefined, replyToId: 'card-message-1', value, ...overrides }),
    ),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Sends an Action.Execute invoke, as Teams does when a card button is pressed, and returns the card it answers with. */
export const executeAction = (
  base: string,
  verb: string,
  data: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
) =>
  invoke<InvokeCardResponse>(
    base,
    'adaptiveCard/action',
    { action: { type: 'Action.Execute', verb, data } },
    overrides,
  );

/** The inputs of a card by id, with their current values, as a person would see them filled in. */
export function cardInputs(card: unknown): Record<string, { value?: unknown; type: string }> {
  const inputs: Record<string, { value?: unknown; type: string }> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') {
        inputs[n.id] = { value: n.value, type: n.type };
      }
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return inputs;
}
