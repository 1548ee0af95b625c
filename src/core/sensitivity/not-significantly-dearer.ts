import { studentTQuantile } from '../sim/student-t.js';

/**
 * The cheapest of several simulated points, and every point that is not significantly dearer than it: for each
 * point, the difference to the cheapest is paired replication by replication (every point was simulated with the
 * same seed, so replication r of each saw the same arrivals: common random numbers), and the point counts as dearer
 * only when the whole 95% Student-t interval of the mean paired difference lies above 0. Without a correction for
 * the number of points, so the set is, if anything, too small rather than too large; a point whose cost is not finite
 * is never in it.
 */

export interface CheapestSet {
  /** Index of the point with the lowest mean cost. */
  readonly cheapest: number;
  /** Indices of the points not significantly dearer than the cheapest (the cheapest included), in order. */
  readonly notSignificantlyDearer: readonly number[];
  /** Per point: mean paired difference to the cheapest and its 95% half-width (0 and 0 for the cheapest; NaN where not finite). */
  readonly differences: readonly { readonly mean: number; readonly ci95: number }[];
}

/**
 * @param costs per point, the cost of each replication (the same number of replications for every point, ≥ 2)
 * @returns null when no point has a finite mean cost
 * @example cheapestSet([[10, 12, 11], [10.5, 11.5, 11.2], [20, 21, 22]]).notSignificantlyDearer // [0, 1]
 */
export function cheapestSet(costs: readonly (readonly number[])[]): CheapestSet | null {
  const means = costs.map((runs) => (runs.length === 0 ? Number.NaN : runs.reduce((sum, value) => sum + value, 0) / runs.length));
  let cheapest = -1;
  means.forEach((mean, i) => {
    if (Number.isFinite(mean) && (cheapest < 0 || mean < (means[cheapest] as number))) cheapest = i;
  });
  if (cheapest < 0) return null;
  const best = costs[cheapest] as readonly number[];
  const differences = costs.map((runs, i) => {
    if (i === cheapest) return { mean: 0, ci95: 0 };
    if (!Number.isFinite(means[i] as number) || runs.length !== best.length) return { mean: Number.NaN, ci95: Number.NaN };
    const paired = runs.map((value, r) => value - (best[r] as number));
    const n = paired.length;
    const mean = paired.reduce((sum, value) => sum + value, 0) / n;
    if (n < 2) return { mean, ci95: Number.NaN };
    let squares = 0;
    for (const value of paired) squares += (value - mean) ** 2;
    const standardError = Math.sqrt(squares / (n - 1) / n);
    return { mean, ci95: studentTQuantile(0.975, n - 1) * standardError };
  });
  const notSignificantlyDearer = differences
    .map((difference, i) => ({ difference, i }))
    .filter(({ difference, i }) => i === cheapest || (Number.isFinite(difference.mean) && !(difference.mean - difference.ci95 > 0)))
    .map(({ i }) => i);
  return { cheapest, notSignificantlyDearer, differences };
}
