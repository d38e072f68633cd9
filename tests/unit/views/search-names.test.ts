/**
 * /search/names.json (src/views/search-names.ts): what each entry holds, and, on the real data/,
 * its size (≤ 20 KB brotli, printed) and the ranking of ≥ 30 queries (typos, partial names, ids,
 * aliases), each with the entry that must be in its top three.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { nameSearcher, readNameIndex, type NameIndexWire } from '../../../src/core/name-search.ts';
import { linkCatalog } from '../../../src/model/link.ts';
import { loadData } from '../../../src/model/load.ts';
import { familyPages } from '../../../src/views/model/family.ts';
import { aliasKey, modelNameEntry, nameIndex } from '../../../src/views/search-names.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';

describe('entries', () => {
  const cat = catalogOf({
    providers: [provider({ id: 'groq', name: 'Groq' }), provider({ id: 'deepinfra', name: 'Deep Infra' })],
    orgs: [org({ id: 'meta', name: 'Meta' }), org({ id: 'empty', name: 'Empty' })],
    models: [
      model({
        id: 'meta/llama-3.3-70b',
        name: 'Llama 3.3 70B Instruct',
        aliases: ['meta-llama/Llama-3.3-70B-Instruct', 'llama-3.3-70b-instruct', 'Llama 3.3 70B Instruct'],
      }),
    ],
    offerings: [
      offering('groq', 'meta/llama-3.3-70b', { provider_model_id: 'llama-3.3-70b-versatile' }),
      offering('deepinfra', 'meta/llama-3.3-70b', { provider_model_id: 'meta-llama/Llama-3.3-70B-Instruct' }),
      offering('deepinfra', 'meta/llama-3.3-70b', { id: 'deepinfra/old', provider_model_id: 'old-llama', status: 'retired' }),
    ],
  });
  test('an alias or API id counts by its last path segment, in lower case', () => {
    assert.equal(aliasKey('meta-llama/Llama-3.3-70B-Instruct'), 'llama-3.3-70b-instruct');
    assert.equal(aliasKey('@cf/meta/llama-3.3-70b-instruct-fp8-fast'), 'llama-3.3-70b-instruct-fp8-fast');
  });
  test('a model: id, name, providers serving it now, and its distinct other ids', () => {
    assert.deepEqual(modelNameEntry(cat.modelById.get('meta/llama-3.3-70b')!), [
      'meta/llama-3.3-70b',
      'Llama 3.3 70B Instruct',
      2,
      'llama-3.3-70b',
      'old-llama',
      'llama-3.3-70b-versatile',
    ]);
  });
  test('providers, creators with models, families with a page, models', () => {
    const idx = nameIndex(cat.providers, cat.organizations, [{ id: 'llama-3.3', name: 'Llama 3.3', models: [{}] }], cat.models);
    assert.deepEqual(idx.p, [
      ['deepinfra', 'Deep Infra', 1],
      ['groq', 'Groq', 1],
    ]);
    assert.deepEqual(idx.o, [['meta', 'Meta', 1]]);
    assert.deepEqual(idx.f, [['llama-3.3', 'Llama 3.3', 1]]);
    assert.equal(idx.m.length, 1);
  });
});

/** Query → an entry ("kind:id") that must be among its first three results. */
const EXPECTED: [string, string][] = [
  // Typos.
  ['antropic', 'provider:anthropic'],
  ['antrhopic', 'organization:anthropic'],
  ['deepsek', 'provider:deepseek'],
  ['opnai', 'organization:openai'],
  ['mistrl', 'provider:mistral'],
  ['gemni 2.5 pro', 'model:google/gemini-2.5-pro'],
  ['gtp-4o', 'model:openai/gpt-4o'],
  ['gtp4o', 'model:openai/gpt-4o'],
  ['claude sonet', 'model:anthropic/claude-sonnet-4.5'],
  ['togther', 'provider:togetherai'],
  ['lama 3.3', 'model:meta/llama-3.3-70b'],
  ['lama 3.3', 'family:llama-3.3'],
  // Partial names and other spellings.
  ['gpt4o', 'model:openai/gpt-4o'],
  ['gpt-4o mini', 'model:openai/gpt-4o-mini'],
  ['mistral large', 'family:mistral-large'],
  ['qwen3 coder', 'model:qwen/qwen3-coder-480b'],
  ['claude 4.5', 'family:claude-4.5'],
  ['haiku 4.5', 'model:anthropic/claude-haiku-4.5'],
  ['deepseek r1', 'model:deepseek/deepseek-r1'],
  ['kimi k2', 'family:kimi-k2'],
  ['glm 4.6', 'model:zhipuai/glm-4.6'],
  ['phi 4', 'model:microsoft/phi-4'],
  ['o3 mini', 'model:openai/o3-mini'],
  ['gpt oss 120b', 'model:openai/gpt-oss-120b'],
  ['llama3.1 8b', 'model:meta/llama-3.1-8b'],
  ['qwen 2.5 72b', 'model:qwen/qwen2.5-72b'],
  ['nova pro', 'model:amazon/nova-pro'],
  ['sonar pro', 'model:perplexity/sonar-pro'],
  ['grok 4', 'model:xai/grok-4'],
  // Providers and creators.
  ['bedrock', 'provider:amazon-bedrock'],
  ['vertex', 'provider:google-vertex'],
  ['groq', 'provider:groq'],
  ['deep infra', 'provider:deepinfra'],
  ['openrouter', 'provider:openrouter'],
  ['fireworks', 'provider:fireworks-ai'],
  ['meta', 'organization:meta'],
  ['nvidia', 'organization:nvidia'],
  // Ids and aliases.
  ['llama-3.3-70b-instruct', 'model:meta/llama-3.3-70b'],
  ['llama-3.3-70b-versatile', 'model:meta/llama-3.3-70b'],
  ['claude-sonnet-4-5-20250929', 'model:anthropic/claude-sonnet-4.5'],
  ['gpt-4o-mini-2024-07-18', 'model:openai/gpt-4o-mini'],
  ['meta-llama/Llama-3.3-70B-Instruct', 'model:meta/llama-3.3-70b'],
  ['text-embedding-3-small', 'model:openai/text-embedding-3-small'],
  ['mixtral-8x7b', 'model:mistral/mixtral-8x7b'],
];

describe('on the real data', () => {
  let wire: NameIndexWire;
  let search: ReturnType<typeof nameSearcher>;
  before(() => {
    const r = loadData(join(import.meta.dirname, '../../../data')).records!;
    const c = linkCatalog(r.providers, r.models, r.organizations, r.offerings, r.families);
    wire = nameIndex(c.providers, c.organizations, familyPages(r.families, c.models), c.models);
    search = nameSearcher(readNameIndex(wire));
  });

  test('the index is at most 20 KB with brotli', () => {
    const raw = Buffer.from(JSON.stringify(wire));
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const n = wire.p.length + wire.o.length + wire.f.length + wire.m.length;
    console.log(
      `# /search/names.json: ${n} entries, ${(raw.length / 1024).toFixed(1)} KB raw, ${(br / 1024).toFixed(1)} KB brotli`,
    );
    assert.ok(br <= 20 * 1024, `${br} bytes brotli`);
  });

  test(`${EXPECTED.length} queries each find their entry in the top three`, () => {
    assert.ok(new Set(EXPECTED.map(([q]) => q)).size >= 30);
    const misses = EXPECTED.flatMap(([q, want]) => {
      const got = search(q, 3).hits.map((h) => `${h.entry.kind}:${h.entry.id}`);
      return got.includes(want) ? [] : [`${q} → ${got.join(', ')} (want ${want})`];
    });
    assert.deepEqual(misses, []);
  });
});
