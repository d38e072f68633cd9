/**
 * Site search in the browser: the state of /search/ in its URL, the Pagefind query it makes, how a
 * result is shown, and the keyboard. No imports, so the search scripts stay small; what each page
 * tells the index is in search-entry.ts.
 */

/** The kinds of result, in the order the kind filter lists them. */
export const SEARCH_KINDS = ['model', 'provider', 'family', 'organization', 'page'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_KIND_LABEL: Record<SearchKind, string> = {
  model: 'Model',
  provider: 'Provider',
  family: 'Family',
  organization: 'Creator',
  page: 'Page',
};

/** Filters offered on /search/, keyed as in the index and in the URL. */
export const SEARCH_FILTERS = ['kind', 'creator', 'provider', 'modality', 'capability', 'open'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
export const SEARCH_FILTER_LABEL: Record<SearchFilter, string> = {
  kind: 'Kind',
  creator: 'Creator',
  provider: 'Provider',
  modality: 'Input modality',
  capability: 'Capability',
  open: 'Open weights',
};

/** Sort orders on /search/: relevance (Pagefind's own), or a sort key every model page sets. */
export const SEARCH_SORTS = {
  relevance: { label: 'Best match' },
  'price-asc': { label: 'Cheapest first', key: 'price', direction: 'asc' },
  'price-desc': { label: 'Most expensive first', key: 'price', direction: 'desc' },
  'released-desc': { label: 'Newest first', key: 'released', direction: 'desc' },
  'released-asc': { label: 'Oldest first', key: 'released', direction: 'asc' },
} as const satisfies Record<string, { label: string; key?: string; direction?: 'asc' | 'desc' }>;
export type SearchSort = keyof typeof SEARCH_SORTS;

/** Meta keys shown as facts under a result, in order. */
const FACT_KEYS = ['type', 'creator', 'family', 'context', 'price', 'providers', 'models'] as const;

/** The facts line of a result: its kind label first, then the meta that page set. */
export const resultFacts = (meta: Record<string, string | undefined>): string[] => {
  const kind = SEARCH_KINDS.find((k) => k === meta.kind);
  return [kind ? SEARCH_KIND_LABEL[kind] : 'Page', ...FACT_KEYS.map((k) => meta[k]).filter((v): v is string => !!v)];
};

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const decode = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m]!);

/**
 * A Pagefind excerpt ("… the <mark>Claude</mark> model …") as text segments, so that the page can
 * build it with text nodes and <mark> elements instead of parsing HTML. Any other tag stays text.
 */
export const parseExcerpt = (excerpt: string): { text: string; mark: boolean }[] => {
  const out: { text: string; mark: boolean }[] = [];
  let mark = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') mark = true;
    else if (part === '</mark>') mark = false;
    else if (part) out.push({ text: decode(part), mark });
  }
  return out;
};

/** The state of /search/: query, filters (one value each), sort. */
export interface SearchState {
  q: string;
  filters: Partial<Record<SearchFilter, string>>;
  sort: SearchSort;
}

/** /search/?q=…&kind=model&creator=Meta&sort=price-asc → state; unknown keys and sorts are dropped. */
export const readSearchState = (params: URLSearchParams): SearchState => {
  const filters: SearchState['filters'] = {};
  for (const f of SEARCH_FILTERS) {
    const v = params.get(f)?.trim();
    if (v) filters[f] = v;
  }
  const sort = params.get('sort') ?? 'relevance';
  return { q: (params.get('q') ?? '').trim(), filters, sort: sort in SEARCH_SORTS ? (sort as SearchSort) : 'relevance' };
};

/** State → query string (without "?"), in a fixed key order; defaults are left out. */
export const writeSearchState = (s: SearchState): string => {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of SEARCH_FILTERS) if (s.filters[f]) p.set(f, s.filters[f]!);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  return p.toString();
};

/** The options of `pagefind.search()` for a state. */
export const pagefindQuery = (s: SearchState): { filters: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> } => {
  const sort = SEARCH_SORTS[s.sort];
  return {
    filters: Object.fromEntries(Object.entries(s.filters).filter(([, v]) => v)) as Record<string, string>,
    ...('key' in sort ? { sort: { [sort.key]: sort.direction } } : {}),
  };
};

/** Roving focus in a result list: next index for ArrowDown (+1) / ArrowUp (-1); -1 is the input. */
export const moveActive = (current: number, delta: 1 | -1, count: number): number => {
  if (count === 0) return -1;
  const next = current + delta;
  if (next < -1) return count - 1;
  if (next >= count) return -1;
  return next;
};

export { isSlashShortcut } from './search-shortcut.ts';

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * How closely a title matches the query: 3 exact ("gpt-4.1" = "GPT-4.1"), 2 the title starts with
 * the query as whole words ("llama 3.3 70b" → "Llama-3.3-70B-Instruct"), 0 otherwise. Punctuation
 * and case are ignored; a trailing " family" in the title is too.
 */
export const nameMatch = (q: string, title: string): number => {
  const a = words(q);
  if (!a) return 0;
  const b = words(title);
  const c = b.replace(/ family$/, '');
  if (a === b || a === c) return 3;
  return b.startsWith(`${a} `) ? 2 : 0;
};

/** Number of providers from a model's "providers" meta ("12 providers"), 0 when absent. */
const providerCount = (meta: Record<string, string | undefined>) => Number.parseInt(meta.providers ?? '', 10) || 0;

/**
 * Pagefind ranks by content; this lifts exact and near-exact names to the top of the first
 * results. Among equal name matches, the model more providers serve comes first (the base model
 * before a one-provider fine-tune of the same name); Pagefind's order otherwise (stable).
 */
export const rankByName = <T extends { meta: Record<string, string | undefined> }>(q: string, items: T[]): T[] =>
  items
    .map((item, i) => {
      const s = nameMatch(q, item.meta.title ?? '');
      return { item, i, s, n: s ? providerCount(item.meta) : 0 };
    })
    .sort((x, y) => y.s - x.s || y.n - x.n || x.i - y.i)
    .map((x) => x.item);

/**
 * The queries to run for what the user typed: as typed, plus the hyphenated form when it has
 * spaces, because many names and API ids are one hyphenated word that Pagefind does not match
 * word by word ("llama 3.3 70b" → "llama-3.3-70b" finds "Llama-3.3-70B-Instruct").
 */
export const queryVariants = (q: string): string[] => {
  const t = q.trim().replace(/\s+/g, ' ');
  const joined = t.replace(/ /g, '-');
  return t ? (joined === t ? [t] : [t, joined]) : [];
};

/** Results of several queries as one list: in order, each page once (by id). */
export const mergeResults = <T extends { id: string }>(lists: T[][]): T[] => {
  const seen = new Set<string>();
  return lists.flat().filter((r) => !seen.has(r.id) && (seen.add(r.id), true));
};
