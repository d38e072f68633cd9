/**
 * <compare-picker>: the interactive /compare/ page. Reads the selection from the URL
 * (`?providers=a,b`, `?offerings=…`, `?models=…`, plus the calculator's workload parameters),
 * loads /compare/index.json once, and renders the same table and charts as the static pages
 * with the same pure functions (src/views/compare/items.ts, view.ts) and the same components: its
 * tables are clones of their <template>s (CompareTemplates.astro) filled with textContent only.
 * The selection lives in the URL (table-state, through items.ts), so a comparison can be shared.
 */
import {
  MAX_ITEMS,
  MIN_ITEMS,
  pickItems,
  parseSelection,
  type CompareItem,
  type CompareKind,
  type ComparePool,
} from '../../views/compare/items.ts';
import { compareEmptyHref, compareSelectionHref, PATHS } from '../../core/urls.ts';
import {
  columnSlots,
  compareCellSlots,
  compareRowSlots,
  compareView,
  perfSlots,
  workloadLabel,
  type CompareView,
} from '../../views/compare/view.ts';
import { cloneRow, type Slots } from '../shared/row-template.ts';
import { decodeWorkload, encodeWorkload, WORKLOAD_PARAMS } from '../../core/workload.ts';
import type { CompareChart } from './compare-chart.ts';
import './compare-chart.ts';

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

const optionLabel = (kind: CompareKind, it: CompareItem) =>
  kind === 'offerings'
    ? `${it.name} — ${it.sub} (${String(it.facts.apiId)})`
    : kind === 'models'
      ? `${it.name} (${it.sub})`
      : it.name;

class ComparePicker extends HTMLElement {
  private pool: ComparePool | undefined;
  private kind: CompareKind = 'providers';
  private ids: string[] = [];

  async connectedCallback() {
    const form = this.querySelector('form')!;
    const sel = parseSelection(location.search);
    if (sel) [this.kind, this.ids] = [sel.kind, sel.ids];
    form.hidden = false;
    (form.querySelector(`input[name=kind][value="${this.kind}"]`) as HTMLInputElement).checked = true;
    form.addEventListener('change', (e) => {
      const t = e.target as HTMLInputElement;
      if (t.name !== 'kind') return;
      this.kind = t.value as CompareKind;
      this.ids = [];
      this.update();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const input = form.querySelector('input[name=q]') as HTMLInputElement;
      this.add(input.value);
      input.value = '';
    });
    this.status(sel ? 'Loading…' : '');
    try {
      const res = await fetch(PATHS.compareIndex);
      this.pool = (await res.json()) as ComparePool;
    } catch {
      this.status('The comparison data could not be loaded.');
      return;
    }
    this.update(false);
  }

  private status(text: string) {
    this.querySelector('[role=status]')!.textContent = text;
  }

  private candidates(): CompareItem[] {
    const items = this.pool?.[this.kind] ?? [];
    if (this.kind !== 'offerings' || !this.ids.length) return items;
    const model = items.find((i) => i.id === this.ids[0])?.model;
    return items.filter((i) => i.model === model);
  }

  private add(text: string) {
    const q = text.trim().toLowerCase();
    if (!q) return;
    const list = this.candidates();
    const hit =
      list.find((i) => optionLabel(this.kind, i).toLowerCase() === q || i.id === q) ??
      list.find((i) => optionLabel(this.kind, i).toLowerCase().includes(q));
    if (!hit) return this.status(`Nothing matches “${text}”.`);
    if (this.ids.includes(hit.id)) return this.status(`${hit.name} is already chosen.`);
    if (this.ids.length >= MAX_ITEMS) return this.status(`Compare at most ${MAX_ITEMS}; remove one first.`);
    this.ids.push(hit.id);
    this.update();
  }

  private update(push = true) {
    if (!this.pool) return;
    const params = new URLSearchParams(location.search);
    const workloadQuery =
      Object.values(WORKLOAD_PARAMS).some((p) => params.has(p)) || params.has('preset')
        ? encodeWorkload(decodeWorkload(params))
        : '';
    const pool = this.pool[this.kind];
    this.ids = this.ids.filter((id) => pool.some((i) => i.id === id));
    if (push)
      history.replaceState(
        null,
        '',
        this.ids.length ? compareSelectionHref(this.kind, this.ids, workloadQuery) : compareEmptyHref(workloadQuery),
      );
    const list = this.querySelector('datalist')!;
    list.replaceChildren(
      ...this.candidates()
        .filter((i) => !this.ids.includes(i.id))
        .map((i) => el('option', { value: optionLabel(this.kind, i) })),
    );
    const chosen = this.querySelector('ul.chosen')!;
    chosen.replaceChildren(
      ...this.ids.map((id) => {
        const it = pool.find((i) => i.id === id)!;
        const b = el('button', { type: 'button', 'aria-label': `Remove ${optionLabel(this.kind, it)}` }, '×');
        b.addEventListener('click', () => {
          this.ids = this.ids.filter((x) => x !== id);
          this.update();
        });
        const li = el('li', {}, `${optionLabel(this.kind, it)} `);
        li.append(b);
        return li;
      }),
    );
    const result = this.querySelector('.result')!;
    const items = pickItems(pool, this.ids, this.kind);
    if (!items) {
      result.replaceChildren();
      this.status(this.ids.length ? `Choose at least ${MIN_ITEMS} to compare.` : '');
      return;
    }
    const workload = decodeWorkload(params);
    const view = compareView(this.kind, items, workload, workloadLabel(workload));
    this.status(`Comparing ${items.length}: ${view.subject}.`);
    result.replaceChildren(...this.render(view, workloadLabel(workload)));
    for (const c of view.charts) void (result.querySelector(`#${c.id}`) as CompareChart).draw(c.spec);
  }

  /** A filled clone of one of the templates (CompareTemplates.astro). */
  private clone<E extends Element>(id: string, values: Slots): E {
    return cloneRow<E>(this.querySelector<HTMLTemplateElement>(`#${id}`)!, values);
  }

  private render(view: CompareView, wl: string): Node[] {
    const out: Node[] = [el('h2', { id: 'result' }, view.subject)];
    if (view.table.kind === 'offerings')
      out.push(el('p', { class: 'muted' }, `Prices in USD per 1M tokens. Monthly cost for ${wl}.`));
    const wrap = this.clone<HTMLElement>('compare-table-template', { caption: view.subject, kind: view.table.kind });
    wrap.querySelector('thead tr')!.append(...view.table.columns.map((c) => this.clone('compare-column', columnSlots(c))));
    wrap.querySelector('tbody')!.append(
      ...view.table.rows.map((r) => {
        const tr = this.clone('compare-row', compareRowSlots(r));
        tr.append(...r.cells.map((c) => this.clone('compare-cell', compareCellSlots(c))));
        return tr;
      }),
    );
    out.push(wrap);
    for (const c of view.charts) {
      if (c.id === 'chart-speed') out.push(...this.perfTable(view));
      const fig = el('figure', { class: 'chart' });
      const chart = el('compare-chart', { id: c.id });
      chart.append(el('canvas', { role: 'img', 'aria-label': c.spec.title, 'aria-describedby': `${c.id}-note` }));
      const cap = el('figcaption', { id: `${c.id}-note`, class: 'muted' }, `${c.caption} The figures are in the `);
      cap.append(
        el('a', { href: c.id.startsWith('chart-speed') || c.id === 'chart-ttft' ? '#perf-table' : '#compare-table' }, 'table'),
        '.',
      );
      fig.append(chart, cap);
      out.push(fig);
    }
    return out;
  }

  private perfTable(view: CompareView): Node[] {
    const wrap = this.clone<HTMLElement>('perf-table-template', { caption: `Performance samples of ${view.subject}` });
    wrap.querySelector('tbody')!.append(...view.samples.map((s) => this.clone('perf-row', perfSlots(s))));
    return [el('h2', { id: 'performance' }, 'Performance samples'), wrap];
  }
}
customElements.define('compare-picker', ComparePicker);
