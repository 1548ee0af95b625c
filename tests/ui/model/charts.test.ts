import { describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../../../src/core/metrics.js';
import type { MetricEstimates } from '../../../src/report/report.js';
import { axisLine, costBar, costLinesUsed, intervalProfile, lineChart, markerLine, pointCentre } from '../../../src/ui/model/charts.js';
import { readScenarioFile } from '../../../src/scenario/load.js';
import { fakeResult, SMALL } from '../helpers.js';

function totals(values: Record<string, number>): MetricEstimates {
  const out = {} as MetricEstimates;
  for (const name of METRIC_NAMES) out[name] = { mean: values[name] ?? 0, ci95: 0 };
  return out;
}

describe('lineChart', () => {
  it('fills the width with the labels and the plot, in at most the given lines', () => {
    const chart = lineChart([1, 2, 3, 2], { width: 30, height: 5, format: (v) => v.toFixed(1) });
    expect(chart.lines.length).toBeLessThanOrEqual(5);
    expect(chart.lines.length).toBeGreaterThanOrEqual(4);
    for (const line of chart.lines) expect([...line].length).toBeLessThanOrEqual(30);
    expect(chart.plotStart).toBe(3);
    expect(chart.plotColumns).toBe(27);
  });

  it('averages points that share a column when there are more points than columns', () => {
    const chart = lineChart(Array.from({ length: 48 }, (_, i) => i), { width: 20, height: 4, format: (v) => v.toFixed(0) });
    for (const line of chart.lines) expect([...line].length).toBeLessThanOrEqual(20);
  });

  it('draws a flat series and skips undefined values', () => {
    const chart = lineChart([Number.NaN, 5, 5, Number.NaN], { width: 20, height: 3, format: (v) => v.toFixed(1) });
    expect(chart.lines.length).toBeGreaterThan(0);
    expect(lineChart([Number.NaN], { width: 20, height: 3, format: String }).lines).toEqual([]);
  });

  it('puts axis labels and the marker under their points', () => {
    const chart = lineChart([3, 2, 1, 2, 3], { width: 25, height: 4, format: (v) => v.toFixed(0) });
    const axis = axisLine(chart, ['a0', 'b1', 'c2', 'd3', 'e4'], 25);
    expect(axis.startsWith(' '.repeat(chart.plotStart) + 'a0')).toBe(true);
    expect(axis.trimEnd().endsWith('e4')).toBe(true);
    const marker = markerLine(chart, 2, 25, 'low');
    expect(marker.indexOf('▲')).toBe(pointCentre(chart, 2));
    expect(marker).toContain('low');
  });

  it('puts a marker note before the marker when it does not fit after it', () => {
    const chart = lineChart([3, 2, 1], { width: 20, height: 3, format: (v) => v.toFixed(0) });
    const marker = markerLine(chart, 2, 20, 'a long note');
    expect(marker.trimEnd().endsWith('▲')).toBe(true);
    expect([...marker].length).toBeLessThanOrEqual(20);
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
});

describe('costBar', () => {
  it('splits a bar by cost line, scaled to the largest total, with every character accounted for', () => {
    const big = totals({ staffCost: 600, unresolvedCaseCost: 400, totalCost: 1000 });
    const small = totals({ staffCost: 300, telephonyCost: 100, unresolvedCaseCost: 100, totalCost: 500 });
    const bigBar = costBar(big, 1000, 20);
    expect(bigBar.map((s) => [s.line.label, s.width])).toEqual([
      ['staff', 12],
      ['unresolved', 8],
    ]);
    const smallBar = costBar(small, 1000, 20);
    expect(smallBar.reduce((sum, s) => sum + s.width, 0)).toBe(10);
    expect(costLinesUsed([big, small]).map((l) => l.label)).toEqual(['staff', 'phone', 'unresolved']);
    expect(costBar(totals({}), 1000, 20)).toEqual([]);
  });
});
