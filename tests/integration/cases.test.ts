import { teamsUser } from '../helpers/personas.ts';
import { randomUUID } from 'node:crypto';
import { principalFor } from '../../src/auth/principal.ts';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { openCase } from '../../src/incidents/cases.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { activity, cardText, cardsOf, executeAction, postActivity } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

const STAFF = teamsUser('Staff');

let t: TestApp;
let incidentId: string;
const tokens: Record<string, string> = {};
beforeEach(async () => {
  t = await startTestApp();
  const form = friendRequestForm();
  await executeAction(t.base, REPORT_SUBMIT_VERB, form, { from: STAFF });
  incidentId = `incident-${form.draftId}`;
  for (const id of [
    ...Object.values(DEMO_PERSONAS),
    'person-oak-head',
    'person-oak-deputy-dsl',
    'person-river-dsl',
    'person-001',
  ]) {
    tokens[id] = await t.signIn(id);
  }
});
afterEach(async () => {
  await t.stop();
});

const json = async <T>(res: Response) => (await res.json()) as T;
const views = async () =>
  (await t.app.services.store.audit.listAll({ where: { targetId: incidentId } })).filter(
    (a) => a.action === 'incident.viewed',
  );

describe('case list and case file', () => {
  test('the DSL sees the new report first in the case list, without opening it', async () => {
    const { items } = await json<{ items: { id: string; status: string; typeLabel: string }[] }>(
      await t.get('/api/v1/cases', tokens[DEMO_PERSONAS.DSL]),
    );
    expect(items[0]).toMatchObject({
      id: incidentId,
      status: 'new',
      typeLabel: 'A friend or follow request from a pupil',
    });
  });

  test('a senior leader can read it, the view is audited, and it stays unread until a DSL opens it', async () => {
    const before = (await views()).length;
    const res = await t.get(`/api/v1/cases/${incidentId}`, tokens[DEMO_PERSONAS.SLT]);
    expect(res.status).toBe(200);
    const file = await json<{ status: string; canHandle: boolean }>(res);
    expect(file).toMatchObject({ status: 'new', canHandle: false });
    expect((await views()).length).toBe(before + 1);
  });

  test('the DSL opens it: the report is shown in full, it becomes read, and the reporter is told', async () => {
    const file = await json<{
      status: string;
      reporter: string;
      chronology: { kind: string; text: string; data?: { people?: string } }[];
    }>(await t.get(`/api/v1/cases/${incidentId}`, tokens[DEMO_PERSONAS.DSL]));
    expect(file.status).toBe('read');
    expect(file.reporter).toBe('Jordan Ellery');
    expect(file.chronology.map((e) => e.kind)).toEqual(['report', 'status']);
    expect(file.chronology[0]).toMatchObject({
      text: 'Riley sent me a follow request on Instagram last night.',
      data: { people: 'Riley Brookes, Year 9' },
    });
    const audit = await views();
    expect(audit.at(-1)).toMatchObject({ actorId: DEMO_PERSONAS.DSL, action: 'incident.viewed' });
    const receipts = (await t.app.services.store.outbox.listAll({ where: { topic: 'report.read' } })).filter(
      (o) => o.payload.incidentId === incidentId,
    );
    expect(receipts.map((r) => r.payload.recipientId)).toEqual([DEMO_PERSONAS.Staff]);

    const mine = await json<{ items: { id: string; status: string; readAt?: string }[] }>(
      await t.get('/api/v1/my-reports', tokens[DEMO_PERSONAS.Staff]),
    );
    expect(mine.items.find((r) => r.id === incidentId)).toMatchObject({ status: 'read', readAt: expect.any(String) });
    expect(JSON.stringify(mine)).not.toContain('Riley');
  });
});

describe('who cannot read a case', () => {
  test.each([
    ['the reporter (who follows status in My reports instead)', DEMO_PERSONAS.Staff],
    ['another member of staff', 'person-001'],
    ['HR', DEMO_PERSONAS.HR],
    ['an administrator', DEMO_PERSONAS.Admin],
    ["another school's DSL", 'person-river-dsl'],
  ])(
    '%s gets 404, exactly as for a case that does not exist, and the attempt reads nothing',
    async (_who, personId) => {
      const before = (await views()).length;
      const res = await t.get(`/api/v1/cases/${incidentId}`, tokens[personId]);
      expect(res.status).toBe(404);
      const missing = await t.get(`/api/v1/cases/incident-${randomUUID()}`, tokens[personId]);
      expect(await res.json()).toEqual(await missing.json());
      expect((await views()).length).toBe(before);
      const { items } = await json<{ items: { id: string }[] }>(await t.get('/api/v1/cases', tokens[personId]));
      expect(items.map((i) => i.id)).not.toContain(incidentId);
    },
  );

  test('a concern about an adult, reported through the form, is read by the headteacher and never by its subject, even a senior leader', async () => {
    const form = {
      ...friendRequestForm(),
      type: 'adult-conduct',
      platform: 'WhatsApp',
      subject: DEMO_PERSONAS.SLT,
      people: 'Priya Whitlock (deputy headteacher)',
      description: 'A deputy head messaged a Year 6 pupil privately on WhatsApp.',
    };
    const { body } = await executeAction(t.base, REPORT_SUBMIT_VERB, form, { from: STAFF });
    expect(cardText(body.value)).toMatch(/INC-\d{4}-\d{4}/);
    const id = `incident-${form.draftId}`;
    expect(await t.app.services.store.incidents.require(id)).toMatchObject({
      audience: 'adult-conduct',
      subjectPersonId: DEMO_PERSONAS.SLT,
    });
    const alerts = (await t.app.services.store.outbox.listAll({ where: { topic: 'incident.alert' } })).filter(
      (o) => o.payload.incidentId === id,
    );
    expect(alerts.map((a) => a.payload.recipientId)).toEqual(['person-oak-head']);
    expect((await t.get(`/api/v1/cases/${id}`, tokens[DEMO_PERSONAS.SLT])).status).toBe(404);
    expect((await t.get(`/api/v1/cases/${id}`, tokens[DEMO_PERSONAS.DSL])).status).toBe(404);
    const list = await json<{ items: { id: string }[] }>(await t.get('/api/v1/cases', tokens[DEMO_PERSONAS.SLT]));
    expect(list.items.map((i) => i.id)).not.toContain(id);
    const head = await t.get(`/api/v1/cases/${id}`, tokens['person-oak-head']);
    expect(head.status).toBe(200);
  });

  test('a concern about an adult can be assigned only to someone who may open it: the DSL is neither offered nor accepted, and is told nothing', async () => {
    const form = {
      ...friendRequestForm(),
      type: 'adult-conduct',
      subject: DEMO_PERSONAS.SLT,
      people: 'Priya Whitlock',
      description: 'A deputy head messaged a pupil privately.',
    };
    await executeAction(t.base, REPORT_SUBMIT_VERB, form, { from: STAFF });
    const id = `incident-${form.draftId}`;
    const head = tokens['person-oak-head'];
    const file = await json<{ etag: string; assignableLeads: { id: string }[] }>(
      await t.get(`/api/v1/cases/${id}`, head),
    );
    const offered = file.assignableLeads.map((l) => l.id);
    expect(offered).not.toContain(DEMO_PERSONAS.DSL);
    expect(offered).not.toContain('person-oak-deputy-dsl');
    expect(offered).not.toContain(DEMO_PERSONAS.SLT);
    const res = await t.post(
      `/api/v1/cases/${id}/actions`,
      { etag: file.etag, action: { kind: 'assign', assigneeId: DEMO_PERSONAS.DSL } },
      head,
    );
    expect(res.status).toBe(400);
    const told = (await t.app.services.store.outbox.listAll({ where: { topic: 'case.assigned' } })).filter(
      (o) => o.payload.incidentId === id,
    );
    expect(told).toEqual([]);
  });

  test('a concern about the head where no chair is named goes to the safeguarding leads, who can open it; senior leaders name the chair on School settings', async () => {
    const slt = tokens[DEMO_PERSONAS.SLT];
    const readers = '/api/v1/schools/school-oakfield/concern-readers';
    expect(await json(await t.get(readers, slt))).toEqual({
      headteacherId: 'person-oak-head',
      chairOfGovernorsId: 'person-oak-chair',
    });
    const noChair = await t.put(readers, { headteacherId: 'person-oak-head', chairOfGovernorsId: null }, slt);
    expect(noChair.status).toBe(200);

    const form = {
      ...friendRequestForm(),
      type: 'adult-conduct',
      subject: 'person-oak-head',
      people: 'Harriet Osei (headteacher)',
      description: 'The head messaged a pupil privately.',
    };
    const { body } = await executeAction(t.base, REPORT_SUBMIT_VERB, form, { from: STAFF });
    expect(cardText(body.value)).toMatch(/An alert is on its way to the designated safeguarding leads/);
    const id = `incident-${form.draftId}`;
    expect((await t.get(`/api/v1/cases/${id}`, tokens[DEMO_PERSONAS.DSL])).status).toBe(200);
    expect((await t.get(`/api/v1/cases/${id}`, tokens['person-oak-head'])).status).toBe(404);

    // Naming someone from another school, or the head as their own chair, is refused; a colleague is accepted and audited.
    expect(
      (await t.put(readers, { headteacherId: 'person-oak-head', chairOfGovernorsId: 'person-river-dsl' }, slt)).status,
    ).toBe(400);
    expect(
      (await t.put(readers, { headteacherId: 'person-oak-head', chairOfGovernorsId: 'person-oak-head' }, slt)).status,
    ).toBe(400);
    expect(
      (
        await t.put(
          readers,
          { headteacherId: 'person-oak-head', chairOfGovernorsId: 'person-oak-chair' },
          tokens[DEMO_PERSONAS.Staff],
        )
      ).status,
    ).toBe(403);
    expect(
      (await t.put(readers, { headteacherId: 'person-oak-head', chairOfGovernorsId: 'person-oak-chair' }, slt)).status,
    ).toBe(200);
    const audit = await t.app.services.store.audit.listAll({ where: { targetId: 'school-oakfield' } });
    expect(audit.filter((a) => a.action === 'school.concern-readers.changed')).toHaveLength(2);
  });

  test('a concern about the headteacher goes to the chair of governors, and the headteacher cannot read it', async () => {
    const form = {
      ...friendRequestForm(),
      type: 'adult-conduct',
      subject: 'person-oak-head',
      people: 'Harriet Osei (headteacher)',
      description: 'The head posted a photo of pupils on her personal Instagram.',
    };
    const { body } = await executeAction(t.base, REPORT_SUBMIT_VERB, form, { from: STAFF });
    expect(cardText(body.value)).toMatch(/Report saved/);
    const id = `incident-${form.draftId}`;
    const alerts = (await t.app.services.store.outbox.listAll({ where: { topic: 'incident.alert' } })).filter(
      (o) => o.payload.incidentId === id,
    );
    expect(alerts.map((a) => a.payload.recipientId)).toEqual(['person-oak-chair']);
    expect((await t.get(`/api/v1/cases/${id}`, tokens['person-oak-head'])).status).toBe(404);
  });

  test('filters are validated: an unknown status is a 400 naming the parameter', async () => {
    const res = await t.get('/api/v1/cases?status=new,lost', tokens[DEMO_PERSONAS.DSL]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('status');
  });
});

describe('"my reports" in chat', () => {
  test('lists the reporter’s own reports with their status and nothing from the case file', async () => {
    expect((await t.get(`/api/v1/cases/${incidentId}`, tokens[DEMO_PERSONAS.DSL])).status).toBe(200);
    const { replies } = await postActivity(t.base, activity({ text: 'my reports', from: STAFF }));
    const card = cardsOf(replies)[0];
    expect(adaptiveCardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/INC-\d{4}-\d{4}/);
    expect(text).toContain('A friend or follow request from a pupil: read by a safeguarding lead');
    expect(text).not.toContain('Riley');
  });
});

describe('two safeguarding leads opening a new case at the same moment', () => {
  test('both see it, it is marked read once, and the reporter is told once', async () => {
    const form = friendRequestForm();
    await executeAction(t.base, REPORT_SUBMIT_VERB, form, { from: STAFF });
    const id = `incident-${form.draftId}`;
    // Called side by side in one process, the two opens interleave at every await, so both read
    // the case as new and race to mark it read. (Over HTTP the requests rarely overlap.)
    const services = t.app.services;
    const [lead, deputy] = await Promise.all(
      [DEMO_PERSONAS.DSL, 'person-oak-deputy-dsl'].map((p) => services.store.people.require(p)),
    );
    const [a, b] = await Promise.all([
      openCase(services, principalFor(lead!), id),
      openCase(services, principalFor(deputy!), id),
    ]);
    expect([a.status, b.status]).toEqual(['read', 'read']);
    const receipts = (await t.app.services.store.outbox.listAll({ where: { topic: 'report.read' } })).filter(
      (o) => o.payload.incidentId === id,
    );
    expect(receipts).toHaveLength(1);
    const entries = await t.app.services.store.incidentEntries.listAll({ where: { incidentId: id } });
    expect(entries.filter((e) => e.kind === 'status')).toHaveLength(1);
  });
});
