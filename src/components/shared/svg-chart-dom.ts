/**
 * Draws a chart in the browser into an existing <svg class="svg-chart"> (drawn by SvgChart.astro,
 * or cloned from its <template>): the same elements as the server's, from the same description
 * (chartNodes, src/core/svg-chart.ts), with createElementNS, setAttribute and textContent only (text
 * is never parsed as markup). No chart library.
 */
import { chartNodes, type ChartGeometry, type SvgNode } from '../../core/svg-chart.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** The element of `node`, with its children. */
export const svgElement = (node: SvgNode): SVGElement => {
  const e = document.createElementNS(SVG, node.tag) as SVGElement;
  for (const [k, v] of Object.entries(node.attrs)) e.setAttribute(k, String(v));
  if (node.text !== undefined) e.textContent = node.text;
  if (node.children) e.append(...node.children.map(svgElement));
  return e;
};

/** Replaces the chart drawn in `svg` with `g`, and sets its height. */
export const drawSvgChart = (svg: SVGSVGElement, g: ChartGeometry): void => {
  svg.setAttribute('height', String(g.height));
  svg.replaceChildren(...chartNodes(g).map(svgElement));
};
