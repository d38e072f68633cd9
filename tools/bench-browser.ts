/**
 * What the browser benchmarks share (bench-explorer, bench-load): the site to load (BENCH_URL, a
 * running server; else a static server on BENCH_DIST, default dist/) and Chromium (CHROMIUM_PATH,
 * default /usr/bin/chromium) with the flags the tests use on a closed network.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
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

/** One response of a page load, weighed raw and gzipped (level 6, what a static host serves). */
export interface Weight {
  url: string;
  raw: number;
  gz: number;
}

/** Weighs every 200 response of `page` from now on; the function returned gives those so far. */
export const weighResponses = (page: Page): (() => Promise<Weight[]>) => {
  const pending: Promise<Weight | undefined>[] = [];
  page.on('response', (res) => {
    if (res.status() !== 200) return;
    pending.push(
      res.body().then(
        (body) => ({ url: new URL(res.url()).pathname, raw: body.length, gz: gzipSync(body, { level: 6 }).length }),
        () => undefined, // a response without a body: nothing to weigh
      ),
    );
  });
  return async () => (await Promise.all(pending)).filter((l) => l !== undefined);
};
