import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.ts';

/** npm run icons: renders appPackage/icons/*.svg to the PNGs the manifest and the tab use. */
const root = process.cwd();
const targets = [
  { svg: 'color.svg', size: 192, out: ['appPackage/color.png'] },
  { svg: 'outline.svg', size: 32, out: ['appPackage/outline.png'] },
  { svg: 'color.svg', size: 64, out: ['tab/public/favicon.png'] },
];
const browser = await launchChromium();
try {
  for (const t of targets) {
    const page = await browser.newPage({ viewport: { width: t.size, height: t.size } });
    const svg = readFileSync(join(root, 'appPackage', 'icons', t.svg), 'utf8');
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace(/width="\d+" height="\d+"/, `width="${t.size}" height="${t.size}"`)}</body></html>`,
    );
    for (const out of t.out) {
      await page.screenshot({
        path: join(root, out),
        omitBackground: true,
        clip: { x: 0, y: 0, width: t.size, height: t.size },
      });
      process.stdout.write(`wrote ${out}\n`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
