/**
 * Worked examples of the methodology page: a pricing and a workload in, the cost engine's
 * figures out, one line per meter with the arithmetic spelled out. Units: token quantities per
 * month, prices in USD per 1M tokens (per unit for unit meters), costs in USD per month.
 */
import { priceWorkload, type CostLine, type CostPricing, type Workload } from '../../core/cost.ts';
import { formatCount, formatUsd } from '../../core/format.ts';
import { METER_LABEL } from '../../core/vocab.ts';

/** The vocabulary's meter labels, and the free tier's credit line. */
const LINE_LABEL: Record<CostLine['meter'], string> = { ...METER_LABEL, free_tier: 'Free tier credit' };

export interface ExampleLine {
  /** "Input (batch, above 200K)". */
  meter: string;
  /** "45,000,000 tokens × $3.00 / 1M". */
  arithmetic: string;
  /** "$135.00" */
  usd: string;
}
export type WorkedExample =
  { ok: true; lines: ExampleLine[]; total: string; perRequest: string; notes: string[] } | { ok: false; reason: string };

const tierLabel = (tier: number | undefined) => (tier === undefined ? '' : `above ${formatCount(tier)} tokens`);

/** The engine's breakdown of `workload` on `pricing`, as printable lines. */
export const workedExample = (pricing: CostPricing, workload: Workload): WorkedExample => {
  const r = priceWorkload(pricing, workload);
  if (!r.ok) return { ok: false, reason: r.reason };
  const lines = r.breakdown.map((l): ExampleLine => {
    const qualifiers = [l.variant === 'batch' ? 'batch' : '', tierLabel(l.tier)].filter(Boolean).join(', ');
    const meter = qualifiers ? `${LINE_LABEL[l.meter]} (${qualifiers})` : LINE_LABEL[l.meter];
    const arithmetic =
      l.meter === 'free_tier'
        ? `${formatCount(l.units ?? 0)} requests covered`
        : l.tokens !== undefined
          ? `${formatCount(l.tokens)} tokens × ${formatUsd(l.unitPrice)} / 1M`
          : `${formatCount(l.units ?? 0)} × ${formatUsd(l.unitPrice)}`;
    return { meter, arithmetic, usd: formatUsd(l.usd) };
  });
  return { ok: true, lines, total: formatUsd(r.totalUsd), perRequest: formatUsd(r.perRequestUsd), notes: r.notes };
};
