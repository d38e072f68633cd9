/**
 * Renders every share card (src/views/feeds/og.ts `catalogCardSvgs`) into the PNG cache of
 * src/model/share-png.ts, in a worker thread that tools/build.ts starts with the validated records,
 * so the ~20 ms per card run on the other core while Astro builds the pages on the main one. It
 * goes through the cards last to first, the endpoints first to last: each renders what the other has
 * not cached yet, and they meet in the middle. Posts its counts { rendered, cached, renderMs } after
 * each card; tools/build.ts ends it once Astro is done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { linkCatalog } from '../src/model/link.ts';
import { renderSharePng, sharePngStats } from '../src/model/share-png.ts';
import type { Records } from '../src/model/validate.ts';
import { catalogCardSvgs } from '../src/views/feeds/og.ts';

const r = workerData as Records;
const catalog = linkCatalog(r.providers, r.models, r.organizations, r.offerings, r.families);
for (const svg of catalogCardSvgs(catalog).reverse()) {
  renderSharePng(svg);
  parentPort!.postMessage({ ...sharePngStats });
}
