/**
 * Text charts for the explorer: line charts (asciichart) of a metric by interval of the day, with a marker row, and
 * stacked cost bars. Pure: data in, lines of text out.
 */
import asciichart from 'asciichart';
import type { MetricEstimates } from '../../report/report.js';
import type { GroupResult, IntervalEstimates, VariantResult } from '../../report/report.js';
import type { MetricName } from '../../core/metrics.js';
import { formatNumber } from '../../report/format.js';

/** A metric averaged by interval of the day over every day of the run, with the intervals' start times. */
export interface IntervalProfile {
  readonly starts: readonly string[];
  readonly values: readonly number[];
}

/**
 * The mean of `metric` per interval of the day across all days, or on one day (0-based) when `day` is given
 * (intervals where it is undefined are left out of that interval's mean).
 * @example intervalProfile(result, 'serviceLevel').starts[0] // '08:00'
 */
export function intervalProfile(result: VariantResult, metric: MetricName, day: number | null = null): IntervalProfile {
  const sums = new Map<string, { total: number; count: number }>();
  for (const row of result.intervals as readonly IntervalEstimates[]) {
    if (day !== null && row.day !== day + 1) continue;
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
  /** Bounds of the y axis; default the data's (and the reference's), widened when flat. */
  readonly min?: number;
  readonly max?: number;
  /** A value drawn as a dashed line across the plot (a target); the axis always includes it. */
  readonly reference?: number;
}

export interface LineChart {
  readonly lines: readonly string[];
  /** Column where the plot starts (the y axis, where the first point is drawn). */
  readonly plotStart: number;
  /** Columns of the plot and the number of data points spread over them. */
  readonly plotColumns: number;
  readonly points: number;
  /** The line that draws the reference value, or null. */
  readonly referenceLine: number | null;
}

/** The dash of a reference line; it fills the plot's empty cells of the reference's row. */
export const REFERENCE_CHAR = '╌';

/**
 * The first column of point `index`: with fewer points than columns each point spans plotColumns / points columns;
 * with more, several points share a column (drawn as their mean).
 */
export function pointStart(chart: LineChart, index: number): number {
  const exact = (index * chart.plotColumns) / Math.max(1, chart.points);
  return chart.plotStart + (chart.points <= chart.plotColumns ? Math.ceil(exact - 1e-9) : Math.floor(exact + 1e-9));
}

/** The middle column of point `index` (a fractional index lands between points). */
export function pointCentre(chart: LineChart, index: number): number {
  return chart.plotStart + Math.floor(((index + 0.5) * chart.plotColumns) / Math.max(1, chart.points));
}

/**
 * A y-axis label: `decimals` decimals with thousands separators, and never "-0" (a value that rounds to zero is 0).
 * @example formatTick(-0.04, 1) // '0.0'
 */
export function formatTick(value: number, decimals: number): string {
  const rounded = Math.abs(value) < 0.5 * 10 ** -decimals ? 0 : value;
  return formatNumber(rounded, decimals);
}

/**
 * The labels asciichart writes down the y axis for a plot of `height` rows between min and max (top first), with the
 * fewest decimals (from what the row step needs) that keep every label different from its neighbours.
 */
export function axisLabels(min: number, max: number, height: number): string[] {
  const range = max - min;
  const ratio = range !== 0 ? height / range : 1;
  const rows = Math.abs(Math.round(max * ratio) - Math.round(min * ratio));
  const values = Array.from({ length: rows + 1 }, (_, k) => (rows > 0 ? max - (k * range) / rows : max));
  const step = rows > 0 ? range / rows : Math.abs(max) || 1;
  const first = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  for (let decimals = first; ; decimals++) {
    const labels = values.map((v) => formatTick(v, decimals));
    if (decimals >= first + 4 || labels.every((label, i) => i === 0 || label !== labels[i - 1])) return labels;
  }
}

/**
 * A line chart of `values` spread over `width` (each value drawn over one or more columns, as a step), at most
 * `height` lines tall, with y labels that never repeat. Undefined values take the previous defined one (or the first
 * defined one). A `reference` (a target) is drawn as a dashed line in the plot's empty cells of its row.
 */
export function lineChart(values: readonly number[], options: LineChartOptions): LineChart {
  const clean = fillGaps(values);
  const none = { lines: [], plotStart: 0, plotColumns: 0, points: 0, referenceLine: null };
  if (clean.length === 0 || options.height < 1) return none;
  const reference = options.reference !== undefined && Number.isFinite(options.reference) ? options.reference : null;
  let min = options.min ?? Math.min(...clean, ...(reference === null ? [] : [reference]));
  let max = options.max ?? Math.max(...clean, ...(reference === null ? [] : [reference]));
  if (reference !== null) {
    min = Math.min(min, reference);
    max = Math.max(max, reference);
  }
  if (!(max > min)) {
    const pad = Math.abs(max) > 0 ? Math.abs(max) * 0.05 : 1;
    min -= pad;
    max += pad;
  }
  // asciichart's row count is height ± 1 after rounding: shrink until it fits.
  for (let height = Math.max(0, options.height - 1); height >= 0; height--) {
    const labels = axisLabels(min, max, height);
    // At least two characters: asciichart writes a one-character label where the axis goes.
    const labelWidth = Math.max(2, ...labels.map((label) => label.length));
    const plotColumns = Math.max(1, options.width - labelWidth);
    const series = resample(clean, plotColumns);
    const format = (_value: number, row: number): string => (labels[row] ?? '').padStart(labelWidth);
    // asciichart leaves one blank column after the last point.
    const lines = asciichart.plot(series, { min, max, height, offset: 2, format }).split('\n').map((line) => line.replace(/\s+$/, ''));
    if (lines.length <= options.height || height === 0) {
      const shown = lines.slice(0, options.height);
      const referenceLine = reference === null ? null : referenceRow(min, max, height, reference);
      return {
        lines: referenceLine === null ? shown : shown.map((line, i) => (i === referenceLine ? dashed(line, labelWidth + 1, labelWidth + plotColumns) : line)),
        plotStart: labelWidth,
        plotColumns,
        points: clean.length,
        referenceLine: referenceLine !== null && referenceLine < shown.length ? referenceLine : null,
      };
    }
  }
  return none;
}

/** The line (from the top) on which asciichart draws `value`. */
function referenceRow(min: number, max: number, height: number, value: number): number {
  const range = max - min;
  const ratio = range !== 0 ? height / range : 1;
  const min2 = Math.round(min * ratio);
  const rows = Math.abs(Math.round(max * ratio) - min2);
  return rows - (Math.round(value * ratio) - min2);
}

/** `line` with its blank cells from column `from` to `to` (exclusive) dashed. */
function dashed(line: string, from: number, to: number): string {
  const chars = [...line.padEnd(to)];
  for (let c = from; c < to; c++) if (chars[c] === ' ') chars[c] = REFERENCE_CHAR;
  return chars.join('');
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

/** A mark under a chart: `char` under point `index` (fractional between points). */
export interface ChartMark {
  readonly index: number;
  readonly char: string;
}

/**
 * A marker row: each mark's character under its point (the first mark wins a shared column), then `note` after the
 * last mark where it fits, else before the first.
 * @example markerLine(chart, [{ index: 7, char: '▲' }], 40, 'cheapest')
 */
export function markerLine(chart: LineChart, marks: readonly ChartMark[], width: number, note = ''): string {
  const cells = new Array<string>(width).fill(' ');
  const columns = marks.map((mark) => Math.min(width - 1, Math.max(0, pointCentre(chart, mark.index))));
  marks.forEach((mark, i) => {
    const column = columns[i] as number;
    if (cells[column] === ' ') cells[column] = mark.char;
  });
  const last = Math.max(...columns);
  const first = Math.min(...columns);
  if (note !== '') {
    const text = [...note];
    if (last + 2 + text.length <= width) text.forEach((ch, i) => (cells[last + 2 + i] = ch));
    else if (first - 1 - text.length >= 0) text.forEach((ch, i) => (cells[first - 1 - text.length + i] = ch));
  }
  return cells.join('').replace(/\s+$/, '');
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

/** One line of the cost bars: its fill character (distinct without colour), colour and legend label. */
export interface CostLine {
  /** The metric it draws: a cost line of the variant, or `groups.<name>.staffCost`. */
  readonly key: string;
  readonly label: string;
  readonly char: string;
  readonly color: string;
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

/**
 * The staff cost of each agent group, in group order: a character and colour of its own (the first group's are the
 * staff line's), so that the groups read apart without colour too.
 */
const GROUP_STAFF_STYLES: readonly { readonly char: string; readonly color: string }[] = [
  { char: '█', color: 'blue' },
  { char: '▚', color: 'blueBright' },
  { char: '#', color: 'cyanBright' },
  { char: '%', color: 'magentaBright' },
  { char: '&', color: 'greenBright' },
  { char: '@', color: 'yellowBright' },
];

/** The cost line of an agent group's staff cost (the `index`-th group, named `name`). */
export function groupStaffLine(name: string, index: number): CostLine {
  const style = GROUP_STAFF_STYLES[index % GROUP_STAFF_STYLES.length] as { char: string; color: string };
  return { key: `groups.${name}.staffCost`, label: name, ...style };
}

/** A cost line and its amount in one variant. */
export interface CostAmount {
  readonly line: CostLine;
  readonly amount: number;
}

/**
 * The amounts of a variant's cost bar, line by line: with agent groups the staff cost split into each group's staff
 * cost (in `groupOrder`, the scenario's order of groups, so that a group keeps its character in every bar).
 */
export function costAmounts(totals: MetricEstimates, groups?: readonly GroupResult[], groupOrder: readonly string[] = []): CostAmount[] {
  return COST_LINES.flatMap((line): CostAmount[] => {
    if (line.metric === 'staffCost' && groups !== undefined && groups.length > 0) {
      return groups.map((group) => {
        const index = groupOrder.indexOf(group.name);
        return { line: groupStaffLine(group.name, index >= 0 ? index : groups.indexOf(group)), amount: group.totals.staffCost.mean };
      });
    }
    return [{ line: { key: line.metric, label: line.label, char: line.char, color: line.color }, amount: totals[line.metric].mean }];
  });
}

export interface BarSegment {
  readonly line: CostLine;
  readonly width: number;
}

/**
 * The segments of one stacked bar: each cost line's share of `scaleTotal` in `width` characters, rounded so that
 * the segments add up to the bar's own length (largest remainders first). Lines of zero cost get no segment.
 */
export function costBar(amounts: readonly CostAmount[], scaleTotal: number, width: number): BarSegment[] {
  const own = amounts.reduce((sum, a) => sum + Math.max(0, finite(a.amount)), 0);
  if (!(scaleTotal > 0) || width <= 0 || own <= 0) return [];
  const length = Math.round((own / scaleTotal) * width);
  const exact = amounts.map(({ line, amount }) => ({ line, exact: (Math.max(0, finite(amount)) / own) * length }));
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

/** The cost lines that are above zero in any of the variants (for the legend), in bar order, each once. */
export function costLinesUsed(all: readonly (readonly CostAmount[])[]): CostLine[] {
  const used: CostLine[] = [];
  for (const amounts of all) {
    for (const { line, amount } of amounts) if (finite(amount) > 0 && !used.some((u) => u.key === line.key)) used.push(line);
  }
  const order = (key: string): number => all.flatMap((a) => a.map((x) => x.line.key)).indexOf(key);
  return used.sort((a, b) => order(a.key) - order(b.key));
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
