/**
 * <pricing-explorer data-index data-page-rows>: the /pricing/ island. Loads the compact index
 * (/pricing/index.json), then keeps one state object (workload, filters, sort) in step with the
 * form and the URL: pushState on each meaningful change, replaceState while typing, popstate
 * restores. Every change re-prices the matching offerings with the cost engine (src/core/cost.ts
 * through explorer-rows.ts) and renders the first rows, more on demand. DOM is built with
 * textContent only. Each recalculation is timed as the performance measure "explorer-recalc", its
 * filtering, pricing and sorting alone as "explorer-price" (tools/bench-explorer.ts reads both).
 */
import { validateWorkload, type Workload } from '../../core/cost.ts';
import { unpackIndex, type ExplorerIndex, type ExplorerRow } from '../../views/pricing/index-data.ts';
import { CHART_BARS } from '../../views/pricing/first-view.ts';
import { cheapestBars, rankRows, resultsText, rowCells, type RankedRow, type RowCells } from '../../views/pricing/rows.ts';
import { DEFAULT_STATE, decodeState, encodeState, presetOf, SORT_KEYS, type ExplorerState, type SortKey } from '../../views/pricing/state.ts';
import { formatCount, formatUsd } from '../../core/format.ts';
import { modelHref, PATHS } from '../../core/urls.ts';
import { denoise } from '../../core/price.ts';
import { WORKLOAD_PRESETS, type PresetId } from '../../core/workload.ts';
import type { CostChart } from './cost-chart.ts';

const COUNT_FIELDS = [
  ['req', 'requestsPerMonth'],
  ['in', 'inputTokens'],
  ['out', 'outputTokens'],
] as const;
const SHARE_FIELDS = [
  ['cached', 'cachedInputShare'],
  ['batch', 'batchShare'],
] as const;
const OPTIONAL_FIELDS = [
  ['cw', 'cacheWriteTokens'],
  ['think', 'reasoningTokens'],
  ['img', 'imagesPerRequest'],
  ['audio', 'audioSecondsPerRequest'],
  ['video', 'videoSecondsPerRequest'],
  ['search', 'searchesPerRequest'],
] as const;
const FILTER_SELECTS = ['family', 'org', 'provider', 'kind', 'modality', 'capability', 'region'] as const;
const SORT_LABEL: Record<SortKey, string> = {
  cost: 'monthly cost',
  input: 'input price',
  output: 'output price',
  cache_read: 'cache-read price',
  blended: 'blended price',
  context: 'context window',
  model: 'model name',
  provider: 'provider name',
};
const ANNOUNCE_MS = 500;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** One table row, the same markup as PricingTable.astro renders. */
const rowElement = (c: RowCells): HTMLTableRowElement => {
  const tr = el('tr');
  const th = el('th');
  th.scope = 'row';
  if (c.modelHref) {
    const a = el('a', undefined, c.name);
    a.href = c.modelHref;
    th.append(a);
  } else th.append(c.name);
  if (c.variant) th.append(' ', el('span', 'variant', c.variant));
  if (c.status) th.append(' ', el('span', 'badge warn', c.status));
  const prov = el('td');
  const a = el('a', undefined, c.provider);
  a.href = c.providerHref;
  prov.append(a);
  const cost = el('td', c.cost.known ? 'num cost' : 'num cost na');
  cost.append(el('span', 'figure', c.cost.text), el('span', 'detail', c.cost.detail));
  tr.append(th, prov, cost);
  for (const cell of [c.input, c.output, c.cacheRead, c.blended]) tr.append(el('td', cell.known ? 'num' : 'num na', cell.text));
  tr.append(el('td', 'num', c.context));
  return tr;
};

class PricingExplorer extends HTMLElement {
  #ix!: ExplorerIndex;
  #rows: ExplorerRow[] = [];
  #state: ExplorerState = DEFAULT_STATE;
  #ranked: RankedRow[] = [];
  #hiddenOld = 0;
  #shown = 0;
  #pageRows = 100;
  #typing = false;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #form!: HTMLFormElement;

  async connectedCallback() {
    this.#pageRows = Number(this.dataset.pageRows) || 100;
    const note = this.querySelector<HTMLElement>('#explorer-note');
    try {
      const res = await fetch(this.dataset.index ?? PATHS.pricingIndex);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      this.#ix = (await res.json()) as ExplorerIndex;
    } catch {
      if (note) note.textContent = `${note.textContent ?? ''} The price index could not be loaded; reload the page to try again.`;
      return;
    }
    this.#rows = unpackIndex(this.#ix);
    this.#form = this.querySelector<HTMLFormElement>('#explorer-form')!;
    const list = this.querySelector('#explorer-models');
    list?.replaceChildren(
      ...this.#ix.models.map(([id, name]) => {
        const o = el('option');
        o.value = id;
        o.label = name;
        return o;
      }),
    );
    this.#state = decodeState(location.search);
    this.#writeForm();
    this.#form.hidden = false;
    note?.remove();
    for (const b of this.querySelectorAll<HTMLButtonElement>('th button[data-sort]')) {
      b.disabled = false;
      b.addEventListener('click', () => this.#sortBy(b.dataset.sort as SortKey));
    }
    // Enter in a field, or the Update button: the view is already live; this ends the edit.
    this.#form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#typing = false;
      this.#state = this.#readState();
      this.#update('replace');
    });
    this.#form.addEventListener('input', (e) => this.#onInput(e));
    this.#form.addEventListener('change', (e) => this.#onChange(e));
    this.#form.addEventListener('reset', (e) => {
      e.preventDefault();
      this.#state = { ...DEFAULT_STATE, filters: {} };
      this.#writeForm();
      this.#update('push');
    });
    const more = this.querySelector<HTMLButtonElement>('#explorer-more')!;
    more.addEventListener('click', () => this.#renderRows(this.#shown + this.#pageRows));
    window.addEventListener('popstate', () => {
      this.#state = decodeState(location.search);
      this.#typing = false;
      this.#writeForm();
      this.#recalculate();
    });
    this.#recalculate();
    this.dataset.ready = '';
    this.dispatchEvent(new Event('explorer-ready'));
  }

  #field(name: string) {
    return this.#form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  }

  /** The form's workload; blank optional fields are left out so that presets match exactly. */
  #readWorkload(): Workload {
    const num = (name: string) => {
      const v = this.#field(name)?.value.trim() ?? '';
      return v === '' ? undefined : Number(v);
    };
    const w = {} as Workload;
    for (const [name, key] of COUNT_FIELDS) w[key] = num(name) ?? 0;
    for (const [name, key] of SHARE_FIELDS) w[key] = denoise((num(name) ?? 0) / 100);
    for (const [name, key] of OPTIONAL_FIELDS) {
      const v = num(name);
      if (v !== undefined && v !== 0) w[key] = v;
    }
    if (w.cacheWriteTokens !== undefined) w.cacheTtl = this.#field('ttl')?.value === '1h' ? '1h' : '5m';
    return w;
  }

  #readState(): ExplorerState {
    const value = (name: string) => this.#field(name)?.value.trim() || undefined;
    const ctx = Number(value('ctx'));
    const old = this.#field('old') as HTMLInputElement | null;
    return {
      workload: this.#readWorkload(),
      filters: {
        model: value('model'),
        ...Object.fromEntries(FILTER_SELECTS.map((f) => [f, value(f)])),
        minContext: ctx > 0 ? ctx : undefined,
        includeOld: old?.checked || undefined,
      },
      sort: this.#state.sort,
      dir: this.#state.dir,
    };
  }

  #writeWorkload(w: Workload) {
    const set = (name: string, v: number | undefined) => {
      const f = this.#field(name);
      if (f) f.value = v === undefined ? '' : String(v);
    };
    for (const [name, key] of COUNT_FIELDS) set(name, w[key]);
    for (const [name, key] of SHARE_FIELDS) set(name, denoise(w[key] * 100));
    for (const [name, key] of OPTIONAL_FIELDS) set(name, w[key]);
    const ttl = this.#field('ttl');
    if (ttl) ttl.value = w.cacheTtl ?? '5m';
    this.#showPreset(w);
  }

  #showPreset(w: Workload) {
    const preset = presetOf(w);
    const select = this.#field('preset');
    if (select) select.value = preset ?? '';
    const desc = this.querySelector('#explorer-preset-description');
    if (desc) desc.textContent = preset ? WORKLOAD_PRESETS[preset].description : 'Your own numbers: every offering is priced for them.';
  }

  #writeForm() {
    const s = this.#state;
    this.#writeWorkload(s.workload);
    const set = (name: string, v: string | undefined) => {
      const f = this.#field(name);
      if (!f) return;
      f.value = v ?? '';
      // An id from the URL that the select does not list: keep it, so the (empty) view is honest.
      if (f instanceof HTMLSelectElement && v && f.value !== v) {
        f.append(new Option(v, v));
        f.value = v;
      }
    };
    set('model', s.filters.model);
    for (const f of FILTER_SELECTS) set(f, s.filters[f]);
    set('ctx', s.filters.minContext ? String(s.filters.minContext) : undefined);
    const old = this.#field('old') as HTMLInputElement | null;
    if (old) old.checked = s.filters.includeOld === true;
  }

  #onInput(e: Event) {
    const t = e.target as HTMLInputElement;
    if (t.tagName !== 'INPUT' || (t.type !== 'number' && t.type !== 'search')) return;
    this.#state = this.#readState();
    if (t.type === 'number') this.#showPreset(this.#state.workload);
    // One history entry per edit: the first keystroke pushes, the next ones replace it.
    this.#update(this.#typing ? 'replace' : 'push');
    this.#typing = true;
  }

  #onChange(e: Event) {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    if (t.tagName === 'INPUT' && t.type !== 'checkbox') {
      this.#typing = false;
      return;
    }
    this.#typing = false;
    if (t.name === 'preset') {
      if (t.value === '') {
        // Nothing changes until a number does; the fields are the custom numbers.
        const desc = this.querySelector('#explorer-preset-description');
        if (desc) desc.textContent = 'Your own numbers: edit the fields, and every offering is priced for them.';
        return;
      }
      this.#writeWorkload(WORKLOAD_PRESETS[t.value as PresetId].workload);
    }
    this.#state = this.#readState();
    this.#update('push');
  }

  #sortBy(key: SortKey) {
    if (!SORT_KEYS.includes(key)) return;
    const dir = this.#state.sort === key && this.#state.dir === 'asc' ? 'desc' : 'asc';
    this.#state = { ...this.#state, sort: key, dir };
    this.#typing = false;
    this.#update('push');
  }

  #update(mode: 'push' | 'replace') {
    const q = encodeState(this.#state);
    const url = `${location.pathname}${q ? `?${q}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    this.#recalculate();
  }

  #recalculate() {
    performance.mark('explorer-recalc-start');
    const { ranked, hiddenOld } = rankRows(this.#ix, this.#rows, this.#state);
    performance.measure('explorer-price', 'explorer-recalc-start');
    this.#ranked = ranked;
    this.#hiddenOld = hiddenOld;
    this.#renderRows(this.#pageRows, true);
    this.#renderHeader();
    const errors = validateWorkload(this.#state.workload);
    const box = this.querySelector<HTMLElement>('#explorer-errors');
    if (box) {
      box.hidden = errors.length === 0;
      box.textContent = errors.length ? `Check the workload: ${errors.join('; ')}.` : '';
    }
    const chart = this.querySelector<CostChart>('cost-chart');
    chart?.setBars?.(cheapestBars(ranked, this.#ix, CHART_BARS).map((b) => ({ ...b, text: formatUsd(b.usd) })));
    performance.measure('explorer-recalc', 'explorer-recalc-start');
  }

  #renderRows(upTo: number, replace = false) {
    const body = this.querySelector('#explorer-rows')!;
    const from = replace ? 0 : this.#shown;
    const to = Math.min(upTo, this.#ranked.length);
    const frag = document.createDocumentFragment();
    for (let i = from; i < to; i++) frag.append(rowElement(rowCells(this.#ranked[i]!, this.#ix, modelHref)));
    if (replace) body.replaceChildren(frag);
    else body.append(frag);
    this.#shown = to;
    const more = this.querySelector<HTMLButtonElement>('#explorer-more')!;
    const left = this.#ranked.length - to;
    more.hidden = left <= 0;
    more.textContent = `Show ${Math.min(left, this.#pageRows)} more (${formatCount(left)} not shown)`;
    this.#announce();
  }

  #renderHeader() {
    const { sort, dir, workload } = this.#state;
    for (const th of this.querySelectorAll<HTMLElement>('#explorer-table thead th')) {
      const key = th.querySelector<HTMLButtonElement>('button')?.dataset.sort;
      if (key === sort) th.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    const preset = presetOf(workload);
    const caption = this.querySelector('#explorer-caption');
    if (caption) {
      caption.textContent = `Offerings sorted by ${SORT_LABEL[sort]}${dir === 'desc' ? ', highest first' : ''}, with the monthly cost of ${preset ? `the “${WORKLOAD_PRESETS[preset].label}” workload` : 'your workload'} (USD; prices per 1M tokens)`;
    }
  }

  /** The results line, announced politely once the user pauses. */
  #announce() {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const out = this.querySelector('#explorer-results');
      if (out) out.textContent = resultsText(this.#ranked.length, this.#hiddenOld, this.#shown);
    }, ANNOUNCE_MS);
  }
}

customElements.define('pricing-explorer', PricingExplorer);
