/**
 * What a period roll-up is made from: a simulated variant (its replications and the staffing it ran against) or an
 * analytic plan (one record per interval), and the roll-up of a whole report. Pure.
 */
import type { GroupMetricName, GroupMetricRecord, MetricName, MetricRecord } from '../core/metrics.js';
import { GROUP_METRIC_NAMES, ALL_METRIC_NAMES } from '../core/metrics.js';
import { calendarPeriods, type PeriodUnit } from '../core/model/calendar-periods.js';
import type { ContactCentreModel } from '../core/model/contact-centre-model.js';
import { DEFAULT_HOURS_PER_FTE } from '../core/model/contact-centre-model.js';
import type { VariantPlan } from '../core/plan/interval-plan.js';
import type { ReplicationResult } from '../core/sim/run-replication.js';
import { groupSchedulesOf, type SimulationInput } from '../core/sim/simulation-input.js';
import { groupIntervalMetrics, intervalMetrics } from './build-report.js';
import { onPhoneSecondsOf, ROLLUP_NOTES, rollUpPeriods, type PeriodRollup, type RollupReplication, type RollupSource } from './period-rollup.js';

function sourceOf(model: ContactCentreModel, replications: readonly RollupReplication[], onPhoneAgents: readonly (readonly (readonly number[])[])[], warmupSeconds: number): RollupSource {
  return {
    calendar: model.calendar,
    definition: model.serviceLevel.definition,
    warmup: warmupSeconds > 0,
    network: model.network !== undefined,
    hoursPerFte: model.costs.hoursPerFte ?? DEFAULT_HOURS_PER_FTE,
    replications,
    onPhoneSeconds: onPhoneAgents.map((table) => onPhoneSecondsOf(model.calendar, table, warmupSeconds)),
  };
}

/** A simulated variant: its replications, and the on-phone agents of the plan it ran against. */
export function rollupSourceOfSimulation(input: SimulationInput, runs: readonly ReplicationResult[]): RollupSource {
  return sourceOf(
    input.model,
    runs,
    groupSchedulesOf(input).map((schedule) => schedule.onPhoneAgents),
    input.model.simulation.warmupSeconds,
  );
}

/** An analytic plan, as one "replication" of records per interval (all days, closed ones too). */
export function rollupSourceOfPlan(plan: VariantPlan): RollupSource {
  const { calendar } = plan.model;
  const count = calendar.days * calendar.intervalsPerDay;
  const full = <N extends string>(names: readonly N[], values: Partial<Record<N, number>>): Record<N, number> => {
    const out = {} as Record<N, number>;
    for (const name of names) out[name] = values[name] ?? Number.NaN;
    return out;
  };
  const intervals: MetricRecord[] = new Array<MetricRecord>(count);
  const onPhone: number[][] = Array.from({ length: calendar.days }, () => new Array<number>(calendar.intervalsPerDay).fill(0));
  for (const row of plan.rows) {
    intervals[row.day * calendar.intervalsPerDay + row.interval] = full<MetricName>(ALL_METRIC_NAMES, intervalMetrics(row));
    (onPhone[row.day] as number[])[row.interval] = row.onPhoneAgents;
  }
  const groups =
    plan.model.network === undefined || plan.groups === undefined
      ? undefined
      : plan.groups.map((group) => {
          const records: GroupMetricRecord[] = new Array<GroupMetricRecord>(count);
          for (const row of group.rows) records[row.day * calendar.intervalsPerDay + row.interval] = full<GroupMetricName>(GROUP_METRIC_NAMES, groupIntervalMetrics(row));
          return { name: group.name, intervals: records };
        });
  const groupOnPhone =
    plan.groups === undefined || plan.model.network === undefined
      ? [onPhone]
      : plan.groups.map((group) => {
          const table: number[][] = Array.from({ length: calendar.days }, () => new Array<number>(calendar.intervalsPerDay).fill(0));
          for (const row of group.rows) (table[row.day] as number[])[row.interval] = row.onPhoneAgents;
          return table;
        });
  return sourceOf(plan.model, [{ intervals, ...(groups === undefined ? {} : { groups }) }], groupOnPhone, 0);
}

/** Months need dates: the message when a calendar has none. */
export const MONTHS_NEED_DATES = '--by month: the scenario has no calendar.startDate, so its days have no months; use --by week (7 days from day 1) or give the calendar a startDate';

/**
 * Every variant rolled up by `by`; null when months are asked of an undated calendar (see `MONTHS_NEED_DATES`).
 */
export function rollUpReport(by: PeriodUnit, variants: readonly { readonly scenario: string; readonly variant: string; readonly source: RollupSource }[]): PeriodRollup | null {
  const rows: PeriodRollup['variants'][number][] = [];
  for (const { scenario, variant, source } of variants) {
    const periods = calendarPeriods(source.calendar, by);
    if (periods === null) return null;
    rows.push({ scenario, variant, rows: rollUpPeriods(source, periods) });
  }
  return { by, variants: rows, notes: ROLLUP_NOTES };
}
