import { createServer, type IncomingMessage } from 'node:http';
import { startTestApp, type TestApp } from './app.ts';
import { activity } from './bot.ts';

/**
 * A local stand-in for the Bot Connector service: the bot posts its outgoing activities to an
 * activity's serviceUrl, so pointing serviceUrl here lets a test read what the bot sent.
 */
export interface Received {
  /** POST for a new message; PUT when the bot edits one it sent. */
  method: string;
  /** The request path, URL-decoded: /v3/conversations/{id}/activities[/{replyToId}]. */
  path: string;
  /** When it arrived (ms since the epoch), for timing. */
  at: number;
  body: { type?: string; text?: string; attachments?: { contentType: string; content: Record<string, unknown> }[] };
}

export interface Connector {
  url: string;
  received: Received[];
  /** While down, every post gets a 503, as when the connector service is unavailable. */
  setDown(down: boolean): void;
  /** Called as each request is taken, before it is answered. */
  onTake(hook: ((request: Received) => void) | undefined): void;
  /** Answers every request this much later, as a slow connector would. */
  setDelay(ms: number): void;
  /** Refuses (503) only the posts that match, as when the connector fails one send and takes the next. */
  setRefusing(refuse: ((request: Pick<Received, 'method' | 'path' | 'body'>) => boolean) | undefined): void;
  waitFor(predicate: (r: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => resolve(data));
  });

export async function startConnector(): Promise<Connector> {
  const received: Received[] = [];
  /** Tests waiting for a message, told as each one arrives (no polling). */
  const waiting = new Set<() => void>();
  let down = false;
  let delayMs = 0;
  let takeHook: ((request: Received) => void) | undefined;
  let refusing: ((request: Pick<Received, 'method' | 'path' | 'body'>) => boolean) | undefined;
  const server = createServer((req, res) => {
    void readBody(req).then(async (text) => {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const refused =
        refusing?.({
          method: req.method ?? '',
          path: decodeURIComponent(req.url ?? ''),
          body: text ? (JSON.parse(text) as Received['body']) : {},
        }) ?? false;
      if (down || refused) {
        res.writeHead(503);
        res.end();
        return;
      }
      const body = text ? (JSON.parse(text) as Received['body'] & { members?: { id: string }[] }) : {};
      const taken = { method: req.method ?? '', path: decodeURIComponent(req.url ?? ''), body, at: Date.now() };
      received.push(taken);
      takeHook?.(taken);
      for (const wake of waiting) wake();
      res.writeHead(200, { 'content-type': 'application/json' });
      // Create-conversation (POST /v3/conversations) answers a ConversationResourceResponse: the
      // new personal chat's id, one per member, as Teams gives the same chat each time.
      if (req.method === 'POST' && req.url === '/v3/conversations') {
        res.end(JSON.stringify({ id: `a:chat-${body.members?.[0]?.id ?? 'unknown'}` }));
        return;
      }
      res.end(JSON.stringify({ id: `sent-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    setDown: (value) => {
      down = value;
    },
    onTake: (hook) => {
      takeHook = hook;
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    setRefusing: (refuse) => {
      refusing = refuse;
    },
    waitFor(predicate, timeoutMs = 5000) {
      return new Promise<Received>((resolve, reject) => {
        const check = () => {
          const hit = received.find(predicate);
          if (!hit) return;
          done();
          resolve(hit);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error('the bot did not send the expected message'));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiting.delete(check);
        };
        waiting.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // The bot's HTTP client keeps connections alive; do not wait for it to let go.
        server.closeAllConnections();
      }),
  };
}

/**
 * For tests of proactive messages: the app and a local connector, new for each test (an app on
 * in-memory SQLite starts in about 90 ms), so no test depends on what another one changed.
 */
export function appWithConnector(): { readonly app: TestApp; readonly connector: Connector } {
  let app: TestApp | undefined;
  let connector: Connector | undefined;
  beforeEach(async () => {
    app = await startTestApp();
    connector = await startConnector();
  });
  afterEach(async () => {
    await app?.stop();
    await connector?.close();
  });
  return {
    get app() {
      return app!;
    },
    get connector() {
      return connector!;
    },
  };
}

/** A message through the local connector, so the bot's replies and later messages come back to it. */
export async function sayThroughConnector(
  env: { app: TestApp; connector: Connector },
  from: Record<string, unknown>,
  text: string,
  conversation: Record<string, unknown>,
): Promise<void> {
  const res = await fetch(`${env.app.base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      activity({ text, from, serviceUrl: env.connector.url, deliveryMode: undefined, conversation }),
    ),
  });
  if (res.status !== 200) throw new Error(`the bot refused the message: ${res.status}`);
}

/** Matches a message the bot posted into a conversation, by words in it. */
export const postedTo = (conversationId: string, words: string) => (r: Received) =>
  r.path.startsWith(`/v3/conversations/${conversationId}/activities`) && JSON.stringify(r.body).includes(words);

/** The Adaptive Card a posted message carries, if any. */
export const cardIn = (r: Received) => r.body.attachments?.[0]?.content;
