/** Site search: index entries of each page kind, URL state, excerpts, name ranking, keyboard. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isSlashShortcut,
  mergeResults,
  moveActive,
  nameMatch,
  pagefindQuery,
  parseExcerpt,
  queryVariants,
  rankByName,
  readSearchState,
  resultFacts,
  writeSearchState,
} from '../../../src/core/search.ts';
import {
  cheapestBlended,
  familySearchEntry,
  modelSearchEntry,
  organizationSearchEntry,
  pagefindAttributes,
  providerSearchEntry,
  searchChoices,
} from '../../../src/views/search-entry.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';

const cat = () =>
  catalogOf({
    providers: [provider({ id: 'groq', name: 'Groq' }), provider({ id: 'deepinfra', name: 'Deep Infra' })],
    orgs: [org({ id: 'meta', name: 'Meta' }), org({ id: 'empty' })],
    models: [
      model({
        id: 'meta/llama-3.3-70b',
        name: 'Llama 3.3 70B',
        family: 'llama-3.3',
        release_date: '2024-12-06',
        context_window: 131072,
        open_weights: true,
        modalities: { input: ['text', 'image'], output: ['text'] },
        capabilities: { tool_calling: true, vision: false },
      }),
    ],
    offerings: [
      offering('groq', 'meta/llama-3.3-70b', {
        provider_model_id: 'llama-3.3-70b-versatile',
        pricing: { billing: 'usage', currency: 'USD', input: 0.59, output: 0.79 },
      }),
      offering('deepinfra', 'meta/llama-3.3-70b', { pricing: { billing: 'usage', currency: 'USD', input: 0.2, output: 0.6 } }),
      offering('deepinfra', 'meta/llama-3.3-70b', {
        id: 'deepinfra/old',
        status: 'retired',
        pricing: { billing: 'usage', currency: 'USD', input: 0.01, output: 0.01 },
      }),
    ],
  });

describe('index entries', () => {
  test('a model: creator, context, cheapest live blended price, providers; filters and sort keys', () => {
    const e = modelSearchEntry(cat().modelById.get('meta/llama-3.3-70b')!);
    assert.equal(e.kind, 'model');
    assert.equal(e.title, 'Llama 3.3 70B');
    // (3 × 0.2 + 0.6) / 4 = 0.3; the retired offering at $0.01 does not count.
    assert.deepEqual(e.meta, {
      creator: 'Meta',
      context: '131K context',
      price: 'from $0.30 / 1M tokens',
      providers: '2 providers',
    });
    assert.deepEqual(e.filters, {
      creator: ['Meta'],
      provider: ['Deep Infra', 'Groq'],
      modality: ['Text', 'Image'],
      capability: ['Tool calling'],
      open: ['Yes'],
    });
    assert.deepEqual(e.sort, { price: '0.3', released: '2024-12-06' });
  });
  test('a model with no priced offering has no price meta or sort key', () => {
    const c = catalogOf({ providers: [], orgs: [org({ id: 'x' })], models: [model({ id: 'x/m' })], offerings: [] });
    const e = modelSearchEntry(c.modelById.get('x/m')!);
    assert.equal(e.meta.price, undefined);
    assert.deepEqual(e.sort, {});
    assert.equal(e.meta.providers, '0 providers');
    assert.equal(e.filters.open, undefined);
  });
  test('provider, family, organization', () => {
    const c = cat();
    assert.deepEqual(providerSearchEntry({ ...c.providerById.get('groq')!, kindLabel: 'Inference' }).meta, {
      type: 'Inference',
      models: '1 model',
    });
    const fam = familySearchEntry('llama-3.3', c.models);
    assert.equal(fam.title, 'llama-3.3 family');
    assert.deepEqual(fam.filters, { creator: ['Meta'] });
    assert.deepEqual(organizationSearchEntry(c.organizationById.get('meta')!).meta, { models: '1 model' });
  });
  test('attributes: one per meta, filter value and sort key; commas removed', () => {
    const attrs = pagefindAttributes({
      kind: 'provider',
      title: 'A, B',
      meta: { type: 'X' },
      filters: { provider: ['A, B', 'A, B'] },
      sort: { price: '1' },
    });
    assert.deepEqual(attrs, [
      { 'data-pagefind-meta': 'title:A B' },
      { 'data-pagefind-meta': 'kind:provider' },
      { 'data-pagefind-filter': 'kind:provider' },
      { 'data-pagefind-meta': 'type:X' },
      { 'data-pagefind-filter': 'provider:A B' },
      { 'data-pagefind-sort': 'price:1' },
    ]);
  });
  test('cheapest blended skips retired and unpriced rows', () => {
    assert.equal(
      cheapestBlended([
        { price: { blended: 2 } },
        { status: 'retired', price: { blended: 1 } },
        { price: { blended: undefined } },
      ]),
      2,
    );
    assert.equal(cheapestBlended([]), undefined);
  });
  test('filter choices: creators with models only, sorted', () => {
    const c = cat();
    const ch = searchChoices(c.organizations, c.providers);
    assert.deepEqual(ch.creator, ['Meta']);
    assert.deepEqual(ch.provider, ['Deep Infra', 'Groq']);
    assert.deepEqual(ch.kind, ['model', 'provider', 'family', 'organization', 'page']);
  });
});

describe('results', () => {
  test('facts: kind label first, then what the page set, in order', () => {
    assert.deepEqual(
      resultFacts({ kind: 'model', title: 'T', providers: '2 providers', creator: 'Meta', price: 'from $1.00 / 1M tokens' }),
      ['Model', 'Meta', 'from $1.00 / 1M tokens', '2 providers'],
    );
    assert.deepEqual(resultFacts({}), ['Page']);
  });
  test('excerpt: marks become segments, entities decode, other tags stay text', () => {
    assert.deepEqual(parseExcerpt('the <mark>Llama</mark> &amp; <b>x</b>'), [
      { text: 'the ', mark: false },
      { text: 'Llama', mark: true },
      { text: ' & <b>x</b>', mark: false },
    ]);
    assert.deepEqual(parseExcerpt('&lt;script&gt;'), [{ text: '<script>', mark: false }]);
    assert.deepEqual(parseExcerpt(''), []);
  });
  test('name match: exact, starts with, other', () => {
    assert.equal(nameMatch('gpt-4.1', 'GPT-4.1'), 3);
    assert.equal(nameMatch('claude sonnet', 'claude-sonnet family'), 3);
    assert.equal(nameMatch('llama 3.3 70b', 'Llama-3.3-70B-Instruct'), 2);
    assert.equal(nameMatch('gpt-4.1', 'GPT-4.1 mini'), 2);
    assert.equal(nameMatch('gpt 4', 'GPT-4o'), 0);
    assert.equal(nameMatch('  ', 'x'), 0);
  });
  test('rank by name: exact first, stable otherwise', () => {
    const r = (title: string) => ({ meta: { title } });
    assert.deepEqual(
      rankByName('gpt-4.1', [r('GPT-4.1 mini'), r('Other'), r('GPT-4.1')]).map((x) => x.meta.title),
      ['GPT-4.1', 'GPT-4.1 mini', 'Other'],
    );
    assert.deepEqual(
      rankByName('zzz', [r('b'), r('a')]).map((x) => x.meta.title),
      ['b', 'a'],
    );
    const m = (title: string, providers: string) => ({ meta: { title, providers } });
    const tie = [
      m('Llama 3.3 70B Wayfarer', '1 provider'),
      m('Other', '50 providers'),
      m('Llama-3.3-70B-Instruct', '30 providers'),
    ];
    assert.deepEqual(
      rankByName('llama 3.3 70b', tie).map((x) => x.meta.title),
      ['Llama-3.3-70B-Instruct', 'Llama 3.3 70B Wayfarer', 'Other'],
    );
  });
});

describe('URL state', () => {
  test('round trip, fixed order, defaults left out', () => {
    const s = readSearchState(new URLSearchParams('sort=price-asc&creator=Meta&q=+llama+&kind=model&junk=1'));
    assert.deepEqual(s, { q: 'llama', filters: { kind: 'model', creator: 'Meta' }, sort: 'price-asc' });
    assert.equal(writeSearchState(s), 'q=llama&kind=model&creator=Meta&sort=price-asc');
    assert.equal(writeSearchState(readSearchState(new URLSearchParams('sort=bogus&open='))), '');
  });
  test('Pagefind options: filters, and a sort only when not by relevance', () => {
    assert.deepEqual(pagefindQuery({ q: 'x', filters: { open: 'Yes' }, sort: 'released-desc' }), {
      filters: { open: 'Yes' },
      sort: { released: 'desc' },
    });
    assert.deepEqual(pagefindQuery({ q: 'x', filters: {}, sort: 'relevance' }), { filters: {} });
  });
});

describe('keyboard', () => {
  test('arrows wrap through the field (-1) and the results', () => {
    assert.equal(moveActive(-1, 1, 3), 0);
    assert.equal(moveActive(2, 1, 3), -1);
    assert.equal(moveActive(-1, -1, 3), 2);
    assert.equal(moveActive(0, -1, 3), -1);
    assert.equal(moveActive(-1, 1, 0), -1);
  });
  test('"/" focuses search, except in a field or with a modifier', () => {
    const key = { key: '/', ctrlKey: false, metaKey: false, altKey: false };
    assert.equal(isSlashShortcut(key, { tagName: 'BODY' }), true);
    assert.equal(isSlashShortcut(key, null), true);
    assert.equal(isSlashShortcut(key, { tagName: 'INPUT' }), false);
    assert.equal(isSlashShortcut(key, { tagName: 'DIV', isContentEditable: true }), false);
    assert.equal(isSlashShortcut({ ...key, ctrlKey: true }, { tagName: 'BODY' }), false);
    assert.equal(isSlashShortcut({ ...key, key: 'a' }, { tagName: 'BODY' }), false);
  });
});

describe('query variants', () => {
  test('spaces also become one hyphenated word', () => {
    assert.deepEqual(queryVariants(' llama  3.3 70b '), ['llama 3.3 70b', 'llama-3.3-70b']);
    assert.deepEqual(queryVariants('groq'), ['groq']);
    assert.deepEqual(queryVariants('  '), []);
  });
  test('merge keeps the first occurrence of each page, in order', () => {
    assert.deepEqual(
      mergeResults([
        [{ id: 'a' }, { id: 'b' }],
        [{ id: 'b' }, { id: 'c' }],
      ]).map((r) => r.id),
      ['a', 'b', 'c'],
    );
  });
});
