import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playgroundConfigFor, spawnPlayground, waitForPlayground } from '../../src/cli/playground.ts';

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
  /** Presses an Action.Execute button on a message, with the card's inputs merged into `data`. */
  execute(
    replyToId: string,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<{ type: string; value: Record<string, unknown> }>;
  /** Resolves with the next message the bot sends into this client, such as a proactive alert. */
  nextMessage(timeoutMs?: number): Promise<BotMessage>;
  stop(): Promise<void>;
}

export async function startPlayground(botEndpoint: string, port: number, asUserId?: string): Promise<Playground> {
  const child = spawnPlayground(botEndpoint, port, {
    TEAMSAPPTESTER_BROWSER: 'none',
    // Each instance keeps its own log, which is also where it explains a refusal to start.
    M365_AGENTS_PLAYGROUND_LOGFILE: join(mkdtempSync(join(tmpdir(), 'smph-playground-log-')), 'playground.log'),
    ...(asUserId ? { M365_AGENTS_PLAYGROUND_CONFIG_PATH: playgroundConfigFor(asUserId) } : {}),
  });
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
    nextMessage: (timeoutMs = 10_000) => nextBotMessage(timeoutMs),
    async execute(replyToId, verb, data) {
      const res = await fetch(`${base}/_conversation/v1/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data } },
          from: { id: config.currentUser.id },
          conversation: { id: config.personalChat.id },
          replyToId,
        }),
      });
      if (!res.ok) throw new Error(`the Playground refused the action: ${res.status} ${await res.text()}`);
      return (await res.json()) as { type: string; value: Record<string, unknown> };
    },
    async stop() {
      socket.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
