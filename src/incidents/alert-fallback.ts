import { caseUrl } from '../config/urls.ts';
import { alertTypeLabel } from '../domain/incidents/catalogue.ts';
import { escalationFor } from '../domain/incidents/escalation.ts';
import type { Services } from '../services.ts';
import { ConflictError } from '../store/errors.ts';
import { ALERT_TOPIC } from './report-incident.ts';

/**
 * A safeguarding alert that Teams has not delivered by the time the school would chase it goes
 * by email too, once, from the school's alerts mailbox. Like the Teams alert it carries only the
 * reference, the kind of report and its urgency, with the link to open it. The chase itself tells
 * the next people in the routing (chase-unread.ts). Returns how many were emailed.
 */
export async function emailUndeliveredAlerts(
  services: Pick<Services, 'config' | 'log' | 'mailer' | 'now' | 'store'>,
): Promise<number> {
  const { store, mailer, log } = services;
  if (!mailer) return 0;
  const now = services.now();
  const waiting = [
    ...(await store.outbox.listAll({ where: { topic: ALERT_TOPIC, status: 'pending' } })),
    ...(await store.outbox.listAll({ where: { topic: ALERT_TOPIC, status: 'failed' } })),
  ].filter((entry) => !entry.emailedAt);
  let emailed = 0;
  for (const entry of waiting) {
    const incident = await store.incidents.get(String(entry.payload.incidentId));
    // Someone is already on it: nothing to fall back for.
    if (!incident || incident.status !== 'new') continue;
    const settings = escalationFor(await store.schools.get(incident.schoolId));
    const after = incident.urgent ? settings.urgentDeputiesAfterMinutes : settings.deputiesAfterMinutes;
    if (now.getTime() - Date.parse(entry.createdAt) < after * 60_000) continue;
    let claimed;
    try {
      // Claimed under its ETag, so however many instances run, it is emailed once.
      claimed = await store.outbox.update(entry, { emailedAt: now.toISOString() });
    } catch (err) {
      if (err instanceof ConflictError) continue;
      throw err;
    }
    const recipient = await store.people.get(String(entry.payload.recipientId));
    if (!recipient?.active) continue;
    const kind = alertTypeLabel(incident.type);
    const urgency = incident.urgent ? 'An URGENT report' : 'A report';
    try {
      await mailer.send({
        to: recipient.upn,
        subject: `Safeguarding alert ${incident.reference}: please open it`,
        text: [
          `${urgency} (${incident.reference}, ${kind}) is waiting for a safeguarding lead, and its Teams alert has not reached you.`,
          `Open it in the hub: ${caseUrl(services.config, incident.id)}`,
          '',
          'This email carries no detail of the report. The detail is only in the hub, where every opening is recorded.',
        ].join('\n'),
      });
      await store.audit.append({
        at: now.toISOString(),
        actorId: 'system',
        action: 'incident.alert-emailed',
        targetKind: 'incidents',
        targetId: incident.id,
        schoolId: incident.schoolId,
        detail: { recipientId: recipient.id },
      });
      emailed++;
    } catch (err) {
      log.error(
        { err: (err as Error).message, outboxId: entry.id },
        'a safeguarding alert could not be emailed either',
      );
      await store.outbox
        .update(claimed, {
          lastError: `${entry.lastError ?? 'not delivered'}; the email failed too: ${(err as Error).message}`.slice(
            0,
            4000,
          ),
        })
        .catch(() => undefined);
    }
  }
  return emailed;
}
