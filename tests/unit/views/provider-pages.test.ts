/** Figures of the providers index and the five provider tabs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStale } from '../../../src/core/catalog-stats.ts';
import { featureMatrix, featureState } from '../../../src/views/provider/feature-matrix.ts';
import { limitRows, offeringRateRows, rateColumns } from '../../../src/views/provider/limit-rows.ts';
import { modelHref, blendedHref, providerPath } from '../../../src/core/urls.ts';
import { creatorOf, groupOfferings, statusText } from '../../../src/views/provider/model-groups.ts';
import { providerPageMeta, PROVIDER_TABS } from '../../../src/views/provider/tabs.ts';
import { monogram, providerFilters, providerRows } from '../../../src/views/provider/index-rows.ts';
import { modalityText, summarizeOfferings } from '../../../src/views/provider/summary.ts';
import { withPrice } from '../../support/priced.ts';

const org = (id: string) => ({ acme: 'Acme Labs', globex: 'Globex' })[id];
const model = (over: Record<string, unknown> = {}) => ({
  name: 'Atlas 2',
  organization: 'acme',
  context_window: 200000,
  max_output_tokens: 8000,
  modalities: { input: ['text', 'image'], output: ['text'] },
  ...over,
});
const offering = (id: string, over: Record<string, unknown> = {}): any =>
  withPrice({
    id,
    provider: id.split('/')[0],
    model: `${id.split('/')[1]}/${id.split('/')[2]}`,
    provider_model_id: id.split('/')[2],
    status: 'active',
    pricing: { billing: 'usage', currency: 'USD', input: 1, output: 2 },
    modelRecord: model({ name: id.split('/')[2], organization: id.split('/')[1] }),
    ...over,
  });
const provider = (over: Record<string, unknown> = {}): any => ({
  id: 'relay',
  name: 'Relay',
  kind: 'gateway',
  website: 'https://relay.example',
  offerings: [],
  ...over,
});

test('monogram: initials of the first two words, letters only', () => {
  assert.equal(monogram('Amazon Bedrock'), 'AB');
  assert.equal(monogram('OpenAI'), 'O');
  assert.equal(monogram('</script> x'), 'SX');
  assert.equal(monogram('!!'), '?');
});
test('provider rows: features, region countries, compliance order, stale flag', () => {
  const [r] = providerRows(
    [
      provider({
        api: { openai_compatible: true },
        platform: { batch_api: true, prompt_caching: false },
        regions: [
          { id: 'a', name: 'A', country: 'US' },
          { id: 'b', name: 'B', country: 'US' },
          { id: 'c', name: 'C', country: 'DE' },
          { id: 'd', name: 'D' },
        ],
        compliance: ['hipaa-baa', 'soc2-type2'],
        last_verified: '2025-01-01',
        offerings: [offering('relay/acme/a'), offering('relay/acme/b', { pricing: { billing: 'free' } })],
      }),
    ],
    '2025-12-01',
  );
  assert.deepEqual(r!.features, ['batch', 'openai']);
  assert.deepEqual(r!.regionCountries, ['US', 'DE']);
  assert.equal(r!.regions, 4);
  assert.deepEqual(r!.compliance, ['soc2-type2', 'hipaa-baa']);
  assert.equal(r!.stale, true);
  assert.equal(r!.cheapestInput, 1);
  assert.equal(r!.models, 2);
});
test('filters list only values some provider has', () => {
  const rows = providerRows([
    provider({ kind: 'cloud', regions: [{ id: 'x', name: 'X', country: 'FR' }] }),
    provider({ id: 'b', name: 'B', compliance: ['c5'] }),
  ]);
  const f = providerFilters(rows, (c) => `country ${c}`);
  assert.deepEqual(
    f.kind.map((o) => o.value),
    ['cloud', 'gateway'],
  );
  assert.deepEqual(f.region, [{ value: 'FR', label: 'country FR' }]);
  assert.deepEqual(f.compliance, [{ value: 'c5', label: 'C5' }]);
  assert.deepEqual(f.feature, []);
});
test('stale after 180 days of the data date, never without dates', () => {
  assert.equal(isStale('2025-01-01', '2025-06-30'), false);
  assert.equal(isStale('2025-01-01', '2025-07-01'), true);
  assert.equal(isStale(undefined, '2025-07-01'), false);
});

test('summary: counts by modality and creator, price range, other billing', () => {
  const s = summarizeOfferings(
    [
      offering('relay/acme/a', { pricing: { billing: 'usage', input: 0.5, output: 4 } }),
      offering('relay/acme/b'),
      offering('relay/globex/c', {
        modelRecord: model({ organization: 'globex', modalities: undefined }),
        pricing: { billing: 'free' },
      }),
      offering('relay/initech/d', { model: undefined, modelRecord: undefined, name: 'D', pricing: undefined }),
    ],
    org,
  );
  assert.deepEqual(s.modalities, [
    { modality: 'text', input: 2, output: 2 },
    { modality: 'image', input: 2, output: 0 },
  ]);
  assert.equal(s.unknownModalities, 2);
  assert.equal(modalityText(s, 'input'), 'Text (2), Image (2)');
  assert.equal(modalityText(s, 'output'), 'Text (2)');
  assert.equal(modalityText({ modalities: [] }, 'input'), '');
  assert.deepEqual(s.creators, [
    { id: 'acme', name: 'Acme Labs', offerings: 2 },
    { id: 'globex', name: 'Globex', offerings: 1 },
    { id: 'initech', name: 'initech', offerings: 1 },
  ]);
  assert.deepEqual(s.input, { min: 0.5, max: 1 });
  assert.deepEqual(s.output, { min: 2, max: 4 });
  assert.deepEqual(s.otherBilling, [
    { billing: 'free', offerings: 1 },
    { billing: 'unpublished', offerings: 1 },
  ]);
});

test('models grouped by creator; unlinked offerings by their folder; linked ones link to their model page', () => {
  const groups = groupOfferings(
    [
      offering('relay/globex/z'),
      offering('relay/acme/b'),
      offering('relay/acme/a'),
      offering('relay/zeta/u', { model: undefined, modelRecord: undefined, name: 'Unlinked' }),
    ],
    org,
  );
  assert.deepEqual(
    groups.map((g) => [g.id, g.label, g.rows.map((r) => r.name)]),
    [
      ['acme', 'Acme Labs', ['a', 'b']],
      ['globex', 'Globex', ['z']],
      ['zeta', 'zeta', ['Unlinked']],
    ],
  );
  assert.equal(groups[0]!.rows[0]!.context, 200000);
  assert.deepEqual(groups[0]!.rows[0]!.input, ['text', 'image']);
  assert.equal(groups[0]!.rows[0]!.href, '/models/acme/a/');
  assert.equal(modelHref('acme/a'), '/models/acme/a/');
  assert.equal(modelHref(undefined), undefined);
  assert.equal(blendedHref(), '/methodology/#blended');
  assert.equal(creatorOf({ id: 'p/c/m' }), 'c');
  assert.equal(creatorOf({ id: 'p/m' }), 'other');
});
test('status text: preview, deprecated with dates, active empty', () => {
  assert.equal(statusText({ status: 'active' }), '');
  assert.equal(statusText({ status: 'preview' }), 'preview');
  assert.equal(
    statusText({ status: 'deprecated', deprecation_date: '2025-06-01', retirement_date: '2025-12-01' }),
    'deprecated 1 Jun 2025, retires 1 Dec 2025',
  );
  assert.equal(statusText({ status: 'deprecated' }), 'deprecated');
  assert.equal(statusText({ status: 'retired', retirement_date: '2025-12' }), 'retired Dec 2025');
});

test('limits: offering values first, model values as fallback, else undefined', () => {
  const rows = limitRows([
    offering('p/acme/a', { limits: { context_window: 100000 } }),
    offering('p/acme/b', { modelRecord: undefined }),
  ]);
  assert.deepEqual(
    rows.map((r) => [r.context, r.maxInput, r.maxOutput]),
    [
      [100000, undefined, 8000],
      [undefined, undefined, undefined],
    ],
  );
});
test('rate-limit columns: RPM, TPM, RPD always; others when used', () => {
  assert.deepEqual(rateColumns([]), ['rpm', 'tpm', 'rpd']);
  assert.deepEqual(rateColumns([{ tier: 'T', itpm: 5, tpd: 1 }]), ['rpm', 'tpm', 'itpm', 'rpd', 'tpd']);
  const rows = offeringRateRows([
    offering('p/acme/a', { limits: { rate_limits: [{ tier: 'Free', rpm: 30 }] } }),
    offering('p/acme/b'),
  ]);
  assert.deepEqual(rows, [{ tier: 'Free', rpm: 30, name: 'a', providerModelId: 'a' }]);
});

test('features: absent is unknown, never no; totals per column', () => {
  assert.equal(featureState(undefined), 'unknown');
  assert.equal(featureState(false), 'no');
  const m = featureMatrix([
    offering('p/acme/a', { features: { streaming: true, logprobs: false } }),
    offering('p/acme/b', { features: { streaming: true } }),
  ]);
  const i = m.features.findIndex((f) => f.key === 'logprobs');
  assert.deepEqual(
    m.rows.map((r) => r.states[i]),
    ['no', 'unknown'],
  );
  assert.deepEqual(m.totals[0], { yes: 2, no: 0, unknown: 0 });
  assert.deepEqual(m.totals[i], { yes: 0, no: 1, unknown: 1 });
  assert.equal(m.rows[0]!.input, 'Text, Image');
});

test('tabs: URLs, page types, titles', () => {
  assert.equal(providerPath('groq'), '/providers/groq/');
  assert.deepEqual(
    PROVIDER_TABS.map((t) => providerPath('groq', t.tab)),
    [
      '/providers/groq/',
      '/providers/groq/models/',
      '/providers/groq/pricing/',
      '/providers/groq/limits/',
      '/providers/groq/features/',
    ],
  );
  assert.equal(new Set(PROVIDER_TABS.map((t) => t.pageType)).size, 5);
  const meta = providerPageMeta({ id: 'groq', name: 'Groq', kind: 'inference' }, 'pricing', 1);
  assert.equal(meta.title, 'Groq pricing');
  assert.equal(meta.pageType, 'provider-pricing');
  assert.match(meta.description, /1 model offering /);
});
test('upstreams resolve to names; percent format', async () => {
  const { upstreamsOf } = await import('../../../src/views/provider/summary.ts');
  const { formatPercent } = await import('../../../src/core/format.ts');
  assert.deepEqual(upstreamsOf({ platform: { upstreams: ['acme', 'x'] } }, org), [
    { id: 'acme', name: 'Acme Labs', known: true },
    { id: 'x', name: 'x', known: false },
  ]);
  assert.deepEqual(upstreamsOf({}, org), []);
  assert.equal(formatPercent(0.055), '5.5%');
});
