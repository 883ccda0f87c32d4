import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { openSqliteAdapter } from '../../src/store/sqlite/sqlite-store.ts';
import { createStore } from '../../src/store/store.ts';
import { startTestApp } from '../helpers/app.ts';
import { percentile, report } from './report.ts';

/**
 * npm run bench [-- --save]: store and HTTP figures beside the committed baseline.
 * Numbers, not assertions: read the ratio column, and save a new baseline deliberately.
 */

async function opsPerSecond(count: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) await op(i);
  return Math.round(count / ((performance.now() - start) / 1000));
}

const results: Record<string, number> = {};
const store = createStore(openSqliteAdapter({ path: join(mkdtempSync(join(tmpdir(), 'smph-bench-')), 'bench.db') }));
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
const ids: string[] = [];
results['sqlite create (ops/s)'] = await opsPerSecond(5000, async (i) =>
  ids.push((await store.people.create(person(i))).id),
);
results['sqlite get by id (ops/s)'] = await opsPerSecond(5000, (i) => store.people.get(ids[i]!));
results['sqlite list 100, filtered (ops/s)'] = await opsPerSecond(500, () =>
  store.people.list({ where: { schoolId: 'school-a', department: 'Maths' }, limit: 100 }),
);
results['sqlite listAll 5000 (ops/s)'] = await opsPerSecond(20, () => store.people.listAll());
results['sqlite update (ops/s)'] = await opsPerSecond(2000, async (i) => {
  const current = await store.people.require(ids[i]!);
  await store.people.update(current, { jobTitle: 'Head of year' });
});
await store.close();

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
