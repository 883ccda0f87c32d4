import { teamsUser } from '../helpers/personas.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { provisionSite } from '../../src/store/sharepoint/provision.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { executeAction } from '../helpers/bot.ts';
import { sayThroughConnector, startConnector } from '../helpers/connector.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';
import { reportersWithEntraIds } from '../helpers/reporters.ts';
import { startGraphServer } from '../helpers/graph-server.ts';
import { graphClientFor, serverSharePointStore } from '../helpers/sharepoint.ts';
import { percentile, report } from './report.ts';

/**
 * npm run bench:alerts [-- --save]: 50 reports sent at once through a Bot Connector that takes
 * 300 ms to answer, and for each the time from "saved" (the incident's own timestamp) to the
 * DSL's alert reaching the connector, and to the reporter's card saying the alert reached them,
 * on SQLite and on SharePoint through the local Graph stand-in. Numbers beside the baseline, not
 * assertions.
 */
const REPORTS = 50;
const DSL = teamsUser('DSL');
const results: Record<string, number> = {};

async function run(label: string, app: TestApp): Promise<void> {
  const connector = await startConnector();
  try {
    await sayThroughConnector({ app, connector }, DSL, 'hi', { id: 'a:dsl-bench', conversationType: 'personal' });
    const { store } = app.app.services;
    const reporters = await reportersWithEntraIds(store, 10);
    const chatOf = (i: number) => ({ id: `a:reporter-${i}`, conversationType: 'personal' });
    for (const [i, reporter] of reporters.entries())
      await sayThroughConnector({ app, connector }, reporter, 'hi', chatOf(i));
    connector.setDelay(300);
    const drafts = Array.from({ length: REPORTS }, () => friendRequestForm());
    await Promise.all(
      drafts.map((form, i) =>
        executeAction(app.base, REPORT_SUBMIT_VERB, form, {
          from: reporters[i % reporters.length],
          conversation: chatOf(i % reporters.length),
          serviceUrl: connector.url,
          replyToId: `card-${i}`,
        }),
      ),
    );
    const incidents = await Promise.all(drafts.map((d) => store.incidents.get(`incident-${d.draftId}`)));
    const deadline = Date.now() + 60_000;
    const arrivals = () =>
      incidents.map(
        (incident) =>
          incident &&
          connector.received.find(
            (r) =>
              r.path.startsWith('/v3/conversations/a:dsl-bench/activities') &&
              JSON.stringify(r.body).includes(incident.reference),
          ),
      );
    while (arrivals().some((a) => !a) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const latencies = arrivals().flatMap((a, i) =>
      a && incidents[i] ? [a.at - Date.parse(incidents[i].createdAt)] : [],
    );
    results[`${label}: reports saved of ${REPORTS}`] = incidents.filter(Boolean).length;
    results[`${label}: saved to alert sent p50 (ms)`] = percentile(latencies, 50);
    results[`${label}: saved to alert sent p95 (ms)`] = percentile(latencies, 95);
    // The reporter's card changed to say the alert reached the leads: "alerted", told truthfully.
    const told = () =>
      drafts.map((_, i) =>
        connector.received.find(
          (r) =>
            r.method === 'PUT' &&
            r.path.endsWith(`/activities/card-${i}`) &&
            JSON.stringify(r.body).includes('the alert reached'),
        ),
      );
    while (told().some((t) => !t) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const toldLatencies = told().flatMap((t, i) =>
      t && incidents[i] ? [t.at - Date.parse(incidents[i].createdAt)] : [],
    );
    results[`${label}: reporters told 'alerted' of ${REPORTS}`] = toldLatencies.length;
    results[`${label}: saved to reporter told 'alerted' p50 (ms)`] = percentile(toldLatencies, 50);
    results[`${label}: saved to reporter told 'alerted' p95 (ms)`] = percentile(toldLatencies, 95);
  } finally {
    await connector.close();
  }
}

const sqlite = await startTestApp({ SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'smph-bench-')), 'app.db') });
try {
  await run('sqlite', sqlite);
} finally {
  await sqlite.stop();
}

const graph = await startGraphServer();
await provisionSite(graphClientFor(graph), graph.siteId);
const sharepoint = await startTestApp({}, { store: serverSharePointStore(graph) });
try {
  await run('sharepoint (local Graph)', sharepoint);
} finally {
  await sharepoint.stop();
  await graph.close();
}
report(results);
