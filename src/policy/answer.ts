import MiniSearch from 'minisearch';
import type { Passage, Section } from './passages.ts';
import { normaliseTerm, queryGroups, tokenise } from './vocabulary.ts';

/**
 * Answers questions from one policy version. MiniSearch does BM25 retrieval over passages, with
 * headings weighted; on top of it we expand the staff's words (vocabulary.ts), then rerank by how
 * much of the question a passage covers, weighted by how rare each idea is, so a passage that
 * answers beats one that merely repeats common words. Below a coverage threshold we abstain
 * rather than give a confident wrong answer.
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
  alternates: { passage: string; heading: string; sectionId: string }[];
}

/** Tuned on the sample policy's question set; see tests/qa and `npm run bench:qa`. */
export const ANSWER_THRESHOLD = 0.5;
const ALTERNATE_THRESHOLD = 0.4;
const CANDIDATES = 25;

const RULE_QUESTION =
  /^\s*(can|could|may|must|should|am i|are (we|staff|teachers)|is it|is (he|she|they) allowed|do (i|we)|does)\b/i;
const PREAMBLE = /\b(definitions?|glossary|introduction|purpose|scope|interpretation)\b/i;
const DEFINITION_QUESTION = /\b(counts? as|what is meant by|definition|define|mean by|what does .+ mean)\b/i;
const RULE_WORDS = /\b(must|may|should|never|not|only|required|permitted|allowed|ensure)\b/i;

export interface PolicyIndex {
  answer(question: string): PolicyAnswer;
  readonly passages: readonly Passage[];
}

const headingTitle = (p: Passage) => p.headingPath.at(-1) ?? '';

export function buildPolicyIndex(sections: readonly Section[]): PolicyIndex {
  const passages = sections.flatMap((s) => s.passages);
  const byId = new Map(passages.map((p) => [p.id, p]));
  const search = new MiniSearch<Passage & { heading: string }>({
    fields: ['text', 'heading'],
    idField: 'id',
    tokenize: tokenise,
    processTerm: normaliseTerm,
    searchOptions: { boost: { heading: 1.5 }, combineWith: 'OR' },
  });
  search.addAll(passages.map((p) => ({ ...p, heading: headingTitle(p) })));

  // Document frequency of each term, for weighting ideas by how rare they are in this policy.
  const df = new Map<string, number>();
  for (const p of passages) {
    const terms = new Set(
      tokenise(`${p.text} ${headingTitle(p)}`)
        .map(normaliseTerm)
        .filter((t): t is string => t !== null),
    );
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = passages.length;
  const idf = (group: string[]) => Math.log((n + 1) / (Math.max(...group.map((t) => df.get(t) ?? 0)) + 0.5));

  return {
    passages,
    answer(question) {
      const empty: PolicyAnswer = {
        answered: false,
        passage: '',
        heading: '',
        headingPath: [],
        sectionId: '',
        score: 0,
        alternates: [],
      };
      const { groups, hints } = queryGroups(question);
      if (groups.length === 0 || passages.length === 0) return empty;
      const weights = groups.map(idf);
      const total = weights.reduce((a, b) => a + b, 0);
      // The asker's own words count most; synonyms and question-shape hints help find, not decide.
      const own = new Set(groups.map((g) => g[0]!));
      const synonyms = new Set(groups.flatMap((g) => g.slice(1)));
      const results = search
        .search(
          { queries: [...new Set([...groups.flat(), ...hints])], combineWith: 'OR' },
          { processTerm: (t) => t, boostTerm: (t) => (own.has(t) ? 1 : synonyms.has(t) ? 0.6 : 0.4) },
        )
        .slice(0, CANDIDATES);
      if (results.length === 0) return empty;
      const top = results[0]!.score;
      const ruleQuestion = RULE_QUESTION.test(question);
      const definitionQuestion = DEFINITION_QUESTION.test(question);
      const ranked = results
        .map((r) => {
          const matched = new Set(r.queryTerms);
          const covered = groups.reduce((sum, g, i) => sum + (g.some((t) => matched.has(t)) ? weights[i]! : 0), 0);
          const coverage = covered / total;
          const passage = byId.get(String(r.id))!;
          // Prefer a rule that answers over a definition or preamble that only mentions the words.
          const answers = ruleQuestion && RULE_WORDS.test(passage.text) ? 1.08 : 1;
          // ...unless the question asks what something means, when the definition is the answer.
          const preamble = PREAMBLE.test(passage.headingPath.join(' ')) ? (definitionQuestion ? 1.2 : 0.85) : 1;
          return { passage, score: coverage * (0.75 + 0.25 * (r.score / top)) * answers * preamble };
        })
        .sort((a, b) => b.score - a.score);
      const best = ranked[0]!;
      const alternates = ranked
        .slice(1)
        .filter((r) => r.score >= ALTERNATE_THRESHOLD && r.passage.text !== best.passage.text)
        .slice(0, 2)
        .map((r) => ({ passage: r.passage.text, heading: headingTitle(r.passage), sectionId: r.passage.sectionId }));
      return {
        answered: best.score >= ANSWER_THRESHOLD,
        passage: best.passage.text,
        heading: headingTitle(best.passage),
        headingPath: best.passage.headingPath,
        sectionId: best.passage.sectionId,
        ...(best.passage.clause ? { clause: best.passage.clause } : {}),
        score: Math.round(Math.min(1, best.score) * 1000) / 1000,
        alternates,
      };
    },
  };
}
