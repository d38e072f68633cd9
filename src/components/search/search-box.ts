/**
 * <search-box>: results under the header search field as you type. "/" focuses it (not while
 * typing elsewhere); ArrowDown/ArrowUp move through the result links, Enter follows one (or, from
 * the field, submits to /search/), Escape closes and returns focus to the field.
 */
import { isSlashShortcut, mergeResults, moveActive, queryVariants, rankByName } from '../../core/search.ts';
import { DEV_NOTICE, loadPagefind, resultItem } from './search-core.ts';
import { searchHref } from '../../core/urls.ts';

const SHOWN = 8;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>) =>
  Object.assign(document.createElement(tag), props);
/** Results whose names are compared with the query (see rankByName). */
const RERANK = 30;

customElements.define(
  'search-box',
  class extends HTMLElement {
    #input!: HTMLInputElement;
    #pop!: HTMLElement;
    #list!: HTMLUListElement;
    #status!: HTMLElement;
    #seq = 0;
    #timer: number | undefined;

    connectedCallback() {
      this.#input = this.querySelector('input')!;
      // The pop-up exists only with JS, so it is built here rather than shipped in every page.
      this.#pop = el('div', { id: 'site-search-results', className: 'search-pop', hidden: true });
      this.#status = el('p', { id: 'site-search-status', className: 'search-status' });
      this.#status.setAttribute('role', 'status');
      this.#list = el('ul', { className: 'search-results' });
      this.#list.setAttribute('aria-label', 'Search results');
      this.#pop.append(this.#status, this.#list);
      this.append(this.#pop);
      this.#input.setAttribute('aria-controls', this.#pop.id);
      this.#input.setAttribute('aria-describedby', this.#status.id);
      // Warm up on intent: the index starts loading on focus, before the first key.
      this.#input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
      this.#input.addEventListener('input', () => {
        clearTimeout(this.#timer);
        this.#timer = window.setTimeout(() => void this.#run(), 60);
      });
      // Loaded on first focus (islands.ts): the field may already hold a query.
      void loadPagefind().catch(() => undefined);
      if (this.#input.value.trim()) void this.#run();
      this.addEventListener('keydown', (e) => this.#key(e));
      document.addEventListener('keydown', (e) => {
        if (isSlashShortcut(e, e.target as HTMLElement | null)) {
          e.preventDefault();
          this.#input.focus();
          this.#input.select();
        }
      });
      document.addEventListener('pointerdown', (e) => {
        if (!this.contains(e.target as Node)) this.#close(false);
      });
      this.addEventListener('focusout', (e) => {
        if (!this.contains(e.relatedTarget as Node | null) && e.relatedTarget) this.#close(false);
      });
    }

    #links = () => [...this.#list.querySelectorAll('a')];

    #key(e: KeyboardEvent) {
      const links = this.#links();
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (e.key === 'Escape') {
        if (this.#pop.hidden) return;
        e.preventDefault();
        this.#close(true);
      } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !this.#pop.hidden && links.length) {
        e.preventDefault();
        const next = moveActive(at, e.key === 'ArrowDown' ? 1 : -1, links.length);
        (next === -1 ? this.#input : links[next]!).focus();
      }
    }

    #close(refocus: boolean) {
      if (this.#pop.hidden) return;
      this.#pop.hidden = true;
      if (refocus) this.#input.focus();
    }

    async #run() {
      const q = this.#input.value.trim();
      const seq = ++this.#seq;
      if (!q) {
        this.#close(false);
        return;
      }
      this.#pop.hidden = false;
      let pf;
      try {
        pf = await loadPagefind();
      } catch {
        this.#list.replaceChildren();
        this.#status.textContent = DEV_NOTICE;
        return;
      }
      const found = await Promise.all(queryVariants(q).map((v) => pf.search(v)));
      if (seq !== this.#seq) return;
      const res = { results: mergeResults(found.map((f) => f?.results ?? [])) };
      const data = await Promise.all(res.results.slice(0, RERANK).map((r) => r.data()));
      if (seq !== this.#seq) return;
      const items = rankByName(q, data).slice(0, SHOWN).map(resultItem);
      const n = res.results.length;
      if (n > SHOWN) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.className = 'search-more';
        a.href = searchHref(q);
        a.textContent = `All ${n} results`;
        li.append(a);
        items.push(li);
      }
      this.#list.replaceChildren(...items);
      this.#status.textContent =
        n === 0 ? `No results for “${q}”.` : `${n} ${n === 1 ? 'result' : 'results'}; arrow keys to move, Escape to close.`;
      this.dispatchEvent(new CustomEvent('search-results', { bubbles: true }));
    }
  },
);
