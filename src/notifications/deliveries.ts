import type { Principal } from '../auth/principal.ts';
import { canReadCase } from '../domain/incidents/access.ts';
import { hasRole } from '../domain/roles.ts';
import { NotAllowed, visibleOrNotFound } from '../errors.ts';
import { schoolsWhere } from '../people/oversight.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { isTopic, type Topic } from './topics.ts';
import { recipientOf } from './recipients.ts';
import { loadCase } from '../incidents/case-record.ts';

/** What a message is, in words that carry no detail of what it says. */
const KINDS: Record<Topic, string> = {
  'incident.alert': 'Alert about a report',
  'report.read': 'Report read, to its reporter',
  'report.closed': 'Report closed, to its reporter',
  'case.assigned': 'Case assigned',
  'incident.synced': 'Report synced, to its reporter',
  'report.alert-status': 'Whether the alert arrived, to its reporter',
  'question.for-slt': 'Staff question for SLT',
  'question.answered': 'Answer to a staff question',
  'question.pointed': 'Policy answer to a staff question',
  'application.for-slt': 'Account application for SLT',
  'application.card-changed': 'Update to an application card',
  'application.decided': 'Decision on an application',
  'application.for-admins': 'Account to create',
  'application.reassigned': 'Application handed to a colleague',
  'application.reminder': 'Reminder about an application',
  'account.created': 'Account ready',
  'account.handover-needed': 'Account handover task',
  'account.joined': 'Added to an account team',
  'account.check-in-reminder': 'Check-in reminder',
  'account.monitoring-escalation': 'Account needs attention',
  'account.review-due': 'Account review due',
  'account.report-form': 'Report form from a check-in',
  'training.reminder': 'Training reminder',
  'policy.updated': 'New policy version',
  'person.reach': 'Getting their Teams chat ready',
};

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export const deliveryKind = (topic: string) => (isTopic(topic) ? KINDS[topic] : topic);

/** A message not yet tried this long after it was queued is waiting behind others, or for a sender. */
const WAITING_AFTER_MS = 60_000;

/** Given up, failed at least once, or not yet tried a while after it was queued. */
const undelivered = (entry: Rec<'outbox'>, now: Date) =>
  entry.status === 'failed' ||
  (entry.status === 'pending' &&
    (entry.attempts > 0 || Date.parse(entry.createdAt) <= now.getTime() - WAITING_AFTER_MS));

/** Leaders and administrators see every kind of message; safeguarding leads, the alerts about cases they may read. */
const DELIVERY_ROLES = ['SLT', 'Admin', 'DSL'] as const;
const EVERY_KIND_ROLES = ['SLT', 'Admin'] as const;

/**
 * Whether this leader or administrator may see that a message is stuck: it must be for someone
 * (or a channel) at a school where they hold the role, and, for a message about a case, they
 * must be allowed to read that case, so a concern's subject never learns that one was raised.
 */
async function visibleEntry(
  services: Services,
  principal: Principal,
  entry: Rec<'outbox'>,
): Promise<string | undefined> {
  const { store } = services;
  const { personId, conversationId } = recipientOf(entry);
  const schoolId = personId
    ? (await store.people.get(personId))?.schoolId
    : conversationId
      ? (await store.conversationRefs.get(conversationId))?.schoolId
      : undefined;
  if (!schoolId || !DELIVERY_ROLES.some((role) => hasRole(principal.person, role, schoolId))) return undefined;
  const everyKind = EVERY_KIND_ROLES.some((role) => hasRole(principal.person, role, schoolId));
  if (!everyKind && entry.topic !== 'incident.alert') return undefined;
  if (typeof entry.payload.incidentId === 'string') {
    const { incident, routing } = await loadCase(services, entry.payload.incidentId);
    if (!incident || !canReadCase(principal.person, incident, routing)) return undefined;
  }
  return schoolId;
}

/** Every message not yet delivered that the caller looks after: to whom, what kind, why, and when it is tried next. */
export async function undeliveredMessages(services: Services, principal: Principal) {
  if (schoolsWhere(principal, DELIVERY_ROLES).length === 0) {
    throw new NotAllowed(
      'Only senior leaders, safeguarding leads and administrators see messages that could not be delivered',
    );
  }
  const { store } = services;
  const now = services.now();
  const entries = [
    ...(await store.outbox.listAll({ where: { status: 'failed' } })),
    ...(await store.outbox.listAll({ where: { status: 'pending' } })).filter((e) => undelivered(e, now)),
  ];
  const items = [];
  for (const entry of entries) {
    if (!(await visibleEntry(services, principal, entry))) continue;
    const { personId, conversationId } = recipientOf(entry);
    const to = personId
      ? ((await store.people.get(personId))?.displayName ?? 'Someone no longer in the directory')
      : `A Teams channel (${conversationId === undefined ? 'unknown' : 'SLT'})`;
    items.push({
      id: entry.id,
      to,
      kind: deliveryKind(entry.topic),
      reason: sentence(entry.lastError ?? 'not tried yet: waiting for the messages before it to be sent'),
      attempts: entry.attempts,
      status: entry.status === 'failed' ? ('gave-up' as const) : ('retrying' as const),
      nextTryAt: entry.status === 'pending' ? entry.notBefore : undefined,
      queuedAt: entry.createdAt,
    });
  }
  return items.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** "Try again": the message is due now, whatever its back-off said, and is sent on the next round. */
export async function retryDelivery(services: Services, principal: Principal, id: string) {
  const { store } = services;
  const found = await store.outbox.get(id);
  const schoolId =
    found && undelivered(found, services.now()) ? await visibleEntry(services, principal, found) : undefined;
  const entry = visibleOrNotFound(found, () => schoolId !== undefined, 'That message');
  const at = services.now().toISOString();
  await store.commit((uow) => {
    uow.update('outbox', entry, { status: 'pending', notBefore: at });
    uow.append('audit', {
      at,
      actorId: principal.person.id,
      action: 'delivery.retried',
      targetKind: 'outbox',
      targetId: entry.id,
      schoolId,
      detail: { kind: deliveryKind(entry.topic) },
    });
  });
  services.outbox.kick();
  return { status: 'pending' as const };
}
