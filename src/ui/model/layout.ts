/**
 * How the explorer's screen is divided for a terminal size. The whole frame stays at least one line shorter than the
 * terminal: an Ink frame as tall as the terminal clears the scrollback on every render.
 */

import { KNOB_LABEL_WIDTH } from './knobs.js';
import type { Knob } from './knobs.js';
import { footerLines } from './keys.js';

/** Width of a knob's value (with a `*` when changed) in the parameters panel. */
export const KNOB_VALUE_WIDTH = 7;
/** Width of a knob's unit. */
export const KNOB_UNIT_WIDTH = 3;
/**
 * Width of the parameters panel: marker, label, value, space, unit, and a space before the comparison — 26, so that
 * on 80 columns the comparison has room for three variants with a difference column each.
 */
export const PARAMETERS_WIDTH = 1 + KNOB_LABEL_WIDTH + KNOB_VALUE_WIDTH + 1 + KNOB_UNIT_WIDTH + 1;

export interface Layout {
  readonly columns: number;
  /** Lines the frame may use. */
  readonly frameRows: number;
  /** Lines between the tabs and the status line. */
  readonly bodyRows: number;
  /** Lines of the key footer (1, or 2 on a narrow terminal). */
  readonly footerRows: number;
  readonly parametersWidth: number;
  readonly comparisonWidth: number;
  /** Lines of the parameters / comparison row, and how many lines of knobs (and group headings) are visible in it. */
  readonly topRows: number;
  readonly visibleKnobs: number;
  /** Figure lines the comparison can show (below its title and header). */
  readonly figureLines: number;
  /** Lines of each line chart's plot (0: no charts). */
  readonly chartPlotRows: number;
  readonly slChartWidth: number;
  readonly queueChartWidth: number;
  readonly costWidth: number;
  /**
   * Lines of the cost bars when they stand alone below the panels, across the whole width (the line charts left out
   * to make room for the key figures); 0 when they sit beside the charts or there is no room.
   */
  readonly costOnlyRows: number;
  /** A blank line between the panels and the charts. */
  readonly gap: boolean;
}

/** What the panels of a screen hold, beyond the knobs: the comparison's figure lines and the number of variants. */
export interface LayoutContent {
  /** Figure lines of the comparison with every agent group, and with one group (see `keyFigureLineCounts`). */
  readonly figureLines?: { readonly full: number; readonly oneGroup: number };
  /** Variants (bars of the cost breakdown). */
  readonly variants?: number;
  /** Whether the scenario has agent groups (the footer then has the group key). */
  readonly groups?: boolean;
}

/** Largest plot worth drawing. */
const MAX_PLOT_ROWS = 14;
/** Smallest plot worth drawing. */
const MIN_PLOT_ROWS = 3;
/** A plot worth keeping rather than showing every knob at once (the knobs scroll). */
const GOOD_PLOT_ROWS = 6;
/** The comparison's title and header. */
const COMPARISON_HEAD_ROWS = 2;
/** The key figures of a scenario without groups. */
const DEFAULT_FIGURE_LINES = 8;
/** The charts' heading (variant and day), a chart's title and its time axis. */
const CHART_FIXED_ROWS = 3;

/**
 * The division of the screen, in order of preference: every knob and every figure with charts of a good size; the
 * comparison whole (the knobs scroll) with charts of at least the smallest size; the same with one agent group's
 * figures; the comparison with the cost bars alone across the width (title, one bar per variant, a legend line), the
 * comparison leaving out its least important figures if need be; and on a very short terminal the panels alone.
 *
 * @param panelRows lines of the parameters panel's list: the selected variant's knobs (and group headings)
 * @example layoutFor(80, 24, 18).chartPlotRows // 5
 */
export function layoutFor(columns: number, rows: number, panelRows: number, content: LayoutContent = {}): Layout {
  const width = Math.max(40, columns);
  const frameRows = Math.max(12, rows - 1);
  const footerRows = footerLines(width - 1, content.groups === true).length;
  // Header, tabs, status line, footer.
  const bodyRows = frameRows - 3 - footerRows;
  const figures = content.figureLines ?? { full: DEFAULT_FIGURE_LINES, oneGroup: DEFAULT_FIGURE_LINES };
  const comparisons = [...new Set([figures.full, figures.oneGroup])].map((lines) => COMPARISON_HEAD_ROWS + lines);
  const wantedTop = Math.max(panelRows + 1, comparisons[0] as number);
  const costOnlyRows = (content.variants ?? 3) + 2;

  let topRows = bodyRows;
  let chartPlotRows = 0;
  let gap = false;
  let costOnly = 0;
  const withCharts = (top: number): boolean => bodyRows - top - CHART_FIXED_ROWS >= MIN_PLOT_ROWS;
  if (bodyRows - wantedTop - CHART_FIXED_ROWS - 1 >= GOOD_PLOT_ROWS) {
    // Every knob at once when the charts keep a good size beside it.
    topRows = wantedTop;
  } else {
    const top = comparisons.map((c) => Math.min(wantedTop, c)).find(withCharts);
    const alone = comparisons.find((c) => bodyRows - c >= costOnlyRows);
    // Failing those, the cost bars alone below a comparison that leaves out its least important figures.
    const trimmed = bodyRows - costOnlyRows >= COMPARISON_HEAD_ROWS + DEFAULT_FIGURE_LINES ? bodyRows - costOnlyRows : undefined;
    if (top !== undefined) topRows = top;
    else if ((alone ?? trimmed) !== undefined) {
      topRows = (alone ?? trimmed) as number;
      costOnly = bodyRows - topRows;
    }
  }
  if (costOnly === 0 && withCharts(topRows) && topRows < bodyRows) {
    gap = bodyRows - topRows - CHART_FIXED_ROWS - 1 >= GOOD_PLOT_ROWS;
    chartPlotRows = Math.min(MAX_PLOT_ROWS, bodyRows - topRows - CHART_FIXED_ROWS - (gap ? 1 : 0));
  }
  const parametersWidth = Math.min(PARAMETERS_WIDTH, Math.floor(width * 0.45));
  const costWidth = costOnly > 0 ? width - 1 : Math.max(24, Math.min(44, Math.floor(width * 0.34)));
  const chartWidth = Math.floor((width - costWidth - 2) / 2);
  return {
    columns: width,
    frameRows,
    bodyRows,
    footerRows,
    parametersWidth,
    comparisonWidth: width - parametersWidth,
    topRows,
    visibleKnobs: Math.max(1, Math.min(panelRows, topRows - 1)),
    figureLines: Math.max(0, topRows - COMPARISON_HEAD_ROWS),
    chartPlotRows,
    slChartWidth: costOnly > 0 ? 0 : chartWidth,
    queueChartWidth: costOnly > 0 ? 0 : chartWidth,
    costWidth,
    costOnlyRows: costOnly,
    gap,
  };
}

/** The first visible knob so that `selected` is in view (a window of `visible` knobs). */
export function knobWindowStart(selected: number, count: number, visible: number): number {
  if (count <= visible) return 0;
  return Math.max(0, Math.min(count - visible, selected - Math.floor(visible / 2)));
}

/** One line of the parameters panel's list: a knob (by its index), or a heading before an agent group's or the scenario's knobs. */
export type PanelLine = { readonly type: 'knob'; readonly index: number } | { readonly type: 'group'; readonly group: string } | { readonly type: 'scenario' };

/**
 * The lines of the parameters panel: the knobs, and with agent groups a heading before the group's knobs and one before
 * those of the whole scenario.
 * @example panelLines(knobsOfAGroup).slice(0, 2) // [{ type: 'group', group: 'front-line' }, { type: 'knob', index: 0 }]
 */
export function panelLines(knobs: readonly Knob[]): PanelLine[] {
  if (!knobs.some((k) => k.group !== undefined)) return knobs.map((_, index) => ({ type: 'knob', index }));
  const lines: PanelLine[] = [];
  knobs.forEach((knob, index) => {
    const previous = knobs[index - 1];
    if (index === 0 || previous?.group !== knob.group) lines.push(knob.group === undefined ? { type: 'scenario' } : { type: 'group', group: knob.group });
    lines.push({ type: 'knob', index });
  });
  return lines;
}
