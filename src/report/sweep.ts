import { InfeasibleError } from '../core/errors.js';
import { GROUP_METRIC_NAMES, METRIC_NAMES, type MetricEstimate } from '../core/metrics.js';
import type { GroupMetricEstimates, MetricEstimates, SweepResult, VariantResult } from './report.js';

/**
 * The points of a sweep and its cheapest feasible point (lowest mean total cost). A null result is a value
 * that no staffing could meet; its totals are undefined (NaN).
 *
 * @throws InfeasibleError when no point is feasible
 */
export function sweepResult(
  parameter: string,
  variant: string,
  values: readonly number[],
  results: readonly (VariantResult | null)[],
): SweepResult {
  const points = values.map((value, i) => ({ value, totals: results[i]?.totals ?? undefinedTotals() }));
  let cheapest: { value: number; totalCost: number } | null = null;
  for (const point of points) {
    const cost = point.totals.totalCost.mean;
    if (Number.isFinite(cost) && (cheapest === null || cost < cheapest.totalCost)) cheapest = { value: point.value, totalCost: cost };
  }
  if (cheapest === null) {
    const unbounded = points.some((point) => point.totals.totalCost.mean === Number.POSITIVE_INFINITY);
    throw new InfeasibleError(
      unbounded
        ? `no value of ${parameter} in the range gives a finite total cost: every plan is unstable (a queue or a task backlog that grows without end) or cannot meet its target`
        : `no value of ${parameter} in the range can be staffed to its target`,
    );
  }
  return { parameter, variant, points, cheapest };
}

/** Every metric undefined (NaN): the totals of a point that no staffing could meet. */
export function undefinedTotals(): MetricEstimates {
  return undefinedEstimates(METRIC_NAMES) as MetricEstimates;
}

/** Every group metric undefined (NaN): a group's totals at such a point. */
export function undefinedGroupTotals(): GroupMetricEstimates {
  return undefinedEstimates(GROUP_METRIC_NAMES);
}

function undefinedEstimates<Name extends string>(names: readonly Name[]): Record<Name, MetricEstimate> {
  const out = {} as Record<Name, MetricEstimate>;
  for (const name of names) out[name] = { mean: Number.NaN, ci95: Number.NaN };
  return out;
}
