/**
 * Formatting for people: percentages, durations, money and aligned tables. Pure; the only place where
 * fractions become percentages.
 */
import { printable } from '../core/printable.js';

/** A fraction as a percentage with one decimal. @example formatPercent(0.88835) // '88.8%' */
export function formatPercent(fraction: number, decimals = 1): string {
  if (!Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/** Seconds with one decimal, or ∞ when unbounded. @example formatSeconds(7.83594) // '7.8 s' */
export function formatSeconds(seconds: number, decimals = 1): string {
  if (seconds === Number.POSITIVE_INFINITY) return '∞';
  if (!Number.isFinite(seconds)) return '–';
  return `${seconds.toFixed(decimals)} s`;
}

/**
 * A duration that may be long (task delays, time to resolution) in the unit that reads best: seconds below two
 * minutes, minutes below two hours, hours below two days, else days; one decimal.
 * @example formatDuration(95) // '95.0 s'
 * @example formatDuration(5400) // '90.0 min'
 * @example formatDuration(30 * 3600) // '30.0 h'
 */
export function formatDuration(seconds: number): string {
  if (seconds === Number.POSITIVE_INFINITY) return '∞';
  if (!Number.isFinite(seconds)) return '–';
  if (Math.abs(seconds) < 120) return `${seconds.toFixed(1)} s`;
  if (Math.abs(seconds) < 7200) return `${(seconds / 60).toFixed(1)} min`;
  if (Math.abs(seconds) < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

/**
 * A number with thousands separators and fixed decimals. @example formatNumber(12345.678, 1) // '12,345.7'
 *
 * The same text as `toLocaleString('en-US', …)` with these decimals, made without Intl: the first `Intl.NumberFormat`
 * of a process costs about 20 ms of CPU to build, a tenth of a one-shot command's run. Like Intl, it rounds the
 * shortest decimal that reads back as the number (the digits of `String(value)`), half away from zero, and keeps the
 * sign of a negative number that rounds to zero.
 */
export function formatNumber(value: number, decimals = 0): string {
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (!Number.isFinite(value)) return '–';
  const units = roundedUnits(Math.abs(value), decimals).padStart(decimals + 1, '0');
  const whole = units.slice(0, units.length - decimals).replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return decimals > 0 ? `${sign}${whole}.${units.slice(units.length - decimals)}` : `${sign}${whole}`;
}

/** |value| × 10^decimals rounded half away from zero, as a string of digits (no leading zeros; '0' for zero). */
function roundedUnits(magnitude: number, decimals: number): string {
  const [mantissa = '0', exponent = '0'] = String(magnitude).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  const first = digits.search(/[1-9]/);
  if (first < 0) return '0';
  // significant = d1 d2 … stands for 0.d1 d2 … × 10^scale; the first `kept` digits stay left of the rounding place.
  const significant = digits.slice(first);
  const kept = whole.length + Number(exponent) - first + decimals;
  if (kept >= significant.length) return significant + '0'.repeat(kept - significant.length);
  if (kept < 0) return '0';
  const head = kept === 0 ? '0' : significant.slice(0, kept);
  return Number(significant[kept]) < 5 ? head : increment(head);
}

/** A string of decimal digits plus one. @example increment('199') // '200' */
function increment(digits: string): string {
  let index = digits.length - 1;
  while (index >= 0 && digits[index] === '9') index--;
  if (index < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, index) + String(Number(digits[index]) + 1) + '0'.repeat(digits.length - index - 1);
}

/**
 * The decimals money is shown with: two for an amount below 100 in the currency (so that 2.31 USD never reads as
 * "2 USD", nor a difference of 0.29 USD as "+0 USD"), none from 100 up; none for exactly 0.
 * @example moneyDecimals(2.31) // 2
 * @example moneyDecimals(1234.5) // 0
 */
export function moneyDecimals(value: number): number {
  return value !== 0 && Math.abs(value) < 100 ? 2 : 0;
}

/**
 * Money with the currency code: whole units from 100 up, two decimals below (`moneyDecimals`), unless `decimals` is
 * given.
 * @example formatMoney(1234.5, 'SEK') // '1,235 SEK'
 * @example formatMoney(2.314, 'USD') // '2.31 USD'
 */
export function formatMoney(value: number, currency: string, decimals = moneyDecimals(value)): string {
  return `${formatNumber(value, decimals)} ${currency}`.trim();
}

export { formatClock } from '../core/model/clock.js';

export interface TableColumn {
  readonly header: string;
  /** Right-align numbers (default), left-align text. */
  readonly align?: 'left' | 'right';
}

/**
 * An aligned plain-text table with a header rule; columns are separated by two spaces. Every header and cell is
 * printable (control characters escaped), so a name with a line break cannot start a line of its own. Any number of
 * rows (no argument spreading).
 * @example renderTable([{ header: 'a' }, { header: 'b' }], [['1', '22']])
 *   // 'a   b\n─  ──\n1  22'
 */
export function renderTable(columns: readonly TableColumn[], rawRows: readonly (readonly string[])[]): string {
  const headers = columns.map((column) => printable(column.header));
  const rows = rawRows.map((row) => row.map(printable));
  const widths = headers.map((header) => displayWidth(header));
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i] as number, displayWidth(row[i] ?? ''));
  }
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? '';
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(cell)));
        return column.align === 'left' ? cell + pad : pad + cell;
      })
      .join('  ')
      .replace(/\s+$/, '');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

function displayWidth(text: string): number {
  return [...text].length;
}
