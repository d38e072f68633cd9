/**
 * <price-chart data-spec>: draws a model's price chart when it scrolls into view, importing
 * chart.js (through chart-setup.ts) only then. The spec comes from src/views/model/chart.ts.
 */
customElements.define(
  'price-chart',
  class extends HTMLElement {
    connectedCallback() {
      const io = new IntersectionObserver(async ([e]) => {
        if (!e?.isIntersecting) return;
        io.disconnect();
        const canvas = this.querySelector('canvas');
        if (!canvas) return;
        const { drawPriceChart } = await import('./chart-setup.ts');
        drawPriceChart(canvas, JSON.parse(this.dataset.spec ?? '{}'));
        this.dataset.drawn = '';
      });
      io.observe(this);
    }
  },
);
