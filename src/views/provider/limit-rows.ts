/** Rows of the limits tab: token limits per offering and rate-limit tiers. */
import { offeringName } from '../../model/link.ts';
import type { Offering, RateLimitTier } from '../../model/schema.ts';

interface OfferingIn extends Offering {
  id: string;
  modelRecord?:
    | {
        name: string;
        context_window?: number | undefined;
        max_input_tokens?: number | undefined;
        max_output_tokens?: number | undefined;
      }
    | undefined;
}

export interface LimitRow {
  id: string;
  name: string;
  providerModelId: string;
  /** Tokens; the offering's own, else its model's; undefined when not published. */
  context: number | undefined;
  maxInput: number | undefined;
  maxOutput: number | undefined;
}

/** One row per offering, sorted by name then API id. */
export const limitRows = (offerings: OfferingIn[]): LimitRow[] =>
  offerings
    .map((o) => ({
      id: o.id,
      name: offeringName(o),
      providerModelId: o.provider_model_id,
      context: o.limits?.context_window ?? o.modelRecord?.context_window,
      maxInput: o.limits?.max_input_tokens ?? o.modelRecord?.max_input_tokens,
      maxOutput: o.limits?.max_output_tokens ?? o.modelRecord?.max_output_tokens,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.providerModelId < b.providerModelId ? -1 : 1));

export type RateMetric = 'rpm' | 'tpm' | 'itpm' | 'otpm' | 'rpd' | 'tpd';
export const RATE_LABEL: Record<RateMetric, string> = {
  rpm: 'Requests / min',
  tpm: 'Tokens / min',
  itpm: 'Input tokens / min',
  otpm: 'Output tokens / min',
  rpd: 'Requests / day',
  tpd: 'Tokens / day',
};
const CORE: RateMetric[] = ['rpm', 'tpm', 'rpd'];
const ALL: RateMetric[] = ['rpm', 'tpm', 'itpm', 'otpm', 'rpd', 'tpd'];

/** Columns for a list of tiers: RPM, TPM and RPD always, the others when some tier has them. */
export const rateColumns = (tiers: RateLimitTier[]): RateMetric[] =>
  ALL.filter((m) => CORE.includes(m) || tiers.some((t) => t[m] !== undefined));

export interface OfferingRateRow extends RateLimitTier {
  name: string;
  providerModelId: string;
}
/** Offering-level rate limits (overrides of the provider's tiers), one row per offering and tier. */
export const offeringRateRows = (offerings: OfferingIn[]): OfferingRateRow[] => {
  const byId = new Map(offerings.map((o) => [o.id, o]));
  return limitRows(offerings).flatMap((r) =>
    (byId.get(r.id)!.limits?.rate_limits ?? []).map((t) => ({ ...t, name: r.name, providerModelId: r.providerModelId })),
  );
};
