/**
 * Reconciliation of what several sources say about one offering (data/README.md,
 * "Reconciliation"): which value a field keeps, which sources confirm it, and where the
 * sources disagree. Pure and browser-safe; prices are USD per 1M tokens, limits tokens.
 *
 * The rule, per field, over the observations that state the field:
 *   1. the provider's own page wins (the newest such observation);
 *   2. a price 10× or more away from the median of at least two other sources is taken for a unit
 *      error and not kept (it still shows in the conflicts);
 *   3. a token limit is the largest any source states (price datasets often carry a client's
 *      default output cap, not the provider's);
 *   4. otherwise the newest `as_of`;
 *   5. on that date, the value the most sources state;
 *   6. then the fixed order SOURCE_PRIORITY (genai-prices, portkey, litellm, models-dev).
 */
import { DATA_SOURCES, type DataSource, type Status } from './vocab.ts';

/** Tie-break order after the provider's page, newest date and agreement. */
export const SOURCE_PRIORITY: readonly DataSource[] = DATA_SOURCES;

type Num = number | undefined;
type Variant = { input?: Num; output?: Num; cache_read?: Num };
/** The part of an observation this module reads (ObservationSchema's output satisfies it). */
export interface ObservationLike {
  source: DataSource;
  as_of: string;
  url?: string | undefined;
  pricing?:
    | ({ [meter: string]: Num | Variant } & {
        batch?: Variant | undefined;
        flex?: Variant | undefined;
        priority?: Variant | undefined;
      })
    | undefined;
  limits?: { context_window?: Num; max_input_tokens?: Num; max_output_tokens?: Num } | undefined;
  status?: Status | undefined;
  deprecation_date?: string | undefined;
  retirement_date?: string | undefined;
}

/** Token-price meters an observation may state, as dotted paths under the offering. */
export const PRICE_FIELDS = [
  'pricing.input',
  'pricing.output',
  'pricing.cache_read',
  'pricing.cache_write',
  'pricing.cache_write_1h',
  'pricing.reasoning',
  'pricing.input_audio',
  'pricing.output_audio',
  'pricing.input_image',
  'pricing.output_image',
  'pricing.per_image',
  'pricing.per_request',
  'pricing.per_audio_second',
  'pricing.per_video_second',
  'pricing.per_search',
  'pricing.batch.input',
  'pricing.batch.output',
  'pricing.batch.cache_read',
  'pricing.flex.input',
  'pricing.flex.output',
  'pricing.flex.cache_read',
  'pricing.priority.input',
  'pricing.priority.output',
  'pricing.priority.cache_read',
] as const;
export const LIMIT_FIELDS = ['limits.context_window', 'limits.max_input_tokens', 'limits.max_output_tokens'] as const;
export const LIFECYCLE_FIELDS = ['status', 'deprecation_date', 'retirement_date'] as const;
/** Every field the rule decides. */
export const RECONCILED_FIELDS = [...PRICE_FIELDS, ...LIMIT_FIELDS, ...LIFECYCLE_FIELDS] as const;
export type ReconciledField = (typeof RECONCILED_FIELDS)[number];
/** The token prices counted as "headline" for cross-check coverage. */
export const HEADLINE_PRICE_FIELDS = ['pricing.input', 'pricing.output'] as const satisfies readonly ReconciledField[];

export type FieldValue = number | string;

/** The value an observation states for `field`, or undefined. */
export const observed = (o: ObservationLike, field: ReconciledField): FieldValue | undefined => {
  let cur: unknown = o;
  for (const part of field.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'number' || typeof cur === 'string' ? cur : undefined;
};

/**
 * Two values are the same fact: equal strings, or numbers equal to 6 significant digits
 * (sources that store USD per token carry float noise: 2.5e-06 × 1e6 = 2.4999999999999996).
 */
export const sameValue = (a: FieldValue, b: FieldValue): boolean => {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Number(a.toPrecision(6)) === Number(b.toPrecision(6));
  return a === b;
};

const priority = (s: DataSource) => SOURCE_PRIORITY.indexOf(s);

/** How far from the others a price must be to count as a unit error. */
export const OUTLIER_FACTOR = 10;
/**
 * A positive price OUTLIER_FACTOR× or more above or below the median of at least two other
 * sources' values (e.g. a dataset that stored cents as dollars).
 */
export const isOutlier = (value: FieldValue, others: readonly FieldValue[]): boolean => {
  const nums = others.filter((v): v is number => typeof v === 'number' && v > 0).sort((a, b) => a - b);
  if (typeof value !== 'number' || value <= 0 || nums.length < 2) return false;
  const mid = nums.length / 2;
  const median = nums.length % 2 ? nums[Math.floor(mid)]! : (nums[mid - 1]! + nums[mid]!) / 2;
  return value >= median * OUTLIER_FACTOR || value <= median / OUTLIER_FACTOR;
};

export interface Choice {
  value: FieldValue;
  /** Why this value: the rule step that decided it. */
  rule: 'provider' | 'only-source' | 'largest' | 'newest' | 'agreement' | 'priority';
  /** The source whose value was kept. */
  source: DataSource;
  as_of: string;
}

/** The value the rule keeps for `field`, or undefined when no observation states it. */
export const choose = (observations: readonly ObservationLike[], field: ReconciledField): Choice | undefined => {
  const stating = observations
    .map((o) => ({ o, v: observed(o, field) }))
    .filter((x): x is { o: ObservationLike; v: FieldValue } => x.v !== undefined);
  if (!stating.length) return undefined;
  const pick = (x: { o: ObservationLike; v: FieldValue }, rule: Choice['rule']): Choice => ({
    value: x.v,
    rule,
    source: x.o.source,
    as_of: x.o.as_of,
  });
  if (stating.length === 1) return pick(stating[0]!, 'only-source');
  const fromProvider = stating.filter((x) => x.o.source === 'provider').sort((a, b) => (a.o.as_of < b.o.as_of ? 1 : -1));
  if (fromProvider.length) return pick(fromProvider[0]!, 'provider');
  if ((LIMIT_FIELDS as readonly string[]).includes(field)) {
    const largest = [...stating].sort(
      (a, b) => Number(b.v) - Number(a.v) || b.o.as_of.localeCompare(a.o.as_of) || priority(a.o.source) - priority(b.o.source),
    )[0]!;
    return pick(largest, 'largest');
  }
  const plausible = stating.filter(
    (x) =>
      !isOutlier(
        x.v,
        stating.filter((y) => y !== x).map((y) => y.v),
      ),
  );
  const pool = plausible.length ? plausible : stating;
  const newestDate = pool.reduce((d, x) => (x.o.as_of > d ? x.o.as_of : d), '');
  const newest = pool.filter((x) => x.o.as_of === newestDate);
  const distinct = newest.filter((x, i) => newest.findIndex((y) => sameValue(x.v, y.v)) === i);
  if (distinct.length === 1) {
    const best = [...newest].sort((a, b) => priority(a.o.source) - priority(b.o.source))[0]!;
    return pick(best, newest.length === stating.length ? 'agreement' : 'newest');
  }
  const votes = distinct
    .map((x) => ({
      x,
      n: newest.filter((y) => sameValue(x.v, y.v)).length,
      p: Math.min(...newest.filter((y) => sameValue(x.v, y.v)).map((y) => priority(y.o.source))),
    }))
    .sort((a, b) => b.n - a.n || a.p - b.p);
  return pick(votes[0]!.x, votes[0]!.n > votes[1]!.n ? 'agreement' : 'priority');
};

export interface Confirmation {
  /** Sources that state the kept value. */
  sources: DataSource[];
  /** Sources that state another value. */
  disagree: DataSource[];
  /** Stated by the provider's own page, or by two or more independent sources. */
  confirmed: boolean;
  /** Newest as_of among the sources that state the kept value. */
  checked: string | undefined;
  /** The provider page the value was read from, when one states it. */
  url: string | undefined;
}

/** Who backs `value` for `field`: the basis of the "confirmed" / "one source" mark beside a price. */
export const confirmation = (
  observations: readonly ObservationLike[],
  field: ReconciledField,
  value: FieldValue,
): Confirmation => {
  const agree = observations.filter((o) => {
    const v = observed(o, field);
    return v !== undefined && sameValue(v, value);
  });
  const disagree = observations.filter((o) => {
    const v = observed(o, field);
    return v !== undefined && !sameValue(v, value);
  });
  const sources = [...new Set(agree.map((o) => o.source))].sort((a, b) => priority(a) - priority(b));
  return {
    sources,
    disagree: [...new Set(disagree.map((o) => o.source))].sort((a, b) => priority(a) - priority(b)),
    confirmed: sources.includes('provider') || sources.length >= 2,
    checked: agree.reduce<string | undefined>((d, o) => (d === undefined || o.as_of > d ? o.as_of : d), undefined),
    url: agree.find((o) => o.source === 'provider')?.url,
  };
};

export interface Conflict {
  field: ReconciledField;
  /** Every source's value, in SOURCE_PRIORITY order. */
  values: { source: DataSource; value: FieldValue; as_of: string }[];
  /** The value the rule keeps. */
  kept: Choice;
}

/** Fields on which two or more observations state different values. */
export const conflicts = (observations: readonly ObservationLike[]): Conflict[] => {
  const out: Conflict[] = [];
  for (const field of RECONCILED_FIELDS) {
    const values = observations
      .map((o) => ({ source: o.source, value: observed(o, field), as_of: o.as_of }))
      .filter((x): x is { source: DataSource; value: FieldValue; as_of: string } => x.value !== undefined)
      .sort((a, b) => priority(a.source) - priority(b.source));
    if (values.length < 2 || values.every((x) => sameValue(x.value, values[0]!.value))) continue;
    out.push({ field, values, kept: choose(observations, field)! });
  }
  return out;
};

/** Every field the rule decides for these observations, with its kept value. */
export const reconcile = (observations: readonly ObservationLike[]): Map<ReconciledField, Choice> => {
  const out = new Map<ReconciledField, Choice>();
  for (const field of RECONCILED_FIELDS) {
    const c = choose(observations, field);
    if (c) out.set(field, c);
  }
  return out;
};

/** Sources in their display order (the vocabulary's), for lists shown to users. */
export const sourceOrder = (list: readonly DataSource[]) =>
  [...list].sort((a, b) => DATA_SOURCES.indexOf(a) - DATA_SOURCES.indexOf(b));
