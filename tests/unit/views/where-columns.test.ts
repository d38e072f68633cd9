/** The column choice of a model page's "where to run it" table and its `cols` URL parameter. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_WHERE_COLUMNS,
  WHERE_COLUMNS,
  featureMark,
  parseWhereColumns,
  whereColumnsParam,
} from '../../../src/views/model/where-columns.ts';

test('no cols parameter: price, monthly cost, context, max output, features', () => {
  assert.deepEqual(parseWhereColumns(null), ['price', 'monthly', 'context', 'maxout', 'features']);
  assert.deepEqual(DEFAULT_WHERE_COLUMNS, parseWhereColumns(null));
});

test('cols keeps known names in table order; empty shows none', () => {
  assert.deepEqual(parseWhereColumns('regions, price,bogus'), ['price', 'regions']);
  assert.deepEqual(parseWhereColumns(''), []);
});

test('the parameter round-trips, and the default leaves it out', () => {
  assert.equal(whereColumnsParam([...DEFAULT_WHERE_COLUMNS].reverse()), null);
  for (const cols of [['speed', 'price'], [], WHERE_COLUMNS.map((c) => c.key)]) {
    const value = whereColumnsParam(cols);
    assert.notEqual(value, null);
    assert.deepEqual(parseWhereColumns(value).slice().sort(), cols.slice().sort());
  }
});

test('feature marks carry a text alternative', () => {
  assert.deepEqual(
    [true, false, undefined].map((v) => featureMark(v)),
    [
      { mark: '✓', text: 'yes', cls: 'yes' },
      { mark: '✗', text: 'no', cls: 'no' },
      { mark: '?', text: 'unknown', cls: 'na' },
    ],
  );
});
