import type { Principal } from '../auth/principal.ts';
import { hasRole } from '../domain/roles.ts';
import { NotAllowed, NotFound } from '../errors.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';

/** An official account at one of the principal's schools; anyone else learns nothing, not even that it exists. */
export async function schoolAccount(services: Pick<Services, 'store'>, principal: Principal, id: string) {
  const account = await services.store.socialAccounts.get(id);
  if (!account || !principal.person.roles.some((r) => r.schoolId === account.schoolId))
    throw new NotFound('The account');
  return account;
}

/** An account the principal administers. */
export async function administeredAccount(services: Services, principal: Principal, id: string, what: string) {
  const account = await schoolAccount(services, principal, id);
  if (!hasRole(principal.person, 'Admin', account.schoolId)) {
    throw new NotAllowed(`Only the school’s account administrators can ${what}`);
  }
  return account;
}

/** The audit entry for something done to an account. */
export function accountAudit(
  actorId: string,
  account: Rec<'socialAccounts'>,
  action: string,
  at: string,
  detail?: object,
) {
  return {
    at,
    actorId,
    action,
    targetKind: 'socialAccounts',
    targetId: account.id,
    schoolId: account.schoolId,
    ...(detail ? { detail: { ...detail } } : {}),
  };
}
