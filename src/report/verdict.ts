/**
 * The answer of a report in words, for the first paragraph of the HTML page: which variant is cheapest per resolved
 * case and per year, by how much, with its 95% interval, and — when a sensitivity analysis was run — the assumption
 * the answer depends on most. Pure.
 */
import type { SensitivityResult } from '../core/sensitivity/sensitivity-result.js';
import { formatMoney, formatNumber, formatPercent } from './format.js';
import { breakEvenSentence } from './sensitivity.js';
import type { Report, VariantResult } from './report.js';

/** The paired 95% half-width of b − a in a metric (NaN when unknown), from the replications the caller kept. */
export type DifferenceInterval = (a: number, b: number, metric: 'costPerResolvedCase' | 'totalCost') => number;

const money = (value: number, currency: string): string => formatMoney(value, currency);

/** A variant's total cost for a year: its own total for a run of a year or more, else the annualised estimate. */
export function yearlyCost(variant: VariantResult): { value: number; estimated: boolean; factor: number } {
  const annualised = variant.budget?.annualised;
  if (annualised === undefined) return { value: variant.totals.totalCost.mean, estimated: false, factor: 1 };
  return { value: annualised.totals['totalCost']?.mean ?? Number.NaN, estimated: true, factor: annualised.factor };
}

function plusMinus(halfWidth: number, currency: string): string {
  return Number.isFinite(halfWidth) && halfWidth > 0 ? ` ± ${money(halfWidth, currency)}` : '';
}

/** Indices of the variants from cheapest to dearest by `value` (non-finite last). */
function ranking(variants: readonly VariantResult[], value: (v: VariantResult) => number): number[] {
  return variants
    .map((variant, i) => ({ i, x: value(variant) }))
    .sort((a, b) => (Number.isFinite(a.x) ? a.x : Infinity) - (Number.isFinite(b.x) ? b.x : Infinity))
    .map((entry) => entry.i);
}

/**
 * The verdict of a report with its sentences.
 * @param interval the 95% half-width of a difference between two variants, when simulated (paired by replication)
 * @param sensitivity the sensitivity of the cheapest against the runner-up, with what it was based on
 */
export function verdictOf(
  report: Report,
  interval: DifferenceInterval | null,
  sensitivity: { readonly result: SensitivityResult; readonly basis: string } | { readonly result: null; readonly basis: string } | null,
): { sentences: string[]; basis?: string } {
  const currency = report.currency;
  const variants = report.variants;
  const sentences: string[] = [];
  if (report.sweep !== null) {
    const sweep = report.sweep;
    sentences.push(`${sweep.variant} costs least at ${sweep.parameter} = ${formatNumber(sweep.cheapest.value, Number.isInteger(sweep.cheapest.value) ? 0 : 2)}: ${money(sweep.cheapest.totalCost, currency)}${periodOf(variants[0])}.`);
  }
  if (variants.length === 0) return { sentences };
  const simulated = variants.some((v) => v.source === 'simulation');
  if (variants.length === 1) {
    const v = variants[0] as VariantResult;
    const year = yearlyCost(v);
    sentences.push(
      `${v.variant} costs ${money(v.totals.totalCost.mean, currency)}${plusMinus(v.totals.totalCost.ci95, currency)}${periodOf(v)}` +
        (year.estimated ? ` — about ${money(year.value, currency)} a year (estimated from its open days)` : '') +
        `, ${money(v.totals.costPerResolvedCase.mean, currency)} per resolved case, with ${formatNumber(v.budget?.fte.mean ?? Number.NaN, 1)} FTE and ${formatPercent(v.totals.serviceLevel.mean)} service level.`,
    );
    return { sentences };
  }
  const perCase = ranking(variants, (v) => v.totals.costPerResolvedCase.mean);
  const best = variants[perCase[0] as number] as VariantResult;
  const next = variants[perCase[1] as number] as VariantResult;
  const perCaseGap = next.totals.costPerResolvedCase.mean - best.totals.costPerResolvedCase.mean;
  const perCaseInterval = interval?.(perCase[1] as number, perCase[0] as number, 'costPerResolvedCase') ?? Number.NaN;
  sentences.push(
    `${best.variant} is the cheapest per resolved case: ${money(best.totals.costPerResolvedCase.mean, currency)}, ` +
      `${money(perCaseGap, currency)}${plusMinus(perCaseInterval, currency)} (${formatPercent(perCaseGap / next.totals.costPerResolvedCase.mean)}) less than ${next.variant}` +
      `${simulated ? (Number.isFinite(perCaseInterval) ? ' (95% interval, paired by replication)' : '') : ' (analytic)'}.`,
  );
  const perYear = ranking(variants, (v) => yearlyCost(v).value);
  const cheap = variants[perYear[0] as number] as VariantResult;
  const dear = variants[perYear[1] as number] as VariantResult;
  const cheapYear = yearlyCost(cheap);
  const gap = yearlyCost(dear).value - cheapYear.value;
  const gapInterval = (interval?.(perYear[1] as number, perYear[0] as number, 'totalCost') ?? Number.NaN) * cheapYear.factor;
  sentences.push(
    `A year of ${cheap.variant} costs ${money(cheapYear.value, currency)}${cheapYear.estimated ? ' (estimated from the run’s open days)' : ''}, ` +
      `${money(gap, currency)}${plusMinus(gapInterval, currency)} less than ${dear.variant}, with ${formatNumber(cheap.budget?.fte.mean ?? Number.NaN, 1)} FTE against ${formatNumber(dear.budget?.fte.mean ?? Number.NaN, 1)}.`,
  );
  if (sensitivity === null) return { sentences };
  if (sensitivity.result === null) return { sentences, basis: sensitivity.basis };
  const top = sensitivity.result.rows[0];
  if (top !== undefined) {
    const turn = breakEvenSentence(sensitivity.result, top);
    sentences.push(`The difference depends most on ${top.phrase}${turn === null ? '; it does not turn over its range' : `: ${turn.charAt(0).toLowerCase()}${turn.slice(1).replace(/\.$/, '')}`}.`);
  }
  return { sentences, basis: sensitivity.basis };
}

function periodOf(variant: VariantResult | undefined): string {
  return variant?.budget === undefined ? '' : ` over ${variant.budget.period.text}`;
}
