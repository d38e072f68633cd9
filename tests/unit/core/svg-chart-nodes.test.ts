/**
 * The one description of a chart's SVG elements (drawn by the server and by the browser): every
 * label and value once, bars as wide as their geometry says, no NaN; and the comparison specs'
 * SVG geometry (labels, series, log, values as the tables write them).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  barGeometry,
  chartNodes,
  scatterGeometry,
  stepGeometry,
  type ChartGeometry,
  type SvgNode,
} from '../../../src/core/svg-chart.ts';
import { formatCount, formatUsd } from '../../../src/core/format.ts';
import {
  barSpecGeometry,
  chartNote,
  chartPoints,
  drawnAsSvg,
  specGeometry,
  SVG_MAX_POINTS,
  type ChartSpec,
} from '../../../src/views/compare/chart-data.ts';

const usd = (v: number) => `$${v.toFixed(2)}`;
const all = (nodes: SvgNode[]): SvgNode[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
const texts = (g: ChartGeometry) => all(chartNodes(g)).flatMap((n) => (n.text === undefined ? [] : [n.text]));
const count = (list: string[], s: string) => list.filter((t) => t === s).length;
const noNaN = (g: ChartGeometry) => {
  for (const n of all(chartNodes(g)))
    for (const [k, v] of Object.entries(n.attrs)) assert.doesNotMatch(String(v), /NaN|undefined|Infinity/, `${n.tag} ${k}`);
};

describe('bars', () => {
  const labels = ['Acme', 'Beta <b>', 'Gamma'];
  const series = [
    { name: 'Input', values: [3, 1, null] },
    { name: 'Output', values: [12, 4, 8] },
  ];
  const g = barGeometry(labels, series, usd);
  const nodes = chartNodes(g);
  test('a legend, then one group per label: its name once, each value once', () => {
    const t = texts(g);
    for (const l of [...labels, ...series.map((s) => s.name)]) assert.equal(count(t, l), 1, l);
    for (const v of series.flatMap((s) => s.values))
      assert.equal(
        count(t, v === null ? '—' : usd(v)),
        v === null ? 1 : series.flatMap((s) => s.values).filter((x) => x === v).length,
      );
    assert.equal(nodes[0]!.attrs.class, 'legend');
    assert.equal(nodes.length, 1 + labels.length);
  });
  test('bars as wide as their values, in the same order; no NaN', () => {
    const rects = all(nodes).filter((n) => n.tag === 'rect' && n.attrs.width !== 12);
    const values = series.flatMap((s, si) => labels.map((_, i) => ({ v: series[si]!.values[i] ?? 0, i, si })));
    const width = (i: number, si: number) => parseFloat(String(rects[i * series.length + si]!.attrs.width));
    for (const a of values)
      for (const b of values) if ((a.v ?? 0) < (b.v ?? 0)) assert.ok(width(a.i, a.si) < width(b.i, b.si), `${a.v} < ${b.v}`);
    assert.equal(width(2, 0), 0, 'no figure, no bar');
    noNaN(g);
  });
  test('a single series has no legend', () => {
    const one = chartNodes(barGeometry(['A', 'B'], [{ name: 'USD', values: [1, 2] }], usd));
    assert.ok(one.every((n) => n.attrs.class !== 'legend'));
  });
});

describe('scatter', () => {
  const pts = [
    { label: 'Acme, us-east', x: 80, y: 2 },
    { label: 'Beta, eu-west', x: 40, y: 0.5 },
    { label: 'Gamma, ap', x: 10, y: 9 },
  ];
  const g = scatterGeometry(pts, {
    xLog: false,
    yLog: true,
    formatX: String,
    formatY: usd,
    xTitle: 'Speed',
    yTitle: 'Price',
  });
  test('every point a circle with its label once; ticks and titles written', () => {
    const t = texts(g);
    for (const p of pts) assert.equal(count(t, p.label), 1, p.label);
    assert.equal(all(chartNodes(g)).filter((n) => n.tag === 'circle').length, pts.length);
    for (const s of ['Speed', 'Price', ...g.xTicks.map((x) => x.text), ...g.yTicks.map((y) => y.text)])
      assert.ok(t.includes(s), s);
    noNaN(g);
  });
});

describe('steps', () => {
  const g = stepGeometry(
    ['Earlier', '2025-03-01'],
    [
      { name: 'Acme', meter: 'input', values: [2, 1] },
      { name: 'Acme', meter: 'output', values: [8, 6] },
    ],
    { formatX: (d) => `on ${d}`, formatY: usd },
  );
  test('every line a group of pieces, and its label lines once each in a nested svg', () => {
    const nodes = all(chartNodes(g));
    assert.equal(nodes.filter((n) => n.tag === 'g' && String(n.attrs.class).startsWith('step ')).length, g.lines.length);
    const t = texts(g);
    for (const line of g.lines.flatMap((l) => l.label.lines)) assert.equal(count(t, line), 1, line);
    for (const x of g.xTicks) assert.equal(count(t, x.text), 1, x.text);
    assert.equal(nodes.filter((n) => n.tag === 'svg').length, g.lines.length);
    assert.equal(nodes.filter((n) => String(n.attrs.class).includes('dashed') && n.tag === 'g').length, 1, 'output dashed');
    noNaN(g);
  });
});

describe('comparison specs as SVG', () => {
  const meters: ChartSpec = {
    kind: 'bar',
    title: 'M',
    labels: ['Acme', 'Beta', 'Gamma'],
    datasets: [
      { label: 'Input', data: [0.5, 2, null] },
      { label: 'Output', data: [1.5, 200, 3] },
    ],
    value: { title: 'USD per 1M tokens', unit: 'usd', log: true },
  };
  test('labels are the rows, datasets the series, values as the tables write them, log as the spec says', () => {
    const g = barSpecGeometry(meters);
    assert.deepEqual(
      g.rows.map((r) => r.label),
      meters.labels,
    );
    assert.deepEqual(
      g.legend,
      meters.datasets.map((d) => d.label),
    );
    assert.deepEqual(
      g.rows.map((r) => r.bars.map((b) => b.text)),
      meters.labels.map((_, i) =>
        meters.datasets.map((d) => {
          const v = (d.data as (number | null)[])[i]!;
          return v === null ? '—' : formatUsd(v);
        }),
      ),
    );
    const linear = barSpecGeometry({ ...meters, value: { ...meters.value!, log: false } });
    assert.ok(g.rows[0]!.bars[0]!.w > linear.rows[0]!.bars[0]!.w, 'log: a small bar is wider than on a linear axis');
    // The caption says so when the axis is logarithmic, and only then.
    assert.equal(chartNote('Prices.', meters), 'Prices. Logarithmic scale.');
    assert.equal(chartNote('Prices.', { ...meters, value: { ...meters.value!, log: false } }), 'Prices.');
  });
  test('milliseconds and scatter points as the tables and samples say', () => {
    const ttft: ChartSpec = {
      kind: 'bar',
      title: 'T',
      labels: ['eu', 'us'],
      datasets: [{ label: 'Acme', data: [1510, 420] }],
      value: { title: 'ms', unit: 'ms', log: false },
    };
    assert.deepEqual(
      barSpecGeometry(ttft).rows.map((r) => r.bars[0]!.text),
      [1510, 420].map((v) => `${formatCount(v)} ms`),
    );
    const speed: ChartSpec = {
      kind: 'scatter',
      title: 'S',
      labels: [],
      datasets: [
        {
          label: 'Samples',
          data: [
            { x: 80, y: 2, label: 'Acme, us · 1 Jun 2025 · probe', name: 'Acme, us' },
            { x: 40, y: 1, label: 'Beta, eu' },
          ],
        },
      ],
      x: { title: 'tok/s', unit: 'tps', log: false },
      y: { title: 'USD', unit: 'usd', log: false },
    };
    const g = specGeometry(speed);
    assert.equal(g.kind, 'scatter');
    assert.deepEqual(g.kind === 'scatter' && g.points.map((p) => p.label).sort(), ['Acme, us', 'Beta, eu']);
  });
  test('price charts always SVG; performance charts SVG up to SVG_MAX_POINTS bars or points', () => {
    const bars = (labels: number, sets: number): ChartSpec => ({
      ...meters,
      labels: Array.from({ length: labels }, (_, i) => `r${i}`),
      datasets: Array.from({ length: sets }, (_, i) => ({ label: `p${i}`, data: Array.from({ length: labels }, () => 1) })),
    });
    assert.equal(chartPoints(bars(3, 2)), 6);
    assert.equal(drawnAsSvg('chart-meters', bars(SVG_MAX_POINTS, 3)), true);
    assert.equal(drawnAsSvg('chart-ttft', bars(SVG_MAX_POINTS / 2, 2)), true);
    assert.equal(drawnAsSvg('chart-ttft', bars(SVG_MAX_POINTS / 2 + 1, 2)), false);
  });
});
