/**
 * Pagefind in the browser, for <search-page> (full text on /search/): loads /pagefind/pagefind.js on
 * first use (never on page load) and builds result items with DOM calls only (no innerHTML).
 */
import { parseExcerpt, resultFacts } from '../../core/search.ts';
import { PATHS } from '../../core/urls.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
export interface PagefindApi {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: Record<string, unknown>) => Promise<{ results: PagefindResult[] } | null>;
  debouncedSearch?: unknown;
}

/** Shown when the index is missing: `astro dev` serves no /pagefind/. */
export const DEV_NOTICE = 'Search works on the built site (npm run build && npm run preview).';

// Exists only after `npm run build`; a variable keeps Vite from resolving it.
const bundle = PATHS.pagefindBundle;
let loading: Promise<PagefindApi> | undefined;

/** The Pagefind API, loaded once; rejects when the index is missing. */
export const loadPagefind = (): Promise<PagefindApi> => {
  loading ??= (async () => {
    const pf = (await import(/* @vite-ignore */ bundle)) as PagefindApi;
    // Short entity pages (a provider, a creator) should not lose to long pages that mention them.
    await pf.options({ ranking: { pageLength: 0.2, termFrequency: 0.6, termSaturation: 1.6 } });
    await pf.init();
    return pf;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
};

let uid = 0;
/** One result as a link: title, facts line (kind, creator, context, price, providers), excerpt with <mark>s. */
export const resultItem = (d: PagefindResultData): HTMLLIElement => {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = d.url;
  const title = document.createElement('span');
  title.className = 'r-title';
  title.id = `sr-${++uid}`;
  title.textContent = d.meta.title ?? d.url;
  const facts = document.createElement('span');
  facts.className = 'r-facts';
  facts.textContent = resultFacts(d.meta).join(' · ');
  const excerpt = document.createElement('span');
  excerpt.className = 'r-excerpt';
  for (const seg of parseExcerpt(d.excerpt)) {
    if (seg.mark) {
      const m = document.createElement('mark');
      m.textContent = seg.text;
      excerpt.append(m);
    } else excerpt.append(document.createTextNode(seg.text));
  }
  a.append(title, facts, excerpt);
  li.append(a);
  return li;
};
