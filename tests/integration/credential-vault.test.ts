import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { CredentialUnavailableError, encryptedInStoreVault } from '../../src/accounts/credential-vault.ts';
import { keyVault } from '../../src/accounts/key-vault.ts';
import { keyVaultTokens } from '../../src/config/azure-identity.ts';

const credential = { username: 'eco@oakfield.example.sch.uk', password: 'Kestrel-Lantern-4417', notes: '' };

describe('credentials encrypted in the store (embedded mode)', () => {
  const vault = encryptedInStoreVault(randomBytes(32));

  test('sealed details open again only for the same account, and never appear in the reference', async () => {
    const ref = await vault.seal('account-1', credential);
    expect(ref).not.toContain('Kestrel');
    expect(ref).not.toContain('oakfield');
    expect(await vault.open('account-1', ref)).toEqual(credential);
    // The same secret sealed twice gives different ciphertext (fresh nonce).
    expect(await vault.seal('account-1', credential)).not.toBe(ref);
    // Copied onto another account's record, it does not open.
    await expect(vault.open('account-2', ref)).rejects.toThrow(CredentialUnavailableError);
  });

  test('a different key, or a tampered reference, is a clear error rather than garbage', async () => {
    const ref = await vault.seal('account-1', credential);
    await expect(encryptedInStoreVault(randomBytes(32)).open('account-1', ref)).rejects.toThrow(
      /cannot be decrypted with the current key/,
    );
    const parts = ref.split(':');
    parts[4] = Buffer.from('x'.repeat(40)).toString('base64url');
    await expect(vault.open('account-1', parts.join(':'))).rejects.toThrow(CredentialUnavailableError);
    await expect(vault.open('account-1', 'https://elsewhere/secret')).rejects.toThrow(/not stored in this app/);
  });
});

/**
 * A local stand-in for Key Vault's secrets REST API (PUT and GET /secrets/{name}[/{version}],
 * bearer token required, a new version per PUT) and for App Service's managed identity endpoint.
 */
async function fakeKeyVault() {
  const secrets = new Map<string, string>();
  let versions = 0;
  const tokenRequests: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (url.pathname === '/msi/token') {
        tokenRequests.push(`${url.searchParams.get('resource')} ${String(req.headers['x-identity-header'])}`);
        return send(200, { access_token: 'token-1', expires_on: String(Math.floor(Date.now() / 1000) + 3600) });
      }
      if (req.headers.authorization !== 'Bearer token-1') {
        return send(401, { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer' } });
      }
      const match = /^\/secrets\/([0-9a-zA-Z-]+)(?:\/([0-9a-f]+))?$/.exec(url.pathname);
      if (!match || url.searchParams.get('api-version') !== '7.4') {
        return send(400, { error: { code: 'BadParameter' } });
      }
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      if (req.method === 'PUT') {
        const id = `${base}/secrets/${match[1]}/${(++versions).toString(16).padStart(32, '0')}`;
        secrets.set(id, (JSON.parse(body) as { value: string }).value);
        return send(200, { value: secrets.get(id), id, attributes: { enabled: true } });
      }
      const id = `${base}${url.pathname}`;
      const value = secrets.get(id);
      return value === undefined ? send(404, { error: { code: 'SecretNotFound' } }) : send(200, { value, id });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { base, tokenRequests, close: () => new Promise((r) => server.close(r)) };
}

describe('credentials in Azure Key Vault (tenant mode)', () => {
  test('each save is a new secret version, read back with a managed identity token', async () => {
    const kv = await fakeKeyVault();
    try {
      // As App Service sets them for its managed identity; @azure/identity reads them from the process.
      process.env.IDENTITY_ENDPOINT = `${kv.base}/msi/token`;
      process.env.IDENTITY_HEADER = 'h-123';
      const vault = keyVault(kv.base, keyVaultTokens({ graph: {} }));
      const first = await vault.seal('account-school-1', credential);
      const second = await vault.seal('account-school-1', { ...credential, password: 'Changed-After-Handover' });
      expect(first).toMatch(new RegExp(`^${kv.base}/secrets/account-account-school-1/[0-9a-f]{32}$`));
      expect(second).not.toBe(first);
      expect(await vault.open('account-school-1', first)).toEqual(credential);
      expect((await vault.open('account-school-1', second)).password).toBe('Changed-After-Handover');
      // The token was fetched once and reused.
      expect(kv.tokenRequests).toEqual(['https://vault.azure.net h-123']);
      // A reference naming another account's secret is refused before any call.
      await expect(vault.open('account-school-2', first)).rejects.toThrow(/not in this app’s Key Vault/);
    } finally {
      delete process.env.IDENTITY_ENDPOINT;
      delete process.env.IDENTITY_HEADER;
      await kv.close();
    }
  });

  test('without an identity, or with a refused token, the error says why', async () => {
    const kv = await fakeKeyVault();
    try {
      await expect(keyVault(kv.base, keyVaultTokens({ graph: {} })).seal('a', credential)).rejects.toThrow(
        /Key Vault needs an identity: run on a host with a managed identity/,
      );
      await expect(keyVault(kv.base, async () => 'wrong').seal('a', credential)).rejects.toThrow(
        /Key Vault answered 401 \(Unauthorized\)/,
      );
    } finally {
      await kv.close();
    }
  });
});
