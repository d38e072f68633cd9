/**
 * <search-box>: instant results under the header search field, from the compact name index
 * (/search/names.json: providers, creators, families, models, with their ids and aliases), which
 * it fetches when its code loads, that is on the first focus of the field (src/components/shared/islands.ts).
 * Ranking and typo tolerance are in src/core/name-search.ts.
 *
 * ARIA combobox with a listbox popup: focus stays in the field; ArrowDown/ArrowUp move the active
 * option (aria-activedescendant), Enter opens it (or, with none active, submits the form to /search/
 * for full text), Escape closes the list and leaves the field as typed (a second Escape clears it).
 * "/" focuses the field (not while typing elsewhere).
 */
import { hitCount, hitFacts, nameSearcher, readNameIndex, type NameHit, type NameIndexWire } from '../../core/name-search.ts';
import { isSlashShortcut } from '../../core/search-shortcut.ts';
import { PATHS, searchHref } from '../../core/urls.ts';

const SHOWN = 8;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>) =>
  Object.assign(document.createElement(tag), props);

type Searcher = ReturnType<typeof nameSearcher>;
let loading: Promise<Searcher> | undefined;
/** The searcher over the name index, fetched once (again after a failure). */
const loadSearcher = (): Promise<Searcher> => {
  loading ??= fetch(PATHS.searchNames)
    .then((r) => {
      if (!r.ok) throw new Error(`${PATHS.searchNames}: HTTP ${r.status}`);
      return r.json() as Promise<NameIndexWire>;
    })
    .then((wire) => nameSearcher(readNameIndex(wire)));
  loading.catch(() => (loading = undefined));
  return loading;
};

const option = (hit: NameHit, id: string): HTMLLIElement => {
  const li = document.createElement('li');
  li.setAttribute('role', 'none');
  const a = document.createElement('a');
  a.id = id;
  a.href = hit.entry.href;
  a.tabIndex = -1;
  a.setAttribute('role', 'option');
  a.setAttribute('aria-selected', 'false');
  const title = document.createElement('span');
  title.className = 'r-title';
  title.textContent = hit.entry.name;
  const facts = document.createElement('span');
  facts.className = 'r-facts';
  facts.textContent = hitFacts(hit);
  a.append(title, facts);
  li.append(a);
  return li;
};

customElements.define(
  'search-box',
  class extends HTMLElement {
    #input!: HTMLInputElement;
    #pop!: HTMLElement;
    #list!: HTMLElement;
    #count!: HTMLElement;
    #status!: HTMLElement;
    #all!: HTMLAnchorElement;
    #active = -1;
    #seq = 0;

    connectedCallback() {
      this.#input = this.querySelector('input')!;
      // The combobox exists only with JS, so its popup is built here rather than shipped in every page.
      this.#pop = el('div', { id: 'site-search-results', className: 'search-pop', hidden: true });
      this.#count = el('p', { className: 'search-count' });
      this.#count.setAttribute('aria-hidden', 'true');
      this.#list = el('ul', { id: 'site-search-list', className: 'search-results name-results' });
      this.#list.setAttribute('role', 'listbox');
      this.#list.setAttribute('aria-label', 'Matching names');
      this.#all = el('a', { href: PATHS.search, textContent: 'All results' });
      const all = el('p', { className: 'search-all' });
      all.append(this.#all);
      this.#pop.append(this.#count, this.#list, all);
      this.#status = el('p', { id: 'site-search-status', className: 'sr-only' });
      this.#status.setAttribute('role', 'status');
      this.append(this.#pop, this.#status);
      for (const [k, v] of Object.entries({
        role: 'combobox',
        'aria-autocomplete': 'list',
        'aria-expanded': 'false',
        'aria-controls': this.#list.id,
      }))
        this.#input.setAttribute(k, v);
      void loadSearcher().catch(() => undefined);
      this.#input.addEventListener('input', () => void this.#run());
      this.#input.addEventListener('focus', () => {
        if (this.#input.value.trim()) void this.#run();
      });
      this.#input.addEventListener('keydown', (e) => this.#key(e));
      // The field may already hold a query (typed before the code arrived, or restored by the browser).
      if (this.#input.value.trim() && document.activeElement === this.#input) void this.#run();
      document.addEventListener('keydown', (e) => {
        if (isSlashShortcut(e, e.target as HTMLElement | null)) {
          e.preventDefault();
          this.#input.focus();
          this.#input.select();
        }
      });
      document.addEventListener('pointerdown', (e) => {
        if (!this.contains(e.target as Node)) this.#close();
      });
      this.addEventListener('focusout', (e) => {
        if (e.relatedTarget && !this.contains(e.relatedTarget as Node)) this.#close();
      });
    }

    #options = () => [...this.#list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];

    #setActive(i: number) {
      const opts = this.#options();
      opts.forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
      this.#active = i;
      if (i >= 0 && opts[i]) {
        this.#input.setAttribute('aria-activedescendant', opts[i].id);
        opts[i].scrollIntoView({ block: 'nearest' });
      } else this.#input.removeAttribute('aria-activedescendant');
    }

    #key(e: KeyboardEvent) {
      const open = !this.#pop.hidden;
      const n = this.#options().length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!open) {
          if (!this.#input.value.trim()) return;
          e.preventDefault();
          void this.#run();
          return;
        }
        if (!n) return;
        e.preventDefault();
        const down = e.key === 'ArrowDown';
        // Wraps round; from no active option, ArrowDown goes to the first and ArrowUp to the last.
        this.#setActive(this.#active < 0 ? (down ? 0 : n - 1) : (this.#active + (down ? 1 : n - 1)) % n);
      } else if (e.key === 'Enter' && open && this.#active >= 0) {
        e.preventDefault();
        this.#options()[this.#active]?.click();
      } else if (e.key === 'Escape') {
        if (open) {
          e.preventDefault();
          this.#close();
        } else if (this.#input.value) {
          e.preventDefault();
          this.#input.value = '';
        }
      }
    }

    #open(open: boolean) {
      this.#pop.hidden = !open;
      this.#input.setAttribute('aria-expanded', String(open));
    }

    #close() {
      if (this.#pop.hidden) return;
      this.#seq++;
      this.#open(false);
      this.#setActive(-1);
    }

    async #run() {
      const q = this.#input.value.trim();
      const seq = ++this.#seq;
      if (!q) {
        this.#close();
        this.#status.textContent = '';
        return;
      }
      let search: Searcher;
      try {
        search = await loadSearcher();
      } catch {
        return; // The form still submits to /search/.
      }
      if (seq !== this.#seq) return;
      const { hits, total } = search(q, SHOWN);
      this.#list.replaceChildren(...hits.map((h, i) => option(h, `site-search-opt-${i}`)));
      this.#active = -1;
      this.#input.removeAttribute('aria-activedescendant');
      const count = hitCount(total, hits.length);
      this.#count.textContent = count;
      this.#status.textContent = total ? `${count}; arrow keys to choose, Enter to open.` : `${count}.`;
      this.#all.href = searchHref(q);
      this.#all.textContent = `All results for “${q}”`;
      this.#open(true);
    }
  },
);
