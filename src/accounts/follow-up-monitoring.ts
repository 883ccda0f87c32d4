import {
  monitoringSettingsFor,
  peopleToRemind,
  reminderDue,
  uncheckedEscalation,
} from '../domain/accounts/monitoring-duty.ts';
import { isReplyWorkingDay, londonMidnight } from '../domain/accounts/reply-due.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import { queueMessage } from '../notifications/outbox.ts';
import { sltDestinations } from '../notifications/slt-destinations.ts';
import type { Services } from '../services.ts';
import { ConflictError } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';
import { accountAudit } from './account-access.ts';
import { flagLeavers } from './handover.ts';
import { accountReview, policyInForce } from './reviews.ts';

/** A moderator's daily reminder: the check-in card itself. */
export const CHECK_IN_REMINDER_TOPIC = 'account.check-in-reminder';
/** SLT hear that an account has gone unchecked or has replies past their due time. */
export const MONITORING_ESCALATION_TOPIC = 'account.monitoring-escalation';
/** SLT are asked for an account's yearly review, or a fresh one after a new policy version. */
export const REVIEW_DUE_TOPIC = 'account.review-due';

/**
 * The daily duty, run on the app's one-minute timer (tests pass their own clock): accounts whose
 * people are leaving are flagged for handover; after the school's reminder time, the moderators
 * of any account nobody has checked that day are reminded (the rota decides who on closure
 * days); SLT hear about replies past their due time and accounts left unchecked too long, and
 * are asked for each review as it falls due.
 * Each reminder or escalation is written with the record that prevents a repeat, in one commit.
 */
export async function followUpMonitoring(
  services: Services,
): Promise<{ flagged: number; reminded: number; escalated: number; reviewsDue: number }> {
  const { store } = services;
  const flagged = await flagLeavers(services);
  const now = services.now();
  const at = now.toISOString();
  const today = londonDate(now);
  const done = { flagged, reminded: 0, escalated: 0, reviewsDue: 0 };
  const accounts = (await store.socialAccounts.listAll()).filter((a) => a.status !== 'closed');
  const overdue = new Map<string, Rec<'replyItems'>[]>();
  for (const item of await store.replyItems.listAll({ where: { open: true, dueAt: { lte: at } } })) {
    if (!item.escalatedAt) overdue.set(item.accountId, [...(overdue.get(item.accountId) ?? []), item]);
  }
  const schools = new Map<string, Rec<'schools'> | undefined>();
  const policies = new Map<string, Awaited<ReturnType<typeof policyInForce>>>();
  for (const account of accounts) {
    if (!schools.has(account.schoolId)) {
      schools.set(account.schoolId, await store.schools.get(account.schoolId));
      policies.set(account.schoolId, await policyInForce(services, account.schoolId));
    }
    const school = schools.get(account.schoolId);
    const settings = monitoringSettingsFor(school);
    const [last] = (
      await store.checkIns.list({ where: { accountId: account.id }, orderBy: 'at', descending: true, limit: 1 })
    ).items;
    const remind = reminderDue({
      now,
      reminderTime: settings.reminderTime,
      lastCheckInAt: last?.at,
      remindedOn: account.remindedOn,
    });
    const unchecked = uncheckedEscalation({
      now,
      since: last?.at ?? londonMidnight(account.createdOn).toISOString(),
      afterDays: settings.escalateUncheckedAfterDays,
      escalatedAt: account.uncheckedEscalatedAt,
    });
    const late = overdue.get(account.id) ?? [];
    const review = await accountReview(services, account, policies.get(account.schoolId));
    const askForReview = review.due && account.reviewRequestedFor !== review.key;
    if (!remind && !unchecked.due && late.length === 0 && !askForReview) continue;

    const schoolOpen = isReplyWorkingDay(today, {
      nation: school?.nation ?? 'england-and-wales',
      closures: school?.closures ?? [],
    });
    const reminded = remind ? peopleToRemind(account, today, schoolOpen) : [];
    const escalate = unchecked.due || late.length > 0;
    const slt = escalate || askForReview ? await sltDestinations(services, account.schoolId) : [];
    try {
      await store.commit((uow) => {
        uow.update('socialAccounts', account, {
          ...(remind ? { remindedOn: today } : {}),
          ...(unchecked.due ? { uncheckedEscalatedAt: at } : {}),
          ...(askForReview ? { reviewRequestedFor: review.key } : {}),
        });
        if (askForReview) {
          for (const conversationId of slt) {
            queueMessage(
              uow,
              REVIEW_DUE_TOPIC,
              { accountId: account.id, conversationId, reason: review.reason ?? 'yearly' },
              at,
            );
          }
        }
        for (const personId of reminded) {
          queueMessage(
            uow,
            CHECK_IN_REMINDER_TOPIC,
            { accountId: account.id, conversationId: `person-${personId}` },
            at,
          );
        }
        if (escalate) {
          for (const item of late) uow.update('replyItems', item, { escalatedAt: at });
          uow.append(
            'audit',
            accountAudit('system', account, 'account.monitoring-escalated', at, {
              uncheckedDays: unchecked.due ? unchecked.days : 0,
              overdueReplies: late.length,
            }),
          );
          for (const conversationId of slt) {
            queueMessage(
              uow,
              MONITORING_ESCALATION_TOPIC,
              {
                accountId: account.id,
                conversationId,
                uncheckedDays: unchecked.due ? unchecked.days : 0,
                overdueReplies: late.length,
              },
              at,
            );
          }
        }
      });
      if (reminded.length) done.reminded++;
      if (escalate) done.escalated++;
      if (askForReview) done.reviewsDue++;
    } catch (err) {
      // Someone changed the account meanwhile; the next round looks again.
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  if (done.reminded || done.escalated || done.reviewsDue) services.outbox.kick();
  return done;
}
