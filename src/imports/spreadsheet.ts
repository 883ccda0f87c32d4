import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';
import { fileSafeText } from '../file-text.ts';

/**
 * Spreadsheets in and out. Exports are opened in Excel by people who trust them, so any text a
 * spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage return) is
 * prefixed with an apostrophe: it then shows as typed and never runs.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type Cell = string | number | undefined;

export interface Table {
  headers: string[];
  rows: Cell[][];
}

const text = (cell: Cell): string =>
  cell === undefined ? '' : typeof cell === 'number' ? String(cell) : fileSafeText(cell);

export function toCsv(table: Table): Uint8Array {
  const rows = [table.headers, ...table.rows].map((row) => row.map((cell) => neutraliseFormula(text(cell))));
  // A byte-order mark, so Excel reads the UTF-8 names (Siân, Zoë) correctly.
  return new TextEncoder().encode(`\ufeff${stringify(rows, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ })}`);
}

export async function toXlsx(table: Table, sheet: string): Promise<Uint8Array> {
  const header = table.headers.map((h) => ({ value: h, fontWeight: 'bold' as const }));
  const rows = table.rows.map((row) =>
    row.map((cell) =>
      typeof cell === 'number' ? { type: Number, value: cell } : { type: String, value: neutraliseFormula(text(cell)) },
    ),
  );
  const buffer = await writeXlsxFile([header, ...rows], { sheet, stickyRowsCount: 1 }).toBuffer();
  return new Uint8Array(buffer);
}

export class CsvError extends Error {}

/** Reads CSV text into rows of cells; a malformed file (an unclosed quote, say) is a CsvError naming the line. */
export function parseCsv(csv: string, maxRows: number): string[][] {
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new CsvError(`The file is not valid CSV${line ? ` near line ${line}` : ''}: ${(err as Error).message}`);
  }
  if (rows.length === 0) throw new CsvError('The file is empty');
  if (rows.length > maxRows + 1)
    throw new CsvError(`The file has more than ${maxRows} rows; split it and import each part`);
  return rows;
}
