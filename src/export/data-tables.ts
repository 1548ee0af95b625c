import { COST_LINE_NAMES, GROUP_METRIC_NAMES, metricNamesOf, type GroupMetricName, type MetricName } from '../core/metrics.js';
import type { IntervalLabel } from '../core/model/calendar-days.js';
import type { GroupMetricEstimates, MetricEstimates, Report, SweepResult, VariantResult } from '../report/report.js';
import {
  GROUP_METRIC_LABELS,
  groupMetricCiHeader,
  groupMetricHeader,
  metricCiHeader,
  metricHeader,
  metricKind,
  metricLabel,
  metricUnit,
  type MetricKind,
} from './metric-labels.js';

/**
 * The data tables behind the CSV and XLSX exports, built once so both formats carry the same columns, headers
 * and raw values. Pure; values are raw numbers (shares 0..1, seconds, money in `report.currency`).
 */

/**
 * How a column's numbers are written: a metric kind (see `metric-labels.ts`), `integer` (replications, seed,
 * day), `number` (a sweep value: no particular format) or `text`.
 */
export type ColumnFormat = MetricKind | 'integer' | 'number' | 'text';

export interface DataColumn {
  readonly header: string;
  readonly format: ColumnFormat;
}

/** A number whose format differs from its column's (the differences table mixes metrics in one column). */
export interface FormattedNumber {
  readonly value: number;
  readonly format: ColumnFormat;
}

/** A cell: text, a number, a boolean, a number with its own format, or null for missing. */
export type DataCell = string | number | boolean | FormattedNumber | null;

export interface DataTable {
  readonly columns: readonly DataColumn[];
  readonly rows: readonly (readonly DataCell[])[];
}

/**
 * Index of the sweep's cheapest point: the point whose value is `sweep.cheapest.value` (the nearest one, should
 * the value have been rounded on the way), or null for a sweep without points. Every format marks this point.
 */
export function cheapestPointIndex(sweep: SweepResult): number | null {
  let best: number | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  sweep.points.forEach((point, i) => {
    const distance = Math.abs(point.value - sweep.cheapest.value);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

const text = (header: string): DataColumn => ({ header, format: 'text' });

/**
 * The metric columns of a report: those of SPEC §4, and those of §7 when any variant has agent groups.
 * @example reportMetricNames(reportWithoutGroups).length // 29
 */
export function reportMetricNames(report: Report): readonly MetricName[] {
  return metricNamesOf(report.variants.some((variant) => variant.groups !== undefined));
}

/** Two columns per metric: the mean and its 95% half-width, in the metric's unit. */
function metricColumns(names: readonly MetricName[], currency: string): DataColumn[] {
  return names.flatMap((name) => [
    { header: metricHeader(name, currency), format: metricKind(name) },
    { header: metricCiHeader(name, currency), format: metricKind(name) },
  ]);
}

/** Mean and ±95% per metric; a metric the estimates do not have (a variant without groups) is empty. */
function metricCells(estimates: Partial<MetricEstimates>, names: readonly MetricName[]): (number | null)[] {
  return names.flatMap((name) => [estimates[name]?.mean ?? null, estimates[name]?.ci95 ?? null]);
}

function variantColumns(): DataColumn[] {
  return [
    text('Scenario'),
    text('Variant'),
    text('Source'),
    { header: 'Replications (count)', format: 'integer' },
    { header: 'Seed', format: 'integer' },
  ];
}

function variantCells(variant: VariantResult): DataCell[] {
  return [variant.scenario, variant.variant, variant.source, variant.replications, variant.seed];
}

/**
 * One row per variant: scenario, variant, source, replications, seed, then every metric's mean and ±95%.
 * With `includeSweep` and a sweep, three columns follow the seed (sweep parameter, sweep value, cheapest
 * yes/no) and one row per sweep point comes after the variants; its scenario, source, replications and seed are
 * those of the swept variant when the report has it.
 */
export function summaryTable(report: Report, options: { readonly includeSweep: boolean }): DataTable {
  const sweep = options.includeSweep ? report.sweep : null;
  const names = reportMetricNames(report);
  const columns: DataColumn[] = [
    ...variantColumns(),
    ...(sweep === null
      ? []
      : [text('Sweep parameter'), { header: 'Sweep value', format: 'number' as const }, text('Cheapest (yes/no)')]),
    ...metricColumns(names, report.currency),
  ];
  const rows: DataCell[][] = report.variants.map((variant) => [
    ...variantCells(variant),
    ...(sweep === null ? [] : [null, null, null]),
    ...metricCells(variant.totals, names),
  ]);
  if (sweep !== null) {
    const swept = report.variants.find((v) => v.variant === sweep.variant);
    const cheapest = cheapestPointIndex(sweep);
    for (const [i, point] of sweep.points.entries()) {
      rows.push([
        swept?.scenario ?? '',
        sweep.variant,
        swept?.source ?? null,
        swept?.replications ?? null,
        swept?.seed ?? null,
        sweep.parameter,
        point.value,
        i === cheapest ? 'yes' : 'no',
        ...metricCells(point.totals, names),
      ]);
    }
  }
  return { columns, rows };
}

/**
 * One row per variant and interval: scenario, variant, day (1-based), interval start ("HH:MM", local time), then
 * every metric's mean and ±95% — the same metric columns as the summary, so one lookup works on both.
 */
export function intervalsTable(report: Report): DataTable {
  const names = reportMetricNames(report);
  const dated = hasDates(report);
  const columns: DataColumn[] = [text('Scenario'), text('Variant'), ...dayColumns(dated), ...metricColumns(names, report.currency)];
  const rows = report.variants.flatMap((variant) =>
    variant.intervals.map((interval): DataCell[] => [variant.scenario, variant.variant, ...dayCells(interval, dated), ...metricCells(interval, names)]),
  );
  return { columns, rows };
}

/** Whether the report's intervals carry dates (a calendar with a start date). */
function hasDates(report: Report): boolean {
  return report.variants.some((variant) => variant.intervals.some((interval) => interval.date !== undefined));
}

/** The columns that place an interval: Day (1-based), Date (dated calendars) and Interval start. */
function dayColumns(dated: boolean): DataColumn[] {
  return [{ header: 'Day (1-based)', format: 'integer' }, ...(dated ? [text('Date')] : []), text('Interval start (local time)')];
}

function dayCells(interval: IntervalLabel, dated: boolean): DataCell[] {
  return dated ? [interval.day, interval.date ?? '', interval.start] : [interval.day, interval.start];
}

/**
 * One row per variant and agent group (SPEC §7), for the whole run; with `byInterval`, one per variant, group and
 * interval (with Day and Interval start columns). Scenario, variant, group, then every group metric's mean and ±95%.
 * Null when no variant has groups.
 */
export function groupsTable(report: Report, options: { readonly byInterval: boolean } = { byInterval: false }): DataTable | null {
  if (!report.variants.some((variant) => variant.groups !== undefined)) return null;
  const dated = hasDates(report);
  const columns: DataColumn[] = [
    text('Scenario'),
    text('Variant'),
    text('Group'),
    ...(options.byInterval ? dayColumns(dated) : []),
    ...GROUP_METRIC_NAMES.flatMap((name): DataColumn[] => [
      { header: groupMetricHeader(name, report.currency), format: GROUP_METRIC_LABELS[name].kind },
      { header: groupMetricCiHeader(name, report.currency), format: GROUP_METRIC_LABELS[name].kind },
    ]),
  ];
  const cells = (estimates: GroupMetricEstimates): number[] => GROUP_METRIC_NAMES.flatMap((name: GroupMetricName) => [estimates[name].mean, estimates[name].ci95]);
  const rows = report.variants.flatMap((variant) =>
    (variant.groups ?? []).flatMap((group): DataCell[][] =>
      options.byInterval
        ? group.intervals.map((interval) => [variant.scenario, variant.variant, group.name, ...dayCells(interval, dated), ...cells(interval)])
        : [[variant.scenario, variant.variant, group.name, ...cells(group.totals)]],
    ),
  );
  return { columns, rows };
}

/** One row per variant: each cost line of `COST_LINE_NAMES`, the total (with its ±95%) and the cost per resolved case. */
export function costsTable(report: Report): DataTable {
  const currency = report.currency;
  const money = (name: MetricName): DataColumn => ({ header: metricHeader(name, currency), format: 'money' });
  const columns: DataColumn[] = [
    text('Scenario'),
    text('Variant'),
    ...COST_LINE_NAMES.map(money),
    money('totalCost'),
    { header: metricCiHeader('totalCost', currency), format: 'money' },
    money('costPerResolvedCase'),
  ];
  const rows = report.variants.map((variant): DataCell[] => [
    variant.scenario,
    variant.variant,
    ...COST_LINE_NAMES.map((name) => variant.totals[name].mean),
    variant.totals.totalCost.mean,
    variant.totals.totalCost.ci95,
    variant.totals.costPerResolvedCase.mean,
  ]);
  return { columns, rows };
}

/** One row per sweep point: variant, parameter, value, cheapest yes/no, every metric's mean and ±95%; null without a sweep. */
export function sweepTable(report: Report): DataTable | null {
  const sweep = report.sweep;
  if (sweep === null) return null;
  const names = reportMetricNames(report);
  const columns: DataColumn[] = [
    text('Variant'),
    text('Sweep parameter'),
    { header: 'Sweep value', format: 'number' },
    text('Cheapest (yes/no)'),
    ...metricColumns(names, report.currency),
  ];
  const cheapest = cheapestPointIndex(sweep);
  const rows = sweep.points.map((point, i): DataCell[] => [
    sweep.variant,
    sweep.parameter,
    point.value,
    i === cheapest ? 'yes' : 'no',
    ...metricCells(point.totals, names),
  ]);
  return { columns, rows };
}

/**
 * One row per difference against the first variant: variant, baseline, metric label, metric name, unit, the
 * absolute difference (in that metric's unit and format), the relative difference (share 0-1; empty when the
 * baseline is 0) and significance (yes/no; empty for analytic figures). Null when there are none.
 */
export function differencesTable(report: Report): DataTable | null {
  if (report.differences.length === 0) return null;
  const baseline = report.variants[0]?.variant ?? '';
  const columns: DataColumn[] = [
    text('Variant'),
    text('Against'),
    text('Metric'),
    text('Metric name'),
    text('Unit'),
    { header: 'Difference (variant - first)', format: 'number' },
    { header: 'Relative difference (share 0-1)', format: 'share' },
    text('Significant at 5% (yes/no)'),
  ];
  const rows = report.differences.map((d): DataCell[] => [
    d.variant,
    baseline,
    metricLabel(d.metric),
    d.metric,
    metricUnit(d.metric, report.currency),
    { value: d.absolute, format: metricKind(d.metric) },
    d.relative,
    d.significant === null ? null : d.significant ? 'yes' : 'no',
  ]);
  return { columns, rows };
}

/**
 * Every input of the report: report-level facts first (title, kind, currency, staffsim version; each left out when
 * `report.assumptions` already lists it under its name or a plain alias such as `currency` or `staffsimVersion`),
 * then `report.assumptions` in order. Values keep their type.
 */
export function assumptionsTable(report: Report): DataTable {
  const given = new Set(report.assumptions.map((a) => a.name.toLowerCase()));
  const facts: [name: string, aliases: readonly string[], value: string][] = [
    ['report.title', ['title'], report.title],
    ['report.kind', ['kind'], report.kind],
    ['report.currency', ['currency'], report.currency],
    ['staffsim.version', ['staffsimversion', 'version'], report.staffsimVersion],
  ];
  const rows: DataCell[][] = [
    ...facts
      .filter(([name, aliases]) => ![name, ...aliases].some((alias) => given.has(alias)))
      .map(([name, , value]): DataCell[] => ['', name, value]),
    ...report.assumptions.map((a): DataCell[] => [a.variant, a.name, a.value]),
  ];
  return { columns: [text('Variant'), text('Name'), text('Value')], rows };
}
