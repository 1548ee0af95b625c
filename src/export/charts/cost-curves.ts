import type { AllVariantsSweep } from '../../report/report.js';
import type { ChartSpec } from './render-chart.js';

/**
 * Every variant's total-cost curve over the swept parameter (`sweep --all-variants`), one line per variant, with the
 * crossings marked. Points whose cost is not finite are left out. Pure.
 */
export function costCurvesSpec(all: AllVariantsSweep, currency: string): ChartSpec {
  const parameter = all.curves[0]?.parameter ?? 'value';
  const values = all.curves.flatMap((curve) =>
    curve.points.filter((point) => Number.isFinite(point.totals.totalCost.mean)).map((point) => ({ variant: curve.variant, value: point.value, cost: point.totals.totalCost.mean })),
  );
  const crossings = all.crossings.map((crossing) => ({ value: crossing.value, cost: crossing.cost }));
  return {
    width: 560,
    height: 300,
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'value', type: 'quantitative', title: parameter },
          y: { field: 'cost', type: 'quantitative', title: `Total cost (${currency})`, axis: { format: ',.0f' }, scale: { zero: false } },
          color: { field: 'variant', type: 'nominal', title: 'variant', sort: all.curves.map((curve) => curve.variant) },
        },
      },
      ...(crossings.length === 0
        ? []
        : [{ data: { values: crossings }, mark: { type: 'point', shape: 'diamond', size: 120, filled: true, color: '#1b1b1b' }, encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'cost', type: 'quantitative' } } }]),
    ],
  };
}
