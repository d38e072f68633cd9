/**
 * <sortable-table>: enhances the tables inside it. Adds a sort button to every header cell
 * (aria-sort on the header), and, when it holds a <form>, filters rows live: a field named
 * `q` matches the row's text, any other field `name` matches the row's `data-name` list of
 * space-separated values (every chosen value must be present). Sort and filters live in the
 * URL (?sort=key&dir=desc&kind=gateway) through the table-state engine (src/core/table-state.ts),
 * so that a view can be shared; the rows are the server's, only hidden and reordered here.
 * Without JS the full tables show and the form stays hidden.
 */
import {
  allOf,
  applyInput,
  hasAll,
  hasText,
  listParam,
  readState,
  sortParam,
  sortRows,
  textParam,
  toggleSort,
  ariaSort,
  writeState,
  type Param,
  type Sort,
} from '../../core/table-state.ts';
import { columnKey, sortValue } from '../../core/table-values.ts';

type Filters = Record<string, string | string[]>;
type Controls = HTMLCollectionOf<HTMLInputElement | HTMLSelectElement>;

const headCells = (table: HTMLTableElement) => [...(table.tHead?.rows[table.tHead.rows.length - 1]?.cells ?? [])];

customElements.define(
  'sortable-table',
  class extends HTMLElement {
    tables: HTMLTableElement[] = [];
    form: HTMLFormElement | null = null;
    /** The filters' URL form, one parameter per named control of the form. */
    schema: Record<string, Param<string | string[]>> = {};
    filters: Filters = {};
    sortSchema = { sort: sortParam<string>(undefined) };
    sort: Sort | undefined;

    connectedCallback() {
      this.tables = [...this.querySelectorAll('table')];
      for (const table of this.tables) {
        for (const th of headCells(table)) {
          if (th.hasAttribute('data-nosort')) continue;
          th.dataset.k ??= columnKey(th.textContent ?? '');
          const button = document.createElement('button');
          button.type = 'button';
          button.append(...th.childNodes);
          button.addEventListener('click', () => {
            this.sortBy(toggleSort(this.sort, th.dataset.k!));
            this.writeUrl();
          });
          th.append(button);
        }
      }
      this.form = this.querySelector('form');
      if (this.form) {
        for (const el of this.form.elements as Controls) {
          if (!el.name || this.schema[el.name]) continue;
          const list = el instanceof HTMLInputElement && el.type === 'checkbox';
          this.schema[el.name] = (list ? listParam(el.name, { sorted: true }) : textParam(el.name)) as Param<string | string[]>;
        }
        this.filters = readState(this.schema, location.search);
        this.writeForm();
        this.form.addEventListener('input', (e) => {
          const t = e.target as HTMLInputElement | HTMLSelectElement;
          this.filters = applyInput(
            this.schema,
            this.filters,
            t.name,
            t.value,
            t instanceof HTMLInputElement ? t.checked : undefined,
          );
          this.filter();
          this.writeUrl();
        });
        this.form.addEventListener('submit', (e) => e.preventDefault());
        this.form.addEventListener('reset', (e) => {
          e.preventDefault();
          this.filters = readState(this.schema, '');
          this.writeForm();
          this.filter();
          this.writeUrl();
        });
        this.form.hidden = false;
        this.filter();
      }
      const { sort } = readState(this.sortSchema, location.search);
      if (sort) this.sortBy(sort);
    }

    writeForm() {
      for (const el of this.form!.elements as Controls) {
        const v = this.filters[el.name];
        if (v === undefined) continue;
        if (Array.isArray(v)) (el as HTMLInputElement).checked = v.includes(el.value);
        else el.value = v;
      }
    }

    sortBy(sort: Sort) {
      this.sort = sort;
      for (const table of this.tables) {
        const cells = headCells(table);
        const index = cells.findIndex((th) => th.dataset.k === sort.key);
        for (const th of cells) {
          const aria = ariaSort(sort, th.dataset.k);
          if (aria) th.setAttribute('aria-sort', aria);
          else th.removeAttribute('aria-sort');
        }
        if (index < 0) continue;
        for (const body of table.tBodies) {
          const value = (row: HTMLTableRowElement) => {
            const cell = row.cells[index];
            return cell ? sortValue(cell.textContent ?? '', cell.dataset.v) : undefined;
          };
          body.append(...sortRows([...body.rows], value, sort.dir));
        }
      }
    }

    filter() {
      if (!this.form) return;
      const test = allOf(
        Object.entries(this.filters).flatMap(([name, v]) => {
          const want = (Array.isArray(v) ? v : [v]).filter(Boolean);
          if (!want.length) return [];
          if (name === 'q') return [(row: HTMLTableRowElement) => hasText(row.textContent ?? '', want[0]!)];
          return [(row: HTMLTableRowElement) => hasAll((row.dataset[name] ?? '').split(' '), want)];
        }),
      );
      let shown = 0;
      let total = 0;
      for (const table of this.tables) {
        let tableShown = 0;
        for (const body of table.tBodies) {
          for (const row of body.rows) {
            const ok = test(row);
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
      writeState(this.schema, this.filters, url.searchParams);
      writeState(this.sortSchema, { sort: this.sort }, url.searchParams);
      history.replaceState(history.state, '', url);
    }
  },
);
