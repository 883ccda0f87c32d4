import { problemsByField } from '../../src/domain/field-problems.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
beforeEach(async () => {
  t = await startTestApp();
  for (const id of [DEMO_PERSONAS.Staff, DEMO_PERSONAS.Admin, DEMO_PERSONAS.DSL, DEMO_PERSONAS.SLT])
    tokens[id] = await t.signIn(id);
});
afterEach(async () => {
  await t.stop();
});

interface Application {
  id: string;
  etag: string;
  status: string;
  accountName: string;
  submittedAt?: string;
}

const send = (method: string, path: string, body: unknown, who = DEMO_PERSONAS.Staff) =>
  fetch(`${t.base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
    body: JSON.stringify(body),
  });

const complete = {
  accountName: 'Oakfield Year 6 news',
  platform: 'Facebook',
  aim: 'Share what Year 6 are learning, trips and celebrations with families each week.',
  audience: 'Year 6 parents and carers',
  promotion: 'The weekly newsletter and a letter home',
  runnerIds: [DEMO_PERSONAS.Staff, 'person-oak-deputy-dsl'],
  volunteers: [{ name: 'Dana Whitfield', relationship: 'Parent' }],
  visibility: 'private',
};

describe('applying for an official account', () => {
  test('a draft is saved as it is typed, incomplete, and only with the version last read', async () => {
    const created = (await (await send('POST', '/api/v1/applications', { accountName: 'Oak' })).json()) as Application;
    expect(created).toMatchObject({ status: 'draft', accountName: 'Oak' });
    const saved = await send('PUT', `/api/v1/applications/${created.id}`, {
      etag: created.etag,
      fields: { accountName: 'Oakfield Year 6 news' },
    });
    expect(saved.status).toBe(200);
    const stale = await send('PUT', `/api/v1/applications/${created.id}`, {
      etag: created.etag,
      fields: { aim: 'Overwrites the newer save' },
    });
    expect(stale.status).toBe(409);
  });

  test('an incomplete case is refused with each problem named, then a complete one is submitted and audited', async () => {
    let app = (await (
      await send('POST', '/api/v1/applications', { accountName: 'Oakfield PE' })
    ).json()) as Application;
    const incomplete = await send('POST', `/api/v1/applications/${app.id}/submit`, { etag: app.etag });
    expect(incomplete.status).toBe(400);
    const problem = (await incomplete.json()) as { error: { details: { field: string; problem: string }[] } };
    const byField = problemsByField(problem.error.details);
    expect(byField.runnerIds).toBe('Name at least two staff members who will run the account');
    expect(byField.platform).toBe('Choose the platform');

    app = (await (
      await send('PUT', `/api/v1/applications/${app.id}`, { etag: app.etag, fields: complete })
    ).json()) as Application;
    const submitted = await send('POST', `/api/v1/applications/${app.id}/submit`, { etag: app.etag });
    expect(submitted.status).toBe(200);
    const result = (await submitted.json()) as Application;
    expect(result).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    const audit = await t.app.services.store.audit.listAll({ where: { targetId: app.id } });
    expect(audit.map((a) => a.action)).toEqual(['application.submitted']);

    // Submitted: no more edits, and it is listed under My applications.
    const edit = await send('PUT', `/api/v1/applications/${app.id}`, { etag: result.etag, fields: { aim: 'x' } });
    expect(edit.status).toBe(409);
    const mine = (await (await t.get('/api/v1/applications/mine', tokens[DEMO_PERSONAS.Staff])).json()) as {
      items: Application[];
    };
    expect(mine.items.find((a) => a.id === app.id)?.status).toBe('submitted');

    // Withdrawn while pending, once.
    const withdrawn = (await (
      await send('POST', `/api/v1/applications/${app.id}/withdraw`, { etag: result.etag })
    ).json()) as Application;
    expect(withdrawn.status).toBe('withdrawn');
    expect((await send('POST', `/api/v1/applications/${app.id}/withdraw`, { etag: withdrawn.etag })).status).toBe(409);
  });

  test('runners must be staff of the applicant’s school, from the first save, so a draft cannot look into another school', async () => {
    const res = await send('POST', '/api/v1/applications', {
      ...complete,
      runnerIds: [DEMO_PERSONAS.Staff, 'person-river-dsl'],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('from this school’s staff');
    const app = (await (await send('POST', '/api/v1/applications', complete)).json()) as Application;
    const edit = await send('PUT', `/api/v1/applications/${app.id}`, {
      etag: app.etag,
      fields: { runnerIds: [DEMO_PERSONAS.Staff, 'person-river-dsl'] },
    });
    expect(edit.status).toBe(400);
    // Even a senior leader's own draft tells nothing about another school's staff.
    const slt = await send('POST', '/api/v1/applications', { runnerIds: ['person-river-dsl'] }, DEMO_PERSONAS.SLT);
    expect(slt.status).toBe(400);
    expect(JSON.stringify(await slt.json())).not.toMatch(/course|acknowledg/i);
  });

  test('someone else’s application is a 404, whether read through the list, edited or submitted', async () => {
    const app = (await (await send('POST', '/api/v1/applications', complete)).json()) as Application;
    const other = DEMO_PERSONAS.Admin;
    expect((await send('PUT', `/api/v1/applications/${app.id}`, { etag: app.etag, fields: {} }, other)).status).toBe(
      404,
    );
    expect((await send('POST', `/api/v1/applications/${app.id}/submit`, { etag: app.etag }, other)).status).toBe(404);
    const theirs = (await (await t.get('/api/v1/applications/mine', tokens[other])).json()) as { items: Application[] };
    expect(theirs.items.map((a) => a.id)).not.toContain(app.id);
  });

  test('a leader or administrator choosing moderators sees each colleague’s training; other schools’ staff are not disclosed', async () => {
    const res = await t.get(
      `/api/v1/applications/readiness?ids=${DEMO_PERSONAS.Admin},${DEMO_PERSONAS.Staff},person-river-dsl`,
      tokens[DEMO_PERSONAS.Admin],
    );
    const { items } = (await res.json()) as {
      items: { personId: string; name: string; acknowledged: boolean; missingCourses: string[]; ready: boolean }[];
    };
    expect(items.map((i) => i.personId)).toEqual([DEMO_PERSONAS.Admin, DEMO_PERSONAS.Staff]);
    // Nobody has acknowledged the policy in the demo yet, and only administrators hold the moderator course.
    expect(items.every((i) => !i.acknowledged && !i.ready)).toBe(true);
    expect(items.find((i) => i.personId === DEMO_PERSONAS.Staff)?.missingCourses).toContain('Account moderator');
    expect((await t.get('/api/v1/applications/readiness?ids=', tokens[DEMO_PERSONAS.Admin])).status).toBe(400);
  });

  test('staff cannot look up colleagues’ training; an applicant learns only whether their own runners are ready', async () => {
    const lookUp = await t.get(
      `/api/v1/applications/readiness?ids=${DEMO_PERSONAS.Admin}`,
      tokens[DEMO_PERSONAS.Staff],
    );
    expect(lookUp.status).toBe(403);

    const draft = (await (
      await send('POST', '/api/v1/applications', { runnerIds: [DEMO_PERSONAS.Admin, DEMO_PERSONAS.DSL] })
    ).json()) as Application;
    const mine = await t.get(`/api/v1/applications/${draft.id}/readiness`, tokens[DEMO_PERSONAS.Staff]);
    expect(mine.status).toBe(200);
    const body = (await mine.json()) as { items: Record<string, unknown>[] };
    expect(body.items.map((i) => i.personId)).toEqual([DEMO_PERSONAS.Admin, DEMO_PERSONAS.DSL]);
    for (const item of body.items) {
      expect(item).toEqual({
        personId: item.personId,
        name: expect.any(String),
        ready: false,
        gaps: [expect.stringMatching(/ask them to open My training/)],
      });
    }
    // Nobody's course records, and nothing for people not on the draft.
    expect(JSON.stringify(body)).not.toMatch(/Account moderator|missingCourses|acknowledged/);

    // Someone else's application: the same 404 as one that does not exist. Its leaders see the detail.
    const other = await t.get(`/api/v1/applications/${draft.id}/readiness`, tokens[DEMO_PERSONAS.DSL]);
    const none = await t.get('/api/v1/applications/no-such-application/readiness', tokens[DEMO_PERSONAS.DSL]);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual(await none.json());
    const leader = (await (
      await t.get(`/api/v1/applications/${draft.id}/readiness`, tokens[DEMO_PERSONAS.SLT])
    ).json()) as { items: { missingCourses: string[] }[] };
    expect(leader.items[1]!.missingCourses).toContain('Account moderator');
  });

  test('unknown fields and wrong types in a draft are a 400 naming the field', async () => {
    const res = await send('POST', '/api/v1/applications', { accountName: 'X', password: 'hunter2' });
    expect(res.status).toBe(400);
    const typed = await send('POST', '/api/v1/applications', { runnerIds: 'person-demo-staff' });
    expect(typed.status).toBe(400);
    expect(JSON.stringify(await typed.json())).toContain('runnerIds');
  });
});
