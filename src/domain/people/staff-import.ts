import { STAFF_TYPES } from '../records.ts';
import {
  checkEachRow,
  parseUkDate,
  type CheckedRows,
  type ColumnMapping,
  type FieldSpec,
  type RowCheck,
} from '../imports/columns.ts';
import type { DirectoryEntry, StaffType } from './directory-sync.ts';

/** A staff list exported from the MIS or HR system, for embedded mode (a tenant reads Entra ID instead). */
export const STAFF_FIELDS_LIST = [
  'email',
  'givenName',
  'surname',
  'department',
  'jobTitle',
  'school',
  'staffType',
  'startedOn',
] as const;
export type StaffField = (typeof STAFF_FIELDS_LIST)[number];

export const STAFF_FIELDS: FieldSpec<StaffField> = {
  fields: STAFF_FIELDS_LIST,
  required: ['email', 'givenName', 'surname'],
  labels: {
    email: 'School email',
    givenName: 'First name',
    surname: 'Last name',
    department: 'Department (optional)',
    jobTitle: 'Job title (optional)',
    school: 'School (optional with one school)',
    staffType: 'Staff type (optional)',
    startedOn: 'Start date (optional)',
  },
  hints: {
    email: /e-?mail|upn|user ?name|login/i,
    givenName: /first|given|forename|preferred/i,
    surname: /last|surname|family/i,
    department: /department|dept|team|faculty/i,
    jobTitle: /job|title|role|position|post/i,
    school: /school|site|academy|establishment/i,
    staffType: /type|category|contract/i,
    startedOn: /start|joined|employ/i,
  },
  guessOrder: ['email', 'givenName', 'surname', 'department', 'startedOn', 'staffType', 'school', 'jobTitle'],
};

/** Staff types as MIS exports word them. */
const STAFF_TYPE_WORDS: [RegExp, StaffType][] = [
  [/^(teach|teacher|teaching|academic)/i, 'teacher'],
  [/^(support|non[- ]?teaching|associate|admin|site)/i, 'support'],
  [/^governor/i, 'governor'],
  [/^volunteer/i, 'volunteer'],
];

export interface StaffImportContext {
  /** Lower-cased school name or id to school id, for the schools the importer oversees. */
  schoolByName: ReadonlyMap<string, string>;
  /** Used when the file has no school column (a single school's list). */
  defaultSchoolId?: string;
  today: string;
}

export function checkStaffRows(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping<StaffField>,
  context: StaffImportContext,
): CheckedRows<DirectoryEntry> {
  return checkEachRow(rows, mapping, (cell): RowCheck<DirectoryEntry> => {
    const problems: string[] = [];
    const email = cell('email').toLowerCase();
    if (!email) problems.push('the email is empty');
    else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) problems.push(`“${cell('email')}” is not an email address`);
    const givenName = cell('givenName');
    const surname = cell('surname');
    if (!givenName) problems.push('the first name is empty');
    if (!surname) problems.push('the last name is empty');
    const schoolText = cell('school');
    const schoolId = schoolText ? context.schoolByName.get(schoolText.toLowerCase()) : context.defaultSchoolId;
    if (schoolText && !schoolId) problems.push(`“${schoolText}” is not a school you manage staff for`);
    else if (!schoolId) problems.push('say which school: the file has no school column, so choose one');
    const typeText = cell('staffType');
    const staffType = typeText ? STAFF_TYPE_WORDS.find(([pattern]) => pattern.test(typeText))?.[1] : 'teacher';
    if (!staffType) problems.push(`“${typeText}” is not a staff type (${STAFF_TYPES.join(', ')})`);
    const startText = cell('startedOn');
    const startedOn = startText ? parseUkDate(startText) : undefined;
    if (startText && !startedOn) problems.push(`“${startText}” is not a date (use day/month/year)`);
    if (problems.length > 0 || !schoolId || !staffType) return { problems };
    return {
      key: email,
      value: {
        email,
        givenName,
        surname,
        department: cell('department') || 'Not given',
        jobTitle: cell('jobTitle') || 'Staff member',
        schoolId,
        staffType,
        ...(startedOn ? { startedOn } : {}),
      },
    };
  });
}
