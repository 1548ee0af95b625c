/**
 * The exports of `staffsim sensitivity`: CSV and XLSX (a Sensitivity sheet: one row per input), Markdown, and HTML
 * with the tornado chart. JSON is `sensitivityJson`.
 */
import type { SensitivityResult } from '../core/sensitivity/sensitivity-result.js';
import { breakEvenSentence, formatInputValue, summarySentence } from '../report/sensitivity.js';
import { formatMoney } from '../report/format.js';
import { sensitivityHtml } from './analysis-html.js';
import { sensitivityTable } from './analysis-tables.js';
import { tableToCsv } from './csv.js';
import { markdownText } from './markdown.js';
import { tablesToXlsx } from './xlsx.js';

export function sensitivityToCsv(result: SensitivityResult): string {
  return tableToCsv(sensitivityTable(result));
}

/** The workbook: a Sensitivity sheet (frozen header, real numbers). */
export async function sensitivityToXlsx(result: SensitivityResult): Promise<Uint8Array> {
  return tablesToXlsx([['Sensitivity', sensitivityTable(result)]]);
}

export async function sensitivityToHtml(result: SensitivityResult, version: string): Promise<string> {
  return sensitivityHtml(result, version);
}

export function sensitivityToMarkdown(result: SensitivityResult): string {
  const pair = result.variants.length === 2;
  const currency = result.currency;
  const cell = (text: string): string => markdownText(text);
  const money = (value: number | undefined): string => formatMoney(value ?? Number.NaN, currency);
  const header = ['Input', 'Low … high', 'Scenario', ...(pair ? ['Difference at low', 'Difference at high', 'Break-even'] : ['Total at low', 'Total at high'])];
  const rows = result.rows.map((row) => [
    cell(row.label),
    cell(`${formatInputValue(row.low, row.unit, currency)} … ${formatInputValue(row.high, row.unit, currency)}`),
    cell(formatInputValue(row.base, row.unit, currency)),
    ...(pair
      ? [cell(money(row.difference?.atLow)), cell(money(row.difference?.atHigh)), cell(row.breakEvens.map((b) => formatInputValue(b.value, row.unit, currency)).join(', ') || 'none')]
      : [cell(money(row.atLow.totals[0])), cell(money(row.atHigh.totals[0]))]),
  ]);
  const title = pair ? `${result.scenario} — what the difference ${result.variants[1]} − ${result.variants[0]} depends on` : `${result.scenario} — what the total cost of ${result.variants[0]} depends on`;
  const sentences = [...result.rows.map((row) => breakEvenSentence(result, row)).filter((s): s is string => s !== null), summarySentence(result)].filter((s) => s !== '');
  return [
    `# ${cell(title)}`,
    '',
    `${result.source === 'simulation' ? 'Simulated' : 'Analytic'}; inputs moved by ±${Math.round(result.range * 100)}% unless the scenario's assumptions give a range.`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    ...sentences.map((s) => `- ${cell(s)}`),
    '',
  ].join('\n');
}
