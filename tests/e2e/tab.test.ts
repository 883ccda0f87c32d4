import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/app.ts';
import { appWithBrowser } from '../helpers/browser-app.ts';

const SHOTS = join(ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });
const env = appWithBrowser();

/** A fresh page that records console errors, which include any Content-Security-Policy violation. */
async function openTab(): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.app.base}/tab/`);
  return { page, errors };
}

async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name: 'Choose who to sign in as' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${name}`) }).click();
  await page.getByRole('navigation', { name: 'Pages' }).waitFor();
}

describe('the tab in Chromium', () => {
  test('the DSL signs in with the dev sign-in and sees the Fluent shell with safeguarding pages', async () => {
    const { page, errors } = await openTab();
    await signInAs(page, 'Morgan Hale');
    await page.getByRole('heading', { name: 'Welcome, Morgan' }).waitFor();
    const tabs = await page.getByRole('navigation', { name: 'Pages' }).getByRole('tab').allInnerTexts();
    expect(tabs).toContain('Safeguarding cases');
    expect(tabs).not.toContain('Account approvals');
    await page.screenshot({ path: join(SHOTS, 'tab-home-dsl.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  test('staff see only their own pages, and keyboard arrows move between them', async () => {
    const { page, errors } = await openTab();
    await signInAs(page, 'Jordan Ellery');
    const nav = page.getByRole('navigation', { name: 'Pages' });
    const tabs = await nav.getByRole('tab').allInnerTexts();
    expect(tabs).toEqual([
      'Home',
      'Policy',
      'My reports',
      'My applications',
      'My training',
      'Official accounts',
      'Account monitoring',
    ]);
    await nav.getByRole('tab', { name: 'Home' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Social Media Policy', exact: true, level: 1 }).waitFor();
    expect(page.url()).toMatch(/#\/policy$/);
    await page.getByRole('heading', { name: '6. Staff use of personal social media', level: 2 }).waitFor();
    await page.getByRole('search').getByRole('searchbox').fill('can I follow an ex-pupil?');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await page.getByRole('search').getByRole('link', { name: '6. Staff use of personal social media' }).waitFor();
    // The bot's answers link straight to a section: it is brought into view and focused.
    await page
      .getByRole('navigation', { name: 'Contents' })
      .getByRole('link', { name: '13. Records and review' })
      .click();
    await page.waitForFunction(() => document.activeElement?.id === 'section-13-records-and-review');
    expect(page.url()).toMatch(/#\/policy\/13-records-and-review$/);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  test('the theme menu switches to dark and high contrast, and the choice is remembered', async () => {
    const { page } = await openTab();
    await signInAs(page, 'Dana Fairbrook');
    const background = () => page.locator('#main').evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await background();
    await page.getByRole('button', { name: 'Theme: Light' }).click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    const dark = await background();
    expect(dark).not.toBe(light);
    const [r, g, b] = dark.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(200);
    await page.screenshot({ path: join(SHOTS, 'tab-home-dark.png') });
    await page.reload();
    await page.getByRole('button', { name: 'Theme: Dark' }).waitFor();
    await page.getByRole('button', { name: 'Theme: Dark' }).click();
    await page.getByRole('menuitemradio', { name: 'High contrast' }).click();
    expect(await background()).toBe('rgb(0, 0, 0)');
    await page.close();
  }, 30_000);

  test('"Switch person" signs out, and an expired session returns to the picker', async () => {
    const { page } = await openTab();
    await signInAs(page, 'Priya Whitlock');
    expect(await page.getByRole('tab', { name: 'Account approvals' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Switch person' }).click();
    await page.getByRole('heading', { name: 'Choose who to sign in as' }).waitFor();
    await signInAs(page, 'Casey Brennan');
    await page.evaluate(() => sessionStorage.setItem('smph.devToken', 'expired.or.forged'));
    await page.reload();
    await page.getByRole('heading', { name: 'Choose who to sign in as' }).waitFor();
    await page.close();
  }, 30_000);

  test('the pages the manifest links to open without signing in: privacy, terms and channel-tab setup', async () => {
    const page = await env.browser.newPage();
    for (const [hash, heading] of [
      ['privacy', 'Privacy'],
      ['terms', 'Terms of use'],
      ['configure', 'Add Social Media Policy Hub to this channel'],
    ]) {
      await page.goto(`${env.app.base}/tab/#/${hash}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect(await page.getByRole('heading', { name: 'Choose who to sign in as' }).count()).toBe(0);
    }
    await page.close();
  }, 30_000);
});

test('a school that chooses Welsh sees the frame, the page titles and Home in Welsh', async () => {
  const { store } = env.app.app.services;
  const school = await store.schools.require('school-oakfield');
  await store.schools.update(school, { language: 'cy' });
  try {
    const { page, errors } = await openTab();
    await signInAs(page, 'Jordan Ellery');
    await page.getByRole('heading', { name: 'Croeso, Jordan' }).waitFor();
    const tabs = await page.getByRole('navigation', { name: 'Pages' }).getByRole('tab').allInnerTexts();
    expect(tabs).toEqual(expect.arrayContaining(['Hafan', 'Polisi', 'Fy adroddiadau', 'Fy hyfforddiant']));
    await page.getByText(/ffoniwch 999 yn gyntaf/).waitFor();
    await page.getByRole('tab', { name: 'Fy hyfforddiant' }).click();
    await page.getByRole('heading', { name: 'Fy hyfforddiant', level: 1 }).waitFor();
    expect(await page.title()).toBe('Fy hyfforddiant · Hyb Polisi Cyfryngau Cymdeithasol');
    await page.screenshot({ path: join(SHOTS, 'tab-home-welsh.png') });
    expect(errors).toEqual([]);
    await page.close();
  } finally {
    await store.schools.update(await store.schools.require('school-oakfield'), { language: undefined });
  }
}, 30_000);

test('when the demo server no longer accepts the session (it restarted), the tab goes back to sign-in and says why', async () => {
  const { page, errors } = await openTab();
  await signInAs(page, 'Jordan Ellery');
  // What a restart does to an open tab: the token it holds was signed with a key the server no longer has.
  await page.evaluate(() => sessionStorage.setItem('smph.devToken', 'eyJhbGciOiJIUzI1NiJ9.e30.c3RhbGU'));
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('tab', { name: 'My reports' }).click();
  await page.getByRole('heading', { name: 'Choose who to sign in as' }).waitFor();
  await page.getByText(/Your demo session has ended \(the server was restarted/).waitFor();
  expect(await page.getByText('Something went wrong').count()).toBe(0);
  await signInAs(page, 'Jordan Ellery');
  expect(await page.getByText(/Your demo session has ended/).count()).toBe(0);
  expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
  await page.close();
}, 30_000);
