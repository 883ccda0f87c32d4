import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  ConflictError,
  DuplicateError,
  InvalidCursorError,
  NotFoundError,
  StoreError,
  StoreUnavailableError,
} from '../errors.ts';
import { KINDS, type KindName } from '../kinds.ts';
import {
  checkIndexed,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Condition,
  type ListOptions,
  type Page,
  type PlannedWrite,
  type StoreAdapter,
  type StoredFile,
  type StoredRow,
} from '../store.ts';
import {
  COMMITS_LIST,
  CREATED_AT,
  FILES_LIST,
  fieldColumn,
  listNameOf,
  NOTE_LIMIT,
  RECORD_FILE,
  RECORD_ID,
  RECORD_JSON,
  UPDATED_AT,
} from './lists.ts';

/**
 * The production store: one SharePoint list per record kind on the school's site, through
 * Microsoft Graph. Reads filter on indexed columns and follow Graph's paging; writes carry the
 * item's ETag in If-Match; several writes go in `$batch` requests of at most 20. SharePoint has no
 * transactions, so a commit whose part fails puts back the parts that succeeded before it reports
 * the failure. Throttling and outages are retried by the client (see graph-client.ts).
 */
export interface SharePointAdapterOptions {
  client: Client;
  siteId: string;
  /** For upload-session chunks, which go to a pre-authorised URL without the Graph token. */
  uploadFetch?: typeof fetch;
}

/** Graph's largest batch. */
export const MAX_BATCH = 20;
/** Above this, files go up in an upload session rather than one PUT. */
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
const UPLOAD_CHUNK = 320 * 1024 * 10;
const SELECT = [RECORD_ID, RECORD_JSON, RECORD_FILE, CREATED_AT, UPDATED_AT].join(',');
/**
 * The key, in the stored JSON, of the ids of the latest writes to the item, newest first; stripped
 * when the record is read. It is how a write sent again after a crash knows it was already made.
 */
const WRITES = '__writes';
/** Items written before the journal kept only the id of the write that created them. */
const LEGACY_WRITE_ID = '__writeId';
/** Long enough to outlast the writes that can land between a crash and its commit being finished. */
const HISTORY_LENGTH = 8;
const HISTORY_MEMORY = 20_000;

interface GraphItem {
  id: string;
  eTag?: string;
  fields: Record<string, unknown>;
}

interface Outcome {
  status: number;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A value inside an OData string literal: a quote is doubled, so a name such as O'Brien stays data. */
export const odataString = (value: string) => `'${value.replaceAll("'", "''")}'`;

function literal(value: unknown): string {
  if (typeof value === 'string') return odataString(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  // Yes/no columns compare as 1 and 0.
  if (typeof value === 'boolean') return value ? '1' : '0';
  throw new StoreError(`cannot filter on a value of type ${typeof value}`);
}

const columnOf = (field: string) => (field === 'createdAt' ? CREATED_AT : field);

/** `$filter` for a store condition; undefined when nothing can match (an empty membership list). */
export function odataFilter(where: Record<string, Condition | undefined>): string | null | undefined {
  const parts: string[] = [];
  for (const [field, cond] of Object.entries(where)) {
    if (cond === undefined) continue;
    const col = `fields/${columnOf(field)}`;
    if (Array.isArray(cond)) {
      if (cond.length === 0) return null;
      parts.push(`(${cond.map((v) => `${col} eq ${literal(v)}`).join(' or ')})`);
    } else if (typeof cond === 'object') {
      const range = cond as { gte?: unknown; lte?: unknown };
      if (range.gte !== undefined) parts.push(`${col} ge ${literal(range.gte)}`);
      if (range.lte !== undefined) parts.push(`${col} le ${literal(range.lte)}`);
    } else {
      parts.push(`${col} eq ${literal(cond)}`);
    }
  }
  return parts.length ? parts.join(' and ') : undefined;
}

const encodeCursor = (skipToken: string) => Buffer.from(JSON.stringify({ s: skipToken })).toString('base64url');
function decodeCursor(cursor: string): string {
  try {
    const { s } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s: unknown };
    if (typeof s === 'string') return s;
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

/**
 * Our etag names the SharePoint item and the record, and carries SharePoint's own, so an update
 * needs no lookup first and can never land on another record's item.
 */
const ourEtag = (itemId: string, spEtag: string, recordId: string) => `${itemId}|${spEtag}|${recordId}`;
function splitEtag(etag: string): { itemId: string; spEtag: string; recordId: string } {
  const [itemId = '', spEtag = '', ...rest] = etag.split('|');
  return { itemId, spEtag, recordId: rest.join('|') };
}

/** Throttling that outlasted the retries, a server error, or no answer at all: worth trying again later. */
const isUnavailableStatus = (status: number) => status === 429 || status >= 500;

/** Graph calls that fail for want of Graph become StoreUnavailableError; our own errors pass through. */
async function reachable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof StoreError) throw err;
    const status = (err as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status > 0 && !isUnavailableStatus(status)) throw err;
    throw new StoreUnavailableError(`Microsoft Graph is unavailable: ${(err as Error).message}`);
  }
}

const errorCode = (outcome: Outcome) => ((outcome.body?.error as { code?: string } | undefined)?.code ?? '') as string;

export function openSharePointAdapter(options: SharePointAdapterOptions): StoreAdapter {
  const { client, siteId } = options;
  const site = `/sites/${siteId}`;
  const itemsPath = (list: string) => `${site}/lists/${encodeURIComponent(list)}/items`;
  const recordPath = (kind: KindName, id: string, updatedAt: string) =>
    `records/${kind}/${encodeURIComponent(id)}/${updatedAt.replaceAll(':', '-')}.json`;

  /** One request, answered as status and body whatever happened, so single and batched writes share one path. */
  async function send(
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    ifMatch?: string,
  ): Promise<Outcome> {
    try {
      let request = client.api(url);
      if (ifMatch) request = request.header('If-Match', ifMatch);
      const answer = (await (method === 'POST'
        ? request.post(body)
        : method === 'PATCH'
          ? request.patch(body)
          : request.delete())) as Record<string, unknown> | undefined;
      return { status: method === 'POST' ? 201 : method === 'DELETE' ? 204 : 200, body: answer ?? {} };
    } catch (err) {
      const e = err as { statusCode?: number; code?: string; message?: string };
      if (typeof e.statusCode === 'number' && e.statusCode > 0) {
        return { status: e.statusCode, body: { error: { code: e.code ?? '', message: e.message ?? '' } } };
      }
      throw err;
    }
  }

  /** A file in the site's library, by its path there. */
  const contentPath = (path: string) => `${site}/drive/root:/${path}:/content`;
  const download = async (path: string) =>
    (await client
      .api(contentPath(path))
      .responseType('arraybuffer' as never)
      .get()) as ArrayBuffer;

  /** The item holding a record, found by its unique, indexed record id: one request. */
  async function findItem(list: string, id: string, select: string): Promise<GraphItem | undefined> {
    const page = (await client
      .api(itemsPath(list))
      .expand(`fields($select=${select})`)
      .filter(`fields/${RECORD_ID} eq ${odataString(id)}`)
      .top(1)
      .get()) as { value: GraphItem[] };
    return page.value[0];
  }

  /** The record as stored, and the ids of the writes that made its latest versions (see `WRITES`). */
  async function storedOf(item: GraphItem): Promise<{ row: StoredRow; writes: string[] }> {
    const f = item.fields;
    const json =
      typeof f[RECORD_FILE] === 'string' && f[RECORD_FILE]
        ? Buffer.from(await download(f[RECORD_FILE] as string)).toString('utf8')
        : (f[RECORD_JSON] as string);
    const spEtag = item.eTag ?? (f['@odata.etag'] as string);
    const { [WRITES]: writes, [LEGACY_WRITE_ID]: legacy, ...data } = JSON.parse(json) as Record<string, unknown>;
    const row = {
      ...data,
      id: f[RECORD_ID] as string,
      etag: ourEtag(item.id, spEtag, f[RECORD_ID] as string),
      createdAt: f[CREATED_AT] as string,
      updatedAt: f[UPDATED_AT] as string,
    };
    const history = Array.isArray(writes) ? (writes as string[]) : typeof legacy === 'string' ? [legacy] : [];
    remember(row.etag, history);
    return { row, writes: history };
  }

  /**
   * The write history of each version this instance has read, by its etag, so an update can carry
   * it forward. Bounded: a version read long ago and updated now starts a new history, which only
   * matters if a crash interrupted the write it forgot.
   */
  const historyOf = new Map<string, string[]>();
  function remember(etag: string, writes: string[]): void {
    historyOf.delete(etag);
    historyOf.set(etag, writes);
    if (historyOf.size > HISTORY_MEMORY) historyOf.delete(historyOf.keys().next().value!);
  }

  async function rowOf(item: GraphItem): Promise<StoredRow> {
    return (await storedOf(item)).row;
  }

  /** The item's columns for a row: the record as JSON (or a pointer to it in the library) and its indexed fields. */
  async function fieldsOf(kind: KindName, row: StoredRow, writes: string[] = []): Promise<Record<string, unknown>> {
    const { id, etag: _etag, createdAt, updatedAt, ...data } = row;
    const json = JSON.stringify(writes.length ? { ...data, [WRITES]: writes } : data);
    let file = '';
    if (json.length > NOTE_LIMIT) {
      file = recordPath(kind, id, updatedAt);
      // PUT replaces, so a retried commit writes the same file again rather than failing.
      await client.api(contentPath(file)).header('Content-Type', 'application/json').put(json);
    }
    const fields: Record<string, unknown> = {
      Title: id,
      [RECORD_ID]: id,
      [CREATED_AT]: createdAt,
      [UPDATED_AT]: updatedAt,
      [RECORD_JSON]: file ? '' : json,
      [RECORD_FILE]: file,
    };
    for (const field of KINDS[kind].indexed as readonly string[]) {
      const value = data[field];
      fields[fieldColumn(kind, field).name] = value === undefined ? null : value;
    }
    return fields;
  }

  /**
   * One write as Graph is asked to make it: everything needed to make it again after a crash, to
   * tell whether it was already made, and to put it back. A commit's parts are kept in its journal.
   */
  interface Part {
    kind: KindName;
    recordId: string;
    method: 'POST' | 'PATCH';
    url: string;
    body: Record<string, unknown>;
    ifMatch?: string;
    /** This write's own id, stored in the item with the ids of the writes before it. */
    writeId: string;
    /** The write ids the item holds once this part is made. */
    writes: string[];
    /** For an update: the columns to put back if the commit cannot be finished. */
    previous?: Record<string, unknown>;
  }

  /**
   * What became of one part: made (now, or by an earlier attempt, when `row` is the item as it is
   * now and `latest` says whether nothing was written over it since), or refused with a status.
   */
  type Made =
    { item: { id: string; eTag: string }; row?: StoredRow; latest: boolean } | { status: number; code: string };
  const wasMade = (made: Made): made is Extract<Made, { item: unknown }> => 'item' in made;

  /**
   * Each planned row's write id, so the same row sent again (a commit retried after a lost answer)
   * is recognised as the same write rather than as someone else's.
   */
  const writeIds = new WeakMap<object, string>();

  const applyRank = (write: PlannedWrite) => (write.op === 'update' ? 0 : write.kind === 'outbox' ? 2 : 1);

  async function partOf(write: PlannedWrite): Promise<Part> {
    const list = listNameOf(write.kind);
    if (!writeIds.has(write.row)) writeIds.set(write.row, randomUUID());
    const writeId = writeIds.get(write.row)!;
    const base = { kind: write.kind, recordId: write.row.id, writeId };
    if (write.op === 'create') {
      const fields = await fieldsOf(write.kind, write.row, [writeId]);
      return { ...base, method: 'POST', url: itemsPath(list), body: { fields }, writes: [writeId] };
    }
    const { itemId, spEtag, recordId } = splitEtag(write.expectedEtag);
    if (!itemId || recordId !== write.row.id) {
      // Not a version this record ever had: say whether the record exists at all, as SQLite does.
      throw (await getRow(write.kind, write.row.id))
        ? new ConflictError(write.kind, write.row.id)
        : new NotFoundError(write.kind, write.row.id);
    }
    const before = historyOf.get(write.expectedEtag) ?? [];
    const history = [writeId, ...before].slice(0, HISTORY_LENGTH);
    return {
      ...base,
      method: 'PATCH',
      url: `${itemsPath(list)}/${itemId}/fields`,
      body: await fieldsOf(write.kind, write.row, history),
      writes: history,
      ifMatch: spEtag,
      previous: await fieldsOf(write.kind, write.previous, before),
    };
  }

  /** Runs the parts: one directly, more in $batch requests of at most 20, each answered separately. */
  async function run(
    parts: { method: 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown; ifMatch?: string }[],
  ): Promise<Outcome[]> {
    if (parts.length === 1) {
      const [p] = parts;
      return [await send(p!.method, p!.url, p!.body, p!.ifMatch)];
    }
    const outcomes: Outcome[] = [];
    let failed = false;
    for (let start = 0; start < parts.length; start += MAX_BATCH) {
      const chunk = parts.slice(start, start + MAX_BATCH);
      let pending = chunk.map((p, i) => ({ p, i }));
      const results: Outcome[] = new Array(chunk.length);
      // Parts Graph throttled inside the batch are sent again, after the wait it asked for.
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (failed) {
          // An earlier batch of this commit failed: the rest is not sent, as Graph would not run it.
          for (const { i } of pending) results[i] = { status: 424 };
          break;
        }
        const response = (await client.api('/$batch').post({
          // In order, each after the one before (dependsOn): once one fails, Graph runs none after it.
          requests: pending.map(({ p, i }, k) => ({
            id: String(i),
            ...(k > 0 ? { dependsOn: [String(pending[k - 1]!.i)] } : {}),
            method: p.method,
            url: p.url.replace(/^\//, ''),
            headers: { 'Content-Type': 'application/json', ...(p.ifMatch ? { 'If-Match': p.ifMatch } : {}) },
            ...(p.body === undefined ? {} : { body: p.body }),
          })),
        })) as {
          responses: { id: string; status: number; body?: Record<string, unknown>; headers?: Record<string, string> }[];
        };
        const answers = new Map(response.responses.map((r) => [r.id, r]));
        const throttled: typeof pending = [];
        let wait = 0;
        for (const entry of pending) {
          const r = answers.get(String(entry.i)) ?? { id: String(entry.i), status: 424 };
          const retry = (r.status === 429 || r.status === 503) && attempt < 4;
          // Once one part is throttled, those after it (not run: 424) are sent again with it.
          if (retry || (throttled.length > 0 && r.status === 424)) {
            throttled.push(entry);
            wait = Math.max(wait, Number(r.headers?.['Retry-After'] ?? r.headers?.['retry-after'] ?? 1) * 1000);
          } else {
            results[entry.i] = { status: r.status, body: r.body, headers: r.headers };
            if (r.status >= 400) failed = true;
          }
        }
        pending = throttled;
        if (pending.length) await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * 250));
      }
      outcomes.push(...results);
    }
    return outcomes;
  }

  /**
   * A write Graph refused as already made ("exists" for a create, a moved ETag for an update) may
   * be this very write, made by an attempt whose answer was lost or by a commit a crash cut short:
   * it is ours only if the item's recent writes include this write's id. Anything else with that
   * record id (another instance's append of the same content in the same millisecond, say) is a
   * real duplicate or conflict, so "once" rules hold however many instances run.
   */
  async function madeBefore(part: Part): Promise<Made | undefined> {
    const item = await findItem(listNameOf(part.kind), part.recordId, SELECT);
    if (!item) return undefined;
    const { row, writes } = await storedOf(item);
    if (!writes.includes(part.writeId)) return undefined;
    return { item: { id: item.id, eTag: splitEtag(row.etag).spEtag }, row, latest: writes[0] === part.writeId };
  }

  /** Makes the parts in order; each is made once, however many times this runs (see `madeBefore`). */
  async function carryOut(parts: Part[]): Promise<Made[]> {
    return settled(parts, await run(parts));
  }

  /**
   * What Graph's answers mean for each part, once a refusal that is our own earlier write is seen
   * as such. Graph ran nothing after a refusal (424), so where the refusal was ours after all, the
   * parts after it are sent again.
   */
  async function settled(parts: Part[], outcomes: Outcome[]): Promise<Made[]> {
    const made = await readOutcomes(parts, outcomes);
    const firstUnrun = made.findIndex((m) => !wasMade(m) && m.status === 424);
    const refused = made.some((m, i) => !wasMade(m) && m.status !== 424 && (firstUnrun < 0 || i < firstUnrun));
    if (firstUnrun < 0 || refused) return made;
    return [...made.slice(0, firstUnrun), ...(await carryOut(parts.slice(firstUnrun)))];
  }

  async function readOutcomes(parts: Part[], outcomes: Outcome[]): Promise<Made[]> {
    const made: Made[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      const part = parts[i]!;
      if (outcome.status < 300) {
        const body = outcome.body ?? {};
        const itemId = part.method === 'POST' ? (body.id as string) : part.url.split('/').at(-2)!;
        made.push({ item: { id: itemId, eTag: (body['@odata.etag'] ?? body.eTag) as string }, latest: true });
        continue;
      }
      const again =
        (part.method === 'POST' && outcome.status === 409) || (part.method === 'PATCH' && outcome.status === 412);
      const earlier = again ? await madeBefore(part) : undefined;
      made.push(earlier ?? { status: outcome.status, code: errorCode(outcome) });
    }
    return made;
  }

  async function getRow(kind: KindName, id: string): Promise<StoredRow | undefined> {
    const item = await findItem(listNameOf(kind), id, SELECT);
    return item ? rowOf(item) : undefined;
  }

  /**
   * Puts back what a commit that cannot finish had made, newest first: an update only while it is
   * still the item's latest version (If-Match), so a later change is never undone.
   */
  async function undo(parts: Part[], made: Made[]): Promise<void> {
    for (let i = parts.length - 1; i >= 0; i--) {
      const part = parts[i]!;
      const outcome = made[i];
      if (!outcome || !wasMade(outcome) || !outcome.latest) continue;
      const { id: itemId, eTag } = outcome.item;
      if (part.method === 'POST') {
        await send('DELETE', `${part.url}/${itemId}`, undefined, eTag).catch(() => undefined);
      } else if (part.previous) {
        await send('PATCH', part.url, part.previous, eTag).catch(() => undefined);
      }
    }
  }

  /** The first refusal among the parts, as the store's error for it. */
  function refusal(parts: Part[], made: Made[]): Error | undefined {
    const i = made.findIndex((m) => !wasMade(m) && m.status !== 424);
    if (i < 0) return undefined;
    const { kind, recordId } = parts[i]!;
    const { status, code } = made[i] as { status: number; code: string };
    if (status === 412) return new ConflictError(kind, recordId);
    if (status === 409) return new DuplicateError(kind, recordId);
    if (status === 404) return new NotFoundError(kind, recordId);
    return new StoreError(`SharePoint refused a write to ${kind}: ${status} ${code}`);
  }

  /**
   * A commit of several parts is first written whole, as one journal item, in the same batch as
   * (and before) its parts, then its parts, then the journal item is deleted. SharePoint has no
   * transactions, so this is what makes a commit whole or absent: an instance that dies part-way
   * leaves the journal, and any instance finishes it later (`finishInterrupted`), or puts it back
   * where a part can no longer be made.
   */
  const journalPath = (id: string) => `commits/${id}.json`;
  async function journalPart(parts: Part[]): Promise<{ method: 'POST'; url: string; body: Record<string, unknown> }> {
    const id = `commit-${randomUUID()}`;
    const json = JSON.stringify({ parts });
    let file = '';
    if (json.length > NOTE_LIMIT) {
      file = journalPath(id);
      await client.api(contentPath(file)).header('Content-Type', 'application/json').put(json);
    }
    const at = new Date().toISOString();
    const fields = {
      Title: id,
      [RECORD_ID]: id,
      [CREATED_AT]: at,
      [UPDATED_AT]: at,
      [RECORD_JSON]: file ? '' : json,
      [RECORD_FILE]: file,
    };
    return { method: 'POST', url: itemsPath(COMMITS_LIST), body: { fields } };
  }

  async function closeJournal(itemId: string | undefined): Promise<void> {
    if (itemId) await send('DELETE', `${itemsPath(COMMITS_LIST)}/${itemId}`).catch(() => undefined);
  }

  /** Finishes one interrupted commit, or puts back what it made if it cannot be finished. */
  async function finish(item: GraphItem): Promise<'finished' | 'undone'> {
    const f = item.fields;
    const json =
      typeof f[RECORD_FILE] === 'string' && f[RECORD_FILE]
        ? Buffer.from(await download(f[RECORD_FILE] as string)).toString('utf8')
        : (f[RECORD_JSON] as string);
    const { parts } = JSON.parse(json) as { parts: Part[] };
    const made = await carryOut(parts);
    const failure = refusal(parts, made);
    if (failure) await undo(parts, made);
    await closeJournal(item.id);
    return failure ? 'undone' : 'finished';
  }

  const direct: StoreAdapter = {
    name: 'sharepoint',
    get: getRow,
    async list(kind, options: ListOptions<KindName>): Promise<Page<StoredRow>> {
      const where = (options.where ?? {}) as Record<string, Condition | undefined>;
      for (const field of Object.keys(where)) checkIndexed(kind, field);
      const orderField = (options.orderBy as string | undefined) ?? 'createdAt';
      checkIndexed(kind, orderField);
      const filter = odataFilter(where);
      if (filter === null) return { items: [] };
      const limit = Math.min(Math.max(1, options.limit ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
      let request = client
        .api(itemsPath(listNameOf(kind)))
        .expand(`fields($select=${SELECT})`)
        .orderby(`fields/${columnOf(orderField)}${options.descending ? ' desc' : ''}`)
        .top(limit);
      if (filter) request = request.filter(filter);
      if (options.cursor) request = request.query(`$skiptoken=${encodeURIComponent(decodeCursor(options.cursor))}`);
      const page = (await request.get()) as { value: GraphItem[]; '@odata.nextLink'?: string };
      const next = page['@odata.nextLink'] ? new URL(page['@odata.nextLink']).searchParams.get('$skiptoken') : null;
      return { items: await Promise.all(page.value.map(rowOf)), nextCursor: next ? encodeCursor(next) : undefined };
    },
    async apply(writes) {
      // Guarded updates (which may meet a stale ETag) go first and the outbox last, so a commit
      // that fails has sent no message another instance could deliver before it is put back.
      const order = writes.map((_, i) => i).sort((a, b) => applyRank(writes[a]!) - applyRank(writes[b]!));
      const parts = await Promise.all(order.map((i) => partOf(writes[i]!)));
      // One write is whole by itself; several need the journal.
      const journal = parts.length > 1 ? await journalPart(parts) : undefined;
      const outcomes = await run(journal ? [journal, ...parts] : parts);
      const journalOutcome = journal ? outcomes.shift()! : undefined;
      if (journalOutcome && journalOutcome.status >= 300) {
        throw new StoreError(
          `SharePoint refused to start a commit: ${journalOutcome.status} ${errorCode(journalOutcome)}`,
        );
      }
      const made = await settled(parts, outcomes);
      const failure = refusal(parts, made);
      if (failure) await undo(parts, made);
      await closeJournal(journalOutcome?.body?.id as string | undefined);
      if (failure) throw failure;
      const stored: StoredRow[] = new Array(writes.length);
      order.forEach((original, k) => {
        const m = made[k] as Extract<Made, { item: unknown }>;
        const write = writes[original]!;
        if (m.row) {
          stored[original] = m.row;
          return;
        }
        const etag = ourEtag(m.item.id, m.item.eTag, write.row.id);
        remember(etag, parts[k]!.writes);
        stored[original] = { ...write.row, etag };
      });
      return stored;
    },
    async finishInterrupted(olderThanMs) {
      const before = new Date(Date.now() - olderThanMs).toISOString();
      const page = (await client
        .api(itemsPath(COMMITS_LIST))
        .expand(`fields($select=${SELECT})`)
        .filter(`fields/${CREATED_AT} le ${odataString(before)}`)
        .orderby(`fields/${CREATED_AT}`)
        .top(50)
        .get()) as { value: GraphItem[] };
      const result = { finished: 0, undone: 0 };
      for (const item of page.value) result[await finish(item)]++;
      return result;
    },
    async putFile(id, file: StoredFile) {
      // Each case's evidence sits in a folder of its own in the library.
      const path = ['evidence', ...(file.folder ? [file.folder] : []), id].map(encodeURIComponent).join('/');
      const created = await send('POST', itemsPath(FILES_LIST), {
        fields: { Title: id, [RECORD_ID]: id, ContentType: file.contentType, Path: path, Size: file.bytes.byteLength },
      });
      if (created.status === 409) throw new DuplicateError('files', id);
      if (created.status >= 300) throw new StoreError(`SharePoint refused the file record: ${created.status}`);
      if (file.bytes.byteLength <= SIMPLE_UPLOAD_LIMIT) {
        await client.api(contentPath(path)).header('Content-Type', file.contentType).put(Buffer.from(file.bytes));
        return;
      }
      const session = (await client
        .api(`${site}/drive/root:/${path}:/createUploadSession`)
        .post({ item: { '@microsoft.graph.conflictBehavior': 'replace' } })) as { uploadUrl: string };
      const upload = options.uploadFetch ?? fetch;
      const total = file.bytes.byteLength;
      for (let from = 0; from < total; from += UPLOAD_CHUNK) {
        const chunk = file.bytes.subarray(from, Math.min(total, from + UPLOAD_CHUNK));
        const res = await upload(session.uploadUrl, {
          method: 'PUT',
          headers: {
            'Content-Range': `bytes ${from}-${from + chunk.byteLength - 1}/${total}`,
            'Content-Length': String(chunk.byteLength),
          },
          body: Buffer.from(chunk),
        });
        if (res.status >= 300 && res.status !== 202)
          throw new StoreError(`the upload stopped at byte ${from}: ${res.status}`);
        await res.arrayBuffer();
      }
    },
    async getFile(id) {
      const item = await findItem(FILES_LIST, id, `${RECORD_ID},ContentType,Path`);
      if (!item) return undefined;
      const bytes = await download(item.fields.Path as string);
      return { contentType: item.fields.ContentType as string, bytes: new Uint8Array(bytes) };
    },
    async ping() {
      await client.api(site).select('id').get();
    },
    async close() {
      // Graph is stateless over HTTPS; nothing to release.
    },
  };
  return {
    ...direct,
    get: (kind, id) => reachable(() => direct.get(kind, id)),
    list: (kind, listOptions) => reachable(() => direct.list(kind, listOptions)),
    apply: (writes) => reachable(() => direct.apply(writes)),
    putFile: (id, file) => reachable(() => direct.putFile(id, file)),
    getFile: (id) => reachable(() => direct.getFile(id)),
    ping: () => reachable(() => direct.ping()),
    finishInterrupted: (olderThanMs) => reachable(() => direct.finishInterrupted!(olderThanMs)),
  };
}
