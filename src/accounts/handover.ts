import { runnersReadiness } from '../applications/applications.ts';
import type { Principal } from '../auth/principal.ts';
import { leaversAmong, monitorsOf } from '../domain/accounts/monitoring-duty.ts';
import { teamProblems } from '../domain/accounts/new-account.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import { hasRole } from '../domain/roles.ts';
import { RuleBroken, Conflict } from '../errors.ts';
import { fieldProblems } from '../domain/field-problems.ts';
import { accountAudit, administeredAccount } from './account-access.ts';
import { queueMessage } from '../notifications/outbox.ts';
import type { Services } from '../services.ts';
import { ConflictError, expectVersion } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';

/** The school's administrators get a task: hand the account over, or close it. */
export const ACCOUNT_HANDOVER_TOPIC = 'account.handover-needed';
/** Someone newly put on an account's team hears about it. */
export const ACCOUNT_JOINED_TOPIC = 'account.joined';

type Account = Rec<'socialAccounts'>;

/**
 * Flags every open account whose lead or a moderator is leaving or has left, and sends the
 * school's administrators the handover task. An account already flagged for the same people is
 * left alone; a new leaver on it is added and the task sent again.
 */
export async function flagLeavers(services: Services): Promise<number> {
  const { store } = services;
  const at = services.now().toISOString();
  const accounts = (await store.socialAccounts.listAll()).filter((a) => a.status !== 'closed');
  if (accounts.length === 0) return 0;
  // Only the people on accounts matter, so look them up rather than reading the whole directory.
  const ids = [...new Set(accounts.flatMap(monitorsOf))];
  const people = new Map(
    (await Promise.all(ids.map((id) => store.people.get(id)))).flatMap((p) => (p ? [[p.id, p]] : [])),
  );
  let flagged = 0;
  for (const account of accounts) {
    const { leaverIds, leavingOn } = leaversAmong(account, people);
    const known = account.handover?.leaverIds ?? [];
    if (leaverIds.every((id) => known.includes(id))) continue;
    const handover = {
      ...(account.handover ?? { flaggedAt: at }),
      leaverIds: [...new Set([...known, ...leaverIds])],
      ...(leavingOn ? { leavingOn } : {}),
    };
    const admins = await adminsOf(services, account.schoolId);
    try {
      await store.commit((uow) => {
        uow.update('socialAccounts', account, { status: 'transfer-needed', handover });
        uow.append('audit', accountAudit('system', account, 'account.handover-needed', at, { leaverIds }));
        for (const adminId of admins) {
          queueMessage(uow, ACCOUNT_HANDOVER_TOPIC, { accountId: account.id, conversationId: `person-${adminId}` }, at);
        }
      });
      flagged++;
    } catch (err) {
      // Someone changed the account meanwhile; the next round looks again.
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  if (flagged) services.outbox.kick();
  return flagged;
}

/**
 * HR cleared a leaving date set by mistake: the person is no longer a leaver on any open
 * handover, and an account with nobody else leaving, and nothing yet done, is active again.
 */
export async function withdrawLeaver(
  services: Pick<Services, 'now' | 'store'>,
  actorId: string,
  personId: string,
): Promise<void> {
  const at = services.now().toISOString();
  const accounts = await services.store.socialAccounts.listAll({ where: { status: 'transfer-needed' } });
  for (const account of accounts) {
    const handover = account.handover;
    if (!handover?.leaverIds.includes(personId)) continue;
    const leaverIds = handover.leaverIds.filter((id) => id !== personId);
    const untouched = !handover.transferredAt && !handover.credentialRotatedAt;
    // Once a step is done the handover goes on, under the names it was started with.
    await services.store.commit((uow) => {
      uow.update(
        'socialAccounts',
        account,
        leaverIds.length === 0 && untouched
          ? { status: 'active', handover: undefined }
          : { handover: { ...handover, leaverIds: leaverIds.length ? leaverIds : handover.leaverIds } },
      );
      uow.append('audit', accountAudit(actorId, account, 'account.handover-withdrawn', at, { personId }));
    });
  }
}

async function adminsOf(services: Pick<Services, 'store'>, schoolId: string): Promise<string[]> {
  const staff = await services.store.people.listAll({ where: { schoolId, active: true } });
  return staff.filter((p) => hasRole(p, 'Admin', schoolId)).map((p) => p.id);
}

/** Both required steps done: the handover joins the account's history and the account is active again. */
function finishedHandover(handover: NonNullable<Account['handover']>, at: string) {
  if (!handover.transferredAt || !handover.credentialRotatedAt) return { handover };
  return { complete: { ...handover, completedAt: at } };
}

function afterHandoverStep(account: Account, step: Partial<NonNullable<Account['handover']>>, at: string) {
  if (!account.handover) return {};
  const { handover, complete } = finishedHandover({ ...account.handover, ...step }, at);
  return complete
    ? { status: 'active' as const, handover: undefined, handovers: [...(account.handovers ?? []), complete] }
    : { handover };
}

/**
 * Hands the account to a new team: a trained lead and at least two trained moderators, none of
 * them leaving. Leavers lose the account (and its sign-in details) in the same commit.
 */
export async function transferAccount(
  services: Services,
  principal: Principal,
  id: string,
  input: { etag: string; leadId: string; moderatorIds: string[] },
) {
  const { store } = services;
  const account = await administeredAccount(services, principal, id, 'hand an account over');
  if (account.status === 'closed') throw new Conflict('account_closed', 'This account has been closed');
  expectVersion('socialAccounts', account, input.etag);
  const today = londonDate(services.now());
  const staff = await store.people.listAll({ where: { schoolId: account.schoolId, active: true } });
  const leaverIds = [
    ...(account.handover?.leaverIds ?? []),
    ...staff.filter((p) => p.leavingOn !== undefined).map((p) => p.id),
  ];
  const moderatorIds = [...new Set(input.moderatorIds)];
  const everyone = await runnersReadiness(services, account.schoolId, [...new Set([input.leadId, ...moderatorIds])]);
  const readinessOf = (id: string) => everyone.find((r) => r.personId === id)!;
  const readiness = moderatorIds.map(readinessOf);
  const lead = readinessOf(input.leadId);
  const problems = teamProblems({
    leadId: input.leadId,
    lead,
    moderators: readiness,
    staffIds: staff.filter((p) => !leaverIds.includes(p.id)).map((p) => p.id),
    leaverIds,
  });
  if (Object.keys(problems).length)
    throw new RuleBroken('invalid_transfer', 'Please check the answers marked', fieldProblems(problems));

  const at = services.now().toISOString();
  const before = monitorsOf(account);
  const after = monitorsOf({ leadId: input.leadId, moderatorIds });
  const updated = await store.commit((uow) => {
    const next = uow.update('socialAccounts', account, {
      leadId: input.leadId,
      moderatorIds,
      // Rota days belong to people still on the team.
      rota: (account.rota ?? []).filter((r) => after.includes(r.personId) && r.to >= today),
      ...afterHandoverStep(account, { transferredAt: at, transferredById: principal.person.id }, at),
    });
    uow.append(
      'audit',
      accountAudit(principal.person.id, account, 'account.transferred', at, {
        from: { leadId: account.leadId, moderatorIds: account.moderatorIds },
        to: { leadId: input.leadId, moderatorIds },
      }),
    );
    for (const personId of after.filter((p) => !before.includes(p))) {
      queueMessage(uow, ACCOUNT_JOINED_TOPIC, { accountId: account.id, conversationId: `person-${personId}` }, at);
    }
    return next;
  });
  services.outbox.kick();
  return { status: updated.status, handover: updated.handover ?? null };
}

/** Called when new sign-in details are stored: during a handover, that is its rotation step. */
export function rotationStep(account: Account, byId: string, at: string) {
  return afterHandoverStep(account, { credentialRotatedAt: at, credentialRotatedById: byId }, at);
}

/** Closes the account for good, with the date and the reason, ending any handover. */
export async function closeAccount(
  services: Services,
  principal: Principal,
  id: string,
  input: { etag: string; closedOn: string; reason: string },
) {
  const account = await administeredAccount(services, principal, id, 'close an account');
  return closeWith(services, principal, account, input);
}

export async function closeWith(
  services: Pick<Services, 'now' | 'store'>,
  principal: Principal,
  account: Account,
  input: { etag: string; closedOn: string; reason: string },
  extra: Partial<Account> = {},
) {
  if (account.status === 'closed') throw new Conflict('account_closed', 'This account is already closed');
  expectVersion('socialAccounts', account, input.etag);
  const at = services.now().toISOString();
  return services.store.commit((uow) => {
    uow.append(
      'audit',
      accountAudit(principal.person.id, account, 'account.closed', at, {
        closedOn: input.closedOn,
        reason: input.reason,
      }),
    );
    return uow.update('socialAccounts', account, {
      ...extra,
      status: 'closed',
      closedOn: input.closedOn,
      closedReason: input.reason,
      handover: undefined,
    });
  });
}
