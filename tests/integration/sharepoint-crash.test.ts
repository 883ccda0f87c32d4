import { jest } from '@jest/globals';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { provisionSite } from '../../src/store/sharepoint/provision.ts';
import { COMMITS_LIST } from '../../src/store/sharepoint/lists.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';
import { startGraphServer, type GraphServer } from '../helpers/graph-server.ts';
import { teamsUser } from '../helpers/personas.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { graphClientFor, mortalSharePointStore, serverSharePointStore } from '../helpers/sharepoint.ts';
import { reportersWithEntraIds } from '../helpers/reporters.ts';
import { replayPendingReports } from '../../src/incidents/pending-reports.ts';

/**
 * Two instances on one SharePoint site. The first dies (nothing more it sends reaches Graph, as
 * after kill -9) at each step of saving a report in turn, while Graph throttles the outbox list so
 * the commit's parts go over several requests; the member of staff, hearing nothing, presses Send
 * again and reaches the second instance. Every time, the report ends up whole: the case, its
 * report text, its audit entry and an alert for each safeguarding lead, each once.
 */
jest.setTimeout(300_000);
const JORDAN = teamsUser('Staff');
let graph: GraphServer;
let survivor: TestApp;

beforeAll(async () => {
  graph = await startGraphServer();
  await provisionSite(graphClientFor(graph), graph.siteId);
  survivor = await startTestApp({}, { store: serverSharePointStore(graph) });
});
afterAll(async () => {
  await survivor.stop();
  await graph.close();
});

const send = (app: TestApp, form: ReturnType<typeof friendRequestForm>) =>
  executeAction(app.base, REPORT_SUBMIT_VERB, form, { from: JORDAN }).then((res) => cardText(res.body.value));

async function until(ready: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The outbox list is throttled once, so a report's alerts wait for Retry-After after the rest is written. */
const throttleOutbox = () =>
  graph.faults.push({
    fault: { kind: 'throttle', retryAfterSeconds: 1 },
    when: (method, path) => method === 'POST' && path.includes('SMPH%20outbox/items'),
    times: 1,
  });

/** Everything one saved report consists of, as the surviving instance reads it. */
async function partsOf(draftId: string) {
  const { store } = survivor.app.services;
  const id = `incident-${draftId}`;
  const incident = await store.incidents.get(id);
  const entries = await store.incidentEntries.listAll({ where: { incidentId: id } });
  const audit = await store.audit.listAll({ where: { targetId: id } });
  const alerts = (await store.outbox.listAll({ where: { topic: 'incident.alert' } })).filter(
    (m) => m.payload.incidentId === id,
  );
  return { incident, entries, audit, alerts };
}

test('a report is whole, once, whichever step of saving it the instance died at', async () => {
  // How many requests one report costs here, from the first read to the journal's removal.
  const probe = mortalSharePointStore(graph);
  const healthy = await startTestApp({}, { store: probe.store });
  throttleOutbox();
  const before = probe.sent;
  expect(await send(healthy, friendRequestForm())).toMatch(/Report saved: /);
  const steps = probe.sent - before;
  await healthy.stop();
  expect(steps).toBeGreaterThan(3);

  const references = new Set<string>();
  for (let step = 0; step <= steps; step++) {
    const mortal = mortalSharePointStore(graph);
    const doomed = await startTestApp({}, { store: mortal.store });
    const form = friendRequestForm();
    throttleOutbox();
    mortal.dieAfter(step);
    const unanswered = send(doomed, form).catch(() => 'no answer');
    await until(() => mortal.dead);

    // Teams shows no answer, so Jordan presses Send again; this time it reaches the other instance.
    expect(await send(survivor, form)).toMatch(/Report saved: /);
    const { incident, entries, audit, alerts } = await partsOf(form.draftId);
    expect(incident).toBeDefined();
    expect(entries.filter((e) => e.kind === 'report').map((e) => e.text)).toEqual([form.description]);
    const reported = audit.filter((a) => a.action === 'incident.reported');
    expect(reported).toHaveLength(1);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts).toHaveLength(Number(reported[0]!.detail?.recipients));
    expect(references.has(incident!.reference)).toBe(false);
    references.add(incident!.reference);

    mortal.bury();
    await unanswered;
    await doomed.stop().catch(() => undefined);
  }

  // Nothing is left half-made: every commit a dead instance began was finished or put back.
  await survivor.app.services.store.finishInterrupted();
  expect(graph.listByName(COMMITS_LIST)!.items.size).toBe(0);
  const ids = [...graph.listByName('SMPH incidents')!.items.values()].map((i) => String(i.fields.RecordId));
  expect(new Set(ids).size).toBe(ids.length);
});

test('an instance that restarts during a Graph outage still takes a report from someone it has never seen, and saves it under their name when Graph is back', async () => {
  const [reporter] = await reportersWithEntraIds(survivor.app.services.store, 1);
  const restarted = await startTestApp({}, { store: serverSharePointStore(graph) });
  try {
    graph.outage(10 * 60_000);
    const form = friendRequestForm();
    const { status, body } = await executeAction(restarted.base, REPORT_SUBMIT_VERB, form, { from: reporter });
    expect(status).toBe(200);
    expect(cardText(body.value)).toContain('Report saved, syncing');

    graph.endOutage();
    expect(await replayPendingReports(restarted.app.services)).toBe(1);
    const incident = await survivor.app.services.store.incidents.get(`incident-${form.draftId}`);
    const person = (
      await survivor.app.services.store.people.listAll({ where: { aadObjectId: reporter!.aadObjectId } })
    )[0];
    expect(incident?.reporterId).toBe(person!.id);
  } finally {
    graph.endOutage();
    await restarted.stop();
  }
});

test('a safeguarding lead who opens a case whose saving was cut short reads it whole, description and all', async () => {
  const mortal = mortalSharePointStore(graph);
  const doomed = await startTestApp({}, { store: mortal.store });
  // The report's text is throttled inside the batch, and the instance dies while it waits.
  graph.faults.push({
    fault: { kind: 'throttle', retryAfterSeconds: 1 },
    when: (method, path) => method === 'POST' && path.includes('SMPH%20incidentEntries/items'),
    times: 1,
  });
  mortal.dieAfterRequestTo((url) => url.includes('$batch'));
  const form = friendRequestForm();
  const unanswered = send(doomed, form).catch(() => 'no answer');
  await until(() => mortal.dead);
  const id = `incident-${form.draftId}`;
  expect(graph.listByName('SMPH incidents')!.items.size).toBeGreaterThan(0);
  expect([...graph.listByName('SMPH incidents')!.items.values()].some((i) => i.fields.RecordId === id)).toBe(true);

  const token = await survivor.signIn(DEMO_PERSONAS.DSL);
  const res = await survivor.get(`/api/v1/cases/${id}`, token);
  expect(res.status).toBe(200);
  const text = JSON.stringify(await res.json());
  expect(text).toContain(form.description);

  mortal.bury();
  await unanswered;
  await doomed.stop().catch(() => undefined);
});
