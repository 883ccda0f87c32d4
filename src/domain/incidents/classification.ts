import { INCIDENT_TYPES, type Audience, type IncidentType, type RiskArea, type RiskType } from './catalogue.ts';

/**
 * Words that suggest a possible criminal offence. Reading them never decides anything on its
 * own: it raises the flag so the DSL sees the school's procedure (preserve evidence, do not
 * investigate, consider police, LADO, children's social care or CEOP).
 */
export const CRIME_INDICATORS: { name: string; pattern: RegExp; sexual?: boolean }[] = [
  {
    name: 'possible indecent images of a child',
    pattern:
      /\b(nudes?|naked|indecent|topless|sexting|explicit (photo|image|picture|video)s?|sexual (photo|image|picture|video)s?)\b/i,
    sexual: true,
  },
  {
    name: 'possible grooming',
    pattern: /\bgroom(ing|ed|s)?\b|\bdon'?t tell (anyone|your (mum|dad|parents?|carers?))\b/i,
    sexual: true,
  },
  { name: 'sextortion or blackmail', pattern: /\b(sextortion|blackmail(ed|ing)?)\b/i, sexual: true },
  {
    name: 'hate material',
    pattern:
      /\b(racis[tm]|homophobi[ac]|transphobi[ac]|antisemiti[cs]m?|islamophobi[ac]|hate (speech|crime|material)|nazi)\b/i,
  },
  {
    name: 'threats of violence',
    pattern: /\b(threat(en(ed|ing|s)?|s)?|(kill|stab|shoot|hurt) (you|him|her|them|me|us)|bomb)\b/i,
  },
  { name: 'harassment or stalking', pattern: /\b(harass(ment|ing|ed)?|stalk(ing|ed|er|s)?)\b/i },
  {
    name: "misuse of someone else's login",
    pattern:
      /\b(hack(ed|ing|er)?|logged (in|into) (as|my|his|her|their)|used (my|his|her|their) (password|login|log-in))\b/i,
  },
];

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
}

/**
 * The default classification of a new report: the type's area and risk type, adjusted by what
 * the reporter wrote. The DSL can change area and risk type afterwards (audited).
 */
export function classify(type: IncidentType, description: string, immediateRisk: boolean): Classification {
  const def = INCIDENT_TYPES[type];
  const hits = CRIME_INDICATORS.filter((c) => c.pattern.test(description));
  const sexual = hits.some((c) => c.sexual);
  let riskType: RiskType = def.riskType;
  let riskArea: RiskArea = def.riskArea;
  if (sexual) riskType = 'sexual';
  else if (riskType === 'values' && AGGRESSIVE.test(description)) riskType = 'aggressive';
  else if (riskType !== 'commercial' && COMMERCIAL.test(description) && !AGGRESSIVE.test(description)) {
    riskType = 'commercial';
    riskArea = 'commerce';
  }
  const possibleCrime = def.possibleCrime || hits.length > 0;
  // A report that looked like reputation or account trouble but carries signs of harm to a child,
  // or an immediate risk, belongs with the safeguarding lead instead.
  const escalate = immediateRisk || sexual || (possibleCrime && def.audience === 'reputation');
  const audience: Audience = escalate && def.audience !== 'adult-conduct' ? 'safeguarding' : def.audience;
  return {
    riskArea,
    riskType,
    audience,
    possibleCrime,
    crimeIndicators: hits.map((c) => c.name),
    safeguarding: audience === 'safeguarding' || audience === 'adult-conduct',
    urgent: immediateRisk || sexual,
  };
}
