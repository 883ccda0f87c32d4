import { teamsUser } from '../helpers/personas.ts';
import { problemsByField } from '../../src/domain/field-problems.ts';
import { jest } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICATION_DECIDE_VERB } from '../../src/cards/application-approval.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { makeRunnersReady, submitApplication } from '../helpers/applications.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { appWithConnector, sayThroughConnector } from '../helpers/connector.ts';

const STAFF = teamsUser('Staff');
const SLT = teamsUser('SLT');
const RUNNERS = ['person-oak-deputy-dsl', 'person-oak-chair'];
const PASSWORD = 'Kestrel-Lantern-4417-Quarry';
const USERNAME = 'oakfield.eco.club@demo.example.sch.uk';

jest.setTimeout(60_000);
const env = appWithConnector();
const store = () => env.app.app.services.store;

interface Problem {
  error: { code: string; message: string; details?: { field: string; problem: string }[] };
}

async function approvedApplication(name: string): Promise<string> {
  const id = await submitApplication(env.app, name, RUNNERS);
  await executeAction(env.app.base, APPLICATION_DECIDE_VERB, { applicationId: id, decision: 'approve' }, { from: SLT });
  expect((await store().applications.require(id)).status).toBe('approved');
  return id;
}

const account = (applicationId: string, moderatorIds = RUNNERS) => ({
  applicationId,
  handle: '@OakfieldEco',
  url: 'https://www.instagram.com/oakfieldeco',
  leadId: DEMO_PERSONAS.Staff,
  moderatorIds,
  credential: { username: USERNAME, password: PASSWORD, notes: 'Recovery codes are in the office safe' },
});

async function send(method: string, path: string, body: unknown, personId: string) {
  const token = await env.app.signIn(personId);
  return fetch(`${env.app.base}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      authorization: `Bearer ${token}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('an approved application becomes an official account in the register', () => {
  beforeEach(async () => {
    await sayThroughConnector(env, STAFF, 'hi', { id: 'a:jordan', conversationType: 'personal' });
    // The lead (Jordan) receives the sign-in details, so they must be ready as the moderators are.
    await makeRunnersReady(env.app, [...RUNNERS, DEMO_PERSONAS.Staff]);
  });

  test('an untrained lead is refused when the account is recorded, and a lead whose training lapses cannot see its sign-in', async () => {
    const applicationId = await approvedApplication('Oakfield Gardening');
    const untrainedLead = { ...account(applicationId), leadId: 'person-001' };
    const refused = await send('POST', '/accounts', untrainedLead, DEMO_PERSONAS.Admin);
    expect(refused.status).toBe(400);
    const detail = ((await refused.json()) as Problem).error.details ?? [];
    expect(detail).toContainEqual({
      field: 'leadId',
      problem: expect.stringMatching(/The lead must be trained and have read the policy/),
    });

    expect((await send('POST', '/accounts', account(applicationId), DEMO_PERSONAS.Admin)).status).toBe(200);
    const accountId = `account-${applicationId}`;
    expect(
      (await send('POST', `/accounts/${accountId}/credential/reveal`, undefined, DEMO_PERSONAS.Staff)).status,
    ).toBe(200);
    // Jordan's training expires: the sign-in is kept from them until it is up to date again.
    for (const record of await store().trainingRecords.listAll({ where: { personId: DEMO_PERSONAS.Staff } })) {
      await store().trainingRecords.update(record, { expiresOn: '2020-01-01' });
    }
    const lapsed = await send('POST', `/accounts/${accountId}/credential/reveal`, undefined, DEMO_PERSONAS.Staff);
    expect(lapsed.status).toBe(403);
    expect(((await lapsed.json()) as Problem).error.message).toMatch(
      /once your training and policy reading are up to date/,
    );
    expect(
      (await send('POST', `/accounts/${accountId}/credential/reveal`, undefined, DEMO_PERSONAS.Admin)).status,
    ).toBe(200);
  });

  test('full cycle: the administrator records it, the applicant is told, and it is in the register', async () => {
    const applicationId = await approvedApplication('Oakfield Eco Club');
    const admin = DEMO_PERSONAS.Admin;
    const tasks = (await (await env.app.get('/api/v1/accounts/tasks', await env.app.signIn(admin))).json()) as {
      items: { applicationId: string; runners: { ready: boolean }[] }[];
    };
    expect(tasks.items.map((t) => t.applicationId)).toContain(applicationId);

    // Only administrators record accounts.
    expect((await send('POST', '/accounts', account(applicationId), DEMO_PERSONAS.SLT)).status).toBe(404);

    // Moderators: at least two, and all trained.
    const one = await send('POST', '/accounts', account(applicationId, [RUNNERS[0]!]), admin);
    expect(one.status).toBe(400);
    expect(problemsByField(((await one.json()) as Problem).error.details ?? []).moderatorIds).toMatch(/at least two/);
    const untrained = await send('POST', '/accounts', account(applicationId, [RUNNERS[0]!, DEMO_PERSONAS.DSL]), admin);
    expect(problemsByField(((await untrained.json()) as Problem).error.details ?? []).moderatorIds).toMatch(
      /Every moderator must be trained.*Morgan Hale/,
    );

    const created = await send('POST', '/accounts', account(applicationId), admin);
    expect(created.status).toBe(200);
    const told = await env.connector.waitFor(
      (r) => r.path.startsWith('/v3/conversations/a:jordan/') && JSON.stringify(r.body).includes('@OakfieldEco'),
    );
    expect(adaptiveCardProblems(told.body.attachments![0]!.content)).toEqual([]);
    expect(cardText(told.body.attachments![0]!.content)).toContain('The official account is ready');
    expect(JSON.stringify(told.body)).not.toContain(PASSWORD);

    // Any member of staff at the school sees the register, without any secret in it.
    const res = await env.app.get('/api/v1/accounts', await env.app.signIn(DEMO_PERSONAS.Staff));
    const text = await res.text();
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('credentialRef');
    const row = (JSON.parse(text) as { items: Record<string, unknown>[] }).items.find(
      (r) => (r.application as { id: string }).id === applicationId,
    );
    expect(row).toMatchObject({
      handle: '@OakfieldEco',
      platform: 'Instagram',
      status: 'active',
      url: 'https://www.instagram.com/oakfieldeco',
      lead: { name: 'Jordan Ellery' },
      moderators: [{ id: RUNNERS[0] }, { id: RUNNERS[1] }],
      application: { accountName: 'Oakfield Eco Club' },
      hasCredential: true,
      canManage: false,
    });
    // The task is done, and a second record of the same application is refused.
    const after = (await (await env.app.get('/api/v1/accounts/tasks', await env.app.signIn(admin))).json()) as {
      items: { applicationId: string }[];
    };
    expect(after.items.map((t) => t.applicationId)).not.toContain(applicationId);
    expect((await send('POST', '/accounts', account(applicationId), admin)).status).toBe(409);
  });

  test('the credential cannot be read in the database file, and revealing it is an audited action for the account’s team and administrators', async () => {
    const applicationId = await approvedApplication('Oakfield Choir');
    expect((await send('POST', '/accounts', account(applicationId), DEMO_PERSONAS.Admin)).status).toBe(200);
    const accountId = `account-${applicationId}`;

    // Every byte SQLite wrote (database and write-ahead log): no password, no sign-in name.
    const files = readdirSync(env.app.dataDir).filter((f) => f.startsWith('app.db'));
    expect(files).toContain('app.db');
    for (const file of files) {
      const bytes = readFileSync(join(env.app.dataDir, file));
      expect(bytes.includes(Buffer.from(PASSWORD))).toBe(false);
      expect(bytes.includes(Buffer.from(USERNAME))).toBe(false);
      expect(bytes.includes(Buffer.from(PASSWORD, 'utf16le'))).toBe(false);
    }
    expect((await store().socialAccounts.require(accountId)).credentialRef).toMatch(/^aes-256-gcm:v1:/);

    // SLT and the DSL do not run the account, so they do not see how to sign in to it.
    for (const who of [DEMO_PERSONAS.SLT, DEMO_PERSONAS.DSL]) {
      expect((await send('POST', `/accounts/${accountId}/credential/reveal`, undefined, who)).status).toBe(404);
    }
    const revealed = await send('POST', `/accounts/${accountId}/credential/reveal`, undefined, DEMO_PERSONAS.Admin);
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get('cache-control')).toContain('no-store');
    expect(await revealed.json()).toEqual({
      username: USERNAME,
      password: PASSWORD,
      notes: 'Recovery codes are in the office safe',
    });
    // The lead runs the account, so they may see it too.
    expect(
      (await send('POST', `/accounts/${accountId}/credential/reveal`, undefined, DEMO_PERSONAS.Staff)).status,
    ).toBe(200);
    const audit = await store().audit.listAll({ where: { targetId: accountId } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ['account.created', DEMO_PERSONAS.Admin],
      ['account.credential-revealed', DEMO_PERSONAS.Admin],
      ['account.credential-revealed', DEMO_PERSONAS.Staff],
    ]);
  });

  test('two administrators recording the same account at once make one account', async () => {
    const applicationId = await approvedApplication('Oakfield Sports');
    const [a, b] = await Promise.all([
      send('POST', '/accounts', account(applicationId), DEMO_PERSONAS.Admin),
      send('POST', '/accounts', account(applicationId), DEMO_PERSONAS.Admin),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const accounts = await store().socialAccounts.listAll({ where: { applicationId } });
    expect(accounts).toHaveLength(1);
  });

  test('only an administrator closes an account, with a reason; a stale page is refused', async () => {
    const applicationId = await approvedApplication('Oakfield Library');
    const created = (await (await send('POST', '/accounts', account(applicationId), DEMO_PERSONAS.Admin)).json()) as {
      id: string;
      etag: string;
    };
    const closing = { etag: created.etag, closedOn: '2026-11-23', reason: 'The library now posts on the main account' };
    expect((await send('POST', `/accounts/${created.id}/close`, closing, DEMO_PERSONAS.Staff)).status).toBe(403);
    const checkedIn = await send(
      'POST',
      `/accounts/${created.id}/check-ins`,
      { outcome: 'nothing-needed' },
      DEMO_PERSONAS.Staff,
    );
    expect(checkedIn.status).toBe(200);
    const current = await store().socialAccounts.require(created.id);
    const rota = { etag: current.etag, rota: [] };
    expect((await send('PUT', `/accounts/${created.id}/rota`, rota, DEMO_PERSONAS.Admin)).status).toBe(200);
    const stale = await send('POST', `/accounts/${created.id}/close`, closing, DEMO_PERSONAS.Admin);
    expect(stale.status).toBe(409);
    expect((await store().socialAccounts.require(created.id)).status).toBe('active');
  });

  test('a personal mailbox is refused as an official account’s sign-in, when it is recorded and when it is changed', async () => {
    const applicationId = await approvedApplication('Oakfield Chess');
    const personal = {
      ...account(applicationId),
      credential: { username: 'chess.club@gmail.com', password: PASSWORD, notes: '' },
    };
    const refused = await send('POST', '/accounts', personal, DEMO_PERSONAS.Admin);
    expect(refused.status).toBe(400);
    const detail = ((await refused.json()) as { error: { details: { field: string; problem: string }[] } }).error
      .details;
    expect(detail).toContainEqual({
      field: 'username',
      problem: expect.stringMatching(
        /Use a school-owned address \(@demo\.example\.sch\.uk\), not a personal one such as @gmail\.com/,
      ),
    });
    expect(await store().socialAccounts.listAll({ where: { applicationId } })).toEqual([]);
  });

  test('bad input is refused with a clear message and stores nothing', async () => {
    const applicationId = await approvedApplication('Oakfield Debating');
    const bad = await send(
      'POST',
      '/accounts',
      { ...account(applicationId), url: 'javascript:alert(1)', credential: { username: 1 } },
      DEMO_PERSONAS.Admin,
    );
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { details: { field: string }[] } }).error.details.map(
      (d) => d.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['url', 'credential.username', 'credential.password']));
    expect(await store().socialAccounts.listAll({ where: { applicationId } })).toEqual([]);
  });
});
