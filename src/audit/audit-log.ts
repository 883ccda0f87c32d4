import type { Principal } from '../auth/principal.ts';
import { AUDIT_LOG_ROLES, mayReadAuditEntry } from '../domain/audit-access.ts';
import type { CaseFacts } from '../domain/incidents/access.ts';
import type { SchoolRouting } from '../domain/incidents/routing.ts';
import { loadCase } from '../incidents/case-record.ts';
import { CSV_TYPE, type Download } from '../download.ts';
import { toCsv } from '../imports/spreadsheet.ts';
import { displayName } from '../people/directory.ts';
import { schoolsWithRole } from '../people/oversight.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { ukDateTime } from '../uk-time.ts';

/** A page may be short (and say there is more) rather than read the whole log for someone who sees little of it. */
const MAX_READS_PER_PAGE = 20;

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

/**
 * The schools whose log the caller may search at all. Which entries they then see is decided per
 * entry (`mayReadAuditEntry`), by whether they may read the record it is about.
 */
const auditSchools = (principal: Principal, schoolId?: string): string[] =>
  schoolsWithRole(principal, AUDIT_LOG_ROLES, schoolId || undefined, {
    noRole: 'Only senior leaders, safeguarding leads, HR and administrators can read the audit log',
    otherSchool: 'You cannot read that school’s audit log',
  });

/** A filter that remembers the cases it looked up, so a page of entries about one case costs one read. */
function visibleTo(services: Services, principal: Principal) {
  const cases = new Map<string, Promise<{ facts: CaseFacts; routing: SchoolRouting } | undefined>>();
  const caseOf = (id: string) => {
    if (!cases.has(id)) {
      cases.set(
        id,
        loadCase(services, id).then(({ incident, routing }) => (incident ? { facts: incident, routing } : undefined)),
      );
    }
    return cases.get(id)!;
  };
  return async (entries: Rec<'audit'>[]) => {
    const seen = await Promise.all(
      entries.map(async (e) =>
        mayReadAuditEntry(principal.person, e, e.targetKind === 'incidents' ? await caseOf(e.targetId) : undefined),
      ),
    );
    return entries.filter((_, i) => seen[i]);
  };
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

async function withNames(services: Pick<Services, 'store'>, entries: Rec<'audit'>[]) {
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
  const filter = where(auditSchools(principal, query.schoolId), query);
  const visible = visibleTo(services, principal);
  const limit = query.limit ?? 100;
  const items: Rec<'audit'>[] = [];
  let cursor = query.cursor;
  // Entries the caller may not see are skipped, so read on until the page is full; each read asks
  // only for what is still missing, so the cursor handed back never skips an entry.
  for (let reads = 0; reads < MAX_READS_PER_PAGE && items.length < limit; reads++) {
    const page = await services.store.audit.list({
      where: filter,
      orderBy: 'at',
      descending: true,
      limit: limit - items.length,
      cursor,
    });
    items.push(...(await visible(page.items)));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { items: await withNames(services, items), nextCursor: cursor };
}

/** The matching entries as CSV; exporting the log is itself recorded in it. */
export async function exportAudit(services: Services, principal: Principal, query: AuditQuery): Promise<Download> {
  const schoolIds = auditSchools(principal, query.schoolId);
  const entries = await services.store.audit.listAll({
    where: where(schoolIds, query),
    orderBy: 'at',
    descending: true,
  });
  const rows = await withNames(services, await visibleTo(services, principal)(entries));
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
  return { name: `audit-${services.now().toISOString().slice(0, 10)}.csv`, contentType: CSV_TYPE, bytes: csv };
}

/** A page of the audit log, as the API answers it. */
export type AuditPage = Awaited<ReturnType<typeof searchAudit>>;
export type AuditEntry = AuditPage['items'][number];
