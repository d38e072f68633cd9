/**
 * Data of the comparison, performance and home charts, prepared here so that the components
 * only draw: as SVG (SvgChart.astro, from the geometry below) or, for performance charts with
 * many points, with chart.js (src/components/compare/compare-chart.ts; see drawnAsSvg). Every spec names its units: prices in USD per 1M
 * tokens, monthly costs in USD, times in milliseconds, speeds in output tokens per second.
 */
import type { CompareTable } from './items.ts';
import { formatCount, formatDate, formatTokens, formatUsd, formatUsdAxis } from '../../core/format.ts';
import { barGeometry, scatterGeometry, type ChartGeometry } from '../../core/svg-chart.ts';
import { HEADLINE_METERS, METER_LABEL } from '../../core/vocab.ts';
import { spansOrders } from '../model/chart.ts';

export type ChartUnit = 'usd' | 'usd-month' | 'ms' | 'tps' | 'tokens';
export interface ChartAxis {
  title: string;
  unit: ChartUnit;
  /** Logarithmic: the values span more than LOG_SPAN (model-chart.ts) times. */
  log: boolean;
}
export interface ChartPoint {
  x: number;
  y: number;
  /** Tooltip line: who, and where the figure comes from. */
  label: string;
  /** The label written beside the point in an SVG chart, when shorter than `label`. */
  name?: string;
}
export interface ChartSpec {
  kind: 'bar' | 'scatter';
  /** Accessible name of the canvas. */
  title: string;
  /** Bar charts: one category per label (drawn horizontally). */
  labels: string[];
  /** Bars: null where there is no figure (no bar). */
  datasets: { label: string; data: (number | null)[] | ChartPoint[] }[];
  /** Bars: `value` is the value axis. Scatter: x and y. */
  value?: ChartAxis;
  x?: ChartAxis;
  y?: ChartAxis;
}

const columnLabel = (t: CompareTable, i: number) => {
  const c = t.columns[i]!;
  return t.kind === 'offerings' ? c.name : c.name;
};

const METER_ROWS: [string, string][] = HEADLINE_METERS.map((m) => [m, METER_LABEL[m]]);

/** Grouped bars of the price meters of compared offerings; undefined when fewer than two have a price. */
export const meterChart = (t: CompareTable, subject: string): ChartSpec | undefined => {
  const datasets = METER_ROWS.flatMap(([key, label]) => {
    const row = t.rows.find((r) => r.key === key);
    const data = row?.cells.map((c) => c.value ?? null) ?? [];
    return row && row.cells.some((c) => c.value !== undefined) ? [{ label, data }] : [];
  });
  const priced = t.columns.filter((_, i) => datasets.some((d) => (d.data[i] ?? 0) > 0)).length;
  if (priced < 2) return undefined;
  const values = datasets.flatMap((d) => d.data.filter((v) => v !== null));
  return {
    kind: 'bar',
    title: `${subject}: price meters per provider, USD per 1M tokens`,
    labels: t.columns.map((_, i) => columnLabel(t, i)),
    datasets,
    value: { title: 'USD per 1M tokens', unit: 'usd', log: spansOrders(values) },
  };
};

/** Bars of the monthly cost at the workload; undefined when fewer than two costs are known. */
export const monthlyChart = (t: CompareTable, subject: string, workloadLabel: string): ChartSpec | undefined => {
  const row = t.rows.find((r) => r.key === 'monthly');
  if (!row || row.cells.filter((c) => c.value !== undefined).length < 2) return undefined;
  const data = row.cells.map((c) => c.value ?? null);
  return {
    kind: 'bar',
    title: `${subject}: monthly cost in USD for the workload ${workloadLabel}, per provider`,
    labels: t.columns.map((_, i) => columnLabel(t, i)),
    datasets: [{ label: 'USD per month', data }],
    value: { title: 'USD per month', unit: 'usd-month', log: spansOrders(data.filter((v) => v !== null)) },
  };
};

/** One performance sample of one offering, with what a point must say about its origin. */
export interface PerfSample {
  provider: string;
  region: string;
  ttftMs: number;
  ttftP90: number | undefined;
  tokensPerSecond: number;
  tpsP90: number | undefined;
  /** Blended USD per 1M tokens of the offering, when published. */
  blended: number | undefined;
  measuredAt: string;
  method: string;
  source: string | undefined;
  n: number | undefined;
}

/** "Groq, us-east · 12 Nov 2026 · probe v1 · https://…": the origin of a point, for its tooltip. */
export const sampleLabel = (s: PerfSample): string =>
  [`${s.provider}, ${s.region}`, formatDate(s.measuredAt), s.method, s.source].filter(Boolean).join(' · ');

/** Blended price against output speed, one point per sample with a price; undefined under two points. */
export const priceSpeedChart = (samples: PerfSample[], subject: string): ChartSpec | undefined => {
  const pts = samples
    .filter((s) => s.blended !== undefined)
    .map((s) => ({ x: s.tokensPerSecond, y: s.blended!, label: sampleLabel(s), name: `${s.provider}, ${s.region}` }));
  if (pts.length < 2) return undefined;
  return {
    kind: 'scatter',
    title: `${subject}: blended price (USD per 1M tokens) against median output speed (tokens per second), per provider and region`,
    labels: [],
    datasets: [{ label: 'Samples', data: pts }],
    x: { title: 'Output tokens per second (median)', unit: 'tps', log: false },
    y: { title: 'Blended USD per 1M tokens', unit: 'usd', log: spansOrders(pts.map((p) => p.y)) },
  };
};

/**
 * Time to first token by region: one bar group per region, one bar per provider (none where a
 * provider has no sample in the region). Undefined without samples.
 */
export const ttftChart = (samples: PerfSample[], subject: string): ChartSpec | undefined => {
  if (!samples.length) return undefined;
  const regions = [...new Set(samples.map((s) => s.region))].sort();
  const providers = [...new Set(samples.map((s) => s.provider))].sort((a, b) => a.localeCompare(b, 'en'));
  const datasets = providers.map((p) => ({
    label: p,
    data: regions.map((r) => samples.find((s) => s.provider === p && s.region === r)?.ttftMs ?? null),
  }));
  return {
    kind: 'bar',
    title: `${subject}: median time to first token in milliseconds, per region and provider`,
    labels: regions,
    datasets,
    value: { title: 'Time to first token, ms (median)', unit: 'ms', log: spansOrders(samples.map((s) => s.ttftMs)) },
  };
};

/** Cheapest blended price against context window, one point per model; undefined under two points. */
export const priceContextChart = (
  models: { name: string; context: number | undefined; blended: number | undefined }[],
): ChartSpec | undefined => {
  const pts = models
    .filter((m) => m.context !== undefined && m.blended !== undefined && m.blended > 0)
    .map((m) => ({ x: m.context!, y: m.blended!, label: m.name }));
  if (pts.length < 2) return undefined;
  return {
    kind: 'scatter',
    title: 'Popular models: cheapest blended price (USD per 1M tokens) against context window (tokens)',
    labels: [],
    datasets: [{ label: 'Models', data: pts }],
    x: { title: 'Context window (tokens)', unit: 'tokens', log: spansOrders(pts.map((p) => p.x)) },
    y: { title: 'Cheapest blended USD per 1M tokens', unit: 'usd', log: spansOrders(pts.map((p) => p.y)) },
  };
};

/** The SVG geometry of a scatter spec (the home chart): every point labelled, both axes as the spec says. */
export const scatterSpecGeometry = (spec: ChartSpec) => {
  const pts = spec.datasets.flatMap((d) => d.data as ChartPoint[]).map((p) => ({ label: p.name ?? p.label, x: p.x, y: p.y }));
  const fmt = (unit: ChartUnit | undefined) => (v: number) =>
    unit === 'tokens' ? formatTokens(v) : unit === 'usd' || unit === 'usd-month' ? formatUsdAxis(v) : String(Math.round(v));
  return scatterGeometry(pts, {
    xLog: spec.x?.log ?? false,
    yLog: spec.y?.log ?? false,
    formatX: fmt(spec.x?.unit),
    formatY: fmt(spec.y?.unit),
    xTitle: spec.x?.title ?? '',
    yTitle: spec.y?.title ?? '',
  });
};

/** A value written after its bar, as the tables write it (src/views/compare/items.ts). */
const VALUE_TEXT: Record<ChartUnit, (v: number) => string> = {
  usd: formatUsd,
  'usd-month': formatUsd,
  ms: (v) => `${formatCount(Math.round(v))} ms`,
  tps: (v) => `${formatCount(Math.round(v))} tok/s`,
  tokens: formatTokens,
};

/**
 * The SVG geometry of a bar spec: one row per label (provider, item or region), one bar per
 * dataset (meter, or provider), each with its value; logarithmic when the spec says so.
 */
export const barSpecGeometry = (spec: ChartSpec) =>
  barGeometry(
    spec.labels,
    spec.datasets.map((d) => ({ name: d.label, values: d.data as (number | null)[] })),
    VALUE_TEXT[spec.value?.unit ?? 'usd'],
    spec.value?.log ?? false,
  );

/** The SVG geometry of any spec. */
export const specGeometry = (spec: ChartSpec): ChartGeometry =>
  spec.kind === 'bar' ? barSpecGeometry(spec) : scatterSpecGeometry(spec);

/** Whether a spec's axis (bars: its value axis; scatter: either) is logarithmic, for its caption. */
export const specLog = (spec: ChartSpec): boolean =>
  (spec.kind === 'bar' ? spec.value?.log : spec.x?.log || spec.y?.log) ?? false;

/** A chart's caption, with "Logarithmic scale." when an axis is; the link to its table follows it. */
export const chartNote = (caption: string, spec: ChartSpec): string =>
  specLog(spec) ? `${caption} Logarithmic scale.` : caption;

/** Most bars or points of a performance chart drawn as SVG. */
export const SVG_MAX_POINTS = 12;

/** Bars (labels times datasets) or points of a spec. */
export const chartPoints = (spec: ChartSpec): number =>
  spec.kind === 'bar' ? spec.labels.length * spec.datasets.length : spec.datasets.reduce((a, d) => a + d.data.length, 0);

/**
 * How a chart is drawn. The price charts of a comparison (chart-meters, chart-monthly) are SVG:
 * at most MAX_ITEMS providers, each bar written with its label and value, so no tooltip is needed.
 * A performance chart (chart-speed, chart-ttft) is SVG up to SVG_MAX_POINTS bars or points, every
 * one labelled; with more, labels would crowd, and the chart.js island (compare-chart.ts) draws
 * it with tooltips.
 */
export const drawnAsSvg = (id: string, spec: ChartSpec): boolean =>
  id === 'chart-meters' || id === 'chart-monthly' || chartPoints(spec) <= SVG_MAX_POINTS;
