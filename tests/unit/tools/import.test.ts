/**
 * The models.dev importer on small fixtures (tests/fixtures/import/): mapping, linking rules,
 * 0/0 billing, invalid source values, idempotency, curated fields, malformed input.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'yaml';
import { main } from '../../../tools/import.ts';
import { loadData } from '../../../src/model/load.ts';
import { linkId, buildIndex } from '../../../tools/import/link.ts';
import { parseModelsDev } from '../../../tools/import/models-dev.ts';
import { normalizeModelId } from '../../../tools/import/normalize.ts';
import { runCli, snapshot } from '../../support/cli.ts';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'import');
const API = join(FIX, 'small-api.json');
const temps: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'import-test-'));
  temps.push(d);
  return d;
};
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the tool quietly; its exit code and output. */
const run = (...args: string[]) => runCli(main, args);
const read = (dir: string, rel: string) => parse(readFileSync(join(dir, rel), 'utf8'));

describe('linking rules', () => {
  test('three provider ids of Llama 3.3 70B reduce to one key', () => {
    const ids = [
      'llama-3.3-70b-versatile',
      'meta-llama/Llama-3.3-70B-Instruct-Turbo',
      'accounts/fireworks/models/llama-v3p3-70b-instruct',
    ];
    assert.deepEqual(new Set(ids.map((i) => normalizeModelId(i).key)), new Set(['llama-3.3-70b']));
    assert.equal(normalizeModelId('meta-llama/Llama-3.3-70B-Instruct-Turbo').prefixOrg, 'meta');
  });
  test('each link names the rules that made it', () => {
    const l = linkId('accounts/fireworks/models/llama-v3p3-70b-instruct', buildIndex([{ id: 'meta/llama-3.3-70b' }]));
    assert.equal(l.model, 'meta/llama-3.3-70b');
    assert.match(l.via, /strip-path-prefix.*p-version.*strip-serving-tokens/);
  });
  test('distinct models stay distinct', () => {
    const key = (s: string) => normalizeModelId(s).key;
    assert.notEqual(key('gpt-4-turbo'), key('gpt-4'));
    assert.notEqual(key('grok-4-fast'), key('grok-4'));
    assert.notEqual(key('qwen3-235b-a22b-thinking-2507'), key('qwen3-235b-a22b-instruct-2507'));
    assert.equal(key('claude-3-7-sonnet-20250219'), key('anthropic/claude-3.7-sonnet:thinking'));
    assert.equal(key('us.anthropic.claude-sonnet-4-5-20250929-v1:0'), 'claude-sonnet-4.5');
  });
  test('normalization is idempotent', () => {
    for (const id of [
      'Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8',
      '@cf/meta/llama-3.3-70b-instruct-fp8-fast',
      'gpt-35-turbo',
      'claude-opus-4-1@20250805',
    ]) {
      const k = normalizeModelId(id).key;
      assert.equal(normalizeModelId(k).key, k);
    }
  });
});

describe('import into an empty folder', async () => {
  const dir = tempDir();
  const first = await run('models-dev', API, '--data', dir);

  test('succeeds and the result validates', () => {
    assert.equal(first.code, 0, first.out);
    assert.deepEqual(loadData(dir).problems, []);
  });
  test('links the three Llama ids (and the :free one) to one model', () => {
    for (const rel of [
      'offerings/groq/meta/llama-3.3-70b.yaml',
      'offerings/togetherai/meta/llama-3.3-70b.yaml',
      'offerings/fireworks-ai/meta/llama-3.3-70b.yaml',
    ]) {
      assert.equal(read(dir, rel).model, 'meta/llama-3.3-70b', rel);
    }
    assert.equal(
      read(dir, 'offerings/openrouter/meta/llama-3.3-70b.yaml').provider_model_id,
      'meta-llama/llama-3.3-70b-instruct:free',
    );
    const models = readdirSync(join(dir, 'models', 'meta'));
    assert.deepEqual(models, ['llama-3.3-70b.yaml']);
    assert.equal(read(dir, 'organizations/meta.yaml').name, 'Meta');
  });
  test('maps prices, tiers, modes, limits and reasoning controls', () => {
    const o = read(dir, 'offerings/openai/openai/gpt-5.yaml');
    assert.deepEqual(o.pricing, {
      input: 1.25,
      output: 10,
      cache_read: 0.125,
      tiers: [{ above_tokens: 272000, input: 2.5, output: 15 }],
      modes: { fast: { input: 2.5, output: 20 } },
    });
    assert.deepEqual(o.limits, { context_window: 400000, max_input_tokens: 272000, max_output_tokens: 128000 });
    assert.deepEqual(o.reasoning, {
      effort: ['minimal', 'low', 'medium', 'high'],
      interleaved: true,
      interleaved_field: 'reasoning_content',
    });
    const p = read(dir, 'providers/openai.yaml');
    assert.equal(p.kind, 'first-party');
    assert.equal(p.website, 'https://platform.openai.com');
    assert.equal(read(dir, 'providers/openrouter.yaml').kind, 'gateway');
  });
  test('0/0 offerings get a billing and no $0 meters', () => {
    assert.deepEqual(read(dir, 'offerings/zai-coding-plan/zhipuai/glm-4.7.yaml').pricing, { billing: 'subscription' });
    assert.deepEqual(read(dir, 'offerings/lmstudio/openai/gpt-oss-20b.yaml').pricing, { billing: 'self_hosted' });
    assert.deepEqual(read(dir, 'offerings/openrouter/meta/llama-3.3-70b.yaml').pricing, { billing: 'free' });
  });
  test('router ids stay unlinked, with a name, and are reported', () => {
    const o = read(dir, 'offerings/openrouter/openrouter-auto.yaml');
    assert.equal(o.model, undefined);
    assert.equal(o.name, 'Auto Router');
    assert.match(first.out, /Unlinked offerings \(2\)[\s\S]*auto\s+e\.g\. openrouter:openrouter\/auto/);
  });
  test('invalid source values are left out and reported', () => {
    const o = read(dir, 'offerings/groq/broken-model.yaml');
    assert.equal(o.release_date, undefined);
    assert.deepEqual(o.limits, { max_output_tokens: 8192 });
    assert.equal(o.pricing.cache_read, undefined);
    assert.match(first.out, /groq:broken-model release_date: "2025-02-30" is not a real date/);
    assert.match(first.out, /groq:broken-model limits.context_window: 0 is not a token count/);
    assert.match(first.out, /groq:broken-model pricing.cache_read: cache_read 0.5 exceeds input 0.1/);
  });
  test('a second run changes nothing, byte for byte', async () => {
    const before = snapshot(dir);
    const second = await run('models-dev', API, '--data', dir);
    assert.equal(second.code, 0);
    assert.match(second.out, /Wrote 0 files/);
    assert.doesNotMatch(second.out, /^\S+\s+\d+\s+[1-9]/m, 'no created or updated records');
    assert.deepEqual(snapshot(dir), before);
  });
});

describe('duplicate model ids (curated aliases)', () => {
  test('a host\'s id without "-preview" links to the preview model', () => {
    const index = buildIndex([{ id: 'google/gemini-3-pro-preview' }]);
    for (const id of ['gemini-3-pro', 'google/gemini-3-pro', 'databricks-gemini-3-pro']) {
      const l = linkId(id, index);
      assert.equal(l.model, 'google/gemini-3-pro-preview', id);
      assert.match(l.via, /curated-alias/, id);
    }
    assert.equal(linkId('gemini-3.1-pro-preview-customtools', index).model, undefined, 'a different endpoint stays apart');
  });
  test('Bedrock\'s "-v2" is part of the name, "-v1:0" and "-1:0" are API versions', () => {
    assert.equal(normalizeModelId('nvidia.nemotron-nano-9b-v2').key, normalizeModelId('nvidia/nvidia-nemotron-nano-9b-v2').key);
    assert.equal(normalizeModelId('openai.gpt-oss-20b-1:0').key, 'gpt-oss-20b');
    assert.equal(normalizeModelId('deepseek.r1-v1:0').key, 'deepseek-r1');
    assert.equal(
      linkId('deepseek.v3-v1:0', buildIndex([{ id: 'deepseek/deepseek-v3' }, { id: 'deepseek/deepseek-v3.1' }])).model,
      'deepseek/deepseek-v3.1',
    );
  });
  test('an import creates one model for the three ids', async () => {
    const dir = tempDir();
    const res = await run('models-dev', join(FIX, 'duplicates-api.json'), '--data', dir);
    assert.equal(res.code, 0, res.out);
    assert.deepEqual(loadData(dir).problems, []);
    assert.deepEqual(readdirSync(join(dir, 'models', 'google')), ['gemini-3-pro-preview.yaml']);
    for (const rel of [
      'offerings/google/google/gemini-3-pro-preview.yaml',
      'offerings/opencode/google/gemini-3-pro-preview.yaml',
      'offerings/databricks/google/gemini-3-pro-preview.yaml',
    ])
      assert.equal(read(dir, rel).model, 'google/gemini-3-pro-preview', rel);
    assert.ok(read(dir, 'models/google/gemini-3-pro-preview.yaml').aliases.includes('gemini-3-pro'));
  });
});

describe('import over hand-written records', async () => {
  const dir = tempDir();
  cpSync(join(FIX, 'curated'), dir, { recursive: true });
  const res = await run('models-dev', API, '--data', dir);

  test('keeps curated fields and updates owned ones', () => {
    assert.equal(res.code, 0, res.out);
    const p = read(dir, 'providers/groq.yaml');
    assert.equal(p.website, 'https://groq.com');
    assert.deepEqual(p.regions, [{ id: 'us-east', name: 'US East', country: 'US' }]);
    assert.deepEqual(p.compliance, ['soc2-type2']);
    assert.equal(p.notes, 'LPU-based inference.');
    assert.equal(p.docs_url, 'https://console.groq.com/docs/models', 'filled because the record had none');
    assert.equal(p.name, 'Groq');
    const o = read(dir, 'offerings/groq/meta/llama-3.3-70b.yaml');
    assert.deepEqual(o.regions, ['us-east']);
    assert.equal(o.notes, 'Served on LPUs.');
    assert.equal(o.last_verified, '2026-06-01');
    assert.deepEqual(o.pricing, { batch: { discount: 0.5 }, input: 0.59, output: 0.79 });
    assert.equal(o.features.batch, true);
    assert.equal(o.features.tool_calling, true);
    const m = read(dir, 'models/meta/llama-3.3-70b.yaml');
    assert.equal(m.license, 'Llama 3.3 Community License');
    assert.equal(m.family, 'llama-3.3');
    assert.equal(m.aliases[0], 'Llama 3.3 70B Instruct');
    assert.equal(read(dir, 'organizations/meta.yaml').name, 'Meta Platforms');
  });
  test('re-import is a no-op', async () => {
    const before = snapshot(dir);
    assert.match((await run('models-dev', API, '--data', dir)).out, /Wrote 0 files/);
    assert.deepEqual(snapshot(dir), before);
  });
});

describe('malformed input', () => {
  for (const f of ['not-json.json', 'wrong-shape.json']) {
    test(`${f} is rejected and nothing is written`, async () => {
      const dir = join(tempDir(), 'data');
      const r = await run('models-dev', join(FIX, f), '--data', dir);
      assert.equal(r.code, 1);
      assert.match(r.out, /is not a models.dev api.json file; nothing was written/);
      assert.equal(existsSync(dir), false);
    });
  }
  test('the parser names the bad path', () => {
    const r = parseModelsDev(
      '{"p": {"id": "p", "name": "P", "models": {"m": {"id": "m", "name": "M", "limit": {"context": "big", "output": 1}}}}}',
    );
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.errors.join('\n') : '', /p\.models\.m\.limit\.context/);
  });
});
