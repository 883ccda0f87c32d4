import { hasRole, type HasRoles } from '../roles.ts';

/**
 * Who works on a school's applications: its senior leaders decide them, its account
 * administrators create the accounts. They see the whole business case and each runner's
 * training; applicants see their own application, and of its runners only whether each is ready.
 */
export function worksOnApplications(person: HasRoles, schoolId: string): boolean {
  return hasRole(person, 'SLT', schoolId) || hasRole(person, 'Admin', schoolId);
}

export function maySeeApplication(
  person: HasRoles & { id: string },
  application: { schoolId: string; applicantId: string },
): boolean {
  return person.id === application.applicantId || worksOnApplications(person, application.schoolId);
}

/** What the applicant is told about a runner who is not ready, without that colleague's records. */
export const RUNNER_NOT_READY_FOR_APPLICANT =
  'not ready yet: ask them to open My training in the hub, which shows what they still need to do';
