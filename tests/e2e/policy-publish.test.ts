import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/app.ts';
import { appWithBrowser, signedIn } from '../helpers/browser-app.ts';

const env = appWithBrowser();
const SHOTS = join(ROOT, 'test-results');

/** A Word policy written for this test: a new section the current version does not have. */
async function wordPolicy(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'smph-publish-')), 'social-media-policy-2027.docx');
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Social media policy 2027', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Livestreaming school events', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('School events are only livestreamed from the official account, with parents told first.'),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
  return path;
}

test('a senior leader publishes a new version from a Word file; staff see it, and cannot publish themselves', async () => {
  const leader = await signedIn(env, 'Priya Whitlock');
  await leader.getByRole('tab', { name: 'Policy', exact: true }).click();
  const publish = leader.getByRole('region', { name: 'Publish a new version' });
  await publish.getByLabel('Policy file').setInputFiles(await wordPolicy());
  await publish.getByRole('button', { name: 'Publish' }).click();
  await publish.getByText(/Version 2 is published, in 1 section\./).waitFor();
  await leader.getByRole('navigation', { name: 'Contents' }).getByText('Livestreaming school events').waitFor();
  await leader.getByText('Version 2, published', { exact: false }).waitFor();
  await leader.screenshot({ path: join(SHOTS, 'policy-published.png'), fullPage: false });
  await leader.close();

  const staff = await signedIn(env, 'Jordan Ellery');
  await staff.getByRole('tab', { name: 'Policy', exact: true }).click();
  await staff.getByRole('navigation', { name: 'Contents' }).getByText('Livestreaming school events').waitFor();
  expect(await staff.getByRole('region', { name: 'Publish a new version' }).count()).toBe(0);
  await staff.close();
}, 60_000);
