import { teamsUser } from '../helpers/personas.ts';
import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { APPLICATION_DECIDE_VERB } from '../../src/cards/application-approval.ts';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { DEMO_PERSONAS, DEMO_SCHOOLS, DEMO_TRUST_ID } from '../../src/seed/demo-data.ts';
import { provisionSite } from '../../src/store/sharepoint/provision.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { makeRunnersReady, submitApplication } from '../helpers/applications.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';
import { startGraphServer, type GraphServer } from '../helpers/graph-server.ts';
import { graphClientFor, serverSharePointStore } from '../helpers/sharepoint.ts';

/**
 * Request budgets: how many Graph requests a user action costs, with the store as the server
 * opens it for SharePoint. A change that adds requests to these actions fails here. Each action
 * is measured once the server has been running (its short read cache warm), as staff meet it;
 * messages the action queues are sent separately and are not counted.
 */
jest.setTimeout(300_000);
const JORDAN = teamsUser('Staff');
const PRIYA = teamsUser('SLT');
const STAFF = 5000;
let graph: GraphServer;
let app: TestApp;

beforeAll(async () => {
  graph = await startGraphServer();
  await provisionSite(graphClientFor(graph), graph.siteId);
  app = await startTestApp({}, { store: serverSharePointStore(graph) });
  // Sending is its own action: the budgets count what the user's action itself asks of Graph.
  app.app.services.outbox.kick = () => undefined;
});
afterAll(async () => {
  await app.stop();
  await graph.close();
});

/** Graph requests over the wire (a $batch is one) while `action` runs. */
async function requestsFor(action: () => Promise<unknown>): Promise<{ count: number; paths: string[] }> {
  const mark = graph.log.length;
  await action();
  const made = graph.log.slice(mark).filter((r) => !r.inBatch);
  return { count: made.length, paths: made.map((r) => `${r.method} ${decodeURIComponent(r.path).split('?')[0]}`) };
}

// A commit of several records costs one request more than its writes: removing its journal (the
// journal itself rides in the same $batch as the writes).
test('submitting an incident report costs at most 4 Graph requests', async () => {
  const submit = () =>
    executeAction(app.base, REPORT_SUBMIT_VERB, friendRequestForm(randomUUID()), { from: JORDAN }).then((r) =>
      cardText(r.body.value),
    );
  expect(await submit()).toMatch(/Report saved: /);
  let card = '';
  const used = await requestsFor(async () => {
    card = await submit();
  });
  expect(card).toMatch(/Report saved: /);
  expect(used.paths.length).toBeLessThanOrEqual(4);
});

test('an SLT decision on the card costs at most 3 Graph requests', async () => {
  await makeRunnersReady(app, ['person-oak-deputy-dsl', 'person-oak-chair']);
  const decide = async (applicationId: string) =>
    executeAction(
      app.base,
      APPLICATION_DECIDE_VERB,
      { applicationId, decision: 'approve', comment: 'Approved for the spring term.' },
      { from: PRIYA },
    ).then((r) => cardText(r.body.value));
  const runners = ['person-oak-deputy-dsl', 'person-oak-chair'];
  const [first, second, third] = [
    await submitApplication(app, 'Oakfield Choir', runners),
    await submitApplication(app, 'Oakfield Chess', runners),
    await submitApplication(app, 'Oakfield Drama', runners),
  ];
  // The leader's first card action also records their chat with the bot, once.
  expect(await decide(first)).toContain('Approved');
  expect(await decide(second)).toContain('Approved');
  let card = '';
  const used = await requestsFor(async () => {
    card = await decide(third);
  });
  expect(card).toContain('Approved');
  expect(used.paths.length).toBeLessThanOrEqual(3);
});

test('the HR dashboard for 5,000 staff costs at most 7 Graph requests, paging at the largest page', async () => {
  const { store } = app.app.services;
  const courses = ['course-policy', 'course-online-safety'];
  for (let start = 0; start < STAFF; start += 500) {
    await store.commit((uow) => {
      for (let i = start; i < start + 500; i++) {
        const schoolId = i % 3 === 0 ? DEMO_SCHOOLS.primary : DEMO_SCHOOLS.secondary;
        const personId = `person-budget-${i}`;
        uow.create(
          'people',
          {
            trustId: DEMO_TRUST_ID,
            schoolId,
            upn: `budget.person${i}@demo.example.sch.uk`,
            displayName: `Budget Person ${i}`,
            givenName: 'Budget',
            surname: `Person ${i}`,
            department: 'Maths',
            jobTitle: 'Teacher',
            staffType: 'teacher',
            roles: [{ role: 'Staff', schoolId }],
            startedOn: '2020-09-01',
            active: true,
          },
          personId,
        );
        for (const courseId of courses) {
          if (i % 5 === 0) continue;
          uow.create('trainingRecords', {
            personId,
            courseId,
            schoolId,
            completedOn: '2026-01-15',
            source: 'import',
            verified: true,
          });
        }
      }
    });
  }
  const token = await app.signIn(DEMO_PERSONAS.HR);
  const load = async () => {
    const res = await app.get('/api/v1/training/dashboard', token);
    return ((await res.json()) as { rows: unknown[] }).rows.length;
  };
  expect(await load()).toBeGreaterThan(STAFF);
  // HR records a completion, so the next load rebuilds the whole picture from the store.
  await store.trainingRecords.create({
    personId: 'person-budget-5',
    courseId: 'course-policy',
    schoolId: DEMO_SCHOOLS.secondary,
    completedOn: '2026-11-20',
    source: 'hr',
    verified: true,
  });
  let rows = 0;
  const used = await requestsFor(async () => {
    rows = await load();
  });
  expect(rows).toBeGreaterThan(STAFF);
  // Two of them find who runs an official account (open accounts, applications in progress), since that decides who needs the runners' course.
  expect(used.paths.length).toBeLessThanOrEqual(7);
});
