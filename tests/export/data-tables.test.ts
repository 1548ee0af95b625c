import { describe, expect, it } from 'vitest';
import { assumptionsTable, cheapestPointIndex, summaryTable } from '../../src/export/data-tables.js';
import { compareReport, sweepReport } from '../fixtures/report/reports.js';

describe('data tables', () => {
  it('marks the cheapest sweep point, also when its value was rounded on the way', () => {
    const sweep = sweepReport.sweep!;
    expect(cheapestPointIndex(sweep)).toBe(2);
    expect(cheapestPointIndex({ ...sweep, cheapest: { value: 14.000000001, totalCost: 118500 } })).toBe(2);
    expect(cheapestPointIndex({ ...sweep, points: [] })).toBeNull();
  });

  it('fills the sweep rows of the summary from the swept variant', () => {
    const rows = summaryTable(sweepReport, { includeSweep: true }).rows;
    expect(rows).toHaveLength(1 + 4);
    expect(rows[3]?.slice(0, 8)).toEqual(['Municipal contact centre', 'base', 'simulation', 20, 20261127, 'staffing.agents', 14, 'yes']);
    const orphan = { ...sweepReport, variants: [] };
    expect(summaryTable(orphan, { includeSweep: true }).rows[0]?.slice(0, 8)).toEqual(['', 'base', null, null, null, 'staffing.agents', 10, 'no']);
  });

  it('lists report facts once, leaving out those the assumptions already carry', () => {
    expect(assumptionsTable(compareReport).rows.slice(0, 4).map((row) => row[1])).toEqual([
      'report.title',
      'report.kind',
      'report.currency',
      'staffsim.version',
    ]);
    const withInputs = {
      ...compareReport,
      assumptions: [
        { name: 'currency', value: 'SEK', variant: '' },
        { name: 'staffsimVersion', value: '0.1.0', variant: '' },
      ],
    };
    expect(assumptionsTable(withInputs).rows.map((row) => row[1])).toEqual(['report.title', 'report.kind', 'currency', 'staffsimVersion']);
  });
});
