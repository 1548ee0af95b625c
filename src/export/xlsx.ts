import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/universal';
import type { Report } from '../report/report.js';
import {
  assumptionsTable,
  costsTable,
  differencesTable,
  groupsTable,
  intervalsTable,
  summaryTable,
  sweepTable,
  type ColumnFormat,
  type DataCell,
  type DataTable,
} from './data-tables.js';
import { allVariantsTable, explainTable } from './analysis-tables.js';

/**
 * XLSX for budget planners (TOOLCHAIN §6), written with write-excel-file. Sheets: Summary, Intervals, Costs, Groups
 * (scenarios with agent groups: one row per variant and group), Assumptions, then Sweep (sweep reports) and
 * Differences (when there are any). Every sheet has one bold header
 * row, frozen; numbers are real numbers with number formats (`NUMBER_FORMATS`), shares stored as 0..1 and shown
 * as percentages; missing or non-finite values are empty cells; text is stored as text cells, exactly as it is (a text cell is never
 * evaluated as a formula, so the CSV's guard apostrophe would only become part of the text).
 * Headers are the same as the CSV's. The result is byte-identical for the same report (zip timestamps are fixed).
 */

/** The number format of each kind of column; `undefined` leaves Excel's General format. */
export const NUMBER_FORMATS: { readonly [F in ColumnFormat]: string | undefined } = {
  share: '0.0%',
  seconds: '0.0',
  money: '#,##0',
  count: '#,##0.0',
  hours: '#,##0.0',
  ratio: '0.00',
  integer: '0',
  number: undefined,
  text: undefined,
};

/** Sheet names, each within Excel's 31 characters and free of `[]:*?/\`. */
export const SHEET_NAMES = {
  summary: 'Summary',
  intervals: 'Intervals',
  costs: 'Costs',
  assumptions: 'Assumptions',
  sweep: 'Sweep',
  differences: 'Differences',
  groups: 'Groups',
  explain: 'Drivers',
  allVariants: 'Sweep (all variants)',
} as const;

/** The report as an XLSX workbook (the bytes of the file). */
export async function reportToXlsx(report: Report): Promise<Uint8Array> {
  const tables: [string, DataTable][] = [
    [SHEET_NAMES.summary, summaryTable(report, { includeSweep: false })],
    [SHEET_NAMES.intervals, intervalsTable(report)],
    [SHEET_NAMES.costs, costsTable(report)],
  ];
  const groups = groupsTable(report);
  if (groups !== null) tables.push([SHEET_NAMES.groups, groups]);
  tables.push([SHEET_NAMES.assumptions, assumptionsTable(report)]);
  const sweep = sweepTable(report);
  if (sweep !== null) tables.push([SHEET_NAMES.sweep, sweep]);
  const differences = differencesTable(report);
  if (differences !== null) tables.push([SHEET_NAMES.differences, differences]);
  const explain = explainTable(report);
  if (explain !== null) tables.push([SHEET_NAMES.explain, explain]);
  const allVariants = allVariantsTable(report);
  if (allVariants !== null) tables.push([SHEET_NAMES.allVariants, allVariants]);
  return tablesToXlsx(tables);
}

/** Named tables as a workbook, one sheet each (bold frozen header, number formats by column); byte-identical for the same tables. */
export async function tablesToXlsx(tables: readonly (readonly [string, DataTable])[]): Promise<Uint8Array> {
  const sheets: Sheet<Blob>[] = tables.map(([name, table]) => ({
    sheet: name,
    data: sheetData(table),
    stickyRowsCount: 1,
    columns: table.columns.map((column) => ({ width: Math.min(40, Math.max(10, column.header.length + 2)) })),
  }));
  const blob = await writeXlsxFile(sheets).toBlob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  fixZipTimestamps(bytes);
  return bytes;
}

function sheetData(table: DataTable): Row[] {
  const header: Row = table.columns.map((column) => ({ value: column.header, type: String, fontWeight: 'bold' }));
  const rows = table.rows.map((row): Row => row.map((cell, i) => xlsxCell(cell, table.columns[i]?.format ?? 'text')));
  return [header, ...rows];
}

function xlsxCell(cell: DataCell, columnFormat: ColumnFormat): Cell {
  if (cell === null) return null;
  if (typeof cell === 'string') return { value: cell, type: String };
  if (typeof cell === 'boolean') return { value: cell, type: Boolean };
  const { value, format } = typeof cell === 'number' ? { value: cell, format: columnFormat } : cell;
  if (!Number.isFinite(value)) return null;
  const numberFormat = NUMBER_FORMATS[format];
  return numberFormat === undefined ? { value, type: Number } : { value, type: Number, format: numberFormat };
}

/** 1980-01-01 00:00 in MS-DOS date/time fields, the earliest a zip can say. */
const DOS_DATE_1980_01_01 = (1 << 5) | 1;

/**
 * Sets every entry's modification time in a zip archive to 1980-01-01 00:00, in place. The zip library stamps
 * entries with the current time; fixing it keeps the export pure (the same report gives the same bytes). The
 * timestamps are outside the compressed data and its CRC, so the archive stays valid. An archive this function
 * does not understand is left as it is.
 */
function fixZipTimestamps(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
  const CENTRAL_ENTRY = 0x02014b50;
  const LOCAL_ENTRY = 0x04034b50;
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i -= 1) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_ENTRY) return;
    view.setUint16(offset + 12, 0, true);
    view.setUint16(offset + 14, DOS_DATE_1980_01_01, true);
    const local = view.getUint32(offset + 42, true);
    if (local + 30 <= bytes.length && view.getUint32(local, true) === LOCAL_ENTRY) {
      view.setUint16(local + 10, 0, true);
      view.setUint16(local + 12, DOS_DATE_1980_01_01, true);
    }
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}
