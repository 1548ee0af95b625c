import { describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../../../src/core/metrics.js';
import type { GroupResult, MetricEstimates } from '../../../src/report/report.js';
import {
  axisLabels,
  axisLine,
  costAmounts,
  costBar,
  costLinesUsed,
  formatTick,
  intervalProfile,
  lineChart,
  markerLine,
  pointCentre,
  REFERENCE_CHAR,
} from '../../../src/ui/model/charts.js';
import { readScenarioFile } from '../../../src/scenario/load.js';
import { fakeResult, SMALL } from '../helpers.js';

function totals(values: Record<string, number>): MetricEstimates {
  const out = {} as MetricEstimates;
  for (const name of METRIC_NAMES) out[name] = { mean: values[name] ?? 0, ci95: 0 };
  return out;
}

describe('lineChart', () => {
  it('fills the width with the labels and the plot, in at most the given lines', () => {
    const chart = lineChart([1, 2, 3, 2], { width: 30, height: 5 });
    expect(chart.lines.length).toBeLessThanOrEqual(5);
    expect(chart.lines.length).toBeGreaterThanOrEqual(4);
    for (const line of chart.lines) expect([...line].length).toBeLessThanOrEqual(30);
    expect(chart.plotStart).toBe(3);
    expect(chart.plotColumns).toBe(27);
  });

  it('averages points that share a column when there are more points than columns', () => {
    const chart = lineChart(Array.from({ length: 48 }, (_, i) => i), { width: 20, height: 4 });
    for (const line of chart.lines) expect([...line].length).toBeLessThanOrEqual(20);
  });

  it('draws a flat series and skips undefined values', () => {
    const chart = lineChart([Number.NaN, 5, 5, Number.NaN], { width: 20, height: 3 });
    expect(chart.lines.length).toBeGreaterThan(0);
    expect(lineChart([Number.NaN], { width: 20, height: 3 }).lines).toEqual([]);
  });

  it('puts axis labels and the markers under their points', () => {
    const chart = lineChart([3, 2, 1, 2, 3], { width: 25, height: 4 });
    const axis = axisLine(chart, ['a0', 'b1', 'c2', 'd3', 'e4'], 25);
    expect(axis.startsWith(' '.repeat(chart.plotStart) + 'a0')).toBe(true);
    expect(axis.trimEnd().endsWith('e4')).toBe(true);
    const marker = markerLine(chart, [{ index: 2, char: '▲' }], 25, 'low');
    expect(marker.indexOf('▲')).toBe(pointCentre(chart, 2));
    expect(marker).toContain('low');
    // A second mark between two points (the sweep's current value), the first mark winning a shared column.
    const two = markerLine(chart, [{ index: 2, char: '▲' }, { index: 3.5, char: '△' }], 25);
    expect(two.indexOf('△')).toBe(pointCentre(chart, 3.5));
    expect(two.indexOf('△')).toBeGreaterThan(pointCentre(chart, 3));
    expect(markerLine(chart, [{ index: 2, char: '▲' }, { index: 2, char: '△' }], 25)).not.toContain('△');
  });

  it('puts a marker note before the marker when it does not fit after it', () => {
    const chart = lineChart([3, 2, 1], { width: 20, height: 3 });
    const marker = markerLine(chart, [{ index: 2, char: '▲' }], 20, 'a long note');
    expect(marker.trimEnd().endsWith('▲')).toBe(true);
    expect([...marker].length).toBeLessThanOrEqual(20);
  });

  it('never repeats a y label and never writes -0', () => {
    for (const [min, max, height] of [
      [0, 1, 10],
      [40, 44, 12],
      [-0.3, 0.3, 7],
      [100_000, 100_600, 9],
      [0, 70, 14],
      [49.5, 50.5, 13],
    ] as const) {
      const labels = axisLabels(min, max, height);
      labels.forEach((label, i) => {
        if (i > 0) expect(label, `${min}…${max} in ${height}: ${labels.join(' ')}`).not.toBe(labels[i - 1]);
      });
      for (const label of labels) expect(label).not.toMatch(/^[-−]0(\.0+)?$/);
    }
    expect(axisLabels(40, 44, 12)[0]).toBe('44.0');
    expect(axisLabels(0, 70, 14)).toContain('35');
    expect(formatTick(-0.04, 1)).toBe('0.0');
    expect(formatTick(12_345.6, 0)).toBe('12,346');
    // The chart's own labels follow axisLabels.
    const chart = lineChart([40, 41, 44, 42], { width: 30, height: 12 });
    const labels = chart.lines.map((line) => line.split(/[┤┼]/)[0]?.trim());
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('draws a reference value (a target) as a dashed line and keeps it on the axis', () => {
    const chart = lineChart([60, 70, 65, 80], { width: 30, height: 10, reference: 40 });
    expect(chart.referenceLine).not.toBeNull();
    const line = chart.lines[chart.referenceLine ?? -1] ?? '';
    expect(line).toContain(REFERENCE_CHAR.repeat(10));
    expect(line.trim().startsWith('40')).toBe(true);
    expect(chart.referenceLine).toBe(chart.lines.length - 1);
    const inside = lineChart([60, 70, 65, 80], { width: 30, height: 10, min: 50, max: 90, reference: 80 });
    // On the row nearest to 80 (rows here are 40/9 apart).
    const values = inside.lines.map((l) => Number(l.split(/[┤┼]/)[0]));
    const nearest = values.reduce((best, v, i) => (Math.abs(v - 80) < Math.abs((values[best] ?? 0) - 80) ? i : best), 0);
    expect(inside.referenceLine).toBe(nearest);
    expect(inside.lines[nearest]).toContain(REFERENCE_CHAR);
  });
});

describe('intervalProfile', () => {
  it('averages a metric by interval of the day', () => {
    const model = readScenarioFile(SMALL).variants[0]!.model;
    const profile = intervalProfile(fakeResult(model), 'serviceLevel');
    expect(profile.starts).toEqual(['08:00', '08:30', '09:00', '09:30']);
    expect(profile.values[0]).toBeCloseTo(0.65, 12);
    expect(profile.values[3]).toBeCloseTo(0.62, 12);
  });

  it('shows one day when asked', () => {
    const model = readScenarioFile('scenarios/municipal-contact-centre.yaml').variants[0]!.model;
    const result = fakeResult(model);
    const monday = intervalProfile(result, 'attempts', 0);
    const friday = intervalProfile(result, 'attempts', 4);
    expect(monday.starts).toEqual(friday.starts);
    // Monday's factor is 1.12 and Friday's 0.98 of the mean day.
    expect((monday.values[0] ?? 0) / (friday.values[0] ?? 1)).toBeCloseTo(1.12 / 0.98, 9);
  });
});

describe('costBar', () => {
  it('splits a bar by cost line, scaled to the largest total, with every character accounted for', () => {
    const big = costAmounts(totals({ staffCost: 600, unresolvedCaseCost: 400, totalCost: 1000 }));
    const small = costAmounts(totals({ staffCost: 300, telephonyCost: 100, unresolvedCaseCost: 100, totalCost: 500 }));
    const bigBar = costBar(big, 1000, 20);
    expect(bigBar.map((s) => [s.line.label, s.width])).toEqual([
      ['staff', 12],
      ['unresolved', 8],
    ]);
    const smallBar = costBar(small, 1000, 20);
    expect(smallBar.reduce((sum, s) => sum + s.width, 0)).toBe(10);
    expect(costLinesUsed([big, small]).map((l) => l.label)).toEqual(['staff', 'phone', 'unresolved']);
    expect(costBar(costAmounts(totals({})), 1000, 20)).toEqual([]);
  });

  it('splits the staff cost into each agent group’s, each with a character of its own that every bar keeps', () => {
    const group = (name: string, staffCost: number): GroupResult => ({ name, totals: { staffCost: { mean: staffCost, ci95: 0 } } as GroupResult['totals'], intervals: [] });
    const order = ['front-line', 'case-officers'];
    const two = costAmounts(totals({ staffCost: 700, unresolvedCaseCost: 300, totalCost: 1000 }), [group('front-line', 300), group('case-officers', 400)], order);
    // A variant whose file lists only the second group still draws it with the second group's character.
    const one = costAmounts(totals({ staffCost: 400, totalCost: 400 }), [group('case-officers', 400)], order);
    const bar = costBar(two, 1000, 20);
    expect(bar.map((s) => [s.line.label, s.line.char, s.width])).toEqual([
      ['front-line', '█', 6],
      ['case-officers', '▚', 8],
      ['unresolved', 'x', 6],
    ]);
    expect(costBar(one, 1000, 20).map((s) => [s.line.label, s.line.char, s.width])).toEqual([['case-officers', '▚', 8]]);
    const chars = costLinesUsed([two, one]).map((l) => l.char);
    expect(new Set(chars).size).toBe(chars.length); // every line reads apart without colour
    expect(costLinesUsed([two, one]).map((l) => l.label)).toEqual(['front-line', 'case-officers', 'unresolved']);
  });
});
