import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layer rules in eslint.config.js, shown to bite: each bad import below is linted as if it
 * were written in the file named, and must fail `npm run lint` with the rule's own message.
 */
const ROOT = join(import.meta.dirname, '..', '..');

function lint(filePath: string, code: string): string[] {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
      '--stdin',
      '--stdin-filename',
      filePath,
      '--format',
      'json',
    ],
    { cwd: ROOT, input: code, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

test.each([
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
])('%s may not %s', (file, code, refusal) => {
  expect(lint(file, code)).toEqual(expect.arrayContaining([expect.stringMatching(refusal)]));
});

test.each([
  ['src/domain/fixture.ts', "export { hasRole } from './roles.ts';\n"],
  ['src/incidents/fixture.ts', "export { NotFound } from '../errors.ts';\n"],
  ['src/main-fixture.ts', "export { fieldProblems } from './domain/field-problems.ts';\n"],
  ['tab/src/pages/Fixture.tsx', "export { hasRole } from '../../../src/domain/roles.ts';\n"],
  ['tab/src/pages/Fixture.tsx', "export type { MyAlert } from '../../../src/notifications/my-alerts.ts';\n"],
])('%s may %s', (file, code) => {
  expect(lint(file, code)).toEqual([]);
});
