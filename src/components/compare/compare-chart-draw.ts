/**
 * chart.js for the comparison, performance and home charts: only the bar and scatter pieces
 * registered (tree-shaken), coloured from the page's CSS custom properties so that dark mode
 * follows the site's palette. The spec comes from src/views/compare/chart-data.ts; nothing is computed here.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';
import type { ChartAxis, ChartPoint, ChartSpec, ChartUnit } from '../../views/compare/chart-data.ts';
import { formatCount, formatTokens, formatUsd, formatUsdAxis } from '../../core/format.ts';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  Legend,
);

const FULL: Record<ChartUnit, (v: number) => string> = {
  usd: (v) => `${formatUsd(v)} per 1M tokens`,
  'usd-month': (v) => `${formatUsd(v)} per month`,
  ms: (v) => `${formatCount(Math.round(v))} ms`,
  tps: (v) => `${formatCount(Math.round(v))} tokens/s`,
  tokens: (v) => `${formatTokens(v)} tokens`,
};
const TICK: Record<ChartUnit, (v: number) => string> = {
  usd: formatUsdAxis,
  'usd-month': formatUsdAxis,
  ms: (v) => formatCount(v),
  tps: (v) => formatCount(v),
  tokens: formatTokens,
};

/** Draws `spec` on `canvas`; bars are horizontal so that long provider names stay readable at 360 px. */
export const drawChart = (canvas: HTMLCanvasElement, spec: ChartSpec): Chart<'bar' | 'scatter', unknown[]> => {
  // The palette's custom properties hold light-dark() pairs, which chart.js cannot read: each is
  // resolved to the colour in use by setting it on the canvas (CSSOM, allowed by the CSP).
  const color = (name: string) => {
    canvas.style.color = `var(${name})`;
    const used = getComputedStyle(canvas).color;
    canvas.style.color = '';
    return used;
  };
  const fg = color('--fg');
  const soft = color('--fg-soft');
  const line = color('--line');
  const palette = [color('--accent'), color('--good'), color('--bad'), color('--warn-fg'), soft];
  const axis = (a: ChartAxis) => ({
    type: a.log ? ('logarithmic' as const) : ('linear' as const),
    beginAtZero: !a.log,
    title: { display: true, text: a.title, color: fg },
    ticks: { color: soft, maxTicksLimit: 6, callback: (v: number | string) => TICK[a.unit](Number(v)) },
    grid: { color: line },
  });
  const common = { maintainAspectRatio: false, animation: false as const, color: soft, borderColor: line };
  if (spec.kind === 'scatter') {
    const x = spec.x!;
    const y = spec.y!;
    return new Chart<'scatter', ChartPoint[]>(canvas, {
      type: 'scatter',
      data: {
        datasets: spec.datasets.map((d, i) => ({
          label: d.label,
          data: d.data as ChartPoint[],
          backgroundColor: palette[i % palette.length],
          pointRadius: 5,
          pointHoverRadius: 7,
        })),
      },
      options: {
        ...common,
        plugins: {
          legend: { display: spec.datasets.length > 1, labels: { color: fg } },
          tooltip: {
            callbacks: {
              label: (c) => {
                const p = c.raw as ChartPoint;
                return [p.label, `${y.title}: ${FULL[y.unit](p.y)}`, `${x.title}: ${FULL[x.unit](p.x)}`];
              },
            },
          },
        },
        scales: { x: axis(x), y: axis(y) },
      },
    }) as unknown as Chart<'bar' | 'scatter', unknown[]>;
  }
  const value = spec.value!;
  if (canvas.parentElement)
    canvas.parentElement.style.height = `${Math.max(220, spec.labels.length * spec.datasets.length * 22 + 110)}px`;
  return new Chart<'bar', (number | null)[], string>(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((d, i) => ({
        label: d.label,
        data: d.data as (number | null)[],
        backgroundColor: palette[i % palette.length],
      })),
    },
    options: {
      ...common,
      indexAxis: 'y',
      plugins: {
        legend: { display: spec.datasets.length > 1, labels: { color: fg } },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${FULL[value.unit](c.parsed.x ?? 0)}` } },
      },
      scales: { x: axis(value), y: { ticks: { color: fg }, grid: { display: false } } },
    },
  }) as unknown as Chart<'bar' | 'scatter', unknown[]>;
};
