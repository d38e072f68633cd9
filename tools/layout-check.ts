/**
 * `node tools/layout-check.ts`: layout figures in Chromium on the production build (run `npm run build`
 * first), one page per page template (tests/support/site.ts `templateOf`, the largest page of each):
 *
 * - CLS: the sum of `layout-shift` entries without recent input (PerformanceObserver, buffered),
 *   from load until the page has been idle for a moment, at 390 px (mobile) and 1366 px (desktop).
 * - Sideways scroll: `document.documentElement.scrollWidth` against the viewport at 360, 390, 768 and
 *   1366 px (tests/e2e/layout.spec.ts asserts it; this prints the figure).
 *
 * Prints figures; asserts nothing. Environment: BENCH_DIST (default dist/), CHROMIUM_PATH, ONLY (a regexp
 * over template names).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { layoutSample, providerKinds, builtPages, DIST } from '../tests/support/site.ts';
import { serve } from '../tests/support/static-server.ts';

const dist = resolve(process.env.BENCH_DIST ?? DIST);
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : undefined;
const server = await serve(dist);
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--disable-background-networking', '--no-first-run', '--disable-sync', '--disable-gpu'],
});
const page = await (await browser.newContext()).newPage();
await page.addInitScript(() => {
  const w = window as unknown as { __cls: number; __shifts: string[] };
  w.__cls = 0;
  w.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node }[];
    })[]) {
      if (e.hadRecentInput) continue;
      w.__cls += e.value;
      for (const s of e.sources ?? []) {
        const n = s.node as Element | undefined;
        w.__shifts.push(
          `${n?.nodeName ?? '?'}${n instanceof Element && n.className ? `.${String(n.className).split(' ')[0]}` : ''} ${e.value.toFixed(3)}`,
        );
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
});
const sample = [
  ...layoutSample(builtPages(dist), providerKinds()),
  // The search page with a query: results arrive after the index loads.
  { template: 'search ?q=llama', page: { url: '/search/?q=llama' } },
].filter((s) => !only || only.test(s.template));
const rows: string[] = [];
for (const { template, page: p } of sample) {
  const cls: string[] = [];
  const shifts: string[] = [];
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: width < 640 ? 844 : 900 });
    await page.goto(`${server.url}${p.url}`, { waitUntil: 'load' });
    await page.waitForTimeout(1200);
    const r = await page.evaluate(() => {
      const w = window as unknown as { __cls: number; __shifts: string[] };
      return { __cls: w.__cls, __shifts: w.__shifts };
    });
    cls.push(r.__cls.toFixed(3));
    shifts.push(...r.__shifts.slice(0, 4));
  }
  const over: string[] = [];
  for (const width of [360, 390, 768, 1366]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${server.url}${p.url}`, { waitUntil: 'load' });
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    over.push(sw > width ? `${width}→${sw}` : 'ok');
  }
  rows.push(`| ${template} | ${p.url} | ${cls.join(' / ')} | ${over.join(' ')} |${shifts.length ? ` ${shifts.join('; ')}` : ''}`);
  console.log(rows.at(-1));
}
await browser.close();
await server.close();
console.log(`\n| template | page | CLS 390 / 1366 | scrollWidth 360 390 768 1366 |\n|---|---|---|---|\n${rows.join('\n')}`);
