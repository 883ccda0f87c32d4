/**
 * Checking a training provider's spreadsheet of completions, row by row, before anything is
 * written. Parsing the CSV is csv-parse's job; this decides what each row means.
 */

export const IMPORT_FIELDS = ['email', 'course', 'completedOn', 'expiresOn'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  email: 'Staff email',
  course: 'Course',
  completedOn: 'Date completed',
  expiresOn: 'Expiry date (optional)',
};

const REQUIRED_FIELDS: readonly ImportField[] = ['email', 'course', 'completedOn'];

/** Column index per field; an optional field may be left unmapped. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** Header words providers use, so most files map themselves. */
const HEADER_HINTS: Record<ImportField, RegExp> = {
  email: /e-?mail|upn|user ?name|login/i,
  course: /course|module|training|title/i,
  completedOn: /complet|passed|achieved|date taken|^date$/i,
  expiresOn: /expir|valid until|renew|due/i,
};

export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  // Expiry first: "Expiry date" would otherwise be claimed by the completion date's "date".
  for (const field of ['expiresOn', 'email', 'completedOn', 'course'] as const) {
    const index = headers.findIndex((h, i) => !taken.has(i) && HEADER_HINTS[field].test(h.trim()));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

export function mappingProblems(mapping: ColumnMapping, headerCount: number): string[] {
  const problems = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined).map(
    (f) => `Choose the column that holds “${IMPORT_FIELD_LABELS[f]}”`,
  );
  for (const [field, index] of Object.entries(mapping) as [ImportField, number][]) {
    if (index < 0 || index >= headerCount) problems.push(`“${IMPORT_FIELD_LABELS[field]}” points at no column`);
  }
  const used = Object.values(mapping);
  if (new Set(used).size !== used.length) problems.push('Each column can be used for one field only');
  return problems;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Dates as UK providers write them: 31/01/2026, 31-01-2026, 31 Jan 2026, or ISO 2026-01-31.
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

export interface ImportContext {
  /** Lower-cased email or UPN to person id, for the schools the importer may record for. */
  personByEmail: ReadonlyMap<string, string>;
  /** Lower-cased course title to course id. */
  courseByTitle: ReadonlyMap<string, string>;
  today: string;
}

export interface ImportedCompletion {
  /** The spreadsheet row number (the header is row 1), for messages. */
  row: number;
  personId: string;
  courseId: string;
  completedOn: string;
  expiresOn?: string;
}

export interface RowProblem {
  row: number;
  problems: string[];
}

export interface ImportCheck {
  good: ImportedCompletion[];
  bad: RowProblem[];
  /** Rows repeating an earlier row of the same file; counted once. */
  duplicates: number;
}

/** Checks every data row; `rows` excludes the header. */
export function checkRows(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  context: ImportContext,
): ImportCheck {
  const good: ImportedCompletion[] = [];
  const bad: RowProblem[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  rows.forEach((cells, index) => {
    const row = index + 2;
    const cell = (field: ImportField) => (mapping[field] === undefined ? '' : (cells[mapping[field]] ?? '').trim());
    if (cells.every((c) => c.trim() === '')) return;
    const problems: string[] = [];
    const email = cell('email').toLowerCase();
    const personId = context.personByEmail.get(email);
    if (!email) problems.push('the staff email is empty');
    else if (!personId) problems.push(`no member of staff here has the email “${cell('email')}”`);
    const courseTitle = cell('course');
    const courseId = context.courseByTitle.get(courseTitle.toLowerCase());
    if (!courseTitle) problems.push('the course is empty');
    else if (!courseId) problems.push(`there is no course called “${courseTitle}”`);
    const completedOn = parseUkDate(cell('completedOn'));
    if (!cell('completedOn')) problems.push('the completion date is empty');
    else if (!completedOn) problems.push(`“${cell('completedOn')}” is not a date (use day/month/year)`);
    else if (completedOn > context.today) problems.push(`the completion date ${completedOn} is in the future`);
    const expiryText = cell('expiresOn');
    const expiresOn = expiryText ? parseUkDate(expiryText) : undefined;
    if (expiryText && !expiresOn) problems.push(`“${expiryText}” is not a date (use day/month/year)`);
    else if (expiresOn && completedOn && expiresOn <= completedOn)
      problems.push('the expiry date is not after the completion date');
    if (problems.length > 0 || !personId || !courseId || !completedOn) {
      bad.push({ row, problems });
      return;
    }
    const key = `${personId}|${courseId}|${completedOn}`;
    if (seen.has(key)) {
      duplicates += 1;
      return;
    }
    seen.add(key);
    good.push({ row, personId, courseId, completedOn, ...(expiresOn ? { expiresOn } : {}) });
  });
  return { good, bad, duplicates };
}
