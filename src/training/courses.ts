import type { Principal } from '../auth/principal.ts';
import type { Role } from '../domain/roles.ts';
import { NotAllowed, NotFound, Conflict } from '../errors.ts';
import type { Services } from '../services.ts';
import { expectVersion } from '../store/errors.ts';
import type { Rec } from '../store/kinds.ts';
import { coursesFor } from './picture.ts';
import { overseenSchools } from '../people/oversight.ts';

export interface CourseInput {
  title: string;
  /** Absent for a course the whole trust needs. */
  schoolId?: string;
  refresherMonths?: number;
  requiredForRoles: Role[];
  requiredForAccountRunners: boolean;
}

/**
 * Who may change a course: a school's course, whoever oversees training there; a trust-wide one,
 * only someone who oversees every school in the trust, as it changes what all of them must do.
 */
async function mayManage(
  services: Pick<Services, 'store'>,
  principal: Principal,
  course: { schoolId?: string; trustId: string },
) {
  const overseen = overseenSchools(principal);
  if (course.schoolId) return overseen.includes(course.schoolId);
  const trustSchools = await services.store.schools.listAll({ where: { trustId: course.trustId } });
  return trustSchools.every((s) => overseen.includes(s.id));
}

async function trustOf(services: Pick<Services, 'store'>, principal: Principal): Promise<string> {
  const home = await services.store.schools.get(principal.person.schoolId);
  if (!home) throw new NotAllowed('Your school is not set up');
  return home.trustId;
}

async function titleTaken(services: Pick<Services, 'store'>, trustId: string, title: string, except?: string) {
  const courses = await services.store.courses.listAll({ where: { trustId } });
  return courses.some((c) => c.id !== except && c.title.trim().toLowerCase() === title.trim().toLowerCase());
}

/** The courses at the schools this person oversees, each saying whether they may change it. */
export async function listCourses(services: Services, principal: Principal) {
  const overseen = overseenSchools(principal);
  if (overseen.length === 0) throw new NotAllowed('Only HR and senior leaders can manage courses');
  const schools = (await Promise.all(overseen.map((id) => services.store.schools.get(id)))).filter(
    (s) => s !== undefined,
  );
  const courses = await coursesFor(services, schools);
  return Promise.all(courses.map(async (c) => ({ ...c, canChange: await mayManage(services, principal, c) })));
}

export async function createCourse(services: Services, principal: Principal, input: CourseInput) {
  const trustId = await trustOf(services, principal);
  if (!(await mayManage(services, principal, { ...input, trustId }))) {
    throw new NotAllowed(
      input.schoolId
        ? 'You do not oversee training at that school'
        : 'Only trust-wide HR can add a course for every school',
    );
  }
  if (await titleTaken(services, trustId, input.title)) {
    throw new Conflict('duplicate_title', `There is already a course called “${input.title}”`, [
      { field: 'title', problem: 'Choose a different title: imports match courses by title' },
    ]);
  }
  return record(services, principal, 'training.course-created', (uow) =>
    uow.create('courses', { trustId, ...input, retentionCategory: 'training' }),
  );
}

export async function updateCourse(
  services: Services,
  principal: Principal,
  id: string,
  input: CourseInput & { etag: string },
) {
  const course = await services.store.courses.get(id);
  if (!course || !overseenSchools(principal).length) throw new NotFound('That course');
  if (
    !(await mayManage(services, principal, course)) ||
    !(await mayManage(services, principal, { ...input, trustId: course.trustId }))
  ) {
    throw new NotAllowed('You cannot change this course');
  }
  expectVersion('courses', course, input.etag);
  if (await titleTaken(services, course.trustId, input.title, course.id)) {
    throw new Conflict('duplicate_title', `There is already a course called “${input.title}”`);
  }
  const { etag: _etag, ...changes } = input;
  return record(services, principal, 'training.course-changed', (uow) =>
    uow.update('courses', course, { ...changes, refresherMonths: input.refresherMonths, schoolId: input.schoolId }),
  );
}

async function record(
  services: Pick<Services, 'now' | 'store'>,
  principal: Principal,
  action: string,
  write: (uow: Parameters<Parameters<Services['store']['commit']>[0]>[0]) => Rec<'courses'>,
) {
  return services.store.commit((uow) => {
    const course = write(uow);
    uow.append('audit', {
      at: services.now().toISOString(),
      actorId: principal.person.id,
      action,
      targetKind: 'courses',
      targetId: course.id,
      ...(course.schoolId ? { schoolId: course.schoolId } : { trustId: course.trustId }),
      detail: {
        title: course.title,
        refresherMonths: course.refresherMonths,
        requiredForRoles: course.requiredForRoles,
      },
    });
    return { id: course.id };
  });
}

/** A course as the courses page lists it. */
export type CourseView = Awaited<ReturnType<typeof listCourses>>[number];
