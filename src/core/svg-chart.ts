/**
 * Geometry of the small charts drawn as server-side SVG (no JavaScript): labelled horizontal bars
 * and labelled scatter points. Pure: positions only, the components draw them. Horizontal
 * positions are percentages of the chart's width (so that a chart fits any screen with its text
 * at its normal size), vertical positions are pixels. Every bar and point carries its own label
 * and value, so no tooltip is needed.
 */

/** Where a value sits on an axis, 0 (start) to 1 (end); logarithmic axes need positive values. */
export const axisPosition = (v: number, min: number, max: number, log: boolean): number => {
  if (log) {
    const lo = Math.log10(min);
    const hi = Math.log10(max);
    return hi === lo ? 0.5 : (Math.log10(Math.max(v, min)) - lo) / (hi - lo);
  }
  return max === min ? 0.5 : (v - min) / (max - min);
};

/** Round tick values: powers of ten on a log axis, 1/2/5 steps on a linear one (about `count`). */
export const niceTicks = (min: number, max: number, log: boolean, count = 4): number[] => {
  if (log) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e);
    return out;
  }
  if (max <= min) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if (out[out.length - 1]! < max) out.push(Number((out[out.length - 1]! + step).toPrecision(12)));
  return out;
};

/** The extent of an axis: from 0 (linear, non-negative values) or the lowest tick (log) to the highest tick. */
const extent = (values: number[], log: boolean): { min: number; max: number; ticks: number[] } => {
  const pos = log ? values.filter((v) => v > 0) : values;
  const lo = Math.min(...pos);
  const hi = Math.max(...pos);
  const ticks = niceTicks(log ? lo : Math.min(0, lo), hi, log);
  return { min: ticks[0]!, max: ticks[ticks.length - 1]!, ticks };
};

export interface BarSeries {
  name: string;
  values: number[];
}
export interface BarGeometry {
  /** Total height, px. */
  height: number;
  rows: {
    label: string;
    /** Baseline of the label text, px. */
    labelY: number;
    bars: {
      series: number;
      y: number;
      h: number;
      /** Width, % of the chart (at most BAR_SPAN). */
      w: number;
      /** The value, formatted, drawn just after the bar. */
      text: string;
    }[];
  }[];
}

/** Widest bar, % of the chart width: the rest holds the value text. */
export const BAR_SPAN = 72;
const LABEL_H = 18;
const BAR_H = 14;
const BAR_GAP = 3;
const ROW_GAP = 10;

/**
 * Horizontal bars: per label, its name on a line, then one bar per series with its value written
 * after it. Widths are proportional (or logarithmic when `log`), the longest BAR_SPAN%.
 */
export const barGeometry = (
  labels: string[],
  series: BarSeries[],
  format: (v: number) => string,
  log = false,
): BarGeometry & { kind: 'bars'; legend: string[] } => {
  const all = series.flatMap((s) => s.values).filter((v) => Number.isFinite(v));
  const pos = all.filter((v) => v > 0);
  const max = Math.max(0, ...all);
  const min = pos.length ? Math.min(...pos) : 0;
  const useLog = log && pos.length > 1;
  // A log bar starts a little below the smallest value, so that the smallest bar is still seen.
  const floor = useLog ? min / 2 : 0;
  // A legend line first when there are several series.
  let y = series.length > 1 ? 24 : 0;
  const rows = labels.map((label, i) => {
    const labelY = y + LABEL_H - 4;
    y += LABEL_H;
    const bars = series.map((s, si) => {
      const v = s.values[i] ?? 0;
      const frac = max <= 0 ? 0 : useLog ? (v > 0 ? axisPosition(v, floor, max, true) : 0) : v / max;
      const bar = { series: si, y, h: BAR_H, w: Math.max(0, frac * BAR_SPAN), text: format(v) };
      y += BAR_H + BAR_GAP;
      return bar;
    });
    y += ROW_GAP;
    return { label, labelY, bars };
  });
  return { kind: 'bars', legend: series.map((s) => s.name), height: y, rows };
};

export interface ScatterInput {
  label: string;
  x: number;
  y: number;
}
export interface ScatterGeometry {
  height: number;
  /** Plot area, px from the top. */
  top: number;
  bottom: number;
  points: {
    label: string;
    /** Centre: cx in %, cy in px. */
    cx: number;
    cy: number;
    /** Label position: lx in %, ly px; anchored at its start or end (towards the middle). */
    lx: number;
    ly: number;
    anchor: 'start' | 'end';
    /** The label is on another line than its point: a thin line joins them. */
    leader: boolean;
  }[];
  xTicks: { at: number; text: string; anchor: 'start' | 'middle' | 'end' }[];
  yTicks: { y: number; text: string }[];
}

/**
 * A label's width in % of the chart, assumed on the narrowest chart (a 360 px screen: about 330 px
 * wide) at about 6.6 px per character of the 0.8rem text, so that labels fit there; wider charts
 * have room to spare.
 */
export const labelWidth = (label: string): number => Math.min(100, (label.length * 6.6 * 100) / 330);

/** Horizontal room kept free at each side of the plot, %. */
const INSET = 3;
const LINE = 15;

/**
 * A scatter plot: points placed on both axes (each linear or logarithmic), each with its label
 * beside it, on the side towards the middle of the chart, moved down when it would overlap a label
 * already placed nearby. Tick labels: y above its grid line at the left edge, x under the axis.
 */
export const scatterGeometry = (
  input: ScatterInput[],
  opts: {
    xLog: boolean;
    yLog: boolean;
    formatX: (v: number) => string;
    formatY: (v: number) => string;
    xTitle: string;
    yTitle: string;
    height?: number;
  },
): ScatterGeometry & { kind: 'scatter'; xTitle: string; yTitle: string } => {
  const height = opts.height ?? 320;
  const top = 30;
  const bottom = height - 40;
  const xs = extent(
    input.map((p) => p.x),
    opts.xLog,
  );
  const ys = extent(
    input.map((p) => p.y),
    opts.yLog,
  );
  const cxOf = (v: number) => INSET + axisPosition(v, xs.min, xs.max, opts.xLog) * (100 - 2 * INSET);
  const cyOf = (v: number) => bottom - axisPosition(v, ys.min, ys.max, opts.yLog) * (bottom - top);
  const placed: { x0: number; x1: number; ly: number }[] = [];
  const centres = input.map((p) => ({ label: p.label, cx: cxOf(p.x), cy: cyOf(p.y) }));
  /** A label line (baseline ly) over a point's dot. */
  const onDot = (x0: number, x1: number, ly: number) =>
    centres.some((c) => c.cx + 1.5 > x0 && c.cx - 1.5 < x1 && c.cy - 5 < ly + 3 && c.cy + 5 > ly - LINE + 4);
  const points = centres
    .sort((a, b) => b.cy - a.cy || a.cx - b.cx)
    .map((p) => {
      const len = labelWidth(p.label);
      // Towards the middle of the chart, kept inside it even on a narrow screen.
      const anchor: 'start' | 'end' = p.cx > 50 ? 'end' : 'start';
      const lx = anchor === 'start' ? Math.min(p.cx + 1.5, 100 - len) : Math.max(p.cx - 1.5, len);
      const [x0, x1] = anchor === 'start' ? [lx, lx + len] : [lx - len, lx];
      const clear = (ly: number) =>
        ly - LINE + 3 >= 0 &&
        ly <= bottom - 5 &&
        !onDot(x0, x1, ly) &&
        placed.every((l) => !(x0 < l.x1 && l.x0 < x1 && Math.abs(l.ly - ly) < LINE));
      // Beside the point if free (of other labels and dots), else the nearest free line above or below it.
      const base = p.cy + 4;
      const ly =
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((k) => (k ? [base - k * LINE, base + k * LINE] : [base])).find(clear) ?? base;
      placed.push({ x0, x1, ly });
      return { ...p, lx, ly, anchor, leader: ly !== base };
    });
  const xTicks = xs.ticks.map((t, i) => ({
    at: cxOf(t),
    text: opts.formatX(t),
    anchor: (i === 0 ? 'start' : i === xs.ticks.length - 1 ? 'end' : 'middle') as 'start' | 'middle' | 'end',
  }));
  const yTicks = ys.ticks.map((t) => ({ y: cyOf(t), text: opts.formatY(t) }));
  return { kind: 'scatter', xTitle: opts.xTitle, yTitle: opts.yTitle, height, top, bottom, points, xTicks, yTicks };
};

/** Either chart, as the SvgChart component draws it. */
export type ChartGeometry = ReturnType<typeof barGeometry> | ReturnType<typeof scatterGeometry>;
