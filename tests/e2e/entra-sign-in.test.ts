import { SignJWT } from 'jose';
import { PLAYGROUND_USER_IDS } from '../../src/seed/demo-data.ts';
import { launchChromium } from '../../src/cli/chromium.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { API_CLIENT_ID, TENANT_ID, startFakeEntra } from '../helpers/entra.ts';
import type { Browser, Route } from 'playwright-core';

/**
 * The tab's browser sign-in in a tenant, end to end in Chromium: MSAL redirects to Entra, comes
 * back with a code, swaps it for tokens, and the API accepts the access token. Entra's endpoints
 * are played by Playwright routes, with tokens signed by the local key server the API trusts.
 */
let entra: Awaited<ReturnType<typeof startFakeEntra>>;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  entra = await startFakeEntra();
  app = await startTestApp(entra.env);
  browser = await launchChromium();
}, 30_000);
afterAll(async () => {
  await browser.close();
  await app.stop();
  await entra.close();
});

test('a member of staff signs in to the tab with Entra ID and sees their own name', async () => {
  const page = await browser.newPage();
  const login = `https://login.microsoftonline.com/${TENANT_ID}`;
  let nonce = '';
  const oid = PLAYGROUND_USER_IDS.Staff;
  const json = (route: Route, body: unknown) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify(body),
    });

  await page.route('https://login.microsoftonline.com/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('/.well-known/openid-configuration')) {
      return json(route, {
        token_endpoint: `${login}/oauth2/v2.0/token`,
        authorization_endpoint: `${login}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${login}/oauth2/v2.0/logout`,
        issuer: `${login}/v2.0`,
        jwks_uri: `${login}/discovery/v2.0/keys`,
      });
    }
    if (url.pathname.endsWith('/discovery/instance')) {
      return json(route, {
        tenant_discovery_endpoint: `${login}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [
          {
            preferred_network: 'login.microsoftonline.com',
            preferred_cache: 'login.windows.net',
            aliases: ['login.microsoftonline.com'],
          },
        ],
      });
    }
    if (url.pathname.endsWith('/oauth2/v2.0/authorize')) {
      nonce = url.searchParams.get('nonce') ?? '';
      const back = new URL(url.searchParams.get('redirect_uri')!);
      const clientInfo = Buffer.from(JSON.stringify({ uid: oid, utid: TENANT_ID })).toString('base64url');
      back.hash = `code=fake-code&state=${encodeURIComponent(url.searchParams.get('state')!)}&client_info=${clientInfo}`;
      return route.fulfill({ status: 302, headers: { location: back.toString() } });
    }
    if (url.pathname.endsWith('/oauth2/v2.0/token')) {
      const idToken = await new SignJWT({
        nonce,
        tid: TENANT_ID,
        oid,
        preferred_username: 'jordan.ellery@demo.example.sch.uk',
        name: 'Jordan Ellery',
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(`${login}/v2.0`)
        .setAudience(API_CLIENT_ID)
        .setSubject(oid)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('the tab never checks this signature; the API checks the access token'));
      return json(route, {
        token_type: 'Bearer',
        scope: `api://hub.example.sch.uk/${API_CLIENT_ID}/access_as_user`,
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: await entra.token(oid),
        id_token: idToken,
        client_info: Buffer.from(JSON.stringify({ uid: oid, utid: TENANT_ID })).toString('base64url'),
      });
    }
    return route.fulfill({ status: 404 });
  });

  await page.goto(`${app.base}/tab/`);
  await page.getByRole('navigation', { name: 'Pages' }).waitFor({ timeout: 20_000 });
  await page.getByRole('heading', { name: 'Welcome, Jordan' }).waitFor();
  // No demo sign-in or "Switch person" in a tenant.
  expect(await page.getByRole('button', { name: 'Switch person' }).count()).toBe(0);
  await page.close();
}, 60_000);
