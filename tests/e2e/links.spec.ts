/** Every internal link and #fragment of every built page resolves; every external link is https. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { builtPages, DIST, idsOf, linksOf } from '../support/site.ts';

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
