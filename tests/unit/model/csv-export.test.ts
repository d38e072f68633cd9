import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CSV_COLUMNS, offeringsCsvRows } from '../../../src/model/api-export.ts';
import { toCsv } from '../../../src/core/csv.ts';
import { parseCsv } from '../../support/csv-export-parse.ts';
import { withPrice } from '../../support/priced.ts';

const offering = (over = {}) =>
  withPrice({
    id: 'acme/x/m',
    provider: 'acme',
    model: 'x/m',
    provider_model_id: 'm',
    status: 'active' as const,
    pricing: { billing: 'usage' as const, currency: 'USD', input: 0.5, output: 1.5 },
    ...over,
  });

test('offerings CSV: header, one row per offering, USD prices, empty when unknown', () => {
  const rows = parseCsv(
    toCsv(
      offeringsCsvRows([offering(), offering({ id: 'b', pricing: undefined, model: undefined, name: 'Unlinked, "quoted"' })]),
    ),
  );
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length, 3);
  assert.equal(rows[1]![CSV_COLUMNS.indexOf('input_usd_per_1m')], '0.5');
  assert.equal(rows[2]![CSV_COLUMNS.indexOf('name')], 'Unlinked, "quoted"');
  assert.equal(rows[2]![CSV_COLUMNS.indexOf('input_usd_per_1m')], '');
  for (const r of rows) assert.equal(r.length, CSV_COLUMNS.length);
});

test('offerings CSV: cells starting with = + - @ are neutralised', () => {
  const text = toCsv(
    offeringsCsvRows([
      offering({ provider_model_id: '=HYPERLINK("http://evil")', name: '+1', notes: 'x' }),
      offering({ provider_model_id: '@SUM(A1)', name: '-2' }),
    ]),
  );
  const rows = parseCsv(text);
  for (const r of rows.slice(1)) for (const cell of r) assert.doesNotMatch(cell, /^[=+\-@]/, cell);
  assert.equal(rows[1]![CSV_COLUMNS.indexOf('provider_model_id')], `'=HYPERLINK("http://evil")`);
  assert.ok(text.endsWith('\r\n'));
});

test('offerings CSV: the sources of the headline prices and whether both are confirmed', () => {
  const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
  const obs = (source: 'models-dev' | 'litellm', input: number) => ({
    source,
    as_of: '2026-07-24',
    pricing: { input, output: 1.5 },
  });
  const rows = offeringsCsvRows([
    offering({ observations: [obs('models-dev', 0.5), obs('litellm', 0.5)] }),
    offering({ id: 'b', observations: [obs('models-dev', 0.5), obs('litellm', 0.4)] }),
    offering({ id: 'c' }),
  ]);
  assert.deepEqual(
    rows.slice(1).map((r) => [r[col('price_sources')], r[col('price_confirmed')]]),
    [
      ['litellm;models-dev', 'yes'],
      ['models-dev;litellm', 'no'],
      ['', ''],
    ],
  );
});
