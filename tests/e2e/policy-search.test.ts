import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/app.ts';
import { appWithBrowser, signedIn } from '../helpers/browser-app.ts';

/**
 * The policy page's search box answers as the bot does: two possible answers when neither is
 * clearly ahead, a request for more when the question is too general, what may be related when it
 * declines, and as sure as the school's leaders have chosen.
 */
const env = appWithBrowser();
const SHOTS = join(ROOT, 'test-results');

async function search(page: Page, question: string) {
  await page.getByRole('searchbox').fill(question);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  return page.getByRole('search');
}

test('searching the policy shows close calls, asks for more, offers what may be related, and follows the school’s choice', async () => {
  const staff = await signedIn(env, 'Jordan Ellery');
  await staff.getByRole('tab', { name: 'Policy', exact: true }).click();

  const close = await search(staff, 'Can we say where a pupil lives in a post?');
  await close.getByText('Two parts of the policy may answer this:').waitFor();
  await close.getByRole('link', { name: '5. Images and information about pupils' }).waitFor();
  await close.getByRole('link', { name: '6. Staff use of personal social media' }).waitFor();
  await staff.screenshot({ path: join(SHOTS, 'policy-search-close-call.png'), fullPage: false });

  const general = await search(staff, 'Someone got into my Facebook account, what do I do?');
  await general.getByText(/fits many parts of the policy/).waitFor();
  await general.getByText('These parts of the policy may be related:').waitFor();

  const borderline = "I'm leaving the school and I run the sports account, what happens to it?";
  await (await search(staff, borderline)).getByText(/When the lead member of staff for an account leaves/).waitFor();

  // The school's leaders ask the bot to be very sure.
  const leader = await signedIn(env, 'Priya Whitlock');
  await leader.getByRole('tab', { name: 'School settings' }).click();
  const form = leader.getByRole('form', { name: 'Policy answers' });
  await form.getByRole('radio', { name: /Very sure/ }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('status').getByText('Saved.').waitFor();
  await form.screenshot({ path: join(SHOTS, 'school-settings-policy-answers.png') });
  expect((await env.app.app.services.store.schools.require('school-oakfield')).answerCertainty).toBe('very-sure');
  await leader.close();

  const declined = await search(staff, borderline);
  await declined.getByText(/does not seem to cover this/).waitFor();
  await declined.getByRole('link', { name: '4. Setting up and running official accounts' }).click();
  await staff.getByRole('heading', { name: '4. Setting up and running official accounts' }).waitFor();
  await staff.close();
}, 60_000);
