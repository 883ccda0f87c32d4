import { escalationFor, escalationStage, type EscalationStage } from '../domain/incidents/escalation.ts';
import { canReadCase } from '../domain/incidents/access.ts';
import { chaseRecipientsFor, routingFor } from '../domain/incidents/routing.ts';
import { queueMessage } from '../notifications/outbox.ts';
import type { Services } from '../services.ts';
import { ConflictError } from '../store/errors.ts';
import { ALERT_TOPIC } from './report-incident.ts';

const ORDER: EscalationStage[] = ['none', 'deputies', 'headteacher'];

/**
 * Chases reports nobody has opened, along the report's own routing (`chaseRecipientsFor`): a
 * second alert to its recipients, then further up. Each step is sent once (recorded on the incident) and audited. Returns how many
 * incidents were escalated. Runs on a timer; tests call it with their own clock.
 */
export async function chaseUnread(services: Pick<Services, 'log' | 'now' | 'outbox' | 'store'>): Promise<number> {
  const { store } = services;
  const now = services.now();
  const at = now.toISOString();
  let escalated = 0;
  const schools = new Map<string, Awaited<ReturnType<typeof store.schools.get>>>();
  for (const incident of await store.incidents.listAll({ where: { status: 'new' } })) {
    if (!schools.has(incident.schoolId)) schools.set(incident.schoolId, await store.schools.get(incident.schoolId));
    const school = schools.get(incident.schoolId);
    const stage = escalationStage(
      { reportedAt: incident.createdAt, firstReadAt: incident.firstReadAt, urgent: incident.urgent },
      now,
      escalationFor(school),
    );
    if (ORDER.indexOf(stage) <= ORDER.indexOf(incident.escalatedTo ?? 'none')) continue;
    const routing = routingFor(school);
    const colleagues = await store.people.listAll({ where: { schoolId: incident.schoolId, active: true } });
    const routed = chaseRecipientsFor(
      {
        step: stage === 'deputies' ? 'first' : 'second',
        audience: incident.audience ?? (incident.safeguarding ? 'safeguarding' : 'reputation'),
        schoolId: incident.schoolId,
        subjectPersonId: incident.subjectPersonId,
      },
      colleagues,
      routing,
      (id) => {
        const person = colleagues.find((c) => c.id === id);
        return person !== undefined && canReadCase(person, incident, routing);
      },
    );
    const recipientIds = routed.ok ? routed.recipientIds : [];
    if (!routed.ok) {
      services.log.warn(
        { incident: incident.reference, stage, problem: routed.problem },
        'an unread report could not be chased: set the school’s routing (headteacher, chair of governors, DSLs)',
      );
    }
    // Past the check above, the stage is a real step.
    const step = stage as 'deputies' | 'headteacher';
    try {
      await store.commit((uow) => {
        uow.update('incidents', incident, { escalatedTo: step });
        for (const recipientId of recipientIds) {
          queueMessage(uow, ALERT_TOPIC, { incidentId: incident.id, recipientId, escalation: step }, at);
        }
        uow.append('audit', {
          at,
          actorId: 'system',
          action: 'incident.escalated',
          targetKind: 'incidents',
          targetId: incident.id,
          schoolId: incident.schoolId,
          detail: { stage, recipients: recipientIds.length, ...(routed.ok ? {} : { problem: routed.problem }) },
        });
      });
      escalated++;
    } catch (err) {
      // Opened or escalated by someone else meanwhile: the next run sees the new state.
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  if (escalated) services.outbox.kick();
  return escalated;
}
