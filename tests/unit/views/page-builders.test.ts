/** Page builders of the /models/ pages (src/views/model/index-page.ts) and a provider's overview (src/views/provider/overview.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterChoices, modelIndex, modelsIndexPages, paginate } from '../../../src/views/model/index-page.ts';
import { MODELS_PAGE_SIZE } from '../../../src/views/model/row.ts';
import { providerOverview } from '../../../src/views/provider/overview.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';

test('/models/ pages: every model once, in index order, each page knowing its number, the count, the total and the choices', () => {
  const n = MODELS_PAGE_SIZE * 2 + 3;
  const ids = Array.from({ length: n }, (_, i) => `o/m${String(i).padStart(3, '0')}`);
  const c = catalogOf({
    providers: [provider({ id: 'p' })],
    orgs: [org({ id: 'o' })],
    models: ids.map((id) => model({ id })),
    offerings: [offering('p', ids[0])],
  });
  const pages = modelsIndexPages(c.models);
  const entries = modelIndex(c.models);
  assert.equal(pages.length, paginate(entries).length);
  assert.equal(pages.length, 3);
  assert.deepEqual(
    pages.flatMap((p) => p.rows),
    entries,
  );
  assert.deepEqual(
    pages.map((p) => [p.page, p.pages, p.total]),
    [
      [1, 3, n],
      [2, 3, n],
      [3, 3, n],
    ],
  );
  assert.deepEqual(pages[2]!.choices, filterChoices(entries));
});

test('/models/ with no models is still one (empty) page', () => {
  assert.deepEqual(
    modelsIndexPages([]).map((p) => [p.page, p.pages, p.rows.length]),
    [[1, 1, 0]],
  );
});

test('provider overview: creator names, upstreams, probe origin and staleness against the newest provider check', () => {
  const c = catalogOf({
    providers: [
      provider({
        id: 'a',
        name: 'Alpha',
        last_verified: '2025-01-01',
        api: { base_url: 'https://api.alpha.example/v1', openai_compatible: true },
        platform: { upstreams: ['b', 'zz'] },
      }),
      provider({ id: 'b', name: 'Beta', last_verified: '2026-01-01' }),
    ],
    orgs: [org({ id: 'o', name: 'Org' })],
    models: [model({ id: 'o/m' })],
    offerings: [offering('a', 'o/m'), offering('b', 'o/m')],
  });
  const a = providerOverview(c.providerById.get('a')!, c);
  assert.equal(a.origin, 'https://api.alpha.example');
  assert.deepEqual(a.connect, [a.origin]);
  assert.deepEqual(a.upstreams, [
    { id: 'b', name: 'Beta', known: true },
    { id: 'zz', name: 'zz', known: false },
  ]);
  assert.equal(a.stale, true, 'a year older than the newest provider check');
  assert.ok(JSON.stringify(a.summary).includes('Org'), 'creators by name');
  const b = providerOverview(c.providerById.get('b')!, c);
  assert.deepEqual([b.origin, b.connect, b.stale, b.upstreams], [undefined, undefined, false, []]);
});
