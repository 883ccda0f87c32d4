import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { ConflictError, DuplicateError, NotFoundError, StoreError, StoreUnavailableError } from '../errors.ts';
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
/** The key, in the stored JSON, of the write that created the item; stripped when the record is read. */
const WRITE_ID = '__writeId';

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
  throw new StoreError('invalid page cursor');
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

  /** The record as stored, and the id of the write that created it (see `WRITE_ID`). */
  async function storedOf(item: GraphItem): Promise<{ row: StoredRow; writeId?: string }> {
    const f = item.fields;
    const json =
      typeof f[RECORD_FILE] === 'string' && f[RECORD_FILE]
        ? Buffer.from(await download(f[RECORD_FILE] as string)).toString('utf8')
        : (f[RECORD_JSON] as string);
    const spEtag = item.eTag ?? (f['@odata.etag'] as string);
    const { [WRITE_ID]: writeId, ...data } = JSON.parse(json) as Record<string, unknown>;
    const row = {
      ...data,
      id: f[RECORD_ID] as string,
      etag: ourEtag(item.id, spEtag, f[RECORD_ID] as string),
      createdAt: f[CREATED_AT] as string,
      updatedAt: f[UPDATED_AT] as string,
    };
    return { row, writeId: typeof writeId === 'string' ? writeId : undefined };
  }

  async function rowOf(item: GraphItem): Promise<StoredRow> {
    return (await storedOf(item)).row;
  }

  /** The item's columns for a row: the record as JSON (or a pointer to it in the library) and its indexed fields. */
  async function fieldsOf(kind: KindName, row: StoredRow, writeId?: string): Promise<Record<string, unknown>> {
    const { id, etag: _etag, createdAt, updatedAt, ...data } = row;
    const json = JSON.stringify(writeId ? { ...data, [WRITE_ID]: writeId } : data);
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

  interface Part {
    write: PlannedWrite;
    method: 'POST' | 'PATCH';
    url: string;
    body: Record<string, unknown>;
    ifMatch?: string;
  }

  /**
   * Each created row's own id, kept in the stored JSON (never in the record), so the same row sent
   * again after a lost answer knows itself; keyed by the row, which a retried commit sends again.
   */
  const writeIds = new WeakMap<object, string>();

  const applyRank = (write: PlannedWrite) => (write.op === 'update' ? 0 : write.kind === 'outbox' ? 2 : 1);

  async function partOf(write: PlannedWrite): Promise<Part> {
    const list = listNameOf(write.kind);
    if (write.op === 'create' && !writeIds.has(write.row)) writeIds.set(write.row, randomUUID());
    const fields = await fieldsOf(write.kind, write.row, writeIds.get(write.row));
    if (write.op === 'create') return { write, method: 'POST', url: itemsPath(list), body: { fields } };
    const { itemId, spEtag, recordId } = splitEtag(write.expectedEtag);
    if (!itemId || recordId !== write.row.id) {
      // Not a version this record ever had: say whether the record exists at all, as SQLite does.
      throw (await getRow(write.kind, write.row.id))
        ? new ConflictError(write.kind, write.row.id)
        : new NotFoundError(write.kind, write.row.id);
    }
    return { write, method: 'PATCH', url: `${itemsPath(list)}/${itemId}/fields`, body: fields, ifMatch: spEtag };
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
   * A create that "already exists" may be our own attempt, applied but answered too late and so
   * sent again: it is ours only if the stored item carries this very row's write id. Anything else
   * with that record id (another instance's append of the same content in the same millisecond,
   * say) is a real duplicate, so "once" rules hold however many instances run.
   */
  async function alreadyOurs(write: PlannedWrite): Promise<StoredRow | undefined> {
    const item = await findItem(listNameOf(write.kind), write.row.id, SELECT);
    if (!item) return undefined;
    const stored = await storedOf(item);
    return stored.writeId !== undefined && stored.writeId === writeIds.get(write.row) ? stored.row : undefined;
  }

  async function getRow(kind: KindName, id: string): Promise<StoredRow | undefined> {
    const item = await findItem(listNameOf(kind), id, SELECT);
    return item ? rowOf(item) : undefined;
  }

  /** Puts back what a failed commit had already written, newest first; best effort, and logged by the caller. */
  async function undo(done: { part: Part; outcome: Outcome }[]): Promise<void> {
    for (const { part, outcome } of [...done].reverse()) {
      const spEtag = (outcome.body?.['@odata.etag'] ?? outcome.body?.eTag) as string | undefined;
      if (part.write.op === 'create') {
        const itemId = outcome.body?.id as string;
        await send('DELETE', `${part.url}/${itemId}`, undefined, spEtag).catch(() => undefined);
      } else {
        const previous = await fieldsOf(part.write.kind, part.write.previous);
        await send('PATCH', part.url, previous, spEtag).catch(() => undefined);
      }
    }
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
      // SharePoint has no transactions, so the order is the safeguard: the guarded updates (which
      // may meet a stale ETag) go first and the outbox last, in sequence, so a commit that fails
      // never leaves a message that another instance could send before it is put back.
      const order = writes.map((_, i) => i).sort((a, b) => applyRank(writes[a]!) - applyRank(writes[b]!));
      const parts = await Promise.all(order.map((i) => partOf(writes[i]!)));
      const outcomes = await run(parts);
      const done: { part: Part; outcome: Outcome }[] = [];
      let failure: Error | undefined;
      const stored: StoredRow[] = [];
      for (const [i, outcome] of outcomes.entries()) {
        const part = parts[i]!;
        const { write } = part;
        if (outcome.status < 300) {
          done.push({ part, outcome });
          const itemId = write.op === 'create' ? (outcome.body?.id as string) : splitEtag(write.expectedEtag).itemId;
          const spEtag = (outcome.body?.['@odata.etag'] ?? outcome.body?.eTag) as string;
          stored.push({ ...write.row, etag: ourEtag(itemId, spEtag, write.row.id) });
          continue;
        }
        if (write.op === 'create' && outcome.status === 409) {
          const ours = await alreadyOurs(write);
          if (ours) {
            stored.push(ours);
            continue;
          }
        }
        failure ??=
          outcome.status === 412
            ? new ConflictError(write.kind, write.row.id)
            : outcome.status === 409
              ? new DuplicateError(write.kind, write.row.id)
              : outcome.status === 404
                ? new NotFoundError(write.kind, write.row.id)
                : new StoreError(
                    `SharePoint refused a write to ${write.kind}: ${outcome.status} ${errorCode(outcome)}`,
                  );
        stored.push(write.row);
      }
      if (failure) {
        await undo(done);
        throw failure;
      }
      // Back in the order the writes were given.
      const inOrder: StoredRow[] = new Array(writes.length);
      order.forEach((original, k) => (inOrder[original] = stored[k]!));
      return inOrder;
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
  };
}
