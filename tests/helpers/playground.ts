import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** One of the Playground's built-in users; `as` makes a Playground client signed in as that person. */
export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
}

const BUILT_IN_USERS: PlaygroundUser[] = [
  { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
  { id: 'user-id-1', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' },
  { id: 'user-id-2', name: 'Adele Vance', aadObjectId: '00000000-0000-0000-0000-0000000000022' },
  { id: 'user-id-3', name: 'Isaiah Langer', aadObjectId: '00000000-0000-0000-0000-0000000000023' },
  { id: 'user-id-4', name: 'Patti Fernandez', aadObjectId: '00000000-0000-0000-0000-0000000000024' },
  { id: 'user-id-5', name: 'Lynne Robbins', aadObjectId: '00000000-0000-0000-0000-0000000000025' },
];

/** A Playground config file (JSON is valid YAML) making `userId` the person at the keyboard. */
function configFor(userId: string): string {
  const toUser = (u: PlaygroundUser) => {
    const [given, family] = u.name.split(' ') as [string, string];
    const upn = `${given.toLowerCase()}${family[0]!.toLowerCase()}@example.com`;
    return { ...u, userPrincipleName: upn, givenName: given, surname: family, email: upn };
  };
  const me = BUILT_IN_USERS.find((u) => u.id === userId)!;
  const dir = mkdtempSync(join(tmpdir(), 'smph-playground-'));
  const path = join(dir, '.m365agentsplayground.yml');
  writeFileSync(
    path,
    JSON.stringify({
      version: '0.1.1',
      tenantId: '00000000-0000-0000-0000-0000000000001',
      bot: { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' },
      currentUser: toUser(me),
      users: BUILT_IN_USERS.filter((u) => u.id !== userId).map(toUser),
      personalChat: { id: `personal-chat-${userId}` },
      groupChat: { id: `group-chat-${userId}`, name: 'Group chat' },
      team: { id: `team-${userId}`, name: 'Staff team', aadGroupId: `team-group-${userId}`, channels: [] },
    }),
  );
  return path;
}

export async function startPlayground(botEndpoint: string, port: number, asUserId?: string): Promise<Playground> {
  const child = spawnPlayground(botEndpoint, port, {
    TEAMSAPPTESTER_BROWSER: 'none',
    // Each instance keeps its own log, which is also where it explains a refusal to start.
    M365_AGENTS_PLAYGROUND_LOGFILE: join(mkdtempSync(join(tmpdir(), 'smph-playground-log-')), 'playground.log'),
    ...(asUserId ? { M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFor(asUserId) } : {}),
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
