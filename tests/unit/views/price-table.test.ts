import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellText, columnLabel, freeTierText, priceCsv, priceTable } from '../../../src/views/provider/price-table.ts';
import { withPrice } from '../../support/priced.ts';
import { announcedList, sourceEntries, sourcesAnchor, unobservedNote } from '../../../src/views/provider/price-sources.ts';
import { formatDate, formatUsd } from '../../../src/core/format.ts';
import { DATA_SOURCE_URL } from '../../../src/core/vocab.ts';

let n = 0;
const offering = (over: Record<string, unknown> = {}, pricing: Record<string, unknown> | null = {}) =>
  withPrice({
    id: `acme/acme/m${++n}`,
    provider: 'acme',
    name: `Model ${String(n).padStart(3, '0')}`,
    provider_model_id: `m-${n}`,
    status: 'active' as const,
    pricing: pricing === null ? undefined : { billing: 'usage' as const, currency: 'USD', input: 3, output: 15, ...pricing },
    ...over,
  });
const keys = (t: ReturnType<typeof priceTable>) => t.columns.map((c) => c.key);

test('only meters the provider uses get a column; blended follows output', () => {
  const t = priceTable([offering({}, { cache_read: 0.3 }), offering()]);
  assert.deepEqual(keys(t), ['input', 'output', 'blended', 'cache_read']);
  assert.deepEqual(t.rows[0]!.cells[2], { usd: 6 });
  assert.deepEqual(t.rows[1]!.cells[3], { na: 'not published' });
});
test('cache writes split by TTL; variants get their own columns; discounts derive prices', () => {
  const t = priceTable([
    offering(
      {},
      {
        cache_write: 3.75,
        cache_write_ttl: '5m',
        cache_write_1h: 6,
        batch: { discount: 0.5 },
        priority: { input: 6 },
        modes: { fast: { output: 30 } },
      },
    ),
  ]);
  assert.deepEqual(keys(t), [
    'input',
    'output',
    'blended',
    'cache_write_5m',
    'cache_write_1h',
    'batch:input',
    'batch:output',
    'batch:cache_write_5m',
    'batch:cache_write_1h',
    'priority:input',
    'fast:output',
  ]);
  assert.equal(t.columns[3]!.label, 'Cache write (5m)');
  assert.equal(t.columns[5]!.label, 'Batch input');
  assert.deepEqual(t.rows[0]!.cells[5], { usd: 1.5 });
});
test('non-usage billing shows its label, never $0', () => {
  const t = priceTable([offering(), offering({}, { billing: 'free', input: undefined, output: undefined }), offering({}, null)]);
  const texts = t.rows.map((r) => r.cells.map((c, i) => cellText(c, t.columns[i]!.tok, '1m')));
  assert.deepEqual(texts, [
    ['$3.00', '$15.00', '$6.00'],
    ['free', 'free', 'free'],
    ['not published', 'not published', 'not published'],
  ]);
});
test('context tiers read "above N tokens: …" and follow the unit', () => {
  const t = priceTable([
    offering(
      {},
      {
        tiers: [{ above_tokens: 200000, input: 6, output: 22.5 }],
        batch: { input: 1.5, output: 7.5, tiers: [{ above_tokens: 200000, input: 3 }] },
      },
    ),
  ]);
  const i = keys(t).indexOf('tiers');
  assert.equal(
    cellText(t.rows[0]!.cells[i]!, true, '1m'),
    'above 200K tokens: input $6.00, output $22.50; batch above 200K tokens: input $3.00',
  );
  assert.equal(
    cellText(t.rows[0]!.cells[i]!, true, '1k'),
    'above 200K tokens: input $0.006, output $0.0225; batch above 200K tokens: input $0.003',
  );
  assert.equal(columnLabel(t.columns[i]!, '1k'), 'Context tiers / 1K');
});
test('unit meters do not follow the per-1K toggle', () => {
  const t = priceTable([offering({}, { per_image: 0.04 })]);
  const c = t.columns.find((x) => x.key === 'per_image')!;
  assert.equal(c.tok, false);
  assert.equal(columnLabel(c, '1k'), 'Per image');
  assert.equal(cellText({ usd: 0.04 }, c.tok, '1k'), '$0.04');
});
test('free tier column', () => {
  assert.equal(
    freeTierText({ description: 'Low limits', requests_per_minute: 20, requests_per_day: 50 }),
    'Low limits (20 RPM, 50 RPD)',
  );
  const t = priceTable([
    offering({}, { billing: 'free', input: undefined, output: undefined, free_tier: { requests_per_minute: 20 } }),
    offering(),
  ]);
  assert.deepEqual(
    t.rows.map((r) => cellText(r.cells.at(-1)!, false, '1m')),
    ['20 RPM', 'none'],
  );
});
test('non-USD prices are converted and flagged', () => {
  const t = priceTable([offering({}, { currency: 'EUR', usd_rate: { usd_per_unit: 2, as_of: '2026-01-01' } })]);
  assert.equal(t.converted, true);
  assert.deepEqual(t.rows[0]!.cells[0], { usd: 6 });
});
test('a non-USD price without a USD rate is not shown as USD: its cells say so', () => {
  const t = priceTable([offering({}, { currency: 'EUR' }), offering()]);
  assert.equal(t.converted, false);
  const [eur, usd] = t.rows; // rows sort by name, and the factory names them in creation order
  assert.equal(
    usd!.cells.some((c) => 'usd' in c),
    true,
  );
  assert.deepEqual(
    eur!.cells.map((c) => cellText(c, true, '1m')),
    t.columns.map(() => 'no USD rate'),
  );
});
test('CSV holds the same header and cells as the table, in each unit', () => {
  const t = priceTable([offering({ name: '=evil', provider_model_id: 'x' })]);
  assert.equal(priceCsv(t, '1m'), "Model,API model id,Input / 1M,Output / 1M,Blended / 1M\r\n'=evil,x,$3.00,$15.00,$6.00\r\n");
  assert.equal(priceCsv(t, '1k'), "Model,API model id,Input / 1K,Output / 1K,Blended / 1K\r\n'=evil,x,$0.003,$0.015,$0.006\r\n");
});
test('rows sort by name; unlinked offerings show their own name', () => {
  const t = priceTable([offering({ name: 'b' }), offering({ name: undefined, modelRecord: { name: 'A' } })]);
  assert.deepEqual(
    t.rows.map((r) => r.name),
    ['A', 'b'],
  );
});

test('sources column: only when an offering has observations; its mark, its link and the CSV text', () => {
  const plain = priceTable([offering(), offering()]);
  assert.equal(plain.sourced, false);
  assert.equal(keys(plain).includes('sources'), false);
  const seen = offering({
    observations: [
      { source: 'models-dev', as_of: '2026-07-02', pricing: { input: 3, output: 15 } },
      { source: 'litellm', as_of: '2026-07-24', pricing: { input: 3, output: 15 } },
    ],
  });
  const other = offering();
  const t = priceTable([seen, other]);
  assert.equal(t.sourced, true);
  assert.deepEqual(keys(t), ['input', 'output', 'blended', 'sources']);
  const cellOf = (id: string) => t.rows.find((r) => r.id === id)!.cells[keys(t).indexOf('sources')]!;
  assert.deepEqual(cellOf(seen.id), { mark: seen.provenance.mark, href: `#${sourcesAnchor(seen.id)}` });
  assert.deepEqual(cellOf(other.id), { mark: other.provenance.mark, href: '#sources' });
  assert.equal(cellText(cellOf(seen.id), false, '1m'), seen.provenance.mark);
  assert.ok(priceCsv(t, '1m').split('\n')[0]!.includes('Sources'));
});

test('sources note: one entry per observed offering, each source with its value, date and https link', () => {
  const page = 'https://acme.example/pricing';
  const o = offering({
    observations: [
      { source: 'provider', as_of: '2026-12-02', url: page, pricing: { input: 3, output: 15 } },
      { source: 'litellm', as_of: '2026-07-24', pricing: { input: 2.5 } },
    ],
  });
  const rows = priceTable([o, offering()]).rows;
  const [entry, ...rest] = sourceEntries(rows);
  assert.equal(rest.length, 0);
  assert.equal(entry!.anchor, sourcesAnchor(o.id));
  assert.equal(entry!.summary, o.provenance.summary);
  assert.deepEqual(
    entry!.lines.map((l) => [
      l.price,
      l.agree.map((s) => [s.label, s.href, s.date]),
      l.differ.map((s) => [s.label, s.text, s.href]),
    ]),
    o.provenance.meters.map((m) => [
      `${m.label} ${m.text}`,
      m.values.filter((v) => v.agrees).map((v) => [v.label, page, formatDate(v.as_of)]),
      m.values.filter((v) => !v.agrees).map((v) => [v.label, v.text, DATA_SOURCE_URL.litellm]),
    ]),
  );
  assert.match(unobservedNote(rows, true)!, /^1 offering has no cross-checked source yet.*\(marked “1 source”\)\.$/);
  assert.equal(unobservedNote([rows.find((r) => r.id === o.id)!], true), undefined);
});

test('announced prices: listed under the table with their date, the table shows the price in force', () => {
  const o = withPrice(
    {
      id: 'acme/acme/dated',
      provider: 'acme',
      name: 'Dated',
      provider_model_id: 'dated',
      status: 'active' as const,
      pricing: { billing: 'usage' as const, currency: 'USD', input: 3, output: 15 },
      price_history: [
        { effective_from: '2026-07-02', input: 3, output: 15 },
        { effective_from: '2027-01-15', input: 1, output: 10 },
      ],
      last_verified: '2026-07-02',
    },
    '2026-12-02',
  );
  const t = priceTable([o]);
  assert.deepEqual(t.rows[0]!.cells[0], { usd: o.pricing.input });
  assert.deepEqual(announcedList(t.rows), [
    {
      name: 'Dated',
      providerModelId: 'dated',
      text: `From ${formatDate('2027-01-15')}: ${formatUsd(1)} / ${formatUsd(10)} per 1M (announced)`,
    },
  ]);
});

test('sources anchors are valid ids (letters, digits, - and _), one per offering id', () => {
  const ids = ['a/b/c.1', 'a/b.c/1', 'a.b/c/1', 'openai/openai/gpt-4o--gpt-4o-2024-08-06'];
  const anchors = ids.map(sourcesAnchor);
  for (const a of anchors) assert.match(a, /^[A-Za-z0-9_-]+$/);
  assert.equal(new Set(anchors).size, ids.length);
});
