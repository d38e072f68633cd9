/** Comparisons: items, the table with the better value marked, URL selection and the popular set. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareTable,
  comparePool,
  featuredProviderSets,
  modelItem,
  offeringItem,
  parseSelection,
  pickItems,
  popularComparisons,
  providerItem,
} from '../../../src/views/compare/items.ts';
import { compareSelectionHref as selectionHref } from '../../../src/core/urls.ts';
import {
  columnSlots,
  compareCellSlots,
  compareRowSlots,
  compareView,
  perfSlots,
  workloadLabel,
} from '../../../src/views/compare/view.ts';
import { DEFAULT_WORKLOAD } from '../../../src/core/workload.ts';
import type { PerformanceSample } from '../../../src/model/schema.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';

const sample = (region: string, ttft: number, tps: number, over: Partial<PerformanceSample> = {}): PerformanceSample => ({
  region,
  ttft_ms: { p50: ttft },
  output_tokens_per_second: { p50: tps },
  measured_at: '2026-01-01',
  method: 'probe v1',
  ...over,
});

const cat = () =>
  catalogOf({
    providers: [
      provider({
        id: 'fast',
        name: 'Fast',
        headquarters: 'US',
        compliance: ['soc2-type2'],
        data_policy: { retention_days: 30 },
        regions: [{ id: 'us-east', name: 'US East', country: 'US' }],
      }),
      provider({
        id: 'slow',
        name: 'Slow',
        kind: 'cloud',
        data_policy: { retention_days: 0, zero_data_retention: true },
        rate_limits: [{ tier: 'Free', rpm: 60, tpm: 100000 }],
      }),
      provider({ id: 'solo', name: 'Solo' }),
    ],
    orgs: [org({ id: 'meta', name: 'Meta' })],
    models: [model({ id: 'meta/llama', name: 'Llama', context_window: 128000 }), model({ id: 'meta/tiny', name: 'Tiny' })],
    offerings: [
      offering('fast', 'meta/llama', {
        pricing: { billing: 'usage', currency: 'USD', input: 0.5, output: 1, cache_read: 0.25 },
        regions: ['us-east'],
        performance: [sample('us-east', 200, 300)],
      }),
      offering('slow', 'meta/llama', {
        pricing: { billing: 'usage', currency: 'USD', input: 1, output: 3 },
        limits: { context_window: 32000 },
        features: { streaming: true },
        performance: [sample('us-east', 900, 40, { source: 'https://slow.example.com/s' })],
      }),
      offering('solo', 'meta/tiny'),
    ],
  });

describe('items', () => {
  test('a provider: kind, HQ, regions, compliance, data policy, rate limits', () => {
    const it = providerItem(cat().providerById.get('fast')!);
    assert.equal(it.facts.hq, 'United States');
    assert.deepEqual(it.facts.regions, ['US East']);
    assert.deepEqual(it.facts.compliance, ['SOC 2 Type II']);
    assert.equal(it.facts.retention, 30);
    assert.equal(it.facts.zdr, null, 'absent means unknown');
    assert.deepEqual(providerItem(cat().providerById.get('slow')!).facts.rateLimits, ['Free: 60 RPM, 100,000 TPM']);
  });
  test('an offering: prices in USD per 1M, blended, limits from the model when the offering has none, median speed', () => {
    const c = cat();
    const m = c.modelById.get('meta/llama')!;
    const [fast, slow] = m.offerings.map((o) => offeringItem(o, m));
    assert.deepEqual([fast!.facts.input, fast!.facts.output, fast!.facts.blended, fast!.facts.context], [0.5, 1, 0.625, 128000]);
    assert.equal(slow!.facts.context, 32000);
    assert.equal(slow!.facts['f.streaming'], true);
    assert.equal(slow!.facts['f.vision'], null);
    assert.deepEqual([fast!.facts.ttft, fast!.facts.tps, fast!.facts.samples], [200, 300, 1]);
    assert.equal(fast!.model, 'meta/llama');
  });
  test('a model: providers and cheapest prices', () => {
    const it = modelItem(cat().modelById.get('meta/llama')!);
    assert.deepEqual(
      [it.facts.providers, it.facts.cheapestInput, it.facts.cheapestOutput, it.facts.cheapestBlended],
      [2, 0.5, 1, 0.625],
    );
  });
});

describe('table', () => {
  const c = cat();
  const m = c.modelById.get('meta/llama')!;
  const items = m.offerings.map((o) => offeringItem(o, m));
  const t = compareTable('offerings', items, DEFAULT_WORKLOAD);
  const row = (key: string) => t.rows.find((r) => r.key === key)!;
  test('lower price is better, larger context is better; equal or single values are not marked', () => {
    assert.deepEqual(
      row('input').cells.map((x) => x.best),
      [true, false],
    );
    assert.deepEqual(
      row('context').cells.map((x) => x.best),
      [true, false],
    );
    assert.deepEqual(
      row('cache_read').cells.map((x) => x.best),
      [false, false],
      'only one value known',
    );
    assert.deepEqual(
      row('ttft').cells.map((x) => x.best),
      [true, false],
    );
    assert.deepEqual(
      row('tps').cells.map((x) => x.best),
      [true, false],
    );
  });
  test('texts: USD, tokens, yes/no/unknown, dashes', () => {
    assert.deepEqual(
      row('input').cells.map((x) => x.text),
      ['$0.50', '$1.00'],
    );
    assert.deepEqual(
      row('context').cells.map((x) => x.text),
      ['128K', '32K'],
    );
    assert.deepEqual(
      row('f.streaming').cells.map((x) => x.text),
      ['Unknown', 'Yes'],
    );
    assert.deepEqual(
      row('cache_read').cells.map((x) => x.text),
      ['$0.25', '—'],
    );
  });
  test('monthly cost comes from the cost engine at the workload', () => {
    const monthly = row('monthly').cells;
    // 100,000 requests × (1,500 in × $0.5 + 300 out × $1) / 1M, the chatbot preset.
    assert.ok(monthly[0]!.value! < monthly[1]!.value!);
    assert.equal(monthly[0]!.best, true);
  });
  test('differs is set only when the texts differ', () => {
    assert.equal(row('input').differs, true);
    assert.equal(row('status').differs, false);
  });
  test('without a workload there is no monthly row', () => {
    assert.equal(
      compareTable('offerings', items).rows.some((r) => r.key === 'monthly'),
      false,
    );
  });
});

describe('URL', () => {
  test('a selection round-trips through its URL', () => {
    const href = selectionHref('offerings', ['groq/meta/llama-3.3-70b', 'togetherai/meta/llama-3.3-70b']);
    assert.equal(href, '/compare/?offerings=groq/meta/llama-3.3-70b,togetherai/meta/llama-3.3-70b');
    assert.deepEqual(parseSelection(new URL(href, 'https://x.test').search), {
      kind: 'offerings',
      ids: ['groq/meta/llama-3.3-70b', 'togetherai/meta/llama-3.3-70b'],
    });
  });
  test('duplicates dropped, at most four, workload parameters kept apart', () => {
    assert.deepEqual(parseSelection('providers=a,b,a,c,d,e&req=10'), { kind: 'providers', ids: ['a', 'b', 'c', 'd'] });
    assert.equal(parseSelection('req=10'), undefined);
    assert.equal(selectionHref('providers', ['a', 'b'], 'req=10'), '/compare/?providers=a,b&req=10');
  });
  test('pickItems keeps the URL order, drops unknown ids and offerings of another model', () => {
    const pool = comparePool(cat());
    assert.deepEqual(
      pickItems(pool.providers, ['slow', 'nope', 'fast'], 'providers')!.map((i) => i.id),
      ['slow', 'fast'],
    );
    assert.equal(pickItems(pool.providers, ['slow'], 'providers'), undefined);
    assert.equal(
      pool.offerings.some((o) => o.model === 'meta/tiny'),
      false,
      'a model served once has nothing to compare',
    );
  });
});

describe('popular and featured', () => {
  test('models served by two or more providers, cheapest offerings first', () => {
    const pop = popularComparisons(cat().models);
    assert.deepEqual(
      pop.map((p) => [p.model.id, p.offerings.map((o) => o.provider)]),
      [['meta/llama', ['fast', 'slow']]],
    );
  });
  test('featured provider sets keep known ids and need two', () => {
    const sets = featuredProviderSets((id) => id === 'groq' || id === 'cerebras');
    assert.deepEqual(sets, [{ slug: 'groq-vs-cerebras', ids: ['groq', 'cerebras'] }]);
  });
});

describe('view', () => {
  test('offerings get meter, monthly, speed and TTFT charts; providers none', () => {
    const c = cat();
    const m = c.modelById.get('meta/llama')!;
    const v = compareView(
      'offerings',
      m.offerings.map((o) => offeringItem(o, m)),
      DEFAULT_WORKLOAD,
      'Chatbot',
    );
    assert.deepEqual(
      v.charts.map((ch) => ch.id),
      ['chart-meters', 'chart-monthly', 'chart-speed', 'chart-ttft'],
    );
    assert.equal(v.subject, 'Llama');
    assert.equal(v.samples.length, 2);
    assert.equal(compareView('providers', c.providers.map(providerItem), DEFAULT_WORKLOAD, 'Chatbot').charts.length, 0);
  });
  test('workload in words', () => {
    assert.equal(
      workloadLabel({ ...DEFAULT_WORKLOAD, requestsPerMonth: 100000, inputTokens: 1500, outputTokens: 300 }),
      '100,000 requests a month, 1,500 input and 300 output tokens each',
    );
  });
});

describe('template slots', () => {
  test('the table as slots: columns, rows with differs, cells with best', () => {
    const c = cat();
    const items = c.models.find((m) => m.id === 'meta/llama')!.offerings.map((o) => offeringItem(o));
    const view = compareView('offerings', items, DEFAULT_WORKLOAD, workloadLabel(DEFAULT_WORKLOAD));
    view.table.columns.forEach((col) =>
      assert.deepEqual(columnSlots(col), { id: col.id, name: col.name, href: col.href, sub: col.sub }),
    );
    for (const r of view.table.rows) {
      assert.deepEqual(compareRowSlots(r), { key: r.key, label: r.label, cls: r.differs ? 'differs' : '' });
      for (const cell of r.cells)
        assert.deepEqual(compareCellSlots(cell), {
          text: cell.text,
          cls: cell.best ? 'best' : '',
          tag: cell.best ? ' best' : '',
        });
    }
    assert.ok(
      view.table.rows.some((r) => r.cells.some((x) => x.best)),
      'a best cell is covered',
    );
  });
  test('a performance sample row: rounded figures, dashes, a source link for https only', () => {
    const c = cat();
    const items = c.models.find((m) => m.id === 'meta/llama')!.offerings.map((o) => offeringItem(o));
    const [fast, slow] = compareView('offerings', items, DEFAULT_WORKLOAD, '').samples;
    assert.deepEqual([fast!.provider, slow!.provider], ['Fast', 'Slow']);
    const f = perfSlots(fast!);
    assert.deepEqual(
      [f.ttft, f.ttftP90, f.tps, f.n, f.source, f.sourceText, f.measuredAt],
      ['200', '—', '300', '—', undefined, '—', '2026-01-01'],
    );
    const s = perfSlots(slow!);
    assert.deepEqual(
      [s.source, s.rel, s.sourceText, s.measured],
      ['https://slow.example.com/s', 'external', 'source', '1 Jan 2026'],
    );
    assert.equal(perfSlots({ ...slow!, source: 'javascript:alert(1)' }).source, undefined);
  });
});

describe('picker index and detail files', () => {
  test('the index holds ids and names only; each provider and model has its file, offerings in their model', async () => {
    const { pickerIndex, detailFiles, itemPath } = await import('../../../src/views/compare/items.ts');
    const pool = comparePool(cat());
    const ix = pickerIndex(pool);
    assert.deepEqual(
      ix.providers,
      pool.providers.map((p) => [p.id, p.name]),
    );
    assert.deepEqual(
      ix.models.map(([id, name, c]) => [id, name, ix.creators[c]]),
      pool.models.map((m) => [m.id, m.name, m.sub]),
    );
    for (const [id, , , n] of ix.models) assert.equal(n, pool.offerings.filter((o) => o.model === id).length);
    assert.ok(!JSON.stringify(ix).includes('facts'));
    const files = detailFiles(pool);
    assert.equal(files.models.size, pool.models.length);
    for (const o of pool.offerings) {
      assert.ok(files.models.get(o.model!)!.offerings.includes(o));
      assert.equal(files.providers.get(o.id.split('/')[0]!)!.offerings[o.id], o.model);
    }
    assert.equal(itemPath('models', 'meta/llama-3.3-70b'), '/compare-items/models/meta/llama-3.3-70b.json');
  });
});
