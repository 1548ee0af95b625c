import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../../src/core/metrics.js';
import { costsTable, intervalsTable, summarySheetTable, summaryTable, type DataCell, type DataTable } from '../../src/export/data-tables.js';
import { metricHeader } from '../../src/export/metric-labels.js';
import { NUMBER_FORMATS, reportToXlsx, SMALL_MONEY_FORMAT } from '../../src/export/xlsx.js';
import type { Report } from '../../src/report/report.js';
import { compareReport, metrics, renameVariants, sweepReport } from '../fixtures/report/reports.js';

async function readBack(report: Report): Promise<ExcelJS.Workbook> {
  const bytes = await reportToXlsx(report);
  expect(bytes).toBeInstanceOf(Uint8Array);
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own `Buffer` as an ArrayBuffer; a copy of the bytes is exactly that.
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

/** The 1-based column of a header in row 1. */
function column(ws: ExcelJS.Worksheet, header: string): number {
  const values = ws.getRow(1).values as unknown[];
  const index = values.indexOf(header);
  if (index < 1) throw new Error(`no column ${header} in ${ws.name}`);
  return index;
}

/** Every cell of the sheet equals the table: header text, then numbers as numbers and text as text. */
function expectSheetMatches(ws: ExcelJS.Worksheet, table: DataTable): void {
  expect(ws.rowCount).toBe(table.rows.length + 1);
  expect(ws.columnCount).toBe(table.columns.length);
  table.columns.forEach((c, i) => expect(ws.getCell(1, i + 1).value).toBe(c.header));
  table.rows.forEach((row, r) => {
    row.forEach((expected: DataCell, c) => {
      const cell = ws.getCell(r + 2, c + 1);
      const value = expected !== null && typeof expected === 'object' ? expected.value : expected;
      if (typeof value === 'number' && Number.isFinite(value)) {
        expect(cell.type, `${ws.name} ${cell.address}`).toBe(ExcelJS.ValueType.Number);
        expect(cell.value, `${ws.name} ${cell.address}`).toBe(value);
        const columnFormat = expected !== null && typeof expected === 'object' ? expected.format : (table.columns[c]?.format ?? 'text');
        const format = columnFormat === 'money' && value !== 0 && Math.abs(value) < 100 ? SMALL_MONEY_FORMAT : NUMBER_FORMATS[columnFormat];
        if (format !== undefined) expect(cell.numFmt, `${ws.name} ${cell.address}`).toBe(format);
      } else if (typeof value === 'string' && value !== '') {
        expect(cell.type, `${ws.name} ${cell.address}`).toBe(ExcelJS.ValueType.String);
        expect(cell.value, `${ws.name} ${cell.address}`).toBe(value);
      } else if (value === null || value === '') {
        expect(cell.value ?? null, `${ws.name} ${cell.address}`).toBeNull();
      }
    });
  });
}

describe('reportToXlsx', () => {
  it('writes the sheets Summary, Intervals, Costs, Assumptions and Differences for a comparison', async () => {
    const workbook = await readBack(compareReport);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Intervals', 'Costs', 'Variants', 'Assumptions', 'Differences']);
  });

  it('writes a Sweep sheet (and no Differences) for a sweep', async () => {
    const workbook = await readBack(sweepReport);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Intervals', 'Costs', 'Variants', 'Assumptions', 'Sweep']);
    for (const ws of workbook.worksheets) {
      expect(ws.name.length).toBeLessThanOrEqual(31);
      expect(ws.name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('makes every header row bold and frozen', async () => {
    for (const report of [compareReport, sweepReport]) {
      const workbook = await readBack(report);
      for (const ws of workbook.worksheets) {
        expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
        ws.getRow(1).eachCell({ includeEmpty: true }, (cell) => {
          expect(cell.font?.bold, `${ws.name} ${cell.address}`).toBe(true);
        });
        if (ws.rowCount > 1) expect(ws.getCell(2, 1).font?.bold ?? false).toBe(false);
      }
    }
  });

  it('reads back Summary, Intervals and Costs cell by cell, numbers as numbers with their formats', async () => {
    const workbook = await readBack(compareReport);
    expectSheetMatches(sheet(workbook, 'Variants'), summaryTable(compareReport, { includeSweep: false }));
    expectSheetMatches(sheet(workbook, 'Intervals'), intervalsTable(compareReport));
    expectSheetMatches(sheet(workbook, 'Costs'), costsTable(compareReport));
    expect(sheet(workbook, 'Variants').getRow(1).cellCount).toBe(5 + 2 * METRIC_NAMES.length + 7);
    expectSheetMatches(sheet(workbook, 'Summary'), summarySheetTable(compareReport));
  });

  it('uses 0.0% for shares, 0.0 for seconds, #,##0 for money and #,##0.0 for counts', async () => {
    const ws = sheet(await readBack(compareReport), 'Variants');
    const cell = (header: string): ExcelJS.Cell => ws.getCell(3, column(ws, header));
    expect(cell('Service level (share 0-1)')).toMatchObject({ value: 0.812, numFmt: '0.0%' });
    expect(cell('Service level ±95% (share 0-1)')).toMatchObject({ value: 0.0162, numFmt: '0.0%' });
    expect(cell('ASA (s)')).toMatchObject({ value: 7.8, numFmt: '0.0' });
    expect(cell('Total cost (SEK)')).toMatchObject({ value: 111235, numFmt: '#,##0' });
    expect(cell('Attempts (count)')).toMatchObject({ value: 2160, numFmt: '#,##0.0' });
    expect(cell('Paid agent hours (h)')).toMatchObject({ value: 190, numFmt: '#,##0.0' });
    expect(cell('Attempts per case (ratio)')).toMatchObject({ value: 1.2, numFmt: '0.00' });
    expect(cell('Seed')).toMatchObject({ value: 20261127, numFmt: '0' });
    expect(cell('Variant')).toMatchObject({ value: 'world-class', type: ExcelJS.ValueType.String });
  });

  it('stores text that looks like a formula as text, exactly as it is, and writes no formulas', async () => {
    // An XLSX text cell is never evaluated: the CSV's guard apostrophe would only become part of the text.
    const report = renameVariants(compareReport, { mediocre: '=SUM(1)', 'world-class': '+cmd|x' });
    const workbook = await readBack({
      ...report,
      assumptions: [...report.assumptions, { name: 'note', value: '@evil', variant: '' }],
    });
    const summary = sheet(workbook, 'Variants');
    expect(summary.getCell(2, column(summary, 'Variant'))).toMatchObject({ value: '=SUM(1)', type: ExcelJS.ValueType.String });
    expect(summary.getCell(3, column(summary, 'Variant'))).toMatchObject({ value: '+cmd|x', type: ExcelJS.ValueType.String });
    const intervals = sheet(workbook, 'Intervals');
    expect(intervals.getCell(2, column(intervals, 'Variant')).value).toBe('=SUM(1)');
    const assumptions = sheet(workbook, 'Assumptions');
    const values = assumptions.getColumn(column(assumptions, 'Value')).values;
    expect(values).toContain('@evil');
    for (const ws of workbook.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${ws.name} ${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value.startsWith("'"), `${ws.name} ${cell.address}`).toBe(false);
        }),
      );
    }
  });

  it('leaves non-finite numbers empty', async () => {
    const totals = metrics({ asaSeconds: Number.POSITIVE_INFINITY, waitP90Seconds: Number.NaN });
    const analytic = { ...compareReport.variants[0]!, source: 'erlang-a' as const, replications: null, seed: null, totals };
    const ws = sheet(await readBack({ ...compareReport, variants: [analytic], differences: [] }), 'Variants');
    expect(ws.getCell(2, column(ws, 'ASA (s)')).value).toBeNull();
    expect(ws.getCell(2, column(ws, 'Wait 90th percentile (s)')).value).toBeNull();
    expect(ws.getCell(2, column(ws, 'Seed')).value).toBeNull();
    expect(ws.getCell(2, column(ws, 'Mean wait (s)')).value).toBe(51.5);
  });

  it('lists every assumption with its type, plus the staffsim version', async () => {
    const ws = sheet(await readBack(compareReport), 'Assumptions');
    expect(ws.getRow(1).values).toEqual([undefined, 'Variant', 'Name', 'Value']);
    const rows = new Map<string, unknown>();
    ws.eachRow((row, n) => {
      if (n > 1) rows.set(`${String(row.getCell(1).value ?? '')}/${String(row.getCell(2).value)}`, row.getCell(3).value);
    });
    expect(rows.get('/staffsim.version')).toBe('0.1.0');
    expect(rows.get('/report.title')).toBe(compareReport.title);
    expect(rows.get('/seed')).toBe(20261127);
    expect(rows.get('/replications')).toBe(20);
    expect(rows.get('mediocre/handling.firstContactResolution')).toBe(0.55);
    expect(rows.get('world-class/handling.firstContactResolution')).toBe(0.9);
    expect(rows.get('/customers.redial.enabled')).toBe(true);
    expect(rows.get('/staffing.target.method')).toBe('erlang-a');
    expect(ws.rowCount).toBe(1 + 4 + compareReport.assumptions.length);
  });

  it('writes the differences with each metric’s unit and format', async () => {
    const ws = sheet(await readBack(compareReport), 'Differences');
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'world-class',
      'mediocre',
      'Service level',
      'serviceLevel',
      'share 0-1',
      0.192,
      0.3097,
      'yes',
    ]);
    expect(ws.getCell('F2').numFmt).toBe('0.0%');
    expect(ws.getCell('G2').numFmt).toBe('0.0%');
    expect(ws.getCell('F4').numFmt).toBe('#,##0');
    expect(ws.getCell('F3').numFmt).toBe('0.00');
    // fixedCost: no relative difference, no significance.
    expect(ws.getCell('G5').value).toBeNull();
    expect(ws.getCell('H5').value).toBeNull();
  });

  it('writes one Sweep row per point with the cheapest marked', async () => {
    const ws = sheet(await readBack(sweepReport), 'Sweep');
    const value = column(ws, 'Sweep value');
    const cheapest = column(ws, 'Cheapest (yes/no)');
    const total = column(ws, metricHeader('totalCost', 'SEK'));
    const rows = [2, 3, 4, 5].map((r) => [ws.getCell(r, value).value, ws.getCell(r, cheapest).value, ws.getCell(r, total).value]);
    expect(rows).toEqual([
      [10, 'no', 160000],
      [12, 'no', 131000],
      [14, 'yes', 118500],
      [16, 'no', 124000],
    ]);
  });

  it('gives the same bytes for the same report', async () => {
    const first = await reportToXlsx(compareReport);
    const second = await reportToXlsx(compareReport);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
