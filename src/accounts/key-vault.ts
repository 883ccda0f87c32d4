import type { AccountCredential, CredentialVault } from '../ports.ts';
import { IdentityError, type TokenSource } from '../config/azure-identity.ts';
import { CredentialUnavailableError } from './credential-vault.ts';

const API_VERSION = '7.4';

/** Key Vault secret names allow letters, digits and hyphens only. */
const secretName = (accountId: string) => `account-${accountId.replace(/[^0-9a-zA-Z-]/g, '-')}`.slice(0, 127);

/**
 * Credentials in Azure Key Vault. Each save is a new version of the account's secret, and the
 * record keeps that version's id, so an old record can never silently read a newer secret.
 */
export function keyVault(vaultUrl: string, token: TokenSource): CredentialVault {
  const base = vaultUrl.replace(/\/$/, '');
  // No token means no credentials: said as the vault being unavailable (503), not a server fault.
  const vaultToken = () =>
    token().catch((err: unknown) => {
      throw err instanceof IdentityError ? new CredentialUnavailableError(err.message) : err;
    });
  const call = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      headers: { authorization: `Bearer ${await vaultToken()}`, 'content-type': 'application/json' },
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
