/**
 * Prices of one offering as the model pages show them, every figure in USD per 1M tokens, read
 * from the catalog's price view (src/core/price.ts), and its monthly cost for the default workload
 * (the cost engine, cost.ts).
 */
import { priceWorkload, type CostPricing, type CostResult, type Workload } from '../../core/cost.ts';
import { formatUsd } from '../../core/format.ts';
import type { PriceView } from '../../core/price.ts';
import { DEFAULT_WORKLOAD, WORKLOAD_PRESETS } from '../../core/workload.ts';
import { BILLING_LABEL, type Billing } from '../../core/vocab.ts';

export interface TierPrice {
  /** Applies when the request's input exceeds this many tokens. */
  aboveTokens: number;
  input: number | undefined;
  output: number | undefined;
}

export interface PriceSummary {
  billing: Billing;
  /** USD per 1M tokens; only when billing is `usage`. */
  input: number | undefined;
  output: number | undefined;
  cacheRead: number | undefined;
  cacheWrite: number | undefined;
  /** (3 × input + output) / 4, see price.ts blendedPrice. */
  blended: number | undefined;
  /** Batch API prices, USD per 1M tokens, listed or from the published discount. */
  batch: { input: number | undefined; output: number | undefined } | undefined;
  tiers: TierPrice[];
}

const NO_PRICE = {
  input: undefined,
  output: undefined,
  cacheRead: undefined,
  cacheWrite: undefined,
  blended: undefined,
  batch: undefined,
  tiers: [],
};

/** Prices of one offering from its price view; every meter is undefined unless the offering is billed by usage. */
export const priceSummary = (price: Pick<PriceView, 'billing' | 'usd' | 'blended' | 'tiers' | 'variants'>): PriceSummary => {
  const { billing, usd } = price;
  if (billing !== 'usage') return { billing, ...NO_PRICE };
  const b = price.variants.find((v) => v.name === 'batch')?.usd;
  return {
    billing,
    input: usd.input,
    output: usd.output,
    cacheRead: usd.cache_read,
    cacheWrite: usd.cache_write,
    blended: price.blended,
    batch: b && (b.input !== undefined || b.output !== undefined) ? { input: b.input, output: b.output } : undefined,
    tiers: price.tiers.map((t) => ({ aboveTokens: t.aboveTokens, input: t.usd.input, output: t.usd.output })),
  };
};

/** The workload of the "monthly cost" column: the cost explorer's default preset. */
export const MODEL_PAGE_WORKLOAD: { label: string; description: string; workload: Workload } = {
  label: WORKLOAD_PRESETS.chatbot.label,
  description: WORKLOAD_PRESETS.chatbot.description,
  workload: DEFAULT_WORKLOAD,
};

/** USD per month of the default workload on one offering (cost.ts), or why it cannot be computed. */
export const monthlyCost = (pricing: CostPricing | undefined, workload: Workload = MODEL_PAGE_WORKLOAD.workload): CostResult =>
  priceWorkload(pricing, workload);

/**
 * Text of a price cell: the price, else the billing label for the main meters (`labelled`) of an
 * offering not billed by usage (never "$0"), else a dash.
 */
export const priceText = (
  p: Pick<PriceSummary, 'billing'>,
  usd: number | undefined,
  labelled = false,
): { text: string; known: boolean } =>
  usd !== undefined ? { text: formatUsd(usd), known: true } : { text: labelled ? BILLING_LABEL[p.billing] : '—', known: false };

/** Text of the monthly-cost cell: the cost, "Free", or why it is not computed. */
export const monthlyText = (p: Pick<PriceSummary, 'billing'>, cost: CostResult): { text: string; known: boolean } =>
  p.billing === 'free'
    ? { text: 'Free', known: true }
    : cost.ok
      ? { text: formatUsd(cost.totalUsd), known: true }
      : { text: p.billing === 'usage' ? cost.reason : BILLING_LABEL[p.billing], known: false };
