import type { RISK_AREAS, RISK_TYPES } from '../records.ts';

export type RiskArea = (typeof RISK_AREAS)[number];
export type RiskType = (typeof RISK_TYPES)[number];

/**
 * Who a report goes to. Which people hold these duties is per-school data (see routing.ts);
 * this only says which duty an incident type engages.
 */
export const AUDIENCES = ['safeguarding', 'reputation', 'adult-conduct', 'account-security'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const isAudience = (value: string): value is Audience => (AUDIENCES as readonly string[]).includes(value);

export interface IncidentTypeDef {
  label: string;
  /** The online-risk "C" and the risk type are separate on purpose, and the DSL may change either. */
  riskArea: RiskArea;
  riskType: RiskType;
  audience: Audience;
  /** A crime is possible from the type alone, before any keywords are read. */
  possibleCrime: boolean;
  /** Plain-words advice given with the confirmation, for what to do now. */
  advice: string[];
  /** A harm a DSL must act on at once: always urgent, always to the safeguarding leads. */
  highRisk?: boolean;
}

/** The first thing a reporter of any high-risk harm is told, whatever else the advice says. */
export const TELL_DSL_NOW =
  'Tell a designated safeguarding lead in person now; do not wait for them to read this report. If a life is at risk, call 999 first.';
const NO_SECRETS = 'Reassure the child that they were right to tell, and do not promise to keep it secret.';
export const NEVER_COPY_IMAGES =
  'Do not view, copy, screenshot, save or forward any sexual image of a child, even to report it, and do not ask anyone to send it to you. Describe where it is and who has it instead.';

export const INCIDENT_TYPES = {
  'wellbeing-disclosure': {
    label: "A pupil's self-harm or suicidal thoughts, or a child telling of harm",
    // Where the school's own classification puts self-harm; the DSL may change it.
    riskArea: 'contact',
    riskType: 'values',
    audience: 'safeguarding',
    possibleCrime: false,
    highRisk: true,
    advice: [
      TELL_DSL_NOW,
      'If the pupil wrote to you or told you, let them know you have heard them and that help is coming. Do not cut off contact with them.',
      NO_SECRETS,
      'Keep the messages or post as they are, and note what was said, in their words, with where and when.',
    ],
  },
  'sexual-images': {
    label: 'Sexual images of a child: asked for, made or shared',
    riskArea: 'conduct',
    riskType: 'sexual',
    audience: 'safeguarding',
    possibleCrime: true,
    highRisk: true,
    advice: [
      TELL_DSL_NOW,
      NEVER_COPY_IMAGES,
      'If a phone or tablet holds the image, do not look through it: ask for it to be turned off and kept safe until the DSL decides.',
      NO_SECRETS,
    ],
  },
  grooming: {
    label: 'Grooming, sextortion or exploitation of a child',
    riskArea: 'contact',
    riskType: 'sexual',
    audience: 'safeguarding',
    possibleCrime: true,
    highRisk: true,
    advice: [
      TELL_DSL_NOW,
      'Do not reply to, confront or contact the person behind the messages, and make sure nobody pays them anything.',
      'Keep the messages and the account as they are: do not delete them, and ask the child not to delete them either. Note the other person’s username and the app.',
      NEVER_COPY_IMAGES,
      'Tell the child it is not their fault. The DSL may report it to CEOP or the police.',
    ],
  },
  extremism: {
    label: 'Radicalisation or extremism',
    riskArea: 'content',
    riskType: 'values',
    audience: 'safeguarding',
    // Terrorist material and encouragement are offences; Prevent may apply.
    possibleCrime: true,
    highRisk: true,
    advice: [
      TELL_DSL_NOW,
      'Do not argue with the pupil about their views or share the material any further.',
      'Note what was said or shown, the account name, where it was posted and when.',
    ],
  },
  threat: {
    label: 'A threat to hurt someone',
    riskArea: 'conduct',
    riskType: 'aggressive',
    audience: 'safeguarding',
    possibleCrime: true,
    highRisk: true,
    advice: [
      TELL_DSL_NOW,
      'Do not confront the person who made the threat, and keep the person threatened safe and with an adult.',
      'Keep the post or message: note the account name, the app and the time.',
    ],
  },
  'danger-now': {
    label: 'A child missing or in danger now',
    riskArea: 'contact',
    riskType: 'aggressive',
    audience: 'safeguarding',
    possibleCrime: true,
    highRisk: true,
    advice: [
      'If a child may be in danger now, call 999 first, then tell a designated safeguarding lead in person straight away.',
      'Stay in touch with whoever is with the child or heard from them, and write down what they know: where, who with, and since when.',
      'Do not wait for a reply to this report before acting.',
    ],
  },
  'friend-request': {
    label: 'A friend or follow request from a pupil',
    riskArea: 'contact',
    riskType: 'values',
    audience: 'safeguarding',
    possibleCrime: false,
    advice: [
      'Do not accept the request and do not reply.',
      'Take a screenshot of the request showing the account name, date and time.',
      'Then block the account, or decline the request.',
    ],
  },
  'pupil-contact': {
    label: 'A pupil contacted my personal account',
    riskArea: 'contact',
    riskType: 'values',
    audience: 'safeguarding',
    possibleCrime: false,
    advice: [
      'Do not reply, and do not delete the messages.',
      'Take screenshots that show the account name, date and time, unless the messages may contain indecent images.',
      'Block the account once you have your evidence.',
    ],
  },
  'inappropriate-post': {
    label: 'An inappropriate post about the school, staff or pupils',
    riskArea: 'conduct',
    riskType: 'aggressive',
    audience: 'reputation',
    possibleCrime: false,
    advice: [
      'Do not reply to or argue with the post.',
      'Take a screenshot showing who posted it, where, and when.',
      'Report the post to the platform if it breaks their rules.',
    ],
  },
  cyberbullying: {
    label: 'Cyberbullying of a pupil or member of staff',
    riskArea: 'conduct',
    riskType: 'aggressive',
    audience: 'safeguarding',
    possibleCrime: false,
    advice: [
      'Reassure the person who told you, and do not promise to keep it secret.',
      'Keep any evidence you were shown, without forwarding images of pupils.',
    ],
  },
  'images-without-consent': {
    label: 'Images of pupils shared without consent',
    riskArea: 'content',
    riskType: 'values',
    audience: 'safeguarding',
    possibleCrime: false,
    advice: [
      'Do not download, copy or share the images.',
      'Note where you saw them: the account, page or group, and the date and time.',
      'If an image may be indecent, do not screenshot it: describe it and tell the DSL now.',
    ],
  },
  'adult-conduct': {
    label: "A concern about an adult's conduct",
    riskArea: 'conduct',
    riskType: 'values',
    audience: 'adult-conduct',
    possibleCrime: false,
    advice: [
      'Do not discuss your concern with the adult concerned or with colleagues.',
      'Write down what you saw or heard, in their words, with the date and time.',
    ],
  },
  'compromised-account': {
    label: 'A school or personal account has been hacked',
    riskArea: 'conduct',
    riskType: 'commercial',
    audience: 'account-security',
    // Using someone else's login without permission is an offence under the Computer Misuse Act.
    possibleCrime: true,
    advice: [
      'Change the password now, from a device you trust, and sign out of other sessions.',
      'Tell people not to trust messages sent from the account until it is secured.',
      'Do not delete posts the intruder made: screenshot them first as evidence.',
    ],
  },
  hate: {
    label: 'Hateful messages or posts: racist, antisemitic, homophobic or similar',
    riskArea: 'conduct',
    riskType: 'aggressive',
    audience: 'safeguarding',
    // A hate incident may be a hate crime; the DSL decides with the school's procedure.
    possibleCrime: true,
    advice: [
      'Do not reply to or share the messages.',
      'Note who sent or posted them, where and when; a screenshot is fine if there are no images of pupils.',
      'Tell the pupil or colleague targeted that it is being dealt with.',
    ],
  },
  scam: {
    label: 'A scam or phishing message',
    riskArea: 'commerce',
    riskType: 'commercial',
    audience: 'account-security',
    possibleCrime: true,
    advice: [
      'Do not click links, reply, buy anything, or send money, codes or passwords.',
      'Check with the person it claims to come from by another route, such as a phone call.',
      'If you already clicked or replied, change your password now.',
    ],
  },
  other: {
    label: 'Something else',
    riskArea: 'content',
    riskType: 'values',
    // Unknown reports go to the DSL: the safe default when we cannot tell.
    audience: 'safeguarding',
    possibleCrime: false,
    advice: ['Keep any evidence you have, without forwarding images of pupils.'],
  },
} as const satisfies Record<string, IncidentTypeDef>;

export type IncidentType = keyof typeof INCIDENT_TYPES;
/** Non-empty, so it can be a zod enum as it is. */
export const INCIDENT_TYPE_IDS = Object.keys(INCIDENT_TYPES) as [IncidentType, ...IncidentType[]];

/**
 * What a report is, as an alert outside the hub says it (a chat card, a notification, an email). A
 * high-risk type is only "a safeguarding concern" there: an alert may be read over a shoulder or on
 * a lock screen, and what it is about is for the case, after a role check.
 */
export const alertTypeLabel = (type: string): string =>
  isIncidentType(type) && (INCIDENT_TYPES[type] as IncidentTypeDef).highRisk
    ? 'A safeguarding concern'
    : incidentTypeLabel(type);

/** What a report is, in words; 'Other' for a type this version does not know. */
export const incidentTypeLabel = (type: string): string =>
  isIncidentType(type) ? INCIDENT_TYPES[type].label : 'Other';

export function isIncidentType(value: string): value is IncidentType {
  return Object.hasOwn(INCIDENT_TYPES, value);
}
