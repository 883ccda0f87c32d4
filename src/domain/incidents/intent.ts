import type { PLATFORMS } from '../records.ts';
import type { IncidentType } from './catalogue.ts';

export type Platform = (typeof PLATFORMS)[number];

/** What staff actually type for each platform. */
const PLATFORM_WORDS: [Platform, RegExp][] = [
  ['Instagram', /\b(instagram|insta|ig)\b/i],
  ['Facebook', /\b(facebook|fb|messenger)\b/i],
  ['X', /\b(twitter|tweet(ed|s)?|x\.com)\b|\bon x\b/i],
  ['TikTok', /\btik ?tok\b/i],
  ['Snapchat', /\b(snapchat|snap)\b/i],
  ['WhatsApp', /\bwhats ?app\b/i],
  ['YouTube', /\byou ?tube\b/i],
  ['LinkedIn', /\blinked ?in\b/i],
  ['Threads', /\bthreads\b/i],
  ['Bluesky', /\bblue ?sky\b/i],
];

export function detectPlatform(text: string): Platform | undefined {
  return PLATFORM_WORDS.find(([, pattern]) => pattern.test(text))?.[0];
}

const PUPIL = /\b(pupils?|students?|child(ren)?|kids?|year \d{1,2}|y\d{1,2}|ex-?pupils?|former pupils?|boy|girl)\b/i;

/** Ordered: the first matching rule wins, most specific first. */
const TYPE_RULES: [IncidentType, (t: string) => boolean][] = [
  ['compromised-account', (t) => /\b(hack(ed)?|compromised|someone (got|has got|has) into|taken over)\b/i.test(t)],
  [
    'images-without-consent',
    (t) =>
      /\b(photos?|pictures?|pics|images?|videos?)\b/i.test(t) && PUPIL.test(t) && /\b(post|shar|upload|put)/i.test(t),
  ],
  ['friend-request', (t) => /\b(friend|follow)(ed)?[- ]?requests?\b|\badded me\b|\bfollow(ed|ing)? me\b/i.test(t)],
  [
    'pupil-contact',
    (t) =>
      PUPIL.test(t) &&
      // The pupil contacts the reporter: "messaged me", "my personal account", not "messaging pupils".
      /\b(messag(ed|ing)|dm'?d|texted|contact(ed|ing)|snapp(ed|ing)|sent|emailed|whatsapp'?d) me\b|\bmy (personal|own) (account|number|phone|profile)\b/i.test(
        t,
      ),
  ],
  ['cyberbullying', (t) => /\b(cyber-?)?bull(y|ied|ies|ying)\b/i.test(t)],
  [
    'adult-conduct',
    (t) =>
      /\b(colleague|teacher|member of staff|staff member|teaching assistant|coach|volunteer|adult)\b/i.test(t) &&
      /\b(concern|inappropriate|worried|messag|befriend|contact)/i.test(t) &&
      !/\b(parent|carer)s?\b/i.test(t),
  ],
  [
    'inappropriate-post',
    (t) =>
      /\b(post(ed|s|ing)?|comment(ed|s)?|review|page|group|thread)\b/i.test(t) &&
      /\b(parent|carer|someone|people|person|abus|insult|slag|rude|offensive|nasty|about (the|our) school)/i.test(t),
  ],
];

export function detectIncidentType(text: string): IncidentType | undefined {
  return TYPE_RULES.find(([, test]) => test(text))?.[0];
}

const REPORT_COMMAND = /^\s*\/?(report|report (an |a )?(incident|concern)|new report|raise a concern)\b/i;
const QUESTION =
  /\?\s*$|^\s*(can|could|should|may|must|am i|is it|is there|are (we|staff|teachers)|do|does|what|how|when|who|where|why|which)\b/i;
/** Words that say something has already happened, rather than asking about a rule. */
const EVENT =
  /\b(last (night|week)|yesterday|this (morning|afternoon|evening)|earlier|just now|today|has (sent|added|messaged|posted|followed)|sent me|added me|messaged me|followed me|dm'?d me|posted|shared|happened|i (saw|received|got|noticed|spotted)|found (an? |some )?(posts?|photos?|pictures?|images?|videos?|comments?|accounts?|pages?|profiles?|messages?)|i['’]?ve (seen|received|been sent)|show(ed|n) me|told me|(has|have|was|got|been) hacked|(got|gotten) into (my|our|the)|keeps? (posting|messaging|sending|adding|commenting)|(harass|threaten|bully|bulli)(ed|ing) me|is (messaging|contacting|posting about) me)\b/i;
/** Words that may be a child disclosing harm; these always start a report. */
const DISCLOSURE =
  /\b(self[- ]?harm(ing)?|suicid(e|al)|kill (him|her|them)sel(f|ves)|being abused|abusing (him|her|them)|sexual(ly)? abus|touched (him|her|them|me)|hits? (him|her|them)|told me (that )?(he|she|they) (is|are|was|were) (being )?(hurt|abused|scared)|not safe at home)\b/i;

export type MessageIntent =
  | { kind: 'disclosure'; type?: IncidentType; platform?: Platform }
  | { kind: 'report'; type?: IncidentType; platform?: Platform }
  | { kind: 'question-with-event'; type?: IncidentType; platform?: Platform }
  | { kind: 'question' }
  | { kind: 'other' };

/**
 * Reads a chat message: a possible disclosure always starts a report; a question that also
 * describes something that happened gets an answer and an offer to report; a description of an
 * incident, or the word "report", starts a report pre-filled with what could be recognised.
 */
export function recogniseIntent(text: string): MessageIntent {
  const type = detectIncidentType(text);
  const platform = detectPlatform(text);
  const prefill = { ...(type ? { type } : {}), ...(platform ? { platform } : {}) };
  if (DISCLOSURE.test(text)) return { kind: 'disclosure', ...prefill };
  const question = QUESTION.test(text);
  const event = EVENT.test(text);
  if (question && event) return { kind: 'question-with-event', ...prefill };
  if (question) return { kind: 'question' };
  if (REPORT_COMMAND.test(text) || type || (event && PUPIL.test(text))) return { kind: 'report', ...prefill };
  return { kind: 'other' };
}

/** The sentences of a message that ask something, so an answer is not diluted by the story around it. */
export function questionPart(text: string): string {
  const asking = text
    .split(/(?<=[?.!])\s+/)
    .filter((sentence) => QUESTION.test(sentence))
    .join(' ');
  return asking || text;
}
