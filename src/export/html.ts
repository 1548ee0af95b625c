import { COST_LINE_NAMES } from '../core/metrics.js';
import type { Report } from '../report/report.js';
import { formatNumber, formatPercent } from '../report/format.js';
import { plainNumber } from './csv.js';
import { cheapestPointIndex, reportMetricNames } from './data-tables.js';
import {
  formatEstimate,
  formatMetricValue,
  formatRelative,
  formatSignedDifference,
  formatSignificant,
  GROUP_KEY_METRICS,
  GROUP_METRIC_LABELS,
  KEY_METRICS,
  metricKind,
  metricLabel,
} from './metric-labels.js';
import { escapeXml, renderCurveChart, renderLineChart, renderStackedBarChart } from './svg-chart.js';

/**
 * One self-contained HTML page that works offline: inline `<style>`, charts as inline `<svg>`, no scripts, no
 * links, no external URLs or fonts; a Content-Security-Policy of `default-src 'none'` makes any request that
 * slipped in fail instead of leaving the machine. Sections: title, summary table (key metrics per variant),
 * differences against the first variant, charts (total cost by variant stacked by cost line; service level by
 * interval, one line per variant; for a sweep, the total-cost curve with its minimum marked), the sweep table,
 * and collapsed tables of all metrics and all assumptions. All text from the report is escaped.
 *
 * Element ids the page guarantees: `summary`, `differences` (when there are any), `chart-cost`,
 * `chart-service-level`, `chart-sweep` and `sweep` (sweep reports), `all-metrics`, `assumptions`.
 */
export function reportToHtml(report: Report, extras: HtmlExtras = { figures: [], sections: [] }): string {
  const currency = report.currency;
  const money = (v: number): string => formatMetricValue('money', v, currency);
  const body: string[] = [`<h1>${escapeXml(report.title)}</h1>`, `<p class="meta">${escapeXml(intro(report))}</p>`];

  // Summary
  const showScenario = new Set(report.variants.map((v) => v.scenario)).size > 1;
  body.push(
    section(
      'summary',
      'Summary',
      htmlTable(
        [...(showScenario ? ['Scenario'] : []), 'Variant', 'Source', 'Replications', ...KEY_METRICS.map(metricLabel)],
        report.variants.map((v) => [
          ...(showScenario ? [v.scenario] : []),
          v.variant,
          v.source,
          v.replications === null ? '–' : String(v.replications),
          ...KEY_METRICS.map((name) => formatEstimate(metricKind(name), v.totals[name].mean, v.totals[name].ci95, currency)),
        ]),
        showScenario ? 3 : 2,
      ),
    ),
  );

  // Agent groups
  const withGroups = report.variants.filter((v) => v.groups !== undefined);
  if (withGroups.length > 0) {
    body.push(
      section(
        'groups',
        'Agent groups',
        htmlTable(
          ['Variant', 'Group', ...GROUP_KEY_METRICS.map((name) => GROUP_METRIC_LABELS[name].label)],
          withGroups.flatMap((v) =>
            (v.groups ?? []).map((group) => [
              v.variant,
              group.name,
              ...GROUP_KEY_METRICS.map((name) => formatEstimate(GROUP_METRIC_LABELS[name].kind, group.totals[name].mean, group.totals[name].ci95, currency)),
            ]),
          ),
          2,
        ),
      ),
    );
  }

  // Differences
  if (report.differences.length > 0) {
    const first = report.variants[0]?.variant ?? 'the first variant';
    body.push(
      section(
        'differences',
        `Differences against ${first}`,
        htmlTable(
          ['Variant', 'Metric', 'Difference', 'Relative', 'Significant'],
          report.differences.map((d) => [
            d.variant,
            metricLabel(d.metric),
            formatSignedDifference(metricKind(d.metric), d.absolute, currency),
            formatRelative(d.relative),
            formatSignificant(d.significant),
          ]),
          2,
        ) +
          '<p class="note">Differences of shares are in percentage points (pp). Significant: at the 5% level across ' +
          'replications (paired, common random numbers); – for analytic figures.</p>',
      ),
    );
  }

  // Charts
  const costChart = renderStackedBarChart(
    {
      title: `Total cost by variant, by cost line (${currency})`,
      yTitle: `Cost (${currency})`,
      seriesNames: COST_LINE_NAMES.map(metricLabel),
      bars: report.variants.map((v) => ({ label: v.variant, values: COST_LINE_NAMES.map((name) => v.totals[name].mean) })),
      formatValue: money,
      formatTick: (v) => formatNumber(v, 0),
    },
    'chart-cost',
  );
  body.push(figure('chart-cost', `Total cost by variant, by cost line (${currency})`, costChart));

  // The x axis: every (day, start) any variant has, in time order; each variant's line is matched by key, so
  // variants with different calendars (compare across scenarios) still line up.
  const key = (i: { day: number; start: string }): string => `${i.day} ${i.start}`;
  const gridByKey = new Map(report.variants.flatMap((v) => v.intervals.map((i) => [key(i), { day: i.day, start: i.start }] as const)));
  const intervalGrid = [...gridByKey.values()].sort((a, b) => a.day - b.day || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const manyDays = new Set(intervalGrid.map((i) => i.day)).size > 1;
  const serviceLevelChart =
    intervalGrid.length === 0
      ? '<p class="note">No interval figures in this report.</p>'
      : renderLineChart(
          {
            title: 'Service level by interval (mean across replications)',
            yTitle: 'Service level',
            xLabels: intervalGrid.map((i) => (manyDays ? `d${i.day} ${i.start}` : i.start)),
            series: report.variants.map((v) => {
              const byKey = new Map(v.intervals.map((i) => [key(i), i.serviceLevel.mean]));
              return { name: v.variant, values: intervalGrid.map((g) => byKey.get(key(g)) ?? Number.NaN) };
            }),
            yDomain: [0, 1],
            formatY: (v) => formatMetricValue('share', v, currency),
            formatYTick: (v) => formatPercent(v, 0),
          },
          'chart-service-level',
        );
  body.push(figure('chart-service-level', 'Service level by interval (mean across replications)', serviceLevelChart));

  const sweep = report.sweep;
  if (sweep !== null) {
    const cheapestIndex = cheapestPointIndex(sweep);
    const curve = renderCurveChart(
      {
        title: `Total cost over ${sweep.parameter} (${sweep.variant})`,
        xTitle: sweep.parameter,
        yTitle: `Total cost (${currency})`,
        points: sweep.points.map((p) => ({ x: p.value, y: p.totals.totalCost.mean, ci: p.totals.totalCost.ci95 })),
        minimumIndex: cheapestIndex,
        minimumLabel: `Cheapest: ${plainNumber(sweep.cheapest.value)} → ${money(sweep.cheapest.totalCost)}`,
        formatX: plainNumber,
        formatY: money,
        formatYTick: (v) => formatNumber(v, 0),
      },
      'chart-sweep',
    );
    body.push(figure('chart-sweep', `Total cost over ${sweep.parameter} (${sweep.variant}), cheapest point marked`, curve));

    const sweepMetrics = ['serviceLevel', 'asaSeconds', 'abandonedShare', 'attemptsPerCase', 'totalCost', 'costPerResolvedCase'] as const;
    const rows = sweep.points.map((point, i) => ({
      cells: [
        plainNumber(point.value),
        ...sweepMetrics.map((name) => formatEstimate(metricKind(name), point.totals[name].mean, point.totals[name].ci95, currency)),
        i === cheapestIndex ? 'cheapest' : '',
      ],
      className: i === cheapestIndex ? 'cheapest' : '',
    }));
    body.push(
      section(
        'sweep',
        `Sweep of ${sweep.parameter} (${sweep.variant})`,
        htmlTableWithRowClasses(['Value', ...sweepMetrics.map(metricLabel), 'Cheapest'], rows, 0) +
          `<p class="note">Cheapest: <strong>${escapeXml(`${sweep.parameter} = ${plainNumber(sweep.cheapest.value)}`)}</strong>, ` +
          `total cost ${escapeXml(money(sweep.cheapest.totalCost))}.</p>`,
      ),
    );
  }

  // Figures and sections of the analyses (`analysis-html.ts`): explain's waterfalls, every variant's sweep curves
  body.push(...extras.figures, ...extras.sections);

  // All metrics and assumptions, collapsed
  body.push(
    details(
      'all-metrics',
      'All metrics',
      htmlTable(
        ['Metric', ...report.variants.map((v) => v.variant)],
        reportMetricNames(report).map((name) => [
          metricLabel(name),
          ...report.variants.map((v) => {
            const estimate = v.totals[name];
            return estimate === undefined ? '–' : formatEstimate(metricKind(name), estimate.mean, estimate.ci95, currency);
          }),
        ]),
        1,
      ),
    ),
    details(
      'assumptions',
      'Assumptions',
      htmlTable(
        ['Variant', 'Name', 'Value'],
        [
          ['', 'staffsim version', report.staffsimVersion],
          ...report.assumptions.map((a) => [a.variant, a.name, typeof a.value === 'number' ? plainNumber(a.value) : String(a.value)]),
        ],
        3,
      ),
    ),
  );

  return htmlPage(report.title, report.staffsimVersion, body);
}

/** Ready-made HTML to add to a report page: figures after the charts, sections after the sweep. */
export interface HtmlExtras {
  readonly figures: readonly string[];
  readonly sections: readonly string[];
}

/** The whole self-contained page around `body` (see `reportToHtml`). */
export function htmlPage(title: string, version: string, body: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="staffsim ${escapeXml(version)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    `<footer>Made by staffsim ${escapeXml(version)}. This page is self-contained and works offline.</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function intro(report: Report): string {
  const kind = { run: 'Run', compare: 'Comparison', sweep: 'Sweep' }[report.kind];
  return (
    `${kind} by staffsim ${report.staffsimVersion}. Money in ${report.currency}; counts per replication; ` +
    '± is the half-width of the 95% confidence interval across replications.'
  );
}

export function section(id: string, title: string, content: string): string {
  return `<section id="${id}">\n<h2>${escapeXml(title)}</h2>\n${content}\n</section>`;
}

export function figure(id: string, caption: string, content: string): string {
  return `<figure id="${id}">\n<figcaption>${escapeXml(caption)}</figcaption>\n${content}\n</figure>`;
}

function details(id: string, summary: string, content: string): string {
  return `<details id="${id}">\n<summary>${escapeXml(summary)}</summary>\n${content}\n</details>`;
}

/** A table of plain text cells (escaped here); the first `textColumns` columns are left-aligned. */
export function htmlTable(header: readonly string[], rows: readonly (readonly string[])[], textColumns: number): string {
  return htmlTableWithRowClasses(
    header,
    rows.map((cells) => ({ cells, className: '' })),
    textColumns,
  );
}

function htmlTableWithRowClasses(
  header: readonly string[],
  rows: readonly { readonly cells: readonly string[]; readonly className: string }[],
  textColumns: number,
): string {
  const align = (i: number): string => (i < textColumns ? '' : ' class="num"');
  const head = `<tr>${header.map((h, i) => `<th scope="col"${align(i)}>${escapeXml(h)}</th>`).join('')}</tr>`;
  const body = rows
    .map(
      (row) =>
        `<tr${row.className === '' ? '' : ` class="${row.className}"`}>` +
        `${row.cells.map((c, i) => `<td${align(i)}>${escapeXml(c)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<div class="table-wrap"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0; --accent: #D55E00; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.4; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 28px 0 8px; }
.meta, .note, footer { color: var(--muted); font-size: 0.9rem; }
figure, .table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.9rem; margin: 8px 0; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { border-bottom: 2px solid var(--ink); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.cheapest td { font-weight: 600; background: #fdf0e6; }
figure { margin: 24px 0; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; }
svg.chart text { fill: var(--ink); }
svg.chart .axis-label { fill: var(--muted); }
svg.chart .axis-title { fill: var(--muted); font-size: 12px; }
svg.chart .bar-total { font-weight: 600; }
svg.chart .curve-minimum-label { fill: var(--accent); font-weight: 600; }
details { margin: 16px 0; }
summary { cursor: pointer; font-weight: 600; }
footer { margin-top: 32px; border-top: 1px solid var(--rule); padding-top: 8px; }
`.trim();
