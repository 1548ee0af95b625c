import type { SensitivityResult } from '../../core/sensitivity/sensitivity-result.js';
import type { ChartSpec } from './render-chart.js';

/**
 * The tornado chart of a sensitivity analysis (Vega-Lite): one bar per input, from the charted quantity (the cost
 * difference of the two variants, or the one variant's total) at the input's low value to its value at the high
 * one, largest swing at the top; a rule at the scenario's value and one at 0 (the break-even line). Inputs whose value
 * is not finite at an end (unstable, infeasible) are left out and named in the caption. Pure.
 */
export function tornadoSpec(result: SensitivityResult, options: { maxInputs?: number } = {}): ChartSpec {
  const pair = result.variants.length === 2;
  const charted = (totals: readonly number[]): number => (pair ? (totals[1] as number) - (totals[0] as number) : (totals[0] as number));
  const atBase = charted(result.atBase.totals);
  const rows = result.rows
    .filter((row) => Number.isFinite(charted(row.atLow.totals)) && Number.isFinite(charted(row.atHigh.totals)))
    .slice(0, options.maxInputs ?? 20);
  const values = rows.flatMap((row, order) => [
    { input: row.label, order, end: 'low', value: charted(row.atLow.totals), base: atBase },
    { input: row.label, order, end: 'high', value: charted(row.atHigh.totals), base: atBase },
  ]);
  const title = pair ? `Cost difference ${result.variants[1]} − ${result.variants[0]} (${result.currency})` : `Total cost of ${result.variants[0]} (${result.currency})`;
  return {
    width: 560,
    height: Math.max(60, rows.length * 22),
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: 14 },
        encoding: {
          y: { field: 'input', type: 'nominal', sort: { field: 'order', order: 'ascending' }, title: null, axis: { labelLimit: 400 } },
          x: { field: 'value', type: 'quantitative', title, axis: { format: ',.0f' } },
          x2: { field: 'base' },
          color: { field: 'end', type: 'nominal', title: 'input at', scale: { domain: ['low', 'high'], range: ['#0072B2', '#D55E00'] } },
        },
      },
      { mark: { type: 'rule', color: '#1b1b1b' }, encoding: { x: { datum: atBase } } },
      ...(pair ? [{ mark: { type: 'rule', color: '#5a5a5a', strokeDash: [4, 3] }, encoding: { x: { datum: 0 } } }] : []),
    ],
  };
}
