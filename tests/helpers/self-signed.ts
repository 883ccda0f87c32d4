import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';

/**
 * A throwaway certificate for 127.0.0.1, made with the machine's openssl, for local HTTPS
 * stand-ins of Microsoft services. `agent` trusts it and nothing else extra, for one client only.
 */
export function selfSignedCertificate(): { key: Buffer; cert: Buffer; certPath: string; agent: Agent } {
  const dir = mkdtempSync(join(tmpdir(), 'smph-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const pem = readFileSync(cert);
  return { key: readFileSync(key), cert: pem, certPath: cert, agent: new Agent({ connect: { ca: pem } }) };
}
