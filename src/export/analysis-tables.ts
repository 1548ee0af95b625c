/**
 * The data tables of the analyses (sensitivity, explain, every variant's sweep) for the CSV and XLSX exports: raw
 * numbers with units in the headers, as `data-tables.ts` does for the other reports. Pure.
 */
import type { SensitivityResult } from '../core/sensitivity/sensitivity-result.js';
import { breakEvenSentence } from '../report/sensitivity.js';
import type { Report } from '../report/report.js';
import type { DataCell, DataTable } from './data-tables.js';

const text = (header: string) => ({ header, format: 'text' as const });
const money = (header: string) => ({ header, format: 'money' as const });
const number = (header: string) => ({ header, format: 'number' as const });

function finite(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** One row per input, in tornado order: range, the difference and each variant's total at low and high, break-even. */
export function sensitivityTable(result: SensitivityResult): DataTable {
  const { variants, currency } = result;
  const pair = variants.length === 2;
  const columns = [
    text('Input'),
    text('Path'),
    text('Variant (empty: both)'),
    text('Unit'),
    number('Scenario value'),
    number('Low'),
    number('High'),
    ...(pair ? [money(`Difference at low (${currency})`), money(`Difference at high (${currency})`), money(`Swing (${currency})`)] : [money(`Swing (${currency})`)]),
    ...variants.flatMap((name) => [money(`${name} at low (${currency})`), money(`${name} at high (${currency})`)]),
    ...(pair ? [number('Break-even'), text('Sentence')] : []),
  ];
  const rows: DataCell[][] = result.rows.map((row) => [
    row.label,
    row.path,
    row.variant ?? '',
    row.unit === 'money' ? currency : row.unit,
    row.base,
    row.low,
    row.high,
    ...(pair ? [finite(row.difference?.atLow), finite(row.difference?.atHigh), finite(row.swing)] : [finite(row.swing)]),
    ...variants.flatMap((_, i) => [finite(row.atLow.totals[i]), finite(row.atHigh.totals[i])]),
    ...(pair ? [finite(row.breakEvens[0]?.value), breakEvenSentence(result, row) ?? ''] : []),
  ]);
  return { columns, rows };
}

/** `compare --explain`: one row per variant and input. */
export function explainTable(report: Report): DataTable | null {
  if (report.explain === undefined || report.explain.length === 0) return null;
  return {
    columns: [text('Variant'), text('Against'), text('Input'), text('Path'), money(`Contribution (${report.currency})`), money(`Difference (${report.currency})`), text('Method')],
    rows: report.explain.flatMap((explanation) =>
      explanation.parts.length === 0
        ? [[explanation.variant, explanation.against, explanation.problem ?? '', '', null, finite(explanation.total), explanation.method]]
        : explanation.parts.map((part) => [explanation.variant, explanation.against, part.label, part.path, finite(part.contribution), finite(explanation.total), explanation.method]),
    ),
  };
}

/** `sweep --all-variants`: one row per value, each variant's total cost. */
export function allVariantsTable(report: Report): DataTable | null {
  const all = report.sweeps;
  if (all === undefined) return null;
  const first = all.curves[0];
  if (first === undefined) return null;
  return {
    columns: [number(first.parameter), ...all.curves.flatMap((curve) => [money(`${curve.variant} total cost (${report.currency})`), money(`${curve.variant} ±95% (${report.currency})`)])],
    rows: first.points.map((point, p) => [point.value, ...all.curves.flatMap((curve) => [finite(curve.points[p]?.totals.totalCost.mean), finite(curve.points[p]?.totals.totalCost.ci95)])]),
  };
}
