import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoData } from '../../src/seed/seed.ts';
import { openSqliteAdapter } from '../../src/store/sqlite/sqlite-store.ts';
import { createStore } from '../../src/store/store.ts';

describe('demo data seeding', () => {
  test('the first start seeds the trust, two schools, staff, training and the policy; later starts add nothing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'smph-seed-')), 'app.db');
    const store = createStore(openSqliteAdapter({ path }));
    const first = await seedDemoData(store);
    expect(first.created).toBeGreaterThan(100);
    expect(await store.schools.listAll()).toHaveLength(2);
    const people = await store.people.listAll();
    const training = await store.trainingRecords.listAll();
    expect(await store.policyVersions.listAll()).toHaveLength(2);
    await store.close();

    const reopened = createStore(openSqliteAdapter({ path }));
    expect(await seedDemoData(reopened)).toEqual({ created: 0 });
    expect(await reopened.people.listAll()).toEqual(people);
    expect(await reopened.trainingRecords.listAll()).toEqual(training);
    const seedings = await reopened.audit.listAll({ where: { actorId: 'system' } });
    expect(seedings.map((a) => a.action)).toEqual(['demo-data.seeded']);
    await reopened.close();
  });
});
