import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/cli/chromium.ts';
import { startTestApp, type TestApp } from './app.ts';

/** For browser tests: the app and Chromium, started before the file's tests and stopped after. */
export function appWithBrowser(): { readonly app: TestApp; readonly browser: Browser } {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return {
    get app() {
      return app!;
    },
    get browser() {
      return browser!;
    },
  };
}

/** Opens the tab and signs in through the dev sign-in as the named demo person. */
export async function signedIn(env: { app: TestApp; browser: Browser }, name: string): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${env.app.base}/tab/`);
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${name}`) }).click();
  await page.getByRole('navigation', { name: 'Pages' }).waitFor();
  return page;
}

/** The demo people the sign-in page offers, one per role. */
export async function demoPersonas(app: TestApp): Promise<{ roleLabel: string; person: { displayName: string } }[]> {
  const res = await fetch(`${app.base}/api/v1/dev/personas`);
  return ((await res.json()) as { items: { roleLabel: string; person: { displayName: string } }[] }).items;
}

/** A page of the tab has shown its title and, within a moment, finished loading. */
export async function pageSettled(page: Page): Promise<void> {
  await page.locator('#page-title').waitFor();
  await page
    .waitForFunction(() => !document.querySelector('.fui-Spinner'), undefined, { timeout: 1500 })
    .catch(() => undefined);
}
