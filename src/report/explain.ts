/**
 * `compare --explain` for people: each variant's difference from the first, split into the inputs that cause it.
 * Pure.
 */
import { printable } from '../core/printable.js';
import type { Explanation } from '../core/sensitivity/explanation.js';
import { formatMoney, formatNumber, renderTable } from './format.js';
import type { Report } from './report.js';

/** The parts of an explanation, largest first (by size, whatever the sign). */
export function partsBySize(explanation: Explanation): Explanation['parts'] {
  return [...explanation.parts].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.path.localeCompare(b.path));
}

function signed(value: number, currency: string): string {
  if (!Number.isFinite(value)) return '–';
  const text = formatMoney(Math.abs(value), currency);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** The text printed after the comparison table. */
export function explainText(explanations: readonly Explanation[], report: Pick<Report, 'currency' | 'variants' | 'differences'>): string {
  const currency = report.currency;
  const lines = [
    'What drives each difference (analytic: Shapley values over the inputs that differ from the first variant — each ' +
      'part is what switching that input changes, averaged over every order of switching them, so the parts add up to the difference):',
  ];
  for (const explanation of explanations) {
    const simulated = report.differences.find((d) => d.variant === explanation.variant && d.metric === 'totalCost');
    const shown = report.variants.some((v) => v.source === 'simulation') && simulated !== undefined ? ` (simulated above: ${signed(simulated.absolute, currency)})` : '';
    lines.push('', printable(`${explanation.variant} − ${explanation.against}: ${signed(explanation.total, currency)} analytic${shown}`));
    if (explanation.method === 'none') {
      lines.push(printable(`  not split: ${explanation.problem ?? 'no inputs differ'}`));
      continue;
    }
    if (explanation.parts.length === 0) {
      lines.push('  no input differs (the analytic totals are the same)');
      continue;
    }
    const sampled = explanation.method === 'sampled';
    const rows = partsBySize(explanation).map((part) => [
      part.label,
      part.path,
      signed(part.contribution, currency),
      ...(sampled ? [part.standardError === undefined ? '' : `±${formatNumber(1.96 * part.standardError, 0)}`] : []),
    ]);
    const table = renderTable(
      [{ header: 'input', align: 'left' }, { header: 'scenario path', align: 'left' }, { header: 'contribution' }, ...(sampled ? [{ header: '±95%' }] : [])],
      rows,
    );
    lines.push(...table.split('\n').map((line) => `  ${line}`));
    if (explanation.method === 'sampled') lines.push(`  (estimated from random orders of the ${explanation.parts.length} inputs, fixed seed)`);
  }
  return lines.join('\n');
}
