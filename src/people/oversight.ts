import type { Principal } from '../auth/principal.ts';
import type { Role } from '../domain/roles.ts';
import { NotAllowed } from '../errors.ts';

/** The schools where this person holds any of these roles. */
export function schoolsWhere(principal: Principal, roles: readonly Role[]): string[] {
  return [...new Set(principal.person.roles.filter((r) => roles.includes(r.role)).map((r) => r.schoolId))];
}

/** HR and SLT oversee a school's staff: their training, the directory and reminders. */
export const overseenSchools = (principal: Principal): string[] => schoolsWhere(principal, ['HR', 'SLT']);

/**
 * The schools a request is about, among those where the caller holds one of `roles`: the one
 * asked for, or all of them. Holding none of the roles, or asking about another school, is refused.
 */
export function schoolsWithRole(
  principal: Principal,
  roles: readonly Role[],
  requested: string | undefined,
  refusals: { noRole: string; otherSchool: string },
): string[] {
  const held = schoolsWhere(principal, roles);
  if (held.length === 0) throw new NotAllowed(refusals.noRole);
  if (requested === undefined) return held;
  if (!held.includes(requested)) throw new NotAllowed(refusals.otherSchool);
  return [requested];
}

/** The schools asked about, or all overseen; asking about one you do not oversee is refused. */
export const schoolsInScope = (principal: Principal, schoolId?: string): string[] =>
  schoolsWithRole(principal, ['HR', 'SLT'], schoolId, {
    noRole: 'Only HR and senior leaders can see staff training',
    otherSchool: 'You do not oversee training at that school',
  });

/**
 * The one school a request is about: the one asked for, if the caller belongs to it, else their
 * home school. What they may do there is for the service to decide.
 */
export function requestedSchool(principal: Principal, requested: string | undefined): string {
  if (requested === undefined) return principal.person.schoolId;
  if (!principal.schoolIds.includes(requested)) throw new NotAllowed('You are not a member of that school');
  return requested;
}
