/**
 * What the browser benchmarks share (bench-explorer, bench-load): the site to load (BENCH_URL, a
 * running server; else a static server on BENCH_DIST, default dist/) and Chromium (CHROMIUM_PATH,
 * default /usr/bin/chromium) with the flags the tests use on a closed network.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { serve } from '../tests/support/static-server.ts';

export interface BenchSite {
  base: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** Starts the server (unless BENCH_URL is set) and the browser; `probe` is a file the build must hold. */
export const openBench = async (probe = 'index.html'): Promise<BenchSite> => {
  const dist = resolve(process.env.BENCH_DIST ?? resolve(import.meta.dirname, '../dist'));
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let base = process.env.BENCH_URL;
  if (!base) {
    if (!existsSync(resolve(dist, probe)))
      throw new Error(`No build at ${dist}: run npm run build first (or set BENCH_DIST / BENCH_URL)`);
    server = await serve(dist);
    base = server.url;
  }
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      await server?.close();
    },
  };
};
