import type { Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { POLICY_COLUMN_ID } from '../../src/domain/training/dashboard.ts';
import { ROOT } from '../helpers/app.ts';
import { appWithBrowser, signedIn } from '../helpers/browser-app.ts';

const env = appWithBrowser();
const SHOTS = join(ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });

/** The "Policy read and understood" card's figure, as HR sees it: "12 of 83 compliant". */
async function policyCompliant(page: Page): Promise<number> {
  const card = page.getByTestId(`figures-${POLICY_COLUMN_ID}`);
  const text = await card.getByText(/\d+ of \d+ compliant/).textContent();
  return Number(/(\d+) of/.exec(text ?? '')?.[1]);
}

test('a member of staff reads the policy to the end and confirms it; the HR dashboard counts it', async () => {
  const hr = await signedIn(env, 'Dana Fairbrook');
  await hr.getByRole('tab', { name: 'Training dashboard' }).click();
  await hr.getByTestId(`figures-${POLICY_COLUMN_ID}`).waitFor();
  const before = await policyCompliant(hr);
  await hr.screenshot({ path: join(SHOTS, 'training-dashboard.png'), fullPage: false });

  const staff = await signedIn(env, 'Jordan Ellery');
  await staff.getByRole('tab', { name: 'Policy' }).click();
  const confirm = staff.getByRole('button', { name: 'I have read and understood this policy' });
  await confirm.waitFor();
  // Opening the policy is not reading it: the button waits until the end has been on screen.
  expect(await confirm.isDisabled()).toBe(true);
  await staff.getByText('Read the policy to the end; then you can confirm you have read it.').waitFor();
  await staff.keyboard.press('End');
  await confirm.scrollIntoViewIfNeeded();
  await staff.getByText('You have reached the end of the policy.').waitFor();
  await confirm.click();
  await staff.getByText(/You confirmed you have read and understood version 1 on/).waitFor();

  // My training shows it too.
  await staff.getByRole('tab', { name: 'My training' }).click();
  const policyRow = staff.getByRole('row', { name: /Read and understood/ });
  await policyRow.getByText('Completed').waitFor();

  await hr.reload();
  await hr.getByTestId(`figures-${POLICY_COLUMN_ID}`).waitFor();
  expect(await policyCompliant(hr)).toBe(before + 1);
  await hr.getByRole('searchbox').fill('Jordan');
  const table = hr.getByTestId('staff-table');
  await table.getByRole('row', { name: /Jordan Ellery/ }).waitFor();
  await hr.getByText('Showing 1 of').waitFor();
  await staff.close();
  await hr.close();
}, 60_000);

test('HR imports completions from a CSV: previews, sees bad rows with reasons, then imports the good ones', async () => {
  const csv = join(tmpdir(), `smph-completions-${Date.now()}.csv`);
  writeFileSync(
    csv,
    [
      'Email,Course,Completed on',
      'rowan.achebe@demo.example.sch.uk,Account moderator,03/02/2026',
      'someone@elsewhere.example,Account moderator,03/02/2026',
    ].join('\n'),
  );
  const hr = await signedIn(env, 'Dana Fairbrook');
  await hr.getByRole('tab', { name: 'Training dashboard' }).click();
  await hr.getByRole('button', { name: 'Import completions' }).click();
  const dialog = hr.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles(csv);
  await dialog.getByText('1 ready to import, 1 with problems.', { exact: false }).waitFor();
  await dialog
    .getByRole('table', { name: 'Rows with problems' })
    .getByText('no member of staff here has the email “someone@elsewhere.example”')
    .waitFor();
  const importButton = dialog.getByRole('button', { name: 'Import 1 completion' });
  expect(await importButton.isDisabled()).toBe(true);
  await dialog.getByLabel(/Import only the 1 good rows/).check();
  await hr.screenshot({ path: join(SHOTS, 'training-import.png') });
  await importButton.click();
  await dialog.getByText(/Imported 1 completion; skipped rows 3\./).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Courses, and when training counts as due soon, are HR's to set per school.
  await hr.getByRole('tab', { name: 'Courses' }).click();
  await hr.getByRole('table', { name: 'Courses' }).getByText('Account moderator').waitFor();
  const settings = hr.getByRole('form', { name: 'Training at Oakfield Primary School' });
  await settings.getByLabel('Due soon from (days before expiry)').fill('45');
  await settings.getByRole('button', { name: 'Save' }).click();
  await settings.getByRole('status').getByText('Saved.').waitFor();
  expect((await env.app.app.services.store.schools.require('school-oakfield')).training).toEqual({
    dueSoonDays: 45,
    graceDays: 30,
  });
  await hr.close();
}, 60_000);

test('"Remind everyone overdue" asks first, with the number it will send; Cancel sends nothing', async () => {
  const hr = await signedIn(env, 'Dana Fairbrook');
  await hr.getByRole('tab', { name: 'Training dashboard' }).click();
  const posted: string[] = [];
  hr.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/training/reminders')) posted.push(r.url());
  });
  await hr.getByRole('button', { name: 'Remind everyone overdue' }).click();
  const dialog = hr.getByRole('alertdialog');
  const title = await dialog.getByRole('heading').textContent();
  const count = Number(/Remind the (\d+) (people|person)/.exec(title ?? '')?.[1]);
  expect(count).toBeGreaterThan(0);
  // The same people the server counts as overdue, whom the dashboard's own filter shows.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await hr.getByLabel('Status').selectOption('overdue');
  await hr.getByText(new RegExp(`^Showing ${count} of \\d+ staff$`)).waitFor();
  expect(posted).toEqual([]);
  await hr.close();
}, 60_000);

test('the chart tells its two series apart in high contrast, in sentence case, with every label whole', async () => {
  const hr = await signedIn(env, 'Dana Fairbrook');
  await hr.evaluate(() => localStorage.setItem('smph.theme', 'contrast'));
  await hr.reload();
  await hr.getByRole('tab', { name: 'Training dashboard' }).click();
  const chart = hr.getByRole('region', { name: 'Chart of staff up to date by department' });
  await chart.locator('svg rect').first().waitFor();
  const look = await chart.evaluate((root) => {
    const legends = [...root.querySelectorAll<HTMLElement>('button[title], [role="option"]')].filter((el) =>
      /Up to date|Something outstanding/i.test(el.textContent ?? ''),
    );
    const svg = root.querySelector('svg')!.getBoundingClientRect();
    const ticks = [...root.querySelectorAll<SVGTextElement>('g.tick text, .tick text')];
    return {
      legendText: legends.map((el) => el.innerText.trim()),
      fills: [...new Set([...root.querySelectorAll('svg rect[fill]')].map((r) => getComputedStyle(r).fill))],
      barLabels: [...root.querySelectorAll('svg text[aria-label^="Total"]')].map((t) => t.textContent),
      clipped: ticks.filter((t) => t.getBoundingClientRect().right > svg.right + 1).map((t) => t.textContent),
    };
  });
  // As people see them, not capitalised word by word.
  expect(look.legendText).toEqual(['Up to date', 'Something outstanding']);
  // Two colours from the high-contrast palette, and each bar labelled "up to date / people".
  expect(look.fills.length).toBeGreaterThanOrEqual(2);
  expect(look.barLabels.length).toBeGreaterThan(0);
  for (const label of look.barLabels) expect(label).toMatch(/^\d+\/\d+$/);
  expect(look.clipped).toEqual([]);
  await hr.screenshot({ path: join(SHOTS, 'training-chart-contrast.png'), fullPage: true });
  await hr.close();
}, 60_000);
