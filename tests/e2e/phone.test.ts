import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/app.ts';
import { appWithBrowser, demoPersonas, pageSettled } from '../helpers/browser-app.ts';

/**
 * Every page each demo role reaches, on a phone: the navigation folds into a menu that works by
 * touch and by keyboard, and no page scrolls sideways (wide tables scroll inside themselves).
 * Screenshots of each page at 390 px are left in test-results/phone/ to look at.
 */
const SHOTS = join(ROOT, 'test-results', 'phone');
mkdirSync(SHOTS, { recursive: true });
const env = appWithBrowser();
const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
];

/** Controls a finger cannot reliably hit: shorter than 44 px. */
const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'main button, main [role="tab"], main input:not([type="checkbox"]):not([type="radio"]), main select, header button',
      ),
    ]
      .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().height < 43.5)
      .slice(0, 3)
      .map(
        (el) =>
          `a ${el.tagName.toLowerCase()} ${Math.round(el.getBoundingClientRect().height)} px tall: ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}`,
      ),
  );

/** What sticks out past the right edge of the screen, if anything, named so a failure says where. */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return [];
    return [...document.querySelectorAll<HTMLElement>('main *, header *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => !el.closest('[role="region"]')) // a table scrolling inside its own region is fine
      .slice(0, 3)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''}: ${el.textContent?.trim().slice(0, 40)}`,
      );
  });

async function openMenu(page: Page) {
  await page.getByRole('button', { name: 'Menu', exact: true }).tap();
  // The menu is fetched on its first opening, so wait for it to show.
  const nav = page.getByRole('dialog').getByRole('navigation', { name: 'Pages' });
  await nav.getByRole('tab').first().waitFor();
  return nav;
}

describe.each(PHONES)('at $width × $height', ({ width, height }) => {
  test('every page of every role fits the screen, and the menu reaches each by touch', async () => {
    const problems: string[] = [];
    for (const persona of await demoPersonas(env.app)) {
      const context = await env.browser.newContext({
        viewport: { width, height },
        hasTouch: true,
        isMobile: true,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      await page.goto(`${env.app.base}/tab/`);
      const signIn = page.getByRole('button', { name: new RegExp(`^Sign in as ${persona.person.displayName}`) });
      await signIn.waitFor();
      for (const what of [...(await sideways(page)), ...(await smallTargets(page))]) {
        problems.push(`sign-in page: ${what}`);
      }
      await signIn.tap();
      const titles = await (await openMenu(page)).getByRole('tab').allInnerTexts();
      await page.getByRole('button', { name: 'Close the menu' }).tap();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      expect(titles.length).toBeGreaterThan(2);
      for (const title of titles) {
        const nav = await openMenu(page);
        await nav.getByRole('tab', { name: title, exact: true }).tap();
        await page.getByRole('dialog').waitFor({ state: 'hidden' });
        await pageSettled(page);
        for (const what of [...(await sideways(page)), ...(await smallTargets(page))]) {
          problems.push(`${persona.roleLabel}, ${title}: ${what}`);
        }
        if (width === 390) {
          const file = `${persona.roleLabel}-${title}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
          await page.screenshot({ path: join(SHOTS, `${file}.png`), fullPage: true });
        }
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 240_000);
});

test('on a phone the menu works from the keyboard too', async () => {
  const context = await env.browser.newContext({ viewport: PHONES[0] });
  const page = await context.newPage();
  await page.goto(`${env.app.base}/tab/`);
  await page.getByRole('button', { name: /^Sign in as Morgan Hale/ }).click();
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.focus();
  await page.keyboard.press('Enter');
  const nav = page.getByRole('dialog').getByRole('navigation', { name: 'Pages' });
  await nav.waitFor();
  await nav.getByRole('tab').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  expect(await page.evaluate(() => window.location.hash)).not.toBe('#/home');
  await page.keyboard.press('Escape');
  await context.close();
}, 60_000);
