/**
 * LiteLLM's price map (`model_prices_and_context_window.json`, https://github.com/BerriAI/litellm)
 * → observations.
 *
 * Input: `{key: entry}`, prices in USD per token (× 1,000,000 = USD per 1M tokens) or per unit
 * (image, second). Read per entry: input, output, cache read/write, 1-hour cache write, reasoning,
 * audio and image tokens, batch (`…_batches`), flex (`…_flex`) and priority (`…_priority`)
 * prices, the price per generated image (image-generation entries that are not per quality or
 * size), per second of audio transcribed or video generated, and `deprecation_date` (with status
 * `deprecated` once the date is on or before the file's `last_updated` day), and
 * `max_output_tokens` of text models when it is below `max_input_tokens` (in 923 entries the two
 * are equal: the legacy field holds the context there, not an output cap). planObservations
 * leaves out a limit the offering or its model cannot hold, and reports it.
 *
 * Keys carry LiteLLM's routing prefix (`gemini/…`, `together_ai/…`), which is removed; keys of
 * one region (`bedrock/<region>/…`, `azure/us/…`; regions are handled apart), per-size or
 * per-quality image keys, the Fireworks and Together size buckets and the non-model keys
 * (`sample_spec`, `fallback_generalizations`, `last_updated`) are skipped with a reason.
 *
 * `mapLiteLLM` is the pure mapping; `load` reads the file and calls it.
 */
import { readFileSync } from 'node:fs';
import type { KnownOffering, SourceLoad } from '../../import.ts';
import type { SourceEntry } from '../observe.ts';
import { implausible, resolveCandidates, type Candidate } from './portkey.ts';
import { isObj, type Json } from '../json.ts';

/**
 * LiteLLM provider (`litellm_provider`) → our provider ids, in priority order (a provider listed
 * first wins when two state the same offering). Vertex AI's families go to both our Vertex
 * providers (Claude is `google-vertex-anthropic`; `google-vertex` also lists some Claude ids).
 * Not mapped: `wandb`, whose per-token prices are per-1M prices divided by 10 (gpt-oss-120b at
 * 0.015 a token), and providers we do not list.
 */
export const LITELLM_PROVIDERS: readonly (readonly [string, readonly string[]])[] = [
  ['openai', ['openai']],
  ['text-completion-openai', ['openai']],
  ['anthropic', ['anthropic']],
  ['gemini', ['google']],
  ['vertex_ai-anthropic_models', ['google-vertex-anthropic', 'google-vertex']],
  ['vertex_ai-language-models', ['google-vertex']],
  ['vertex_ai-llama_models', ['google-vertex']],
  ['vertex_ai-mistral_models', ['google-vertex']],
  ['vertex_ai-deepseek_models', ['google-vertex']],
  ['vertex_ai-qwen_models', ['google-vertex']],
  ['vertex_ai-openai_models', ['google-vertex']],
  ['vertex_ai-zai_models', ['google-vertex']],
  ['vertex_ai-minimax_models', ['google-vertex']],
  ['vertex_ai-moonshot_models', ['google-vertex']],
  ['vertex_ai-ai21_models', ['google-vertex']],
  ['vertex_ai-embedding-models', ['google-vertex']],
  ['vertex_ai-image-models', ['google-vertex']],
  ['vertex_ai-video-models', ['google-vertex']],
  ['vertex_ai-text-models', ['google-vertex']],
  ['vertex_ai', ['google-vertex']],
  ['bedrock_converse', ['amazon-bedrock']],
  ['bedrock', ['amazon-bedrock']],
  ['azure', ['azure']],
  ['azure_ai', ['azure']],
  ['mistral', ['mistral']],
  ['xai', ['xai']],
  ['deepseek', ['deepseek']],
  ['groq', ['groq']],
  ['together_ai', ['togetherai']],
  ['fireworks_ai', ['fireworks-ai']],
  ['fireworks_ai-embedding-models', ['fireworks-ai']],
  ['deepinfra', ['deepinfra']],
  ['cerebras', ['cerebras']],
  ['openrouter', ['openrouter']],
  ['moonshot', ['moonshotai']],
  ['zai', ['zai']],
  ['dashscope', ['alibaba']],
  ['cohere_chat', ['cohere']],
  ['cohere', ['cohere']],
  ['vercel_ai_gateway', ['vercel']],
  ['novita', ['novita-ai']],
  ['nebius', ['nebius']],
  ['perplexity', ['perplexity']],
  ['cloudflare', ['cloudflare-workers-ai']],
  ['minimax', ['minimax']],
  ['github_copilot', ['github-copilot']],
  ['databricks', ['databricks']],
  ['snowflake', ['snowflake-cortex']],
  ['scaleway', ['scaleway']],
  ['ovhcloud', ['ovhcloud']],
  ['baseten', ['baseten']],
  ['gmi', ['gmicloud']],
  ['friendliai', ['friendli']],
  ['morph', ['morph']],
  ['sarvam', ['sarvam']],
  ['inception', ['inception']],
  ['v0', ['v0']],
  ['meta_llama', ['llama']],
  ['nvidia_nim', ['nvidia']],
];
const PROVIDER_MAP = new Map(LITELLM_PROVIDERS);
const PROVIDER_ORDER = new Map(LITELLM_PROVIDERS.map(([p], i) => [p, i]));

/** Top-level keys that are not models. */
const NOT_MODELS = new Set(['sample_spec', 'fallback_generalizations', 'last_updated']);

/** USD per token → USD per 1M tokens, without float noise. */
export const usdPerTokenToPerM = (usd: number) => Number((usd * 1_000_000).toPrecision(12));
const exactUsd = (usd: number) => Number(usd.toPrecision(12));

/** LiteLLM per-token fields → our meters. */
const TOKEN_FIELDS = {
  input_cost_per_token: 'input',
  output_cost_per_token: 'output',
  cache_read_input_token_cost: 'cache_read',
  cache_creation_input_token_cost: 'cache_write',
  cache_creation_input_token_cost_above_1hr: 'cache_write_1h',
  output_cost_per_reasoning_token: 'reasoning',
  input_cost_per_audio_token: 'input_audio',
  output_cost_per_audio_token: 'output_audio',
  input_cost_per_image_token: 'input_image',
  output_cost_per_image_token: 'output_image',
} as const;
const VARIANT_FIELDS = {
  batch: { input: 'input_cost_per_token_batches', output: 'output_cost_per_token_batches' },
  flex: {
    input: 'input_cost_per_token_flex',
    output: 'output_cost_per_token_flex',
    cache_read: 'cache_read_input_token_cost_flex',
  },
  priority: {
    input: 'input_cost_per_token_priority',
    output: 'output_cost_per_token_priority',
    cache_read: 'cache_read_input_token_cost_priority',
  },
} as const;
/** Per-unit fields (USD per unit), read only for the modes where the unit is unambiguous. */
const UNIT_FIELDS = ['output_cost_per_image', 'input_cost_per_second', 'output_cost_per_second'] as const;

type Variant = { input?: number; output?: number; cache_read?: number };
type Meter = (typeof TOKEN_FIELDS)[keyof typeof TOKEN_FIELDS] | 'per_image' | 'per_audio_second' | 'per_video_second';
export type LiteLLMPricing = { [m in Meter]?: number } & { batch?: Variant; flex?: Variant; priority?: Variant };

const PRICE_FIELDS: readonly string[] = [
  ...Object.keys(TOKEN_FIELDS),
  'input_cost_per_token_cache_hit',
  ...Object.values(VARIANT_FIELDS).flatMap((v) => Object.values(v)),
  ...UNIT_FIELDS,
];

/** Checks what the mapping reads; returns `key.field: message` errors. */
export const checkLiteLLM = (data: unknown): string[] => {
  if (!isObj(data)) return ['expected a JSON object {model key: entry}'];
  const errors: string[] = [];
  for (const [key, entry] of Object.entries(data)) {
    if (NOT_MODELS.has(key)) continue;
    if (!isObj(entry)) {
      errors.push(`${key}: expected an object (a model entry)`);
      continue;
    }
    if (entry.litellm_provider !== undefined && typeof entry.litellm_provider !== 'string')
      errors.push(`${key}.litellm_provider: expected a string, got ${JSON.stringify(entry.litellm_provider)}`);
    for (const f of PRICE_FIELDS) {
      const v = entry[f];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
        errors.push(`${key}.${f}: expected a price in USD (a number ≥ 0), got ${JSON.stringify(v)}`);
    }
    const d = entry.deprecation_date;
    if (d !== undefined && (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d)))
      errors.push(`${key}.deprecation_date: expected YYYY-MM-DD, got ${JSON.stringify(d)}`);
  }
  return errors;
};

/** Why a key is not an offering-wide price, or undefined when it is. */
export const skipReason = (key: string, entry: Json): string | undefined => {
  if (/^(fireworks-ai|together-ai)-/.test(key)) return 'a size-bucket price class, not a model';
  if (/^bedrock\/([a-z]{2}(-gov)?-[a-z]+-\d|\*)\//.test(key) || /^azure\/(us|eu|global|global-standard)\//.test(key))
    return 'a price for one region or data zone (regions are handled apart)';
  if (key.split('/').some((s) => /^(\d+|max)-x-(\d+|max)$/.test(s))) return 'a price for one image size or quality';
  if (typeof entry.litellm_provider !== 'string') return 'no litellm_provider';
  if (!PROVIDER_MAP.has(entry.litellm_provider)) return `provider "${entry.litellm_provider}" is not one of ours`;
  return undefined;
};

/** The API id: the key without LiteLLM's routing prefix. */
export const apiId = (key: string, provider: string): string => {
  const route = provider.startsWith('vertex_ai') ? 'vertex_ai' : provider.replace(/-embedding-models$/, '');
  for (const prefix of [`${provider}/`, `${route}/`]) if (key.startsWith(prefix)) return key.slice(prefix.length);
  return key;
};

const num = (e: Json, f: string): number | undefined => (typeof e[f] === 'number' ? e[f] : undefined);

/** One entry → the prices to observe (USD per 1M tokens, USD per unit), or why it gives none. */
export const litellmPricing = (entry: Json, key: string): { pricing: LiteLLMPricing } | { reason: string } => {
  const mode = typeof entry.mode === 'string' ? entry.mode : undefined;
  const base: LiteLLMPricing = {};
  for (const [theirs, ours] of Object.entries(TOKEN_FIELDS)) {
    const v = num(entry, theirs);
    if (v !== undefined) base[ours] = usdPerTokenToPerM(v);
  }
  const cacheHit = num(entry, 'input_cost_per_token_cache_hit'); // DeepSeek's older name for the cache read price
  if (base.cache_read === undefined && cacheHit !== undefined) base.cache_read = usdPerTokenToPerM(cacheHit);
  if (base.input === 0 && base.output === 0 && !key.endsWith(':free'))
    return { reason: 'input and output are 0 (an unpriced or subscription entry)' };
  const wrong = implausible(base);
  if (wrong) return { reason: wrong };
  const pricing: LiteLLMPricing = {};
  for (const [m, v] of Object.entries(base) as [Meter, number][])
    if (v > 0 || ((m === 'input' || m === 'output') && base.input === 0 && base.output === 0)) pricing[m] = v;
  if (base.output === 0 && base.input && mode === 'embedding') pricing.output = 0;
  if (pricing.cache_read !== undefined && pricing.input !== undefined && pricing.cache_read > pricing.input)
    delete pricing.cache_read;
  const perImage = num(entry, 'output_cost_per_image');
  if (perImage && mode === 'image_generation') pricing.per_image = exactUsd(perImage);
  const inSecond = num(entry, 'input_cost_per_second');
  if (inSecond && mode === 'audio_transcription') pricing.per_audio_second = exactUsd(inSecond);
  const outSecond = num(entry, 'output_cost_per_second');
  if (outSecond && mode === 'video_generation') pricing.per_video_second = exactUsd(outSecond);
  for (const [name, fields] of Object.entries(VARIANT_FIELDS) as [keyof typeof VARIANT_FIELDS, Json][]) {
    const v: Variant = {};
    for (const [m, f] of Object.entries(fields) as [keyof Variant, string][]) {
      const p = num(entry, f);
      if (p) v[m] = usdPerTokenToPerM(p);
    }
    if (v.cache_read !== undefined && v.input !== undefined && v.cache_read > v.input) delete v.cache_read;
    if (Object.keys(v).length) pricing[name] = v;
  }
  if (!Object.keys(pricing).length) return { reason: 'no price LiteLLM states per token, image or second' };
  return { pricing };
};

/** Modes whose output is text, for which `max_output_tokens` is an output cap. */
const TEXT_MODES = new Set(['chat', 'completion', 'responses']);

/** The output cap LiteLLM states, when it is safe to read (see the module comment). */
export const maxOutput = (entry: Json): number | undefined => {
  const out = entry.max_output_tokens;
  const input = entry.max_input_tokens;
  if (typeof entry.mode !== 'string' || !TEXT_MODES.has(entry.mode)) return undefined;
  if (typeof out !== 'number' || !Number.isInteger(out) || out <= 0 || typeof input !== 'number') return undefined;
  return out < input ? out : undefined;
};

/** The snapshot day of the file (the mirror's `last_updated`), when stated. */
const snapshotDay = (data: Json): string | undefined =>
  typeof data.last_updated === 'string' && /^\d{4}-\d{2}-\d{2}/.test(data.last_updated)
    ? data.last_updated.slice(0, 10)
    : undefined;

/** Maps a checked LiteLLM file to observations of our offerings. */
export const mapLiteLLM = (data: Json, known: readonly KnownOffering[]): Extract<SourceLoad, { ok: true }> => {
  const candidates: Candidate[] = [];
  const skipped: { key: string; reason: string }[] = [];
  const day = snapshotDay(data);
  let index = 0;
  for (const [key, entry] of Object.entries(data)) {
    index++;
    if (NOT_MODELS.has(key) || !isObj(entry)) continue;
    const reason = skipReason(key, entry);
    if (reason) {
      skipped.push({ key, reason });
      continue;
    }
    const provider = entry.litellm_provider as string;
    const result = litellmPricing(entry, key);
    const deprecation = typeof entry.deprecation_date === 'string' ? entry.deprecation_date : undefined;
    if ('reason' in result && !deprecation) {
      skipped.push({ key, reason: result.reason });
      continue;
    }
    const observation: SourceEntry['observation'] = { key };
    // The price source LiteLLM cites for the entry, when it is an https page.
    if (typeof entry.source === 'string' && /^https:\/\/[^\s]+$/.test(entry.source) && entry.source.length <= 2048)
      observation.url = entry.source;
    if ('pricing' in result) observation.pricing = result.pricing;
    const output = maxOutput(entry);
    if (output !== undefined) observation.limits = { max_output_tokens: output };
    if (deprecation) {
      observation.deprecation_date = deprecation;
      if (day && deprecation <= day) observation.status = 'deprecated';
    }
    candidates.push({
      key,
      providers: PROVIDER_MAP.get(provider)!,
      id: apiId(key, provider),
      // Providers in table order, then file order.
      order: PROVIDER_ORDER.get(provider)! * 1_000_000 + index,
      observation,
    });
  }
  return { ok: true, entries: resolveCandidates(candidates, known), skipped };
};

export const load = (path: string, known: readonly KnownOffering[]): SourceLoad => {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { ok: false, errors: [`${path}: ${(e as Error).message}`] };
  }
  const errors = checkLiteLLM(data);
  if (errors.length || !isObj(data)) return { ok: false, errors };
  return mapLiteLLM(data, known);
};
