import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/app.ts';
import { freePort } from '../helpers/net.ts';

/** `node src/main.ts` as npm start runs it, in its own process with its own data directory. */
function startProcess(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  dataDir: string;
} {
  let output = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'smph-proc-'));
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      APP_ENV: 'local',
      LOG_LEVEL: 'info',
      SQLITE_PATH: join(dataDir, 'app.db'),
      ...env,
    },
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited, dataDir };
}

describe('the server process', () => {
  test('serves /healthz within 10 s of starting, logs JSON to a rotated file beside its data, and exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    const started = Date.now();
    const proc = startProcess({ PORT: String(port) });
    let healthy = false;
    while (!healthy && Date.now() - started < 10_000) {
      healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!healthy) await new Promise((r) => setTimeout(r, 100));
    }
    expect(healthy).toBe(true);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    const logFile = join(proc.dataDir, 'logs', 'hub.log');
    expect(proc.output()).toContain(`Its log is in ${logFile}`);
    const lines = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'));
    const messages = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages).toEqual(expect.arrayContaining(['server listening', 'shutting down']));
    // The terminal gets warnings and errors only, so a long-running server does not fill it.
    expect(proc.output()).not.toContain('"msg":"server listening"');
  }, 20_000);

  test('a wrong setting stops it at once with a message naming the variable', async () => {
    const proc = startProcess({ PORT: 'eighty', HOST: '0.0.0.0' });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('PORT: expected a port number (got "eighty")');
    expect(proc.output()).not.toContain('server listening');
  }, 20_000);

  test('it refuses to start the dev sign-in with production settings present', async () => {
    const proc = startProcess({ TENANT_ID: '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', DEV_SIGN_IN: 'true' });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(
      /DEV_SIGN_IN: the dev sign-in is refused because production settings are present \(TENANT_ID\)/,
    );
  }, 20_000);
});
