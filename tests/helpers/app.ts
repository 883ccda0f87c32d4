import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { startApp, type AppOptions, type RunningApp } from '../../src/main.ts';

/** A school's tenant with the bot's credentials set: the bot then refuses unsigned activities. */
export const TENANT_BOT_ENV: Record<string, string> = {
  TENANT_ID: '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
  BOT_ID: '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
  SECRET_BOT_PASSWORD: 'test-only-secret',
  AAD_APP_CLIENT_ID: '9c8b7a6d-5e4f-4d3c-9b2a-1f0e9d8c7b6a',
  PUBLIC_URL: 'https://hub.example.sch.uk',
  DEV_SIGN_IN: 'false',
};

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface TestApp {
  app: RunningApp;
  base: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Signs in through the real dev sign-in endpoint and returns the bearer token. */
  signIn(personId: string): Promise<string>;
  get(path: string, token?: string): Promise<Response>;
  post(path: string, body: unknown, token?: string): Promise<Response>;
  put(path: string, body: unknown, token?: string): Promise<Response>;
}

/** The whole app on a free port with its own SQLite file: real HTTP, real store, seeded demo data. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: AppOptions & { log?: Logger } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smph-test-'));
  const config = loadConfig(
    {
      APP_ENV: 'test',
      SQLITE_PATH: join(dataDir, 'app.db'),
      SECRET_CREDENTIAL_KEY: randomBytes(32).toString('base64'),
      ...env,
    },
    ROOT,
  );
  const app = await startApp(config, options.log ?? createLogger('silent'), options);
  const base = `http://127.0.0.1:${app.port}`;
  const headers = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  const send = (method: string) => (path: string, body: unknown, token?: string) =>
    fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json', ...headers(token) },
      body: JSON.stringify(body),
    });
  const post = send('POST');
  return {
    app,
    base,
    dataDir,
    stop: () => app.stop(),
    get: (path, token) => fetch(base + path, { headers: headers(token) }),
    post,
    put: send('PUT'),
    async signIn(personId) {
      const res = await post('/api/v1/dev/sign-in', { personId });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
  };
}
