import { z } from 'zod';
import { PLATFORMS } from '../records.ts';
import { INCIDENT_TYPE_IDS, type IncidentType } from './catalogue.ts';

/** A report as validated from the form: what the domain and store work with. */
export interface ReportInput {
  draftId: string;
  type: IncidentType;
  platform: (typeof PLATFORMS)[number];
  /** ISO date-time in UTC, when a date was given; for sorting and searching. */
  occurredAt?: string;
  /** The date and time exactly as the reporter gave them (UK local time; the time may be unknown). */
  occurredOn?: string;
  occurredTime?: string;
  people: string;
  description: string;
  actionsTaken: string;
  immediateRisk: boolean;
  toldDsl: boolean;
  /** Who a concern about an adult is about: a person id, or NOT_ON_STAFF_LIST. */
  subject?: string;
}

/** The picker's choice for an adult who is not in the staff directory (a visiting coach, say). */
export const NOT_ON_STAFF_LIST = 'not-on-staff-list';

export type ReportField =
  | 'type'
  | 'subject'
  | 'platform'
  | 'occurredOn'
  | 'people'
  | 'description'
  | 'actionsTaken'
  | 'immediateRisk'
  | 'toldDsl';
export type ReportValidation =
  { ok: true; report: ReportInput } | { ok: false; errors: Partial<Record<ReportField, string>> };

const ANNOTATION =
  /^(year|yr|y\d{1,2}|reception|nursery|class|form|group|set|tutor|aged?|\d{1,2}[a-z]{0,3}|and|the|of|in|my|his|her|their|our)$/i;
/** A remark in brackets ("(6M, my class)", "(his older brother)") describes the person before it. */
const REMARK = /\([^()]*\)/g;
const UNNAMED = /\b(unknown|unnamed|anonymous|not sure|don'?t know)\b|@\w/i;

/** Words that can be part of a name: letters, at least two, and not capitals-only initials such as "JT". */
function isNameWord(word: string): boolean {
  return (
    /^\p{L}[\p{L}'’]+$/u.test(word) && !ANNOTATION.test(word) && !(word.length <= 3 && word === word.toUpperCase())
  );
}

/**
 * True when every person listed has at least a first name and a surname. Parts that only give a
 * year group or class ("Year 9", "10C") are annotations of the name before them. Entries that say
 * the person is unknown, or give an account handle, are accepted: staff cannot name who they do not know.
 */
export function hasFullNames(people: string): boolean {
  const parts = people
    .replace(REMARK, ' ')
    .split(/[\n;,]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  let named = 0;
  for (const part of parts) {
    if (UNNAMED.test(part)) {
      named++;
      continue;
    }
    const tokens = part.split(/[\s.()/-]+/).filter(Boolean);
    if (tokens.every((t) => ANNOTATION.test(t))) continue;
    if (tokens.filter(isNameWord).length < 2) return false;
    named++;
  }
  return named > 0;
}

/** How much each of a report's text answers holds: the card's inputs, the validation and the tab agree. */
export const REPORT_TEXT_LIMIT = 4000;
const TOO_LONG = `Keep this to ${REPORT_TEXT_LIMIT.toLocaleString('en-GB')} characters or fewer`;

/**
 * Text too long for a report's field, cut at a word before the limit, and said so: what a person
 * typed in chat is never shortened without telling them (Teams would cut it at the limit silently).
 */
export function fitReportText(text: string): { text: string; cutFrom?: number } {
  if (text.length <= REPORT_TEXT_LIMIT) return { text };
  const head = text.slice(0, REPORT_TEXT_LIMIT);
  const lastSpace = head.search(/\s\S*$/);
  return {
    text: (lastSpace > REPORT_TEXT_LIMIT * 0.8 ? head.slice(0, lastSpace) : head).trimEnd(),
    cutFrom: text.length,
  };
}

const yesNo = z.enum(['yes', 'no'], { message: 'Choose yes or no' });

const schema = z.object({
  draftId: z.uuid({ message: 'This form has expired; start a new report' }),
  type: z.enum(INCIDENT_TYPE_IDS, { message: 'Choose what happened' }),
  platform: z.enum(PLATFORMS, { message: 'Choose the platform' }),
  occurredOn: z.iso.date({ message: 'Give the date as a calendar date' }).optional(),
  occurredTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Give the time as hh:mm' })
    .optional(),
  people: z
    .string({ message: 'Name the people involved' })
    .trim()
    .min(3, { message: 'Name the people involved' })
    .max(REPORT_TEXT_LIMIT, { message: TOO_LONG })
    .refine(hasFullNames, {
      message:
        'Give each person’s first name and surname, not initials: for example "Riley Brookes, Year 9" rather than "R.B. Y9" (or say "unknown" if you do not know)',
    }),
  description: z
    .string({ message: 'Describe what happened' })
    .trim()
    .min(10, { message: 'Describe what happened in a sentence or two' })
    .max(REPORT_TEXT_LIMIT, { message: TOO_LONG }),
  actionsTaken: z.string().trim().max(REPORT_TEXT_LIMIT, { message: TOO_LONG }).default(''),
  immediateRisk: yesNo,
  toldDsl: yesNo,
  subject: z.string().max(128).optional(),
});

/** Validates the submitted form. `now` bounds the date: a report cannot be about the future. */
export function validateReport(submitted: Record<string, unknown>, now: Date): ReportValidation {
  // Blank inputs arrive as empty strings; treat them as not given.
  const cleaned = Object.fromEntries(Object.entries(submitted).filter(([, v]) => v !== '' && v !== null));
  const result = schema.safeParse(cleaned);
  const errors: Partial<Record<ReportField, string>> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = (issue.path[0] === 'occurredTime' ? 'occurredOn' : issue.path[0]) as ReportField;
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const v = result.data;
  if (v.type === 'adult-conduct' && !v.subject) {
    return {
      ok: false,
      errors: { subject: 'Choose who this concern is about, or "Someone not on the staff list"' },
    };
  }
  let occurredAt: string | undefined;
  if (v.occurredOn) {
    // Times are UK wall-clock. occurredAt is an approximation in UTC for ordering; what the reporter
    // entered is kept verbatim in the report entry and is what people are shown.
    occurredAt = new Date(`${v.occurredOn}T${v.occurredTime ?? '00:00'}:00Z`).toISOString();
    if (v.occurredOn > now.toISOString().slice(0, 10))
      return { ok: false, errors: { occurredOn: 'The date cannot be in the future' } };
  }
  return {
    ok: true,
    report: {
      draftId: v.draftId,
      type: v.type,
      platform: v.platform,
      occurredAt,
      occurredOn: v.occurredOn,
      occurredTime: v.occurredOn ? v.occurredTime : undefined,
      people: v.people,
      description: v.description,
      actionsTaken: v.actionsTaken,
      immediateRisk: v.immediateRisk === 'yes',
      toldDsl: v.toldDsl === 'yes',
      subject: v.subject,
    },
  };
}
