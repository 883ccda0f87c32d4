import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { PLAYGROUND_USER_IDS } from '../../src/seed/demo-data.ts';
import { ROOT } from '../helpers/app.ts';
import { appWithBrowser } from '../helpers/browser-app.ts';
import { cardText, executeAction } from '../helpers/bot.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

const env = appWithBrowser();

async function signedIn(name: string): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${env.app.base}/tab/`);
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${name}`) }).click();
  await page.getByRole('navigation', { name: 'Pages' }).waitFor();
  return page;
}

test('a DSL records an assessment, moves the case on and closes it; the reporter sees it closed', async () => {
  const form = friendRequestForm();
  const { body } = await executeAction(env.app.base, REPORT_SUBMIT_VERB, form, {
    from: { id: '29:jordan', name: 'Jordan Ellery', aadObjectId: PLAYGROUND_USER_IDS.Staff },
  });
  const reference = /INC-\d{4}-\d{4}/.exec(cardText(body.value))![0];

  const dsl = await signedIn('Morgan Hale');
  await dsl.goto(`${env.app.base}/tab/#/cases/incident-${form.draftId}`);
  await dsl.getByRole('heading', { name: `Case ${reference}`, level: 1 }).waitFor();
  const panel = dsl.getByRole('region', { name: 'Record on this case' });

  await panel.getByLabel('What are you recording?').selectOption('assessment');
  await panel.getByLabel('Details').fill('Spoke to Jordan. The request was declined and blocked; no other contact.');
  await panel.getByRole('button', { name: 'Add to chronology' }).click();
  const chronology = dsl.getByRole('list', { name: 'Chronology' });
  await chronology.getByText('Spoke to Jordan. The request was declined and blocked; no other contact.').waitFor();

  await panel.getByLabel('Change status').selectOption('in-progress');
  await panel.getByRole('button', { name: 'Change status' }).click();
  await chronology.getByText('Status changed to in progress').waitFor();

  await panel.getByLabel('Change status').selectOption('closed');
  await expect(panel.getByRole('button', { name: 'Change status' }).isDisabled()).resolves.toBe(true);
  await panel.getByLabel(/Outcome/).fill('Pupil and parents spoken to; reminded of the acceptable use agreement.');
  await panel.getByRole('button', { name: 'Change status' }).click();
  await chronology.getByText('Pupil and parents spoken to; reminded of the acceptable use agreement.').waitFor();
  await dsl.getByText('Closed', { exact: true }).first().waitFor();
  await dsl.screenshot({ path: join(ROOT, 'test-results', 'case-closed.png'), fullPage: true });
  await dsl.close();

  const reporter = await signedIn('Jordan Ellery');
  await reporter.getByRole('tab', { name: 'My reports' }).click();
  const row = reporter.getByRole('table', { name: 'My reports' }).getByRole('row', { name: new RegExp(reference) });
  await row.getByText('Closed').waitFor();
  expect(await reporter.getByText('Pupil and parents spoken to').count()).toBe(0);
  await reporter.close();
}, 60_000);
