import type { Explanation } from '../../core/sensitivity/explanation.js';
import type { ChartSpec } from './render-chart.js';

/**
 * The waterfall of `compare --explain` (Vega-Lite): from the first variant's total (0 on this axis) each input's
 * contribution as a floating bar, largest first, ending at the variant's difference. Pure.
 */
export function waterfallSpec(explanation: Explanation, currency: string): ChartSpec {
  const parts = [...explanation.parts].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  let running = 0;
  const values = parts.map((part, order) => {
    const start = running;
    running += part.contribution;
    return { step: part.label, order, start, end: running, kind: part.contribution < 0 ? 'saves' : 'costs' };
  });
  values.push({ step: `difference ${explanation.variant} − ${explanation.against}`, order: parts.length, start: 0, end: explanation.total, kind: 'difference' });
  return {
    width: 560,
    height: Math.max(60, values.length * 24),
    data: { values },
    mark: { type: 'bar', height: 16 },
    encoding: {
      y: { field: 'step', type: 'nominal', sort: { field: 'order', order: 'ascending' }, title: null, axis: { labelLimit: 400 } },
      x: { field: 'start', type: 'quantitative', title: `Change in total cost against ${explanation.against} (${currency})`, axis: { format: ',.0f' } },
      x2: { field: 'end' },
      color: { field: 'kind', type: 'nominal', title: null, scale: { domain: ['saves', 'costs', 'difference'], range: ['#009E73', '#D55E00', '#1b1b1b'] } },
    },
  };
}
