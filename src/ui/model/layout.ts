/**
 * How the explorer's screen is divided for a terminal size. The whole frame stays at least one line shorter than the
 * terminal: an Ink frame as tall as the terminal clears the scrollback on every render.
 */

import { KNOB_LABEL_WIDTH } from './knobs.js';
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
  /** Lines of the parameters / comparison row, and how many knobs are visible in it. */
  readonly topRows: number;
  readonly visibleKnobs: number;
  /** Lines of each line chart's plot (0: no charts). */
  readonly chartPlotRows: number;
  readonly slChartWidth: number;
  readonly queueChartWidth: number;
  readonly costWidth: number;
  /** A blank line between the panels and the charts. */
  readonly gap: boolean;
}

/** Largest plot worth drawing. */
const MAX_PLOT_ROWS = 14;
/** Smallest plot worth drawing. */
const MIN_PLOT_ROWS = 3;
/** A plot worth keeping rather than showing every knob at once (the knobs scroll). */
const GOOD_PLOT_ROWS = 6;
/** The comparison: title, header, 8 key figures. */
const COMPARISON_ROWS = 10;
/** The charts' heading (variant and day), a chart's title and its time axis. */
const CHART_FIXED_ROWS = 3;

/**
 * @param knobCount knobs of the selected variant
 * @example layoutFor(80, 24, 18).chartPlotRows // 6
 */
export function layoutFor(columns: number, rows: number, knobCount: number): Layout {
  const width = Math.max(40, columns);
  const frameRows = Math.max(12, rows - 1);
  const footerRows = footerLines(width - 1).length;
  // Header, tabs, status line, footer.
  const bodyRows = frameRows - 3 - footerRows;
  const wantedTop = Math.max(knobCount + 1, COMPARISON_ROWS);
  // Every knob at once when the charts keep a good size beside it; else the comparison's height (the knobs scroll).
  let topRows = bodyRows - wantedTop - CHART_FIXED_ROWS - 1 >= GOOD_PLOT_ROWS ? wantedTop : Math.min(wantedTop, COMPARISON_ROWS, bodyRows);
  let gap = bodyRows - topRows - CHART_FIXED_ROWS - 1 >= GOOD_PLOT_ROWS;
  let chartPlotRows = bodyRows - topRows - CHART_FIXED_ROWS - (gap ? 1 : 0);
  if (chartPlotRows < MIN_PLOT_ROWS) {
    // Too short for charts: give the parameters every line.
    chartPlotRows = 0;
    gap = false;
    topRows = bodyRows;
  }
  chartPlotRows = Math.min(MAX_PLOT_ROWS, chartPlotRows);
  const parametersWidth = Math.min(PARAMETERS_WIDTH, Math.floor(width * 0.45));
  const costWidth = Math.max(24, Math.min(44, Math.floor(width * 0.34)));
  const chartWidth = Math.floor((width - costWidth - 2) / 2);
  return {
    columns: width,
    frameRows,
    bodyRows,
    footerRows,
    parametersWidth,
    comparisonWidth: width - parametersWidth,
    topRows,
    visibleKnobs: Math.max(1, Math.min(knobCount, topRows - 1)),
    chartPlotRows,
    slChartWidth: chartWidth,
    queueChartWidth: chartWidth,
    costWidth,
    gap,
  };
}

/** The first visible knob so that `selected` is in view (a window of `visible` knobs). */
export function knobWindowStart(selected: number, count: number, visible: number): number {
  if (count <= visible) return 0;
  return Math.max(0, Math.min(count - visible, selected - Math.floor(visible / 2)));
}
