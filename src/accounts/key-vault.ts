import { CredentialUnavailableError, type AccountCredential, type CredentialVault } from './credential-vault.ts';

const API_VERSION = '7.4';

/** Returns a bearer token for one resource, such as https://vault.azure.net or https://graph.microsoft.com. */
export type TokenSource = () => Promise<string>;

const RESOURCE_NAMES: Record<string, string> = {
  'https://vault.azure.net': 'Key Vault',
  'https://graph.microsoft.com': 'Microsoft Graph',
};

/**
 * App Service's managed identity: the platform sets IDENTITY_ENDPOINT and IDENTITY_HEADER, and a
 * local GET returns a token for the resource asked for. Tokens are reused until near expiry.
 */
export function managedIdentityToken(
  env: NodeJS.ProcessEnv = process.env,
  resource = 'https://vault.azure.net',
): TokenSource {
  const name = RESOURCE_NAMES[resource] ?? resource;
  let cached: { token: string; until: number } | undefined;
  return async () => {
    if (cached && cached.until > Date.now() + 5 * 60_000) return cached.token;
    const endpoint = env.IDENTITY_ENDPOINT;
    const header = env.IDENTITY_HEADER;
    if (!endpoint || !header) {
      throw new CredentialUnavailableError(
        `${name} needs a managed identity (IDENTITY_ENDPOINT and IDENTITY_HEADER), as on Azure App Service`,
      );
    }
    const url = new URL(endpoint);
    url.searchParams.set('resource', resource);
    url.searchParams.set('api-version', '2019-08-01');
    const res = await fetch(url, { headers: { 'X-IDENTITY-HEADER': header } });
    if (!res.ok) throw new CredentialUnavailableError(`The managed identity refused a ${name} token (${res.status})`);
    const body = (await res.json()) as { access_token: string; expires_on: string };
    cached = { token: body.access_token, until: Number(body.expires_on) * 1000 };
    return cached.token;
  };
}

/** Key Vault secret names allow letters, digits and hyphens only. */
const secretName = (accountId: string) => `account-${accountId.replace(/[^0-9a-zA-Z-]/g, '-')}`.slice(0, 127);

/**
 * Credentials in Azure Key Vault. Each save is a new version of the account's secret, and the
 * record keeps that version's id, so an old record can never silently read a newer secret.
 */
export function keyVault(vaultUrl: string, token: TokenSource): CredentialVault {
  const base = vaultUrl.replace(/\/$/, '');
  const call = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
    });
    if (!res.ok) {
      const error = ((await res.json().catch(() => ({}))) as { error?: { code?: string } }).error;
      throw new CredentialUnavailableError(`Key Vault answered ${res.status}${error?.code ? ` (${error.code})` : ''}`);
    }
    return (await res.json()) as { value: string; id: string };
  };
  return {
    async seal(accountId, credential) {
      const saved = await call(`${base}/secrets/${secretName(accountId)}?api-version=${API_VERSION}`, {
        method: 'PUT',
        body: JSON.stringify({ value: JSON.stringify(credential), contentType: 'application/json' }),
      });
      return saved.id;
    },
    async open(accountId, reference) {
      // Only this vault's secret for this account: a record edited to point elsewhere is refused.
      const expected = `${base}/secrets/${secretName(accountId)}/`;
      if (!reference.startsWith(expected)) {
        throw new CredentialUnavailableError('This account’s sign-in details are not in this app’s Key Vault');
      }
      const secret = await call(`${reference}?api-version=${API_VERSION}`);
      return JSON.parse(secret.value) as AccountCredential;
    },
  };
}
