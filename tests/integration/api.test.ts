import { SignJWT } from 'jose';
import { DEMO_PERSONAS, DEMO_SCHOOLS } from '../../src/seed/demo-data.ts';
import { ROOT, startTestApp, type TestApp } from '../helpers/app.ts';
import { readFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.stop();
});

/** A GET that keeps the body as sent: fetch would undo the compression this checks. */
function request(base: string, path: string, headers: Record<string, string>) {
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('health', () => {
  test('/healthz answers ok and /readyz checks the store and the built tab', async () => {
    expect(await (await t.get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { store: 'ok', tab: 'ok' } });
  });
});

describe('tab hosting', () => {
  test('/tab/ serves the built page as HTML with a CSP that lets Teams frame it', async () => {
    const res = await t.get('/tab/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'self' [^;]*https:\/\/teams\.microsoft\.com/);
    expect(csp).toContain('https://*.cloud.microsoft');
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeNull();
    const html = await res.text();
    const script = /src="(\/tab\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await t.get(script!);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await js.text()).length).toBeGreaterThan(0);
  });

  test('scripts are sent compressed to browsers that accept it, and as they are to those that do not', async () => {
    const html = await (await t.get('/tab/')).text();
    const script = /src="(\/tab\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const built = readFileSync(join(ROOT, 'tab', 'dist', script.replace('/tab/', '')));
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const res = await request(t.base, script, { 'accept-encoding': encoding });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.body.length).toBeLessThan(built.length / 2);
      expect(decode(res.body).equals(built)).toBe(true);
    }
    const plain = await request(t.base, script, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(built)).toBe(true);
  });

  test('/tab redirects to /tab/ and a path outside the build cannot be read', async () => {
    const res = await fetch(`${t.base}/tab`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/tab/');
    const escape = await t.get('/tab/..%2f..%2fpackage.json');
    expect(escape.status).not.toBe(200);
  });
});

describe('API authentication and errors', () => {
  test('no token is 401 with a WWW-Authenticate challenge and a readable message', async () => {
    const res = await t.get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await errorOf(res)).toEqual({ code: 'unauthorized', message: 'Sign in to use this API' });
  });

  test('a forged token (signed with another key) and an unsigned token are both refused', async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(DEMO_PERSONAS.DSL)
      .setAudience('social-media-policy-hub/dev')
      .setIssuer('social-media-policy-hub/dev-sign-in')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-servers-key-not-the-servers-key'));
    expect((await t.get('/api/v1/me', forged)).status).toBe(401);
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: DEMO_PERSONAS.DSL })).toString('base64url');
    expect((await t.get('/api/v1/me', `${header}.${body}.`)).status).toBe(401);
  });

  test('dev sign-in gives a token that identifies the chosen person and their roles', async () => {
    const token = await t.signIn(DEMO_PERSONAS.DSL);
    const me = (await (await t.get('/api/v1/me', token)).json()) as {
      person: { displayName: string };
      roles: string[];
    };
    expect(me.person.displayName).toBe('Morgan Hale');
    expect(me.roles).toEqual(['Staff', 'DSL']);
  });

  test('the personas list offers one demo person per role', async () => {
    const res = await t.get('/api/v1/dev/personas');
    const { items } = (await res.json()) as { items: { role: string }[] };
    expect(items.map((p) => p.role)).toEqual(['Staff', 'SLT', 'DSL', 'HR', 'Admin']);
  });

  test('signing in as someone who does not exist is 404; a body of the wrong shape is 400 naming the field', async () => {
    expect((await t.post('/api/v1/dev/sign-in', { personId: 'person-nobody' })).status).toBe(404);
    const res = await t.post('/api/v1/dev/sign-in', { personId: 42 });
    expect(res.status).toBe(400);
    const error = (await res.json()) as { error: { details: { field: string }[] } };
    expect(error.error.details[0]!.field).toBe('personId');
  });

  test('malformed JSON is 400, a non-JSON body is 415, and an oversized body is 413', async () => {
    const bad = await fetch(`${t.base}/api/v1/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"personId": ',
    });
    expect(bad.status).toBe(400);
    const text = await fetch(`${t.base}/api/v1/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'personId=x',
    });
    expect(text.status).toBe(415);
    const huge = await t.post('/api/v1/dev/sign-in', { personId: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect((await errorOf(huge)).code).toBe('payload_too_large');
  });

  test('a page link that was altered or made up is a 400 saying so, not a server error', async () => {
    const token = await t.signIn(DEMO_PERSONAS.SLT);
    for (const cursor of ['not-a-cursor', Buffer.from('{"o":-5}').toString('base64url')]) {
      const res = await t.get(`/api/v1/audit?cursor=${encodeURIComponent(cursor)}`, token);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('invalid_cursor');
    }
  });

  test('an unknown API path is a JSON 404', async () => {
    const token = await t.signIn(DEMO_PERSONAS.Staff);
    const res = await t.get('/api/v1/no-such-thing', token);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });
});

describe('API authorisation and validation', () => {
  test("staff can read their own school's directory but not another school's", async () => {
    const token = await t.signIn(DEMO_PERSONAS.Staff);
    const own = await t.get(`/api/v1/people?schoolId=${DEMO_SCHOOLS.primary}&search=hale`, token);
    expect(own.status).toBe(200);
    const { items } = (await own.json()) as { items: { displayName: string }[] };
    expect(items.map((p) => p.displayName)).toEqual(['Morgan Hale']);
    const other = await t.get(`/api/v1/people?schoolId=${DEMO_SCHOOLS.secondary}`, token);
    expect(other.status).toBe(403);
  });

  test('HR, who works at both schools, can read both directories', async () => {
    const token = await t.signIn(DEMO_PERSONAS.HR);
    expect((await t.get(`/api/v1/people?schoolId=${DEMO_SCHOOLS.secondary}`, token)).status).toBe(200);
  });

  test('unknown or out-of-range query parameters are 400 with the parameter named', async () => {
    const token = await t.signIn(DEMO_PERSONAS.Staff);
    const unknown = await t.get('/api/v1/people?role=DSL', token);
    expect(unknown.status).toBe(400);
    const limit = await t.get('/api/v1/people?limit=100000', token);
    expect(limit.status).toBe(400);
    const { error } = (await limit.json()) as { error: { details: { field: string }[] } };
    expect(error.details[0]!.field).toBe('limit');
  });

  test('a route that takes no query parameters refuses any it is sent, naming none as allowed', async () => {
    const token = await t.signIn(DEMO_PERSONAS.Staff);
    for (const path of ['/api/v1/monitoring?anything=1', '/api/v1/me?debug=true', '/api/v1/accounts?v=3']) {
      const res = await t.get(path, token);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    }
  });

  test("the current policy is the school's seeded sample, with numbered sections", async () => {
    const token = await t.signIn(DEMO_PERSONAS.Staff);
    const policy = (await (await t.get('/api/v1/policy', token)).json()) as { versionNumber: number; text: string };
    expect(policy.versionNumber).toBe(1);
    expect(policy.text).toMatch(/^## 6\. Staff use of personal social media$/m);
  });
});
