import { distinctRoles, type Role } from '../domain/roles.ts';
import type { Rec } from '../store/kinds.ts';
import type { Store } from '../store/store.ts';

/** Who is calling, resolved on the server from a verified identity; never from request data. */
export interface Principal {
  person: Rec<'people'>;
  roles: Role[];
  schoolIds: string[];
}

export function principalFor(person: Rec<'people'>): Principal {
  return {
    person,
    roles: distinctRoles(person),
    schoolIds: [...new Set(person.roles.map((r) => r.schoolId))],
  };
}

/** Verifies a bearer credential and resolves the person behind it, or throws ApiError 401. */
export interface Authenticator {
  readonly scheme: 'dev' | 'entra';
  authenticate(authorization: string | undefined, store: Store): Promise<Principal>;
}
