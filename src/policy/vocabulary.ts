import { stemmer } from 'stemmer';
import { ALSO_FINDS, KINDS_OF, SAME_MEANING } from './school-words.ts';

/**
 * How staff words meet policy words: British and American spellings, plurals and verb forms
 * (the Porter stemmer), known phrases kept whole ("former pupil" is one idea, and "young person"
 * must not find "personal"), and the sets of words that mean the same (school-words.ts). Shared
 * by indexing and querying so both sides are reduced the same way.
 */

const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have having he her hers him his ' +
    'i if in into is it its me my myself of on or our ours she should so than that the their them then there these they ' +
    'this those to too up us was we were what when where which while who whom why will with would you your yours ok okay ' +
    'please tell know any about allowed get got just also am let happen happens happened need needs want wants go ' +
    'ok okay fine alright someone something thing things really still new goes going went gone say says see try ' +
    'trying think feel look actually during else once yes over across around among onto upon via along towards ' +
    'toward per how whether under include includes included including each ' +
    'might possible possibly later instead here first properly perhaps maybe ever already quite very ' +
    'expect expects expected ' +
    // Contractions, once their apostrophes are gone.
    'dont doesnt didnt cant couldnt wont wouldnt shouldnt isnt arent wasnt werent havent hasnt im ive ill ' +
    'youre youve theyre theyve weve were hes shes thats whats whos theres lets'
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
  'count as': 'means',
  'counted as': 'means include',
  'classed as': 'means include',
  'classified as': 'means include',
  'considered to be': 'means include',
  'regarded as': 'means include',
  'what is meant by': 'means',
  // The document itself, not a topic in it: "does this policy cover…" is asked of every policy.
  'this policy': '',
  'the policy': '',
  'our policy': '',
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
  if (term.includes(PHRASE_JOIN)) return term;
  const word = term
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
  if (!word || STOP_WORDS.has(word) || word.length < 2) return null;
  const stem = wordKey(word);
  // "gets", "happened" and "needs" are as empty as "get", "happen" and "need".
  return STOP_WORDS.has(stem) ? null : stem;
}

/** Past forms the stemmer cannot see through: "has left" is about leaving, "kept" about keeping. */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    'left:leave kept:keep sent:send told:tell took:take taken:take made:make gave:give given:give saw:see seen:see ' +
    'wrote:write written:write thought:think taught:teach caught:catch bought:buy felt:feel found:find heard:hear ' +
    'held:hold met:meet paid:pay said:say shown:show spoke:speak spoken:speak stole:steal stolen:steal ' +
    'understood:understand brought:bring ran:run chose:choose chosen:choose began:begin begun:begin broke:break ' +
    'broken:break forgot:forget forgotten:forget hid:hide hidden:hide lost:lose meant:mean sold:sell became:become'
  )
    .split(' ')
    .map((pair) => pair.split(':')),
);

/**
 * Words the stemmer would merge with a different idea: "personal" is not "person", "community" not
 * "communication", a "reporter" does not report a concern, an "organisation" is not organised, and
 * asking what "information" to give is not informing anyone.
 */
const KEEP_WHOLE = new Set([
  'personal',
  'community',
  'news',
  'general',
  'reporter',
  'reporters',
  'organisation',
  'organisations',
  'information',
]);

/** A word reduced for comparison, stop words included, as phrases are matched. */
function wordKey(word: string): string {
  if (KEEP_WHOLE.has(word)) return word;
  let british = IRREGULAR[word] ?? word;
  for (const [pattern, replacement] of US_TO_UK) british = british.replace(pattern, replacement);
  return stemmer(british);
}

const PHRASE_JOIN = '_';
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Every known phrase, as its words' keys, keyed by its first word's key; longest first. */
const PHRASES: Map<string, string[][]> = (() => {
  const all = [...SAME_MEANING.flat(), ...Object.entries(ALSO_FINDS).flat(2), ...Object.entries(KINDS_OF).flat(2)]
    .map((phrase) => words(phrase).map(wordKey))
    .filter((keys) => keys.length > 1);
  const byFirst = new Map<string, string[][]>();
  for (const keys of all) {
    const list = byFirst.get(keys[0]!) ?? [];
    if (!list.some((k) => k.join(' ') === keys.join(' '))) list.push(keys);
    byFirst.set(keys[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
})();

/** The phrases that start at word i, longest first. */
function phrasesAt(keys: string[], i: number): string[][] {
  return (PHRASES.get(keys[i]!) ?? []).filter((phrase) => phrase.every((k, j) => keys[i + j] === k));
}

/**
 * A passage's tokens for the index: every word, plus a token for each known phrase in it, so a
 * passage about "former pupils" is found both by "pupil" and by "ex-pupil".
 */
export function tokenise(text: string): string[] {
  const list = words(text);
  const keys = list.map(wordKey);
  return list.flatMap((word, i) => [word, ...phrasesAt(keys, i).map((phrase) => phrase.join(PHRASE_JOIN))]);
}

/** A question's terms: a known phrase replaces its words, so it counts as one idea. */
function questionTerms(text: string): string[] {
  const list = words(text);
  const keys = list.map(wordKey);
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const phrase = phrasesAt(keys, i)[0];
    if (phrase) {
      out.push(phrase.join(PHRASE_JOIN));
      i += phrase.length - 1;
    } else {
      const term = normaliseTerm(list[i]!);
      if (term) out.push(term);
    }
  }
  return out;
}

/** How surely another word stands for the asker's: one that means the same, or a wider word for it. */
export const SAME_MEANING_CREDIT = 0.8;
export const WIDER_WORD_CREDIT = 0.5;

/** Each term with the terms it should also find, and how surely each stands for it. */
const RELATED: Map<string, Map<string, number>> = (() => {
  const related = new Map<string, Map<string, number>>();
  const relate = (from: string[], to: string[], credit: number) => {
    for (const term of from) {
      const map = related.get(term) ?? new Map<string, number>();
      for (const other of to) if (other !== term) map.set(other, Math.max(credit, map.get(other) ?? 0));
      related.set(term, map);
    }
  };
  for (const set of SAME_MEANING) {
    const terms = set.flatMap(questionTerms);
    relate(terms, terms, SAME_MEANING_CREDIT);
  }
  for (const [word, extras] of Object.entries(ALSO_FINDS))
    relate(questionTerms(word), extras.flatMap(questionTerms), SAME_MEANING_CREDIT);
  // "Christmas" finds "holidays", but a question about holidays is not about Christmas.
  for (const [wider, kinds] of Object.entries(KINDS_OF))
    relate(kinds.flatMap(questionTerms), questionTerms(wider), WIDER_WORD_CREDIT);
  return related;
})();

/** One idea in a question: the asker's own term, and every term that may stand for it with how surely (1 for their own). */
export interface Idea {
  own: string;
  credit: ReadonlyMap<string, number>;
}

const ideaOf = (term: string): Idea => ({ own: term, credit: new Map([[term, 1], ...(RELATED.get(term) ?? [])]) });

const PLATFORM_TERMS = new Set([...PLATFORM_WORDS].map((w) => normaliseTerm(w)));

/** Staff name pupils by their year ("a Year 9", "Y11"). */
const YEAR_GROUP = /\b(?:year|yr|y) ?\d{1,2}s?\b/gi;

/**
 * The ideas in a question, each with what else it may be called; each counts once when judging
 * how much of the question a passage answers. Platform names are kept apart (see PLATFORM_WORDS),
 * and hints are words that help find the answer to how the question is asked.
 */
export function queryIdeas(question: string): { ideas: Idea[]; hints: string[]; platforms: Idea[] } {
  let text = ` ${question.toLowerCase().replace(/[’']/g, '').replace(YEAR_GROUP, 'pupil')} `;
  const hints: string[] = [];
  for (const [shape, extra] of Object.entries(QUESTION_SHAPES)) {
    const at = text.indexOf(` ${shape} `);
    if (at >= 0) {
      hints.push(...questionTerms(extra));
      text = `${text.slice(0, at)} ${text.slice(at + shape.length + 1)}`;
    }
  }
  const ideas: Idea[] = [];
  const platforms: Idea[] = [];
  const seen = new Set<string>();
  for (const term of questionTerms(text)) {
    // The same idea asked twice counts once.
    if (seen.has(term)) continue;
    seen.add(term);
    (PLATFORM_TERMS.has(term) ? platforms : ideas).push(ideaOf(term));
  }
  return { ideas, hints, platforms };
}
