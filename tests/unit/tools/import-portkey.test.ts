/**
 * The Portkey importer (tools/import/sources/portkey.ts) on a hand-made copy of its folder format
 * (tests/fixtures/import/portkey/: pricing/, general/, a tiny data folder and a broken folder).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { main } from '../../../tools/import.ts';
import {
  PORTKEY_PROVIDERS,
  centsPerTokenToUsdPerM,
  indexOfferings,
  load,
  matchId,
} from '../../../tools/import/sources/portkey.ts';
import { knownOfferings, runCli, snapshot, tempFolders } from '../../support/cli.ts';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'import', 'portkey');
const DATA = join(FIX, 'data');
const REPO_PROVIDERS = join(import.meta.dirname, '..', '..', '..', 'data', 'providers');
/** The `price` (US cents) at `path` in a fixture pricing file. */
const cents = (file: string, ...path: string[]): number => {
  const v = [...path, 'price'].reduce<unknown>(
    (cur, k) => (typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[k] : undefined),
    JSON.parse(readFileSync(join(FIX, 'pricing', `${file}.json`), 'utf8')),
  );
  assert.equal(typeof v, 'number', `${file} ${path.join(' > ')}`);
  return v as number;
};
/** A fixture price (cents per token) in USD per 1M tokens, as the test's own arithmetic. */
const usd = (c: number) => Number((c * 1e4).toPrecision(12));

const temp = tempFolders('import-portkey-');
const tempData = () => temp(DATA);
/** Runs the tool quietly; its exit code and output. */
const run = (...args: string[]) => runCli(main, args);
const known = () => knownOfferings(DATA);

describe('portkey: conversion', () => {
  test('US cents per token × 10,000 = USD per 1M tokens, without float noise', () => {
    assert.equal(centsPerTokenToUsdPerM(0.000125), 1.25);
    assert.equal(centsPerTokenToUsdPerM(3e-5), 0.3);
    assert.equal(centsPerTokenToUsdPerM(6.25e-6), 0.0625);
  });
  test('every provider the table maps to exists in data/providers', () => {
    for (const [, ours] of PORTKEY_PROVIDERS)
      for (const p of ours) assert.ok(existsSync(join(REPO_PROVIDERS, `${p}.yaml`)), `data/providers/${p}.yaml`);
  });
});

describe('portkey: mapping', () => {
  const loaded = load(FIX, known());
  assert.ok(loaded.ok);
  const entry = (provider: string, id: string) =>
    loaded.entries.find((e) => e.provider === provider && e.provider_model_id === id)?.observation;

  test('standard, batch, flex (lowest context tier) and priority prices of the default region', () => {
    const std = (m: string) => usd(cents('openai', 'gpt-5', 'pricing_config', 'pay_as_you_go', m));
    const batch = (m: string) => usd(cents('openai', 'gpt-5', 'pricing_config', 'batch_config', m));
    const modes = ['gpt-5', 'custom_pricing', 'regions', 'default', 'execution_modes'];
    const flex = (m: string) =>
      usd(cents('openai', ...modes, 'flex', 'context_tiers', 'lte-272k', 'pricing_config', 'pay_as_you_go', m));
    const prio = (m: string) => usd(cents('openai', ...modes, 'priority', 'pricing_config', 'pay_as_you_go', m));
    assert.deepEqual(entry('openai', 'gpt-5'), {
      key: 'openai/gpt-5',
      url: 'https://github.com/Portkey-AI/models/blob/main/pricing/openai.json',
      pricing: {
        input: std('request_token'),
        output: std('response_token'),
        cache_read: std('cache_read_input_token'),
        batch: { input: batch('request_token'), output: batch('response_token') },
        flex: { input: flex('request_token'), output: flex('response_token'), cache_read: flex('cache_read_input_token') },
        priority: { input: prio('request_token'), output: prio('response_token') },
      },
    });
  });
  test('a zero meter is a placeholder, except the output of an embedding model', () => {
    assert.equal(entry('openai', 'gpt-5')?.pricing?.cache_write, undefined);
    assert.equal(entry('openai', 'text-embedding-3-small')?.pricing?.output, 0);
    assert.ok(loaded.skipped.some((s) => s.key === 'openai/sora-2' && /0/.test(s.reason)));
  });
  test('per image only when one quality and size; audio per-call prices, null configs skipped with a reason', () => {
    assert.equal(
      entry('openai', 'dall-e-2')?.pricing?.per_image,
      cents('openai', 'dall-e-2', 'pricing_config', 'pay_as_you_go', 'image', 'standard', '1024x1024') / 100,
    );
    assert.equal(entry('openai', 'dall-e-3'), undefined);
    assert.equal(entry('openai', 'tts-1'), undefined);
    const reasons = Object.fromEntries(loaded.skipped.map((s) => [s.key, s.reason]));
    assert.match(reasons['openai/dall-e-3']!, /quality and size/);
    assert.match(reasons['openai/tts-1']!, /audio/);
    assert.match(reasons['openai/code-davinci-002']!, /null/);
  });
  test('Google tier-suffixed keys: the lowest lte tier is the base price', () => {
    const lte = (m: string) => usd(cents('google', 'gemini-2.5-pro-lte-128k', 'pricing_config', 'pay_as_you_go', m));
    assert.deepEqual(entry('google', 'gemini-2.5-pro'), {
      key: 'google/gemini-2.5-pro-lte-128k',
      url: 'https://github.com/Portkey-AI/models/blob/main/pricing/google.json',
      pricing: {
        input: lte('request_token'),
        output: lte('response_token'),
        cache_read: lte('cache_read_input_token'),
      },
    });
  });
  test('an OpenRouter :batch key is the batch price of its base key, not an entry', () => {
    const b = (m: string) => usd(cents('openrouter', 'openai/gpt-5:batch', 'pricing_config', 'pay_as_you_go', m));
    assert.deepEqual(entry('openrouter', 'openai/gpt-5')?.pricing?.batch, {
      input: b('request_token'),
      output: b('response_token'),
    });
    assert.ok(!loaded.entries.some((e) => e.provider_model_id.endsWith(':batch')));
  });
  test('Bedrock: the plain key also prices the geo-profile offerings, except GovCloud which has its own', () => {
    const plain = entry('amazon-bedrock', 'anthropic.claude-sonnet-4-5-20250929-v1:0');
    const oneHour = cents(
      'bedrock',
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      'pricing_config',
      'pay_as_you_go',
      'additional_units',
      'cache_write_1h',
    );
    assert.equal(plain?.pricing?.cache_write_1h, usd(oneHour));
    assert.deepEqual(entry('amazon-bedrock', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'), plain);
    assert.equal(
      entry('amazon-bedrock', 'us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0')?.key,
      'bedrock/us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0',
    );
  });
  test('Vertex: a key without @version matches our @default id; unmapped files are ignored', () => {
    assert.equal(entry('google-vertex-anthropic', 'claude-opus-4-6@default')?.key, 'vertex-ai/claude-opus-4-6');
    assert.ok(!loaded.entries.some((e) => e.observation.key?.startsWith('ai21/')));
  });
  test('an ambiguous id matches nothing; a bare id never matches a longer id of another model', () => {
    const index = indexOfferings([
      { provider: 'p', provider_model_id: 'a/x' },
      { provider: 'p', provider_model_id: 'b/x' },
      { provider: 'p', provider_model_id: 'x-large' },
    ]);
    assert.deepEqual(matchId(index, 'p', 'x'), []);
    assert.deepEqual(matchId(index, 'p', 'X-LARGE'), [{ id: 'x-large', rank: 1 }]);
  });
});

describe('portkey: through the import CLI', () => {
  test('bad input is rejected with every error named, and nothing is written', async () => {
    const dir = tempData();
    const before = snapshot(dir);
    const r = await run('portkey', join(FIX, 'bad'), '--data', dir, '--as-of', '2026-08-21');
    assert.equal(r.code, 1);
    assert.match(r.out, /pricing\/openai\.json: gpt-5\.pricing_config\.pay_as_you_go\.request_token\.price: expected/);
    assert.match(r.out, /pricing\/openai\.json: gpt-4o: expected an object/);
    assert.deepEqual(snapshot(dir), before);
    const missing = await run('portkey', join(FIX, 'nope'), '--data', dir);
    assert.equal(missing.code, 1);
    assert.deepEqual(snapshot(dir), before);
  });
  test('imports, stores the observation, and a second run writes nothing', async () => {
    const dir = tempData();
    const first = await run('portkey', FIX, '--data', dir, '--as-of', '2026-08-21');
    assert.equal(first.code, 0, first.out);
    const rec = parse(readFileSync(join(dir, 'offerings/openai/openai/gpt-5.yaml'), 'utf8'));
    assert.equal(rec.observations[0].source, 'portkey');
    assert.equal(rec.observations[0].as_of, '2026-08-21');
    assert.equal(rec.pricing.batch.input, usd(cents('openai', 'gpt-5', 'pricing_config', 'batch_config', 'request_token')));
    const after1 = snapshot(dir);
    const second = await run('portkey', FIX, '--data', dir, '--as-of', '2026-08-21');
    assert.equal(second.code, 0);
    assert.match(second.out, /Wrote 0 files/);
    assert.deepEqual(snapshot(dir), after1);
  });
  test("a provider observation keeps its price against Portkey's", async () => {
    const dir = tempData();
    const rel = join(dir, 'offerings/google/google/gemini-2.5-pro.yaml');
    const page = 0.99;
    writeFileSync(
      rel,
      readFileSync(rel, 'utf8').replace('input: 1.25', `input: ${page}`) +
        `observations:\n  - source: provider\n    as_of: 2026-12-02\n    url: https://ai.google.dev/gemini-api/docs/pricing\n    pricing:\n      input: ${page}\n`,
    );
    const r = await run('portkey', FIX, '--data', dir, '--as-of', '2026-08-21');
    assert.equal(r.code, 0, r.out);
    const rec = parse(readFileSync(rel, 'utf8'));
    assert.equal(rec.pricing.input, page);
    const portkey = (rec.observations as { source: string; pricing: { input: number } }[]).find((o) => o.source === 'portkey');
    assert.equal(
      portkey?.pricing.input,
      usd(cents('google', 'gemini-2.5-pro-lte-128k', 'pricing_config', 'pay_as_you_go', 'request_token')),
    );
  });
});
