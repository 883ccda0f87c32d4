import { jest } from '@jest/globals';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { entraUser } from '../../src/people/entra-directory.ts';
import { NOT_PLACED } from '../../src/people/first-contact.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { activity, cardText, cardsOf, executeAction, postActivity } from '../helpers/bot.ts';
import { entraTestUser, fakeEntraGraph } from '../helpers/entra-graph.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

/**
 * People in the school's tenant whom the hub does not know yet (a new starter before the nightly
 * sync, a governor with no school attribute) are looked up in Entra ID through Graph when they
 * first write, and their report is taken; nobody from the tenant is told it cannot be saved.
 */
jest.setTimeout(60_000);
const NEW_STARTER = entraTestUser('11111111-2222-4333-8444-555555555501', 'Ottilie Brandt');
const GOVERNOR = entraTestUser('11111111-2222-4333-8444-555555555502', 'Wendell Fogg', {
  companyName: null,
  employeeType: 'Governor',
  jobTitle: 'Parent governor',
});
const DISABLED = entraTestUser('11111111-2222-4333-8444-555555555503', 'Gone Away', { accountEnabled: false });

let graph: Awaited<ReturnType<typeof fakeEntraGraph>>;
let t: TestApp;
beforeEach(async () => {
  graph = await fakeEntraGraph([NEW_STARTER, GOVERNOR, DISABLED], 25, false);
  const client = graph.client();
  t = await startTestApp(
    { TRIAGE_SCHOOL_ID: 'school-riverside' },
    { directory: { user: (id) => entraUser(client, id, 'companyName') } },
  );
});
afterEach(async () => {
  await t.stop();
  await graph.close();
});

const from = (user: { id: string; displayName?: string | null }) => ({
  id: `29:${user.id}`,
  name: user.displayName ?? '',
  aadObjectId: user.id,
});

async function reportAs(user: { id: string; displayName?: string | null }) {
  const { replies } = await postActivity(
    t.base,
    activity({ text: 'a pupil sent me a friend request', from: from(user) }),
  );
  expect(cardText(cardsOf(replies)[0])).not.toMatch(/not saved/);
  const form = friendRequestForm();
  const { body } = await executeAction(t.base, REPORT_SUBMIT_VERB, form, { from: from(user) });
  expect(cardText(body.value)).toMatch(/Report saved: INC-/);
  return t.app.services.store.incidents.require(`incident-${form.draftId}`);
}

const alertedIds = async (incidentId: string) =>
  (await t.app.services.store.outbox.listAll({ where: { topic: 'incident.alert' } }))
    .filter((o) => o.payload.incidentId === incidentId)
    .map((o) => String(o.payload.recipientId))
    .sort();

test('a new starter the sync has not brought in yet is looked up in Entra, added at their school, and their report taken', async () => {
  const incident = await reportAs(NEW_STARTER);
  expect(incident.schoolId).toBe('school-oakfield');
  const [person] = (await t.app.services.store.people.list({ where: { aadObjectId: NEW_STARTER.id } })).items;
  expect(person).toMatchObject({ displayName: 'Ottilie Brandt', schoolId: 'school-oakfield', active: true });
  expect(await alertedIds(incident.id)).toEqual(['person-demo-dsl', 'person-oak-deputy-dsl']);
  expect(graph.requests.some((r) => r.startsWith(`/v1.0/users/${NEW_STARTER.id}?`))).toBe(true);
});

test('a governor Entra names no school for is filed at the triage school, whose DSLs are alerted', async () => {
  const incident = await reportAs(GOVERNOR);
  expect(incident.schoolId).toBe('school-riverside');
  const [person] = (await t.app.services.store.people.list({ where: { aadObjectId: GOVERNOR.id } })).items;
  expect(person).toMatchObject({ department: NOT_PLACED, staffType: 'governor' });
  expect(await alertedIds(incident.id)).toEqual(['person-river-dsl']);
});

test('someone whose account is disabled, or whom Entra does not have, is still told who to tell in person', async () => {
  for (const user of [DISABLED, { id: '11111111-2222-4333-8444-555555555599', displayName: 'Stranger' }]) {
    const { replies } = await postActivity(
      t.base,
      activity({ text: 'a pupil sent me a friend request', from: from(user) }),
    );
    expect(cardText(cardsOf(replies)[0])).toMatch(
      /Your report was not saved[\s\S]*designated safeguarding lead in person/,
    );
  }
});

test('when Entra cannot be asked, someone from the tenant is taken in for triage under their Teams name, and their report taken', async () => {
  const failing = await startTestApp(
    { TRIAGE_SCHOOL_ID: 'school-riverside' },
    {
      directory: {
        user: async () => {
          throw Object.assign(new Error('Service Unavailable'), { statusCode: 503 });
        },
      },
    },
  );
  try {
    const stranger = { id: '11111111-2222-4333-8444-555555555577', displayName: 'Petra Lindqvist' };
    const { replies } = await postActivity(
      failing.base,
      activity({ text: 'a pupil sent me a friend request', from: from(stranger) }),
    );
    expect(cardText(cardsOf(replies)[0])).not.toMatch(/not saved/);
    const form = friendRequestForm();
    const { body } = await executeAction(failing.base, REPORT_SUBMIT_VERB, form, { from: from(stranger) });
    expect(cardText(body.value)).toMatch(/Report saved: INC-/);
    const incident = await failing.app.services.store.incidents.require(`incident-${form.draftId}`);
    expect(incident.schoolId).toBe('school-riverside');
    const [person] = (await failing.app.services.store.people.list({ where: { aadObjectId: stranger.id } })).items;
    expect(person).toMatchObject({
      displayName: 'Petra Lindqvist',
      department: NOT_PLACED,
      schoolId: 'school-riverside',
    });
  } finally {
    await failing.stop();
  }
});
