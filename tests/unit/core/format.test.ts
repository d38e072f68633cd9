import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  countryName,
  formatCount,
  formatCountOf,
  formatDate,
  formatPercent,
  formatTokens,
  formatUsd,
  formatUsdAxis,
} from '../../../src/core/format.ts';

test('formatUsd: two decimals from $1 up, with thousands separators', () => {
  assert.equal(formatUsd(3), '$3.00');
  assert.equal(formatUsd(15), '$15.00');
  assert.equal(formatUsd(1234.5), '$1,234.50');
  assert.equal(formatUsd(1_000_000), '$1,000,000.00');
});
test('formatUsd: small prices keep their significant digits, trailing zeros trimmed to two places', () => {
  assert.equal(formatUsd(0.075), '$0.075');
  assert.equal(formatUsd(0.5), '$0.50');
  assert.equal(formatUsd(0.15), '$0.15');
  assert.equal(formatUsd(0.00012), '$0.00012');
  assert.equal(formatUsd(0.123456), '$0.123');
});
test('formatUsd: zero, negative and non-finite', () => {
  assert.equal(formatUsd(0), '$0');
  assert.equal(formatUsd(-2.5), '-$2.50');
  assert.equal(formatUsd(Number.NaN), '—');
  assert.equal(formatUsd(Number.POSITIVE_INFINITY), '—');
});
test('formatUsdAxis: three significant digits, whole dollars from $1,000', () => {
  assert.equal(formatUsdAxis(0.123456), '$0.123');
  assert.equal(formatUsdAxis(12.345), '$12.3');
  assert.equal(formatUsdAxis(1234.5), '$1,235');
});
test('formatTokens: K and M with one decimal at most', () => {
  assert.equal(formatTokens(999), '999');
  assert.equal(formatTokens(1000), '1K');
  assert.equal(formatTokens(1500), '1.5K');
  assert.equal(formatTokens(32768), '32.8K');
  assert.equal(formatTokens(128000), '128K');
  assert.equal(formatTokens(131072), '131K');
  assert.equal(formatTokens(1_048_576), '1M');
  assert.equal(formatTokens(2_000_000), '2M');
  assert.equal(formatTokens(Number.NaN), '—');
});
test('formatCount groups thousands and drops fractions', () => {
  assert.equal(formatCount(5276), '5,276');
  assert.equal(formatCount(12), '12');
  assert.equal(formatCount(1234567.9), '1,234,567');
  assert.equal(formatCount(-4500), '-4,500');
});
test('formatDate: day month year, or month year', () => {
  assert.equal(formatDate('2025-09-29'), '29 Sep 2025');
  assert.equal(formatDate('2025-01-05'), '5 Jan 2025');
  assert.equal(formatDate('2024-12'), 'Dec 2024');
});
test('countryName: English names, "Not published" when absent', () => {
  assert.equal(countryName('US'), 'United States');
  assert.equal(countryName('FR'), 'France');
  assert.equal(countryName(undefined), 'Not published');
});
test('formatPercent without float noise', () => {
  assert.equal(formatPercent(0.055), '5.5%');
  assert.equal(formatPercent(0.5), '50%');
  assert.equal(formatPercent(0.07), '7%');
});

test('formatCountOf: a count with its noun, singular only for exactly one', () => {
  assert.equal(formatCountOf(1, 'offering'), '1 offering');
  assert.equal(formatCountOf(0, 'offering'), '0 offerings');
  assert.equal(formatCountOf(1204, 'model offering'), '1,204 model offerings');
  assert.equal(formatCountOf(2, 'child', 'children'), '2 children');
});
