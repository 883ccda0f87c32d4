import type { Browser } from 'playwright-core';
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
