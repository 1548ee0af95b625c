/**
 * Small, dependency-free SVG charts for the HTML export: a stacked bar chart, a line chart and a curve with its
 * minimum marked. Pure; each returns one `<svg>` element as text, meant to sit inline in an HTML5 page (no
 * `xmlns`, no scripts, no external references; styling comes from the page's `<style>` plus inline fills and
 * strokes so the charts still read without it). All text is escaped.
 *
 * Class names the page (and the tests) rely on: `bar-segment` (one `<rect>` per bar and series), `bar-total`,
 * `line-series` (one `<path>` per series), `line-point`, `curve-line`, `curve-point`, `curve-minimum` (also a
 * `curve-point`), `curve-minimum-label`, `curve-ci`, `legend-item`, `grid`, `axis-label`, `axis-title`.
 */

/** Colour-blind-safe palette (Okabe & Ito), cycled. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#8C6D1F', '#000000'] as const;

const WIDTH = 760;
const HEIGHT = 380;
const LEGEND_WIDTH = 190;
const MARGIN = { top: 24, right: 16, bottom: 56, left: 104 } as const;

/** Text made safe for HTML/SVG content and attribute values. @example escapeXml('a<"b">&') // 'a&lt;&quot;b&quot;&gt;&amp;' */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A coordinate with at most one decimal. */
function px(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

function colour(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#000000';
}

/**
 * Evenly spaced round tick values (steps of 1, 2 or 5 × 10^k) covering [min, max].
 * @example niceTicks(0, 195635) // [0, 50000, 100000, 150000, 200000]
 */
export function niceTicks(min: number, max: number, approximateCount = 5): number[] {
  let low = Number.isFinite(min) ? min : 0;
  let high = Number.isFinite(max) ? max : 1;
  if (high < low) [low, high] = [high, low];
  if (high === low) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1;
    low -= low === 0 ? 0 : pad;
    high += pad;
  }
  const raw = (high - low) / Math.max(1, approximateCount);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i += 1) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Shortens a label for an axis (the full text stays in the element's tooltip). */
function truncate(label: string, maxCharacters: number): string {
  const characters = [...label];
  return characters.length <= maxCharacters ? label : `${characters.slice(0, maxCharacters - 1).join('')}…`;
}

function svgOpen(className: string, title: string, height = HEIGHT): string {
  return (
    `<svg class="chart ${className}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" ` +
    `role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`
  );
}

interface Plot {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

function plotArea(withLegend: boolean): Plot {
  return {
    left: MARGIN.left,
    right: WIDTH - MARGIN.right - (withLegend ? LEGEND_WIDTH : 0),
    top: MARGIN.top,
    bottom: HEIGHT - MARGIN.bottom,
  };
}

/** Horizontal grid lines with their labels on the left, and a y-axis title. */
function yAxis(plot: Plot, ticks: readonly number[], y: (v: number) => number, format: (v: number) => string, title: string): string {
  const lines = ticks.map(
    (tick) =>
      `<line class="grid" x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(y(tick))}" y2="${px(y(tick))}" stroke="#ddd"/>` +
      `<text class="axis-label" x="${px(plot.left - 8)}" y="${px(y(tick) + 4)}" text-anchor="end">${escapeXml(format(tick))}</text>`,
  );
  const middle = (plot.top + plot.bottom) / 2;
  const axisTitle = `<text class="axis-title" x="16" y="${px(middle)}" text-anchor="middle" transform="rotate(-90 16 ${px(middle)})">${escapeXml(title)}</text>`;
  return lines.join('') + axisTitle;
}

function legend(plot: Plot, names: readonly string[], colourOf: (i: number) => string, swatch: 'rect' | 'line'): string {
  const x = plot.right + 24;
  return names
    .map((name, i) => {
      const y = plot.top + 8 + i * 22;
      const mark =
        swatch === 'rect'
          ? `<rect class="legend-swatch" x="${px(x)}" y="${px(y - 10)}" width="14" height="14" fill="${colourOf(i)}"/>`
          : `<line class="legend-swatch" x1="${px(x)}" x2="${px(x + 16)}" y1="${px(y - 3)}" y2="${px(y - 3)}" stroke="${colourOf(i)}" stroke-width="3"/>`;
      return `<g class="legend-item">${mark}<text x="${px(x + 22)}" y="${px(y + 1)}">${escapeXml(truncate(name, 24))}</text></g>`;
    })
    .join('');
}

export interface StackedBarChart {
  /** Accessible title (also the tooltip of the whole chart). */
  readonly title: string;
  readonly yTitle: string;
  /** Series, bottom of the stack first; also the legend. */
  readonly seriesNames: readonly string[];
  /** One bar per entry; `values[j]` belongs to `seriesNames[j]`. Negative or non-finite values are drawn as 0. */
  readonly bars: readonly { readonly label: string; readonly values: readonly number[] }[];
  /** Totals and tooltips. */
  readonly formatValue: (value: number) => string;
  /** Axis ticks (short: the unit is in `yTitle`). */
  readonly formatTick: (value: number) => string;
}

/** Vertical stacked bars, one `rect.bar-segment` per bar and series (zero-height ones included), totals on top. */
export function renderStackedBarChart(chart: StackedBarChart, className: string): string {
  const plot = plotArea(true);
  const clean = (v: number | undefined): number => (v !== undefined && Number.isFinite(v) && v > 0 ? v : 0);
  const totals = chart.bars.map((bar) => chart.seriesNames.reduce((sum, _, j) => sum + clean(bar.values[j]), 0));
  const ticks = niceTicks(0, Math.max(0, ...totals));
  const top = ticks[ticks.length - 1] ?? 1;
  const y = (v: number): number => plot.bottom - (v / top) * (plot.bottom - plot.top);
  const band = (plot.right - plot.left) / Math.max(1, chart.bars.length);
  const barWidth = Math.min(90, band * 0.6);
  const maxLabel = Math.max(6, Math.floor(band / 7));

  const bars = chart.bars.map((bar, i) => {
    const x = plot.left + band * i + (band - barWidth) / 2;
    let base = 0;
    const segments = chart.seriesNames.map((series, j) => {
      const value = clean(bar.values[j]);
      const y0 = y(base);
      const y1 = y(base + value);
      base += value;
      return (
        `<rect class="bar-segment series-${j}" x="${px(x)}" y="${px(y1)}" width="${px(barWidth)}" height="${px(y0 - y1)}" fill="${colour(j)}">` +
        `<title>${escapeXml(`${bar.label} — ${series}: ${chart.formatValue(bar.values[j] ?? 0)}`)}</title></rect>`
      );
    });
    const centre = x + barWidth / 2;
    return (
      `<g class="bar">${segments.join('')}` +
      `<text class="bar-total" x="${px(centre)}" y="${px(y(totals[i] ?? 0) - 6)}" text-anchor="middle">${escapeXml(chart.formatValue(totals[i] ?? 0))}</text>` +
      `<text class="axis-label x-label" x="${px(centre)}" y="${px(plot.bottom + 20)}" text-anchor="middle">${escapeXml(truncate(bar.label, maxLabel))}<title>${escapeXml(bar.label)}</title></text></g>`
    );
  });

  return (
    svgOpen(className, chart.title) +
    yAxis(plot, ticks, y, chart.formatTick, chart.yTitle) +
    `<line class="axis" x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(plot.bottom)}" y2="${px(plot.bottom)}" stroke="#444"/>` +
    bars.join('') +
    legend(plot, [...chart.seriesNames].reverse(), (i) => colour(chart.seriesNames.length - 1 - i), 'rect') +
    '</svg>'
  );
}

export interface LineChart {
  readonly title: string;
  readonly yTitle: string;
  /** One label per x position (e.g. interval start). */
  readonly xLabels: readonly string[];
  /** One line per series; `values[i]` is at `xLabels[i]`; non-finite values leave a gap. */
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
  /** Fixed y range, or null to fit the data. */
  readonly yDomain: readonly [number, number] | null;
  /** Tooltips. */
  readonly formatY: (value: number) => string;
  /** Axis ticks (short). */
  readonly formatYTick: (value: number) => string;
}

/** Points are marked (`circle.line-point`) when there are at most this many x positions. */
const MAX_MARKED_POINTS = 48;

/** One `path.line-series` per series over a shared x axis of labels. */
export function renderLineChart(chart: LineChart, className: string): string {
  const plot = plotArea(true);
  const finite = chart.series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const ticks =
    chart.yDomain === null ? niceTicks(Math.min(0, ...finite), Math.max(0, ...finite)) : niceTicks(chart.yDomain[0], chart.yDomain[1]);
  const low = ticks[0] ?? 0;
  const high = ticks[ticks.length - 1] ?? 1;
  const y = (v: number): number => plot.bottom - ((v - low) / (high - low || 1)) * (plot.bottom - plot.top);
  const count = chart.xLabels.length;
  const x = (i: number): number =>
    count <= 1 ? (plot.left + plot.right) / 2 : plot.left + (i / (count - 1)) * (plot.right - plot.left);
  const labelEvery = Math.max(1, Math.ceil(count / 12));

  const xLabels = chart.xLabels
    .map((label, i) =>
      i % labelEvery === 0
        ? `<text class="axis-label x-label" x="${px(x(i))}" y="${px(plot.bottom + 20)}" text-anchor="middle">${escapeXml(label)}</text>`
        : '',
    )
    .join('');

  const lines = chart.series.map((series, s) => {
    let d = '';
    let pen: 'up' | 'down' = 'up';
    series.values.forEach((v, i) => {
      if (!Number.isFinite(v)) {
        pen = 'up';
        return;
      }
      d += `${pen === 'up' ? 'M' : 'L'}${px(x(i))} ${px(y(v))} `;
      pen = 'down';
    });
    const points =
      count <= MAX_MARKED_POINTS
        ? series.values
            .map((v, i) =>
              Number.isFinite(v)
                ? `<circle class="line-point series-${s}" cx="${px(x(i))}" cy="${px(y(v))}" r="3" fill="${colour(s)}">` +
                  `<title>${escapeXml(`${series.name}, ${chart.xLabels[i] ?? ''}: ${chart.formatY(v)}`)}</title></circle>`
                : '',
            )
            .join('')
        : '';
    return (
      `<path class="line-series series-${s}" d="${d.trim()}" fill="none" stroke="${colour(s)}" stroke-width="2">` +
      `<title>${escapeXml(series.name)}</title></path>${points}`
    );
  });

  return (
    svgOpen(className, chart.title) +
    yAxis(plot, ticks, y, chart.formatYTick, chart.yTitle) +
    `<line class="axis" x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(plot.bottom)}" y2="${px(plot.bottom)}" stroke="#444"/>` +
    xLabels +
    lines.join('') +
    legend(plot, chart.series.map((s) => s.name), colour, 'line') +
    '</svg>'
  );
}

export interface CurveChart {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  /** Points in x order; `ci` is a 95% half-width drawn as a whisker when > 0. Non-finite y values are skipped. */
  readonly points: readonly { readonly x: number; readonly y: number; readonly ci: number }[];
  /** Index into `points` of the point to mark as the minimum, or null. */
  readonly minimumIndex: number | null;
  /** Text next to the marked point. */
  readonly minimumLabel: string;
  readonly formatX: (value: number) => string;
  /** Tooltips. */
  readonly formatY: (value: number) => string;
  /** Axis ticks (short: the unit is in `yTitle`). */
  readonly formatYTick: (value: number) => string;
}

/** A curve (`path.curve-line`) through `circle.curve-point`s, the minimum drawn as `circle.curve-point.curve-minimum`. */
export function renderCurveChart(chart: CurveChart, className: string): string {
  const plot = plotArea(false);
  const shown = chart.points.map((p, i) => ({ ...p, index: i })).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const ci = (p: { ci: number }): number => (Number.isFinite(p.ci) && p.ci > 0 ? p.ci : 0);
  const xTicks = niceTicks(Math.min(...shown.map((p) => p.x)), Math.max(...shown.map((p) => p.x)));
  const yTicks = niceTicks(Math.min(...shown.map((p) => p.y - ci(p))), Math.max(...shown.map((p) => p.y + ci(p))));
  const [xLow = 0, xHigh = 1] = [xTicks[0], xTicks[xTicks.length - 1]];
  const [yLow = 0, yHigh = 1] = [yTicks[0], yTicks[yTicks.length - 1]];
  const x = (v: number): number => plot.left + ((v - xLow) / (xHigh - xLow || 1)) * (plot.right - plot.left);
  const y = (v: number): number => plot.bottom - ((v - yLow) / (yHigh - yLow || 1)) * (plot.bottom - plot.top);

  const xAxis =
    `<line class="axis" x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(plot.bottom)}" y2="${px(plot.bottom)}" stroke="#444"/>` +
    xTicks
      .map(
        (tick) =>
          `<text class="axis-label x-label" x="${px(x(tick))}" y="${px(plot.bottom + 20)}" text-anchor="middle">${escapeXml(chart.formatX(tick))}</text>`,
      )
      .join('') +
    `<text class="axis-title" x="${px((plot.left + plot.right) / 2)}" y="${px(HEIGHT - 10)}" text-anchor="middle">${escapeXml(chart.xTitle)}</text>`;

  const d = shown.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(x(p.x))} ${px(y(p.y))}`).join(' ');
  const whiskers = shown
    .filter((p) => ci(p) > 0)
    .map(
      (p) =>
        `<line class="curve-ci" x1="${px(x(p.x))}" x2="${px(x(p.x))}" y1="${px(y(p.y - ci(p)))}" y2="${px(y(p.y + ci(p)))}" stroke="#0072B2" stroke-opacity="0.5"/>`,
    )
    .join('');
  const points = shown
    .map((p) => {
      const minimum = p.index === chart.minimumIndex;
      const tip = `${chart.xTitle} = ${chart.formatX(p.x)}: ${chart.formatY(p.y)}${minimum ? ' (minimum)' : ''}`;
      return (
        `<circle class="curve-point${minimum ? ' curve-minimum' : ''}" cx="${px(x(p.x))}" cy="${px(y(p.y))}" ` +
        `r="${minimum ? 7 : 4}" fill="${minimum ? '#D55E00' : '#0072B2'}"${minimum ? ' stroke="#000" stroke-width="1.5"' : ''}>` +
        `<title>${escapeXml(tip)}</title></circle>`
      );
    })
    .join('');
  const marked = shown.find((p) => p.index === chart.minimumIndex);
  const label =
    marked === undefined
      ? ''
      : `<text class="curve-minimum-label" x="${px(x(marked.x))}" y="${px(y(marked.y) + 24)}" text-anchor="middle">${escapeXml(chart.minimumLabel)}</text>`;

  return (
    svgOpen(className, chart.title) +
    yAxis(plot, yTicks, y, chart.formatYTick, chart.yTitle) +
    xAxis +
    `<path class="curve-line" d="${d}" fill="none" stroke="#0072B2" stroke-width="2"/>` +
    whiskers +
    points +
    label +
    '</svg>'
  );
}
