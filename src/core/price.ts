/**
 * The one home of price normalization. `priceView` turns an offering's pricing record (prices in
 * the record's currency) into its normalized view: every token meter in USD per 1M tokens, every
 * unit meter in USD per unit. The linked catalog (src/model/link.ts) calls it once per offering
 * and every table, chart, feed and export reads the view (`offering.price`). Also here: the
 * blended price and the per-1K display unit. Rounding happens only in format.ts.
 */
import { METERS, type Billing, type Meter } from './vocab.ts';

/** Display unit of token prices: per 1M tokens (the default) or per 1K tokens. */
export type PriceUnit = '1m' | '1k';
/** Short label of a unit, as table headers show it: "1M", "1K". */
export const UNIT_LABEL: Record<PriceUnit, string> = { '1m': '1M', '1k': '1K' };

/**
 * Drops binary floating-point noise (3 × 0.15 = 0.44999999999999996) by keeping 12 significant
 * digits, far below any price's precision; display rounding stays in format.ts.
 */
export const denoise = (x: number): number => Number(x.toPrecision(12));

/**
 * Blended price, USD per 1M tokens: (3 × input + 1 × output) / 4, a 3:1 input:output mix.
 * Undefined unless both prices are published.
 */
export const blendedPrice = (input: number | undefined, output: number | undefined): number | undefined =>
  input === undefined || output === undefined ? undefined : denoise((3 * input + output) / 4);

/** USD per 1M tokens → USD per `unit` tokens. */
export const inUnit = (usdPerMillion: number, unit: PriceUnit): number =>
  unit === '1k' ? denoise(usdPerMillion / 1000) : usdPerMillion;

/** The currency fields of a pricing record. */
export interface Currency {
  /** ISO 4217; absent means USD. */
  currency?: string | undefined;
  /** What one unit of `currency` was worth in USD, and when. */
  usd_rate?: { usd_per_unit: number; as_of?: string } | undefined;
}

/**
 * USD per one unit of the record's currency: 1 for USD, the record's `usd_rate` otherwise, and
 * undefined when a non-USD record has no rate. A missing rate is never a guess: the prices of such
 * a record are unknown (the schema refuses it; unvalidated input can still lack one). The cost
 * engine (cost.ts) reads the same rule.
 */
export const usdPerUnit = (p: Currency): number | undefined =>
  p.currency === undefined || p.currency === 'USD' ? 1 : p.usd_rate?.usd_per_unit;

/** Prices in USD by meter: token meters per 1M tokens, unit meters per unit; absent = not listed. */
export type UsdMeters = Partial<Record<Meter, number>>;

/** Context-tier prices: they replace the base prices when the request's input exceeds `aboveTokens`. */
export interface UsdTier {
  /** Tokens of input context above which the tier applies. */
  aboveTokens: number;
  usd: UsdMeters;
}

/** A priced variant of the offering: batch, flex, priority, or a named mode (`fast`…). */
export interface UsdVariant {
  name: string;
  /** batch, flex and priority are fixed variants; the rest are the record's `modes`. */
  fixed: boolean;
  /** Its prices: its own, else the base price less its `discount`. */
  usd: UsdMeters;
  tiers: UsdTier[];
}

/** One dated price of `price_history`, converted at the record's current rate. */
export interface UsdPricePoint {
  /** YYYY-MM-DD; undefined when the oldest price's start is unknown. */
  from: string | undefined;
  usd: UsdMeters;
  /** Takes effect after the data's date: a scheduled change (an announced cut, an introductory price ending). */
  announced: boolean;
}

/** The pricing record with every price in USD (currency 'USD'), in the shape the cost engine reads. */
export type UsdPricing<P> = Omit<P, 'currency' | 'usd_rate'> & { currency: 'USD' };

/** One offering's normalized prices. */
export interface PriceView<P = PricingIn> {
  /** How the offering is paid for; 'unpublished' when it has no pricing record. */
  billing: Billing;
  /** The listed currency when it is not USD (the prices below are converted at its `usd_rate`). */
  convertedFrom: string | undefined;
  /** A non-USD record without a USD rate: every price below is then absent, never the listed figure taken as USD. */
  noRate: boolean;
  /** Every listed base meter in USD (token meters per 1M tokens, unit meters per unit), whatever the billing. */
  usd: UsdMeters;
  /** Cache storage, USD per 1M tokens per hour. */
  cacheStoragePerHour: number | undefined;
  /** Blended input/output price in USD per 1M tokens (see blendedPrice); usage billing only. */
  blended: number | undefined;
  tiers: UsdTier[];
  /** batch, flex, priority (in this order), then the named modes by name. */
  variants: UsdVariant[];
  /** The price history, oldest first, scheduled changes included (marked `announced`). */
  history: UsdPricePoint[];
  /** The scheduled changes: history entries dated after the data's date, oldest first. */
  scheduled: UsdPricePoint[];
  /**
   * When the price in force comes from a `price_history` entry that took effect after the record
   * was last verified (see pricingInForce): that entry's date; undefined when `pricing` is in force.
   */
  since: string | undefined;
  /** The record with every price in USD, for the cost engine; undefined without pricing or without a rate. */
  pricing: UsdPricing<P> | undefined;
}

/** Listed prices by meter (record currency). */
export type Prices = Partial<Record<Meter, number | undefined>>;
interface TierIn extends Prices {
  above_tokens: number;
}
export interface VariantIn extends Prices {
  discount?: number | undefined;
  tiers?: TierIn[] | undefined;
}
/** The pricing record priceView reads (the schema's `Pricing` satisfies it). */
export interface PricingIn extends Currency, Prices {
  billing?: Billing | undefined;
  cache_storage_per_hour?: number | undefined;
  tiers?: TierIn[] | undefined;
  batch?: VariantIn | undefined;
  flex?: VariantIn | undefined;
  priority?: VariantIn | undefined;
  modes?: Record<string, VariantIn> | undefined;
}
/** A dated price of `price_history` (the schema's `PricePoint` satisfies it). */
export interface PricePointIn extends Prices {
  effective_from?: string | undefined;
}

/** The fixed price variants of a pricing record, in the order tables show them; named `modes` follow. */
export const FIXED_VARIANTS = ['batch', 'flex', 'priority'] as const;

/** USD per 1M tokens (token meters) or per unit (unit meters) of one listed price. */
const convert = (price: number, rate: number): number => (rate === 1 ? price : denoise(price * rate));

const usdMeters = (src: Prices, rate: number | undefined): UsdMeters => {
  const out: UsdMeters = {};
  if (rate === undefined) return out;
  for (const m of METERS) {
    const v = src[m];
    if (v !== undefined) out[m] = convert(v, rate);
  }
  return out;
};

const usdTiers = (tiers: TierIn[] | undefined, rate: number | undefined): UsdTier[] =>
  rate === undefined ? [] : (tiers ?? []).map((t) => ({ aboveTokens: t.above_tokens, usd: usdMeters(t, rate) }));

const point = (h: PricePointIn, rate: number, announced: boolean): UsdPricePoint => ({
  from: h.effective_from,
  usd: usdMeters(h, rate),
  announced,
});

/** A variant's prices: its own, else the base price less its `discount`. */
export const variantPrices = (base: Prices, v: VariantIn): Prices => {
  const out: Prices = {};
  for (const m of METERS) {
    const own = v[m];
    if (own !== undefined) out[m] = own;
    else if (v.discount !== undefined && base[m] !== undefined) out[m] = denoise(base[m]! * (1 - v.discount));
  }
  return out;
};

/** The record with every price in USD, every other field as it is (and in its order). */
const usdRecord = <P extends PricingIn>(p: P, rate: number): UsdPricing<P> => {
  const meters = <T extends object>(rec: T): T =>
    Object.fromEntries(
      Object.entries(rec).map(([k, v]) => [
        k,
        typeof v === 'number' && (METERS as readonly string[]).includes(k) ? convert(v, rate) : v,
      ]),
    ) as T;
  const tiers = (list: TierIn[]) => list.map(meters);
  const variant = (v: VariantIn): VariantIn => ({ ...meters(v), ...(v.tiers && { tiers: tiers(v.tiers) }) });
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(meters(p))) {
    if (k === 'usd_rate') continue;
    else if (k === 'currency') out[k] = 'USD';
    else if (k === 'cache_storage_per_hour' && typeof v === 'number') out[k] = convert(v, rate);
    else if (k === 'tiers' && Array.isArray(v)) out[k] = tiers(v as TierIn[]);
    else if ((FIXED_VARIANTS as readonly string[]).includes(k) && v) out[k] = variant(v as VariantIn);
    else if (k === 'modes' && v)
      out[k] = Object.fromEntries(Object.entries(v as Record<string, VariantIn>).map(([name, m]) => [name, variant(m)]));
    else out[k] = v;
  }
  if (out.currency === undefined) out.currency = 'USD';
  return out as UsdPricing<P>;
};

/** The data's date and the record's own date, which decide the price in force (pricingInForce). */
export interface PriceDates {
  /** The data's date (Catalog.date), YYYY-MM-DD: entries dated after it are scheduled changes. */
  asOf?: string | undefined;
  /** The day the record's `pricing` was read (the offering's `last_verified`). */
  pricedOn?: string | undefined;
}

/** The meters of a history entry (its date and source left out). */
const entryMeters = (h: PricePointIn): Prices => {
  const out: Prices = {};
  for (const m of METERS) if (h[m] !== undefined) out[m] = h[m];
  return out;
};

/**
 * The one rule for dated prices: the listed pricing in force on the data's date `asOf`.
 * - An entry of `history` dated after `asOf` is a scheduled change: never in force yet.
 * - `pricing` is the price in force when the record was read (`pricedOn`); it stays in force unless
 *   the newest entry dated on or before `asOf` is newer than `pricedOn`: a change that took effect
 *   since, whose meters then replace those of `pricing` (the meters it does not list are kept).
 * - Without `pricedOn` or `asOf` the record's `pricing` is in force (nothing is assumed).
 * Prices stay in the record's currency; priceView converts.
 */
export const pricingInForce = <P extends PricingIn>(
  pricing: P | undefined,
  history: readonly PricePointIn[] | undefined,
  dates: PriceDates = {},
): { pricing: P | undefined; since: string | undefined; scheduled: PricePointIn[] } => {
  const { asOf, pricedOn } = dates;
  const list = history ?? [];
  const isScheduled = (h: PricePointIn) => asOf !== undefined && h.effective_from !== undefined && h.effective_from > asOf;
  const scheduled = list.filter(isScheduled);
  const last = list.filter((h) => !isScheduled(h)).at(-1);
  const newer =
    pricing !== undefined &&
    (pricing.billing ?? 'usage') === 'usage' &&
    asOf !== undefined &&
    pricedOn !== undefined &&
    last?.effective_from !== undefined &&
    last.effective_from > pricedOn;
  return newer
    ? { pricing: { ...pricing, ...entryMeters(last) }, since: last.effective_from, scheduled }
    : { pricing, since: undefined, scheduled };
};

/**
 * The normalized view of one offering's pricing (and its `price_history`): every price in USD
 * per 1M tokens (token meters) or per unit (unit meters), converted at the record's `usd_rate`.
 * With `dates`, the prices are those in force on the data's date (pricingInForce) and the
 * history entries after it are the scheduled changes.
 */
export const priceView = <P extends PricingIn>(
  listed: P | undefined,
  history?: readonly PricePointIn[],
  dates: PriceDates = {},
): PriceView<P> => {
  const inForce = pricingInForce(listed, history, dates);
  const pricing = inForce.pricing;
  const billing: Billing = pricing ? (pricing.billing ?? 'usage') : 'unpublished';
  const p: PricingIn = pricing ?? {};
  const rate = usdPerUnit(p);
  const usd = usdMeters(p, rate);
  const variants: UsdVariant[] = [
    ...FIXED_VARIANTS.filter((k) => p[k]).map((k): [string, VariantIn, boolean] => [k, p[k]!, true]),
    ...Object.entries(p.modes ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]): [string, VariantIn, boolean] => [k, v, false]),
  ].map(([name, v, fixed]) => ({ name, fixed, usd: usdMeters(variantPrices(p, v), rate), tiers: usdTiers(v.tiers, rate) }));
  return {
    billing,
    convertedFrom:
      rate !== undefined && pricing?.currency !== undefined && pricing.currency !== 'USD' ? pricing.currency : undefined,
    noRate: rate === undefined,
    usd,
    cacheStoragePerHour:
      p.cache_storage_per_hour === undefined || rate === undefined ? undefined : convert(p.cache_storage_per_hour, rate),
    blended: billing === 'usage' ? blendedPrice(usd.input, usd.output) : undefined,
    tiers: usdTiers(p.tiers, rate),
    variants,
    history: rate === undefined ? [] : (history ?? []).map((h) => point(h, rate, inForce.scheduled.includes(h))),
    scheduled: rate === undefined ? [] : inForce.scheduled.map((h) => point(h, rate, true)),
    since: inForce.since,
    pricing: pricing && rate !== undefined ? usdRecord(pricing, rate) : undefined,
  };
};

/** Anything that carries a price view: a linked offering. */
export interface Priced {
  price: Pick<PriceView, 'billing' | 'usd'>;
}

/** Price of one meter in USD (per 1M tokens, or per unit), for offerings billed by usage; undefined otherwise. */
export const usagePrice = (o: Priced, meter: Meter): number | undefined =>
  o.price.billing === 'usage' ? o.price.usd[meter] : undefined;

/** Lowest and highest published price of one meter among offerings billed by usage (USD per 1M tokens). */
export const priceRange = (offerings: readonly Priced[], meter: Meter): { min: number; max: number } | undefined => {
  let range: { min: number; max: number } | undefined;
  for (const o of offerings) {
    const v = usagePrice(o, meter);
    if (v === undefined) continue;
    range = range ? { min: Math.min(range.min, v), max: Math.max(range.max, v) } : { min: v, max: v };
  }
  return range;
};
