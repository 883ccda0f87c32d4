import { join } from 'node:path';
import { reportIncident } from '../../src/incidents/report-incident.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { ROOT } from '../helpers/app.ts';
import { appWithBrowser, signedIn } from '../helpers/browser-app.ts';
import { startConnector } from '../helpers/connector.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

const env = appWithBrowser();
const SHOTS = join(ROOT, 'test-results');

test('a senior leader sees an alert that has not reached the DSL, and Try again delivers it once the DSL can be reached', async () => {
  const { services } = env.app.app;
  const staff = await services.store.people.require(DEMO_PERSONAS.Staff);
  const saved = await reportIncident(services, staff, friendRequestForm());
  // Nobody has opened the bot in this demo, so the alert is tried once and waits.
  await env.app.app.dispatcher.idle();

  const leader = await signedIn(env, 'Priya Whitlock');
  await leader.getByRole('tab', { name: 'Undelivered messages' }).click();
  const table = leader.getByRole('table', { name: 'Undelivered messages' });
  const row = table.getByRole('row').filter({ hasText: 'Morgan Hale' });
  await row.getByText('Alert about a report').waitFor();
  await row.getByText(/The recipient has not opened a chat with the bot yet/).waitFor();
  await leader.screenshot({ path: join(SHOTS, 'deliveries.png'), fullPage: true });

  // The DSL opens the bot (here: a chat the local Bot Connector stands in for), then Try again.
  const connector = await startConnector();
  try {
    await services.store.conversationRefs.create(
      {
        scope: 'person',
        personId: DEMO_PERSONAS.DSL,
        schoolId: 'school-oakfield',
        reference: {
          channelId: 'msteams',
          serviceUrl: connector.url,
          conversation: { id: 'a:morgan', conversationType: 'personal' },
          bot: { id: '28:bot', name: 'Social Media Policy Hub' },
          user: { id: '29:morgan', name: 'Morgan Hale' },
        },
      },
      `person-${DEMO_PERSONAS.DSL}`,
    );
    await row.getByRole('button', { name: /^Try again/ }).click();
    await leader.getByRole('status').getByText('Trying again now: Alert about a report to Morgan Hale.').waitFor();
    await connector.waitFor((r) => JSON.stringify(r.body).includes(saved.incident.reference), 15_000);
    await leader.getByRole('tab', { name: 'Home' }).click();
    await leader.getByRole('tab', { name: 'Undelivered messages' }).click();
    await table.getByRole('row').filter({ hasText: 'Morgan Hale' }).first().waitFor({ state: 'detached' });
  } finally {
    await connector.close();
    await leader.close();
  }
});

test('the DSL sees a new report waiting on Home, without Teams, and it opens the case', async () => {
  const { services } = env.app.app;
  const staff = await services.store.people.require(DEMO_PERSONAS.Staff);
  const saved = await reportIncident(services, staff, friendRequestForm());
  const dsl = await signedIn(env, 'Morgan Hale');
  try {
    const waiting = dsl.getByRole('list', { name: 'Needs your attention' });
    const link = waiting.getByRole('link', { name: new RegExp(`New report ${saved.incident.reference}`) });
    await link.waitFor();
    await dsl.screenshot({ path: join(SHOTS, 'home-alerts.png'), fullPage: true });
    await link.click();
    await dsl
      .getByRole('heading', { name: new RegExp(saved.incident.reference) })
      .first()
      .waitFor();
  } finally {
    await dsl.close();
  }
});
