import { jest } from '@jest/globals';
import { reportIncident } from '../../src/incidents/report-incident.ts';
import { DEMO_PERSONAS, PLAYGROUND_USER_IDS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeEntra } from '../helpers/entra.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

/**
 * Who may see and do what, attacked with real Entra-style tokens in tenant mode: records read by
 * id across owners (IDOR), and people reaching for more authority than their role gives.
 */
jest.setTimeout(60_000);
let entra: Awaited<ReturnType<typeof startFakeEntra>>;
let app: TestApp;
const ids: Record<string, string> = {};

const as = {
  staff: () => entra.token(PLAYGROUND_USER_IDS.Staff),
  colleague: () => entra.token(PLAYGROUND_USER_IDS.Admin, { roles: ['Admin'] }),
  hr: () => entra.token(PLAYGROUND_USER_IDS.HR, { roles: ['HR'] }),
  slt: () => entra.token(PLAYGROUND_USER_IDS.SLT, { roles: ['SLT'] }),
  dsl: () => entra.token(PLAYGROUND_USER_IDS.DSL, { roles: ['DSL'] }),
};

async function call(method: string, path: string, token: string, body?: unknown) {
  return fetch(`${app.base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeEach(async () => {
  entra = await startFakeEntra();
  app = await startTestApp(entra.env);
  const { services } = app.app;
  const colleague = await services.store.people.require(DEMO_PERSONAS.Admin);
  const staff = await services.store.people.require(DEMO_PERSONAS.Staff);
  const report = await reportIncident(services, colleague, friendRequestForm());
  ids.colleagueIncident = report.incident.id;
  const concern = await reportIncident(services, staff, {
    ...friendRequestForm(),
    type: 'adult-conduct',
    subject: DEMO_PERSONAS.SLT,
    description: 'A senior leader shared a pupil’s photo on a personal account.',
  });
  ids.concern = concern.incident.id;
  const draft = (await (
    await call('POST', '/applications', await as.colleague(), { accountName: 'Casey’s club' })
  ).json()) as {
    id: string;
  };
  ids.colleagueApplication = draft.id;
  const declared = (await (
    await call('POST', '/training/declarations', await as.colleague(), {
      courseId: 'course-policy',
      completedOn: '2026-11-01',
    })
  ).json()) as { id: string };
  ids.colleagueTraining = declared.id;
});
afterEach(async () => {
  await app.stop();
  await entra.close();
});

describe('IDOR: records read or changed by id across owners', () => {
  test('staff cannot open a colleague’s incident by id, and do not see it in their reports', async () => {
    const token = await as.staff();
    expect([403, 404]).toContain((await call('GET', `/cases/${ids.colleagueIncident}`, token)).status);
    const mine = (await (await call('GET', '/my-reports', token)).json()) as { items: { id: string }[] };
    expect(mine.items.map((i) => i.id)).not.toContain(ids.colleagueIncident);
  });

  test('staff cannot read, edit, submit or withdraw a colleague’s application by id', async () => {
    const token = await as.staff();
    // Even with the right etag, as if it had leaked.
    const { etag } = await app.app.services.store.applications.require(ids.colleagueApplication!);
    const edit = await call('PUT', `/applications/${ids.colleagueApplication}`, token, {
      etag,
      fields: { accountName: 'Mine now' },
    });
    expect(edit.status).toBe(404);
    expect((await call('POST', `/applications/${ids.colleagueApplication}/submit`, token, { etag })).status).toBe(404);
    expect((await call('POST', `/applications/${ids.colleagueApplication}/withdraw`, token, { etag })).status).toBe(
      404,
    );
    const mine = (await (await call('GET', '/applications/mine', token)).json()) as { items: { id: string }[] };
    expect(mine.items.map((a) => a.id)).not.toContain(ids.colleagueApplication);
    expect((await app.app.services.store.applications.require(ids.colleagueApplication!)).accountName).toBe(
      'Casey’s club',
    );
  });

  test('staff cannot verify a colleague’s training record by id, nor see anyone else’s training', async () => {
    const token = await as.staff();
    const record = await app.app.services.store.trainingRecords.require(ids.colleagueTraining!);
    const res = await call('POST', `/training/declarations/${ids.colleagueTraining}/review`, token, {
      etag: record.etag,
      outcome: 'accepted',
    });
    expect([403, 404]).toContain(res.status);
    expect((await call('GET', '/training/dashboard', token)).status).toBe(403);
    expect((await call('GET', '/training/export.csv', token)).status).toBe(403);
    expect((await app.app.services.store.trainingRecords.require(ids.colleagueTraining!)).verified).toBe(false);
  });
});

describe('role escalation', () => {
  test('HR cannot open a safeguarding case', async () => {
    const token = await as.hr();
    expect([403, 404]).toContain((await call('GET', `/cases/${ids.colleagueIncident}`, token)).status);
    const list = await call('GET', '/cases', token);
    if (list.status === 200) {
      expect(((await list.json()) as { items: { id: string }[] }).items.map((c) => c.id)).not.toContain(
        ids.colleagueIncident,
      );
    } else expect(list.status).toBe(403);
  });

  test('the subject of a conduct concern cannot read it, even as a senior leader who reads other cases', async () => {
    const token = await as.slt();
    expect((await call('GET', `/cases/${ids.colleagueIncident}`, token)).status).toBe(200);
    expect((await call('GET', `/cases/${ids.concern}`, token)).status).toBe(404);
    const list = (await (await call('GET', '/cases', token)).json()) as { items: { id: string }[] };
    expect(list.items.map((c) => c.id)).not.toContain(ids.concern);
  });

  test('staff cannot act on a case or change school settings by calling the API directly', async () => {
    const token = await as.staff();
    const incident = await app.app.services.store.incidents.require(ids.colleagueIncident!);
    const act = await call('POST', `/cases/${ids.colleagueIncident}/actions`, token, {
      etag: incident.etag,
      action: { kind: 'status', status: 'closed' },
    });
    expect([400, 403, 404]).toContain(act.status);
    expect((await app.app.services.store.incidents.require(ids.colleagueIncident!)).status).toBe(incident.status);
    expect(
      (
        await call('PUT', '/schools/school-oakfield/approvals', token, {
          approvalsNeeded: 1,
          trainingGate: 'warn-and-record',
          remindAfterWorkingDays: 3,
          expireAfterWorkingDays: 20,
        })
      ).status,
    ).toBe(403);
  });

  test('a crafted approval card action without the Bot Framework’s signature is refused in a tenant', async () => {
    const res = await fetch(`${app.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: 'crafted-1',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        from: { id: '29:jordan', aadObjectId: PLAYGROUND_USER_IDS.Staff },
        recipient: { id: '28:bot' },
        conversation: { id: 'a:jordan', conversationType: 'personal', tenantId: entra.env.TENANT_ID },
        channelData: { tenant: { id: entra.env.TENANT_ID } },
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'application.decide',
            data: { applicationId: ids.colleagueApplication, decision: 'approve' },
          },
        },
      }),
    });
    expect(res.status).toBe(401);
    expect((await app.app.services.store.applications.require(ids.colleagueApplication!)).status).toBe('draft');
  });
});

describe('the audit log', () => {
  test('reads of a case are in the log; leaders search and export it; staff cannot; nobody can change it', async () => {
    const slt = await as.slt();
    await call('GET', `/cases/${ids.colleagueIncident}`, slt);
    expect((await call('GET', '/audit', await as.staff())).status).toBe(403);

    const page = (await (await call('GET', `/audit?targetId=${ids.colleagueIncident}`, slt)).json()) as {
      items: { action: string; actorName: string }[];
    };
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.some((e) => e.actorName === 'Priya Whitlock')).toBe(true);

    const csv = await call('GET', `/audit/export.csv?targetId=${ids.colleagueIncident}`, slt);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Priya Whitlock');
    const exported = await app.app.services.store.audit.listAll({ where: { targetKind: 'audit' } });
    expect(exported.map((e) => e.action)).toContain('audit.exported');

    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect([404, 405]).toContain((await call(method, `/audit/${exported[0]!.id}`, slt, {})).status);
    }
  });
});

describe('the audit log shows entries only to those who may read the record they are about', () => {
  type Page = { items: { action: string; targetKind: string; targetId: string; actorName: string }[] };
  const entries = async (token: string, query = '') =>
    ((await (await call('GET', `/audit?limit=500${query}`, token)).json()) as Page).items;
  const exported = async (token: string, query = '') =>
    (await call('GET', `/audit/export.csv?${query.replace(/^&/, '')}`, token)).text();

  test('the senior leader a conduct concern is about sees nothing of it, in the log or its export', async () => {
    const slt = await as.slt();
    const mine = await entries(slt);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.some((e) => e.targetId === ids.concern)).toBe(false);
    expect(await entries(slt, `&targetId=${ids.concern}`)).toEqual([]);
    const csv = await exported(slt, `&targetId=${ids.concern}`);
    expect(csv.split('\n').filter((line) => line.trim()).length).toBe(1);
    // The other case, which she may read, is still there.
    expect(mine.some((e) => e.targetId === ids.colleagueIncident)).toBe(true);
  });

  test('the headteacher, who reads the concern, sees its entries', async () => {
    const { store } = app.app.services;
    const head = await store.people.require('person-oak-head');
    const HEAD_OID = '00000000-0000-0000-0000-0000000000a1';
    if (head.aadObjectId !== HEAD_OID) await store.people.update(head, { aadObjectId: HEAD_OID });
    const seen = await entries(await entra.token(HEAD_OID, { roles: ['SLT'] }), `&targetId=${ids.concern}`);
    expect(seen.map((e) => e.action)).toContain('incident.reported');
  });

  test('administrators and HR see no incident entries at all, nor any reporter’s name through them', async () => {
    for (const token of [await as.colleague(), await as.hr()]) {
      const seen = await entries(token);
      expect(seen.filter((e) => e.targetKind === 'incidents')).toEqual([]);
      expect(await entries(token, `&targetKind=incidents`)).toEqual([]);
      expect(await exported(token, `&targetKind=incidents`)).not.toContain('incident.reported');
    }
  });

  test('HR sees the training entries it works with', async () => {
    const seen = await entries(await as.hr(), '&targetKind=trainingRecords');
    expect(seen.length).toBeGreaterThan(0);
  });
});
