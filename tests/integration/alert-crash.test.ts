import { jest } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { provisionSite } from '../../src/store/sharepoint/provision.ts';
import { openSqliteAdapter } from '../../src/store/sqlite/sqlite-store.ts';
import type { StoreAdapter } from '../../src/store/store.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { sayThroughConnector, startConnector, type Connector } from '../helpers/connector.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';
import { startGraphServer, type GraphServer } from '../helpers/graph-server.ts';
import { teamsUser } from '../helpers/personas.ts';
import { graphClientFor, mortalStore, sharePointAdapterFor, serverSharePointStore } from '../helpers/sharepoint.ts';

/**
 * The one resend the README allows, measured: an instance is killed in the moment after Teams
 * took a safeguarding alert and before the hub recorded it as sent. Until another instance sends
 * it again, the alert shows as waiting on Undelivered messages; it is sent again once, when its
 * claim lapses, and never a third time.
 */
jest.setTimeout(120_000);
const STAFF = teamsUser('Staff');
const DSL = teamsUser('DSL');
const DSL_CHAT = 'a:dsl-crash';

describe.each(['SQLite', 'SharePoint'] as const)(
  'an instance killed between sending an alert and recording it, on %s',
  (kind) => {
    let graph: GraphServer | undefined;
    let connector: Connector;
    let doomed: TestApp | undefined;
    let survivor: TestApp | undefined;
    let env: Record<string, string> = {};
    let adapter: () => StoreAdapter;
    let survivorStore: () => Parameters<typeof startTestApp>[1];

    beforeAll(async () => {
      connector = await startConnector();
      if (kind === 'SQLite') {
        const path = join(mkdtempSync(join(tmpdir(), 'smph-crash-')), 'app.db');
        env = { SQLITE_PATH: path };
        adapter = () => openSqliteAdapter({ path });
        survivorStore = () => ({});
      } else {
        const stand = await startGraphServer();
        graph = stand;
        await provisionSite(graphClientFor(stand), stand.siteId);
        adapter = () => sharePointAdapterFor(stand);
        survivorStore = () => ({ store: serverSharePointStore(stand) });
      }
    });
    let mortal: ReturnType<typeof mortalStore> | undefined;
    afterAll(async () => {
      mortal?.bury();
      await doomed?.stop().catch(() => undefined);
      await survivor?.stop();
      await connector.close();
      await graph?.close();
    });

    test('the alert waits in view, is sent again once after the lease, and not again', async () => {
      const dying = mortalStore(adapter());
      mortal = dying;
      doomed = await startTestApp(env, { store: dying.store });
      await sayThroughConnector({ app: doomed, connector }, DSL, 'hi', { id: DSL_CHAT, conversationType: 'personal' });
      const alertsOf = (reference: string) =>
        connector.received.filter(
          (r) =>
            r.method === 'POST' &&
            r.path.startsWith(`/v3/conversations/${DSL_CHAT}/activities`) &&
            JSON.stringify(r.body).includes(reference),
        );
      // The instance dies the moment Teams takes the alert, before it can record it.
      connector.onTake((r) => {
        if (r.path.startsWith(`/v3/conversations/${DSL_CHAT}/activities`) && JSON.stringify(r.body).includes('INC-'))
          dying.kill();
      });
      const { body } = await executeAction(doomed.base, REPORT_SUBMIT_VERB, friendRequestForm(), { from: STAFF });
      const reference = /INC-\d{4}-\d{4}/.exec(cardText(body.value))![0];
      await connector.waitFor((r) => alertsOf(reference).includes(r));
      connector.onTake(undefined);
      expect(alertsOf(reference)).toHaveLength(1);

      // Another instance, ninety seconds on: the claim has lapsed.
      survivor = await startTestApp(env, survivorStore());
      const { services, dispatcher } = survivor.app;
      const real = services.now;
      services.now = () => new Date(real().getTime() + 90_000);
      const token = await survivor.signIn(DEMO_PERSONAS.SLT);
      type Deliveries = { items: { kind: string; to: string }[] };
      const toLead = (page: Deliveries) =>
        page.items.filter((i) => i.kind === 'Alert about a report' && i.to === DSL.name);
      const waiting = (await (await survivor.get('/api/v1/deliveries', token)).json()) as Deliveries;
      expect(toLead(waiting)).toHaveLength(1);

      services.outbox.kick();
      await dispatcher.idle();
      expect(alertsOf(reference)).toHaveLength(2);

      // Recorded as sent now: later rounds leave it alone.
      services.now = () => new Date(real().getTime() + 60 * 60_000);
      services.outbox.kick();
      await dispatcher.idle();
      expect(alertsOf(reference)).toHaveLength(2);
      const after = (await (await survivor.get('/api/v1/deliveries', token)).json()) as Deliveries;
      expect(toLead(after)).toEqual([]);
    });
  },
);
