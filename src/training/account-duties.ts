import type { Services } from '../services.ts';

/** Applications whose named runners will run the account: SLT needs them trained before approving. */
const IN_PROGRESS = ['submitted', 'changes-requested', 'approved'] as const;

/**
 * Who runs an official account at these schools, and since when: the lead and moderators of
 * every open account, and the runners named on applications in progress. A draft names no one
 * yet, since it may never be sent.
 */
export async function accountDuties(
  services: Pick<Services, 'store'>,
  schoolIds: readonly string[],
): Promise<Map<string, string>> {
  const { store } = services;
  const where = { schoolId: [...schoolIds] };
  const [accounts, applications] = await Promise.all([
    store.socialAccounts.listAll({ where: { ...where, status: ['active', 'transfer-needed'] } }),
    store.applications.listAll({ where: { ...where, status: [...IN_PROGRESS] } }),
  ]);
  const since = new Map<string, string>();
  const note = (personId: string, day: string) => {
    const known = since.get(personId);
    if (!known || day < known) since.set(personId, day);
  };
  for (const account of accounts)
    for (const id of [account.leadId, ...account.moderatorIds]) note(id, account.createdOn);
  for (const application of applications)
    // Submitted applications always carry the day; without one the duty runs from their start.
    for (const id of application.runnerIds) note(id, application.submittedAt?.slice(0, 10) ?? '0000-01-01');
  return since;
}
