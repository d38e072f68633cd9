import { test } from 'node:test';
import assert from 'node:assert/strict';
import { priceWorkload } from '../../../src/core/cost.ts';
import {
  METER_ORDER,
  packIndex,
  packPricing,
  rowUnpacker,
  unpackIndex,
  unpackPricing,
  type IndexableOffering,
} from '../../../src/views/pricing/index-data.ts';
import { TOKEN_METERS, UNIT_METERS, type Offering } from '../../../src/model/schema.ts';
import { WORKLOAD_PRESETS } from '../../../src/core/workload.ts';
import { explorerIndex, firstView, PAGE_ROWS, pricingPage } from '../../../src/views/pricing/first-view.ts';
import { captionText, DEFAULT_STATE } from '../../../src/views/pricing/state.ts';
import { DEFAULT_WORKLOAD } from '../../../src/core/workload.ts';
import { formatUsd } from '../../../src/core/format.ts';
import { withPrice } from '../../support/priced.ts';

type Pricing = NonNullable<Offering['pricing']>;
const pricing = (over: Partial<Pricing> = {}): Pricing => ({ billing: 'usage', currency: 'USD', input: 3, output: 15, ...over });

const PRICINGS: Record<string, Pricing> = {
  plain: pricing(),
  cached: pricing({ cache_read: 0.3, cache_write: 3.75, cache_write_1h: 6, cache_write_ttl: '5m' }),
  tiered: pricing({ tiers: [{ above_tokens: 200_000, input: 6, output: 22.5 }] }),
  batch: pricing({ batch: { input: 1.5, output: 7.5, tiers: [{ above_tokens: 200_000, input: 3 }] } }),
  discount: pricing({ batch: { discount: 0.5 } }),
  units: pricing({ input: undefined, output: undefined, per_image: 0.04, per_request: 0.001, per_search: 0.01 }),
  sparse: pricing({ input: undefined, output: 2, reasoning: 4 }),
  freeTier: pricing({ free_tier: { description: 'daily', requests_per_day: 50, tokens_per_minute: 1000 } }),
  free: { billing: 'free', currency: 'USD', free_tier: { requests_per_day: 1000 } },
  subscription: { billing: 'subscription', currency: 'USD', plan: 'Pro' },
  euro: pricing({ currency: 'EUR', usd_rate: { usd_per_unit: 1.1, as_of: '2026-01-01' } }),
};

test('a packed pricing prices every preset exactly as the record does', () => {
  for (const [name, p] of Object.entries(PRICINGS)) {
    const back = unpackPricing(JSON.parse(JSON.stringify(packPricing(p))));
    for (const [id, preset] of Object.entries(WORKLOAD_PRESETS)) {
      for (const w of [
        preset.workload,
        {
          ...preset.workload,
          batchShare: 0.5,
          reasoningTokens: 100,
          imagesPerRequest: 1,
          searchesPerRequest: 2,
          inputTokens: 250_000,
        },
      ]) {
        assert.deepEqual(priceWorkload(back, w), priceWorkload(p, w), `${name} × ${id}`);
      }
    }
  }
});

test('packing keeps only the engine meters and trims trailing gaps', () => {
  assert.deepEqual(packPricing(pricing()), [0, [3, 15]]);
  assert.deepEqual(packPricing(pricing({ input: undefined, per_search: 0.01 })), [
    0,
    [null, 15, null, null, null, null, null, null, null, null, null, null, null, null, 0.01],
  ]);
  assert.deepEqual(packPricing(pricing({ notes: 'ignored', flex: { discount: 0.5 } })), [0, [3, 15]]);
  assert.equal(packPricing(undefined), 0);
  assert.deepEqual(unpackPricing([3, []]), { billing: 'unpublished' });
});

const provider = (id: string, over = {}) => ({
  id,
  name: id.toUpperCase(),
  kind: 'inference' as const,
  website: 'https://x.test',
  ...over,
});
const org = { id: 'acme', name: 'Acme' };
const model = (id: string, over = {}) => ({
  id: `acme/${id}`,
  name: `Acme ${id}`,
  organization: 'acme',
  type: 'text-generation' as const,
  status: 'active' as const,
  organizationRecord: org,
  ...over,
});
const offering = (
  p: ReturnType<typeof provider>,
  m: ReturnType<typeof model> | undefined,
  over: Partial<IndexableOffering> = {},
): IndexableOffering =>
  withPrice({
    id: `${p.id}/${m ? m.id : 'acme/loose'}`,
    provider: p.id,
    model: m?.id,
    provider_model_id: 'x',
    status: 'active',
    pricing: pricing(),
    providerRecord: p,
    modelRecord: m,
    ...over,
  }) as unknown as IndexableOffering;

test('the index round-trips ids, names, dictionaries and derived prices', () => {
  const groq = provider('groq', { regions: [{ id: 'us-east', name: 'US East', country: 'US' }] });
  const big = model('big', {
    family: 'acme-big',
    familyRecord: { id: 'acme-big', name: 'Acme Big' },
    context_window: 128_000,
    capabilities: { reasoning: true },
    modalities: { input: ['text', 'image'], output: ['text'] },
  });
  const rows = [
    offering(groq, big, { features: { tool_calling: true }, pricing: pricing({ cache_read: 0.3 }) }),
    offering(groq, big, { id: 'groq/acme/big--snap', limits: { context_window: 32_000 }, status: 'deprecated' }),
    offering(provider('zed', { kind: 'gateway' }), undefined, { name: 'Loose one', pricing: undefined }),
    offering(groq, model('eur'), { pricing: pricing({ currency: 'EUR', usd_rate: { usd_per_unit: 2, as_of: '2026-01-01' } }) }),
  ];
  const ix = JSON.parse(JSON.stringify(packIndex(rows)));
  assert.deepEqual(ix.providers, [
    ['groq', 'GROQ', 2],
    ['zed', 'ZED', 3],
  ]);
  // Each family by id (what the filter matches) and readable name (what the select shows).
  assert.deepEqual(ix.families, [['acme-big', 'Acme Big']]);
  const groqIx = ix.providers.findIndex((p: [string, string, number]) => p[0] === 'groq');
  assert.deepEqual(ix.places, [[groqIx, 0, 'us-east', 'US East', 'US', 'NA', 0]]);
  assert.deepEqual(ix.routing, [], 'no provider states its routing');
  const out = unpackIndex(ix);
  // Unpacking one row at a time (the browser does it in slices) gives the same rows.
  const unpack = rowUnpacker(ix);
  assert.deepEqual(
    out.map((_, i) => unpack(i)),
    out,
  );
  assert.deepEqual(
    out.map((r) => r.id),
    ['groq/acme/big', 'groq/acme/big--snap', 'groq/acme/eur', 'zed/acme/loose'],
  );
  const [a, b, eur, loose] = out;
  assert.equal(a!.name, 'Acme big');
  assert.equal(a!.context, 128_000);
  assert.equal(a!.blended, 6); // (3 × 3 + 15) / 4
  assert.equal(a!.cacheRead, 0.3);
  assert.equal(a!.caps & 0b1, 1, 'tool calling');
  assert.notEqual(a!.caps & (1 << 3), 0, 'reasoning from the model');
  assert.notEqual(a!.caps & (1 << 4), 0, 'prompt caching from a cache_read price');
  assert.equal(a!.mods, 0b1_00011, 'text + image in, text out (bit 5)');
  assert.deepEqual(
    a!.routes?.map((r) => [r.key, r.countries, r.pinned]),
    [['us-east', ['US'], false]],
  );
  assert.equal(b!.variant, 'snap');
  assert.equal(b!.context, 32_000);
  assert.equal(b!.status, 2);
  assert.equal(eur!.input, 6, 'EUR converted at the record rate');
  assert.equal(loose!.name, 'Loose one');
  assert.equal(loose!.model, -1);
  assert.equal(loose!.pricing, undefined);
});

test('the packed meter order is every schema meter, tokens then units', () => {
  assert.deepEqual([...METER_ORDER], [...TOKEN_METERS, ...UNIT_METERS]);
});

test('explorerIndex packs a list once: /pricing/ and /pricing/index.json share one index', () => {
  const groq = provider('groq');
  const list = [offering(groq, model('big')), offering(groq, model('small'))];
  const first = explorerIndex(list);
  assert.deepEqual(first, packIndex(list));
  assert.equal(explorerIndex(list), first, 'the same list gives the same object, not a second packing');
  const other = [offering(groq, model('big'))];
  assert.notEqual(explorerIndex(other), first);
  assert.equal(explorerIndex(other).rows.length, other.length);
});

test('/pricing/ before its script runs: the default preset named in the note, the caption the island writes, labelled bars', () => {
  const groq = provider('groq');
  const list = [offering(groq, model('big')), offering(groq, model('small'), { pricing: pricing({ input: 1, output: 2 }) })];
  const page = pricingPage(list, (id) => `/m/${id}/`);
  const preset = Object.values(WORKLOAD_PRESETS).find((p) => p.workload === DEFAULT_WORKLOAD)!;
  assert.equal(page.count, '2');
  assert.equal(page.note.shown, Math.min(PAGE_ROWS, list.length));
  assert.equal(page.note.workload, `the “${preset.label}” workload`);
  assert.equal(page.note.description[0], preset.description[0]!.toLowerCase());
  assert.equal(page.note.description.slice(1), preset.description.slice(1));
  assert.equal(page.caption, captionText(DEFAULT_STATE));
  const view = firstView(explorerIndex(list), (id) => `/m/${id}/`);
  assert.deepEqual(page.cells, view.cells);
  assert.deepEqual(
    page.bars.map((b) => b.text),
    view.bars.map((b) => formatUsd(b.usd)),
  );
});
