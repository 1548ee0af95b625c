import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../../src/scenario/load.js';
import { comparisonReport, comparisonTable } from '../../../src/ui/model/comparison.js';
import { createAnalyser } from '../../../src/ui/model/analysis.js';
import { fakeResult, SMALL } from '../helpers.js';

const scenario = readScenarioFile(SMALL);
const results = scenario.variants.map((v) => fakeResult(v.model));
const names = scenario.variants.map((v) => v.name);

function text(table: ReturnType<typeof comparisonTable>): string[] {
  return table.rows.map((row) => row.map((cell, i) => (i === 0 ? cell.text.padEnd(table.widths[i]!) : cell.text.padStart(table.widths[i]!))).join(''));
}

describe('comparisonTable', () => {
  it('gives every variant after the first a difference column when there is room', () => {
    const table = comparisonTable(names, results, 0, 70);
    expect(text(table)[0]).toMatch(/lean\s+good\s+Δ$/);
    expect(text(table)[1]).toMatch(/^service level\s+65\.0%\s+85\.0%\s+\+20\.0pp$/);
    expect(table.note).toBe('Δ = variant − lean');
    for (const line of text(table)) expect(line.length).toBeLessThanOrEqual(70);
  });

  it('keeps one difference column, for the selected variant, when narrow', () => {
    const three = [...names, 'third'];
    const table = comparisonTable(three, [...results, results[1]!], 2, 46);
    expect(table.note).toBe('Δ = third − lean');
    for (const line of text(table)) expect(line.length).toBeLessThanOrEqual(46);
    expect(text(table)[0]).toMatch(/Δ third$/);
  });

  it('shows a dash for a variant without figures and no differences without a first variant', () => {
    const table = comparisonTable(names, [null, results[1]!], 1, 70);
    expect(text(table)[1]).toMatch(/–\s+85\.0%$/);
  });
});

describe('comparisonReport', () => {
  it('is a compare report of the analytic figures with every input as assumptions', () => {
    const figures = createAnalyser((model) => fakeResult(model)).analyse(scenario);
    const report = comparisonReport({ scenario, figures, simulation: null, staffsimVersion: '1.2.3', edited: true });
    expect(report.kind).toBe('compare');
    expect(report.title).toBe('Comparison: Small centre (edited in staffsim explore)');
    expect(report.variants.map((v) => v.variant)).toEqual(['lean', 'good']);
    expect(report.differences.find((d) => d.variant === 'good' && d.metric === 'serviceLevel')?.absolute).toBeCloseTo(0.2, 12);
    expect(report.assumptions).toContainEqual({ name: 'source', value: 'analytic', variant: '' });
    expect(report.assumptions).toContainEqual({ name: 'calendar.open', value: '08:00', variant: '' });
  });
});
