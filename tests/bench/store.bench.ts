import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { openSqliteAdapter } from '../../src/store/sqlite/sqlite-store.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { provisionSite } from '../../src/store/sharepoint/provision.ts';
import { startGraphServer } from '../helpers/graph-server.ts';
import { graphClientFor, sharePointAdapterFor } from '../helpers/sharepoint.ts';
import { startTestApp } from '../helpers/app.ts';
import { percentile, report } from './report.ts';

/**
 * npm run bench:store [-- --save]: the store on SQLite and on SharePoint through the local Graph
 * stand-in (operations per second, Graph requests per operation), and HTTP figures, beside the baseline.
 * Numbers, not assertions: read the ratio column, and save a new baseline deliberately.
 */

async function opsPerSecond(count: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) await op(i);
  return Math.round(count / ((performance.now() - start) / 1000));
}

const results: Record<string, number> = {};
const person = (i: number) => ({
  trustId: 't',
  schoolId: i % 2 ? 'school-a' : 'school-b',
  upn: `bench${i}@example.sch.uk`,
  displayName: `Bench Person${i}`,
  givenName: 'Bench',
  surname: `Person${i}`,
  department: ['Maths', 'English', 'Science'][i % 3]!,
  jobTitle: 'Teacher',
  staffType: 'teacher' as const,
  roles: [{ role: 'Staff' as const, schoolId: 'school-a' }],
  startedOn: '2024-09-01',
  active: true,
});

/**
 * The main store operations, the same for each adapter; with a request counter, also how many
 * Graph requests each one costs. SharePoint runs fewer of each, as every one is an HTTPS round trip.
 */
async function measure(label: string, store: Store, size: number, requests?: () => number) {
  const ids: string[] = [];
  const timed = async (name: string, count: number, op: (i: number) => Promise<unknown>) => {
    const before = requests?.() ?? 0;
    results[`${label} ${name} (ops/s)`] = await opsPerSecond(count, op);
    if (requests) results[`${label} ${name} (Graph requests/op)`] = Number(((requests() - before) / count).toFixed(2));
  };
  await timed('create', size, async (i) => ids.push((await store.people.create(person(i))).id));
  await timed('get by id', size, (i) => store.people.get(ids[i]!));
  await timed('list 100, filtered', Math.max(20, size / 10), () =>
    store.people.list({ where: { schoolId: 'school-a', department: 'Maths' }, limit: 100 }),
  );
  await timed(`listAll ${size}`, 5, () => store.people.listAll());
  await timed('update', Math.min(size, 2000), async (i) => {
    const current = await store.people.require(ids[i]!);
    await store.people.update(current, { jobTitle: 'Head of year' });
  });
  await timed('commit of 3 writes', 50, (i) =>
    store.commit((uow) => {
      uow.create('people', person(100_000 + i));
      uow.append('audit', {
        at: new Date().toISOString(),
        actorId: 'a',
        action: 'bench',
        targetKind: 'people',
        targetId: ids[i]!,
      });
      uow.append('audit', {
        at: new Date().toISOString(),
        actorId: 'a',
        action: 'bench',
        targetKind: 'people',
        targetId: ids[i]!,
      });
    }),
  );
  await store.close();
}

await measure(
  'sqlite',
  createStore(openSqliteAdapter({ path: join(mkdtempSync(join(tmpdir(), 'smph-bench-')), 'bench.db') })),
  5000,
);

const graph = await startGraphServer();
await provisionSite(graphClientFor(graph), graph.siteId);
await measure('sharepoint (local Graph)', createStore(sharePointAdapterFor(graph)), 1000, () => graph.requestCount());
await graph.close();

const app = await startTestApp({ LOG_LEVEL: 'silent' });
const token = await app.signIn(DEMO_PERSONAS.Staff);
const latencies: number[] = [];
for (let i = 0; i < 500; i++) {
  const start = performance.now();
  await (await app.get('/api/v1/me', token)).arrayBuffer();
  latencies.push(performance.now() - start);
}
results['GET /api/v1/me p50 (ms)'] = percentile(latencies, 50);
results['GET /api/v1/me p95 (ms)'] = percentile(latencies, 95);
await app.stop();

report(results);
