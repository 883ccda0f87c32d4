import { teamsUser } from '../helpers/personas.ts';
import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { replayPendingReports } from '../../src/incidents/pending-reports.ts';
import { provisionSite } from '../../src/store/sharepoint/provision.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';
import { startGraphServer, type GraphServer } from '../helpers/graph-server.ts';
import { graphClientFor, serverSharePointStore } from '../helpers/sharepoint.ts';

/**
 * The whole app on SharePoint through the local Graph stand-in, reports sent through the bot
 * while Graph throttles hard and then goes away. Every report the member of staff was told is
 * saved ends up in the incidents list exactly once.
 *
 * In `npm test` the outage ends as soon as the reports sent during it are checked; the real-time
 * run (`npm run test:faults`, in CI) keeps Graph away for a whole minute, as a real outage would.
 */
const OUTAGE_SECONDS = Number(process.env.FAULT_OUTAGE_SECONDS ?? 0);
jest.setTimeout(180_000);
const JORDAN = teamsUser('Staff');
let graph: GraphServer;
let app: TestApp;

beforeAll(async () => {
  graph = await startGraphServer();
  await provisionSite(graphClientFor(graph), graph.siteId);
  app = await startTestApp({}, { store: serverSharePointStore(graph) });
});
afterAll(async () => {
  await app.stop();
  await graph.close();
});

const submit = async (draftId: string) => {
  const res = await executeAction(app.base, REPORT_SUBMIT_VERB, friendRequestForm(draftId), { from: JORDAN });
  return cardText(res.body.value);
};
const incidentsInSharePoint = () =>
  [...graph.listByName('SMPH incidents')!.items.values()].map((i) => String(i.fields.RecordId));

test(`under a 429 storm and ${OUTAGE_SECONDS ? `a ${OUTAGE_SECONDS}-second` : 'an'} outage no report is lost or made twice, and the waiting ones go through when Graph is back`, async () => {
  // The bot has seen Jordan before, as it would have in normal use.
  expect(await submit(randomUUID())).toMatch(/Report saved: /);

  // A storm of throttling: every request is told to wait at first, and the retries get through.
  graph.faults.push({ fault: { kind: 'throttle', retryAfterSeconds: 1 }, times: 12 });
  const storm = Array.from({ length: 3 }, () => randomUUID());
  const stormCards = await Promise.all(storm.map(submit));
  for (const card of stormCards) expect(card).toMatch(/Report saved: |Report saved, syncing/);

  // Graph goes away. Each report is kept on the server's disk and the person told so.
  graph.outage(OUTAGE_SECONDS ? OUTAGE_SECONDS * 1000 : 10 * 60_000);
  const outageStarted = Date.now();
  const during = Array.from({ length: 4 }, () => randomUUID());
  const cards = await Promise.all(during.map(submit));
  for (const card of cards) expect(card).toContain('Report saved, syncing');
  // The same form sent again while Graph is away is kept once.
  expect(await submit(during[0]!)).toContain('Report saved, syncing');
  const waiting = app.app.services.pendingReports!.all().map((p) => p.draftId);
  expect(waiting).toEqual(expect.arrayContaining(during));

  // Trying while Graph is still away saves nothing and keeps them all.
  expect(await replayPendingReports(app.app.services)).toBe(0);
  expect(app.app.services.pendingReports!.all().length).toBe(waiting.length);

  if (OUTAGE_SECONDS) {
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, OUTAGE_SECONDS * 1000 - (Date.now() - outageStarted)) + 500),
    );
  } else {
    graph.endOutage();
  }
  // The server's own timer may have sent some on already; either way, none is left waiting.
  await replayPendingReports(app.app.services);
  expect(app.app.services.pendingReports!.all()).toEqual([]);

  const ids = incidentsInSharePoint();
  for (const draftId of [...storm, ...during]) {
    expect(ids.filter((id) => id === `incident-${draftId}`)).toHaveLength(1);
  }
  expect(new Set(ids).size).toBe(ids.length);
  const references = [...graph.listByName('SMPH incidents')!.items.values()].map(
    (i) => JSON.parse(String(i.fields.RecordJson)).reference,
  );
  expect(new Set(references).size).toBe(references.length);

  // Sending the same form once more, now Graph is back, finds the report already saved.
  expect(await submit(during[1]!)).toMatch(/Report saved: /);
  expect(incidentsInSharePoint()).toHaveLength(ids.length);
});
