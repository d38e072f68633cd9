/**
 * <search-page>: runs the /search/ form with Pagefind. The form is the state: every change
 * rewrites the URL (replaceState), so a search with its filters and sort can be shared.
 */
import {
  mergeResults,
  pagefindQuery,
  queryVariants,
  rankByName,
  readSearchState,
  writeSearchState,
  type SearchState,
} from '../../core/search.ts';
import { DEV_NOTICE, loadPagefind, resultItem, type PagefindResult } from './search-core.ts';

const PAGE = 20;

customElements.define(
  'search-page',
  class extends HTMLElement {
    #form!: HTMLFormElement;
    #list!: HTMLOListElement;
    #status!: HTMLElement;
    #more!: HTMLButtonElement;
    #results: PagefindResult[] = [];
    #shown = 0;
    #seq = 0;
    /** The query whose first page is ranked by name; empty when sorting by price or date. */
    #rank = '';
    #timer: number | undefined;

    connectedCallback() {
      this.#form = this.querySelector('form')!;
      this.#list = this.querySelector('.page-results')!;
      this.#status = this.querySelector('.search-status')!;
      this.#more = this.querySelector('.more')!;
      const state = readSearchState(new URLSearchParams(location.search));
      (this.#form.elements.namedItem('q') as HTMLInputElement).value = state.q;
      for (const [k, v] of Object.entries(state.filters)) {
        const select = this.#form.elements.namedItem(k) as HTMLSelectElement | null;
        if (select && [...select.options].some((o) => o.value === v)) select.value = v;
      }
      (this.#form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
      this.#form.addEventListener('submit', (e) => {
        e.preventDefault();
        void this.#run();
      });
      this.#form.addEventListener('change', () => void this.#run());
      this.#form.addEventListener('input', () => {
        clearTimeout(this.#timer);
        this.#timer = window.setTimeout(() => void this.#run(), 120);
      });
      this.#more.addEventListener('click', () => void this.#showMore());
      void this.#run();
    }

    #state(): SearchState {
      return readSearchState(new URLSearchParams(new FormData(this.#form) as unknown as Record<string, string>));
    }

    async #run() {
      const state = this.#state();
      const query = writeSearchState(state);
      history.replaceState(null, '', query ? `?${query}` : location.pathname);
      const seq = ++this.#seq;
      const { filters, sort } = pagefindQuery(state);
      if (!state.q && !Object.keys(filters).length) {
        this.#list.replaceChildren();
        this.#more.hidden = true;
        this.#status.textContent = 'Type a name, a provider’s model id or an alias, or pick a filter.';
        return;
      }
      let pf;
      try {
        pf = await loadPagefind();
      } catch {
        this.#status.textContent = DEV_NOTICE;
        return;
      }
      const options = { filters, ...(sort ? { sort } : {}) };
      // Sorted by price or date, the hyphenated variant would break the order; by relevance it finds more names.
      const queries = !state.q ? [null] : sort ? [state.q] : queryVariants(state.q);
      const found = await Promise.all(queries.map((v) => pf.search(v, options)));
      if (seq !== this.#seq) return;
      const res = { results: mergeResults(found.map((f) => f?.results ?? [])) };
      this.#results = res.results;
      this.#shown = 0;
      this.#list.replaceChildren();
      this.#rank = sort ? '' : state.q;
      await this.#showMore(seq);
      const n = res.results.length;
      this.#status.textContent =
        n === 0 ? 'No results. Try fewer filters or another spelling.' : `${n} ${n === 1 ? 'result' : 'results'}`;
    }

    async #showMore(seq = this.#seq) {
      const next = this.#results.slice(this.#shown, this.#shown + PAGE);
      const data = await Promise.all(next.map((r) => r.data()));
      if (seq !== this.#seq) return;
      const first = this.#shown === 0 && this.#rank;
      this.#list.append(...(first ? rankByName(this.#rank, data) : data).map(resultItem));
      this.#shown += next.length;
      this.#more.hidden = this.#shown >= this.#results.length;
    }
  },
);
