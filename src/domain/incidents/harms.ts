import type { IncidentType } from './catalogue.ts';

/**
 * The harms a report's words can tell of (read in harm-reading.ts), each making it urgent. In the
 * order that decides a report's type when several are read: the most specific first.
 */
export const HARMS = [
  'sextortion',
  'grooming',
  'danger-now',
  'suicide',
  'self-harm',
  'abuse-disclosure',
  'sexual-image',
  'violence-threat',
  'extremism',
] as const;
export type Harm = (typeof HARMS)[number];

/** Each harm as the DSL reads it on the case. */
export const HARM_LABELS: Record<Harm, string> = {
  sextortion: 'sextortion or blackmail',
  grooming: 'grooming or exploitation',
  'danger-now': 'a child missing or in danger now',
  suicide: 'suicidal thoughts',
  'self-harm': 'self-harm',
  'abuse-disclosure': 'a child telling of abuse',
  'sexual-image': 'a sexual image of a child',
  'violence-threat': 'a threat of violence',
  extremism: 'extremism or radicalisation',
};

/** A stored harm's words; an id this version does not know is shown as it is. */
export const harmLabel = (harm: string): string =>
  (HARMS as readonly string[]).includes(harm) ? HARM_LABELS[harm as Harm] : harm;

/** The report type that fits each harm, for pre-filling the form and choosing the advice. */
export const HARM_TYPES: Record<Harm, IncidentType> = {
  suicide: 'wellbeing-disclosure',
  'self-harm': 'wellbeing-disclosure',
  'abuse-disclosure': 'wellbeing-disclosure',
  'sexual-image': 'sexual-images',
  grooming: 'grooming',
  sextortion: 'grooming',
  extremism: 'extremism',
  'violence-threat': 'threat',
  'danger-now': 'danger-now',
};
