import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/cli/chromium.ts';
import { reportIncident } from '../../src/incidents/report-incident.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeTeamsHost, type FakeTeamsHost } from '../helpers/fake-teams-host.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

/** A deep link from an alert opens the tab in Teams at the case it names (the context's subPageId). */
let app: TestApp;
let host: FakeTeamsHost | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await app?.stop();
});

test('the tab opened inside Teams with a case as its sub-entity lands on that case', async () => {
  app = await startTestApp();
  const { services } = app.app;
  const staff = await services.store.people.require(DEMO_PERSONAS.Staff);
  const saved = await reportIncident(services, staff, friendRequestForm());
  host = await startFakeTeamsHost(app.base, `cases/${saved.incident.id}`);
  browser = await launchChromium(host.chromiumArgs);
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(host.url);
  const tab = page.frameLocator('#app');
  await tab.getByRole('button', { name: /^Sign in as Morgan Hale/ }).click();
  await tab
    .getByRole('heading', { name: new RegExp(saved.incident.reference) })
    .first()
    .waitFor();
}, 60_000);
