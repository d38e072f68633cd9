/**
 * <compare-chart data-spec>: draws a chart (src/views/compare/chart-data.ts spec) when it scrolls into
 * view, importing chart.js (through compare-chart-draw.ts) only then. The table of the same
 * figures sits next to it in the HTML. `draw(spec)` redraws with new data (the compare picker).
 */
import type { Chart } from 'chart.js';
import type { ChartSpec } from '../../views/compare/chart-data.ts';

export class CompareChart extends HTMLElement {
  private chart: Chart<'bar' | 'scatter', unknown[]> | undefined;
  private visible = false;

  connectedCallback() {
    const io = new IntersectionObserver(([e]) => {
      if (!e?.isIntersecting) return;
      io.disconnect();
      this.visible = true;
      if (this.dataset.spec) void this.draw(JSON.parse(this.dataset.spec) as ChartSpec);
    });
    io.observe(this);
  }

  /** Draws `spec`, now if the element has been seen, else when it scrolls into view. */
  async draw(spec: ChartSpec) {
    this.dataset.spec = JSON.stringify(spec);
    if (!this.visible) return;
    const canvas = this.querySelector('canvas');
    if (!canvas) return;
    canvas.setAttribute('aria-label', spec.title);
    const { drawChart } = await import('./compare-chart-draw.ts');
    this.chart?.destroy();
    this.chart = drawChart(canvas, spec);
    this.dataset.drawn = '';
  }
}
if (!customElements.get('compare-chart')) customElements.define('compare-chart', CompareChart);

declare global {
  interface HTMLElementTagNameMap {
    'compare-chart': CompareChart;
  }
}
