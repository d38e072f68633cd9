/**
 * `node tools/bench-search.ts`: site search weight and speed in Chromium on the production build
 * (run `npm run build` first). Prints figures; asserts nothing (tests/e2e/search.spec.ts does).
 *
 * - Index size on disk: every file under dist/pagefind/, and the part a first query fetches.
 * - Page load: bytes fetched from ${PATHS.pagefind} before the search box is used (should be 0).
 * - First-query latency: time from the first keystroke to the first result in the header box,
 *   (a) cold: nothing loaded yet, (b) after the index is fetched (focus warms it up), in a fresh page
 *   each run; QUERIES below, each printed with its top three results.
 *
 * Environment: BENCH_DIST (default dist/), CHROMIUM_PATH (default /usr/bin/chromium), RUNS (default 5).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { median } from '../src/core/stats.ts';
import { PATHS, providerPath } from '../src/core/urls.ts';
import { serve } from '../tests/support/static-server.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const QUERIES = (process.env.QUERIES ?? 'claude sonnet 4.5|gpt-4o mini|llama 3.3 70b|groq|llama-3.3-70b-versatile').split('|');
const dist = resolve(process.env.BENCH_DIST ?? resolve(import.meta.dirname, '../dist'));
if (!existsSync(join(dist, 'pagefind/pagefind.js')))
  throw new Error(`No search index at ${dist}/pagefind: run npm run build first (or set BENCH_DIST)`);
const server = await serve(dist);
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--disable-background-networking', '--no-first-run', '--disable-sync'],
});
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

const files = (
  readdirSync(join(dist, 'pagefind'), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]
).filter((e) => e.isFile());
const size = (pred: (name: string, dir: string) => boolean) =>
  files.filter((e) => pred(e.name, e.parentPath)).reduce((s, e) => s + statSync(join(e.parentPath, e.name)).size, 0);
console.log(
  `Machine: ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `Index: ${files.length} files, ${kb(size(() => true))} in all; index chunks ${kb(size((_, d) => d.endsWith('index')))}, fragments ${kb(size((_, d) => d.endsWith('fragment')))}, filters ${kb(size((_, d) => d.endsWith('filter')))}`,
);

/** Time from the first key to the first result link, in ms (measured in the page). */
const firstResult = async (page: Page, q: string) =>
  page.evaluate(
    (q) =>
      new Promise<number>((done) => {
        const input = document.querySelector<HTMLInputElement>('#site-search')!;
        const list = document.querySelector('#site-search-results .search-results')!;
        const t0 = performance.now();
        new MutationObserver((_, obs) => {
          if (list.querySelector('a')) {
            obs.disconnect();
            done(performance.now() - t0);
          }
        }).observe(list, { childList: true, subtree: true });
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    q,
  );

try {
  const cold: number[] = [];
  const warm: number[] = [];
  let onLoad = 0;
  let fetched = 0;
  for (let i = 0; i < RUNS; i++) {
    for (const mode of ['cold', 'warm'] as const) {
      const page = await browser.newPage();
      let bytes = 0;
      page.on('response', async (r) => {
        if (new URL(r.url()).pathname.startsWith(PATHS.pagefind)) bytes += (await r.body().catch(() => Buffer.alloc(0))).length;
      });
      await page.goto(`${server.url}${providerPath('groq')}`, { waitUntil: 'networkidle' });
      onLoad = Math.max(onLoad, bytes);
      if (mode === 'warm') {
        await page.focus('#site-search');
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(200);
      }
      const ms = await firstResult(page, QUERIES[i % QUERIES.length]!);
      (mode === 'cold' ? cold : warm).push(ms);
      await page.waitForLoadState('networkidle');
      if (mode === 'cold') fetched = Math.max(fetched, bytes);
      await page.close();
    }
  }
  console.log(`Page load: ${kb(onLoad)} fetched from ${PATHS.pagefind} before the box is used`);
  console.log(
    `First query, cold (includes fetching ${kb(fetched)} of index, wasm and fragments): median ${median(cold)!.toFixed(0)} ms, max ${Math.max(...cold).toFixed(0)} ms`,
  );
  console.log(
    `First query, index fetched on focus: median ${median(warm)!.toFixed(0)} ms, max ${Math.max(...warm).toFixed(0)} ms (${RUNS} runs; includes the 60 ms typing debounce)`,
  );
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  for (const q of QUERIES) {
    await page.evaluate(() => void (document.querySelector('#site-search-status')!.textContent = ''));
    await page.fill('#site-search', q);
    await page.waitForFunction(
      (q) =>
        document.querySelector('#site-search-status')?.textContent?.includes('result') &&
        document.querySelector<HTMLInputElement>('#site-search')!.value === q,
      q,
    );
    await page.waitForTimeout(150);
    const top = await page
      .locator('#site-search-results a')
      .evaluateAll((as) => as.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    console.log(`${JSON.stringify(q)} → ${top.join('  ')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
