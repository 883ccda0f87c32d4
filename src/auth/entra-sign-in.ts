import { createHash } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { EntraConfig } from '../config/config.ts';
import { ROLES, sameRoles, uniqueRoles, type RoleAssignment } from '../domain/roles.ts';
import { NotAllowed, NotSignedIn } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Rec } from '../store/kinds.ts';
import type { Store } from '../store/store.ts';
import { queueMessage } from '../notifications/outbox.ts';
import { RECEIVING_ROLES, REACH_TOPIC } from '../notifications/reach.ts';
import { personChat } from '../notifications/recipients.ts';
import { mayUseApp, principalFor, type Authenticator } from './principal.ts';

/** The delegated scope the tab asks for; a token without it (or an app role) grants nothing here. */
export const API_SCOPE = 'access_as_user';
/** Entra and the server's clocks may differ a little; a minute is the usual allowance. */
const CLOCK_TOLERANCE_SECONDS = 60;
/**
 * A token's verified claims are reused this long, so a page's burst of calls checks the signature
 * once. The person is looked up on every request, so being switched off, a leaving date passing
 * or a changed record takes effect on the next call, not after the cache.
 */
const CLAIMS_CACHE_MS = 60_000;

interface EntraClaims extends JWTPayload {
  tid?: string;
  oid?: string;
  scp?: string;
  roles?: string[];
  groups?: string[];
}

/**
 * Roles from the token: app roles (values Staff, SLT, DSL, HR, Admin) apply at the person's own
 * school; security groups apply where the configuration says. Everyone is staff at their school.
 */
export function rolesFromToken(claims: EntraClaims, schoolId: string, config: Pick<EntraConfig, 'roleGroups'>) {
  const roles: RoleAssignment[] = [{ role: 'Staff', schoolId }];
  for (const value of claims.roles ?? []) {
    const role = ROLES.find((r) => r.toLowerCase() === value.toLowerCase());
    if (role) roles.push({ role, schoolId });
  }
  const groups = new Set((claims.groups ?? []).map((g) => g.toLowerCase()));
  for (const mapping of config.roleGroups) {
    if (groups.has(mapping.groupId)) roles.push({ role: mapping.role, schoolId: mapping.schoolId ?? schoolId });
  }
  return uniqueRoles(roles);
}

function why(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'Your sign-in has expired; sign in again';
  if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'aud') {
    return 'The token was issued for a different app';
  }
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWSSignatureVerificationFailed) {
    return 'The token is not signed by Microsoft Entra ID';
  }
  return 'The token is not valid';
}

/**
 * The API's sign-in in a tenant: an Entra access token for this app, checked with jose against
 * Entra's published keys. Signature and algorithm, tenant and issuer, audience, lifetime and
 * scope are all checked; the person is found by their Entra object id.
 */
export function createEntraAuthenticator(
  config: EntraConfig,
  log: Logger,
  keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000 }),
): Authenticator {
  const cache = new Map<string, { claims: EntraClaims; until: number }>();
  const issuers = (tid: string) => [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];

  async function verify(token: string): Promise<EntraClaims> {
    let claims: EntraClaims;
    try {
      ({ payload: claims } = await jwtVerify<EntraClaims>(token, keys, {
        algorithms: ['RS256'],
        audience: config.audiences,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iss', 'tid', 'oid'],
      }));
    } catch (err) {
      throw new NotSignedIn(why(err));
    }
    const tid = claims.tid!.toLowerCase();
    if (!config.allowedTenants.includes(tid)) {
      log.warn({ tid }, 'refused a token from another organisation');
      throw new NotSignedIn('Tokens from another organisation are not accepted');
    }
    if (!issuers(tid).includes(claims.iss!)) throw new NotSignedIn('The token was not issued by Microsoft Entra ID');
    const scopes = (claims.scp ?? '').split(' ');
    const appRoles = (claims.roles ?? []).filter((r) => ROLES.some((role) => role.toLowerCase() === r.toLowerCase()));
    if (!scopes.includes(API_SCOPE) && appRoles.length === 0) {
      throw new NotSignedIn('The token grants no access to this app (no access_as_user scope or app role)');
    }
    return claims;
  }

  /** The bot has no token to read roles from, so the last roles seen at sign-in are kept on the record. */
  async function withRoles(store: Store, person: Rec<'people'>, roles: RoleAssignment[]): Promise<Rec<'people'>> {
    if (sameRoles(person.roles, roles)) return person;
    const at = new Date().toISOString();
    const receives = (list: readonly RoleAssignment[]) =>
      list.some((r) => RECEIVING_ROLES.some((role) => role === r.role));
    return store.commit((uow) => {
      const updated = uow.update('people', person, { roles });
      // Newly someone the hub must reach: get their chat ready now, not when the first alert comes.
      if (receives(roles) && !receives(person.roles)) {
        queueMessage(uow, REACH_TOPIC, { conversationId: personChat(person.id) }, at);
      }
      uow.append('audit', {
        at,
        actorId: person.id,
        action: 'roles.synced-from-entra',
        targetKind: 'people',
        targetId: person.id,
        schoolId: person.schoolId,
        detail: { from: person.roles, to: roles },
      });
      return updated;
    });
  }

  return {
    scheme: 'entra',
    async authenticate(authorization, store) {
      const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization ?? '');
      if (!match) throw new NotSignedIn();
      const token = match[1]!;
      const key = createHash('sha256').update(token).digest('base64url');
      const hit = cache.get(key);
      let claims: EntraClaims;
      if (hit && hit.until > Date.now()) claims = hit.claims;
      else {
        claims = await verify(token);
        if (cache.size > 5000) cache.clear();
        cache.set(key, { claims, until: Math.min(Date.now() + CLAIMS_CACHE_MS, (claims.exp ?? 0) * 1000) });
      }
      const [person] = (await store.people.list({ where: { aadObjectId: claims.oid! }, limit: 1 })).items;
      if (!mayUseApp(person)) {
        throw new NotAllowed('You are not in the staff directory of a school using this app', 'not_in_directory');
      }
      const principal = principalFor(await withRoles(store, person, rolesFromToken(claims, person.schoolId, config)));
      return principal;
    },
  };
}
