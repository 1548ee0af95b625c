/**
 * A result's period and what it means for a budget: full-time equivalents (FTE) and, for a run shorter than a year,
 * its totals scaled to a year. Pure.
 *
 * - FTE = paid agent hours / (hours per FTE-year × the run's share of a year), the share being open days of the run /
 *   open days in a year (`yearShareOfRun`): 352 paid hours in a 5-day week of a centre open 260.9 days a year are
 *   352 / (1,700 × 5/260.9) = 10.8 FTE.
 * - Annualised totals = totals / that share: an estimate that assumes every open day of a year is like the run's
 *   average open day (no seasons, holidays or growth beyond the run's own).
 */
import { DEFAULT_HOURS_PER_FTE } from '../core/model/contact-centre-model.js';
import type { Calendar } from '../core/model/contact-centre-model.js';
import { dateOfDay, openDayCount, openDaysPerYear } from '../core/model/calendar-days.js';
import { COST_LINE_NAMES, type GroupMetricName, type MetricEstimate, type MetricName } from '../core/metrics.js';
import { formatNumber } from './format.js';

/** The period a result covers. */
export interface ResultPeriod {
  /** For labels: `5 days`, `7 days, 5 open`, `2027-01-01 – 2027-12-31`. */
  readonly text: string;
  /** Calendar days of the run, and how many of them are open. */
  readonly days: number;
  readonly openDays: number;
  /** First and last date, for dated calendars. */
  readonly from?: string;
  readonly to?: string;
}

/** The budget figures of a variant or of one of its agent groups (`"budget"` in JSON). */
export interface Budget {
  readonly period: ResultPeriod;
  /** Open days in a year of this calendar (`Calendar.openDaysPerYear`). */
  readonly openDaysPerYear: number;
  /** Open days of the run / open days in a year. */
  readonly yearShare: number;
  readonly hoursPerFte: number;
  /** Paid agent hours / (hoursPerFte × yearShare), with its 95% half-width. */
  readonly fte: MetricEstimate;
  /** For a run shorter than a year: its money, hours, cases and calls scaled to a year. */
  readonly annualised?: Annualised;
}

export interface Annualised {
  /** 1 / yearShare. */
  readonly factor: number;
  /** Why and how, in words: it is an estimate. */
  readonly note: string;
  readonly totals: Readonly<Record<string, MetricEstimate>>;
}

/** The metrics of a variant that scale to a year (money, hours, cases and calls); ratios and shares do not. */
export const ANNUALISED_METRICS = [
  'cases',
  'attempts',
  'answered',
  'abandoned',
  'resolvedCases',
  'unresolvedCases',
  'paidAgentHours',
  'overtimeHours',
  ...COST_LINE_NAMES,
  'totalCost',
  'transfers',
  'tasks',
] as const satisfies readonly MetricName[];

/** The metrics of an agent group that scale to a year. */
export const ANNUALISED_GROUP_METRICS = [
  'attempts',
  'answered',
  'abandoned',
  'blocked',
  'paidAgentHours',
  'overtimeHours',
  'staffCost',
  'overtimeCost',
  'tasks',
] as const satisfies readonly GroupMetricName[];

/**
 * Whether a metric's figure belongs to a period (money and hours; not the cost per resolved case, a ratio); a group
 * metric `groups.<name>.<metric>` as its metric.
 * @example isPeriodMetric('groups.front-line.staffCost') // true
 */
export function isPeriodMetric(name: string): boolean {
  return PERIOD_METRICS.has(name.startsWith('groups.') ? name.slice(name.lastIndexOf('.') + 1) : name);
}
const PERIOD_METRICS: ReadonlySet<string> = new Set(['paidAgentHours', 'overtimeHours', ...COST_LINE_NAMES, 'totalCost']);

/**
 * The period of a run.
 * @example resultPeriod({ days: 5, startWeekday: 'mon', … }).text // '5 days'
 * @example resultPeriod({ days: 365, startDate: '2027-01-01', … }).text // '2027-01-01 – 2027-12-31'
 */
export function resultPeriod(calendar: Calendar): ResultPeriod {
  const openDays = openDayCount(calendar);
  const from = dateOfDay(calendar, 0);
  const to = dateOfDay(calendar, calendar.days - 1);
  if (from !== null && to !== null) return { text: `${from} – ${to}`, days: calendar.days, openDays, from, to };
  const days = `${calendar.days} day${calendar.days === 1 ? '' : 's'}`;
  return { text: openDays === calendar.days ? days : `${days}, ${openDays} open`, days: calendar.days, openDays };
}

/** A run counts as a year (no annualised totals) when its open days are at least a year's, within rounding. */
const FULL_YEAR = 1 - 1e-9;

/**
 * The budget of a result: its period, FTEs and, shorter than a year, its annualised totals.
 * @param totals the result's totals (a variant's or a group's); `paidAgentHours` gives the FTEs
 * @param annualisedNames which of them scale to a year
 */
export function budgetOf(
  calendar: Calendar,
  hoursPerFte: number | undefined,
  totals: Readonly<Record<string, MetricEstimate>>,
  annualisedNames: readonly string[],
): Budget {
  const period = resultPeriod(calendar);
  const perYear = openDaysPerYear(calendar);
  const yearShare = period.openDays / perYear;
  const hours = hoursPerFte ?? DEFAULT_HOURS_PER_FTE;
  const paid = totals['paidAgentHours'] ?? { mean: Number.NaN, ci95: Number.NaN };
  const scale = (estimate: MetricEstimate, factor: number): MetricEstimate => ({ mean: estimate.mean * factor, ci95: estimate.ci95 * factor });
  const budget: Budget = { period, openDaysPerYear: perYear, yearShare, hoursPerFte: hours, fte: scale(paid, 1 / (hours * yearShare)) };
  if (yearShare >= FULL_YEAR) return budget;
  const factor = 1 / yearShare;
  const annualised: Record<string, MetricEstimate> = {};
  for (const name of annualisedNames) {
    const estimate = totals[name];
    if (estimate !== undefined) annualised[name] = scale(estimate, factor);
  }
  return { ...budget, annualised: { factor, note: annualisedNote(period.openDays, perYear), totals: annualised } };
}

/**
 * Why an annualised figure is an estimate, in one sentence.
 * @example annualisedNote(5, 260.8875) // 'an estimate: the run's totals × 52.18 (260.9 open days a year / 5 open days in the run), as if every open day of a year were like the run's average open day — no seasons, holidays or growth beyond the run's own'
 */
export function annualisedNote(openDays: number, perYear: number): string {
  return (
    `an estimate: the run's totals × ${formatNumber(perYear / openDays, 2)} (${formatNumber(perYear, 1)} open days a year / ${openDays} open day${openDays === 1 ? '' : 's'} in the run), ` +
    "as if every open day of a year were like the run's average open day — no seasons, holidays or growth beyond the run's own"
  );
}

/** FTEs of `paidHours` paid agent hours over `openDays` open days. @example fteOf(352, 5, 260.8875, 1700) // ≈ 10.8 */
export function fteOf(paidHours: number, openDays: number, perYear: number, hoursPerFte: number): number {
  return paidHours / (hoursPerFte * (openDays / perYear));
}
