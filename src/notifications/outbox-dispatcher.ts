import type { AdaptiveCard } from '../cards/elements.ts';
import { closedNoticeCard, incidentAlertCard, readReceiptCard, type AlertInput } from '../cards/incident-alert.ts';
import { ASSIGNED_TOPIC, CLOSED_TOPIC } from '../incidents/case-actions.ts';
import { READ_RECEIPT_TOPIC } from '../incidents/cases.ts';
import { ALERT_TOPIC } from '../incidents/report-incident.ts';
import { REPORT_SYNCED_TOPIC } from '../incidents/pending-reports.ts';
import { reportSyncedCard } from '../cards/report-confirmation.ts';
import { QUESTION_ANSWERED_TOPIC, QUESTION_FOR_SLT_TOPIC } from '../policy/questions.ts';
import { QUESTION_POINTED_TOPIC } from '../policy/pointers.ts';
import { answerCardFor } from '../policy/answer-card.ts';
import { questionAnsweredCard, sltQuestionCard } from '../cards/slt-question.ts';
import { applicationDecidedCard } from '../cards/application-approval.ts';
import { APPLICATION_CARD_CHANGED_TOPIC, APPLICATION_FOR_SLT_TOPIC } from '../applications/applications.ts';
import {
  APPLICATION_DECIDED_TOPIC,
  APPLICATION_FOR_ADMINS_TOPIC,
  APPLICATION_REASSIGNED_TOPIC,
  approvalCard,
  rememberPostedCard,
} from '../applications/approval.ts';
import { APPLICATION_REMINDER_TOPIC } from '../applications/follow-up-applications.ts';
import { accountReadyCard, accountTaskCard } from '../cards/account-task.ts';
import { ACCOUNT_CREATED_TOPIC } from '../accounts/accounts.ts';
import { ACCOUNT_HANDOVER_TOPIC, ACCOUNT_JOINED_TOPIC } from '../accounts/handover.ts';
import {
  CHECK_IN_REMINDER_TOPIC,
  MONITORING_ESCALATION_TOPIC,
  REVIEW_DUE_TOPIC,
} from '../accounts/follow-up-monitoring.ts';
import { ACCOUNT_REPORT_FORM_TOPIC } from '../accounts/monitoring.ts';
import { checkInCard, handoverTaskCard, monitoringEscalationCard, reviewDueCard } from '../cards/account-monitoring.ts';
import { accountReportForm } from '../incidents/report-form-for.ts';
import {
  accountTaskUrl,
  accountsUrl,
  handoverUrl,
  monitoringUrl,
  myTrainingUrl,
  pageLink,
  policyUrl,
} from '../config/urls.ts';
import { outstandingItems, TRAINING_REMINDER_TOPIC } from '../training/reminders.ts';
import { personTraining } from '../training/training-records.ts';
import { POLICY_UPDATED_TOPIC } from '../training/acknowledgements.ts';
import { policyUpdatedCard, trainingReminderCard } from '../cards/training-reminder.ts';
import { displayName } from '../people/directory.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import type { Services } from '../services.ts';
import { ConflictError } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';
import type { Messenger } from './messenger.ts';
import { conversationFor, PermissionMissing, REACH_TOPIC } from './reach.ts';
import type { FeedNotice } from './activity-feed.ts';
import { isTopic, type MessagePayloads, type Topic } from './topics.ts';
import { INCIDENT_TYPES, isIncidentType } from '../domain/incidents/catalogue.ts';

const MAX_ATTEMPTS = 8;
/** Waits between attempts: quick at first, then backing off to about an hour. */
const backoffMs = (attempt: number) => Math.min(60 * 60_000, 15_000 * 2 ** (attempt - 1));

export interface OutboxDispatcher {
  /** Sends what is due now; called right after a commit that queued messages, and on a timer. */
  kick(): void;
  /** Resolves when the current round (if any) has finished; for shutdown and tests. */
  idle(): Promise<void>;
  stop(graceMs?: number): Promise<void>;
}

class Undeliverable extends Error {}

/** A renderer for every topic, taking that topic's payload: a topic without one does not compile. */
type Renderers = { [T in Topic]: (payload: MessagePayloads[T]) => Promise<Delivery> };

const SEND_TIMEOUT_MS = 30_000;
/** How long a claimed message is left to its claimer: longer than any send may take. */
export const CLAIM_LEASE_MS = 4 * SEND_TIMEOUT_MS;

/** One unanswered send must not hold up every message behind it; it is retried like any failure. */
function answered<T>(sending: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the Bot Connector did not answer in time')), SEND_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([sending, timeout]).finally(() => clearTimeout(timer));
}

/** A new message, edits to messages sent earlier, or nothing (the reason it is no longer needed). */
type Delivery =
  | {
      conversationId: string;
      card: AdaptiveCard;
      afterSend?: (activityId: string) => Promise<void>;
      /** Also shown in the person's Teams activity feed, for messages that ask something of them. */
      notice?: FeedNotice;
    }
  | { edits: { conversationId: string; activityId: string }[]; card: AdaptiveCard }
  /** Nothing to send: only make sure the chat exists (the app installed, the chat started). */
  | { reach: string }
  | { skip: string };

/**
 * Delivers queued messages. The outbox is written in the same commit as the record that caused
 * it, so an alert can be late but never lost; each entry is marked done only after it was sent.
 */
export function createOutboxDispatcher(
  services: Services,
  messenger: Messenger,
  caseUrl: (incidentId: string) => string,
  intervalMs = 30_000,
): OutboxDispatcher {
  const { store, log } = services;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const alert = (incident: Rec<'incidents'>, extra: Pick<AlertInput, 'escalation' | 'assigned'>) =>
    incidentAlertCard({
      reference: incident.reference,
      type: incident.type,
      urgent: incident.urgent,
      reportedAt: new Date(incident.createdAt),
      caseUrl: caseUrl(incident.id),
      ...extra,
    });

  /** A message about an incident, to a person's chat. */
  const aboutIncident =
    (build: (incident: Rec<'incidents'>, payload: Record<string, unknown>) => AdaptiveCard) =>
    async (payload: Record<string, unknown>): Promise<Delivery> => {
      const incident = await store.incidents.get(String(payload.incidentId));
      if (!incident) throw new Undeliverable('the incident no longer exists');
      return { conversationId: `person-${String(payload.recipientId)}`, card: build(incident, payload) };
    };

  /** A message about a policy question, to the conversation named when it was queued. */
  const aboutQuestion =
    (
      build: (question: Rec<'questions'>, names: (id: string | undefined) => Promise<string>) => Promise<AdaptiveCard>,
    ) =>
    async (payload: Record<string, unknown>): Promise<Delivery> => {
      const question = await store.questions.get(String(payload.questionId));
      if (!question) throw new Undeliverable('the question no longer exists');
      const names = (id: string | undefined) => displayName(store, id, 'A member of staff');
      return { conversationId: String(payload.conversationId), card: await build(question, names) };
    };

  /** A message about an account application, to the conversation named when it was queued. */
  const aboutApplication =
    (build: (application: Rec<'applications'>, payload: Record<string, unknown>) => Promise<AdaptiveCard>) =>
    async (payload: Record<string, unknown>): Promise<Delivery> => {
      const application = await store.applications.get(String(payload.applicationId));
      if (!application) throw new Undeliverable('the application no longer exists');
      return { conversationId: String(payload.conversationId), card: await build(application, payload) };
    };

  /** A copy of the SLT approval card; each copy is remembered so a decision can edit it. */
  const approvalCopy =
    (notice?: (application: Rec<'applications'>, payload: Record<string, unknown>) => Promise<string>) =>
    async (payload: Record<string, unknown>): Promise<Delivery> => {
      const delivery = await aboutApplication(async (application) =>
        approvalCard(services, application, undefined, { notice: await notice?.(application, payload) }),
      )(payload);
      const conversationId = String(payload.conversationId);
      return {
        ...delivery,
        afterSend: (activityId) =>
          rememberPostedCard(services, String(payload.applicationId), { conversationId, activityId }),
      };
    };

  /** A message about an official account, to the conversation named when it was queued; none when no longer needed. */
  const aboutAccount =
    (build: (account: Rec<'socialAccounts'>, payload: Record<string, unknown>) => Promise<AdaptiveCard | undefined>) =>
    async (payload: Record<string, unknown>): Promise<Delivery> => {
      const account = await store.socialAccounts.get(String(payload.accountId));
      if (!account) throw new Undeliverable('the account no longer exists');
      if (account.status === 'closed') return { skip: 'the account has been closed' };
      const card = await build(account, payload);
      return card ? { conversationId: String(payload.conversationId), card } : { skip: 'it is no longer needed' };
    };

  const readyInput = async (account: Rec<'socialAccounts'>) => ({
    handle: account.handle,
    platform: account.platform,
    url: account.url,
    leadName: await personName(account.leadId),
    moderatorNames: await Promise.all(account.moderatorIds.map(personName)),
    registerUrl: accountsUrl(services.config),
  });

  const leaderName = (id: unknown) => displayName(store, id, 'A senior leader');
  const personName = (id: unknown) => displayName(store, id);

  const reportNotice = async (payload: Record<string, unknown>): Promise<FeedNotice | undefined> => {
    const incident = await store.incidents.get(String(payload.incidentId));
    if (!incident) return undefined;
    const kind = isIncidentType(incident.type) ? INCIDENT_TYPES[incident.type].label : 'Other';
    const urgency = incident.urgent ? 'Urgent' : payload.escalation ? 'Unread' : 'New';
    return {
      activityType: 'reportAlert',
      preview: `${urgency} report ${incident.reference}`,
      page: `cases/${incident.id}`,
      parameters: { urgency, reference: incident.reference, kind },
    };
  };

  const simpleNotice =
    (activityType: FeedNotice['activityType'], what: string, page: (payload: Record<string, unknown>) => string) =>
    async (payload: Record<string, unknown>): Promise<FeedNotice> => ({
      activityType,
      preview: what,
      page: page(payload),
      parameters: { what },
    });

  /**
   * The messages that ask something of a person, which also go to their Teams activity feed
   * (when sent to their chat), and what the notification says.
   */
  const notices: Partial<Record<Topic, (payload: Record<string, unknown>) => Promise<FeedNotice | undefined>>> = {
    [ALERT_TOPIC]: reportNotice,
    [ASSIGNED_TOPIC]: simpleNotice(
      'taskAssigned',
      'A case has been assigned to you',
      (p) => `cases/${String(p.incidentId)}`,
    ),
    [APPLICATION_FOR_SLT_TOPIC]: simpleNotice(
      'decisionNeeded',
      'An account application waits for your decision',
      () => 'approvals',
    ),
    [APPLICATION_REASSIGNED_TOPIC]: simpleNotice(
      'decisionNeeded',
      'A colleague asked you to decide an application',
      () => 'approvals',
    ),
    [APPLICATION_REMINDER_TOPIC]: simpleNotice(
      'reminder',
      'An account application is still waiting for a decision',
      () => 'approvals',
    ),
    [APPLICATION_FOR_ADMINS_TOPIC]: simpleNotice(
      'taskAssigned',
      'An approved account is waiting to be created',
      (p) => `accounts?create=${String(p.applicationId)}`,
    ),
    [ACCOUNT_HANDOVER_TOPIC]: simpleNotice(
      'taskAssigned',
      'An official account needs handing over',
      (p) => `accounts?handover=${String(p.accountId)}`,
    ),
    [CHECK_IN_REMINDER_TOPIC]: simpleNotice(
      'reminder',
      'An official account has not been checked today',
      () => 'monitoring',
    ),
    [TRAINING_REMINDER_TOPIC]: simpleNotice(
      'reminder',
      'HR has asked you to bring your training up to date',
      () => 'my-training',
    ),
  };

  /** Each topic's message, built from the record it is about, at sending time; every topic has one. */
  const topics: Renderers = {
    [ALERT_TOPIC]: aboutIncident((incident, payload) =>
      alert(incident, {
        escalation:
          payload.escalation === 'deputies' || payload.escalation === 'headteacher' ? payload.escalation : undefined,
      }),
    ),
    [ASSIGNED_TOPIC]: aboutIncident((incident) => alert(incident, { assigned: true })),
    [READ_RECEIPT_TOPIC]: aboutIncident((incident) => readReceiptCard(incident.reference)),
    [REPORT_SYNCED_TOPIC]: aboutIncident((incident) => reportSyncedCard(incident.reference)),
    [CLOSED_TOPIC]: aboutIncident((incident) => closedNoticeCard(incident.reference)),
    [QUESTION_FOR_SLT_TOPIC]: aboutQuestion(async (q, names) =>
      sltQuestionCard({ questionId: q.id, askerName: await names(q.askerId), question: q.text }),
    ),
    [APPLICATION_FOR_SLT_TOPIC]: approvalCopy(),
    [APPLICATION_REASSIGNED_TOPIC]: approvalCopy(
      async (_, payload) => `${await leaderName(payload.byId)} has asked you to decide this application.`,
    ),
    [APPLICATION_REMINDER_TOPIC]: approvalCopy(
      async (_, payload) =>
        `Reminder: this has waited ${Number(payload.waitingDays)} working days for a decision. It closes unanswered after ${Number(payload.daysLeft)} more.`,
    ),
    [APPLICATION_CARD_CHANGED_TOPIC]: async (payload) => {
      const application = await store.applications.get(String(payload.applicationId));
      if (!application) throw new Undeliverable('the application no longer exists');
      return { edits: application.sltMessages ?? [], card: await approvalCard(services, application) };
    },
    [APPLICATION_FOR_ADMINS_TOPIC]: aboutApplication(async (application) => {
      const approval = application.decisions.filter((d) => d.decision === 'approve').at(-1);
      return accountTaskCard({
        accountName: application.accountName,
        platform: application.platform ?? 'Other',
        applicantName: await personName(application.applicantId),
        approvedBy: await leaderName(approval?.byId),
        runnerNames: await Promise.all(application.runnerIds.map(personName)),
        taskUrl: accountTaskUrl(services.config, application.id),
      });
    }),
    [ACCOUNT_CREATED_TOPIC]: aboutAccount(async (account) => accountReadyCard(await readyInput(account))),
    [ACCOUNT_JOINED_TOPIC]: aboutAccount(async (account) =>
      accountReadyCard({ ...(await readyInput(account)), joined: true }),
    ),
    [CHECK_IN_REMINDER_TOPIC]: aboutAccount(async (account) => {
      const [last] = (
        await store.checkIns.list({ where: { accountId: account.id }, orderBy: 'at', descending: true, limit: 1 })
      ).items;
      // Someone checked in between the reminder being queued and sent: nothing to remind about.
      if (last && londonDate(new Date(last.at)) === londonDate(services.now())) return undefined;
      return checkInCard({
        accountId: account.id,
        handle: account.handle,
        platform: account.platform,
        url: account.url,
        reminder: true,
      });
    }),
    [MONITORING_ESCALATION_TOPIC]: aboutAccount(async (account, payload) =>
      monitoringEscalationCard({
        handle: account.handle,
        platform: account.platform,
        uncheckedDays: Number(payload.uncheckedDays),
        overdueReplies: Number(payload.overdueReplies),
        monitoringUrl: monitoringUrl(services.config),
      }),
    ),
    [REVIEW_DUE_TOPIC]: aboutAccount(async (account, payload) =>
      reviewDueCard({
        handle: account.handle,
        platform: account.platform,
        reason: payload.reason === 'policy-changed' ? 'policy-changed' : 'yearly',
        monitoringUrl: monitoringUrl(services.config),
      }),
    ),
    [ACCOUNT_HANDOVER_TOPIC]: aboutAccount(async (account) => {
      if (!account.handover) return undefined;
      return handoverTaskCard({
        handle: account.handle,
        platform: account.platform,
        leaverNames: await Promise.all(account.handover.leaverIds.map(personName)),
        leavingOn: account.handover.leavingOn,
        taskUrl: handoverUrl(services.config, account.id),
      });
    }),
    [ACCOUNT_REPORT_FORM_TOPIC]: async (payload) => {
      const [account, reporter] = await Promise.all([
        store.socialAccounts.get(String(payload.accountId)),
        store.people.get(String(payload.personId)),
      ]);
      if (!account || !reporter?.active) throw new Undeliverable('the account or the moderator is no longer here');
      return {
        conversationId: `person-${reporter.id}`,
        card: await accountReportForm(services, reporter, account, String(payload.note ?? '')),
      };
    },
    [APPLICATION_DECIDED_TOPIC]: aboutApplication(async (application) => {
      const last = application.decisions.filter((d) => d.decision !== 'reassign').at(-1);
      const expired = application.status === 'expired';
      return applicationDecidedCard({
        accountName: application.accountName,
        status: application.status,
        byName: last && !expired ? await leaderName(last.byId) : 'The senior leadership team',
        comment: expired ? '' : (last?.comment ?? ''),
        myApplicationsUrl: pageLink(services.config, 'my-applications'),
      });
    }),
    [TRAINING_REMINDER_TOPIC]: async (payload) => {
      const person = await store.people.get(String(payload.personId));
      if (!person?.active) return { skip: 'the person has left' };
      const training = await personTraining(services, person);
      const items = outstandingItems(training);
      if (items.length === 0) return { skip: 'nothing is outstanding any more' };
      return {
        conversationId: String(payload.conversationId),
        card: trainingReminderCard({
          firstName: person.givenName,
          items,
          policyUrl: training.policy?.standing.compliant ? undefined : policyUrl(services.config),
          trainingUrl: myTrainingUrl(services.config),
        }),
      };
    },
    [REACH_TOPIC]: async (payload) => ({ reach: String(payload.conversationId) }),
    [POLICY_UPDATED_TOPIC]: async (payload) => {
      const version = await store.policyVersions.get(String(payload.versionId));
      if (!version) throw new Undeliverable('the policy version no longer exists');
      const document = await store.policyDocuments.get(version.documentId);
      if (document?.currentVersionId !== version.id) return { skip: 'a newer version has been published since' };
      return {
        conversationId: String(payload.conversationId),
        card: policyUpdatedCard({
          title: document.title,
          versionNumber: version.versionNumber,
          policyUrl: policyUrl(services.config),
        }),
      };
    },
    [QUESTION_ANSWERED_TOPIC]: aboutQuestion(async (q, names) =>
      questionAnsweredCard({ question: q.text, byName: await names(q.answeredById), answer: q.answer ?? '' }),
    ),
    [QUESTION_POINTED_TOPIC]: aboutQuestion((q) =>
      answerCardFor(services, q, 'A senior leader found the answer to your question in the policy.'),
    ),
  };

  async function deliver(entry: Rec<'outbox'>): Promise<void> {
    // Written by an older or newer version of the app: said, not guessed at.
    if (!isTopic(entry.topic)) throw new Undeliverable(`no handler for ${entry.topic}`);
    const render = topics[entry.topic] as (payload: unknown) => Promise<Delivery>;
    const rendered = await render(entry.payload);
    const notice =
      'card' in rendered && 'conversationId' in rendered ? await notices[entry.topic]?.(entry.payload) : undefined;
    const delivery: Delivery = notice ? { ...rendered, notice } : rendered;
    if ('skip' in delivery) {
      log.info({ outboxId: entry.id, topic: entry.topic, reason: delivery.skip }, 'message no longer needed');
      return;
    }
    if ('reach' in delivery) {
      await conversationFor(services, messenger, delivery.reach);
      return;
    }
    if ('edits' in delivery) {
      // Edits are idempotent, so a retry after a partial failure simply edits them all again.
      for (const { conversationId, activityId } of delivery.edits) {
        const conversation = await store.conversationRefs.get(conversationId);
        if (conversation) await answered(messenger.updateCard(conversation.reference, activityId, delivery.card));
      }
      return;
    }
    const conversation = await conversationFor(services, messenger, delivery.conversationId);
    const activityId = await answered(messenger.sendCard(conversation.reference, delivery.card));
    if (activityId && delivery.afterSend) {
      // Sent is sent: failing to remember the copy must not send it again.
      await delivery.afterSend(activityId).catch((err: unknown) => log.warn({ err }, 'could not remember a sent card'));
    }
    if (delivery.notice) await notifyFeed(delivery.conversationId, delivery.notice);
  }

  /** The activity-feed notice beside a chat message. The message went: a failed notice is logged, never resent. */
  async function notifyFeed(conversationId: string, notice: FeedNotice): Promise<void> {
    const personId = /^person-(.+)$/.exec(conversationId)?.[1];
    if (!services.feed || !personId) return;
    const person = await store.people.get(personId);
    if (!person?.aadObjectId) return;
    await services.feed.notify(person.aadObjectId, notice).catch((err: unknown) => {
      if (err instanceof PermissionMissing) log.error({ personId }, err.message);
      else log.warn({ err, personId }, 'could not add a notification to the activity feed');
    });
  }

  async function round(): Promise<void> {
    const now = services.now();
    const due = await store.outbox.listAll({
      where: { status: 'pending', notBefore: { lte: now.toISOString() } },
      orderBy: 'notBefore',
    });
    for (const pending of due) {
      if (stopped) return;
      // Claim it first: moving its due time past the lease, under its ETag, so another instance
      // (or round) that read it too gets a conflict and leaves it. A claimer that dies mid-send
      // leaves it due again once the lease runs out: at most one resend, never a lost message.
      let entry: Rec<'outbox'>;
      try {
        entry = await store.outbox.update(pending, {
          notBefore: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
        });
      } catch (err) {
        if (err instanceof ConflictError) continue;
        throw err;
      }
      try {
        await deliver(entry);
        await store.outbox.update(entry, { status: 'done', attempts: entry.attempts + 1, lastError: undefined });
      } catch (err) {
        if (err instanceof ConflictError) continue; // already settled elsewhere
        const attempts = entry.attempts + 1;
        const final = err instanceof Undeliverable || attempts >= MAX_ATTEMPTS;
        if (err instanceof PermissionMissing) {
          // The school must act; say so loudly, once per failed attempt, with what to grant.
          log.error({ outboxId: entry.id, topic: entry.topic, attempts }, err.message);
        }
        log.warn(
          { outboxId: entry.id, topic: entry.topic, attempts, final, err: (err as Error).message },
          'outbox delivery failed',
        );
        await store.outbox
          .update(entry, {
            status: final ? 'failed' : 'pending',
            attempts,
            lastError: (err as Error).message.slice(0, 500),
            notBefore: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
          })
          .catch((e: unknown) => log.error({ err: e }, 'could not record an outbox failure'));
      }
    }
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch((err: unknown) => log.error({ err }, 'outbox round failed'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  const timer = setInterval(kick, intervalMs);
  timer.unref();

  return {
    kick,
    async idle() {
      while (running) await running;
    },
    /**
     * Stops taking work and gives a send in progress a short grace period. Entries are durable, so
     * one cut off here stays pending and is sent after restart: delivery is at least once.
     */
    async stop(graceMs = 2000) {
      stopped = true;
      clearInterval(timer);
      if (running) await Promise.race([running, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    },
  };
}
