import type { Principal } from '../auth/principal.ts';
import { FIRST_RESPONSE_DECIDES, applyAction, type ApplicationAction } from '../domain/applications/lifecycle.ts';
import { checkBusinessCase, type BusinessCaseField } from '../domain/applications/business-case.ts';
import { counts } from '../training/picture.ts';
import { readinessGaps, runnerReadiness, type RunnerReadiness } from '../domain/applications/readiness.ts';
import { neededToRunAccounts } from '../domain/training/status.ts';
import { Conflict, NotAllowed, NotFound, RuleBroken, visibleOrNotFound } from '../errors.ts';
import { fieldProblems } from '../domain/field-problems.ts';
import {
  maySeeApplication,
  RUNNER_NOT_READY_FOR_APPLICANT,
  worksOnApplications,
} from '../domain/applications/access.ts';
import type { Services } from '../services.ts';
import { expectVersion } from '../store/errors.ts';
import type { Data, Rec } from '../store/kinds.ts';
import { queueMessage } from '../notifications/outbox.ts';
import { sltDestinations } from '../notifications/slt-destinations.ts';

/** A submitted application goes to the school's SLT (the approval card). */
export const APPLICATION_FOR_SLT_TOPIC = 'application.for-slt';
/** A change that every posted approval card should show; sent as edits to those messages. */
export const APPLICATION_CARD_CHANGED_TOPIC = 'application.card-changed';

export type DraftFields = Partial<
  Pick<
    Data<'applications'>,
    'accountName' | 'platform' | 'aim' | 'audience' | 'promotion' | 'runnerIds' | 'volunteers' | 'visibility'
  >
>;

const EDITABLE: readonly Data<'applications'>['status'][] = ['draft', 'changes-requested'];

/** The applicant's own application; anyone else gets the same 404 as for one that does not exist. */
async function ownApplication(
  services: Pick<Services, 'store'>,
  principal: Principal,
  id: string,
): Promise<Rec<'applications'>> {
  const application = await services.store.applications.get(id);
  if (!application || application.applicantId !== principal.person.id) throw new NotFound('The application');
  return application;
}

/** Creates a draft, or saves changes to one (as the applicant types). */
export async function saveDraft(
  services: Services,
  principal: Principal,
  fields: DraftFields,
  existing?: { id: string; etag: string },
): Promise<Rec<'applications'>> {
  const { store } = services;
  const schoolId = existing
    ? (await ownApplication(services, principal, existing.id)).schoolId
    : principal.person.schoolId;
  if (fields.runnerIds?.length) await checkRunners(services, schoolId, fields.runnerIds);
  if (!existing) {
    return store.applications.create({
      schoolId: principal.person.schoolId,
      applicantId: principal.person.id,
      accountName: '',
      aim: '',
      audience: '',
      promotion: '',
      runnerIds: [],
      volunteers: [],
      status: 'draft',
      decisions: [],
      ...fields,
    });
  }
  const application = await ownApplication(services, principal, existing.id);
  expectVersion('applications', application, existing.etag);
  if (!EDITABLE.includes(application.status)) {
    throw new Conflict('not_editable', `This application is ${application.status} and can no longer be changed`);
  }
  return store.applications.update(application, fields);
}

const checkAnswers = (errors: Partial<Record<BusinessCaseField, string>>) =>
  new RuleBroken('incomplete_business_case', 'Please check the answers marked', fieldProblems(errors));

/**
 * Runners come from the application's school: anyone else is refused when the draft is saved, so
 * a draft cannot be used to look into another school's staff.
 */
async function checkRunners(services: Pick<Services, 'store'>, schoolId: string, runnerIds: readonly string[]) {
  const staff = await services.store.people.listAll({ where: { schoolId, active: true } });
  if (!runnerIds.every((runner) => staff.some((p) => p.id === runner))) {
    throw checkAnswers({ runnerIds: 'Choose the people who will run it from this school’s staff' });
  }
}

/** Submits a complete business case. The runners must be active staff of the applicant's school. */
export async function submitApplication(
  services: Services,
  principal: Principal,
  id: string,
  etag: string,
): Promise<Rec<'applications'>> {
  const { store } = services;
  const application = await ownApplication(services, principal, id);
  expectVersion('applications', application, etag);
  const check = checkBusinessCase(application);
  if (!check.ok) throw checkAnswers(check.errors);
  await checkRunners(services, application.schoolId, check.value.runnerIds);
  const next = transition(application, { kind: 'submit' });
  if (!next.ok) throw new Conflict('invalid_state', next.problem);
  const at = services.now().toISOString();
  const destinations = await sltDestinations(services, application.schoolId, principal.person.id);
  const submitted = await store.commit((uow) => {
    for (const conversationId of destinations) {
      queueMessage(uow, APPLICATION_FOR_SLT_TOPIC, { applicationId: application.id, conversationId }, at);
    }
    uow.append('audit', {
      at,
      actorId: principal.person.id,
      action: 'application.submitted',
      targetKind: 'applications',
      targetId: application.id,
      schoolId: application.schoolId,
    });
    // A resubmission starts the reminder clock again.
    return uow.update('applications', application, { status: 'submitted', submittedAt: at, lastRemindedAt: undefined });
  });
  services.outbox.kick();
  return submitted;
}

function transition(application: Rec<'applications'>, action: ApplicationAction) {
  return applyAction({ status: application.status, decisions: application.decisions }, action, FIRST_RESPONSE_DECIDES);
}

/** The applicant withdraws while it is still pending. */
export async function withdrawApplication(services: Services, principal: Principal, id: string, etag: string) {
  const application = await ownApplication(services, principal, id);
  expectVersion('applications', application, etag);
  const next = transition(application, { kind: 'withdraw' });
  if (!next.ok) throw new Conflict('invalid_state', next.problem);
  const at = services.now().toISOString();
  const withdrawn = await services.store.commit((uow) => {
    uow.append('audit', {
      at,
      actorId: principal.person.id,
      action: 'application.withdrawn',
      targetKind: 'applications',
      targetId: application.id,
      schoolId: application.schoolId,
    });
    // The cards SLT holds now say it was withdrawn, so nobody decides it in vain.
    queueMessage(uow, APPLICATION_CARD_CHANGED_TOPIC, { applicationId: application.id }, at);
    return uow.update('applications', application, { status: 'withdrawn' });
  });
  services.outbox.kick();
  return withdrawn;
}

export async function myApplications(services: Pick<Services, 'store'>, principal: Principal) {
  return services.store.applications.listAll({
    where: { applicantId: principal.person.id },
    orderBy: 'createdAt',
    descending: true,
  });
}

/** For each named runner: have they acknowledged the current policy and completed the required courses? */
/**
 * Readiness of colleagues a school's leader or administrator is choosing as moderators. Nobody
 * else may look up colleagues' training this way.
 */
export async function colleaguesReadiness(services: Services, principal: Principal, ids: readonly string[]) {
  const schoolId = principal.person.schoolId;
  if (!worksOnApplications(principal.person, schoolId)) {
    throw new NotAllowed('Only senior leaders and account administrators can look up colleagues’ training');
  }
  const colleagues = await services.store.people.listAll({ where: { schoolId } });
  return runnersReadiness(
    services,
    schoolId,
    ids.filter((id) => colleagues.some((p) => p.id === id)),
  );
}

/**
 * The runners named on one application. Leaders and administrators see what each lacks; the
 * applicant sees whether each is ready and what to ask them to do, not their colleagues' records.
 */
export async function applicationReadiness(services: Services, principal: Principal, applicationId: string) {
  const application = visibleOrNotFound(
    await services.store.applications.get(applicationId),
    (a) => maySeeApplication(principal.person, a),
    'The application',
  );
  const runners = await runnersReadiness(services, application.schoolId, application.runnerIds);
  if (worksOnApplications(principal.person, application.schoolId)) return runners;
  return runners.map(({ personId, name, ready }) => ({
    personId,
    name,
    ready,
    gaps: ready ? [] : [RUNNER_NOT_READY_FOR_APPLICANT],
  }));
}

export async function runnersReadiness(
  services: Services,
  schoolId: string,
  personIds: readonly string[],
): Promise<(RunnerReadiness & { name: string; gaps: string[] })[]> {
  const { store } = services;
  const school = await store.schools.get(schoolId);
  const [document] = (await store.policyDocuments.list({ where: { schoolId }, limit: 1 })).items;
  const courses = (await store.courses.listAll({ where: { trustId: school?.trustId ?? '' } })).filter((c) =>
    neededToRunAccounts(c, schoolId),
  );
  const results = [];
  for (const personId of personIds) {
    const [person, acknowledgements, trainingRecords] = await Promise.all([
      store.people.get(personId),
      store.acknowledgements.listAll({ where: { personId } }),
      store.trainingRecords.listAll({ where: { personId } }),
    ]);
    // Someone at another school is not this school's to look into (an application made before runners were checked).
    if (person?.schoolId !== schoolId) continue;
    const readiness = runnerReadiness(personId, {
      currentPolicyVersionId: document?.currentVersionId,
      acknowledgements,
      requiredCourses: courses.map((c) => ({ id: c.id, title: c.title, refresherMonths: c.refresherMonths })),
      trainingRecords: trainingRecords.filter(counts),
      today: services.now().toISOString().slice(0, 10),
    });
    results.push({ ...readiness, gaps: readinessGaps(readiness), name: person?.displayName ?? 'Unknown person' });
  }
  return results;
}
