import { existsSync, readFileSync } from 'node:fs';
import { evaluate, formatFigures, parseQuestions } from '../../src/policy/evaluate.ts';
import { parsePolicy } from '../../src/policy/passages.ts';

/**
 * npm run bench:qa: answering quality and speed on the sample policy, beside plain MiniSearch.
 * The tuning set has been used to tune the vocabulary and threshold; the held-out sets must not be,
 * so their figures are the honest ones.
 */
const policy = parsePolicy(readFileSync(new URL('../../src/seed/sample-policy.md', import.meta.url), 'utf8'));
for (const [title, file] of [
  ['Sample policy, tuning set', 'sample-policy.questions.jsonl'],
  [
    'Sample policy, held-out set (never tuned on, but its misses were seen before the vocabulary was written)',
    'sample-policy.heldout.jsonl',
  ],
  [
    'Sample policy, second held-out set (written before the general vocabulary, never tuned on)',
    'sample-policy.heldout2.jsonl',
  ],
  [
    'Sample policy, third held-out set (written after the vocabulary was frozen, measured once)',
    'sample-policy.heldout3.jsonl',
  ],
] as const) {
  const questions = parseQuestions(readFileSync(new URL(`../qa/${file}`, import.meta.url), 'utf8'));
  process.stdout.write(`${formatFigures(title, evaluate(policy, questions))}\n\n`);
}

// Two real schools' policies, kept outside the project (../shared/policies, never copied in),
// with question sets of our own written and frozen before the change they measure.
const shared = new URL('../../../shared/policies/', import.meta.url);
for (const [title, policyFile, questionsFile] of [
  [
    'Real policy: primary school, unseen set 1',
    'primary-school-social-media-policy.txt',
    'primary-school.unseen1.jsonl',
  ],
  ['Real policy: federation, unseen set 1', 'federation-social-media-policy.txt', 'federation.unseen1.jsonl'],
  [
    'Real policy: primary school, unseen set 2',
    'primary-school-social-media-policy.txt',
    'primary-school.unseen2.jsonl',
  ],
  ['Real policy: federation, unseen set 2', 'federation-social-media-policy.txt', 'federation.unseen2.jsonl'],
  [
    'Real policy: primary school, unseen set 3 (frozen before precision first, measured once)',
    'primary-school-social-media-policy.txt',
    'primary-school.unseen3.jsonl',
  ],
  [
    'Real policy: federation, unseen set 3 (frozen before precision first, measured once)',
    'federation-social-media-policy.txt',
    'federation.unseen3.jsonl',
  ],
  [
    'Real policy: primary school, unseen set 4 (frozen before the party and binding-rule changes, measured once)',
    'primary-school-social-media-policy.txt',
    'primary-school.unseen4.jsonl',
  ],
  [
    'Real policy: federation, unseen set 4 (frozen before the party and binding-rule changes, measured once)',
    'federation-social-media-policy.txt',
    'federation.unseen4.jsonl',
  ],
  [
    'Real policy: primary school, unseen set 5 (frozen before the framing words, measured once)',
    'primary-school-social-media-policy.txt',
    'primary-school.unseen5.jsonl',
  ],
  [
    'Real policy: federation, unseen set 5 (frozen before the framing words, measured once)',
    'federation-social-media-policy.txt',
    'federation.unseen5.jsonl',
  ],
  [
    'Real policy: primary school, unseen set 6 (more evidence on the same code, measured once)',
    'primary-school-social-media-policy.txt',
    'primary-school.unseen6.jsonl',
  ],
  [
    'Real policy: federation, unseen set 6 (more evidence on the same code, measured once)',
    'federation-social-media-policy.txt',
    'federation.unseen6.jsonl',
  ],
] as const) {
  const path = new URL(policyFile, shared);
  if (!existsSync(path)) {
    process.stdout.write(`${title}: skipped, ${policyFile} is not in ../shared/policies on this machine\n\n`);
    continue;
  }
  const questions = parseQuestions(readFileSync(new URL(`../qa/${questionsFile}`, import.meta.url), 'utf8'));
  process.stdout.write(`${formatFigures(title, evaluate(parsePolicy(readFileSync(path, 'utf8')), questions))}\n\n`);
}
