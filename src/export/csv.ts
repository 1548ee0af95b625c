import type { Report } from '../report/report.js';
import { guardFormula } from './cell-text.js';
import { InputError } from '../core/errors.js';
import { groupsTable, intervalsTable, periodsTable, shiftsTable, staffingTable, summaryTable, type DataCell, type DataTable } from './data-tables.js';

/**
 * CSV for budget planners (TOOLCHAIN §6): RFC 4180 — comma separated, CRLF after every row (the last too), fields
 * quoted when they hold a comma, a quote or a line break, quotes doubled. One header row whose names carry the
 * units (`metric-labels.ts`); raw numbers with `.` decimals, no thousands separators, no exponent, no currency
 * symbols or `%` (shares stay 0..1 under `(share 0-1)`); empty for missing or non-finite values, never `NaN`.
 * Text cells that a spreadsheet would run as a formula get a leading `'`. No BOM.
 */

/**
 * Which table to write: one row per variant (`summary`), one per variant and interval (`intervals`), or — for a
 * scenario with agent groups — one per variant and group (`groups`).
 */
export type CsvTable = 'summary' | 'intervals' | 'groups' | 'periods' | 'staffing' | 'shifts';

/**
 * The report as one CSV table.
 *
 * - `summary`: one row per variant, then (for a sweep report) one row per sweep point. Columns: Scenario, Variant,
 *   Source, Replications (count), Seed, [sweep reports only: Sweep parameter, Sweep value, Cheapest (yes/no)],
 *   then for each metric of SPEC §4 `<Label> (<unit>)` and `<Label> ±95% (<unit>)`.
 * - `intervals`: one row per variant × interval: Scenario, Variant, Day (1-based), Interval start (local time),
 *   then the same metric columns as the summary (mean and ±95% half-width), so a lookup works on both files.
 * - `groups` (scenarios with agent groups): one row per variant × group: Scenario, Variant, Group, then every group
 *   metric of SPEC §7 (mean and ±95%).
 * - `periods` (`--by`): one row per variant × period; `staffing` and `shifts` (`plan`): agents per interval, shift lines.
 *
 * With agent groups the summary and interval tables also carry the metrics of SPEC §7.
 *
 * @example reportToCsv(report, 'summary').split('\r\n')[0]
 *   // 'Scenario,Variant,Source,Replications (count),Seed,Cases (count),Cases ±95% (count),…'
 */
export function reportToCsv(report: Report, table: CsvTable): string {
  if (table === 'groups') {
    const groups = groupsTable(report);
    if (groups === null) throw new InputError([{ path: '', code: 'no_groups', message: '--table groups: the scenario has no agent groups (groups:); use --table summary or intervals' }]);
    return tableToCsv(groups);
  }
  if (table === 'periods' || table === 'staffing' || table === 'shifts') {
    const chosen = table === 'periods' ? periodsTable(report) : table === 'staffing' ? staffingTable(report) : shiftsTable(report);
    if (chosen === null) {
      const why = { periods: 'give --by day|week|month', staffing: 'it is a table of staffsim plan', shifts: 'it is a table of staffsim plan --shifts' }[table];
      throw new InputError([{ path: '', code: `no_${table}`, message: `--table ${table}: this report has no ${table} (${why})` }]);
    }
    return tableToCsv(chosen);
  }
  return tableToCsv(table === 'summary' ? summaryTable(report, { includeSweep: true }) : intervalsTable(report));
}

/** Any data table as RFC 4180 CSV (CRLF, trailing CRLF). */
export function tableToCsv(table: DataTable): string {
  const lines = [table.columns.map((c) => csvText(c.header)), ...table.rows.map((row) => row.map(csvCell))];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

function csvCell(cell: DataCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return csvText(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return plainNumber(typeof cell === 'number' ? cell : cell.value);
}

/** A text field: guarded against formula injection, then quoted per RFC 4180 when it needs to be. */
function csvText(text: string): string {
  const guarded = guardFormula(text);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/**
 * A number as plain decimal text with twelve significant digits, never an exponent or thousands separator;
 * empty for NaN and ±Infinity; -0 is "0".
 * @example plainNumber(1.5e-7) // '0.00000015'
 * @example plainNumber(2e21) // '2000000000000000000000'
 * @example plainNumber(Number.NaN) // ''
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  // Twelve significant digits: far beyond any estimate's precision, and free of binary noise (1500.0000000000016).
  const rounded = Number(value.toPrecision(12));
  if (Object.is(rounded, -0) || rounded === 0) return '0';
  const text = String(rounded);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
