/**
 * <pricing-explorer data-index data-page-rows data-more>: the /pricing/ island. On the default
 * view (no query) the build rendered everything shown at load, so the compact index
 * (/pricing/index.json) is downloaded only when the browser is idle or the user starts to use the
 * form, then parsed and unpacked in steps (yielding to the browser between them); with a query
 * it is loaded at once. It keeps one state object (workload, filters, sort) here: it writes it
 * to the form (explorer-form.ts) and the URL (views/pricing/state.ts, through the table-state
 * engine), and changes it only from user edits (input events), header clicks and history
 * (pushState on each meaningful change, replaceState while typing, popstate restores). Every
 * change re-prices the matching offerings with the cost engine (src/core/cost.ts through
 * views/pricing/rows.ts) and draws the first rows from the row template (explorer-table.ts),
 * more on demand. Each recalculation is timed as the performance measure "explorer-recalc", its
 * filtering, pricing and sorting alone as "explorer-price" (tools/bench-explorer.ts reads both).
 */
import { validateWorkload } from '../../core/cost.ts';
import type { ExplorerIndex, ExplorerRow } from '../../views/pricing/index-data.ts';
import { loadIndex, yieldToMain } from './explorer-load.ts';
import { CHART_BARS } from '../../views/pricing/first-view.ts';
import {
  cheapestBars,
  exactModelHint,
  groupHeadings,
  modelSuggestions,
  rankRows,
  resultsText,
  type RankedRow,
} from '../../views/pricing/rows.ts';
import { notices, type Hidden, type Notice } from '../../views/pricing/filters.ts';
import {
  DEFAULT_STATE,
  decodeState,
  encodeState,
  SORT_KEYS,
  withInput,
  type ExplorerState,
  type SortKey,
} from '../../views/pricing/state.ts';
import { formatCount, formatUsd } from '../../core/format.ts';
import { PATHS } from '../../core/urls.ts';
import { toggleSort } from '../../core/table-state.ts';
import { monthlyErrors, VOLUME_PARAM, WORKLOAD_PRESETS, type PresetId } from '../../core/workload.ts';
import { CUSTOM_EDIT_NOTE, showPreset, writeForm, writeWorkload } from './explorer-form.ts';
import { drawHeader, drawRows, noticeNodes, suggestOnFocus } from './explorer-table.ts';
import type { CostChart } from './cost-chart.ts';

const ANNOUNCE_MS = 500;

class PricingExplorer extends HTMLElement {
  #ix!: ExplorerIndex;
  #rows: ExplorerRow[] = [];
  #state: ExplorerState = DEFAULT_STATE;
  #ranked: RankedRow[] = [];
  #hiddenOld = 0;
  #hiddenPlace = 0;
  #notices: Notice[] = [];
  #hiddenFree = 0;
  #headings: string[] = [];
  #shown = 0;
  #pageRows = 100;
  #typing = false;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #form!: HTMLFormElement;
  #description: Element | null = null;

  async connectedCallback() {
    await yieldToMain(); // the page's first style and layout run on their own, before the form is filled in
    this.#pageRows = Number(this.dataset.pageRows) || 100;
    this.#form = this.querySelector<HTMLFormElement>('#explorer-form')!;
    this.#description = this.querySelector('#explorer-preset-description');
    this.#state = decodeState(location.search);
    writeForm(this.#form, this.#description, this.#state);
    this.#form.hidden = false;
    this.querySelector<HTMLElement>('#explorer-note')?.remove();
    for (const b of this.querySelectorAll<HTMLButtonElement>('th button[data-sort]')) {
      b.disabled = false;
      b.addEventListener('click', () => this.#sortBy(b.dataset.sort as SortKey));
    }
    // Enter in a field, or the Update button: the view is already live; this ends the edit.
    this.#form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#typing = false;
      this.#update('replace');
    });
    this.#form.addEventListener('input', (e) => this.#onInput(e));
    this.#form.addEventListener('change', (e) => this.#onChange(e));
    this.#form.addEventListener('reset', (e) => {
      e.preventDefault();
      this.#state = { ...DEFAULT_STATE, filters: {} };
      writeForm(this.#form, this.#description, this.#state);
      this.#update('push');
    });
    this.querySelector('#explorer-notices')?.addEventListener('click', (e) => {
      const action = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]')?.dataset.action;
      if (action) this.#undo(action as NonNullable<Notice['action']>);
    });
    const more = this.querySelector<HTMLButtonElement>('#explorer-more')!;
    more.addEventListener('click', async () => {
      if (!(await this.#ready())) return;
      // The default view's rows came from the build: rank once before adding to them.
      if (!this.#ranked.length) this.#recalculate();
      this.#renderRows(this.#shown + this.#pageRows);
    });
    window.addEventListener('popstate', () => {
      this.#state = decodeState(location.search);
      this.#typing = false;
      writeForm(this.#form, this.#description, this.#state);
      this.#recalculate();
    });
    // Any sign of use starts the index download and unpacking (the model suggestions need it).
    for (const type of ['focusin', 'pointerdown'] as const) this.addEventListener(type, () => void this.#ready(), { once: true });
    if (encodeState(this.#state) === '') {
      // The default view: the build rendered its rows, chart, results line and notices, so the
      // page needs no index at load. The index is downloaded when the browser is idle (or at first
      // use) and unpacked in steps that each leave the main thread free.
      this.#shown = Math.min(this.#pageRows, this.querySelectorAll('#explorer-rows tr:not(.group)').length);
      more.hidden = !this.dataset.more;
      const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
      idle(() => void this.#ready(), { timeout: 4000 });
      this.#markReady();
      return;
    }
    if (await this.#ready()) this.#recalculate();
    this.#markReady();
  }

  #markReady() {
    this.dataset.ready = '';
  }

  #loading: Promise<boolean> | undefined;
  /** The index, downloaded, parsed and unpacked once, yielding to the browser between steps; false if it failed. */
  #ready(): Promise<boolean> {
    this.#loading ??= (async () => {
      const note = this.querySelector<HTMLElement>('#explorer-results');
      try {
        [this.#ix, this.#rows] = await loadIndex(this.dataset.index ?? PATHS.pricingIndex);
      } catch {
        if (note) note.textContent = 'The price index could not be loaded; reload the page to try again.';
        return false;
      }
      suggestOnFocus(this, modelSuggestions(this.#ix));
      if (this.#pending) {
        this.#pending = false;
        await yieldToMain();
        this.#recalculate();
      }
      return true;
    })();
    return this.#loading;
  }
  /** A recalculation was asked for before the index was there. */
  #pending = false;

  /** Typing in a number or search field: the state follows each keystroke. */
  #onInput(e: Event) {
    const t = e.target as HTMLInputElement;
    if (t.tagName !== 'INPUT' || (t.type !== 'number' && t.type !== 'search')) return;
    this.#state = withInput(this.#state, t.name, t.value);
    if (t.type === 'number') showPreset(this.#form, this.#description, this.#state.workload);
    // One history entry per edit: the first keystroke pushes, the next ones replace it.
    this.#update(this.#typing ? 'replace' : 'push');
    this.#typing = true;
  }

  /** A choice (select or checkbox) changes the state at once; a text field's change ends its edit. */
  #onChange(e: Event) {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    this.#typing = false;
    if (t instanceof HTMLInputElement && t.type !== 'checkbox') return;
    if (t.name === 'preset') {
      if (t.value === '') {
        // Nothing changes until a number does; the fields are the custom numbers.
        if (this.#description) this.#description.textContent = CUSTOM_EDIT_NOTE;
        return;
      }
      const preset: { workload: ExplorerState['workload']; type?: ExplorerState['filters']['type'] } =
        WORKLOAD_PRESETS[t.value as PresetId];
      this.#state = {
        ...this.#state,
        workload: preset.workload,
        monthly: undefined,
        filters: { ...this.#state.filters, type: preset.type },
      };
      writeForm(this.#form, this.#description, this.#state);
    } else {
      this.#state = withInput(this.#state, t.name, t.value, t instanceof HTMLInputElement ? t.checked : undefined);
      if (t.name === VOLUME_PARAM) writeWorkload(this.#form, this.#description, this.#state.workload, this.#state.monthly);
    }
    this.#update('push');
  }

  /** A notice's button: shows what a filter hides, or clears the filters (the workload and its type stay). */
  #undo(action: NonNullable<Notice['action']>) {
    const f = this.#state.filters;
    const filters =
      action === 'show-unfit'
        ? { ...f, showUnfit: true }
        : action === 'include-unknown'
          ? { ...f, unknown: [...new Set([...(f.unknown ?? []), ...(f.features ?? [])])].sort() }
          : action === 'all-hosts'
            ? { ...f, official: undefined }
            : { type: f.type };
    this.#state = { ...this.#state, filters };
    this.#typing = false;
    writeForm(this.#form, this.#description, this.#state);
    this.#update('push');
    this.querySelector<HTMLElement>('#explorer-results')?.focus();
  }

  #sortBy(key: SortKey) {
    if (!SORT_KEYS.includes(key)) return;
    const s = toggleSort({ key: this.#state.sort, dir: this.#state.dir }, key);
    this.#state = { ...this.#state, sort: s.key, dir: s.dir };
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
    if (!this.#rows.length) {
      this.#pending = true;
      void this.#ready();
      return;
    }
    performance.mark('explorer-recalc-start');
    const { ranked, hiddenOld, hiddenPlace, hiddenFree, free, hidden } = rankRows(this.#ix, this.#rows, this.#state);
    this.#hiddenFree = hiddenFree;
    this.#headings = groupHeadings(free - hiddenFree, free);
    performance.measure('explorer-price', 'explorer-recalc-start');
    this.#ranked = ranked;
    this.#hiddenOld = hiddenOld;
    this.#hiddenPlace = hiddenPlace;
    this.#drawNotices(ranked.length, hidden);
    this.#renderRows(this.#pageRows, true);
    drawHeader(this, this.#state);
    const monthly = monthlyErrors(this.#state.workload, this.#state.monthly);
    const errors = monthly.length > 0 ? monthly : validateWorkload(this.#state.workload);
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
    const from = replace ? 0 : this.#shown;
    const to = Math.min(upTo, this.#ranked.length);
    drawRows(
      this,
      this.#ix,
      this.#ranked,
      from,
      to,
      this.#state.sort === 'cost' ? this.#headings : undefined,
      this.#state.filters.features,
    );
    this.#shown = to;
    const more = this.querySelector<HTMLButtonElement>('#explorer-more')!;
    const left = this.#ranked.length - to;
    more.hidden = left <= 0;
    more.textContent = `Show ${Math.min(left, this.#pageRows)} more (${formatCount(left)} not shown)`;
    this.#announce();
  }

  /** What the narrowing filters hide, each with the button that shows it again; the way back from an empty result. */
  #drawNotices(shown: number, hidden: Hidden) {
    this.#notices = notices(shown, hidden, this.#state.filters, this.#state.workload);
    const box = this.querySelector('#explorer-notices');
    box?.replaceChildren(...noticeNodes(this.#notices));
  }

  /** The results line, announced politely once the user pauses. */
  #announce() {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const out = this.querySelector('#explorer-results');
      if (!out) return;
      // The notices are on screen below; screen readers hear them with the results line.
      const heard = document.createElement('span');
      heard.className = 'sr-only';
      heard.textContent = this.#notices.map((x) => ` ${x.text}`).join('');
      out.replaceChildren(
        resultsText(this.#ranked.length + this.#hiddenFree, this.#hiddenOld, this.#shown + this.#hiddenFree, this.#hiddenPlace) +
          exactModelHint(this.#ranked.length, this.#state.filters),
        heard,
      );
    }, ANNOUNCE_MS);
  }
}

customElements.define('pricing-explorer', PricingExplorer);
