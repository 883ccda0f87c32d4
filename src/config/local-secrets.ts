import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Appends a new SECRET_CREDENTIAL_KEY to env/.env.<name>.user (git-ignored, owner-only) and
 * returns the file's path. Losing this key makes stored credentials unreadable, by design.
 */
export function createLocalCredentialKey(rootDir: string, envName: string): string {
  const file = join(rootDir, 'env', `.env.${envName}.user`);
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const separator = existing && !existing.endsWith('\n') ? '\n' : '';
  appendFileSync(
    file,
    `${separator}# Encrypts official accounts' credentials in the database. Back it up; never commit it.\nSECRET_CREDENTIAL_KEY=${randomBytes(32).toString('base64')}\n`,
    { mode: 0o600 },
  );
  // The mode above applies only to a new file; an existing one is tightened too.
  chmodSync(file, 0o600);
  return file;
}
