import { londonDate } from '../domain/calendar/working-days.ts';
import { POLICY_COLUMN_ID, type RequirementColumn, type StaffRow } from '../domain/training/dashboard.ts';
import { DEFAULT_STATUS_SETTINGS, requirementFor, standing, type StatusSettings } from '../domain/training/status.ts';
import { accountDuties } from './account-duties.ts';
import { rolesAt } from '../domain/roles.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';

/** A rejected self-declaration stays on record, but never counts. */
export const counts = (record: Rec<'trainingRecords'>): boolean => record.review?.outcome !== 'rejected';

export function statusSettingsFor(school: Rec<'schools'> | undefined): StatusSettings {
  return { ...DEFAULT_STATUS_SETTINGS, ...school?.training };
}

export interface TrainingPicture {
  columns: RequirementColumn[];
  rows: StaffRow[];
  courses: Rec<'courses'>[];
  schools: Rec<'schools'>[];
  today: string;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const group = map.get(key(item));
    if (group) group.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

/** Courses that apply at any of these schools: the trusts' own and each school's. */
export async function coursesFor(
  services: Pick<Services, 'store'>,
  schools: readonly Rec<'schools'>[],
): Promise<Rec<'courses'>[]> {
  const trustIds = [...new Set(schools.map((s) => s.trustId))];
  if (trustIds.length === 0) return [];
  const courses = await services.store.courses.listAll({ where: { trustId: trustIds } });
  return courses
    .filter((c) => !c.schoolId || schools.some((s) => s.id === c.schoolId))
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
}

/**
 * Where every active member of staff at these schools stands on each requirement: the current
 * policy, then each course. The one picture behind the dashboard, reminders and exports.
 */
export async function trainingPicture(services: Services, schoolIds: readonly string[]): Promise<TrainingPicture> {
  const { store } = services;
  const today = londonDate(services.now());
  const where = { schoolId: [...schoolIds] };
  const schools = (await Promise.all(schoolIds.map((id) => store.schools.get(id)))).filter((s) => s !== undefined);
  const [people, courses, records, acknowledgements, documents, reminders, runners] = await Promise.all([
    store.people.listAll({ where: { ...where, active: true } }),
    coursesFor(services, schools),
    store.trainingRecords.listAll({ where }),
    store.acknowledgements.listAll({ where }),
    store.policyDocuments.listAll({ where }),
    // A month back is enough for "last reminded"; older reminders are history.
    store.trainingReminders.listAll({
      where: { ...where, day: { gte: londonDate(new Date(services.now().getTime() - 31 * 86_400_000)) } },
    }),
    accountDuties(services, schoolIds),
  ]);
  const versions = await Promise.all(
    documents.map((d) => (d.currentVersionId ? store.policyVersions.get(d.currentVersionId) : undefined)),
  );
  const currentVersion = new Map(versions.filter((v) => v !== undefined).map((v) => [v.schoolId, v]));
  const recordsByPerson = groupBy(records.filter(counts), (r) => r.personId);
  const acknowledgedBy = groupBy(acknowledgements, (a) => a.personId);
  const lastReminder = new Map<string, string>();
  for (const r of reminders) if ((lastReminder.get(r.personId) ?? '') < r.at) lastReminder.set(r.personId, r.at);
  const schoolById = new Map(schools.map((s) => [s.id, s]));

  const columns: RequirementColumn[] = [
    ...(currentVersion.size > 0 ? [{ id: POLICY_COLUMN_ID, title: 'Policy read and understood' }] : []),
    ...courses.map((c) => ({ id: c.id, title: c.title })),
  ];
  const rows = people.map((person): StaffRow => {
    const school = schoolById.get(person.schoolId);
    const settings = statusSettingsFor(school);
    const roles = rolesAt(person, person.schoolId);
    const mine = recordsByPerson.get(person.id) ?? [];
    const version = currentVersion.get(person.schoolId);
    const policyStanding = version
      ? readingStanding(
          (acknowledgedBy.get(person.id) ?? []).find((a) => a.policyVersionId === version.id)?.at,
          person.startedOn,
          version.importedAt,
          today,
          settings,
        )
      : undefined;
    const duties = {
      schoolId: person.schoolId,
      roles,
      startedOn: person.startedOn,
      runsAccountSince: runners.get(person.id),
    };
    const courseStandings = courses.map((course) => {
      const requirement = requirementFor(course, duties);
      return requirement
        ? standing(
            mine.filter((r) => r.courseId === course.id),
            requirement,
            today,
            settings,
          )
        : null;
    });
    return {
      personId: person.id,
      name: person.displayName,
      upn: person.upn,
      schoolId: person.schoolId,
      schoolName: school?.name ?? person.schoolId,
      department: person.department,
      jobTitle: person.jobTitle,
      roles,
      standings: [...(currentVersion.size > 0 ? [policyStanding ?? null] : []), ...courseStandings],
      ...(lastReminder.has(person.id) ? { lastRemindedAt: lastReminder.get(person.id) } : {}),
      ...(person.leavingOn ? { leavingOn: person.leavingOn } : {}),
    };
  });
  rows.sort((a, b) => byName.compare(a.name, b.name));
  return { columns, rows, courses, schools, today };
}

const byName = new Intl.Collator('en-GB');
/**
 * Where someone stands on reading the current policy: done once confirmed; otherwise due at the
 * end of the grace period from their start or the version's publication, whichever is later.
 */
export function readingStanding(
  acknowledgedAt: string | undefined,
  startedOn: string,
  publishedAt: string,
  today: string,
  settings: StatusSettings,
) {
  const published = londonDate(new Date(publishedAt));
  return standing(
    acknowledgedAt ? [{ completedOn: londonDate(new Date(acknowledgedAt)), verified: true }] : [],
    { appliesFrom: startedOn > published ? startedOn : published },
    today,
    settings,
  );
}
