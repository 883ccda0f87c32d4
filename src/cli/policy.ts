import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.ts';
import { openStore } from '../store/open-store.ts';
import { ANSWER_CERTAINTIES, type AnswerCertainty } from '../domain/records.ts';
import { buildPolicyIndex, type PolicyAnswer } from '../policy/answer.ts';
import { EmptyPolicyError, importPolicy } from '../policy/import-policy.ts';
import { evaluate, formatFigures, parseQuestions } from '../policy/evaluate.ts';
import { parsePolicy } from '../policy/passages.ts';
import { UnsupportedDocumentError, formatOf, readPolicyDocument } from '../policy/read-document.ts';

/**
 * npm run --silent policy -- ask --policy <file> "<question>" [--json] [--certainty very-sure]
 * npm run --silent policy -- ask --policy <file> --batch <questions.jsonl> [--json] [--certainty very-sure]
 * npm run policy -- import <file> [--school <id>]
 * npm run policy -- eval --policy <file> --questions <questions.jsonl> [--certainty very-sure]
 */
const USAGE = `Usage:
  npm run --silent policy -- ask --policy <file> "<question>" [--json] [--certainty very-sure]
  npm run --silent policy -- ask --policy <file> --batch <questions.jsonl> [--json] [--certainty very-sure]
  npm run policy -- import <file> [--school <id>]
  npm run policy -- eval --policy <file> --questions <questions.jsonl> [--certainty very-sure]`;

class UsageError extends Error {}

/** How sure the answerer must be, as a school can choose it in School settings. */
function certaintyOf(value: string | undefined): AnswerCertainty {
  const certainty = ANSWER_CERTAINTIES.find((c) => c === value);
  if (!certainty) throw new UsageError(`--certainty is one of ${ANSWER_CERTAINTIES.join(', ')}`);
  return certainty;
}

const contract = (a: PolicyAnswer) => ({
  answered: a.answered,
  passage: a.answered ? a.passage : '',
  heading: a.answered ? a.heading : '',
  score: a.score,
  alternates: a.alternates.map(({ passage, heading }) => ({ passage, heading })),
  // The first alternate scored nearly as well: both are offered as possible answers.
  closeCall: a.closeCall ?? false,
  // Declining, the sections that may be related; empty when it answers.
  suggestions: a.suggestions.map(({ passage, heading, score }) => ({ passage, heading, score })),
});

function human(a: PolicyAnswer): string {
  if (!a.answered) {
    const why = a.tooGeneral
      ? 'Too general to pick one part of the policy: say a little more.'
      : 'Not found in the policy.';
    return `${why}\n${a.suggestions.map((x) => `  may be related (${x.heading}): ${x.passage}\n`).join('')}`;
  }
  const source = [a.clause, a.heading].filter(Boolean).join(' ');
  const seeAlso = (others: PolicyAnswer['alternates']) =>
    others.map((x) => `  see also (${x.heading}): ${x.passage}\n`).join('');
  const [second, ...rest] = a.closeCall ? a.alternates : [];
  if (second) {
    return `Two parts of the policy may answer this.\n${source}\n  ${a.passage}\n${second.heading}\n  ${second.passage}\n${seeAlso(rest)}`;
  }
  return `${source}\n  ${a.passage}\n${seeAlso(a.alternates)}`;
}

async function ask(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      policy: { type: 'string' },
      batch: { type: 'string' },
      json: { type: 'boolean', default: false },
      certainty: { type: 'string', default: 'fairly-sure' },
    },
  });
  const certainty = certaintyOf(values.certainty);
  if (!values.policy) throw new UsageError('ask needs --policy <file>');
  const format = formatOf(values.policy);
  const text = await readPolicyDocument(readFileSync(values.policy), format);
  const index = buildPolicyIndex(parsePolicy(text));
  const write = (a: PolicyAnswer, extra: Record<string, unknown> = {}) =>
    process.stdout.write(values.json ? `${JSON.stringify({ ...extra, ...contract(a) })}\n` : human(a));
  if (values.batch) {
    const lines = readFileSync(values.batch, 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    for (const [n, line] of lines.entries()) {
      let item: { id?: unknown; q?: unknown };
      try {
        item = JSON.parse(line) as typeof item;
      } catch {
        throw new UsageError(`${values.batch} line ${n + 1} is not JSON`);
      }
      if (typeof item.q !== 'string') throw new UsageError(`${values.batch} line ${n + 1} has no "q" string`);
      write(index.answer(item.q, certainty), { id: item.id });
    }
    return;
  }
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError('ask needs a question, or --batch <file>');
  write(index.answer(question, certainty));
}

async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { school: { type: 'string' } } });
  const file = positionals[0];
  if (!file) throw new UsageError('import needs a file');
  const format = formatOf(file);
  const text = await readPolicyDocument(readFileSync(file), format);
  const store = openStore(loadConfig());
  try {
    const schools = await store.schools.listAll();
    const schoolId = values.school ?? (schools.length === 1 ? schools[0]!.id : undefined);
    if (!schoolId || !schools.some((s) => s.id === schoolId)) {
      throw new UsageError(
        `Choose the school with --school: ${schools.map((s) => s.id).join(', ') || 'no schools yet'}`,
      );
    }
    const result = await importPolicy(store, { schoolId, text, format, importedById: 'cli', at: new Date() });
    process.stdout.write(
      `Imported ${file} as version ${result.versionNumber} of ${schoolId}'s policy (${result.sections} sections).\n`,
    );
  } finally {
    await store.close();
  }
}

/** Measures answering on any policy and question set, for checks on real policies kept outside the project. */
async function evalCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      policy: { type: 'string' },
      questions: { type: 'string' },
      certainty: { type: 'string', default: 'fairly-sure' },
    },
  });
  if (!values.policy || !values.questions) throw new UsageError('eval needs --policy <file> and --questions <file>');
  const text = await readPolicyDocument(readFileSync(values.policy), formatOf(values.policy));
  const questions = parseQuestions(readFileSync(values.questions, 'utf8'));
  const figures = evaluate(parsePolicy(text), questions, certaintyOf(values.certainty));
  process.stdout.write(`${formatFigures(values.policy, figures)}\n`);
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'ask') await ask(rest);
  else if (command === 'import') await importCommand(rest);
  else if (command === 'eval') await evalCommand(rest);
  else throw new UsageError(command ? `Unknown command "${command}"` : 'Give a command');
} catch (err) {
  const expected =
    err instanceof UsageError ||
    err instanceof UnsupportedDocumentError ||
    err instanceof EmptyPolicyError ||
    err instanceof ConfigError ||
    (err as NodeJS.ErrnoException).code === 'ENOENT';
  if (!expected) throw err;
  process.stderr.write(`${(err as Error).message}\n${err instanceof UsageError ? `${USAGE}\n` : ''}`);
  process.exit(2);
}
