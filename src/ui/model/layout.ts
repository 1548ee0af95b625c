/**
 * How the explorer's screen is divided for a terminal size. The whole frame stays at least one line shorter than the
 * terminal: an Ink frame as tall as the terminal clears the scrollback on every render.
 */

/** Width of the parameters panel (marker, label 16, value 7, unit 3, spaces). */
export const PARAMETERS_WIDTH = 30;

export interface Layout {
  readonly columns: number;
  /** Lines the frame may use. */
  readonly frameRows: number;
  /** Lines between the tabs and the status line. */
  readonly bodyRows: number;
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

/**
 * @param knobCount knobs of the selected variant
 * @example layoutFor(80, 24, 10).chartPlotRows // 5
 */
export function layoutFor(columns: number, rows: number, knobCount: number): Layout {
  const width = Math.max(40, columns);
  const frameRows = Math.max(12, rows - 1);
  // Header, tabs, status line, footer.
  const bodyRows = frameRows - 4;
  const comparisonRows = 10; // title, header, 8 key figures
  const wantedTop = Math.max(knobCount + 1, comparisonRows);
  const chartsFixed = 2; // title + x axis
  let topRows = Math.min(wantedTop, bodyRows);
  let chartPlotRows = bodyRows - topRows - chartsFixed - 1;
  let gap = true;
  if (chartPlotRows < MIN_PLOT_ROWS) {
    chartPlotRows = bodyRows - topRows - chartsFixed;
    gap = false;
  }
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
