import type { Principal } from '../auth/principal.ts';
import { reviewStatus } from '../domain/accounts/monitoring-duty.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import type { REVIEW_OUTCOMES } from '../domain/records.ts';
import { hasRole } from '../domain/roles.ts';
import { NotAllowed, RuleBroken, Conflict } from '../errors.ts';
import type { Services } from '../services.ts';
import { expectVersion } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';
import { accountAudit, schoolAccount } from './account-access.ts';
import { closeWith } from './handover.ts';

/** The version of the school's policy in force now: its id and when it was imported. */
export async function policyInForce(services: Pick<Services, 'store'>, schoolId: string) {
  const [document] = (await services.store.policyDocuments.list({ where: { schoolId }, limit: 1 })).items;
  const version = document?.currentVersionId
    ? await services.store.policyVersions.get(document.currentVersionId)
    : undefined;
  return version ? { id: version.id, importedAt: version.importedAt } : undefined;
}

/**
 * Whether the account's yearly review is due (or brought forward by a new policy version), with
 * a key naming which review that is, so SLT are asked for each one once.
 */
export async function accountReview(
  services: Services,
  account: Rec<'socialAccounts'>,
  policy?: { id: string; importedAt: string },
) {
  const inForce = policy ?? (await policyInForce(services, account.schoolId));
  const status = reviewStatus(account, londonDate(services.now()), inForce);
  const last = account.reviews?.at(-1);
  const key = status.reason === 'policy-changed' ? `policy:${inForce?.id}` : `yearly:${status.dueOn}`;
  return { ...status, key, last: last ? { at: last.at, outcome: last.outcome } : undefined };
}

export interface ReviewInput {
  etag: string;
  outcome: (typeof REVIEW_OUTCOMES)[number];
  stillNeeded: boolean;
  aimsMet: boolean;
  moderatorsRight: boolean;
  note: string;
}

/**
 * SLT records the review: is the account still needed, are its aims met, is the moderator list
 * right, and the outcome. Closing it here closes the account, with the review as the reason.
 */
export async function recordReview(services: Services, principal: Principal, id: string, input: ReviewInput) {
  const account = await schoolAccount(services, principal, id);
  if (!hasRole(principal.person, 'SLT', account.schoolId)) {
    throw new NotAllowed('Only the senior leadership team records account reviews');
  }
  if (input.outcome !== 'keep' && input.note.trim().length < 3) {
    throw new RuleBroken('note_needed', 'Please check the answers marked', [
      {
        field: 'note',
        problem: input.outcome === 'close' ? 'Say why the account is closing' : 'Say what needs to change',
      },
    ]);
  }
  const at = services.now().toISOString();
  const policy = await policyInForce(services, account.schoolId);
  const review = {
    at,
    byId: principal.person.id,
    outcome: input.outcome,
    stillNeeded: input.stillNeeded,
    aimsMet: input.aimsMet,
    moderatorsRight: input.moderatorsRight,
    note: input.note.trim(),
    ...(policy ? { policyVersionId: policy.id } : {}),
  };
  const reviews = [...(account.reviews ?? []), review];
  if (input.outcome === 'close') {
    const closed = await closeWith(
      services,
      principal,
      account,
      { etag: input.etag, closedOn: londonDate(services.now()), reason: `Annual review: ${review.note}` },
      { reviews },
    );
    return { status: closed.status };
  }
  if (account.status === 'closed') throw new Conflict('account_closed', 'This account has been closed');
  expectVersion('socialAccounts', account, input.etag);
  const updated = await services.store.commit((uow) => {
    uow.append('audit', accountAudit(principal.person.id, account, 'account.reviewed', at, { outcome: input.outcome }));
    return uow.update('socialAccounts', account, { reviews });
  });
  return { status: updated.status };
}
