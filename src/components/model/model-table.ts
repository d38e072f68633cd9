/**
 * <model-table>: filters, sorting and "show more" over the whole /models/ index (data-index),
 * the state kept in the URL. The server renders one page of rows with links to the others;
 * once the index is loaded this island draws the rows itself, each a clone of the <template>
 * of ModelRow.astro filled with its slots. The state lives here: the form only reports edits.
 * Without the script the paged table stays as it is.
 */
import {
  compileQuery,
  DEFAULT_QUERY,
  nextSort,
  parseQuery,
  sortEntries,
  toSearch,
  withInput,
  type IndexEntry,
  type ModelQuery,
  type SortKey,
} from '../../views/model/filter.ts';
import { indexRowSlots, MODELS_PAGE_SIZE } from '../../views/model/row.ts';
import { ariaSort } from '../../core/table-state.ts';
import { cloneRow } from '../shared/row-template.ts';

/** Shows `q` in the form. */
const writeForm = (form: HTMLFormElement, q: ModelQuery) => {
  const set = (name: string, value: string) =>
    ((form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value = value);
  set('q', q.q);
  set('creator', q.creator);
  set('family', q.family);
  set('status', q.status);
  set('open', q.open);
  set('min_context', String(q.minContext));
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
    box.checked = (box.name === 'modality' ? q.modality : (q.capability as string[])).includes(box.value);
};

class ModelTable extends HTMLElement {
  private all: IndexEntry[] = [];
  private rows = new Map<string, HTMLTableRowElement>();
  private query: ModelQuery = DEFAULT_QUERY;
  private limit = MODELS_PAGE_SIZE;

  async connectedCallback() {
    const form = this.querySelector('form')!;
    const res = await fetch(this.dataset.index!);
    if (!res.ok) return;
    this.all = (await res.json()) as IndexEntry[];
    for (const th of this.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]')) {
      const button = document.createElement('button');
      button.type = 'button';
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener('click', () => this.apply({ ...this.query, ...nextSort(this.query, th.dataset.sort as SortKey) }));
    }
    this.query = parseQuery(location.search);
    writeForm(form, this.query);
    const edit = (e: Event) => {
      const t = e.target as HTMLInputElement | HTMLSelectElement;
      if (!t.name) return;
      this.apply(withInput(this.query, t.name, t.value, t instanceof HTMLInputElement ? t.checked : undefined));
    };
    form.addEventListener('input', edit);
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('reset', (e) => {
      e.preventDefault();
      writeForm(form, DEFAULT_QUERY);
      this.apply({ ...DEFAULT_QUERY, sort: this.query.sort, dir: this.query.dir });
    });
    this.querySelector('.more')!.addEventListener('click', () => {
      this.limit += MODELS_PAGE_SIZE;
      this.render();
    });
    addEventListener('popstate', () => {
      this.query = parseQuery(location.search);
      writeForm(form, this.query);
      this.render();
    });
    form.hidden = false;
    // A later server page without filters in the URL stays as served until the first change.
    if (this.dataset.page === '1' || location.search) this.render();
    this.dataset.ready = '';
  }

  private apply(q: ModelQuery) {
    this.query = q;
    this.limit = MODELS_PAGE_SIZE;
    const url = location.pathname + toSearch(q);
    if (url !== location.pathname + location.search) history.replaceState(null, '', url);
    this.render();
  }

  private render() {
    const q = this.query;
    const matching = sortEntries(this.all.filter(compileQuery(q)), q.sort, q.dir);
    const shown = matching.slice(0, this.limit);
    const template = this.querySelector('template')!;
    this.querySelector('tbody')!.replaceChildren(
      ...shown.map((e) => {
        let tr = this.rows.get(e.id);
        if (!tr) this.rows.set(e.id, (tr = cloneRow(template, indexRowSlots(e))));
        return tr;
      }),
    );
    for (const th of this.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]')) {
      const aria = ariaSort({ key: q.sort, dir: q.dir }, th.dataset.sort);
      if (aria) th.setAttribute('aria-sort', aria);
      else th.removeAttribute('aria-sort');
    }
    this.querySelector('.count')!.textContent =
      `Showing ${shown.length} of ${matching.length} matching models (${this.all.length} in all).`;
    this.querySelector<HTMLElement>('.empty')!.hidden = matching.length > 0;
    const more = this.querySelector<HTMLButtonElement>('.more')!;
    more.hidden = matching.length <= shown.length;
    more.textContent = `Show ${Math.min(MODELS_PAGE_SIZE, matching.length - shown.length)} more`;
    const pages = this.querySelector<HTMLElement>('.pages');
    if (pages) pages.hidden = true;
  }
}

customElements.define('model-table', ModelTable);
