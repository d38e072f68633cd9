/**
 * The pricing explorer's rows: filter, price with the cost engine, rank, and the text of each
 * cell. Shared by the build (the first rows in the HTML) and the browser island, so both show
 * the same figures. Prices in USD per 1M tokens, costs in USD per month; rounding in format.ts.
 */
import {
  COST_GROUPS,
  costGroup,
  NOTE_NO_BATCH_PRICE,
  NOTE_NO_CACHE_DISCOUNT,
  priceWorkload,
  validateWorkload,
  type CostGroup as CostGroupId,
  type CostResult,
  type Workload,
} from '../../core/cost.ts';
import { KIND_ORDER, MODALITY_ORDER, type ExplorerIndex, type ExplorerRow } from './index-data.ts';
import type { ExplorerFilters, SortDir, SortKey } from './state.ts';
import { narrowRows, type Hidden } from './filters.ts';
import { allOf, sortRows, type SortValue } from '../../core/table-state.ts';
import { formatCount, formatTokens, formatUsd } from '../../core/format.ts';
import { providerPath } from '../../core/urls.ts';
import { BILLING_LABEL, STATUSES } from '../../core/vocab.ts';
import { blendedPrice } from '../../core/price.ts';
import { barGeometry } from '../../core/svg-chart.ts';
import {
  answerFor,
  CONTINENTS,
  isEmptyFilter,
  pricingOn,
  routeFor,
  upliftText,
  type Continent,
  type PlaceFilter,
  type Route,
} from '../../core/regions.ts';

/** First statuses hidden unless `includeOld`: deprecated (2) and retired (3), see STATUS_ORDER. */
const OLD_STATUS = 2;

/**
 * The models a query names exactly (lower case): by id ("openai/gpt-4o"), id without the
 * creator ("gpt-4o"), name ("gpt-4o (2024-08-06)") or alias. "gpt-4o" never names GPT-4o mini.
 */
export const exactModels = (ix: ExplorerIndex, query: string): Set<number> => {
  const q = query.trim().toLowerCase();
  const out = new Set<number>();
  ix.models.forEach(([id, name], i) => {
    const lower = id.toLowerCase();
    if (lower === q || lower.slice(lower.indexOf('/') + 1) === q || name.toLowerCase() === q) out.add(i);
  });
  for (const [alias, i] of ix.aliases ?? []) if (alias.toLowerCase() === q) out.add(i);
  return out;
};

/**
 * The model filter's suggestions: [exact model id, "Name · also: alias, alias"], one per model,
 * in the index's name order. Picking one filters to that model exactly.
 */
export const modelSuggestions = (ix: ExplorerIndex): [string, string][] => {
  const aliases = new Map<number, string[]>();
  for (const [alias, i] of ix.aliases ?? []) aliases.set(i, [...(aliases.get(i) ?? []), alias]);
  return ix.models.map(([id, name], i) => {
    const also = aliases.get(i);
    return [id, also ? `${name} · also: ${also.join(', ')}` : name];
  });
};

/** A compiled filter: the row tests that are on (an unknown id matches nothing), as one test. */
const compile = (ix: ExplorerIndex, f: ExplorerFilters): ((r: ExplorerRow) => boolean) => {
  const idx = (list: readonly (readonly [string, ...unknown[]])[], id: string | undefined) =>
    id === undefined || id === '' ? undefined : list.findIndex((e) => e[0] === id);
  const modelQuery = f.model?.trim().toLowerCase() ?? '';
  const exact = modelQuery === '' || f.modelPart ? undefined : exactModels(ix, modelQuery);
  const family = idx(ix.families, f.family);
  const org = idx(ix.orgs, f.org);
  const provider = idx(ix.providers, f.provider);
  const kind = f.kind ? KIND_ORDER.indexOf(f.kind as (typeof KIND_ORDER)[number]) : undefined;
  let modBit = 0;
  if (f.modality) {
    const [dir, mod] = f.modality.split(':');
    const i = MODALITY_ORDER.indexOf(mod as (typeof MODALITY_ORDER)[number]);
    modBit = i < 0 || (dir !== 'in' && dir !== 'out') ? -1 : 1 << (i + (dir === 'out' ? MODALITY_ORDER.length : 0));
  }
  const minContext = f.minContext ?? 0;
  return allOf<ExplorerRow>([
    exact
      ? (r) => exact.has(r.model) || r.id.toLowerCase() === modelQuery
      : modelQuery !== ''
        ? (r) => r.text.includes(modelQuery)
        : undefined,
    family === undefined ? undefined : (r) => r.family === family,
    org === undefined ? undefined : (r) => r.org === org,
    provider === undefined ? undefined : (r) => r.provider === provider,
    kind === undefined ? undefined : (r) => ix.providers[r.provider]?.[2] === kind,
    modBit === 0 ? undefined : (r) => modBit > 0 && (r.mods & modBit) !== 0,
    minContext > 0 ? (r) => r.context >= minContext : undefined,
  ]);
};

/**
 * The rows that match `filters`, in their order, and how many more match but are hidden as
 * deprecated or retired (listed only with `includeOld`).
 */
export const filterRows = (
  ix: ExplorerIndex,
  rows: readonly ExplorerRow[],
  filters: ExplorerFilters,
): { rows: ExplorerRow[]; hiddenOld: number; placeUnknown: ReadonlySet<ExplorerRow> } => {
  const test = compile(ix, filters);
  const place = placeFilter(filters);
  const out: ExplorerRow[] = [];
  const placeUnknown = new Set<ExplorerRow>();
  let hiddenOld = 0;
  for (const r of rows) {
    if (!test(r)) continue;
    let row = r;
    const answer = place ? answerFor(r.routes, place, r.routingStated) : 'yes';
    if (answer === 'no') continue;
    if (place && answer === 'yes') row = onRoute(r, routeFor(r.pricing ?? {}, r.routes, place));
    if (row.status >= OLD_STATUS && !filters.includeOld) hiddenOld++;
    else {
      out.push(row);
      if (answer === 'unknown' && !filters.unknownPlace) placeUnknown.add(row);
    }
  }
  return { rows: out, hiddenOld, placeUnknown };
};

/** The region filter of the explorer's filters, or undefined when none is set. */
export const placeFilter = (f: ExplorerFilters): PlaceFilter | undefined => {
  const p: PlaceFilter = {
    continent: (CONTINENTS as readonly string[]).includes(f.continent ?? '') ? (f.continent as Continent) : undefined,
    country: f.country && /^[A-Z]{2}$/.test(f.country) ? f.country : undefined,
    eu: f.eu === true ? true : undefined,
  };
  return isEmptyFilter(p) ? undefined : p;
};

/** A row priced on a route that costs differently; the row itself when it costs the same. */
const onRoute = (r: ExplorerRow, route: Route | undefined): ExplorerRow => {
  if (!route || !r.pricing || (route.multiplier === 1 && !route.prices)) return r;
  const pricing = pricingOn(r.pricing, route);
  const usage = pricing.billing === 'usage';
  const usd = (v: number | undefined) => (usage ? v : undefined);
  const input = usd(pricing.input);
  const output = usd(pricing.output);
  return {
    ...r,
    place: route,
    pricing,
    input,
    output,
    cacheRead: usd(pricing.cache_read),
    blended: blendedPrice(input, output),
  };
};

/**
 * Where a row ranks by cost, the index of its group in COST_GROUPS (src/core/cost.ts): 0 free
 * (free offerings and whole free tiers, their own group before the paid ranking), 1 paid (ranked
 * cheapest first), 2 unranked (subscription, unpublished billing or a missing price).
 */
export type CostGroup = 0 | 1 | 2;
/** The group of free rows, listed first. */
export const FREE_GROUP: CostGroup = 0;
/** The group of paid rows, the ranking proper. */
export const PAID_GROUP: CostGroup = 1;
/** Free rows listed when sorted by cost, unless every free one is asked for (`allFree`): the paid ranking stays on the first screen. */
export const FREE_PREVIEW = 5;
/** The heading of each group's section in the table, by group. */
export const GROUP_HEADINGS: readonly string[] = [
  'Free: free offerings and free tiers that cover this workload (rate limits apply; not ranked with the paid ones)',
  'Paid: ranked by monthly cost',
  'Not ranked: subscription, unpublished billing or a missing price (never counted as $0)',
];
/** The headings of a ranking whose free group lists `shown` of its `total` rows. */
export const groupHeadings = (shown: number, total: number): string[] => [
  shown < total
    ? `${GROUP_HEADINGS[0]}: the first ${formatCount(shown)} of ${formatCount(total)}; tick “List every free offering” to see them all`
    : GROUP_HEADINGS[0]!,
  ...GROUP_HEADINGS.slice(1),
];
/** The group id of a row's group. */
export const groupId = (g: CostGroup): CostGroupId => COST_GROUPS[g]!;
export interface RankedRow {
  row: ExplorerRow;
  cost: CostResult;
  group: CostGroup;
}

const groupOf = (r: ExplorerRow, c: CostResult): CostGroup => COST_GROUPS.indexOf(costGroup(r.pricing, c)) as CostGroup;

/** Every row priced for `workload` (monthly USD, cost.ts). An invalid workload makes every row not computable. */
export const priceRows = (rows: readonly ExplorerRow[], workload: Workload): RankedRow[] => {
  const errors = validateWorkload(workload);
  const invalid: CostResult | undefined =
    errors.length > 0 ? { ok: false, reason: `invalid workload: ${errors.join('; ')}`, missing: [] } : undefined;
  return rows.map((row) => {
    const cost = invalid ?? priceWorkload(row.pricing, workload);
    return { row, cost, group: groupOf(row, cost) };
  });
};

const PRICE_KEY = { input: 'input', output: 'output', cache_read: 'cacheRead', blended: 'blended' } as const;

const byCost = (a: RankedRow, b: RankedRow) =>
  a.group - b.group || (a.cost.ok && b.cost.ok ? a.cost.totalUsd - b.cost.totalUsd : 0);
const byId = (a: RankedRow, b: RankedRow) => (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);

/**
 * Priced rows sorted (a copy), with the table-state engine. By cost: priced rows cheapest first (or dearest
 * with 'desc'), then free ones, then the not computable ones, always last. By a price or the
 * context: rows without one last. By name: model or provider name. Ties: cost, then offering id.
 */
export const sortRanked = (ranked: RankedRow[], ix: ExplorerIndex, key: SortKey, dir: SortDir): RankedRow[] => {
  const value: (r: RankedRow) => SortValue =
    key === 'cost'
      ? (r) => (r.cost.ok ? r.cost.totalUsd : undefined)
      : key === 'context'
        ? (r) => r.row.context || undefined
        : key === 'model'
          ? (r) => r.row.name
          : key === 'provider'
            ? (r) => ix.providers[r.row.provider]![1]
            : (r) => r.row[PRICE_KEY[key]];
  return sortRows(ranked, value, dir, {
    group: key === 'cost' ? (r) => r.group : undefined,
    tie: (a, b) => byCost(a, b) || byId(a, b),
  });
};

/**
 * Filter, price and sort in one call: the rows of the explorer's table, the hidden old ones,
 * and, sorted by cost, the free rows beyond the first FREE_PREVIEW (left out unless `allFree`).
 */
export const rankRows = (
  ix: ExplorerIndex,
  rows: readonly ExplorerRow[],
  view: { workload: Workload; filters: ExplorerFilters; sort: SortKey; dir: SortDir },
): {
  ranked: RankedRow[];
  hiddenOld: number;
  hiddenPlace: number;
  hiddenFree: number;
  free: number;
  hidden: Hidden;
} => {
  const { rows: matching, hiddenOld, placeUnknown } = filterRows(ix, rows, view.filters);
  const { rows: narrowedAll, hidden } = narrowRows(ix, matching, view.filters, view.workload);
  // Rows whose region is unknown are counted where the other filters would list them, then left out.
  const narrowed = placeUnknown.size ? narrowedAll.filter((r) => !placeUnknown.has(r)) : narrowedAll;
  const hiddenPlace = narrowedAll.length - narrowed.length;
  const ranked = sortRanked(priceRows(narrowed, view.workload), ix, view.sort, view.dir);
  let free = 0;
  while (free < ranked.length && ranked[free]!.group === FREE_GROUP) free++;
  const hiddenFree = view.sort === 'cost' && !view.filters.allFree ? Math.max(0, free - FREE_PREVIEW) : 0;
  if (hiddenFree > 0) ranked.splice(FREE_PREVIEW, hiddenFree);
  return { ranked, hiddenOld, hiddenPlace, hiddenFree, free, hidden };
};

/** A cell's text and, for costs, a second line; `known` false for labels and dashes. */
export interface CellText {
  text: string;
  detail: string;
  known: boolean;
  /** A caveat of the figure ("no cache discount published"), "" when none. */
  note?: string;
}

/** A price cell (USD per 1M tokens): the price, the billing label when not billed by usage, else "—". */
export const priceText = (row: ExplorerRow, usd: number | undefined): CellText => {
  if (usd !== undefined) return { text: formatUsd(usd), detail: '', known: true };
  if (row.billing === undefined) return { text: 'Not published', detail: '', known: false };
  return { text: row.billing === 'usage' ? '—' : BILLING_LABEL[row.billing], detail: '', known: false };
};

/**
 * The monthly-cost cell: the cost with its price per request; "Free" for free offerings (never a
 * bare $0); the billing label or "Not computable" with the engine's reason otherwise.
 */
export const costText = (r: RankedRow): CellText => {
  const { row, cost } = r;
  if (row.billing === 'free') return { text: 'Free', detail: 'free of charge, within its limits', known: true };
  if (cost.ok) {
    const note = [costNote(cost.notes), placeNote(row.place)].filter(Boolean).join('; ');
    const cell: CellText =
      cost.totalUsd === 0
        ? {
            text: 'Free',
            detail: cost.breakdown.some((l) => l.meter === 'free_tier') ? 'within the free tier' : 'every price is $0',
            known: true,
          }
        : { text: formatUsd(cost.totalUsd), detail: `${formatUsd(cost.perRequestUsd)} / request`, known: true };
    if (note) cell.note = note;
    return cell;
  }
  if (row.billing === undefined) return { text: 'Not published', detail: 'no price recorded', known: false };
  if (row.billing !== 'usage') return { text: BILLING_LABEL[row.billing], detail: cost.reason, known: false };
  return { text: 'Not computable', detail: cost.reason, known: false };
};

/** Which route a regional price is for: "Europe (Frankfurt) price, +10%". */
export const placeNote = (route: Route | undefined): string => {
  if (!route) return '';
  const uplift = route.prices ? '' : upliftText(route.multiplier);
  return `${route.label} price${uplift ? `, ${uplift}` : ''}`;
};

/** The caveats a cost cell shows under the figure: no cache discount, no batch price. */
export const costNote = (notes: readonly string[]): string =>
  [
    notes.includes(NOTE_NO_CACHE_DISCOUNT) ? 'no cache discount published' : '',
    notes.includes(NOTE_NO_BATCH_PRICE) ? 'no batch price published' : '',
  ]
    .filter(Boolean)
    .join('; ');

/** The context cell: "200K", or "—" when unknown. */
export const contextText = (tokens: number): string => (tokens > 0 ? formatTokens(tokens) : '—');

/** Bars of the chart: the `n` cheapest rows priced by usage, in the order given (USD per month). */
export const cheapestBars = (ranked: readonly RankedRow[], ix: ExplorerIndex, n: number): { label: string; usd: number }[] => {
  const bars: { label: string; usd: number }[] = [];
  const priced = ranked
    .filter((r) => r.group === PAID_GROUP && r.cost.ok)
    .sort((a, b) => (a.cost.ok && b.cost.ok ? a.cost.totalUsd - b.cost.totalUsd : 0));
  for (const r of priced) {
    if (bars.length >= n) break;
    if (r.cost.ok) bars.push({ label: `${r.row.name} · ${ix.providers[r.row.provider]![1]}`, usd: r.cost.totalUsd });
  }
  return bars;
};

/** The cheapest-options chart: one labelled bar per offering, proportional to its monthly cost. */
export const costChartGeometry = (bars: readonly { label: string; usd: number }[]) =>
  barGeometry(
    bars.map((b) => b.label),
    [{ name: 'USD per month', values: bars.map((b) => b.usd) }],
    formatUsd,
  );

/**
 * The results line announced to screen readers: "42 offerings match (3 deprecated hidden; 120
 * with no published region hidden)".
 */
export const resultsText = (count: number, hiddenOld: number, shown: number, hiddenPlace = 0): string => {
  const n = (k: number, one: string, many: string) => `${formatCount(k)} ${k === 1 ? one : many}`;
  const parts = [
    hiddenOld > 0 ? `${n(hiddenOld, 'deprecated or retired offering', 'deprecated or retired offerings')} hidden` : '',
    hiddenPlace > 0
      ? `${n(hiddenPlace, 'offering', 'offerings')} whose region is not published hidden; tick “Include offerings whose region is not published” to list them`
      : '',
  ].filter(Boolean);
  const hidden = parts.length ? ` (${parts.join('; ')})` : '';
  const showing = shown < count ? `; showing the first ${formatCount(shown)}` : '';
  return `${n(count, 'offering matches', 'offerings match')}${hidden}${showing}.`;
};

/** The hint after an empty result of the exact model filter, "" when it does not apply. */
export const exactModelHint = (count: number, filters: ExplorerFilters): string =>
  count === 0 && filters.model && !filters.modelPart
    ? ` No model is named exactly “${filters.model}”: pick one from the suggestions, or tick “Match part of the name”.`
    : '';

/** Everything one table row shows, as text and hrefs: the build and the island render it alike. */
export interface RowCells {
  id: string;
  name: string;
  /** Snapshot or variant that tells offerings of one model apart, "" when none. */
  variant: string;
  /** Model page, when those pages exist. */
  modelHref: string | undefined;
  provider: string;
  providerHref: string;
  /** "deprecated", "retired", "preview" or "". */
  status: string;
  input: CellText;
  output: CellText;
  cacheRead: CellText;
  blended: CellText;
  context: string;
  cost: CellText;
  /** The row's cost group (GROUP_HEADINGS). */
  group: CostGroup;
}

const STATUS_TEXT = STATUSES.map((s) => (s === 'active' ? '' : s));

/** The cells of one ranked row; `modelHref` maps a model id to its page (or undefined). */
export const rowCells = (r: RankedRow, ix: ExplorerIndex, modelHref: (id: string) => string | undefined): RowCells => {
  const { row } = r;
  const prov = ix.providers[row.provider]!;
  const modelId = row.model >= 0 ? ix.models[row.model]![0] : undefined;
  return {
    id: row.id,
    name: row.name,
    variant: row.variant,
    modelHref: modelId === undefined ? undefined : modelHref(modelId),
    provider: prov[1],
    providerHref: providerPath(prov[0]),
    status: STATUS_TEXT[row.status] ?? '',
    input: priceText(row, row.input),
    output: priceText(row, row.output),
    cacheRead: priceText(row, row.cacheRead),
    blended: priceText(row, row.blended),
    context: contextText(row.context),
    cost: costText(r),
    group: r.group,
  };
};

/** The price columns of a row, in table order. */
export const PRICE_CELLS = ['input', 'output', 'cacheRead', 'blended'] as const;

/**
 * The explorer table's sortable columns, in order: sort key, heading (also the name over the cell
 * in a phone's card) and whether it holds numbers; `cell` names the price cell (PRICE_CELLS) a
 * price column shows.
 */
export const EXPLORER_COLUMNS: readonly {
  key: SortKey;
  label: string;
  num: boolean;
  cell?: (typeof PRICE_CELLS)[number];
}[] = [
  { key: 'model', label: 'Model', num: false },
  { key: 'provider', label: 'Provider', num: false },
  { key: 'cost', label: 'Monthly cost', num: true },
  { key: 'input', label: 'Input', num: true, cell: 'input' },
  { key: 'output', label: 'Output', num: true, cell: 'output' },
  { key: 'cache_read', label: 'Cache read', num: true, cell: 'cacheRead' },
  { key: 'blended', label: 'Blended', num: true, cell: 'blended' },
  { key: 'context', label: 'Context', num: true },
];

/** The heading of column `key` (EXPLORER_COLUMNS). */
export const explorerColumnLabel = (key: SortKey | (typeof PRICE_CELLS)[number]): string =>
  EXPLORER_COLUMNS.find((c) => c.key === key || c.cell === key)!.label;

/**
 * A row as flat template slots (src/components/shared/row-template.ts): texts, hrefs and cell
 * classes. PricingRow.astro renders the server's rows from it and the island fills its template with it.
 */
export const rowSlots = (c: RowCells): Record<string, string | undefined> => ({
  name: c.name,
  modelHref: c.modelHref,
  variant: c.variant,
  status: c.status,
  provider: c.provider,
  providerHref: c.providerHref,
  cost: c.cost.text,
  costDetail: c.cost.detail,
  costNote: c.cost.note || undefined,
  costClass: c.cost.known ? 'num cost' : 'num cost na',
  ...Object.fromEntries(
    PRICE_CELLS.flatMap((k) => [
      [k, c[k].text],
      [`${k}Class`, c[k].known ? 'num' : 'num na'],
    ]),
  ),
  context: c.context,
});
