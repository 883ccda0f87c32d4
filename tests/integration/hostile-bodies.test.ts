import { jest } from '@jest/globals';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log.ts';
import { startTestApp, TENANT_BOT_ENV, type TestApp } from '../helpers/app.ts';

/**
 * Bodies built to break whatever walks them, against the bot endpoint in tenant mode and the API.
 * Each is a 400 with a reason, and nothing but the redacting logger writes anything about them.
 */
jest.setTimeout(60_000);
const SECRET_TEXT = 'my pupil Riley told me a secret';
const FORGED = 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.forged';
let t: TestApp;
let logged = '';
const written: string[] = [];
const restore: (() => void)[] = [];

beforeEach(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  t = await startTestApp(TENANT_BOT_ENV, { log: createLogger('trace', sink) });
  // Anything written to the console or the process's own streams, by the SDK, restify or us.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      written.push(args.map(String).join(' '));
    });
    restore.push(() => spy.mockRestore());
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => {
      stream.write = original;
    });
  }
});
afterEach(async () => {
  for (const undo of restore) undo();
  await t.stop();
});

const activity = (extra: string) =>
  `{"type":"message","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/uk/","from":{"id":"29:x"},"recipient":{"id":"28:bot"},"conversation":{"id":"a:c"},"text":${JSON.stringify(SECRET_TEXT)}${extra}}`;
const post = (path: string, body: string) =>
  fetch(`${t.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: FORGED },
    body,
  });

test('an activity nested 100,000 levels deep is a 400 saying why, not a 500', async () => {
  const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
  for (const field of ['value', 'channelData', 'entities']) {
    const res = await post('/api/messages', activity(`,"${field}":${deep}`));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'too_deeply_nested', message: 'The request body nests more than 64 levels deep' },
    });
  }
  const api = await post('/api/v1/applications', '['.repeat(100_000) + ']'.repeat(100_000));
  expect(api.status).toBe(400);
});

test('an unsigned activity is refused with 401 and logged once, redacted, by our logger alone', async () => {
  const res = await post('/api/messages', activity(''));
  expect(res.status).toBe(401);
  expect(logged).toContain('refused an activity not signed by the Bot Framework');
});

test('nothing written anywhere carries the message text or the token', () => {
  const everything = logged + written.join('\n');
  expect(everything).not.toContain(SECRET_TEXT);
  expect(everything).not.toContain('forged');
  // The SDK's own console output (its refused-activity stack) is gone.
  expect(written.join('\n')).not.toMatch(/Unauthorized|AuthenticationError/);
});
