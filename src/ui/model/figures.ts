/**
 * The key figures of the comparison panel and how they are written in a cell of a given width. Pure.
 * (The same figures and order as the command line's `compare`, in a narrower form.) A scenario with agent groups
 * (SPEC §7) shows where failure demand goes — calls dialled per case, transfers lost, tasks started on time — and,
 * per group, its paid hours and occupancy (and its blocked share where its queue is limited).
 */
import type { MetricEstimate } from '../../core/metrics.js';
import { groupMetricKey, type GroupMetricName, type MetricName } from '../../core/metrics.js';
import type { ContactCentreModel } from '../../core/model/contact-centre-model.js';
import { formatNumber } from '../../report/format.js';
import type { ReportMetric } from '../../report/report.js';

/** How a figure is written and which way is better. */
export type FigureKind = 'share' | 'seconds' | 'duration' | 'ratio' | 'hours' | 'money';

export interface KeyFigure {
  /** A metric of the variant, or `groups.<name>.<metric>` of one of its groups. */
  readonly metric: ReportMetric;
  /** At most 13 characters. */
  readonly label: string;
  readonly kind: FigureKind;
  /** Whether a higher value is better (for colouring differences). */
  readonly higherIsBetter: boolean;
  /** Which rows a short panel keeps first: 1 always, higher numbers go first. */
  readonly priority: number;
  /** The agent group the row belongs to. */
  readonly group?: string;
}

/** The rows of the comparison panel for a scenario without groups, in order. */
export const KEY_FIGURES: readonly KeyFigure[] = [
  { metric: 'serviceLevel', label: 'service level', kind: 'share', higherIsBetter: true, priority: 1 },
  { metric: 'asaSeconds', label: 'ASA', kind: 'seconds', higherIsBetter: false, priority: 3 },
  { metric: 'abandonedShare', label: 'abandoned', kind: 'share', higherIsBetter: false, priority: 2 },
  { metric: 'attemptsPerCase', label: 'attempts/case', kind: 'ratio', higherIsBetter: false, priority: 2 },
  { metric: 'contactsPerResolvedCase', label: 'contacts/res.', kind: 'ratio', higherIsBetter: false, priority: 3 },
  { metric: 'paidAgentHours', label: 'paid agent h', kind: 'hours', higherIsBetter: false, priority: 2 },
  { metric: 'totalCost', label: 'total cost', kind: 'money', higherIsBetter: false, priority: 1 },
  { metric: 'costPerResolvedCase', label: 'cost/resolved', kind: 'money', higherIsBetter: false, priority: 1 },
];

/** What the comparison shows of a scenario's agent groups: the groups in file order, and which metrics occur. */
export interface NetworkShape {
  /** Each group, and whether its queue is limited (`maxQueue`) in some variant (then its blocked share is shown). */
  readonly groups: readonly { readonly name: string; readonly limitedQueue: boolean }[];
  /** Whether some variant transfers calls between groups. */
  readonly transfers: boolean;
  /** Whether some variant creates tasks (callbacks or channels). */
  readonly tasks: boolean;
}

/**
 * The agent groups of a scenario's variants (their union, in file order), or null when it has none.
 * @example networkShapeOf(municipal.variants.map((v) => v.model))?.groups.map((g) => g.name) // ['front-line', 'case-officers']
 */
export function networkShapeOf(models: readonly ContactCentreModel[]): NetworkShape | null {
  const networks = models.flatMap((m) => (m.network === undefined ? [] : [m.network]));
  if (networks.length === 0) return null;
  const groups: { name: string; limitedQueue: boolean }[] = [];
  for (const network of networks) {
    for (const group of network.groups) {
      const seen = groups.find((g) => g.name === group.name);
      if (seen === undefined) groups.push({ name: group.name, limitedQueue: group.maxQueue !== null });
      else seen.limitedQueue ||= group.maxQueue !== null;
    }
  }
  const some = (test: (share: number) => boolean, pick: 'transfers' | 'callbacks'): boolean =>
    networks.some((n) => n.groups.some((g) => g.outcomes[pick].some((r) => test(r.share))));
  return {
    groups,
    transfers: some((share) => share > 0, 'transfers'),
    tasks: some((share) => share > 0, 'callbacks') || networks.some((n) => n.channels.length > 0),
  };
}

/** One line of the comparison: a figure, or the heading of an agent group's figures. */
export type FigureLine = { readonly type: 'figure'; readonly figure: KeyFigure } | { readonly type: 'group'; readonly group: string };

/** The figures of one agent group, under its heading (indented labels). */
function groupFigures(group: NetworkShape['groups'][number]): KeyFigure[] {
  const row = (metric: GroupMetricName, label: string, kind: FigureKind, priority: number): KeyFigure => ({
    metric: groupMetricKey(group.name, metric),
    label: `  ${label}`,
    kind,
    higherIsBetter: false,
    priority,
    group: group.name,
  });
  return [
    row('paidAgentHours', 'paid hours', 'hours', 2),
    row('occupancy', 'occupancy', 'share', 2),
    ...(group.limitedQueue ? [row('blockedShare', 'blocked', 'share', 3)] : []),
  ];
}

/** Every line of the comparison of a scenario with agent groups (all groups), in order. */
function networkLines(shape: NetworkShape, only: string | null): FigureLine[] {
  const figure = (metric: MetricName, label: string, kind: FigureKind, higherIsBetter: boolean, priority: number): FigureLine => ({
    type: 'figure',
    figure: { metric, label, kind, higherIsBetter, priority },
  });
  return [
    figure('serviceLevel', 'service level', 'share', true, 1),
    figure('asaSeconds', 'ASA', 'seconds', false, 4),
    figure('abandonedShare', 'abandoned', 'share', false, 2),
    figure('callsPerCase', 'calls/case', 'ratio', false, 1),
    ...(shape.transfers ? [figure('failedTransferShare', 'transfer lost', 'share', false, 1)] : []),
    ...(shape.tasks ? [figure('tasksWithinDueShare', 'tasks on time', 'share', true, 3), figure('taskDelaySeconds', 'task delay', 'duration', false, 4)] : []),
    ...shape.groups
      .filter((group) => only === null || group.name === only)
      .flatMap((group): FigureLine[] => [{ type: 'group', group: group.name }, ...groupFigures(group).map((f): FigureLine => ({ type: 'figure', figure: f }))]),
    figure('paidAgentHours', 'paid agent h', 'hours', false, 5),
    figure('totalCost', 'total cost', 'money', false, 1),
    figure('costPerResolvedCase', 'cost/resolved', 'money', false, 1),
  ];
}

/**
 * The lines of the comparison panel in at most `maxLines` lines. Without groups: the eight key figures. With groups:
 * every group's figures under its heading when they fit, else only the selected group's (the one `g` selects; the
 * first when null); then, while still too many, the figures of least priority go (a heading goes with its last row).
 */
export function keyFigureLines(shape: NetworkShape | null, selectedGroup: string | null, maxLines: number): FigureLine[] {
  const all = shape === null ? KEY_FIGURES.map((figure): FigureLine => ({ type: 'figure', figure })) : networkLines(shape, null);
  if (all.length <= maxLines || shape === null) return withinLines(all, maxLines);
  const selected = shape.groups.some((g) => g.name === selectedGroup) ? selectedGroup : (shape.groups[0]?.name ?? null);
  return withinLines(networkLines(shape, selected), maxLines);
}

/** How many lines the comparison's figures take: every group's, and at most one group's (the most of any group). */
export function keyFigureLineCounts(shape: NetworkShape | null): { readonly full: number; readonly oneGroup: number } {
  if (shape === null) return { full: KEY_FIGURES.length, oneGroup: KEY_FIGURES.length };
  return {
    full: networkLines(shape, null).length,
    oneGroup: Math.max(0, ...shape.groups.map((g) => networkLines(shape, g.name).length)),
  };
}

/** `lines` without their least important figures (the last of equal priority first) until at most `max` remain. */
function withinLines(lines: readonly FigureLine[], max: number): FigureLine[] {
  let kept = [...lines];
  while (kept.length > Math.max(0, max)) {
    let drop = -1;
    kept.forEach((line, i) => {
      if (line.type !== 'figure') return;
      const worst = drop < 0 ? undefined : kept[drop];
      if (worst === undefined || (worst.type === 'figure' && line.figure.priority >= worst.figure.priority)) drop = i;
    });
    if (drop < 0) break;
    kept.splice(drop, 1);
    // A heading without its rows goes too.
    kept = kept.filter((line, i) => line.type !== 'group' || kept[i + 1]?.type === 'figure' && (kept[i + 1] as { figure: KeyFigure }).figure.group === line.group);
  }
  return kept.slice(0, Math.max(0, max));
}

/** Width of the label column of the comparison panel. */
export const FIGURE_LABEL_WIDTH = 13;

const MINUS = '−';

/** A number with a k/M suffix in at most about six characters. @example compactNumber(166823) // '166.8k' */
export function compactNumber(value: number): string {
  if (Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : `${MINUS}∞`;
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const sign = value < 0 ? MINUS : '';
  if (magnitude >= 999_500) return `${sign}${(magnitude / 1e6).toFixed(magnitude >= 99_950_000 ? 0 : 1)}M`;
  if (magnitude >= 99_950) return `${sign}${(magnitude / 1e3).toFixed(0)}k`;
  if (magnitude >= 9_999.5) return `${sign}${(magnitude / 1e3).toFixed(1)}k`;
  return `${sign}${formatNumber(magnitude, magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2)}`;
}

/** One way of writing the values of a figure: the value and a 95% half-width on the same scale. */
interface FigureStyle {
  value(value: number): string;
  half(halfWidth: number): string;
}

/** Thousands (k) or millions (M) for numbers as large as `magnitude`, with the decimals that keep them short. */
function scaleFor(magnitude: number): { divisor: number; suffix: string; decimals: number } {
  const [divisor, suffix] = magnitude >= 999_500 ? [1e6, 'M'] : magnitude >= 9_999.5 ? [1e3, 'k'] : [1, ''];
  return { divisor, suffix, decimals: divisor === 1 || magnitude / divisor >= 99.95 ? 0 : 1 };
}

function scaled(value: number, scale: { divisor: number; suffix: string; decimals: number }): string {
  if (value === 0) return '0';
  const sign = value < 0 ? MINUS : '';
  return `${sign}${formatNumber(Math.abs(value) / scale.divisor, scale.decimals)}${scale.suffix}`;
}

/**
 * The styles for values of a kind, most precise first. `magnitude` (the largest absolute value of the row) sets the
 * decimals and the k/M scale, so that every value of a row is written alike: 163.8 and 75.0, 167k and 109k.
 */
function figureStyles(kind: FigureKind, magnitude: number): FigureStyle[] {
  const scale = scaleFor(magnitude);
  switch (kind) {
    case 'share':
      return [1, 0].map((d) => ({ value: (v) => `${(v * 100).toFixed(d)}%`, half: (h) => (h * 100).toFixed(1) }));
    case 'seconds':
      return [
        { value: (v) => `${v.toFixed(1)} s`, half: (h) => h.toFixed(1) },
        { value: (v) => `${v.toFixed(0)}s`, half: (h) => h.toFixed(0) },
      ];
    case 'duration': {
      const [divisor, unit] = durationUnit(magnitude);
      return [
        { value: (v) => `${(v / divisor).toFixed(1)} ${unit}`, half: (h) => (h / divisor).toFixed(1) },
        { value: (v) => `${(v / divisor).toFixed(0)}${unit}`, half: (h) => (h / divisor).toFixed(0) },
      ];
    }
    case 'ratio':
      return [2, 1].map((d) => ({ value: (v) => v.toFixed(d), half: (h) => h.toFixed(d) }));
    case 'hours':
    case 'money': {
      const decimals = kind === 'hours' ? (magnitude < 100 ? 1 : 0) : magnitude < 1000 ? 1 : 0;
      const plain: FigureStyle = { value: (v) => formatNumber(v, decimals), half: (h) => formatNumber(h, decimals) };
      const compact: FigureStyle = { value: (v) => scaled(v, scale), half: (h) => scaled(h, { ...scale, decimals: scale.divisor === 1 ? 0 : 1 }) };
      return kind === 'money' && magnitude >= 10_000_000 ? [compact, compact] : [plain, compact];
    }
  }
}

/**
 * The unit a duration of about `magnitudeSeconds` reads best in: seconds below two minutes, minutes below two hours,
 * else hours. @example durationUnit(9000) // [3600, 'h']
 */
function durationUnit(magnitudeSeconds: number): [number, string] {
  if (magnitudeSeconds < 120) return [1, 's'];
  if (magnitudeSeconds < 7200) return [60, 'min'];
  return [3600, 'h'];
}

/** The largest finite absolute value, 0 when there is none. */
function magnitudeOf(values: readonly number[]): number {
  return Math.max(0, ...values.filter((v) => Number.isFinite(v)).map((v) => Math.abs(v)));
}

/** An unbounded value (an unstable queue's wait or cost): ∞, or nothing for a finite or undefined one. */
function infinity(value: number): string | null {
  if (Number.isNaN(value) || Number.isFinite(value)) return null;
  return value > 0 ? '∞' : `${MINUS}∞`;
}

/** One value of a figure, full or compact; ∞ for an unbounded one. @example formatFigure('share', 0.8312) // '83.1%' */
export function formatFigure(kind: FigureKind, value: number, compact = false): string {
  const unbounded = infinity(value);
  if (unbounded !== null) return unbounded;
  if (!Number.isFinite(value)) return '–';
  const styles = figureStyles(kind, Math.abs(value));
  return (styles[compact ? 1 : 0] as FigureStyle).value(value);
}

/**
 * The cells of one figure for several variants, each in at most `width` characters and all in one style: with the
 * 95% half-width when simulated and every cell has room (money and hours also compact, 176k ±4.9k), else the values
 * alone; full precision when every value fits, else compact. A dash for a missing value.
 * @example figureRow('money', [{ mean: 163.84, ci95: 0 }, { mean: 75, ci95: 0 }], 8, false) // ['163.8', '75.0']
 */
export function figureRow(kind: FigureKind, estimates: readonly (MetricEstimate | null)[], width: number, withInterval: boolean): string[] {
  const styles = figureStyles(kind, magnitudeOf(estimates.map((e) => e?.mean ?? Number.NaN)));
  const [full, compact] = styles as [FigureStyle, FigureStyle];
  const cell = (estimate: MetricEstimate | null, style: FigureStyle, interval: '' | ' ' | 'none'): string => {
    if (estimate === null) return '–';
    const unbounded = infinity(estimate.mean);
    if (unbounded !== null) return unbounded;
    if (!Number.isFinite(estimate.mean)) return '–';
    const value = style.value(estimate.mean);
    // A half-width of 0 (paid hours of a fixed plan) says nothing: the value alone.
    if (interval === 'none' || !(Number.isFinite(estimate.ci95) && estimate.ci95 > 0)) return value;
    return `${value}${interval}±${style.half(estimate.ci95)}`;
  };
  // Money and hours stay readable compact (176k ±4.9k); a share, a time or a ratio would lose its precision (2.4 ±0.0),
  // so those drop the interval before they drop a decimal.
  const scalable = kind === 'money' || kind === 'hours';
  const levels: [FigureStyle, '' | ' ' | 'none'][] = [
    ...(withInterval ? ([[full, ' '], ...(scalable ? [[compact, ' '], [compact, '']] : [])] as [FigureStyle, '' | ' '][]) : []),
    [full, 'none'],
    [compact, 'none'],
  ];
  for (const [style, interval] of levels) {
    const cells = estimates.map((e) => cell(e, style, interval));
    if (cells.every((text) => [...text].length <= width)) return cells;
  }
  return estimates.map((e) => cell(e, compact, 'none'));
}

/**
 * The text of one cell in at most `width` characters: the value with its 95% half-width when simulated and there is
 * room, else the value alone, full or compact.
 * @example figureCell('share', { mean: 0.831, ci95: 0.012 }, 12, true) // '83.1% ±1.2'
 */
export function figureCell(kind: FigureKind, estimate: MetricEstimate | null, width: number, withInterval: boolean): string {
  return figureRow(kind, [estimate], width, withInterval)[0] as string;
}

/** The styles for differences of a kind, most precise first (see `figureStyles`). */
function differenceStyles(kind: FigureKind, magnitude: number): ((magnitude: number) => string)[] {
  switch (kind) {
    case 'share':
      return [(m) => `${(m * 100).toFixed(1)}pp`, (m) => `${(m * 100).toFixed(0)}pp`];
    case 'seconds':
      return [(m) => `${m.toFixed(1)} s`, (m) => `${m.toFixed(0)}s`];
    case 'duration': {
      const [divisor, unit] = durationUnit(magnitude);
      return [(m) => `${(m / divisor).toFixed(1)} ${unit}`, (m) => `${(m / divisor).toFixed(0)}${unit}`];
    }
    case 'ratio':
      return [(m) => m.toFixed(2), (m) => m.toFixed(1)];
    case 'hours':
    case 'money': {
      const decimals = magnitude < 100 ? 1 : 0;
      const scale = scaleFor(magnitude);
      return [(m) => formatNumber(m, decimals), (m) => scaled(m, scale)];
    }
  }
}

/**
 * Differences (variant − first) of one figure, signed, shares in percentage points, all in one style: the most
 * precise one in which every difference and its mark (`*` significant) fit `width` characters.
 * @example differenceRow('money', [-14799, -58036], 7, ['', '']) // ['−14,799', '−58,036']
 */
export function differenceRow(kind: FigureKind, differences: readonly number[], width: number, marks: readonly string[] = []): string[] {
  const styles = differenceStyles(kind, magnitudeOf(differences));
  const render = (style: (magnitude: number) => string): string[] =>
    differences.map((d, i) => {
      const unbounded = infinity(d);
      if (unbounded !== null) return `${d > 0 ? '+' : ''}${unbounded}`;
      if (!Number.isFinite(d)) return '–';
      const sign = d > 0 ? '+' : d < 0 ? MINUS : '±';
      return `${sign}${style(Math.abs(d))}${marks[i] ?? ''}`;
    });
  for (const style of styles) {
    const cells = render(style);
    if (cells.every((text) => [...text].length <= width)) return cells;
  }
  return render(styles[styles.length - 1] as (magnitude: number) => string);
}

/**
 * A difference (variant − first), signed, in at most `width` characters; shares in percentage points.
 * @example formatDifference('share', 0.123, 9) // '+12.3pp'
 */
export function formatDifference(kind: FigureKind, difference: number, width: number): string {
  return differenceRow(kind, [difference], width)[0] as string;
}

/** Whether a difference is an improvement (for colour): null when there is none. */
export function differenceIsBetter(figure: KeyFigure, difference: number): boolean | null {
  if (Number.isNaN(difference) || difference === 0) return null;
  return figure.higherIsBetter ? difference > 0 : difference < 0;
}
