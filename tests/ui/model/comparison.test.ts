import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../../src/scenario/load.js';
import { comparisonReport, comparisonTable } from '../../../src/ui/model/comparison.js';
import { createAnalyser } from '../../../src/ui/model/analysis.js';
import { differenceRow, figureRow, keyFigureLineCounts, keyFigureLines, networkShapeOf } from '../../../src/ui/model/figures.js';
import { planVariant } from '../../../src/core/plan/interval-plan.js';
import { variantFromPlan } from '../../../src/report/build-report.js';
import { fakePlan, fakeResult, SMALL } from '../helpers.js';

const scenario = readScenarioFile(SMALL);
const results = scenario.variants.map((v) => fakeResult(v.model));
const names = scenario.variants.map((v) => v.name);

function text(table: ReturnType<typeof comparisonTable>): string[] {
  const header = table.header.map((cell) => cell.text).join('');
  return [header, ...table.rows.map((row) => row.map((cell, i) => (i === 0 ? cell.text.padEnd(table.widths[i]!) : cell.text.padStart(table.widths[i]!))).join(''))];
}

const municipal = readScenarioFile('scenarios/municipal-contact-centre.yaml');
const analyser = createAnalyser((model) => ({ result: variantFromPlan(planVariant(model)), overloaded: [] }));
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
    const lines = text(comparisonTable(municipalNames, planned, 0, 53));
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(53);
    expect(lines[0]).toMatch(/switchboard\s+mediocre\s+world-class/);
    // Two difference columns: mediocre's and world-class's.
    expect(lines[1]).toMatch(/^service level\s+\d+\.\d%\s+\d+\.\d%\s+[+−]\d+\.\dpp\s+\d+\.\d%\s+[+−]\d+\.\dpp$/);
    expect(lines.find((l) => l.startsWith('total cost'))).toMatch(/^total cost\s+\d{3},\d{3}\s+\d{3},\d{3}\s+[+−]\d+,\d{3}\s+\d{3},\d{3}\s+[+−]\d+,\d{3}$/);
    expect(comparisonTable(municipalNames, planned, 0, 53).note).toBe('Δ = variant − switchboard');
  });

  it('with agent groups, shows where failure demand goes and each group’s hours, occupancy and blocked share', () => {
    const shape = networkShapeOf(municipal.variants.map((v) => v.model));
    expect(shape?.groups).toEqual([
      { name: 'front-line', limitedQueue: false },
      { name: 'case-officers', limitedQueue: true },
    ]);
    const lines = text(comparisonTable(municipalNames, planned, 0, 53, null, keyFigureLines(shape, null, 99)));
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(53);
    const labels = lines.slice(1).map((line) => line.slice(0, 13).trimEnd());
    expect(labels).toEqual([
      'service level',
      'ASA',
      'abandoned',
      'calls/case',
      'transfer lost',
      'tasks on time',
      'task delay',
      'front-line',
      '  paid hours',
      '  occupancy',
      'case-officers',
      '  paid hours',
      '  occupancy',
      '  blocked',
      'paid agent h',
      'total cost',
      'cost/resolved',
    ]);
    const row = (label: string, after = 0): string => lines.slice(1 + after).find((line) => line.startsWith(label)) ?? '';
    // The switchboard's citizens call about twice per case and lose transfers; the contact centres transfer nothing.
    expect(row('calls/case')).toMatch(/^calls\/case\s+1\.\d\d\s+1\.\d\d\s+−0\.\d\d\s+1\.\d\d\s+−0\.\d\d$/);
    expect(row('transfer lost')).toMatch(/^transfer lost\s+\d+\.\d%\s+–\s+–\s+–\s+–$/);
    // Each group's paid hours and the variant's sum agree.
    const hours = (result: (typeof planned)[number], group: string): number => result?.groups?.find((g) => g.name === group)?.totals.paidAgentHours.mean ?? Number.NaN;
    for (const result of planned) {
      expect(hours(result, 'front-line') + hours(result, 'case-officers')).toBeCloseTo(result?.totals.paidAgentHours.mean ?? Number.NaN, 6);
    }
    expect(row('  blocked', labels.indexOf('case-officers'))).toMatch(/^ {2}blocked\s+\d+\.\d%/);
  });

  it('keeps the selected group’s figures, and then the most important ones, when the panel is short', () => {
    const shape = networkShapeOf(municipal.variants.map((v) => v.model));
    const labels = (group: string | null, max: number): string[] =>
      keyFigureLines(shape, group, max).map((line) => (line.type === 'group' ? `[${line.group}]` : line.figure.label.trim()));
    expect(keyFigureLineCounts(shape)).toEqual({ full: 17, oneGroup: 14 });
    expect(labels('case-officers', 14)).toEqual([
      'service level', 'ASA', 'abandoned', 'calls/case', 'transfer lost', 'tasks on time', 'task delay',
      '[case-officers]', 'paid hours', 'occupancy', 'blocked', 'paid agent h', 'total cost', 'cost/resolved',
    ]);
    // 80 × 24 leaves eleven lines: the totals of every group, ASA and the task delay go first.
    expect(labels('case-officers', 11)).toEqual([
      'service level', 'abandoned', 'calls/case', 'transfer lost', 'tasks on time',
      '[case-officers]', 'paid hours', 'occupancy', 'blocked', 'total cost', 'cost/resolved',
    ]);
    expect(labels(null, 11)).toContain('[front-line]');
    expect(labels(null, 4)).toEqual(['service level', 'calls/case', 'transfer lost', 'total cost']);
    // Without groups: the eight key figures.
    expect(keyFigureLines(null, null, 99)).toHaveLength(8);
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
    const figures = createAnalyser(fakePlan).analyse(scenario);
    const report = comparisonReport({ scenario, figures, simulation: null, staffsimVersion: '1.2.3', edited: true });
    expect(report.kind).toBe('compare');
    expect(report.title).toBe('Comparison: Small centre (edited in staffsim explore)');
    expect(report.variants.map((v) => v.variant)).toEqual(['lean', 'good']);
    expect(report.differences.find((d) => d.variant === 'good' && d.metric === 'serviceLevel')?.absolute).toBeCloseTo(0.2, 12);
    expect(report.assumptions).toContainEqual({ name: 'source', value: 'analytic', variant: '' });
    expect(report.assumptions).toContainEqual({ name: 'calendar.open', value: '08:00', variant: '' });
  });
});
