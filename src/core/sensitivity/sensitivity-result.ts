import type { BreakEven, FiniteLimit } from './break-even.js';

/**
 * The result of a sensitivity analysis: how far the cost difference of two variants (and each variant's total) moves
 * when one input moves over its range, and where the difference breaks even. Pure data, shared by the command line,
 * the exports and the explorer.
 */

/** Why a total is not a number: an overloaded queue without patience (unbounded), or a target no staffing meets. */
export type PointStatus = 'ok' | 'unstable' | 'infeasible';

/** Each compared variant's total at one value of an input (in the order of `SensitivityResult.variants`). */
export interface PointTotals {
  readonly totals: readonly number[];
  readonly status: readonly PointStatus[];
  /** With simulation: the 95% half-width of each total, and of the difference (paired by replication). */
  readonly ci95?: readonly number[];
  readonly differenceCi95?: number;
}

export interface SensitivityRow {
  /** The number's path inside a variant, e.g. `costs.unresolvedCase`. */
  readonly path: string;
  readonly label: string;
  /** The same as a noun phrase for sentences ("the cost of an unresolved case"). */
  readonly phrase: string;
  /** The one variant it moves in, or null for both. */
  readonly variant: string | null;
  readonly kind: string;
  /** How its values are shown: money, seconds, minutes, hours, share (0..1), count. */
  readonly unit: 'money' | 'seconds' | 'minutes' | 'hours' | 'share' | 'count';
  readonly base: number;
  readonly low: number;
  readonly high: number;
  readonly fromAssumptions: boolean;
  readonly atLow: PointTotals;
  readonly atHigh: PointTotals;
  /** The difference (second − first) at low and high; NaN where a total is not finite; null with one variant. */
  readonly difference: { readonly atLow: number; readonly atHigh: number } | null;
  /** The range of the charted quantity (the difference, or the one variant's total) over low, base and high. */
  readonly swing: number;
  /** Break-even values within [low, high], nearest to the base first; empty when none. */
  readonly breakEvens: readonly BreakEven[];
  /** Where the difference stops being finite on a side whose end is unstable or infeasible. */
  readonly finiteLimits: readonly FiniteLimit[];
  /** With simulation: the simulated difference at each analytic break-even (mean and 95% half-width, paired). */
  readonly breakEvenChecks?: readonly { readonly value: number; readonly difference: number; readonly ci95: number }[];
  /** Evaluations of the model made for this input (points, root finding, limits). */
  readonly evaluations: number;
}

export interface SensitivityResult {
  readonly scenario: string;
  readonly currency: string;
  /** The compared variants (one or two); the difference is the second's total minus the first's. */
  readonly variants: readonly string[];
  readonly source: 'analytic' | 'simulation';
  /** The relative range of inputs without their own low and high. */
  readonly range: number;
  /** Replications and seed with simulation. */
  readonly replications: number | null;
  readonly seed: number | null;
  /** The totals at the scenario's values. */
  readonly atBase: PointTotals;
  /** In tornado order: largest swing first. */
  readonly rows: readonly SensitivityRow[];
  readonly notVaried: readonly { readonly path: string; readonly label: string; readonly variant: string | null; readonly reason: string }[];
}
