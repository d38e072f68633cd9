/** chart.js for the price-history step chart: only the line pieces registered, colours from the page's CSS. */
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { formatUsd } from '../../core/format.ts';
import type { HistoryChartSpec } from '../../core/history.ts';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Draws the steps: flat from each change date to the next, dashed for output prices. */
export const drawHistoryChart = (canvas: HTMLCanvasElement, spec: HistoryChartSpec): Chart<'line'> => {
  const css = getComputedStyle(canvas);
  const color = (name: string) => css.getPropertyValue(name).trim();
  const palette = [color('--accent'), color('--good'), color('--bad'), color('--fg-soft')];
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        stepped: 'after' as const,
        borderColor: palette[Math.floor(i / 2) % palette.length],
        backgroundColor: palette[Math.floor(i / 2) % palette.length],
        borderDash: s.meter === 'output' ? [6, 4] : [],
        spanGaps: false,
      })),
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      color: color('--fg'),
      plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatUsd(c.parsed.y ?? 0)} per 1M tokens` } } },
      scales: {
        x: { ticks: { color: color('--fg-soft') }, grid: { color: color('--line') } },
        y: {
          beginAtZero: true,
          ticks: { color: color('--fg-soft'), callback: (v) => formatUsd(Number(v)) },
          grid: { color: color('--line') },
          title: { display: true, text: 'USD per 1M tokens', color: color('--fg') },
        },
      },
    },
  });
};
