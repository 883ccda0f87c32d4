import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { ROOT } from '../helpers/app.ts';
import { selfSignedCertificate } from '../helpers/self-signed.ts';

/**
 * The server with APPLICATIONINSIGHTS_CONNECTION_STRING set, in a child process, sending to a
 * local stand-in of Application Insights' ingestion endpoint (POST /v2.1/track): each request is
 * a request item named by its route, log lines arrive as messages, and nothing is lost at shutdown.
 */
jest.setTimeout(60_000);
interface Envelope {
  name: string;
  data: { baseType: string; baseData: Record<string, unknown> };
}
const received: Envelope[] = [];
let ingestion: Server;
let certPath: string;

beforeAll(async () => {
  const tls = selfSignedCertificate();
  certPath = tls.certPath;
  ingestion = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
      if (req.url?.startsWith('/v2.1/track')) {
        const items = (
          text.trim().startsWith('[')
            ? JSON.parse(text)
            : text
                .trim()
                .split('\n')
                .map((l) => JSON.parse(l))
        ) as Envelope[];
        received.push(...items);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => ingestion.close(() => resolve()));
});

test('requests and logs reach Application Insights, named by route, with nothing from the query string', async () => {
  const endpoint = `https://127.0.0.1:${(ingestion.address() as AddressInfo).port}/`;
  const server = spawn(process.execPath, ['src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      APP_ENV: 'test',
      LOG_LEVEL: 'info',
      NODE_EXTRA_CA_CERTS: certPath,
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=11111111-2222-4333-8444-555555555555;IngestionEndpoint=${endpoint}`,
      APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    },
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      const found = /http:\/\/localhost:(\d+)\/tab\//.exec(output);
      if (found) resolve(Number(found[1]));
    });
    server.once('exit', () => reject(new Error(`the server stopped: ${output}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  expect((await fetch(`${base}/api/v1/cases/incident-123?search=Ellie%20Marsh`)).status).toBe(401);
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;

  const requests = received.filter((e) => e.data.baseType === 'RequestData').map((e) => e.data.baseData);
  expect(requests).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: 'GET /healthz', responseCode: '200' }),
      expect.objectContaining({ name: 'GET /api/v1/cases/:id', responseCode: '401' }),
    ]),
  );
  expect(JSON.stringify(received)).not.toContain('Ellie');
  const messages = received
    .filter((e) => e.data.baseType === 'MessageData')
    .map((e) => String(e.data.baseData.message));
  expect(messages).toEqual(expect.arrayContaining(['shutting down']));
});
