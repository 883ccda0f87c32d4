import { join } from 'node:path';
import { ROOT } from '../helpers/app.ts';
import { appWithBrowser, signedIn } from '../helpers/browser-app.ts';

const env = appWithBrowser();
const SHOTS = join(ROOT, 'test-results');

test('a senior leader points a staff question to the passage that answers it, then takes it back', async () => {
  const services = env.app.app.services;
  await services.store.questions.create({
    schoolId: 'school-oakfield',
    askerId: 'person-demo-staff',
    text: 'Is it OK to livestream the sports day from my phone?',
    status: 'unanswered',
  });

  const leader = await signedIn(env, 'Priya Whitlock');
  await leader.getByRole('tab', { name: 'Policy questions' }).click();
  await leader
    .getByRole('button', { name: 'Point to the answer for: Is it OK to livestream the sports day from my phone?' })
    .click();
  const dialog = leader.getByRole('dialog', { name: 'Point to the answer' });
  const passage = dialog.getByRole('combobox', { name: 'Passage that answers it' });
  await passage.click();
  await passage.fill('');
  await passage.pressSequentially('school devices');
  // The list opens in a layer of its own, outside the dialog's markup.
  await leader.getByRole('option', { name: /^5\.3: Staff take images of pupils only on school devices/ }).click();
  await dialog
    .getByLabel('Chosen passage')
    .getByText(/never on personal phones or cameras/)
    .waitFor();
  await leader.screenshot({ path: join(SHOTS, 'policy-pointer.png'), fullPage: false });
  await dialog.getByRole('button', { name: 'Save' }).click();

  const table = leader.getByRole('table', { name: 'Policy questions' });
  const row = table.getByRole('row', { name: /livestream the sports day/ });
  await row.getByText('Answered by the policy').waitFor();
  await row.getByText(/Staff take images of pupils only on school devices/).waitFor();
  const pointer = (await services.store.policyPointers.listAll({ where: { schoolId: 'school-oakfield' } }))[0];
  expect(pointer).toMatchObject({ question: 'Is it OK to livestream the sports day from my phone?' });

  await row.getByRole('button', { name: /Take back the passage for/ }).click();
  await row.getByRole('button', { name: /Point to the answer for/ }).waitFor();
  await leader.close();
}, 60_000);
