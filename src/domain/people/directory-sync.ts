import type { STAFF_TYPES } from '../records.ts';
import type { RoleAssignment } from '../roles.ts';

/**
 * Bringing the staff directory up to date from a source of truth: a CSV export from the MIS or HR
 * system in embedded mode, Entra ID users through Graph in a tenant. Both produce entries; this
 * decides who joins, who changes and who has left. Roles are never taken from the source: they
 * grant access to safeguarding records, so they are given in the hub, on purpose.
 */

export type StaffType = (typeof STAFF_TYPES)[number];

export interface DirectoryEntry {
  email: string;
  givenName: string;
  surname: string;
  department: string;
  jobTitle: string;
  schoolId: string;
  staffType: StaffType;
  startedOn?: string;
  /** The Entra object id, when the entry came from Entra. */
  aadObjectId?: string;
  /** False for a disabled Entra account: the person has left. */
  enabled?: boolean;
}

export interface KnownPerson {
  id: string;
  upn: string;
  schoolId: string;
  givenName: string;
  surname: string;
  department: string;
  jobTitle: string;
  staffType: StaffType;
  active: boolean;
  aadObjectId?: string;
  roles: readonly RoleAssignment[];
}

export interface PersonChange {
  personId: string;
  changes: Partial<Omit<DirectoryEntry, 'email' | 'enabled'>> & { active?: true };
}

export interface DirectoryPlan {
  joiners: DirectoryEntry[];
  changed: PersonChange[];
  leavers: { personId: string; reason: 'disabled' | 'missing' }[];
  unchanged: number;
}

export interface PlanOptions {
  /** People at these schools missing from the source have left (a full export); otherwise they are left alone. */
  fullListFor?: readonly string[];
  /** Never marked as leavers by a sync, so nobody can lock themselves or the last administrator out. */
  protectedIds?: ReadonlySet<string>;
}

const FIELDS = ['givenName', 'surname', 'department', 'jobTitle', 'schoolId', 'staffType', 'aadObjectId'] as const;

export function planDirectorySync(
  known: readonly KnownPerson[],
  entries: readonly DirectoryEntry[],
  options: PlanOptions = {},
): DirectoryPlan {
  const byEmail = new Map(known.map((p) => [p.upn.toLowerCase(), p]));
  const byEntraId = new Map(known.filter((p) => p.aadObjectId).map((p) => [p.aadObjectId!, p]));
  const seen = new Set<string>();
  const plan: DirectoryPlan = { joiners: [], changed: [], leavers: [], unchanged: 0 };
  for (const entry of entries) {
    // An Entra id survives a change of name and email; the email is the match otherwise.
    const person = (entry.aadObjectId && byEntraId.get(entry.aadObjectId)) || byEmail.get(entry.email.toLowerCase());
    if (!person) {
      if (entry.enabled !== false) plan.joiners.push(entry);
      continue;
    }
    seen.add(person.id);
    if (entry.enabled === false) {
      if (person.active && !options.protectedIds?.has(person.id))
        plan.leavers.push({ personId: person.id, reason: 'disabled' });
      continue;
    }
    const changes: PersonChange['changes'] = {};
    for (const field of FIELDS) {
      const value = entry[field];
      if (value !== undefined && value !== person[field]) Object.assign(changes, { [field]: value });
    }
    if (!person.active) changes.active = true;
    if (Object.keys(changes).length > 0) plan.changed.push({ personId: person.id, changes });
    else plan.unchanged += 1;
  }
  for (const person of known) {
    if (!person.active || seen.has(person.id) || options.protectedIds?.has(person.id)) continue;
    if (options.fullListFor?.includes(person.schoolId)) plan.leavers.push({ personId: person.id, reason: 'missing' });
  }
  return plan;
}

/** The fields the Entra sync reads from Graph's /users (with $select), as Graph names them. */
export interface EntraUser {
  id: string;
  userPrincipalName: string;
  mail?: string | null;
  givenName?: string | null;
  surname?: string | null;
  displayName?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  companyName?: string | null;
  employeeType?: string | null;
  accountEnabled?: boolean | null;
  /** A tenant may keep the school in an extension attribute instead of companyName. */
  school?: string | null;
}

/**
 * An Entra user as a directory entry; undefined when they belong to no school of ours (a supplier
 * account, a shared mailbox). The school comes from companyName or the configured extension.
 */
export function entryFromEntraUser(
  user: EntraUser,
  schoolByName: ReadonlyMap<string, string>,
): DirectoryEntry | undefined {
  const schoolText = (user.school ?? user.companyName ?? '').trim().toLowerCase();
  const schoolId = schoolByName.get(schoolText);
  return schoolId ? entryAt(user, schoolId) : undefined;
}

/** An Entra user as a directory entry at the given school. */
export function entryAt(user: EntraUser, schoolId: string): DirectoryEntry {
  const [first = '', ...rest] = (user.displayName ?? '').trim().split(/\s+/);
  const type = (user.employeeType ?? '').toLowerCase();
  return {
    email: (user.mail || user.userPrincipalName).toLowerCase(),
    givenName: user.givenName?.trim() || first || user.userPrincipalName,
    surname: user.surname?.trim() || rest.join(' ') || '-',
    department: user.department?.trim() || 'Not given',
    jobTitle: user.jobTitle?.trim() || 'Staff member',
    schoolId,
    staffType: type.includes('governor')
      ? 'governor'
      : type.includes('volunteer')
        ? 'volunteer'
        : type.includes('support')
          ? 'support'
          : 'teacher',
    aadObjectId: user.id,
    enabled: user.accountEnabled !== false,
  };
}
