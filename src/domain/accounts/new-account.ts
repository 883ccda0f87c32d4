import type { RunnerReadiness } from '../applications/readiness.ts';

export type NewAccountField = 'leadId' | 'moderatorIds' | 'username' | 'password';

export const MIN_MODERATORS = 2;

type Moderator = RunnerReadiness & { name: string; gaps: string[] };

/**
 * What is wrong with who would run an account, by field: a lead not on the staff (or, when their
 * readiness is given, not trained), fewer than two moderators, or a moderator who is not on the
 * staff, is leaving, or is not trained or has not read the policy. Used when an account is
 * recorded and when it is handed over.
 */
export function teamProblems(input: {
  leadId: string;
  lead?: Moderator;
  moderators: readonly Moderator[];
  /** Staff who may take the role: active, and not leaving. */
  staffIds: readonly string[];
  /** Staff who are leaving or have left, named as such rather than as strangers. */
  leaverIds?: readonly string[];
}): Partial<Record<NewAccountField, string>> {
  const problems: Partial<Record<NewAccountField, string>> = {};
  const leaving = (id: string) => input.leaverIds?.includes(id);
  if (leaving(input.leadId)) problems.leadId = 'This person is leaving: choose someone staying on the staff';
  else if (!input.staffIds.includes(input.leadId)) problems.leadId = 'Choose the lead from this school’s staff';
  else if (input.lead && !input.lead.ready) {
    problems.leadId = `The lead must be trained and have read the policy: ${input.lead.name} ${input.lead.gaps.join(' and ')}`;
  }
  if (input.moderators.length < MIN_MODERATORS) {
    problems.moderatorIds = 'Name at least two staff members who will moderate the account';
  } else if (input.moderators.some((m) => leaving(m.personId))) {
    problems.moderatorIds = `Leaving staff cannot moderate the account: ${input.moderators
      .filter((m) => leaving(m.personId))
      .map((m) => m.name)
      .join(', ')}`;
  } else if (input.moderators.some((m) => !input.staffIds.includes(m.personId))) {
    problems.moderatorIds = 'Choose the moderators from this school’s staff';
  } else {
    const notReady = input.moderators.filter((m) => !m.ready);
    if (notReady.length) {
      problems.moderatorIds = `Every moderator must be trained and have read the policy: ${notReady
        .map((m) => `${m.name} ${m.gaps.join(' and ')}`)
        .join('; ')}`;
    }
  }
  return problems;
}

/** What stops an administrator recording a new official account; undefined when it can be recorded. */
export function accountProblems(input: {
  leadId: string;
  lead?: Moderator;
  moderators: readonly Moderator[];
  staffIds: readonly string[];
  credential: { username: string; password: string };
  schoolDomains: readonly string[];
}): Partial<Record<NewAccountField, string>> | undefined {
  const problems = { ...teamProblems(input), ...credentialProblems(input.credential, input.schoolDomains) };
  return Object.keys(problems).length ? problems : undefined;
}

/** The mail domains a school's own addresses use, from its staff's sign-in names (name@domain). */
export function mailDomains(addresses: readonly string[]): string[] {
  return [...new Set(addresses.map((a) => a.split('@')[1]?.trim().toLowerCase()).filter((d): d is string => !!d))];
}

/**
 * Sign-in details good enough to store: a name, a password of at least eight characters and, where
 * the sign-in is an email address, one of the school's own domains, so the school, not a person,
 * keeps control of the account (a personal mailbox leaves with its owner).
 */
export function credentialProblems(
  credential: { username: string; password: string },
  schoolDomains: readonly string[],
): Partial<Record<NewAccountField, string>> {
  const problems: Partial<Record<NewAccountField, string>> = {};
  const username = credential.username.trim();
  const domain = username.includes('@') ? username.split('@').pop()!.toLowerCase() : undefined;
  if (!username) problems.username = 'Enter the account’s sign-in name or email';
  else if (domain !== undefined && schoolDomains.length > 0 && !schoolDomains.includes(domain)) {
    problems.username = `Use a school-owned address (${schoolDomains.map((d) => `@${d}`).join(', ')}), not a personal one such as @${domain}, so the school keeps control of the account`;
  }
  if (credential.password.length < 8) problems.password = 'Enter the account’s password (at least 8 characters)';
  return problems;
}
