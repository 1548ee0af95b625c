import { mean } from 'simple-statistics';
import { intervalLabel, isOpenDay, type IntervalLabel } from '../model/calendar-days.js';
import type { ContactCentreModel } from '../model/contact-centre-model.js';
import {
  GROUP_METRIC_NAMES,
  metricNamesOf,
  type GroupMetricName,
  type GroupMetricRecord,
  type MetricEstimate,
  type MetricName,
  type MetricRecord,
} from '../metrics.js';
import type { GroupReplicationResult, ReplicationResult } from './run-replication.js';
import { studentTQuantile } from './student-t.js';

/** One agent group's metrics across replications (SPEC §7). */
export interface GroupSummary {
  name: string;
  totals: Record<GroupMetricName, MetricEstimate>;
  intervals: (IntervalLabel & Record<GroupMetricName, MetricEstimate>)[];
}

/**
 * Metrics across replications (SPEC §4): each as its mean and the half-width of its 95 % Student-t interval. The
 * metrics of SPEC §7 (`NETWORK_METRIC_NAMES`) are present only for a model with agent groups.
 */
export interface SimulationSummary {
  replications: number;
  seed: number;
  totals: Record<MetricName, MetricEstimate>;
  /** The intervals of open days (closed days have no rows). */
  intervals: (IntervalLabel & Record<MetricName, MetricEstimate>)[];
  /** Per agent group, for a model with groups (SPEC §7). */
  groups?: GroupSummary[];
}

/**
 * Summarises replications: for every metric, the mean across replications and the half-width
 * t(0.975, n − 1) · s / √n of its 95 % Student-t confidence interval (s the sample standard deviation; 0 for one
 * replication). Replications are taken in the order given (by replication index), so the summary — down to the
 * last bit — does not depend on how they were computed.
 *
 * @throws RangeError when `results` is empty
 */
export function summariseReplications(results: readonly ReplicationResult[], model: ContactCentreModel): SimulationSummary {
  const n = results.length;
  if (n === 0) throw new RangeError('summariseReplications: no replications to summarise');
  const { intervalsPerDay } = model.calendar;
  const intervalCount = model.calendar.days * intervalsPerDay;
  for (const [index, result] of results.entries()) {
    if (result.intervals.length !== intervalCount) {
      throw new RangeError(`replication ${index} has ${result.intervals.length} intervals, expected ${intervalCount}`);
    }
  }
  // Each metric's estimate, written into `out` (an interval's label, or an empty object for totals).
  const estimate = <N extends string, L extends object>(names: readonly N[], records: readonly Record<N, number>[], out: L): L & Record<N, MetricEstimate> => {
    if (records.length === 1) {
      // One replication: each metric is its value with a half-width of 0 (NaN stays undefined), as estimateOf gives.
      const only = records[0] as Record<N, number>;
      for (const name of names) (out as Record<N, MetricEstimate>)[name] = Number.isNaN(only[name]) ? { mean: Number.NaN, ci95: Number.NaN } : { mean: only[name], ci95: 0 };
      return out as L & Record<N, MetricEstimate>;
    }
    // One buffer for every metric's values (a summary estimates tens of thousands of metrics).
    const values: number[] = [];
    for (const name of names) {
      // A metric undefined in a replication (NaN: an empty denominator, such as the service level of an interval
      // without attempts) is left out of its mean; undefined in every replication, it stays NaN (null in JSON).
      values.length = 0;
      for (const record of records) {
        const value = record[name];
        if (!Number.isNaN(value)) values.push(value);
      }
      (out as Record<N, MetricEstimate>)[name] = estimateOf(values);
    }
    return out as L & Record<N, MetricEstimate>;
  };
  // The metrics of SPEC §4, and those of SPEC §7 for a model with agent groups (the others would be 0 or undefined).
  const names = metricNamesOf(model.network !== undefined);
  // Closed days (weekends, holidays) have no rows.
  const intervalStarts = Array.from({ length: intervalCount }, (_, k) => k).flatMap((k) => {
    const day = Math.floor(k / intervalsPerDay);
    return isOpenDay(model.calendar, day) ? [{ k, label: intervalLabel(model.calendar, day, k - day * intervalsPerDay) }] : [];
  });

  const summary: SimulationSummary = {
    replications: n,
    seed: model.simulation.seed,
    totals: estimate(names, results.map((result) => result.totals), {}),
    intervals: intervalStarts.map(({ k, label }) => estimate(names, results.map((result) => result.intervals[k] as MetricRecord), { ...label })),
  };
  const first = results[0] as ReplicationResult;
  if (first.groups !== undefined) {
    summary.groups = first.groups.map((group, g) => {
      const runs = results.map((result) => (result.groups as GroupReplicationResult[])[g] as GroupReplicationResult);
      return {
        name: group.name,
        totals: estimate(GROUP_METRIC_NAMES, runs.map((run) => run.totals), {}),
        intervals: intervalStarts.map(({ k, label }) => estimate(GROUP_METRIC_NAMES, runs.map((run) => run.intervals[k] as GroupMetricRecord), { ...label })),
      };
    });
  }
  return summary;
}

/**
 * Mean and 95% Student-t half-width of replication values (half-width 0 for one value; NaN for none).
 * @example estimateOf([1, 3]).mean // 2
 */
export function estimateOf(values: readonly number[]): MetricEstimate {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, ci95: Number.NaN };
  if (n === 1) return { mean: values[0] as number, ci95: 0 };
  const average = mean(values as number[]);
  // The sample standard deviation as simple-statistics computes it (squared deviations from the same mean, summed in
  // order), without its second pass for the mean.
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const deviation = (values[i] as number) - average;
    squares += deviation * deviation;
  }
  return { mean: average, ci95: (studentTQuantile(0.975, n - 1) / Math.sqrt(n)) * Math.sqrt(squares / (n - 1)) };
}
