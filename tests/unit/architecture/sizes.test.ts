/**
 * Size limits that keep each file about one thing: pages are routing plus composition, components
 * are markup, client scripts stay readable, and no folder grows into a heap of prefixes.
 * Lines are counted as in `wc -l`; .mdx prose pages are exempt from the page limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const rel = (f: string) => relative(root, f).split('\\').join('/');
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const lines = (f: string) => readFileSync(f, 'utf8').split('\n').length - 1;

const LIMITS = { page: 60, component: 150, clientScript: 300, folder: 25 } as const;
/** Files over `max` lines, as "path: n lines". */
const over = (files: string[], max: number) =>
  files
    .map((f) => ({ f: rel(f), n: lines(f) }))
    .filter(({ n }) => n > max)
    .map(({ f, n }) => `${f}: ${n} lines`);

const SOURCE = /\.(ts|astro|mdx|md|js|mjs|css)$/;

test(`pages (.astro and .ts under src/pages) are at most ${LIMITS.page} lines`, () => {
  const pages = walk(join(root, 'src/pages')).filter((f) => /\.(astro|ts)$/.test(f));
  assert.ok(pages.length > 30);
  assert.deepEqual(over(pages, LIMITS.page), []);
});

test(`components (.astro under src/components) are at most ${LIMITS.component} lines`, () => {
  assert.deepEqual(
    over(
      walk(join(root, 'src/components')).filter((f) => f.endsWith('.astro')),
      LIMITS.component,
    ),
    [],
  );
});

test(`client scripts (.ts under src/components) are at most ${LIMITS.clientScript} lines`, () => {
  assert.deepEqual(
    over(
      walk(join(root, 'src/components')).filter((f) => f.endsWith('.ts')),
      LIMITS.clientScript,
    ),
    [],
  );
});

test(`no folder under src/ or tools/ holds more than ${LIMITS.folder} source files`, () => {
  const counts = new Map<string, number>();
  for (const f of [...walk(join(root, 'src')), ...walk(join(root, 'tools'))].filter((x) => SOURCE.test(x))) {
    const dir = rel(f).replace(/\/[^/]+$/, '');
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  assert.ok(counts.size > 10);
  assert.deepEqual(
    [...counts].filter(([, n]) => n > LIMITS.folder).map(([d, n]) => `${d}: ${n} files`),
    [],
  );
});
