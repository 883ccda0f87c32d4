import { teamsUser } from '../helpers/personas.ts';
import { problemsByField } from '../../src/domain/field-problems.ts';
import { jest } from '@jest/globals';
import { followUpMonitoring } from '../../src/accounts/follow-up-monitoring.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { makeRunnersReady } from '../helpers/applications.ts';
import { cardText } from '../helpers/bot.ts';
import { appWithConnector, sayThroughConnector } from '../helpers/connector.ts';

/**
 * Leavers and handover over HTTP: HR's leaving date flags the account and tasks the
 * administrators; the transfer keeps two trained moderators; the password change completes it;
 * leavers lose the sign-in details; closing needs a reason; SLT records the yearly review.
 */
jest.setTimeout(60_000);
const CASEY = teamsUser('Admin');
const LEAVER = DEMO_PERSONAS.DSL;
const DEPUTY = 'person-oak-deputy-dsl';
const ACCOUNT = 'account-handover-test';
const PASSWORD = 'Old-password-42';

const env = appWithConnector();
const services = () => env.app.app.services;
const account = () => services().store.socialAccounts.require(ACCOUNT);

async function call(method: 'POST' | 'PUT', path: string, personId: string, body: unknown = {}) {
  const token = await env.app.signIn(personId);
  const res = await (method === 'POST' ? env.app.post : env.app.put)(`/api/v1${path}`, body, token);
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & {
      error?: { details?: { field: string; problem: string }[] };
    },
  };
}
/** Revealing is a bodiless POST, as the tab's button sends it. */
async function reveal(personId: string) {
  const res = await fetch(`${env.app.base}/api/v1/accounts/${ACCOUNT}/credential/reveal`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await env.app.signIn(personId)}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeEach(async () => {
  services().now = () => new Date('2026-11-23T10:00:00Z');
  await sayThroughConnector(env, CASEY, 'hi', { id: 'a:casey', conversationType: 'personal' });
  await makeRunnersReady(env.app, [DEMO_PERSONAS.Staff, DEPUTY, LEAVER]);
  const credentialRef = await services().vault!.seal(ACCOUNT, {
    username: 'oakfield.pe',
    password: PASSWORD,
    notes: '',
  });
  await services().store.socialAccounts.create(
    {
      schoolId: 'school-oakfield',
      platform: 'X',
      handle: '@OakfieldSport',
      url: 'https://x.com/oakfieldsport',
      leadId: DEMO_PERSONAS.Staff,
      moderatorIds: [DEMO_PERSONAS.Staff, LEAVER],
      status: 'active',
      createdOn: '2026-02-02',
      credentialRef,
    },
    ACCOUNT,
  );
});

/** HR gives the leaver's last day, which flags the account for handover. */
const leaverFlagged = async () => {
  const set = await call('PUT', `/people/${LEAVER}/leaving`, DEMO_PERSONAS.HR, { leavingOn: '2026-12-18' });
  expect(set.status).toBe(200);
};

/** An administrator hands the account to a new team without the leaver. */
const transferred = async () => {
  await leaverFlagged();
  const done = await call('POST', `/accounts/${ACCOUNT}/transfer`, DEMO_PERSONAS.Admin, {
    etag: (await account()).etag,
    leadId: DEMO_PERSONAS.Staff,
    moderatorIds: [DEMO_PERSONAS.Staff, DEPUTY],
  });
  expect(done.status).toBe(200);
};

test('a leaving date from HR flags the account at once and sends the administrators the handover task', async () => {
  expect(
    (await call('PUT', `/people/${LEAVER}/leaving`, DEMO_PERSONAS.Staff, { leavingOn: '2026-12-18' })).status,
  ).toBe(404);
  const set = await call('PUT', `/people/${LEAVER}/leaving`, DEMO_PERSONAS.HR, { leavingOn: '2026-12-18' });
  expect(set).toMatchObject({ status: 200, body: { accountsFlagged: 1 } });
  expect(await account()).toMatchObject({
    status: 'transfer-needed',
    handover: { leaverIds: [LEAVER], leavingOn: '2026-12-18' },
  });
  const task = await env.connector.waitFor((r) => JSON.stringify(r.body).includes('Official account handover needed'));
  expect(task.path).toContain('/v3/conversations/a:casey/');
  expect(cardText(task.body.attachments![0]!.content)).toContain('Morgan Hale');
  expect(JSON.stringify(task.body)).toContain(`#/accounts?handover=${ACCOUNT}`);
  // The daily sweep does not flag it again.
  expect((await followUpMonitoring(services())).flagged).toBe(0);
});

test('a leaver may use the sign-in details until their leaving date, and not from that day', async () => {
  await leaverFlagged();
  expect((await reveal(LEAVER)).body).toMatchObject({ password: PASSWORD });
  services().now = () => new Date('2026-12-18T08:00:00Z');
  try {
    expect((await reveal(LEAVER)).status).toBe(404);
  } finally {
    services().now = () => new Date('2026-11-23T10:00:00Z');
  }
});

test('the transfer refuses leavers and untrained staff, and takes the leaver off the team at once', async () => {
  const transfer = async (personId: string, moderatorIds: string[]) =>
    call('POST', `/accounts/${ACCOUNT}/transfer`, personId, {
      etag: (await account()).etag,
      leadId: DEMO_PERSONAS.Staff,
      moderatorIds,
    });
  await leaverFlagged();
  expect((await transfer(DEMO_PERSONAS.Staff, [DEMO_PERSONAS.Staff, DEPUTY])).status).toBe(403);
  const withLeaver = await transfer(DEMO_PERSONAS.Admin, [DEMO_PERSONAS.Staff, LEAVER]);
  expect(withLeaver.status).toBe(400);
  expect(problemsByField(withLeaver.body.error!.details!)).toMatchObject({
    moderatorIds: expect.stringMatching(/Leaving staff/),
  });
  const untrained = await transfer(DEMO_PERSONAS.Admin, [DEMO_PERSONAS.Staff, 'person-oak-chair']);
  expect(problemsByField(untrained.body.error!.details!)).toMatchObject({
    moderatorIds: expect.stringMatching(/must be trained/),
  });

  const done = await transfer(DEMO_PERSONAS.Admin, [DEMO_PERSONAS.Staff, DEPUTY]);
  expect(done).toMatchObject({ status: 200, body: { status: 'transfer-needed' } }); // the password change is still to do
  expect(await account()).toMatchObject({ moderatorIds: [DEMO_PERSONAS.Staff, DEPUTY] });
  expect((await reveal(LEAVER)).status).toBe(404);
});

test('recording the changed password completes the handover: who did it is kept, the secret is not', async () => {
  const NEW_PASSWORD = 'New-password-after-handover-7';
  await transferred();
  const short = await call('PUT', `/accounts/${ACCOUNT}/credential`, DEMO_PERSONAS.Admin, {
    etag: (await account()).etag,
    credential: { username: 'oakfield.pe', password: 'short' },
  });
  expect(short.status).toBe(400);
  const changed = await call('PUT', `/accounts/${ACCOUNT}/credential`, DEMO_PERSONAS.Admin, {
    etag: (await account()).etag,
    credential: { username: 'oakfield.pe', password: NEW_PASSWORD },
  });
  expect(changed).toMatchObject({ status: 200, body: { status: 'active', handover: null } });
  const after = await account();
  expect(after.handover).toBeUndefined();
  expect(after.handovers).toEqual([
    expect.objectContaining({
      leaverIds: [LEAVER],
      transferredById: DEMO_PERSONAS.Admin,
      credentialRotatedById: DEMO_PERSONAS.Admin,
      completedAt: expect.any(String),
    }),
  ]);
  const audit = await services().store.audit.listAll({ where: { targetId: ACCOUNT } });
  expect(JSON.stringify([after, audit])).not.toContain(NEW_PASSWORD);
  expect((await reveal(DEPUTY)).body).toMatchObject({ password: NEW_PASSWORD });
  expect((await followUpMonitoring(services())).flagged).toBe(0);
});

test('SLT records the yearly review; nobody else may', async () => {
  const review = (personId: string, outcome: string, note = '') =>
    account().then((a) =>
      call('POST', `/accounts/${ACCOUNT}/reviews`, personId, {
        etag: a.etag,
        outcome,
        stillNeeded: true,
        aimsMet: true,
        moderatorsRight: true,
        note,
      }),
    );
  expect((await review(DEMO_PERSONAS.Admin, 'keep')).status).toBe(403);
  expect((await review(DEMO_PERSONAS.SLT, 'change')).status).toBe(400);
  expect(await review(DEMO_PERSONAS.SLT, 'keep')).toMatchObject({ status: 200, body: { status: 'active' } });
  expect((await account()).reviews).toEqual([
    expect.objectContaining({ byId: DEMO_PERSONAS.SLT, outcome: 'keep', policyVersionId: 'policy-school-oakfield-v1' }),
  ]);
});

test('closing needs a date and a reason; moderators of a closed account lose the details, administrators keep them', async () => {
  const close = async (reason: string) =>
    call('POST', `/accounts/${ACCOUNT}/close`, DEMO_PERSONAS.Admin, {
      etag: (await account()).etag,
      closedOn: '2026-11-23',
      reason,
    });
  expect((await close('')).status).toBe(400);
  expect(await close('The club has merged with the county team')).toMatchObject({
    status: 200,
    body: { status: 'closed' },
  });
  expect(await account()).toMatchObject({
    closedOn: '2026-11-23',
    closedReason: 'The club has merged with the county team',
  });
  expect((await reveal(DEPUTY)).status).toBe(404);
  expect((await reveal(DEMO_PERSONAS.Admin)).status).toBe(200);
});

test('clearing a leaving date set by mistake takes the handover back off an account nothing was done on', async () => {
  const other = await services().store.socialAccounts.create({
    schoolId: 'school-oakfield',
    platform: 'Instagram',
    handle: '@OakfieldGarden',
    url: 'https://www.instagram.com/oakfieldgarden',
    leadId: DEPUTY,
    moderatorIds: [DEPUTY, DEMO_PERSONAS.Staff],
    status: 'active',
    createdOn: '2026-10-01',
  });
  await call('PUT', `/people/${DEMO_PERSONAS.Staff}/leaving`, DEMO_PERSONAS.HR, { leavingOn: '2027-03-31' });
  expect((await services().store.socialAccounts.require(other.id)).status).toBe('transfer-needed');
  const cleared = await call('PUT', `/people/${DEMO_PERSONAS.Staff}/leaving`, DEMO_PERSONAS.HR, { leavingOn: null });
  expect(cleared.status).toBe(200);
  const after = await services().store.socialAccounts.require(other.id);
  expect(after.status).toBe('active');
  expect(after.handover).toBeUndefined();
  expect((await services().store.people.require(DEMO_PERSONAS.Staff)).leavingOn).toBeUndefined();
});
