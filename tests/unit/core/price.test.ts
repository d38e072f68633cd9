import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blendedPrice, inUnit, priceRange, toUsd, usagePrice } from '../../../src/core/price.ts';
import { cheapest } from '../../../src/core/catalog-stats.ts';

const offering = (pricing: Record<string, unknown> = {}) => ({ pricing: { billing: 'usage', input: 3, output: 15, ...pricing } });

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
test('non-USD prices convert at the record’s rate', () => {
  assert.equal(toUsd(10, { currency: 'EUR', usd_rate: { usd_per_unit: 1.1 } }), 11);
  assert.equal(toUsd(10, { currency: 'USD' }), 10);
});
test('usage price: only for usage billing', () => {
  assert.equal(usagePrice(offering(), 'input'), 3);
  assert.equal(usagePrice(offering({ billing: 'free' }), 'input'), undefined);
  assert.equal(usagePrice({}, 'output'), undefined);
});
test('price range over usage offerings, free and unpublished ignored', () => {
  const list = [offering(), offering({ input: 0.5, output: 2 }), offering({ billing: 'free', input: undefined, output: undefined }), {}];
  assert.deepEqual(priceRange(list, 'input'), { min: 0.5, max: 3 });
  assert.deepEqual(priceRange(list, 'output'), { min: 2, max: 15 });
  assert.equal(priceRange([{}], 'input'), undefined);
});
test('cheapest converts currency and skips non-usage', () => {
  const list = [offering({ input: 1 }), offering({ input: 0.5, currency: 'EUR', usd_rate: { usd_per_unit: 1.2 } }), offering({ billing: 'free', input: 0 })];
  assert.equal(cheapest(list, 'input'), 0.6);
});
test('no floating-point noise in blended or per-1K figures', () => {
  assert.equal(blendedPrice(0.1, 0.3), 0.15);
  assert.equal(inUnit(1.1, '1k'), 0.0011);
});
