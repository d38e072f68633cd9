/**
 * The pricing explorer's whole view as one state object, and its URL form. The workload uses
 * workload.ts's parameters (req, in, out, cached, cw, ttl, batch, think, img, audio, video,
 * search, preset); filters and sort add their own. Defaults are left out, so the default view is
 * plain /pricing/ and a model page can link to /pricing/?model=<id>. Pure: no DOM, no location.
 */
import type { Workload } from '../../core/cost.ts';
import { decodeWorkload, DEFAULT_WORKLOAD, encodeWorkload, WORKLOAD_PRESETS, type PresetId } from '../../core/workload.ts';

/** Column the rows are sorted by: the monthly cost of the workload, a price (USD per 1M tokens), or a name. */
export const SORT_KEYS = ['cost', 'input', 'output', 'cache_read', 'blended', 'context', 'model', 'provider'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/** What the rows must match; each filter is off when undefined. Ids as in data/. */
export interface ExplorerFilters {
  /** A model id (exact), else text found in the model's id or name or the offering's id. */
  model?: string | undefined;
  /** Family slug, e.g. "claude-sonnet". */
  family?: string | undefined;
  /** Creator organization id. */
  org?: string | undefined;
  provider?: string | undefined;
  /** Provider kind: first-party, cloud, inference, gateway. */
  kind?: string | undefined;
  /** "in:<modality>" or "out:<modality>", e.g. "in:image". */
  modality?: string | undefined;
  /** A CAPABILITY_ORDER id, e.g. "tool_calling". */
  capability?: string | undefined;
  /** A region id, e.g. "us-east-1". */
  region?: string | undefined;
  /** Minimum context window, tokens. */
  minContext?: number | undefined;
  /** Also list deprecated and retired offerings. */
  includeOld?: boolean | undefined;
}

export interface ExplorerState {
  workload: Workload;
  filters: ExplorerFilters;
  sort: SortKey;
  dir: SortDir;
}

export const DEFAULT_STATE: ExplorerState = { workload: DEFAULT_WORKLOAD, filters: {}, sort: 'cost', dir: 'asc' };

/** Query parameter of each text filter. */
export const FILTER_PARAMS = {
  model: 'model',
  family: 'family',
  org: 'org',
  provider: 'provider',
  kind: 'kind',
  modality: 'mod',
  capability: 'cap',
  region: 'region',
} as const satisfies Partial<Record<keyof ExplorerFilters, string>>;
const TEXT_FILTERS = Object.keys(FILTER_PARAMS) as (keyof typeof FILTER_PARAMS)[];

const sameWorkload = (a: Workload, b: Workload) => encodeWorkload(a) === encodeWorkload(b);

/** The preset whose workload this is, exactly; undefined for custom numbers. */
export const presetOf = (w: Workload): PresetId | undefined =>
  (Object.keys(WORKLOAD_PRESETS) as PresetId[]).find((id) => sameWorkload(WORKLOAD_PRESETS[id].workload, w));

/**
 * The state as a query string without "?": "preset=<id>" for a preset's workload (nothing for
 * the default one), else every workload field; then the filters set, then sort and dir when not
 * the default (cost, ascending).
 */
export const encodeState = (s: ExplorerState): string => {
  const p = new URLSearchParams();
  const preset = presetOf(s.workload);
  if (preset === undefined) for (const [k, v] of new URLSearchParams(encodeWorkload(s.workload))) p.append(k, v);
  else if (!sameWorkload(s.workload, DEFAULT_WORKLOAD)) p.set('preset', preset);
  for (const f of TEXT_FILTERS) {
    const v = s.filters[f];
    if (v !== undefined && v !== '') p.set(FILTER_PARAMS[f], v);
  }
  if (s.filters.minContext !== undefined && s.filters.minContext > 0) p.set('ctx', String(s.filters.minContext));
  if (s.filters.includeOld) p.set('old', '1');
  if (s.sort !== 'cost' || s.dir !== 'asc') p.set('sort', s.sort);
  if (s.dir !== 'asc') p.set('dir', s.dir);
  return p.toString();
};

/** The state from a query string (with or without "?"): never throws; unknown or bad values are ignored. */
export const decodeState = (query: string): ExplorerState => {
  const p = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const filters: ExplorerFilters = {};
  for (const f of TEXT_FILTERS) {
    const v = p.get(FILTER_PARAMS[f])?.trim();
    if (v) filters[f] = v.slice(0, 200);
  }
  const ctx = Number(p.get('ctx'));
  if (/^\d+$/.test(p.get('ctx') ?? '') && ctx > 0 && Number.isSafeInteger(ctx)) filters.minContext = ctx;
  if (p.get('old') === '1') filters.includeOld = true;
  const sort = p.get('sort');
  const dir = p.get('dir');
  return {
    workload: decodeWorkload(p),
    filters,
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'cost',
    dir: dir === 'desc' ? 'desc' : 'asc',
  };
};
