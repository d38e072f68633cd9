import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packIndex, unpackIndex, type IndexableOffering } from '../../../src/views/pricing/index-data.ts';
import {
  cheapestBars,
  costText,
  filterRows,
  PRICE_CELLS,
  priceText,
  rankRows,
  resultsText,
  rowCells,
  rowSlots,
  GROUP_HEADINGS,
  groupId,
  groupHeadings,
  FREE_PREVIEW,
} from '../../../src/views/pricing/rows.ts';
import type { ExplorerFilters, SortDir, SortKey } from '../../../src/views/pricing/state.ts';
import { workedExample } from '../../../src/views/pricing/example.ts';
import type { Workload } from '../../../src/core/cost.ts';
import { withPrice } from '../../support/priced.ts';

const org = { id: 'acme', name: 'Acme' };
const providers = {
  cheap: {
    id: 'cheap',
    name: 'Cheap',
    kind: 'inference',
    website: 'https://x.test',
    regions: [{ id: 'eu', name: 'Paris', country: 'FR' }],
  },
  cloud: {
    id: 'cloud',
    name: 'Cloud',
    kind: 'cloud',
    website: 'https://x.test',
    regions: [
      { id: 'us-east', name: 'US East', country: 'US' },
      { id: 'eu-central', name: 'Frankfurt', country: 'DE' },
    ],
    residency: { routing: 'selectable', sources: ['https://x.test/regions'], last_verified: '2026-12-01' },
  },
  gate: { id: 'gate', name: 'Gate', kind: 'gateway', website: 'https://x.test' },
} as const;
const models = {
  big: {
    id: 'acme/big',
    name: 'Big',
    organization: 'acme',
    type: 'text-generation',
    family: 'acme',
    status: 'active',
    context_window: 200_000,
    organizationRecord: org,
    capabilities: { tool_calling: true },
  },
  small: {
    id: 'acme/small',
    name: 'Small',
    organization: 'acme',
    type: 'text-generation',
    status: 'active',
    context_window: 32_000,
    organizationRecord: org,
    modalities: { input: ['text', 'image'], output: ['text'] },
  },
} as const;
type P = keyof typeof providers;
type M = keyof typeof models;
const off = (p: P, m: M, pricing: object | undefined, over: object = {}) =>
  withPrice({
    id: `${p}/acme/${m}`,
    provider: p,
    model: models[m].id,
    provider_model_id: m,
    status: 'active',
    pricing,
    providerRecord: providers[p],
    modelRecord: models[m],
    ...over,
  }) as unknown as IndexableOffering;

const usage = (input: number, output: number, over = {}) => ({ billing: 'usage', currency: 'USD', input, output, ...over });
const ix = packIndex([
  off('cheap', 'big', usage(1, 2)),
  off('cloud', 'big', usage(3, 15, { batch: { discount: 0.5 } }), {
    regional_pricing: [{ where: ['eu-central'], multiplier: 1.1 }],
  }),
  off('gate', 'big', { billing: 'free', currency: 'USD' }),
  off('cheap', 'small', { billing: 'subscription', currency: 'USD', plan: 'Pro' }),
  off('cloud', 'small', usage(0.1, 0.4)),
  off('gate', 'small', usage(0.05, 0.1), { status: 'deprecated' }),
  off('gate', 'big', undefined, { id: 'gate/acme/big--nopricing' }),
]);
const rows = unpackIndex(ix);
const w: Workload = { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 1000, cachedInputShare: 0, batchShare: 0 };
const view = (filters: ExplorerFilters = {}, sort: SortKey = 'cost', dir: SortDir = 'asc', workload = w) =>
  rankRows(ix, rows, { workload, filters, sort, dir });
const ids = (r: ReturnType<typeof view>) => r.ranked.map((x) => x.row.id);

test('ranking by cost: the free group, then paid cheapest first, then not ranked; deprecated hidden', () => {
  const r = view();
  assert.deepEqual(ids(r), [
    'gate/acme/big',
    'cloud/acme/small',
    'cheap/acme/big',
    'cloud/acme/big',
    'cheap/acme/small',
    'gate/acme/big--nopricing',
  ]);
  assert.equal(r.hiddenOld, 1);
  // 1000 × (1000 × 0.1 + 1000 × 0.4) / 1e6 = $0.50
  assert.deepEqual(
    r.ranked.map((x) => groupId(x.group)),
    ['free', 'paid', 'paid', 'paid', 'unranked', 'unranked'],
  );
  assert.deepEqual(costText(r.ranked[1]!), { text: '$0.50', detail: '$0.0005 / request', known: true });
  assert.deepEqual(costText(r.ranked[0]!).text, 'Free');
  assert.match(GROUP_HEADINGS[r.ranked[0]!.group]!, /^Free/);
  assert.deepEqual(costText(r.ranked[4]!), { text: 'Subscription', detail: 'subscription plan (Pro)', known: false });
  assert.deepEqual(costText(r.ranked[5]!), { text: 'Not published', detail: 'no price recorded', known: false });
  assert.deepEqual(ids(view({ includeOld: true })).slice(0, 2), ['gate/acme/big', 'gate/acme/small']);
});

test('descending cost keeps the groups in place: free first, not ranked last', () => {
  assert.deepEqual(ids(view({}, 'cost', 'desc')).slice(0, 4), [
    'gate/acme/big',
    'cloud/acme/big',
    'cheap/acme/big',
    'cloud/acme/small',
  ]);
});

test('a batch share without a batch price is ranked at the standard price, with the note on the row', () => {
  const r = view({ model: 'acme/big' }, 'cost', 'asc', { ...w, batchShare: 1 });
  assert.deepEqual(ids(r), ['gate/acme/big', 'cheap/acme/big', 'cloud/acme/big', 'gate/acme/big--nopricing']);
  // 1000 × (1000 × 1 + 1000 × 2) / 1e6 = $3.00 at the standard price
  assert.deepEqual(costText(r.ranked[1]!), {
    text: '$3.00',
    detail: '$0.003 / request',
    known: true,
    note: 'no batch price published',
  });
  assert.equal(rowSlots(rowCells(r.ranked[1]!, ix, () => undefined)).costNote, 'no batch price published');
});

test('cached input without a cache-read price: the input price, and the row says so', () => {
  const r = view({ model: 'acme/big' }, 'cost', 'asc', { ...w, cachedInputShare: 0.3 });
  assert.equal(costText(r.ranked[1]!).note, 'no cache discount published');
  assert.equal(costText(r.ranked[1]!).text, '$3.00');
});

test('filters: model id or text, family, provider, kind, modality, features, region, context', () => {
  assert.deepEqual(ids(view({ model: 'acme/small' })), ['cloud/acme/small', 'cheap/acme/small']);
  assert.deepEqual(ids(view({ model: 'SMA' })), []);
  assert.deepEqual(ids(view({ model: 'SMA', modelPart: true })), ['cloud/acme/small', 'cheap/acme/small']);
  assert.equal(view({ family: 'acme' }).ranked.length, 4);
  assert.deepEqual(ids(view({ provider: 'cloud' })), ['cloud/acme/small', 'cloud/acme/big']);
  assert.deepEqual(ids(view({ kind: 'gateway' })), ['gate/acme/big', 'gate/acme/big--nopricing']);
  assert.deepEqual(ids(view({ modality: 'in:image' })), ['cloud/acme/small', 'cheap/acme/small']);
  assert.equal(view({ modality: 'in:nonsense' }).ranked.length, 0);
  assert.equal(view({ features: ['tool_calling'] }).ranked.length, 4);
  assert.equal(view({ features: ['tool_calling'], unknown: ['tool_calling'] }).ranked.length, 6);
  // Regions: Cheap runs in France (routing not stated), Cloud in the US and Germany (selectable); Gate publishes none.
  assert.deepEqual(ids(view({ continent: 'EU' })), ['cloud/acme/small', 'cheap/acme/big', 'cloud/acme/big', 'cheap/acme/small']);
  assert.deepEqual(ids(view({ country: 'US' })), ['cloud/acme/small', 'cloud/acme/big']);
  // EU processing: only Cloud can pin a region; Cheap's routing is not stated, so it is unknown, like Gate's.
  assert.deepEqual(ids(view({ eu: true })), ['cloud/acme/small', 'cloud/acme/big']);
  assert.equal(view({ eu: true }).hiddenPlace, 4, 'two of Cheap, two of Gate (its deprecated one is counted as old)');
  assert.deepEqual(ids(view({ continent: 'OC' })), []);
  assert.equal(view({ continent: 'EU', unknownPlace: true }).ranked.length, 6);
});

test('a region filter prices the route it picks: Frankfurt costs 10% more than the offering price', () => {
  const big = (f: ExplorerFilters) => view(f).ranked.find((r) => r.row.id === 'cloud/acme/big')!;
  const anywhere = big({});
  const us = big({ country: 'US' });
  const de = big({ country: 'DE' });
  assert.equal(anywhere.row.input, 3);
  assert.equal(us.row.input, 3);
  assert.equal(us.row.place, undefined);
  assert.ok(Math.abs(de.row.input! - 3.3) < 1e-9 && Math.abs(de.row.output! - 16.5) < 1e-9);
  assert.ok(de.cost.ok && anywhere.cost.ok && Math.abs(de.cost.totalUsd - anywhere.cost.totalUsd * 1.1) < 1e-9);
  assert.equal(costText(de).note, 'Frankfurt price, +10%');
  // The batch discount is a fraction and stays one.
  assert.equal(de.row.pricing?.batch?.discount, 0.5);
  // With Europe, the cheapest European route is Frankfurt, the only one.
  assert.equal(big({ continent: 'EU' }).row.place?.key, 'eu-central');
  assert.equal(view({ minContext: 100_000 }).ranked.length, 4);
  assert.equal(view({ provider: 'unknown' }).ranked.length, 0);
  assert.equal(filterRows(ix, rows, { org: 'acme' }).rows.length, 6);
});

test('sorting by a price puts rows without one last, both ways', () => {
  assert.deepEqual(ids(view({}, 'input')).slice(0, 3), ['cloud/acme/small', 'cheap/acme/big', 'cloud/acme/big']);
  const desc = ids(view({}, 'blended', 'desc'));
  assert.deepEqual(desc.slice(0, 3), ['cloud/acme/big', 'cheap/acme/big', 'cloud/acme/small']);
  assert.deepEqual(ids(view({}, 'provider')).slice(0, 2), ['cheap/acme/big', 'cheap/acme/small']);
});

test('cell texts: labels instead of $0', () => {
  const free = rows.find((r) => r.id === 'gate/acme/big')!;
  assert.equal(priceText(free, free.input).text, 'Free');
  const sub = rows.find((r) => r.id === 'cheap/acme/small')!;
  assert.equal(priceText(sub, sub.input).text, 'Subscription');
  const big = rows.find((r) => r.id === 'cheap/acme/big')!;
  assert.equal(priceText(big, big.cacheRead).text, '—');
  assert.equal(priceText(big, big.input).text, '$1.00');
});

test('chart bars: the cheapest priced rows only', () => {
  assert.deepEqual(cheapestBars(view({}, 'input', 'desc').ranked, ix, 2), [
    { label: 'Small · Cloud', usd: 0.5 },
    { label: 'Big · Cheap', usd: 3 },
  ]);
});

test('results line', () => {
  assert.equal(resultsText(1, 0, 1), '1 offering matches.');
  assert.equal(
    resultsText(5276, 3, 100),
    '5,276 offerings match (3 deprecated or retired offerings hidden); showing the first 100.',
  );
});

test('worked example: the engine breakdown as arithmetic', () => {
  const ex = workedExample(
    { input: 3, output: 15, tiers: [{ above_tokens: 200_000, input: 6, output: 22.5 }] },
    { ...w, inputTokens: 300_000 },
  );
  assert.ok(ex.ok);
  assert.deepEqual(ex.lines[0], {
    meter: 'Input (above 200,000 tokens)',
    arithmetic: '300,000,000 tokens × $6.00 / 1M',
    usd: '$1,800.00',
  });
  assert.equal(ex.total, '$1,822.50');
  assert.deepEqual(workedExample({ billing: 'subscription' }, w), { ok: false, reason: 'subscription plan' });
});

test('row slots: the cells of a row as texts, links and cell classes', () => {
  const ranked = view().ranked;
  for (const r of ranked) {
    const c = rowCells(r, ix, (id) => `/models/${id}/`);
    const s = rowSlots(c);
    assert.equal(s.name, c.name);
    assert.equal(s.modelHref, c.modelHref);
    assert.equal(s.providerHref, c.providerHref);
    assert.equal(s.cost, c.cost.text);
    assert.equal(s.costClass, c.cost.known ? 'num cost' : 'num cost na');
    for (const k of PRICE_CELLS) {
      assert.equal(s[k], c[k].text);
      assert.equal(s[`${k}Class`], c[k].known ? 'num' : 'num na');
    }
  }
  assert.ok(
    ranked.some((r) => !r.cost.ok),
    'a row without a computable cost is covered',
  );
});

test('exact model: by id, id without the creator, name or alias; never a longer name', () => {
  const gx = packIndex([
    off('cheap', 'big', usage(1, 2), {
      id: 'cheap/acme/gpt-4o',
      model: 'acme/gpt-4o',
      modelRecord: { ...models.big, id: 'acme/gpt-4o', name: 'GPT-4o (2024-08-06)', aliases: ['gpt-4o-2024-08-06'] },
    }),
    off('cheap', 'small', usage(0.1, 0.2), {
      id: 'cheap/acme/gpt-4o-mini',
      model: 'acme/gpt-4o-mini',
      modelRecord: { ...models.small, id: 'acme/gpt-4o-mini', name: 'GPT-4o mini' },
    }),
  ]);
  const grows = unpackIndex(gx);
  const match = (model: string, modelPart = false) => filterRows(gx, grows, { model, modelPart }).rows.map((r) => r.id);
  for (const q of ['gpt-4o', 'ACME/gpt-4o', 'gpt-4o (2024-08-06)', 'gpt-4o-2024-08-06', 'cheap/acme/gpt-4o'])
    assert.deepEqual(match(q), ['cheap/acme/gpt-4o'], q);
  assert.deepEqual(match('gpt-4o', true), ['cheap/acme/gpt-4o', 'cheap/acme/gpt-4o-mini']);
  assert.deepEqual(match('gpt'), []);
});

test('sorted by cost, the free group lists its first FREE_PREVIEW rows unless every one is asked for', () => {
  const many = packIndex(
    Array.from({ length: FREE_PREVIEW + 3 }, (_, i) =>
      off('gate', 'big', { billing: 'free', currency: 'USD' }, { id: `gate/acme/big--free${i}` }),
    ).concat([off('cheap', 'big', usage(1, 2))]),
  );
  const all = unpackIndex(many);
  const r = rankRows(many, all, { workload: w, filters: {}, sort: 'cost', dir: 'asc' });
  assert.equal(r.ranked.length, FREE_PREVIEW + 1);
  assert.equal(r.hiddenFree, 3);
  assert.equal(r.free, FREE_PREVIEW + 3);
  assert.equal(r.ranked[FREE_PREVIEW]!.row.id, 'cheap/acme/big');
  assert.match(groupHeadings(FREE_PREVIEW, FREE_PREVIEW + 3)[0]!, /the first 5 of 8/);
  assert.equal(rankRows(many, all, { workload: w, filters: { allFree: true }, sort: 'cost', dir: 'asc' }).hiddenFree, 0);
  assert.equal(rankRows(many, all, { workload: w, filters: {}, sort: 'input', dir: 'asc' }).ranked.length, FREE_PREVIEW + 4);
});
