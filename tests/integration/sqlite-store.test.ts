import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from '../../src/store/sqlite/node-sqlite.ts';
import { KINDS, KIND_NAMES } from '../../src/store/kinds.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { openSqliteAdapter } from '../../src/store/sqlite/sqlite-store.ts';
import { createStore } from '../../src/store/store.ts';
import { describeStoreContract } from '../contract/store.contract.ts';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'smph-sqlite-')), 'app.db');

describeStoreContract('SQLite', { open: async () => createStore(openSqliteAdapter({ path: freshPath() })) });

describe('SQLite adapter specifics', () => {
  test('migrations create a table and an index for every kind and indexed field in the registry', async () => {
    const path = freshPath();
    await openSqliteAdapter({ path }).close();
    const db = new DatabaseSync(path);
    const indexes = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    for (const kind of KIND_NAMES) {
      expect(db.prepare("SELECT 1 AS ok FROM sqlite_master WHERE type = 'table' AND name = ?").get(kind)).toBeTruthy();
      for (const field of KINDS[kind].indexed) expect(indexes).toContain(`${kind}_${field}`);
    }
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    db.close();
  });

  test('reopening the file keeps every record and applies no migration twice', async () => {
    const path = freshPath();
    const first = createStore(openSqliteAdapter({ path }));
    const trust = await first.trusts.create({ name: 'Durable Trust' });
    await first.close();
    const second = createStore(openSqliteAdapter({ path }));
    expect(await second.trusts.get(trust.id)).toEqual(trust);
    await second.close();
    const db = new DatabaseSync(path);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    db.close();
  });

  test('the database itself refuses to change or delete evidence files', async () => {
    const path = freshPath();
    const store = createStore(openSqliteAdapter({ path }));
    const id = await store.files.put({ contentType: 'image/png', bytes: new Uint8Array([1, 2, 3]) });
    await store.close();
    const db = new DatabaseSync(path);
    expect(() => db.prepare('UPDATE files SET bytes = ? WHERE id = ?').run(new Uint8Array([9]), id)).toThrow(
      /write-once/,
    );
    expect(() => db.prepare('DELETE FROM files').run()).toThrow(/write-once/);
    db.close();
  });

  test('the database itself refuses to edit or delete audit and chronology entries', async () => {
    const path = freshPath();
    const store = createStore(openSqliteAdapter({ path }));
    const entry = await store.audit.append({
      at: new Date().toISOString(),
      actorId: 'a',
      action: 'case.viewed',
      targetKind: 'incidents',
      targetId: 'i',
    });
    await store.incidentEntries.append({
      incidentId: 'i',
      schoolId: 's',
      byId: 'a',
      at: new Date().toISOString(),
      kind: 'report',
      text: 'The original words of the report',
    });
    await store.close();
    const db = new DatabaseSync(path);
    expect(() => db.prepare("UPDATE audit SET data = '{}' WHERE id = ?").run(entry.id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM incidentEntries').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM incidentEntries').get()).toEqual({ n: 1 });
    db.close();
  });

  test('a row edited by hand into an invalid shape is reported, not returned', async () => {
    const path = freshPath();
    const store = createStore(openSqliteAdapter({ path }));
    const trust = await store.trusts.create({ name: 'Trust' });
    const db = new DatabaseSync(path);
    db.prepare(`UPDATE trusts SET data = '{"name": 42}' WHERE id = ?`).run(trust.id);
    db.close();
    await expect(store.trusts.get(trust.id)).rejects.toThrow(/invalid trusts record: name/);
    await store.close();
  });
});
