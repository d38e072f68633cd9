/**
 * A chart of the compare picker's result (compare-picker.ts) with its caption, as CompareChart.astro
 * draws it on the static pages: SVG drawn in the browser from the same geometry (svg-chart-dom.ts)
 * into a clone of SvgChart.astro's <template> (CompareTemplates.astro), or, for a performance
 * chart with many points (drawnAsSvg), the chart.js island, which draws when it is seen.
 */
import { chartNote, drawnAsSvg, specGeometry } from '../../views/compare/chart-data.ts';
import type { CompareChartView } from '../../views/compare/view.ts';
import { el } from '../shared/dom.ts';
import { drawSvgChart } from '../shared/svg-chart-dom.ts';
import './compare-chart.ts';

/** The figure of chart `c`, its figures in the table `c.table`; `template` holds an empty SvgChart. */
export const chartFigure = (c: CompareChartView, template: HTMLTemplateElement): HTMLElement => {
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
  const cap = el('figcaption', { id: note, class: 'muted' }, `${chartNote(c.caption, c.spec)} The figures are in the `);
  cap.append(el('a', { href: `#${c.table}` }, 'table'), '.');
  fig.append(cap);
  return fig;
};
