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
  'unansweredAtEnd',
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

/**
 * The metrics a model with agent groups adds (SPEC §7): calls the customer dialled, transfers and their failures,
 * time to resolution and back-office tasks. Every record carries them (0 or undefined for the one-group model);
 * outputs show them where the scenario has `groups` (see `metricNamesOf`).
 */
export const NETWORK_METRIC_NAMES = [
  'callsPerCase',
  'transfers',
  'failedTransfers',
  'failedTransferShare',
  'timeToResolutionSeconds',
  'timeToResolutionP90Seconds',
  'tasks',
  'tasksDone',
  'taskDelaySeconds',
  'tasksWithinDueShare',
  'taskBacklogAtEnd',
] as const;

/** Every metric name, SPEC §4 then SPEC §7, in the order records and JSON documents list them. */
export const ALL_METRIC_NAMES = [...METRIC_NAMES, ...NETWORK_METRIC_NAMES] as const;

export type MetricName = (typeof ALL_METRIC_NAMES)[number];

/**
 * The metrics an output shows for a model: those of SPEC §4, and with agent groups also those of SPEC §7.
 * @example metricNamesOf(false).length // 29
 */
export function metricNamesOf(network: boolean): readonly MetricName[] {
  return network ? ALL_METRIC_NAMES : METRIC_NAMES;
}

/** One value per metric (one replication, or an analytic estimate). */
export type MetricRecord = Record<MetricName, number>;

/** A metric across replications: the mean and the half-width of its 95% Student-t interval (0 for one replication). */
export interface MetricEstimate {
  readonly mean: number;
  readonly ci95: number;
}

/** True when `name` is a metric of SPEC §4. @example isMetricName('serviceLevel') // true */
export function isMetricName(name: string): name is MetricName {
  return (ALL_METRIC_NAMES as readonly string[]).includes(name);
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

/**
 * The metrics of one agent group (SPEC §7): calls offered to the group and what became of them, its agents' time and
 * cost, and its back-office tasks. `occupancy` counts call and task time over time on duty.
 */
export const GROUP_METRIC_NAMES = [
  'attempts',
  'answered',
  'abandoned',
  'blocked',
  'blockedShare',
  'serviceLevel',
  'probabilityOfWaiting',
  'asaSeconds',
  'meanWaitSeconds',
  'occupancy',
  'paidAgentHours',
  'overtimeHours',
  'staffCost',
  'overtimeCost',
  'tasks',
  'tasksDone',
  'taskDelaySeconds',
  'tasksWithinDueShare',
  'taskBacklogAtEnd',
] as const;

export type GroupMetricName = (typeof GROUP_METRIC_NAMES)[number];

/** One value per group metric. */
export type GroupMetricRecord = Record<GroupMetricName, number>;

/** True when `name` is a group metric of SPEC §7. @example isGroupMetricName('blockedShare') // true */
export function isGroupMetricName(name: string): name is GroupMetricName {
  return (GROUP_METRIC_NAMES as readonly string[]).includes(name);
}

/** A group metric as `expect:` and reports name it: `groups.<group name>.<group metric>`. */
export type GroupMetricKey = `groups.${string}`;

/** What an `expect:` bound is on: a metric of the variant, or a metric of one of its agent groups. */
export type ExpectMetric = MetricName | GroupMetricKey;

/**
 * The key of a group metric. @example groupMetricKey('case-officers', 'occupancy') // 'groups.case-officers.occupancy'
 */
export function groupMetricKey(group: string, metric: GroupMetricName): GroupMetricKey {
  return `groups.${group}.${metric}`;
}

/**
 * The group and metric of a `groups.<name>.<metric>` key (the metric is the part after the last dot, so a group name
 * may contain dots), or undefined for anything else.
 * @example parseGroupMetricKey('groups.case-officers.occupancy') // { group: 'case-officers', metric: 'occupancy' }
 */
export function parseGroupMetricKey(key: string): { group: string; metric: string } | undefined {
  if (!key.startsWith('groups.')) return undefined;
  const rest = key.slice('groups.'.length);
  const dot = rest.lastIndexOf('.');
  if (dot <= 0 || dot === rest.length - 1) return undefined;
  return { group: rest.slice(0, dot), metric: rest.slice(dot + 1) };
}
