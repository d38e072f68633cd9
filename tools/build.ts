/**
 * `npm run build`: validate → astro build → Pagefind, into a scratch folder; only a complete
 * build replaces dist/ (the last good output stays when any step fails, never a partial one).
 * The data is read and validated once: Astro runs in this process and takes these records.
 *
 * Environment: DATA_DIR (default ./data), BUILD_DIR (default ./dist).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { dataDir, holdRecords, loadData } from '../src/model/load.ts';
import { report } from '../src/model/validate.ts';
import { sharePngStats } from '../src/model/share-png.ts';
import { absoluteUrls, sitemapPaths, sitemapXml } from '../src/views/feeds/sitemap.ts';

const root = resolve(import.meta.dirname, '..');
const target = resolve(process.env.BUILD_DIR ?? join(root, 'dist'));
const scratch = join(root, '.build');
const out = join(scratch, `dist-${process.pid}`);
const time = () => performance.now();
const fail = (message: string): never => {
  rmSync(out, { recursive: true, force: true });
  console.error(
    `✗ Build failed: ${message}. ${existsSync(target) ? `${target} keeps the last good build.` : 'Nothing was published.'}`,
  );
  process.exit(1);
};

const t0 = time();
const data = resolve(dataDir());
const { problems, records } = loadData(data);
if (problems.length || !records) {
  for (const line of report(problems)) console.error(line);
  fail('invalid data');
}
// Astro runs in this process: the site takes these records instead of reading data/ again.
holdRecords(data, records!);
const t1 = time();
console.log(`✓ validate: ${records!.offerings.length} offerings, ${Math.round(t1 - t0)} ms`);

// Share cards render ahead in a worker (tools/share-cards.ts) on the other core while Astro builds;
// the og endpoints render whatever it has not reached (and everything, should it fail).
const ahead = { rendered: 0, cached: 0, renderMs: 0 };
let cardWorker: Worker | undefined;
try {
  cardWorker = new Worker(new URL('./share-cards.ts', import.meta.url), { workerData: records });
  cardWorker.on('message', (counts: typeof ahead) => Object.assign(ahead, counts));
  cardWorker.on('error', (e) => console.warn(`! share cards: the worker stopped: ${e.message}`));
} catch (e) {
  console.warn(`! share cards: no worker: ${(e as Error).message}`);
}

mkdirSync(scratch, { recursive: true });
rmSync(out, { recursive: true, force: true });
process.env.ASTRO_TELEMETRY_DISABLED = '1';
try {
  const { build } = await import('astro');
  await build({ root, outDir: out, logLevel: process.env.BUILD_LOG_LEVEL === 'info' ? 'info' : 'warn' });
} catch (e) {
  console.error(e);
  fail(`astro build: ${(e as Error).message.split('\n')[0]}`);
}
if (!existsSync(join(out, 'index.html'))) fail('astro build produced no index.html');
await cardWorker?.terminate();
console.log(
  `✓ share cards: ${ahead.rendered} rendered ahead in a worker (${Math.round(ahead.renderMs)} ms), ${sharePngStats.rendered} by the build (${Math.round(sharePngStats.renderMs)} ms), ${sharePngStats.cached} read from the cache`,
);
// The sitemap lists the HTML files actually built (src/views/feeds/sitemap.ts), so it cannot miss a page.
const { default: config } = await import('../astro.config.mjs');
const htmlFiles = (readdirSync(out, { recursive: true }) as string[])
  .map((f) => f.split(sep).join('/'))
  .filter((f) => f.endsWith('.html'));
// Redirect pages (old paths, see astro.config.mjs) are not pages of the site: not in the sitemap.
const redirects = Object.keys(config.redirects ?? {});
writeFileSync(join(out, 'sitemap.xml'), sitemapXml(absoluteUrls(config.site!, sitemapPaths(htmlFiles, redirects))));
const t2 = time();

const { index, errors } = await pagefind.createIndex({});
if (!index || errors.length) fail(`Pagefind: ${errors.join('; ')}`);
const added = await index!.addDirectory({ path: out });
if (added.errors.length || added.page_count === 0) fail(`Pagefind indexed ${added.page_count} pages: ${added.errors.join('; ')}`);
const written = await index!.writeFiles({ outputPath: join(out, 'pagefind') });
if (written.errors.length) fail(`Pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
const t3 = time();

if (existsSync(target)) renameSync(target, join(scratch, `old-${process.pid}`));
renameSync(out, target);
// Previous outputs (thousands of files each) are deleted by a detached process, so the build does
// not wait for them; what an interrupted deletion leaves is swept by the next build.
const stale = readdirSync(scratch)
  .filter((d) => d.startsWith('old-'))
  .map((d) => join(scratch, d));
if (stale.length) {
  const sweep = 'for (const d of process.argv.slice(1)) require("node:fs").rmSync(d, { recursive: true, force: true })';
  spawn(process.execPath, ['-e', sweep, ...stale], { detached: true, stdio: 'ignore' }).unref();
}
const stats = {
  validate_ms: Math.round(t1 - t0),
  astro_ms: Math.round(t2 - t1),
  pagefind_ms: Math.round(t3 - t2),
  total_ms: Math.round(time() - t0),
  pages_indexed: added.page_count,
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
};
console.log(
  `✓ build: astro ${stats.astro_ms} ms, pagefind ${stats.pagefind_ms} ms (${stats.pages_indexed} pages indexed), total ${stats.total_ms} ms, peak memory ${stats.peak_rss_mb} MB → ${target}`,
);
// One machine-readable line for tools/bench.ts.
console.log(`BUILD_STATS ${JSON.stringify(stats)}`);
