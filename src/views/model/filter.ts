/**
 * Filtering and sorting of the /models/ table over its compact JSON index, and the filter
 * state in the URL. Shared by the build (tests) and the browser island (src/components/model/model-table.ts),
 * so it imports only the browser-safe vocabulary (src/core/vocab.ts) and table-state engine.
 */
import { CURRENT_STATUSES, MODEL_FILTER_CAPABILITIES } from '../../core/vocab.ts';
import {
  allOf,
  applyInput,
  choiceParam,
  compareValues,
  countParam,
  hasAll,
  hasText,
  listParam,
  readState,
  sortParam,
  sortRows,
  stateSearch,
  textParam,
  toggleSort,
  type Schema,
  type SortDir,
  type SortValue,
} from '../../core/table-state.ts';

/** One model in /models/index.json; short keys keep the file small at 1,500+ models. */
export interface IndexEntry {
  /** Model id. */
  id: string;
  /** Name. */
  n: string;
  /** Creator organization id and name. */
  c: string;
  cn: string;
  /** Family (or generation) id, for the link and the filter, and its readable name. */
  f: string | null;
  fn: string | null;
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

export const SORT_KEYS = [
  'name',
  'creator',
  'family',
  'release',
  'context',
  'max-output',
  'modalities',
  'open-weights',
  'providers',
  'input',
  'output',
  'cheapest-at',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type { SortDir };

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

/** The URL form of the filters (the sort is kept apart, as one `sort` + `dir` pair). */
const FILTERS: Schema<Omit<ModelQuery, 'sort' | 'dir'>> = {
  q: textParam('q', 100),
  creator: textParam('creator'),
  family: textParam('family'),
  modality: listParam('modality', { sorted: true }),
  capability: listParam('capability', { allowed: Object.keys(CAPABILITY_FILTERS) as CapabilityFilter[], sorted: true }),
  open: choiceParam('open', ['', 'yes', 'no'], ''),
  status: choiceParam('status', Object.keys(STATUS_FILTERS) as StatusFilter[], 'current'),
  minContext: countParam('min_context'),
};
const SCHEMA = { ...FILTERS, sort: sortParam(SORT_KEYS, { key: 'name', dir: 'asc' }) };

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

/** Filter state from a query string; unknown or invalid values fall back to the defaults. */
export const parseQuery = (search: string | URLSearchParams): ModelQuery => {
  const { sort, ...filters } = readState(SCHEMA, search);
  return { ...filters, sort: sort.key, dir: sort.dir };
};

/** Query string for a filter state, defaults left out: "" or "?creator=openai&…". */
export const toSearch = (q: ModelQuery): string => {
  const { sort, dir, ...filters } = q;
  return stateSearch(SCHEMA, { ...filters, sort: { key: sort, dir } });
};

const CURRENT = new Set<string>(CURRENT_STATUSES);

/** Whether a model passes every filter of the query. */
export const matchesQuery = (e: IndexEntry, q: ModelQuery): boolean => compileQuery(q)(e);

/** The query as one row test (compiled once per render). */
export const compileQuery = (q: ModelQuery): ((e: IndexEntry) => boolean) =>
  allOf<IndexEntry>([
    q.status === 'all' ? undefined : (e) => CURRENT.has(e.s) === (q.status === 'current'),
    q.creator ? (e) => e.c === q.creator : undefined,
    q.family ? (e) => e.f === q.family : undefined,
    q.open ? (e) => e.w === (q.open === 'yes') : undefined,
    q.minContext ? (e) => (e.x ?? 0) >= q.minContext : undefined,
    q.modality.length ? (e) => q.modality.every((m) => e.mi.includes(m) || e.mo.includes(m)) : undefined,
    q.capability.length ? (e) => hasAll(e.k, q.capability) : undefined,
    q.q ? (e) => hasText(e.n, q.q) || e.id.includes(q.q.toLowerCase()) : undefined,
  ]);

const SORT_VALUE: Record<SortKey, (e: IndexEntry) => SortValue> = {
  name: (e) => e.n,
  creator: (e) => e.cn,
  family: (e) => e.fn,
  release: (e) => e.r,
  context: (e) => e.x,
  'max-output': (e) => e.o,
  modalities: (e) => e.mi.length + e.mo.length,
  'open-weights': (e) => (e.w === null ? null : e.w ? 1 : 0),
  providers: (e) => e.p,
  input: (e) => e.i,
  output: (e) => e.u,
  'cheapest-at': (e) => e.cp,
};

const byName = (a: IndexEntry, b: IndexEntry) => compareValues(a.n, b.n, 'asc') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A sorted copy: by the key in the direction, unknown values last either way, then by name and id. */
export const sortEntries = (entries: IndexEntry[], key: SortKey, dir: SortDir): IndexEntry[] =>
  sortRows(entries, SORT_VALUE[key], dir, { tie: byName });

/** Keys whose first click sorts A→Z or cheapest first; the others start with the largest or newest. */
const ASCENDING_FIRST = new Set<SortKey>(['name', 'creator', 'family', 'input', 'output', 'cheapest-at']);

/** The sort after a click on a column header: the same column flips, another starts in its natural direction. */
export const nextSort = (current: { sort: SortKey; dir: SortDir }, key: SortKey): { sort: SortKey; dir: SortDir } => {
  const s = toggleSort({ key: current.sort, dir: current.dir }, key, ASCENDING_FIRST.has(key) ? 'asc' : 'desc');
  return { sort: s.key, dir: s.dir };
};

/** The query after the user edits one control of the filter form (its name, value, and checked for a checkbox). */
export const withInput = (q: ModelQuery, name: string, value: string, checked?: boolean): ModelQuery => ({
  ...q,
  ...applyInput(FILTERS, q, name, value, checked),
});
