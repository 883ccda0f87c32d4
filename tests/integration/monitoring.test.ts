import { jest } from '@jest/globals';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

/** Monitoring an official account: check-ins, replies due under the 24-hour rule, and the overview. */
jest.setTimeout(60_000);
let app: TestApp;
let accountId: string;
beforeEach(async () => {
  app = await startTestApp();
  const account = await app.app.services.store.socialAccounts.create({
    schoolId: 'school-oakfield',
    platform: 'Instagram',
    handle: '@OakfieldPE',
    url: 'https://www.instagram.com/oakfieldpe',
    leadId: DEMO_PERSONAS.Staff,
    moderatorIds: [DEMO_PERSONAS.Staff, DEMO_PERSONAS.Admin],
    status: 'active',
    createdOn: '2026-09-01',
  });
  accountId = account.id;
});
afterEach(() => app.stop());

async function call(path: string, personId: string, body?: unknown) {
  const token = await app.signIn(personId);
  return body === undefined ? app.get(`/api/v1${path}`, token) : app.post(`/api/v1${path}`, body, token);
}

/** A POST with no body, as the "replied" button sends. */
async function press(path: string, personId: string) {
  const token = await app.signIn(personId);
  return fetch(`${app.base}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
}

interface Overview {
  items: {
    accountId: string;
    youMonitor: boolean;
    lastCheckIn: { outcome: string; byName: string } | null;
    openItems: { id: string; dueAt: string; overdue: boolean }[];
  }[];
}

test('the lead logs check-ins; hiding comments needs a reason; someone who does not monitor it gets 404', async () => {
  const ok = await call(`/accounts/${accountId}/check-ins`, DEMO_PERSONAS.Staff, { outcome: 'nothing-needed' });
  expect(ok.status).toBe(200);
  const hidden = await call(`/accounts/${accountId}/check-ins`, DEMO_PERSONAS.Staff, {
    outcome: 'hidden-or-deleted',
    count: 2,
  });
  expect(hidden.status).toBe(400);
  expect((await call(`/accounts/${accountId}/check-ins`, DEMO_PERSONAS.HR, { outcome: 'nothing-needed' })).status).toBe(
    404,
  );
  const audit = await app.app.services.store.audit.listAll({ where: { targetId: accountId } });
  expect(audit.map((a) => a.action)).toContain('account.check-in.nothing-needed');
});

test('a comment from Saturday is due by the end of Monday, shows as overdue after, and closes when replied', async () => {
  const { services } = app.app;
  const realNow = services.now;
  services.now = () => new Date('2026-11-21T12:00:00Z'); // Saturday
  try {
    await call(`/accounts/${accountId}/check-ins`, DEMO_PERSONAS.Staff, { outcome: 'nothing-needed' });
    const logged = await call(`/accounts/${accountId}/reply-items`, DEMO_PERSONAS.Admin, {
      arrivedAt: '2026-11-21T10:00:00Z',
      summary: 'A parent asks when the netball results will be posted',
    });
    const item = (await logged.json()) as { id: string; dueAt: string; overdue: boolean };
    expect(item).toMatchObject({ dueAt: '2026-11-23T23:59:59.999Z', overdue: false });

    services.now = () => new Date('2026-11-24T09:00:00Z'); // Tuesday morning
    const slt = (await (await call('/monitoring', DEMO_PERSONAS.SLT)).json()) as Overview;
    const row = slt.items.find((r) => r.accountId === accountId)!;
    expect(row).toMatchObject({
      youMonitor: false,
      lastCheckIn: { outcome: 'nothing-needed', byName: 'Jordan Ellery' },
    });
    expect(row.openItems).toEqual([expect.objectContaining({ id: item.id, overdue: true })]);
    expect(slt.items[0]!.accountId).toBe(accountId); // overdue first

    expect((await press(`/reply-items/${item.id}/replied`, DEMO_PERSONAS.HR)).status).toBe(404);
    expect((await press(`/reply-items/${item.id}/replied`, DEMO_PERSONAS.Staff)).status).toBe(200);
    const after = (await (await call('/monitoring', DEMO_PERSONAS.Staff)).json()) as Overview;
    expect(after.items.find((r) => r.accountId === accountId)).toMatchObject({ youMonitor: true, openItems: [] });
  } finally {
    services.now = realNow;
  }
});

test('an arrival time in the future is refused', async () => {
  const res = await call(`/accounts/${accountId}/reply-items`, DEMO_PERSONAS.Staff, {
    arrivedAt: '2999-01-01T00:00:00Z',
    summary: 'Time traveller',
  });
  expect(res.status).toBe(400);
});

test('SLT and administrators set the reminder time, the escalation days and closure days; bad values are explained', async () => {
  const token = await app.signIn(DEMO_PERSONAS.Admin);
  const path = '/api/v1/schools/school-oakfield/monitoring';
  expect(await (await app.get(path, token)).json()).toMatchObject({
    reminderTime: '16:00',
    escalateUncheckedAfterDays: 2,
  });
  const bad = await app.put(path, { reminderTime: '25:00', escalateUncheckedAfterDays: 0, closures: ['soon'] }, token);
  expect(bad.status).toBe(400);
  const fields = ((await bad.json()) as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);
  expect(fields).toEqual(expect.arrayContaining(['reminderTime', 'escalateUncheckedAfterDays', 'closures.0']));
  const body = {
    reminderTime: '15:30',
    escalateUncheckedAfterDays: 3,
    closures: ['2026-12-18', '2026-10-26', '2026-12-18'],
  };
  const saved = await app.put(path, body, token);
  expect(await saved.json()).toEqual({ ...body, closures: ['2026-10-26', '2026-12-18'] });
  expect(await app.app.services.store.schools.require('school-oakfield')).toMatchObject({
    monitoring: { reminderTime: '15:30', escalateUncheckedAfterDays: 3 },
    closures: ['2026-10-26', '2026-12-18'],
  });
  const staff = await app.signIn(DEMO_PERSONAS.Staff);
  expect((await app.put(path, body, staff)).status).toBe(403);
});
