import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';

const RENDERER = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js');

/**
 * A card rendered by the Adaptive Cards renderer in Chromium, as Teams renders it, and
 * screenshotted to `path`: what a person would read, and the buttons they could press.
 */
export async function renderCard(browser: Browser, card: object, path: string) {
  const page = await browser.newPage({ viewport: { width: 480, height: 900 } });
  await page.setContent('<main id="card" style="font-family: sans-serif; width: 440px"></main>');
  await page.addScriptTag({ path: RENDERER });
  const actions = await page.evaluate((json) => {
    const AC = (
      window as unknown as {
        AdaptiveCards: { AdaptiveCard: new () => { parse(j: object): void; render(): HTMLElement } };
      }
    ).AdaptiveCards;
    const adaptive = new AC.AdaptiveCard();
    adaptive.parse(json);
    document.getElementById('card')!.appendChild(adaptive.render());
    return [...document.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent ?? '');
  }, card);
  const text = await page.locator('#card').innerText();
  await page.locator('#card').screenshot({ path });
  await page.close();
  return { text, actions };
}
