import type { Report, VariantResult } from '../report/report.js';
import { formatNumber } from '../report/format.js';
import { yearlyCost } from '../report/verdict.js';
import { plainNumber } from './csv.js';
import { cheapestPointIndex, reportMetricNames, reportPeriod } from './data-tables.js';
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
  withPeriod,
} from './metric-labels.js';
import { escapeXml } from './escape-xml.js';
import { STAFFING_HEADERS, staffingCells } from './staffing-cells.js';
import { renderChart } from './charts/render-chart.js';
import { budgetSpec, costBarsSpec, serviceLevelSpec, sweepSpec } from './charts/report-charts.js';

/**
 * One self-contained HTML page that works offline and leads with the answer: inline `<style>` (with a print style
 * sheet for A4), charts as inline static `<svg>` (Vega-Lite rendered by vega, no scripts), no links, no external URLs
 * or fonts; a Content-Security-Policy of `default-src 'none'` makes any request that slipped in fail instead of leaving
 * the machine. All text from the report is escaped.
 *
 * In order: the title; the verdict (`verdict`: the answer in a paragraph); the key figures (`key-figures`: variants as
 * columns, at most ten rows); the charts (`chart-cost`: each variant's cost stacked by cost line; `chart-service-level`;
 * `chart-sweep` for a sweep; `chart-budget` when the report is rolled up by period); then the details: `summary`,
 * `groups`, `differences`, `sweep`, `periods`, `staffing` and `shifts` (plans), the analyses, `all-metrics` and
 * `assumptions`. Each section starts on a new page in print.
 */
export async function reportToHtml(report: Report, extras: HtmlExtras = { figures: [], sections: [] }): Promise<string> {
  const currency = report.currency;
  const period = reportPeriod(report);
  const money = (v: number): string => formatMetricValue('money', v, currency);
  const body: string[] = [`<h1>${escapeXml(report.title)}</h1>`, `<p class="meta">${escapeXml(intro(report, period))}</p>`];

  // The answer first.
  body.push(
    `<section id="verdict">\n<h2>Verdict</h2>\n<p class="verdict">${escapeXml(verdictText(report))}</p>` +
      (report.verdict?.basis === undefined ? '' : `\n<p class="note">${escapeXml(report.verdict.basis)}</p>`) +
      '\n</section>',
  );
  body.push(section('key-figures', 'Key figures', keyFiguresTable(report, period)));

  // Charts
  const charts: string[] = [];
  charts.push(figure('chart-cost', `Total cost by variant, by cost line, ${period} (${currency})`, await renderChart(costBarsSpec(report, period), 'svg-cost')));
  const serviceLevel = serviceLevelSpec(report);
  charts.push(
    serviceLevel === null
      ? figure('chart-service-level', 'Service level', '<p class="note">No interval figures in this report.</p>')
      : figure('chart-service-level', serviceLevel.caption, await renderChart(serviceLevel.spec, 'svg-service-level')),
  );
  const sweep = report.sweep;
  if (sweep !== null) {
    charts.push(
      figure(
        'chart-sweep',
        `Total cost over ${sweep.parameter} (${sweep.variant}): cost lines stacked, their sum, the cheapest point marked`,
        await renderChart(sweepSpec(sweep, currency, period), 'svg-sweep'),
      ),
    );
  }
  if (report.periods !== undefined && report.periods.variants.some((v) => v.rows.length > 1)) {
    charts.push(figure('chart-budget', `Total cost per ${report.periods.by} (${currency})`, await renderChart(budgetSpec(report.periods, currency), 'svg-budget')));
  }
  charts.push(...extras.figures);
  body.push(`<section id="charts">\n<h2>Charts</h2>\n${charts.join('\n')}\n</section>`);

  // Details
  const showScenario = new Set(report.variants.map((v) => v.scenario)).size > 1;
  body.push(
    section(
      'summary',
      'Summary',
      htmlTable(
        [...(showScenario ? ['Scenario'] : []), 'Variant', 'Source', 'Replications', ...KEY_METRICS.map((name) => withPeriod(metricLabel(name), name, period))],
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

  const withGroups = report.variants.filter((v) => v.groups !== undefined);
  if (withGroups.length > 0) {
    body.push(
      section(
        'groups',
        'Agent groups',
        htmlTable(
          ['Variant', 'Group', ...GROUP_KEY_METRICS.map((name) => withPeriod(GROUP_METRIC_LABELS[name].label, name, period)), 'FTE'],
          withGroups.flatMap((v) =>
            (v.groups ?? []).map((group) => [
              v.variant,
              group.name,
              ...GROUP_KEY_METRICS.map((name) => formatEstimate(GROUP_METRIC_LABELS[name].kind, group.totals[name].mean, group.totals[name].ci95, currency)),
              formatNumber(group.budget?.fte.mean ?? Number.NaN, 1),
            ]),
          ),
          2,
        ),
      ),
    );
  }

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
            withPeriod(metricLabel(d.metric), d.metric, period),
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

  if (sweep !== null) {
    const cheapestIndex = cheapestPointIndex(sweep);
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
        htmlTableWithRowClasses(['Value', ...sweepMetrics.map((name) => withPeriod(metricLabel(name), name, period)), 'Cheapest'], rows, 0) +
          `<p class="note">Cheapest: <strong>${escapeXml(`${sweep.parameter} = ${plainNumber(sweep.cheapest.value)}`)}</strong>, ` +
          `total cost ${escapeXml(money(sweep.cheapest.totalCost))}.</p>`,
      ),
    );
  }

  if (report.periods !== undefined) {
    const rollup = report.periods;
    body.push(
      section(
        'periods',
        `By ${rollup.by}`,
        htmlTable(
          ['Variant', rollup.by, 'Open days', 'Service level', `Paid agent hours, per ${rollup.by}`, 'FTE', `Total cost, per ${rollup.by}`],
          rollup.variants.flatMap((variant) =>
            variant.rows.map((row) => [
              variant.variant,
              row.period,
              String(row.openDays),
              formatEstimate('share', row.totals.serviceLevel.mean, row.totals.serviceLevel.ci95, currency),
              formatMetricValue('hours', row.totals.paidAgentHours.mean, currency),
              formatNumber(row.fte.mean, 1),
              formatEstimate('money', row.totals.totalCost.mean, row.totals.totalCost.ci95, currency),
            ]),
          ),
          2,
        ) + `<p class="note">${escapeXml(rollup.notes.join(' '))}</p>`,
      ),
    );
  }

  if (report.plan !== undefined && report.plan.shifts.length > 0) {
    body.push(
      section(
        'shifts',
        'Shifts',
        htmlTable(
          ['Variant', 'Group', 'Shift', 'Start', 'End', 'Agents', 'Breaks', 'Days'],
          report.plan.shifts.map((row) => [row.variant, row.group ?? '', row.name, row.start, row.end, String(row.agents), row.breaks, row.days || 'every day']),
          3,
        ),
      ),
    );
  }
  if (report.plan !== undefined) {
    body.push(
      details(
        'staffing',
        'Agents per interval',
        htmlTable(
          ['Variant', 'Group', ...STAFFING_HEADERS],
          report.plan.staffing.map((row) => [row.variant, row.group ?? '', ...staffingCells(row, currency)]),
          2,
        ),
      ),
    );
    const approximations = report.plan.approximations ?? [];
    if (approximations.length > 0) {
      body.push(
        section(
          'approximations',
          'Where the plan approximates',
          `<p class="note">The simulation (<code>staffsim run</code>) is the exact model; these analytic figures approximate it where:</p>\n` +
            approximations
              .map((entry) => `<h3>${escapeXml(entry.variant)}</h3>\n<ul>\n${entry.items.map((item) => `<li>${escapeXml(item)}</li>`).join('\n')}\n</ul>`)
              .join('\n'),
        ),
      );
    }
  }

  // Sections of the analyses (`analysis-html.ts`): explain's table, every variant's sweep curves
  body.push(...extras.sections);

  body.push(
    details(
      'all-metrics',
      'All metrics',
      htmlTable(
        ['Metric', ...report.variants.map((v) => v.variant)],
        reportMetricNames(report).map((name) => [
          withPeriod(metricLabel(name), name, period),
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

/** The verdict paragraph: the report's own, or the plain facts when no verdict was made. */
function verdictText(report: Report): string {
  if (report.verdict !== undefined && report.verdict.sentences.length > 0) return report.verdict.sentences.join(' ');
  const cheapest = [...report.variants].sort((a, b) => a.totals.totalCost.mean - b.totals.totalCost.mean)[0];
  if (cheapest === undefined) return 'No results.';
  return `${cheapest.variant} has the lowest total cost: ${formatMetricValue('money', cheapest.totals.totalCost.mean, report.currency)}.`;
}

/**
 * The key figures, variants as columns: at most ten rows — service level, abandoned, cases resolved, paid agent hours,
 * FTEs, total cost, total cost a year, cost per resolved case — each money or hours row with its period.
 */
export function keyFiguresTable(report: Report, period: string): string {
  const currency = report.currency;
  const value = (v: VariantResult, name: 'serviceLevel' | 'abandonedShare' | 'resolvedShareOfCases' | 'paidAgentHours' | 'totalCost' | 'costPerResolvedCase'): string =>
    formatEstimate(metricKind(name), v.totals[name].mean, v.totals[name].ci95, currency);
  const rows: string[][] = [
    ['Service level', ...report.variants.map((v) => value(v, 'serviceLevel'))],
    ['Abandoned', ...report.variants.map((v) => value(v, 'abandonedShare'))],
    ['Cases resolved', ...report.variants.map((v) => value(v, 'resolvedShareOfCases'))],
    [`Paid agent hours, ${period}`, ...report.variants.map((v) => value(v, 'paidAgentHours'))],
    ['FTE (full-time equivalents)', ...report.variants.map((v) => formatNumber(v.budget?.fte.mean ?? Number.NaN, 1))],
    [`Total cost, ${period}`, ...report.variants.map((v) => value(v, 'totalCost'))],
  ];
  if (report.variants.some((v) => v.budget?.annualised !== undefined)) {
    rows.push(['Total cost, a year (estimate)', ...report.variants.map((v) => formatMetricValue('money', yearlyCost(v).value, currency))]);
  }
  rows.push(['Cost per resolved case', ...report.variants.map((v) => value(v, 'costPerResolvedCase'))]);
  const note = report.variants.find((v) => v.budget?.annualised !== undefined)?.budget?.annualised?.note;
  return (
    htmlTable(['', ...report.variants.map((v) => v.variant)], rows, 1) +
    (note === undefined ? '' : `<p class="note">A year: ${escapeXml(note)}.</p>`)
  );
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

function intro(report: Report, period: string): string {
  const kind = { run: 'Run', compare: 'Comparison', sweep: 'Sweep', plan: 'Plan' }[report.kind];
  const exchange = report.exchange === undefined ? '' : ` (${report.exchange.text})`;
  return (
    `${kind} by staffsim ${report.staffsimVersion}, over ${period}. Money in ${report.currency}${exchange}; counts per replication; ` +
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
main { max-width: 980px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 28px 0 8px; }
.meta, .note, footer { color: var(--muted); font-size: 0.9rem; }
.verdict { font-size: 1.1rem; max-width: 46em; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 0.9rem; margin: 8px 0; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { border-bottom: 2px solid var(--ink); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
#key-figures table { font-size: 1rem; }
tr.cheapest td { font-weight: 600; background: #fdf0e6; }
figure { margin: 24px 0; max-width: 100%; }
figcaption { font-weight: 600; margin-bottom: 6px; }
figure svg { display: block; max-width: 100%; height: auto; }
details { margin: 16px 0; }
summary { cursor: pointer; font-weight: 600; }
footer { margin-top: 32px; border-top: 1px solid var(--rule); padding-top: 8px; }
@page { size: A4; margin: 14mm; }
@media print {
  main { max-width: none; padding: 0; }
  body { font-size: 10pt; }
  h1 { font-size: 16pt; }
  .table-wrap { overflow: visible; }
  table { font-size: 7.5pt; width: 100%; }
  th, td, .num { padding: 2px 4px; white-space: normal; overflow-wrap: anywhere; }
  #key-figures table { font-size: 10pt; }
  section, figure, details { break-inside: avoid; }
  section#charts, section#summary, details { break-before: page; }
  figure svg { max-height: 110mm; width: auto; }
  summary { list-style: none; }
}
`.trim();
