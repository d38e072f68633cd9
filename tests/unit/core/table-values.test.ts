import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnKey, parseUsd, showsExactly, sortValue } from '../../../src/core/table-values.ts';

test('parseUsd reads formatted prices only', () => {
  assert.equal(parseUsd('$3.00'), 3);
  assert.equal(parseUsd('$1,234.50'), 1234.5);
  assert.equal(parseUsd('$0.00015'), 0.00015);
  assert.equal(parseUsd('not published'), undefined);
  assert.equal(parseUsd('3'), undefined);
});
test('showsExactly tells when a cell needs data-v', () => {
  assert.equal(showsExactly(0.15), true);
  assert.equal(showsExactly(3), true);
  assert.equal(showsExactly(1.875), false);
});
test('sortValue: numbers, prices, K/M suffixes, text', () => {
  assert.equal(sortValue('$0.15'), 0.15);
  assert.equal(sortValue('128K'), 128_000);
  assert.equal(sortValue('1.5M'), 1_500_000);
  assert.equal(sortValue('1,024'), 1024);
  assert.equal(sortValue('Not published'), 'not published');
  assert.equal(sortValue('$1.88', '1.875'), 1.875);
});
test('columnKey slugs header text', () => assert.equal(columnKey('Cheapest input / 1M'), 'cheapest-input-1m'));
