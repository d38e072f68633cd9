/**
 * `node tools/bench-load.ts [path …]`: what a first visit downloads and how long the main thread
 * is blocked, measured in Chromium (desktop viewport, no throttling) on the production build (run
 * `npm run build` first). Prints figures; asserts nothing.
 *
 * Per page: every response until the network is idle plus SETTLE_MS (the quiet time in which
 * deferred work, such as /pricing/'s idle index download, runs), raw and gzipped (level 6, what a
 * static host serves), the chart.js chunks among them, and every long task (> 50 ms) reported by
 * a PerformanceObserver('longtask') registered before the page's first script. Then it scrolls
 * through the page and prints the chart code loaded (charts load chart.js when seen).
 *
 * Environment: BENCH_URL (a running server), else a static server on BENCH_DIST (default dist/);
 * CHROMIUM_PATH (default /usr/bin/chromium); RUNS (default 3: each page is loaded RUNS times,
 * the long tasks of every run are printed).
 */
import { cpus, loadavg } from 'node:os';

import { openBench, weighResponses } from './bench-browser.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const SETTLE_MS = 3000;
const PAGES = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['/', '/compare/', '/pricing/', '/models/openai/gpt-4o/', '/models/meta/llama-3.3-70b/'];
const { base, browser, close } = await openBench('index.html');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(
  `Machine: ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; desktop 1366×800, no throttling; ${RUNS} runs per page`,
);
try {
  for (const path of PAGES) {
    const longest: number[] = [];
    let weights: { url: string; raw: number; gz: number }[] = [];
    let scrolled: typeof weights = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
      await page.addInitScript(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push(Math.round(e.duration));
        }).observe({ type: 'longtask', buffered: true });
      });
      const weighed = weighResponses(page);
      await page.goto(`${base}${path}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(SETTLE_MS);
      const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      longest.push(...tasks);
      console.log(`${path} run ${run + 1}: long tasks ${tasks.length ? tasks.map((t) => `${t} ms`).join(', ') : 'none'}`);
      weights = await weighed();
      // Then scroll through the page, so that charts drawn on sight load their code.
      for (let y = 0; y < 30; y++) {
        await page.mouse.wheel(0, 600);
        await page.waitForTimeout(50);
      }
      await page.waitForTimeout(1000);
      scrolled = await weighed();
      await page.close();
    }
    const total = weights.reduce((a, l) => ({ raw: a.raw + l.raw, gz: a.gz + l.gz }), { raw: 0, gz: 0 });
    const charts = scrolled.filter((l) => /chart/i.test(l.url) && l.url.endsWith('.js'));
    const chartGz = charts.reduce((a, l) => a + l.gz, 0);
    console.log(`${path}: downloaded ${kb(total.raw)} raw, ${kb(total.gz)} gzipped, ${weights.length} responses`);
    for (const l of weights)
      console.log(`  ${l.url.slice(0, 70).padEnd(70)} ${kb(l.raw).padStart(10)} → ${kb(l.gz).padStart(9)}`);
    console.log(
      `  chart JS after scrolling through the page: ${charts.length ? `${kb(chartGz)} gzipped (${charts.map((c) => c.url.split('/').pop()).join(', ')})` : 'none'}`,
    );
    console.log(`  longest task: ${longest.length ? `${Math.max(...longest)} ms` : 'none over 50 ms'}\n`);
  }
} finally {
  await close();
}
