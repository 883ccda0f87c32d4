import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config/config.ts';
import { startApp } from '../main.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PLAYGROUND_PORT = 56150;

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
  const app = await startApp(config);
  const child = spawnPlayground(`http://127.0.0.1:${app.port}/api/messages`);
  child.stdout!.pipe(process.stdout);
  child.stderr!.pipe(process.stderr);
  await waitForPlayground(`http://127.0.0.1:${PLAYGROUND_PORT}`);
  process.stdout.write(
    `\n  Agents Playground: http://localhost:${PLAYGROUND_PORT}  (you are Jordan Ellery, a member of staff)\n` +
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
