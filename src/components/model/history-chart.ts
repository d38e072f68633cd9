/** <history-chart>: draws a price-history step chart when it scrolls into view; the tables below hold the figures. */
import type { HistoryChartSpec } from '../../core/history.ts';

customElements.define(
  'history-chart',
  class extends HTMLElement {
    connectedCallback() {
      const io = new IntersectionObserver(async ([e]) => {
        if (!e?.isIntersecting) return;
        io.disconnect();
        const spec = JSON.parse(this.dataset.spec ?? '{}') as HistoryChartSpec;
        (await import('./history-chart-draw.ts')).drawHistoryChart(this.querySelector('canvas')!, spec);
        this.dataset.drawn = '';
      });
      io.observe(this);
    }
  },
);
