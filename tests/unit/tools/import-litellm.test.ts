/**
 * The LiteLLM importer (tools/import/sources/litellm.ts) on a hand-made file in its format
 * (tests/fixtures/import/litellm/), against the tiny data folder of the Portkey tests.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { main } from '../../../tools/import.ts';
import { fitLimits } from '../../../tools/import/observe.ts';
import { LITELLM_PROVIDERS, apiId, load, usdPerTokenToPerM } from '../../../tools/import/sources/litellm.ts';
import { knownOfferings, runCli, snapshot, tempFolders } from '../../support/cli.ts';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'import', 'litellm');
const PRICES = join(FIX, 'prices.json');
const DATA = join(import.meta.dirname, '..', '..', 'fixtures', 'import', 'portkey', 'data');
const REPO_PROVIDERS = join(import.meta.dirname, '..', '..', '..', 'data', 'providers');
const file = JSON.parse(readFileSync(PRICES, 'utf8')) as Record<string, Record<string, unknown>>;
/** A fixture value (USD per token or per unit). */
const val = (key: string, field: string): number => {
  const v = file[key]?.[field];
  assert.equal(typeof v, 'number', `${key}.${field}`);
  return v as number;
};
/** USD per token → per 1M tokens, the test's own arithmetic. */
const perM = (key: string, field: string) => Number((val(key, field) * 1e6).toPrecision(12));

const temp = tempFolders('import-litellm-');
const tempData = () => temp(DATA);
/** Runs the tool quietly; its exit code and output. */
const run = (...args: string[]) => runCli(main, args);
const known = () => knownOfferings(DATA);

describe('litellm: conversion and ids', () => {
  test('USD per token × 1,000,000 = USD per 1M tokens, without float noise', () => {
    assert.equal(usdPerTokenToPerM(2.5e-6), 2.5);
    assert.equal(usdPerTokenToPerM(1.25e-7), 0.125);
    assert.equal(usdPerTokenToPerM(3.3e-6), 3.3);
  });
  test("the routing prefix is removed, once, and only LiteLLM's own", () => {
    assert.equal(apiId('gemini/gemini-2.5-pro', 'gemini'), 'gemini-2.5-pro');
    assert.equal(apiId('openrouter/openrouter/auto', 'openrouter'), 'openrouter/auto');
    assert.equal(apiId('vertex_ai/claude-opus-4-6@default', 'vertex_ai-anthropic_models'), 'claude-opus-4-6@default');
    assert.equal(apiId('meta-llama/Llama-3.3-70B', 'together_ai'), 'meta-llama/Llama-3.3-70B');
  });
  test('every provider the table maps to exists in data/providers', () => {
    for (const [, ours] of LITELLM_PROVIDERS)
      for (const p of ours) assert.ok(existsSync(join(REPO_PROVIDERS, `${p}.yaml`)), `data/providers/${p}.yaml`);
  });
});

describe('litellm: mapping', () => {
  const loaded = load(PRICES, known());
  assert.ok(loaded.ok);
  const entry = (provider: string, id: string) =>
    loaded.entries.find((e) => e.provider === provider && e.provider_model_id === id)?.observation;
  const reason = (key: string) => loaded.skipped.find((s) => s.key === key)?.reason ?? '';

  test('standard, batch, flex and priority prices, and the output cap', () => {
    assert.deepEqual(entry('openai', 'gpt-5'), {
      key: 'gpt-5',
      limits: { max_output_tokens: val('gpt-5', 'max_output_tokens') },
      pricing: {
        input: perM('gpt-5', 'input_cost_per_token'),
        output: perM('gpt-5', 'output_cost_per_token'),
        cache_read: perM('gpt-5', 'cache_read_input_token_cost'),
        batch: { input: perM('gpt-5', 'input_cost_per_token_batches'), output: perM('gpt-5', 'output_cost_per_token_batches') },
        flex: {
          input: perM('gpt-5', 'input_cost_per_token_flex'),
          output: perM('gpt-5', 'output_cost_per_token_flex'),
          cache_read: perM('gpt-5', 'cache_read_input_token_cost_flex'),
        },
        priority: {
          input: perM('gpt-5', 'input_cost_per_token_priority'),
          output: perM('gpt-5', 'output_cost_per_token_priority'),
          cache_read: perM('gpt-5', 'cache_read_input_token_cost_priority'),
        },
      },
    });
  });
  test('deprecation_date, and status deprecated once the date is on or before the snapshot day', () => {
    const day = String(file.last_updated).slice(0, 10);
    const past = entry('openai', 'text-embedding-3-small');
    assert.equal(past?.deprecation_date, file['text-embedding-3-small']?.deprecation_date);
    assert.ok(String(past?.deprecation_date) <= day);
    assert.equal(past?.status, 'deprecated');
    assert.equal(past?.pricing?.output, 0, 'an embedding model states output 0');
    const future = entry('google', 'gemini-2.5-pro');
    assert.ok(String(future?.deprecation_date) > day);
    assert.equal(future?.status, undefined);
  });
  test('the provider comes from litellm_provider, not the key: an unprefixed Gemini key is Vertex', () => {
    assert.equal(entry('google', 'gemini-2.5-pro')?.pricing?.input, perM('gemini/gemini-2.5-pro', 'input_cost_per_token'));
    assert.equal(entry('google-vertex', 'gemini-2.5-pro')?.pricing?.input, perM('gemini-2.5-pro', 'input_cost_per_token'));
  });
  test('Bedrock: a geo key keeps its own price; the plain key prices the plain offering', () => {
    const plain = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
    assert.equal(entry('amazon-bedrock', `us.${plain}`)?.pricing?.input, perM(`us.${plain}`, 'input_cost_per_token'));
    assert.equal(
      entry('amazon-bedrock', plain)?.pricing?.cache_write_1h,
      perM(plain, 'cache_creation_input_token_cost_above_1hr'),
    );
    assert.match(reason(`bedrock/us-gov-west-1/${plain}`), /region/);
    assert.equal(entry('amazon-bedrock', `us-gov.${plain}`), undefined);
  });
  test('per image and per second where the unit is clear; per-size keys, buckets and unit errors skipped', () => {
    assert.equal(entry('openai', 'dall-e-2')?.pricing?.per_image, val('dall-e-2', 'output_cost_per_image'));
    assert.equal(entry('openai', 'whisper-1')?.pricing?.per_audio_second, val('whisper-1', 'input_cost_per_second'));
    assert.match(reason('standard/1024-x-1024/dall-e-3'), /size/);
    assert.match(reason('fireworks-ai-up-to-4b'), /bucket/);
    assert.match(reason('wandb/openai/gpt-oss-120b'), /not one of ours/);
    assert.match(reason('azure_ai/jais-30b-chat'), /implausible/);
    for (const k of ['sample_spec', 'fallback_generalizations', 'last_updated'])
      assert.ok(!loaded.entries.some((e) => e.observation.key === k) && !reason(k));
  });
  test('max_output_tokens equal to max_input_tokens is the context, not an output cap: left out', () => {
    assert.equal(val('openrouter/openai/gpt-5', 'max_output_tokens'), val('openrouter/openai/gpt-5', 'max_input_tokens'));
    assert.equal(entry('openrouter', 'openai/gpt-5')?.limits, undefined);
  });
  test("DeepSeek's input_cost_per_token_cache_hit is the cache read price", () => {
    assert.equal(
      entry('deepseek', 'deepseek-reasoner')?.pricing?.cache_read,
      perM('deepseek/deepseek-reasoner', 'input_cost_per_token_cache_hit'),
    );
  });
  test('Vertex Claude and OpenRouter keys match our ids after the prefix', () => {
    assert.equal(entry('google-vertex-anthropic', 'claude-opus-4-6@default')?.key, 'vertex_ai/claude-opus-4-6@default');
    assert.equal(entry('openrouter', 'openai/gpt-5')?.key, 'openrouter/openai/gpt-5');
  });
});

describe('litellm: through the import CLI', () => {
  test('bad input is rejected with every error named, and nothing is written', async () => {
    const dir = tempData();
    const before = snapshot(dir);
    const r = await run('litellm', join(FIX, 'bad.json'), '--data', dir, '--as-of', '2026-07-24');
    assert.equal(r.code, 1);
    assert.match(r.out, /gpt-5\.input_cost_per_token: expected a price/);
    assert.match(r.out, /gpt-5\.output_cost_per_token: expected a price/);
    assert.match(r.out, /gpt-4o: expected an object/);
    assert.match(r.out, /o3\.deprecation_date: expected YYYY-MM-DD/);
    const notJson = await run('litellm', join(FIX, 'not-json.json'), '--data', dir);
    assert.equal(notJson.code, 1);
    assert.deepEqual(snapshot(dir), before);
  });
  test('imports, sets the deprecation, and a second run writes nothing', async () => {
    const dir = tempData();
    const first = await run('litellm', PRICES, '--data', dir, '--as-of', '2026-07-24');
    assert.equal(first.code, 0, first.out);
    const emb = parse(readFileSync(join(dir, 'offerings/openai/openai/text-embedding-3-small.yaml'), 'utf8'));
    assert.equal(emb.status, 'deprecated');
    assert.equal(emb.deprecation_date, file['text-embedding-3-small']?.deprecation_date);
    assert.equal(emb.observations[0].source, 'litellm');
    const after1 = snapshot(dir);
    const second = await run('litellm', PRICES, '--data', dir, '--as-of', '2026-07-24');
    assert.equal(second.code, 0);
    assert.match(second.out, /Wrote 0 files/);
    assert.deepEqual(snapshot(dir), after1);
  });
  test('a limit the offering cannot hold is left out of the observation and reported', async () => {
    const dir = tempData();
    const rel = join(dir, 'offerings/google/google/gemini-2.5-pro.yaml');
    const window = parse(readFileSync(rel, 'utf8')).limits.context_window as number;
    assert.ok(val('gemini/gemini-2.5-pro', 'max_output_tokens') > window);
    const r = await run('litellm', PRICES, '--data', dir, '--as-of', '2026-07-24');
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /gemini-2\.5-pro\.yaml limits\.max_output_tokens 65535: exceeds the offering's context_window/);
    const rec = parse(readFileSync(rel, 'utf8'));
    assert.equal(rec.limits.max_output_tokens, undefined);
    assert.equal(rec.observations[0].limits, undefined);
    const gpt5 = parse(readFileSync(join(dir, 'offerings/openai/openai/gpt-5.yaml'), 'utf8'));
    assert.equal(gpt5.limits.max_output_tokens, val('gpt-5', 'max_output_tokens'));
  });
  test("a provider observation keeps its price against LiteLLM's", async () => {
    const dir = tempData();
    const rel = join(dir, 'offerings/openai/openai/gpt-5.yaml');
    const page = 1.1;
    writeFileSync(
      rel,
      readFileSync(rel, 'utf8').replace('input: 1.25', `input: ${page}`) +
        `observations:\n  - source: provider\n    as_of: 2026-12-02\n    url: https://platform.openai.com/docs/pricing\n    pricing:\n      input: ${page}\n`,
    );
    const r = await run('litellm', PRICES, '--data', dir, '--as-of', '2026-07-24');
    assert.equal(r.code, 0, r.out);
    const rec = parse(readFileSync(rel, 'utf8'));
    assert.equal(rec.pricing.input, page);
    const obs = (rec.observations as { source: string; pricing: { input: number } }[]).find((o) => o.source === 'litellm');
    assert.equal(obs?.pricing.input, perM('gpt-5', 'input_cost_per_token'));
  });
});

describe('fitLimits (tools/import/observe.ts)', () => {
  test("drops a limit above the model's cap or the offering's window, keeps the rest, and says why", () => {
    const obs = { limits: { max_output_tokens: 64000, max_input_tokens: 100000 } };
    const lines = fitLimits('offerings/x.yaml', obs, { limits: { context_window: 200000 } }, { max_output_tokens: 32000 });
    assert.deepEqual(obs, { limits: { max_input_tokens: 100000 } });
    assert.deepEqual(lines, ["offerings/x.yaml limits.max_output_tokens 64000: exceeds the model's max_output_tokens of 32000"]);
    const wide = { limits: { max_output_tokens: 300000 } };
    assert.equal(fitLimits('o', wide, { limits: { context_window: 200000 } }, undefined).length, 1);
    assert.deepEqual(wide, {});
  });
});
