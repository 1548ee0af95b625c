import { printable } from '../core/printable.js';
import type { Report } from '../report/report.js';
import { plainNumber } from './csv.js';
import { cheapestPointIndex } from './data-tables.js';
import { STAFFING_HEADERS, staffingCells } from './staffing-cells.js';
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

/**
 * Markdown (GitHub-flavoured tables) for pasting into a report: a title, a summary table of the key metrics per
 * variant, the differences against the first variant (when there are any) and the sweep table with the cheapest
 * point marked. Values are formatted for people (`81.2%`, `7.8 s`, `1,235 SEK`, `± h` = 95% half-width); text
 * from the scenario (titles, variant names) is escaped so it cannot break a table or turn into markup.
 */
export function reportToMarkdown(report: Report): string {
  // The currency is text from the scenario too: it goes into every money cell, so it is escaped once, here.
  const currency = markdownText(report.currency);
  const sections: string[] = [`# ${markdownText(report.title)}`, intro(report)];

  if (report.variants.length > 0) {
    const showScenario = new Set(report.variants.map((v) => v.scenario)).size > 1;
    const header = [
      ...(showScenario ? ['Scenario'] : []),
      'Variant',
      'Source',
      'Replications',
      ...KEY_METRICS.map(metricLabel),
    ];
    const rows = report.variants.map((v) => [
      ...(showScenario ? [markdownText(v.scenario)] : []),
      markdownText(v.variant),
      v.source,
      v.replications === null ? '–' : String(v.replications),
      ...KEY_METRICS.map((name) => formatEstimate(metricKind(name), v.totals[name].mean, v.totals[name].ci95, currency)),
    ]);
    sections.push('## Summary', markdownTable(header, rows, showScenario ? 3 : 2));
  }

  const withGroups = report.variants.filter((v) => v.groups !== undefined);
  if (withGroups.length > 0) {
    const rows = withGroups.flatMap((v) =>
      (v.groups ?? []).map((group) => [
        markdownText(v.variant),
        markdownText(group.name),
        ...GROUP_KEY_METRICS.map((name) => formatEstimate(GROUP_METRIC_LABELS[name].kind, group.totals[name].mean, group.totals[name].ci95, currency)),
      ]),
    );
    sections.push('## Agent groups', markdownTable(['Variant', 'Group', ...GROUP_KEY_METRICS.map((name) => GROUP_METRIC_LABELS[name].label)], rows, 2));
  }

  if (report.differences.length > 0) {
    const first = report.variants[0]?.variant ?? 'the first variant';
    const rows = report.differences.map((d) => [
      markdownText(d.variant),
      metricLabel(d.metric),
      formatSignedDifference(metricKind(d.metric), d.absolute, currency),
      formatRelative(d.relative),
      formatSignificant(d.significant),
    ]);
    sections.push(
      `## Differences against ${markdownText(first)}`,
      markdownTable(['Variant', 'Metric', 'Difference', 'Relative', 'Significant'], rows, 2),
      'Differences of shares are in percentage points (pp). Significant: at the 5% level across replications ' +
        '(paired, common random numbers); – for analytic figures.',
    );
  }

  const sweep = report.sweep;
  if (sweep !== null) {
    const sweepMetrics = ['serviceLevel', 'asaSeconds', 'abandonedShare', 'attemptsPerCase', 'totalCost', 'costPerResolvedCase'] as const;
    const cheapest = cheapestPointIndex(sweep);
    const rows = sweep.points.map((point, i) => [
      plainNumber(point.value),
      ...sweepMetrics.map((name) =>
        formatEstimate(metricKind(name), point.totals[name].mean, point.totals[name].ci95, currency),
      ),
      i === cheapest ? '**cheapest**' : '',
    ]);
    sections.push(
      `## Sweep of \`${printable(sweep.parameter).replaceAll('`', "'")}\` (${markdownText(sweep.variant)})`,
      markdownTable(['Value', ...sweepMetrics.map(metricLabel), 'Cheapest'], rows, 0),
      `Cheapest: **${markdownText(sweep.parameter)} = ${plainNumber(sweep.cheapest.value)}**, total cost ` +
        `${formatMetricValue('money', sweep.cheapest.totalCost, currency)}.`,
    );
  }

  if (report.plan !== undefined) sections.push(...planSections(report.plan, currency));

  return `${sections.join('\n\n')}\n`;
}

/** `plan`: the shift lines of `--shifts`, then the agents of every interval and group (on the phones, paid, FTEs). */
function planSections(plan: NonNullable<Report['plan']>, currency: string): string[] {
  const sections: string[] = [];
  if (plan.shifts.length > 0) {
    const rows = plan.shifts.map((row) => [
      markdownText(row.variant),
      markdownText(row.group ?? ''),
      markdownText(row.name),
      row.start,
      row.end,
      String(row.agents),
      markdownText(row.breaks),
      markdownText(row.days || 'every day'),
    ]);
    sections.push('## Shifts', markdownTable(['Variant', 'Group', 'Shift', 'Start', 'End', 'Agents', 'Breaks', 'Days'], rows, 3));
  }
  const rows = plan.staffing.map((row) => [markdownText(row.variant), markdownText(row.group ?? ''), ...staffingCells(row, currency)]);
  sections.push(
    '## Agents per interval',
    markdownTable(['Variant', 'Group', ...STAFFING_HEADERS], rows, 4),
    'On the phones: agents answering calls; paid agents: those with shrinkage added; FTE: the interval\'s paid hours over a ' +
      'full-time year\'s hours × the run\'s share of a year, so the rows add up to the run\'s FTEs.',
  );
  const approximations = plan.approximations ?? [];
  if (approximations.length > 0) {
    sections.push(
      '## Where the plan approximates',
      'The simulation (`staffsim run`) is the exact model; these analytic figures approximate it where:',
      ...approximations.map((entry) => [`**${markdownText(entry.variant)}**`, '', ...entry.items.map((item) => `- ${markdownText(item)}`)].join('\n')),
    );
  }
  return sections;
}

function intro(report: Report): string {
  const kind = { run: 'Run', compare: 'Comparison', sweep: 'Sweep', plan: 'Plan' }[report.kind];
  return (
    `${kind} by staffsim ${markdownText(report.staffsimVersion)}. Money in ${markdownText(report.currency)}; ` +
    'counts per replication; ± is the half-width of the 95% confidence interval across replications.'
  );
}

/**
 * A GFM table; the first `textColumns` columns are left-aligned, the rest (numbers) right-aligned.
 * Cells must already be escaped.
 */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], textColumns: number): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, i) => (i < textColumns ? ':--' : '--:'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

/**
 * Text from the scenario made inert in Markdown: folds line breaks into spaces, shows other control characters as
 * escapes (`printable`), and backslash-escapes the characters that start markup, raw HTML or end a table cell.
 * @example markdownText('a|b *c*') // 'a\\|b \\*c\\*'
 */
export function markdownText(text: string): string {
  return printable(text.replace(/[\r\n]+/g, ' ')).replace(/[\\|*_`[\]<>&~#!]/g, (c) => `\\${c}`);
}
