import type { Host } from './host.ts';

/** What the server says about signing in: the demo sign-in, or Entra ID with the API's scope. */
export type SignInConfig = { scheme: 'dev' } | { scheme: 'entra'; clientId: string; tenantId: string; scope: string };

/**
 * A function that returns a current access token for the hub's API, signing in first if needed.
 * In Teams: nested app authentication where Teams recommends it, else Teams SSO (getAuthToken).
 * In a plain browser: MSAL's redirect sign-in. MSAL caches and refreshes tokens itself.
 */
export async function entraTokenSource(
  config: Extract<SignInConfig, { scheme: 'entra' }>,
  host: Host,
): Promise<() => Promise<string>> {
  const authority = `https://login.microsoftonline.com/${config.tenantId}`;
  const request = { scopes: [config.scope] };
  if (host.inTeams) {
    const { nestedAppAuth, authentication } = await import('@microsoft/teams-js');
    if (!nestedAppAuth.isNAAChannelRecommended()) {
      // Older Teams clients: the SSO token is already for the API (its Application ID URI), so MSAL is never loaded.
      return () => authentication.getAuthToken();
    }
  }
  const msal = await import('@azure/msal-browser');
  const needsInteraction = (err: unknown) => err instanceof msal.InteractionRequiredAuthError;

  if (host.inTeams) {
    const pca = await msal.createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority } });
    return async () => {
      const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
      try {
        return (await pca.acquireTokenSilent({ ...request, ...(account ? { account } : {}) })).accessToken;
      } catch (err) {
        if (!needsInteraction(err)) throw err;
        return (await pca.acquireTokenPopup(request)).accessToken;
      }
    };
  }

  const pca = await msal.createStandardPublicClientApplication({
    auth: { clientId: config.clientId, authority, redirectUri: `${window.location.origin}/tab/` },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const returned = await pca.handleRedirectPromise();
  if (returned?.account) pca.setActiveAccount(returned.account);
  return async () => {
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    if (!account) {
      await pca.loginRedirect(request);
      return new Promise<string>(() => undefined); // the page is leaving for the sign-in
    }
    try {
      return (await pca.acquireTokenSilent({ ...request, account })).accessToken;
    } catch (err) {
      if (!needsInteraction(err)) throw err;
      await pca.acquireTokenRedirect(request);
      return new Promise<string>(() => undefined);
    }
  };
}
