import { jest } from '@jest/globals';
import { decideApplication } from '../../src/applications/approval.ts';
import { APPLICATION_DECIDE_VERB, APPLICATION_REFRESH_VERB } from '../../src/cards/application-approval.ts';
import { DEMO_PERSONAS, PLAYGROUND_USER_IDS } from '../../src/seed/demo-data.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { appWithConnector, sayThroughConnector, type Received } from '../helpers/connector.ts';

const STAFF = { id: '29:jordan', name: 'Jordan Ellery', aadObjectId: PLAYGROUND_USER_IDS.Staff };
const SLT = { id: '29:priya', name: 'Priya Whitlock', aadObjectId: PLAYGROUND_USER_IDS.SLT };
const DSL = { id: '29:morgan', name: 'Morgan Hale', aadObjectId: PLAYGROUND_USER_IDS.DSL };
const SLT_CHANNEL = '19:slt@thread.tacv2';
const STAFF_CHAT = 'a:jordan';
const RUNNERS = ['person-oak-deputy-dsl', 'person-oak-chair'];

jest.setTimeout(60_000);
const env = appWithConnector();
const store = () => env.app.app.services.store;
const postedTo = (conversationId: string, words: string) => (r: Received) =>
  r.path.startsWith(`/v3/conversations/${conversationId}/activities`) && JSON.stringify(r.body).includes(words);

/** The runners have read the current policy and hold the courses account runners need. */
async function makeReady(personIds: string[]) {
  const courses = (await store().courses.listAll()).filter((c) => c.requiredForAccountRunners);
  for (const personId of personIds) {
    await store().acknowledgements.append({
      personId,
      schoolId: 'school-oakfield',
      policyVersionId: 'policy-school-oakfield-v1',
      versionNumber: 1,
      at: new Date().toISOString(),
    });
    for (const course of courses) {
      await store().trainingRecords.create({
        personId,
        courseId: course.id,
        schoolId: 'school-oakfield',
        completedOn: '2026-09-01',
        expiresOn: '2027-09-01',
        source: 'hr',
        verified: true,
      });
    }
  }
}

async function submit(accountName: string, runnerIds = RUNNERS): Promise<string> {
  const token = await env.app.signIn(DEMO_PERSONAS.Staff);
  const post = (path: string, body: unknown) =>
    fetch(`${env.app.base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const draft = (await (
    await post('/applications', {
      accountName,
      platform: 'Instagram',
      aim: 'Celebrate pupils’ art with families and the local community.',
      audience: 'Parents and the community',
      promotion: 'Newsletter',
      runnerIds,
      volunteers: [],
      visibility: 'open',
    })
  ).json()) as { id: string; etag: string };
  const res = await post(`/applications/${draft.id}/submit`, { etag: draft.etag });
  expect(res.status).toBe(200);
  return draft.id;
}

describe('SLT decides on an application from the card', () => {
  beforeAll(async () => {
    await sayThroughConnector(env, SLT, 'set up SLT questions', { id: SLT_CHANNEL, conversationType: 'channel' });
    await sayThroughConnector(env, STAFF, 'hi', { id: STAFF_CHAT, conversationType: 'personal' });
    await makeReady(RUNNERS);
  });

  test('the card reaches the SLT channel read-only, with a refresh that gives the school’s leaders their buttons', async () => {
    const id = await submit('Oakfield Art');
    const posted = await env.connector.waitFor(postedTo(SLT_CHANNEL, 'Account application: Oakfield Art'));
    const card = posted.body.attachments![0]!.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.actions).toBeUndefined();
    const refresh = card.refresh as { userIds: string[]; action: { verb: string } };
    expect(refresh.action.verb).toBe(APPLICATION_REFRESH_VERB);
    expect(refresh.userIds).toContain(`8:orgid:${PLAYGROUND_USER_IDS.SLT}`);
    expect(refresh.userIds).not.toContain(`8:orgid:${PLAYGROUND_USER_IDS.Staff}`);
    expect(cardText(card)).toContain('Rowan Achebe: trained and has read the policy');

    const forLeader = await executeAction(env.app.base, APPLICATION_REFRESH_VERB, { applicationId: id }, { from: SLT });
    expect(adaptiveCardProblems(forLeader.body.value)).toEqual([]);
    expect((forLeader.body.value.actions as { title: string }[]).map((a) => a.title)).toEqual([
      'Approve',
      'Reject',
      'Request changes',
    ]);
    const forDsl = await executeAction(env.app.base, APPLICATION_REFRESH_VERB, { applicationId: id }, { from: DSL });
    expect(forDsl.body.value.actions).toBeUndefined();
  });

  test('a crafted approval from someone outside SLT is refused and changes nothing', async () => {
    const id = await submit('Oakfield Drama');
    const { body } = await executeAction(
      env.app.base,
      APPLICATION_DECIDE_VERB,
      { applicationId: id, decision: 'approve' },
      { from: DSL },
    );
    expect(cardText(body.value)).toMatch(/Only the senior leadership team/);
    expect(await store().applications.require(id)).toMatchObject({ status: 'submitted', decisions: [] });
  });

  test('a leader approves: the card says who and when, and the applicant is told', async () => {
    const id = await submit('Oakfield Music');
    const { body } = await executeAction(
      env.app.base,
      APPLICATION_DECIDE_VERB,
      { applicationId: id, decision: 'approve', comment: 'Lovely idea.' },
      { from: SLT },
    );
    expect(adaptiveCardProblems(body.value)).toEqual([]);
    expect(cardText(body.value)).toMatch(/Approved by Priya Whitlock at .*: Lovely idea\./);
    expect(body.value.actions).toBeUndefined();
    const told = await env.connector.waitFor(postedTo(STAFF_CHAT, 'Your application was approved'));
    expect(cardText(told.body.attachments![0]!.content)).toContain('Account: Oakfield Music');
  });

  test('two leaders deciding at the same moment make exactly one decision; the other is told it is decided', async () => {
    const id = await submit('Oakfield Science');
    const services = env.app.app.services;
    const [priya, harriet] = await Promise.all(
      [DEMO_PERSONAS.SLT, 'person-oak-head'].map((p) => services.store.people.require(p)),
    );
    const [a, b] = await Promise.all([
      decideApplication(services, priya, id, 'approve', ''),
      decideApplication(services, harriet, id, 'reject', 'Not this term'),
    ]);
    const application = await store().applications.require(id);
    expect(application.decisions).toHaveLength(1);
    expect(['approved', 'rejected']).toContain(application.status);
    const texts = [a, b].map((o) => (o.kind === 'card' ? cardText(o.card) : o.why));
    expect(texts.filter((t) => t.includes('already been decided'))).toHaveLength(1);
    // A retried invoke of the winning decision is harmless too.
    const winner = application.decisions[0]!;
    await decideApplication(services, winner.byId === priya!.id ? priya : harriet, id, winner.decision, 'again');
    expect((await store().applications.require(id)).decisions).toHaveLength(1);
  });

  test('the training gate blocks approval by default, and in warn-and-record needs a reason that is kept', async () => {
    const id = await submit('Oakfield Chess', ['person-oak-deputy-dsl', DEMO_PERSONAS.Staff]);
    const approve = (comment: string) =>
      executeAction(
        env.app.base,
        APPLICATION_DECIDE_VERB,
        { applicationId: id, decision: 'approve', comment },
        { from: SLT },
      );
    expect(cardText((await approve('')).body.value)).toMatch(/cannot be approved yet/);
    expect((await store().applications.require(id)).status).toBe('submitted');

    const school = await store().schools.require('school-oakfield');
    await store().schools.update(school, { approvals: { trainingGate: 'warn-and-record' } });
    expect(cardText((await approve('')).body.value)).toMatch(/give a reason to approve anyway/);
    expect(cardText((await approve('Training booked for Monday')).body.value)).toMatch(/Approved by Priya Whitlock/);
    const decided = await store().applications.require(id);
    expect(decided.decisions[0]).toMatchObject({ trainingOverride: 'Training booked for Monday' });
    const audit = await store().audit.listAll({ where: { targetId: id } });
    expect(audit.find((e) => e.action === 'application.approve')?.detail).toMatchObject({
      trainingOverride: 'Training booked for Monday',
    });
  });
});
