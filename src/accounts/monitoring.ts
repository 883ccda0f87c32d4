import type { Principal } from '../auth/principal.ts';
import { isReplyOverdue, replyDueAt } from '../domain/accounts/reply-due.ts';
import type { CHECKIN_OUTCOMES } from '../domain/records.ts';
import { hasRole } from '../domain/roles.ts';
import { monitorsOf } from '../domain/accounts/monitoring-duty.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import { NotAllowed, NotFound, RuleBroken, Conflict } from '../errors.ts';
import { queueMessage } from '../notifications/outbox.ts';
import { expectVersion } from '../store/errors.ts';
import { accountAudit } from './account-access.ts';
import { accountReview, policyInForce } from './reviews.ts';
import { displayName } from '../people/directory.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';

/** The account's lead and moderators do the monitoring; its school's administrators may log it too. */
export function monitors(account: Rec<'socialAccounts'>, person: Rec<'people'>): boolean {
  return monitorsOf(account).includes(person.id) || hasRole(person, 'Admin', account.schoolId);
}

/** SLT see every account of their school; administrators too. */
const overseesAccounts = (person: Rec<'people'>, schoolId: string) =>
  hasRole(person, 'SLT', schoolId) || hasRole(person, 'Admin', schoolId);

async function monitoredAccount(services: Pick<Services, 'store'>, principal: Principal, accountId: string) {
  const account = await services.store.socialAccounts.get(accountId);
  // Someone who does not monitor it learns nothing about it, not even that it exists.
  if (!account || !monitors(account, principal.person)) throw new NotFound('That account');
  if (account.status === 'closed') throw new Conflict('account_closed', 'This account has been closed');
  return account;
}

export interface CheckInInput {
  outcome: (typeof CHECKIN_OUTCOMES)[number];
  count: number;
  note: string;
}

/** An escalation logged in the tab: the pre-filled report form goes to the moderator's chat with the bot. */
export const ACCOUNT_REPORT_FORM_TOPIC = 'account.report-form';

/** "Checked, nothing needing a reply", "replied to N", "hid or deleted N (reason)", "escalated". */
export async function recordCheckIn(
  services: Services,
  principal: Principal,
  accountId: string,
  input: CheckInInput,
  /** Where the report form for an escalation goes: answered on the bot's card, or sent to the chat. */
  reportFormBy: 'card' | 'chat' = 'chat',
) {
  const account = await monitoredAccount(services, principal, accountId);
  if (input.outcome === 'hidden-or-deleted' && input.note.trim().length < 3) {
    throw new RuleBroken('reason_needed', 'Say why the comments were hidden or deleted', [
      { field: 'note', problem: 'Say why the comments were hidden or deleted' },
    ]);
  }
  const at = services.now().toISOString();
  const checkIn = await services.store.commit((uow) => {
    const created = uow.create('checkIns', {
      accountId: account.id,
      schoolId: account.schoolId,
      byId: principal.person.id,
      at,
      outcome: input.outcome,
      count: input.outcome === 'nothing-needed' ? 0 : input.count,
      note: input.note,
      retentionCategory: 'account-governance',
    });
    uow.append(
      'audit',
      accountAudit(principal.person.id, account, `account.check-in.${input.outcome}`, at, { count: created.count }),
    );
    if (input.outcome === 'escalated' && reportFormBy === 'chat') {
      queueMessage(
        uow,
        ACCOUNT_REPORT_FORM_TOPIC,
        { accountId: account.id, personId: principal.person.id, note: input.note },
        at,
      );
    }
    return created;
  });
  if (input.outcome === 'escalated') services.outbox.kick();
  return { id: checkIn.id, at: checkIn.at };
}

/** Something arrived that needs a reply: it is logged with the time the policy allows. */
export async function logReplyItem(
  services: Services,
  principal: Principal,
  accountId: string,
  input: { arrivedAt: string; summary: string },
) {
  const account = await monitoredAccount(services, principal, accountId);
  const now = services.now();
  if (Date.parse(input.arrivedAt) > now.getTime() + 60_000) {
    throw new RuleBroken('arrived_in_future', 'When it arrived cannot be in the future', [
      { field: 'arrivedAt', problem: 'When it arrived cannot be in the future' },
    ]);
  }
  const school = await services.store.schools.get(account.schoolId);
  const dueAt = replyDueAt(new Date(input.arrivedAt), {
    nation: school?.nation ?? 'england-and-wales',
    closures: school?.closures ?? [],
  }).toISOString();
  const item = await services.store.replyItems.create({
    accountId: account.id,
    schoolId: account.schoolId,
    loggedById: principal.person.id,
    arrivedAt: new Date(input.arrivedAt).toISOString(),
    summary: input.summary,
    dueAt,
    open: true,
    retentionCategory: 'account-governance',
  });
  return { id: item.id, dueAt, overdue: isReplyOverdue(item, now) };
}

/** The reply was sent; the item closes with who and when. */
export async function markReplied(services: Services, principal: Principal, itemId: string) {
  // Someone who does not monitor its account gets the same answer as for an item that does not exist.
  const item = await services.store.replyItems.get(itemId);
  const account = item ? await services.store.socialAccounts.get(item.accountId) : undefined;
  if (!item || !account || !monitors(account, principal.person)) throw new NotFound('That item');
  await monitoredAccount(services, principal, item.accountId);
  if (!item.open) return { repliedAt: item.repliedAt };
  const repliedAt = services.now().toISOString();
  await services.store.replyItems.update(item, { open: false, repliedAt, repliedById: principal.person.id });
  return { repliedAt };
}

/**
 * Each account this person monitors (or oversees, for SLT and administrators): the last check-in,
 * open replies with their due times, and what is overdue. Overdue accounts come first.
 */
export async function monitoringOverview(services: Services, principal: Principal) {
  const { store } = services;
  const now = services.now();
  const today = londonDate(now);
  const accounts = (await store.socialAccounts.listAll({ where: { schoolId: principal.schoolIds } })).filter(
    (a) => a.status !== 'closed' && (monitors(a, principal.person) || overseesAccounts(principal.person, a.schoolId)),
  );
  const policies = new Map(
    await Promise.all(principal.schoolIds.map(async (id) => [id, await policyInForce(services, id)] as const)),
  );
  const rows = await Promise.all(
    accounts.map(async (account) => {
      const [checkIns, open] = await Promise.all([
        store.checkIns.list({ where: { accountId: account.id }, orderBy: 'at', descending: true, limit: 1 }),
        store.replyItems.listAll({ where: { accountId: account.id, open: true }, orderBy: 'dueAt' }),
      ]);
      const last = checkIns.items[0];
      const oversees = overseesAccounts(principal.person, account.schoolId);
      return {
        accountId: account.id,
        handle: account.handle,
        platform: account.platform,
        status: account.status,
        leadName: await displayName(store, account.leadId),
        youMonitor: monitors(account, principal.person),
        canEditRota: account.leadId === principal.person.id || hasRole(principal.person, 'Admin', account.schoolId),
        monitors: await Promise.all(
          monitorsOf(account).map(async (id) => ({ id, name: await displayName(store, id) })),
        ),
        rota: await Promise.all(
          (account.rota ?? [])
            .filter((r) => r.to >= today)
            .map(async (r) => ({ ...r, name: await displayName(store, r.personId) })),
        ),
        handoverNeeded: account.status === 'transfer-needed',
        // The yearly review is SLT's to record, so only they are shown when it is due.
        review: hasRole(principal.person, 'SLT', account.schoolId)
          ? await accountReview(services, account, policies.get(account.schoolId))
          : undefined,
        etag: oversees || account.leadId === principal.person.id ? account.etag : undefined,
        lastCheckIn: last ? { at: last.at, outcome: last.outcome, byName: await displayName(store, last.byId) } : null,
        openItems: open.map((i) => ({
          id: i.id,
          summary: i.summary,
          arrivedAt: i.arrivedAt,
          dueAt: i.dueAt,
          overdue: isReplyOverdue(i, now),
        })),
      };
    }),
  );
  const overdue = (r: (typeof rows)[number]) => r.openItems.some((i) => i.overdue);
  return rows.sort(
    (a, b) =>
      Number(overdue(b)) - Number(overdue(a)) || (a.lastCheckIn?.at ?? '').localeCompare(b.lastCheckIn?.at ?? ''),
  );
}

export interface RotaEntry {
  from: string;
  to: string;
  personId: string;
}

/**
 * Who covers the account on days the school is closed. The lead or an administrator sets it;
 * everyone on it must monitor the account. Past entries are dropped as it is saved.
 */
export async function setRota(
  services: Services,
  principal: Principal,
  accountId: string,
  input: { etag: string; rota: RotaEntry[] },
) {
  const account = await monitoredAccount(services, principal, accountId);
  if (account.leadId !== principal.person.id && !hasRole(principal.person, 'Admin', account.schoolId)) {
    throw new NotAllowed('Only the account’s lead or an administrator can change its rota');
  }
  expectVersion('socialAccounts', account, input.etag);
  const team = monitorsOf(account);
  const problems = input.rota.flatMap((r, i) => {
    const row = `Row ${i + 1}`;
    if (r.to < r.from) return [`${row}: the last day is before the first`];
    if (!team.includes(r.personId)) return [`${row}: choose someone who monitors this account`];
    return [];
  });
  if (problems.length)
    throw new RuleBroken('invalid_rota', problems.join('. '), [{ field: 'rota', problem: problems.join('. ') }]);
  const today = londonDate(services.now());
  const rota = input.rota.filter((r) => r.to >= today).sort((a, b) => a.from.localeCompare(b.from));
  const at = services.now().toISOString();
  const updated = await services.store.commit((uow) => {
    uow.append(
      'audit',
      accountAudit(principal.person.id, account, 'account.rota-changed', at, { entries: rota.length }),
    );
    return uow.update('socialAccounts', account, { rota });
  });
  return { etag: updated.etag, rota: updated.rota };
}

/** An account's line on the monitoring page. */
export type MonitoringRow = Awaited<ReturnType<typeof monitoringOverview>>[number];
