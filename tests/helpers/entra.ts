import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload, type CryptoKey } from 'jose';

export const TENANT_ID = '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
export const API_CLIENT_ID = '9c8b7a6d-5e4f-4d3c-9b2a-1f0e9d8c7b6a';
export const OTHER_TENANT_ID = '11111111-2222-4333-8444-555555555555';

/**
 * A local stand-in for Entra's signing keys: it makes its own RSA key, publishes it as a JWKS
 * over HTTP, and mints access tokens shaped like Entra's v2 tokens for the hub's API. Tests use
 * it to attack the API's token checks without a tenant.
 */
export async function startFakeEntra() {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'entra-test-key', use: 'sig', alg: 'RS256' };
  let keysServed = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/discovery/v2.0/keys') {
      res.writeHead(404);
      res.end();
      return;
    }
    keysServed += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** A valid token for the person with this Entra object id, unless `claims` or `options` spoil it. */
  async function token(
    oid: string,
    claims: JWTPayload & { roles?: string[]; groups?: string[]; scp?: string } = {},
    options: { key?: CryptoKey; kid?: string; expiresIn?: string | number } = {},
  ): Promise<string> {
    return new SignJWT({
      tid: TENANT_ID,
      oid,
      scp: 'access_as_user',
      ver: '2.0',
      // Entra gives every token a unique id, so two minted in the same second still differ.
      uti: randomUUID(),
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'entra-test-key', typ: 'JWT' })
      .setIssuer(String(claims.iss ?? `https://login.microsoftonline.com/${String(claims.tid ?? TENANT_ID)}/v2.0`))
      .setAudience(claims.aud ?? API_CLIENT_ID)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(options.key ?? privateKey);
  }

  return {
    jwksUrl: `${base}/discovery/v2.0/keys`,
    token,
    strangerKey: stranger.privateKey,
    keysServed: () => keysServed,
    /** The environment a tenant-mode test app needs to trust this stand-in. */
    env: {
      TENANT_ID,
      AAD_APP_CLIENT_ID: API_CLIENT_ID,
      BOT_ID: '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
      SECRET_BOT_PASSWORD: 'test-bot-secret',
      PUBLIC_URL: 'https://hub.example.sch.uk',
      DEV_SIGN_IN: 'false',
      SEED_DEMO_DATA: 'true',
      ENTRA_JWKS_URL: `${base}/discovery/v2.0/keys`,
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An unsigned token (`alg: none`), which must never be accepted. */
export function unsignedToken(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}
