import { join } from 'node:path';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { ROOT } from '../helpers/app.ts';
import { appWithBrowser, signedIn } from '../helpers/browser-app.ts';

const env = appWithBrowser();
const SHOTS = join(ROOT, 'test-results');

test('a moderator records a check-in and logs a comment to answer; SLT sees the account and the reply due', async () => {
  await env.app.app.services.store.socialAccounts.create({
    schoolId: 'school-oakfield',
    platform: 'Facebook',
    handle: 'Oakfield PTA',
    url: 'https://www.facebook.com/oakfieldpta',
    leadId: DEMO_PERSONAS.Staff,
    moderatorIds: [DEMO_PERSONAS.Staff, DEMO_PERSONAS.Admin],
    status: 'active',
    createdOn: '2026-09-01',
  });
  const moderator = await signedIn(env, 'Jordan Ellery');
  await moderator.getByRole('tab', { name: 'Account monitoring' }).click();
  const card = moderator.getByRole('group', { name: 'Oakfield PTA' });
  await card.getByText('Not checked yet.').waitFor();
  await card.getByRole('button', { name: 'Record check-in' }).click();
  await moderator.getByRole('status').getByText('Oakfield PTA: check-in recorded.').waitFor();
  await card.getByLabel('Something needs a reply').fill('Question about the summer fair date');
  await card.getByRole('button', { name: 'Log it' }).click();
  await moderator
    .getByRole('status')
    .getByText(/Oakfield PTA: reply due by/)
    .waitFor();
  await card.getByText(/Last checked .* by Jordan Ellery: Checked, nothing needing a reply/).waitFor();
  // The lead puts a colleague on the holiday rota.
  const rota = card.getByRole('form', { name: 'Add to the rota for Oakfield PTA' });
  await rota.getByLabel('From').fill('2026-12-21');
  await rota.getByLabel('To').fill('2026-12-24');
  await rota.getByLabel('Covered by').selectOption({ label: 'Casey Brennan' });
  await rota.getByRole('button', { name: 'Add to rota' }).click();
  await moderator.getByRole('status').getByText('Oakfield PTA: Casey Brennan added to the rota.').waitFor();
  await card.getByText(/21 Dec 2026 to 24 Dec 2026: Casey Brennan/).waitFor();
  await moderator.screenshot({ path: join(SHOTS, 'monitoring-moderator.png'), fullPage: true });
  await moderator.close();

  const leader = await signedIn(env, 'Priya Whitlock');
  await leader.getByRole('tab', { name: 'Account monitoring' }).click();
  const seen = leader.getByRole('group', { name: 'Oakfield PTA' });
  await seen
    .getByRole('list', { name: 'Replies due on Oakfield PTA' })
    .getByText(/Question about the summer fair date: due/)
    .waitFor();
  // SLT oversee; they do not log check-ins for accounts they do not moderate.
  expect(await seen.getByRole('button', { name: 'Record check-in' }).count()).toBe(0);
  await seen.getByText(/21 Dec 2026 to 24 Dec 2026: Casey Brennan/).waitFor();
  // The account predates the school's current policy, so SLT's review is due now.
  await seen.getByText('Review due').waitFor();
  await seen.getByRole('button', { name: 'Review Oakfield PTA' }).click();
  const review = leader.getByRole('dialog');
  await review.getByLabel('It is meeting the aims it was approved for').uncheck();
  await review.getByRole('radio', { name: 'Keep it, with changes' }).check();
  await review.getByRole('button', { name: 'Record the review' }).click();
  await review.getByText('Say what needs to change').waitFor();
  await review.getByLabel(/What must change/).fill('Post match reports within a week, not a month');
  await review.getByRole('button', { name: 'Record the review' }).click();
  await leader.getByRole('status').getByText('Oakfield PTA: review recorded.').waitFor();
  await seen.getByText(/Next review due/).waitFor();
  // The school's closure days, used by the reply rule and the rota.
  const settings = leader.getByRole('form', { name: 'Monitoring settings' });
  await settings.getByLabel('Closure day to add').fill('2026-12-18');
  await settings.getByRole('button', { name: 'Add closure day' }).click();
  await settings.getByRole('button', { name: 'Save' }).click();
  await settings.getByText('Saved.').waitFor();
  expect((await env.app.app.services.store.schools.require('school-oakfield')).closures).toEqual(['2026-12-18']);
  await leader.screenshot({ path: join(SHOTS, 'monitoring-slt.png'), fullPage: true });
  await leader.close();
}, 60_000);
