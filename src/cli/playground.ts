import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../domain/roles.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import { startApp } from '../main.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PLAYGROUND_PORT = 56150;

/** One of the Playground's built-in users, whose Entra object ids the demo people carry (src/seed). */
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

/** The built-in user who is each demo role: the first five, in the order of PLAYGROUND_USER_IDS. */
export const PLAYGROUND_USER_FOR: Record<Role, string> = {
  Staff: 'user-id-0',
  DSL: 'user-id-1',
  SLT: 'user-id-2',
  HR: 'user-id-3',
  Admin: 'user-id-4',
};

/** A Playground config file (JSON is valid YAML) making `userId` the person at the keyboard. */
export function playgroundConfigFor(userId: string): string {
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

/** Starts the Microsoft 365 Agents Playground (a Teams-like client) against a bot endpoint. */
export function spawnPlayground(
  botEndpoint: string,
  port = PLAYGROUND_PORT,
  env: NodeJS.ProcessEnv = {},
): ChildProcess {
  return spawn(
    join(ROOT, 'node_modules', '.bin', 'agentsplayground'),
    ['-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

export async function waitForPlayground(base: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (
      await fetch(`${base}/_debug/ping`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the Agents Playground did not start at ${base}`);
}

/** npm run playground: the embedded app plus the Playground pointed at its bot endpoint. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.mode !== 'embedded') throw new ConfigError(['APP_ENV: the Playground runs against the embedded app only']);
  const { values } = parseArgs({
    options: { port: { type: 'string', short: 'p' }, as: { type: 'string', short: 'a' } },
  });
  const port = Number(values.port ?? process.env.PLAYGROUND_PORT ?? PLAYGROUND_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ConfigError([`--port: give a port number, not "${values.port ?? process.env.PLAYGROUND_PORT}"`]);
  }
  const role = (values.as ?? 'Staff') as Role;
  if (!ROLES.includes(role)) throw new ConfigError([`--as: choose one of ${ROLES.join(', ')}, not "${values.as}"`]);
  const app = await startApp(config);
  const child = spawnPlayground(`http://127.0.0.1:${app.port}/api/messages`, port, {
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: playgroundConfigFor(PLAYGROUND_USER_FOR[role]),
  });
  child.stdout!.pipe(process.stdout);
  child.stderr!.pipe(process.stderr);
  await waitForPlayground(`http://127.0.0.1:${port}`);
  process.stdout.write(
    `\n  Agents Playground: http://localhost:${port}  (you are the demo ${role} person; --as chooses another role)\n` +
      `  Tab: http://localhost:${app.port}/tab/\n\n`,
  );
  const stop = () => {
    child.kill('SIGTERM');
    void app.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => {
    if (code) process.stderr.write(`the Agents Playground stopped (exit ${code})\n`);
    stop();
  });
}

if (import.meta.main) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String((err as Error).stack ?? err)}\n`);
    process.exit(1);
  });
}
