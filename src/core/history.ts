/**
 * Price history and lifecycle dates: the importer's "record a change" rule, the steps a model
 * page shows, the change list behind /changes/ and its feeds, and upcoming retirements.
 * Prices are USD per 1M tokens, read from the catalog's price view (`offering.price`, price.ts); dates
 * are the data's, never the clock.
 */
import type { PriceView, UsdPricePoint } from './price.ts';
import { formatDate, formatUsd } from './format.ts';
import { stepGeometry } from './svg-chart.ts';
import { modelPath, providerPath } from './urls.ts';
import { METERS, SIDES } from './vocab.ts';

type Json = Record<string, unknown>;

/** The price meters of a pricing object (token and unit meters only). */
export const metersOf = (pricing: unknown): Json => {
  const p = (pricing ?? {}) as Json;
  return Object.fromEntries(METERS.filter((m) => typeof p[m] === 'number').map((m) => [m, p[m]]));
};

/**
 * The same price: no meter that both state differs, and none was withdrawn. A meter a source newly
 * states (a 1-hour cache write, a search fee) is more detail about the same price, not a change.
 */
const sameMeters = (a: Json, b: Json) => METERS.every((m) => a[m] === undefined || a[m] === b[m]);

/**
 * Importer rule: when the imported pricing's meters differ from the current record's, returns
 * the record's `price_history` with the change appended (when the history is empty, the previous
 * price first, dated by the record's `last_verified` or release date, undated when neither is
 * known); otherwise the history unchanged.
 * `asOf` (YYYY-MM-DD) is the day of the import.
 */
export const recordPriceChange = (before: Json | undefined, after: Json, asOf: string): Json[] | undefined => {
  const history = (before?.price_history as Json[] | undefined) ?? undefined;
  const old = metersOf(before?.pricing);
  const now = metersOf(after.pricing);
  if (!before?.pricing || !Object.keys(old).length || !Object.keys(now).length || sameMeters(old, now)) return history;
  const out = [...(history ?? [])];
  const release = typeof before.release_date === 'string' && before.release_date.length === 10 ? before.release_date : undefined;
  const since = typeof before.last_verified === 'string' ? before.last_verified : release;
  // The previous price is kept; its start is the record's last_verified (or release date) when known.
  if (!out.length) out.push(since && since < asOf ? { effective_from: since, ...old } : { ...old });
  if (out.length > 1 && (out.at(-1)!.effective_from as string) >= asOf) out.pop();
  out.push({ effective_from: asOf, ...now });
  return out;
};

export interface PriceStep {
  /** YYYY-MM-DD; undefined when the oldest price's start is unknown. */
  from: string | undefined;
  /** YYYY-MM-DD of the next step, undefined for the current price. */
  until: string | undefined;
  /** USD per 1M input tokens. */
  input: number | undefined;
  /** USD per 1M output tokens. */
  output: number | undefined;
  /** Takes effect after the data's date: announced, not in force yet. */
  announced: boolean;
}

/** The history (the price view's, in USD) as steps in USD per 1M tokens, oldest first. */
export const priceSteps = (history: readonly UsdPricePoint[]): PriceStep[] =>
  // The schema keeps the list ascending (an undated entry can only be the first).
  history.map((h, i) => ({
    from: h.from,
    until: history[i + 1]?.from,
    input: h.usd.input,
    output: h.usd.output,
    announced: h.announced,
  }));

interface OfferingLike {
  id: string;
  provider: string;
  model?: string | undefined;
  name?: string | undefined;
  provider_model_id: string;
  price: Pick<PriceView, 'history'>;
  providerRecord: { name: string };
  modelRecord?: { name: string } | undefined;
}
interface ModelLike {
  id: string;
  name: string;
  release_date?: string | undefined;
  deprecation_date?: string | undefined;
  retirement_date?: string | undefined;
  successor?: string | undefined;
}

export interface Change {
  /** Stable key, unique per change. */
  key: string;
  kind: 'price' | 'release' | 'deprecation' | 'retirement';
  /** YYYY-MM-DD or YYYY-MM. */
  date: string;
  title: string;
  summary: string;
  /** Site path of the page it concerns. */
  path: string;
  /** Provider id, for price changes. */
  provider?: string;
  /** A price change dated after the data's date: announced, not in force yet. */
  announced?: boolean;
}

/** One step of an offering's price history: the price before, the price from `date` on. */
export interface PriceChange {
  /** Stable key, unique per change: "price/<offering id>/<date>". */
  key: string;
  /** YYYY-MM-DD the new price takes effect. */
  date: string;
  /** Takes effect after the data's date: announced, not in force yet. */
  announced: boolean;
  /** The offering: its id, the model's (or its own) name, the provider and the id sent to the API. */
  offering: string;
  name: string;
  provider: string;
  providerName: string;
  apiId: string;
  /** Site path of the model page (the provider's models tab for an unlinked offering). */
  path: string;
  /** USD per 1M tokens, before and from `date` on. */
  before: { input: number | undefined; output: number | undefined };
  after: { input: number | undefined; output: number | undefined };
}

const fmt = (v: number | undefined) => (v === undefined ? '–' : `$${Number(v.toPrecision(6))}`);
/** "$2 in / $8 out" (USD per 1M tokens; "–" for a meter not stated). */
export const pricePairText = (s: { input: number | undefined; output: number | undefined }): string =>
  `${fmt(s.input)} in / ${fmt(s.output)} out`;

/**
 * Every price change in the offerings' price histories (each step after the first, announced ones
 * included and marked), newest first (announced ones, dated later, lead), ties by offering id.
 */
export const priceChanges = (offerings: OfferingLike[]): PriceChange[] => {
  const out: PriceChange[] = [];
  for (const o of offerings) {
    const steps = priceSteps(o.price.history);
    for (let i = 1; i < steps.length; i++) {
      const date = steps[i]!.from!;
      out.push({
        key: `price/${o.id}/${date}`,
        date,
        announced: steps[i]!.announced,
        offering: o.id,
        name: o.name ?? o.modelRecord?.name ?? o.provider_model_id,
        provider: o.provider,
        providerName: o.providerRecord.name,
        apiId: o.provider_model_id,
        path: o.model ? modelPath(o.model) : providerPath(o.provider, 'models'),
        before: { input: steps[i - 1]!.input, output: steps[i - 1]!.output },
        after: { input: steps[i]!.input, output: steps[i]!.output },
      });
    }
  }
  return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.offering < b.offering ? -1 : 1));
};

/** Price changes (each history step after the first, announced ones marked) and model lifecycle dates, newest first. */
export const changeList = (offerings: OfferingLike[], models: ModelLike[]): Change[] => {
  const out: Change[] = priceChanges(offerings).map((c) => ({
    key: c.key,
    kind: 'price',
    date: c.date,
    title: `${c.name} at ${c.providerName}: price ${c.announced ? `change announced for ${formatDate(c.date)}` : 'changed'}`,
    summary: `${c.apiId}: ${pricePairText(c.before)} → ${pricePairText(c.after)}, USD per 1M tokens${c.announced ? `, from ${formatDate(c.date)}` : ''}.`,
    path: c.path,
    provider: c.provider,
    announced: c.announced,
  }));
  for (const m of models) {
    const path = modelPath(m.id);
    if (m.release_date)
      out.push({
        key: `release/${m.id}`,
        kind: 'release',
        date: m.release_date,
        title: `${m.name} released`,
        summary: `${m.name} was released.`,
        path,
      });
    if (m.deprecation_date)
      out.push({
        key: `deprecation/${m.id}`,
        kind: 'deprecation',
        date: m.deprecation_date,
        title: `${m.name} deprecated`,
        summary: `${m.name} is deprecated${m.successor ? `; successor: ${m.successor}` : ''}.`,
        path,
      });
    if (m.retirement_date)
      out.push({
        key: `retirement/${m.id}`,
        kind: 'retirement',
        date: m.retirement_date,
        title: `${m.name} retired`,
        summary: `${m.name} retires${m.successor ? `; successor: ${m.successor}` : ''}.`,
        path,
      });
  }
  return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.key < b.key ? -1 : 1));
};

/** Changes on or before `today` (the data date): future retirements and announced prices are not news yet. */
export const pastChanges = (changes: Change[], today: string | undefined, limit = 100): Change[] =>
  changes.filter((c) => today === undefined || c.date <= today).slice(0, limit);

/**
 * What the Atom feeds carry: every price change, announced ones included (news on the data date,
 * `today`, which dates their entry; their title names the day they take effect), the newest
 * `limit`; and the newest `limit` past releases, deprecations and retirements. Each with the date
 * its entry carries, newest first.
 */
export const feedChanges = (changes: Change[], today: string | undefined, limit = 100): (Change & { entryDate: string })[] => {
  const prices = changes
    .filter((c) => c.kind === 'price' && (c.announced || today === undefined || c.date <= today))
    .slice(0, limit)
    .map((c) => ({ ...c, entryDate: c.announced && today ? today : c.date }));
  const others = pastChanges(
    changes.filter((c) => c.kind !== 'price'),
    today,
    limit,
  ).map((c) => ({ ...c, entryDate: c.date }));
  return [...prices, ...others].sort((a, b) =>
    a.entryDate !== b.entryDate ? (a.entryDate < b.entryDate ? 1 : -1) : a.key < b.key ? -1 : 1,
  );
};

export interface Retirement {
  /** Model or offering id. */
  id: string;
  name: string;
  /** Provider name when an offering retires, undefined for the model itself. */
  provider: string | undefined;
  /** YYYY-MM-DD or YYYY-MM. */
  date: string;
  kind: 'deprecation' | 'retirement';
  successor: { id: string; name: string } | undefined;
  path: string;
}

interface LifecycleOffering extends OfferingLike {
  deprecation_date?: string | undefined;
  retirement_date?: string | undefined;
}

/**
 * Deprecation and retirement dates on or after `today` (the data date; all when undefined),
 * of models and of offerings whose date differs from their model's, soonest first.
 */
export const upcomingRetirements = (
  models: ModelLike[],
  offerings: LifecycleOffering[],
  today: string | undefined,
): Retirement[] => {
  const byId = new Map(models.map((m) => [m.id, m]));
  const out: Retirement[] = [];
  const upcoming = (d: string | undefined): d is string =>
    d !== undefined && (today === undefined || d >= today.slice(0, d.length));
  const succ = (id: string | undefined) => (id ? { id, name: byId.get(id)?.name ?? id } : undefined);
  for (const m of models)
    for (const kind of ['deprecation', 'retirement'] as const) {
      const date = m[`${kind}_date`];
      if (upcoming(date))
        out.push({
          id: m.id,
          name: m.name,
          provider: undefined,
          date,
          kind,
          successor: succ(m.successor),
          path: modelPath(m.id),
        });
    }
  for (const o of offerings)
    for (const kind of ['deprecation', 'retirement'] as const) {
      const date = o[`${kind}_date`];
      const model = o.model ? byId.get(o.model) : undefined;
      if (!upcoming(date) || model?.[`${kind}_date`] === date) continue;
      out.push({
        id: o.id,
        name: o.name ?? o.modelRecord?.name ?? o.provider_model_id,
        provider: o.providerRecord.name,
        date,
        kind,
        successor: succ(model?.successor),
        path: o.model ? modelPath(o.model) : providerPath(o.provider, 'models'),
      });
    }
  return out.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : a.kind < b.kind ? -1 : 1,
  );
};

/**
 * Offerings of a model that carry a price history, each as steps (USD per 1M tokens), by provider
 * name. `offering` names it: the provider, with its API model id when the provider has several
 * of them with a history ("Amazon Bedrock (global.anthropic.claude-sonnet-5)").
 */
export const modelPriceHistory = (
  offerings: OfferingLike[],
): { id: string; provider: string; offering: string; steps: PriceStep[] }[] => {
  const dated = offerings.filter((o) => o.price.history.length > 0);
  const perProvider = new Map<string, number>();
  for (const o of dated) perProvider.set(o.provider, (perProvider.get(o.provider) ?? 0) + 1);
  return dated
    .map((o) => ({
      id: o.id,
      provider: o.providerRecord.name,
      offering: perProvider.get(o.provider)! > 1 ? `${o.providerRecord.name} (${o.provider_model_id})` : o.providerRecord.name,
      steps: priceSteps(o.price.history),
    }))
    .sort((a, b) => a.provider.localeCompare(b.provider, 'en') || (a.id < b.id ? -1 : 1));
};

/** Label of each kind of change. */
export const CHANGE_LABEL: Record<Change['kind'], string> = {
  price: 'Price',
  release: 'Release',
  deprecation: 'Deprecation',
  retirement: 'Retirement',
};

/** A step chart of price histories: one dated x axis, an input and an output series per offering. */
export interface HistoryChartSpec {
  title: string;
  /** YYYY-MM-DD of every price change, ascending; "Earlier" first when an oldest start is unknown. */
  labels: string[];
  /** USD per 1M tokens at each label; null before the offering's first known price. */
  series: { label: string; provider: string; meter: 'input' | 'output'; values: (number | null)[] }[];
}

/**
 * The step-chart data for a model's histories (from modelPriceHistory): each series holds, at every
 * change date, the price in force from that date on (the chart draws it stepped, flat until the next).
 */
export const historyChartSpec = (model: string, histories: { provider: string; steps: PriceStep[] }[]): HistoryChartSpec => {
  const earlier = histories.some((h) => h.steps.some((s) => s.from === undefined));
  const dates = [
    ...new Set(histories.flatMap((h) => h.steps.map((s) => s.from).filter((d): d is string => d !== undefined))),
  ].sort();
  const labels = [...(earlier ? ['Earlier'] : []), ...dates];
  const at = (steps: PriceStep[], label: string, meter: 'input' | 'output'): number | null => {
    let value: number | null = null;
    for (const s of steps) if (s.from === undefined || (label !== 'Earlier' && s.from <= label)) value = s[meter] ?? null;
    return value;
  };
  return {
    title: `${model}: price history, USD per 1M tokens`,
    labels,
    series: histories.flatMap((h) =>
      SIDES.map((meter) => ({
        label: `${h.provider} ${meter}`,
        provider: h.provider,
        meter,
        values: labels.map((l) => at(h.steps, l, meter)),
      })),
    ),
  };
};

/** The SVG step chart of a spec (SvgChart.astro): a line per provider and meter, dates under it, USD up it. */
export const historyChartGeometry = (spec: HistoryChartSpec) =>
  stepGeometry(
    spec.labels,
    spec.series.map((s) => ({ name: s.provider, meter: s.meter, values: s.values })),
    { formatX: formatDate, formatY: formatUsd },
  );
