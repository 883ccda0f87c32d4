import { teamsUser } from '../helpers/personas.ts';
import { jest } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { provisionSite } from '../../src/store/sharepoint/provision.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startGraphServer, type GraphServer } from '../helpers/graph-server.ts';
import { graphClientFor, serverSharePointStore } from '../helpers/sharepoint.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { sayThroughConnector, startConnector, type Connector } from '../helpers/connector.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';
import { reportersWithEntraIds } from '../helpers/reporters.ts';
import { replayPendingReports } from '../../src/incidents/pending-reports.ts';

/**
 * App Service scales out: two server instances on one database, each with its own outbox
 * dispatcher, on SQLite (one file) and on SharePoint (the local Graph stand-in). Every message is
 * claimed under its ETag before it is sent, so each goes once.
 */
jest.setTimeout(120_000);
const DSL = teamsUser('DSL');
const DSL_CHAT = 'a:dsl-two-instances';
const REPORTS = 50;

describe.each(['SQLite', 'SharePoint'] as const)('two instances on one %s store', (kind) => {
  let one: TestApp;
  let two: TestApp;
  let connector: Connector;
  let graph: GraphServer | undefined;
  /** Ten colleagues report five each, within the per-person limit on reports. */
  let reporters: { id: string; name: string; aadObjectId: string }[] = [];
  beforeAll(async () => {
    // The second instance starts once the first has given the reporters their Entra ids, since
    // each SharePoint instance keeps the directory for a minute.
    let startSecond: () => Promise<TestApp>;
    if (kind === 'SQLite') {
      const shared = { SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'smph-two-')), 'app.db') };
      one = await startTestApp(shared);
      startSecond = () => startTestApp(shared);
    } else {
      const stand = await startGraphServer();
      graph = stand;
      await provisionSite(graphClientFor(stand), stand.siteId);
      one = await startTestApp({}, { store: serverSharePointStore(stand) });
      startSecond = () => startTestApp({}, { store: serverSharePointStore(stand) });
    }
    connector = await startConnector();
    const { store } = one.app.services;
    reporters = await reportersWithEntraIds(store, 10);
    await sayThroughConnector({ app: one, connector }, DSL, 'hi', { id: DSL_CHAT, conversationType: 'personal' });
    two = await startSecond();
  });
  afterAll(async () => {
    await one.stop();
    await two.stop();
    await connector.close();
    await graph?.close();
  });

  const alertsToDsl = () =>
    connector.received
      .filter((r) => r.method === 'POST' && r.path.startsWith(`/v3/conversations/${DSL_CHAT}/activities`))
      .map((r) => /INC-\d{4}-\d{4}/.exec(JSON.stringify(r.body))?.[0])
      .filter((ref): ref is string => ref !== undefined);

  test('50 reports through both: every alert sent once, none lost', async () => {
    const drafts: string[] = [];
    await Promise.all(
      Array.from({ length: REPORTS }, async (_, i) => {
        const form = friendRequestForm();
        const { body } = await executeAction((i % 2 ? two : one).base, REPORT_SUBMIT_VERB, form, {
          from: reporters[i % reporters.length],
        });
        // Saved with its reference, or (when the race for references outlasts its budget on a busy
        // machine) kept on the server and its reporter told so: never "not saved".
        const text = cardText(body.value);
        if (!/Report saved: INC-\d{4}-\d{4}|Report saved, syncing/.test(text))
          throw new Error(`report ${i} was not kept: ${text}`);
        drafts.push(form.draftId);
      }),
    );
    // Reports kept for the rush are filed by each instance's replay, as its timer would.
    for (const app of [one, two]) await replayPendingReports(app.app.services);
    const references = await Promise.all(
      drafts.map(async (draftId) => (await one.app.services.store.incidents.require(`incident-${draftId}`)).reference),
    );
    // Both dispatchers work through the same outbox at once, as after a scale-out.
    const deadline = Date.now() + 60_000;
    while (new Set(alertsToDsl()).size < REPORTS && Date.now() < deadline) {
      for (const app of [one, two]) app.app.services.outbox.kick();
      await Promise.all([one, two].map((app) => app.app.dispatcher.idle()));
    }
    for (const app of [one, two]) app.app.services.outbox.kick();
    await Promise.all([one, two].map((app) => app.app.dispatcher.idle()));

    const sent = alertsToDsl();
    expect(new Set(sent)).toEqual(new Set(references));
    const twice = sent.filter((ref, i) => sent.indexOf(ref) !== i);
    expect(twice).toEqual([]);
  });
});
