import type { IntervalLabel } from '../core/model/calendar-days.js';
import type { GroupMetricKey, GroupMetricName, MetricEstimate, MetricName } from '../core/metrics.js';
import type { Explanation } from '../core/sensitivity/explanation.js';
import type { CurveCrossing } from '../core/sensitivity/curve-crossings.js';

/**
 * The view model every output shares: the command line's tables, the explorer and each export format are all
 * drawn from a `Report`. Pure data; no formatting.
 */

/** Where a variant's figures come from. */
export type ResultSource = 'simulation' | 'erlang-c' | 'erlang-a';

/** Every metric of SPEC §4 as a mean and a 95% half-width (0 for analytic figures and single replications). */
export type MetricEstimates = Record<MetricName, MetricEstimate>;

/** One interval of an open day of one variant. `day` is 1-based, `start` is "HH:MM", `date` "YYYY-MM-DD" for dated calendars. */
export type IntervalEstimates = IntervalLabel & MetricEstimates;

/** Every metric of one agent group (SPEC §7) as a mean and a 95% half-width. */
export type GroupMetricEstimates = Record<GroupMetricName, MetricEstimate>;

/** The figures of one agent group of a variant: for the whole run and per interval. */
export interface GroupResult {
  readonly name: string;
  readonly totals: GroupMetricEstimates;
  readonly intervals: readonly (IntervalLabel & GroupMetricEstimates)[];
}

/** The figures of one variant of one scenario. */
export interface VariantResult {
  readonly scenario: string;
  readonly variant: string;
  readonly currency: string;
  readonly source: ResultSource;
  /** Replications and seed when simulated; null for analytic figures. */
  readonly replications: number | null;
  readonly seed: number | null;
  readonly totals: MetricEstimates;
  readonly intervals: readonly IntervalEstimates[];
  /**
   * Per agent group, in model order: only for a scenario with groups (SPEC §7), whose totals then also carry the
   * metrics of SPEC §7 (`NETWORK_METRIC_NAMES`).
   */
  readonly groups?: readonly GroupResult[];
}

/** A metric of a variant, or `groups.<name>.<metric>` of one of its agent groups. */
export type ReportMetric = MetricName | GroupMetricKey;

/** A metric of a variant against the same metric of the first variant. */
export interface Difference {
  readonly variant: string;
  readonly metric: ReportMetric;
  /** variant − first. */
  readonly absolute: number;
  /** (variant − first) / first; null when the first is 0. */
  readonly relative: number | null;
  /**
   * Whether the difference is statistically significant at 5% across replications (paired by replication under
   * common random numbers); null for analytic figures.
   */
  readonly significant: boolean | null;
}

/** One point of a sweep: the parameter's value and the totals there. */
export interface SweepPoint {
  readonly value: number;
  readonly totals: MetricEstimates;
}

export interface SweepResult {
  /** Dotted scenario path that was varied, e.g. `staffing.target.serviceLevel`. */
  readonly parameter: string;
  readonly variant: string;
  readonly points: readonly SweepPoint[];
  /** The point with the lowest mean total cost. */
  readonly cheapest: { readonly value: number; readonly totalCost: number };
}

/** One input as the Assumptions sheet lists it. */
export interface Assumption {
  /** Dotted path, e.g. `handling.handleTime.meanSeconds`, or a run setting such as `seed`. */
  readonly name: string;
  readonly value: string | number | boolean;
  /** Which variant it belongs to, or "" for the whole report. */
  readonly variant: string;
}

/** What `run`, `compare` and `sweep` produce, ready for any output format. */
export interface Report {
  readonly kind: 'run' | 'compare' | 'sweep';
  readonly title: string;
  readonly currency: string;
  readonly staffsimVersion: string;
  readonly variants: readonly VariantResult[];
  /** Against the first variant (compare). */
  readonly differences: readonly Difference[];
  readonly sweep: SweepResult | null;
  /** Every input, the seed, the replications and the version. */
  readonly assumptions: readonly Assumption[];
  /** `compare --explain`: what drives each variant's difference from the first (analytic Shapley values). */
  readonly explain?: readonly Explanation[];
  /** `sweep --all-variants`: the other variants' curves over the same parameter (the first is `sweep`), and where curves cross. */
  readonly sweeps?: AllVariantsSweep;
}

/** Every variant's cost curve over one parameter (`sweep --all-variants`). */
export interface AllVariantsSweep {
  /** One per variant, in file order, over the same values. */
  readonly curves: readonly SweepResult[];
  /** Where two curves cross (indices into `curves`), interpolated between neighbouring points. */
  readonly crossings: readonly CurveCrossing[];
  /**
   * Simulated points only: the cheapest (variant, value) and every point not significantly dearer (paired by
   * replication); null for analytic curves.
   */
  readonly cheapestSet: null | {
    readonly cheapest: { readonly curve: number; readonly point: number };
    readonly notSignificantlyDearer: readonly { readonly curve: number; readonly point: number; readonly difference: number; readonly ci95: number }[];
  };
}
