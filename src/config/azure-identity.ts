import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';

/** Returns a bearer token for one resource, such as Key Vault or Microsoft Graph. */
export type TokenSource = () => Promise<string>;

/** A token could not be had: no identity configured, or the one configured was refused. */
export class IdentityError extends Error {
  override name = 'IdentityError';
}

export const SCOPES = {
  graph: 'https://graph.microsoft.com/.default',
  keyVault: 'https://vault.azure.net/.default',
} as const;

export interface IdentitySettings {
  tenantId?: string;
  /** An app registration's client id, for a certificate or a secret. */
  clientId?: string;
  clientSecret?: string;
  /** A PEM file holding the certificate and its private key. */
  certificatePath?: string;
  /** A user-assigned managed identity's client id; without it, the host's system-assigned one. */
  managedIdentityClientId?: string;
  /** Forces one kind instead of the first the host offers (for example a certificate on App Service, for the activity feed). */
  use?: IdentityKind;
}

export type IdentityKind = 'managed-identity' | 'certificate' | 'secret';

/** The identity settings as the command-line tools read them, straight from the env file and environment. */
export const identityFromEnv = (env: Record<string, string | undefined>): { graph: IdentitySettings } => ({
  graph: {
    tenantId: env.TENANT_ID,
    clientId: env.GRAPH_CLIENT_ID,
    clientSecret: env.SECRET_GRAPH_CLIENT_SECRET,
    certificatePath: env.GRAPH_CERTIFICATE_PATH,
    managedIdentityClientId: env.AZURE_CLIENT_ID,
    use: env.SERVER_IDENTITY as IdentityKind | undefined,
  },
});

/**
 * Whether the host gives the process a managed identity: App Service, Functions and Container Apps
 * set IDENTITY_ENDPOINT; an Azure VM's identity cannot be seen from the environment, so a school
 * running on one says so with AZURE_MANAGED_IDENTITY=true.
 */
const hostHasManagedIdentity = (env: NodeJS.ProcessEnv) =>
  Boolean(env.IDENTITY_ENDPOINT || env.MSI_ENDPOINT || env.AZURE_MANAGED_IDENTITY === 'true');

/** Which identity the server uses for every Azure and Graph call: the host's managed identity, else a certificate, else a secret. */
export function identityKind(
  settings: IdentitySettings,
  env: NodeJS.ProcessEnv = process.env,
): IdentityKind | undefined {
  if (settings.use) return settings.use;
  if (hostHasManagedIdentity(env)) return 'managed-identity';
  if (settings.clientId && settings.certificatePath) return 'certificate';
  if (settings.clientId && settings.clientSecret) return 'secret';
  return undefined;
}

/**
 * The one credential, configured once, that the SharePoint store, the staff sync, Key Vault,
 * Teams installation, the activity feed and mail all take their tokens from. @azure/identity
 * caches each token and renews it before it runs out.
 */
export function serverCredential(
  settings: IdentitySettings,
  env: NodeJS.ProcessEnv = process.env,
): { kind: IdentityKind; credential: TokenCredential } | undefined {
  const kind = identityKind(settings, env);
  if (!kind) return undefined;
  if (kind === 'managed-identity') {
    const clientId = settings.managedIdentityClientId;
    return {
      kind,
      credential: clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential(),
    };
  }
  if (!settings.tenantId || !settings.clientId) {
    throw new IdentityError(`Signing in with a ${kind} needs TENANT_ID and GRAPH_CLIENT_ID`);
  }
  if (kind === 'certificate') {
    if (!settings.certificatePath)
      throw new IdentityError('Signing in with a certificate needs GRAPH_CERTIFICATE_PATH');
    return {
      kind,
      credential: new ClientCertificateCredential(settings.tenantId, settings.clientId, {
        certificatePath: settings.certificatePath,
      }),
    };
  }
  if (!settings.clientSecret) throw new IdentityError('Signing in with a secret needs SECRET_GRAPH_CLIENT_SECRET');
  return { kind, credential: new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret) };
}

const RESOURCE_NAMES: Record<string, string> = {
  [SCOPES.graph]: 'Microsoft Graph',
  [SCOPES.keyVault]: 'Key Vault',
};

/** Tokens for one resource from the server's credential, with errors that say which resource and why. */
export function tokenSource(credential: TokenCredential | undefined, scope: string): TokenSource {
  const name = RESOURCE_NAMES[scope] ?? scope;
  return async () => {
    if (!credential) {
      throw new IdentityError(
        `${name} needs an identity: run on a host with a managed identity (App Service, Container Apps, an Azure VM with AZURE_MANAGED_IDENTITY=true), or set GRAPH_CLIENT_ID with a certificate or a secret`,
      );
    }
    try {
      const token = await credential.getToken(scope);
      if (!token) throw new IdentityError(`No ${name} token was given`);
      return token.token;
    } catch (err) {
      if (err instanceof IdentityError) throw err;
      throw new IdentityError(`The server's identity was refused a ${name} token: ${(err as Error).message}`);
    }
  };
}

/** One credential per configuration, so every caller shares its token cache. */
const credentials = new WeakMap<IdentitySettings, ReturnType<typeof serverCredential>>();
function credentialOf(config: { graph: IdentitySettings }): TokenCredential | undefined {
  if (!credentials.has(config.graph)) credentials.set(config.graph, serverCredential(config.graph));
  return credentials.get(config.graph)?.credential;
}

/** Microsoft Graph as the server itself (app-only): the store, the directory, installation, the feed and mail. */
export const graphTokens = (config: { graph: IdentitySettings }): TokenSource =>
  tokenSource(credentialOf(config), SCOPES.graph);

/** Key Vault, where official accounts' sign-in details are kept. */
export const keyVaultTokens = (config: { graph: IdentitySettings }): TokenSource =>
  tokenSource(credentialOf(config), SCOPES.keyVault);
