/**
 * Price arithmetic shared by every table: currency normalization, the blended price and
 * unit conversion. Every price here is USD per 1M tokens unless its name says otherwise;
 * rounding happens only in format.ts.
 */

/** Display unit of token prices: per 1M tokens (the default) or per 1K tokens. */
export type PriceUnit = '1m' | '1k';
/** Short label of a unit, as table headers show it: "1M", "1K". */
export const UNIT_LABEL: Record<PriceUnit, string> = { '1m': '1M', '1k': '1K' };

interface CurrencyLike {
  currency?: string | undefined;
  usd_rate?: { usd_per_unit: number } | undefined;
}

/**
 * Drops binary floating-point noise (3 × 0.15 = 0.44999999999999996) by keeping 12 significant
 * digits, far below any price's precision; display rounding stays in format.ts.
 */
export const denoise = (x: number): number => Number(x.toPrecision(12));

/** A listed price in the record's currency → USD, at the record's own `usd_rate`. */
export const toUsd = (price: number, pricing: CurrencyLike): number =>
  pricing.currency === undefined || pricing.currency === 'USD' || !pricing.usd_rate ? price : denoise(price * pricing.usd_rate.usd_per_unit);

/**
 * Blended price, USD per 1M tokens: (3 × input + 1 × output) / 4, a 3:1 input:output mix.
 * Undefined unless both prices are published.
 */
export const blendedPrice = (input: number | undefined, output: number | undefined): number | undefined =>
  input === undefined || output === undefined ? undefined : denoise((3 * input + output) / 4);

/** USD per 1M tokens → USD per `unit` tokens. */
export const inUnit = (usdPerMillion: number, unit: PriceUnit): number => (unit === '1k' ? denoise(usdPerMillion / 1000) : usdPerMillion);

interface PricedLike {
  pricing?: (CurrencyLike & { billing: string; input?: number | undefined; output?: number | undefined }) | undefined;
}

/** Price of one meter in USD per 1M tokens, for offerings billed by usage; undefined otherwise. */
export const usagePrice = (o: PricedLike, meter: 'input' | 'output'): number | undefined => {
  const p = o.pricing;
  if (!p || p.billing !== 'usage' || p[meter] === undefined) return undefined;
  return toUsd(p[meter], p);
};

/** Lowest and highest published price of one meter among offerings billed by usage (USD per 1M tokens). */
export const priceRange = (offerings: PricedLike[], meter: 'input' | 'output'): { min: number; max: number } | undefined => {
  let range: { min: number; max: number } | undefined;
  for (const o of offerings) {
    const v = usagePrice(o, meter);
    if (v === undefined) continue;
    range = range ? { min: Math.min(range.min, v), max: Math.max(range.max, v) } : { min: v, max: v };
  }
  return range;
};
