import MiniSearch from 'minisearch';
import type { AnswerCertainty } from '../domain/records.ts';
import type { Passage, Section } from './passages.ts';
import { questionFit } from './question-fit.ts';
import { type Idea, normaliseTerm, queryIdeas, tokenise } from './vocabulary.ts';
import { askedFor, asksPermission, bindsAsker, ruleOf, type Modality } from '../domain/policy/rule-structure.ts';

/**
 * Answers questions from one policy version. MiniSearch does BM25 retrieval over passages, with
 * headings weighted; on top of it we expand the staff's words (vocabulary.ts), then rerank by how
 * much of the question a passage covers, weighted by how rare each idea is, so a passage that
 * answers beats one that merely repeats common words, and by how well the passage's kind fits the
 * question's (question-fit.ts). Below a threshold we abstain rather than give a confident wrong answer.
 */

export interface PolicyAnswer {
  answered: boolean;
  passage: string;
  heading: string;
  headingPath: string[];
  sectionId: string;
  clause?: string;
  /** 0 to 1: the share of the question's ideas (weighted by rarity) the passage covers, adjusted by retrieval score. */
  score: number;
  alternates: { passage: string; heading: string; sectionId: string; clause?: string }[];
  /** The first see-also scored nearly as well (a close call): both are shown as possible answers. */
  closeCall?: boolean;
  /** Declined because every idea in the question is all over the policy: the asker should say more. */
  tooGeneral?: boolean;
  /** What the shown passage rules (forbids, requires, allows…), for "can I…" questions. */
  modality?: Modality;
  /**
   * When the answerer declines: the closest sections, which may be related, so a fair question
   * still gets somewhere to look. Empty when it answers.
   */
  suggestions: { passage: string; heading: string; sectionId: string; score: number }[];
}

/**
 * The default ("fairly sure") threshold. It was swept together with WORD_MATCH_FLOOR and CLOSE_CALL on
 * the development sets only, and is the setting that gives the most right answers for the fewest
 * wrong ones whether a wrong answer is counted as costing 2 right ones or 6; see README, "How well
 * it answers".
 */
const ANSWER_THRESHOLD = 0.45;
/**
 * The threshold for each choice a school can make. "Very sure" is where the same sweep lands when a
 * wrong answer is counted as costing 9 right ones: fewer wrong answers, and fewer answers.
 */
export const CERTAINTY_THRESHOLDS: Readonly<Record<AnswerCertainty, number>> = {
  'fairly-sure': ANSWER_THRESHOLD,
  'very-sure': 0.55,
};
/**
 * Plain word matching must agree: the answer's retrieval score is at least this share of the best
 * passage's, or the best by words is in the answer's own section. When the two ways of looking
 * point to different parts of the policy, neither is sure.
 */
const WORD_MATCH_FLOOR = 0.7;
/**
 * A question whose every idea is in more than this share of the passages ("my account") is too
 * general for any one of them to be the answer.
 */
const GENERAL_SHARE = 1 / 3;
const ALTERNATE_THRESHOLD = 0.4;
/**
 * For a "can I…" question, a rule forbidding it is shown first if it scores at least this share of
 * the best passage: a prohibition a little less on topic outweighs a permission that is more so.
 */
const PROHIBITION_SHARE = 0.5;
/** …and at least this score of its own, so an unrelated "must not" never jumps the queue. */
const PROHIBITION_FLOOR = 0.2;
/** How close a passage must be to be offered as "may be related" when declining. */
const SUGGESTION_FLOOR = 0.15;
const MAX_SUGGESTIONS = 3;
/** A runner-up from another section within this share of the best is not clearly behind: both are shown as answers. */
const CLOSE_CALL = 0.8;
const CANDIDATES = 25;
/** A platform the passage names counts a little towards coverage; one it does not name costs nothing. */
const PLATFORM_CREDIT = 0.3;
const CONTEXT_CREDIT = 0.7;
/** Staff's own wording of a question a senior leader pointed to this passage: nearly as good as the passage's. */
const POINTED_CREDIT = 0.9;

/** A staff question and the passage a senior leader said answers it (see policyPointers). */
export interface PointedQuestion {
  question: string;
  passage: string;
}

export interface PolicyIndex {
  /** Answers from the policy, or declines; how sure it must be is the school's choice. */
  answer(question: string, certainty?: AnswerCertainty): PolicyAnswer;
  readonly passages: readonly Passage[];
}

const headingTitle = (p: Passage) => p.headingPath.at(-1) ?? '';

const fieldCredit = (field: string) => (field === 'context' ? CONTEXT_CREDIT : field === 'asked' ? POINTED_CREDIT : 1);

/** How many leading headings every passage has in common. */
function sharedHeadings(passages: readonly Passage[]): number {
  const first = passages[0]!.headingPath;
  let n = 0;
  while (n < first.length && passages.every((p) => p.headingPath[n] === first[n])) n++;
  return n;
}

export function buildPolicyIndex(sections: readonly Section[], pointed: readonly PointedQuestion[] = []): PolicyIndex {
  const passages = sections.flatMap((s) => s.passages);
  const asked = new Map<string, string[]>();
  for (const { question, passage } of pointed) asked.set(passage, [...(asked.get(passage) ?? []), question]);
  // A policy opens with what it is for and what it covers, whatever that section is called.
  const firstSection = sections.length > 2 ? sections[0]!.id : undefined;
  // Every heading above a passage says what it is about, except the document's title, which all share.
  const shared = passages.length > 1 ? sharedHeadings(passages) : 0;
  const headingWords = (p: Passage) => p.headingPath.slice(shared).join(' ');
  const byId = new Map(passages.map((p) => [p.id, p]));
  const search = new MiniSearch<Passage & { heading: string; asked: string }>({
    fields: ['text', 'heading', 'context', 'asked'],
    idField: 'id',
    tokenize: tokenise,
    processTerm: normaliseTerm,
    searchOptions: { boost: { heading: 1.5, context: 0.5 }, combineWith: 'OR' },
  });
  search.addAll(passages.map((p) => ({ ...p, heading: headingWords(p), asked: asked.get(p.text)?.join('\n') ?? '' })));

  // Document frequency of each term, for weighting ideas by how rare they are in this policy.
  const df = new Map<string, number>();
  for (const p of passages) {
    const terms = new Set(
      tokenise(`${p.text} ${headingWords(p)}`)
        .map(normaliseTerm)
        .filter((t): t is string => t !== null),
    );
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = passages.length;
  // An idea weighs as much as its rarest way of being said in this policy; one whose own word the
  // policy never uses weighs most, so a passage covering it only through another word is less sure.
  const idf = (idea: Idea) =>
    Math.log(
      (n + 1) / ((df.get(idea.own) ? Math.max(...[...idea.credit.keys()].map((t) => df.get(t) ?? 0)) : 0) + 0.5),
    );
  /** How surely a passage with these terms covers the idea: 1 for the asker's own word, less for another. */
  const coverOf = (idea: Idea, matched: ReadonlyMap<string, number>) =>
    Math.max(0, ...[...idea.credit].map(([t, credit]) => credit * (matched.get(t) ?? 0)));

  return {
    passages,
    answer(question, certainty = 'fairly-sure') {
      const empty: PolicyAnswer = {
        answered: false,
        passage: '',
        heading: '',
        headingPath: [],
        sectionId: '',
        score: 0,
        alternates: [],
        suggestions: [],
      };
      const { ideas, hints, platforms } = queryIdeas(question);
      if (ideas.length === 0 || passages.length === 0) return empty;
      const weights = ideas.map(idf);
      const total = weights.reduce((a, b) => a + b, 0);
      // The asker's own words count most; other words and question-shape hints help find, not decide.
      const own = new Set(ideas.map((idea) => idea.own));
      const synonyms = new Set(ideas.flatMap((idea) => [...idea.credit.keys()]));
      const terms = [...ideas, ...platforms].flatMap((idea) => [...idea.credit.keys()]);
      const results = search
        .search(
          { queries: [...new Set([...terms, ...hints])], combineWith: 'OR' },
          {
            tokenize: (t) => [t],
            processTerm: (t) => t,
            boostTerm: (t) => (own.has(t) ? 1 : synonyms.has(t) ? 0.6 : 0.4),
          },
        )
        .slice(0, CANDIDATES);
      if (results.length === 0) return empty;
      const top = results[0]!.score;
      const fit = questionFit(question);
      const asker = askedFor(question);
      const ranked = results
        .map((r) => {
          // Words found only in a list item's introduction, or in questions pointed here, count for less.
          const matched = new Map(
            Object.entries(r.match).map(([t, fields]) => [t, Math.max(...fields.map(fieldCredit))]),
          );
          const covered = ideas.reduce((sum, idea, i) => sum + weights[i]! * coverOf(idea, matched), 0);
          const named = platforms.reduce((sum, idea) => sum + PLATFORM_CREDIT * idf(idea) * coverOf(idea, matched), 0);
          const coverage = (covered + named) / total;
          const passage = byId.get(String(r.id))!;
          const fits = fit(passage, passage.sectionId === firstSection);
          const pointed = Object.values(r.match).some((fields) => fields.includes('asked'));
          return {
            passage,
            score: coverage * (0.75 + 0.25 * (r.score / top)) * fits,
            wordMatch: r.score / top,
            pointed,
          };
        })
        .sort((a, b) => b.score - a.score);
      const confidence = ranked[0]!.score;
      // Two passages sharing a word can still be told apart, or shown side by side.
      const general = ideas.every((idea) => (df.get(idea.own) ?? 0) > Math.max(2, n * GENERAL_SHARE));
      // results[0] is the best by words alone. A passage a senior leader pointed a question like this
      // one to is the school's own word, which needs no second opinion.
      const wordsAgree =
        ranked[0]!.wordMatch >= WORD_MATCH_FLOOR ||
        ranked[0]!.pointed ||
        byId.get(String(results[0]!.id))!.sectionId === ranked[0]!.passage.sectionId;
      const answered = confidence >= CERTAINTY_THRESHOLDS[certainty] && wordsAgree && !general;
      // Prohibitions are never hidden behind a permission, nor behind someone else's prohibition:
      // for "can I…", a rule binding the asker that forbids it goes first, with the passage that
      // scored best beside it.
      const shapeOf = (p: Passage) => ruleOf(p.text, p.context ?? '', p.headingPath);
      const bindingProhibition = (p: Passage) => {
        const shape = shapeOf(p);
        return shape.modality === 'prohibition' && bindsAsker(shape.party, asker);
      };
      let order = ranked;
      if (asksPermission(question) && !bindingProhibition(ranked[0]!.passage)) {
        const forbidding = ranked.find(
          (r) =>
            bindingProhibition(r.passage) && r.score >= Math.max(PROHIBITION_FLOOR, confidence * PROHIBITION_SHARE),
        );
        if (forbidding) order = [forbidding, ...ranked.filter((r) => r !== forbidding)];
      }
      const best = order[0]!;
      const runnerUp = order.slice(1).find((r) => r.passage.sectionId !== best.passage.sectionId);
      const closeCall = answered && runnerUp !== undefined && runnerUp.score >= best.score * CLOSE_CALL;
      // In a close call the runner-up comes first among the others, as the second possible answer.
      const others = closeCall ? [runnerUp, ...order.slice(1).filter((r) => r !== runnerUp)] : order.slice(1);
      const alternates = others
        .filter(
          (r) =>
            (r === ranked[0] || (closeCall && r === runnerUp) || r.score >= ALTERNATE_THRESHOLD) &&
            r.passage.text !== best.passage.text,
        )
        .slice(0, 2)
        .map((r) => ({
          passage: r.passage.text,
          heading: headingTitle(r.passage),
          sectionId: r.passage.sectionId,
          ...(r.passage.clause ? { clause: r.passage.clause } : {}),
        }));
      // Declining, it still points to the closest sections, one passage each.
      const seen = new Set<string>();
      const suggestions = answered
        ? []
        : ranked
            .filter(
              (r) => r.score >= SUGGESTION_FLOOR && !seen.has(r.passage.sectionId) && seen.add(r.passage.sectionId),
            )
            .slice(0, MAX_SUGGESTIONS)
            .map((r) => ({
              passage: r.passage.text,
              heading: headingTitle(r.passage),
              sectionId: r.passage.sectionId,
              score: Math.round(Math.min(1, r.score) * 1000) / 1000,
            }));
      return {
        answered,
        passage: best.passage.text,
        heading: headingTitle(best.passage),
        headingPath: best.passage.headingPath,
        sectionId: best.passage.sectionId,
        ...(best.passage.clause ? { clause: best.passage.clause } : {}),
        score: Math.round(Math.min(1, confidence) * 1000) / 1000,
        alternates,
        ...(closeCall ? { closeCall } : {}),
        ...(general ? { tooGeneral: true } : {}),
        modality: shapeOf(best.passage).modality,
        suggestions,
      };
    },
  };
}
