import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Agent } from 'undici';
import { compareValues, fieldsIn, matches, ODataError, parseFilter, parseOrderBy, type Expr } from './graph-odata.ts';
import { selfSignedCertificate } from './self-signed.ts';
import { DirectoryError, graphDirectory, type Directory } from './graph-directory.ts';

/**
 * A local HTTPS stand-in for the part of Microsoft Graph the SharePoint adapter uses, with Graph's
 * documented shapes: lists and columns under a site; list items with `fields`; `$filter`,
 * `$select`, `$expand`, `$top`, `$orderby`; `@odata.nextLink` paging; item ETags with 412 on a
 * mismatch; `$batch` (at most 20 requests); drive uploads, simple and by upload session; and
 * errors as `{ error: { code, message } }`. Faults can be injected per test, and every request is
 * logged so tests can hold a user action to a request budget.
 */

export interface GraphColumn {
  id: string;
  name: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  text?: { allowMultipleLines?: boolean; maxLength?: number };
  number?: Record<string, unknown>;
  boolean?: Record<string, unknown>;
  dateTime?: Record<string, unknown>;
  choice?: { choices: string[] };
}

interface Item {
  id: string;
  guid: string;
  version: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  fields: Record<string, unknown>;
}

interface List {
  id: string;
  displayName: string;
  description: string;
  columns: GraphColumn[];
  items: Map<string, Item>;
  nextItemId: number;
}

export type Fault =
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'unavailable'; retryAfterSeconds?: number }
  | { kind: 'drop' }
  | { kind: 'slow'; delayMs: number }
  /** Someone else changes the item just before this request's If-Match is checked. */
  | { kind: 'race' };

export interface FaultRule {
  fault: Fault;
  /** Which requests it applies to; every request when absent. */
  when?: (method: string, path: string) => boolean;
  /** How many requests it affects; until removed when absent. */
  times?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  /** Requests inside a $batch are logged too, marked with the batch they came in. */
  inBatch?: boolean;
}

export interface GraphServer {
  url: string;
  siteId: string;
  agent: Agent;
  /** The certificate as a PEM file, for a child process's NODE_EXTRA_CA_CERTS. */
  certPath: string;
  /** Every HTTP request that reached the server (batch parts are listed with inBatch). */
  log: LoggedRequest[];
  /** Requests over the wire, not counting the parts of a $batch. */
  requestCount(): number;
  /** Every request as it arrives, before any answer (a slow or dropped one shows here at once). */
  arrivals: { method: string; path: string }[];
  faults: FaultRule[];
  /** Graph answers 503 to everything until `ms` from now. */
  outage(ms: number): void;
  /** Graph is back now, however long the outage was to last. */
  endOutage(): void;
  lists(): List[];
  listByName(displayName: string): List | undefined;
  /** An empty site again, for the next test. */
  reset(): void;
  file(path: string): Buffer | undefined;
  /** Entra applications, service principals, role assignments and the Teams app catalogue. */
  directory: Directory;
  /** Directory objects the doctor looks up: apps by their appId, and the Teams app catalogue. */
  addServicePrincipal(appId: string, displayName: string): void;
  addCatalogApp(externalId: string): void;
  close(): Promise<void>;
}

/** Large lists need indexed columns to filter or sort, unless the caller accepts a slow, failing scan. */
const NON_INDEXED_OK = 'HonorNonIndexedQueriesWarningMayFailRandomly';
const MAX_PAGE = 5000;
const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;

class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: Buffer;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const etagOf = (item: Item) => `"${item.guid},${item.version}"`;

/** `token` is the one bearer token accepted, or a test of each (for tokens that carry claims). */
export async function startGraphServer(
  options: { token?: string | ((bearer: string) => boolean) } = {},
): Promise<GraphServer> {
  const tls = selfSignedCertificate();
  const wanted = options.token ?? 'graph-token';
  const accepted = (header: string | undefined) =>
    typeof wanted === 'string'
      ? header === `Bearer ${wanted}`
      : Boolean(header?.startsWith('Bearer ') && wanted(header.slice(7)));
  const siteId = 'contoso.sharepoint.com,11111111-1111-1111-1111-111111111111,22222222-2222-2222-2222-222222222222';
  const lists = new Map<string, List>();
  const files = new Map<string, { bytes: Buffer; id: string }>();
  const sessions = new Map<string, { path: string; size: number; received: Buffer[]; got: number }>();
  const log: LoggedRequest[] = [];
  const arrivals: { method: string; path: string }[] = [];
  const faults: FaultRule[] = [];
  let outageUntil = 0;
  let base = '';
  const directory = graphDirectory();

  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const listFor = (id: string) => {
    const list = lists.get(id) ?? [...lists.values()].find((l) => l.displayName === id);
    if (!list) throw new GraphError(404, 'itemNotFound', `List '${id}' does not exist at site with URL '${siteId}'.`);
    return list;
  };
  const column = (list: List, name: string) => list.columns.find((c) => c.name === name);

  function itemJson(item: Item, list: List, select?: string[]) {
    const fields = select
      ? Object.fromEntries(select.filter((f) => f in item.fields).map((f) => [f, item.fields[f]]))
      : item.fields;
    return {
      '@odata.etag': etagOf(item),
      id: item.id,
      eTag: etagOf(item),
      createdDateTime: item.createdDateTime,
      lastModifiedDateTime: item.lastModifiedDateTime,
      parentReference: { siteId, id: list.id },
      fields: { '@odata.etag': etagOf(item), id: item.id, ...fields },
    };
  }

  // Unique columns are looked up in maps, as SharePoint's index does, so large lists stay quick.
  type UniqueIndex = { byValue: Map<unknown, string>; byItem: Map<string, unknown> };
  const uniques = new WeakMap<List, Map<string, UniqueIndex>>();
  function uniqueIndex(list: List, column: string): Map<unknown, string> {
    let forList = uniques.get(list);
    if (!forList) uniques.set(list, (forList = new Map()));
    let index = forList.get(column);
    if (!index) {
      index = { byValue: new Map(), byItem: new Map() };
      for (const item of list.items.values()) {
        index.byValue.set(item.fields[column], item.id);
        index.byItem.set(item.id, item.fields[column]);
      }
      forList.set(column, index);
    }
    return index.byValue;
  }
  /** Keeps the unique indexes in step with an item's new, changed or removed values. */
  function reindex(list: List, item: Item, removed = false) {
    for (const [column, index] of uniques.get(list) ?? []) {
      if (index.byItem.has(item.id)) index.byValue.delete(index.byItem.get(item.id));
      index.byItem.delete(item.id);
      if (!removed && item.fields[column] !== undefined) {
        index.byValue.set(item.fields[column], item.id);
        index.byItem.set(item.id, item.fields[column]);
      }
    }
  }

  /** Values are checked against their column, as SharePoint does, so the adapter cannot rely on leniency. */
  function checkFields(list: List, fields: Record<string, unknown>, exceptItemId?: string) {
    for (const [name, value] of Object.entries(fields)) {
      if (name.startsWith('@')) continue;
      const col = column(list, name);
      if (!col) throw new GraphError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (value === null) continue;
      const bad = () => new GraphError(400, 'invalidRequest', `Invalid value for field '${name}'`);
      if (col.number && typeof value !== 'number') throw bad();
      if (col.boolean && typeof value !== 'boolean') throw bad();
      if ((col.text || col.choice || col.dateTime) && typeof value !== 'string') throw bad();
      if (col.text && !col.text.allowMultipleLines && (value as string).length > 255) throw bad();
      if (col.text?.allowMultipleLines && (value as string).length > 63_999) throw bad();
      if (col.choice && !col.choice.choices.includes(value as string)) throw bad();
      if (col.enforceUniqueValues) {
        const holder = uniqueIndex(list, name).get(value);
        if (holder !== undefined && holder !== exceptItemId) {
          throw new GraphError(409, 'nameAlreadyExists', `The value for '${name}' must be unique in this list.`);
        }
      }
    }
  }

  function parseList(query: URLSearchParams) {
    const expand = query.get('$expand') ?? query.get('expand') ?? '';
    const select = /fields\((?:\$)?select=([^)]*)\)/.exec(expand)?.[1]?.split(',').filter(Boolean);
    return { select, expandsFields: expand.startsWith('fields') };
  }

  function listItems(list: List, query: URLSearchParams, headers: Record<string, string | undefined>, path: string) {
    const filterText = query.get('$filter') ?? query.get('filter');
    let filter: Expr | undefined;
    try {
      filter = filterText ? parseFilter(filterText) : undefined;
    } catch (err) {
      if (err instanceof ODataError) throw new GraphError(400, 'invalidRequest', err.message);
      throw err;
    }
    const order = query.get('$orderby') ? parseOrderBy(query.get('$orderby')!) : [];
    const tolerant = (headers.prefer ?? '').includes(NON_INDEXED_OK);
    for (const name of [...(filter ? fieldsIn(filter) : []), ...order.map((o) => o.field)]) {
      const col = column(list, name);
      if (!col) throw new GraphError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (!col.indexed && !tolerant) {
        throw new GraphError(
          400,
          'invalidRequest',
          `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${NON_INDEXED_OK}' header to allow this, but be warned that such queries may fail on large lists.`,
        );
      }
    }
    let items = [...list.items.values()].filter((i) => !filter || matches(filter, i.fields));
    items.sort((a, b) => {
      for (const o of order) {
        const c = compareValues(a.fields[o.field], b.fields[o.field]);
        if (c !== 0) return o.descending ? -c : c;
      }
      return Number(a.id) - Number(b.id);
    });
    const top = Math.min(Number(query.get('$top') ?? query.get('top') ?? 200) || 200, MAX_PAGE);
    const skip = Number(query.get('$skiptoken')?.replace(/^Paged=TRUE&p_ID=/, '') ?? 0);
    const page = items.slice(skip, skip + top);
    items = page;
    const { select, expandsFields } = parseList(query);
    const next = new URLSearchParams(query);
    next.set('$skiptoken', `Paged=TRUE&p_ID=${skip + top}`);
    const more = skip + top < [...list.items.values()].filter((i) => !filter || matches(filter, i.fields)).length;
    return {
      '@odata.context': `${base}/v1.0/$metadata#sites('${siteId}')/lists('${list.id}')/items`,
      value: items.map((i) => {
        const json = itemJson(i, list, select);
        return expandsFields ? json : { ...json, fields: undefined };
      }),
      ...(more ? { '@odata.nextLink': `${base}${path}?${next.toString()}` } : {}),
    };
  }

  function createList(body: Record<string, unknown>): List {
    const displayName = String(body.displayName ?? '');
    if (!displayName) throw new GraphError(400, 'invalidRequest', 'displayName is required');
    if ([...lists.values()].some((l) => l.displayName === displayName)) {
      throw new GraphError(
        409,
        'nameAlreadyExists',
        `A list, survey, discussion board, or document library with the specified title already exists in this Web site.`,
      );
    }
    const list: List = {
      id: randomUUID(),
      displayName,
      description: String(body.description ?? ''),
      columns: [{ id: randomUUID(), name: 'Title', indexed: false, enforceUniqueValues: false, text: {} }],
      items: new Map(),
      nextItemId: 1,
    };
    for (const c of (body.columns as Record<string, unknown>[] | undefined) ?? []) addColumn(list, c);
    lists.set(list.id, list);
    return list;
  }

  function addColumn(list: List, body: Record<string, unknown>): GraphColumn {
    const name = String(body.name ?? '');
    if (!/^[A-Za-z][A-Za-z0-9_]{0,31}$/.test(name))
      throw new GraphError(400, 'invalidRequest', `Invalid column name '${name}'`);
    if (list.columns.some((c) => c.name === name)) {
      throw new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);
    }
    const col: GraphColumn = {
      id: randomUUID(),
      name,
      indexed: body.indexed === true,
      enforceUniqueValues: body.enforceUniqueValues === true,
      ...(['text', 'number', 'boolean', 'dateTime', 'choice'] as const).reduce(
        (acc, type) => (body[type] ? { ...acc, [type]: body[type] } : acc),
        {},
      ),
    };
    if (col.enforceUniqueValues && !col.indexed) {
      throw new GraphError(400, 'invalidRequest', 'A column that enforces unique values must be indexed.');
    }
    list.columns.push(col);
    return col;
  }

  const columnJson = (c: GraphColumn) => ({ ...c, displayName: c.name, columnGroup: 'Custom Columns' });
  const listJson = (l: List) => ({
    id: l.id,
    displayName: l.displayName,
    name: l.displayName,
    description: l.description,
    list: { template: 'genericList', hidden: false },
  });

  /** One request, whether it came over the wire or inside a $batch. */
  async function route(
    method: string,
    pathAndQuery: string,
    headers: Record<string, string | undefined>,
    body: Buffer,
  ): Promise<Reply> {
    const url = new URL(pathAndQuery, 'https://graph.local');
    const path = decodeURIComponent(url.pathname).replace(/^\/v1\.0/, '');
    const json = () => (body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {});
    const site = `/sites/${siteId}`;
    let m: RegExpExecArray | null;
    try {
      const answer = directory.route(method, path, url.searchParams, json, headers.prefer ?? '');
      if (answer) return answer;
    } catch (err) {
      if (err instanceof DirectoryError) throw new GraphError(err.status, err.code, err.message);
      throw err;
    }
    // A site by its address, as GET /sites/{hostname}:/{server-relative path} finds it.
    if (method === 'GET' && path === '/sites/contoso.sharepoint.com:/sites/policyhub') {
      return {
        status: 200,
        body: { id: siteId, displayName: 'Policy Hub', webUrl: 'https://contoso.sharepoint.com/sites/policyhub' },
      };
    }
    if (method === 'GET' && path === site)
      return {
        status: 200,
        body: { id: siteId, displayName: 'Policy Hub', webUrl: 'https://contoso.sharepoint.com/sites/policyhub' },
      };
    if (path === `${site}/lists`) {
      if (method === 'GET') return { status: 200, body: { value: [...lists.values()].map(listJson) } };
      if (method === 'POST') return { status: 201, body: listJson(createList(json())) };
    }
    if ((m = new RegExp(`^${escape(site)}/lists/([^/]+)$`).exec(path)) && method === 'GET') {
      const list = listFor(m[1]!);
      const expand = url.searchParams.get('$expand') ?? '';
      return {
        status: 200,
        body: { ...listJson(list), ...(expand.includes('columns') ? { columns: list.columns.map(columnJson) } : {}) },
      };
    }
    if ((m = new RegExp(`^${escape(site)}/lists/([^/]+)/columns$`).exec(path))) {
      const list = listFor(m[1]!);
      if (method === 'GET') return { status: 200, body: { value: list.columns.map(columnJson) } };
      if (method === 'POST') return { status: 201, body: columnJson(addColumn(list, json())) };
    }
    if ((m = new RegExp(`^${escape(site)}/lists/([^/]+)/columns/([^/]+)$`).exec(path)) && method === 'PATCH') {
      const list = listFor(m[1]!);
      const col = list.columns.find((c) => c.id === m![2] || c.name === m![2]);
      if (!col) throw new GraphError(404, 'itemNotFound', 'Column not found');
      const patch = json();
      if (typeof patch.indexed === 'boolean') col.indexed = patch.indexed;
      if (typeof patch.description === 'string')
        (col as unknown as Record<string, unknown>).description = patch.description;
      return { status: 200, body: columnJson(col) };
    }
    if ((m = new RegExp(`^${escape(site)}/lists/([^/]+)/items$`).exec(path))) {
      const list = listFor(m[1]!);
      if (method === 'GET') return { status: 200, body: listItems(list, url.searchParams, headers, `/v1.0${path}`) };
      if (method === 'POST') {
        const fields = (json().fields ?? {}) as Record<string, unknown>;
        checkFields(list, fields);
        const at = now();
        const item: Item = {
          id: String(list.nextItemId++),
          guid: randomUUID(),
          version: 1,
          createdDateTime: at,
          lastModifiedDateTime: at,
          fields: { ...fields },
        };
        list.items.set(item.id, item);
        reindex(list, item);
        return { status: 201, body: itemJson(item, list), headers: { ETag: etagOf(item) } };
      }
    }
    if ((m = new RegExp(`^${escape(site)}/lists/([^/]+)/items/([^/]+)(/fields)?$`).exec(path))) {
      const list = listFor(m[1]!);
      const item = list.items.get(m[2]!);
      if (!item) throw new GraphError(404, 'itemNotFound', 'The resource could not be found.');
      const ifMatch = headers['if-match'];
      if (ifMatch && ifMatch !== '*' && ifMatch !== etagOf(item)) {
        throw new GraphError(
          412,
          'preconditionFailed',
          'The request ETag value does not match the object’s ETag value.',
        );
      }
      if (method === 'GET') {
        const { select } = parseList(url.searchParams);
        return { status: 200, body: m[3] ? itemJson(item, list, select).fields : itemJson(item, list, select) };
      }
      if (method === 'PATCH' && m[3]) {
        const patch = json();
        checkFields(list, patch, item.id);
        Object.assign(item.fields, patch);
        reindex(list, item);
        item.version++;
        item.lastModifiedDateTime = now();
        return { status: 200, body: itemJson(item, list).fields, headers: { ETag: etagOf(item) } };
      }
      if (method === 'DELETE' && !m[3]) {
        list.items.delete(item.id);
        reindex(list, item, true);
        return { status: 204 };
      }
    }
    if (method === 'GET' && path === `${site}/drive`)
      return { status: 200, body: { id: 'drive-1', driveType: 'documentLibrary', name: 'Documents' } };
    const drive = `(?:/drives/drive-1|${escape(site)}/drive)/root:/(.+):`;
    if ((m = new RegExp(`^${drive}/content$`).exec(path))) {
      const filePath = m[1]!;
      if (method === 'PUT') {
        if (body.length > SIMPLE_UPLOAD_LIMIT) {
          throw new GraphError(413, 'requestTooLarge', 'Files over 4 MB need an upload session.');
        }
        return storeFile(filePath, body, url.searchParams.get('@microsoft.graph.conflictBehavior'));
      }
      if (method === 'GET') {
        const file = files.get(filePath);
        if (!file) throw new GraphError(404, 'itemNotFound', 'The resource could not be found.');
        return { status: 200, raw: file.bytes, headers: { 'content-type': 'application/octet-stream' } };
      }
    }
    if ((m = new RegExp(`^${drive}/createUploadSession$`).exec(path)) && method === 'POST') {
      const behaviour =
        ((json().item as Record<string, unknown> | undefined)?.['@microsoft.graph.conflictBehavior'] as string) ??
        'fail';
      if (behaviour === 'fail' && files.has(m[1]!)) throw conflict(m[1]!);
      const id = randomUUID();
      sessions.set(id, { path: m[1]!, size: 0, received: [], got: 0 });
      const expires = new Date(Date.now() + 60 * 60_000).toISOString();
      return {
        status: 200,
        body: { uploadUrl: `${base}/upload/${id}`, expirationDateTime: expires, nextExpectedRanges: ['0-'] },
      };
    }
    throw new GraphError(400, 'invalidRequest', `Unsupported request: ${method} ${path}`);
  }

  const conflict = (path: string) =>
    new GraphError(409, 'nameAlreadyExists', `The specified item name '${path}' already exists.`);

  function storeFile(path: string, bytes: Buffer, behaviour: string | null): Reply {
    if ((behaviour ?? 'replace') === 'fail' && files.has(path)) throw conflict(path);
    const id = randomUUID();
    files.set(path, { bytes, id });
    return {
      status: 201,
      body: { id, name: path.split('/').at(-1), size: bytes.length, file: { mimeType: 'application/octet-stream' } },
    };
  }

  /** An upload session chunk: PUT with Content-Range; the last one creates the file. */
  function uploadChunk(sessionId: string, headers: Record<string, string | undefined>, body: Buffer): Reply {
    const session = sessions.get(sessionId);
    if (!session) throw new GraphError(404, 'itemNotFound', 'The upload session was not found.');
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(headers['content-range'] ?? '');
    if (!range) throw new GraphError(400, 'invalidRange', 'A Content-Range header is required.');
    const [from, to, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (from !== session.got || to - from + 1 !== body.length) {
      throw new GraphError(416, 'invalidRange', 'The uploaded fragment overlaps or does not match.');
    }
    if (body.length > 60 * 1024 * 1024) throw new GraphError(413, 'requestTooLarge', 'Fragments must be under 60 MiB.');
    session.received.push(body);
    session.got = to + 1;
    if (session.got < total) {
      return {
        status: 202,
        body: {
          expirationDateTime: new Date(Date.now() + 3600_000).toISOString(),
          nextExpectedRanges: [`${session.got}-`],
        },
      };
    }
    sessions.delete(sessionId);
    return storeFile(session.path, Buffer.concat(session.received), 'fail');
  }

  async function batch(body: Buffer, headers: Record<string, string | undefined>): Promise<Reply> {
    const { requests } = JSON.parse(body.toString('utf8')) as {
      requests: {
        id: string;
        method: string;
        url: string;
        headers?: Record<string, string>;
        body?: unknown;
        dependsOn?: string[];
      }[];
    };
    if (!Array.isArray(requests) || requests.length === 0)
      throw new GraphError(400, 'invalidRequest', 'Invalid batch payload format.');
    if (requests.length > 20) {
      throw new GraphError(400, 'invalidRequest', 'The number of batch requests exceeds the maximum limit of 20.');
    }
    const responses: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[] = [];
    const statusOf = new Map<string, number>();
    for (const r of requests) {
      const failedDependency = (r.dependsOn ?? []).some((d) => (statusOf.get(d) ?? 0) >= 400);
      let reply: Reply;
      if (failedDependency) {
        reply = {
          status: 424,
          body: { error: { code: 'failedDependency', message: 'A request this depends on failed.' } },
        };
      } else {
        const partHeaders = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        const fault = takeFault(r.method, r.url);
        if (fault?.kind === 'race') raceOn(r.url);
        reply =
          fault && (fault.kind === 'throttle' || fault.kind === 'unavailable')
            ? await faultReply(fault)
            : await answer(() =>
                route(
                  r.method,
                  `/v1.0/${r.url.replace(/^\//, '')}`,
                  { ...partHeaders, prefer: partHeaders.prefer ?? headers.prefer },
                  Buffer.from(r.body === undefined ? '' : JSON.stringify(r.body)),
                ),
              );
        log.push({ method: r.method, path: r.url, status: reply.status, inBatch: true });
      }
      statusOf.set(r.id, reply.status);
      responses.push({
        id: r.id,
        status: reply.status,
        headers: { 'content-type': 'application/json', ...reply.headers },
        body: reply.body,
      });
    }
    return { status: 200, body: { responses } };
  }

  async function answer(work: () => Promise<Reply>): Promise<Reply> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof GraphError) {
        return {
          status: err.status,
          headers: err.headers,
          body: {
            error: { code: err.code, message: err.message, innerError: { date: now(), 'request-id': randomUUID() } },
          },
        };
      }
      if (err instanceof SyntaxError) {
        return {
          status: 400,
          body: { error: { code: 'invalidRequest', message: 'The request body is not valid JSON.' } },
        };
      }
      throw err;
    }
  }

  function takeFault(method: string, path: string): Fault | undefined {
    if (Date.now() < outageUntil) return { kind: 'unavailable', retryAfterSeconds: 1 };
    const rule = faults.find((f) => !f.when || f.when(method, path));
    if (!rule) return undefined;
    if (rule.times !== undefined && --rule.times <= 0) faults.splice(faults.indexOf(rule), 1);
    return rule.fault;
  }

  async function faultReply(fault: Fault): Promise<Reply> {
    if (fault.kind === 'throttle') {
      return {
        status: 429,
        headers: { 'Retry-After': String(fault.retryAfterSeconds) },
        body: { error: { code: 'tooManyRequests', message: 'The request has been throttled.' } },
      };
    }
    if (fault.kind === 'unavailable') {
      return {
        status: 503,
        headers: fault.retryAfterSeconds ? { 'Retry-After': String(fault.retryAfterSeconds) } : {},
        body: { error: { code: 'serviceNotAvailable', message: 'The service is temporarily unavailable.' } },
      };
    }
    throw new Error(`fault ${fault.kind} is handled by the caller`);
  }

  /** A "race": another client edits the item the request is about to change, so its If-Match is stale. */
  function raceOn(pathAndQuery: string) {
    const m = /\/lists\/([^/]+)\/items\/([^/?]+)/.exec(pathAndQuery);
    const list = m
      ? [...lists.values()].find((l) => l.id === m[1] || l.displayName === decodeURIComponent(m[1]!))
      : undefined;
    const item = list?.items.get(m![2]!);
    if (item) item.version++;
  }

  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const method = req.method ?? 'GET';
      const pathAndQuery = req.url ?? '/';
      arrivals.push({ method, path: pathAndQuery });
      const body = await readBody(req);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
      const send = (reply: Reply) => {
        log.push({ method, path: pathAndQuery, status: reply.status });
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.raw ?? (reply.body === undefined ? undefined : JSON.stringify(reply.body)));
      };
      const upload = /^\/upload\/([^/?]+)/.exec(pathAndQuery);
      // Upload-session URLs are pre-authorised, and Graph says not to send the token to them.
      if (!upload && !accepted(headers.authorization)) {
        return send({
          status: 401,
          body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } },
        });
      }
      const fault = takeFault(method, pathAndQuery);
      if (fault?.kind === 'drop') {
        log.push({ method, path: pathAndQuery, status: 0 });
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault?.kind === 'race') raceOn(pathAndQuery);
      if (fault && fault.kind !== 'slow' && fault.kind !== 'race') return send(await faultReply(fault));
      if (upload && method === 'PUT') return send(await answer(async () => uploadChunk(upload[1]!, headers, body)));
      if (pathAndQuery.startsWith('/v1.0/$batch') && method === 'POST')
        return send(await answer(() => batch(body, headers)));
      send(await answer(() => route(method, pathAndQuery, headers, body)));
    })().catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'generalException', message: String(err) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    siteId,
    agent: tls.agent,
    certPath: tls.certPath,
    log,
    requestCount: () => log.filter((r) => !r.inBatch).length,
    arrivals,
    faults,
    outage(ms) {
      outageUntil = Date.now() + ms;
    },
    endOutage() {
      outageUntil = 0;
    },
    lists: () => [...lists.values()],
    reset() {
      directory.reset();
      lists.clear();
      files.clear();
      sessions.clear();
      faults.length = 0;
      log.length = 0;
      arrivals.length = 0;
      outageUntil = 0;
    },
    listByName: (name) => [...lists.values()].find((l) => l.displayName === name),
    file: (path) => files.get(path)?.bytes,
    directory,
    addServicePrincipal: (appId, displayName) => directory.addServicePrincipal(appId, displayName),
    addCatalogApp: (externalId) => directory.addCatalogApp(externalId),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
