import { jest } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { replayPendingReports } from '../../src/incidents/pending-reports.ts';
import { ConflictError } from '../../src/store/errors.ts';
import { openSqliteAdapter } from '../../src/store/sqlite/sqlite-store.ts';
import { createStore } from '../../src/store/store.ts';
import { startTestApp } from '../helpers/app.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';
import { teamsUser } from '../helpers/personas.ts';

/**
 * Contention is not a fault: when every try at the next reference meets another instance's
 * (as in a burst across instances on a busy machine), the report is kept and the reporter told it
 * is kept, never "not saved"; it is filed by the next replay.
 */
jest.setTimeout(60_000);

test('a report that cannot win a reference in time is kept on the server and filed once the rush is over', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'smph-contention-')), 'app.db');
  const adapter = openSqliteAdapter({ path });
  let contended = false;
  const store = createStore({
    ...adapter,
    async apply(writes) {
      const counter = writes.find((w) => w.kind === 'counters');
      if (contended && counter) throw new ConflictError('counters', counter.row.id);
      return adapter.apply(writes);
    },
  });
  const app = await startTestApp({ SQLITE_PATH: path }, { store });
  try {
    contended = true;
    const form = friendRequestForm();
    const { body } = await executeAction(app.base, REPORT_SUBMIT_VERB, form, { from: teamsUser('Staff') });
    const card = cardText(body.value);
    expect(card).toContain('Report saved, syncing');
    expect(card).toContain('too busy to file it just now');
    expect(card).not.toMatch(/NOT been saved/);
    expect(app.app.services.pendingReports!.all().map((p) => p.draftId)).toEqual([form.draftId]);

    contended = false;
    expect(await replayPendingReports(app.app.services)).toBe(1);
    expect(await store.incidents.get(`incident-${form.draftId}`)).toBeDefined();
  } finally {
    await app.stop();
  }
});
