/** Which organization the importer files a new model under: creator prefixes, fine-tune publishers, re-packagers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, linkId } from '../../../tools/import/link.ts';
import { groupOrg } from '../../../tools/import/plan.ts';
import { CURATED_ALIASES } from '../../../tools/import/aliases.ts';
import { deriveFamily, normalizeModelId } from '../../../tools/import/normalize.ts';

const empty = buildIndex([]);
const orgOf = (...ids: string[]) => groupOrg(ids.map((id) => ({ link: linkId(id, empty) })));

test("a fine-tune's publisher prefix wins over the base model's name pattern", () => {
  assert.equal(orgOf('huihui-ai/Llama-3.3-70B-Instruct-abliterated'), 'huihui-ai');
  assert.equal(orgOf('Salesforce/Llama-xLAM-2-70b-fc-r'), 'salesforce');
  assert.equal(orgOf('workers-ai/@cf/aisingapore/gemma-sea-lion-v4-27b-it'), 'aisingapore');
  assert.equal(orgOf('nex-agi/deepseek-v3.1-nex-n1'), 'nex-agi');
});

test('Deepgram and Voyage ids are theirs, not Amazon Nova or Cohere Rerank', () => {
  assert.equal(orgOf('workers-ai/@cf/deepgram/nova-3'), 'deepgram');
  assert.equal(orgOf('voyage/rerank-2.5'), 'voyage');
  // Without a prefix the name patterns still apply.
  assert.equal(orgOf('nova-2-lite'), 'amazon');
  assert.equal(orgOf('rerank-v3.5'), 'cohere');
});

test('re-packagers (quantizers, hosts) are not makers: the name pattern decides', () => {
  assert.equal(orgOf('unsloth/gemma-3-27b-it'), 'google');
  assert.equal(orgOf('neuralmagic/Mistral-Nemo-Instruct-2407-FP8'), 'mistral');
  assert.equal(orgOf('Intel/Qwen3-Coder-480B-A35B-Instruct-int4-mixed-ar'), 'qwen');
});

test('a fine-tune that names no maker goes to "community"; a branded one to its brand', () => {
  assert.equal(orgOf('TEE/gemma-4-26b-a4b-uncensored'), 'community');
  assert.equal(orgOf('Qwen3.5-27B-Derestricted'), 'community');
  assert.equal(orgOf('venice-uncensored'), 'venice');
  // DeepSeek's own distills stay DeepSeek's.
  assert.equal(orgOf('deepseek-r1-distill-qwen-14b'), 'deepseek');
});

test('merged variants link to their canonical model through the curated aliases', () => {
  const canon = [
    ['ollama', 'deepseek-v3.1:671b', 'deepseek/deepseek-v3.1'],
    ['aihubmix', 'claude-opus-4-6-think', 'anthropic/claude-opus-4.6'],
    ['fireworks', 'accounts/fireworks/routers/kimi-k2p6-fast', 'moonshotai/kimi-k2.6'],
    ['kimi-for-coding', 'k2p5', 'moonshotai/kimi-k2.5'],
    ['vercel', 'alibaba/qwen-3-235b', 'qwen/qwen3-235b-2507'],
    ['nebius', 'deepseek-ai/DeepSeek-V3.2-fast', 'deepseek/deepseek-v3.2'],
  ] as const;
  const ids: string[] = [...new Set(canon.map(([, , m]) => m)), 'qwen/qwen3-235b'];
  const index = buildIndex(ids.map((id) => ({ id })));
  for (const [, raw, model] of canon) assert.equal(linkId(raw, index).model, model, raw);
  // Every curated target is itself a normalized key (a fixed point of the rules).
  for (const to of Object.values(CURATED_ALIASES)) assert.equal(normalizeModelId(to).key, to, to);
});

test('deriveFamily picks only curated family records, the most specific one, of the same organization', () => {
  const families = new Map<string, string | undefined>([
    ['llama', 'meta'],
    ['llama-3.3', 'meta'],
    ['claude-4.5', 'anthropic'],
    ['gemma-4', 'google'],
    ['gpt-5.1', 'openai'],
    ['mistral-small', 'mistral'],
    ['misc', undefined],
  ]);
  assert.equal(deriveFamily('llama-3.3-70b', 'meta', families), 'llama-3.3');
  assert.equal(deriveFamily('llama-3.2-1b', 'meta', families), 'llama', 'no Llama 3.2 record: the family');
  assert.equal(deriveFamily('claude-sonnet-4.5', 'anthropic', families), 'claude-4.5');
  assert.equal(deriveFamily('gpt-5.1-codex-mini', 'openai', families), 'gpt-5.1');
  assert.equal(deriveFamily('mistral-small-2506', 'mistral', families), 'mistral-small');
  assert.equal(deriveFamily('gemma-4-31b-darkidol', 'community', families), undefined, "another maker's fine-tune");
  assert.equal(deriveFamily('misc-7b', 'anyone', families), 'misc', 'a record without organization fits any');
  assert.equal(deriveFamily('brand-new-model', 'acme', families), undefined, 'never invented');
});
