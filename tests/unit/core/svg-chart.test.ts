/** Geometry of the server-side SVG charts: proportional bars, labelled points, no label overlaps or clipping. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axisPosition, BAR_SPAN, barGeometry, labelWidth, niceTicks, scatterGeometry } from '../../../src/core/svg-chart.ts';
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
