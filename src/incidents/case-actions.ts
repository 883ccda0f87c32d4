import type { Agency } from '../domain/incidents/agencies.ts';
import { incidentTypeLabel, type IncidentType } from '../domain/incidents/catalogue.ts';
import type { Principal } from '../auth/principal.ts';
import { canBeAssigned, canHandleCase, canReadCase } from '../domain/incidents/access.ts';
import { changeStatus } from '../domain/incidents/status.ts';
import type { RISK_AREAS, RISK_TYPES } from '../domain/records.ts';
import { NotAllowed, NotFound, RuleBroken } from '../errors.ts';
import { queueMessage } from '../notifications/outbox.ts';
import type { Services } from '../services.ts';
import { appendEntry, loadCase } from './case-record.ts';
import { expectVersion } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';
import type { UnitOfWork } from '../store/store.ts';

export const CLOSED_TOPIC = 'report.closed';
export const ASSIGNED_TOPIC = 'case.assigned';

export type CaseAction =
  | { kind: 'assessment' | 'action' | 'correction'; text: string }
  | { kind: 'referral'; agency: Agency; agencyReference?: string; text: string }
  | { kind: 'status'; to: Rec<'incidents'>['status']; outcome?: string; reason?: string }
  | { kind: 'assign'; assigneeId: string }
  | {
      kind: 'classification';
      riskArea: (typeof RISK_AREAS)[number];
      riskType: (typeof RISK_TYPES)[number];
      /** What happened, when the reporter's choice (or the pre-fill) did not fit. */
      type?: IncidentType;
    };

/**
 * Records what a DSL does on a case. The chronology only grows: the original report is never
 * edited, and a correction is a new entry. `etag` is the version the DSL was looking at; if the
 * case changed since, the action is refused rather than applied to something they have not seen.
 */
export async function actOnCase(
  services: Services,
  principal: Principal,
  incidentId: string,
  etag: string,
  action: CaseAction,
) {
  const { store } = services;
  const { incident, routing } = await loadCase(services, incidentId);
  if (!incident || !canHandleCase(principal.person, incident, routing)) {
    // Those who may read the case learn only that they cannot act on it; everyone else sees no case at all.
    if (incident && canReadCase(principal.person, incident, routing)) {
      throw new NotAllowed('Only a safeguarding lead can record actions on this case');
    }
    throw new NotFound('The case');
  }
  expectVersion('incidents', incident, etag);

  const at = services.now().toISOString();
  const by = principal.person.id;
  const entry = (uow: UnitOfWork, kind: Rec<'incidentEntries'>['kind'], text: string, data?: Record<string, unknown>) =>
    appendEntry(uow, incident, { byId: by, at, kind, text, data });
  const audit = (uow: UnitOfWork, detail: Record<string, unknown>) =>
    uow.append('audit', {
      at,
      actorId: by,
      action: `incident.${action.kind}`,
      targetKind: 'incidents',
      targetId: incident.id,
      schoolId: incident.schoolId,
      detail,
    });

  let changes: Partial<Rec<'incidents'>> = {};
  let closing = false;
  let write: (uow: UnitOfWork) => void;
  switch (action.kind) {
    case 'assessment':
    case 'action':
    case 'correction':
      write = (uow) => entry(uow, action.kind, action.text);
      break;
    case 'referral':
      write = (uow) =>
        entry(uow, 'referral', action.text, { agency: action.agency, agencyReference: action.agencyReference });
      if (incident.status === 'read' || incident.status === 'in-progress') changes = { status: 'referred' };
      break;
    case 'status': {
      const result = changeStatus(incident.status, action);
      if (!result.ok) throw new RuleBroken('invalid_status_change', result.problem);
      closing = result.status === 'closed';
      changes = closing
        ? { status: 'closed', closedAt: at, outcome: action.outcome!.trim() }
        : { status: result.status };
      const words = result.status.replace('-', ' ');
      const text = closing ? action.outcome!.trim() : action.reason?.trim() || `Status changed to ${words}`;
      write = (uow) => entry(uow, closing ? 'outcome' : 'status', text, { from: incident.status, to: result.status });
      break;
    }
    case 'assign': {
      const assignee = await store.people.get(action.assigneeId);
      if (!assignee || !canBeAssigned(assignee, incident, routing)) {
        throw new RuleBroken(
          'invalid_assignee',
          'Cases can only be assigned to someone who may handle this case: an active safeguarding lead at its school, or for a concern about an adult, whoever reads it',
        );
      }
      changes = { assigneeId: assignee.id };
      write = (uow) => {
        entry(uow, 'assignment', `Assigned to ${assignee.displayName}`, { assigneeId: assignee.id });
        if (assignee.id !== principal.person.id) {
          queueMessage(uow, ASSIGNED_TOPIC, { incidentId: incident.id, recipientId: assignee.id }, at);
        }
      };
      break;
    }
    case 'classification': {
      const type = action.type ?? incident.type;
      changes = { riskArea: action.riskArea, riskType: action.riskType, type };
      const typeWords = type === incident.type ? '' : `What happened changed to "${incidentTypeLabel(type)}". `;
      write = (uow) =>
        entry(uow, 'classification', `${typeWords}Classification changed to ${action.riskArea} / ${action.riskType}`, {
          from: { type: incident.type, riskArea: incident.riskArea, riskType: incident.riskType },
          to: { type, riskArea: action.riskArea, riskType: action.riskType },
        });
      break;
    }
  }

  const updated = await store.commit((uow) => {
    write(uow);
    audit(uow, action.kind === 'status' ? { from: incident.status, to: action.to } : {});
    if (closing) {
      queueMessage(uow, CLOSED_TOPIC, { incidentId: incident.id, recipientId: incident.reporterId }, at);
    }
    // Every action bumps the case's version, so a second DSL acting on what they saw is told it changed.
    return uow.update('incidents', incident, changes);
  });
  if (closing || action.kind === 'assign') services.outbox.kick();
  return { id: updated.id, etag: updated.etag, status: updated.status };
}
