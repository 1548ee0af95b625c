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

/** One value of a figure, full or compact. @example formatFigure('share', 0.8312) // '83.1%' */
export function formatFigure(kind: FigureKind, value: number, compact = false): string {
  if (!Number.isFinite(value)) return '–';
  switch (kind) {
    case 'share':
      return `${(value * 100).toFixed(compact ? 0 : 1)}%`;
    case 'seconds':
      return compact ? `${value.toFixed(0)}s` : `${value.toFixed(1)} s`;
    case 'ratio':
      return value.toFixed(2);
    case 'hours':
      return compact ? compactNumber(value) : formatNumber(value, 0);
    case 'money':
      return compact || Math.abs(value) >= 10_000_000 ? compactNumber(value) : formatNumber(value, Math.abs(value) < 1000 ? 1 : 0);
  }
}

/**
 * The half-width of a 95% interval, without unit signs where the value already shows them; in compact form on the
 * same scale as the compact value (166.8k ±4.9k).
 */
function formatHalfWidth(kind: FigureKind, ci95: number, mean: number, compact: boolean): string {
  switch (kind) {
    case 'share':
      return (ci95 * 100).toFixed(1);
    case 'seconds':
      return ci95.toFixed(1);
    case 'ratio':
      return ci95.toFixed(2);
    case 'hours':
    case 'money': {
      const scaled = compact || (kind === 'money' && Math.abs(mean) >= 10_000_000);
      if (!scaled || Math.abs(mean) < 9_999.5) return formatNumber(ci95, Math.abs(ci95) < 100 ? 1 : 0);
      const [divisor, suffix] = Math.abs(mean) >= 999_500 ? [1e6, 'M'] : [1e3, 'k'];
      return `${(ci95 / divisor).toFixed(1)}${suffix}`;
    }
  }
}

/**
 * The text of one cell in at most `width` characters: the value with its 95% half-width when simulated and there is
 * room, else the value alone, full or compact.
 * @example figureCell('share', { mean: 0.831, ci95: 0.012 }, 12, true) // '83.1% ±1.2'
 */
export function figureCell(kind: FigureKind, estimate: MetricEstimate | null, width: number, withInterval: boolean): string {
  if (estimate === null || !Number.isFinite(estimate.mean)) return '–';
  const candidates: string[] = [];
  // A half-width of 0 (paid hours of a fixed plan) says nothing: the value alone.
  if (withInterval && Number.isFinite(estimate.ci95) && estimate.ci95 > 0) {
    candidates.push(`${formatFigure(kind, estimate.mean)} ±${formatHalfWidth(kind, estimate.ci95, estimate.mean, false)}`);
    candidates.push(`${formatFigure(kind, estimate.mean, true)} ±${formatHalfWidth(kind, estimate.ci95, estimate.mean, true)}`);
    candidates.push(`${formatFigure(kind, estimate.mean, true)}±${formatHalfWidth(kind, estimate.ci95, estimate.mean, true)}`);
  }
  candidates.push(formatFigure(kind, estimate.mean), formatFigure(kind, estimate.mean, true));
  return candidates.find((text) => [...text].length <= width) ?? (candidates[candidates.length - 1] as string);
}

/**
 * A difference (variant − first), signed, in at most `width` characters; shares in percentage points.
 * @example formatDifference('share', 0.123, 9) // '+12.3pp'
 */
export function formatDifference(kind: FigureKind, difference: number, width: number): string {
  if (!Number.isFinite(difference)) return '–';
  const sign = difference > 0 ? '+' : difference < 0 ? MINUS : '±';
  const magnitude = Math.abs(difference);
  const candidates =
    kind === 'share'
      ? [`${sign}${(magnitude * 100).toFixed(1)}pp`, `${sign}${(magnitude * 100).toFixed(0)}pp`]
      : kind === 'seconds'
        ? [`${sign}${magnitude.toFixed(1)} s`, `${sign}${magnitude.toFixed(0)}s`]
        : kind === 'ratio'
          ? [`${sign}${magnitude.toFixed(2)}`, `${sign}${magnitude.toFixed(1)}`]
          : [`${sign}${formatNumber(magnitude, magnitude < 100 ? 1 : 0)}`, `${sign}${compactNumber(magnitude)}`];
  return candidates.find((text) => [...text].length <= width) ?? (candidates[candidates.length - 1] as string);
}

/** Whether a difference is an improvement (for colour): null when there is none. */
export function differenceIsBetter(figure: KeyFigure, difference: number): boolean | null {
  if (!Number.isFinite(difference) || difference === 0) return null;
  return figure.higherIsBetter ? difference > 0 : difference < 0;
}
