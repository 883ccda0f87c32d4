import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../src/cli/chromium.ts';
import { ROOT, startTestApp } from '../helpers/app.ts';
import { demoPersonas } from '../helpers/browser-app.ts';
import { report } from './report.ts';

/**
 * npm run bench:tab [-- --save]: the JavaScript each role's phone downloads to show Home once
 * signed in (a fresh load with an empty cache, as a new device or a new app version would be),
 * gzip-compressed as the browser receives it, beside the baseline. Goal: at most 150 kB for every role.
 */
const GOAL_KB = 150;
const assets = join(ROOT, 'tab', 'dist', 'assets');
const app = await startTestApp({ LOG_LEVEL: 'silent' });
const browser = await launchChromium();
const results: Record<string, number> = {};
const sent: Record<string, number> = {};

for (const { roleLabel, person } of await demoPersonas(app)) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${app.base}/tab/`);
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${person.displayName}`) }).click();
  await page.locator('#page-title').waitFor();
  // Signed in: now load Home afresh, as the Teams app does once SSO has signed someone in.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Set<string>();
  let overTheWire = 0;
  const urls = new Map<string, string>();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId) ?? '';
    if (!/\/tab\/assets\/.+\.js$/.test(url)) return;
    scripts.add(basename(new URL(url).pathname));
    overTheWire += e.encodedDataLength;
  });
  await page.reload();
  await page.locator('#page-title').waitFor();
  await page.waitForFunction(() => !document.querySelector('.fui-Spinner'));
  await page.waitForLoadState('networkidle');
  const gzip = [...scripts].reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file))).length, 0);
  results[`JS to show Home, ${roleLabel} (kB gzip)`] = Math.round(gzip / 1000);
  sent[roleLabel] = Math.round(overTheWire / 1000);
  await context.close();
}
await browser.close();
await app.stop();

// Framed by Teams, Microsoft's SDKs come too: teams-js always, MSAL where nested app authentication is used.
const manifest = JSON.parse(readFileSync(join(ROOT, 'tab', 'dist', '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  { file: string }
>;
const sdk = (pkg: string) => {
  const entry = Object.entries(manifest).find(([source]) => source.includes(`node_modules/${pkg}/`));
  return entry ? Math.round(gzipSync(readFileSync(join(ROOT, 'tab', 'dist', entry[1].file))).length / 1000) : 0;
};
results['in Teams, plus teams-js (kB gzip)'] = sdk('@microsoft/teams-js');
results['in Teams with nested app auth, plus MSAL (kB gzip)'] = sdk('@azure/msal-browser');
report(results);
process.stdout.write(
  `Sent by the server (kB, brotli): ${Object.entries(sent)
    .map(([role, kb]) => `${role} ${kb}`)
    .join(', ')}\nGoal: at most ${GOAL_KB} kB gzip of the hub's own JavaScript for every role.\n`,
);
