/**
 * Where cost curves over the same parameter cross: for every pair of curves, each place between two neighbouring
 * points where their difference changes sign, with the crossing interpolated linearly between the two points (or
 * the point itself where the two are equal). A point where either curve is not finite (unstable, infeasible) ends a
 * stretch: no crossing is ever reported across it.
 */

export interface CurveCrossing {
  /** The two curves, by index (first < second). */
  readonly first: number;
  readonly second: number;
  /** The parameter value of the crossing, and the interpolated cost there. */
  readonly value: number;
  readonly cost: number;
  /** Which curve is cheaper just after the crossing (higher parameter values), or null where they coincide on. */
  readonly cheaperAfter: number | null;
}

/**
 * @param xs the parameter values, increasing
 * @param curves one cost per value for each curve
 * @example curveCrossings([0, 1], [[0, 2], [1, 1]]) // [{ first: 0, second: 1, value: 0.5, cost: 1, cheaperAfter: 1 }]
 */
export function curveCrossings(xs: readonly number[], curves: readonly (readonly number[])[]): CurveCrossing[] {
  const crossings: CurveCrossing[] = [];
  for (let i = 0; i < curves.length; i++) {
    for (let j = i + 1; j < curves.length; j++) {
      const a = curves[i] as readonly number[];
      const b = curves[j] as readonly number[];
      const d = xs.map((_, k) => (b[k] as number) - (a[k] as number));
      const after = (k: number): number | null => {
        for (let m = k; m < xs.length; m++) {
          const value = d[m] as number;
          if (!Number.isFinite(value)) return null;
          if (value !== 0) return value < 0 ? j : i;
        }
        return null;
      };
      for (let k = 0; k < xs.length; k++) {
        const here = d[k] as number;
        if (!Number.isFinite(here)) continue;
        if (here === 0) {
          const before = k > 0 ? (d[k - 1] as number) : Number.NaN;
          // a touching point counts once: where the curves come together from a finite, non-zero difference
          if (k === 0 || !Number.isFinite(before) || before !== 0) {
            crossings.push({ first: i, second: j, value: xs[k] as number, cost: a[k] as number, cheaperAfter: after(k + 1) });
          }
          continue;
        }
        if (k + 1 >= xs.length) continue;
        const next = d[k + 1] as number;
        if (!Number.isFinite(next) || next === 0 || Math.sign(next) === Math.sign(here)) continue;
        const t = here / (here - next);
        const x0 = xs[k] as number;
        const x1 = xs[k + 1] as number;
        const value = x0 + t * (x1 - x0);
        const cost = (a[k] as number) + t * ((a[k + 1] as number) - (a[k] as number));
        crossings.push({ first: i, second: j, value, cost, cheaperAfter: next < 0 ? j : i });
      }
    }
  }
  return crossings.sort((x, y) => x.value - y.value || x.first - y.first || x.second - y.second);
}
