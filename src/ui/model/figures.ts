/**
 * The key figures of the comparison panel and how they are written in a cell of a given width. Pure.
 * (The same figures and order as the command line's `compare`, in a narrower form.)
 */
import type { MetricEstimate, MetricName } from '../../core/metrics.js';
import { formatNumber } from '../../report/format.js';

/** How a figure is written and which way is better. */
export type FigureKind = 'share' | 'seconds' | 'ratio' | 'hours' | 'money';

export interface KeyFigure {
  readonly metric: MetricName;
  /** At most 13 characters. */
  readonly label: string;
  readonly kind: FigureKind;
  /** Whether a higher value is better (for colouring differences). */
  readonly higherIsBetter: boolean;
}

/** The rows of the comparison panel, in order. */
export const KEY_FIGURES: readonly KeyFigure[] = [
  { metric: 'serviceLevel', label: 'service level', kind: 'share', higherIsBetter: true },
  { metric: 'asaSeconds', label: 'ASA', kind: 'seconds', higherIsBetter: false },
  { metric: 'abandonedShare', label: 'abandoned', kind: 'share', higherIsBetter: false },
  { metric: 'attemptsPerCase', label: 'attempts/case', kind: 'ratio', higherIsBetter: false },
  { metric: 'contactsPerResolvedCase', label: 'contacts/res.', kind: 'ratio', higherIsBetter: false },
  { metric: 'paidAgentHours', label: 'paid agent h', kind: 'hours', higherIsBetter: false },
  { metric: 'totalCost', label: 'total cost', kind: 'money', higherIsBetter: false },
  { metric: 'costPerResolvedCase', label: 'cost/resolved', kind: 'money', higherIsBetter: false },
];

/** Width of the label column of the comparison panel. */
export const FIGURE_LABEL_WIDTH = 13;

const MINUS = '−';

/** A number with a k/M suffix in at most about six characters. @example compactNumber(166823) // '166.8k' */
export function compactNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const sign = value < 0 ? MINUS : '';
  if (magnitude >= 999_500) return `${sign}${(magnitude / 1e6).toFixed(magnitude >= 99_950_000 ? 0 : 1)}M`;
  if (magnitude >= 99_950) return `${sign}${(magnitude / 1e3).toFixed(0)}k`;
  if (magnitude >= 9_999.5) return `${sign}${(magnitude / 1e3).toFixed(1)}k`;
  return `${sign}${formatNumber(magnitude, magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2)}`;
}

/** One way of writing the values of a figure: the value and a 95% half-width on the same scale. */
interface FigureStyle {
  value(value: number): string;
  half(halfWidth: number): string;
}

/** Thousands (k) or millions (M) for numbers as large as `magnitude`, with the decimals that keep them short. */
function scaleFor(magnitude: number): { divisor: number; suffix: string; decimals: number } {
  const [divisor, suffix] = magnitude >= 999_500 ? [1e6, 'M'] : magnitude >= 9_999.5 ? [1e3, 'k'] : [1, ''];
  return { divisor, suffix, decimals: divisor === 1 || magnitude / divisor >= 99.95 ? 0 : 1 };
}

function scaled(value: number, scale: { divisor: number; suffix: string; decimals: number }): string {
  if (value === 0) return '0';
  const sign = value < 0 ? MINUS : '';
  return `${sign}${formatNumber(Math.abs(value) / scale.divisor, scale.decimals)}${scale.suffix}`;
}

/**
 * The styles for values of a kind, most precise first. `magnitude` (the largest absolute value of the row) sets the
 * decimals and the k/M scale, so that every value of a row is written alike: 163.8 and 75.0, 167k and 109k.
 */
function figureStyles(kind: FigureKind, magnitude: number): FigureStyle[] {
  const scale = scaleFor(magnitude);
  switch (kind) {
    case 'share':
      return [1, 0].map((d) => ({ value: (v) => `${(v * 100).toFixed(d)}%`, half: (h) => (h * 100).toFixed(1) }));
    case 'seconds':
      return [
        { value: (v) => `${v.toFixed(1)} s`, half: (h) => h.toFixed(1) },
        { value: (v) => `${v.toFixed(0)}s`, half: (h) => h.toFixed(0) },
      ];
    case 'ratio':
      return [2, 1].map((d) => ({ value: (v) => v.toFixed(d), half: (h) => h.toFixed(d) }));
    case 'hours':
    case 'money': {
      const decimals = kind === 'hours' ? (magnitude < 100 ? 1 : 0) : magnitude < 1000 ? 1 : 0;
      const plain: FigureStyle = { value: (v) => formatNumber(v, decimals), half: (h) => formatNumber(h, decimals) };
      const compact: FigureStyle = { value: (v) => scaled(v, scale), half: (h) => scaled(h, { ...scale, decimals: scale.divisor === 1 ? 0 : 1 }) };
      return kind === 'money' && magnitude >= 10_000_000 ? [compact, compact] : [plain, compact];
    }
  }
}

/** The largest finite absolute value, 0 when there is none. */
function magnitudeOf(values: readonly number[]): number {
  return Math.max(0, ...values.filter((v) => Number.isFinite(v)).map((v) => Math.abs(v)));
}

/** One value of a figure, full or compact. @example formatFigure('share', 0.8312) // '83.1%' */
export function formatFigure(kind: FigureKind, value: number, compact = false): string {
  if (!Number.isFinite(value)) return '–';
  const styles = figureStyles(kind, Math.abs(value));
  return (styles[compact ? 1 : 0] as FigureStyle).value(value);
}

/**
 * The cells of one figure for several variants, each in at most `width` characters and all in one style: with the
 * 95% half-width when simulated and every cell has room (money and hours also compact, 176k ±4.9k), else the values
 * alone; full precision when every value fits, else compact. A dash for a missing value.
 * @example figureRow('money', [{ mean: 163.84, ci95: 0 }, { mean: 75, ci95: 0 }], 8, false) // ['163.8', '75.0']
 */
export function figureRow(kind: FigureKind, estimates: readonly (MetricEstimate | null)[], width: number, withInterval: boolean): string[] {
  const styles = figureStyles(kind, magnitudeOf(estimates.map((e) => e?.mean ?? Number.NaN)));
  const [full, compact] = styles as [FigureStyle, FigureStyle];
  const cell = (estimate: MetricEstimate | null, style: FigureStyle, interval: '' | ' ' | 'none'): string => {
    if (estimate === null || !Number.isFinite(estimate.mean)) return '–';
    const value = style.value(estimate.mean);
    // A half-width of 0 (paid hours of a fixed plan) says nothing: the value alone.
    if (interval === 'none' || !(Number.isFinite(estimate.ci95) && estimate.ci95 > 0)) return value;
    return `${value}${interval}±${style.half(estimate.ci95)}`;
  };
  // Money and hours stay readable compact (176k ±4.9k); a share, a time or a ratio would lose its precision (2.4 ±0.0),
  // so those drop the interval before they drop a decimal.
  const scalable = kind === 'money' || kind === 'hours';
  const levels: [FigureStyle, '' | ' ' | 'none'][] = [
    ...(withInterval ? ([[full, ' '], ...(scalable ? [[compact, ' '], [compact, '']] : [])] as [FigureStyle, '' | ' '][]) : []),
    [full, 'none'],
    [compact, 'none'],
  ];
  for (const [style, interval] of levels) {
    const cells = estimates.map((e) => cell(e, style, interval));
    if (cells.every((text) => [...text].length <= width)) return cells;
  }
  return estimates.map((e) => cell(e, compact, 'none'));
}

/**
 * The text of one cell in at most `width` characters: the value with its 95% half-width when simulated and there is
 * room, else the value alone, full or compact.
 * @example figureCell('share', { mean: 0.831, ci95: 0.012 }, 12, true) // '83.1% ±1.2'
 */
export function figureCell(kind: FigureKind, estimate: MetricEstimate | null, width: number, withInterval: boolean): string {
  return figureRow(kind, [estimate], width, withInterval)[0] as string;
}

/** The styles for differences of a kind, most precise first (see `figureStyles`). */
function differenceStyles(kind: FigureKind, magnitude: number): ((magnitude: number) => string)[] {
  switch (kind) {
    case 'share':
      return [(m) => `${(m * 100).toFixed(1)}pp`, (m) => `${(m * 100).toFixed(0)}pp`];
    case 'seconds':
      return [(m) => `${m.toFixed(1)} s`, (m) => `${m.toFixed(0)}s`];
    case 'ratio':
      return [(m) => m.toFixed(2), (m) => m.toFixed(1)];
    case 'hours':
    case 'money': {
      const decimals = magnitude < 100 ? 1 : 0;
      const scale = scaleFor(magnitude);
      return [(m) => formatNumber(m, decimals), (m) => scaled(m, scale)];
    }
  }
}

/**
 * Differences (variant − first) of one figure, signed, shares in percentage points, all in one style: the most
 * precise one in which every difference and its mark (`*` significant) fit `width` characters.
 * @example differenceRow('money', [-14799, -58036], 7, ['', '']) // ['−14,799', '−58,036']
 */
export function differenceRow(kind: FigureKind, differences: readonly number[], width: number, marks: readonly string[] = []): string[] {
  const styles = differenceStyles(kind, magnitudeOf(differences));
  const render = (style: (magnitude: number) => string): string[] =>
    differences.map((d, i) => {
      if (!Number.isFinite(d)) return '–';
      const sign = d > 0 ? '+' : d < 0 ? MINUS : '±';
      return `${sign}${style(Math.abs(d))}${marks[i] ?? ''}`;
    });
  for (const style of styles) {
    const cells = render(style);
    if (cells.every((text) => [...text].length <= width)) return cells;
  }
  return render(styles[styles.length - 1] as (magnitude: number) => string);
}

/**
 * A difference (variant − first), signed, in at most `width` characters; shares in percentage points.
 * @example formatDifference('share', 0.123, 9) // '+12.3pp'
 */
export function formatDifference(kind: FigureKind, difference: number, width: number): string {
  return differenceRow(kind, [difference], width)[0] as string;
}

/** Whether a difference is an improvement (for colour): null when there is none. */
export function differenceIsBetter(figure: KeyFigure, difference: number): boolean | null {
  if (!Number.isFinite(difference) || difference === 0) return null;
  return figure.higherIsBetter ? difference > 0 : difference < 0;
}
