/** Roles a person can hold at a school. Authority always comes from these, held server-side. */
export const ROLES = ['Staff', 'SLT', 'DSL', 'HR', 'Admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  Staff: 'Staff',
  SLT: 'Senior leadership',
  DSL: 'Safeguarding lead',
  HR: 'HR',
  Admin: 'Account administrator',
};

export interface RoleAssignment {
  role: Role;
  schoolId: string;
}

export interface HasRoles {
  roles: readonly RoleAssignment[];
}

export function hasRole(person: HasRoles, role: Role, schoolId?: string): boolean {
  return person.roles.some((r) => r.role === role && (schoolId === undefined || r.schoolId === schoolId));
}

export function rolesAt(person: HasRoles, schoolId: string): Role[] {
  return person.roles.filter((r) => r.schoolId === schoolId).map((r) => r.role);
}

/** Each role at each school once, in the order first given. */
export function uniqueRoles(roles: readonly RoleAssignment[]): RoleAssignment[] {
  return roles.filter((r, i) => roles.findIndex((o) => o.role === r.role && o.schoolId === r.schoolId) === i);
}

/** Whether two lists grant the same roles at the same schools, whatever their order. */
export function sameRoles(a: readonly RoleAssignment[], b: readonly RoleAssignment[]): boolean {
  const key = (roles: readonly RoleAssignment[]) =>
    roles
      .map((r) => `${r.role}@${r.schoolId}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

/** Distinct roles across all schools, in the canonical order, for navigation. */
export function distinctRoles(person: HasRoles): Role[] {
  return ROLES.filter((role) => hasRole(person, role));
}
