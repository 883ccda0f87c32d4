import { withReadCache } from '../../src/store/read-cache.ts';
import type { StoreAdapter, StoredRow } from '../../src/store/store.ts';

/** A counting stand-in for a remote adapter: only what the cache's rules need. */
function countingAdapter() {
  const rows = new Map<string, StoredRow>();
  const calls = { get: 0, list: 0 };
  const adapter: StoreAdapter = {
    name: 'sharepoint',
    async get(_kind, id) {
      calls.get++;
      return rows.get(id);
    },
    async list() {
      calls.list++;
      return { items: [...rows.values()] };
    },
    async apply(writes) {
      for (const w of writes) rows.set(w.row.id, { ...w.row, etag: `${Number(rows.get(w.row.id)?.etag ?? 0) + 1}` });
      return writes.map((w) => rows.get(w.row.id)!);
    },
    putFile: async () => undefined,
    getFile: async () => undefined,
    ping: async () => undefined,
    close: async () => undefined,
  };
  return { adapter, calls, rows };
}

const row = (id: string, name: string): StoredRow => ({ id, etag: '', createdAt: 't', updatedAt: 't', name });

test('reads of slow-changing kinds are served from memory until the time is up', async () => {
  let clock = 0;
  const { adapter, calls } = countingAdapter();
  const cached = withReadCache(adapter, { kinds: ['people'], ttlMs: 60_000, now: () => clock });
  await cached.apply([{ op: 'create', kind: 'people', row: row('p1', 'Ada') }]);
  await cached.get('people', 'p1');
  await cached.get('people', 'p1');
  await cached.list('people', {});
  await cached.list('people', {});
  expect(calls).toEqual({ get: 1, list: 1 });
  clock = 60_001;
  await cached.get('people', 'p1');
  expect(calls.get).toBe(2);
  // Kinds not named are never cached.
  await cached.get('incidents', 'i1');
  await cached.get('incidents', 'i1');
  expect(calls.get).toBe(4);
});

test('a write through this process is read back at once, and callers cannot change what others read', async () => {
  const { adapter } = countingAdapter();
  const cached = withReadCache(adapter, { kinds: ['people'], ttlMs: 60_000 });
  await cached.apply([{ op: 'create', kind: 'people', row: row('p1', 'Ada') }]);
  const first = (await cached.get('people', 'p1'))!;
  first.name = 'changed by a caller';
  expect((await cached.get('people', 'p1'))!.name).toBe('Ada');
  await cached.apply([
    { op: 'update', kind: 'people', row: row('p1', 'Ada Lovelace'), expectedEtag: '1', previous: row('p1', 'Ada') },
  ]);
  expect((await cached.get('people', 'p1'))!.name).toBe('Ada Lovelace');
  expect((await cached.list('people', {})).items.map((r) => r.name)).toEqual(['Ada Lovelace']);
});

test('a record not found is not remembered, so one created elsewhere is seen on the next read', async () => {
  const { adapter, rows } = countingAdapter();
  const cached = withReadCache(adapter, { kinds: ['people'], ttlMs: 60_000 });
  expect(await cached.get('people', 'p2')).toBeUndefined();
  rows.set('p2', row('p2', 'Grace'));
  expect((await cached.get('people', 'p2'))!.name).toBe('Grace');
});
