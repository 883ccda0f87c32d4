import type { RISK_AREAS, RISK_TYPES } from '../records.ts';

export type RiskArea = (typeof RISK_AREAS)[number];
export type RiskType = (typeof RISK_TYPES)[number];

/**
 * Who a report goes to. Which people hold these duties is per-school data (see routing.ts);
 * this only says which duty an incident type engages.
 */
export type Audience = 'safeguarding' | 'reputation' | 'adult-conduct' | 'account-security';

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
}

export const INCIDENT_TYPES = {
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
export const INCIDENT_TYPE_IDS = Object.keys(INCIDENT_TYPES) as IncidentType[];

/** What a report is, in words; 'Other' for a type this version does not know. */
export const incidentTypeLabel = (type: string): string =>
  isIncidentType(type) ? INCIDENT_TYPES[type].label : 'Other';

export function isIncidentType(value: string): value is IncidentType {
  return Object.hasOwn(INCIDENT_TYPES, value);
}
