import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { buildPolicyIndex } from './answer.ts';
import type { AnswerCertainty } from '../domain/records.ts';
import type { Passage, Section } from './passages.ts';

/**
 * Measures answering on a question set: top-1 and top-3 accuracy on questions the policy
 * answers, abstention on questions it does not, and latency. The same figures are taken for
 * MiniSearch with default settings over the same passages, as the baseline to beat.
 */

export interface QaQuestion {
  id: string;
  q: string;
  /** A clause number ("6.1") or a fragment of the expected passage's text; null when out of scope. */
  expect: string | null;
}

export interface QaFigures {
  inScope: number;
  outOfScope: number;
  top1: number;
  top3: number;
  abstained: number;
  /** How many questions it answered (in scope or not). */
  answered: number;
  /**
   * Of the questions it answered (in scope or not), the share where nothing it offered as the answer
   * answers them: the passage, or in a close call either of the two it shows as possible answers.
   */
  wrongWhenAnswered: number;
  /** How many answers were close calls, shown as two possible answers. */
  closeCalls: number;
  /** Of the questions in scope, the share where the right passage was among what was shown (answer, see-also or suggestions). */
  helped: number;
  p50Ms: number;
  p95Ms: number;
  misses: { id: string; q: string; got: string }[];
}

/**
 * What a system returns for one question: its ranked answer (empty when it abstains), how many of
 * those it offered as the answer (two in a close call), and everything it showed.
 */
type Answerer = (q: string) => { ranked: Passage[]; offered: number; shown: Passage[] };

/** The expected answer as a clause number, a section id, or a fragment of the passage's text. */
const matches = (p: Passage | undefined, expect: string) =>
  p !== undefined && (p.clause === expect || p.sectionId === expect || p.text.includes(expect));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function measure(answer: Answerer, questions: QaQuestion[]): QaFigures {
  const times: number[] = [];
  let top1 = 0;
  let top3 = 0;
  let abstained = 0;
  let answered = 0;
  let wrong = 0;
  let helped = 0;
  let closeCalls = 0;
  const misses: QaFigures['misses'] = [];
  for (const question of questions) {
    const start = performance.now();
    const { ranked, offered, shown } = answer(question.q);
    times.push(performance.now() - start);
    if (ranked.length > 0) answered++;
    if (offered > 1) closeCalls++;
    if (question.expect === null) {
      if (ranked.length === 0) abstained++;
      else wrong++;
      if (ranked.length === 0) continue;
      misses.push({
        id: question.id,
        q: question.q,
        got: `answered ${ranked[0]!.clause ?? ranked[0]!.text.slice(0, 40)}`,
      });
      continue;
    }
    if (shown.some((p) => matches(p, question.expect!))) helped++;
    if (ranked.length > 0 && !ranked.slice(0, offered).some((p) => matches(p, question.expect!))) wrong++;
    if (matches(ranked[0], question.expect)) top1++;
    else
      misses.push({
        id: question.id,
        q: question.q,
        got: ranked[0] ? (ranked[0].clause ?? ranked[0].text.slice(0, 40)) : 'no answer',
      });
    if (ranked.slice(0, 3).some((p) => matches(p, question.expect!))) top3++;
  }
  times.sort((a, b) => a - b);
  const inScope = questions.filter((q) => q.expect !== null).length;
  return {
    inScope,
    outOfScope: questions.length - inScope,
    top1: top1 / Math.max(1, inScope),
    top3: top3 / Math.max(1, inScope),
    abstained: abstained / Math.max(1, questions.length - inScope),
    answered,
    wrongWhenAnswered: wrong / Math.max(1, answered),
    closeCalls,
    helped: helped / Math.max(1, inScope),
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    misses,
  };
}

export function evaluate(
  sections: Section[],
  questions: QaQuestion[],
  certainty: AnswerCertainty = 'fairly-sure',
): { ours: QaFigures; baseline: QaFigures } {
  const index = buildPolicyIndex(sections);
  const byText = new Map<string, Passage>();
  for (const p of index.passages) byText.set(p.text, p);
  const passagesOf = (texts: string[]) => texts.map((t) => byText.get(t)!).filter(Boolean);
  const ours: Answerer = (q) => {
    const a = index.answer(q, certainty);
    if (!a.answered) return { ranked: [], offered: 0, shown: passagesOf(a.suggestions.map((x) => x.passage)) };
    const ranked = passagesOf([a.passage, ...a.alternates.map((x) => x.passage)]);
    return { ranked, offered: a.closeCall ? 2 : 1, shown: ranked };
  };

  const plain = new MiniSearch<Passage & { heading: string }>({ fields: ['text', 'heading'], idField: 'id' });
  plain.addAll(index.passages.map((p) => ({ ...p, heading: p.headingPath.at(-1) ?? '' })));
  const byId = new Map(index.passages.map((p) => [p.id, p]));
  const baseline: Answerer = (q) => {
    const ranked = plain
      .search(q)
      .slice(0, 3)
      .map((r) => byId.get(String(r.id))!);
    return { ranked, offered: Math.min(1, ranked.length), shown: ranked };
  };

  // Warm both up on the whole set, so the timings are of the answering, not of JIT compilation.
  for (const question of questions) {
    ours(question.q);
    baseline(question.q);
  }
  return { ours: measure(ours, questions), baseline: measure(baseline, questions) };
}

export function parseQuestions(jsonl: string): QaQuestion[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const item = JSON.parse(line) as Partial<QaQuestion>;
      if (typeof item.q !== 'string') throw new Error(`question ${i + 1} has no "q"`);
      return { id: String(item.id ?? i + 1), q: item.q, expect: typeof item.expect === 'string' ? item.expect : null };
    });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The side-by-side table `npm run bench:qa` and `policy eval` print. */
export function formatFigures(title: string, r: { ours: QaFigures; baseline: QaFigures }): string {
  const rows: [string, string, string][] = [
    [
      'questions in scope / out of scope',
      `${r.ours.inScope} / ${r.ours.outOfScope}`,
      `${r.baseline.inScope} / ${r.baseline.outOfScope}`,
    ],
    ['first time (top 1)', pct(r.ours.top1), pct(r.baseline.top1)],
    ['within three (top 3)', pct(r.ours.top3), pct(r.baseline.top3)],
    ['out-of-scope declined', pct(r.ours.abstained), pct(r.baseline.abstained)],
    ['wrong when answered', pct(r.ours.wrongWhenAnswered), pct(r.baseline.wrongWhenAnswered)],
    ['close calls (two shown as answers)', String(r.ours.closeCalls), String(r.baseline.closeCalls)],
    ['helped (right passage shown)', pct(r.ours.helped), pct(r.baseline.helped)],
    ['latency p50', `${r.ours.p50Ms.toFixed(2)} ms`, `${r.baseline.p50Ms.toFixed(2)} ms`],
    ['latency p95', `${r.ours.p95Ms.toFixed(2)} ms`, `${r.baseline.p95Ms.toFixed(2)} ms`],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  const lines = [
    title,
    `${''.padEnd(width)}  ${'this app'.padStart(10)}  ${'plain MiniSearch'.padStart(16)}`,
    ...rows.map(([k, a, b]) => `${k.padEnd(width)}  ${a.padStart(10)}  ${b.padStart(16)}`),
  ];
  if (r.ours.misses.length) {
    lines.push('', 'Where this app was wrong:');
    for (const m of r.ours.misses) lines.push(`  ${m.id} ${m.q}  →  ${m.got}`);
  }
  return lines.join('\n');
}
