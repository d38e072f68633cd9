/**
 * `npm run lighthouse`: Lighthouse (mobile: its default emulated phone, slow 4G and 4× CPU
 * slowdown) on the production build (run `npm run build` first), served by
 * tests/support/static-server.ts. Prints, per page, the four category scores (performance,
 * accessibility, best practices, SEO) and the cumulative layout shift and total blocking time,
 * as a Markdown table. Not part of `npm test`: the figures depend on the machine's load.
 *
 * Environment: CHROME_PATH (default /usr/bin/chromium, else chrome-launcher's own search);
 * LH_DIST (default dist/); LH_PAGES (comma-separated paths instead of the default list);
 * LH_JSON=<file> also writes the figures as JSON.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serve } from '../tests/support/static-server.ts';

/** [label, path]: one page of each type the issue names. */
const PAGES: [string, string][] = process.env.LH_PAGES
  ? process.env.LH_PAGES.split(',').map((p): [string, string] => [p, p])
  : [
      ['home', '/'],
      ['providers index', '/providers/'],
      ['provider overview', '/providers/groq/'],
      ['provider pricing', '/providers/groq/pricing/'],
      ['model page', '/models/meta/llama-3.3-70b/'],
      ['models index', '/models/'],
      ['pricing explorer', '/pricing/'],
      ['compare', '/compare/'],
      ['search', '/search/?q=llama'],
    ];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const dist = resolve(process.env.LH_DIST ?? resolve(import.meta.dirname, '../dist'));
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`No build at ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}
const chromePath = process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const server = await serve(dist);
const chrome = await launch({
  ...(chromePath ? { chromePath } : {}),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
interface Row {
  label: string;
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  cls: number | null;
  tbt: number | null;
}
const rows: Row[] = [];
try {
  for (const [label, path] of PAGES) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
    const score = (c: string) => {
      const s = lhr.categories[c]?.score;
      return s === null || s === undefined ? null : Math.round(s * 100);
    };
    const num = (id: string) => lhr.audits[id]?.numericValue ?? null;
    rows.push({
      label,
      path,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as Row['scores'],
      cls: num('cumulative-layout-shift'),
      tbt: num('total-blocking-time'),
    });
    console.error(`  ${path}: done`);
  }
} finally {
  chrome.kill();
  await server.close();
}

const cell = (v: number | null) => (v === null ? '–' : String(v));
console.log(`Lighthouse mobile, ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log('| page | path | performance | accessibility | best practices | SEO | CLS | TBT (ms) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows)
  console.log(
    `| ${r.label} | \`${r.path}\` | ${CATEGORIES.map((c) => cell(r.scores[c])).join(' | ')} | ${r.cls === null ? '–' : r.cls.toFixed(3)} | ${r.tbt === null ? '–' : Math.round(r.tbt)} |`,
  );
if (process.env.LH_JSON) writeFileSync(process.env.LH_JSON, JSON.stringify(rows, null, 2));
