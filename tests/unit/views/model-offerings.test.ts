/** "Where to run it" rows, prices, monthly cost and the price chart of a model page. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { monthlyCost, monthlyText, priceSummary as summaryOfView, priceText } from '../../../src/views/model/pricing.ts';
import { priceView } from '../../../src/core/price.ts';
import {
  modelAliases,
  modelCapabilities,
  modelProviders,
  providerCount,
  speedOf,
  statusNotice,
  successorOf,
  whereToRun,
} from '../../../src/views/model/offerings.ts';
import { priceChartSpec, spansOrders } from '../../../src/views/model/chart.ts';
import type { PerformanceSample, Pricing } from '../../../src/model/schema.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';
import { calculatorHref } from '../../../src/core/urls.ts';
import { MODEL_PAGE_WORKLOAD } from '../../../src/views/model/pricing.ts';

/** The summary of a pricing record, through its price view as the catalog builds it. */
const priceSummary = (p: Pricing | undefined) => summaryOfView(priceView(p));
const usage = (over: Partial<Pricing> = {}): Pricing => ({ billing: 'usage', currency: 'USD', input: 1, output: 4, ...over });
const sample = (tps: number, ttft: number): PerformanceSample => ({
  region: 'us',
  ttft_ms: { p50: ttft },
  output_tokens_per_second: { p50: tps },
  measured_at: '2026-01-01',
  method: 'probe v1',
});

describe('prices', () => {
  test('blended is 3 input : 1 output', () => {
    assert.equal(priceSummary(usage({ input: 3, output: 15 })).blended, 6);
    assert.equal(priceSummary(usage({ input: 3, output: undefined })).blended, undefined);
  });
  test('usage prices, cache, tiers and batch from listed prices', () => {
    const s = priceSummary(
      usage({
        input: 3,
        output: 15,
        cache_read: 0.3,
        tiers: [{ above_tokens: 200_000, input: 6, output: 22.5 }],
        batch: { input: 1.5, output: 7.5 },
      }),
    );
    assert.deepEqual([s.input, s.output, s.cacheRead, s.blended], [3, 15, 0.3, 6]);
    assert.deepEqual(s.tiers, [{ aboveTokens: 200_000, input: 6, output: 22.5 }]);
    assert.deepEqual(s.batch, { input: 1.5, output: 7.5 });
  });
  test('batch from a published discount', () => {
    assert.deepEqual(priceSummary(usage({ input: 2, output: 8, batch: { discount: 0.5 } })).batch, { input: 1, output: 4 });
  });
  test('non-USD prices are converted with usd_rate', () => {
    const s = priceSummary(usage({ currency: 'EUR', usd_rate: { usd_per_unit: 1.5, as_of: '2026-01-01' }, input: 2, output: 4 }));
    assert.deepEqual([s.input, s.output], [3, 6]);
  });
  for (const billing of ['free', 'subscription', 'unpublished', 'self_hosted'] as const) {
    test(`${billing} billing carries no price, never $0`, () => {
      const s = priceSummary({ billing, currency: 'USD', input: 0, output: 0 });
      assert.deepEqual([s.billing, s.input, s.output, s.blended], [billing, undefined, undefined, undefined]);
    });
  }
  test('no pricing at all is "unpublished"', () => assert.equal(priceSummary(undefined).billing, 'unpublished'));
  test('monthly cost of the default workload (chatbot: 100,000 requests of 1,500 in + 300 out tokens)', () => {
    const r = monthlyCost(usage({ input: 3, output: 15 }));
    assert.ok(r.ok);
    assert.equal(r.totalUsd, 150 * 3 + 30 * 15);
  });
  for (const billing of ['subscription', 'unpublished', 'self_hosted'] as const) {
    test(`${billing}: no monthly cost, never $0`, () => assert.equal(monthlyCost({ billing, currency: 'USD' }).ok, false));
  }
  test('no calculator link until the calculator exists', () => {
    assert.equal(calculatorHref('openai/gpt-4o'), '/pricing/?model=openai%2Fgpt-4o');
  });
});

const catalog = () =>
  catalogOf({
    providers: [
      provider({
        id: 'aaa',
        name: 'Aaa',
        kind: 'cloud',
        headquarters: 'US',
        regions: [{ id: 'us-east-1', name: 'US East', country: 'US' }],
      }),
      provider({ id: 'bbb', name: 'Bbb' }),
      provider({ id: 'ccc', name: 'Ccc', kind: 'gateway' }),
      provider({ id: 'ddd', name: 'Ddd' }),
    ],
    orgs: [org({ id: 'acme' })],
    models: [
      model({ id: 'acme/m1', name: 'M1', context_window: 200_000, max_output_tokens: 64_000, aliases: ['m1-latest'] }),
      model({ id: 'acme/m2' }),
    ],
    offerings: [
      offering('aaa', 'acme/m1', {
        pricing: usage({ input: 3, output: 15 }),
        regions: ['us-east-1', 'mars-1'],
        features: { tool_calling: true, vision: false },
        performance: [sample(50, 400), sample(70, 600)],
      }),
      offering('bbb', 'acme/m1', {
        provider_model_id: 'acme/m1',
        pricing: usage({ input: 2, output: 10 }),
        limits: { context_window: 128_000 },
        performance: [sample(200, 100)],
      }),
      offering('bbb', 'acme/m1', {
        id: 'bbb/free',
        provider_model_id: 'acme/m1:free',
        name: 'M1 (free)',
        pricing: { billing: 'free', currency: 'USD' },
      }),
      offering('ccc', 'acme/m1', { provider_model_id: 'm1-sub', pricing: { billing: 'subscription', currency: 'USD' } }),
      offering('ddd', 'acme/m1', {
        provider_model_id: 'm1-old',
        status: 'retired',
        pricing: usage({ input: 0.5, output: 1 }),
        performance: [sample(999, 10)],
      }),
      offering('ddd', undefined, { id: 'ddd/unlinked', name: 'Unlinked', provider_model_id: 'unl' }),
    ],
  });

describe('where to run it', () => {
  const m1 = () => catalog().modelById.get('acme/m1')!;
  test('every linked offering, sorted by blended price; free next, other billing after, retired last', () => {
    assert.deepEqual(
      whereToRun(m1()).map((r) => r.providerModelId),
      ['acme/m1', 'm1', 'acme/m1:free', 'm1-sub', 'm1-old'],
    );
  });
  test('cheapest = lowest blended price billed by usage and not retired; fastest = highest median speed, not retired', () => {
    const rows = whereToRun(m1());
    assert.deepEqual(
      rows.filter((r) => r.cheapest).map((r) => r.offeringId),
      ['bbb/acme/m1-acme/m1'],
    );
    assert.deepEqual(
      rows.filter((r) => r.fastest).map((r) => r.providerId),
      ['bbb'],
    );
  });
  test('rows for the model-page workload are computed once per model, other workloads every time', () => {
    const m = m1();
    const rows = whereToRun(m);
    assert.equal(whereToRun(m), rows, 'the page, its search entry and the /models/ index share one list');
    assert.deepEqual(whereToRun(m1()), rows, 'another model object with the same data gives equal rows');
    const heavy = { ...MODEL_PAGE_WORKLOAD.workload, requestsPerMonth: MODEL_PAGE_WORKLOAD.workload.requestsPerMonth * 10 };
    const other = whereToRun(m, heavy);
    assert.notEqual(other, rows);
    assert.deepEqual(
      other.map((r) => r.offeringId),
      rows.map((r) => r.offeringId),
    );
  });
  test('ties are all marked cheapest', () => {
    const c = catalogOf({
      providers: [provider({ id: 'p1' }), provider({ id: 'p2' })],
      orgs: [org({ id: 'acme' })],
      models: [model({ id: 'acme/m' })],
      offerings: [offering('p1', 'acme/m'), offering('p2', 'acme/m')],
    });
    assert.equal(whereToRun(c.modelById.get('acme/m')!).filter((r) => r.cheapest).length, 2);
  });
  test('no usage prices: nothing is cheapest and nothing costs $0', () => {
    const c = catalogOf({
      providers: [provider({ id: 'p1' })],
      orgs: [org({ id: 'acme' })],
      models: [model({ id: 'acme/m' })],
      offerings: [
        offering('p1', 'acme/m', { pricing: { billing: 'unpublished', currency: 'USD' } }),
        offering('p1', 'acme/m', { provider_model_id: 'y', pricing: undefined }),
      ],
    });
    const rows = whereToRun(c.modelById.get('acme/m')!);
    assert.deepEqual(
      rows.map((r) => [r.cheapest, r.price.blended, r.monthly.ok]),
      [
        [false, undefined, false],
        [false, undefined, false],
      ],
    );
  });
  test('limits fall back to the model and are marked when lower; regions resolve to names', () => {
    const rows = whereToRun(m1());
    const bbb = rows.find((r) => r.providerModelId === 'acme/m1')!;
    const aaa = rows.find((r) => r.providerId === 'aaa')!;
    assert.deepEqual([bbb.context, bbb.contextLower, bbb.maxOutput, bbb.maxOutputLower], [128_000, true, 64_000, false]);
    assert.deepEqual([aaa.context, aaa.contextLower], [200_000, false]);
    assert.deepEqual(aaa.regions, ['US East', 'mars-1']);
    assert.deepEqual([aaa.providerKind, aaa.providerHq], ['Cloud platform', 'US']);
  });
  test('features are yes / no / unknown', () => {
    const aaa = whereToRun(m1()).find((r) => r.providerId === 'aaa')!;
    assert.deepEqual(aaa.features.map((f) => [f.key, f.value]).slice(0, 4), [
      ['streaming', undefined],
      ['tool_calling', true],
      ['structured_output', undefined],
      ['vision', false],
    ]);
  });
  test('variant name only when it differs from the model; monthly cost per row', () => {
    const rows = whereToRun(m1());
    assert.deepEqual(
      rows.map((r) => r.variant),
      [undefined, undefined, 'M1 (free)', undefined, undefined],
    );
    assert.deepEqual(rows[0]!.monthly.ok && rows[0]!.monthly.totalUsd, 150 * 2 + 30 * 10);
  });
  test('speed = medians of the samples', () => {
    assert.deepEqual(speedOf([sample(50, 400), sample(70, 600), sample(60, 100)]), {
      tokensPerSecond: 60,
      ttftMs: 400,
      samples: 3,
    });
    assert.deepEqual(speedOf([sample(50, 400), sample(70, 600)]), { tokensPerSecond: 60, ttftMs: 500, samples: 2 });
    assert.equal(speedOf([]), undefined);
  });
  test('aliases: the model aliases plus every provider id, once each', () => {
    assert.deepEqual(modelAliases(m1()), ['acme/m1', 'acme/m1:free', 'm1', 'm1-latest', 'm1-old', 'm1-sub']);
  });
  test('providers are counted once however many offerings they have; unlinked offerings never appear', () => {
    assert.equal(providerCount(m1()), 4);
    assert.deepEqual(
      modelProviders(m1()).map((p) => p.id),
      ['aaa', 'bbb', 'ccc', 'ddd'],
    );
    assert.equal(whereToRun(m1()).length, 5);
  });
});

describe('price chart', () => {
  const m1 = () => catalog().modelById.get('acme/m1')!;
  test('price vs speed when two or more priced offerings have samples; retired left out', () => {
    const spec = priceChartSpec('M1', whereToRun(m1()))!;
    assert.equal(spec.kind, 'scatter');
    assert.deepEqual(spec.points, [
      { label: 'Bbb', x: 200, y: 4 },
      { label: 'Aaa', x: 60, y: 6 },
    ]);
  });
  test('bars of input and output per provider without samples; labels tell apart two offerings of one provider', () => {
    const rows = whereToRun(m1()).map((r) => ({ ...r, speed: undefined }));
    rows.push({ ...rows[0]!, providerModelId: 'acme/m1-fast', variant: undefined });
    const spec = priceChartSpec('M1', rows)!;
    assert.equal(spec.kind, 'bar');
    assert.deepEqual(spec.labels, ['Bbb (acme/m1)', 'Aaa', 'Bbb (acme/m1-fast)']);
    assert.deepEqual(
      [spec.input, spec.output],
      [
        [2, 3, 2],
        [10, 15, 10],
      ],
    );
    assert.equal(spec.log, false);
  });
  test('no chart with fewer than two priced offerings', () => {
    assert.equal(priceChartSpec('M1', whereToRun(m1()).slice(0, 1)), undefined);
  });
  test('log scale when prices span 20× or more', () => {
    assert.equal(spansOrders([0.1, 1.9]), false);
    assert.equal(spansOrders([0.1, 2]), true);
    assert.equal(spansOrders([0, 5]), false);
  });
});

describe('cell text', () => {
  test('a price, else the billing label on the main meters, else a dash; never $0 for non-usage billing', () => {
    assert.deepEqual(priceText({ billing: 'usage' }, 0.075), { text: '$0.075', known: true });
    assert.deepEqual(priceText({ billing: 'usage' }, undefined), { text: '—', known: false });
    assert.deepEqual(priceText({ billing: 'subscription' }, undefined, true), { text: 'Subscription', known: false });
    assert.deepEqual(priceText({ billing: 'self_hosted' }, undefined, true), { text: 'Self-hosted', known: false });
  });
  test('monthly cost: the total, "Free", the billing label or the reason', () => {
    assert.deepEqual(monthlyText({ billing: 'usage' }, monthlyCost(usage({ input: 3, output: 15 }))), {
      text: '$900.00',
      known: true,
    });
    assert.deepEqual(monthlyText({ billing: 'free' }, monthlyCost({ billing: 'free', currency: 'USD' })), {
      text: 'Free',
      known: true,
    });
    assert.deepEqual(monthlyText({ billing: 'subscription' }, monthlyCost({ billing: 'subscription', currency: 'USD' })), {
      text: 'Subscription',
      known: false,
    });
    assert.equal(monthlyText({ billing: 'usage' }, monthlyCost(usage({ output: undefined }))).known, false);
  });
});

describe('model facts', () => {
  test('status notice only for deprecated and retired models, with dates', () => {
    const iso = (s: string) => s;
    assert.equal(statusNotice({ status: 'active' }, iso), undefined);
    assert.equal(statusNotice({ status: 'deprecated' }, iso), 'This model is deprecated.');
    assert.equal(
      statusNotice({ status: 'deprecated', deprecation_date: '2025-10-28', retirement_date: '2026-02-19' }, iso),
      'This model is deprecated: deprecated on 2025-10-28, retires on 2026-02-19.',
    );
    assert.equal(
      statusNotice({ status: 'retired', retirement_date: '2026-02-19' }, iso),
      'This model is retired: retired on 2026-02-19.',
    );
  });
  test('capabilities: every one, unknown when absent', () => {
    const caps = modelCapabilities({ capabilities: { reasoning: true, vision: false } });
    assert.deepEqual(
      caps.slice(0, 4).map((c) => c.value),
      [true, undefined, undefined, false],
    );
    assert.equal(caps.length, 7);
  });
  test('successor resolves in the catalog when it can', () => {
    const m = new Map([['a/new', { id: 'a/new', name: 'New' }]]);
    assert.deepEqual(successorOf({ successor: 'a/new' }, m), { id: 'a/new', model: { id: 'a/new', name: 'New' } });
    assert.deepEqual(successorOf({ successor: 'a/gone' }, m), { id: 'a/gone', model: undefined });
    assert.equal(successorOf({}, m), undefined);
  });
});

describe('dated prices and provenance in the linked catalog', () => {
  test('rows show the price in force on the data date, the announced change and the provenance', () => {
    const history = [
      { effective_from: '2026-07-02', input: 3, output: 15 },
      { effective_from: '2026-09-01', input: 2, output: 12 },
      { effective_from: '2027-01-15', input: 1, output: 10 },
    ];
    const observations = [
      { source: 'models-dev' as const, as_of: '2026-07-02', pricing: { input: 3, output: 15 } },
      { source: 'litellm' as const, as_of: '2026-07-24', pricing: { input: 3, output: 15 } },
    ];
    const c = catalogOf({
      providers: [provider({ id: 'p', last_verified: '2026-12-02' })],
      models: [model({ id: 'o/m' })],
      orgs: [org({ id: 'o' })],
      offerings: [
        offering('p', 'o/m', {
          pricing: { billing: 'usage', currency: 'USD', input: 3, output: 15 },
          price_history: history,
          last_verified: '2026-07-02',
          observations,
        }),
      ],
    });
    assert.equal(c.date, '2026-12-02');
    const [row] = whereToRun(c.modelById.get('o/m')!);
    // Read on 2026-07-02; the 2026-09-01 change is in force on the data date; 2027-01-15 is announced.
    assert.deepEqual([row!.price.input, row!.price.output], [history[1]!.input, history[1]!.output]);
    assert.deepEqual(row!.scheduled, [
      { from: history[2]!.effective_from, input: history[2]!.input, output: history[2]!.output },
    ]);
    // The sources stated the July price: the price in force is not confirmed by them.
    assert.equal(row!.provenance!.status, 'disagree');
    assert.ok(row!.provenance!.meters.every((m) => m.sources.length === 0 && m.disagree.length === 2));
  });
});
