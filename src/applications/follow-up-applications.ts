import { approvalSettingsFor, followUpDue } from '../domain/applications/follow-up.ts';
import { applyAction } from '../domain/applications/lifecycle.ts';
import { queueMessage } from '../notifications/outbox.ts';
import { sltDestinations } from '../notifications/slt-destinations.ts';
import type { Services } from '../services.ts';
import { ConflictError } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';
import type { UnitOfWork } from '../store/store.ts';
import { APPLICATION_CARD_CHANGED_TOPIC } from './applications.ts';
import { APPLICATION_DECIDED_TOPIC } from './approval.ts';

export const APPLICATION_REMINDER_TOPIC = 'application.reminder';

/**
 * Chases applications SLT has not decided: a reminder after the school's number of working days
 * (to the leader it was handed to, else the SLT channel or chats), repeated, and finally expiry,
 * which tells the applicant and edits the posted cards. Runs on a timer; tests pass their own clock.
 * Returns what it did, for the log.
 */
export async function followUpApplications(services: Services): Promise<{ reminded: number; expired: number }> {
  const { store } = services;
  const now = services.now();
  const at = now.toISOString();
  const done = { reminded: 0, expired: 0 };
  const schools = new Map<string, Rec<'schools'> | undefined>();
  for (const application of await store.applications.listAll({ where: { status: 'submitted' } })) {
    if (!application.submittedAt) continue;
    if (!schools.has(application.schoolId)) {
      schools.set(application.schoolId, await store.schools.get(application.schoolId));
    }
    const school = schools.get(application.schoolId);
    const due = followUpDue(
      { submittedAt: application.submittedAt, lastRemindedAt: application.lastRemindedAt },
      approvalSettingsFor(school),
      now,
      school?.nation ?? 'england-and-wales',
    );
    if (due.kind === 'none') continue;
    try {
      if (due.kind === 'expire') {
        const next = applyAction(application, { kind: 'expire' }, { approvalsNeeded: 1 });
        if (!next.ok) continue;
        await store.commit((uow) => {
          uow.update('applications', application, { status: 'expired' });
          audit(uow, application, 'application.expired', at);
          queueMessage(
            uow,
            APPLICATION_DECIDED_TOPIC,
            { applicationId: application.id, conversationId: `person-${application.applicantId}` },
            at,
          );
          // Every copy SLT was sent now says it expired.
          queueMessage(uow, APPLICATION_CARD_CHANGED_TOPIC, { applicationId: application.id }, at);
        });
        done.expired++;
      } else {
        const recipients = application.assignedToId
          ? [`person-${application.assignedToId}`]
          : await sltDestinations(services, application.schoolId);
        await store.commit((uow) => {
          uow.update('applications', application, { lastRemindedAt: at });
          audit(uow, application, 'application.reminded', at, { waitingDays: due.waitingDays });
          for (const conversationId of recipients) {
            queueMessage(
              uow,
              APPLICATION_REMINDER_TOPIC,
              { applicationId: application.id, conversationId, waitingDays: due.waitingDays, daysLeft: due.daysLeft },
              at,
            );
          }
        });
        done.reminded++;
      }
    } catch (err) {
      // Someone decided it meanwhile; the next round looks again.
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  if (done.reminded || done.expired) services.outbox.kick();
  return done;
}

function audit(
  uow: UnitOfWork,
  application: Rec<'applications'>,
  action: string,
  at: string,
  detail?: Record<string, unknown>,
) {
  uow.append('audit', {
    at,
    actorId: 'system',
    action,
    targetKind: 'applications',
    targetId: application.id,
    schoolId: application.schoolId,
    ...(detail ? { detail } : {}),
  });
}
