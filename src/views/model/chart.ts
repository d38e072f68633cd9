/**
 * Data of the price chart on a model page, from its "where to run it" rows: input and output
 * price per provider (USD per 1M tokens), or blended price against output speed when
 * performance samples exist, and its SVG geometry (src/core/svg-chart.ts), drawn without JavaScript.
 */
import type { WhereRow } from './offerings.ts';
import { barGeometry, scatterGeometry, type ChartGeometry } from '../../core/svg-chart.ts';

/** USD with two decimals, or two significant digits below $0.10: "$0.60", "$2.50", "$0.075". */
export const chartUsd = (v: number): string =>
  `$${v >= 1 || v <= 0 ? v.toFixed(2) : Number(v.toPrecision(2)).toFixed(Math.max(2, 1 - Math.floor(Math.log10(v))))}`;

/** The SVG geometry of a model's price chart (drawn by src/components/model/ModelPriceChart.astro). */
export const priceChartGeometry = (spec: PriceChartSpec): ChartGeometry =>
  spec.kind === 'scatter'
    ? scatterGeometry(spec.points, {
        xLog: false,
        yLog: spec.log,
        formatX: (v) => String(Math.round(v)),
        formatY: chartUsd,
        xTitle: 'Output tokens per second (median)',
        yTitle: 'Blended USD per 1M tokens',
      })
    : barGeometry(
        spec.labels,
        [
          { name: 'Input', values: spec.input },
          { name: 'Output', values: spec.output },
        ],
        chartUsd,
        spec.log,
      );

export interface PriceChartSpec {
  kind: 'bar' | 'scatter';
  /** Accessible name of the canvas. */
  title: string;
  /** Bar chart: one label per offering, with its input and output price. */
  labels: string[];
  input: number[];
  output: number[];
  /** Scatter chart: x = output tokens per second, y = blended USD per 1M tokens. */
  points: { label: string; x: number; y: number }[];
  /** Logarithmic price axis: the prices span more than LOG_SPAN times. */
  log: boolean;
}

/** Ratio of the highest to the lowest price above which the price axis is logarithmic. */
export const LOG_SPAN = 20;

/** True when positive values span at least `span` times (max / min). */
export const spansOrders = (values: number[], span = LOG_SPAN): boolean => {
  const pos = values.filter((v) => v > 0);
  return pos.length > 1 && Math.max(...pos) / Math.min(...pos) >= span;
};

const labelsOf = (rows: WhereRow[]) => {
  const perProvider = new Map<string, number>();
  for (const r of rows) perProvider.set(r.providerId, (perProvider.get(r.providerId) ?? 0) + 1);
  return rows.map((r) =>
    perProvider.get(r.providerId)! > 1 ? `${r.providerName} (${r.variant ?? r.providerModelId})` : r.providerName,
  );
};

/**
 * The chart of one model, or undefined when fewer than two offerings have a price (nothing to
 * compare). Retired offerings are left out.
 */
export const priceChartSpec = (modelName: string, rows: WhereRow[]): PriceChartSpec | undefined => {
  const priced = rows.filter((r) => r.status !== 'retired' && r.price.input !== undefined && r.price.output !== undefined);
  if (priced.length < 2) return undefined;
  const timed = priced.filter((r) => r.speed !== undefined && r.price.blended !== undefined);
  if (timed.length >= 2) {
    const labels = labelsOf(timed);
    const points = timed.map((r, i) => ({ label: labels[i]!, x: r.speed!.tokensPerSecond, y: r.price.blended! }));
    return {
      kind: 'scatter',
      title: `${modelName}: blended price (USD per 1M tokens, 3:1 input:output) against output speed (tokens per second), per provider`,
      labels: [],
      input: [],
      output: [],
      points,
      log: spansOrders(points.map((p) => p.y)),
    };
  }
  const input = priced.map((r) => r.price.input!);
  const output = priced.map((r) => r.price.output!);
  return {
    kind: 'bar',
    title: `${modelName}: input and output price per provider, USD per 1M tokens`,
    labels: labelsOf(priced),
    input,
    output,
    points: [],
    log: spansOrders([...input, ...output]),
  };
};
