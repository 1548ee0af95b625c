/**
 * The charts of a report page (Vega-Lite specifications, rendered by `render-chart.ts`): the cost of each variant
 * stacked by cost line, the service level over time, a sweep's cost lines stacked over the parameter with their sum
 * and its minimum, and the budget by month. Pure. Money axes start at 0; axis labels use the formats Vega derives from
 * the tick step (no repeated labels, no "-0"), and time labels are placed one per day or per hour, so they never
 * overlap.
 */
import { COST_LINE_NAMES } from '../../core/metrics.js';
import type { PeriodRollup } from '../../report/period-rollup.js';
import type { Report, SweepResult, VariantResult } from '../../report/report.js';
import { metricLabel } from '../metric-labels.js';
import type { ChartSpec } from './render-chart.js';

/** Width of the plot area in CSS pixels: with axes and legend the chart fits an A4 page in portrait. */
export const CHART_WIDTH = 520;

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#8C6D1F', '#000000'];

/** Total cost of every variant, one bar each, stacked by cost line. */
export function costBarsSpec(report: Report, period: string): ChartSpec {
  const lines = COST_LINE_NAMES.map(metricLabel);
  const values = report.variants.flatMap((variant) =>
    COST_LINE_NAMES.map((name, order) => ({ variant: variant.variant, line: metricLabel(name), order, cost: Math.max(0, finite(variant.totals[name].mean)) })),
  );
  return {
    width: CHART_WIDTH,
    height: 260,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'variant', type: 'nominal', sort: report.variants.map((v) => v.variant), title: null, axis: { labelAngle: 0, labelLimit: 160 } },
      y: { field: 'cost', type: 'quantitative', stack: 'zero', title: `Cost, ${period} (${report.currency})`, scale: { zero: true } },
      color: { field: 'line', type: 'nominal', title: 'cost line', scale: { domain: lines, range: PALETTE }, sort: lines },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [{ field: 'variant' }, { field: 'line' }, { field: 'cost', format: ',.0f' }],
    },
  };
}

/**
 * Service level over time, one line per variant. Up to `maxOpenDays` open days: every interval, labelled once per day
 * (or, within one day, once per hour or two); longer runs: one point per day, the attempts-weighted mean of its
 * intervals, on a time axis.
 */
export function serviceLevelSpec(report: Report, maxOpenDays = 7): { spec: ChartSpec; caption: string } | null {
  const intervals = report.variants.flatMap((variant) => variant.intervals.map((interval) => ({ variant: variant.variant, interval })));
  if (intervals.length === 0) return null;
  const days = new Set(intervals.map(({ interval }) => interval.day));
  if (days.size > maxOpenDays) return dailyServiceLevel(report);
  // One position per (day, start), in time order, shared by every variant.
  const keys = [...new Set(intervals.map(({ interval }) => `${String(interval.day).padStart(6, '0')} ${interval.start}`))].sort();
  const position = new Map(keys.map((key, i) => [key, i]));
  const values = intervals
    .filter(({ interval }) => Number.isFinite(interval.serviceLevel.mean))
    .map(({ variant, interval }) => ({ variant, x: position.get(`${String(interval.day).padStart(6, '0')} ${interval.start}`), sl: interval.serviceLevel.mean, when: `${interval.date ?? `day ${interval.day}`} ${interval.start}` }));
  const first = new Map<number, { i: number; label: string }>();
  for (const { interval } of intervals) {
    const i = position.get(`${String(interval.day).padStart(6, '0')} ${interval.start}`) as number;
    const known = first.get(interval.day);
    if (known === undefined || i < known.i) first.set(interval.day, { i, label: interval.date ?? `day ${interval.day}` });
  }
  let ticks: { i: number; label: string }[];
  if (days.size > 1) {
    ticks = [...first.values()].sort((a, b) => a.i - b.i);
  } else {
    const hours = keys.map((key, i) => ({ i, label: key.slice(7) })).filter((tick) => tick.label.endsWith(':00'));
    const step = Math.max(1, Math.ceil(hours.length / 10));
    ticks = hours.filter((_, n) => n % step === 0);
  }
  const labelExpr = `${JSON.stringify(ticks.map((t) => t.label))}[indexof(${JSON.stringify(ticks.map((t) => t.i))}, datum.value)]`;
  return {
    caption: `Service level by interval (${report.variants.some((v) => v.source === 'simulation') ? 'mean across replications' : 'analytic'})`,
    spec: {
      width: CHART_WIDTH,
      height: 220,
      data: { values },
      mark: { type: 'line', point: values.length <= 200 ? { size: 18 } : false, interpolate: 'linear' },
      encoding: {
        x: {
          field: 'x',
          type: 'quantitative',
          title: days.size > 1 ? null : 'interval start',
          scale: { domain: [0, Math.max(1, keys.length - 1)], nice: false },
          axis: { values: ticks.map((t) => t.i), labelExpr, labelOverlap: true, grid: days.size > 1, labelAngle: 0 },
        },
        y: { field: 'sl', type: 'quantitative', title: 'Service level', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        color: { field: 'variant', type: 'nominal', sort: report.variants.map((v) => v.variant), scale: { range: PALETTE } },
        detail: { field: 'variant' },
        tooltip: [{ field: 'variant' }, { field: 'when' }, { field: 'sl', format: '.1%' }],
      },
    },
  };
}

/** The service level of each open day (attempts-weighted mean of its intervals' means), one line per variant. */
function dailyServiceLevel(report: Report): { spec: ChartSpec; caption: string } {
  const values = report.variants.flatMap((variant) => dailyPoints(variant));
  const dated = values.some((v) => v.date !== null);
  return {
    caption: 'Service level by day (each day’s intervals weighted by their attempts)',
    spec: {
      width: CHART_WIDTH,
      height: 220,
      data: { values },
      mark: { type: 'line', strokeWidth: 1.5 },
      encoding: {
        x: dated
          ? { field: 'date', type: 'temporal', title: null, axis: { format: '%b', labelOverlap: true, tickCount: 'month' } }
          : { field: 'day', type: 'quantitative', title: 'day', axis: { format: 'd', labelOverlap: true } },
        y: { field: 'sl', type: 'quantitative', title: 'Service level', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        color: { field: 'variant', type: 'nominal', sort: report.variants.map((v) => v.variant), scale: { range: PALETTE } },
      },
    },
  };
}

function dailyPoints(variant: VariantResult): { variant: string; day: number; date: string | null; sl: number }[] {
  const byDay = new Map<number, { date: string | null; within: number; attempts: number }>();
  for (const interval of variant.intervals) {
    const entry = byDay.get(interval.day) ?? { date: interval.date ?? null, within: 0, attempts: 0 };
    const attempts = interval.attempts.mean;
    if (attempts > 0 && Number.isFinite(interval.serviceLevel.mean)) {
      entry.within += interval.serviceLevel.mean * attempts;
      entry.attempts += attempts;
    }
    byDay.set(interval.day, entry);
  }
  return [...byDay.entries()]
    .filter(([, entry]) => entry.attempts > 0)
    .map(([day, entry]) => ({ variant: variant.variant, day, date: entry.date, sl: entry.within / entry.attempts }));
}

/** The cost groups of a sweep chart: what service costs, and what failure costs. */
const SWEEP_GROUPS: readonly { readonly label: string; readonly names: readonly (typeof COST_LINE_NAMES)[number][] }[] = [
  { label: 'staff and overtime', names: ['staffCost', 'overtimeCost'] },
  { label: 'telephony and waiting', names: ['telephonyCost', 'customerTimeCost'] },
  { label: 'repeat contacts, unresolved cases, fixed', names: ['repeatContactCost', 'unresolvedCaseCost', 'fixedCost'] },
];

/**
 * A sweep: its cost lines stacked over the parameter (service cost rising, failure cost falling), their sum as a line,
 * the cheapest point marked and labelled; the money axis starts at 0, so a flat optimum looks flat.
 */
export function sweepSpec(sweep: SweepResult, currency: string, period: string): ChartSpec {
  const points = sweep.points.filter((point) => Number.isFinite(point.totals.totalCost.mean));
  const areas = points.flatMap((point) =>
    SWEEP_GROUPS.map((group, order) => ({ value: point.value, part: group.label, order, cost: group.names.reduce((sum, name) => sum + Math.max(0, finite(point.totals[name].mean)), 0) })),
  );
  const totals = points.map((point) => ({ value: point.value, cost: point.totals.totalCost.mean }));
  const cheapest = [{ value: sweep.cheapest.value, cost: sweep.cheapest.totalCost, label: `cheapest: ${formatAxisValue(sweep.cheapest.value)}` }];
  return {
    width: CHART_WIDTH,
    height: 260,
    layer: [
      {
        data: { values: areas },
        mark: { type: 'area', opacity: 0.75 },
        encoding: {
          x: { field: 'value', type: 'quantitative', title: sweep.parameter, scale: { zero: false, nice: false } },
          y: { field: 'cost', type: 'quantitative', stack: 'zero', title: `Total cost, ${period} (${currency})`, scale: { zero: true } },
          color: { field: 'part', type: 'nominal', title: 'cost', scale: { domain: SWEEP_GROUPS.map((g) => g.label), range: ['#0072B2', '#E69F00', '#D55E00'] } },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      {
        data: { values: totals },
        mark: { type: 'line', color: '#1b1b1b', point: { color: '#1b1b1b', size: 20 } },
        encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'cost', type: 'quantitative' } },
      },
      {
        data: { values: cheapest },
        mark: { type: 'point', shape: 'diamond', size: 160, filled: true, color: '#1b1b1b' },
        encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'cost', type: 'quantitative' } },
      },
      {
        data: { values: cheapest },
        mark: { type: 'text', dy: -14, fontWeight: 'bold', color: '#1b1b1b' },
        encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'cost', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
}

/** The budget by period (month): each variant's total cost per period, one line each, zero-based. */
export function budgetSpec(rollup: PeriodRollup, currency: string): ChartSpec {
  const values = rollup.variants.flatMap((variant) => variant.rows.map((row, order) => ({ variant: variant.variant, period: row.period, order, cost: row.totals.totalCost.mean })));
  const periods = rollup.variants[0]?.rows.map((row) => row.period) ?? [];
  return {
    width: CHART_WIDTH,
    height: 220,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'period', type: 'ordinal', sort: periods, title: null, axis: { labelAngle: 0, labelOverlap: true } },
      y: { field: 'cost', type: 'quantitative', title: `Total cost per ${rollup.by} (${currency})`, scale: { zero: true } },
      color: { field: 'variant', type: 'nominal', sort: rollup.variants.map((v) => v.variant), scale: { range: PALETTE } },
    },
  };
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

function formatAxisValue(value: number): string {
  return String(Number(value.toPrecision(6)));
}
