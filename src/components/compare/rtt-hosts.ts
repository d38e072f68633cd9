/**
 * <rtt-hosts data-src="/performance/rtt/<model>.json">: on click, loads the model's hosts (the JSON
 * src/views/model/rtt.ts writes; on /performance/ the value of the <select> named by data-select), times a few HEAD
 * requests to every API host (no-cors, no credentials, no body, no referrer; RTT_PARALLEL hosts at
 * once, each request abandoned after RTT_TIMEOUT_MS) and shows the ranked table. Ranking, marks and
 * the summary come from src/core/rtt.ts; this file only times and renders, with textContent only.
 * Nothing is stored or sent. Loaded on first focus or click by islands.ts (a click before this code
 * marks the element `data-start`).
 */
import {
  inPool,
  rankRtt,
  RTT_PARALLEL,
  RTT_REQUESTS,
  RTT_TIMEOUT_MS,
  rttOutcome,
  rttSummaryText,
  sampleHost,
  type RttPlan,
  type RttRow,
  type RttSample,
} from '../../core/rtt.ts';

/** One HEAD request: the ms until any answer, or why there was none (see RttSample). */
const once = async (origin: string, timeoutMs: number): Promise<RttSample> => {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  const t0 = performance.now();
  try {
    await fetch(`${origin}/`, {
      method: 'HEAD',
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: ctrl.signal,
    });
    return performance.now() - t0;
  } catch {
    return ctrl.signal.aborted ? 'timeout' : 'blocked';
  } finally {
    clearTimeout(timer);
  }
};

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
};

const HEAD = ['Rank', 'API host', 'Network round trip (not time to first token)', 'Provider', 'Recorded time to first token'];

const table = (model: string, rows: readonly RttRow[]): HTMLTableElement => {
  const t = el('table');
  t.append(el('caption', `Network round trip from your browser to each API host serving ${model}, fastest first`));
  const head = el('tr');
  for (const h of HEAD) {
    const th = el('th', h);
    th.scope = 'col';
    head.append(th);
  }
  t.appendChild(el('thead')).append(head);
  const body = t.appendChild(el('tbody'));
  for (const r of rows) {
    const tr = body.appendChild(el('tr'));
    tr.dataset.kind = r.kind;
    tr.append(el('td', r.rank === undefined ? '—' : String(r.rank)));
    const host = el('th', r.host);
    host.scope = 'row';
    tr.append(host);
    const names = el('td');
    const ttft = el('td');
    r.providers.forEach((p, i) => {
      if (i) names.append(', ');
      const a = el('a', p.name);
      if (p.href.startsWith('/')) a.href = p.href;
      names.append(a);
      if (p.ttft) ttft.append(el('div', r.providers.length > 1 ? `${p.name}: ${p.ttft}` : p.ttft));
    });
    if (!ttft.childNodes.length) ttft.textContent = 'No samples';
    tr.append(el('td', r.rtt), names, ttft);
  }
  return t;
};

customElements.define(
  'rtt-hosts',
  class extends HTMLElement {
    connectedCallback() {
      const button = this.querySelector('button');
      const out = this.querySelector('.result');
      const wrap = this.querySelector<HTMLElement>('.rtt-table');
      // On /performance/ the model comes from a <select> outside the island (a click on it must not start a measurement).
      const select = this.dataset.select
        ? document.querySelector<HTMLSelectElement>(`#${CSS.escape(this.dataset.select)}`)
        : null;
      if (!button || !out || !wrap) return;
      const count = Number(this.dataset.requests) || RTT_REQUESTS;
      const measure = async () => {
        const src = select?.value ?? this.dataset.src;
        if (!src?.startsWith('/')) return;
        button.disabled = true;
        if (select) select.disabled = true;
        out.textContent = 'Loading the hosts…';
        try {
          const plan = (await (await fetch(src, { credentials: 'same-origin' })).json()) as RttPlan;
          let done = 0;
          out.textContent = `Measuring ${plan.hosts.length} hosts…`;
          const outcomes = await inPool(plan.hosts, RTT_PARALLEL, async (h) => {
            const o = rttOutcome(await sampleHost(() => once(h.origin, RTT_TIMEOUT_MS), count));
            out.textContent = `Measuring: ${++done} of ${plan.hosts.length} hosts done…`;
            return o;
          });
          const rows = rankRtt(plan, outcomes);
          wrap.replaceChildren(table(plan.model, rows));
          wrap.hidden = false;
          out.textContent = rttSummaryText(rows);
        } catch {
          out.textContent = 'Could not load the list of hosts.';
        } finally {
          button.disabled = false;
          if (select) select.disabled = false;
        }
      };
      button.disabled = false;
      button.addEventListener('click', () => void measure());
      if (this.dataset.start !== undefined) {
        delete this.dataset.start;
        void measure();
      }
    }
  },
);
