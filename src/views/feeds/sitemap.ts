/**
 * sitemap.xml (sitemaps.org 0.9) and robots.txt. The sitemap is written after `astro build` from
 * the HTML files actually built (tools/build.ts), so it lists every page and nothing else.
 */
import { xmlEscape } from '../../core/atom.ts';
import { PATHS } from '../../core/urls.ts';

/** Absolute URLs of `paths` on `site`, sorted and de-duplicated. */
export const absoluteUrls = (site: string, paths: string[]): string[] =>
  [...new Set(paths.map((p) => new URL(p, site).href))].sort();

/** A urlset listing every URL (no lastmod: the data has no per-page date we could trust). */
export const sitemapXml = (urls: string[]): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${xmlEscape(u)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');

/** robots.txt: everything may be crawled except Pagefind's index; points at the sitemap. */
export const robotsTxt = (site: string): string =>
  ['User-agent: *', 'Allow: /', `Disallow: ${PATHS.pagefind}`, '', `Sitemap: ${new URL(PATHS.sitemap, site).href}`, ''].join(
    '\n',
  );

/**
 * Site paths of the built HTML files (paths relative to the build folder, "/" separated):
 * "providers/groq/index.html" → "/providers/groq/". The 404 page, Pagefind's files and the
 * redirect pages (`redirects`: the old paths of astro.config.mjs's `redirects`) are left out.
 */
export const sitemapPaths = (htmlFiles: string[], redirects: Iterable<string> = []): string[] => {
  const moved = new Set([...redirects].map((p) => (p.endsWith('/') ? p : `${p}/`)));
  return htmlFiles
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/') && f !== '404.html' && f !== '404/index.html')
    .map((f) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`)
    .filter((p) => !moved.has(p))
    .sort();
};
