/**
 * Text charts for the explorer: line charts (asciichart) of a metric by interval of the day, with a marker row, and
 * stacked cost bars. Pure: data in, lines of text out.
 */
import asciichart from 'asciichart';
import type { MetricEstimates } from '../../report/report.js';
import type { IntervalEstimates, VariantResult } from '../../report/report.js';
import type { MetricName } from '../../core/metrics.js';

/** A metric averaged by interval of the day over every day of the run, with the intervals' start times. */
export interface IntervalProfile {
  readonly starts: readonly string[];
  readonly values: readonly number[];
}

/**
 * The mean of `metric` per interval of the day across all days (intervals where it is undefined are left out of
 * that interval's mean).
 * @example intervalProfile(result, 'serviceLevel').starts[0] // '08:00'
 */
export function intervalProfile(result: VariantResult, metric: MetricName): IntervalProfile {
  const sums = new Map<string, { total: number; count: number }>();
  for (const row of result.intervals as readonly IntervalEstimates[]) {
    const value = row[metric].mean;
    const entry = sums.get(row.start) ?? { total: 0, count: 0 };
    if (Number.isFinite(value)) {
      entry.total += value;
      entry.count += 1;
    }
    sums.set(row.start, entry);
  }
  const starts = [...sums.keys()];
  return { starts, values: starts.map((start) => {
    const entry = sums.get(start) as { total: number; count: number };
    return entry.count > 0 ? entry.total / entry.count : Number.NaN;
  }) };
}

export interface LineChartOptions {
  /** Total width in characters, labels included. */
  readonly width: number;
  /** Lines of the plot (at most). */
  readonly height: number;
  /** Formats a y-axis label (it is padded to the widest). */
  readonly format: (value: number) => string;
  /** Bounds of the y axis; default the data's, widened when flat. */
  readonly min?: number;
  readonly max?: number;
}

export interface LineChart {
  readonly lines: readonly string[];
  /** Column where the plot starts (the y axis, where the first point is drawn). */
  readonly plotStart: number;
  /** Columns of the plot and the number of data points spread over them. */
  readonly plotColumns: number;
  readonly points: number;
}

/**
 * The first column of point `index`: with fewer points than columns each point spans plotColumns / points columns;
 * with more, several points share a column (drawn as their mean).
 */
export function pointStart(chart: LineChart, index: number): number {
  const exact = (index * chart.plotColumns) / Math.max(1, chart.points);
  return chart.plotStart + (chart.points <= chart.plotColumns ? Math.ceil(exact - 1e-9) : Math.floor(exact + 1e-9));
}

/** The middle column of point `index`. */
export function pointCentre(chart: LineChart, index: number): number {
  return chart.plotStart + Math.floor(((index + 0.5) * chart.plotColumns) / Math.max(1, chart.points));
}

/**
 * A line chart of `values` spread over `width` (each value drawn over one or more columns, as a step), at most
 * `height` lines tall. Undefined values take the previous defined one (or the first defined one).
 */
export function lineChart(values: readonly number[], options: LineChartOptions): LineChart {
  const clean = fillGaps(values);
  if (clean.length === 0 || options.height < 1) return { lines: [], plotStart: 0, plotColumns: 0, points: 0 };
  let min = options.min ?? Math.min(...clean);
  let max = options.max ?? Math.max(...clean);
  if (!(max > min)) {
    const pad = Math.abs(max) > 0 ? Math.abs(max) * 0.05 : 1;
    min -= pad;
    max += pad;
  }
  const labels = [min, max, (min + max) / 2].map(options.format);
  // At least two characters: asciichart writes a one-character label where the axis goes.
  const labelWidth = Math.max(2, ...labels.map((label) => label.length));
  const format = (value: number): string => options.format(value).padStart(labelWidth);
  const plotColumns = Math.max(1, options.width - labelWidth);
  const series = resample(clean, plotColumns);
  const chart = { plotStart: labelWidth, plotColumns, points: clean.length };
  // asciichart's row count is height ± 1 after rounding: shrink until it fits.
  for (let height = Math.max(0, options.height - 1); height >= 0; height--) {
    // asciichart leaves one blank column after the last point.
    const lines = asciichart.plot(series, { min, max, height, offset: 2, format }).split('\n').map((line) => line.replace(/\s+$/, ''));
    if (lines.length <= options.height || height === 0) return { ...chart, lines: lines.slice(0, options.height) };
  }
  return { ...chart, lines: [] };
}

/**
 * An x-axis line: the first, middle and last labels under their points (left-, centre- and right-aligned).
 * @example axisLine(chart, ['08:00', '08:30', '09:00'], 30)
 */
export function axisLine(chart: LineChart, labels: readonly string[], width: number): string {
  const cells = new Array<string>(width).fill(' ');
  const place = (index: number, align: 'left' | 'right' | 'center'): void => {
    const text = labels[index];
    if (text === undefined) return;
    const from0 =
      align === 'left' ? pointStart(chart, index) : align === 'right' ? pointStart(chart, index + 1) - text.length : pointCentre(chart, index) - Math.floor(text.length / 2);
    const from = Math.max(0, Math.min(width - text.length, from0));
    if (cells.slice(Math.max(0, from - 1), from + text.length + 1).some((c) => c !== ' ')) return;
    [...text].forEach((ch, i) => (cells[from + i] = ch));
  };
  place(0, 'left');
  place(labels.length - 1, 'right');
  if (labels.length > 4) place(Math.floor((labels.length - 1) / 2), 'center');
  return cells.join('').replace(/\s+$/, '');
}

/** A marker row: `▲` under point `index` of a chart, followed by `note` where it fits (else before it). */
export function markerLine(chart: LineChart, index: number, width: number, note: string): string {
  const column = Math.min(width - 1, pointCentre(chart, index));
  const after = `▲ ${note}`;
  if (column + after.length <= width) return `${' '.repeat(column)}${after}`;
  const before = `${note} ▲`;
  return `${' '.repeat(Math.max(0, column - before.length + 1))}${before}`;
}

/** `values` over `columns` columns: each value repeated over its columns, or the mean of the values sharing one. */
function resample(values: readonly number[], columns: number): number[] {
  const n = values.length;
  if (n <= columns) return Array.from({ length: columns }, (_, c) => values[Math.min(n - 1, Math.floor((c * n) / columns))] as number);
  const sums = new Array<number>(columns).fill(0);
  const counts = new Array<number>(columns).fill(0);
  values.forEach((value, i) => {
    const c = Math.min(columns - 1, Math.floor((i * columns) / n + 1e-9));
    sums[c] = (sums[c] as number) + value;
    counts[c] = (counts[c] as number) + 1;
  });
  return sums.map((sum, c) => sum / Math.max(1, counts[c] as number));
}

function fillGaps(values: readonly number[]): number[] {
  const firstDefined = values.find((v) => Number.isFinite(v));
  if (firstDefined === undefined) return [];
  let last = firstDefined;
  return values.map((value) => {
    if (Number.isFinite(value)) last = value;
    return last;
  });
}

/** The cost lines of a bar, each with its fill character (distinct without colour) and colour. */
export const COST_LINES = [
  { metric: 'staffCost', label: 'staff', char: '█', color: 'blue' },
  { metric: 'overtimeCost', label: 'overtime', char: '▓', color: 'cyan' },
  { metric: 'telephonyCost', label: 'phone', char: '▒', color: 'magenta' },
  { metric: 'customerTimeCost', label: 'waiting', char: '░', color: 'yellow' },
  { metric: 'repeatContactCost', label: 'repeat', char: '=', color: 'green' },
  { metric: 'unresolvedCaseCost', label: 'unresolved', char: 'x', color: 'red' },
  { metric: 'fixedCost', label: 'fixed', char: '·', color: 'gray' },
] as const satisfies readonly { metric: MetricName; label: string; char: string; color: string }[];

export type CostLine = (typeof COST_LINES)[number];

export interface BarSegment {
  readonly line: CostLine;
  readonly width: number;
}

/**
 * The segments of one stacked bar: each cost line's share of `scaleTotal` in `width` characters, rounded so that
 * the segments add up to the bar's own length (largest remainders first). Lines of zero cost get no segment.
 */
export function costBar(totals: MetricEstimates, scaleTotal: number, width: number): BarSegment[] {
  const own = COST_LINES.reduce((sum, line) => sum + Math.max(0, finite(totals[line.metric].mean)), 0);
  if (!(scaleTotal > 0) || width <= 0 || own <= 0) return [];
  const length = Math.round((own / scaleTotal) * width);
  const exact = COST_LINES.map((line) => ({ line, exact: (Math.max(0, finite(totals[line.metric].mean)) / own) * length }));
  const segments = exact.map(({ line, exact: x }) => ({ line, width: Math.floor(x), remainder: x - Math.floor(x) }));
  let missing = length - segments.reduce((sum, s) => sum + s.width, 0);
  for (const segment of [...segments].sort((a, b) => b.remainder - a.remainder)) {
    if (missing <= 0) break;
    if (segment.remainder > 0) {
      segment.width += 1;
      missing -= 1;
    }
  }
  return segments.filter((s) => s.width > 0).map(({ line, width: w }) => ({ line, width: w }));
}

/** The cost lines that are above zero in any of the variants (for the legend). */
export function costLinesUsed(all: readonly MetricEstimates[]): CostLine[] {
  return COST_LINES.filter((line) => all.some((totals) => finite(totals[line.metric].mean) > 0));
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
