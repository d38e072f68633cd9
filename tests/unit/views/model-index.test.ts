/** /models/ rows and index, its filters and sorting, and the organization pages (family pages: family-pages.test.ts). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { filterChoices, modelIndex, paginate } from '../../../src/views/model/index-page.ts';
import { modelsPagePath } from '../../../src/core/urls.ts';
import { indexRowCells, modalitySummary, INDEX_COLUMNS, indexRowSlots } from '../../../src/views/model/row.ts';
import {
  DEFAULT_QUERY,
  matchesQuery,
  nextSort,
  parseQuery,
  sortEntries,
  toSearch,
  type IndexEntry,
} from '../../../src/views/model/filter.ts';
import { organizationModels, organizationSummaries } from '../../../src/views/model/organizations.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';

const catalog = () =>
  catalogOf({
    providers: [provider({ id: 'p1', name: 'Zeta' }), provider({ id: 'p2', name: 'Alpha' }), provider({ id: 'p3', name: 'Mid' })],
    orgs: [
      org({ id: 'acme', name: 'Acme' }),
      org({ id: 'globex', name: 'Globex', country: 'FR' }),
      org({ id: 'empty', name: 'Empty' }),
    ],
    models: [
      model({
        id: 'acme/big',
        name: 'Big',
        family: 'atlas',
        release_date: '2025-06-01',
        context_window: 1_000_000,
        max_output_tokens: 64_000,
        modalities: { input: ['text', 'image'], output: ['text'] },
        capabilities: { reasoning: true, tool_calling: true, vision: true },
        open_weights: false,
      }),
      model({
        id: 'acme/small',
        name: 'small',
        family: 'atlas',
        release_date: '2024-01',
        context_window: 32_000,
        open_weights: true,
        modalities: { input: ['text'], output: ['text'] },
      }),
      model({ id: 'acme/old', name: 'Old', family: 'atlas', status: 'deprecated', context_window: 8_000 }),
      model({ id: 'globex/gx', name: 'GX', release_date: '2025-01-15', capabilities: { tool_calling: true, reasoning: false } }),
    ],
    offerings: [
      offering('p1', 'acme/big', { pricing: { billing: 'usage', currency: 'USD', input: 3, output: 15 } }),
      offering('p2', 'acme/big', { pricing: { billing: 'usage', currency: 'USD', input: 2, output: 12 } }),
      offering('p2', 'acme/big', {
        provider_model_id: 'big-batchy',
        pricing: { billing: 'usage', currency: 'USD', input: 5, output: 20 },
      }),
      offering('p3', 'acme/big', { pricing: { billing: 'subscription', currency: 'USD' } }),
      offering('p1', 'acme/small', { pricing: { billing: 'free', currency: 'USD' } }),
      offering('p1', 'acme/old', { status: 'retired' }),
    ],
  });

describe('/models/ rows', () => {
  const rows = () => modelIndex(catalog().models);
  test('one index per model list: /models/, its pages and index.json share it', () => {
    const models = catalog().models;
    const first = modelIndex(models);
    assert.equal(modelIndex(models), first);
    assert.deepEqual(modelIndex(catalog().models), first);
  });
  test('one row per model, name A–Z case-insensitively', () => {
    assert.deepEqual(
      rows().map((r) => r.n),
      ['Big', 'GX', 'Old', 'small'],
    );
  });
  test('cheapest offering by blended price, billed by usage, with its provider', () => {
    const big = rows()[0]!;
    assert.deepEqual([big.i, big.u, big.cp, big.cpi, big.p], [2, 12, 'Alpha', 'p2', 3]);
  });
  test('free, subscription, retired and missing prices never give a cheapest price', () => {
    const by = new Map(rows().map((r) => [r.id, r]));
    for (const id of ['acme/small', 'acme/old', 'globex/gx']) assert.deepEqual([by.get(id)!.i, by.get(id)!.cp], [null, null], id);
  });
  test('entry carries the filter fields', () => {
    const big = rows()[0]!;
    assert.deepEqual(
      [big.c, big.cn, big.f, big.r, big.x, big.o, big.w, big.s],
      ['acme', 'Acme', 'atlas', '2025-06-01', 1_000_000, 64_000, false, 'active'],
    );
    assert.deepEqual(big.k, ['reasoning', 'tool_calling', 'vision']);
    assert.deepEqual(rows()[1]!.k, ['tool_calling']);
  });
  test('cells of a row, as the server and the island draw them', () => {
    const [big, , old] = rows();
    assert.deepEqual(indexRowCells(big!), [
      { text: 'Big', href: '/models/acme/big/', badge: undefined },
      { text: 'Acme', href: '/organizations/acme/' },
      { text: 'atlas', href: '/families/atlas/' },
      { text: '1 Jun 2025' },
      { text: '1M', num: true },
      { text: '64K', num: true },
      { text: 'text, image → text' },
      { text: 'No' },
      { text: '3', num: true },
      { text: '$2.00', num: true },
      { text: '$12.00', num: true },
      { text: 'Alpha', href: '/providers/p2/' },
    ]);
    const cells = indexRowCells(old!);
    assert.equal(cells[0]!.badge, 'deprecated');
    assert.deepEqual(
      cells.slice(9).map((c) => c.text),
      ['', '', ''],
    );
    assert.equal(cells[11]!.href, undefined);
  });
  test('template slots carry the same cells, one column each, shaped as the columns allow', () => {
    const [big, , old] = rows();
    const slots = indexRowSlots(old!);
    indexRowCells(old!).forEach((c, i) => {
      assert.equal(slots[`t${i}`], c.text);
      assert.equal(slots[`h${i}`], c.href);
      assert.equal(slots[`b${i}`], c.badge);
    });
    assert.equal(INDEX_COLUMNS.length, indexRowCells(big!).length);
    indexRowCells(big!).forEach((c, i) => {
      if (c.href) assert.ok(INDEX_COLUMNS[i]!.link, `column ${i} links`);
      if (c.badge) assert.ok(INDEX_COLUMNS[i]!.badge, `column ${i} has a badge`);
      assert.equal(Boolean(c.num), Boolean(INDEX_COLUMNS[i]!.num), `column ${i} alignment`);
    });
  });
  test('pages of rows', () => {
    assert.deepEqual(paginate([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(paginate([], 2), [[]]);
    assert.deepEqual([modelsPagePath(1), modelsPagePath(3)], ['/models/', '/models/page/3/']);
  });
  test('filter choices with counts', () => {
    const c = filterChoices(rows());
    assert.deepEqual(c.creators, [
      { value: 'acme', label: 'Acme', count: 3 },
      { value: 'globex', label: 'Globex', count: 1 },
    ]);
    assert.deepEqual(c.families, [{ value: 'atlas', label: 'atlas', count: 3 }]);
    assert.deepEqual(
      c.modalities.map((m) => [m.value, m.count]),
      [
        ['text', 2],
        ['image', 1],
      ],
    );
  });
  test('modality summary', () => {
    assert.equal(modalitySummary(['text', 'image'], ['text']), 'text, image → text');
    assert.equal(modalitySummary([], []), '');
  });
});

describe('filters and the URL', () => {
  const entries = () => modelIndex(catalog().models);
  const ids = (q: string) =>
    entries()
      .filter((e) => matchesQuery(e, parseQuery(q)))
      .map((e) => e.id);
  test('deprecated and retired models are hidden by default', () =>
    assert.deepEqual(ids(''), ['acme/big', 'globex/gx', 'acme/small']));
  test('status=all and status=deprecated', () => {
    assert.equal(ids('status=all').length, 4);
    assert.deepEqual(ids('status=deprecated'), ['acme/old']);
  });
  test('creator, family, open weights, min context', () => {
    assert.deepEqual(ids('creator=globex'), ['globex/gx']);
    assert.deepEqual(ids('family=atlas&status=all'), ['acme/big', 'acme/old', 'acme/small']);
    assert.deepEqual(ids('open=yes'), ['acme/small']);
    assert.deepEqual(ids('open=no'), ['acme/big']);
    assert.deepEqual(ids('min_context=128000'), ['acme/big']);
  });
  test('modalities (input or output) and capabilities: all required', () => {
    assert.deepEqual(ids('modality=image'), ['acme/big']);
    assert.deepEqual(ids('modality=text,image'), ['acme/big']);
    assert.deepEqual(ids('capability=tool_calling'), ['acme/big', 'globex/gx']);
    assert.deepEqual(ids('capability=tool_calling&capability=reasoning'), ['acme/big']);
  });
  test('text search in name or id', () => assert.deepEqual(ids('q=GLOBEX'), ['globex/gx']));
  test('invalid values fall back to defaults', () => {
    assert.deepEqual(parseQuery('status=bogus&sort=evil&dir=up&min_context=-5&capability=flying&open=maybe'), DEFAULT_QUERY);
  });
  test('round trip through the query string, defaults left out', () => {
    assert.equal(toSearch(DEFAULT_QUERY), '');
    const q = parseQuery(
      'creator=acme&modality=text&capability=vision,reasoning&status=all&min_context=32000&sort=providers&dir=desc',
    );
    assert.equal(
      toSearch(q),
      '?creator=acme&modality=text&capability=reasoning,vision&status=all&min_context=32000&sort=providers&dir=desc',
    );
    assert.deepEqual(parseQuery(toSearch(q)), q);
  });
  test('a header click flips its column, or starts another in its natural direction', () => {
    assert.deepEqual(nextSort({ sort: 'name', dir: 'asc' }, 'name'), { sort: 'name', dir: 'desc' });
    assert.deepEqual(nextSort({ sort: 'name', dir: 'asc' }, 'providers'), { sort: 'providers', dir: 'desc' });
    assert.deepEqual(nextSort({ sort: 'providers', dir: 'desc' }, 'input'), { sort: 'input', dir: 'asc' });
  });
  test('sorting: by value in either direction, unknown values last, ties by name', () => {
    const by = (k: Parameters<typeof sortEntries>[1], d: 'asc' | 'desc') =>
      sortEntries(entries(), k, d).map((e: IndexEntry) => e.n);
    assert.deepEqual(by('providers', 'desc'), ['Big', 'Old', 'small', 'GX']);
    assert.deepEqual(by('input', 'asc'), ['Big', 'GX', 'Old', 'small']);
    assert.deepEqual(by('release', 'desc'), ['Big', 'GX', 'small', 'Old']);
    assert.deepEqual(by('release', 'asc'), ['small', 'GX', 'Big', 'Old']);
    assert.deepEqual(by('context', 'asc'), ['Old', 'small', 'Big', 'GX']);
    assert.deepEqual(by('open-weights', 'desc'), ['small', 'Big', 'GX', 'Old']);
  });
});

describe('organizations', () => {
  test('index: creators with models, by name, with model and provider counts', () => {
    assert.deepEqual(organizationSummaries(catalog().organizations), [
      { id: 'acme', name: 'Acme', country: undefined, models: 3, providers: 3, latestRelease: '2025-06-01' },
      { id: 'globex', name: 'Globex', country: 'FR', models: 1, providers: 0, latestRelease: '2025-01-15' },
    ]);
  });
  test("a creator's models: newest first, with providers serving each", () => {
    const rows = organizationModels(catalog().organizationById.get('acme')!);
    assert.deepEqual(
      rows.map((r) => [r.name, r.release, r.providers]),
      [
        ['Big', '2025-06-01', 3],
        ['small', '2024-01', 1],
        ['Old', undefined, 1],
      ],
    );
  });
});
