/**
 * The cost engine (issue #6): what a monthly workload costs on one offering, meter by meter.
 *
 * Units: every token price is read in the record's currency per 1,000,000 tokens, every
 * per-unit meter per unit (`per_image`, `per_request`, …), and converted to USD with
 * `usd_rate.usd_per_unit`. Every result is in USD. Nothing is rounded here (format.ts rounds).
 *
 * Pure and allocation-light: the explorer re-prices ~5,000 offerings in the browser on every
 * workload change, so this module imports types only (no zod at runtime), and never throws on
 * bad input: an invalid workload or a price the workload needs but nobody published gives a
 * `{ ok: false, reason, missing }` result, never a cost of 0.
 */
import type { Pricing, PriceTier, PriceVariant } from '../model/schema.ts';
import { usdPerUnit } from './price.ts';
import { METER_LABEL, METERS, type Billing, type Meter } from './vocab.ts';

/** Any priced meter of the schema. */
export type MeterKey = Meter;
/** TTL of the prompt-cache writes a workload makes: the default (~5 minutes) or one hour. */
export type CacheTtl = '5m' | '1h';

/**
 * A month of traffic, described by its average request. Token counts may be fractional
 * averages; see `spreadMonthlyVolume` in workload.ts to start from monthly totals.
 */
export interface Workload {
  /** Requests per month. */
  requestsPerMonth: number;
  /**
   * Input (prompt) tokens per request, cached and uncached together. This is the request's
   * context size, which selects the context tier.
   */
  inputTokens: number;
  /** Visible output tokens per request, reasoning tokens not included. */
  outputTokens: number;
  /** Share (0..1) of the input tokens read from the prompt cache. */
  cachedInputShare: number;
  /**
   * Tokens per request written to the prompt cache, taken from the uncached input (so at most
   * `inputTokens × (1 − cachedInputShare)`). Billed at the cache-write price instead of input.
   */
  cacheWriteTokens?: number | undefined;
  /** TTL of those writes: '5m' (the provider's default TTL, the default) or '1h'. */
  cacheTtl?: CacheTtl | undefined;
  /** Share (0..1) of the requests sent through the batch API. */
  batchShare: number;
  /** Reasoning ("thinking") tokens per request, on top of `outputTokens`. */
  reasoningTokens?: number | undefined;
  /** Images generated per request (`per_image`). */
  imagesPerRequest?: number | undefined;
  /** Seconds of audio processed per request (`per_audio_second`). */
  audioSecondsPerRequest?: number | undefined;
  /** Seconds of video processed or generated per request (`per_video_second`). */
  videoSecondsPerRequest?: number | undefined;
  /** Web searches or grounding calls per request (`per_search`). */
  searchesPerRequest?: number | undefined;
}

/**
 * The pricing the engine reads: the schema's `Pricing`, with `billing` (default 'usage') and
 * `currency` (default 'USD') optional so that unparsed JSON in the browser works too.
 */
export type CostPricing = Omit<Pricing, 'billing' | 'currency'> & {
  billing?: Billing | undefined;
  currency?: string | undefined;
};

/** A line of the breakdown: one meter of one variant. */
export interface CostLine {
  /** The meter; 'free_tier' is the free allowance, a credit (negative `usd`). */
  meter: MeterKey | 'free_tier';
  /** Tokens per month on this meter (token meters and the free tier's covered tokens). */
  tokens: number | undefined;
  /** Units per month on this meter (requests, images, seconds, searches; free tier: requests covered). */
  units: number | undefined;
  /** USD per 1M tokens for token meters, USD per unit for unit meters, 0 for the free tier. */
  unitPrice: number;
  /** USD per month: tokens × unitPrice / 1,000,000, or units × unitPrice. */
  usd: number;
  /** The traffic this line prices: standard (on-demand) requests or batch requests. */
  variant: 'standard' | 'batch';
  /** `above_tokens` of the context tier the request selects, undefined at base prices. */
  tier: number | undefined;
}

export interface CostOk {
  ok: true;
  /** USD per month, the sum of the breakdown's `usd`, never below 0. */
  totalUsd: number;
  /** USD per request: totalUsd / requestsPerMonth (0 for no requests). */
  perRequestUsd: number;
  breakdown: CostLine[];
  /** Assumptions the figure rests on, in plain sentences. */
  notes: string[];
}
export interface CostNotComputable {
  ok: false;
  /** Why, in plain words: "cache read price not published", "subscription plan", … */
  reason: string;
  /** Prices the workload needs and the record lacks: 'cache_read', 'batch.output', … */
  missing: string[];
}
export type CostResult = CostOk | CostNotComputable;

/** Days in a month, to turn the free tier's daily allowances into monthly ones. */
export const DAYS_PER_MONTH = 30;
const MILLION = 1_000_000;

const UNIT_FIELDS = [
  ['imagesPerRequest', 'per_image'],
  ['audioSecondsPerRequest', 'per_audio_second'],
  ['videoSecondsPerRequest', 'per_video_second'],
  ['searchesPerRequest', 'per_search'],
] as const;
const OPTIONAL_COUNTS = ['cacheWriteTokens', 'reasoningTokens', ...UNIT_FIELDS.map(([f]) => f)] as const;
const ANY_METER: readonly MeterKey[] = METERS;

const NOTE_REASONING = 'Reasoning tokens are billed at the output price (no separate reasoning price is published).';
const NOTE_IMPLICIT_WRITE =
  'Cache writes are billed at the input price: a cache-read price is published but no cache-write price (automatic caching).';
const NOTE_LONGER_TTL = 'Cache writes are priced at the 1-hour TTL, the only cache-write price published.';
/** Cached input without a published cache-read price: billed at the input price, never "not computable". */
export const NOTE_NO_CACHE_DISCOUNT = 'No cache discount published: cached input is billed at the input price.';
/** The batch share without a published batch price: billed at the standard price. */
export const NOTE_NO_BATCH_PRICE = 'No batch price published: the batch share is billed at the standard price.';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isShare = (v: unknown): v is number => isCount(v) && v <= 1;

/**
 * Problems with a workload, in plain sentences; empty when it can be priced. Every count must
 * be a finite number ≥ 0, both shares within 0..1, `cacheTtl` '5m' or '1h', and the cache
 * writes must fit in the uncached input.
 */
export const validateWorkload = (w: Workload): string[] => {
  const errors: string[] = [];
  if (w === null || typeof w !== 'object') return ['The workload is missing'];
  for (const f of ['requestsPerMonth', 'inputTokens', 'outputTokens'] as const) {
    if (!isCount(w[f])) errors.push(`${f} must be a number ≥ 0 (got ${String(w[f])})`);
  }
  for (const f of OPTIONAL_COUNTS) {
    if (w[f] !== undefined && !isCount(w[f])) errors.push(`${f} must be a number ≥ 0 (got ${String(w[f])})`);
  }
  for (const f of ['cachedInputShare', 'batchShare'] as const) {
    if (!isShare(w[f])) errors.push(`${f} must be a share between 0 and 1 (got ${String(w[f])})`);
  }
  if (w.cacheTtl !== undefined && w.cacheTtl !== '5m' && w.cacheTtl !== '1h')
    errors.push(`cacheTtl must be "5m" or "1h" (got ${String(w.cacheTtl)})`);
  if (errors.length === 0 && (w.cacheWriteTokens ?? 0) > w.inputTokens - w.inputTokens * w.cachedInputShare) {
    errors.push(
      `cacheWriteTokens (${w.cacheWriteTokens}) exceeds the uncached input tokens per request (${w.inputTokens - w.inputTokens * w.cachedInputShare})`,
    );
  }
  return errors;
};

/** The highest tier whose `above_tokens` the context strictly exceeds (exactly at it: the tier below). */
const selectTier = (tiers: readonly PriceTier[] | undefined, context: number): PriceTier | undefined => {
  let hit: PriceTier | undefined;
  if (tiers)
    for (const t of tiers) if (context > t.above_tokens && (hit === undefined || t.above_tokens > hit.above_tokens)) hit = t;
  return hit;
};

/** Standard price of a meter at the selected tier: the tier's price, else the base price. */
const standardPrice = (p: CostPricing, bt: PriceTier | undefined, m: MeterKey): number | undefined => bt?.[m] ?? p[m];

/**
 * Batch price of a meter. In order: the batch tier's own price for this context; the batch
 * price, unless a base tier changes this meter at this context (the batch price is then a
 * short-context price); the standard price at this context × (1 − discount); else unpublished.
 */
const batchPrice = (p: CostPricing, v: PriceVariant, bt: PriceTier | undefined, vt: PriceTier | undefined, m: MeterKey) => {
  const tiered = vt?.[m];
  if (tiered !== undefined) return tiered;
  const own = v[m];
  if (own !== undefined && bt?.[m] === undefined) return own;
  if (v.discount !== undefined) {
    const std = standardPrice(p, bt, m);
    return std === undefined ? undefined : std * (1 - v.discount);
  }
  return undefined;
};

/**
 * Whether the batch share of meter `m` may fall back to the standard price: only when the
 * offering has a standard price list at all (a batch-only offering keeps its own rule).
 */
const batchFallback = (p: CostPricing, m: MeterKey) => p[m] !== undefined || hasAnyMeter(p) || hasAnyMeter(p.tiers?.[0]);

/** State of one pricing run, reused across the two variants to keep allocations down. */
interface Run {
  p: CostPricing;
  w: Workload;
  rate: number;
  lines: CostLine[];
  notes: string[];
  missing: string[];
  reasons: string[];
  /** Sum of the lines so far, USD per month. */
  subtotal: number;
}

const note = (run: Run, text: string) => {
  if (!run.notes.includes(text)) run.notes.push(text);
};

/** Prices one variant's share of the requests (`requests` per month) into `run`. */
const priceVariant = (run: Run, v: PriceVariant | undefined, requests: number) => {
  const { p, w } = run;
  const context = w.inputTokens;
  const bt = selectTier(p.tiers, context);
  const vt = v ? selectTier(v.tiers, context) : undefined;
  const variant = v ? 'batch' : 'standard';
  const tier = (vt ?? bt)?.above_tokens;
  // The batch share of a meter without a batch price is billed at its standard price, with a note.
  const price = (m: MeterKey) => {
    if (!v) return standardPrice(p, bt, m);
    const own = batchPrice(p, v, bt, vt, m);
    if (own !== undefined || !batchFallback(p, m)) return own;
    const std = standardPrice(p, bt, m);
    if (std !== undefined) note(run, NOTE_NO_BATCH_PRICE);
    return std;
  };
  const lack = (m: MeterKey) => {
    run.missing.push(v ? `batch.${m}` : m);
    const above =
      v && bt?.[m] !== undefined && vt?.[m] === undefined ? ` for requests above ${bt.above_tokens} input tokens` : '';
    run.reasons.push(`${v ? 'batch ' : ''}${METER_LABEL[m].toLowerCase()} price${above} not published`);
  };
  const add = (meter: MeterKey, unitPrice: number | undefined, perRequest: number, isTokens: boolean) => {
    if (unitPrice === undefined) return lack(meter);
    const quantity = perRequest * requests;
    const usdPrice = unitPrice * run.rate;
    const usd = isTokens ? (quantity * usdPrice) / MILLION : quantity * usdPrice;
    run.subtotal += usd;
    run.lines.push({
      meter,
      tokens: isTokens ? quantity : undefined,
      units: isTokens ? undefined : quantity,
      unitPrice: usdPrice,
      usd,
      variant,
      tier,
    });
  };

  const cached = w.inputTokens * w.cachedInputShare;
  const writes = w.cacheWriteTokens ?? 0;
  const plainInput = w.inputTokens - cached - writes;
  if (plainInput > 0) add('input', price('input'), plainInput, true);
  if (cached > 0) {
    let readPrice = price('cache_read');
    if (readPrice === undefined) {
      readPrice = price('input');
      if (readPrice !== undefined) note(run, NOTE_NO_CACHE_DISCOUNT);
    }
    if (readPrice === undefined) lack('cache_read');
    else add('cache_read', readPrice, cached, true);
  }
  if (writes > 0) {
    const oneHour = w.cacheTtl === '1h';
    let writePrice = oneHour ? price('cache_write_1h') : price('cache_write');
    if (writePrice === undefined && oneHour && p.cache_write_ttl === '1h') writePrice = price('cache_write');
    if (writePrice === undefined && !oneHour) {
      writePrice = price('cache_write_1h');
      if (writePrice !== undefined) note(run, NOTE_LONGER_TTL);
    }
    const anyWriteMeter = p.cache_write ?? p.cache_write_1h ?? p.batch?.cache_write ?? p.batch?.cache_write_1h;
    if (writePrice === undefined && anyWriteMeter === undefined && (p.cache_read ?? p.batch?.cache_read) !== undefined) {
      writePrice = price('input');
      if (writePrice !== undefined) note(run, NOTE_IMPLICIT_WRITE);
    }
    add(oneHour ? 'cache_write_1h' : 'cache_write', writePrice, writes, true);
  }
  if (w.outputTokens > 0) add('output', price('output'), w.outputTokens, true);
  const reasoning = w.reasoningTokens ?? 0;
  if (reasoning > 0) {
    let reasoningPrice = price('reasoning');
    if (reasoningPrice === undefined) {
      reasoningPrice = price('output');
      if (reasoningPrice !== undefined) note(run, NOTE_REASONING);
    }
    if (reasoningPrice === undefined) lack('output');
    else add('reasoning', reasoningPrice, reasoning, true);
  }
  // A per-request fee is optional: absent means no fee. But when the standard price charges one,
  // the batch share needs a batch fee (explicit or by discount) too.
  const fee = price('per_request');
  if (fee !== undefined) add('per_request', fee, 1, false);
  else if (v && standardPrice(p, bt, 'per_request') !== undefined) lack('per_request');
  for (const [field, meter] of UNIT_FIELDS) {
    const perRequest = w[field] ?? 0;
    if (perRequest > 0) add(meter, price(meter), perRequest, false);
  }
};

const hasAnyMeter = (prices: Partial<Record<MeterKey, number>> | undefined) =>
  prices !== undefined && ANY_METER.some((m) => prices[m] !== undefined);

const notComputable = (reason: string, missing: string[] = []): CostNotComputable => ({ ok: false, reason, missing });

/** Prices a workload already validated. */
const priceValid = (p: CostPricing | undefined, w: Workload): CostResult => {
  if (p === undefined) return notComputable('price not published');
  switch (p.billing ?? 'usage') {
    case 'free':
      return priceFree(p, w);
    case 'subscription':
      return notComputable(p.plan ? `subscription plan (${p.plan})` : 'subscription plan');
    case 'unpublished':
      return notComputable('price not published');
    case 'self_hosted':
      return notComputable('self-hosted');
  }
  const rate = usdPerUnit(p);
  if (rate === undefined) return notComputable(`no USD exchange rate for ${p.currency}`, ['usd_rate']);

  const run: Run = { p, w, rate, lines: [], notes: [], missing: [], reasons: [], subtotal: 0 };
  const requests = w.requestsPerMonth;
  const batchRequests = requests * w.batchShare;
  const standardRequests = requests - batchRequests;
  if (standardRequests > 0) priceVariant(run, undefined, standardRequests);
  if (batchRequests > 0) {
    if (p.batch) priceVariant(run, p.batch, batchRequests);
    // No batch prices at all: an empty variant, so each meter falls back to its standard price (noted).
    else priceVariant(run, {}, batchRequests);
  }
  if (run.missing.length > 0) {
    const batchOnly = standardRequests > 0 && !hasAnyMeter(p) && hasAnyMeter(p.batch);
    const reason = batchOnly
      ? 'batch-only offering: no standard price is published, so only a 100% batch share can be priced'
      : [...new Set(run.reasons)].join('; ');
    return notComputable(reason, [...new Set(run.missing)]);
  }

  applyFreeTier(run);
  if (p.currency !== undefined && p.currency !== 'USD') {
    note(
      run,
      `Prices converted from ${p.currency} at ${rate} USD per ${p.currency}${p.usd_rate ? ` (rate of ${p.usd_rate.as_of})` : ''}.`,
    );
  }
  const totalUsd = Math.max(0, run.subtotal);
  return { ok: true, totalUsd, perRequestUsd: requests > 0 ? totalUsd / requests : 0, breakdown: run.lines, notes: run.notes };
};

/** The free tier's monthly allowances as a share (0..1) of the workload it covers. */
const freeShare = (p: CostPricing, w: Workload): number => {
  const ft = p.free_tier;
  if (!ft) return 0;
  let share = Infinity;
  const requests = w.requestsPerMonth;
  const tokens = (w.inputTokens + w.outputTokens + (w.reasoningTokens ?? 0)) * requests;
  if (ft.requests_per_day !== undefined)
    share = Math.min(share, requests > 0 ? (ft.requests_per_day * DAYS_PER_MONTH) / requests : 1);
  const freeTokens = ft.tokens_per_month ?? (ft.tokens_per_day !== undefined ? ft.tokens_per_day * DAYS_PER_MONTH : undefined);
  if (freeTokens !== undefined) share = Math.min(share, tokens > 0 ? freeTokens / tokens : 1);
  return share === Infinity ? 0 : Math.min(1, share);
};

/**
 * The free tier covers the first requests of the month, whole (every meter), until one of its
 * monthly allowances runs out: requests_per_day × 30, tokens_per_month (else tokens_per_day × 30),
 * counting input + output + reasoning tokens. Per-minute limits are throughput caps, not
 * allowances, and are ignored. The credit is a negative 'free_tier' line.
 */
const applyFreeTier = (run: Run) => {
  const share = freeShare(run.p, run.w);
  if (share <= 0 || run.subtotal <= 0) return;
  const w = run.w;
  const credit = share * run.subtotal;
  run.lines.push({
    meter: 'free_tier',
    tokens: share * (w.inputTokens + w.outputTokens + (w.reasoningTokens ?? 0)) * w.requestsPerMonth,
    units: share * w.requestsPerMonth,
    unitPrice: 0,
    usd: -credit,
    variant: 'standard',
    tier: undefined,
  });
  run.subtotal -= credit;
  note(
    run,
    share >= 1
      ? 'The free tier covers the whole workload.'
      : 'The free tier covers the first requests of the month (the free_tier line).',
  );
};

/** billing: free. Costs nothing; notes when the workload outgrows the free tier's daily allowances. */
const priceFree = (p: CostPricing, w: Workload): CostOk => {
  const notes = ['Free of charge.'];
  const ft = p.free_tier;
  if (ft?.requests_per_day !== undefined && w.requestsPerMonth > ft.requests_per_day * DAYS_PER_MONTH) {
    notes.push(`The workload exceeds the free limit of ${ft.requests_per_day} requests per day.`);
  }
  const tokens = (w.inputTokens + w.outputTokens + (w.reasoningTokens ?? 0)) * w.requestsPerMonth;
  const freeTokens = ft?.tokens_per_month ?? (ft?.tokens_per_day !== undefined ? ft.tokens_per_day * DAYS_PER_MONTH : undefined);
  if (freeTokens !== undefined && tokens > freeTokens)
    notes.push(`The workload exceeds the free limit of ${freeTokens} tokens per month.`);
  return { ok: true, totalUsd: 0, perRequestUsd: 0, breakdown: [], notes };
};

/**
 * Monthly cost in USD of `workload` on an offering with `pricing`, with a line per meter and
 * variant. Not computable (with the reason and the missing prices) when the workload is invalid,
 * billing is not per use, or a price the workload needs is not published.
 */
export const priceWorkload = (pricing: CostPricing | undefined, workload: Workload): CostResult => {
  const errors = validateWorkload(workload);
  return errors.length > 0 ? notComputable(`invalid workload: ${errors.join('; ')}`) : priceValid(pricing, workload);
};

/**
 * Where an offering ranks for a workload (the cost policy):
 * - 'free': billed as free, or its free tier covers the whole workload, or it costs exactly $0:
 *   its own group, never mixed into the paid ranking (free offerings come with limits);
 * - 'paid': priced by usage, ranked cheapest first;
 * - 'unranked': subscription, self-hosted or unpublished billing, or a price the workload needs
 *   is missing: never ranked as $0, shown with its reason.
 */
export type CostGroup = 'free' | 'paid' | 'unranked';
/** The groups in the order they are listed: free first (not after the paid ones), unranked last. */
export const COST_GROUPS: readonly CostGroup[] = ['free', 'paid', 'unranked'];

/** The group of an offering's cost (see CostGroup). */
export const costGroup = (pricing: CostPricing | undefined, cost: CostResult): CostGroup => {
  if (!cost.ok) return 'unranked';
  if (pricing?.billing === 'free' || cost.totalUsd === 0) return 'free';
  return 'paid';
};

export interface RankedOffering<T> {
  offering: T;
  cost: CostResult;
  group: CostGroup;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every offering priced for `workload`, by group (free, then paid cheapest first by totalUsd,
 * then unranked); equal costs and the free and unranked ones by id.
 */
export const rankByCost = <T extends { id: string; pricing?: CostPricing | undefined }>(
  offerings: readonly T[],
  workload: Workload,
): RankedOffering<T>[] => {
  const errors = validateWorkload(workload);
  const invalid = errors.length > 0 ? notComputable(`invalid workload: ${errors.join('; ')}`) : undefined;
  const ranked = offerings.map((offering) => {
    const cost = invalid ?? priceValid(offering.pricing, workload);
    return { offering, cost, group: costGroup(offering.pricing, cost) };
  });
  const order = (g: CostGroup) => COST_GROUPS.indexOf(g);
  return ranked.sort((a, b) => {
    const g = order(a.group) - order(b.group);
    if (g !== 0) return g;
    if (a.group === 'paid' && a.cost.ok && b.cost.ok) return a.cost.totalUsd - b.cost.totalUsd || byId(a.offering, b.offering);
    return byId(a.offering, b.offering);
  });
};
