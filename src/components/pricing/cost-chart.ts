/**
 * <cost-chart data-bars>: the cheapest options as horizontal bars (USD per month). chart.js is
 * imported (through cost-chart-draw.ts) only when the element scrolls into view; until then, and
 * without JavaScript, the data table inside is the chart. The explorer calls setBars() on every
 * workload or filter change, and fires `explorer-ready` when its form is shown.
 */
import type { Chart } from 'chart.js';

export interface CostBar {
  label: string;
  /** USD per month. */
  usd: number;
  /** The same figure, formatted. */
  text: string;
}

export class CostChart extends HTMLElement {
  #bars: CostBar[] = [];
  #chart: Chart<'bar'> | undefined;
  #draw: ((canvas: HTMLCanvasElement, bars: CostBar[]) => Chart<'bar'>) | undefined;

  async connectedCallback() {
    this.#bars = JSON.parse(this.dataset.bars ?? '[]') as CostBar[];
    // Inside the explorer, wait until its form is shown: before that the chart sits higher on the
    // page than it will, and would load chart.js for a chart nobody scrolled to.
    const host = this.closest('pricing-explorer');
    if (host && !host.hasAttribute('data-ready'))
      await new Promise((r) => host.addEventListener('explorer-ready', r, { once: true }));
    const io = new IntersectionObserver(async ([e]) => {
      if (!e?.isIntersecting) return;
      io.disconnect();
      this.#draw = (await import('./cost-chart-draw.ts')).drawCostChart;
      this.querySelector<HTMLElement>('.canvas-box')!.hidden = false;
      this.querySelector('details')?.removeAttribute('open');
      this.#render();
      this.dataset.drawn = '';
    });
    io.observe(this);
  }

  /** New bars: the table now, the chart too once it is drawn. */
  setBars(bars: CostBar[]) {
    this.#bars = bars;
    const body = this.querySelector('tbody');
    if (body) {
      const rows = bars.map((b) => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = b.label;
        const td = document.createElement('td');
        td.className = 'num';
        td.textContent = b.text;
        tr.append(th, td);
        return tr;
      });
      body.replaceChildren(...rows);
    }
    if (this.#draw) this.#render();
  }

  #render() {
    const canvas = this.querySelector('canvas');
    if (!canvas || !this.#draw) return;
    if (this.#chart) {
      // Same chart, new data: cheaper than drawing a new one on every workload change.
      this.#chart.data.labels = this.#bars.map((b) => b.label);
      this.#chart.data.datasets[0]!.data = this.#bars.map((b) => b.usd);
      this.#chart.update('none');
    } else this.#chart = this.#draw(canvas, this.#bars);
  }
}

if (!customElements.get('cost-chart')) customElements.define('cost-chart', CostChart);
