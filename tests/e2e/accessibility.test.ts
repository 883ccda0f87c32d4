import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { reportIncident } from '../../src/incidents/report-incident.ts';
import { DEMO_PERSONAS } from '../../src/seed/demo-data.ts';
import { makeRunnersReady, submitApplication } from '../helpers/applications.ts';
import { appWithBrowser, demoPersonas, pageSettled, signedIn } from '../helpers/browser-app.ts';
import { friendRequestForm } from '../helpers/fixtures.ts';

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
          .map((n) => n.target.join(' ') + (process.env.AXE_HTML ? ` ${JSON.stringify(n)}` : ''))
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

/** The records the views open, made once for all three themes. */
let records: Promise<Record<string, string>> | undefined;
function viewRecords() {
  records ??= (async () => {
    const { services } = env.app.app;
    const staff = await services.store.people.require(DEMO_PERSONAS.Staff);
    const incident = (await reportIncident(services, staff, friendRequestForm())).incident.id;
    await makeRunnersReady(env.app, ['person-oak-deputy-dsl', 'person-oak-chair']);
    await submitApplication(env.app, 'Oakfield Chess Club', ['person-oak-deputy-dsl', 'person-oak-chair']);
    await services.store.socialAccounts.create({
      schoolId: 'school-oakfield',
      platform: 'Instagram',
      handle: '@OakfieldChess',
      url: 'https://www.instagram.com/oakfieldchess',
      leadId: DEMO_PERSONAS.Admin,
      moderatorIds: [DEMO_PERSONAS.Admin, DEMO_PERSONAS.Staff],
      status: 'active',
      createdOn: '2026-09-01',
    });
    return { incident };
  })();
  return records;
}

/** What opens over a page or below it: a case's own page and the dialogs people work in. */
const VIEWS: { name: string; as: string; open: (page: Page, ids: Record<string, string>) => Promise<void> }[] = [
  {
    name: 'a case',
    as: 'Morgan Hale',
    open: async (page, ids) => {
      await page.goto(`${env.app.base}/tab/#/cases/${ids.incident}`);
      await page.getByRole('region', { name: 'Record on this case' }).waitFor();
    },
  },
  {
    name: 'a member of staff’s training',
    as: 'Dana Fairbrook',
    open: async (page) => {
      await page.getByRole('tab', { name: 'Training dashboard' }).click();
      await page.getByRole('searchbox').fill('Morgan Hale');
      await page.getByTestId('staff-table').getByRole('button', { name: 'Morgan Hale' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Save leaving date' }).waitFor();
    },
  },
  {
    name: 'reminding everyone overdue',
    as: 'Dana Fairbrook',
    open: async (page) => {
      await page.getByRole('tab', { name: 'Training dashboard' }).click();
      await page.getByRole('button', { name: 'Remind everyone overdue' }).click();
      await page.getByRole('alertdialog').waitFor();
    },
  },
  {
    name: 'sending an application back',
    as: 'Priya Whitlock',
    open: async (page) => {
      await page.getByRole('tab', { name: 'Account approvals' }).click();
      await page
        .getByRole('group', { name: 'Oakfield Chess Club' })
        .getByRole('button', { name: 'Send back…' })
        .click();
      await page.getByRole('dialog').getByLabel('What needs to change').waitFor();
    },
  },
  {
    name: 'closing an account',
    as: 'Casey Brennan',
    open: async (page) => {
      await page.getByRole('tab', { name: 'Official accounts' }).click();
      await page.getByRole('button', { name: 'Close account @OakfieldChess' }).click();
      await page.getByRole('dialog').getByLabel('Why it is closing').waitFor();
    },
  },
];

test.each(THEMES)(
  'no serious or critical accessibility problem on a case or in a dialog in the %s theme',
  async (theme) => {
    const ids = await viewRecords();
    const problems: string[] = [];
    for (const view of VIEWS) {
      const page = await signedIn(env, view.as);
      await page.evaluate((name) => localStorage.setItem('smph.theme', name), theme);
      await page.reload();
      await page.getByRole('navigation', { name: 'Pages' }).waitFor();
      await view.open(page, ids);
      // Scanned once the dialog has finished fading in: mid-fade colours are not what anyone reads.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      for (const p of await scan(page)) problems.push(`${view.name}: ${p}`);
      await page.close();
    }
    expect(problems).toEqual([]);
  },
  120_000,
);
