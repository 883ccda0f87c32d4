import type { Principal } from '../auth/principal.ts';
import { londonDate } from '../domain/calendar/working-days.ts';
import { requirementFor, standing } from '../domain/training/status.ts';
import { accountDuties } from './account-duties.ts';
import { rolesAt } from '../domain/roles.ts';
import { NotAllowed, NotFound, RuleBroken, Conflict } from '../errors.ts';
import { overseenSchools, schoolsInScope } from '../people/oversight.ts';
import { displayName } from '../people/directory.ts';
import type { Services } from '../services.ts';
import { expectVersion } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';
import { counts, coursesFor, readingStanding, statusSettingsFor } from './picture.ts';
import { acknowledgementOf } from './acknowledgements.ts';
import { currentPolicy } from '../policy/current-policy.ts';

async function personOverseenBy(services: Pick<Services, 'store'>, principal: Principal, personId: string) {
  schoolsInScope(principal);
  const person = await services.store.people.get(personId);
  // Someone outside your schools is "not found", so the API does not confirm who works where.
  if (!person || !overseenSchools(principal).includes(person.schoolId)) throw new NotFound('That member of staff');
  return person;
}

async function courseFor(services: Services, person: Rec<'people'>, courseId: string) {
  const school = await services.store.schools.get(person.schoolId);
  const course = (await coursesFor(services, school ? [school] : [])).find((c) => c.id === courseId);
  if (!course) throw new RuleBroken('unknown_course', 'That course is not offered at this school');
  return course;
}

function checkDates(today: string, completedOn: string, expiresOn?: string) {
  const problems = [];
  if (completedOn > today)
    problems.push({ field: 'completedOn', problem: 'The completion date cannot be in the future' });
  if (expiresOn && expiresOn <= completedOn)
    problems.push({ field: 'expiresOn', problem: 'The expiry date must come after the completion date' });
  if (problems.length) throw new RuleBroken('invalid_dates', problems[0]!.problem, problems);
}

/** One person's requirements and where they stand: My training, and the reminder card's content. */
export async function personTraining(services: Services, person: Rec<'people'>) {
  const { store } = services;
  const today = londonDate(services.now());
  const school = await store.schools.get(person.schoolId);
  const settings = statusSettingsFor(school);
  const roles = rolesAt(person, person.schoolId);
  const [courses, records, policy, runners] = await Promise.all([
    coursesFor(services, school ? [school] : []),
    store.trainingRecords.listAll({ where: { personId: person.id } }),
    currentPolicy(services, person.schoolId),
    accountDuties(services, [person.schoolId]),
  ]);
  const duties = {
    schoolId: person.schoolId,
    roles,
    startedOn: person.startedOn,
    runsAccountSince: runners.get(person.id),
  };
  const acknowledged = policy ? await acknowledgementOf(services, person.id, policy.versionId) : undefined;
  return {
    today,
    policy: policy && {
      versionId: policy.versionId,
      versionNumber: policy.versionNumber,
      title: policy.title,
      acknowledgedAt: acknowledged?.at,
      standing: readingStanding(acknowledged?.at, person.startedOn, policy.importedAt, today, settings),
    },
    courses: courses.map((course) => {
      const mine = records.filter((r) => r.courseId === course.id);
      const requirement = requirementFor(course, duties);
      return {
        courseId: course.id,
        title: course.title,
        refresherMonths: course.refresherMonths,
        required: requirement !== undefined,
        requiredBecause: requirement?.because ?? null,
        standing: requirement ? standing(mine.filter(counts), requirement, today, settings) : null,
        records: mine
          .sort((a, b) => b.completedOn.localeCompare(a.completedOn))
          .map((r) => ({
            id: r.id,
            completedOn: r.completedOn,
            source: r.source,
            verified: r.verified,
            rejected: r.review?.outcome === 'rejected',
          })),
      };
    }),
  };
}

export interface CompletionInput {
  personId: string;
  courseId: string;
  completedOn: string;
  expiresOn?: string;
}

/** Writes one completion with its audit entry: who recorded it, for whom, and whether it counts yet. */
async function saveCompletion(
  services: Pick<Services, 'now' | 'store'>,
  actor: Rec<'people'>,
  person: Rec<'people'>,
  completion: { courseId: string; completedOn: string; expiresOn?: string },
  kind: { source: 'hr' | 'self-declared'; action: string },
) {
  const at = services.now().toISOString();
  const record = await services.store.commit((uow) => {
    const created = uow.create('trainingRecords', {
      personId: person.id,
      courseId: completion.courseId,
      schoolId: person.schoolId,
      completedOn: completion.completedOn,
      ...(completion.expiresOn ? { expiresOn: completion.expiresOn } : {}),
      source: kind.source,
      verified: kind.source === 'hr',
      recordedById: actor.id,
      retentionCategory: 'training',
    });
    uow.append('audit', {
      at,
      actorId: actor.id,
      action: kind.action,
      targetKind: 'trainingRecords',
      targetId: created.id,
      schoolId: person.schoolId,
      detail: { personId: person.id, courseId: completion.courseId, completedOn: completion.completedOn },
    });
    return created;
  });
  return { id: record.id };
}

/** HR records a completion they have evidence of; it counts at once. */
export async function recordCompletion(services: Services, principal: Principal, input: CompletionInput) {
  const person = await personOverseenBy(services, principal, input.personId);
  // Nobody vouches for their own training, whatever their role: the same rule as checking a declaration.
  if (person.id === principal.person.id) {
    throw new NotAllowed(
      'Someone else must record your own training. Declare it in My training and a colleague checks it.',
    );
  }
  const course = await courseFor(services, person, input.courseId);
  checkDates(londonDate(services.now()), input.completedOn, input.expiresOn);
  return saveCompletion(
    services,
    principal.person,
    person,
    { ...input, courseId: course.id },
    { source: 'hr', action: 'training.recorded' },
  );
}

/** A member of staff says they have done a course; it waits for HR to check before it counts. */
export async function declareCompletion(
  services: Services,
  principal: Principal,
  input: Omit<CompletionInput, 'personId' | 'expiresOn'>,
) {
  const person = principal.person;
  const course = await courseFor(services, person, input.courseId);
  checkDates(londonDate(services.now()), input.completedOn);
  return saveCompletion(
    services,
    person,
    person,
    { courseId: course.id, completedOn: input.completedOn },
    { source: 'self-declared', action: 'training.declared' },
  );
}

/** Self-declarations waiting for HR at the schools this person oversees. */
export async function pendingDeclarations(services: Pick<Services, 'store'>, principal: Principal, schoolId?: string) {
  const { store } = services;
  const schoolIds = schoolsInScope(principal, schoolId);
  const records = await store.trainingRecords.listAll({ where: { schoolId: schoolIds } });
  const waiting = records.filter((r) => r.source === 'self-declared' && !r.verified && !r.review);
  const courseTitles = new Map<string, string>();
  for (const c of await store.courses.listAll()) courseTitles.set(c.id, c.title);
  return Promise.all(
    waiting.map(async (r) => ({
      id: r.id,
      etag: r.etag,
      personId: r.personId,
      personName: await displayName(store, r.personId),
      courseTitle: courseTitles.get(r.courseId) ?? 'Unknown course',
      completedOn: r.completedOn,
      declaredAt: r.createdAt,
    })),
  );
}

/** HR accepts a self-declaration (it then counts) or rejects it (it stays on record, never counting). */
export async function reviewDeclaration(
  services: Pick<Services, 'now' | 'store'>,
  principal: Principal,
  recordId: string,
  input: { etag: string; outcome: 'accepted' | 'rejected'; note: string },
) {
  const record = await services.store.trainingRecords.get(recordId);
  if (!record || !overseenSchools(principal).includes(record.schoolId)) throw new NotFound('That training record');
  if (record.personId === principal.person.id) throw new NotAllowed('Someone else must check your own training');
  expectVersion('trainingRecords', record, input.etag);
  if (record.source !== 'self-declared' || record.review) {
    throw new Conflict('already_reviewed', 'This completion has already been checked');
  }
  const at = services.now().toISOString();
  await services.store.commit((uow) => {
    uow.update('trainingRecords', record, {
      verified: input.outcome === 'accepted',
      review: { byId: principal.person.id, at, outcome: input.outcome, note: input.note },
    });
    uow.append('audit', {
      at,
      actorId: principal.person.id,
      action: `training.declaration-${input.outcome}`,
      targetKind: 'trainingRecords',
      targetId: record.id,
      schoolId: record.schoolId,
      detail: { personId: record.personId, courseId: record.courseId },
    });
  });
  return { ok: true };
}

/** What the API answers about the caller's own training, and about declarations waiting for HR. */
export type MyTraining = Awaited<ReturnType<typeof personTraining>>;
export type PendingDeclaration = Awaited<ReturnType<typeof pendingDeclarations>>[number];
