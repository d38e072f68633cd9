import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiCollection,
  apiModel,
  apiOffering,
  apiProvider,
  ApiModelsSchema,
  ApiOfferingsSchema,
  ApiProvidersSchema,
  ApiProviderFileSchema,
  modelsDevExport,
  usdMeters,
} from '../../../src/model/api-export.ts';
import { parseModelsDev } from '../../../tools/import/models-dev.ts';
import { apiJsonSchemas, recordJsonSchemas } from '../../../src/model/json-schema.ts';
import { KINDS } from '../../../src/model/schema.ts';
import { withPrice } from '../../support/priced.ts';
import { priceView } from '../../../src/core/price.ts';

const provider = (over = {}) => ({
  id: 'acme',
  name: 'Acme',
  kind: 'inference' as const,
  website: 'https://acme.example',
  api: { base_url: 'https://api.acme.example/v1', env: ['ACME_KEY'] },
  offerings: [] as unknown[],
  ...over,
});
const offering = (over = {}) =>
  withPrice({
    id: 'acme/x/m',
    provider: 'acme',
    model: 'x/m',
    provider_model_id: 'm-1',
    status: 'active' as const,
    pricing: {
      billing: 'usage' as const,
      currency: 'EUR',
      usd_rate: { usd_per_unit: 1.5, as_of: '2026-01-01' },
      input: 2,
      output: 8,
    },
    providerRecord: provider(),
    modelRecord: { name: 'M', context_window: 1000, max_output_tokens: 100 },
    ...over,
  });
const model = (over = {}) => ({
  id: 'x/m',
  name: 'M',
  organization: 'x',
  type: 'text-generation' as const,
  status: 'active' as const,
  offerings: [{ provider: 'acme' }, { provider: 'acme' }, { provider: 'b' }],
  organizationRecord: {},
  ...over,
});

test('API records drop link fields and add derived counts; payloads match their Zod schemas', () => {
  const p = apiProvider(provider({ offerings: [1, 2] }));
  assert.equal(p.offering_count, 2);
  assert.equal('offerings' in p, false);
  const m = apiModel(model());
  assert.equal(m.provider_count, 2);
  assert.equal('organizationRecord' in m, false);
  const o = apiOffering(offering());
  assert.equal('providerRecord' in o, false);
  assert.deepEqual(o.usd, { input: 3, output: 12 });
  assert.equal(ApiProvidersSchema.safeParse(apiCollection([p], '2026-01-01')).success, true);
  assert.equal(ApiModelsSchema.safeParse(apiCollection([m], undefined)).success, true);
  const offers = ApiOfferingsSchema.safeParse(apiCollection([o], '2026-01-01'));
  assert.equal(offers.success, true, JSON.stringify(offers.error?.issues));
  assert.equal(ApiProviderFileSchema.safeParse({ version: 1, provider: p, offerings: [o] }).success, true);
  assert.equal(ApiProvidersSchema.safeParse({ ...apiCollection([p], undefined), extra: 1 }).success, false);
});

test('usdMeters: undefined without pricing or meters', () => {
  assert.equal(usdMeters(undefined), undefined);
  assert.equal(usdMeters(priceView({ billing: 'free', currency: 'USD' })), undefined);
});

test('the models.dev export reads back with our own models.dev importer', () => {
  const exported = modelsDevExport([
    { ...provider(), offerings: [offering(), offering({ id: 'acme/x/m2', provider_model_id: 'm-1' })] },
  ]);
  const parsed = parseModelsDev(JSON.stringify(exported));
  assert.equal(parsed.ok, true, parsed.ok ? '' : parsed.errors.join('\n'));
  const m = (exported.acme as { models: Record<string, { cost: unknown; limit: unknown }> }).models['m-1']!;
  assert.deepEqual(m.cost, { input: 3, output: 12 });
  assert.deepEqual(m.limit, { context: 1000, output: 100 });
  assert.equal((exported.acme as { api: string }).api, 'https://api.acme.example/v1');
});

test('every JSON Schema is JSON with $schema, $id and a title', () => {
  for (const [kind, schema] of Object.entries({ ...recordJsonSchemas(), ...apiJsonSchemas() })) {
    const round = JSON.parse(JSON.stringify(schema));
    assert.equal(round.$schema, 'https://json-schema.org/draft/2020-12/schema', kind);
    assert.match(round.$id, new RegExp(`/schema/${kind}\\.json$`));
    assert.ok(round.title);
  }
  assert.ok(JSON.stringify(recordJsonSchemas().offering).includes('price_history'));
  assert.ok(JSON.stringify(recordJsonSchemas().offering).includes('observations'));
});

test('every record kind under data/ has its published JSON Schema', () => {
  // KINDS' folders are plural; the schema files singular ("families" → /schema/family.json).
  const singular = (dir: string) => (dir.endsWith('ies') ? `${dir.slice(0, -3)}y` : dir.slice(0, -1));
  assert.deepEqual(
    Object.keys(recordJsonSchemas()).sort(),
    Object.values(KINDS)
      .map((k) => singular(k.dir))
      .sort(),
  );
});

test('API offerings carry their observations and the compact provenance of each observed price', () => {
  const observations = [
    { source: 'provider' as const, as_of: '2026-12-02', url: 'https://acme.example/pricing', pricing: { input: 2, output: 8 } },
    { source: 'litellm' as const, as_of: '2026-07-24', pricing: { input: 2, output: 7 } },
  ];
  const o = apiOffering(offering({ observations }));
  assert.deepEqual((o as Record<string, unknown>).observations, observations);
  const pp = o.price_provenance!;
  assert.equal(pp.status, 'provider');
  assert.deepEqual(pp.prices, {
    input: { sources: ['provider', 'litellm'], confirmed: true, checked: '2026-12-02' },
    output: { sources: ['provider'], confirmed: true, checked: '2026-12-02', disagree: ['litellm'] },
  });
  const parsed = ApiOfferingsSchema.safeParse(apiCollection([o], '2026-12-02'));
  assert.equal(parsed.success, true, JSON.stringify(parsed.error?.issues));
  // Without observations: the status only (the offering's sources and last_verified say the rest).
  assert.deepEqual(apiOffering(offering()).price_provenance, { status: 'unobserved' });
  assert.ok(JSON.stringify(apiJsonSchemas()['api-offerings']).includes('price_provenance'));
});
