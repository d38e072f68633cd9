import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blendedPrice, inUnit, priceRange, priceView, usagePrice, usdPerUnit, type PricingIn } from '../../../src/core/price.ts';
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
  assert.deepEqual(v.history, [{ from: '2026-01-01', usd: { input: 5 * rate } }]);
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
