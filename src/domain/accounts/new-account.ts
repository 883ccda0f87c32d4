import type { RunnerReadiness } from '../applications/readiness.ts';

export type NewAccountField = 'leadId' | 'moderatorIds' | 'username' | 'password';

export const MIN_MODERATORS = 2;

/**
 * What stops an administrator recording a new official account, by field: fewer than two
 * moderators, a moderator who is not trained or has not read the policy, a lead who is not on
 * the staff, or missing sign-in details. Undefined when it can be recorded.
 */
export function accountProblems(input: {
  leadId: string;
  moderators: readonly (RunnerReadiness & { name: string; gaps: string[] })[];
  staffIds: readonly string[];
  credential: { username: string; password: string };
}): Partial<Record<NewAccountField, string>> | undefined {
  const problems: Partial<Record<NewAccountField, string>> = {};
  if (!input.staffIds.includes(input.leadId)) problems.leadId = 'Choose the lead from this school’s staff';
  if (input.moderators.length < MIN_MODERATORS) {
    problems.moderatorIds = 'Name at least two staff members who will moderate the account';
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
  if (!input.credential.username.trim()) problems.username = 'Enter the account’s sign-in name or email';
  if (input.credential.password.length < 8) problems.password = 'Enter the account’s password (at least 8 characters)';
  return Object.keys(problems).length ? problems : undefined;
}
