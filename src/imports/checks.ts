import type { RowProblem } from '../domain/imports/columns.ts';
import { ApiError } from '../http/errors.ts';
import { CsvError, parseCsv } from './spreadsheet.ts';

export const MAX_IMPORT_ROWS = 10_000;

/** The file's heading row and data rows; a file that is not CSV is a plain 400. */
export function readImportCsv(csv: string): { headers: string[]; rows: string[][] } {
  try {
    const [headers = [], ...rows] = parseCsv(csv, MAX_IMPORT_ROWS);
    return { headers, rows };
  } catch (err) {
    if (err instanceof CsvError) throw new ApiError(400, 'invalid_csv', err.message);
    throw err;
  }
}

export function refuseBadMapping(problems: readonly string[]): void {
  if (problems.length > 0) throw new ApiError(400, 'invalid_mapping', problems[0]!, problems);
}

/** Nothing is half-imported: with any bad row, the import stops unless the importer chose to skip them. */
export function refuseUnconfirmedBadRows(bad: readonly RowProblem[], acceptBadRows: boolean): void {
  if (bad.length > 0 && !acceptBadRows) {
    throw new ApiError(
      422,
      'rows_have_errors',
      `${bad.length} row${bad.length === 1 ? ' has' : 's have'} problems, so nothing was imported. Fix them, or confirm importing only the good rows.`,
      bad,
    );
  }
}
