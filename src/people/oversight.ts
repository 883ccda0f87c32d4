import type { Principal } from '../auth/principal.ts';
import type { Role } from '../domain/roles.ts';
import { NotAllowed } from '../errors.ts';

/** The schools where this person holds any of these roles. */
export function schoolsWhere(principal: Principal, roles: readonly Role[]): string[] {
  return [...new Set(principal.person.roles.filter((r) => roles.includes(r.role)).map((r) => r.schoolId))];
}

/** HR and SLT oversee a school's staff: their training, the directory and reminders. */
export const overseenSchools = (principal: Principal): string[] => schoolsWhere(principal, ['HR', 'SLT']);

/** The schools asked about, or all overseen; asking about one you do not oversee is refused. */
export function schoolsInScope(principal: Principal, schoolId?: string): string[] {
  const overseen = overseenSchools(principal);
  if (overseen.length === 0) throw new NotAllowed('Only HR and senior leaders can see staff training');
  if (schoolId === undefined) return overseen;
  if (!overseen.includes(schoolId)) throw new NotAllowed('You do not oversee training at that school');
  return [schoolId];
}
