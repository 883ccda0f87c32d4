import type { KindName } from './kinds.ts';
import type { ListOptions, Page, StoreAdapter, StoredRow } from './store.ts';

/**
 * A short-lived read cache in front of a remote adapter, for the kinds that change rarely and
 * are read on almost every action: the directory, schools, courses, the policy, who has read it,
 * training records and chat references. Every write through this process drops that kind's
 * entries first, so this instance always reads its own writes; another instance's change shows
 * within `ttlMs`. An update made from a stale read is still refused by its ETag, never lost.
 */
export interface ReadCacheOptions {
  kinds: readonly KindName[];
  ttlMs: number;
  now?: () => number;
}

/** The kinds worth caching: read on most actions, written seldom, and safe to see a minute late. */
export const SLOW_CHANGING_KINDS: readonly KindName[] = [
  'trusts',
  'schools',
  'people',
  'courses',
  'policyDocuments',
  'policyVersions',
  'policyPointers',
  'conversationRefs',
  'acknowledgements',
  'trainingRecords',
];

export function withReadCache(adapter: StoreAdapter, options: ReadCacheOptions): StoreAdapter {
  const now = options.now ?? Date.now;
  const cached = new Set(options.kinds);
  const entries = new Map<KindName, Map<string, { until: number; value: unknown }>>();

  async function remember<T>(kind: KindName, key: string, load: () => Promise<T>): Promise<T> {
    if (!cached.has(kind) || options.ttlMs <= 0) return load();
    let forKind = entries.get(kind);
    const hit = forKind?.get(key);
    // Callers get their own copy, so nothing they do to a record can change what others read.
    if (hit && hit.until > now()) return structuredClone(hit.value) as T;
    const value = await load();
    // A record that is not there yet is not remembered: it may be created any moment.
    if (value !== undefined) {
      if (!forKind) entries.set(kind, (forKind = new Map()));
      forKind.set(key, { until: now() + options.ttlMs, value: structuredClone(value) });
    }
    return value;
  }

  const forget = (kinds: Iterable<KindName>) => {
    for (const kind of kinds) entries.delete(kind);
  };

  return {
    ...adapter,
    get: (kind, id) => remember(kind, `get:${id}`, () => adapter.get(kind, id)),
    list: (kind, listOptions: ListOptions<KindName>) =>
      remember<Page<StoredRow>>(kind, `list:${JSON.stringify(listOptions)}`, () => adapter.list(kind, listOptions)),
    async apply(writes) {
      const kinds = new Set(writes.map((w) => w.kind));
      forget(kinds);
      try {
        return await adapter.apply(writes);
      } finally {
        // Reads that raced the write may have cached the old version; drop those too.
        forget(kinds);
      }
    },
  };
}
