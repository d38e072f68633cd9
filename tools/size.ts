/**
 * `npm run size`: what a first visit to each built page downloads, gzipped: the HTML, every
 * stylesheet it links and every script it loads (with their static imports), from dist/.
 * Prints, per page type (the data-page-type attribute on <html>), the page count, the median
 * and the largest page, and the most JS any page of the type loads; then checks the budgets.
 *
 * `node tools/size.ts [dist]`; exits 1 when a budget is exceeded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from '../src/core/stats.ts';

const dist = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'dist'));
const KB = 1024;

/** Budgets in gzipped bytes: [page type, statistic, limit]. */
const BUDGETS: [string, 'median' | 'max' | 'js', number][] = [
  ['provider', 'median', 5 * KB],
  ['provider-pricing', 'max', 100 * KB],
  ...['provider', 'provider-models', 'provider-pricing', 'provider-limits', 'provider-features'].map(
    (t): [string, 'js', number] => [t, 'js', 10 * KB],
  ),
];

const gz = new Map<string, number>();
const gzipped = (file: string): number => {
  if (!gz.has(file)) gz.set(file, existsSync(file) ? gzipSync(readFileSync(file), { level: 6 }).length : 0);
  return gz.get(file)!;
};
const fileOf = (url: string, from: string) => join(url.startsWith('/') ? dist : dirname(from), url.split(/[?#]/)[0]!);

/** A script and everything it imports statically (import … from "x", import "x"), each once. */
const scriptClosure = (file: string, seen: Set<string>) => {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const js = readFileSync(file, 'utf8');
  for (const m of js.matchAll(/(?:^|[;\s}])import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g))
    scriptClosure(fileOf(m[1]!, file), seen);
};

interface PageSize {
  url: string;
  type: string;
  html: number;
  css: number;
  /** External scripts with their imports, plus inline scripts (which `total` counts once, in the HTML). */
  js: number;
  total: number;
}
const pages: PageSize[] = [];
for (const e of readdirSync(dist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]) {
  if (!e.isFile() || !e.name.endsWith('.html')) continue;
  const file = join(e.parentPath, e.name);
  const rel = relative(dist, file).split(sep).join('/');
  if (rel.startsWith('pagefind/')) continue;
  const html = readFileSync(file, 'utf8');
  // What a <template> holds is inert: it loads only when a script inserts it (the header search on first use).
  const live = html.replace(/<template\b[\s\S]*?<\/template>/g, '');
  const type = /<html[^>]*\sdata-page-type="([^"]+)"/.exec(html)?.[1] ?? 'unknown';
  const css = new Set<string>();
  for (const m of live.matchAll(/<link\b[^>]*>/g))
    if (/\brel="?stylesheet"?/.test(m[0])) css.add(fileOf(/\bhref="?([^"\s>]+)"?/.exec(m[0])?.[1] ?? '', file));
  const js = new Set<string>();
  for (const m of live.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?[^>]*>/g)) scriptClosure(fileOf(m[1]!, file), js);
  for (const m of live.matchAll(/<link\b[^>]*\brel="?modulepreload"?[^>]*>/g))
    scriptClosure(fileOf(/\bhref="?([^"\s>]+)"?/.exec(m[0])?.[1] ?? '', file), js);
  // Inline scripts download with the HTML (counted there); their size also counts as JS, and so does what they import.
  let inlineJs = 0;
  for (const m of live.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    inlineJs += m[1]!.trim() ? gzipSync(m[1]!, { level: 6 }).length : 0;
    for (const i of m[1]!.matchAll(/import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g)) scriptClosure(fileOf(i[1]!, file), js);
  }
  const sum = (s: Set<string>) => [...s].reduce((n, f) => n + gzipped(f), 0);
  const htmlGz = gzipSync(html, { level: 6 }).length;
  const page = {
    url: `/${rel.replace(/(^|\/)index\.html$/, '$1')}`,
    type,
    html: htmlGz,
    css: sum(css),
    js: sum(js) + inlineJs,
    total: htmlGz + sum(css) + sum(js),
  };
  pages.push(page);
}
if (!pages.length) {
  console.error(`No pages in ${dist}; run npm run build first.`);
  process.exit(2);
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const byType = new Map<string, PageSize[]>();
for (const p of pages) byType.set(p.type, [...(byType.get(p.type) ?? []), p]);
const stats = new Map<string, { median: number; max: number; js: number }>();
const table = [...byType]
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([type, list]) => {
    const largest = list.reduce((a, b) => (b.total > a.total ? b : a));
    const s = { median: median(list.map((p) => p.total))!, max: largest.total, js: Math.max(...list.map((p) => p.js)) };
    stats.set(type, s);
    return { type, pages: list.length, median: kb(s.median), max: kb(s.max), 'largest page': largest.url, 'max JS': kb(s.js) };
  });
console.log(`First-visit download per page (HTML + CSS + JS, gzip level 6) from ${relative(process.cwd(), dist) || dist}:`);
console.table(table);

let failed = false;
for (const [type, stat, limit] of BUDGETS) {
  const s = stats.get(type);
  if (!s) continue;
  const ok = s[stat] <= limit;
  failed ||= !ok;
  console.log(`${ok ? '✓' : '✗'} ${type} ${stat === 'js' ? 'JS on any page' : stat}: ${kb(s[stat])} (budget ${kb(limit)})`);
}
process.exit(failed ? 1 : 0);
