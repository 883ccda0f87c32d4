import { spawnPlayground, waitForPlayground } from '../../src/cli/playground.ts';

/**
 * Drives the Microsoft 365 Agents Playground (a Teams-like client) without its UI. Its HTTP and
 * websocket endpoints are internal and undocumented, so every use of them lives in this file.
 */
export interface BotMessage {
  text?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
  messageId?: string;
}

export interface Playground {
  base: string;
  currentUser: { id: string; name: string; aadObjectId: string };
  personalChatId: string;
  /** Sends text as the current user in personal chat and resolves with the bot's next message. */
  say(text: string, timeoutMs?: number): Promise<BotMessage>;
  stop(): Promise<void>;
}

export async function startPlayground(botEndpoint: string, port: number): Promise<Playground> {
  const child = spawnPlayground(botEndpoint, port, { TEAMSAPPTESTER_BROWSER: 'none' });
  const base = `http://127.0.0.1:${port}`;
  await waitForPlayground(base);
  const { config } = (await (await fetch(`${base}/_internal/v1/config`)).json()) as {
    config: { currentUser: Playground['currentUser']; personalChat: { id: string } };
  };

  const waiting: ((m: BotMessage) => void)[] = [];
  const backlog: BotMessage[] = [];
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  socket.addEventListener('message', (event) => {
    const data = JSON.parse(String(event.data)) as { action?: string; message?: BotMessage };
    if (data.action !== 'createMessage' || !data.message) return;
    const next = waiting.shift();
    if (next) next(data.message);
    else backlog.push(data.message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () => reject(new Error('could not open the Playground stream')));
  });

  const nextBotMessage = (timeoutMs: number) =>
    new Promise<BotMessage>((resolve, reject) => {
      const queued = backlog.shift();
      if (queued) return resolve(queued);
      const timer = setTimeout(() => reject(new Error('the bot did not answer in the Playground')), timeoutMs);
      waiting.push((m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });

  return {
    base,
    currentUser: config.currentUser,
    personalChatId: config.personalChat.id,
    async say(text, timeoutMs = 10_000) {
      const reply = nextBotMessage(timeoutMs);
      const res = await fetch(`${base}/_conversation/v1/conversations/${config.personalChat.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'text', text, textFormat: 'plain', from: { id: config.currentUser.id } }),
      });
      if (!res.ok) throw new Error(`the Playground refused the message: ${res.status} ${await res.text()}`);
      return reply;
    },
    async stop() {
      socket.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
