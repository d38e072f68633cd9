/**
 * chart.js for the cost chart: only the horizontal bar pieces registered (tree-shaken), coloured
 * from the page's CSS custom properties so that dark mode follows the site's palette.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { formatUsd, formatUsdAxis } from '../../core/format.ts';
import type { CostBar } from './cost-chart.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Draws `bars` (USD per month) on `canvas`, longest label first on top. */
export const drawCostChart = (canvas: HTMLCanvasElement, bars: CostBar[]): Chart<'bar'> => {
  const css = getComputedStyle(canvas);
  const color = (name: string) => css.getPropertyValue(name).trim();
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.map((b) => b.label),
      datasets: [{ label: 'USD per month', data: bars.map((b) => b.usd), backgroundColor: color('--accent') }],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      color: color('--fg-soft'),
      borderColor: color('--line'),
      plugins: { tooltip: { callbacks: { label: (c) => `${formatUsd(c.parsed.x ?? 0)} per month` } } },
      scales: {
        x: {
          beginAtZero: true,
          ticks: { color: color('--fg-soft'), callback: (v) => formatUsdAxis(Number(v)) },
          grid: { color: color('--line') },
          title: { display: true, text: 'USD per month', color: color('--fg') },
        },
        y: { ticks: { color: color('--fg') }, grid: { display: false } },
      },
    },
  });
};
