import type { DatabaseSync } from './node-sqlite.ts';

/**
 * Versioned, forward-only migrations. Each names the tables and indexed fields explicitly
 * (rather than reading the live KINDS registry) so an old migration never changes meaning;
 * a test checks that after all migrations every kind has its table and indexes.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: DatabaseSync): void;
}

export function quoteIdent(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

/** SQL expression for a JSON field, used both in indexes and queries so the planner matches them. */
export function fieldExpr(field: string): string {
  if (field === 'createdAt') return 'created_at';
  quoteIdent(field);
  return `json_extract(data, '$.${field}')`;
}

function createKindTable(db: DatabaseSync, table: string, indexed: readonly string[], appendOnly: boolean): void {
  const t = quoteIdent(table);
  db.exec(`CREATE TABLE ${t} (
    id TEXT PRIMARY KEY NOT NULL,
    etag TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data))
  ) STRICT`);
  db.exec(`CREATE INDEX ${quoteIdent(`${table}_created_at`)} ON ${t} (created_at)`);
  for (const field of indexed) {
    db.exec(`CREATE INDEX ${quoteIdent(`${table}_${field}`)} ON ${t} (${fieldExpr(field)})`);
  }
  if (appendOnly) {
    // Enforced in the database too, so no code path (or sqlite3 shell slip) can rewrite history.
    for (const op of ['UPDATE', 'DELETE']) {
      db.exec(`CREATE TRIGGER ${quoteIdent(`${table}_no_${op.toLowerCase()}`)} BEFORE ${op} ON ${t}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`);
    }
  }
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial record kinds',
    up(db) {
      const kinds: [string, string[], boolean][] = [
        ['trusts', [], false],
        ['schools', ['trustId'], false],
        ['people', ['trustId', 'schoolId', 'aadObjectId', 'upn', 'department', 'active'], false],
        ['applications', ['schoolId', 'applicantId', 'status'], false],
        ['socialAccounts', ['schoolId', 'status', 'leadId', 'applicationId'], false],
        ['checkIns', ['accountId', 'schoolId', 'at'], false],
        ['incidents', ['schoolId', 'reporterId', 'status', 'reference', 'assigneeId', 'urgent'], false],
        ['incidentEntries', ['incidentId', 'schoolId', 'at'], true],
        ['courses', ['trustId', 'schoolId'], false],
        ['trainingRecords', ['personId', 'courseId', 'schoolId'], false],
        ['acknowledgements', ['personId', 'schoolId', 'policyVersionId'], true],
        ['policyDocuments', ['schoolId'], false],
        ['policyVersions', ['documentId', 'schoolId', 'versionNumber'], false],
        ['questions', ['schoolId', 'askerId', 'status'], false],
        ['conversationRefs', ['scope', 'personId', 'schoolId'], false],
        ['outbox', ['status', 'topic', 'notBefore'], false],
        ['counters', [], false],
        ['audit', ['actorId', 'targetKind', 'targetId', 'schoolId', 'at'], true],
      ];
      for (const [table, indexed, appendOnly] of kinds) createKindTable(db, table, indexed, appendOnly);
    },
  },
  {
    version: 2,
    name: 'write-once files',
    up(db) {
      db.exec(`CREATE TABLE files (
        id TEXT PRIMARY KEY NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        bytes BLOB NOT NULL
      ) STRICT`);
      // Evidence must be what was sent: no code path may change or remove it.
      for (const op of ['UPDATE', 'DELETE']) {
        db.exec(`CREATE TRIGGER files_no_${op.toLowerCase()} BEFORE ${op} ON files
          BEGIN SELECT RAISE(ABORT, 'files are write-once'); END`);
      }
    },
  },
  {
    version: 3,
    name: 'training reminders',
    up(db) {
      createKindTable(db, 'trainingReminders', ['personId', 'schoolId', 'day'], true);
    },
  },
  {
    version: 4,
    name: 'replies due on official accounts',
    up(db) {
      createKindTable(db, 'replyItems', ['accountId', 'schoolId', 'open', 'dueAt'], false);
    },
  },
  {
    version: 5,
    name: 'pointers from staff questions to policy passages',
    up(db) {
      createKindTable(db, 'policyPointers', ['schoolId'], false);
    },
  },
  {
    version: 6,
    name: 'audit entries about a whole trust',
    up(db) {
      db.exec(`CREATE INDEX ${quoteIdent('audit_trustId')} ON ${quoteIdent('audit')} (${fieldExpr('trustId')})`);
    },
  },
];

/** Applies pending migrations, each in its own transaction. Returns the versions applied. */
export function migrate(db: DatabaseSync, migrations: Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      db.exec('COMMIT');
      applied.push(m.version);
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
  return applied;
}
