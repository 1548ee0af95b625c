/**
 * The metric names of SPEC §4 — the only names reports, exports, `expect:` assertions and baselines use.
 * Counts are per replication; durations in seconds; shares in 0..1; money in the scenario's currency.
 */
export const METRIC_NAMES = [
  'cases',
  'attempts',
  'attemptsPerCase',
  'answered',
  'abandoned',
  'answeredShare',
  'abandonedShare',
  'serviceLevel',
  'probabilityOfWaiting',
  'asaSeconds',
  'meanWaitSeconds',
  'waitP90Seconds',
  'occupancy',
  'resolvedCases',
  'resolvedShareOfCases',
  'contactsPerResolvedCase',
  'unresolvedCases',
  'openCasesAtEnd',
  'paidAgentHours',
  'overtimeHours',
  'staffCost',
  'overtimeCost',
  'telephonyCost',
  'customerTimeCost',
  'repeatContactCost',
  'unresolvedCaseCost',
  'fixedCost',
  'totalCost',
  'costPerResolvedCase',
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

/** One value per metric (one replication, or an analytic estimate). */
export type MetricRecord = Record<MetricName, number>;

/** A metric across replications: the mean and the half-width of its 95% Student-t interval (0 for one replication). */
export interface MetricEstimate {
  readonly mean: number;
  readonly ci95: number;
}

/** True when `name` is a metric of SPEC §4. @example isMetricName('serviceLevel') // true */
export function isMetricName(name: string): name is MetricName {
  return (METRIC_NAMES as readonly string[]).includes(name);
}

/** The cost metrics, in the order reports list them. */
export const COST_LINE_NAMES = [
  'staffCost',
  'overtimeCost',
  'telephonyCost',
  'customerTimeCost',
  'repeatContactCost',
  'unresolvedCaseCost',
  'fixedCost',
] as const satisfies readonly MetricName[];
