import { teamsUser } from '../helpers/personas.ts';
import { jest } from '@jest/globals';
import { decideApplication } from '../../src/applications/approval.ts';
import { followUpApplications } from '../../src/applications/follow-up-applications.ts';
import { APPLICATION_DECIDE_VERB, APPLICATION_REFRESH_VERB } from '../../src/cards/application-approval.ts';
import { DEMO_PERSONAS, PLAYGROUND_USER_IDS } from '../../src/seed/demo-data.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { makeRunnersReady, submitApplication } from '../helpers/applications.ts';
import { appWithConnector, sayThroughConnector, postedTo } from '../helpers/connector.ts';

const STAFF = teamsUser('Staff');
const SLT = teamsUser('SLT');
const DSL = teamsUser('DSL');
const ADMIN = teamsUser('Admin');
const SLT_CHANNEL = '19:slt@thread.tacv2';
const STAFF_CHAT = 'a:jordan';
const SLT_CHAT = 'a:priya';
const ADMIN_CHAT = 'a:casey';
const RUNNERS = ['person-oak-deputy-dsl', 'person-oak-chair'];

jest.setTimeout(60_000);
const env = appWithConnector();
const store = () => env.app.app.services.store;

const makeReady = (personIds: string[]) => makeRunnersReady(env.app, personIds);
const submit = (accountName: string, runnerIds = RUNNERS) => submitApplication(env.app, accountName, runnerIds);

describe('SLT decides on an application from the card', () => {
  beforeEach(async () => {
    await sayThroughConnector(env, SLT, 'set up SLT questions', { id: SLT_CHANNEL, conversationType: 'channel' });
    await sayThroughConnector(env, STAFF, 'hi', { id: STAFF_CHAT, conversationType: 'personal' });
    await sayThroughConnector(env, SLT, 'hi', { id: SLT_CHAT, conversationType: 'personal' });
    await sayThroughConnector(env, ADMIN, 'hi', { id: ADMIN_CHAT, conversationType: 'personal' });
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
      'Ask a colleague to decide',
    ]);
    // A colleague outside SLT and administration, crafting the refresh, sees neither the business
    // case nor the runners' training: the same card as for an application that does not exist.
    const forDsl = await executeAction(env.app.base, APPLICATION_REFRESH_VERB, { applicationId: id }, { from: DSL });
    expect(forDsl.body.value.actions).toBeUndefined();
    expect(cardText(forDsl.body.value)).not.toMatch(/Rowan Achebe|trained|Aim/);
    const madeUp = await executeAction(
      env.app.base,
      APPLICATION_REFRESH_VERB,
      { applicationId: 'nope' },
      { from: DSL },
    );
    expect(forDsl.body.value).toEqual(madeUp.body.value);
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

  test('a manual decision edits the card already in the channel; an automatic refresh never does', async () => {
    const id = await submit('Oakfield Gardening');
    const posted = await env.connector.waitFor(postedTo(SLT_CHANNEL, 'Account application: Oakfield Gardening'));
    await executeAction(env.app.base, APPLICATION_REFRESH_VERB, { applicationId: id }, { from: SLT });

    await executeAction(
      env.app.base,
      APPLICATION_DECIDE_VERB,
      { applicationId: id, decision: 'reject', comment: 'We already post garden news on the main account.' },
      { from: SLT },
    );
    const messageId = (await store().applications.require(id)).sltMessages?.[0]?.activityId;
    expect(messageId).toBeDefined();
    const edit = await env.connector.waitFor(
      (r) => r.method === 'PUT' && r.path === `/v3/conversations/${SLT_CHANNEL}/activities/${messageId}`,
    );
    // Had the refresh edited the message, its edit would have been queued, and sent, first.
    const editsOfIt = env.connector.received.filter((r) => r.method === 'PUT' && r.path.endsWith(`/${messageId}`));
    expect(editsOfIt).toEqual([edit]);
    const card = edit.body.attachments![0]!.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/Rejected by Priya Whitlock at .*: We already post garden news/);
    expect(card.actions).toBeUndefined();
    expect(posted.method).toBe('POST');
  });

  test('approval gives the account administrators their task card, pointing to the tab', async () => {
    const id = await submit('Oakfield Eco Club');
    await executeAction(
      env.app.base,
      APPLICATION_DECIDE_VERB,
      { applicationId: id, decision: 'approve' },
      { from: SLT },
    );
    const task = await env.connector.waitFor(postedTo(ADMIN_CHAT, 'Oakfield Eco Club'));
    const card = task.body.attachments![0]!.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Oakfield Eco Club');
    expect(JSON.stringify(card.actions)).toContain(`#/accounts?create=${id}`);
  });

  test('a leader hands the decision to a colleague, who is sent the card and can decide', async () => {
    const id = await submit('Oakfield Chess Club');
    const services = env.app.app.services;
    const harriet = await store().people.require('person-oak-head');
    // Priya's card actions above came from elsewhere; her chat with the bot is here.
    await sayThroughConnector(env, SLT, 'hi', { id: SLT_CHAT, conversationType: 'personal' });
    const outcome = await decideApplication(services, harriet, id, {
      decision: 'reassign',
      comment: 'I am away on the residential trip',
      reassignTo: DEMO_PERSONAS.SLT,
    });
    expect(cardText(outcome)).toMatch(/Asked to decide: Priya Whitlock/);
    const sent = await env.connector.waitFor(postedTo(SLT_CHAT, 'Harriet Osei has asked you to decide'));
    expect(adaptiveCardProblems(sent.body.attachments![0]!.content)).toEqual([]);
    expect(await store().applications.require(id)).toMatchObject({
      status: 'submitted',
      assignedToId: DEMO_PERSONAS.SLT,
    });
    // Handing it to someone outside SLT is refused.
    const refused = await decideApplication(services, harriet, id, {
      decision: 'reassign',
      comment: '',
      reassignTo: DEMO_PERSONAS.DSL,
    });
    expect(cardText(refused)).toMatch(/Choose a senior leader of this school/);
    const { body } = await executeAction(
      env.app.base,
      APPLICATION_DECIDE_VERB,
      { applicationId: id, decision: 'approve' },
      { from: SLT, serviceUrl: env.connector.url, conversation: { id: SLT_CHAT, conversationType: 'personal' } },
    );
    expect(cardText(body.value)).toMatch(/Approved by Priya Whitlock/);
    const audit = await store().audit.listAll({ where: { targetId: id } });
    expect(audit.map((e) => e.action)).toEqual([
      'application.submitted',
      'application.reassigned',
      'application.approve',
    ]);
  });

  test('undecided: SLT is reminded after three working days, and after twenty it expires and the applicant is told', async () => {
    const id = await submit('Oakfield Film Club');
    const services = env.app.app.services;
    // Pretend it was submitted on Friday 5 December 2025. (Dates in the past, so what is queued is due at once.)
    const application = await store().applications.require(id);
    await store().applications.update(application, { submittedAt: '2025-12-05T10:00:00.000Z' });
    const at = (iso: string) => followUpApplications({ ...services, now: () => new Date(iso) });
    // Other tests' applications are followed up too, so count this one's reminders.
    const reminders = async () =>
      (await store().audit.listAll({ where: { targetId: id } })).filter((e) => e.action === 'application.reminded')
        .length;

    await at('2025-12-09T09:00:00.000Z');
    expect(await reminders()).toBe(0);
    await at('2025-12-10T09:00:00.000Z');
    expect(await reminders()).toBe(1);
    await at('2025-12-10T16:00:00.000Z');
    expect(await reminders()).toBe(1);
    const reminder = await env.connector.waitFor(postedTo(SLT_CHANNEL, 'waited 3 working days'));
    expect(adaptiveCardProblems(reminder.body.attachments![0]!.content)).toEqual([]);
    // Christmas Day, Boxing Day and New Year's Day do not count: Wednesday 7 January is the 20th working day.
    await at('2026-01-06T09:00:00.000Z');
    expect((await store().applications.require(id)).status).toBe('submitted');
    await at('2026-01-07T09:00:00.000Z');
    expect((await store().applications.require(id)).status).toBe('expired');
    const told = await env.connector.waitFor(postedTo(STAFF_CHAT, 'closed without a decision'));
    expect(cardText(told.body.attachments![0]!.content)).toContain('Oakfield Film Club');
    await env.connector.waitFor(
      (r) => r.method === 'PUT' && JSON.stringify(r.body).includes('Expired without a decision'),
    );
  });

  test('two leaders deciding at the same moment make exactly one decision; the other is told it is decided', async () => {
    const id = await submit('Oakfield Science');
    const services = env.app.app.services;
    const [priya, harriet] = await Promise.all(
      [DEMO_PERSONAS.SLT, 'person-oak-head'].map((p) => services.store.people.require(p)),
    );
    const [a, b] = await Promise.all([
      decideApplication(services, priya, id, { decision: 'approve', comment: '' }),
      decideApplication(services, harriet, id, { decision: 'reject', comment: 'Not this term' }),
    ]);
    const application = await store().applications.require(id);
    expect(application.decisions).toHaveLength(1);
    expect(['approved', 'rejected']).toContain(application.status);
    const texts = [a, b].map(cardText);
    expect(texts.filter((t) => t.includes('already been decided'))).toHaveLength(1);
    // A retried invoke of the winning decision is harmless too.
    const winner = application.decisions[0]!;
    await decideApplication(services, winner.byId === priya!.id ? priya : harriet, id, {
      decision: winner.decision,
      comment: 'again',
    });
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

  test('senior leaders set the decision rule; with two approvals needed the card counts them', async () => {
    const put = async (personId: string, body: unknown) =>
      fetch(`${env.app.base}/api/v1/schools/school-oakfield/approvals`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await env.app.signIn(personId)}` },
        body: JSON.stringify(body),
      });
    const rule = { approvalsNeeded: 2, trainingGate: 'block', remindAfterWorkingDays: 2, expireAfterWorkingDays: 15 };
    expect((await put(DEMO_PERSONAS.DSL, rule)).status).toBe(403);
    const muddled = await put(DEMO_PERSONAS.SLT, { ...rule, expireAfterWorkingDays: 2 });
    expect(muddled.status).toBe(400);
    expect(JSON.stringify(await muddled.json())).toContain('expireAfterWorkingDays');
    expect((await put(DEMO_PERSONAS.SLT, rule)).status).toBe(200);

    const id = await submit('Oakfield Maths Club');
    const { body } = await executeAction(
      env.app.base,
      APPLICATION_DECIDE_VERB,
      { applicationId: id, decision: 'approve' },
      { from: SLT },
    );
    expect(cardText(body.value)).toContain('Approvals: 1 of 2 (Priya Whitlock)');
    expect((await store().applications.require(id)).status).toBe('submitted');
    const harriet = await store().people.require('person-oak-head');
    await decideApplication(env.app.app.services, harriet, id, { decision: 'approve', comment: '' });
    expect((await store().applications.require(id)).status).toBe('approved');
    const audit = await store().audit.listAll({ where: { targetId: 'school-oakfield' } });
    expect(audit.find((e) => e.action === 'school.approvals.changed')?.detail).toMatchObject({ to: rule });
  });
});
