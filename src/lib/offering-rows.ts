/** Rows of a provider's offerings table. */
import { offeringName } from './relations.ts';
import type { Offering } from './schema.ts';

export interface OfferingRow {
  id: string;
  name: string;
  modelId: string | undefined;
  providerModelId: string;
  status: string;
  billing: string;
  input: number | undefined;
  output: number | undefined;
  context: number | undefined;
  maxOutput: number | undefined;
}

type Linked = Offering & { id: string; modelRecord?: { name: string; context_window?: number | undefined; max_output_tokens?: number | undefined } | undefined };

/** One row per offering, sorted by display name then provider model id. Limits fall back to the model's. */
export const offeringRows = (offerings: Linked[]): OfferingRow[] =>
  offerings
    .map((o) => ({
      id: o.id,
      name: offeringName(o),
      modelId: o.model,
      providerModelId: o.provider_model_id,
      status: o.status,
      billing: o.pricing?.billing ?? 'unpublished',
      input: o.pricing?.billing === 'usage' ? o.pricing.input : undefined,
      output: o.pricing?.billing === 'usage' ? o.pricing.output : undefined,
      context: o.limits?.context_window ?? o.modelRecord?.context_window,
      maxOutput: o.limits?.max_output_tokens ?? o.modelRecord?.max_output_tokens,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.providerModelId < b.providerModelId ? -1 : 1));

/** What to show instead of a price when the offering is not billed per use. */
export const BILLING_LABEL: Record<string, string> = {
  usage: 'Not published',
  subscription: 'Subscription plan',
  free: 'Free',
  unpublished: 'Not published',
  self_hosted: 'Self-hosted',
};
