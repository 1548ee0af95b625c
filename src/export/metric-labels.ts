import { METRIC_NAMES, parseGroupMetricKey, type GroupMetricName, type MetricName } from '../core/metrics.js';
import type { ReportMetric } from '../report/report.js';
import { formatDuration, formatMoney, formatNumber, formatPercent, formatSeconds } from '../report/format.js';
import { isPeriodMetric } from '../report/budget.js';

/**
 * The one table of metric labels and units that every export format (CSV, XLSX, Markdown, HTML) uses.
 *
 * Convention, the same in every format:
 * - a metric's **value** is always the raw SPEC §4 figure: shares stay fractions 0..1, durations seconds,
 *   hours hours, money whole units of `report.currency`; nothing is scaled;
 * - a **data header** (CSV, XLSX) is `<Label> (<unit>)` and describes that raw value, so shares are headed
 *   `(share 0-1)` (`Service level (share 0-1)` over `0.812`). In XLSX the same 0.812 is stored and only
 *   *displayed* as 81.2% by the `0.0%` number format, so the header stays true of the cell's value;
 * - formats **for people** (Markdown, HTML) print the unit with each value (`81.2%`, `7.8 s`, `1,235 SEK`), so
 *   their headers are the bare label.
 */

/** How a metric is measured; decides its unit, its XLSX number format and how people see it. */
export type MetricKind = 'count' | 'ratio' | 'share' | 'seconds' | 'hours' | 'money';

export interface MetricLabel {
  /** Human name, sentence case, e.g. "Service level". */
  readonly label: string;
  readonly kind: MetricKind;
}

export const METRIC_LABELS: { readonly [N in MetricName]: MetricLabel } = {
  cases: { label: 'Cases', kind: 'count' },
  attempts: { label: 'Attempts', kind: 'count' },
  attemptsPerCase: { label: 'Attempts per case', kind: 'ratio' },
  answered: { label: 'Answered', kind: 'count' },
  abandoned: { label: 'Abandoned', kind: 'count' },
  answeredShare: { label: 'Answered share', kind: 'share' },
  abandonedShare: { label: 'Abandoned share', kind: 'share' },
  serviceLevel: { label: 'Service level', kind: 'share' },
  probabilityOfWaiting: { label: 'Probability of waiting', kind: 'share' },
  asaSeconds: { label: 'ASA', kind: 'seconds' },
  meanWaitSeconds: { label: 'Mean wait', kind: 'seconds' },
  waitP90Seconds: { label: 'Wait 90th percentile', kind: 'seconds' },
  occupancy: { label: 'Occupancy', kind: 'share' },
  resolvedCases: { label: 'Resolved cases', kind: 'count' },
  resolvedShareOfCases: { label: 'Resolved share of cases', kind: 'share' },
  contactsPerResolvedCase: { label: 'Contacts per resolved case', kind: 'ratio' },
  unresolvedCases: { label: 'Unresolved cases', kind: 'count' },
  openCasesAtEnd: { label: 'Open cases at end', kind: 'count' },
  unansweredAtEnd: { label: 'Calls unanswered at end', kind: 'count' },
  paidAgentHours: { label: 'Paid agent hours', kind: 'hours' },
  overtimeHours: { label: 'Overtime hours', kind: 'hours' },
  staffCost: { label: 'Staff cost', kind: 'money' },
  overtimeCost: { label: 'Overtime cost', kind: 'money' },
  telephonyCost: { label: 'Telephony cost', kind: 'money' },
  customerTimeCost: { label: 'Customer time cost', kind: 'money' },
  repeatContactCost: { label: 'Repeat contact cost', kind: 'money' },
  unresolvedCaseCost: { label: 'Unresolved case cost', kind: 'money' },
  fixedCost: { label: 'Fixed cost', kind: 'money' },
  totalCost: { label: 'Total cost', kind: 'money' },
  costPerResolvedCase: { label: 'Cost per resolved case', kind: 'money' },
  callsPerCase: { label: 'Calls dialled per case', kind: 'ratio' },
  transfers: { label: 'Transfers', kind: 'count' },
  failedTransfers: { label: 'Failed transfers', kind: 'count' },
  failedTransferShare: { label: 'Failed transfer share', kind: 'share' },
  timeToResolutionSeconds: { label: 'Time to resolution', kind: 'seconds' },
  timeToResolutionP90Seconds: { label: 'Time to resolution 90th percentile', kind: 'seconds' },
  tasks: { label: 'Tasks', kind: 'count' },
  tasksDone: { label: 'Tasks started', kind: 'count' },
  taskDelaySeconds: { label: 'Task delay', kind: 'seconds' },
  tasksWithinDueShare: { label: 'Tasks started within due time', kind: 'share' },
  taskBacklogAtEnd: { label: 'Task backlog at end', kind: 'count' },
};

/** Labels of the group metrics (SPEC §7), in the same conventions. */
export const GROUP_METRIC_LABELS: { readonly [N in GroupMetricName]: MetricLabel } = {
  attempts: { label: 'Calls offered', kind: 'count' },
  answered: { label: 'Answered', kind: 'count' },
  abandoned: { label: 'Abandoned', kind: 'count' },
  blocked: { label: 'Blocked', kind: 'count' },
  blockedShare: { label: 'Blocked share', kind: 'share' },
  serviceLevel: { label: 'Service level', kind: 'share' },
  probabilityOfWaiting: { label: 'Probability of waiting', kind: 'share' },
  asaSeconds: { label: 'ASA', kind: 'seconds' },
  meanWaitSeconds: { label: 'Mean wait', kind: 'seconds' },
  occupancy: { label: 'Occupancy', kind: 'share' },
  paidAgentHours: { label: 'Paid agent hours', kind: 'hours' },
  overtimeHours: { label: 'Overtime hours', kind: 'hours' },
  staffCost: { label: 'Staff cost', kind: 'money' },
  overtimeCost: { label: 'Overtime cost', kind: 'money' },
  tasks: { label: 'Tasks', kind: 'count' },
  tasksDone: { label: 'Tasks started', kind: 'count' },
  taskDelaySeconds: { label: 'Task delay', kind: 'seconds' },
  tasksWithinDueShare: { label: 'Tasks started within due time', kind: 'share' },
  taskBacklogAtEnd: { label: 'Task backlog at end', kind: 'count' },
};

/**
 * The metrics that the people-facing summaries (Markdown, HTML) show per variant, in order.
 * CSV and XLSX always carry all of `METRIC_NAMES`.
 */
export const KEY_METRICS = [
  'serviceLevel',
  'asaSeconds',
  'abandonedShare',
  'occupancy',
  'attemptsPerCase',
  'resolvedShareOfCases',
  'paidAgentHours',
  'totalCost',
  'costPerResolvedCase',
] as const satisfies readonly MetricName[];

/** The group metrics that the people-facing summaries show per agent group, in order. */
export const GROUP_KEY_METRICS = [
  'attempts',
  'blockedShare',
  'serviceLevel',
  'occupancy',
  'tasks',
  'taskDelaySeconds',
  'paidAgentHours',
  'staffCost',
] as const satisfies readonly GroupMetricName[];

/** The label and kind of a variant metric, or of a group metric `groups.<name>.<metric>` (labelled "name: label"). */
function labelOf(name: ReportMetric): MetricLabel {
  const group = parseGroupMetricKey(name);
  if (group === undefined) return METRIC_LABELS[name as MetricName];
  const own = GROUP_METRIC_LABELS[group.metric as GroupMetricName];
  return { label: `${group.group}: ${own.label.charAt(0).toLowerCase()}${own.label.slice(1)}`, kind: own.kind };
}

/**
 * The label of a metric. @example metricLabel('serviceLevel') // 'Service level'
 * @example metricLabel('groups.case-officers.occupancy') // 'case-officers: occupancy'
 */
export function metricLabel(name: ReportMetric): string {
  return labelOf(name).label;
}

/** The kind of a metric. @example metricKind('asaSeconds') // 'seconds' */
export function metricKind(name: ReportMetric): MetricKind {
  return labelOf(name).kind;
}

/**
 * The unit of a raw value of this kind, as data headers write it.
 * @example unitOf('share', 'SEK') // 'share 0-1'
 * @example unitOf('money', 'SEK') // 'SEK'
 */
export function unitOf(kind: MetricKind, currency: string): string {
  switch (kind) {
    case 'count':
      return 'count';
    case 'ratio':
      return 'ratio';
    case 'share':
      return 'share 0-1';
    case 'seconds':
      return 's';
    case 'hours':
      return 'h';
    case 'money':
      return currency;
  }
}

/** The unit of a metric's raw value. @example metricUnit('totalCost', 'SEK') // 'SEK' */
export function metricUnit(name: ReportMetric, currency: string): string {
  return unitOf(metricKind(name), currency);
}

/** Data header of a group metric's mean. @example groupMetricHeader('blockedShare', 'SEK') // 'Blocked share (share 0-1)' */
export function groupMetricHeader(name: GroupMetricName, currency: string, period?: string): string {
  const { label, kind } = GROUP_METRIC_LABELS[name];
  return `${withPeriod(label, name, period)} (${unitOf(kind, currency)})`;
}

/** Data header of a group metric's 95% half-width. @example groupMetricCiHeader('occupancy', 'SEK') // 'Occupancy ±95% (share 0-1)' */
export function groupMetricCiHeader(name: GroupMetricName, currency: string, period?: string): string {
  const { label, kind } = GROUP_METRIC_LABELS[name];
  return `${withPeriod(label, name, period)} ±95% (${unitOf(kind, currency)})`;
}

/**
 * Data header of a metric's mean; money and hours say their period when it is given.
 * @example metricHeader('serviceLevel', 'SEK') // 'Service level (share 0-1)'
 * @example metricHeader('totalCost', 'SEK', '5 days') // 'Total cost, 5 days (SEK)'
 */
export function metricHeader(name: ReportMetric, currency: string, period?: string): string {
  return `${withPeriod(metricLabel(name), name, period)} (${metricUnit(name, currency)})`;
}

/** A label with its period, for money and hours. @example withPeriod('Total cost', 'totalCost', 'per interval') // 'Total cost, per interval' */
export function withPeriod(label: string, name: string, period: string | undefined): string {
  return period !== undefined && period !== '' && isPeriodMetric(name) ? `${label}, ${period}` : label;
}

/**
 * Data header of a metric's 95% half-width (same unit as the mean).
 * @example metricCiHeader('asaSeconds', 'SEK') // 'ASA ±95% (s)'
 */
export function metricCiHeader(name: ReportMetric, currency: string, period?: string): string {
  return `${withPeriod(metricLabel(name), name, period)} ±95% (${metricUnit(name, currency)})`;
}

/**
 * A value for people, with its unit: shares as percentages, seconds, hours, money with the currency code.
 * Non-finite values follow `report/format.ts` ('∞' for unbounded, '–' for missing).
 * @example formatMetricValue('share', 0.8123, 'SEK') // '81.2%'
 * @example formatMetricValue('money', 1234.5, 'SEK') // '1,235 SEK'
 */
export function formatMetricValue(kind: MetricKind, value: number, currency: string): string {
  switch (kind) {
    case 'share':
      return formatPercent(value, 1);
    case 'seconds':
      // Waits read in seconds; a long duration (a task delay, a time to resolution) in minutes, hours or days.
      return Math.abs(value) < 120 ? formatSeconds(value, 1) : formatDuration(value);
    case 'hours':
      return Number.isFinite(value) ? `${formatNumber(value, 1)} h` : formatNumber(value, 1);
    case 'money':
      return Number.isFinite(value) ? formatMoney(value, currency) : formatNumber(value, 0);
    case 'count':
      return formatNumber(value, 1);
    case 'ratio':
      return formatNumber(value, 2);
  }
}

/**
 * A mean and its 95% half-width for people: `81.2% ± 1.1%`; the half-width is left out when it is 0 (analytic
 * figures, one replication) or not finite.
 */
export function formatEstimate(kind: MetricKind, mean: number, ci95: number, currency: string): string {
  const value = formatMetricValue(kind, mean, currency);
  if (!Number.isFinite(mean) || !Number.isFinite(ci95) || ci95 <= 0) return value;
  return `${value} ± ${formatMetricValue(kind, ci95, currency)}`;
}

/**
 * A signed difference (variant − first) for people. Differences of shares are percentage points.
 * @example formatSignedDifference('share', 0.031, 'SEK') // '+3.1 pp'
 * @example formatSignedDifference('money', -1500, 'SEK') // '-1,500 SEK'
 * @example formatSignedDifference('money', 0.29, 'USD') // '+0.29 USD'
 */
export function formatSignedDifference(kind: MetricKind, value: number, currency: string): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  const sign = value > 0 ? '+' : value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  switch (kind) {
    case 'share':
      return `${sign}${(magnitude * 100).toFixed(1)} pp`;
    case 'seconds':
      return `${sign}${magnitude < 120 ? `${magnitude.toFixed(1)} s` : formatDuration(magnitude)}`;
    case 'hours':
      return `${sign}${formatNumber(magnitude, 1)} h`;
    case 'money':
      return `${sign}${formatMoney(magnitude, currency)}`;
    case 'count':
      return `${sign}${formatNumber(magnitude, 1)}`;
    case 'ratio':
      return `${sign}${formatNumber(magnitude, 2)}`;
  }
}

/**
 * A relative difference for people, '–' when there is none (the first variant's value is 0).
 * @example formatRelative(0.0456) // '+4.6%'
 */
export function formatRelative(relative: number | null): string {
  if (relative === null || !Number.isFinite(relative)) return '–';
  const sign = relative > 0 ? '+' : relative < 0 ? '-' : '';
  return `${sign}${(Math.abs(relative) * 100).toFixed(1)}%`;
}

/** Significance for people: 'yes', 'no', or '–' when it does not apply (analytic figures). */
export function formatSignificant(significant: boolean | null): string {
  return significant === null ? '–' : significant ? 'yes' : 'no';
}

/** Every metric, in report order (re-exported so formats need one import for names and labels). */
export { METRIC_NAMES };
