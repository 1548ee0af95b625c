/**
 * Formatting for people: percentages, durations, money and aligned tables. Pure; the only place where
 * fractions become percentages.
 */

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

/** One formatter per number of decimals: `toLocaleString` with options builds a new one (≈ 20 µs) at every call. */
const numberFormats = new Map<number, Intl.NumberFormat>();

/** A number with thousands separators and fixed decimals. @example formatNumber(12345.678, 1) // '12,345.7' */
export function formatNumber(value: number, decimals = 0): string {
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (!Number.isFinite(value)) return '–';
  let format = numberFormats.get(decimals);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}

/** Money in whole units with the currency code. @example formatMoney(1234.5, 'SEK') // '1,235 SEK' */
export function formatMoney(value: number, currency: string, decimals = 0): string {
  return `${formatNumber(value, decimals)} ${currency}`.trim();
}

export { formatClock } from '../core/model/clock.js';

export interface TableColumn {
  readonly header: string;
  /** Right-align numbers (default), left-align text. */
  readonly align?: 'left' | 'right';
}

/**
 * An aligned plain-text table with a header rule; columns are separated by two spaces.
 * @example renderTable([{ header: 'a' }, { header: 'b' }], [['1', '22']])
 *   // 'a   b\n─  ──\n1  22'
 */
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) =>
    Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[i] ?? ''))),
  );
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
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)].join('\n');
}

function displayWidth(text: string): number {
  return [...text].length;
}
