/**
 * <cost-chart>: redraws the server's SVG bar chart (PricingChart.astro) in place when the explorer
 * calls setBars() on a workload or filter change, from the same pure geometry
 * (costChartGeometry) and the same element description (svg-chart-dom.ts); the data table inside
 * follows. No chart library.
 */
import { costChartGeometry } from '../../views/pricing/rows.ts';
import { drawSvgChart } from '../shared/svg-chart-dom.ts';

export interface CostBar {
  label: string;
  /** USD per month. */
  usd: number;
  /** The same figure, formatted. */
  text: string;
}

export class CostChart extends HTMLElement {
  /** New bars: the chart's rows as SvgChart.astro draws them, and the table. */
  setBars(bars: CostBar[]) {
    const svg = this.querySelector('svg');
    if (svg) drawSvgChart(svg, costChartGeometry(bars));
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
  }
}

if (!customElements.get('cost-chart')) customElements.define('cost-chart', CostChart);
