import { randomUUID } from 'node:crypto';
import {
  KINDS,
  KIND_NAMES,
  type AppendOnlyKind,
  type Data,
  type IndexedField,
  type KindName,
  type MutableKind,
  type Rec,
} from './kinds.ts';
import { NotFoundError, StoreError, StoreValidationError } from './errors.ts';

export type Scalar = string | number | boolean;
/** Equality, membership, or a closed range; every adapter can express these on an indexed column. */
export type Condition = Scalar | readonly Scalar[] | { gte?: Scalar; lte?: Scalar };
export type Where<K extends KindName> = Partial<Record<IndexedField<K>, Condition>>;

export interface ListOptions<K extends KindName> {
  where?: Where<K>;
  orderBy?: IndexedField<K> | 'createdAt';
  descending?: boolean;
  /** Page size; adapters clamp it to what they support. Ties in the order keep the order of writing. */
  limit?: number;
  /** Opaque token from a previous page. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** A record as an adapter holds it: the kind's data plus the store-owned fields. */
export type StoredRow = Record<string, unknown> & { id: string; etag: string; createdAt: string; updatedAt: string };

export type PlannedWrite =
  | { op: 'create'; kind: KindName; row: StoredRow }
  /** `previous` is the version the caller read, so an adapter without transactions can put it back. */
  | { op: 'update'; kind: KindName; row: StoredRow; expectedEtag: string; previous: StoredRow };

/** File content kept with a record, such as a screenshot attached to a report. */
export interface StoredFile {
  contentType: string;
  bytes: Uint8Array;
  /** Where a library-backed store files it, such as the case it is evidence for; not part of the content. */
  folder?: string;
}

/** Evidence is screenshots and documents, not video; larger files are refused before they are read in full. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const MAX_PAGE_SIZE = 5000;

/** Only indexed fields may be filtered or sorted on, in every adapter: SharePoint refuses the rest on large lists. */
export function checkIndexed(kind: KindName, field: string): void {
  if (field !== 'createdAt' && !(KINDS[kind].indexed as readonly string[]).includes(field)) {
    throw new StoreError(`${kind}.${field} is not indexed, so it cannot be filtered or sorted on`);
  }
}
export const DEFAULT_PAGE_SIZE = 100;

/**
 * The port each storage technology implements. It is deliberately small; the typed
 * Store below is shared code on top of it, so both adapters behave the same way.
 */
export interface StoreAdapter {
  readonly name: 'sqlite' | 'sharepoint';
  get(kind: KindName, id: string): Promise<StoredRow | undefined>;
  list(kind: KindName, options: ListOptions<KindName>): Promise<Page<StoredRow>>;
  /**
   * Applies every write or none. A stale `expectedEtag` raises ConflictError, an existing id
   * on create raises DuplicateError. Returns the rows as stored, with their new etags.
   */
  apply(writes: PlannedWrite[]): Promise<StoredRow[]>;
  /** Files are write-once: an existing id raises DuplicateError. */
  putFile(id: string, file: StoredFile): Promise<void>;
  getFile(id: string): Promise<StoredFile | undefined>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Finishes commits that an instance began and did not live to end (or puts back what they made,
   * if they cannot be finished), among those begun at least `olderThanMs` ago. Only for stores
   * whose commits are not transactions.
   */
  finishInterrupted?(olderThanMs: number): Promise<{ finished: number; undone: number }>;
}

export interface Collection<K extends KindName> {
  get(id: string): Promise<Rec<K> | undefined>;
  /** Like get, but a missing record is a NotFoundError. */
  require(id: string): Promise<Rec<K>>;
  list(options?: ListOptions<K>): Promise<Page<Rec<K>>>;
  /** Follows every page; for bounded sets such as one school's staff. */
  listAll(options?: Omit<ListOptions<K>, 'cursor'>): Promise<Rec<K>[]>;
}

export interface MutableCollection<K extends MutableKind> extends Collection<K> {
  create(data: Data<K>, id?: string): Promise<Rec<K>>;
  /** Optimistic: `current` must be the version the caller read, or ConflictError is thrown. */
  update(current: Rec<K>, changes: Partial<Data<K>>): Promise<Rec<K>>;
}

export interface AppendLog<K extends AppendOnlyKind> extends Collection<K> {
  /** An explicit id makes the entry unique: appending it twice raises DuplicateError. */
  append(data: Data<K>, id?: string): Promise<Rec<K>>;
}

/** Collects writes for one atomic commit. Returned records gain their etags once committed. */
export interface UnitOfWork {
  create<K extends MutableKind>(kind: K, data: Data<K>, id?: string): Rec<K>;
  update<K extends MutableKind>(kind: K, current: Rec<K>, changes: Partial<Data<K>>): Rec<K>;
  append<K extends AppendOnlyKind>(kind: K, data: Data<K>, id?: string): Rec<K>;
}

export type Store = { readonly [K in MutableKind]: MutableCollection<K> } & {
  readonly [K in AppendOnlyKind]: AppendLog<K>;
} & {
  readonly adapterName: StoreAdapter['name'];
  /** Runs `build` to plan writes, then applies them all or none. */
  commit<T>(build: (uow: UnitOfWork) => T): Promise<T>;
  /** Called after each commit through this store with the kinds it wrote, so caches can drop what changed. */
  onCommit(listener: (kinds: readonly KindName[]) => void): void;
  /** Write-once file content. Callers check who may read a file before calling get. */
  readonly files: {
    put(file: StoredFile, id?: string): Promise<string>;
    get(id: string): Promise<StoredFile | undefined>;
  };
  ping(): Promise<void>;
  close(): Promise<void>;
  /** See StoreAdapter.finishInterrupted; nothing to do on a store with transactions. */
  finishInterrupted(olderThanMs?: number): Promise<{ finished: number; undone: number }>;
};

export interface StoreOptions {
  now?: () => Date;
  newId?: () => string;
}

function validate<K extends KindName>(kind: K, data: unknown): Data<K> {
  const result = KINDS[kind].schema.safeParse(data);
  if (!result.success) {
    throw new StoreValidationError(
      kind,
      result.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`),
    );
  }
  return result.data as Data<K>;
}

function hydrate<K extends KindName>(kind: K, row: StoredRow): Rec<K> {
  const { id, etag, createdAt, updatedAt } = row;
  return { ...validate(kind, stripStored(row)), id, etag, createdAt, updatedAt } as Rec<K>;
}

function toRow(record: Rec<KindName>): StoredRow {
  return { ...(record as unknown as Record<string, unknown>) } as StoredRow;
}

/** Builds the typed Store over an adapter. */
export function createStore(adapter: StoreAdapter, options: StoreOptions = {}): Store {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const listeners: ((kinds: readonly KindName[]) => void)[] = [];

  function plan(): { uow: UnitOfWork; writes: PlannedWrite[]; planned: Rec<KindName>[] } {
    const writes: PlannedWrite[] = [];
    const planned: Rec<KindName>[] = [];
    const add = <K extends KindName>(write: PlannedWrite, record: Rec<K>): Rec<K> => {
      writes.push(write);
      planned.push(record as Rec<KindName>);
      return record;
    };
    const createRecord = <K extends KindName>(kind: K, data: Data<K>, id?: string): Rec<K> => {
      const at = now().toISOString();
      const record = { ...validate(kind, data), id: id ?? newId(), etag: '', createdAt: at, updatedAt: at } as Rec<K>;
      return add({ op: 'create', kind, row: toRow(record as Rec<KindName>) }, record);
    };
    const uow: UnitOfWork = {
      create: createRecord,
      append: createRecord,
      update(kind, current, changes) {
        const { id, etag, createdAt } = current;
        const merged = validate(kind, { ...stripStored(current), ...changes });
        const record = { ...merged, id, etag, createdAt, updatedAt: now().toISOString() } as Rec<typeof kind>;
        return add(
          { op: 'update', kind, row: toRow(record as Rec<KindName>), expectedEtag: etag, previous: toRow(current) },
          record,
        );
      },
    };
    return { uow, writes, planned };
  }

  async function commit<T>(build: (uow: UnitOfWork) => T): Promise<T> {
    const { uow, writes, planned } = plan();
    const result = build(uow);
    if (writes.length === 0) return result;
    const stored = await adapter.apply(writes);
    stored.forEach((row, i) => Object.assign(planned[i] as object, { etag: row.etag }));
    const kinds = [...new Set(writes.map((w) => w.kind))];
    for (const listener of listeners) listener(kinds);
    return result;
  }

  function reader<K extends KindName>(kind: K): Collection<K> {
    const list = async (opts: ListOptions<K> = {}): Promise<Page<Rec<K>>> => {
      const page = await adapter.list(kind, opts as ListOptions<KindName>);
      return { items: page.items.map((row) => hydrate(kind, row)), nextCursor: page.nextCursor };
    };
    return {
      async get(id) {
        const row = await adapter.get(kind, id);
        return row ? hydrate(kind, row) : undefined;
      },
      async require(id) {
        const row = await adapter.get(kind, id);
        if (!row) throw new NotFoundError(kind, id);
        return hydrate(kind, row);
      },
      list,
      async listAll(opts = {}) {
        const all: Rec<K>[] = [];
        let cursor: string | undefined;
        do {
          const page = await list({ ...opts, limit: opts.limit ?? MAX_PAGE_SIZE, cursor });
          all.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        return all;
      },
    };
  }

  const collections: Record<string, unknown> = {};
  for (const kind of KIND_NAMES) {
    const base = reader(kind);
    collections[kind] = KINDS[kind].appendOnly
      ? {
          ...base,
          append: (data: never, id?: string) => commit((uow) => uow.append(kind as AppendOnlyKind, data, id)),
        }
      : {
          ...base,
          create: (data: never, id?: string) => commit((uow) => uow.create(kind as MutableKind, data, id)),
          update: (current: never, changes: never) =>
            commit((uow) => uow.update(kind as MutableKind, current, changes)),
        };
  }

  return {
    ...(collections as Omit<Store, 'adapterName' | 'commit' | 'onCommit' | 'files' | 'ping' | 'close'>),
    adapterName: adapter.name,
    commit,
    onCommit: (listener: (kinds: readonly KindName[]) => void) => listeners.push(listener),
    files: {
      async put(file, id = `file-${newId()}`) {
        if (file.bytes.byteLength === 0) throw new StoreError('a file must not be empty');
        if (file.bytes.byteLength > MAX_FILE_BYTES) throw new StoreError('a file must be 10 MB or smaller');
        if (!/^[\w.+-]+\/[\w.+-]+$/.test(file.contentType)) throw new StoreError('a file needs a valid content type');
        await adapter.putFile(id, file);
        return id;
      },
      get: (id) => adapter.getFile(id),
    },
    ping: () => adapter.ping(),
    close: () => adapter.close(),
    async finishInterrupted(olderThanMs = 0) {
      const result = (await adapter.finishInterrupted?.(olderThanMs)) ?? { finished: 0, undone: 0 };
      // What a finished commit wrote was never announced to the caches.
      if (result.finished + result.undone > 0) for (const listener of listeners) listener(KIND_NAMES);
      return result;
    },
  } as Store;
}

function stripStored<T extends object>(record: T): Omit<T, 'id' | 'etag' | 'createdAt' | 'updatedAt'> {
  const {
    id: _id,
    etag: _etag,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = record as T & {
    id: string;
    etag: string;
    createdAt: string;
    updatedAt: string;
  };
  return rest;
}
