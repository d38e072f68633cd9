/**
 * Share cards as PNG (1200 × 630), rendered at build time from the SVG of src/views/feeds/og.ts
 * by resvg (@resvg/resvg-js, whose native binary ships inside its npm package). The text is set
 * in Inter from an npm package (@expo-google-fonts/inter, TrueType), never from the machine's
 * fonts, so every machine renders the same bytes.
 *
 * A card takes ~20 ms to render and encode; the PNGs are cached on disk by a hash of their SVG
 * (under Astro's cache folder, ASTRO_CACHE_DIR), so a rebuild renders only the cards that changed,
 * and tools/build.ts renders them ahead in a worker thread (tools/share-cards.ts) while Astro
 * builds the pages: an endpoint renders a card itself only when the worker has not reached it yet.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { threadId } from 'node:worker_threads';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(join(process.cwd(), 'package.json'));
/** The weights the card uses: 400 (text), 600 (kicker), 700 (title). */
const FONT_FILES = ['400Regular/Inter_400Regular.ttf', '600SemiBold/Inter_600SemiBold.ttf', '700Bold/Inter_700Bold.ttf'].map(
  (f) => require.resolve(`@expo-google-fonts/inter/${f}`),
);
/** Changes whenever the renderer, the fonts or this module's options change: part of the cache key. */
const RENDERER = `resvg-js ${(require('@resvg/resvg-js/package.json') as { version: string }).version}; inter ${(require('@expo-google-fonts/inter/package.json') as { version: string }).version}; v1`;
// SHARE_PNG_CACHE points elsewhere (the reproducibility test shares the main build's cards: they are content-addressed).
const cacheDir = process.env.SHARE_PNG_CACHE
  ? resolve(process.env.SHARE_PNG_CACHE)
  : resolve(process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro', 'share-png');

type Stats = { rendered: number; cached: number; renderMs: number };
/**
 * Cards rendered, cards read from the cache and ms spent rendering: one object per process (Astro's
 * bundle and tools/build.ts each load this module), which tools/build.ts prints.
 */
export const sharePngStats: Stats = ((globalThis as { [k: symbol]: Stats })[Symbol.for('provider-atlas.share-png')] ??= {
  rendered: 0,
  cached: 0,
  renderMs: 0,
});

/** Renders an SVG share card (font-family Inter) to PNG bytes. */
export const renderSharePng = (svg: string): Uint8Array<ArrayBuffer> => {
  const key = createHash('sha256').update(RENDERER).update('\0').update(svg).digest('hex');
  const file = join(cacheDir, `${key}.png`);
  try {
    const png = new Uint8Array(readFileSync(file));
    sharePngStats.cached++;
    return png;
  } catch {
    // Not cached yet: render it.
  }
  const t = performance.now();
  const png = new Uint8Array(
    new Resvg(svg, {
      font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Inter' },
      fitTo: { mode: 'original' },
    })
      .render()
      .asPng(),
  );
  sharePngStats.renderMs += performance.now() - t;
  sharePngStats.rendered++;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(tmp, png);
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs time.
  }
  return png;
};

/** The PNG of an SVG share card as an endpoint's response. */
export const sharePngResponse = (svg: string): Response =>
  new Response(renderSharePng(svg), { headers: { 'content-type': 'image/png' } });
