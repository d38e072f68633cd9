/**
 * Browser code stays browser code: nothing the browser runs may load zod, Node's modules, Astro's
 * virtual modules or the build-time model folder (src/model/). Browser code is every client
 * `<script>` of an .astro file, every module an .astro file hands to the browser by URL
 * (`?worker&url`), every island script under src/components/, and all of src/core/ (pure by
 * definition); the test follows their run-time imports to the end.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, test } from 'node:test';
import { astroClientScripts, astroUrlImports, reachable, runtimeImports } from '../../support/import-graph.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const rel = (abs: string) => relative(ROOT, abs).split(sep).join('/');
const filesUnder = (dir: string, ext: RegExp) =>
  (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .map((f) => `${dir}/${f.split(sep).join('/')}`)
    .filter((f) => ext.test(f));

/** Why a module must not reach the browser, or undefined when it may. */
const forbidden = (module: string): string | undefined => {
  if (module === 'zod' || module.startsWith('zod/') || module === 'astro/zod') return 'zod';
  if (module.startsWith('node:')) return 'a Node module';
  if (module.startsWith('astro:')) return 'an Astro virtual module';
  if (module.startsWith('src/model/')) return 'the build-time model folder';
  if (module.startsWith('tools/')) return 'a Node tool';
  return undefined;
};

/** Browser entry points: [a label for messages, the modules it loads]. */
const browserEntries = (): string[] => {
  const entries = new Set<string>();
  for (const file of filesUnder('src', /\.astro$/)) {
    const astro = readFileSync(join(ROOT, file), 'utf8');
    const specs = [...astroClientScripts(astro).flatMap((code) => runtimeImports(code)), ...astroUrlImports(astro)];
    for (const spec of specs) {
      entries.add(spec.startsWith('.') ? rel(resolve(ROOT, dirname(file), spec)) : spec);
    }
  }
  for (const file of filesUnder('src/components', /\.ts$/)) entries.add(file);
  for (const file of filesUnder('src/core', /\.ts$/)) entries.add(file);
  return [...entries];
};

describe('browser code', () => {
  test('loads no zod, node:*, astro:*, src/model/ or tools/', () => {
    const entries = browserEntries();
    assert.ok(
      entries.some((e) => e.startsWith('src/components/')),
      'found the island scripts',
    );
    const problems = [...reachable(ROOT, entries)]
      .filter(([module]) => forbidden(module))
      .map(([module, chain]) => `${chain.join(' → ')} loads ${forbidden(module)} (${module})`);
    assert.deepEqual(problems, []);
  });

  test('the check sees through re-exports and import(), and lets type-only imports pass', () => {
    assert.deepEqual(runtimeImports("import type { A } from 'astro/zod';\nexport type { B } from 'node:fs';"), []);
    assert.deepEqual(runtimeImports("import { type A } from 'astro/zod';"), ['astro/zod']);
    assert.deepEqual(runtimeImports("export { x } from './x.ts';\nconst y = await import('node:fs');"), ['./x.ts', 'node:fs']);
    assert.deepEqual(
      astroClientScripts(
        "<script>import './a.ts';</script><script is:inline>import 'b';</script><script type=\"application/ld+json\">{}</script>",
      ),
      ["import './a.ts';"],
    );
    assert.deepEqual(astroUrlImports("import js from './box.ts?worker&url';"), ['./box.ts']);
  });

  test('a chain into the model folder is reported', () => {
    // A real path through the tree: the validator imports the schema, which imports zod.
    const chains = reachable(ROOT, ['src/model/validate.ts']);
    assert.ok([...chains.keys()].some((m) => forbidden(m) === 'zod'));
  });
});
