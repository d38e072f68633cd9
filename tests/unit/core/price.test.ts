import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  blendedPrice,
  denoise,
  inUnit,
  priceRange,
  priceView,
  pricingInForce,
  usagePrice,
  usdPerUnit,
  type PricePointIn,
  type PricingIn,
} from '../../../src/core/price.ts';
import { cheapest } from '../../../src/core/catalog-stats.ts';
import { priceWorkload } from '../../../src/core/cost.ts';
import { DEFAULT_WORKLOAD } from '../../../src/core/workload.ts';

const pricing = (over: Partial<PricingIn> = {}): PricingIn => ({ billing: 'usage', input: 3, output: 15, ...over });
/** An offering as the catalog links it: with the view of its pricing. */
const offering = (over: Partial<PricingIn> | null = {}) => ({ price: priceView(over === null ? undefined : pricing(over)) });
const EUR = { currency: 'EUR', usd_rate: { usd_per_unit: 1.2, as_of: '2026-01-01' } };

test('blended price is (3 × input + output) / 4', () => {
  assert.equal(blendedPrice(3, 15), 6);
  assert.equal(blendedPrice(0.15, 0.6), 0.2625);
  assert.equal(blendedPrice(0, 0), 0);
});
test('blended price needs both prices', () => {
  assert.equal(blendedPrice(undefined, 15), undefined);
  assert.equal(blendedPrice(3, undefined), undefined);
});
test('per-1M → per-1K divides by 1,000; per-1M stays', () => {
  assert.equal(inUnit(3, '1k'), 0.003);
  assert.equal(inUnit(3, '1m'), 3);
});

test('price view: USD prices as listed, every meter, blended for usage billing', () => {
  const p = pricing({ cache_read: 0.3, per_image: 0.04, cache_storage_per_hour: 4.5 });
  const v = priceView(p);
  assert.deepEqual(v.usd, { input: p.input, output: p.output, cache_read: p.cache_read, per_image: p.per_image });
  assert.equal(v.cacheStoragePerHour, p.cache_storage_per_hour);
  assert.equal(v.blended, blendedPrice(p.input, p.output));
  assert.equal(v.convertedFrom, undefined);
  assert.equal(v.noRate, false);
});
test('price view: non-USD prices convert at the record’s rate, tiers, variants and history too', () => {
  const rate = EUR.usd_rate.usd_per_unit;
  const v = priceView(
    pricing({
      ...EUR,
      input: 10,
      output: 20,
      per_request: 0.5,
      tiers: [{ above_tokens: 1000, input: 20 }],
      batch: { discount: 0.5 },
      modes: { fast: { input: 30 } },
    }),
    [{ effective_from: '2026-01-01', input: 5 }],
  );
  assert.deepEqual(v.usd, { input: 10 * rate, output: 20 * rate, per_request: 0.5 * rate });
  assert.equal(v.convertedFrom, 'EUR');
  assert.deepEqual(v.tiers, [{ aboveTokens: 1000, usd: { input: 20 * rate } }]);
  assert.deepEqual(
    v.variants.map((x) => [x.name, x.fixed, x.usd.input]),
    [
      ['batch', true, 10 * 0.5 * rate],
      ['fast', false, 30 * rate],
    ],
  );
  assert.deepEqual(v.history, [{ from: '2026-01-01', usd: { input: 5 * rate }, announced: false }]);
  assert.equal(v.pricing?.currency, 'USD');
  assert.equal(v.pricing?.input, 10 * rate);
  assert.equal(v.pricing?.tiers?.[0]?.input, 20 * rate);
  assert.equal(v.pricing?.batch?.discount, 0.5);
});
test('price view: variants in order batch, flex, priority, then modes by name', () => {
  const v = priceView(
    pricing({ modes: { zeta: { input: 1 }, alpha: { input: 2 } }, priority: { input: 6 }, batch: { input: 1.5 } }),
  );
  assert.deepEqual(
    v.variants.map((x) => x.name),
    ['batch', 'priority', 'alpha', 'zeta'],
  );
});
test('price view: the USD record for the cost engine keeps the record’s field order', () => {
  const p = pricing({ currency: 'USD', cache_read: 0.3, notes: 'n' } as Partial<PricingIn>);
  assert.deepEqual(Object.keys(priceView(p).pricing!), Object.keys(p));
});
test('price view without pricing: unpublished, no price', () => {
  const v = priceView(undefined);
  assert.equal(v.billing, 'unpublished');
  assert.deepEqual([v.usd, v.blended, v.pricing], [{}, undefined, undefined]);
});

// The two conversions disagreed: `toUsd` (tables, charts, feeds, the API) took a non-USD price
// without a rate as USD as-is; the cost engine refused it ("no USD exchange rate"). A missing
// rate is not a guess: the price is unknown everywhere.
test('missing rate: the price is unknown, never the listed figure taken as USD', () => {
  const noRate = pricing({ currency: 'EUR', input: 10, output: 20, tiers: [{ above_tokens: 1000, input: 20 }] });
  assert.equal(usdPerUnit(noRate), undefined);
  const v = priceView(noRate, [{ input: 5 }]);
  assert.equal(v.noRate, true);
  assert.deepEqual([v.usd, v.blended, v.tiers, v.history, v.pricing], [{}, undefined, [], [], undefined]);
  assert.equal(usagePrice({ price: v }, 'input'), undefined);
  assert.equal(cheapest([{ price: v }, offering({ input: 7 })], 'input'), 7);
  const cost = priceWorkload(noRate as Parameters<typeof priceWorkload>[0], DEFAULT_WORKLOAD);
  assert.equal(cost.ok, false);
  assert.deepEqual(cost.ok ? [] : cost.missing, ['usd_rate']);
});
test('rate rule: USD (or no currency) is 1, else the record’s rate', () => {
  assert.equal(usdPerUnit({}), 1);
  assert.equal(usdPerUnit({ currency: 'USD' }), 1);
  assert.equal(usdPerUnit(EUR), EUR.usd_rate.usd_per_unit);
});

test('usage price: only for usage billing', () => {
  assert.equal(usagePrice(offering(), 'input'), pricing().input);
  assert.equal(usagePrice(offering({ billing: 'free' }), 'input'), undefined);
  assert.equal(usagePrice(offering(null), 'output'), undefined);
});
test('price range over usage offerings, free and unpublished ignored', () => {
  const list = [
    offering(),
    offering({ input: 0.5, output: 2 }),
    offering({ billing: 'free', input: undefined, output: undefined }),
    offering(null),
  ];
  assert.deepEqual(priceRange(list, 'input'), { min: 0.5, max: 3 });
  assert.deepEqual(priceRange(list, 'output'), { min: 2, max: 15 });
  assert.equal(priceRange([offering(null)], 'input'), undefined);
});
test('cheapest reads converted prices and skips non-usage', () => {
  const list = [offering({ input: 1 }), offering({ input: 0.5, ...EUR }), offering({ billing: 'free', input: 0 })];
  assert.equal(cheapest(list, 'input'), 0.5 * EUR.usd_rate.usd_per_unit);
});
test('no floating-point noise in blended or per-1K figures', () => {
  assert.equal(blendedPrice(0.1, 0.3), 0.15);
  assert.equal(inUnit(1.1, '1k'), 0.0011);
});

describe('dated prices: the price in force on the data date', () => {
  // pricing read on 2026-07-02: 3 / 15; history: the previous price, that one, then later changes.
  const read = '2026-07-02';
  const history: PricePointIn[] = [
    { effective_from: '2026-01-01', input: 5, output: 15 },
    { effective_from: read, input: 3, output: 15 },
    { effective_from: '2026-09-01', input: 2, output: 12 },
    { effective_from: '2027-01-15', input: 1, output: 10 },
  ];
  const p = pricing({ cache_read: 0.3 });
  test('an entry after the data date is scheduled, never in force', () => {
    const v = priceView(p, history.slice(0, 2).concat(history[3]!), { asOf: '2026-12-02', pricedOn: read });
    assert.equal(v.usd.input, p.input);
    assert.equal(v.since, undefined);
    assert.deepEqual(
      v.scheduled.map((s) => [s.from, s.usd.input, s.usd.output]),
      [[history[3]!.effective_from, history[3]!.input, history[3]!.output]],
    );
    assert.deepEqual(
      v.history.map((h) => h.announced),
      [false, false, true],
    );
  });
  test('an entry dated on or before the data date and after the record was read replaces its meters', () => {
    const v = priceView(p, history, { asOf: '2026-12-02', pricedOn: read });
    const changed = history[2]!;
    assert.deepEqual([v.usd.input, v.usd.output, v.usd.cache_read], [changed.input, changed.output, p.cache_read]);
    assert.equal(v.blended, blendedPrice(changed.input, changed.output));
    assert.equal(v.pricing?.input, changed.input);
    assert.equal(v.since, changed.effective_from);
    assert.deepEqual(
      v.scheduled.map((s) => s.from),
      [history[3]!.effective_from],
    );
  });
  test('the record stays in force when the newest past entry is not newer than its reading, or dates are unknown', () => {
    assert.equal(priceView(p, history, { asOf: '2026-12-02', pricedOn: '2026-10-01' }).usd.input, p.input);
    assert.equal(priceView(p, history, { asOf: '2026-12-02' }).usd.input, p.input);
    assert.equal(priceView(p, history).usd.input, p.input);
    assert.deepEqual(priceView(p, history).scheduled, []);
    // A change that takes effect on the data date itself is in force.
    assert.equal(pricingInForce(p, history, { asOf: '2026-09-01', pricedOn: read }).since, '2026-09-01');
  });
  test('only usage billing takes a dated price', () => {
    const free = pricing({ billing: 'free', input: undefined, output: undefined });
    assert.equal(pricingInForce(free, history, { asOf: '2026-12-02', pricedOn: read }).pricing, free);
  });
  test('non-USD records: scheduled prices convert at the record rate', () => {
    const v = priceView(pricing(EUR), history, { asOf: '2026-06-01', pricedOn: '2026-05-01' });
    assert.equal(v.scheduled[0]!.usd.input, denoise(history[1]!.input! * EUR.usd_rate.usd_per_unit));
  });
});
