/**
 * Every internal link and #fragment of every built page resolves; every external link is https;
 * every redirect page of an old path (src/model/redirects.json) leads to a built page.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { builtPages, DIST, idsOf, linksOf, redirectPages } from '../support/site.ts';

const targetFile = (path: string) => {
  const full = join(DIST, decodeURIComponent(path));
  if (path.endsWith('/')) return join(full, 'index.html');
  return existsSync(full) && statSync(full).isDirectory() ? join(full, 'index.html') : full;
};

test('no broken internal links or fragments on any page', () => {
  const pages = builtPages();
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const idCache = new Map<string, Set<string>>();
  const ids = (url: string) => {
    if (!idCache.has(url)) idCache.set(url, idsOf(byUrl.get(url)?.html ?? ''));
    return idCache.get(url)!;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    for (const raw of linksOf(page.html)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) {
        if (/^(javascript|data|vbscript|http):/i.test(raw) || raw.startsWith('//'))
          broken.push(`${page.url}: unsafe or non-https link ${raw}`);
        continue;
      }
      checked++;
      const url = new URL(raw, `https://site.test${page.url}`);
      const path = url.pathname;
      if (!existsSync(targetFile(path))) {
        broken.push(`${page.url}: ${raw} → no such file`);
        continue;
      }
      const frag = decodeURIComponent(url.hash.slice(1));
      if (frag && byUrl.has(path) && !ids(path).has(frag)) broken.push(`${page.url}: ${raw} → no element with id "${frag}"`);
    }
  }
  expect(pages.length, 'pages in dist/').toBeGreaterThan(3);
  expect(checked).toBeGreaterThan(pages.length);
  expect(broken, broken.slice(0, 50).join('\n')).toEqual([]);
});

test('every old path of src/model/redirects.json is a redirect page to a built page, with noindex and a canonical link', () => {
  const map = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/model/redirects.json'), 'utf8')) as Record<
    string,
    string
  >;
  const pages = new Set(builtPages().map((p) => p.url));
  const redirects = redirectPages();
  const wrong: string[] = [];
  for (const r of redirects) {
    const to = /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(r.html)?.[1];
    if (to === undefined || to !== map[r.url]) wrong.push(`${r.url}: refreshes to ${to}, the map says ${map[r.url]}`);
    else if (!pages.has(to)) wrong.push(`${r.url} → ${to}: no such page`);
    if (!/<meta name="robots" content="noindex">/.test(r.html)) wrong.push(`${r.url}: no noindex`);
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(r.html)?.[1];
    if (canonical === undefined || new URL(canonical).pathname !== to) wrong.push(`${r.url}: canonical ${canonical}`);
  }
  expect(wrong.slice(0, 20), wrong.slice(0, 20).join('\n')).toEqual([]);
  expect(redirects.map((r) => r.url)).toEqual(Object.keys(map).sort((a, b) => (a < b ? -1 : 1)));
});
