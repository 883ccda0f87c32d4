import type { PLATFORMS } from '../records.ts';
import type { IncidentType } from './catalogue.ts';
import { likelyHarm, likelyType } from './classification.ts';
import { HARM_TYPES, type Harm } from './harms.ts';
import { readHarms } from './harm-reading.ts';

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

const PUPIL =
  /\b(pupils?|students?|child(ren)?|kids?|year ?\d{1,2}s?|yr ?\d{1,2}s?|y\d{1,2}s?|ex-?pupils?|former pupils?|ex-?students?|former students?|leavers?|old pupils?|(old )?tutees?|mentees?|lads?|teens?|teenagers?|(my|his|her|their|the) form|form (group|chat)|tutor group|boys?|girls?|reception|nursery|sixth form(ers?)?|class(mates?)?)\b/i;
const ADULT_AT_SCHOOL =
  /\b(colleague|teacher|member of staff|staff member|teaching assistant|ta|coach|volunteer|adult|cover supervisor|supply|(lunchtime|dinner|midday|kitchen|office|support) (staff|supervisor|lady)|dinner lady)s?\b/i;
const IMAGES = /\b(photos?|pictures?|pics|images?|videos?|film(ed|ing)?|footage|recorded|recording|clips?)\b/i;
/** Something is out there: posted, shared, or simply "on tiktok" with views. */
const PUBLISHED =
  /\b(post|shar|upload|put)|\b(it'?s|its|is|now|went|gone|been) (up )?on (tiktok|insta\w*|snap\w*|you ?tube|facebook|twitter|x|whatsapp|the internet|social media)\b|\b\d+k? views\b|\bstuck (them |it )?on|\bon (their|his|her|my) story\b|\bdoing the rounds\b|\bended up on\b/i;
/** A pupil getting in touch with the reporter, in any tense: "whatsapps me", "keeps emailing". */
const CONTACTS_ME =
  /\b(messag|dm|texte?|contact|snapp?|emai?l|whatsapp|ring|rang|call|sen[dt]|facetim|add)\w*'?\w* me\b|\bkeeps? (messag|email|text|dm|snap|whatsapp|call|ring|comment)\w*/i;

/** Ordered: the first matching rule wins, most specific first. Harms read in the words come before all of them. */
const TYPE_RULES: [IncidentType, (t: string) => boolean][] = [
  [
    'compromised-account',
    (t) =>
      /\b(hack(ed)?|compromised|someone (got|has got|has) into|taken over|took over|locked (me |us )?out of|none of us (made|posted|wrote)|(someone|somebody) (else )?(\w+ ){0,3}logged in|changed the password|(someone|somebody)('s| has)? got into|posting (crypto|spam|ads|scam)|(i|we) (didn'?t|did not) send (anything|it|that|them)|(my|our|the school'?s?) (\w+ )?(email|account|page|insta\w*|facebook) (has been|is|was|keeps) (sending|posting)|(acc|account|email) (has )?sent (weird|strange|dodgy|spam)|(wasn'?t|was not) me)\b/i.test(
        t,
      ),
  ],
  [
    'scam',
    (t) =>
      /\b(scam(s|med|mer)?|phishing|phish|gift ?cards?|vouchers?|(fake|dodgy|suspicious|spoof(ed)?) (emails?|texts?|invoices?|links?|messages?)|(pretending|claiming) to be from|look(s|ing)? like (it'?s|they'?re|they are|it is) from|link to (pay|log ?in|sign ?in|verify)|not from us|card details|bank details|free (v-?bucks|robux|skins|gift)|taking (payments?|money|deposits)|bank transfer|saying (they'?re|theyre|it'?s|its) from|(it'?s|its) not (from )?us)\b|\bpaid\b.{0,50}\b(now )?(they'?ve|theyve|he'?s|she'?s|hes|shes) blocked\b/i.test(
        t,
      ),
  ],
  [
    'hate',
    (t) =>
      /\b(offensive|abusive|vile|disgusting)\b.{0,60}\b(hijab|muslim|jewish|black|asian|gay|lesbian|trans|disabled|religion)\b|\b(hijab|muslim|jewish|black|asian|gay|lesbian|trans|disabled)\b.{0,60}\b(offensive|abusive|vile|disgusting)\b|\banti[- ]?(muslim|semit\w*|jewish|gay|trans|black|asian)\b|\bmocking\b.{0,40}\b(sikh|turbans?|hijabs?|muslims?|jewish|kippahs?|religion|skin colou?r)\b|\b(monkey (noises|chants|sounds)|racis[tm]|antisemit\w*|homophob\w*|transphob\w*|islamophob\w*|sexist|misogyn\w*|slurs?|n-word|hate (speech|crime|messages?|comments?))\b/i.test(
        t,
      ),
  ],
  [
    'cyberbullying',
    (t) =>
      /\b(cyber-?)?bull(y|ied|ies|ying)\b|\bname[- ]calling\b|\bcall(ed|ing)? (him|her|them) names\b|\bcalled names\b/i.test(
        t,
      ) ||
      (PUPIL.test(t) &&
        /\b(mean|nasty|horrible|hurtful|cruel|vile|abusive) (messages|comments|things|texts|posts|names)\b|\bfake (\w+ )?(account|profile|page)\b|\b(picking on|ganging up|kick(ing|ed)? (him|her|them) out|left out|excluding|excluded|roasting|embarrassing|mocking|taunt\w*|teas(ing|ed)|laughing at|make fun|made fun|spreading rumou?rs|humiliat\w*|target(ed|ing)|(pig|animal) noises|chuck(ed|ing)? (his|her|their)|threw (his|her|their)|leav(e|ing) (\w+ ){0,2}out|kick\w* (\w+ ){0,2}out|remov(e|ing|ed) (him|her|them)|copying (his|her|their)|call(ing|ed)? (him|her|them) ['"‘“]|no \w+ allowed|everyone except|laughing emojis?|rate the|rating (the )?\w+|giving them scores|fatties|meme (page|account)|been removed from|nobody wants (you|him|her)|about (a|his|her) (\w+ ){0,3}(weight|looks|appearance))\b/i.test(
          t,
        )),
  ],
  [
    'images-without-consent',
    (t) =>
      IMAGES.test(t) &&
      (PUPIL.test(t) ||
        ADULT_AT_SCHOOL.test(t) ||
        /\b(assembly|nativity|sports day|school (play|trip|concert))\b/i.test(t)) &&
      PUBLISHED.test(t),
  ],
  [
    'friend-request',
    (t) =>
      /\b(friend|follow|snap(chat)?|add)(ed)?[- ]?(requests?|reqs?)\b|\brequested to (follow|friend|add)\b|\badded me\b|\bfollow(ed|ing)? me\b|\b(an? )?(\w+ )?add from\b|\bsent me a request\b/i.test(
        t,
      ),
  ],
  [
    'pupil-contact',
    (t) =>
      PUPIL.test(t) &&
      // The pupil contacts the reporter: "messaged me", "my personal account", not "messaging pupils".
      (CONTACTS_ME.test(t) ||
        /\bmy (personal|own|private|work) (account|number|phone|mobile|email|profile|facebook|instagram|insta|tiktok|snapchat)\b|\b(found|got|has) my (\w+ )?(account|profile|page|tiktok|insta|instagram|facebook|snapchat|number|mobile|email)\b|\bcommented on my\b/i.test(
          t,
        )),
  ],
  [
    'adult-conduct',
    (t) =>
      // A member of staff posting, sharing or tweeting is their own conduct, not a post about the school.
      /\b(colleague|teacher|staff|member of staff|teaching staff|ta|coach|volunteer)s?\s+(\w+\s+){0,6}?(has been |have been |is |was |keeps )?(posting|posted|posts|sharing|tweeting)\b|\b(colleague|teacher|ta|coach|volunteer|member of staff)s? (has|have) a public (tiktok|insta\w*|instagram|youtube|account|facebook)\b/i.test(
        t,
      ) ||
      // A parent's behaviour in person (not a post) is a concern about an adult too.
      (/\b(parent|carer|mum|dad|father|mother)s?\b/i.test(t) &&
        /\b(swore|swearing|shout(ed|ing)|scream(ed|ing)|yell(ed|ing)|grabbed|pushed|shoved|aggressive|threatening (staff|a teacher|the))\b/i.test(
          t,
        ) &&
        !/\b(post(ed|s|ing)?|comment(ed|s)?|review|tweet)/i.test(t)) ||
      (ADULT_AT_SCHOOL.test(t) &&
        /\b(concern|inappropriate|worried|messag|befriend|contact|add(ed|ing|s)? (\w+ )?(pupils?|students?|year|y\d|yr|several|kids)|follow(s|ing)? (\w+ ){0,2}(pupils|students|kids)|swore|swear(s|ing)?|shout(ed|ing)|scream(ed|ing)|yell(ed|ing)|stormed|grabbed|pushed|shoved|slapped|smacked|humiliat|belittl|(told|tell|telling|called|calling) (a|the|one|some) (\w+ ){0,2}(boy|girl|pupil|student|child|kid)s?)/i.test(
          t,
        ) &&
        !/\b(parent|carer)s?\b/i.test(t)),
  ],
  [
    'inappropriate-post',
    (t) =>
      /\b(post(ed|s|ing)?|comment(ed|s)?|review|page|group|thread|tweet(ed|s)?|twitter|facebook|on x|nextdoor|has put on)\b/i.test(
        t,
      ) &&
      /\b(parent|carer|mum|dad|mother|father|grandad|grandma|nan|uncle|aunt|someone|people|person|abus|insult|slag|slat|rude|offensive|nasty|having a go|criticis|incompetent|about (the|our) (school|head))/i.test(
        t,
      ),
  ],
];

/** The type the words say: a harm read in them first, then the ordinary kinds of incident. */
export const detectIncidentType = (text: string): IncidentType | undefined => typeOf(text, readHarms(text));

function typeOf(text: string, [harm]: readonly Harm[]): IncidentType | undefined {
  return harm ? HARM_TYPES[harm] : TYPE_RULES.find(([, test]) => test(text))?.[0];
}

const REPORT_COMMAND = /^\s*\/?(report|report (an |a )?(incident|concern)|new report|raise a concern)\b/i;
const QUESTION =
  /\?\s*$|^\s*(can|could|should|may|must|am i|is it|is there|are (we|staff|teachers)|do|does|what|how|when|who|where|why|which)\b/i;
/** Words that say something has already happened, rather than asking about a rule. */
const EVENT =
  /\b(last (night|week)|yesterday|this (morning|afternoon|evening)|earlier|just now|today|has (sent|added|messaged|posted|followed)|sent me|added me|messaged me|followed me|dm'?d me|posted|shared|happened|i (saw|received|got|noticed|spotted)|found (an? |some )?(posts?|photos?|pictures?|images?|videos?|comments?|accounts?|pages?|profiles?|messages?)|i['’]?ve (seen|received|been sent)|show(ed|n) me|told me|(has|have|was|got|been) hacked|(got|gotten) into (my|our|the)|keeps? (posting|messaging|sending|adding|commenting)|(harass|threaten|bully|bulli)(ed|ing) me|is (messaging|contacting|posting about) me|just (had|got|received|seen|found|been sent)|i['’]?ve (just )?(had|got)|(got|received|had|been getting|getting) (an? )?(texts?|emails?|messages?|calls?|dms?|requests?)|has (left|written|put|made|set up|created)|keeps? getting|('s|has|have) been (posting|messaging|sharing|sending|commenting|adding)|(he|she|they|someone|somebody|shes|hes)('s| has| have)? (just )?(sent|added|messaged|posted|followed|put)|overheard|mentioned (that|to me)|forwarded me|ended up on|requested to (follow|friend|add)|(acc|account|email) (has )?sent)\b/i;
/** Someone a report can be about, when a statement tells of them without the words above. */
const ACTOR =
  /\b(someone|somebody|a (man|woman|stranger|person)|parents?|mum|dad|carers?|colleague|teacher|staff|our school|the school|school'?s|my (account|page|profile)|he|she|they)\b/i;
// English and Welsh greetings (helo, shwmae, bore da, prynhawn da, noswaith dda).
const GREETINGS = String.raw`hi|hello|hey|hiya|morning|afternoon|evening|good (?:morning|afternoon|evening)|helo|shw?mae|s'mae|bore da|prynhawn da|noswaith dda`;
/** A greeting, or "start" (Teams' first message to a bot), at the start of a message. */
const GREETING = new RegExp(String.raw`^\s*(?:${GREETINGS}|start)\b`, 'i');
/** A greeting, and who is writing ("TA here -"), before what the message is about. */
const GREETING_LEAD = new RegExp(
  String.raw`^\s*((?:${GREETINGS})( (all|there|team|everyone|bot))?\b[\s,!.:;-]*)?(\w+( \w+){0,2} here\s*[,.:;-]+\s*)?`,
  'i',
);
const BARE_REPORT =
  /^\s*\/?(report|report (an |a )?(incident|concern|something)|new report|raise a concern|make a report|i (want|need|would like) to (report|make a report)( something| an incident| a concern)?)\s*[.!]?\s*$/i;

export const startsWithGreeting = (text: string): boolean => GREETING.test(text);

/** The message without a greeting before it: "Hi, a pupil..." reads as "a pupil...". */
export function withoutGreeting(text: string): string {
  const rest = text.replace(GREETING_LEAD, '');
  return rest.trim() ? rest : text;
}

/** Just the word "report" (or similar), with nothing to pre-fill the form from. */
export const isBareReportCommand = (text: string): boolean => BARE_REPORT.test(text);

export type MessageIntent =
  | { kind: 'disclosure'; type?: IncidentType; platform?: Platform }
  | { kind: 'report'; type?: IncidentType; platform?: Platform }
  | { kind: 'question-with-event'; type?: IncidentType; platform?: Platform }
  | { kind: 'question' }
  | { kind: 'other' };

/**
 * Reads a chat message: any harm read in the words always starts a report; a question that also
 * describes something that happened gets an answer and an offer to report; a description of an
 * incident, anything that tells of someone doing something, or the word "report", starts a report
 * pre-filled with what could be recognised. A greeting before any of it changes nothing.
 */
export function recogniseIntent(message: string): MessageIntent {
  const text = withoutGreeting(message);
  const harms = readHarms(text);
  const type = typeOf(text, harms);
  const platform = detectPlatform(text);
  // What the rules could not type, the model suggests; it never decides whether a report starts.
  const suggested = type ?? (isBareReportCommand(text) ? undefined : likelyType(text));
  const prefill = { ...(suggested ? { type: suggested } : {}), ...(platform ? { platform } : {}) };
  if (harms.length > 0) return { kind: 'disclosure', ...prefill };
  const question = QUESTION.test(text);
  // The risk model reads statements only: a policy question is answered, not turned into a report.
  const likely = question ? undefined : likelyHarm(text);
  if (likely) return { kind: 'disclosure', type: HARM_TYPES[likely], ...(platform ? { platform } : {}) };
  const event = EVENT.test(text) || CONTACTS_ME.test(text);
  if (question && event) return { kind: 'question-with-event', ...prefill };
  if (question) return { kind: 'question' };
  const aboutSomeone = PUPIL.test(text) || ACTOR.test(text);
  const tellsOfSomeone = aboutSomeone && (event || text.split(/\s+/).length >= 5);
  if (REPORT_COMMAND.test(text) || type || tellsOfSomeone) return { kind: 'report', ...prefill };
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
