import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { launchChromium } from '../../src/cli/chromium.ts';
import { ROOT } from '../helpers/app.ts';

const run = promisify(execFile);

/** A real PDF, printed by Chromium from a policy written for this test: no blank lines, wrapped text. */
async function printPolicyPdf(path: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(`<h1>Social media at Larkfield School</h1>
      <h2>Personal accounts</h2>
      <p>Staff must never accept or send friend requests to pupils or ex-pupils on their personal accounts.
      This applies to every member of staff and to volunteers who work with pupils in any part of the school, including clubs.</p>
      <h2>The school page</h2>
      <p>Messages and comments on the school page are answered within one working day.</p>`);
    writeFileSync(path, await page.pdf({ format: 'A4' }));
  } finally {
    await browser.close();
  }
}

test('a PDF policy is read with its headings, and answers quote its text', async () => {
  const pdf = join(mkdtempSync(join(tmpdir(), 'smph-pdf-')), 'policy.pdf');
  await printPolicyPdf(pdf);
  const ask = async (question: string) =>
    JSON.parse(
      (await run(process.execPath, ['src/cli/policy.ts', 'ask', '--policy', pdf, question, '--json'], { cwd: ROOT }))
        .stdout,
    ) as { answered: boolean; heading: string; passage: string };
  expect(await ask('can I add an ex-pupil as a friend?')).toMatchObject({
    answered: true,
    heading: 'Personal accounts',
    passage: expect.stringMatching(/^Staff must never accept or send friend requests to pupils or ex-pupils/),
  });
  expect(await ask('how quickly are comments on the school page answered?')).toMatchObject({
    answered: true,
    heading: 'The school page',
  });
}, 60_000);
