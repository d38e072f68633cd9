/**
 * `node tools/bench-search.ts`: the header search box's instant results, weight and speed in
 * Chromium on the production build (run `npm run build` first). Prints figures; asserts nothing
 * (tests/e2e/instant-search.spec.ts and tests/unit/views/search-names.test.ts do).
 *
 * - Weight: /search/names.json raw and with brotli; the box's code and styles (loaded on first focus);
 *   the Pagefind index behind "All results" on /search/.
 * - Page load: requests for the box's code, styles and name index before the box is focused (should be 0).
 * - First results: time from the first keystroke to the first option in the list, on a provider page,
 *   (a) cold: the keystroke comes with the first focus, so the island's code, styles and the name
 *   index all load after it; (b) warm: the box was focused (everything loaded) before typing.
 *   A fresh page each run; median and max of RUNS; then QUERIES, each with its top three results.
 *
 * Environment: BENCH_DIST (default dist/), CHROMIUM_PATH (default /usr/bin/chromium), RUNS (default 5).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { median } from '../src/core/stats.ts';
import { PATHS, providerPath } from '../src/core/urls.ts';
import { serve } from '../tests/support/static-server.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const QUERIES = (process.env.QUERIES ?? 'antropic|lama 3.3|claude sonet|gpt4o|llama-3.3-70b-versatile|bedrock').split('|');
const dist = resolve(process.env.BENCH_DIST ?? resolve(import.meta.dirname, '../dist'));
const namesFile = join(dist, PATHS.searchNames);
if (!existsSync(namesFile)) throw new Error(`No ${PATHS.searchNames} in ${dist}: run npm run build first (or set BENCH_DIST)`);
const server = await serve(dist);
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--disable-background-networking', '--no-first-run', '--disable-sync'],
});
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const br = (file: string) => brotliCompressSync(readFileSync(file)).length;

console.log(
  `Machine: ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`Name index ${PATHS.searchNames}: ${kb(statSync(namesFile).size)} raw, ${kb(br(namesFile))} brotli`);
const pagefindDir = join(dist, 'pagefind');
if (existsSync(pagefindDir)) {
  const files = (readdirSync(pagefindDir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((e) =>
    e.isFile(),
  );
  const total = files.reduce((s, e) => s + statSync(join(e.parentPath, e.name)).size, 0);
  console.log(`Pagefind index (full text on ${PATHS.search}): ${files.length} files, ${kb(total)}`);
}

/** The box's own files: its code and styles (hashed names under /_astro/) and the name index. */
const isBoxFile = (url: string) => {
  const p = new URL(url).pathname;
  return p === PATHS.searchNames || /^\/_astro\/search-(box|results)/.test(p);
};

/**
 * Time from the keystroke to the first option, in ms, measured in the page. Cold, the field gets
 * its first focus in the same task as the keystroke (the island then loads); warm, it already has it.
 */
const firstResult = async (page: Page, q: string) =>
  page.evaluate(
    (q) =>
      new Promise<{ ms: number; bytes: number }>((done, fail) => {
        const input = document.querySelector<HTMLInputElement>('#site-search')!;
        // The island builds its list when its code arrives (cold, after the keystroke): watch the whole box.
        const root = document.querySelector('search-box')!;
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (root.querySelector('#site-search-list [role="option"]')) {
            obs.disconnect();
            const ms = performance.now() - t0;
            // What loaded after the keystroke, as sent (compressed when the server compresses).
            const bytes = performance
              .getEntriesByType('resource')
              .filter((e) => e.startTime >= t0)
              .reduce((s, e) => s + (e as PerformanceResourceTiming).transferSize, 0);
            done({ ms, bytes });
          }
        });
        obs.observe(root, { childList: true, subtree: true });
        setTimeout(() => fail(new Error(`no result for ${q} in 10 s`)), 10_000);
        if (document.activeElement !== input) input.focus();
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
      page.on('request', (r) => {
        if (isBoxFile(r.url())) bytes++;
      });
      await page.goto(`${server.url}${providerPath('groq')}`, { waitUntil: 'networkidle' });
      onLoad = Math.max(onLoad, bytes);
      if (mode === 'warm') {
        await page.focus('#site-search');
        await page.waitForFunction(() => customElements.get('search-box'));
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(200);
      }
      const r = await firstResult(page, QUERIES[i % QUERIES.length]!);
      (mode === 'cold' ? cold : warm).push(r.ms);
      if (mode === 'cold') fetched = Math.max(fetched, r.bytes);
      await page.close();
    }
  }
  const stat = (xs: number[]) => `median ${median(xs)!.toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
  console.log(`Page load: ${onLoad} requests for the box's code, styles or index before the box is focused`);
  console.log(
    `First results, cold on ${providerPath('groq')} (first focus + keystroke; then loads ${kb(fetched)} as sent, gzipped by this server): ${stat(cold)} (${RUNS} runs: ${cold.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log(`First results, warm (box focused before typing): ${stat(warm)} (${RUNS} runs)`);
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  for (const q of QUERIES) {
    await page.fill('#site-search', q);
    await page.waitForFunction((q) => {
      const all = document.querySelector<HTMLAnchorElement>('#site-search-results .search-all a');
      return !!all && new URL(all.href).searchParams.get('q') === q;
    }, q);
    const top = await page
      .locator('#site-search-list [role="option"]')
      .evaluateAll((as) => as.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    console.log(`${JSON.stringify(q)} → ${top.join('  ')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
