import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from './node-sqlite.ts';
import type { KindName } from '../kinds.ts';
import { ConflictError, DuplicateError, InvalidCursorError, NotFoundError, StoreError } from '../errors.ts';
import {
  checkIndexed,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Condition,
  type ListOptions,
  type Page,
  type PlannedWrite,
  type StoreAdapter,
  type StoredRow,
} from '../store.ts';
import { fieldExpr, migrate, quoteIdent } from './migrations.ts';

interface RawRow {
  id: string;
  etag: string;
  created_at: string;
  updated_at: string;
  data: string;
}

function bindable(value: unknown): SQLInputValue {
  // json_extract yields 1/0 for JSON booleans, so compare against the same.
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new StoreError(`cannot filter on a value of type ${typeof value}`);
}

function nextEtag(etag: string): string {
  const n = Number.parseInt(etag.replaceAll('"', ''), 10);
  return `"${Number.isFinite(n) ? n + 1 : 1}"`;
}

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError();
}

function whereClause(kind: KindName, where: Record<string, Condition | undefined> = {}) {
  const parts: string[] = [];
  const params: SQLInputValue[] = [];
  for (const [field, cond] of Object.entries(where)) {
    if (cond === undefined) continue;
    checkIndexed(kind, field);
    const expr = fieldExpr(field);
    if (Array.isArray(cond)) {
      if (cond.length === 0) {
        parts.push('0');
        continue;
      }
      parts.push(`${expr} IN (${cond.map(() => '?').join(', ')})`);
      params.push(...cond.map(bindable));
    } else if (typeof cond === 'object') {
      const range = cond as { gte?: unknown; lte?: unknown };
      if (range.gte !== undefined) {
        parts.push(`${expr} >= ?`);
        params.push(bindable(range.gte));
      }
      if (range.lte !== undefined) {
        parts.push(`${expr} <= ?`);
        params.push(bindable(range.lte));
      }
    } else {
      parts.push(`${expr} = ?`);
      params.push(bindable(cond));
    }
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

function fromRaw(raw: RawRow): StoredRow {
  const data = JSON.parse(raw.data) as Record<string, unknown>;
  return { ...data, id: raw.id, etag: raw.etag, createdAt: raw.created_at, updatedAt: raw.updated_at };
}

function splitRow(row: StoredRow) {
  const { id, etag: _etag, createdAt, updatedAt, ...data } = row;
  return { id, createdAt, updatedAt, data: JSON.stringify(data) };
}

export interface SqliteAdapterOptions {
  /** A file path, or ':memory:' for throwaway stores. */
  path: string;
}

/** The embedded store: one SQLite file, WAL mode, fully synchronous commits. */
export function openSqliteAdapter({ path }: SqliteAdapterOptions): StoreAdapter {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  // FULL rather than NORMAL: a report we confirm to a user must survive a power cut.
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db);

  const run = (write: PlannedWrite): StoredRow => {
    const t = quoteIdent(write.kind);
    const { id, createdAt, updatedAt, data } = splitRow(write.row);
    if (write.op === 'create') {
      const etag = '"1"';
      try {
        db.prepare(`INSERT INTO ${t} (id, etag, created_at, updated_at, data) VALUES (?, ?, ?, ?, ?)`).run(
          id,
          etag,
          createdAt,
          updatedAt,
          data,
        );
      } catch (err) {
        if (String((err as Error).message).includes('UNIQUE constraint failed')) {
          throw new DuplicateError(write.kind, id);
        }
        throw err;
      }
      return { ...write.row, etag };
    }
    const etag = nextEtag(write.expectedEtag);
    const result = db
      .prepare(`UPDATE ${t} SET etag = ?, updated_at = ?, data = ? WHERE id = ? AND etag = ?`)
      .run(etag, updatedAt, data, id, write.expectedEtag);
    if (result.changes === 0) {
      const exists = db.prepare(`SELECT 1 FROM ${t} WHERE id = ?`).get(id);
      throw exists ? new ConflictError(write.kind, id) : new NotFoundError(write.kind, id);
    }
    return { ...write.row, etag };
  };

  return {
    name: 'sqlite',
    async get(kind, id) {
      const raw = db.prepare(`SELECT * FROM ${quoteIdent(kind)} WHERE id = ?`).get(id) as RawRow | undefined;
      return raw ? fromRaw(raw) : undefined;
    },
    async list(kind, options: ListOptions<KindName>): Promise<Page<StoredRow>> {
      const { sql, params } = whereClause(kind, options.where as Record<string, Condition>);
      const orderField = (options.orderBy as string | undefined) ?? 'createdAt';
      checkIndexed(kind, orderField);
      const dir = options.descending ? 'DESC' : 'ASC';
      // Ties keep the order records were written in (rowid), as SharePoint's item ids do.
      const limit = Math.min(Math.max(1, options.limit ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
      const offset = decodeCursor(options.cursor);
      const rows = db
        .prepare(
          `SELECT * FROM ${quoteIdent(kind)} ${sql} ORDER BY ${fieldExpr(orderField)} ${dir}, rowid ${dir} LIMIT ? OFFSET ?`,
        )
        .all(...params, limit + 1, offset) as unknown as RawRow[];
      const more = rows.length > limit;
      return {
        items: rows.slice(0, limit).map(fromRaw),
        nextCursor: more ? encodeCursor(offset + limit) : undefined,
      };
    },
    async apply(writes) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const stored = writes.map(run);
        db.exec('COMMIT');
        return stored;
      } catch (err) {
        db.exec('ROLLBACK');
        throw err;
      }
    },
    async putFile(id, file) {
      try {
        db.prepare('INSERT INTO files (id, content_type, size, created_at, bytes) VALUES (?, ?, ?, ?, ?)').run(
          id,
          file.contentType,
          file.bytes.byteLength,
          new Date().toISOString(),
          file.bytes,
        );
      } catch (err) {
        if (String((err as Error).message).includes('UNIQUE constraint failed')) throw new DuplicateError('files', id);
        throw err;
      }
    },
    async getFile(id) {
      const row = db.prepare('SELECT content_type, bytes FROM files WHERE id = ?').get(id) as
        { content_type: string; bytes: Uint8Array } | undefined;
      return row ? { contentType: row.content_type, bytes: new Uint8Array(row.bytes) } : undefined;
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
}
