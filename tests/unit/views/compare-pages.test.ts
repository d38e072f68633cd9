/** Page data of /compare/, /compare/<model>/, /compare/providers/<set>/ and /performance/<model>/ (src/views/compare/pages.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareIndexPage,
  offeringsComparisonPage,
  performancePage,
  providersComparisonPage,
} from '../../../src/views/compare/pages.ts';
import { featuredProviderSets, popularComparisons } from '../../../src/views/compare/items.ts';
import { latestSamples, perfSamples } from '../../../src/views/compare/perf.ts';
import { priceSpeedChart, ttftChart } from '../../../src/views/compare/chart-data.ts';
import { compareModelPath, compareProvidersPath, compareSelectionHref, modelPath } from '../../../src/core/urls.ts';
import type { PerformanceSample } from '../../../src/model/schema.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';

const sample = (region: string, ttft: number, tps: number): PerformanceSample => ({
  region,
  ttft_ms: { p50: ttft },
  output_tokens_per_second: { p50: tps },
  measured_at: '2026-01-01',
  method: 'probe v1',
});
const usd = (input: number, output: number) => ({ billing: 'usage' as const, currency: 'USD', input, output });
// Provider ids of a featured set (FEATURED_PROVIDER_SETS), so that at least one set is built.
const cat = () =>
  catalogOf({
    providers: ['groq', 'togetherai', 'fireworks-ai'].map((id) => provider({ id, name: `P ${id}` })),
    orgs: [org({ id: 'o' })],
    models: [model({ id: 'o/m', name: 'M' }), model({ id: 'o/quiet', name: 'Quiet' })],
    offerings: [
      offering('groq', 'o/m', { pricing: usd(1, 2), performance: [sample('us', 200, 80)] }),
      offering('togetherai', 'o/m', { pricing: usd(2, 2), performance: [sample('eu', 300, 60)] }),
      offering('fireworks-ai', 'o/m', { pricing: usd(3, 3) }),
      offering('groq', 'o/quiet', { pricing: usd(1, 1) }),
    ],
  });

test('/compare/ links every popular comparison and featured provider set, with the names shown', () => {
  const c = cat();
  const page = compareIndexPage(c.models, c.providerById);
  const popular = popularComparisons(c.models);
  assert.ok(popular.length > 0);
  assert.deepEqual(
    page.popular,
    popular.map(({ model: m, offerings }) => ({
      href: compareModelPath(m.id),
      name: m.name,
      providers: offerings.map((o) => o.providerRecord.name).join(', '),
    })),
  );
  const sets = featuredProviderSets((id) => c.providerById.has(id));
  assert.ok(sets.length > 0);
  assert.deepEqual(
    page.featured,
    sets.map((s) => ({ href: compareProvidersPath(s.slug), names: s.ids.map((id) => c.providerById.get(id)!.name).join(', ') })),
  );
});

test('/compare/<model>/: title, heading and links name the compared providers', () => {
  const c = cat();
  const { model: m, offerings } = popularComparisons(c.models)[0]!;
  const page = offeringsComparisonPage(m, offerings);
  const names = page.view.table.columns.map((col) => col.name);
  assert.equal(page.count, offerings.length);
  assert.equal(page.title, `${m.name}: ${offerings.length} providers compared`);
  assert.equal(page.heading, `${m.name} at ${names.join(', ')}`);
  assert.equal(page.whereHref, `${modelPath(m.id)}#where`);
  assert.equal(
    page.changeHref,
    compareSelectionHref(
      'offerings',
      offerings.map((o) => o.id),
    ),
  );
});

test('/compare/providers/<set>/: the subject and a link to change the comparison', () => {
  const c = cat();
  const providers = ['groq', 'togetherai'].map((id) => c.providerById.get(id)!);
  const page = providersComparisonPage(providers);
  assert.equal(
    page.description,
    `${page.view.subject} side by side: kind, headquarters, regions, compliance, data policy and rate limits.`,
  );
  assert.equal(page.changeHref, compareSelectionHref('providers', ['groq', 'togetherai']));
});

test('/performance/<model>/: every sample, and only the charts that have data', () => {
  const c = cat();
  const m = c.modelById.get('o/m')!;
  const page = performancePage(m);
  assert.deepEqual(page.samples, perfSamples(m));
  const latest = latestSamples(perfSamples(m));
  const expected = [
    ['chart-speed', priceSpeedChart(latest, 'M')],
    ['chart-ttft', ttftChart(latest, 'M')],
  ].filter(([, s]) => s !== undefined);
  assert.deepEqual(
    page.charts.map((x) => [x.id, x.spec]),
    expected,
  );
  assert.equal(page.modelHref, modelPath('o/m'));
  assert.deepEqual(performancePage(c.modelById.get('o/quiet')!).charts, []);
});
