import { canReadCase, type CaseFacts } from './incidents/access.ts';
import type { SchoolRouting } from './incidents/routing.ts';
import { hasRole, type HasRoles, type Role } from './roles.ts';

/**
 * Who may read audit entries, by the kind of record they are about. An entry says who did what
 * to a record, so it is never shown to anyone who may not read the record itself.
 * - Incidents follow the case's own rule (`canReadCase`): DSLs and SLT for most, only the head and
 *   the chair for a concern about an adult, never its subject, never Admin or HR as such.
 * - Other kinds: the roles that work with those records at the entry's school.
 */
export const AUDIT_READERS = {
  incidents: 'the-case',
  applications: ['SLT', 'Admin'],
  socialAccounts: ['SLT', 'Admin'],
  schools: ['SLT', 'Admin'],
  trusts: ['SLT', 'Admin'],
  policyDocuments: ['SLT', 'Admin'],
  policyVersions: ['SLT', 'HR'],
  questions: ['SLT'],
  courses: ['SLT', 'HR'],
  trainingRecords: ['SLT', 'HR'],
  people: ['SLT', 'HR', 'Admin'],
  audit: ['SLT', 'Admin'],
  outbox: ['SLT', 'Admin'],
} as const satisfies Record<string, 'the-case' | readonly Role[]>;

/** Entries about a kind not in the table are for senior leaders only, until someone decides otherwise. */
const UNLISTED: readonly Role[] = ['SLT'];

/** Every role that may read some part of the audit log. */
export const AUDIT_LOG_ROLES: readonly Role[] = ['SLT', 'Admin', 'DSL', 'HR'];

export interface AuditEntryFacts {
  targetKind: string;
  schoolId?: string;
  /** Set, instead of a school, on an entry about the whole trust. */
  trustId?: string;
}

/** The reader's trust and every school in it: an entry about the whole trust is for those who oversee them all. */
export interface TrustFacts {
  trustId: string;
  schoolIds: readonly string[];
}

/** Whether someone holds one of these roles at every school of the trust. */
export function overseesTrust(reader: HasRoles, roles: readonly Role[], schoolIds: readonly string[]): boolean {
  return schoolIds.length > 0 && roles.some((role) => schoolIds.every((s) => hasRole(reader, role, s)));
}

/**
 * Whether `reader` may see one entry. For an incident, `incident` is the case (with its school's
 * routing) or undefined when it no longer exists, which nobody may then see. An entry about a
 * whole trust follows the same table, held at every one of the trust's schools.
 */
export function mayReadAuditEntry(
  reader: HasRoles & { id: string },
  entry: AuditEntryFacts,
  incident?: { facts: CaseFacts; routing: SchoolRouting },
  trust?: TrustFacts,
): boolean {
  const rule = (AUDIT_READERS as Record<string, 'the-case' | readonly Role[]>)[entry.targetKind] ?? UNLISTED;
  if (rule === 'the-case') return incident !== undefined && canReadCase(reader, incident.facts, incident.routing);
  if (entry.schoolId !== undefined) return rule.some((role) => hasRole(reader, role, entry.schoolId));
  return (
    entry.trustId !== undefined && trust?.trustId === entry.trustId && overseesTrust(reader, rule, trust.schoolIds)
  );
}
