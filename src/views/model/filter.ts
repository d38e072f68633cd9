/**
 * Filtering and sorting of the /models/ table over its compact JSON index, and the filter
 * state in the URL. Shared by the build (tests) and the browser island (src/components/model/model-table.ts),
 * so it imports only the browser-safe vocabulary (src/core/vocab.ts).
 */
import { CURRENT_STATUSES, MODEL_FILTER_CAPABILITIES } from '../../core/vocab.ts';

/** One model in /models/index.json; short keys keep the file small at 1,500+ models. */
export interface IndexEntry {
  /** Model id. */
  id: string;
  /** Name. */
  n: string;
  /** Creator organization id and name. */
  c: string;
  cn: string;
  /** Family slug. */
  f: string | null;
  /** Release date, YYYY-MM or YYYY-MM-DD. */
  r: string | null;
  /** Context window and max output, tokens. */
  x: number | null;
  o: number | null;
  /** Input and output modalities. */
  mi: string[];
  mo: string[];
  /** Open weights: true, false or null (unknown). */
  w: boolean | null;
  /** Capabilities the model has (keys of CAPABILITY_FILTERS). */
  k: string[];
  /** Status: active, preview, deprecated, retired. */
  s: string;
  /** Number of providers. */
  p: number;
  /** Cheapest offering: input and output USD per 1M tokens, and its provider's name and id. */
  i: number | null;
  u: number | null;
  cp: string | null;
  cpi: string | null;
}

/** Capability filters: URL value → label (the model's `capabilities` keys). */
export const CAPABILITY_FILTERS = MODEL_FILTER_CAPABILITIES;
export type CapabilityFilter = keyof typeof CAPABILITY_FILTERS;

export const STATUS_FILTERS = { current: 'Active and preview', deprecated: 'Deprecated and retired', all: 'All' } as const;
export type StatusFilter = keyof typeof STATUS_FILTERS;

/** Minimum-context choices, tokens (0 = any). */
export const MIN_CONTEXT_CHOICES = [0, 8_000, 32_000, 128_000, 200_000, 1_000_000] as const;

export const SORT_KEYS = ['name', 'creator', 'family', 'release', 'context', 'max-output', 'modalities', 'open-weights', 'providers', 'input', 'output', 'cheapest-at'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface ModelQuery {
  /** Text in the name or id. */
  q: string;
  creator: string;
  family: string;
  /** Every listed modality is an input or output modality of the model. */
  modality: string[];
  capability: CapabilityFilter[];
  open: '' | 'yes' | 'no';
  status: StatusFilter;
  /** Tokens; 0 = any. */
  minContext: number;
  sort: SortKey;
  dir: SortDir;
}

export const DEFAULT_QUERY: ModelQuery = {
  q: '',
  creator: '',
  family: '',
  modality: [],
  capability: [],
  open: '',
  status: 'current',
  minContext: 0,
  sort: 'name',
  dir: 'asc',
};

const oneOf = <T extends string>(v: string | null, allowed: readonly T[], fallback: T): T =>
  v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;

/** Filter state from a query string; unknown or invalid values fall back to the defaults. */
export const parseQuery = (search: string | URLSearchParams): ModelQuery => {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const list = (k: string) => p.getAll(k).flatMap((v) => v.split(',')).filter(Boolean);
  const ctx = Number(p.get('min_context'));
  return {
    q: (p.get('q') ?? '').trim().slice(0, 100),
    creator: p.get('creator') ?? '',
    family: p.get('family') ?? '',
    modality: [...new Set(list('modality'))].sort(),
    capability: [...new Set(list('capability'))].filter((c): c is CapabilityFilter => c in CAPABILITY_FILTERS).sort(),
    open: oneOf(p.get('open'), ['', 'yes', 'no'], ''),
    status: oneOf(p.get('status'), Object.keys(STATUS_FILTERS) as StatusFilter[], 'current'),
    minContext: Number.isInteger(ctx) && ctx > 0 ? ctx : 0,
    sort: oneOf(p.get('sort'), SORT_KEYS, 'name'),
    dir: oneOf(p.get('dir'), ['asc', 'desc'], 'asc'),
  };
};

/** Query string for a filter state, defaults left out: "" or "?creator=openai&…". */
export const toSearch = (q: ModelQuery): string => {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.creator) p.set('creator', q.creator);
  if (q.family) p.set('family', q.family);
  if (q.modality.length) p.set('modality', q.modality.join(','));
  if (q.capability.length) p.set('capability', q.capability.join(','));
  if (q.open) p.set('open', q.open);
  if (q.status !== DEFAULT_QUERY.status) p.set('status', q.status);
  if (q.minContext) p.set('min_context', String(q.minContext));
  if (q.sort !== DEFAULT_QUERY.sort || q.dir !== DEFAULT_QUERY.dir) {
    p.set('sort', q.sort);
    p.set('dir', q.dir);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
};

const CURRENT = new Set<string>(CURRENT_STATUSES);

/** Whether a model passes every filter of the query. */
export const matchesQuery = (e: IndexEntry, q: ModelQuery): boolean => {
  if (q.status === 'current' ? !CURRENT.has(e.s) : q.status === 'deprecated' ? CURRENT.has(e.s) : false) return false;
  if (q.creator && e.c !== q.creator) return false;
  if (q.family && e.f !== q.family) return false;
  if (q.open && e.w !== (q.open === 'yes')) return false;
  if (q.minContext && (e.x ?? 0) < q.minContext) return false;
  if (q.modality.some((m) => !e.mi.includes(m) && !e.mo.includes(m))) return false;
  if (q.capability.some((c) => !e.k.includes(c))) return false;
  if (q.q) {
    const needle = q.q.toLowerCase();
    if (!e.n.toLowerCase().includes(needle) && !e.id.includes(needle)) return false;
  }
  return true;
};

const SORT_VALUE: Record<SortKey, (e: IndexEntry) => string | number | null> = {
  name: (e) => e.n.toLowerCase(),
  creator: (e) => e.cn.toLowerCase(),
  family: (e) => e.f,
  release: (e) => e.r,
  context: (e) => e.x,
  'max-output': (e) => e.o,
  modalities: (e) => e.mi.length + e.mo.length,
  'open-weights': (e) => (e.w === null ? null : e.w ? 1 : 0),
  providers: (e) => e.p,
  input: (e) => e.i,
  output: (e) => e.u,
  'cheapest-at': (e) => e.cp?.toLowerCase() ?? null,
};

/** A sorted copy: by the key in the direction, unknown values last either way, then by name and id. */
export const sortEntries = (entries: IndexEntry[], key: SortKey, dir: SortDir): IndexEntry[] => {
  const value = SORT_VALUE[key];
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: IndexEntry, b: IndexEntry) => (a.n.toLowerCase() < b.n.toLowerCase() ? -1 : a.n.toLowerCase() > b.n.toLowerCase() ? 1 : a.id < b.id ? -1 : 1);
  return entries
    .map((e) => ({ e, v: value(e) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? byName(a.e, b.e) : a.v === null ? 1 : -1;
      return (a.v < b.v ? -sign : a.v > b.v ? sign : 0) || byName(a.e, b.e);
    })
    .map((x) => x.e);
};

/** Keys whose first click sorts A→Z or cheapest first; the others start with the largest or newest. */
const ASCENDING_FIRST = new Set<SortKey>(['name', 'creator', 'family', 'input', 'output', 'cheapest-at']);

/** The sort after a click on a column header: the same column flips, another starts in its natural direction. */
export const nextSort = (current: { sort: SortKey; dir: SortDir }, key: SortKey): { sort: SortKey; dir: SortDir } =>
  current.sort === key ? { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { sort: key, dir: ASCENDING_FIRST.has(key) ? 'asc' : 'desc' };
