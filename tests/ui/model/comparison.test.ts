import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../../src/scenario/load.js';
import { comparisonReport, comparisonTable } from '../../../src/ui/model/comparison.js';
import { createAnalyser } from '../../../src/ui/model/analysis.js';
import { differenceRow, figureRow } from '../../../src/ui/model/figures.js';
import { planVariant } from '../../../src/core/plan/interval-plan.js';
import { variantFromPlan } from '../../../src/report/build-report.js';
import { fakeResult, SMALL } from '../helpers.js';

const scenario = readScenarioFile(SMALL);
const results = scenario.variants.map((v) => fakeResult(v.model));
const names = scenario.variants.map((v) => v.name);

function text(table: ReturnType<typeof comparisonTable>): string[] {
  const header = table.header.map((cell) => cell.text).join('');
  return [header, ...table.rows.map((row) => row.map((cell, i) => (i === 0 ? cell.text.padEnd(table.widths[i]!) : cell.text.padStart(table.widths[i]!))).join(''))];
}

const municipal = readScenarioFile('scenarios/municipal-contact-centre.yaml');
const analyser = createAnalyser((model) => variantFromPlan(planVariant(model)));
const planned = analyser.analyse(municipal).map((f) => f.result);
const municipalNames = municipal.variants.map((v) => v.name);

describe('comparisonTable', () => {
  it('gives every variant after the first a difference column when there is room', () => {
    const table = comparisonTable(names, results, 0, 70);
    expect(text(table)[0]).toMatch(/^\s+lean\s+good\s*$/);
    expect(text(table)[1]).toMatch(/^service level\s+65\.0%\s+85\.0%\s+\+20\.0pp$/);
    expect(table.note).toBe('Δ = variant − lean');
    for (const line of text(table)) expect(line.length).toBeLessThanOrEqual(70);
  });

  it('fits three variants, each with its difference and its whole name, in the 53 columns an 80-column screen leaves', () => {
    const table = comparisonTable(municipalNames, planned, 0, 53);
    const lines = text(table);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(53);
    expect(lines[0]).toMatch(/switchboard\s+mediocre\s+world-class/);
    // Two difference columns: mediocre's and world-class's.
    expect(lines[1]).toMatch(/^service level\s+63\.5%\s+70\.0%\s+\+6\.5pp\s+93\.3%\s+\+29\.9pp$/);
    expect(lines.find((l) => l.startsWith('total cost'))).toMatch(/166,823\s+152,024\s+−14,799\s+108,787\s+−58,036$/);
    expect(table.note).toBe('Δ = variant − switchboard');
  });

  it('writes each row in one precision: the same decimals and scale for every variant of a metric', () => {
    // Paid hours of 140 and 14.4 against 150: differences −10 and −135.6 are both written without decimals.
    const base = planned[0]!;
    const tweak = (hours: number) => ({ ...base, totals: { ...base.totals, paidAgentHours: { mean: hours, ci95: 0 } } });
    const table = comparisonTable(['a', 'b', 'c'], [tweak(150), tweak(140), tweak(14.4)], 0, 70);
    const hours = text(table).find((l) => l.startsWith('paid agent h')) ?? '';
    expect(hours).toMatch(/150\s+140\s+−10\s+14\s+−136$/);
    // Compact differences share a scale: −14.8k and −58.0k, not −14.8k and −58k.
    expect(differenceRow('money', [-14_799, -58_036], 6)).toEqual(['−14.8k', '−58.0k']);
    expect(differenceRow('money', [-940, -14_799], 6)).toEqual(['−0.9k', '−14.8k']);
    expect(differenceRow('seconds', [-7.1, -26.6], 5)).toEqual(['−7s', '−27s']);
    expect(figureRow('money', [{ mean: 950, ci95: 0 }, { mean: 1200, ci95: 0 }], 8, false)).toEqual(['950', '1,200']);
    expect(figureRow('money', [{ mean: 163.8, ci95: 0 }, { mean: 75, ci95: 0 }], 8, false)).toEqual(['163.8', '75.0']);
    // Simulated, narrow: a ratio or a share keeps its decimals and drops the interval, money goes compact with it.
    expect(figureRow('ratio', [{ mean: 2.43, ci95: 0.03 }, { mean: 1.86, ci95: 0.02 }], 7, true)).toEqual(['2.43', '1.86']);
    expect(figureRow('share', [{ mean: 0.613, ci95: 0.013 }], 7, true)).toEqual(['61.3%']);
    expect(figureRow('share', [{ mean: 0.613, ci95: 0.013 }], 12, true)).toEqual(['61.3% ±1.3']);
    expect(figureRow('money', [{ mean: 171_799, ci95: 3_900 }, { mean: 109_533, ci95: 1_103 }], 11, true)).toEqual(['172k ±3.9k', '110k ±1.1k']);
  });

  it('keeps one difference column, for the selected variant, when narrow', () => {
    const three = [...names, 'third'];
    const table = comparisonTable(three, [...results, results[1]!], 2, 40);
    expect(table.note).toBe('Δ = third − lean');
    for (const line of text(table)) expect(line.length).toBeLessThanOrEqual(40);
    expect(text(table)[0]).toMatch(/third Δ\s*$/);
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
