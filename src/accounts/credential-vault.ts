import type { AccountCredential, CredentialVault } from '../ports.ts';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export class CredentialUnavailableError extends Error {
  override name = 'CredentialUnavailableError';
}

const PREFIX = 'aes-256-gcm:v1';
const b64 = (buf: Buffer) => buf.toString('base64url');

/**
 * AES-256-GCM with a fresh 96-bit nonce per secret. The account id is bound in as associated
 * data, so ciphertext copied onto another account's record does not decrypt there.
 */
export function encryptedInStoreVault(key: Buffer): CredentialVault {
  if (key.length !== 32) throw new Error('The credential key must be 32 bytes');
  return {
    async seal(accountId, credential) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(`account:${accountId}`));
      const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credential), 'utf8'), cipher.final()]);
      return [PREFIX, b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join(':');
    },
    async open(accountId, reference) {
      const parts = reference.split(':');
      if (parts.length !== 5 || `${parts[0]}:${parts[1]}` !== PREFIX) {
        throw new CredentialUnavailableError('This account’s sign-in details are not stored in this app’s vault');
      }
      const [, , iv, tag, ciphertext] = parts as [string, string, string, string, string];
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(`account:${accountId}`));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
        return JSON.parse(plain.toString('utf8')) as AccountCredential;
      } catch {
        // Wrong key (rotated without re-encrypting) or tampered data: say so, never return garbage.
        throw new CredentialUnavailableError(
          'These sign-in details cannot be decrypted with the current key (SECRET_CREDENTIAL_KEY)',
        );
      }
    },
  };
}
