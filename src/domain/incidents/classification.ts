import {
  INCIDENT_TYPES,
  NEVER_COPY_IMAGES,
  type Audience,
  type IncidentType,
  type IncidentTypeDef,
  type RiskArea,
  type RiskType,
} from './catalogue.ts';
import { readHarms } from './harm-reading.ts';
import { RISK_EXAMPLES } from './risk-examples.ts';
import { trainRiskModel, type RiskModel } from './risk-model.ts';
import { HARM_TYPES, type Harm } from './harms.ts';

/**
 * Words that suggest a possible criminal offence. Reading them never decides anything on its
 * own: it raises the flag so the DSL sees the school's procedure (preserve evidence, do not
 * investigate, consider police, LADO, children's social care or CEOP).
 */
export const CRIME_INDICATORS: { name: string; pattern: RegExp }[] = [
  {
    name: 'hate material',
    pattern:
      /\b(racis[tm]|homophobi[ac]|transphobi[ac]|antisemiti[cs]m?|islamophobi[ac]|hate (speech|crime|material)|nazi)\b/i,
  },
  { name: 'harassment or stalking', pattern: /\b(harass(ment|ing|ed)?|stalk(ing|ed|er|s)?)\b/i },
  {
    name: "misuse of someone else's login",
    pattern:
      /\b(hack(ed|ing|er)?|logged (in|into) (as|my|his|her|their)|used (my|his|her|their) (password|login|log-in))\b/i,
  },
];

/** The offence a harm read in the words may be, for the DSL's procedure. */
const HARM_CRIMES: Partial<Record<Harm, string>> = {
  'sexual-image': 'possible indecent images of a child',
  grooming: 'possible grooming or exploitation',
  sextortion: 'sextortion or blackmail',
  'violence-threat': 'threats of violence',
  extremism: 'possible terrorist material or encouragement',
};
const SEXUAL_HARMS: Harm[] = ['sexual-image', 'grooming', 'sextortion'];

const AGGRESSIVE = /\b(abus(e|ed|ive|ing)|bull(y|ied|ying)|insult(s|ed|ing)?|threat|attack(ed|ing)?|swear(ing)?)\b/i;
const COMMERCIAL = /\b(scam(s|med)?|gambl(e|ing)|bitcoin|crypto|loan|money|gift cards?|phishing)\b/i;

export interface Classification {
  riskArea: RiskArea;
  riskType: RiskType;
  audience: Audience;
  possibleCrime: boolean;
  /** Which indicators were seen, for the DSL; never shown to the reporter or in alerts. */
  crimeIndicators: string[];
  /** Whether the record belongs to safeguarding (DSL-only reading and child-protection retention). */
  safeguarding: boolean;
  urgent: boolean;
  /** The harms read in the words (self-harm, grooming...); for the DSL and the reporter's advice. */
  harms: Harm[];
  /** Who read them: the written patterns, or (when those found none) the risk model. */
  harmsReadBy?: 'patterns' | 'model';
}

let model: RiskModel | undefined;
/** The risk model, learned once, on first use. */
const riskModel = () => (model ??= trainRiskModel(Object.values(RISK_EXAMPLES).flat()));

/** The harm the risk model reads in words the patterns found nothing in. */
export const likelyHarm = (text: string): Harm | undefined => riskModel().likelyHarm(text);

/** The ordinary type the risk model suggests for words no written rule could type. */
export const likelyType = (text: string): IncidentType | undefined => riskModel().likelyType(text);

/**
 * The default classification of a new report: the type's area and risk type, adjusted by what
 * the reporter wrote. The DSL can change area and risk type afterwards (audited).
 */
export function classify(type: IncidentType, description: string, immediateRisk: boolean): Classification {
  const def: IncidentTypeDef = INCIDENT_TYPES[type];
  const written = readHarms(description);
  const likely = written.length ? undefined : likelyHarm(description);
  const harms = likely ? [likely] : written;
  const hits = [
    // Only the written patterns name a possible offence: the model is a reason to look, not a finding.
    ...written.flatMap((h) => HARM_CRIMES[h] ?? []),
    ...CRIME_INDICATORS.filter((c) => c.pattern.test(description)).map((c) => c.name),
  ];
  const sexual = def.riskType === 'sexual' || harms.some((h) => SEXUAL_HARMS.includes(h));
  let riskType: RiskType = def.riskType;
  let riskArea: RiskArea = def.riskArea;
  if (sexual) riskType = 'sexual';
  else if (riskType === 'values' && AGGRESSIVE.test(description)) riskType = 'aggressive';
  else if (riskType !== 'commercial' && COMMERCIAL.test(description) && !AGGRESSIVE.test(description)) {
    riskType = 'commercial';
    riskArea = 'commerce';
  }
  const possibleCrime = def.possibleCrime || hits.length > 0;
  // A harm in the words outweighs a hurried "no immediate risk": the DSLs must see it at once.
  const urgent = immediateRisk || def.highRisk === true || harms.length > 0;
  // A report that looked like reputation or account trouble but carries signs of harm to a child,
  // or an immediate risk, belongs with the safeguarding lead instead.
  const escalate = urgent || (possibleCrime && def.audience === 'reputation');
  const audience: Audience = escalate && def.audience !== 'adult-conduct' ? 'safeguarding' : def.audience;
  return {
    riskArea,
    riskType,
    audience,
    possibleCrime,
    crimeIndicators: [...new Set(hits)],
    safeguarding: audience === 'safeguarding' || audience === 'adult-conduct',
    urgent,
    harms,
    ...(harms.length ? { harmsReadBy: likely ? ('model' as const) : ('patterns' as const) } : {}),
  };
}

/** A report's classification and the reporter's advice, read from what its form holds. */
export function assessReport(report: {
  type: IncidentType;
  description: string;
  people: string;
  immediateRisk: boolean;
}): Classification & { advice: string[] } {
  const c = classify(report.type, `${report.description}\n${report.people}`, report.immediateRisk);
  return { ...c, advice: adviceFor(report.type, c.harms) };
}

/**
 * What the reporter is told to do now. Harms read in the words decide it over the type chosen,
 * so a self-harm disclosure filed as "a pupil contacted my account" never gets "block the
 * account"; any sexual image adds the warning never to copy it.
 */
export function adviceFor(type: IncidentType, harms: readonly Harm[]): string[] {
  const lead = harms[0];
  const advice = [...INCIDENT_TYPES[lead ? HARM_TYPES[lead] : type].advice];
  if (harms.some((h) => SEXUAL_HARMS.includes(h)) && !advice.includes(NEVER_COPY_IMAGES))
    advice.splice(1, 0, NEVER_COPY_IMAGES);
  return advice;
}
