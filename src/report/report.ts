import type { IntervalLabel } from '../core/model/calendar-days.js';
import type { GroupMetricKey, GroupMetricName, MetricEstimate, MetricName } from '../core/metrics.js';
import type { Explanation } from '../core/sensitivity/explanation.js';
import type { CurveCrossing } from '../core/sensitivity/curve-crossings.js';
import type { Budget } from './budget.js';
import type { PeriodRollup } from './period-rollup.js';

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
  /** The group's period, FTEs and (shorter than a year) annualised totals. */
  readonly budget?: Budget;
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
  /** The variant's period, FTEs and (shorter than a year) annualised totals. */
  readonly budget?: Budget;
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
  /** Half-width of the 95% interval of the difference (paired by replication); null for analytic figures. */
  readonly ci95?: number | null;
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
  readonly kind: 'run' | 'compare' | 'sweep' | 'plan';
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
  /** `--by day|week|month`, and the Budget sheet of dated calendars: every variant rolled up by calendar period. */
  readonly periods?: PeriodRollup;
  /** `compare --exchange`: the money of other currencies converted into `currency`. */
  readonly exchange?: ExchangeNote;
  /** The report's answer in words, first thing in the HTML page. */
  readonly verdict?: Verdict;
  /** `plan`: the agents per interval (and group), and the shifts when `--shifts` was asked for. */
  readonly plan?: PlanTables;
}

/** What a plan export adds to the report of its analytic plans. */
export interface PlanTables {
  readonly staffing: readonly PlanStaffingRow[];
  readonly shifts: readonly PlanShiftRow[];
  /** Where each variant's analytic plan approximates the simulated model (`planApproximations`); variants with none left out. */
  readonly approximations?: readonly { readonly variant: string; readonly items: readonly string[] }[];
}

/** Agents of one interval of one variant (and agent group). */
export interface PlanStaffingRow {
  readonly variant: string;
  /** The agent group, or null for a variant without groups. */
  readonly group: string | null;
  readonly day: number;
  readonly date?: string;
  readonly start: string;
  readonly attempts: number;
  /** Agents answering calls (after shrinkage). */
  readonly onPhoneAgents: number;
  /** Agents paid for the interval (on the phones / (1 − shrinkage)). */
  readonly paidAgents: number;
  readonly paidAgentHours: number;
  /** The interval's paid hours as full-time equivalents: the rows add up to the run's FTEs. */
  readonly fte: number;
  readonly serviceLevel: number;
  readonly staffCost: number;
}

/** One shift line of `plan --shifts`. */
export interface PlanShiftRow {
  readonly variant: string;
  readonly group: string | null;
  readonly name: string;
  readonly start: string;
  readonly end: string;
  readonly agents: number;
  /** e.g. "12:00 30 min"; empty without breaks. */
  readonly breaks: string;
  /** e.g. "mon, tue"; empty for every day. */
  readonly days: string;
}

/** How money in other currencies was converted (`compare --exchange SEK=1,USD=10.5`). */
export interface ExchangeNote {
  /** The currency everything is shown in (the first scenario's). */
  readonly into: string;
  /** Units of `into` per unit of each other currency, e.g. { USD: 10.5 }. */
  readonly rates: Readonly<Record<string, number>>;
  /** In words, e.g. "1 USD = 10.5 SEK (--exchange)". */
  readonly text: string;
}

/** The answer of a report, for the first paragraph of the HTML page. */
export interface Verdict {
  /** The paragraph, in sentences. */
  readonly sentences: readonly string[];
  /** What the sentence on the deciding assumption was based on (or why there is none). */
  readonly basis?: string;
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
