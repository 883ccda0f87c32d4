import { jest } from '@jest/globals';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { makeRunnersReady, submitApplication } from '../helpers/applications.ts';

/** Senior leaders can also decide in the tab: the same rules, audit and messages as the card. */
jest.setTimeout(60_000);
let app: TestApp;
const RUNNERS = ['person-oak-deputy-dsl', 'person-oak-chair'];
beforeEach(async () => {
  app = await startTestApp();
  await makeRunnersReady(app, RUNNERS);
});
afterEach(() => app.stop());

async function call(method: string, path: string, personId: string, body?: unknown) {
  const token = await app.signIn(personId);
  return method === 'GET' ? app.get(`/api/v1${path}`, token) : app.post(`/api/v1${path}`, body, token);
}

test('the waiting list shows the business case and runners; only senior leaders see it', async () => {
  const id = await submitApplication(app, 'Oakfield Choir', RUNNERS);
  expect((await call('GET', '/applications/pending', DEMO_PERSONAS.Staff)).status).toBe(403);
  const list = (await (await call('GET', '/applications/pending', DEMO_PERSONAS.SLT)).json()) as {
    items: { applicationId: string; accountName: string; runners: { ready: boolean }[]; approvalsNeeded: number }[];
  };
  const item = list.items.find((i) => i.applicationId === id);
  expect(item).toMatchObject({ accountName: 'Oakfield Choir', approvalsNeeded: 1 });
  expect(item!.runners.every((r) => r.ready)).toBe(true);
});

test('a decision in the tab is checked like one on the card, and the applicant is told', async () => {
  const id = await submitApplication(app, 'Oakfield Gardening', RUNNERS);
  expect(
    (await call('POST', `/applications/${id}/decision`, DEMO_PERSONAS.Staff, { decision: 'approve' })).status,
  ).toBe(404);
  const noReason = await call('POST', `/applications/${id}/decision`, DEMO_PERSONAS.SLT, { decision: 'reject' });
  expect(noReason.status).toBe(409);
  expect(((await noReason.json()) as { error: { message: string } }).error.message).toMatch(/reason/i);

  const approved = await call('POST', `/applications/${id}/decision`, DEMO_PERSONAS.SLT, { decision: 'approve' });
  expect(approved.status).toBe(200);
  expect(await approved.json()).toMatchObject({
    status: 'Approved',
    outcome: expect.stringMatching(/^Approved by Priya Whitlock/),
  });
  const again = await call('POST', `/applications/${id}/decision`, DEMO_PERSONAS.SLT, {
    decision: 'reject',
    comment: 'No',
  });
  expect(again.status).toBe(409);

  const { store } = app.app.services;
  expect((await store.applications.require(id)).status).toBe('approved');
  const told = await store.outbox.listAll({ where: { topic: 'application.decided' } });
  expect(told.some((o) => o.payload.applicationId === id)).toBe(true);
  const audit = await store.audit.listAll({ where: { targetId: id } });
  expect(audit.map((a) => a.action)).toContain('application.approve');
});
