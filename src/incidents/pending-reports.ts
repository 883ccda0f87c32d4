import type { PendingReport, PendingReports } from '../ports.ts';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { queueMessage } from '../notifications/outbox.ts';
import type { Services } from '../services.ts';
import { StoreUnavailableError } from '../store/errors.ts';
import { DomainError } from '../errors.ts';
import { DatabaseSync } from '../store/sqlite/node-sqlite.ts';
import { reportIncident } from './report-incident.ts';

/** The member of staff hears that the report they were told was safe has reached the safeguarding lead. */
export const REPORT_SYNCED_TOPIC = 'incident.synced';

const VOUCHED = 'vouched:';
/** How a waiting report names a reporter known only by their Entra id (see the bot's sender). */
export const vouchedReporterId = (aadObjectId: string) => `${VOUCHED}${aadObjectId}`;

/** The reporter of a waiting report: by id, or, for one taken on the tenant's word, by their Entra id. */
async function reporterOf(services: Services, reporterId: string) {
  if (!reporterId.startsWith(VOUCHED)) return services.store.people.get(reporterId);
  const aadObjectId = reporterId.slice(VOUCHED.length);
  const [person] = (await services.store.people.list({ where: { aadObjectId }, limit: 1 })).items;
  return person?.active ? person : undefined;
}

export function openPendingReports(path: string): PendingReports {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // A rollback journal, not WAL: WAL needs shared memory, which a network share such as App
  // Service's /home cannot give, and this file sees few writes (only while the store is away).
  db.exec('PRAGMA journal_mode = DELETE');
  db.exec('PRAGMA synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS pending_reports (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id TEXT NOT NULL UNIQUE,
    reporter_id TEXT NOT NULL,
    submitted TEXT NOT NULL,
    received_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  )`);
  type Row = { draft_id: string; reporter_id: string; submitted: string; received_at: string; attempts: number };
  const fromRow = (r: Row): PendingReport => ({
    draftId: r.draft_id,
    reporterId: r.reporter_id,
    submitted: JSON.parse(r.submitted) as Record<string, unknown>,
    receivedAt: r.received_at,
    attempts: r.attempts,
  });
  return {
    add(reporterId, submitted, receivedAt) {
      // The same form sent twice while the store is away is kept once.
      db.prepare(
        'INSERT OR IGNORE INTO pending_reports (draft_id, reporter_id, submitted, received_at) VALUES (?, ?, ?, ?)',
      ).run(String(submitted.draftId), reporterId, JSON.stringify(submitted), receivedAt);
    },
    all: () => (db.prepare('SELECT * FROM pending_reports ORDER BY seq').all() as unknown as Row[]).map(fromRow),
    forReporter: (reporterId) =>
      (
        db
          .prepare('SELECT * FROM pending_reports WHERE reporter_id = ? ORDER BY seq')
          .all(reporterId) as unknown as Row[]
      ).map(fromRow),
    remove(draftId) {
      db.prepare('DELETE FROM pending_reports WHERE draft_id = ?').run(draftId);
    },
    noteAttempt(draftId, error) {
      db.prepare('UPDATE pending_reports SET attempts = attempts + 1, last_error = ? WHERE draft_id = ?').run(
        error.slice(0, 500),
        draftId,
      );
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}

/**
 * Sends the waiting reports on to the store, oldest first, stopping at the first sign the store
 * is still away. Returns how many were saved.
 */
export async function replayPendingReports(services: Services): Promise<number> {
  const pending = services.pendingReports;
  if (!pending) return 0;
  let saved = 0;
  for (const report of pending.all()) {
    try {
      const reporter = await reporterOf(services, report.reporterId);
      if (!reporter) {
        // Gone from the directory, or taken on the tenant's word and not synced in yet: kept, loudly, not dropped.
        services.log.error({ draftId: report.draftId }, 'a waiting report has a reporter the directory no longer has');
        pending.noteAttempt(report.draftId, 'reporter not found');
        continue;
      }
      let outcome;
      try {
        outcome = await reportIncident(services, reporter, report.submitted);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        services.log.error({ draftId: report.draftId, refusal: err.code }, 'a waiting report was refused');
        pending.noteAttempt(report.draftId, `refused: ${err.message}`);
        continue;
      }
      if (!outcome.alreadySaved) {
        await services.store.commit((uow) =>
          queueMessage(
            uow,
            REPORT_SYNCED_TOPIC,
            {
              incidentId: outcome.incident.id,
              recipientId: reporter.id,
              alerted: { group: outcome.alertedTo, people: outcome.alerted },
            },
            services.now().toISOString(),
          ),
        );
      }
      pending.remove(report.draftId);
      saved++;
    } catch (err) {
      pending.noteAttempt(report.draftId, (err as Error).message);
      if (err instanceof StoreUnavailableError) break;
      services.log.error({ err, draftId: report.draftId }, 'sending a waiting report on failed');
    }
  }
  if (saved) services.outbox.kick();
  return saved;
}
