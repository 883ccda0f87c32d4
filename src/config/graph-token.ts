import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { managedIdentityToken, type TokenSource } from './managed-identity.ts';

const GRAPH = 'https://graph.microsoft.com';

export interface GraphAuthSettings {
  tenantId?: string;
  /** The app registration allowed onto the site (Sites.Selected); without it, the managed identity. */
  clientId?: string;
  clientSecret?: string;
  /** A PEM file holding the certificate and its private key; preferred over a secret. */
  certificatePath?: string;
}

/**
 * App-only Microsoft Graph tokens: MSAL client credentials with a certificate or a secret when an
 * app registration is configured, otherwise the App Service managed identity. MSAL caches the
 * token and renews it before it expires.
 */
export function graphToken(settings: GraphAuthSettings, env: NodeJS.ProcessEnv = process.env): TokenSource {
  if (!settings.clientId || (!settings.clientSecret && !settings.certificatePath)) {
    return managedIdentityToken(env, GRAPH);
  }
  if (!settings.tenantId) throw new Error('TENANT_ID is needed to sign in to Microsoft Graph as the app');
  let certificate: { thumbprintSha256: string; privateKey: string; x5c: string } | undefined;
  if (settings.certificatePath) {
    const pem = readFileSync(settings.certificatePath, 'utf8');
    const cert = new X509Certificate(pem);
    certificate = {
      thumbprintSha256: cert.fingerprint256.replaceAll(':', ''),
      privateKey: pem,
      x5c: cert.toString(),
    };
  }
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: `https://login.microsoftonline.com/${settings.tenantId}`,
      ...(certificate ? { clientCertificate: certificate } : { clientSecret: settings.clientSecret }),
    },
  });
  return async () => {
    const result = await app.acquireTokenByClientCredential({ scopes: [`${GRAPH}/.default`] });
    if (!result?.accessToken) throw new Error('Microsoft Graph gave no token for the app');
    return result.accessToken;
  };
}
