import type { SchoolRouting } from '../domain/incidents/routing.ts';
import { StoreUnavailableError } from '../store/errors.ts';
import { displayNames } from '../people/directory.ts';
import type { Principal } from '../auth/principal.ts';
import { incidentTypeLabel } from '../domain/incidents/catalogue.ts';
import { canBeAssigned, canHandleCase, canReadCase } from '../domain/incidents/access.ts';
import { POSSIBLE_CRIME_PROCEDURE } from '../domain/incidents/procedure.ts';
import { routingFor } from '../domain/incidents/routing.ts';
import { NotFound } from '../errors.ts';
import { queueMessage } from '../notifications/outbox.ts';
import type { Services } from '../services.ts';
import { appendEntry, loadCase } from './case-record.ts';
import { ConflictError } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';

export const READ_RECEIPT_TOPIC = 'report.read';

export interface CaseFilters {
  status?: Rec<'incidents'>['status'][];
  urgent?: boolean;
  type?: string;
  schoolId?: string;
  /** A person id, or 'unassigned'. */
  assignee?: string;
  /** Reported at least this many days ago (to find cases left open too long). */
  minAgeDays?: number;
  /** Reported at most this many days ago. */
  maxAgeDays?: number;
}

const DAY_MS = 86_400_000;

function summary(i: Rec<'incidents'>, names: ReadonlyMap<string, string> = new Map()) {
  return {
    id: i.id,
    reference: i.reference,
    type: i.type,
    typeLabel: incidentTypeLabel(i.type),
    status: i.status,
    urgent: i.urgent,
    possibleCrime: i.possibleCrime,
    riskArea: i.riskArea,
    riskType: i.riskType,
    schoolId: i.schoolId,
    assigneeId: i.assigneeId,
    assignee: i.assigneeId ? names.get(i.assigneeId) : undefined,
    reportedAt: i.createdAt,
  };
}

/** Unread first, then urgent, then newest: what a safeguarding lead must see first. */
function triageOrder(a: Rec<'incidents'>, b: Rec<'incidents'>): number {
  const unread = Number(b.status === 'new') - Number(a.status === 'new');
  if (unread) return unread;
  const urgent = Number(b.urgent) - Number(a.urgent);
  return urgent || b.createdAt.localeCompare(a.createdAt);
}

export async function listCases(services: Pick<Services, 'now' | 'store'>, principal: Principal, filters: CaseFilters) {
  const { store } = services;
  const now = services.now().getTime();
  const reportedAt: { gte?: string; lte?: string } = {};
  if (filters.maxAgeDays !== undefined) reportedAt.gte = new Date(now - filters.maxAgeDays * DAY_MS).toISOString();
  if (filters.minAgeDays !== undefined) reportedAt.lte = new Date(now - filters.minAgeDays * DAY_MS).toISOString();
  const schoolIds = principal.schoolIds.filter((id) => !filters.schoolId || id === filters.schoolId);
  const results = [];
  const names = new Map<string, string>();
  for (const schoolId of schoolIds) {
    const [school, staff] = await Promise.all([
      store.schools.get(schoolId),
      store.people.listAll({ where: { schoolId } }),
    ]);
    for (const person of staff) names.set(person.id, person.displayName);
    const routing = routingFor(school);
    const incidents = await store.incidents.listAll({
      where: {
        schoolId,
        ...(filters.status ? { status: filters.status } : {}),
        ...(filters.urgent !== undefined ? { urgent: filters.urgent } : {}),
        ...(filters.assignee && filters.assignee !== 'unassigned' ? { assigneeId: filters.assignee } : {}),
      },
    });
    results.push(
      ...incidents.filter(
        (i) =>
          (!filters.type || i.type === filters.type) &&
          (filters.assignee !== 'unassigned' || !i.assigneeId) &&
          (!reportedAt.gte || i.createdAt >= reportedAt.gte) &&
          (!reportedAt.lte || i.createdAt <= reportedAt.lte) &&
          canReadCase(principal.person, i, routing),
      ),
    );
  }
  return results.sort(triageOrder).map((i) => summary(i, names));
}

/**
 * Opens a case file. Every opening is audited before anything is returned. The first opening by
 * someone who handles the case marks it read and tells the reporter, without any detail.
 */
export async function openCase(services: Services, principal: Principal, incidentId: string) {
  // Two leads opening a new case at once both try to mark it read; the one who loses just looks again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await openCaseOnce(services, principal, incidentId);
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 3) throw err;
    }
  }
}

async function openCaseOnce(services: Services, principal: Principal, incidentId: string) {
  const { store } = services;
  const { incident, routing } = await loadCase(services, incidentId);
  // Not found and not allowed look the same, so ids cannot be probed.
  if (!incident || !canReadCase(principal.person, incident, routing)) throw new NotFound('The case');
  const at = services.now().toISOString();
  const firstRead = incident.status === 'new' && canHandleCase(principal.person, incident, routing);

  const current = await store.commit((uow) => {
    uow.append('audit', {
      at,
      actorId: principal.person.id,
      action: 'incident.viewed',
      targetKind: 'incidents',
      targetId: incident.id,
      schoolId: incident.schoolId,
    });
    if (!firstRead) return incident;
    appendEntry(uow, incident, {
      byId: principal.person.id,
      at,
      kind: 'status',
      text: 'Read by a safeguarding lead',
      data: { from: 'new', to: 'read' },
    });
    queueMessage(uow, READ_RECEIPT_TOPIC, { incidentId: incident.id, recipientId: incident.reporterId }, at);
    return uow.update('incidents', incident, { status: 'read', firstReadAt: at });
  });
  if (firstRead) services.outbox.kick();

  let entries = await store.incidentEntries.listAll({ where: { incidentId: incident.id }, orderBy: 'at' });
  if (!entries.some((e) => e.kind === 'report')) {
    // The case without its report: the instance saving it died part-way. Finish that first, so
    // the lead never reads a case with no description.
    await store.finishInterrupted();
    entries = await store.incidentEntries.listAll({ where: { incidentId: incident.id }, orderBy: 'at' });
  }
  const names = await displayNames(store, current.schoolId, [
    current.reporterId,
    ...entries.map((e) => e.byId),
    ...(current.assigneeId ? [current.assigneeId] : []),
  ]);
  const original = entries.find((e) => e.kind === 'report')?.data ?? {};
  return {
    ...summary(current),
    etag: current.etag,
    outcome: current.outcome,
    reporter: names.get(current.reporterId),
    platform: current.platform,
    occurredOn: typeof original.occurredOn === 'string' ? original.occurredOn : undefined,
    occurredTime: typeof original.occurredTime === 'string' ? original.occurredTime : undefined,
    immediateRisk: current.immediateRisk,
    firstReadAt: current.firstReadAt,
    retentionCategory: current.retentionCategory,
    reviewOn: current.reviewOn,
    canHandle: canHandleCase(principal.person, current, routing),
    assignee: current.assigneeId ? names.get(current.assigneeId) : undefined,
    assignableLeads: canHandleCase(principal.person, current, routing)
      ? await assignableLeads(services, current, routing)
      : [],
    procedure: current.possibleCrime ? POSSIBLE_CRIME_PROCEDURE : undefined,
    chronology: entries.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      by: names.get(e.byId),
      text: e.text,
      data: e.data,
    })),
  };
}

/** Who a case can be assigned to: the active safeguarding leads at its school, never the subject of a concern. */
async function assignableLeads(services: Pick<Services, 'store'>, incident: Rec<'incidents'>, routing: SchoolRouting) {
  const staff = await services.store.people.listAll({ where: { schoolId: incident.schoolId, active: true } });
  return staff
    .filter((p) => canBeAssigned(p, incident, routing))
    .map((p) => ({ id: p.id, name: p.displayName, jobTitle: p.jobTitle }));
}

/** A reporter's own reports: status only, never the case file. */
export async function myReports(services: Pick<Services, 'pendingReports' | 'store'>, principal: Principal) {
  // Reports still waiting on this server's disk come first, marked as syncing.
  const waiting = (services.pendingReports?.forReporter(principal.person.id) ?? []).reverse().map((p) => ({
    id: `pending-${p.draftId}`,
    reference: 'Syncing',
    typeLabel: incidentTypeLabel(String(p.submitted.type ?? 'other')),
    status: 'syncing' as const,
    reportedAt: p.receivedAt,
    readAt: undefined,
    closedAt: undefined,
  }));
  let incidents: Rec<'incidents'>[];
  try {
    incidents = await services.store.incidents.listAll({
      where: { reporterId: principal.person.id },
      orderBy: 'createdAt',
      descending: true,
    });
  } catch (err) {
    // The store is away: what this server holds is still worth showing.
    if (err instanceof StoreUnavailableError && waiting.length) return waiting;
    throw err;
  }
  return [
    ...waiting,
    ...incidents.map((i) => ({
      id: i.id,
      reference: i.reference,
      typeLabel: incidentTypeLabel(i.type),
      status: i.status,
      reportedAt: i.createdAt,
      readAt: i.firstReadAt,
      closedAt: i.closedAt,
    })),
  ];
}

/** What the API answers, for the tab to read in the server's own types. */
export type CaseSummary = Awaited<ReturnType<typeof listCases>>[number];
export type CaseFile = Awaited<ReturnType<typeof openCase>>;
export type MyReport = Awaited<ReturnType<typeof myReports>>[number];
