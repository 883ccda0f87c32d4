import { randomUUID } from 'node:crypto';
import { saveDraft } from '../../src/applications/applications.ts';
import { decide } from '../../src/applications/approval.ts';
import { principalFor } from '../../src/auth/principal.ts';
import { attachEvidence } from '../../src/incidents/evidence.ts';
import { reportIncident } from '../../src/incidents/report-incident.ts';
import { currentPolicy } from '../../src/policy/current-policy.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import type { TestApp } from '../helpers/app.ts';
import { makeRunnersReady, submitApplication } from '../helpers/applications.ts';
import { ONE_PIXEL_PNG } from '../helpers/file-server.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

/**
 * Who attacks. Each is a real person in the demo trust, with their own roles: the member of staff
 * who reports, applies and leads an account; the senior leader a conduct concern is about; the
 * headteacher and the chair, who read that concern; and another school's holders of the same roles.
 */
export const ACTORS = {
  anonymous: undefined,
  staff: DEMO_PERSONAS.Staff,
  subject: DEMO_PERSONAS.SLT,
  head: 'person-oak-head',
  chair: 'person-oak-chair',
  dsl: DEMO_PERSONAS.DSL,
  hr: DEMO_PERSONAS.HR,
  admin: DEMO_PERSONAS.Admin,
  otherSlt: 'person-river-head',
  otherDsl: 'person-river-dsl',
  otherAdmin: 'person-river-admin',
} as const;

export type Actor = keyof typeof ACTORS;
export const SIGNED_IN = (Object.keys(ACTORS) as Actor[]).filter((a) => a !== 'anonymous');

/** Entra object ids, so each actor can also press cards in the bot. */
export const aadObjectIdOf = (actor: Exclude<Actor, 'anonymous'>) =>
  `00000000-0000-4000-8000-${String(SIGNED_IN.indexOf(actor)).padStart(12, '0')}`;

/** The records the attacks aim at, created the way the app creates them. */
export interface Fixtures {
  /** A colleague's safeguarding report (a pupil's friend request), with a screenshot. */
  case: string;
  file: string;
  /** A conduct concern about the senior leader `subject`. */
  concern: string;
  /** The member of staff's draft application, and one waiting for SLT. */
  draft: string;
  submitted: string;
  /** One more waiting for SLT, for the decision probes alone. */
  toDecide: string;
  approved: string;
  /** An official account led by the member of staff, and a second for closing and handing over. */
  account: string;
  spareAccount: string;
  replyItem: string;
  /** A staff question the policy did not answer, and a passage of the current policy. */
  question: string;
  passage: string;
  policyVersion: string;
  /** The member of staff's self-declared training, waiting for HR. */
  declaration: string;
  /** A colleague HR may give a leaving date. */
  colleague: string;
  /** The undelivered alerts about the safeguarding case and the concern (nobody has a chat open). */
  caseAlert: string;
  concernAlert: string;
}

export async function createFixtures(app: TestApp): Promise<Fixtures> {
  const { services } = app.app;
  const { store } = services;
  for (const actor of SIGNED_IN) {
    const person = await store.people.require(ACTORS[actor]);
    await store.people.update(person, { aadObjectId: aadObjectIdOf(actor) });
  }
  const staff = await store.people.require(ACTORS.staff);

  const reported = await reportIncident(services, staff, friendRequestForm());
  await attachEvidence(services, staff, async () => ({
    files: [{ name: 'friend-request.png', bytes: ONE_PIXEL_PNG }],
    refused: [],
  }));
  const [attachment] = (await store.incidentEntries.listAll({ where: { incidentId: reported.incident.id } })).filter(
    (e) => e.kind === 'attachment',
  );
  const concern = await reportIncident(services, staff, {
    ...friendRequestForm(),
    type: 'adult-conduct',
    subject: ACTORS.subject,
    description: 'A senior leader shared a pupil’s photo on a personal account.',
  });

  const runners = [ACTORS.staff, 'person-oak-deputy-dsl'];
  await makeRunnersReady(app, runners);
  const draft = await saveDraft(services, principalFor(staff), { accountName: 'Draft club', runnerIds: runners });
  const submitted = await submitApplication(app, 'Oakfield Chess', runners);
  const toDecide = await submitApplication(app, 'Oakfield Choir', runners);
  const approved = await submitApplication(app, 'Oakfield Art', runners);
  const head = await store.people.require(ACTORS.head);
  await decide(services, head, approved, { decision: 'approve', comment: '' });

  const account = async (handle: string) => {
    const id = `account-${randomUUID()}`;
    const credentialRef = await services.vault!.seal(id, { username: handle, password: 'Secret-42', notes: '' });
    await store.socialAccounts.create(
      {
        schoolId: 'school-oakfield',
        platform: 'X',
        handle,
        url: `https://x.com/${handle.slice(1)}`,
        leadId: ACTORS.staff,
        moderatorIds: runners,
        status: 'active',
        createdOn: '2026-02-02',
        credentialRef,
      },
      id,
    );
    return id;
  };
  const accountId = await account('@OakfieldSport');
  const spareAccount = await account('@OakfieldRowing');
  const replyItem = await store.replyItems.create({
    accountId,
    schoolId: 'school-oakfield',
    loggedById: ACTORS.staff,
    arrivedAt: '2026-11-20T10:00:00Z',
    summary: 'A parent asked about the concert',
    dueAt: '2026-11-21T10:00:00Z',
    open: true,
  });

  const question = await store.questions.create({
    schoolId: 'school-oakfield',
    askerId: ACTORS.staff,
    text: 'Can I use my own phone to film the nativity?',
    status: 'unanswered',
  });
  const policy = await currentPolicy(services, 'school-oakfield');
  const declaration = await store.trainingRecords.create({
    personId: ACTORS.staff,
    courseId: 'course-policy',
    schoolId: 'school-oakfield',
    completedOn: '2026-11-01',
    source: 'self-declared',
    verified: false,
  });
  const [colleague] = (await store.people.listAll({ where: { schoolId: 'school-oakfield', active: true } })).filter(
    (p) => !Object.values(ACTORS).includes(p.id as never) && p.roles.every((r) => r.role === 'Staff'),
  );
  // The alerts have been tried once and wait, undelivered: nobody here has opened the bot.
  await app.app.dispatcher.idle();
  const alertAbout = async (incidentId: string) =>
    (await store.outbox.listAll({ where: { topic: 'incident.alert' } })).find(
      (o) => o.payload.incidentId === incidentId,
    )!.id;
  return {
    caseAlert: await alertAbout(reported.incident.id),
    concernAlert: await alertAbout(concern.incident.id),
    case: reported.incident.id,
    file: String(attachment!.data!.fileId),
    concern: concern.incident.id,
    draft: draft.id,
    submitted,
    toDecide,
    approved,
    account: accountId,
    spareAccount,
    replyItem: replyItem.id,
    question: question.id,
    passage: policy!.index.passages[0]!.id,
    policyVersion: policy!.versionId,
    declaration: declaration.id,
    colleague: colleague!.id,
  };
}
