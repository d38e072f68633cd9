/**
 * `node tools/bench-explorer.ts`: the pricing explorer's weight and speed, measured in Chromium
 * on the production build (run `npm run build` first). Prints figures; asserts nothing.
 *
 * - First load: every response of /pricing/ (HTML, CSS, JS, the JSON index) until the island is
 *   ready, each gzipped here (level 6, what a static host serves), and the chart chunk loaded
 *   on demand, apart.
 * - Recalculation: the island times each re-pricing of the matching rows plus the re-render as
 *   the performance measure "explorer-recalc"; this changes the workload RUNS times with no filter
 *   (every offering priced), after WARMUP untimed ones, and reports median, p95 and max, with the
 *   chart not loaded and with it drawn (updated on each change too).
 *
 * Environment: BENCH_URL (a running server, e.g. `npm run preview`'s http://127.0.0.1:4321), else
 * a static server on BENCH_DIST (default dist/); CHROMIUM_PATH (default /usr/bin/chromium); RUNS (default 50).
 */
import { cpus, loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { median, percentile } from '../src/core/stats.ts';
import { PATHS } from '../src/core/urls.ts';
import { openBench, weighResponses } from './bench-browser.ts';

const RUNS = Number(process.env.RUNS ?? 50);
/** Recalculations before the timed ones, so that the figures are of warmed-up code. */
const WARMUP = 5;
const { base, browser, close } = await openBench('pricing/index.html');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const stats = (xs: number[]) =>
  `median ${median(xs)!.toFixed(1)} ms, p95 ${percentile(xs, 95)!.toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length} runs)`;

console.log(
  `Machine: ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (other work on it stretches the timings)`,
);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const settled = weighResponses(page);
  await page.goto(`${base}${PATHS.pricing}`);
  await page.waitForSelector('pricing-explorer[data-ready]');
  await page.waitForLoadState('networkidle');
  const first = await settled();
  const total = first.reduce((a, l) => ({ raw: a.raw + l.raw, gz: a.gz + l.gz }), { raw: 0, gz: 0 });
  console.log(`First load of ${PATHS.pricing} (gzip -6):`);
  for (const l of first) console.log(`  ${l.url.padEnd(72)} ${kb(l.raw).padStart(10)} → ${kb(l.gz).padStart(9)}`);
  console.log(`  ${'total'.padEnd(72)} ${kb(total.raw).padStart(10)} → ${kb(total.gz).padStart(9)}`);
  const json = first.find((l) => l.url.endsWith(PATHS.pricingIndex));
  if (json) console.log(`  JSON index: ${kb(json.raw)} raw, ${kb(json.gz)} gzipped`);
  const rows = ((await (await fetch(`${base}${PATHS.pricingIndex}`)).json()) as { rows: unknown[] }).rows.length;
  console.log(`  offerings in the index: ${rows}`);

  const recalc = async (p: Page, label: string) => {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      if (i === WARMUP) await p.evaluate(() => performance.clearMeasures());
      await p.evaluate((n) => {
        const input = document.querySelector<HTMLInputElement>('input[name="req"]')!;
        input.value = String(1000 + n * 137);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, i);
    }
    const times = await p.evaluate(() =>
      ['explorer-recalc', 'explorer-price'].map((n) => performance.getEntriesByName(n).map((e) => e.duration)),
    );
    const matched = await p.locator('#explorer-rows tr').count();
    console.log(`Recalculation after a workload change, ${label} (${rows} offerings priced, ${matched} rows rendered):`);
    console.log(`  whole (filter, price, sort, render): ${stats(times[0]!)}`);
    console.log(`  filter, price and sort only:         ${stats(times[1]!)}`);
  };
  await recalc(page, 'all offerings, chart not drawn');

  const before = first.length;
  await page.locator('cost-chart').scrollIntoViewIfNeeded();
  await page.waitForSelector('cost-chart[data-drawn]');
  await page.waitForLoadState('networkidle');
  // Chromium asks for the favicon again on each history entry: count only the bundles.
  const chart = (await settled()).slice(before).filter((l) => l.url.startsWith('/_astro/'));
  console.log(
    `Chart on demand: ${chart.map((l) => `${l.url} ${kb(l.gz)}`).join(', ')} (gzip), ${kb(chart.reduce((a, l) => a + l.gz, 0))} in all`,
  );
  console.log(`First load + chart: ${kb(total.gz + chart.reduce((a, l) => a + l.gz, 0))} gzipped`);
  await recalc(page, 'all offerings, chart drawn');
} finally {
  await close();
}
