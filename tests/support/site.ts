/**
 * The built site as files: every HTML page of dist/, grouped by page type (the
 * data-page-type attribute every layout sets on <html>). Suites iterate over these, so a new
 * page type is covered as soon as it exists; a11ySample below picks the pages the browser-based
 * axe suite visits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '../..');
/** The build under test: $E2E_DIST (relative to the repo) or dist/. */
export const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');

/**
 * How many pages of each type axe visits ('all' = every one), for types that are not a
 * provider's tab (those are sampled per provider kind: see a11ySample). One line per page type.
 */
export const AXE_PER_TYPE: Record<string, number | 'all'> = {
  models: 1,
  model: 2,
  family: 1,
  organization: 1,
  compare: 2,
};
/** Page types not listed above get this many (most are a single page). */
export const AXE_DEFAULT = 5;

export interface BuiltPage {
  /** URL path, e.g. "/providers/groq/". */
  url: string;
  file: string;
  type: string;
  html: string;
}

/** A redirect page Astro writes for an old path (astro.config.mjs `redirects`): a meta refresh, no layout. */
const isRedirect = (html: string) => /<meta http-equiv="refresh"/i.test(html);

let cache: { pages: BuiltPage[]; redirects: BuiltPage[] } | undefined;
/** Every .html file under dist/ (Pagefind's folder and the redirect pages excluded), sorted by URL. */
export const builtPages = (dist = DIST): BuiltPage[] => allHtml(dist).pages;

/** The redirect pages of old paths under dist/, sorted by URL. */
export const redirectPages = (dist = DIST): BuiltPage[] => allHtml(dist).redirects;

const allHtml = (dist: string): { pages: BuiltPage[]; redirects: BuiltPage[] } => {
  if (cache && dist === DIST) return cache;
  const all = (readdirSync(dist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !relative(dist, f).startsWith(`pagefind${sep}`))
    .map((file) => {
      const rel = relative(dist, file).split(sep).join('/');
      const url = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
      const html = readFileSync(file, 'utf8');
      const type = /<html[^>]*\sdata-page-type="([^"]+)"/.exec(html)?.[1] ?? 'unknown';
      return { url, file, type, html };
    })
    .sort((a, b) => (a.url < b.url ? -1 : 1));
  const split = { pages: all.filter((p) => !isRedirect(p.html)), redirects: all.filter((p) => isRedirect(p.html)) };
  if (dist === DIST) cache = split;
  return split;
};

/** The data folder the build was made from: $DATA_DIR (relative to the repo) or data/. */
export const DATA = resolve(ROOT, process.env.DATA_DIR ?? 'data');

/** Provider id → kind (first-party | cloud | inference | gateway), read from data/providers/. */
export const providerKinds = (data = DATA): Map<string, string> =>
  new Map(
    readdirSync(join(data, 'providers'))
      .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
      .sort()
      .map((f) => [
        f.slice(0, -'.yaml'.length),
        String((parse(readFileSync(join(data, 'providers', f), 'utf8')) as { kind: unknown }).kind),
      ]),
  );

/**
 * The template a page is an instance of, for sampling: its page type, and for a provider's tab
 * (/providers/<id>/…) also the provider's kind, e.g. "provider-pricing × gateway".
 */
export const templateOf = (page: Pick<BuiltPage, 'url' | 'type'>, kinds: Map<string, string>): string => {
  const id = /^\/providers\/([^/]+)\//.exec(page.url)?.[1];
  const kind = id === undefined ? undefined : kinds.get(id);
  return kind === undefined ? page.type : `${page.type} × ${kind}`;
};

/**
 * Pages for the axe suite (deterministic): for each provider tab × provider kind, the page of
 * median size among the providers of that kind (a typical page: the layout checks take the
 * largest, and axe's time grows with the page); for every other page type, all of it or an
 * evenly spread sample of AXE_PER_TYPE pages (and for models, the first with a price history).
 */
export const a11ySample = (pages = builtPages(), kinds = providerKinds()): BuiltPage[] => {
  const byTemplate = new Map<string, BuiltPage[]>();
  for (const p of pages) {
    const t = templateOf(p, kinds);
    byTemplate.set(t, [...(byTemplate.get(t) ?? []), p]);
  }
  const out: BuiltPage[] = [];
  for (const [template, list] of [...byTemplate].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (template.includes(' × ')) {
      const bySize = [...list].sort((a, b) => a.html.length - b.html.length || (a.url < b.url ? -1 : 1));
      out.push(bySize[Math.floor((bySize.length - 1) / 2)]!);
      continue;
    }
    // A model page with a price history too (its step chart is drawn only there).
    const history = template === 'model' ? list.find((p) => p.html.includes('class="history-chart"')) : undefined;
    if (history) out.push(history);
    const n = AXE_PER_TYPE[template] ?? AXE_DEFAULT;
    if (n === 'all' || list.length <= n) out.push(...list);
    else for (let i = 0; i < n; i++) out.push(list[Math.floor((i * list.length) / n)]!);
  }
  return out;
};

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** Every href/src value in a page. */
export const linksOf = (html: string): string[] => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]!));
/** Every id attribute value in a page. */
export const idsOf = (html: string): Set<string> => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));

/**
 * One page per template (`templateOf`) for the layout checks (sideways scroll, layout shift):
 * the largest page of each, as the one most likely to overflow. Sorted by template name.
 */
export const layoutSample = (pages = builtPages(), kinds = providerKinds()): { template: string; page: BuiltPage }[] => {
  const best = new Map<string, BuiltPage>();
  for (const p of pages) {
    const t = templateOf(p, kinds);
    const cur = best.get(t);
    if (!cur || p.html.length > cur.html.length) best.set(t, p);
  }
  return [...best].sort(([a], [b]) => (a < b ? -1 : 1)).map(([template, page]) => ({ template, page }));
};
