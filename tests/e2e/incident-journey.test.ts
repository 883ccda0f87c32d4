import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/cli/chromium.ts';
import { REPORT_SUBMIT_VERB } from '../../src/cards/report-form.ts';
import { ROOT, startTestApp, type TestApp } from '../helpers/app.ts';
import { cardInputs, cardText } from '../helpers/bot.ts';
import { adaptiveCardProblems } from '../helpers/cards.ts';
import { freePort } from '../helpers/net.ts';
import { startPlayground, type Playground } from '../helpers/playground.ts';

let t: TestApp;
let reporter: Playground;
let dsl: Playground;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp();
  // Two Teams-like clients, as in a school: the member of staff's, and the safeguarding lead's.
  reporter = await startPlayground(`${t.base}/api/messages`, await freePort());
  dsl = await startPlayground(`${t.base}/api/messages`, await freePort(), 'user-id-1');
  browser = await launchChromium();
}, 40_000);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
  await reporter?.stop();
  await dsl?.stop();
});

const card = (m: { attachments?: { content: Record<string, unknown> }[] }) => m.attachments?.[0]?.content;

test('a pupil friend request: reported in chat, DSL alerted at once, case opened in the tab', async () => {
  // The DSL has the bot open in Teams.
  expect(cardText(card(await dsl.say('hi')))).toContain('Hello Morgan');

  // Jordan types what happened and gets the form, pre-filled.
  const formMessage = await reporter.say('a pupil sent me a friend request on Instagram');
  const form = card(formMessage)!;
  expect(adaptiveCardProblems(form)).toEqual([]);
  expect(cardInputs(form).type?.value).toBe('friend-request');
  const draftId = (form.actions as { data: { draftId: string } }[])[0]!.data.draftId;

  // Fills it in and sends it.
  const answer = await reporter.execute(formMessage.messageId!, REPORT_SUBMIT_VERB, {
    draftId,
    type: 'friend-request',
    platform: 'Instagram',
    occurredOn: '2026-11-20',
    people: 'Riley Brookes, Year 9',
    description: 'Riley sent me a follow request on my personal Instagram last night.',
    actionsTaken: 'Did not accept. Took a screenshot. Blocked.',
    immediateRisk: 'no',
    toldDsl: 'no',
  });
  const confirmation = cardText(answer.value);
  const reference = /Report saved: (INC-\d{4}-\d{4})/.exec(confirmation)![1]!;
  expect(confirmation).toMatch(/Do not accept the request and do not reply/);

  // The DSL's Teams shows the alert, with nothing sensitive in it.
  const alert = await dsl.nextMessage();
  const alertText = cardText(card(alert));
  expect(alertText).toContain(`New report: ${reference}`);
  expect(JSON.stringify(alert)).not.toMatch(/Riley|Brookes|Jordan/);

  // The DSL opens the case in the tab.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${t.base}/tab/`);
  await page.getByRole('button', { name: /^Sign in as Morgan Hale/ }).click();
  await page.getByRole('tab', { name: 'Safeguarding cases' }).click();
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('heading', { name: `Case ${reference}`, level: 1 }).waitFor();
  const chronology = page.getByRole('list', { name: 'Chronology' });
  await chronology.getByText('Riley sent me a follow request on my personal Instagram last night.').waitFor();
  await chronology.getByText('Riley Brookes, Year 9').waitFor();
  await page.screenshot({ path: join(ROOT, 'test-results', 'case-page-dsl.png'), fullPage: true });
  await page.close();

  // Jordan is told, without detail, that a safeguarding lead has read it.
  const receipt = await reporter.nextMessage();
  expect(cardText(card(receipt))).toContain(`A safeguarding lead has read your report ${reference}.`);
}, 60_000);
