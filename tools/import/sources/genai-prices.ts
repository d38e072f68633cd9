/**
 * Importer for genai-prices v2 (https://github.com/pydantic/genai-prices, `prices/new_data/v2/data.json`):
 * `npm run import -- genai-prices <data.json> --as-of <snapshot date>`.
 *
 * The file is a list of providers, each with model entries whose `match` rule says which API ids
 * the entry prices (equals, starts_with, ends_with, contains, regex, nested or/and; case-insensitive;
 * the first entry in file order wins). The rules are applied to OUR offerings' provider_model_ids
 * (`known`), provider by provider (PROVIDERS), so that every offering gets at most one entry.
 *
 * Safety over coverage, since a wrong match is worse than none:
 *   - an `equals` hit is taken as is (the first in file order);
 *   - a prefix/substring/regex hit is taken only when the entry's id or name names the same model
 *     as the offering's id or its linked model (normalizeModelId keys); otherwise it is reported
 *     as ambiguous (e.g. Mistral's `mistral-medium-3` rule catches `mistral-medium-2604`);
 *   - the provider's `fallback_model_providers` (Azure → OpenAI, Anthropic; Google → Anthropic)
 *     are searched after its own entries, as the genai-prices libraries do.
 *
 * Prices: USD per 1M tokens (`*_mtok`, × 1), per 1,000 searches or requests (`*_kcount`, ÷ 1000 →
 * per_search, per_request). Context tiers keep their `base` price (the tiers are reported, not
 * stored). A price list is resolved on `asOf`: the last item whose start_date is on or before it is
 * the observation; later items become `scheduled` prices. Time-of-day prices (DeepSeek's off-peak
 * window) keep the price that applies most of the day and report the other.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import type { Meter } from '../../../src/core/vocab.ts';
import type { KnownOffering, SourceLoad } from '../../import.ts';
import type { SourceEntry } from '../observe.ts';
import { normalizeModelId } from '../normalize.ts';

/** genai-prices provider id → our provider ids (data/providers/<id>.yaml). */
export const PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  anthropic: ['anthropic'],
  aws: ['amazon-bedrock'],
  azure: ['azure'],
  cerebras: ['cerebras'],
  cohere: ['cohere'],
  deepseek: ['deepseek'],
  fireworks: ['fireworks-ai'],
  // The Gemini API and Vertex AI (including Claude on Vertex) share one price list.
  google: ['google', 'google-vertex', 'google-vertex-anthropic'],
  groq: ['groq'],
  minimax: ['minimax'],
  mistral: ['mistral'],
  moonshotai: ['moonshotai'],
  novita: ['novita-ai'],
  openai: ['openai'],
  openrouter: ['openrouter'],
  ovhcloud: ['ovhcloud'],
  perplexity: ['perplexity'],
  together: ['togetherai'],
  'x-ai': ['xai'],
  zai: ['zai'],
};
/**
 * Providers left out on purpose, with the reason (reported). `huggingface_<provider>` entries are
 * handled apart (HUGGINGFACE).
 */
export const LEFT_OUT: Readonly<Record<string, string>> = {
  zhipuai: 'prices converted by genai-prices from CNY at its own rate, not stated in USD by the provider',
  avian: 'no such provider in data/providers',
  doubleword: 'no such provider in data/providers',
  modal: 'no such provider in data/providers',
  voyageai: 'no such provider in data/providers',
};
/**
 * Our Hugging Face router offerings name no serving provider; genai-prices prices each serving
 * provider apart (`huggingface_<provider>`). An offering gets a price only when every serving
 * provider that lists it states the same prices.
 */
export const HUGGINGFACE = { prefix: 'huggingface_', ours: 'huggingface' } as const;

/**
 * Offerings whose genai-prices entry is contradicted by the provider's own page or by every other
 * open dataset: an alias listed under another model's entry. Left out, with the reason reported.
 */
export const ERRATA: Readonly<Record<string, string>> = {
  'groq:openai/gpt-oss-safeguard-20b':
    'listed under groq/openai/gpt-oss-120b ($0.15/$0.60); Groq prices it $0.075/$0.30 (https://console.groq.com/docs/model/openai/gpt-oss-safeguard-20b)',
  'openai:gpt-4o-2024-05-13':
    'listed under openai/gpt-4o ($2.50/$10); models.dev, Portkey and LiteLLM all state $5/$15 for this snapshot',
  'mistral:ministral-8b-latest':
    'mistral/ministral-8b states output $1 for input $0.10; models.dev ($0.10/$0.10), Portkey and LiteLLM ($0.15/$0.15) all state input = output',
  'mistral:mistral-large-latest':
    'listed under mistral/mistral-large (Large 2, $2/$6); the alias now names Mistral Large 3 ($0.50/$1.50 in models.dev, Portkey and LiteLLM)',
};

// ---------------------------------------------------------------------------------------------
// Upstream format

type Rule =
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string }
  | { or: Rule[] }
  | { and: Rule[] };

const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ equals: z.string().min(1) }),
      z.strictObject({ starts_with: z.string().min(1) }),
      z.strictObject({ ends_with: z.string().min(1) }),
      z.strictObject({ contains: z.string().min(1) }),
      z.strictObject({
        regex: z.string().refine(
          (s) => {
            try {
              new RegExp(s, 'i');
              return true;
            } catch {
              return false;
            }
          },
          { error: 'Not a valid regular expression' },
        ),
      }),
      z.strictObject({ or: z.array(RuleSchema).min(1) }),
      z.strictObject({ and: z.array(RuleSchema).min(1) }),
    ],
    {
      error:
        'Expected a match rule: one key of equals, starts_with, ends_with, contains or regex (a string), or one of or, and (a list of rules)',
    },
  ),
);

const Amount = z.number().finite().nonnegative();
const TieredSchema = z.union([
  Amount,
  z.strictObject({ base: Amount, tiers: z.array(z.strictObject({ start: z.int().positive(), price: Amount })).min(1) }),
]);
const PricesSchema = z.record(z.string().regex(/^[a-z0-9_]+$/, { error: 'Price keys are snake_case' }), TieredSchema);
type Prices = z.output<typeof PricesSchema>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Expected a date as YYYY-MM-DD' });
const Time = z.string().regex(/^\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/, { error: 'Expected a time as HH:MM:SSZ' });
const ConstraintSchema = z.union([z.strictObject({ start_date: Day }), z.strictObject({ start_time: Time, end_time: Time })]);
const PriceItemSchema = z.strictObject({ constraint: ConstraintSchema.optional(), prices: PricesSchema });
type PriceItem = z.output<typeof PriceItemSchema>;

const ModelSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  match: RuleSchema,
  context_window: z.int().positive().optional(),
  deprecated: z.boolean().optional(),
  prices: z.union([PricesSchema, z.array(PriceItemSchema).min(1)]),
});
type GpModel = z.output<typeof ModelSchema>;
const ProviderSchema = z.looseObject({
  id: z.string().min(1),
  pricing_urls: z.array(z.string()).optional(),
  fallback_model_providers: z.array(z.string()).optional(),
  models: z.array(ModelSchema),
});
const FileSchema = z.array(ProviderSchema).min(1, { error: 'No providers in the file' });
export type GenaiPricesFile = z.output<typeof FileSchema>;

const pathText = (path: readonly PropertyKey[]) =>
  path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') || '(root)';

/** Checks the upstream JSON text; errors name the path inside the file ("[0].models[3].prices.input_mtok"). */
export const parseGenaiPrices = (text: string): { ok: true; data: GenaiPricesFile } | { ok: false; errors: string[] } => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`Not JSON: ${(e as Error).message}`] };
  }
  if (!Array.isArray(json))
    return { ok: false, errors: ['(root): expected a JSON array of providers (genai-prices v2 data.json)'] };
  const r = FileSchema.safeParse(json);
  if (!r.success) {
    return {
      ok: false,
      errors: r.error.issues.slice(0, 20).map((i) => {
        const provider = typeof i.path[0] === 'number' ? (json as { id?: unknown }[])[i.path[0]]?.id : undefined;
        return `${pathText(i.path)}${typeof provider === 'string' ? ` (provider ${provider})` : ''}: ${i.message}`;
      }),
    };
  }
  const errors: string[] = [];
  const seen = new Set<string>();
  r.data.forEach((p, i) => {
    if (seen.has(p.id)) errors.push(`[${i}].id: provider "${p.id}" appears twice`);
    seen.add(p.id);
    p.models.forEach((m, j) => {
      if (!Array.isArray(m.prices)) return;
      const dates = m.prices.map((it) => (it.constraint && 'start_date' in it.constraint ? it.constraint.start_date : undefined));
      dates.forEach((d, k) => {
        if (d !== undefined && !isRealDate(d))
          errors.push(
            `[${i}].models[${j}].prices[${k}].constraint.start_date (provider ${p.id}): ${d} is not a real calendar date`,
          );
      });
    });
  });
  return errors.length ? { ok: false, errors: errors.slice(0, 20) } : { ok: true, data: r.data };
};

const isRealDate = (s: string) => {
  const t = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === s;
};

// ---------------------------------------------------------------------------------------------
// Matching

type HitKind = 'equals' | 'loose';

/** How `rule` matches `id` (lowercase): 'equals' when an equals clause decides it, 'loose' for any other clause. */
export const matchRule = (rule: Rule, id: string): HitKind | undefined => {
  if ('equals' in rule) return id === rule.equals.toLowerCase() ? 'equals' : undefined;
  if ('starts_with' in rule) return id.startsWith(rule.starts_with.toLowerCase()) ? 'loose' : undefined;
  if ('ends_with' in rule) return id.endsWith(rule.ends_with.toLowerCase()) ? 'loose' : undefined;
  if ('contains' in rule) return id.includes(rule.contains.toLowerCase()) ? 'loose' : undefined;
  if ('regex' in rule) return new RegExp(rule.regex, 'i').test(id) ? 'loose' : undefined;
  if ('or' in rule) {
    const hits = rule.or.map((r) => matchRule(r, id));
    return hits.includes('equals') ? 'equals' : hits.includes('loose') ? 'loose' : undefined;
  }
  const hits = rule.and.map((r) => matchRule(r, id));
  if (hits.includes(undefined)) return undefined;
  return hits.includes('equals') ? 'equals' : 'loose';
};

/**
 * Linking key of an id or name, without genai-prices' Bedrock `regional.` / `global.` entry
 * prefixes and Bedrock's `:0` version suffix (`nvidia.nemotron-nano-9b-v2:0`).
 */
const keyOf = (s: string) =>
  normalizeModelId(
    s
      .replace(/^(regional|global)\./i, '')
      .replace(/(?<=-v\d+):\d+$/, '')
      .replace(/\s+/g, '-'),
  ).key;

/** The entry names the offering's model: its id or name has the key of the offering's id or linked model. */
const fits = (m: GpModel, o: KnownOffering) => {
  const ours = new Set([keyOf(o.provider_model_id), ...(o.model ? [keyOf(o.model.split('/').pop()!)] : [])]);
  return ours.has(keyOf(m.id)) || (m.name !== undefined && ours.has(keyOf(m.name)));
};

interface Candidate {
  provider: string;
  model: GpModel;
}
type Pick = { ok: true; hit: Candidate; fallback: boolean; rerouted: boolean } | { ok: false; ambiguous: Candidate[] };

/**
 * The entry that prices `o` in `providers` (the first is the offering's own, the rest fallbacks):
 * the first `equals` hit; else the first loose hit whose id/name fits the offering. Loose hits
 * that do not fit are returned as ambiguous when nothing better is found.
 */
export const pickEntry = (
  o: KnownOffering,
  providers: readonly { id: string; models: readonly GpModel[] }[],
): Pick | undefined => {
  const id = o.provider_model_id.toLowerCase();
  const loose: (Candidate & { fallback: boolean })[] = [];
  for (const [i, p] of providers.entries()) {
    const hits = p.models.map((m) => ({ m, kind: matchRule(m.match, id) }));
    const eq = hits.find((h) => h.kind === 'equals');
    if (eq) return { ok: true, hit: { provider: p.id, model: eq.m }, fallback: i > 0, rerouted: false };
    for (const h of hits) if (h.kind === 'loose') loose.push({ provider: p.id, model: h.m, fallback: i > 0 });
    // The libraries only fall back when the provider itself has no entry for the id.
    if (loose.length && loose.some((c) => fits(c.model, o))) break;
  }
  if (!loose.length) return undefined;
  const fit = loose.findIndex((c) => fits(c.model, o));
  if (fit < 0) return { ok: false, ambiguous: loose };
  const c = loose[fit]!;
  return { ok: true, hit: { provider: c.provider, model: c.model }, fallback: c.fallback, rerouted: fit > 0 };
};

// ---------------------------------------------------------------------------------------------
// Prices

/** genai-prices price key → our meter and the factor to USD per 1M tokens (or per unit). */
export const PRICE_KEYS: Readonly<Record<string, { meter: Meter; factor: number }>> = {
  input_mtok: { meter: 'input', factor: 1 },
  output_mtok: { meter: 'output', factor: 1 },
  cache_read_mtok: { meter: 'cache_read', factor: 1 },
  cache_write_mtok: { meter: 'cache_write', factor: 1 },
  cache_write_1h_mtok: { meter: 'cache_write_1h', factor: 1 },
  output_reasoning_mtok: { meter: 'reasoning', factor: 1 },
  input_audio_mtok: { meter: 'input_audio', factor: 1 },
  output_audio_mtok: { meter: 'output_audio', factor: 1 },
  input_image_mtok: { meter: 'input_image', factor: 1 },
  output_image_mtok: { meter: 'output_image', factor: 1 },
  web_searches_kcount: { meter: 'per_search', factor: 1 / 1000 },
  requests_kcount: { meter: 'per_request', factor: 1 / 1000 },
};

/** Rounds away float noise (0.1 × 3 = 0.30000000000000004). */
const round = (x: number) => Number(x.toPrecision(12));

export type ObservedPrices = Partial<Record<Meter, number>>;
interface Converted {
  pricing: ObservedPrices;
  /** Keys that had context tiers (their base price was kept). */
  tiered: string[];
  /** Keys with no meter of ours. */
  unmapped: string[];
}

/** One genai-prices price object in our meters. */
export const convertPrices = (prices: Prices): Converted => {
  const pricing: ObservedPrices = {};
  const tiered: string[] = [];
  const unmapped: string[] = [];
  for (const [key, v] of Object.entries(prices)) {
    const to = PRICE_KEYS[key];
    if (!to) {
      unmapped.push(key);
      continue;
    }
    const amount = typeof v === 'number' ? v : v.base;
    if (typeof v !== 'number') tiered.push(key);
    pricing[to.meter] = round(amount * to.factor);
  }
  return { pricing, tiered, unmapped };
};

const seconds = (t: string) => {
  const [h, m, s] = t
    .replace(/(Z|[+-]\d{2}:\d{2})$/, '')
    .split(':')
    .map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
};
/** Length of a daily window in seconds (it may wrap past midnight). */
const windowLength = (start: string, end: string) => (seconds(end) - seconds(start) + 86400) % 86400;

interface Resolved {
  /** The price in force on asOf; undefined when none is yet. */
  current: Prices | undefined;
  /** Later dated prices, ascending. */
  scheduled: { effective_from: string; prices: Prices }[];
  /** A time-of-day price left out (reported). */
  offPeak?: { window: string; prices: Prices };
}

/** Resolves a price object or price list on `asOf` (YYYY-MM-DD). */
export const resolvePrices = (prices: Prices | PriceItem[], asOf: string): Resolved => {
  if (!Array.isArray(prices)) return { current: prices, scheduled: [] };
  const timed = prices.filter((it) => it.constraint && 'start_time' in it.constraint);
  const rest = prices.filter((it) => !(it.constraint && 'start_time' in it.constraint));
  let current: Prices | undefined;
  const scheduled: Resolved['scheduled'] = [];
  for (const it of rest) {
    const from = it.constraint && 'start_date' in it.constraint ? it.constraint.start_date : undefined;
    if (from === undefined || from <= asOf) current = it.prices;
    else scheduled.push({ effective_from: from, prices: it.prices });
  }
  scheduled.sort((a, b) => (a.effective_from < b.effective_from ? -1 : 1));
  const t = timed.at(-1);
  if (!t || !t.constraint || !('start_time' in t.constraint)) return { current, scheduled };
  const window = `${t.constraint.start_time}–${t.constraint.end_time} UTC`;
  const other = { window: `outside ${window}`, prices: current ?? {} };
  // The standard price is the one that applies most of the day; the other is the off-peak price.
  if (windowLength(t.constraint.start_time, t.constraint.end_time) >= 43200 || current === undefined)
    return { current: t.prices, scheduled, ...(current !== undefined && { offPeak: other }) };
  return { current, scheduled, offPeak: { window, prices: t.prices } };
};

// ---------------------------------------------------------------------------------------------
// Mapping

type Skipped = { key: string; reason: string }[];

const fmtPrices = (p: ObservedPrices) =>
  Object.entries(p)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/**
 * Maps a checked genai-prices file to observations on our offerings (`known`), resolved on `asOf`.
 * Pure: the unit-tested half of `load`.
 */
export const mapGenaiPrices = (
  data: GenaiPricesFile,
  known: readonly KnownOffering[],
  asOf: string,
): { entries: SourceEntry[]; skipped: Skipped } => {
  const entries: SourceEntry[] = [];
  const skipped: Skipped = [];
  const byId = new Map(data.map((p) => [p.id, p]));
  const used = new Set<GpModel>();
  const tieredOfferings: string[] = [];
  const unmappedKeys = new Map<string, number>();
  let fallbacks = 0;
  let rerouted = 0;

  /** The observation for offering `o` from entry `m` of provider `gp`, or a reason to skip. */
  const observe = (o: KnownOffering, gp: string, m: GpModel): SourceEntry['observation'] | string => {
    const r = resolvePrices(m.prices, asOf);
    if (r.offPeak)
      skipped.push({
        key: `${gp}/${m.id}`,
        reason: `time-of-day price ${r.offPeak.window} left out (${fmtPrices(convertPrices(r.offPeak.prices).pricing) || 'no meters'}); the standard price is kept`,
      });
    if (r.current === undefined) return `no price in force on ${asOf} (first price from ${r.scheduled[0]?.effective_from})`;
    const now = convertPrices(r.current);
    for (const k of now.unmapped) unmappedKeys.set(k, (unmappedKeys.get(k) ?? 0) + 1);
    if (now.tiered.length) tieredOfferings.push(`${o.provider}:${o.provider_model_id}`);
    if (!Object.keys(now.pricing).length) return 'no price stated';
    const pricing = { ...now.pricing };
    if (pricing.cache_read !== undefined && pricing.input !== undefined && pricing.cache_read > pricing.input) {
      skipped.push({ key: `${gp}/${m.id}`, reason: `cache_read ${pricing.cache_read} above input ${pricing.input} left out` });
      delete pricing.cache_read;
    }
    const scheduled = r.scheduled
      .map((s) => ({ effective_from: s.effective_from, ...convertPrices(s.prices).pricing }))
      .filter((s) => Object.keys(s).length > 1);
    // The provider's pricing page genai-prices cites (its first https one).
    const url = (byId.get(gp)?.pricing_urls ?? []).find((u) => /^https:\/\/[^\s]+$/.test(u));
    return {
      key: `${gp}/${m.id}`,
      ...(url && { url }),
      pricing,
      ...(m.deprecated === true && { status: 'deprecated' as const }),
      ...(scheduled.length && { scheduled }),
    };
  };

  // Direct providers.
  for (const [gp, ours] of Object.entries(PROVIDERS)) {
    const p = byId.get(gp);
    if (!p) continue;
    const chain = [p, ...(p.fallback_model_providers ?? []).flatMap((f) => byId.get(f) ?? [])];
    for (const o of known) {
      if (!ours.includes(o.provider)) continue;
      const erratum = ERRATA[`${o.provider}:${o.provider_model_id}`];
      if (erratum !== undefined) {
        skipped.push({ key: `${o.provider}:${o.provider_model_id}`, reason: `erratum: ${erratum}` });
        continue;
      }
      const pick = pickEntry(o, chain);
      if (!pick) continue;
      if (!pick.ok) {
        skipped.push({
          key: `${o.provider}:${o.provider_model_id}`,
          reason: `ambiguous: caught by ${pick.ambiguous.map((c) => `${c.provider}/${c.model.id}`).join(', ')}, whose id names another model`,
        });
        continue;
      }
      const obs = observe(o, pick.hit.provider, pick.hit.model);
      used.add(pick.hit.model);
      if (typeof obs === 'string') {
        skipped.push({
          key: `${o.provider}:${o.provider_model_id}`,
          reason: `${pick.hit.provider}/${pick.hit.model.id}: ${obs}`,
        });
        continue;
      }
      if (pick.fallback) fallbacks++;
      if (pick.rerouted) rerouted++;
      entries.push({ provider: o.provider, provider_model_id: o.provider_model_id, observation: obs });
    }
  }

  // Hugging Face router: every serving provider that lists the id must agree.
  const hf = data.filter((p) => p.id.startsWith(HUGGINGFACE.prefix));
  for (const o of known) {
    if (o.provider !== HUGGINGFACE.ours || !hf.length) continue;
    const found = hf.flatMap((p) => {
      const pick = pickEntry(o, [p]);
      return pick?.ok ? [{ p: p.id, m: pick.hit.model }] : [];
    });
    if (!found.length) continue;
    const obs = found.map((f) => observe(o, f.p, f.m));
    found.forEach((f) => used.add(f.m));
    const priced = obs.filter((x): x is SourceEntry['observation'] => typeof x !== 'string');
    const same = priced.every((x) => JSON.stringify(x.pricing) === JSON.stringify(priced[0]?.pricing));
    if (!priced.length || !same || priced.length !== obs.length) {
      skipped.push({
        key: `${o.provider}:${o.provider_model_id}`,
        reason: `Hugging Face serving providers state different prices (${found.map((f) => f.p).join(', ')})`,
      });
      continue;
    }
    entries.push({ provider: o.provider, provider_model_id: o.provider_model_id, observation: priced[0]! });
  }

  for (const p of data) {
    const mapped = PROVIDERS[p.id] !== undefined || p.id.startsWith(HUGGINGFACE.prefix);
    if (!mapped) {
      skipped.push({
        key: p.id,
        reason: `provider left out (${p.models.length} entries): ${LEFT_OUT[p.id] ?? 'no mapping to our providers'}`,
      });
      continue;
    }
    const unused = p.models.filter((m) => !used.has(m));
    if (unused.length)
      skipped.push({
        key: p.id,
        reason: `${unused.length} of ${p.models.length} entries match no offering of ours, e.g. ${unused
          .slice(0, 3)
          .map((m) => m.id)
          .join(', ')}`,
      });
  }
  if (tieredOfferings.length)
    skipped.push({
      key: 'context tiers',
      reason: `${tieredOfferings.length} offerings' context-tier prices left out (base price kept), e.g. ${tieredOfferings.slice(0, 3).join(', ')}`,
    });
  for (const [k, n] of unmappedKeys)
    skipped.push({ key: k, reason: `price key with no meter of ours, left out in ${n} offerings` });
  if (fallbacks)
    skipped.push({
      key: 'fallback',
      reason: `${fallbacks} offerings priced by a fallback provider's entry (noted, not skipped)`,
    });
  if (rerouted)
    skipped.push({
      key: 'closer fit',
      reason: `${rerouted} offerings took a later entry that names their model over an earlier catch-all (noted, not skipped)`,
    });
  return { entries, skipped };
};

/** Reads and checks the file, then maps it on `asOf` (YYYY-MM-DD, the snapshot date); never throws. */
export const load = (path: string, known: readonly KnownOffering[], asOf: string): SourceLoad => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, errors: [`Cannot read ${path}: ${(e as Error).message}`] };
  }
  const parsed = parseGenaiPrices(text);
  if (!parsed.ok) return parsed;
  return { ok: true, ...mapGenaiPrices(parsed.data, known, asOf) };
};
