/**
 * <cost-chart>: redraws the server's SVG bar chart (PricingChart.astro) in place when the explorer
 * calls setBars() on a workload or filter change, from the same pure geometry
 * (costChartGeometry); the data table inside follows. No chart library.
 */
import { costChartGeometry } from '../../views/pricing/rows.ts';

export interface CostBar {
  label: string;
  /** USD per month. */
  usd: number;
  /** The same figure, formatted. */
  text: string;
}

const SVG = 'http://www.w3.org/2000/svg';
/** An SVG element with its attributes and text (textContent: never parsed as markup). */
const node = (name: string, attrs: Record<string, string | number>, text?: string): SVGElement => {
  const e = document.createElementNS(SVG, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
};
const pct = (v: number) => `${v.toFixed(2)}%`;

export class CostChart extends HTMLElement {
  /** New bars: the chart's rows as SvgChart.astro draws them, and the table. */
  setBars(bars: CostBar[]) {
    const svg = this.querySelector('svg');
    if (svg) {
      const g = costChartGeometry(bars);
      svg.setAttribute('height', String(g.height));
      svg.replaceChildren(
        ...g.rows.map((r) => {
          const row = node('g', {});
          row.append(node('text', { class: 'label', x: 0, y: r.labelY }, r.label));
          for (const b of r.bars)
            row.append(
              node('rect', { class: `s${b.series}`, x: 0, y: b.y, width: pct(b.w), height: b.h }),
              node('text', { class: 'value', x: pct(b.w), dx: 5, y: b.y + b.h - 3 }, b.text),
            );
          return row;
        }),
      );
    }
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
