import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layer rules in eslint.config.js, shown to bite: each bad import below is linted as if it
 * were written in the file named, and must fail `npm run lint` with the rule's own message.
 */
const ROOT = join(import.meta.dirname, '..', '..');

const REFUSED = [
  ['src/domain/fixture.ts', "export { ApiError } from '../http/errors.ts';\n", /The domain is pure/],
  [
    'src/domain/incidents/fixture.ts',
    "export { queueMessage } from '../../notifications/outbox.ts';\n",
    /The domain is pure/,
  ],
  ['src/incidents/fixture.ts', "export { ApiError } from '../http/errors.ts';\n", /Services know nothing of HTTP/],
  [
    'src/incidents/fixture.ts',
    "export { createBot } from '../../bot/conversation.ts';\n",
    /Services know nothing of HTTP/,
  ],
  [
    'src/training/fixture.ts',
    "export { DEMO_PERSONAS } from '../seed/demo-data.ts';\n",
    /Services know nothing of HTTP/,
  ],
  [
    'src/http/fixture.ts',
    "export { createBot } from '../../bot/conversation.ts';\n",
    /HTTP edge does not know the bot/,
  ],
  ['bot/fixture.ts', "export { sendError } from '../src/http/endpoint.ts';\n", /bot does not know the HTTP edge/],
  [
    'bot/fixture.ts',
    "export { TurnContext } from 'botbuilder';\n",
    /Only bot\/botbuilder-adapter.ts uses the Bot Framework SDK/,
  ],
  [
    'src/notifications/fixture.ts',
    "export { CardFactory } from 'botbuilder-core';\n",
    /Only bot\/botbuilder-adapter.ts/,
  ],
  [
    'tab/src/pages/Fixture.tsx',
    "export { decide } from '../../../src/applications/approval.ts';\n",
    /The tab imports only src\/domain/,
  ],
  [
    'tab/src/Fixture.tsx',
    "import { createBot } from '../../bot/conversation.ts';\nexport const b = createBot;\n",
    /The tab imports only src\/domain/,
  ],
] as const;

const ALLOWED = [
  ['src/domain/fixture.ts', "export { hasRole } from './roles.ts';\n"],
  ['src/incidents/fixture.ts', "export { NotFound } from '../errors.ts';\n"],
  ['src/main-fixture.ts', "export { fieldProblems } from './domain/field-problems.ts';\n"],
  ['tab/src/pages/Fixture.tsx', "export { hasRole } from '../../../src/domain/roles.ts';\n"],
  ['tab/src/pages/Fixture.tsx', "export type { MyAlert } from '../../../src/notifications/my-alerts.ts';\n"],
] as const;

/** Lints every case in one ESLint process (the config loaded once), each as if it were the file named. */
function lintAll(cases: readonly (readonly [string, string])[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const [filePath, code] of JSON.parse(process.argv[1])) {
      const [result] = await eslint.lintText(code, { filePath });
      out.push(result.messages.map((m) => m.ruleId + ': ' + m.message));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

let results: string[][];
beforeAll(() => {
  results = lintAll([...REFUSED, ...ALLOWED].map(([file, code]) => [file, code] as const));
});

test.each(REFUSED.map(([file, code, refusal], i) => [file, code, refusal, i] as const))(
  '%s may not %s',
  (_file, _code, refusal, i) => {
    expect(results[i]).toEqual(expect.arrayContaining([expect.stringMatching(refusal)]));
  },
);

test.each(ALLOWED.map(([file, code], i) => [file, code, REFUSED.length + i] as const))('%s may %s', (_f, _c, i) => {
  expect(results[i]).toEqual([]);
});
