import { stillServing } from '../domain/accounts/monitoring-duty.ts';
import { distinctRoles, type Role } from '../domain/roles.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import type { Rec } from '../store/kinds.ts';
import type { Store } from '../store/store.ts';

/** Who is calling, resolved on the server from a verified identity; never from request data. */
export interface Principal {
  person: Rec<'people'>;
  roles: Role[];
  schoolIds: string[];
}

/**
 * Whether someone may use the app at all, checked on every request: on the staff, and not past
 * a leaving date. Leaving is a date HR sets ahead, so it takes effect that morning with nobody
 * having to remember to switch the account off.
 */
export function mayUseApp(person: Rec<'people'> | undefined, now: Date = new Date()): person is Rec<'people'> {
  return stillServing(person, londonDate(now));
}

export function principalFor(person: Rec<'people'>): Principal {
  return {
    person,
    roles: distinctRoles(person),
    schoolIds: [...new Set(person.roles.map((r) => r.schoolId))],
  };
}

/** Verifies a bearer credential and resolves the person behind it, or throws NotSignedIn. */
export interface Authenticator {
  readonly scheme: 'dev' | 'entra';
  authenticate(authorization: string | undefined, store: Store): Promise<Principal>;
}
