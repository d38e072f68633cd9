/**
 * Prices of one offering as the model pages show them, every figure in USD per 1M tokens
 * (converted with `usd_rate` by pricing.ts when a record is priced in another currency), and
 * its monthly cost for the default workload (the cost engine, cost.ts).
 */
import { priceWorkload, type CostResult, type Workload } from '../../core/cost.ts';
import { formatUsd } from '../../core/format.ts';
import { blendedPrice, toUsd } from '../../core/price.ts';
import type { Pricing, PriceVariant } from '../../model/schema.ts';
import { DEFAULT_WORKLOAD, WORKLOAD_PRESETS } from '../../core/workload.ts';

type Billing = Pricing['billing'];

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
  /** (3 × input + output) / 4, see pricing.ts. */
  blended: number | undefined;
  /** Batch API prices, USD per 1M tokens, listed or from the published discount. */
  batch: { input: number | undefined; output: number | undefined } | undefined;
  tiers: TierPrice[];
}

const NO_PRICE = { input: undefined, output: undefined, cacheRead: undefined, cacheWrite: undefined, blended: undefined, batch: undefined, tiers: [] };

const batchOf = (p: Pricing, usd: (v: number | undefined) => number | undefined): PriceSummary['batch'] => {
  const b: PriceVariant | undefined = p.batch;
  if (!b) return undefined;
  const off = (v: number | undefined) => (b.discount === undefined || v === undefined ? undefined : v * (1 - b.discount));
  const input = usd(b.input ?? off(p.input));
  const output = usd(b.output ?? off(p.output));
  return input === undefined && output === undefined ? undefined : { input, output };
};

/** Prices of one offering; every meter is undefined unless the offering is billed by usage. */
export const priceSummary = (pricing: Pricing | undefined): PriceSummary => {
  const billing: Billing = pricing?.billing ?? 'unpublished';
  if (!pricing || billing !== 'usage') return { billing, ...NO_PRICE };
  const usd = (v: number | undefined) => (v === undefined ? undefined : toUsd(v, pricing));
  const input = usd(pricing.input);
  const output = usd(pricing.output);
  return {
    billing,
    input,
    output,
    cacheRead: usd(pricing.cache_read),
    cacheWrite: usd(pricing.cache_write),
    blended: blendedPrice(input, output),
    batch: batchOf(pricing, usd),
    tiers: (pricing.tiers ?? []).map((t) => ({ aboveTokens: t.above_tokens, input: usd(t.input), output: usd(t.output) })),
  };
};

/** The workload of the "monthly cost" column: the cost explorer's default preset. */
export const MODEL_PAGE_WORKLOAD: { label: string; description: string; workload: Workload } = {
  label: WORKLOAD_PRESETS.chatbot.label,
  description: WORKLOAD_PRESETS.chatbot.description,
  workload: DEFAULT_WORKLOAD,
};

/** USD per month of the default workload on one offering (cost.ts), or why it cannot be computed. */
export const monthlyCost = (pricing: Pricing | undefined, workload: Workload = MODEL_PAGE_WORKLOAD.workload): CostResult =>
  priceWorkload(pricing, workload);

const BILLING_TEXT: Record<Billing, string> = {
  usage: 'Not published',
  free: 'Free',
  subscription: 'Subscription',
  unpublished: 'Not published',
  self_hosted: 'Self-hosted',
};

/**
 * Text of a price cell: the price, else the billing label for the main meters (`labelled`) of an
 * offering not billed by usage (never "$0"), else a dash.
 */
export const priceText = (p: Pick<PriceSummary, 'billing'>, usd: number | undefined, labelled = false): { text: string; known: boolean } =>
  usd !== undefined ? { text: formatUsd(usd), known: true } : { text: labelled ? BILLING_TEXT[p.billing] : '—', known: false };

/** Text of the monthly-cost cell: the cost, "Free", or why it is not computed. */
export const monthlyText = (p: Pick<PriceSummary, 'billing'>, cost: CostResult): { text: string; known: boolean } =>
  p.billing === 'free' ? { text: 'Free', known: true } : cost.ok ? { text: formatUsd(cost.totalUsd), known: true } : { text: p.billing === 'usage' ? cost.reason : BILLING_TEXT[p.billing], known: false };
