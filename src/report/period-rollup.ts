/**
 * Results rolled up by calendar period (`--by day|week|month`): exact, not averaged. Pure.
 *
 * Counts, hours and money add up. Every ratio is re-weighted by its own denominator, which the interval records
 * carry: the service level by the attempts (or the answered, per `serviceLevel.definition`), the ASA by the answered,
 * the mean wait and the probability of waiting by the attempts, the shares by their counts, the time to resolution by
 * the resolved cases, the task delay by the tasks started, occupancy by the time on the phones. For simulated results
 * the roll-up is done in each replication, and the period's figure is the mean across replications with its 95%
 * interval (like every other figure). What cannot be exact is stated in `ROLLUP_NOTES`:
 * percentiles do not add up; occupancy needs the on-phone time, which the records do not carry, so it is taken from
 * the staffing plan (exact for whole agents; for shifts, whose on-phone agents are rounded at random in each
 * replication, the expected time); the service level that excludes short abandons is weighted by attempts.
 */
import { ALL_METRIC_NAMES, COST_LINE_NAMES, GROUP_METRIC_NAMES, metricNamesOf } from '../core/metrics.js';
import type { GroupMetricName, GroupMetricRecord, MetricEstimate, MetricName, MetricRecord } from '../core/metrics.js';
import type { CalendarPeriod, PeriodUnit } from '../core/model/calendar-periods.js';
import type { Calendar, ServiceLevelDefinition } from '../core/model/contact-centre-model.js';
import { estimateOf } from '../core/sim/summarise.js';
import { fteOf } from './budget.js';
import { openDaysPerYear } from '../core/model/calendar-days.js';

/** One replication's interval records (all days × intervalsPerDay, closed days included), or an analytic plan's. */
export interface RollupReplication {
  readonly intervals: readonly MetricRecord[];
  readonly groups?: readonly { readonly name: string; readonly intervals: readonly GroupMetricRecord[] }[];
}

export interface RollupSource {
  readonly calendar: Calendar;
  readonly definition: ServiceLevelDefinition;
  /** With a warm-up, contacts per resolved case is weighted by the resolved cases (see `ROLLUP_NOTES`). */
  readonly warmup: boolean;
  readonly network: boolean;
  readonly hoursPerFte: number;
  readonly replications: readonly RollupReplication[];
  /** Measured on-phone agent-seconds per interval k, per agent group (one group without `groups`). */
  readonly onPhoneSeconds: readonly (readonly number[])[];
}

/** One period of one variant. */
export interface PeriodRow {
  readonly period: string;
  readonly from?: string;
  readonly to?: string;
  readonly openDays: number;
  readonly totals: Readonly<Record<MetricName, MetricEstimate>>;
  /** Paid hours of the period as full-time equivalents (its open days' share of a year). */
  readonly fte: MetricEstimate;
  readonly groups?: readonly { readonly name: string; readonly totals: Readonly<Record<GroupMetricName, MetricEstimate>>; readonly fte: MetricEstimate }[];
}

/** Every variant's periods. */
export interface PeriodRollup {
  readonly by: PeriodUnit;
  readonly variants: readonly { readonly scenario: string; readonly variant: string; readonly rows: readonly PeriodRow[] }[];
  readonly notes: readonly string[];
}

/** What a roll-up cannot make exact, in words (shown with every roll-up). */
export const ROLLUP_NOTES: readonly string[] = [
  'Counts, hours and money are sums; every ratio is re-weighted by its own denominator, in each replication.',
  'Percentiles (90th-percentile wait, time to resolution) do not add up and are given for the whole run only.',
  'Occupancy is weighted by the planned on-phone time (with shifts, the expected time: on-phone agents are rounded at random per replication).',
];

const ADDITIVE: readonly MetricName[] = [
  'cases',
  'attempts',
  'answered',
  'abandoned',
  'resolvedCases',
  'unresolvedCases',
  'openCasesAtEnd',
  'unansweredAtEnd',
  'paidAgentHours',
  'overtimeHours',
  ...COST_LINE_NAMES,
  'totalCost',
  'transfers',
  'failedTransfers',
  'tasks',
  'tasksDone',
  'taskBacklogAtEnd',
];

const GROUP_ADDITIVE: readonly GroupMetricName[] = [
  'attempts',
  'answered',
  'abandoned',
  'blocked',
  'paidAgentHours',
  'overtimeHours',
  'staffCost',
  'overtimeCost',
  'tasks',
  'tasksDone',
  'taskBacklogAtEnd',
];

/** The denominator a ratio is weighted by, from the same record (or the on-phone time for occupancy). */
type Weight<N extends string> = N | 'onPhone';

function serviceLevelWeight(definition: ServiceLevelDefinition): 'attempts' | 'answered' {
  return definition === 'answered-of-answered' ? 'answered' : 'attempts';
}

/** Weighted means that a variant's record and a group's share: metric → its denominator. */
function callAndTaskWeights(source: RollupSource) {
  return {
    serviceLevel: serviceLevelWeight(source.definition),
    probabilityOfWaiting: 'attempts',
    asaSeconds: 'answered',
    meanWaitSeconds: 'attempts',
    occupancy: 'onPhone',
    taskDelaySeconds: 'tasksDone',
    tasksWithinDueShare: 'tasksDone',
  } as const;
}

/** Weighted means of a variant's record: metric → its denominator. */
function variantWeights(source: RollupSource): Partial<Record<MetricName, Weight<MetricName>>> {
  return {
    ...callAndTaskWeights(source),
    timeToResolutionSeconds: 'resolvedCases',
    // Without a warm-up every answered attempt counts (answered / resolved, below); with one, the record's own ratio.
    ...(source.warmup ? { contactsPerResolvedCase: 'resolvedCases' as const } : {}),
  };
}

function groupWeights(source: RollupSource): Partial<Record<GroupMetricName, Weight<GroupMetricName>>> {
  return callAndTaskWeights(source);
}

const ratio = (numerator: number, denominator: number): number => (denominator > 0 ? numerator / denominator : Number.NaN);

/**
 * Sums of the additive metrics and weighted sums of the weighted ones over the intervals `ks` of one replication.
 * Returns the period's record.
 */
function rollRecord<N extends string>(
  records: readonly Readonly<Record<N, number>>[],
  ks: readonly number[],
  additive: readonly N[],
  weights: Partial<Record<N, Weight<N>>>,
  onPhone: (k: number) => number,
): { sums: Record<string, number>; weighted: Record<string, number> } {
  const sums: Record<string, number> = {};
  const numerators: Record<string, number> = {};
  const denominators: Record<string, number> = {};
  for (const name of additive) sums[name] = 0;
  const weighted = Object.entries(weights) as [N, Weight<N>][];
  for (const [name] of weighted) {
    numerators[name] = 0;
    denominators[name] = 0;
  }
  for (const k of ks) {
    const record = records[k];
    if (record === undefined) continue;
    for (const name of additive) sums[name] = (sums[name] as number) + (record[name] ?? 0);
    for (const [name, by] of weighted) {
      const weight = by === 'onPhone' ? onPhone(k) : (record[by] ?? 0);
      const value = record[name];
      if (!(weight > 0) || !Number.isFinite(value)) continue;
      numerators[name] = (numerators[name] as number) + value * weight;
      denominators[name] = (denominators[name] as number) + weight;
    }
  }
  const out: Record<string, number> = {};
  for (const [name] of weighted) out[name] = ratio(numerators[name] as number, denominators[name] as number);
  return { sums, weighted: out };
}

/** A variant's metric record of one period of one replication. */
function periodRecord(source: RollupSource, replication: RollupReplication, ks: readonly number[]): MetricRecord {
  const onPhone = (k: number): number => source.onPhoneSeconds.reduce((sum, group) => sum + (group[k] ?? 0), 0);
  const { sums: s, weighted: w } = rollRecord(replication.intervals, ks, ADDITIVE, variantWeights(source), onPhone);
  const at = (name: MetricName): number => s[name] ?? 0;
  // Calls dialled: first contacts, redials and repeat contacts, i.e. every attempt but the transfers.
  const dialled = at('attempts') - at('transfers');
  const values: Partial<Record<MetricName, number>> = {
    ...s,
    ...w,
    attemptsPerCase: ratio(at('attempts'), at('cases')),
    answeredShare: ratio(at('answered'), at('attempts')),
    abandonedShare: ratio(at('abandoned'), at('attempts')),
    waitP90Seconds: Number.NaN,
    resolvedShareOfCases: ratio(at('resolvedCases'), at('cases')),
    ...(source.warmup ? {} : { contactsPerResolvedCase: ratio(at('answered'), at('resolvedCases')) }),
    costPerResolvedCase: ratio(at('totalCost'), at('resolvedCases')),
    callsPerCase: ratio(dialled, at('cases')),
    failedTransferShare: ratio(at('failedTransfers'), at('transfers')),
    timeToResolutionP90Seconds: Number.NaN,
  };
  const record = {} as MetricRecord;
  for (const name of ALL_METRIC_NAMES) record[name] = values[name] ?? Number.NaN;
  return record;
}

function groupPeriodRecord(source: RollupSource, records: readonly GroupMetricRecord[], g: number, ks: readonly number[]): GroupMetricRecord {
  const onPhone = (k: number): number => source.onPhoneSeconds[g]?.[k] ?? 0;
  const { sums: s, weighted: w } = rollRecord(records, ks, GROUP_ADDITIVE, groupWeights(source), onPhone);
  const values: Partial<Record<GroupMetricName, number>> = { ...s, ...w, blockedShare: ratio(s['blocked'] ?? 0, s['attempts'] ?? 0) };
  const record = {} as GroupMetricRecord;
  for (const name of GROUP_METRIC_NAMES) record[name] = values[name] ?? Number.NaN;
  return record;
}

function estimates<N extends string>(names: readonly N[], records: readonly Readonly<Record<N, number>>[]): Record<N, MetricEstimate> {
  const out = {} as Record<N, MetricEstimate>;
  for (const name of names) out[name] = estimateOf(records.map((record) => record[name]).filter((value) => !Number.isNaN(value)));
  return out;
}

/** The interval indices (k = day × intervalsPerDay + interval) of a period. */
function intervalsOf(calendar: Calendar, period: Pick<CalendarPeriod, 'firstDay' | 'lastDay'>): number[] {
  const ks: number[] = [];
  for (let day = period.firstDay; day <= period.lastDay; day++) {
    for (let i = 0; i < calendar.intervalsPerDay; i++) ks.push(day * calendar.intervalsPerDay + i);
  }
  return ks;
}

/**
 * One variant's results rolled up by `periods` (from `calendarPeriods`): each period's metrics (mean and 95% half-width
 * across replications), FTEs, and per agent group.
 */
export function rollUpPeriods(source: RollupSource, periods: readonly CalendarPeriod[]): PeriodRow[] {
  const names = metricNamesOf(source.network);
  const perYear = openDaysPerYear(source.calendar);
  return periods.map((period) => {
    const ks = intervalsOf(source.calendar, period);
    const records = source.replications.map((replication) => periodRecord(source, replication, ks));
    const totals = estimates(names, records) as Record<MetricName, MetricEstimate>;
    const fteOfHours = (hours: readonly number[]): MetricEstimate =>
      estimateOf(hours.map((h) => fteOf(h, period.openDays, perYear, source.hoursPerFte)));
    const first = source.replications[0];
    const groups = first?.groups?.map((group, g) => {
      const groupRecords = source.replications.map((replication) => groupPeriodRecord(source, replication.groups?.[g]?.intervals ?? [], g, ks));
      return { name: group.name, totals: estimates(GROUP_METRIC_NAMES, groupRecords), fte: fteOfHours(groupRecords.map((r) => r.paidAgentHours)) };
    });
    return {
      period: period.key,
      ...(period.from === undefined ? {} : { from: period.from }),
      ...(period.to === undefined ? {} : { to: period.to }),
      openDays: period.openDays,
      totals,
      fte: fteOfHours(records.map((r) => r.paidAgentHours)),
      ...(groups === undefined ? {} : { groups }),
    };
  });
}

/**
 * The measured on-phone agent-seconds per interval of each group, from planned on-phone agents per [day][interval]
 * (fractional values stand for their expectation) and the warm-up.
 */
export function onPhoneSecondsOf(calendar: Calendar, onPhoneAgents: readonly (readonly number[])[], warmupSeconds: number): number[] {
  const out: number[] = [];
  for (let day = 0; day < calendar.days; day++) {
    for (let i = 0; i < calendar.intervalsPerDay; i++) {
      const start = day * 86_400 + calendar.openSeconds + i * calendar.intervalSeconds;
      const measured = Math.min(1, Math.max(0, (start + calendar.intervalSeconds - warmupSeconds) / calendar.intervalSeconds));
      out.push((onPhoneAgents[day]?.[i] ?? 0) * calendar.intervalSeconds * measured);
    }
  }
  return out;
}
