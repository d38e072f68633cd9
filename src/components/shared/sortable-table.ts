/**
 * <sortable-table>: enhances the tables inside it. Adds a sort button to every header cell
 * (aria-sort on the header), and, when it holds a <form>, filters rows live: a field named
 * `q` matches the row's text, any other field `name` matches the row's `data-name` list of
 * space-separated values (every chosen value must be present). Sort and filters live in the
 * URL (?sort=key&dir=desc&kind=gateway) so that a view can be shared. Without JS the full
 * tables show and the form stays hidden.
 */
import { columnKey, compareValues, sortValue } from '../../core/table-values.ts';

customElements.define(
  'sortable-table',
  class extends HTMLElement {
    tables: HTMLTableElement[] = [];
    form: HTMLFormElement | null = null;
    sort: { key: string; dir: 1 | -1 } | undefined;

    connectedCallback() {
      this.tables = [...this.querySelectorAll('table')];
      for (const table of this.tables) {
        const head = table.tHead?.rows[table.tHead.rows.length - 1];
        for (const th of head?.cells ?? []) {
          if (th.hasAttribute('data-nosort')) continue;
          th.dataset.k ??= columnKey(th.textContent ?? '');
          const button = document.createElement('button');
          button.type = 'button';
          button.append(...th.childNodes);
          button.addEventListener('click', () => {
            const k = th.dataset.k!;
            this.sortBy(k, this.sort?.key === k && this.sort.dir === 1 ? -1 : 1);
            this.writeUrl();
          });
          th.append(button);
        }
      }
      const params = new URLSearchParams(location.search);
      this.form = this.querySelector('form');
      if (this.form) {
        for (const el of this.form.elements as HTMLCollectionOf<HTMLInputElement | HTMLSelectElement>) {
          if (!el.name) continue;
          const wanted = params.getAll(el.name);
          if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = wanted.includes(el.value);
          else if (wanted.length) el.value = wanted[0]!;
        }
        const update = () => {
          this.filter();
          this.writeUrl();
        };
        this.form.addEventListener('input', update);
        this.form.addEventListener('change', update);
        this.form.addEventListener('submit', (e) => {
          e.preventDefault();
          update();
        });
        this.form.addEventListener('reset', () => setTimeout(update));
        this.form.hidden = false;
        this.filter();
      }
      const key = params.get('sort');
      if (key) this.sortBy(key, params.get('dir') === 'desc' ? -1 : 1);
    }

    sortBy(key: string, dir: 1 | -1) {
      this.sort = { key, dir };
      for (const table of this.tables) {
        const head = table.tHead?.rows[table.tHead.rows.length - 1];
        const cells = [...(head?.cells ?? [])];
        const index = cells.findIndex((th) => th.dataset.k === key);
        for (const th of cells) th.removeAttribute('aria-sort');
        if (index < 0) continue;
        cells[index]!.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        for (const body of table.tBodies) {
          const rows = [...body.rows].map((row, i) => {
            const cell = row.cells[index];
            return { row, i, v: cell ? sortValue(cell.textContent ?? '', cell.dataset.v) : '' };
          });
          rows.sort((a, b) => compareValues(a.v, b.v, dir) || a.i - b.i);
          body.append(...rows.map((r) => r.row));
        }
      }
    }

    filter() {
      if (!this.form) return;
      const data = new FormData(this.form);
      const fields = [...new Set(data.keys())].map((name) => ({ name, values: data.getAll(name).map(String).filter(Boolean) })).filter((f) => f.values.length);
      let shown = 0;
      let total = 0;
      for (const table of this.tables) {
        let tableShown = 0;
        for (const body of table.tBodies) {
          for (const row of body.rows) {
            const ok = fields.every(({ name, values }) =>
              name === 'q'
                ? (row.textContent ?? '').toLowerCase().includes(values[0]!.trim().toLowerCase())
                : values.every((v) => (row.dataset[name] ?? '').split(' ').includes(v)),
            );
            row.hidden = !ok;
            if (ok) tableShown++;
            total++;
          }
        }
        shown += tableShown;
        const group = table.closest<HTMLElement>('[data-group]');
        if (group) group.hidden = tableShown === 0;
      }
      const out = this.form.querySelector('output');
      if (out) out.textContent = `Showing ${shown} of ${total}`;
    }

    writeUrl() {
      const url = new URL(location.href);
      if (this.form) {
        const names = new Set([...(this.form.elements as HTMLCollectionOf<HTMLInputElement>)].map((el) => el.name).filter(Boolean));
        for (const name of names) url.searchParams.delete(name);
        for (const [name, value] of new FormData(this.form)) if (value) url.searchParams.append(name, String(value));
      }
      url.searchParams.delete('sort');
      url.searchParams.delete('dir');
      if (this.sort) {
        url.searchParams.set('sort', this.sort.key);
        if (this.sort.dir === -1) url.searchParams.set('dir', 'desc');
      }
      history.replaceState(history.state, '', url);
    }
  },
);
