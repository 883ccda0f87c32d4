import { request } from 'node:http';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

/**
 * DNS rebinding: a web page the demo user opens points its own name at 127.0.0.1 and calls the
 * dev sign-in. The connection is loopback, but the Host (and the page's Origin) name the other
 * site, so the sign-in refuses it and no token is given.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

function signIn(headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { port } = new URL(app.base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1/dev/sign-in',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ personId: DEMO_PERSONAS.DSL }));
  });
}

test('a page on another site reaching the dev sign-in through a rebound name gets no token', async () => {
  const { port } = new URL(app.base);
  const rebound = await signIn({ host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` });
  expect(rebound.status).toBe(403);
  expect(rebound.body).not.toContain('token');
  // The right Host with another site's Origin (a page posting across sites) is refused too.
  expect((await signIn({ host: `127.0.0.1:${port}`, origin: 'https://attacker.example' })).status).toBe(403);
  // The hub's own tab, on this computer, signs in.
  const own = await signIn({ host: `localhost:${port}`, origin: `http://localhost:${port}` });
  expect(own.status).toBe(200);
  expect(JSON.parse(own.body).token).toEqual(expect.any(String));
});
