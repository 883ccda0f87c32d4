import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { ROOT, startTestApp } from '../helpers/app.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'smph-policy-cli-'));

/** The policy CLI as `npm run --silent policy --` runs it, in its own process. */
async function policy(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['src/cli/policy.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, APP_ENV: 'test', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const SAMPLE = join(ROOT, 'src/seed/sample-policy.md');

/** A small policy written for this test, as a real Word document with headings and a list. */
async function writeDocx(path: string): Promise<void> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Social media at Larkfield School', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Personal accounts', heading: HeadingLevel.HEADING_1 }),
          new Paragraph(
            'Staff must never accept or send friend requests to pupils or ex-pupils on their personal accounts.',
          ),
          new Paragraph({ text: 'The school page', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Messages and comments on the school page are answered within one working day.'),
          new Paragraph({ text: 'Photographs are only posted when parents have agreed', bullet: { level: 0 } }),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

describe('npm run policy -- ask', () => {
  test('answers one question from a .md policy as one JSON object in the documented shape', async () => {
    const { code, stdout } = await policy([
      'ask',
      '--policy',
      SAMPLE,
      'can I follow an ex-pupil on Instagram?',
      '--json',
    ]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual([
      'alternates',
      'answered',
      'closeCall',
      'heading',
      'passage',
      'score',
      'suggestions',
    ]);
    expect(answer).toMatchObject({
      answered: true,
      closeCall: false,
      heading: '6. Staff use of personal social media',
      suggestions: [],
    });
    expect(answer.passage).toMatch(/^Staff must not accept friend requests or follow requests/);
    // The passage is an exact quote of the source, whitespace normalised.
    expect(readFileSync(SAMPLE, 'utf8').replace(/\s+/g, ' ')).toContain(answer.passage);
  }, 20_000);

  test('declining, the JSON gives the sections that may be related, with their scores, and no passage', async () => {
    const { code, stdout } = await policy([
      'ask',
      '--policy',
      SAMPLE,
      '--json',
      'When is the staff car park locked at night?',
    ]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as {
      answered: boolean;
      passage: string;
      suggestions: { passage: string; heading: string; score: number }[];
    };
    expect(answer).toMatchObject({ answered: false, passage: '' });
    expect(answer.suggestions.length).toBeGreaterThan(0);
    expect(answer.suggestions.length).toBeLessThanOrEqual(3);
    for (const s of answer.suggestions) {
      expect(Object.keys(s).sort()).toEqual(['heading', 'passage', 'score']);
      expect(s.passage.length).toBeGreaterThan(0);
      expect(s.score).toBeLessThan(0.45);
    }
  }, 20_000);

  test('a .txt policy works the same, and a question it does not cover is not answered', async () => {
    const txt = join(dir, 'policy.txt');
    writeFileSync(txt, readFileSync(SAMPLE, 'utf8').replace(/^#+ /gm, ''));
    const found = JSON.parse(
      (await policy(['ask', '--policy', txt, 'how long are child protection records kept?', '--json'])).stdout,
    );
    expect(found.passage).toMatch(/^Child protection records are kept until the pupil's 25th birthday/);
    const missing = JSON.parse(
      (await policy(['ask', '--policy', txt, 'how much annual leave do I get?', '--json'])).stdout,
    );
    expect(missing).toMatchObject({ answered: false, passage: '' });
  }, 20_000);

  test('a .docx policy built in the test is read with its headings and bullets', async () => {
    const docx = join(dir, 'policy.docx');
    await writeDocx(docx);
    const friend = JSON.parse(
      (await policy(['ask', '--policy', docx, 'can I add an ex-pupil as a friend?', '--json'])).stdout,
    );
    expect(friend).toMatchObject({
      answered: true,
      heading: 'Personal accounts',
      passage: 'Staff must never accept or send friend requests to pupils or ex-pupils on their personal accounts.',
    });
    const page = JSON.parse(
      (await policy(['ask', '--policy', docx, 'how fast do we answer comments on the school page?', '--json'])).stdout,
    );
    expect(page).toMatchObject({ answered: true, heading: 'The school page' });
  }, 20_000);

  test('--batch reads JSON lines and prints one answer per line with its id', async () => {
    const batch = join(dir, 'questions.jsonl');
    writeFileSync(
      batch,
      ['{"id":"a","q":"can I take photos of pupils on my phone?"}', '{"id":"b","q":"what is for lunch?"}'].join('\n'),
    );
    const { stdout } = await policy(['ask', '--policy', SAMPLE, '--batch', batch, '--json']);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; answered: boolean });
    expect(lines.map((l) => [l.id, l.answered])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  }, 20_000);

  test('--certainty very-sure answers as a school that chose it would, and anything else is refused', async () => {
    const question = "I'm leaving the school and I run the sports account, what happens to it?";
    const answered = async (certainty: string) =>
      (
        JSON.parse(
          (await policy(['ask', '--policy', SAMPLE, '--json', '--certainty', certainty, question])).stdout,
        ) as {
          answered: boolean;
        }
      ).answered;
    expect(await answered('fairly-sure')).toBe(true);
    expect(await answered('very-sure')).toBe(false);
    const wrong = await policy(['ask', '--policy', SAMPLE, '--certainty', 'certain', question]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--certainty is one of fairly-sure, very-sure/);
  }, 30_000);

  test('an unsupported file type and a missing file are clear errors with exit code 2', async () => {
    const doc = await policy(['ask', '--policy', join(dir, 'policy.doc'), 'anything']);
    expect(doc.code).toBe(2);
    expect(doc.stderr).toMatch(/\.docx, \.pdf, \.md or \.txt/);
    const missing = await policy(['ask', '--policy', join(dir, 'missing.md'), 'anything']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  }, 20_000);
});

describe('npm run policy -- import', () => {
  test('imports a new version for a school; the previous version stays readable', async () => {
    const sqlite = join(dir, 'app.db');
    const app = await startTestApp({ SQLITE_PATH: sqlite });
    await app.stop();
    const docx = join(dir, 'import.docx');
    await writeDocx(docx);
    const { code, stdout } = await policy(['import', docx, '--school', 'school-oakfield'], { SQLITE_PATH: sqlite });
    expect(code).toBe(0);
    expect(stdout).toMatch(/version 2 of school-oakfield/);
    const again = await startTestApp({ SQLITE_PATH: sqlite });
    try {
      const store = again.app.services.store;
      const versions = await store.policyVersions.listAll({ where: { documentId: 'policy-school-oakfield' } });
      expect(versions.map((v) => [v.versionNumber, v.sourceFormat])).toEqual([
        [1, 'md'],
        [2, 'docx'],
      ]);
      const res = await again.get('/api/v1/policy', await again.signIn('person-demo-staff'));
      const token = await again.signIn('person-demo-staff');
      expect(((await res.json()) as { versionNumber: number; versions: number[] }).versionNumber).toBe(2);
      const first = (await (await again.get('/api/v1/policy?version=1', token)).json()) as {
        versionNumber: number;
        versions: number[];
        sections: { id: string }[];
      };
      expect(first.versionNumber).toBe(1);
      expect(first.versions).toEqual([2, 1]);
      expect(first.sections.map((x) => x.id)).toContain('6-staff-use-of-personal-social-media');
      expect((await again.get('/api/v1/policy?version=7', token)).status).toBe(404);
      const unknown = await policy(['import', docx, '--school', 'school-nowhere'], { SQLITE_PATH: sqlite });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/school-oakfield, school-riverside/);
    } finally {
      await again.stop();
    }
  }, 30_000);
});
