/**
 * <compare-picker>: the interactive /compare/ page. Reads the selection from the URL
 * (`?providers=a,b`, `?offerings=…`, `?models=…`, plus the calculator's workload parameters),
 * loads the picker's index /compare/index.json (ids and names only), fetches the details of each
 * picked provider or model (with the model's offerings) from its own file (itemPath), and renders the same table and charts as the static pages
 * with the same pure functions (src/views/compare/items.ts, view.ts) and the same components: its
 * tables are clones of their <template>s (CompareTemplates.astro) filled with textContent only, its
 * charts are drawn as the static pages draw them (chart-figure.ts).
 * The selection lives in the URL (table-state, through items.ts), so a comparison can be shared.
 */
import {
  MAX_ITEMS,
  MIN_ITEMS,
  pickItems,
  parseSelection,
  itemPath,
  type CompareItem,
  type CompareKind,
  type ModelDetail,
  type PickerIndex,
  type ProviderDetail,
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
import { el } from '../shared/dom.ts';
import { decodeWorkload, encodeWorkload, WORKLOAD_PARAMS } from '../../core/workload.ts';
import { chartFigure } from './chart-figure.ts';
import { getJson, offeringLabel, pickerChoices, type Choice } from './picker-data.ts';

class ComparePicker extends HTMLElement {
  private index: PickerIndex | undefined;
  private kind: CompareKind = 'providers';
  private ids: string[] = [];
  /** Offerings: the model whose offerings are compared (picked first, or that of the URL's offerings). */
  private model: string | undefined;
  /** Fetched details: providers and models by id, and each fetched model's comparable offerings. */
  private items = new Map<string, CompareItem>();
  private offeringsOf = new Map<string, CompareItem[]>();
  private loads = new Map<string, Promise<unknown>>();
  /** Counts updates, so that a slow fetch does not draw over a newer choice. */
  private version = 0;

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
      this.model = undefined;
      void this.update();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const input = form.querySelector('input[name=q]') as HTMLInputElement;
      void this.add(input.value);
      input.value = '';
    });
    // The picker's index is fetched for a shared selection at once, else at the first use of the form.
    if (sel) await this.loadIndex();
    else
      for (const type of ['focusin', 'pointerdown'] as const)
        form.addEventListener(type, () => void this.loadIndex(), { once: true });
  }

  private indexLoad: Promise<void> | undefined;
  private loadIndex(): Promise<void> {
    this.indexLoad ??= (async () => {
      this.status('Loading…');
      try {
        this.index = await getJson<PickerIndex>(PATHS.compareIndex);
      } catch {
        return this.status('The comparison data could not be loaded.');
      }
      this.status('');
      await this.update(false);
    })();
    return this.indexLoad;
  }

  private status(text: string) {
    this.querySelector('[role=status]')!.textContent = text;
  }

  /** What the user can add now: providers, models, or (offerings) first a model, then its offerings. */
  private candidates(): Choice[] {
    return this.index
      ? pickerChoices(this.index, this.kind, this.model ? (this.offeringsOf.get(this.model) ?? []) : undefined)
      : [];
  }

  private label(id: string): string {
    const it = this.items.get(`${this.kind}:${id}`);
    if (it) return this.kind === 'offerings' ? offeringLabel(it) : this.kind === 'models' ? `${it.name} (${it.sub})` : it.name;
    return this.candidates().find((c) => c.id === id)?.label ?? id;
  }

  private async add(text: string) {
    const q = text.trim().toLowerCase();
    if (!q) return;
    await this.loadIndex();
    const list = this.candidates();
    const hit =
      list.find((i) => i.label.toLowerCase() === q || i.id === q) ?? list.find((i) => i.label.toLowerCase().includes(q));
    if (!hit) return this.status(`Nothing matches “${text}”.`);
    if (this.kind === 'offerings' && !this.model) {
      // The first pick of an offerings comparison is the model; its offerings are listed next.
      this.model = hit.id;
      await this.update();
      return;
    }
    if (this.ids.includes(hit.id)) return this.status(`${hit.label} is already chosen.`);
    if (this.ids.length >= MAX_ITEMS) return this.status(`Compare at most ${MAX_ITEMS}; remove one first.`);
    this.ids.push(hit.id);
    await this.update();
  }

  /** Fetches a file once (concurrent callers share the request). */
  private load<T>(url: string): Promise<T> {
    if (!this.loads.has(url)) this.loads.set(url, getJson<T>(url));
    return this.loads.get(url) as Promise<T>;
  }

  private async loadModel(id: string): Promise<ModelDetail | undefined> {
    if (!this.index?.models.some((m) => m[0] === id)) return undefined;
    const d = await this.load<ModelDetail>(itemPath('models', id));
    this.items.set(`models:${id}`, d.item);
    this.offeringsOf.set(id, d.offerings);
    for (const o of d.offerings) this.items.set(`offerings:${o.id}`, o);
    return d;
  }

  /** The model of an offering id: usually the id without its provider, else as its provider's file says. */
  private async modelOfOffering(id: string): Promise<string | undefined> {
    const guess = id.slice(id.indexOf('/') + 1);
    if ((await this.loadModel(guess))?.offerings.some((o) => o.id === id)) return guess;
    const provider = id.split('/')[0]!;
    if (!this.index?.providers.some(([p]) => p === provider)) return undefined;
    return (await this.load<ProviderDetail>(itemPath('providers', provider))).offerings[id];
  }

  /** Fetches the details of the chosen items (and of the model whose offerings are compared). */
  private async fetchDetails() {
    if (this.kind === 'providers')
      await Promise.all(
        this.ids
          .filter((id) => this.index!.providers.some(([p]) => p === id))
          .map(async (id) =>
            this.items.set(`providers:${id}`, (await this.load<ProviderDetail>(itemPath('providers', id))).item),
          ),
      );
    else if (this.kind === 'models') await Promise.all(this.ids.map((id) => this.loadModel(id)));
    else {
      if (!this.model && this.ids.length) this.model = await this.modelOfOffering(this.ids[0]!);
      if (this.model) await this.loadModel(this.model);
    }
  }

  private async update(push = true) {
    if (!this.index) return;
    const version = ++this.version;
    try {
      await this.fetchDetails();
    } catch {
      this.status('The comparison data could not be loaded.');
      return;
    }
    if (version !== this.version) return;
    const params = new URLSearchParams(location.search);
    const workloadQuery =
      Object.values(WORKLOAD_PARAMS).some((p) => params.has(p)) || params.has('preset')
        ? encodeWorkload(decodeWorkload(params))
        : '';
    const pool = this.ids.map((id) => this.items.get(`${this.kind}:${id}`)).filter((i): i is CompareItem => i !== undefined);
    this.ids = this.ids.filter((id) => pool.some((i) => i.id === id && (this.kind !== 'offerings' || i.model === this.model)));
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
        .map((i) => el('option', { value: i.label })),
    );
    const chosen = this.querySelector('ul.chosen')!;
    const chips = this.ids.map((id) => {
      const label = this.label(id);
      const b = el('button', { type: 'button', 'aria-label': `Remove ${label}` }, '×');
      b.addEventListener('click', () => {
        this.ids = this.ids.filter((x) => x !== id);
        void this.update();
      });
      const li = el('li', {}, `${label} `);
      li.append(b);
      return li;
    });
    if (this.kind === 'offerings' && this.model) {
      // The model of the offerings: removing it starts the offerings comparison again.
      const name = this.items.get(`models:${this.model}`)?.name ?? this.model;
      const b = el('button', { type: 'button', 'aria-label': `Remove ${name} and its offerings` }, '×');
      b.addEventListener('click', () => {
        this.ids = [];
        this.model = undefined;
        void this.update();
      });
      const li = el('li', {}, `Model: ${name} `);
      li.append(b);
      chips.unshift(li);
    }
    chosen.replaceChildren(...chips);
    const result = this.querySelector('.result')!;
    const items = pickItems(pool, this.ids, this.kind);
    if (!items) {
      result.replaceChildren();
      this.status(
        this.kind === 'offerings' && this.model && !this.ids.length
          ? `Add ${MIN_ITEMS} to ${MAX_ITEMS} offerings of ${this.items.get(`models:${this.model}`)?.name ?? this.model}.`
          : this.ids.length
            ? `Choose at least ${MIN_ITEMS} to compare.`
            : '',
      );
      return;
    }
    const workload = decodeWorkload(params);
    const view = compareView(this.kind, items, workload, workloadLabel(workload));
    this.status(`Comparing ${items.length}: ${view.subject}.`);
    result.replaceChildren(...this.render(view, workloadLabel(workload)));
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
      out.push(chartFigure(c, this.querySelector<HTMLTemplateElement>('#svg-chart-template')!));
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
