/**
 * The built site as files: every HTML page of dist/, grouped by page type (the
 * data-page-type attribute every layout sets on <html>). Suites iterate over these, so a new
 * page type is covered as soon as it exists; AXE_PER_TYPE below sets how many of each the
 * browser-based axe suite visits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The build under test: $E2E_DIST (relative to the repo) or dist/. */
export const DIST = resolve(import.meta.dirname, '../..', process.env.E2E_DIST ?? 'dist');

/** How many pages of each type axe visits ('all' = every one). One line per page type. */
export const AXE_PER_TYPE: Record<string, number | 'all'> = {
  home: 'all',
  providers: 'all',
  provider: 'all',
  '404': 'all',
  pricing: 'all',
  methodology: 'all',
  'provider-models': 'all',
  'provider-pricing': 'all',
  'provider-limits': 'all',
  'provider-features': 'all',
  models: 3,
  model: 15,
  families: 'all',
  family: 5,
  organizations: 'all',
  organization: 5,
  compare: 8,
  performance: 'all',
  search: 'all',
};
/** Page types not listed above get this many. */
export const AXE_DEFAULT = 5;

export interface BuiltPage {
  /** URL path, e.g. "/providers/groq/". */
  url: string;
  file: string;
  type: string;
  html: string;
}

let cache: BuiltPage[] | undefined;
/** Every .html file under dist/ (Pagefind's folder excluded), sorted by URL. */
export const builtPages = (dist = DIST): BuiltPage[] => {
  if (cache && dist === DIST) return cache;
  const pages = (readdirSync(dist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
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
  if (dist === DIST) cache = pages;
  return pages;
};

/** Pages for the axe suite: per type, all or an evenly spread sample (deterministic). */
export const axeSample = (pages = builtPages(), cap?: number): BuiltPage[] => {
  const byType = new Map<string, BuiltPage[]>();
  for (const p of pages) byType.set(p.type, [...(byType.get(p.type) ?? []), p]);
  const out: BuiltPage[] = [];
  for (const [type, list] of [...byType].sort()) {
    const wanted = AXE_PER_TYPE[type] ?? AXE_DEFAULT;
    const n = cap === undefined ? wanted : wanted === 'all' ? cap : Math.min(cap, wanted);
    if (n === 'all' || list.length <= n) out.push(...list);
    else for (let i = 0; i < n; i++) out.push(list[Math.floor((i * list.length) / n)]!);
  }
  return out;
};

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Every href/src value in a page. */
export const linksOf = (html: string): string[] => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]!));
/** Every id attribute value in a page. */
export const idsOf = (html: string): Set<string> => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
