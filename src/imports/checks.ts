import type { RowProblem } from '../domain/imports/columns.ts';
import { RuleBroken, NeedsConfirmation } from '../errors.ts';
import { CsvError, parseCsv } from './spreadsheet.ts';

export const MAX_IMPORT_ROWS = 10_000;

/** The file's heading row and data rows; a file that is not CSV is a plain 400. */
export function readImportCsv(csv: string): { headers: string[]; rows: string[][] } {
  try {
    const [headers = [], ...rows] = parseCsv(csv, MAX_IMPORT_ROWS);
    return { headers, rows };
  } catch (err) {
    if (err instanceof CsvError) throw new RuleBroken('invalid_csv', err.message);
    throw err;
  }
}

export function refuseBadMapping(problems: readonly string[]): void {
  if (problems.length > 0)
    throw new RuleBroken(
      'invalid_mapping',
      problems[0]!,
      problems.map((problem) => ({ field: 'mapping', problem })),
    );
}

/** Nothing is half-imported: with any bad row, the import stops unless the importer chose to skip them. */
export function refuseUnconfirmedBadRows(bad: readonly RowProblem[], acceptBadRows: boolean): void {
  if (bad.length > 0 && !acceptBadRows) {
    throw new NeedsConfirmation(
      'rows_have_errors',
      `${bad.length} row${bad.length === 1 ? ' has' : 's have'} problems, so nothing was imported. Fix them, or confirm importing only the good rows.`,
      bad.flatMap(({ row, problems }) => problems.map((problem) => ({ field: `row ${row}`, problem }))),
    );
  }
}
