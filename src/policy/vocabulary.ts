import { stemmer } from 'stemmer';

/**
 * How staff words meet policy words: British and American spellings, plurals and verb forms
 * (the Porter stemmer), and a staff-vocabulary synonym map. Shared by indexing and querying so
 * both sides are reduced the same way.
 */

const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have having he her hers him his ' +
    'i if in into is it its me my myself of on or our ours she should so than that the their them then there these they ' +
    'this those to too up us was we were what when where which while who whom why will with would you your yours ok okay ' +
    'please tell know any about allowed get got just also am let happen happens happened need needs want wants go ' +
    'ok okay fine alright someone something thing things really still new'
  ).split(' '),
);

/** American spellings to British, applied to whole words before stemming. */
const US_TO_UK: [RegExp, string][] = [
  [/^(\w{3,})iz(e|es|ed|ing|ation|ations)$/, '$1is$2'],
  [/^(\w{2,})yz(e|es|ed|ing)$/, '$1ys$2'],
  [/^(behavi|col|fav|hon|lab|neighb|rum|hum)or(s|ed|ing|ite|ites)?$/, '$1our$2'],
  [/^(cent|theat|met)er(s)?$/, '$1re$2'],
  [/^(catal|dial|anal)og(s)?$/, '$1ogue$2'],
  [/^licens(e|es)$/, 'licenc$1'],
  [/^defens(e)$/, 'defenc$1'],
  [/^program(s)?$/, 'programme$1'],
];

/** Staff words, each with the policy words it should also find. Multi-word keys are matched first. */
export const SYNONYMS: Record<string, string> = {
  respond: 'response',
  'look after': 'kept securely keep',
  'looks after': 'kept securely keep',
  'take away': 'withdrawn withdraw',
  'set up': 'open create',
  'lose my job': 'dismissal disciplinary',
  job: 'employee work',
  moan: 'comments reputation damage',
  complain: 'comments complaints',
  behaviour: 'conduct',
  check: 'monitor',
  checked: 'monitored',
  gmail: 'personal email address',
  hotmail: 'personal email address',
  text: 'messaging contact communicate',
  texting: 'messaging contact communicate',
  break: 'breach',
  breaking: 'breach',
  broke: 'breach',
  pta: 'parent group',
  page: 'account',
  class: 'pupils',
  whatsapp: 'whatsapp messaging apps',
  insta: 'instagram',
  ig: 'instagram',
  fb: 'facebook',
  twitter: 'x',
  tweet: 'post x',
  snap: 'snapchat',
  'ex-pupil': 'former pupil prior pupils',
  'ex pupil': 'former pupil prior pupils',
  'old pupil': 'former pupil prior pupils',
  'past pupil': 'former pupil prior pupils',
  alumni: 'former pupil prior pupils',
  sacked: 'dismissal disciplinary',
  fired: 'dismissal disciplinary',
  sack: 'dismissal disciplinary',
  mum: 'parent carer',
  dad: 'parent carer',
  mums: 'parents carers',
  dads: 'parents carers',
  guardian: 'parent carer',
  'friend request': 'friend follow request',
  befriend: 'friend request',
  add: 'friend request',
  added: 'friend request',
  follow: 'follow request',
  phone: 'mobile device',
  mobile: 'phone device',
  kids: 'pupils children',
  kid: 'pupil child',
  students: 'pupils',
  student: 'pupil',
  child: 'pupil',
  children: 'pupils',
  photo: 'images photographs',
  photos: 'images photographs',
  pics: 'images photographs',
  pictures: 'images photographs',
  picture: 'image photograph',
  selfie: 'image photograph',
  hacked: 'compromised hacked',
  hack: 'compromised hacked',
  password: 'log-in details passwords',
  login: 'log-in details',
  reply: 'response respond',
  answer: 'response respond',
  fast: 'within hours response',
  quickly: 'within hours response',
  dm: 'message messaging',
  message: 'messaging contact',
  chat: 'messaging contact',
  teacher: 'staff',
  teachers: 'staff',
  colleague: 'staff',
  logo: 'logo name',
  consent: 'consent permission',
  permission: 'consent permission approval',
  approve: 'approval',
  nasty: 'abusive offensive',
  rude: 'abusive offensive',
  troll: 'abusive offensive',
  bullying: 'cyberbullying bullying',
  bullied: 'cyberbullying bullying',
  head: 'headteacher',
  boss: 'headteacher senior leadership',
  slt: 'senior leadership team',
  governors: 'governing board',
  police: 'police crime',
  crime: 'criminal offence',
  illegal: 'criminal offence',
  nude: 'indecent images',
  nudes: 'indecent images',
  screenshot: 'screenshot evidence',
};

/**
 * How a question is asked, not what it is about: these find the words that answer them but do
 * not count towards how much of the question a passage covers.
 */
const QUESTION_SHAPES: Record<string, string> = {
  'how often': 'every regularly year daily',
  'how long': 'until years kept',
  'how fast': 'within hours',
  'how quickly': 'within hours',
  'how soon': 'same day at once within',
  'counts as': 'means',
  'what is meant by': 'means',
  'how much': '',
  'how many': '',
  'what time': '',
};

/**
 * Platform names narrow a question but rarely decide it: a rule about "personal social media"
 * answers a question about Instagram even when the policy never names Instagram.
 */
const PLATFORM_WORDS = new Set(
  'instagram insta ig facebook fb twitter x tiktok snapchat snap whatsapp youtube linkedin threads bluesky'.split(' '),
);

/** One word as the index sees it: lower case, British spelling, stemmed; stop words become nothing. */
export function normaliseTerm(term: string): string | null {
  let word = term
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}-]/gu, '');
  if (!word || STOP_WORDS.has(word) || word.length < 2) return null;
  for (const [pattern, replacement] of US_TO_UK) word = word.replace(pattern, replacement);
  const stem = stemmer(word);
  // "gets", "happened" and "needs" are as empty as "get", "happen" and "need".
  return STOP_WORDS.has(stem) ? null : stem;
}

export const tokenise = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .flatMap((t) => (t.includes('-') ? [t, ...t.split('-')] : [t]))
    .filter(Boolean);

/**
 * The meaningful words of a question, each with what else it may be called. Each group counts
 * once when judging how much of the question a passage answers.
 */
export function queryGroups(question: string): { groups: string[][]; hints: string[] } {
  let text = ` ${question.toLowerCase().replace(/[’']/g, '')} `;
  const groups: string[][] = [];
  const hints: string[] = [];
  for (const [shape, extra] of Object.entries(QUESTION_SHAPES)) {
    const at = text.indexOf(` ${shape} `);
    if (at >= 0) {
      hints.push(...terms(extra));
      text = `${text.slice(0, at)} ${text.slice(at + shape.length + 1)}`;
    }
  }
  // Phrases first, so "friend request" is one idea, not two.
  for (const [phrase, extra] of Object.entries(SYNONYMS).filter(([k]) => k.includes(' ') || k.includes('-'))) {
    const at = text.indexOf(` ${phrase} `);
    if (at >= 0) {
      groups.push(terms(`${phrase} ${extra}`));
      text = `${text.slice(0, at)} ${text.slice(at + phrase.length + 1)}`;
    }
  }
  for (const token of tokenise(text)) {
    const base = normaliseTerm(token);
    if (!base) continue;
    const extra = SYNONYMS[token] ?? synonymsByStem().get(base);
    const group = [...new Set([base, ...(extra ? terms(extra) : [])])];
    if (PLATFORM_WORDS.has(token)) hints.push(...group);
    else groups.push(group);
  }
  // The same idea asked twice counts once.
  const seen = new Set<string>();
  return {
    groups: groups.filter((g) => {
      const key = g[0]!;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
    hints,
  };
}

let stemmed: Map<string, string> | undefined;
/** The synonym map keyed by stem too, so "approves" finds what "approve" does. */
function synonymsByStem(): Map<string, string> {
  stemmed ??= new Map(
    Object.entries(SYNONYMS)
      .filter(([k]) => !k.includes(' '))
      .map(([k, v]) => [normaliseTerm(k) ?? k, v]),
  );
  return stemmed;
}

function terms(text: string): string[] {
  return [
    ...new Set(
      tokenise(text)
        .map(normaliseTerm)
        .filter((t): t is string => t !== null),
    ),
  ];
}
