import { teamsUser } from '../helpers/personas.ts';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { chaseUnread } from '../../src/incidents/chase-unread.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { executeAction } from '../helpers/bot.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

const STAFF = teamsUser('Staff');

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.stop();
});

async function report(extra: Record<string, string> = {}) {
  const form = { ...friendRequestForm(), ...extra };
  await executeAction(t.base, REPORT_SUBMIT_VERB, form, { from: STAFF });
  const incident = await t.app.services.store.incidents.require(`incident-${form.draftId}`);
  return incident;
}

/** Runs the chase as if it were `minutes` after the report was made. */
function chaseAt(reportedAt: string, minutes: number) {
  const services = { ...t.app.services, now: () => new Date(Date.parse(reportedAt) + minutes * 60_000) };
  return chaseUnread(services);
}

const escalationAlerts = async (incidentId: string) =>
  (await t.app.services.store.outbox.listAll({ where: { topic: 'incident.alert' } }))
    .filter((o) => o.payload.incidentId === incidentId && o.payload.escalation)
    .map((o) => `${String(o.payload.escalation)}:${String(o.payload.recipientId)}`)
    .sort();

describe('chasing unread reports', () => {
  test('an unread report is chased: all safeguarding leads after 2 hours, the headteacher after 8, each step once', async () => {
    const incident = await report();
    expect(await chaseAt(incident.createdAt, 60)).toBe(0);
    expect(await escalationAlerts(incident.id)).toEqual([]);

    expect(await chaseAt(incident.createdAt, 121)).toBeGreaterThanOrEqual(1);
    expect(await escalationAlerts(incident.id)).toEqual([
      `deputies:${DEMO_PERSONAS.DSL}`,
      'deputies:person-oak-deputy-dsl',
    ]);
    await chaseAt(incident.createdAt, 122);
    expect(await escalationAlerts(incident.id)).toHaveLength(2);

    await chaseAt(incident.createdAt, 481);
    expect(await escalationAlerts(incident.id)).toContain('headteacher:person-oak-head');
    const audit = await t.app.services.store.audit.listAll({ where: { targetId: incident.id } });
    expect(audit.filter((a) => a.action === 'incident.escalated').map((a) => a.detail?.stage)).toEqual([
      'deputies',
      'headteacher',
    ]);
  });

  test('a concern about an adult is chased along its own routing: the head, then the head and the chair; never its subject or the DSLs', async () => {
    const incident = await report({
      type: 'adult-conduct',
      subject: 'person-oak-deputy-dsl',
      description: 'A colleague messaged a pupil from a personal account.',
    });
    await chaseAt(incident.createdAt, 121);
    expect(await escalationAlerts(incident.id)).toEqual(['deputies:person-oak-head']);
    await chaseAt(incident.createdAt, 481);
    expect(await escalationAlerts(incident.id)).toEqual([
      'deputies:person-oak-head',
      'headteacher:person-oak-chair',
      'headteacher:person-oak-head',
    ]);
  });

  test('a concern about the headteacher is chased to the chair of governors at both steps, never to the head', async () => {
    const incident = await report({
      type: 'adult-conduct',
      subject: 'person-oak-head',
      description: 'The head shared pupils’ photos on a personal account.',
    });
    await chaseAt(incident.createdAt, 121);
    await chaseAt(incident.createdAt, 481);
    expect(await escalationAlerts(incident.id)).toEqual(['deputies:person-oak-chair', 'headteacher:person-oak-chair']);
  });

  test('an urgent report is chased within minutes', async () => {
    const incident = await report({ immediateRisk: 'yes' });
    await chaseAt(incident.createdAt, 16);
    expect(await escalationAlerts(incident.id)).toHaveLength(2);
  });

  test('once a DSL has opened the report, nothing more is sent', async () => {
    const incident = await report();
    await t.get(`/api/v1/cases/${incident.id}`, await t.signIn(DEMO_PERSONAS.DSL));
    await chaseAt(incident.createdAt, 600);
    expect(await escalationAlerts(incident.id)).toEqual([]);
  });

  test('senior leaders set their school’s own intervals, which the chase then follows; nobody else can', async () => {
    const put = async (personId: string, body: unknown) =>
      fetch(`${t.base}/api/v1/schools/school-oakfield/escalation`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.signIn(personId)}` },
        body: JSON.stringify(body),
      });
    const settings = {
      deputiesAfterMinutes: 30,
      headteacherAfterMinutes: 90,
      urgentDeputiesAfterMinutes: 5,
      urgentHeadteacherAfterMinutes: 10,
    };
    expect((await put(DEMO_PERSONAS.DSL, settings)).status).toBe(403);
    expect((await put('person-river-head', settings)).status).toBe(403);
    const backwards = await put(DEMO_PERSONAS.SLT, { ...settings, headteacherAfterMinutes: 20 });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(await backwards.json())).toContain('headteacherAfterMinutes');
    expect((await put(DEMO_PERSONAS.SLT, settings)).status).toBe(200);
    const read = await t.get('/api/v1/schools/school-oakfield/escalation', await t.signIn(DEMO_PERSONAS.SLT));
    expect(await read.json()).toEqual(settings);

    const incident = await report();
    await chaseAt(incident.createdAt, 29);
    expect(await escalationAlerts(incident.id)).toEqual([]);
    await chaseAt(incident.createdAt, 31);
    expect(await escalationAlerts(incident.id)).toHaveLength(2);
    await chaseAt(incident.createdAt, 91);
    expect(await escalationAlerts(incident.id)).toContain('headteacher:person-oak-head');
    const audit = await t.app.services.store.audit.listAll({ where: { targetId: 'school-oakfield' } });
    expect(audit.map((a) => a.action)).toContain('school.escalation.changed');
  });
});
