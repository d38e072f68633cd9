/** Geometry of the server-side SVG charts: proportional bars, labelled points, no label overlaps or clipping. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axisPosition,
  BAR_SPAN,
  barGeometry,
  labelWidth,
  LINE,
  niceTicks,
  scatterGeometry,
  stepGeometry,
  stepLabelWidth,
} from '../../../src/core/svg-chart.ts';
import { chartUsd } from '../../../src/views/model/chart.ts';

const usd = (v: number) => `$${v.toFixed(2)}`;

describe('axes', () => {
  test('linear and logarithmic positions', () => {
    assert.equal(axisPosition(5, 0, 10, false), 0.5);
    assert.equal(axisPosition(10, 1, 100, true), 0.5);
    assert.equal(axisPosition(3, 3, 3, false), 0.5);
  });
  test('round ticks that cover the values', () => {
    assert.deepEqual(niceTicks(0, 9, false), [0, 5, 10]);
    assert.deepEqual(niceTicks(0, 1, false), [0, 0.5, 1]);
    assert.deepEqual(niceTicks(0.2, 40, true), [0.1, 1, 10, 100]);
    const t = niceTicks(0, 137, false);
    assert.ok(t[0]! <= 0 && t[t.length - 1]! >= 137);
  });
});

describe('bars', () => {
  test('widths proportional to the values, the widest BAR_SPAN %, each with its value and label', () => {
    const g = barGeometry(['A', 'B'], [{ name: 'Input', values: [1, 4] }], usd);
    assert.equal(g.rows.length, 2);
    assert.equal(g.rows[1]!.bars[0]!.w, BAR_SPAN);
    assert.equal(g.rows[0]!.bars[0]!.w, BAR_SPAN / 4);
    assert.deepEqual(
      g.rows.map((r) => [r.label, r.bars[0]!.text]),
      [
        ['A', '$1.00'],
        ['B', '$4.00'],
      ],
    );
    assert.deepEqual(g.legend, ['Input']);
  });
  test('two series: a legend line, bars one under the other, nothing overlapping', () => {
    const g = barGeometry(
      ['A', 'B'],
      [
        { name: 'Input', values: [1, 2] },
        { name: 'Output', values: [3, 4] },
      ],
      usd,
    );
    const ys = g.rows.flatMap((r) => [[r.labelY - 14, r.labelY], ...r.bars.map((b) => [b.y, b.y + b.h])]);
    for (let i = 1; i < ys.length; i++) assert.ok(ys[i]![0]! >= ys[i - 1]![1]! - 0.001, JSON.stringify(ys));
    assert.ok(g.rows[0]!.labelY > 20, 'below the legend');
    assert.ok(g.height >= ys[ys.length - 1]![1]!);
  });
  test('a log axis keeps the smallest bar visible and zero at zero', () => {
    const g = barGeometry(['A', 'B', 'C'], [{ name: 'x', values: [0.01, 100, 0] }], usd, true);
    const [a, b, c] = g.rows.map((r) => r.bars[0]!.w);
    assert.ok(a! > 0 && a! < b!);
    assert.equal(b, BAR_SPAN);
    assert.equal(c, 0);
  });
});

describe('scatter', () => {
  const pts = [
    { label: 'Alpha', x: 100, y: 1 },
    { label: 'Beta', x: 105, y: 1.02 },
    { label: 'Gamma', x: 400, y: 3 },
  ];
  const g = scatterGeometry(pts, {
    xLog: false,
    yLog: false,
    formatX: String,
    formatY: usd,
    xTitle: 'x',
    yTitle: 'y',
  });
  test('every point inside the plot and labelled', () => {
    assert.deepEqual(g.points.map((p) => p.label).sort(), ['Alpha', 'Beta', 'Gamma']);
    for (const p of g.points) {
      assert.ok(p.cx >= 0 && p.cx <= 100, `${p.label} x`);
      assert.ok(p.cy >= g.top && p.cy <= g.bottom, `${p.label} y`);
      assert.ok(p.ly <= g.height);
    }
  });
  test('labels of close points do not overlap; labels run towards the middle', () => {
    const [a, b] = ['Alpha', 'Beta'].map((l) => g.points.find((p) => p.label === l)!);
    assert.ok(Math.abs(a!.ly - b!.ly) >= 15);
    const right = g.points.find((p) => p.label === 'Gamma')!;
    assert.equal(right.anchor, 'end');
    assert.equal(a!.anchor, 'start');
  });
  test('ticks cover the values; the end ticks are anchored inside the chart', () => {
    assert.equal(g.xTicks[0]!.anchor, 'start');
    assert.equal(g.xTicks[g.xTicks.length - 1]!.anchor, 'end');
    assert.ok(g.yTicks.every((t) => t.y >= g.top - 0.001 && t.y <= g.bottom + 0.001));
  });
});

describe('labels fit', () => {
  test('long labels near either edge stay inside the chart, on the plot, without overlapping', () => {
    const pts = Array.from({ length: 10 }, (_, i) => ({
      label: `Model number ${i} at Some Provider`,
      x: i % 2 ? 1000 : 1,
      y: 1 + (i % 3) * 0.01,
    }));
    const g = scatterGeometry(pts, { xLog: false, yLog: false, formatX: String, formatY: usd, xTitle: '', yTitle: '' });
    const spans = g.points.map((p) => {
      const w = labelWidth(p.label);
      return { x0: p.anchor === 'start' ? p.lx : p.lx - w, x1: p.anchor === 'start' ? p.lx + w : p.lx, ly: p.ly };
    });
    for (const s of spans) assert.ok(s.x0 >= -0.001 && s.x1 <= 100.001 && s.ly <= g.bottom, JSON.stringify(s));
    for (let i = 0; i < spans.length; i++)
      for (let j = 0; j < i; j++) {
        const [a, b] = [spans[i]!, spans[j]!];
        assert.ok(!(a.x0 < b.x1 && b.x0 < a.x1 && Math.abs(a.ly - b.ly) < 15), `${i} overlaps ${j}`);
      }
  });
  test('chart prices: two decimals, two significant digits below ten cents', () => {
    assert.deepEqual([0.6, 0.075, 2.5, 0].map(chartUsd), ['$0.60', '$0.075', '$2.50', '$0.00']);
  });
});

describe('steps', () => {
  const labels = ['Earlier', '2025-01-01', '2025-06-01'];
  const series = [
    { name: 'Acme', meter: 'input' as const, values: [2, 2, 1] },
    { name: 'Acme', meter: 'output' as const, values: [8, 8, 4] },
    { name: 'Relay', meter: 'input' as const, values: [null, 1.5, 1.5] },
    { name: 'Relay', meter: 'output' as const, values: [null, 6, 6] },
  ];
  const g = stepGeometry(labels, series, { formatX: (d) => `on ${d}`, formatY: usd });
  const flat = (l: (typeof g.lines)[number]) => l.segments.filter((s) => s.y1 === s.y2);
  /** A label's box: its width in %, from its first line's top to its last line's bottom, px. */
  const box = (l: (typeof g.lines)[number]) => ({
    x0: l.label.rx - stepLabelWidth(l.label.lines),
    x1: l.label.rx,
    y0: l.label.ly - 11,
    y1: l.label.ly + (l.label.lines.length - 1) * LINE + 3,
  });

  test('pieces run left to right, inside the plot, the last to the right edge', () => {
    for (const l of g.lines) {
      for (let i = 1; i < l.segments.length; i++) assert.ok(l.segments[i]!.x1 >= l.segments[i - 1]!.x1);
      for (const s of l.segments) {
        assert.ok(s.x1 >= 0 && s.x2 <= 100 && s.x1 <= s.x2);
        for (const y of [s.y1, s.y2]) assert.ok(y >= g.top && y <= g.bottom);
      }
      assert.equal(Math.max(...l.segments.map((s) => s.x2)), Math.max(...g.lines.flatMap((m) => m.segments.map((s) => s.x2))));
    }
  });
  test('a higher price is higher on screen; y from 0 at the axis', () => {
    const acmeIn = flat(g.lines[0]!);
    const acmeOut = flat(g.lines[1]!);
    assert.ok(acmeOut[0]!.y1 < acmeIn[0]!.y1, 'output above input');
    assert.ok(acmeIn[0]!.y1 < acmeIn[2]!.y1, '2 above 1');
    const zero = g.yTicks.find((t) => t.text === usd(0))!;
    assert.equal(zero.y, g.bottom);
    // Linear: the price's height over the axis is proportional to it.
    assert.ok(Math.abs((g.bottom - acmeOut[0]!.y1) / (g.bottom - acmeIn[0]!.y1) - 8 / 2) < 1e-9);
  });
  test('step shape: flat until the next label, then a vertical piece to the new price', () => {
    const s = g.lines[0]!.segments;
    const drop = s.findIndex((p) => p.x1 === p.x2);
    assert.ok(drop > 0);
    const [before, step, after] = [s[drop - 1]!, s[drop]!, s[drop + 1]!];
    assert.equal(before.y1, before.y2);
    assert.equal(step.x1, before.x2);
    assert.deepEqual([step.y1, step.y2], [before.y1, after.y1]);
    assert.equal(after.x1, step.x1);
    assert.equal(after.y1, after.y2);
  });
  test('no price, no piece: a null value breaks the line', () => {
    const relay = g.lines[2]!;
    const firstX = Math.min(...relay.segments.map((s) => s.x1));
    assert.ok(firstX > Math.min(...g.lines[0]!.segments.map((s) => s.x1)));
    const gap = stepGeometry(['a', 'b', 'c'], [{ name: 'P', meter: 'input', values: [1, null, 2] }], {
      formatX: String,
      formatY: usd,
    });
    const [l] = gap.lines;
    assert.equal(l!.segments.length, 2);
    assert.ok(l!.segments.every((s) => s.y1 === s.y2));
    assert.ok(l!.segments[0]!.x2 < l!.segments[1]!.x1, 'a gap between them');
  });
  test('every line labelled with its names, meter and last price; output dashed', () => {
    assert.deepEqual(
      g.lines.map((l) => [l.label.lines.join(' '), l.dashed]),
      series.map((s) => [`${s.name} ${s.meter} ${usd(s.values[s.values.length - 1]!)}`, s.meter === 'output']),
    );
    // A provider's input and output share a colour; providers differ.
    assert.equal(g.lines[0]!.colour, g.lines[1]!.colour);
    assert.notEqual(g.lines[0]!.colour, g.lines[2]!.colour);
  });
  test('x ticks: formatted dates, "Earlier" as is, evenly spaced', () => {
    assert.deepEqual(
      g.xTicks.map((t) => t.text),
      labels.map((l) => (l === 'Earlier' ? l : `on ${l}`)),
    );
    const gaps = g.xTicks.slice(1).map((t, i) => t.at - g.xTicks[i]!.at);
    assert.ok(gaps.every((d) => Math.abs(d - gaps[0]!) < 1e-9));
  });
  test('equal series are one line naming them all', () => {
    const m = stepGeometry(
      ['a'],
      [
        { name: 'A', meter: 'input', values: [1] },
        { name: 'B', meter: 'input', values: [1] },
        { name: 'A', meter: 'input', values: [1] },
        { name: 'B', meter: 'output', values: [1] },
      ],
      { formatX: String, formatY: usd },
    );
    assert.deepEqual(
      m.lines.map((l) => l.label.lines.join(' ')),
      [`A, B input ${usd(1)}`, `B output ${usd(1)}`],
    );
  });
  test('labels of close or equal prices do not overlap each other, stay inside the chart, and a moved one has a leader', () => {
    const many = stepGeometry(
      ['Earlier', '2026-06-30', '2026-09-01'],
      Array.from({ length: 8 }, (_, i) => ({
        name: `Provider number ${i}`,
        meter: i % 2 ? ('output' as const) : ('input' as const),
        values: [null, 2 + (i % 3) * 0.01, 3 + (i % 4) * 0.01],
      })),
      { formatX: String, formatY: usd },
    );
    const boxes = many.lines.map(box);
    for (const b of boxes) assert.ok(b.x0 >= 0 && b.x1 <= 100.001 && b.y0 >= 0 && b.y1 <= many.bottom, JSON.stringify(b));
    for (let i = 0; i < boxes.length; i++)
      for (let j = 0; j < i; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        assert.ok(!(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1), `${i} overlaps ${j}`);
      }
    const moved = many.lines.filter((l) => l.label.leader);
    assert.ok(moved.length > 0);
    for (const l of moved) {
      const last = flat(l).at(-1)!;
      assert.equal(l.label.leader!.y1, last.y1, 'from its line');
      assert.ok([box(l).y0, box(l).y1].includes(l.label.leader!.y2), 'to its label');
    }
  });
  test('a line at the same price as an earlier one is drawn just above it, not hidden under it', () => {
    const two = stepGeometry(
      ['a', 'b'],
      [
        { name: 'A', meter: 'input', values: [2, 3] },
        { name: 'B', meter: 'input', values: [null, 3] },
      ],
      { formatX: String, formatY: usd },
    );
    const [a, b] = two.lines.map((l) => flat(l).at(-1)!);
    assert.ok(b!.y1 < a!.y1 && a!.y1 - b!.y1 < LINE / 2, `${a!.y1} ${b!.y1}`);
  });
  test('long names wrap onto lines of the narrowest chart', () => {
    const names = ['Amazon Bedrock', 'OpenRouter', 'Vertex', 'Vertex (Anthropic)'];
    const w = stepGeometry(
      ['a'],
      names.map((name) => ({ name, meter: 'input' as const, values: [3] })),
      { formatX: String, formatY: usd },
    );
    const { lines } = w.lines[0]!.label;
    assert.ok(lines.length > 1);
    assert.equal(lines.join(' '), `${names.join(', ')} input ${usd(3)}`);
    assert.ok(lines.every((l) => labelWidth(l) < 80));
  });
});
