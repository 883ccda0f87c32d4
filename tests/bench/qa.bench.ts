import { readFileSync } from 'node:fs';
import { evaluate, formatFigures, parseQuestions } from '../../src/policy/evaluate.ts';
import { parsePolicy } from '../../src/policy/passages.ts';

/** npm run bench:qa: answering quality and speed on the sample policy's question set, beside plain MiniSearch. */
const policy = readFileSync(new URL('../../src/seed/sample-policy.md', import.meta.url), 'utf8');
const questions = parseQuestions(readFileSync(new URL('../qa/sample-policy.questions.jsonl', import.meta.url), 'utf8'));
process.stdout.write(`${formatFigures('Sample policy', evaluate(parsePolicy(policy), questions))}\n`);
