import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { appWithBrowser, demoPersonas, pageSettled } from '../helpers/browser-app.ts';

/**
 * axe-core's WCAG 2.1 A and AA rules on every page, in the light, dark and high-contrast themes,
 * each page as the role that sees most on it. Serious and critical findings fail the test, each
 * named with the theme, page and element so the fix can start there.
 */
// Run through the DevTools protocol, which the tab's Content-Security-Policy (rightly) does not allow a page script to do.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = ['light', 'dark', 'contrast'] as const;
/** Who scans a page: the first of these who sees it (leaders see the most, then the specialists). */
const ROLE_ORDER = ['Senior leadership', 'Safeguarding lead', 'HR', 'Account administrator', 'Staff'];
const env = appWithBrowser();

interface Finding {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

async function scan(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<{ violations: Finding[] }> } })
      .axe;
    // Tabster's focus bumpers (empty <i>s Fluent adds around focus zones) are focusable and
    // aria-hidden on purpose; Microsoft's own Accessibility Insights leaves them out the same way.
    const result = await axe.run(
      { include: [document], exclude: [['[data-tabster-dummy]']] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      },
    );
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.help}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

test.each(THEMES)(
  'no serious or critical accessibility problem on any page in the %s theme',
  async (theme) => {
    const personas = (await demoPersonas(env.app)).sort(
      (a, b) => ROLE_ORDER.indexOf(a.roleLabel) - ROLE_ORDER.indexOf(b.roleLabel),
    );
    const problems: string[] = [];
    const scanned = new Set<string>();
    for (const persona of personas) {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
      await context.addInitScript((name) => localStorage.setItem('smph.theme', name), theme);
      const page = await context.newPage();
      await page.goto(`${env.app.base}/tab/`);
      const signIn = page.getByRole('button', { name: new RegExp(`^Sign in as ${persona.person.displayName}`) });
      await signIn.waitFor();
      if (!scanned.has('sign-in')) {
        scanned.add('sign-in');
        for (const p of await scan(page)) problems.push(`sign-in: ${p}`);
      }
      await signIn.click();
      const nav = page.getByRole('navigation', { name: 'Pages' });
      await nav.waitFor();
      for (const title of await nav.getByRole('tab').allInnerTexts()) {
        if (scanned.has(title)) continue;
        scanned.add(title);
        await nav.getByRole('tab', { name: title, exact: true }).click();
        await pageSettled(page);
        for (const p of await scan(page)) problems.push(`${title} (${persona.roleLabel}): ${p}`);
      }
      await context.close();
    }
    expect(scanned.size).toBeGreaterThan(12);
    expect(problems).toEqual([]);
  },
  240_000,
);
