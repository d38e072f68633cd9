/**
 * Geometry of the small charts drawn as server-side SVG (no JavaScript): labelled horizontal bars
 * and labelled scatter points. Pure: positions only, the components draw them. Horizontal
 * positions are percentages of the chart's width (so that a chart fits any screen with its text
 * at its normal size), vertical positions are pixels. Every bar and point carries its own label
 * and value, so no tooltip is needed.
 */

/** A horizontal position, % of the chart's width, as drawn. */
const pct = (v: number) => `${v.toFixed(2)}%`;

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
  /** null: no figure (no bar, a dash for its value). */
  values: (number | null)[];
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
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
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
      const v = s.values[i] ?? null;
      const frac = v === null || max <= 0 ? 0 : useLog ? (v > 0 ? axisPosition(v, floor, max, true) : 0) : v / max;
      const bar = { series: si, y, h: BAR_H, w: Math.max(0, frac * BAR_SPAN), text: v === null ? '—' : format(v) };
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
export const LINE = 15;

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

export interface StepSeries {
  /** Whose price it is (a provider). */
  name: string;
  /** Input is drawn solid, output dashed. */
  meter: 'input' | 'output';
  /** The price from each label on; null where there is none (no line drawn there). */
  values: (number | null)[];
}
export interface Segment {
  /** x in % of the chart, y in px. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface StepGeometry {
  height: number;
  /** Plot area, px from the top. */
  top: number;
  bottom: number;
  lines: {
    /** Colour class index (s0, s1, …): one per set of names, shared by their input and output lines. */
    colour: number;
    dashed: boolean;
    /** Horizontal then vertical pieces, left to right. */
    segments: Segment[];
    /**
     * The label of the line's last price: its text lines (names, meter and price), its right end in
     * % (the text, right-aligned, then a sample of the line, MARKER px wide), the baseline of its
     * first line in px; a leader joins it to its line when it had to move off it.
     */
    label: { lines: string[]; rx: number; ly: number; leader: Segment | undefined };
  }[];
  /** Tick labels under the axis at their label's start, on a second row when the first is taken. */
  xTicks: { at: number; x: number; y: number; text: string }[];
  yTicks: { y: number; text: string }[];
}

/** Series colour classes the component defines (s0 … s5). */
export const SERIES_COLOURS = 6;
/** Vertical shift of a line drawn over an earlier one at the same price, px. */
const SHIFT = 3;
/** Step of the search for a free place for a step label, px. */
const NUDGE = 5;
/** Width of a step label's line sample after its text, px. */
export const MARKER = 18;
/** Longest line of a step label, in characters (about 80% of the narrowest chart). */
const WRAP = 38;
/** A step label's width in % of the chart: its marker and its longest line. */
export const stepLabelWidth = (lines: string[]): number =>
  Math.min(100, (MARKER * 100) / 330 + Math.max(...lines.map(labelWidth)));

/** Words joined into lines of at most WRAP characters (a longer word keeps a line of its own). */
const wrap = (words: string[]): string[] => {
  const out: string[] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + 1 + w.length <= WRAP) out[out.length - 1] = `${last} ${w}`;
    else out.push(w);
  }
  return out;
};

/**
 * A step chart of prices: each series flat from each label (a change) to the next, then a vertical
 * step to its next price; the last price runs to the right edge ("from then on"). The labels are
 * evenly spaced, not placed by date: the oldest may be undated ("Earlier"), changes can be days or
 * years apart, and an even spacing keeps every step wide enough to see and its date readable (the
 * tables under the chart give the exact dates). y is linear from 0. Series with the same meter and
 * the same prices would be drawn over each other: they are one line, labelled with all their names.
 * Each line is labelled at its last price (names, meter and price) just above the end of it, or at
 * the nearest free place when that overlaps another label or line, with a leader.
 */
export const stepGeometry = (
  labels: string[],
  series: StepSeries[],
  opts: { formatX: (label: string) => string; formatY: (v: number) => string; height?: number },
): StepGeometry & { kind: 'steps' } => {
  const top = 24;
  const bottom = (opts.height ?? 240) - 16;
  const n = Math.max(1, labels.length);
  const col = (100 - 2 * INSET) / n;
  const xOf = (i: number) => INSET + i * col;
  const end = 100 - INSET;
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const ticks = niceTicks(0, Math.max(0, ...all), false);
  const yMax = ticks[ticks.length - 1]!;
  const yOf = (v: number) => bottom - axisPosition(v, 0, yMax, false) * (bottom - top);

  // Equal series (same meter, same prices) merged, names in order of first appearance, once each.
  const groups: { names: string[]; meter: StepSeries['meter']; values: (number | null)[] }[] = [];
  for (const s of series) {
    const same = groups.find(
      (g) => g.meter === s.meter && g.values.length === s.values.length && g.values.every((v, i) => v === s.values[i]),
    );
    if (!same) groups.push({ names: [s.name], meter: s.meter, values: s.values });
    else if (!same.names.includes(s.name)) same.names.push(s.name);
  }
  const colourKeys: string[] = [];
  const colourOf = (names: string[]) => {
    const key = names.join('\n');
    if (!colourKeys.includes(key)) colourKeys.push(key);
    return colourKeys.indexOf(key) % SERIES_COLOURS;
  };

  // Horizontal pieces from each price to the next label (the last to the right edge), a vertical
  // piece where the price changes; none where there is no price, so a gap breaks the line. A piece
  // that would lie on an earlier line's (the same price over the same labels) is drawn SHIFT px
  // higher per line under it, so that each line stays visible.
  const taken: { i: number; y: number }[] = [];
  const drawn = groups
    .map((g) => {
      const ys = g.values.map((v, i) => {
        if (v === null || !Number.isFinite(v)) return null;
        const under = taken.filter((t) => t.i === i && Math.abs(t.y - yOf(v)) < SHIFT).length;
        return yOf(v) - under * SHIFT;
      });
      g.values.forEach((v, i) => v !== null && Number.isFinite(v) && taken.push({ i, y: yOf(v) }));
      const segments: Segment[] = [];
      let last = -1;
      ys.forEach((y, i) => {
        if (y === null) return;
        const prev = i > 0 ? ys[i - 1] : null;
        if (prev !== null && prev !== undefined && prev !== y) segments.push({ x1: xOf(i), y1: prev, x2: xOf(i), y2: y });
        segments.push({ x1: xOf(i), y1: y, x2: i + 1 < n ? xOf(i + 1) : end, y2: y });
        last = i;
      });
      return { g, segments, last, y: ys[last] ?? bottom };
    })
    .filter((d) => d.last >= 0);
  const pieces = drawn.flatMap((d) => d.segments);

  // Labels, the tallest first (they have the fewest places to go), then the highest line's: above
  // the line's last price when free, else the nearest free place.
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  let moved = 0;
  const labelOf = new Map<number, StepGeometry['lines'][number]['label']>();
  const order = drawn
    .map((d, i) => {
      const names = d.g.names.map((nm, k) => (k < d.g.names.length - 1 ? `${nm},` : nm));
      return { d, i, y: d.y, lines: wrap([...names, `${d.g.meter} ${opts.formatY(d.g.values[d.last]!)}`]) };
    })
    .sort((a, b) => b.lines.length - a.lines.length || a.y - b.y || a.i - b.i);
  for (const { d, i, y, lines } of order) {
    const len = stepLabelWidth(lines);
    // At the end of the line's last piece (the chart's right edge for a current price), so that on
    // a wide screen, where the text is narrower than assumed, it still sits over its line.
    const segStart = xOf(d.last);
    const segEnd = d.segments[d.segments.length - 1]!.x2;
    const rx = Math.max(len, segEnd === end ? 100 : segEnd);
    const [x0, x1] = [rx - len, rx];
    // A block of text lines: from the first line's cap height to the last line's descent.
    const box = (ly: number) => ({ y0: ly - 11, y1: ly + (lines.length - 1) * LINE + 3 });
    // Free of other labels and inside the plot; then, as far as can be, not crossing the lines'
    // pieces: none (level 2), no flat one (level 1), or any (level 0).
    const clear = (ly: number, level: 0 | 1 | 2) => {
      const b = box(ly);
      return (
        b.y0 >= 0 &&
        b.y1 <= bottom &&
        placed.every((p) => !(x0 < p.x1 && p.x0 < x1 && b.y0 < p.y1 && p.y0 < b.y1)) &&
        pieces.every(
          (f) =>
            level === 0 ||
            (level === 1 && f.x1 === f.x2) ||
            !(x0 < f.x2 && f.x1 < x1 && Math.max(f.y1, f.y2) > b.y0 && Math.min(f.y1, f.y2) < b.y1),
        )
      );
    };
    // Above the line when free, else the nearest free place (in NUDGE px steps); over a line rather
    // than over another label (the text has a halo of the background).
    const base = y - 4 - (lines.length - 1) * LINE;
    const tries = Array.from({ length: 60 }, (_, k) => k).flatMap((k) => (k ? [base - k * NUDGE, base + k * NUDGE] : [base]));
    const ly = tries.find((t) => clear(t, 2)) ?? tries.find((t) => clear(t, 1)) ?? tries.find((t) => clear(t, 0)) ?? base;
    placed.push({ x0, x1, ...box(ly) });
    // A leader starts on the line near its end, each moved label's a little further left (leaders
    // apart), under the label's right part (its text on any screen) and off the step's vertical piece.
    const lxLeader = Math.max(segStart + 1, x0 + 1, Math.min(segEnd, rx) - 1 - 2 * moved);
    if (ly !== base) moved++;
    const b = box(ly);
    labelOf.set(i, {
      lines,
      rx,
      ly,
      leader: ly === base ? undefined : { x1: lxLeader, y1: y, x2: lxLeader, y2: b.y0 > y ? b.y0 : b.y1 },
    });
  }

  // x tick labels at their label's start (kept inside the chart), on the first row where they fit.
  const rows: { x0: number; x1: number }[][] = [];
  const xTicks = labels.map((l, i) => {
    const text = l === 'Earlier' ? l : opts.formatX(l);
    const w = labelWidth(text);
    const x = Math.max(0, Math.min(xOf(i), 100 - w));
    let r = rows.findIndex((row) => row.every((t) => x >= t.x1 + 1 || x + w + 1 <= t.x0));
    if (r < 0) r = rows.push([]) - 1;
    rows[r]!.push({ x0: x, x1: x + w });
    return { at: xOf(i), x, y: bottom + 16 + r * LINE, text };
  });
  const height = bottom + 16 + Math.max(0, rows.length - 1) * LINE + 6;
  const yTicks = ticks.map((t) => ({ y: yOf(t), text: opts.formatY(t) }));
  return {
    kind: 'steps',
    height,
    top,
    bottom,
    lines: drawn.map((d, i) => ({
      colour: colourOf(d.g.names),
      dashed: d.g.meter === 'output',
      segments: d.segments,
      label: labelOf.get(i)!,
    })),
    xTicks,
    yTicks,
  };
};

/** Either chart, as the SvgChart component draws it. */
export type ChartGeometry = ReturnType<typeof barGeometry> | ReturnType<typeof scatterGeometry> | ReturnType<typeof stepGeometry>;

/**
 * The SVG elements of a chart, described once: the server draws them (SvgChart.astro, escaped by
 * Astro) and the browser draws the same (src/components/shared/svg-chart-dom.ts, with setAttribute
 * and textContent only). The children of the chart's <svg>, which the component or the island provides.
 */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  /** Text content (never markup). */
  text?: string;
  children?: SvgNode[];
}

const n = (tag: string, attrs: SvgNode['attrs'], text?: string, children?: SvgNode[]): SvgNode => ({
  tag,
  attrs,
  ...(text === undefined ? {} : { text }),
  ...(children === undefined ? {} : { children }),
});

/** y tick labels over their grid lines and the x axis: shared by scatter and step charts. */
const yAxis = (g: { yTicks: { y: number; text: string }[]; bottom: number }): SvgNode[] => [
  ...g.yTicks.flatMap((t) => [
    n('line', { class: 'grid', x1: 0, x2: '100%', y1: t.y, y2: t.y }),
    n('text', { class: 'tick', x: 0, y: t.y - 3 }, t.text),
  ]),
  n('line', { class: 'axis', x1: 0, x2: '100%', y1: g.bottom, y2: g.bottom }),
];

/**
 * Bars: a legend when there are several series, then per label a group of its name and its bars,
 * each with its value after it. Scatter: ticks, axis titles, and each point with its label (and a
 * leader when moved). Steps: ticks, the lines, then their labels (a nested <svg> anchored at the
 * label's right end, so that the text and its line sample keep their size in px).
 */
export const chartNodes = (g: ChartGeometry): SvgNode[] => {
  if (g.kind === 'bars')
    return [
      ...(g.legend.length > 1
        ? [
            n(
              'g',
              { class: 'legend' },
              undefined,
              g.legend.flatMap((name, i) => [
                n('rect', { class: `s${i}`, x: pct(i * 22), y: 2, width: 12, height: 12 }),
                n('text', { x: pct(i * 22), dx: 16, y: 13 }, name),
              ]),
            ),
          ]
        : []),
      ...g.rows.map((r) =>
        n('g', {}, undefined, [
          n('text', { class: 'label', x: 0, y: r.labelY }, r.label),
          ...r.bars.flatMap((b) => [
            n('rect', { class: `s${b.series}`, x: 0, y: b.y, width: pct(b.w), height: b.h }),
            n('text', { class: 'value', x: pct(b.w), dx: 5, y: b.y + b.h - 3 }, b.text),
          ]),
        ]),
      ),
    ];
  if (g.kind === 'steps')
    return [
      ...yAxis(g),
      ...g.xTicks.flatMap((t) => [
        n('line', { class: 'axis', x1: pct(t.at), x2: pct(t.at), y1: g.bottom, y2: g.bottom + 4 }),
        n('text', { class: 'tick', x: pct(t.x), y: t.y }, t.text),
      ]),
      ...g.lines.map((l) =>
        n(
          'g',
          { class: `step s${l.colour}${l.dashed ? ' dashed' : ''}` },
          undefined,
          l.segments.map((s) => n('line', { x1: pct(s.x1), y1: s.y1, x2: pct(s.x2), y2: s.y2 })),
        ),
      ),
      ...g.lines.flatMap((l) => {
        const { leader, lines, rx, ly } = l.label;
        const sampleY = ly + (lines.length - 1) * LINE - 4;
        return [
          ...(leader
            ? [
                n('line', {
                  class: `step-leader s${l.colour}`,
                  x1: pct(leader.x1),
                  y1: leader.y1,
                  x2: pct(leader.x2),
                  y2: leader.y2,
                }),
              ]
            : []),
          n('svg', { class: `step-label s${l.colour}${l.dashed ? ' dashed' : ''}`, x: pct(rx), overflow: 'visible' }, undefined, [
            n('line', { x1: 4 - MARKER, x2: 0, y1: sampleY, y2: sampleY }),
            n(
              'text',
              { class: 'label', x: -MARKER, y: ly, 'text-anchor': 'end' },
              undefined,
              lines.map((line, i) => n('tspan', { x: -MARKER, dy: i ? LINE : 0 }, line)),
            ),
          ]),
        ];
      }),
    ];
  return [
    ...yAxis(g),
    ...g.xTicks.map((t) => n('text', { class: 'tick', x: pct(t.at), y: g.bottom + 16, 'text-anchor': t.anchor }, t.text)),
    n('text', { class: 'axis-title', x: '100%', y: g.height - 4, 'text-anchor': 'end' }, g.xTitle),
    n('text', { class: 'axis-title', x: 0, y: 12 }, g.yTitle),
    ...g.points.flatMap((p) => [
      ...(p.leader ? [n('line', { class: 'leader', x1: pct(p.cx), y1: p.cy, x2: pct(p.lx), y2: p.ly - 4 })] : []),
      n('circle', { class: 's0', cx: pct(p.cx), cy: p.cy, r: 5 }),
      n('text', { class: 'point', x: pct(p.lx), y: p.ly, 'text-anchor': p.anchor }, p.label),
    ]),
  ];
};
