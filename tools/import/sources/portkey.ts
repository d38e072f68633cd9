/**
 * Portkey's open price database (https://github.com/Portkey-AI/models) → observations.
 *
 * Input: the repository's folder, holding `pricing/<provider>.json` (`{model_id: entry}`, prices
 * in US cents per token, × 10,000 = USD per 1M tokens; per image in cents) and `general/` (model
 * type, read to tell token prices from per-call prices that Portkey also files as `request_token`).
 *
 * Read per entry: `pricing_config.pay_as_you_go` (input, output, cache read/write, 1-hour cache
 * write, reasoning and audio tokens; per image when the entry has a single quality and size), the
 * batch price (`batch_config`, else the `batch` mode of the `default` region of `custom_pricing`)
 * and the flex and priority modes of that region. Context-tiered prices: the lowest tier.
 * Quirks handled (see /work/shared/reference/README.md): Google and BytePlus `-lte-<n>k` /
 * `-gt-<n>k` keys (the lowest `lte` tier is the base price), OpenRouter `:batch` keys (the batch
 * price of the base key), Bedrock keys without the geo prefix of our inference-profile ids, two
 * Azure files (both our `azure`; `azure-openai` first), `pricing_config: null`, zero placeholders.
 *
 * `mapPortkey` is the pure mapping; `load` reads the folder and calls it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KnownOffering, SourceLoad } from '../../import.ts';
import type { SourceEntry } from '../observe.ts';
import { isObj, type Json } from '../json.ts';

/**
 * Portkey file (provider) → our provider ids, in priority order: when two files state the same
 * offering, the file listed first wins (Azure: `azure-openai` is kept current for OpenAI models).
 * A file with several of our providers is matched against each (Vertex AI sells Claude as our
 * `google-vertex-anthropic` and everything else as `google-vertex`).
 */
export const PORTKEY_PROVIDERS: readonly (readonly [string, readonly string[]])[] = [
  ['openai', ['openai']],
  ['anthropic', ['anthropic']],
  ['google', ['google']],
  ['vertex-ai', ['google-vertex', 'google-vertex-anthropic']],
  ['bedrock', ['amazon-bedrock']],
  ['azure-openai', ['azure']],
  ['azure-ai', ['azure']],
  ['mistral-ai', ['mistral']],
  ['x-ai', ['xai']],
  ['deepseek', ['deepseek']],
  ['groq', ['groq']],
  ['together-ai', ['togetherai']],
  ['fireworks-ai', ['fireworks-ai']],
  ['deepinfra', ['deepinfra']],
  ['cerebras', ['cerebras']],
  ['openrouter', ['openrouter']],
  ['moonshot', ['moonshotai']],
  ['z-ai', ['zai']],
  ['zhipu', ['zhipuai']],
  ['dashscope', ['alibaba']],
  ['cohere', ['cohere']],
  ['minimax', ['minimax']],
  ['nebius', ['nebius']],
  ['novita-ai', ['novita-ai']],
  ['perplexity-ai', ['perplexity']],
  ['workers-ai', ['cloudflare-workers-ai']],
];

/** US cents per token → USD per 1M tokens, without float noise. */
export const centsPerTokenToUsdPerM = (cents: number) => Number((cents * 10_000).toPrecision(12));
/** US cents per unit → USD per unit. */
const centsToUsd = (cents: number) => Number((cents / 100).toPrecision(12));

/** pay_as_you_go meter → our observation meter (all per token). */
const TOKEN_METERS = {
  request_token: 'input',
  response_token: 'output',
  cache_read_input_token: 'cache_read',
  cache_write_input_token: 'cache_write',
  reasoning_token: 'reasoning',
  request_audio_token: 'input_audio',
  response_audio_token: 'output_audio',
  request_image_token: 'input_image',
  response_image_token: 'output_image',
} as const;
/** Per-modality text meters, read when the entry has no plain one (image models price text apart). */
const TEXT_METERS = {
  request_text_token: 'input',
  response_text_token: 'output',
  cache_read_text_input_token: 'cache_read',
} as const;
type Meter = (typeof TOKEN_METERS)[keyof typeof TOKEN_METERS] | 'cache_write_1h' | 'per_image';
type Variant = { input?: number; output?: number; cache_read?: number };
export type PortkeyPricing = { [m in Meter]?: number } & { batch?: Variant; flex?: Variant; priority?: Variant };

/** Model types (general/ `type.primary`) whose `request_token` is a per-call or per-unit price, not per token. */
const NOT_PER_TOKEN = new Set(['rerank', 'ocr', 'moderation', 'video']);

/** No model is priced above this per 1M tokens: a larger value is a unit error in the source. */
export const MAX_PLAUSIBLE_PER_M = 1000;
/** Why these per-token prices (USD per 1M) cannot be right, or undefined. */
export const implausible = (p: Partial<Record<string, number | object>>): string | undefined => {
  const high = (['input', 'output', 'cache_read', 'cache_write', 'cache_write_1h'] as const).find(
    (m) => typeof p[m] === 'number' && (p[m] as number) > MAX_PLAUSIBLE_PER_M,
  );
  return high ? `${high} of ${String(p[high])} USD per 1M tokens is implausible (a unit error in the source)` : undefined;
};

// ---------------------------------------------------------------------------------------------
// Matching source ids to our offerings (shared with the LiteLLM importer).

/** Geo prefixes of Amazon Bedrock cross-region inference profiles. */
export const BEDROCK_GEO = /^(us|eu|apac|au|jp|ca|global|us-gov)\./;
/** Profiles whose price differs from the in-region one by rule (GovCloud), never matched to a plain id. */
const PRICED_APART = /^us-gov\./;

/** How a source id was matched: lower is better; used to keep one entry per offering. */
export type MatchRank = 0 | 1 | 2 | 3;

interface ProviderIndex {
  exact: Map<string, string>;
  lower: Map<string, string[]>;
  /** Lowercased last path segment of ids that have a `/` ("accounts/fireworks/models/x" → "x"). */
  lastSegment: Map<string, string[]>;
  /** Lowercased id without its `@version` (Vertex "claude-opus-4-6@default" → "claude-opus-4-6"). */
  noVersion: Map<string, string[]>;
  /** Lowercased id without a Bedrock geo prefix, for ids that have one. */
  noGeo: Map<string, string[]>;
}
export type OfferingIndex = Map<string, ProviderIndex>;

const push = (m: Map<string, string[]>, k: string, v: string) => {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (!list.includes(v)) list.push(v);
};

export const indexOfferings = (known: readonly KnownOffering[]): OfferingIndex => {
  const index: OfferingIndex = new Map();
  for (const o of known) {
    let p = index.get(o.provider);
    if (!p) {
      p = { exact: new Map(), lower: new Map(), lastSegment: new Map(), noVersion: new Map(), noGeo: new Map() };
      index.set(o.provider, p);
    }
    const id = o.provider_model_id;
    const low = id.toLowerCase();
    p.exact.set(id, id);
    push(p.lower, low, id);
    if (low.includes('/')) push(p.lastSegment, low.slice(low.lastIndexOf('/') + 1), id);
    if (low.includes('@')) push(p.noVersion, low.slice(0, low.indexOf('@')), id);
    if (BEDROCK_GEO.test(low) && !PRICED_APART.test(low)) push(p.noGeo, low.replace(BEDROCK_GEO, ''), id);
  }
  return index;
};

/**
 * Our offerings of `provider` that the source id `id` names, each with how well: 0 exact, 1
 * ignoring case, 2 our id is the source id under a path (`accounts/fireworks/models/<id>`,
 * `<org>/<id>`) or with an `@version` (`<id>@default`), 3 our id is the source id with a Bedrock
 * geo prefix (`us.<id>`: the same model through a cross-region profile, a separate offering).
 * Rule 2 applies only to source ids without a `/` or `@` of their own and only when neither 0 nor
 * 1 found one, and only when exactly one offering fits: an ambiguous id matches nothing rather
 * than the wrong model.
 */
export const matchId = (index: OfferingIndex, provider: string, id: string): { id: string; rank: MatchRank }[] => {
  const p = index.get(provider);
  if (!p) return [];
  const out: { id: string; rank: MatchRank }[] = [];
  const low = id.toLowerCase();
  const exact = p.exact.get(id);
  const folded = p.lower.get(low);
  if (exact !== undefined) out.push({ id: exact, rank: 0 });
  else if (folded?.length === 1) out.push({ id: folded[0]!, rank: 1 });
  else if (!folded && !low.includes('/') && !low.includes('@')) {
    const fits = [...(p.lastSegment.get(low) ?? []), ...(p.noVersion.get(low) ?? [])];
    if (fits.length === 1) out.push({ id: fits[0]!, rank: 2 });
  }
  if (!BEDROCK_GEO.test(low)) for (const g of p.noGeo.get(low) ?? []) out.push({ id: g, rank: 3 });
  return out;
};

/**
 * One candidate observation before deduplication: the source key, the providers and id to match,
 * and a priority for ties (lower first; file order for Portkey).
 */
export interface Candidate {
  key: string;
  providers: readonly string[];
  id: string;
  order: number;
  observation: SourceEntry['observation'];
}

/**
 * Matches candidates to offerings and keeps one per offering: the best-ranked match, then the
 * lowest `order`. Candidates that match nothing are returned as entries with their first
 * provider and id, so that the import reports them as unmatched.
 */
export const resolveCandidates = (candidates: readonly Candidate[], known: readonly KnownOffering[]): SourceEntry[] => {
  const index = indexOfferings(known);
  const best = new Map<string, { c: Candidate; rank: number; provider: string; id: string }>();
  const unmatched: SourceEntry[] = [];
  for (const c of candidates) {
    let any = false;
    for (const provider of c.providers) {
      for (const { id, rank } of matchId(index, provider, c.id)) {
        any = true;
        const k = `${provider}\u0000${id}`;
        const cur = best.get(k);
        if (!cur || rank < cur.rank || (rank === cur.rank && c.order < cur.c.order)) best.set(k, { c, rank, provider, id });
      }
    }
    if (!any) unmatched.push({ provider: c.providers[0]!, provider_model_id: c.id, observation: c.observation });
  }
  const matched = [...best.values()]
    .sort((a, b) => a.c.order - b.c.order || (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0))
    .map((b) => ({ provider: b.provider, provider_model_id: b.id, observation: b.c.observation }));
  return [...matched, ...unmatched];
};

// ---------------------------------------------------------------------------------------------
// Reading and checking the files.

export interface PortkeyFolder {
  /** File name without `.json` → parsed JSON. */
  pricing: Record<string, unknown>;
  general: Record<string, unknown>;
}

/** Checks every price the mapping reads; returns `file: path: message` errors. */
export const checkPortkey = (folder: PortkeyFolder): string[] => {
  const errors: string[] = [];
  const checkPrices = (file: string, path: string, block: unknown) => {
    if (block === undefined) return;
    if (!isObj(block)) return void errors.push(`pricing/${file}.json: ${path}: expected an object of prices`);
    for (const [meter, v] of Object.entries(block)) {
      if (meter === 'image') {
        if (!isObj(v)) errors.push(`pricing/${file}.json: ${path}.image: expected {quality: {size: {price}}}`);
        else
          for (const [q, sizes] of Object.entries(v)) {
            if (!isObj(sizes)) errors.push(`pricing/${file}.json: ${path}.image.${q}: expected {size: {price}}`);
            else for (const [s, p] of Object.entries(sizes)) checkPrice(file, `${path}.image.${q}.${s}`, p);
          }
      } else if (meter === 'additional_units') {
        if (!isObj(v)) errors.push(`pricing/${file}.json: ${path}.additional_units: expected an object`);
        else if (v.cache_write_1h !== undefined) checkPrice(file, `${path}.additional_units.cache_write_1h`, v.cache_write_1h);
      } else if (meter in TOKEN_METERS || meter in TEXT_METERS) checkPrice(file, `${path}.${meter}`, v);
    }
  };
  const checkPrice = (file: string, path: string, v: unknown) => {
    const price = isObj(v) ? v.price : undefined;
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0)
      errors.push(`pricing/${file}.json: ${path}.price: expected a price in cents (a number ≥ 0), got ${JSON.stringify(price)}`);
  };
  const checkConfig = (file: string, path: string, cfg: unknown) => {
    if (cfg === null) return;
    if (!isObj(cfg)) return void errors.push(`pricing/${file}.json: ${path}: expected an object or null`);
    checkPrices(file, `${path}.pay_as_you_go`, cfg.pay_as_you_go);
    checkPrices(file, `${path}.batch_config`, cfg.batch_config);
    if (cfg.currency !== undefined && cfg.currency !== 'USD')
      errors.push(`pricing/${file}.json: ${path}.currency: only USD is read, got ${JSON.stringify(cfg.currency)}`);
  };
  for (const [file, data] of Object.entries(folder.pricing)) {
    if (!isObj(data)) {
      errors.push(`pricing/${file}.json: expected an object {model_id: entry}`);
      continue;
    }
    for (const [key, entry] of Object.entries(data)) {
      if (!isObj(entry)) {
        errors.push(`pricing/${file}.json: ${key}: expected an object with pricing_config`);
        continue;
      }
      checkConfig(file, `${key}.pricing_config`, entry.pricing_config);
      const custom = entry.custom_pricing;
      if (custom === undefined) continue;
      const regions = isObj(custom) ? custom.regions : undefined;
      if (!isObj(regions)) {
        errors.push(`pricing/${file}.json: ${key}.custom_pricing.regions: expected an object`);
        continue;
      }
      const def = regions.default;
      if (def === undefined) continue;
      const modes = isObj(def) ? def.execution_modes : undefined;
      if (!isObj(modes)) {
        errors.push(`pricing/${file}.json: ${key}.custom_pricing.regions.default.execution_modes: expected an object`);
        continue;
      }
      for (const [mode, m] of Object.entries(modes)) {
        const path = `${key}.custom_pricing.regions.default.execution_modes.${mode}`;
        if (!isObj(m)) errors.push(`pricing/${file}.json: ${path}: expected an object`);
        else if (isObj(m.context_tiers))
          for (const [tier, t] of Object.entries(m.context_tiers))
            checkConfig(file, `${path}.context_tiers.${tier}.pricing_config`, isObj(t) ? t.pricing_config : t);
        else checkConfig(file, `${path}.pricing_config`, m.pricing_config);
      }
    }
  }
  for (const [file, data] of Object.entries(folder.general))
    if (!isObj(data)) errors.push(`general/${file}.json: expected an object {model_id: entry}`);
  return errors;
};

// ---------------------------------------------------------------------------------------------
// Mapping.

const price = (v: unknown): number | undefined => (isObj(v) && typeof v.price === 'number' ? v.price : undefined);

/** Token meters of a pay_as_you_go block, in USD per 1M tokens. */
const tokenMeters = (block: unknown): PortkeyPricing => {
  const out: PortkeyPricing = {};
  if (!isObj(block)) return out;
  for (const [theirs, ours] of Object.entries(TOKEN_METERS)) {
    const p = price(block[theirs]);
    if (p !== undefined) out[ours] = centsPerTokenToUsdPerM(p);
  }
  for (const [theirs, ours] of Object.entries(TEXT_METERS)) {
    const p = price(block[theirs]);
    if (p !== undefined && out[ours] === undefined) out[ours] = centsPerTokenToUsdPerM(p);
  }
  const units = block.additional_units;
  const oneHour = isObj(units) ? price(units.cache_write_1h) : undefined;
  if (oneHour !== undefined) out.cache_write_1h = centsPerTokenToUsdPerM(oneHour);
  const image = block.image;
  if (isObj(image)) {
    const qualities = Object.values(image);
    const sizes = qualities.length === 1 && isObj(qualities[0]) ? Object.values(qualities[0]) : [];
    const p = sizes.length === 1 ? price(sizes[0]) : undefined;
    if (p !== undefined) out.per_image = centsToUsd(p);
  }
  return out;
};

/** The pricing_config of the lowest context tier of a mode (or the mode's own). */
const modeConfig = (entry: Json, mode: string): Json | undefined => {
  const custom = isObj(entry.custom_pricing) ? entry.custom_pricing : undefined;
  const regions = custom && isObj(custom.regions) ? custom.regions : undefined;
  const def = regions && isObj(regions.default) ? regions.default : undefined;
  const modes = def && isObj(def.execution_modes) ? def.execution_modes : undefined;
  const m = modes?.[mode];
  if (!isObj(m)) return undefined;
  if (isObj(m.context_tiers)) {
    const map = custom && isObj(custom.context_tier_map) ? custom.context_tier_map : {};
    const lowestName = Object.entries(map).sort(([a], [b]) => Number(a) - Number(b))[0]?.[1];
    const tier = typeof lowestName === 'string' ? m.context_tiers[lowestName] : undefined;
    return isObj(tier) && isObj(tier.pricing_config) ? tier.pricing_config : undefined;
  }
  return isObj(m.pricing_config) ? m.pricing_config : undefined;
};

const variantOf = (block: unknown): Variant | undefined => {
  const t = tokenMeters(block);
  const v: Variant = {};
  if (t.input) v.input = t.input;
  if (t.output) v.output = t.output;
  if (t.cache_read && (v.input === undefined || t.cache_read <= v.input)) v.cache_read = t.cache_read;
  return Object.keys(v).length ? v : undefined;
};

/** Model type (general/ `type.primary`, or a plain string), when stated. */
const typeOf = (general: unknown, key: string): string | undefined => {
  const e = isObj(general) ? general[key] : undefined;
  const t = isObj(e) ? e.type : undefined;
  if (typeof t === 'string') return t;
  return isObj(t) && typeof t.primary === 'string' ? t.primary : undefined;
};

/**
 * One Portkey entry → the prices to observe, or the reason it gives none. `batchFrom`: the
 * OpenRouter `:batch` twin of the key, whose standard prices are this key's batch prices.
 */
export const portkeyPricing = (
  entry: Json,
  type: string | undefined,
  key: string,
  batchFrom?: Json,
): { pricing: PortkeyPricing } | { reason: string } => {
  const cfg = entry.pricing_config;
  if (!isObj(cfg)) return { reason: 'pricing_config is null' };
  if (type && NOT_PER_TOKEN.has(type)) return { reason: `a ${type} model: its request_token is not a per-token price` };
  const base = tokenMeters(cfg.pay_as_you_go);
  if (type === 'audio' && base.input_audio === undefined && base.output_audio === undefined)
    return { reason: 'an audio model without audio-token prices: its request_token is per character or minute' };
  const wrong = implausible(base);
  if (wrong) return { reason: wrong };
  const pricing: PortkeyPricing = {};
  // Zero is Portkey's placeholder for a meter that does not apply; 0/0 is an unpriced entry unless `:free`.
  if (base.input === 0 && base.output === 0 && !key.endsWith(':free'))
    return { reason: 'input and output are 0 (Portkey leaves unpriced entries at zero)' };
  for (const [m, v] of Object.entries(base) as [Meter, number][]) {
    if (v > 0 || ((m === 'input' || m === 'output') && base.input === 0 && base.output === 0)) pricing[m] = v;
  }
  if (base.output === 0 && base.input && type === 'embedding') pricing.output = 0;
  if (pricing.cache_read !== undefined && pricing.input !== undefined && pricing.cache_read > pricing.input)
    delete pricing.cache_read;
  const batch = batchFrom
    ? variantOf(isObj(batchFrom.pricing_config) ? batchFrom.pricing_config.pay_as_you_go : undefined)
    : (variantOf(cfg.batch_config) ?? variantOf(modeConfig(entry, 'batch')?.pay_as_you_go));
  if (batch) pricing.batch = batch;
  const flex = variantOf(modeConfig(entry, 'flex')?.pay_as_you_go);
  if (flex) pricing.flex = flex;
  const priority = variantOf(modeConfig(entry, 'priority')?.pay_as_you_go);
  if (priority) pricing.priority = priority;
  if (!Object.keys(pricing).length)
    return {
      reason:
        isObj(cfg.pay_as_you_go) && isObj(cfg.pay_as_you_go.image)
          ? 'image prices by quality and size: no single per-image price'
          : 'no price Portkey states per token or per image',
    };
  return { pricing };
};

/** `gemini-2.5-pro-lte-128k` → {base: "gemini-2.5-pro", bound: "lte", n: 128}. */
const TIER_SUFFIX = /^(.+)-(lte|gt)-(\d+)k$/;

/** Maps a parsed, checked Portkey folder to observations of our offerings. */
export const mapPortkey = (folder: PortkeyFolder, known: readonly KnownOffering[]): Extract<SourceLoad, { ok: true }> => {
  const candidates: Candidate[] = [];
  const skipped: { key: string; reason: string }[] = [];
  let order = 0;
  for (const [file, providers] of PORTKEY_PROVIDERS) {
    const data = folder.pricing[file];
    if (!isObj(data)) continue;
    const general = folder.general[file];
    // Tier-suffixed keys: per base id, the `lte` key with the smallest bound, unless the plain key exists.
    const tierKey = new Map<string, { key: string; n: number }>();
    for (const key of Object.keys(data)) {
      const m = TIER_SUFFIX.exec(key);
      if (!m || m[2] !== 'lte') continue;
      const n = Number(m[3]);
      const cur = tierKey.get(m[1]!);
      if (!cur || n < cur.n) tierKey.set(m[1]!, { key, n });
    }
    for (const [key, entry] of Object.entries(data)) {
      if (key === 'default' || !isObj(entry)) continue;
      if (key.endsWith(':batch') && isObj(data[key.slice(0, -':batch'.length)])) continue; // read with its base key
      let id = key;
      const tier = TIER_SUFFIX.exec(key);
      if (tier) {
        const baseId = tier[1]!;
        if (baseId in data || tierKey.get(baseId)?.key !== key) continue; // another tier of the same model
        id = baseId;
      }
      const batchTwin = data[`${key}:batch`];
      const result = portkeyPricing(
        entry,
        typeOf(general, key) ?? typeOf(general, id),
        key,
        isObj(batchTwin) ? batchTwin : undefined,
      );
      if ('reason' in result) {
        skipped.push({ key: `${file}/${key}`, reason: result.reason });
        continue;
      }
      const observation: SourceEntry['observation'] = {
        key: `${file}/${key}`,
        url: `https://github.com/Portkey-AI/models/blob/main/pricing/${file}.json`,
        pricing: result.pricing,
      };
      candidates.push({ key, providers, id, order: order++, observation });
    }
  }
  return { ok: true, entries: resolveCandidates(candidates, known), skipped };
};

/** Reads `<dir>/pricing/*.json` and `<dir>/general/*.json`; `null` with errors when unreadable. */
export const readPortkeyFolder = (dir: string): { folder: PortkeyFolder } | { errors: string[] } => {
  const pricingDir = join(dir, 'pricing');
  if (!existsSync(pricingDir) || !statSync(pricingDir).isDirectory())
    return { errors: [`${dir}: expected Portkey's models folder, holding pricing/*.json (and general/*.json)`] };
  const errors: string[] = [];
  const readAll = (sub: string) => {
    const out: Record<string, unknown> = {};
    const d = join(dir, sub);
    if (!existsSync(d)) return out;
    for (const name of readdirSync(d).sort()) {
      if (!name.endsWith('.json')) continue;
      try {
        out[basename(name, '.json')] = JSON.parse(readFileSync(join(d, name), 'utf8'));
      } catch (e) {
        errors.push(`${sub}/${name}: not JSON: ${(e as Error).message}`);
      }
    }
    return out;
  };
  const folder = { pricing: readAll('pricing'), general: readAll('general') };
  if (!Object.keys(folder.pricing).length && !errors.length) errors.push(`${pricingDir}: no .json files`);
  return errors.length ? { errors } : { folder };
};

export const load = (path: string, known: readonly KnownOffering[]): SourceLoad => {
  const read = readPortkeyFolder(path);
  if ('errors' in read) return { ok: false, errors: read.errors };
  const errors = checkPortkey(read.folder);
  if (errors.length) return { ok: false, errors };
  return mapPortkey(read.folder, known);
};
