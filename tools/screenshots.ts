/**
 * `npm run screenshots`: what a phone shows, on the production build (run `npm run build` first):
 * one screen of five page templates at 390 × 844 px (a phone in portrait), in light and dark mode,
 * each scrolled to the part the template is about (the cards of an offering table, a chart).
 * Writes PNG files to .github/screenshots/ (or the folder given), which the README links.
 *
 * `node tools/screenshots.ts [folder]`; BENCH_DIST / BENCH_URL / CHROMIUM_PATH as for the benchmarks.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openBench } from './bench-browser.ts';

/** [file name, path, element to scroll to the top (none: the top of the page)]. */
const SHOTS: [string, string, string | undefined][] = [
  ['home', '/', undefined],
  ['provider-pricing', '/providers/groq/pricing/', '#prices'],
  ['model', '/models/meta/llama-3.3-70b/', 'table.where'],
  ['pricing-explorer', '/pricing/', '#explorer-rows tr.group >> nth=1'],
  ['models-index', '/models/', 'main table'],
];

const out = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../.github/screenshots'));
mkdirSync(out, { recursive: true });
const { base, browser, close } = await openBench();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      colorScheme: scheme,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    for (const [name, path, selector] of SHOTS) {
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      if (selector)
        await page
          .locator(selector)
          .first()
          .evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 60));
      await page.waitForTimeout(300);
      const file = resolve(out, `${name}-390-${scheme}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await close();
}
