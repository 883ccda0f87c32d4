import type { Principal } from '../auth/principal.ts';
import { forbidden } from '../http/errors.ts';
import { FileResult } from '../http/endpoint.ts';
import { toCsv } from '../imports/spreadsheet.ts';
import { displayName } from '../people/directory.ts';
import { schoolsWhere } from '../people/oversight.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { ukDateTime } from '../uk-time.ts';

export interface AuditQuery {
  schoolId?: string;
  actorId?: string;
  targetKind?: string;
  targetId?: string;
  /** ISO dates (yyyy-mm-dd), inclusive. */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** Senior leaders and administrators answer for their school's records, so they may search its audit log. */
function auditSchools(principal: Principal, schoolId?: string): string[] {
  const allowed = schoolsWhere(principal, ['SLT', 'Admin']);
  if (allowed.length === 0) throw forbidden('Only senior leaders and administrators can read the audit log');
  if (schoolId && !allowed.includes(schoolId)) throw forbidden('You cannot read that school’s audit log');
  return schoolId ? [schoolId] : allowed;
}

function where(schoolIds: string[], query: AuditQuery) {
  const at =
    query.from || query.to
      ? {
          at: {
            ...(query.from ? { gte: query.from } : {}),
            ...(query.to ? { lte: `${query.to}T23:59:59.999Z` } : {}),
          },
        }
      : {};
  return {
    schoolId: schoolIds,
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.targetKind ? { targetKind: query.targetKind } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...at,
  };
}

async function withNames(services: Services, entries: Rec<'audit'>[]) {
  const names = new Map<string, string>();
  for (const id of new Set(entries.map((e) => e.actorId))) names.set(id, await displayName(services.store, id, id));
  return entries.map((e) => ({
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actorName: names.get(e.actorId)!,
    action: e.action,
    targetKind: e.targetKind,
    targetId: e.targetId,
    schoolId: e.schoolId,
    detail: e.detail,
  }));
}

/** A page of the audit log, newest first. The log itself cannot be changed through the app. */
export async function searchAudit(services: Services, principal: Principal, query: AuditQuery) {
  const page = await services.store.audit.list({
    where: where(auditSchools(principal, query.schoolId), query),
    orderBy: 'at',
    descending: true,
    limit: query.limit ?? 100,
    cursor: query.cursor,
  });
  return { items: await withNames(services, page.items), nextCursor: page.nextCursor };
}

/** The matching entries as CSV; exporting the log is itself recorded in it. */
export async function exportAudit(services: Services, principal: Principal, query: AuditQuery) {
  const schoolIds = auditSchools(principal, query.schoolId);
  const entries = await services.store.audit.listAll({
    where: where(schoolIds, query),
    orderBy: 'at',
    descending: true,
  });
  const rows = await withNames(services, entries);
  await services.store.audit.append({
    at: services.now().toISOString(),
    actorId: principal.person.id,
    action: 'audit.exported',
    targetKind: 'audit',
    targetId: 'audit-log',
    schoolId: schoolIds[0],
    detail: { rows: rows.length, query: { ...query } },
  });
  const csv = toCsv({
    headers: ['When (UK time)', 'Who', 'Action', 'Record kind', 'Record', 'School', 'Detail'],
    rows: rows.map((r) => [
      ukDateTime(r.at),
      r.actorName,
      r.action,
      r.targetKind,
      r.targetId,
      r.schoolId ?? '',
      r.detail ? JSON.stringify(r.detail) : '',
    ]),
  });
  return new FileResult(`audit-${services.now().toISOString().slice(0, 10)}.csv`, 'text/csv; charset=utf-8', csv);
}
