/**
 * A chart of the compare picker's result (compare-picker.ts) with its caption, as CompareChart.astro
 * draws it on the static pages: SVG drawn in the browser from the same geometry (svg-chart-dom.ts)
 * into a clone of SvgChart.astro's <template> (CompareTemplates.astro), or, for a performance
 * chart with many points (drawnAsSvg), the chart.js island, which draws when it is seen.
 */
import { drawnAsSvg, specGeometry, specLog, type ChartSpec } from '../../views/compare/chart-data.ts';
import { drawSvgChart } from '../shared/svg-chart-dom.ts';
import './compare-chart.ts';

const el = (tag: string, attrs: Record<string, string>, text?: string): HTMLElement => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

/** The figure of chart `c`, its figures in the table `tableId`; `template` holds an empty SvgChart. */
export const chartFigure = (
  c: { id: string; spec: ChartSpec; caption: string },
  tableId: string,
  template: HTMLTemplateElement,
): HTMLElement => {
  const note = `${c.id}-note`;
  const svg = drawnAsSvg(c.id, c.spec);
  const fig = el('figure', svg ? { class: 'chart', id: c.id } : { class: 'chart' });
  if (svg) {
    const chart = template.content.querySelector('svg')!.cloneNode(true) as SVGSVGElement;
    chart.setAttribute('aria-label', c.spec.title);
    chart.setAttribute('aria-describedby', note);
    drawSvgChart(chart, specGeometry(c.spec));
    fig.append(chart);
  } else {
    const island = el('compare-chart', { id: c.id, 'data-spec': JSON.stringify(c.spec) });
    island.append(el('canvas', { role: 'img', 'aria-label': c.spec.title, 'aria-describedby': note }));
    fig.append(island);
  }
  const log = specLog(c.spec) ? ' Logarithmic scale.' : '';
  const cap = el('figcaption', { id: note, class: 'muted' }, `${c.caption}${log} The figures are in the `);
  cap.append(el('a', { href: `#${tableId}` }, 'table'), '.');
  fig.append(cap);
  return fig;
};
