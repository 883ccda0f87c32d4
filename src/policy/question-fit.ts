import { headingParty, thirdPartySubject } from '../domain/policy/rule-structure.ts';
import type { Passage } from './passages.ts';

/**
 * How well a kind of passage fits the way a question is asked, apart from the words they share:
 * a "can I" question wants a rule, a "who" question a person, a first-person question a rule for
 * staff rather than for pupils or parents. Pure, so it can be read and tested on its own.
 */

const RULE_QUESTION =
  /^\s*(can|could|may|must|should|am i|are (we|staff|teachers)|is it|is (he|she|they) allowed|do (i|we)|does)\b/i;
const RULE_WORDS = /\b(must|may|should|never|not|only|required|permitted|allowed|ensure)\b/i;
const PREAMBLE = /\b(definitions?|glossary|introduction|purpose|scope|interpretation)\b/i;
const DEFINITION_QUESTION =
  /\b(counts? as|counted as|classed as|classified as|considered (to be|as)|regarded as|what is meant by|definition|define|mean by|what does .+ mean|(count|counts|covered|included) (under|by|in) (this|the) policy|(does|do) (this|the) (policy|rules) (cover|include|apply to)|does .{1,40} count)\b/i;

/**
 * What kind of thing a question asks for, and words a passage that gives it would contain: "when"
 * wants a time, "how often" a frequency. A passage without them may share the topic's words but
 * cannot be the answer.
 */
const ANSWER_TYPES: [asks: RegExp, gives: RegExp][] = [
  [
    /^\s*who\b|\bwho (should|do|does|can|must|will|decides|approves|reviews)\b/i,
    /\b(dsl|slt|senior|leaders?|leadership|head ?teacher|principal|governors?|administrators?|moderators?|staff|lead|managers?|officer|team|police|parents?|carers?|they|everyone|anyone|all|deput(y|ies)|chair|members?|designated)\b/i,
  ],
  [
    /\bwhat (has|have|needs?|should|must) to (go|be) in\b|\bwhat goes in\b|\bwhat (should|must|does|do) .{0,40}\b(include|contain|state)\b/i,
    /:\s|\bthe following\b/i,
  ],
  [
    /\bhow often\b/i,
    /\b(every|each|daily|weekly|monthly|annually|yearly|regularly|often|frequently|once|twice|times|year|always)\b/i,
  ],
  [/\bhow long\b/i, /\b(until|years?|months?|weeks?|days?|hours?|age|birthday|permanently|longer|period)\b/i],
  [
    /^\s*when\b|\bhow (soon|quickly|fast)\b|\bby when\b/i,
    /\b(days?|weeks?|hours?|minutes?|months?|years?|weekends?|holidays?|term|immediately|once|straight away|same day|before|after|until|within|when|whenever|any time|now|next)\b/i,
  ],
];

/** A passage that sets rules for pupils or parents, not for the staff who ask the bot. */
const FOR_OTHERS_TEXT =
  /^(the school (encourages|expects) )?(pupils|students|children|parents|carers|parents\/carers|parents and carers)\b[^.:]{0,30}\b(should|must|may|are|will|can|to)\b/i;
const FOR_OTHERS_HEADING = /\bby (pupils|students|parents|carers|parents\/carers)\b/i;
/** The asker speaks for themselves ("can I...", "my account"). */
const FIRST_PERSON = /\b(i|my|me|im|i'm|i’m)\b/i;

const RULE_FOR_RULE_QUESTION = 1.08;
const DEFINITION_FOR_DEFINITION_QUESTION = 1.2;
const PREAMBLE_OTHERWISE = 0.85;
const ANSWER_TYPE_MISSING = 0.9;
const RULE_FOR_OTHERS = 0.85;
/**
 * A question about pupils, parents or the school as its subject, against a section whose heading
 * says it is for someone else ("…by staff"). Chosen on the development sets (0.6 to 0.7 do as well).
 */
const SOMEONE_ELSES_SECTION = 0.6;

/** A factor around 1 for each passage: above it for a passage of the kind the question wants, below for one that is not. */
export function questionFit(question: string): (passage: Passage, inFirstSection: boolean) => number {
  const ruleQuestion = RULE_QUESTION.test(question);
  const definitionQuestion = DEFINITION_QUESTION.test(question);
  const firstPerson = FIRST_PERSON.test(question);
  const subject = thirdPartySubject(question);
  const wanted = ANSWER_TYPES.filter(([asks]) => asks.test(question)).map(([, gives]) => gives);
  return (passage, inFirstSection) => {
    const headings = passage.headingPath.join(' ');
    // Prefer a rule that answers over a definition or preamble that only mentions the words...
    const rule = ruleQuestion && RULE_WORDS.test(passage.text) ? RULE_FOR_RULE_QUESTION : 1;
    // ...unless the question asks what something means, when the definition is the answer.
    const preamble =
      PREAMBLE.test(headings) || inFirstSection
        ? definitionQuestion
          ? DEFINITION_FOR_DEFINITION_QUESTION
          : PREAMBLE_OTHERWISE
        : 1;
    const gives = wanted.every((cue) => cue.test(`${headings} ${passage.text}`)) ? 1 : ANSWER_TYPE_MISSING;
    const forOthers =
      firstPerson && (FOR_OTHERS_TEXT.test(passage.text) || FOR_OTHERS_HEADING.test(headings)) ? RULE_FOR_OTHERS : 1;
    // "How should a pupil…" is not answered from the section headed for staff.
    const party = subject && headingParty(passage.headingPath);
    const elsewhere = party && party !== subject ? SOMEONE_ELSES_SECTION : 1;
    return rule * preamble * gives * forOthers * elsewhere;
  };
}
