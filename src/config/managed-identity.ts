/** A managed identity could not give a token: not on Azure, or the identity was refused. */
export class ManagedIdentityError extends Error {
  override name = 'ManagedIdentityError';
}

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
      throw new ManagedIdentityError(
        `${name} needs a managed identity (IDENTITY_ENDPOINT and IDENTITY_HEADER), as on Azure App Service`,
      );
    }
    const url = new URL(endpoint);
    url.searchParams.set('resource', resource);
    url.searchParams.set('api-version', '2019-08-01');
    const res = await fetch(url, { headers: { 'X-IDENTITY-HEADER': header } });
    if (!res.ok) throw new ManagedIdentityError(`The managed identity refused a ${name} token (${res.status})`);
    const body = (await res.json()) as { access_token: string; expires_on: string };
    cached = { token: body.access_token, until: Number(body.expires_on) * 1000 };
    return cached.token;
  };
}
