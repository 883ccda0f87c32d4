/**
 * Every message the outbox carries, by topic, with what its payload holds: ids of the records it
 * is about and where it goes, never the content (that is read when it is sent). `queueMessage`
 * takes only these, and the dispatcher's renderer table must cover every one, so a new topic
 * without a renderer, or a payload of the wrong shape, does not compile.
 */
import type { AlertedGroup } from '../domain/incidents/routing.ts';

type ToPerson = { conversationId: string };
type AboutIncident = { incidentId: string; recipientId: string };
type AboutApplication = { applicationId: string; conversationId: string };
type AboutAccount = { accountId: string; conversationId: string };
type AboutQuestion = { questionId: string; conversationId: string };
/** Where the reporter's confirmation card is, and the alerts it reports on, so it can say when they arrive. */
export type Receipt = { cardId: string; alertIds: string[]; alerted: { group: AlertedGroup; people: number } };

export type MessagePayloads = {
  'incident.alert': AboutIncident & { escalation?: 'deputies' | 'headteacher'; receipt?: Receipt };
  /** To the reporter: their confirmation card, changed to say whether the alert has arrived. */
  'report.alert-status': AboutIncident & Receipt;
  'case.assigned': AboutIncident;
  'report.read': AboutIncident;
  'report.closed': AboutIncident;
  'incident.synced': AboutIncident & { alerted?: { group: AlertedGroup; people: number } };
  'question.for-slt': AboutQuestion;
  'question.answered': AboutQuestion;
  'question.pointed': AboutQuestion;
  'application.for-slt': AboutApplication;
  'application.reassigned': AboutApplication & { byId: string };
  'application.reminder': AboutApplication & { waitingDays: number; daysLeft: number };
  'application.decided': AboutApplication;
  'application.for-admins': AboutApplication;
  'application.card-changed': { applicationId: string };
  'account.created': AboutAccount;
  'account.joined': AboutAccount;
  'account.handover-needed': AboutAccount;
  'account.check-in-reminder': AboutAccount;
  'account.monitoring-escalation': AboutAccount & { uncheckedDays: number; overdueReplies: number };
  'account.review-due': AboutAccount & { reason: 'yearly' | 'policy-changed' };
  'account.report-form': { accountId: string; personId: string; note: string };
  'training.reminder': ToPerson & { personId: string };
  'policy.updated': ToPerson & { versionId: string };
  'person.reach': ToPerson;
};

export type Topic = keyof MessagePayloads;

/** Every topic, for telling a stored entry's topic from one this version does not know. */
const TOPICS: Record<Topic, true> = {
  'incident.alert': true,
  'report.alert-status': true,
  'case.assigned': true,
  'report.read': true,
  'report.closed': true,
  'incident.synced': true,
  'question.for-slt': true,
  'question.answered': true,
  'question.pointed': true,
  'application.for-slt': true,
  'application.reassigned': true,
  'application.reminder': true,
  'application.decided': true,
  'application.for-admins': true,
  'application.card-changed': true,
  'account.created': true,
  'account.joined': true,
  'account.handover-needed': true,
  'account.check-in-reminder': true,
  'account.monitoring-escalation': true,
  'account.review-due': true,
  'account.report-form': true,
  'training.reminder': true,
  'policy.updated': true,
  'person.reach': true,
};

export const isTopic = (topic: string): topic is Topic => Object.hasOwn(TOPICS, topic);
