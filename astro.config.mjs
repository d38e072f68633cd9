// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Public origin of the site; canonical URLs, the sitemap and feeds use it. */
const site = process.env.SITE_URL ?? 'https://provider-atlas.dev';

/**
 * Pages that moved: old path → new path (src/model/redirects.json, computed by tools/redirects.ts
 * from git history: merged and moved models, old family slugs). A static build writes a small
 * page for each (meta refresh, canonical link, noindex); the sitemap leaves them out. Only for a
 * build of the site's own data/: fixture and synthetic builds (DATA_DIR) have other pages.
 */
const ownData = !process.env.DATA_DIR || resolve(process.env.DATA_DIR) === fileURLToPath(new URL('./data', import.meta.url));
const redirects = ownData
  ? /** @type {Record<string, string>} */ (
      JSON.parse(readFileSync(new URL('./src/model/redirects.json', import.meta.url), 'utf8'))
    )
  : {};

export default defineConfig({
  site,
  redirects,
  trailingSlash: 'always',
  // HTML whitespace rules (runs of spaces and line breaks collapse to one space), the rules Prettier
  // formats .astro files by; Astro 7's default 'jsx' drops line breaks next to tags, so a reflowed
  // line would lose its spaces.
  compressHTML: true,
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Tests and the benchmark build into their own folders; see tools/build.ts.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // Shiki writes inline styles, which the CSP forbids; Prism uses classes.
  markdown: { syntaxHighlight: 'prism' },
  prefetch: false,
  // Every script and stylesheet becomes a file under /_astro/ (none inlined), so the CSP that
  // src/core/csp.ts writes into each page needs no hashes. Astro's own CSP is not used: it lists
  // hashes for client directives and islands this site never ships (~0.5 KB on every page).
  vite: { build: { assetsInlineLimit: 0 }, worker: { format: 'es' } },
});
