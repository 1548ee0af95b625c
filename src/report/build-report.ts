import { estimateForExpectation } from '../core/check/assertions.js';
import { ALL_METRIC_NAMES, GROUP_METRIC_NAMES, groupMetricKey, metricNamesOf, parseGroupMetricKey } from '../core/metrics.js';
import type { GroupMetricName, MetricEstimate, MetricName, MetricRecord } from '../core/metrics.js';
import { intervalLabel, openRows, type IntervalLabel } from '../core/model/calendar-days.js';
import { SINGLE_GROUP_NAME } from '../core/model/network.js';
import type { ContactCentreModel } from '../core/model/contact-centre-model.js';
import type { IntervalPlanRow, VariantPlan } from '../core/plan/interval-plan.js';
import { planWaitQuantiles } from '../core/plan/wait-quantile.js';
import { failedTransfersOf, type GroupIntervalRow } from '../core/plan/network-plan.js';
import type { ReplicationResult } from '../core/sim/run-replication.js';
import type { SimulationSummary } from '../core/sim/summarise.js';
import { studentTQuantile } from '../core/sim/student-t.js';
import { ANNUALISED_GROUP_METRICS, ANNUALISED_METRICS, budgetOf } from './budget.js';
import type { IntervalFigures, VariantFigures } from './warnings.js';
import type { Assumption, Difference, GroupMetricEstimates, GroupResult, IntervalEstimates, MetricEstimates, ReportMetric, VariantResult } from './report.js';

/** A simulated variant as a report row. */
export function variantFromSimulation(model: ContactCentreModel, summary: SimulationSummary): VariantResult {
  return {
    scenario: model.scenarioName,
    variant: model.variantName,
    currency: model.currency,
    source: 'simulation',
    replications: summary.replications,
    seed: summary.seed,
    totals: summary.totals,
    budget: budgetOf(model.calendar, model.costs.hoursPerFte, summary.totals, ANNUALISED_METRICS),
    intervals: summary.intervals,
    ...(summary.groups === undefined ? {} : { groups: summary.groups.map((group) => withGroupBudget(model, group)) }),
  };
}

/**
 * The one agent group of a variant without groups (SPEC §3: the one-group model of §7), as its group figures: the
 * variant's own calls, waits, hours and staff money under the group metric names, nothing blocked and no tasks. For a
 * document that compares it with variants that have groups, so that every variant lists its groups (SPEC §7).
 */
export function singleGroupResult(variant: VariantResult): GroupResult {
  const none: MetricEstimate = { mean: 0, ci95: 0 };
  const undefinedShare: MetricEstimate = { mean: Number.NaN, ci95: Number.NaN };
  const groupOf = (metrics: MetricEstimates): GroupMetricEstimates => ({
    attempts: metrics.attempts,
    answered: metrics.answered,
    abandoned: metrics.abandoned,
    blocked: none,
    blockedShare: none,
    serviceLevel: metrics.serviceLevel,
    probabilityOfWaiting: metrics.probabilityOfWaiting,
    asaSeconds: metrics.asaSeconds,
    meanWaitSeconds: metrics.meanWaitSeconds,
    occupancy: metrics.occupancy,
    paidAgentHours: metrics.paidAgentHours,
    overtimeHours: metrics.overtimeHours,
    staffCost: metrics.staffCost,
    overtimeCost: metrics.overtimeCost,
    tasks: none,
    tasksDone: none,
    taskDelaySeconds: undefinedShare,
    tasksWithinDueShare: undefinedShare,
    taskBacklogAtEnd: none,
  });
  return {
    name: SINGLE_GROUP_NAME,
    totals: groupOf(variant.totals),
    intervals: variant.intervals.map((interval) => {
      const { day, start } = interval;
      const label = 'date' in interval && interval.date !== undefined ? { day, date: interval.date, start } : { day, start };
      return { ...label, ...groupOf(interval) } as IntervalLabel & GroupMetricEstimates;
    }),
  };
}

/** A group's result with its budget (placed after its totals, as JSON lists it). */
function withGroupBudget(model: ContactCentreModel, group: GroupResult): GroupResult {
  return {
    name: group.name,
    totals: group.totals,
    budget: budgetOf(model.calendar, model.costs.hoursPerFte, group.totals, ANNUALISED_GROUP_METRICS),
    intervals: group.intervals,
  };
}

/**
 * An analytic plan as a report row: every metric with a half-width of 0; metrics the formulas do not give (time to
 * resolution; the 90th-percentile wait where a group has waiting places, `maxQueue` above 0) are NaN.
 */
export function variantFromPlan(plan: VariantPlan): VariantResult {
  const names = metricNamesOf(plan.model.network !== undefined);
  const exact = (values: Partial<Record<MetricName, number>>): MetricEstimates => exactEstimates({}, values, names) as MetricEstimates;
  const exactGroup = (values: Partial<Record<GroupMetricName, number>>): GroupMetricEstimates => exactEstimates({}, values, GROUP_METRIC_NAMES);
  const calendar = plan.model.calendar;
  const groups =
    plan.model.network === undefined || plan.groups === undefined
      ? undefined
      : plan.groups.map(
          (group): GroupResult =>
            withGroupBudget(plan.model, {
              name: group.name,
              totals: exactGroup(group.totals),
              intervals: openRows(calendar, group.rows).map((row) => exactEstimates(intervalLabel(calendar, row.day, row.interval), groupIntervalMetrics(row), GROUP_METRIC_NAMES)),
            }),
        );
  return {
    scenario: plan.model.scenarioName,
    variant: plan.model.variantName,
    currency: plan.model.currency,
    source: plan.source,
    replications: null,
    seed: null,
    totals: exact(planTotals(plan)),
    budget: budgetOf(calendar, plan.model.costs.hoursPerFte, exact(plan.totals), ANNUALISED_METRICS),
    intervals: openRows(calendar, planIntervalMetrics(plan)).map(
      ({ row, metrics }): IntervalEstimates => exactEstimates(intervalLabel(calendar, row.day, row.interval), metrics, names),
    ),
    ...(groups === undefined ? {} : { groups }),
  };
}

/**
 * What the warnings read of an analytic plan (occupancy and paid hours per open interval, each group's tasks and
 * backlog, the total cost), as `variantFromPlan` gives them, without building every metric of every interval.
 * @example occupancyWarnings(model, planFigures(planVariant(model)))
 */
export function planFigures(plan: VariantPlan): VariantFigures {
  const calendar = plan.model.calendar;
  const exact = (mean: number): { mean: number; ci95: number } => ({ mean, ci95: 0 });
  const intervalsOf = (rows: readonly { readonly day: number; readonly occupancy: number; readonly paidAgentHours: number }[]): IntervalFigures[] =>
    openRows(calendar, rows).map((row) => ({ day: row.day + 1, occupancy: exact(row.occupancy), paidAgentHours: exact(row.paidAgentHours) }));
  const groups =
    plan.model.network === undefined || plan.groups === undefined
      ? undefined
      : plan.groups.map((group) => ({
          name: group.name,
          totals: { tasks: exact(group.totals.tasks), taskBacklogAtEnd: exact(group.totals.taskBacklogAtEnd) },
          intervals: intervalsOf(group.rows),
        }));
  return { intervals: intervalsOf(plan.rows), groups, totals: { totalCost: exact(plan.totals.totalCost ?? Number.NaN) } };
}

/**
 * `label`'s fields followed by each of `names` as an exact estimate (half-width 0; NaN where `values` has none), made in
 * one object: a year's plan has tens of thousands of intervals. With an empty label, a plan's totals.
 */
function exactEstimates<Label extends object, Name extends string>(
  label: Label,
  values: Partial<Record<Name, number>>,
  names: readonly Name[],
): Label & Record<Name, MetricEstimate> {
  const out = { ...label } as Label & Record<Name, MetricEstimate>;
  for (const name of names) (out as Record<Name, MetricEstimate>)[name] = { mean: values[name] ?? Number.NaN, ci95: 0 };
  return out;
}

/** The group metrics of one interval of an analytic plan (undefined ones absent). */
export function groupIntervalMetrics(row: GroupIntervalRow): Partial<Record<GroupMetricName, number>> {
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);
  return {
    attempts: row.attempts,
    answered: row.answered,
    abandoned: row.abandoned,
    blocked: row.blocked,
    blockedShare: row.blockedShare,
    serviceLevel: row.serviceLevel,
    probabilityOfWaiting: row.probabilityOfWaiting,
    asaSeconds: row.asaSeconds,
    meanWaitSeconds: row.meanWaitSeconds,
    occupancy: row.occupancy,
    paidAgentHours: row.paidAgentHours,
    overtimeHours: 0,
    staffCost: row.staffCost,
    overtimeCost: 0,
    tasks: row.tasks,
    tasksDone: row.tasksDone,
    taskDelaySeconds: ratio(row.taskDelaySeconds, row.tasksDone),
    tasksWithinDueShare: ratio(row.tasksWithinDue, row.tasksDone),
    taskBacklogAtEnd: row.taskBacklogAtEnd,
  };
}

/**
 * Every interval of an analytic plan (closed days included, as in `plan.rows`) with its metrics: those of the
 * variant's row, and with agent groups those of SPEC §7 from the groups' rows of the same interval.
 */
export function planIntervalMetrics(plan: VariantPlan): { readonly day: number; readonly row: IntervalPlanRow; readonly metrics: Partial<Record<MetricName, number>> }[] {
  const groups = plan.model.network === undefined ? undefined : plan.groups;
  const p90 = waitP90Of(plan);
  return plan.rows.map((row, k) => {
    const metrics = intervalMetrics(row);
    if (p90 !== null) metrics.waitP90Seconds = p90.intervals[k] as number;
    return { day: row.day, row, metrics: groups === undefined ? metrics : Object.assign(metrics, networkIntervalMetrics(row, groups, k)) };
  });
}

/** A plan's totals, with the 90th-percentile wait where the formulas give it (no group with waiting places). */
export function planTotals(plan: VariantPlan): Partial<Record<MetricName, number>> {
  const p90 = waitP90Of(plan);
  return p90 === null ? plan.totals : { ...plan.totals, waitP90Seconds: p90.total };
}

/** The 90th-percentile waits of a plan (`planWaitQuantiles`), worked out once per plan. */
function waitP90Of(plan: VariantPlan): ReturnType<typeof planWaitQuantiles> {
  let found = waitP90s.get(plan);
  if (found === undefined) {
    found = planWaitQuantiles(plan, 0.9);
    waitP90s.set(plan, found);
  }
  return found;
}
const waitP90s = new WeakMap<VariantPlan, ReturnType<typeof planWaitQuantiles>>();

/**
 * The metrics of SPEC §7 of interval k (of `plan.rows`), from the groups' rows of that interval, as the plan's totals
 * make them for the whole run: transfers made and failed (blocked or abandoned in the target queue), calls dialled per
 * case, and the groups' tasks. Time to resolution is not estimated analytically (NaN).
 */
export function networkIntervalMetrics(row: IntervalPlanRow, groups: readonly { readonly rows: readonly GroupIntervalRow[] }[], k: number): Partial<Record<MetricName, number>> {
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);
  let transfers = 0;
  let failedTransfers = 0;
  let tasks = 0;
  let tasksDone = 0;
  let taskDelaySeconds = 0;
  let tasksWithinDue = 0;
  let taskBacklogAtEnd = 0;
  for (const { rows } of groups) {
    const group = rows[k] as GroupIntervalRow;
    transfers += group.transfersIn;
    failedTransfers += failedTransfersOf(group);
    tasks += group.tasks;
    tasksDone += group.tasksDone;
    taskDelaySeconds += group.taskDelaySeconds;
    tasksWithinDue += group.tasksWithinDue;
    taskBacklogAtEnd += group.taskBacklogAtEnd;
  }
  return {
    callsPerCase: ratio(row.attempts - transfers, row.cases),
    transfers,
    failedTransfers,
    failedTransferShare: ratio(failedTransfers, transfers),
    timeToResolutionSeconds: Number.NaN,
    timeToResolutionP90Seconds: Number.NaN,
    tasks,
    tasksDone,
    taskDelaySeconds: ratio(taskDelaySeconds, tasksDone),
    tasksWithinDueShare: ratio(tasksWithinDue, tasksDone),
    taskBacklogAtEnd,
  };
}

/** The metrics of one interval of an analytic plan (those the formulas do not give absent). */
export function intervalMetrics(row: IntervalPlanRow): Partial<Record<MetricName, number>> {
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);
  return {
    cases: row.cases,
    attempts: row.attempts,
    attemptsPerCase: ratio(row.attempts, row.cases),
    answered: row.answered,
    abandoned: row.abandoned,
    answeredShare: ratio(row.answered, row.attempts),
    abandonedShare: row.abandonedShare,
    serviceLevel: row.serviceLevel,
    probabilityOfWaiting: row.probabilityOfWaiting,
    asaSeconds: row.asaSeconds,
    meanWaitSeconds: row.meanWaitSeconds,
    occupancy: row.occupancy,
    resolvedCases: row.resolvedCases,
    resolvedShareOfCases: ratio(row.resolvedCases, row.cases),
    contactsPerResolvedCase: ratio(row.answered, row.resolvedCases),
    unresolvedCases: row.unresolvedCases,
    openCasesAtEnd: 0,
    paidAgentHours: row.paidAgentHours,
    overtimeHours: 0,
    ...row.costs,
  };
}

/**
 * Every metric of every variant against the first variant. With replications for both (paired by replication
 * index: the variants of a comparison share their seeds, so replication r of each saw the same arrivals — common
 * random numbers), a difference is significant when the paired Student-t test rejects "no difference" at 5%;
 * with unequal replication counts, Welch's unpaired test is used; analytic figures give `significant: null`.
 *
 * @param replications per variant, the replication results (same order as `variants`); null for analytic ones
 */
export function differencesAgainstFirst(
  variants: readonly VariantResult[],
  replications: readonly (readonly ReplicationResult[] | null)[],
): Difference[] {
  const first = variants[0];
  const firstRuns = replications[0] ?? null;
  if (first === undefined) return [];
  const differences: Difference[] = [];
  for (let v = 1; v < variants.length; v++) {
    const variant = variants[v] as VariantResult;
    const runs = replications[v] ?? null;
    for (const metric of comparedMetricsOf(first, variant)) {
      const base = reportEstimate(first, metric).mean;
      const value = reportEstimate(variant, metric).mean;
      const absolute = value - base;
      differences.push({
        variant: variantLabel(variant, variants),
        metric,
        absolute,
        relative: base !== 0 && Number.isFinite(base) ? absolute / Math.abs(base) : null,
        significant: firstRuns === null || runs === null ? null : significantDifference(firstRuns, runs, metric),
        ci95: firstRuns === null || runs === null ? null : differenceHalfWidth(firstRuns, runs, metric),
      });
    }
  }
  return differences;
}

/**
 * The metrics two variants can be compared on: every metric both report (SPEC §4, and §7 when both have groups), then
 * the metrics of every agent group both have, as `groups.<name>.<metric>`.
 */
export function comparedMetricsOf(a: VariantResult, b: VariantResult): ReportMetric[] {
  const metrics: ReportMetric[] = ALL_METRIC_NAMES.filter((name) => a.totals[name] !== undefined && b.totals[name] !== undefined);
  for (const group of a.groups ?? []) {
    if (!(b.groups ?? []).some((other) => other.name === group.name)) continue;
    for (const name of GROUP_METRIC_NAMES) metrics.push(groupMetricKey(group.name, name));
  }
  return metrics;
}

/**
 * A variant's estimate of a report metric: one of its totals, or `groups.<name>.<metric>` of one of its groups;
 * undefined (NaN) when it does not report it.
 */
export function reportEstimate(variant: Pick<VariantResult, 'totals' | 'groups'>, metric: ReportMetric): MetricEstimate {
  return estimateForExpectation(variant, metric);
}

/** The value of a report metric in one replication (NaN when the replication does not have it). */
function replicationValue(run: ReplicationResult, metric: ReportMetric): number {
  const group = parseGroupMetricKey(metric);
  if (group === undefined) return (run.totals as MetricRecord)[metric as MetricName] ?? Number.NaN;
  const found = run.groups?.find((candidate) => candidate.name === group.group);
  return found === undefined ? Number.NaN : (found.totals[group.metric as GroupMetricName] ?? Number.NaN);
}

/** A variant's name, prefixed with its scenario where two compared scenarios use the same variant name. */
export function variantLabel(variant: VariantResult, all: readonly VariantResult[]): string {
  const clash = all.some((other) => other !== variant && other.variant === variant.variant && other.scenario !== variant.scenario);
  return clash ? `${variant.scenario} / ${variant.variant}` : variant.variant;
}

/**
 * Whether two sets of replications differ in `metric` at the 5% level (two-sided). Replications with the metric
 * undefined (NaN) are left out. A difference without any spread (e.g. paid hours of two fixed plans) is
 * significant exactly when it is not zero. Null when there are too few replications to tell.
 */
export function significantDifference(
  a: readonly ReplicationResult[],
  b: readonly ReplicationResult[],
  metric: ReportMetric,
): boolean | null {
  const value = (run: ReplicationResult): number => replicationValue(run, metric);
  if (a.length === b.length) {
    const deltas = a.map((run, r) => value(b[r] as ReplicationResult) - value(run)).filter((d) => !Number.isNaN(d));
    return tTestAgainstZero(deltas);
  }
  const xs = a.map(value).filter((x) => !Number.isNaN(x));
  const ys = b.map(value).filter((y) => !Number.isNaN(y));
  if (xs.length < 2 || ys.length < 2) return null;
  const [mx, vx] = meanAndVariance(xs);
  const [my, vy] = meanAndVariance(ys);
  const sx = vx / xs.length;
  const sy = vy / ys.length;
  if (sx + sy === 0) return mx !== my;
  const df = (sx + sy) ** 2 / ((sx * sx) / (xs.length - 1) + (sy * sy) / (ys.length - 1));
  return Math.abs(my - mx) / Math.sqrt(sx + sy) > studentTQuantile(0.975, df);
}

/**
 * The 95% half-width of the difference b − a in `metric`: paired by replication when both have as many (common random
 * numbers), else Welch's; NaN when there are too few replications.
 */
export function differenceHalfWidth(a: readonly ReplicationResult[], b: readonly ReplicationResult[], metric: ReportMetric): number {
  const value = (run: ReplicationResult): number => replicationValue(run, metric);
  if (a.length === b.length) {
    const deltas = a.map((run, r) => value(b[r] as ReplicationResult) - value(run)).filter((d) => !Number.isNaN(d));
    if (deltas.length < 2) return Number.NaN;
    return (studentTQuantile(0.975, deltas.length - 1) * Math.sqrt(meanAndVariance(deltas)[1])) / Math.sqrt(deltas.length);
  }
  const xs = a.map(value).filter((x) => !Number.isNaN(x));
  const ys = b.map(value).filter((y) => !Number.isNaN(y));
  if (xs.length < 2 || ys.length < 2) return Number.NaN;
  const sx = meanAndVariance(xs)[1] / xs.length;
  const sy = meanAndVariance(ys)[1] / ys.length;
  if (sx + sy === 0) return 0;
  const df = (sx + sy) ** 2 / ((sx * sx) / (xs.length - 1) + (sy * sy) / (ys.length - 1));
  return studentTQuantile(0.975, df) * Math.sqrt(sx + sy);
}

function tTestAgainstZero(deltas: readonly number[]): boolean | null {
  const n = deltas.length;
  if (n < 2) return null;
  const [mean, variance] = meanAndVariance(deltas);
  // Differences within rounding of each other are no difference.
  const scale = Math.max(...deltas.map(Math.abs));
  if (variance <= (1e-12 * scale) ** 2) return Math.abs(mean) > 1e-12 * scale;
  return Math.abs(mean) / Math.sqrt(variance / n) > studentTQuantile(0.975, n - 1);
}

function meanAndVariance(values: readonly number[]): [number, number] {
  let mean = 0;
  let m2 = 0;
  values.forEach((x, i) => {
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  });
  return [mean, values.length > 1 ? m2 / (values.length - 1) : 0];
}

/**
 * Every input of a scenario document as dotted paths with their values (lists joined), for the Assumptions sheet.
 * @example flattenDocument({ calendar: { open: '08:00' }, demand: { intradayProfile: [1, 2] } })
 *   // [{ name: 'calendar.open', value: '08:00' }, { name: 'demand.intradayProfile', value: '1, 2' }]
 */
export function flattenDocument(document: unknown, prefix = ''): { name: string; value: string | number | boolean }[] {
  if (document === null || document === undefined) return prefix === '' ? [] : [{ name: prefix, value: '' }];
  if (Array.isArray(document)) {
    if (document.every((item) => typeof item !== 'object' || item === null)) {
      return [{ name: prefix, value: document.map(String).join(', ') }];
    }
    return document.flatMap((item, i) => flattenDocument(item, `${prefix}[${i}]`));
  }
  if (typeof document === 'object') {
    return Object.entries(document as Record<string, unknown>).flatMap(([key, value]) =>
      flattenDocument(value, prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  return [{ name: prefix, value: document as string | number | boolean }];
}

/** The assumptions of a report: every input of every scenario document, then the run settings. */
export function assumptionsOf(
  documents: readonly { scenario: string; document: unknown }[],
  settings: Readonly<Record<string, string | number | boolean>>,
): Assumption[] {
  const inputs = documents.flatMap(({ scenario, document }) =>
    flattenDocument(document).map((entry) => ({ ...entry, variant: documents.length > 1 ? scenario : '' })),
  );
  return [...inputs, ...Object.entries(settings).map(([name, value]) => ({ name, value, variant: '' }))];
}
