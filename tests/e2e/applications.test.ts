import { decideApplication } from '../../src/applications/approval.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { makeRunnersReady, submitApplication } from '../helpers/applications.ts';
import { appWithBrowser, signedIn } from '../helpers/browser-app.ts';
import { ROOT } from '../helpers/app.ts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const env = appWithBrowser();
const SHOTS = join(ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });

const signedInAs = (name: string) => signedIn(env, name);

test('a member of staff fills in the business case, sees what is missing, submits it and finds it in My applications', async () => {
  const page = await signedInAs('Jordan Ellery');
  await page.getByRole('tab', { name: 'My applications' }).click();
  await page.getByRole('button', { name: 'New application' }).click();
  const form = page.getByRole('form', { name: 'Application for an official account' });

  await form.getByLabel('Account name').fill('Oakfield Year 6 news');
  await form.getByLabel('Platform').selectOption('Facebook');
  // Sent too early: the problems appear next to their fields, and what was typed stays.
  await form.getByRole('button', { name: 'Send to SLT' }).click();
  await form.getByText('Name at least two staff members who will run the account').waitFor();
  await form.getByText('Say who the account is for: parents, pupils, the community…').waitFor();
  expect(await form.getByLabel('Account name').inputValue()).toBe('Oakfield Year 6 news');
  // Focus moves to the first field with a problem, not left on the button.
  expect(await form.getByLabel('Aim').evaluate((el) => el === document.activeElement)).toBe(true);
  // Fixing one field clears its message at once; the others stay until they are fixed too.
  await form.getByLabel('Intended audience').fill('Year 6 parents and carers');
  await form.getByText('Say who the account is for: parents, pupils, the community…').waitFor({ state: 'detached' });
  expect(await form.getByText('Name at least two staff members who will run the account').isVisible()).toBe(true);

  await form.getByLabel('Aim').fill('Share what Year 6 are learning, trips and celebrations with families each week.');
  await form.getByLabel('Intended audience').fill('Year 6 parents and carers');
  await form.getByLabel('How it will be promoted').fill('The weekly newsletter');
  const runners = form.getByLabel('Staff who will run it');
  for (const id of ['person-oak-deputy-dsl', 'person-demo-admin']) await runners.selectOption(id);
  const picked = form.getByRole('list', { name: 'Chosen staff' });
  await picked.getByText('Rowan Achebe', { exact: true }).waitFor();
  // Whether each runner is ready is shown, with what to ask them, but not their course records.
  await picked.getByText(/Rowan Achebe: not ready yet: ask them to open My training/).waitFor();
  await form.getByRole('button', { name: 'Add a volunteer' }).click();
  await form.getByLabel('Volunteer 1: full name').fill('Dana Whitfield');
  await form.getByLabel('Connection to the school').fill('Parent');
  await form.getByRole('radio', { name: /Private or closed/ }).check();
  await form.getByText('Draft saved').waitFor();

  await form.getByRole('button', { name: 'Send to SLT' }).click();
  const row = page.getByRole('table', { name: 'My applications' }).getByRole('row', { name: /Oakfield Year 6 news/ });
  await row.getByText('Waiting for SLT').waitFor();
  const stored = await env.app.app.services.store.applications.listAll({ where: { status: 'submitted' } });
  expect(stored.find((a) => a.accountName === 'Oakfield Year 6 news')).toMatchObject({
    platform: 'Facebook',
    runnerIds: ['person-oak-deputy-dsl', 'person-demo-admin'],
    volunteers: [{ name: 'Dana Whitfield', relationship: 'Parent' }],
    visibility: 'private',
  });
  await page.close();
}, 60_000);

test('a long answer counts as it nears its limit, says by how much it is over, and saves once shortened', async () => {
  const page = await signedInAs('Jordan Ellery');
  await page.getByRole('tab', { name: 'My applications' }).click();
  await page.getByRole('button', { name: 'New application' }).click();
  const form = page.getByRole('form', { name: 'Application for an official account' });
  await form.getByLabel('Account name').fill('Oakfield choir');
  const aim = form.getByLabel('Aim');
  const words = (n: number) => 'We sing. '.repeat(n).slice(0, n);
  await aim.fill(words(2000));
  expect(await form.getByText(/characters/).count()).toBe(0);
  await aim.fill(words(3300));
  await form.getByText('3,300 of 4,000 characters').waitFor();
  await aim.fill(words(4100));
  await form.getByText('4,100 of 4,000 characters. This holds 4,000 characters: shorten it by 100.').waitFor();
  // Nothing was cut: the box still holds all of it.
  expect((await aim.inputValue()).length).toBe(4100);
  await aim.fill(words(3900));
  await form.getByText('3,900 of 4,000 characters').waitFor();
  await form.getByText('Draft saved').waitFor();
  const [draft] = await env.app.app.services.store.applications.listAll({ where: { status: 'draft' } });
  expect(draft?.aim.length).toBe(3900);
  await page.close();
}, 60_000);

test('after SLT approves, the administrator follows the task card to the form, records the account, and reveals its sign-in', async () => {
  const { services } = env.app.app;
  // The applicant leads the account, so they are trained too.
  await makeRunnersReady(env.app, ['person-oak-deputy-dsl', 'person-oak-chair', DEMO_PERSONAS.Staff]);
  const applicationId = await submitApplication(env.app, 'Oakfield Orchestra', [
    'person-oak-deputy-dsl',
    'person-oak-chair',
  ]);
  const leader = await services.store.people.require(DEMO_PERSONAS.SLT);
  await decideApplication(services, leader, applicationId, { decision: 'approve', comment: '' });

  const page = await signedInAs('Casey Brennan');
  // The task card's link: the accounts page, opened at this application's form.
  await page.goto(`${env.app.base}/tab/#/accounts?create=${applicationId}`);
  const form = page.getByRole('form', { name: 'Record the account for Oakfield Orchestra' });
  await form.getByLabel('Handle or page name').fill('@OakfieldOrchestra');
  await form.getByLabel('Web address').fill('https://www.instagram.com/oakfieldorchestra');
  await form.getByLabel('Sign-in name or email').fill('orchestra@demo.example.sch.uk');
  await form.getByLabel('Password').fill('Tuba-Meadow-9921');
  // The runners are proposed as moderators, with their training shown.
  await form
    .getByRole('list', { name: 'Chosen moderators' })
    .getByText(/Trained and has read the policy/)
    .first()
    .waitFor();
  await form.getByRole('button', { name: 'Record the account' }).click();

  const register = page.getByRole('table', { name: 'Account register' });
  const row = register.getByRole('row', { name: /@OakfieldOrchestra/ });
  await row.getByText('Active', { exact: true }).first().waitFor();
  expect(await row.getByRole('button', { name: 'Hand over @OakfieldOrchestra' }).isVisible()).toBe(true);
  expect(await row.getByText('Rowan Achebe, Gideon Marlowe').isVisible()).toBe(true);
  await page.screenshot({ path: join(SHOTS, 'accounts-register-admin.png') });
  await row.getByRole('button', { name: 'Reveal sign-in' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Sign-in details: @OakfieldOrchestra' });
  await dialog.getByText('Tuba-Meadow-9921').waitFor();
  // Copying stays on this device: the clipboard has the password, and the server hears nothing of it.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.app.base });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await dialog.getByRole('button', { name: 'Copy the password' }).click();
  await dialog.getByRole('button', { name: 'Copy the password' }).getByText('Copied').waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Tuba-Meadow-9921');
  expect(requests).toEqual([]);
  await dialog.getByRole('button', { name: 'Hide' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.close();

  // Staff who do not run the account (here a senior leader) see the register, but no way to reveal anything.
  const staff = await signedInAs('Priya Whitlock');
  await staff.getByRole('tab', { name: 'Official accounts' }).click();
  const seen = staff.getByRole('table', { name: 'Account register' }).getByRole('row', { name: /@OakfieldOrchestra/ });
  await seen.waitFor();
  expect(await seen.getByRole('button', { name: 'Reveal sign-in' }).count()).toBe(0);
  await staff.close();
}, 60_000);

test('a senior leader changes how applications are decided; a muddled setting is explained beside its field', async () => {
  const page = await signedInAs('Priya Whitlock');
  await page.getByRole('tab', { name: 'School settings' }).click();
  const form = page.getByRole('form', { name: 'Account applications' });
  await form.getByLabel('Approvals needed').fill('2');
  await form.getByLabel('Close undecided applications after (working days)').fill('1');
  await form.getByRole('button', { name: 'Save' }).click();
  await form
    .getByText(/SLT is reminded before an application closes, so make this more than the days before the reminder/)
    .waitFor();
  await form.getByLabel('Close undecided applications after (working days)').fill('25');
  // Changing the field clears its message before anything is saved.
  await form.getByText(/SLT is reminded before an application closes/).waitFor({ state: 'detached' });
  await form.getByRole('radio', { name: /Allow approval with a reason/ }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('status').getByText('Saved.').waitFor();
  await page.screenshot({ path: join(SHOTS, 'school-settings-slt.png'), fullPage: true });
  expect((await env.app.app.services.store.schools.require('school-oakfield')).approvals).toEqual({
    approvalsNeeded: 2,
    trainingGate: 'warn-and-record',
    remindAfterWorkingDays: 3,
    expireAfterWorkingDays: 25,
  });
  await page.close();
}, 60_000);

test('a senior leader decides in the tab: asks for changes with a comment, and the page says what happened', async () => {
  await makeRunnersReady(env.app, ['person-oak-deputy-dsl', 'person-oak-chair']);
  const id = await submitApplication(env.app, 'Oakfield Chess Club', ['person-oak-deputy-dsl', 'person-oak-chair']);
  const page = await signedInAs('Priya Whitlock');
  await page.getByRole('tab', { name: 'Account approvals' }).click();
  const card = page.getByRole('group', { name: 'Oakfield Chess Club' });
  await card.getByText('Rowan Achebe').waitFor();
  await page.screenshot({ path: join(SHOTS, 'approvals-slt.png'), fullPage: true });
  await card.getByRole('button', { name: 'Send back…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('What needs to change').fill('Please add who will post during the holidays.');
  await dialog.getByRole('button', { name: 'Send back' }).click();
  await page
    .getByRole('status')
    .getByText(/Oakfield Chess Club: Changes requested by Priya Whitlock/)
    .waitFor();
  expect((await env.app.app.services.store.applications.require(id)).status).toBe('changes-requested');
  await page.close();
}, 60_000);

test('the training gate is shown before the click: Approve is off, and says why, while runners are not ready', async () => {
  // The school's rule: untrained runners block an approval (an earlier test changes it).
  const leader = await env.app.signIn(DEMO_PERSONAS.SLT);
  const rules = { approvalsNeeded: 1, trainingGate: 'block', remindAfterWorkingDays: 3, expireAfterWorkingDays: 20 };
  expect((await env.app.put('/api/v1/schools/school-oakfield/approvals', rules, leader)).status).toBe(200);
  await submitApplication(env.app, 'Oakfield Eco Club', ['person-001', 'person-003']);
  const page = await signedInAs('Priya Whitlock');
  await page.getByRole('tab', { name: 'Account approvals' }).click();
  const card = page.getByRole('group', { name: 'Oakfield Eco Club' });
  await card.getByText('Approve when every runner is trained and has read the policy (your school’s rule).').waitFor();
  expect(await card.getByRole('button', { name: 'Approve', exact: true }).isDisabled()).toBe(true);
  await page.close();
}, 60_000);
