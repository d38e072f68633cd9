/**
 * Side-by-side comparison of 2–4 providers, 2–4 offerings of one model, or 2–4 models. The
 * items are plain JSON (built at build time by the `*Item` functions below, shipped to the
 * browser in /compare/index.json for the picker), and `compareTable` turns a selection into rows
 * of display text with the better value marked, on the server (static pages) and in the browser
 * (src/components/compare/compare-picker.ts) alike. Prices are USD per 1M tokens; monthly costs USD.
 */
import { priceWorkload, type CostPricing, type Workload } from '../../core/cost.ts';
import { listParam, readState, type Schema } from '../../core/table-state.ts';
import { countryName, formatCount, formatTokens, formatUsd } from '../../core/format.ts';
import type { HEADLINE_METERS } from '../../core/vocab.ts';
import { COMPLIANCE_LABEL, FEATURE_LABEL, FEATURES, KIND_LABEL, yesNo } from '../../core/vocab.ts';
import { median } from '../../core/stats.ts';
import { compareItemPath, modelPath, providerPath } from '../../core/urls.ts';
import { usagePrice, type PriceView } from '../../core/price.ts';
import type { Offering, PerformanceSample, Pricing, Provider, RateLimitTier } from '../../model/schema.ts';

export const COMPARE_KINDS = ['providers', 'offerings', 'models'] as const;
export type CompareKind = (typeof COMPARE_KINDS)[number];
/** Fewest and most items a comparison shows. */
export const MIN_ITEMS = 2;
export const MAX_ITEMS = 4;

/** A fact of an item: a number (its unit set by the row), text, yes/no, a list; null = unknown. */
export type Fact = number | string | boolean | string[] | null;

export interface CompareItem {
  id: string;
  /** Column heading. */
  name: string;
  /** Second line of the heading (the provider of an offering, the creator of a model). */
  sub: string;
  href: string;
  /** Model id of an offering: offerings are compared within one model. */
  model?: string;
  facts: Record<string, Fact>;
  /** Offerings only: the pricing the cost engine reads, for the monthly cost at a workload. */
  pricing?: CostPricing;
  /** Offerings only: performance samples. */
  performance?: PerformanceSample[];
}

type RowType = 'text' | 'usd' | 'tokens' | 'count' | 'bool' | 'list' | 'ms' | 'tps';
export interface RowDef {
  key: string;
  label: string;
  type: RowType;
  /** Which value is better, when that is well defined. */
  better?: 'low' | 'high';
}

export interface CompareCell {
  text: string;
  /** The numeric value behind the text, for charts and sorting. */
  value: number | undefined;
  best: boolean;
}
export interface CompareRow {
  key: string;
  label: string;
  cells: CompareCell[];
  /** Not every cell shows the same text. */
  differs: boolean;
}
export interface CompareTable {
  kind: CompareKind;
  columns: { id: string; name: string; sub: string; href: string }[];
  rows: CompareRow[];
}

const featureRows = (prefix: string): RowDef[] =>
  FEATURES.map((f) => ({ key: `${prefix}${f}`, label: FEATURE_LABEL[f], type: 'bool' }));

/** Rows per kind, in order. `monthly` is computed from `pricing` at the workload. */
export const ROWS: Record<CompareKind, RowDef[]> = {
  providers: [
    { key: 'kind', label: 'Kind', type: 'text' },
    { key: 'hq', label: 'Headquarters', type: 'text' },
    { key: 'regions', label: 'Regions', type: 'list' },
    { key: 'compliance', label: 'Compliance', type: 'list' },
    { key: 'trains', label: 'Trains on API data by default', type: 'bool' },
    { key: 'retention', label: 'Retention (days)', type: 'count', better: 'low' },
    { key: 'zdr', label: 'Zero data retention', type: 'bool' },
    { key: 'rateLimits', label: 'Rate limit tiers', type: 'list' },
    { key: 'models', label: 'Models served', type: 'count', better: 'high' },
    { key: 'cheapestInput', label: 'Cheapest input (USD / 1M)', type: 'usd', better: 'low' },
  ],
  offerings: [
    { key: 'provider', label: 'Provider', type: 'text' },
    { key: 'kind', label: 'Kind', type: 'text' },
    { key: 'hq', label: 'Headquarters', type: 'text' },
    { key: 'apiId', label: 'API model id', type: 'text' },
    { key: 'status', label: 'Status', type: 'text' },
    { key: 'input', label: 'Input (USD / 1M)', type: 'usd', better: 'low' },
    { key: 'output', label: 'Output (USD / 1M)', type: 'usd', better: 'low' },
    { key: 'cache_read', label: 'Cache read (USD / 1M)', type: 'usd', better: 'low' },
    { key: 'cache_write', label: 'Cache write (USD / 1M)', type: 'usd', better: 'low' },
    { key: 'blended', label: 'Blended 3:1 (USD / 1M)', type: 'usd', better: 'low' },
    { key: 'monthly', label: 'Monthly cost at the workload (USD)', type: 'usd', better: 'low' },
    { key: 'context', label: 'Context window', type: 'tokens', better: 'high' },
    { key: 'maxOutput', label: 'Max output', type: 'tokens', better: 'high' },
    { key: 'regions', label: 'Regions', type: 'list' },
    { key: 'rateLimits', label: 'Rate limit tiers', type: 'list' },
    ...featureRows('f.'),
    { key: 'ttft', label: 'Time to first token (median ms)', type: 'ms', better: 'low' },
    { key: 'tps', label: 'Output speed (median tokens/s)', type: 'tps', better: 'high' },
    { key: 'samples', label: 'Performance samples', type: 'count' },
  ],
  models: [
    { key: 'creator', label: 'Creator', type: 'text' },
    { key: 'released', label: 'Released', type: 'text' },
    { key: 'status', label: 'Status', type: 'text' },
    { key: 'openWeights', label: 'Open weights', type: 'bool' },
    { key: 'context', label: 'Context window', type: 'tokens', better: 'high' },
    { key: 'maxOutput', label: 'Max output', type: 'tokens', better: 'high' },
    { key: 'providers', label: 'Providers', type: 'count', better: 'high' },
    { key: 'cheapestInput', label: 'Cheapest input (USD / 1M)', type: 'usd', better: 'low' },
    { key: 'cheapestOutput', label: 'Cheapest output (USD / 1M)', type: 'usd', better: 'low' },
    { key: 'cheapestBlended', label: 'Cheapest blended 3:1 (USD / 1M)', type: 'usd', better: 'low' },
  ],
};

const rateLimitText = (tiers: RateLimitTier[] | undefined): string[] =>
  (tiers ?? []).map((t) =>
    [t.tier, t.rpm !== undefined && `${formatCount(t.rpm)} RPM`, t.tpm !== undefined && `${formatCount(t.tpm)} TPM`]
      .filter(Boolean)
      .join(': ')
      .replace(/: (.*): /, ': $1, '),
  );

/** The catalog's price view of an offering (USD), with the USD pricing record the cost engine reads. */
type Price = Pick<PriceView<Pricing>, 'billing' | 'usd' | 'blended' | 'pricing'>;
type ProviderLike = Provider & { id: string; offerings: { model?: string | undefined; status: string; price: Price }[] };
type OfferingLike = Offering & { id: string; providerRecord: Provider & { id: string }; price: Price };
interface ModelLike {
  id: string;
  name: string;
  status: string;
  release_date?: string | undefined;
  open_weights?: boolean | undefined;
  context_window?: number | undefined;
  max_output_tokens?: number | undefined;
  organizationRecord: { name: string };
  offerings: { provider: string; status: string; price: Price }[];
}
type ModelWithOfferings = Omit<ModelLike, 'offerings'> & { offerings: OfferingLike[] };

/** USD per 1M tokens of a meter, from the price view; null when not billed by usage or not published. */
const usage = (o: { price: Price }, meter: (typeof HEADLINE_METERS)[number]): number | null => usagePrice(o, meter) ?? null;
const minOf = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.min(...v) : null;
};

/** A provider as a comparison column. */
export const providerItem = (p: ProviderLike): CompareItem => {
  const live = p.offerings.filter((o) => o.status !== 'retired');
  return {
    id: p.id,
    name: p.name,
    sub: KIND_LABEL[p.kind],
    href: providerPath(p.id),
    facts: {
      kind: KIND_LABEL[p.kind],
      hq: p.headquarters ? countryName(p.headquarters) : null,
      regions: p.regions?.length ? p.regions.map((r) => r.name) : null,
      compliance: p.compliance?.length ? p.compliance.map((c) => COMPLIANCE_LABEL[c]) : null,
      trains: p.data_policy?.trains_on_customer_data ?? null,
      retention: p.data_policy?.retention_days ?? null,
      zdr: p.data_policy?.zero_data_retention ?? null,
      rateLimits: p.rate_limits?.length ? rateLimitText(p.rate_limits) : null,
      models: new Set(live.map((o) => o.model).filter(Boolean)).size,
      cheapestInput: minOf(live.map((o) => usage(o, 'input'))),
    },
  };
};

/** An offering as a comparison column; `modelName` heads it with the provider below. */
export const offeringItem = (
  o: OfferingLike,
  model?: { id: string; name: string; context_window?: number | undefined; max_output_tokens?: number | undefined },
): CompareItem => {
  const p = o.providerRecord;
  const regionName = new Map((p.regions ?? []).map((r) => [r.id, r.name]));
  const samples = o.performance ?? [];
  const features: Record<string, Fact> = {};
  for (const f of FEATURES) features[`f.${f}`] = o.features?.[f] ?? null;
  const input = usage(o, 'input');
  const output = usage(o, 'output');
  return {
    id: o.id,
    name: p.name,
    sub: model?.name ?? o.name ?? o.provider_model_id,
    href: providerPath(p.id, 'models'),
    ...(o.model !== undefined ? { model: o.model } : {}),
    facts: {
      provider: p.name,
      kind: KIND_LABEL[p.kind],
      hq: p.headquarters ? countryName(p.headquarters) : null,
      apiId: o.provider_model_id,
      status: o.status,
      input,
      output,
      cache_read: usage(o, 'cache_read'),
      cache_write: usage(o, 'cache_write'),
      blended: o.price.blended ?? null,
      context: o.limits?.context_window ?? model?.context_window ?? null,
      maxOutput: o.limits?.max_output_tokens ?? model?.max_output_tokens ?? null,
      regions: o.regions?.length ? o.regions.map((id) => regionName.get(id) ?? id) : null,
      rateLimits: o.limits?.rate_limits?.length
        ? rateLimitText(o.limits.rate_limits)
        : p.rate_limits?.length
          ? rateLimitText(p.rate_limits)
          : null,
      ...features,
      ttft: median(samples.map((s) => s.ttft_ms.p50)) ?? null,
      tps: median(samples.map((s) => s.output_tokens_per_second.p50)) ?? null,
      samples: samples.length,
    },
    ...(o.price.pricing ? { pricing: o.price.pricing } : {}),
    ...(samples.length ? { performance: samples } : {}),
  };
};

/** A model as a comparison column. */
export const modelItem = (m: ModelLike): CompareItem => {
  const live = m.offerings.filter((o) => o.status !== 'retired');
  const blended = live.map((o) => o.price.blended ?? null);
  return {
    id: m.id,
    name: m.name,
    sub: m.organizationRecord.name,
    href: modelPath(m.id),
    facts: {
      creator: m.organizationRecord.name,
      released: m.release_date ?? null,
      status: m.status,
      openWeights: m.open_weights ?? null,
      context: m.context_window ?? null,
      maxOutput: m.max_output_tokens ?? null,
      providers: new Set(m.offerings.map((o) => o.provider)).size,
      cheapestInput: minOf(live.map((o) => usage(o, 'input'))),
      cheapestOutput: minOf(live.map((o) => usage(o, 'output'))),
      cheapestBlended: minOf(blended),
    },
  };
};

const textOf = (type: RowType, v: Fact): string => {
  if (v === null) return type === 'bool' ? 'Unknown' : '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  if (typeof v === 'boolean') return yesNo(v);
  if (typeof v === 'string') return v;
  switch (type) {
    case 'usd':
      return formatUsd(v);
    case 'tokens':
      return formatTokens(v);
    case 'ms':
      return `${formatCount(Math.round(v))} ms`;
    case 'tps':
      return `${formatCount(Math.round(v))} tok/s`;
    default:
      return formatCount(v);
  }
};

/** Monthly cost (USD) of an item at a workload; null when not billed by usage or not computable. */
export const monthlyOf = (item: CompareItem, workload: Workload): number | null => {
  if (!item.pricing) return null;
  if (item.pricing.billing === 'free') return 0;
  const r = priceWorkload(item.pricing, workload);
  return r.ok ? r.totalUsd : null;
};

/**
 * The comparison table: one row per fact of the kind, one cell per item. `best` marks every cell
 * holding the best value of a row whose better direction is defined, when at least two cells
 * have a value and they are not all equal.
 */
export const compareTable = (kind: CompareKind, items: CompareItem[], workload?: Workload): CompareTable => {
  const rows = ROWS[kind]
    .filter((def) => def.key !== 'monthly' || workload !== undefined)
    .map((def): CompareRow => {
      const facts = items.map((it) => (def.key === 'monthly' ? monthlyOf(it, workload!) : (it.facts[def.key] ?? null)));
      const values = facts.map((f) => (typeof f === 'number' ? f : undefined));
      const known = values.filter((v): v is number => v !== undefined);
      const target = def.better === 'low' ? Math.min(...known) : def.better === 'high' ? Math.max(...known) : undefined;
      const mark = def.better !== undefined && known.length >= 2 && new Set(known).size > 1;
      const cells = facts.map((f, i) => ({ text: textOf(def.type, f), value: values[i], best: mark && values[i] === target }));
      return { key: def.key, label: def.label, cells, differs: new Set(cells.map((c) => c.text)).size > 1 };
    });
  return { kind, columns: items.map(({ id, name, sub, href }) => ({ id, name, sub, href })), rows };
};

/** The selection's URL form (table-state): one list parameter per kind, ids in the chosen order. */
const SELECTION = Object.fromEntries(COMPARE_KINDS.map((k) => [k, listParam(k, { max: MAX_ITEMS })])) as Schema<
  Record<CompareKind, string[]>
>;

/** The selection a URL asks for: the first kind present with its ids (deduplicated, at most MAX_ITEMS). */
export const parseSelection = (query: string | URLSearchParams): { kind: CompareKind; ids: string[] } | undefined => {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const kind = COMPARE_KINDS.find((k) => params.has(k));
  return kind && { kind, ids: readState(SELECTION, params)[kind] };
};

/**
 * Items of a selection, in the URL's order, dropping unknown ids; offerings must all be of the
 * first offering's model. Undefined when fewer than MIN_ITEMS remain.
 */
export const pickItems = (pool: CompareItem[], ids: string[], kind: CompareKind): CompareItem[] | undefined => {
  const byId = new Map(pool.map((i) => [i.id, i]));
  let items = ids.map((id) => byId.get(id)).filter((i): i is CompareItem => i !== undefined);
  if (kind === 'offerings' && items.length) items = items.filter((i) => i.model !== undefined && i.model === items[0]!.model);
  return items.length >= MIN_ITEMS ? items.slice(0, MAX_ITEMS) : undefined;
};

/**
 * The popular comparisons: models served by at least two providers, most providers first (then
 * id), each with its up-to-MAX_ITEMS cheapest live offerings by blended price, one per provider.
 */
export const popularComparisons = <M extends { id: string; offerings: OfferingLike[] }>(
  models: M[],
  count = 30,
): { model: M; offerings: OfferingLike[] }[] =>
  models
    .map((model) => {
      const best = new Map<string, { o: OfferingLike; b: number }>();
      for (const o of model.offerings) {
        if (o.status === 'retired') continue;
        const b = o.price.blended ?? Infinity;
        const prev = best.get(o.provider);
        if (!prev || b < prev.b || (b === prev.b && o.id < prev.o.id)) best.set(o.provider, { o, b });
      }
      const ranked = [...best.values()].sort((a, b) => a.b - b.b || (a.o.id < b.o.id ? -1 : 1));
      return { model, providers: best.size, offerings: ranked.slice(0, MAX_ITEMS).map((r) => r.o) };
    })
    .filter((c) => c.providers >= MIN_ITEMS)
    .sort((a, b) => b.providers - a.providers || (a.model.id < b.model.id ? -1 : 1))
    .slice(0, count)
    .map(({ model, offerings }) => ({ model, offerings }));

/** Provider comparisons built as static pages (ids missing from the catalog are dropped). */
export const FEATURED_PROVIDER_SETS: string[][] = [
  ['groq', 'cerebras', 'fireworks-ai', 'togetherai'],
  ['openai', 'anthropic', 'google'],
  ['amazon-bedrock', 'azure', 'google-vertex'],
  ['openrouter', 'vercel', 'requesty'],
];

/** Featured provider sets whose providers exist (at least MIN_ITEMS), each with its page slug "a-vs-b". */
export const featuredProviderSets = (known: (id: string) => boolean): { slug: string; ids: string[] }[] =>
  FEATURED_PROVIDER_SETS.map((ids) => ids.filter(known))
    .filter((ids) => ids.length >= MIN_ITEMS)
    .map((ids) => ({ slug: ids.join('-vs-'), ids }));

export interface ComparePool {
  providers: CompareItem[];
  models: CompareItem[];
  /** Offerings of models served more than once (offerings are compared within one model). */
  offerings: CompareItem[];
}

/** An item without its unknown facts (a missing fact reads as unknown), to keep the JSON small. */
const compact = (it: CompareItem): CompareItem => ({
  ...it,
  facts: Object.fromEntries(Object.entries(it.facts).filter(([, v]) => v !== null)),
});

/** The picker's data: every item of every kind, names sorted, unknown facts left out. */
export const comparePool = (c: { providers: ProviderLike[]; models: ModelWithOfferings[] }): ComparePool => {
  const byName = (a: CompareItem, b: CompareItem) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1);
  return {
    providers: c.providers.map((p) => compact(providerItem(p))).sort(byName),
    models: c.models.map((m) => compact(modelItem(m))).sort(byName),
    offerings: c.models
      .filter((m) => m.offerings.length >= MIN_ITEMS)
      .flatMap((m) => m.offerings.map((o) => compact(offeringItem(o, m)))),
  };
};

/**
 * The picker's index, /compare/index.json: names only, so that /compare/ downloads little at load.
 * Providers as [id, name]; models as [id, name, creator (index into `creators`), offerings that can
 * be compared]. The details of a picked item are fetched from its own file (itemPath).
 */
export interface PickerIndex {
  providers: [string, string][];
  creators: string[];
  models: [string, string, number, number][];
}

/** One model's file: the model as an item, and its offerings as items when it has MIN_ITEMS or more. */
export interface ModelDetail {
  item: CompareItem;
  offerings: CompareItem[];
}
/** One provider's file: the provider as an item, and the model id of each of its comparable offerings. */
export interface ProviderDetail {
  item: CompareItem;
  offerings: Record<string, string>;
}

/** The file of one provider's or one model's details (core/urls.ts). */
export const itemPath = compareItemPath;

/** The picker's index of a pool (same order as the pool). */
export const pickerIndex = (pool: ComparePool): PickerIndex => {
  const creators: string[] = [];
  const creatorIx = new Map<string, number>();
  const offered = new Map<string, number>();
  for (const o of pool.offerings) offered.set(o.model!, (offered.get(o.model!) ?? 0) + 1);
  return {
    providers: pool.providers.map((p): [string, string] => [p.id, p.name]),
    creators,
    models: pool.models.map((m): [string, string, number, number] => {
      if (!creatorIx.has(m.sub)) creatorIx.set(m.sub, creators.push(m.sub) - 1);
      return [m.id, m.name, creatorIx.get(m.sub)!, offered.get(m.id) ?? 0];
    }),
  };
};

/** Every model's and provider's detail file of a pool, by item id. */
export const detailFiles = (pool: ComparePool): { models: Map<string, ModelDetail>; providers: Map<string, ProviderDetail> } => {
  const models = new Map<string, ModelDetail>(pool.models.map((m) => [m.id, { item: m, offerings: [] }]));
  const providers = new Map<string, ProviderDetail>(pool.providers.map((p) => [p.id, { item: p, offerings: {} }]));
  for (const o of pool.offerings) {
    models.get(o.model!)?.offerings.push(o);
    const provider = o.href.split('/')[2]!;
    const p = providers.get(provider) ?? providers.get(o.id.split('/')[0]!);
    if (p) p.offerings[o.id] = o.model!;
  }
  return { models, providers };
};
