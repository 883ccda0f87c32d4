import { appWithBrowser, signedIn } from '../helpers/browser-app.ts';

/**
 * A senior leader names who reads concerns about adults on School settings: the page warns while
 * nobody is named for a role, and the choice is saved and audited.
 */
const env = appWithBrowser();

test('School settings warns when no chair of governors is named, and a leader names one from the staff list', async () => {
  const { store } = env.app.app.services;
  const school = await store.schools.require('school-oakfield');
  await store.schools.update(school, { routing: { ...school.routing, chairOfGovernorsId: undefined } });

  const leader = await signedIn(env, 'Priya Whitlock');
  await leader.getByRole('tab', { name: 'School settings' }).click();
  const form = leader.getByRole('form', { name: 'Concerns about adults' });
  await form
    .getByText(/No chair of governors is named: concerns they would read go to the safeguarding leads/)
    .waitFor();
  const chair = form.getByLabel('Chair of governors');
  const choice = await chair.locator('option', { hasText: 'Gideon Marlowe' }).first().getAttribute('value');
  await chair.selectOption(choice!);
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('status').getByText('Saved.').waitFor();
  expect(await form.getByText(/No chair of governors is named/).count()).toBe(0);
  expect((await store.schools.require('school-oakfield')).routing?.chairOfGovernorsId).toBe(choice);
  const audit = await store.audit.listAll({ where: { targetId: 'school-oakfield' } });
  expect(audit.map((a) => a.action)).toContain('school.concern-readers.changed');
  await leader.close();
}, 60_000);
