import { createServer, type IncomingMessage } from 'node:http';

/**
 * A local stand-in for the Bot Connector service: the bot posts its outgoing activities to an
 * activity's serviceUrl, so pointing serviceUrl here lets a test read what the bot sent.
 */
export interface Received {
  /** The request path, URL-decoded: /v3/conversations/{id}/activities[/{replyToId}]. */
  path: string;
  body: { type?: string; text?: string; attachments?: { contentType: string; content: Record<string, unknown> }[] };
}

export interface Connector {
  url: string;
  received: Received[];
  /** While down, every post gets a 503, as when the connector service is unavailable. */
  setDown(down: boolean): void;
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
  let down = false;
  const server = createServer((req, res) => {
    void readBody(req).then((text) => {
      if (down) {
        res.writeHead(503);
        res.end();
        return;
      }
      received.push({
        path: decodeURIComponent(req.url ?? ''),
        body: text ? (JSON.parse(text) as Received['body']) : {},
      });
      res.writeHead(200, { 'content-type': 'application/json' });
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
    async waitFor(predicate, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const hit = received.find(predicate);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the bot did not send the expected message');
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // The bot's HTTP client keeps connections alive; do not wait for it to let go.
        server.closeAllConnections();
      }),
  };
}
