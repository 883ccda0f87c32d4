import type { Principal } from '../auth/principal.ts';
import { AUDIT_LOG_ROLES, mayReadAuditEntry, overseesTrust, type TrustFacts } from '../domain/audit-access.ts';
import { NotAllowed, RuleBroken } from '../errors.ts';
import { auditScope } from './scope.ts';
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
  /** Entries about the whole trust (imports, reminders, exports across schools) instead of a school's. */
  wholeTrust?: boolean;
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

/**
 * What a search reads: a school's entries (or those of every school the caller may search), or
 * those about the whole trust, which only someone overseeing every one of its schools may ask for.
 */
async function searchScope(services: Pick<Services, 'store'>, principal: Principal, query: AuditQuery) {
  const { trustId } = principal.person;
  const schools = await services.store.schools.listAll({ where: { trustId } });
  const trust: TrustFacts = { trustId, schoolIds: schools.map((s) => s.id) };
  const canReadTrustWide = overseesTrust(principal.person, AUDIT_LOG_ROLES, trust.schoolIds);
  // What the caller may choose between, for the page's filter.
  const searchable = new Set(auditSchools(principal));
  const choices = {
    schools: schools.filter((s) => searchable.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
    wholeTrust: canReadTrustWide,
  };
  if (!query.wholeTrust) {
    const schoolIds = auditSchools(principal, query.schoolId);
    return { trust, choices, schoolIds, filter: where({ schoolId: schoolIds }, query) };
  }
  if (query.schoolId) throw new RuleBroken('school_or_trust', 'Choose one school or the whole trust, not both');
  if (!canReadTrustWide) {
    throw new NotAllowed('Entries about the whole trust are for those who oversee every one of its schools');
  }
  return { trust, choices, schoolIds: [], filter: where({ trustId }, query) };
}

/** A filter that remembers the cases it looked up, so a page of entries about one case costs one read. */
function visibleTo(services: Services, principal: Principal, trust: TrustFacts) {
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
        mayReadAuditEntry(
          principal.person,
          e,
          e.targetKind === 'incidents' ? await caseOf(e.targetId) : undefined,
          trust,
        ),
      ),
    );
    return entries.filter((_, i) => seen[i]);
  };
}

function where(scope: { schoolId: string[] } | { trustId: string }, query: AuditQuery) {
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
    ...scope,
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
    trustId: e.trustId,
    detail: e.detail,
  }));
}

/** A page of the audit log, newest first. The log itself cannot be changed through the app. */
export async function searchAudit(services: Services, principal: Principal, query: AuditQuery) {
  const { filter, trust, choices } = await searchScope(services, principal, query);
  const visible = visibleTo(services, principal, trust);
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
  return { items: await withNames(services, items), nextCursor: cursor, choices };
}

/** The matching entries as CSV; exporting the log is itself recorded in it. */
export async function exportAudit(services: Services, principal: Principal, query: AuditQuery): Promise<Download> {
  const { filter, trust, schoolIds } = await searchScope(services, principal, query);
  const entries = await services.store.audit.listAll({ where: filter, orderBy: 'at', descending: true });
  const rows = await withNames(services, await visibleTo(services, principal, trust)(entries));
  await services.store.audit.append({
    at: services.now().toISOString(),
    actorId: principal.person.id,
    action: 'audit.exported',
    targetKind: 'audit',
    targetId: 'audit-log',
    ...auditScope(trust.trustId, schoolIds),
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
      r.schoolId ?? (r.trustId ? 'Whole trust' : ''),
      r.detail ? JSON.stringify(r.detail) : '',
    ]),
  });
  return { name: `audit-${services.now().toISOString().slice(0, 10)}.csv`, contentType: CSV_TYPE, bytes: csv };
}

/** A page of the audit log, as the API answers it. */
export type AuditPage = Awaited<ReturnType<typeof searchAudit>>;
export type AuditEntry = AuditPage['items'][number];
