import {
  checkEachRow,
  parseUkDate,
  type CheckedRows,
  type ColumnMapping,
  type FieldSpec,
  type RowCheck,
} from '../imports/columns.ts';

/**
 * Checking a training provider's spreadsheet of completions, row by row, before anything is
 * written. Parsing the CSV is csv-parse's job; this decides what each row means.
 */

export const IMPORT_FIELDS = ['email', 'course', 'completedOn', 'expiresOn'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const COMPLETION_FIELDS: FieldSpec<ImportField> = {
  fields: IMPORT_FIELDS,
  required: ['email', 'course', 'completedOn'],
  labels: {
    email: 'Staff email',
    course: 'Course',
    completedOn: 'Date completed',
    expiresOn: 'Expiry date (optional)',
  },
  hints: {
    email: /e-?mail|upn|user ?name|login/i,
    course: /course|module|training|title/i,
    completedOn: /complet|passed|achieved|date taken|^date$/i,
    expiresOn: /expir|valid until|renew|due/i,
  },
  guessOrder: ['expiresOn', 'email', 'completedOn', 'course'],
};

export interface ImportContext {
  /** Lower-cased email or UPN to person id, for the schools the importer may record for. */
  personByEmail: ReadonlyMap<string, string>;
  /** Lower-cased course title to course id. */
  courseByTitle: ReadonlyMap<string, string>;
  today: string;
  /** Whoever imports: their own rows are not theirs to vouch for. */
  importerId?: string;
}

export interface ImportedCompletion {
  personId: string;
  courseId: string;
  completedOn: string;
  expiresOn?: string;
}

export type ImportCheck = CheckedRows<ImportedCompletion>;

/** Checks every data row; `rows` excludes the header. */
export function checkRows(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping<ImportField>,
  context: ImportContext,
): ImportCheck {
  return checkEachRow(rows, mapping, (cell): RowCheck<ImportedCompletion> => {
    const problems: string[] = [];
    const email = cell('email').toLowerCase();
    const personId = context.personByEmail.get(email);
    if (!email) problems.push('the staff email is empty');
    else if (!personId) problems.push(`no member of staff here has the email “${cell('email')}”`);
    else if (personId === context.importerId)
      problems.push('this is your own training: a colleague must import or check it (declare it in My training)');
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
    if (problems.length > 0 || !personId || !courseId || !completedOn) return { problems };
    return {
      value: { personId, courseId, completedOn, ...(expiresOn ? { expiresOn } : {}) },
      key: `${personId}|${courseId}|${completedOn}`,
    };
  });
}
