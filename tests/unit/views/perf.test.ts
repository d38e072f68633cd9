/** Performance samples and the charts of comparisons, performance pages and the home page. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  meterChart,
  monthlyChart,
  priceContextChart,
  priceSpeedChart,
  sampleLabel,
  ttftChart,
  type PerfSample,
} from '../../../src/views/compare/chart-data.ts';
import { compareTable, offeringItem } from '../../../src/views/compare/items.ts';
import { latestSamples, modelsWithSamples, perfSamples } from '../../../src/views/compare/perf.ts';
import { DEFAULT_WORKLOAD } from '../../../src/core/workload.ts';
import type { PerformanceSample } from '../../../src/model/schema.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';

const sample = (region: string, ttft: number, tps: number, measured_at = '2026-01-01'): PerformanceSample => ({
  region,
  ttft_ms: { p50: ttft, p90: ttft * 2 },
  output_tokens_per_second: { p50: tps },
  measured_at,
  method: 'probe v1',
  source: 'https://example.com/run',
});
const cat = () =>
  catalogOf({
    providers: [provider({ id: 'a', name: 'Alpha' }), provider({ id: 'b', name: 'Beta' })],
    orgs: [org({ id: 'o' })],
    models: [model({ id: 'o/m', name: 'M', context_window: 8000 }), model({ id: 'o/none', name: 'None' })],
    offerings: [
      offering('a', 'o/m', {
        pricing: { billing: 'usage', currency: 'USD', input: 1, output: 100 },
        performance: [sample('us', 300, 50, '2026-01-01'), sample('us', 250, 60, '2026-02-01'), sample('eu', 400, 45)],
      }),
      offering('b', 'o/m', {
        pricing: { billing: 'usage', currency: 'USD', input: 2, output: 4 },
        performance: [sample('us', 1000, 20)],
      }),
      offering('a', 'o/none'),
    ],
  });

describe('samples', () => {
  test('every sample with its origin, by provider and region, newest first', () => {
    const s = perfSamples(cat().modelById.get('o/m')!);
    assert.deepEqual(
      s.map((x) => [x.provider, x.region, x.measuredAt]),
      [
        ['Alpha', 'eu', '2026-01-01'],
        ['Alpha', 'us', '2026-02-01'],
        ['Alpha', 'us', '2026-01-01'],
        ['Beta', 'us', '2026-01-01'],
      ],
    );
    assert.equal(s[0]!.blended, 25.75);
    assert.equal(s[0]!.ttftP90, 800);
    assert.equal(latestSamples(s).length, 3, 'the newest per provider and region');
  });
  test('models with samples, most samples first; none without', () => {
    assert.deepEqual(
      modelsWithSamples(cat().models).map((m) => [m.model.id, m.samples, m.providers]),
      [['o/m', 4, 2]],
    );
  });
  test('a point names provider, region, date, method and source', () => {
    assert.equal(
      sampleLabel(perfSamples(cat().modelById.get('o/m')!)[1]!),
      'Alpha, us · 1 Feb 2026 · probe v1 · https://example.com/run',
    );
  });
});

describe('charts', () => {
  const latest = () => latestSamples(perfSamples(cat().modelById.get('o/m')!));
  test('price vs speed: one point per sample, log price axis when prices span orders of magnitude', () => {
    const spec = priceSpeedChart(latest(), 'M')!;
    assert.equal(spec.kind, 'scatter');
    assert.deepEqual(
      (spec.datasets[0]!.data as { x: number; y: number }[]).map((p) => [p.x, p.y]),
      [
        [45, 25.75],
        [60, 25.75],
        [20, 2.5],
      ],
    );
    assert.equal(spec.y!.log, false, '25.75 / 2.5 < 20');
    assert.equal(spec.y!.unit, 'usd');
    assert.match(spec.title, /USD per 1M tokens/);
    assert.equal(priceSpeedChart([], 'M'), undefined);
  });
  test('TTFT by region: a bar per provider in each region, none (null) where no sample', () => {
    const spec = ttftChart(latest(), 'M')!;
    assert.deepEqual(spec.labels, ['eu', 'us']);
    assert.deepEqual(
      spec.datasets.map((d) => [d.label, d.data]),
      [
        ['Alpha', [400, 250]],
        ['Beta', [null, 1000]],
      ],
    );
    assert.equal(spec.value!.unit, 'ms');
    assert.equal(ttftChart([] as PerfSample[], 'M'), undefined);
  });
  test('meters and monthly cost from the comparison table; log axis for a 100× span', () => {
    const c = cat();
    const m = c.modelById.get('o/m')!;
    const t = compareTable(
      'offerings',
      m.offerings.map((o) => offeringItem(o, m)),
      DEFAULT_WORKLOAD,
    );
    const meters = meterChart(t, 'M')!;
    assert.deepEqual(meters.labels, ['Alpha', 'Beta']);
    assert.deepEqual(
      meters.datasets.map((d) => [d.label, d.data]),
      [
        ['Input', [1, 2]],
        ['Output', [100, 4]],
      ],
    );
    assert.equal(meters.value!.log, true);
    const monthly = monthlyChart(t, 'M', 'Chatbot')!;
    assert.equal(monthly.datasets[0]!.data.length, 2);
    assert.equal(monthly.value!.unit, 'usd-month');
  });
  test('price vs context needs two priced models with a context', () => {
    assert.equal(priceContextChart([{ name: 'x', context: 1000, blended: 1 }]), undefined);
    const spec = priceContextChart([
      { name: 'x', context: 8000, blended: 1 },
      { name: 'y', context: 1_000_000, blended: 3 },
      { name: 'z', context: undefined, blended: 1 },
    ])!;
    assert.equal(spec.datasets[0]!.data.length, 2);
    assert.equal(spec.x!.log, true);
  });
});
