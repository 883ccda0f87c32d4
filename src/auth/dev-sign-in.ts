import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Role } from '../domain/roles.ts';
import { NotSignedIn } from '../errors.ts';
import { mayUseApp, principalFor, type Authenticator } from './principal.ts';

const AUDIENCE = 'social-media-policy-hub/dev';
const ISSUER = 'social-media-policy-hub/dev-sign-in';

/**
 * Embedded-mode sign-in: pick a demo person, get a short-lived signed session token.
 * The key is random per process, so tokens never outlive the server that issued them,
 * and config refuses to enable this with tenant settings or on a non-loopback address.
 */
export type DevSignIn = Authenticator & {
  issue(personId: string): Promise<string>;
  /** The demo person offered for each role on the sign-in page. */
  personas: Readonly<Partial<Record<Role, string>>>;
};

export function createDevSignIn(personas: DevSignIn['personas'], lifetime = '8h'): DevSignIn {
  const key = randomBytes(32);
  return {
    scheme: 'dev',
    personas,
    async issue(personId) {
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(personId)
        .setAudience(AUDIENCE)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(lifetime)
        .sign(key);
    },
    async authenticate(authorization, store) {
      const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization ?? '');
      if (!match) throw new NotSignedIn();
      let personId: string | undefined;
      try {
        const { payload } = await jwtVerify(match[1]!, key, {
          algorithms: ['HS256'],
          audience: AUDIENCE,
          issuer: ISSUER,
        });
        personId = payload.sub;
      } catch {
        throw new NotSignedIn('Your session is not valid or has expired; sign in again');
      }
      const person = personId ? await store.people.get(personId) : undefined;
      if (!mayUseApp(person)) throw new NotSignedIn('This account is no longer active');
      return principalFor(person);
    },
  };
}

/** Until Entra sign-in lands, a tenant deployment refuses every API call rather than guessing. */
export const entraNotConfigured: Authenticator = {
  scheme: 'entra',
  async authenticate() {
    throw new NotSignedIn('Entra ID sign-in is not available in this build');
  },
};
