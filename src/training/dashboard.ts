import type { Principal } from '../auth/principal.ts';
import { auditScope } from '../audit/scope.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import {
  filterRows,
  shownRow,
  summarise,
  type DashboardFilters,
  type StaffRow,
  type RequirementColumn,
} from '../domain/training/dashboard.ts';
import { STATUS_LABELS } from '../domain/training/status.ts';
import { ROLE_LABELS } from '../domain/roles.ts';
import { CSV_TYPE, XLSX_TYPE, type Download } from '../download.ts';
import { toCsv, toXlsx, type Table } from '../imports/spreadsheet.ts';
import type { Services } from '../services.ts';
import type { KindName } from '../store/kinds.ts';
import { trainingPicture, type TrainingPicture } from './picture.ts';
import { schoolsInScope } from '../people/oversight.ts';

/**
 * The picture takes a few hundred milliseconds for a large trust, and HR opens the dashboard far
 * more often than training changes; so it is kept for a short while and dropped as soon as this
 * server writes anything it shows. Another server's writes show within the minute.
 */
const CACHE_MS = 60_000;
const WATCHED = new Set<KindName>([
  'people',
  'courses',
  'trainingRecords',
  'acknowledgements',
  'trainingReminders',
  'policyDocuments',
  'schools',
  // Who runs an account decides who needs the runners' courses.
  'socialAccounts',
  'applications',
]);
interface Cached {
  at: number;
  today: string;
  picture: Promise<TrainingPicture>;
  /** The dashboard's answer, built once per picture (the API sends it compressed, once). */
  answer?: Promise<DashboardAnswer>;
}
/** What the dashboard shows: columns, the headline figures and chart data, and every row. */
export interface DashboardAnswer {
  today: string;
  columns: readonly RequirementColumn[];
  schools: { id: string; name: string }[];
  summary: ReturnType<typeof summarise>;
  rows: ReturnType<typeof shownRow>[];
}

/** One cache per store, so two apps in one process (tests, benchmarks) never see each other's staff. */
const caches = new WeakMap<object, Map<string, Cached>>();

function cacheFor(services: Pick<Services, 'store'>): Map<string, Cached> {
  let cache = caches.get(services.store);
  if (!cache) {
    const created = new Map<string, Cached>();
    caches.set(services.store, created);
    services.store.onCommit((kinds) => {
      if (kinds.some((k) => WATCHED.has(k))) created.clear();
    });
    cache = created;
  }
  return cache;
}

function cached(services: Services, schoolIds: string[]): Cached {
  const cache = cacheFor(services);
  const key = [...schoolIds].sort().join(',');
  const hit = cache.get(key);
  // A new day changes statuses (due soon becomes overdue) even when no record does.
  const today = londonDate(services.now());
  if (hit && Date.now() - hit.at < CACHE_MS && hit.today === today) return hit;
  const entry: Cached = { at: Date.now(), today, picture: trainingPicture(services, schoolIds) };
  cache.set(key, entry);
  entry.picture.catch(() => cache.delete(key));
  return entry;
}

/** Everything the dashboard shows; the same object while nothing it shows has changed. */
export async function trainingDashboard(
  services: Services,
  principal: Principal,
  schoolId?: string,
): Promise<DashboardAnswer> {
  const entry = cached(services, schoolsInScope(principal, schoolId));
  entry.answer ??= entry.picture.then((picture) => ({
    today: picture.today,
    columns: picture.columns,
    schools: picture.schools.map((s) => ({ id: s.id, name: s.name })),
    summary: summarise(picture.columns, picture.rows),
    rows: picture.rows.map(shownRow),
  }));
  return entry.answer;
}

function exportTable(columns: readonly RequirementColumn[], rows: readonly StaffRow[]): Table {
  return {
    headers: [
      'Name',
      'Email',
      'School',
      'Department',
      'Job title',
      'Roles',
      ...columns.flatMap((c) => [c.title, `${c.title}: due or expires`]),
      'Last reminded',
    ],
    rows: rows.map((row) => [
      row.name,
      row.upn,
      row.schoolName,
      row.department,
      row.jobTitle,
      row.roles.map((r) => ROLE_LABELS[r]).join(', '),
      ...row.standings.flatMap((s) => (s ? [STATUS_LABELS[s.status], s.dueOn ?? ''] : ['Not required', ''])),
      row.lastRemindedAt?.slice(0, 10) ?? '',
    ]),
  };
}

/** The staff table as filtered on screen, as CSV or Excel. */
export async function exportDashboard(
  services: Services,
  principal: Principal,
  format: 'csv' | 'xlsx',
  filters: DashboardFilters,
): Promise<Download> {
  const schoolIds = schoolsInScope(principal, filters.schoolId);
  const picture = await cached(services, schoolIds).picture;
  const table = exportTable(picture.columns, filterRows(picture.columns, picture.rows, filters));
  const name = `training-${picture.today}.${format}`;
  await services.store.audit.append({
    at: services.now().toISOString(),
    actorId: principal.person.id,
    action: 'training.exported',
    targetKind: 'people',
    targetId: 'training-dashboard',
    ...auditScope(principal.person.trustId, schoolIds),
    detail: { format, rows: table.rows.length, filters: { ...filters } },
  });
  return format === 'csv'
    ? { name, contentType: CSV_TYPE, bytes: toCsv(table) }
    : { name, contentType: XLSX_TYPE, bytes: await toXlsx(table, 'Training') };
}
