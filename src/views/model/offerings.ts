/**
 * "Where to run it": every offering of one model across providers, as rows with every figure
 * computed (prices in USD per 1M tokens, limits in tokens, speed in output tokens per second).
 */
import type { CostResult, Workload } from '../../core/cost.ts';
import { CAPABILITIES, CAPABILITY_LABEL, FEATURE_LABEL, KIND_LABEL, ROW_FEATURES, type ProviderKind } from '../../core/vocab.ts';
import { median } from '../../core/stats.ts';
import { MODEL_PAGE_WORKLOAD, monthlyCost, priceSummary, type PriceSummary } from './pricing.ts';
import type { Feature, Model, Offering, PerformanceSample, Pricing, Provider } from '../../model/schema.ts';
import type { PriceView } from '../../core/price.ts';
import type { Provenance } from '../../core/provenance.ts';
import { scheduledPrices, type ScheduledPrice } from '../provider/price-sources.ts';
import { offeringPlace, placeTokens, type OfferingPlace } from '../region-places.ts';

/** Features shown per offering, in this order. */
export { ROW_FEATURES };

export interface Speed {
  /** Median of the samples' p50 output tokens per second. */
  tokensPerSecond: number;
  /** Median of the samples' p50 time to first token, in ms. */
  ttftMs: number;
  samples: number;
}

export interface WhereRow {
  offeringId: string;
  providerId: string;
  providerName: string;
  providerKind: string;
  /** The provider's kind, for the host filter (host-filter.ts). */
  kind: ProviderKind;
  providerHq: string | undefined;
  /** The offering's own name when it differs from the model's (e.g. a free variant). */
  variant: string | undefined;
  providerModelId: string;
  status: Offering['status'];
  /** The prices in force on the data's date. */
  price: PriceSummary;
  /** Where each shown price comes from (src/core/provenance.ts); the linked catalog always has it. */
  provenance: Provenance | undefined;
  /** Announced price changes, USD per 1M tokens. */
  scheduled: ScheduledPrice[];
  /** Cost per month of the default workload (USD), or why it cannot be computed. */
  monthly: CostResult;
  context: number | undefined;
  /** The provider's limit is lower than the model's. */
  contextLower: boolean;
  maxOutput: number | undefined;
  maxOutputLower: boolean;
  features: { key: Feature; label: string; value: boolean | undefined }[];
  /** Region names (ids the provider does not define are shown as ids). */
  regions: string[];
  /** Where it runs: countries, EU processing, residency marks and regional prices (src/views/region-places.ts). */
  place: OfferingPlace;
  /** Region-filter keys this row matches (`yes`) and those it cannot answer (`unknown`), see placeTokens. */
  placeKeys: { yes: string[]; unknown: string[] };
  speed: Speed | undefined;
  cheapest: boolean;
  fastest: boolean;
}

type ProviderLike = Pick<Provider, 'name' | 'kind' | 'headquarters' | 'regions' | 'residency'> & { id: string };
type OfferingLike = Offering & {
  id: string;
  providerRecord: ProviderLike;
  price: PriceView<Pricing>;
  provenance?: Provenance | undefined;
};
type ModelLike = Pick<Model, 'name' | 'context_window' | 'max_output_tokens' | 'aliases'> & {
  id: string;
  offerings: OfferingLike[];
};

/** Speed of an offering from its performance samples; undefined without samples. */
export const speedOf = (samples: PerformanceSample[] | undefined): Speed | undefined =>
  samples?.length
    ? {
        tokensPerSecond: median(samples.map((s) => s.output_tokens_per_second.p50))!,
        ttftMs: median(samples.map((s) => s.ttft_ms.p50))!,
        samples: samples.length,
      }
    : undefined;

/** Sort group: priced by usage, then free, then usage without a blended price, then other billing; retired last. */
const group = (r: WhereRow) =>
  (r.status === 'retired' ? 10 : 0) +
  (r.price.blended !== undefined ? 0 : r.price.billing === 'free' ? 1 : r.price.billing === 'usage' ? 2 : 3);

/** Order of the rows: by group, then blended price, then provider name and model id. */
export const compareWhereRows = (a: WhereRow, b: WhereRow): number =>
  group(a) - group(b) ||
  (a.price.blended ?? 0) - (b.price.blended ?? 0) ||
  a.providerName.localeCompare(b.providerName, 'en') ||
  (a.providerModelId < b.providerModelId ? -1 : a.providerModelId > b.providerModelId ? 1 : 0);

const lower = (atProvider: number | undefined, ofModel: number | undefined) =>
  atProvider !== undefined && ofModel !== undefined && atProvider < ofModel;

/**
 * Rows for the model-page workload, per model: the model page, its search entry, the /models/
 * index and the family grid all ask for them, so each model's are computed once per build.
 */
const pageRows = new WeakMap<ModelLike, WhereRow[]>();

/**
 * One row per offering of the model, sorted by blended price. `cheapest` marks every row at the
 * lowest blended price among offerings billed by usage and not retired; `fastest` the highest
 * median output speed among offerings that are not retired (when any has samples). For the
 * default workload the same (read-only) rows come back on every call for one model.
 */
export const whereToRun = (model: ModelLike, workload: Workload = MODEL_PAGE_WORKLOAD.workload): WhereRow[] => {
  const memo = workload === MODEL_PAGE_WORKLOAD.workload ? pageRows.get(model) : undefined;
  if (memo) return memo;
  const rows = model.offerings.map((o): WhereRow => {
    const p = o.providerRecord;
    const price = priceSummary(o.price);
    const context = o.limits?.context_window ?? model.context_window;
    const maxOutput = o.limits?.max_output_tokens ?? model.max_output_tokens;
    const regionName = new Map((p.regions ?? []).map((r) => [r.id, r.name]));
    return {
      offeringId: o.id,
      providerId: p.id,
      providerName: p.name,
      providerKind: KIND_LABEL[p.kind],
      kind: p.kind,
      providerHq: p.headquarters,
      variant: o.name !== undefined && o.name !== model.name ? o.name : undefined,
      providerModelId: o.provider_model_id,
      status: o.status,
      price,
      provenance: o.provenance,
      scheduled: scheduledPrices(o.price),
      monthly: monthlyCost(o.price.pricing, workload),
      context,
      contextLower: lower(context, model.context_window),
      maxOutput,
      maxOutputLower: lower(maxOutput, model.max_output_tokens),
      features: ROW_FEATURES.map((key) => ({ key, label: FEATURE_LABEL[key], value: o.features?.[key] })),
      regions: (o.regions ?? []).map((id) => regionName.get(id) ?? id),
      place: offeringPlace(p, o),
      placeKeys: { yes: [], unknown: [] },
      speed: speedOf(o.performance),
      cheapest: false,
      fastest: false,
    };
  });
  const live = rows.filter((r) => r.status !== 'retired');
  const prices = live.map((r) => r.price.blended).filter((v): v is number => v !== undefined);
  const min = prices.length ? Math.min(...prices) : undefined;
  const speeds = live.map((r) => r.speed?.tokensPerSecond).filter((v): v is number => v !== undefined);
  const max = speeds.length ? Math.max(...speeds) : undefined;
  for (const r of live) {
    r.cheapest = min !== undefined && r.price.blended === min;
    r.fastest = max !== undefined && r.speed?.tokensPerSecond === max;
  }
  rows.sort(compareWhereRows);
  placeTokens(rows.map((r) => r.place)).forEach((t, i) => (rows[i]!.placeKeys = t));
  if (workload === MODEL_PAGE_WORKLOAD.workload) pageRows.set(model, rows);
  return rows;
};

/** Every id the model goes by: its aliases and each provider's API id, deduplicated, sorted. */
export const modelAliases = (model: Pick<ModelLike, 'aliases' | 'offerings'>): string[] =>
  [...new Set([...(model.aliases ?? []), ...model.offerings.map((o) => o.provider_model_id)])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );

/** Distinct providers among the model's offerings (all statuses). */
export const providerCount = (model: { offerings: { provider: string }[] }): number =>
  new Set(model.offerings.map((o) => o.provider)).size;

/** The providers of a model, each once, sorted by name. */
export const modelProviders = (model: { offerings: { providerRecord: { id: string; name: string } }[] }) =>
  [...new Map(model.offerings.map((o) => [o.providerRecord.id, o.providerRecord])).values()].sort((a, b) =>
    a.name.localeCompare(b.name, 'en'),
  );

/** Every capability of the schema with the model's value: true, false or undefined (unknown). */
export const modelCapabilities = (model: Pick<Model, 'capabilities'>) =>
  CAPABILITIES.map((key) => ({ key, label: CAPABILITY_LABEL[key], value: model.capabilities?.[key] }));

/** The successor model when its id resolves in the catalog; its bare id otherwise. */
export const successorOf = <M extends { id: string; name: string }>(model: Pick<Model, 'successor'>, byId: Map<string, M>) =>
  model.successor === undefined ? undefined : { id: model.successor, model: byId.get(model.successor) };

/** The warning line of a deprecated or retired model, with its dates ("2025-10-28" → "28 Oct 2025"); undefined otherwise. */
export const statusNotice = (
  model: Pick<Model, 'status' | 'deprecation_date' | 'retirement_date'>,
  date: (iso: string) => string,
): string | undefined => {
  if (model.status !== 'deprecated' && model.status !== 'retired') return undefined;
  const dates = [
    model.deprecation_date && `deprecated on ${date(model.deprecation_date)}`,
    model.retirement_date && `${model.status === 'retired' ? 'retired' : 'retires'} on ${date(model.retirement_date)}`,
  ].filter(Boolean);
  return `This model is ${model.status}${dates.length ? `: ${dates.join(', ')}` : ''}.`;
};
