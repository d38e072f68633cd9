/**
 * Worked examples of the methodology page: a pricing and a workload in, the cost engine's
 * figures out, one line per meter with the arithmetic spelled out. Units: token quantities per
 * month, prices in USD per 1M tokens (per unit for unit meters), costs in USD per month.
 */
import { priceWorkload, type CostLine, type CostPricing, type Workload } from '../../core/cost.ts';
import { formatCount, formatUsd } from '../../core/format.ts';

const METER_LABEL: Record<CostLine['meter'], string> = {
  input: 'Input',
  output: 'Output',
  cache_read: 'Cache read',
  cache_write: 'Cache write',
  cache_write_1h: 'Cache write (1 hour)',
  reasoning: 'Reasoning',
  input_audio: 'Audio input',
  output_audio: 'Audio output',
  input_image: 'Image input',
  output_image: 'Image output',
  per_image: 'Images',
  per_request: 'Request fee',
  per_audio_second: 'Audio seconds',
  per_video_second: 'Video seconds',
  per_search: 'Searches',
  free_tier: 'Free tier credit',
};

export interface ExampleLine {
  /** "Input (batch, above 200K)". */
  meter: string;
  /** "45,000,000 tokens × $3.00 / 1M". */
  arithmetic: string;
  /** "$135.00" */
  usd: string;
}
export type WorkedExample =
  | { ok: true; lines: ExampleLine[]; total: string; perRequest: string; notes: string[] }
  | { ok: false; reason: string };

const tierLabel = (tier: number | undefined) => (tier === undefined ? '' : `above ${formatCount(tier)} tokens`);

/** The engine's breakdown of `workload` on `pricing`, as printable lines. */
export const workedExample = (pricing: CostPricing, workload: Workload): WorkedExample => {
  const r = priceWorkload(pricing, workload);
  if (!r.ok) return { ok: false, reason: r.reason };
  const lines = r.breakdown.map((l): ExampleLine => {
    const qualifiers = [l.variant === 'batch' ? 'batch' : '', tierLabel(l.tier)].filter(Boolean).join(', ');
    const meter = qualifiers ? `${METER_LABEL[l.meter]} (${qualifiers})` : METER_LABEL[l.meter];
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
