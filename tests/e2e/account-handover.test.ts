import { join } from 'node:path';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { makeRunnersReady } from '../helpers/applications.ts';
import { ROOT } from '../helpers/app.ts';
import { appWithBrowser, signedIn } from '../helpers/browser-app.ts';

const env = appWithBrowser();
const SHOTS = join(ROOT, 'test-results');
const ACCOUNT = 'account-e2e-handover';
const inAFortnight = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

/**
 * A moderator leaves: HR records the leaving date, the account is flagged, the administrator
 * hands it to a trained colleague and records the password change, and the leaver can no
 * longer reveal the sign-in details.
 */
test('a moderator leaves and the administrator hands the account over in the tab', async () => {
  const { services } = env.app.app;
  await makeRunnersReady(env.app, [DEMO_PERSONAS.Staff, 'person-oak-deputy-dsl']);
  const credentialRef = await services.vault!.seal(ACCOUNT, {
    username: 'oakfield.drama',
    password: 'Before-the-handover-1',
    notes: '',
  });
  await services.store.socialAccounts.create(
    {
      schoolId: 'school-oakfield',
      platform: 'Instagram',
      handle: '@OakfieldDrama',
      url: 'https://www.instagram.com/oakfielddrama',
      leadId: DEMO_PERSONAS.Staff,
      moderatorIds: [DEMO_PERSONAS.Staff, DEMO_PERSONAS.DSL],
      status: 'active',
      createdOn: '2026-09-01',
      credentialRef,
    },
    ACCOUNT,
  );

  // Before: the moderator can see how to sign in.
  const leaver = await signedIn(env, 'Morgan Hale');
  await leaver.getByRole('tab', { name: 'Official accounts' }).click();
  const leaverRow = leaver.getByRole('row', { name: /@OakfieldDrama/ });
  await leaverRow.getByRole('button', { name: 'Reveal sign-in' }).waitFor();

  // HR records the leaving date on the training dashboard.
  const hr = await signedIn(env, 'Dana Fairbrook');
  await hr.getByRole('tab', { name: 'Training dashboard' }).click();
  await hr.getByRole('searchbox').fill('Morgan Hale');
  await hr.getByTestId('staff-table').getByRole('button', { name: 'Morgan Hale' }).click();
  const person = hr.getByRole('dialog');
  await person.getByLabel('Leaving date', { exact: true }).fill(inAFortnight());
  await person.getByRole('button', { name: 'Save leaving date' }).click();
  await person.getByText(/An official account they help run now needs a handover/).waitFor();
  await hr.close();

  // The administrator sees the flag, hands the account over and records the new password.
  const admin = await signedIn(env, 'Casey Brennan');
  await admin.getByRole('tab', { name: 'Official accounts' }).click();
  const row = admin.getByRole('row', { name: /@OakfieldDrama/ });
  await row.getByText('Handover needed').waitFor();
  await row.getByText(/Leaving: Morgan Hale/).waitFor();
  await admin.screenshot({ path: join(SHOTS, 'handover-needed.png'), fullPage: true });
  await row.getByRole('button', { name: 'Hand over @OakfieldDrama' }).click();
  const transfer = admin.getByRole('dialog');
  const chosen = transfer.getByRole('list', { name: 'Chosen moderators' });
  await chosen.getByText('Jordan Ellery').waitFor();
  expect(await chosen.getByText('Morgan Hale').count()).toBe(0); // the leaver is already off the list
  // One moderator is not enough: the server says so beside the field.
  await transfer.getByRole('button', { name: 'Hand over' }).click();
  await transfer.getByText('Name at least two staff members who will moderate the account').waitFor();
  await transfer.getByRole('combobox', { name: 'Moderators' }).selectOption({ label: 'Rowan Achebe (Deputy DSL)' });
  await chosen.getByText('Trained and has read the policy').nth(1).waitFor();
  await admin.screenshot({ path: join(SHOTS, 'handover-dialog.png'), fullPage: true });
  await transfer.getByRole('button', { name: 'Hand over' }).click();
  await row.getByText(/Handed over ✓/).waitFor();
  await row.getByText('Password still to be changed.').waitFor();

  await row.getByRole('button', { name: 'Change sign-in details of @OakfieldDrama' }).click();
  const credential = admin.getByRole('dialog');
  await credential.getByLabel('Sign-in name or email').fill('oakfield.drama');
  await credential.getByLabel('Password').fill('After-the-handover-2');
  await credential.getByRole('button', { name: 'Save sign-in details' }).click();
  await row.getByText('Active').waitFor();
  expect(await row.getByText('Rowan Achebe').count()).toBe(1);
  await admin.close();

  const stored = await services.store.socialAccounts.require(ACCOUNT);
  expect(stored.handovers?.[0]).toMatchObject({
    leaverIds: [DEMO_PERSONAS.DSL],
    credentialRotatedById: DEMO_PERSONAS.Admin,
  });

  // The leaver no longer has the button, and the server refuses them if they ask anyway.
  await leaver.reload();
  await leaverRow.waitFor();
  expect(await leaverRow.getByRole('button', { name: 'Reveal sign-in' }).count()).toBe(0);
  const refused = await fetch(`${env.app.base}/api/v1/accounts/${ACCOUNT}/credential/reveal`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await env.app.signIn(DEMO_PERSONAS.DSL)}` },
  });
  expect(refused.status).toBe(404);
  await leaver.close();
}, 90_000);
