/**
 * The shared part of importing a spreadsheet: which column holds which field (guessed from the
 * headings, then confirmed by the person importing), and reading UK dates. Each import names
 * its fields; parsing the CSV itself is csv-parse's job.
 */

export interface FieldSpec<F extends string> {
  fields: readonly F[];
  required: readonly F[];
  labels: Readonly<Record<F, string>>;
  /** Heading words that usually mean this field. */
  hints: Readonly<Record<F, RegExp>>;
  /** Which fields claim a heading first, where several could match ("Expiry date" before "date"). */
  guessOrder: readonly F[];
}

/** Column index per field; an optional field may be left unmapped. */
export type ColumnMapping<F extends string> = Partial<Record<F, number>>;

export function suggestMapping<F extends string>(spec: FieldSpec<F>, headers: readonly string[]): ColumnMapping<F> {
  const mapping: ColumnMapping<F> = {};
  const taken = new Set<number>();
  for (const field of spec.guessOrder) {
    const index = headers.findIndex((h, i) => !taken.has(i) && spec.hints[field].test(h.trim()));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

export function mappingProblems<F extends string>(
  spec: FieldSpec<F>,
  mapping: ColumnMapping<F>,
  headerCount: number,
): string[] {
  const problems = spec.required
    .filter((f) => mapping[f] === undefined)
    .map((f) => `Choose the column that holds “${spec.labels[f]}”`);
  for (const [field, index] of Object.entries(mapping) as [F, number][]) {
    if (index < 0 || index >= headerCount) problems.push(`“${spec.labels[field]}” points at no column`);
  }
  const used = Object.values(mapping);
  if (new Set(used).size !== used.length) problems.push('Each column can be used for one field only');
  return problems;
}

/** A row's cell for a field, trimmed; empty when the field is unmapped or the row is short. */
const cellOf =
  <F extends string>(cells: readonly string[], mapping: ColumnMapping<F>) =>
  (field: F): string =>
    mapping[field] === undefined ? '' : (cells[mapping[field]] ?? '').trim();

const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** A row's problems, by its spreadsheet row number (the header is row 1). */
export interface RowProblem {
  row: number;
  problems: string[];
}

/** The outcome of checking one row: its problems, or the value it holds and what makes it a repeat. */
export type RowCheck<T> = { problems: string[] } | { value: T; key: string };

export interface CheckedRows<T> {
  good: (T & { row: number })[];
  bad: RowProblem[];
  /** Rows repeating an earlier row of the same file; counted once. */
  duplicates: number;
}

/** Runs a check over every data row (the header excluded), skipping blank rows and counting repeats once. */
export function checkEachRow<F extends string, T>(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping<F>,
  check: (cell: (field: F) => string) => RowCheck<T>,
): CheckedRows<T> {
  const result: CheckedRows<T> = { good: [], bad: [], duplicates: 0 };
  const seen = new Set<string>();
  rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const row = index + 2;
    const outcome = check(cellOf(cells, mapping));
    if ('problems' in outcome) result.bad.push({ row, problems: outcome.problems });
    else if (seen.has(outcome.key)) result.duplicates += 1;
    else {
      seen.add(outcome.key);
      result.good.push({ row, ...outcome.value });
    }
  });
  return result;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Dates as UK systems write them: 31/01/2026, 31-01-2026, 31 Jan 2026, or ISO 2026-01-31.
 * Day first, always: 02/03/2026 is 2 March. Returns yyyy-mm-dd, or undefined if it is no real date.
 */
export function parseUkDate(text: string): string | undefined {
  const value = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2}) ([a-z]{3})[a-z]* (\d{4})$/i.exec(value))) {
    [d, m, y] = [Number(match[1]), MONTHS.indexOf(match[2]!.toLowerCase()) + 1, Number(match[3])];
  } else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}
