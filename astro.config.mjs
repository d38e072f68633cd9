// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/** Public origin of the site; canonical URLs, the sitemap and feeds use it. */
const site = process.env.SITE_URL ?? 'https://provider-atlas.dev';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Tests and the benchmark build into their own folders; see scripts/build.ts.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // Shiki writes inline styles, which the CSP forbids; Prism uses classes.
  markdown: { syntaxHighlight: 'prism' },
  prefetch: false,
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
      ],
      // Pagefind compiles its WebAssembly search index in the browser.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
