/**
 * chart.js with only the pieces the price chart uses registered (bars, points, linear and
 * logarithmic scales, tooltip, legend), coloured from the page's CSS custom properties so that
 * dark mode follows the site's palette.
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
  type ChartConfiguration,
} from 'chart.js';
import type { PriceChartSpec } from '../../views/model/chart.ts';

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

const usd = (v: number) => `$${v < 1 ? Number(v.toPrecision(2)) : v.toFixed(2)}`;

export const drawPriceChart = (canvas: HTMLCanvasElement, spec: PriceChartSpec): Chart => {
  const css = getComputedStyle(canvas);
  const color = (name: string) => css.getPropertyValue(name).trim();
  const [fg, soft, line, accent, good] = ['--fg', '--fg-soft', '--line', '--accent', '--good'].map(color) as [
    string,
    string,
    string,
    string,
    string,
  ];
  Chart.defaults.color = soft;
  Chart.defaults.borderColor = line;
  const priceAxis = {
    type: spec.log ? ('logarithmic' as const) : ('linear' as const),
    title: { display: true, text: spec.kind === 'scatter' ? 'Blended USD per 1M tokens' : 'USD per 1M tokens', color: fg },
    ticks: { callback: (v: number | string) => usd(Number(v)) },
    beginAtZero: !spec.log,
  };
  const tooltip = {
    callbacks: {
      label: (c: { dataset: { label?: string }; parsed: { x: number | null; y: number | null }; raw: unknown }) =>
        spec.kind === 'scatter'
          ? `${(c.raw as { label: string }).label}: ${usd(c.parsed.y ?? 0)}, ${Math.round(c.parsed.x ?? 0)} tok/s`
          : `${c.dataset.label}: ${usd(c.parsed.x ?? 0)}`,
    },
  };
  // Horizontal bars: one band per offering, so the chart grows with their number.
  if (spec.kind === 'bar' && canvas.parentElement)
    canvas.parentElement.style.height = `${Math.max(240, spec.labels.length * 34 + 90)}px`;
  const config: ChartConfiguration<'bar' | 'scatter', unknown[]> =
    spec.kind === 'scatter'
      ? {
          type: 'scatter',
          data: { datasets: [{ label: 'Offerings', data: spec.points, backgroundColor: accent, pointRadius: 5 }] },
          options: {
            maintainAspectRatio: false,
            plugins: { legend: { display: false }, tooltip },
            scales: {
              x: { type: 'linear', title: { display: true, text: 'Output tokens per second (median)', color: fg } },
              y: priceAxis,
            },
          },
        }
      : {
          type: 'bar',
          data: {
            labels: spec.labels,
            datasets: [
              { label: 'Input', data: spec.input, backgroundColor: accent },
              { label: 'Output', data: spec.output, backgroundColor: good },
            ],
          },
          options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { tooltip }, scales: { x: priceAxis } },
        };
  return new Chart(canvas, config as ChartConfiguration);
};
