/**
 * A root of a function of one variable inside a bracket, by Brent's method (R. P. Brent, *Algorithms for
 * Minimization without Derivatives*, 1973, ch. 4; the `zeroin` routine of netlib): inverse quadratic interpolation
 * or the secant step where they make progress, bisection where they do not. It keeps a bracket [a, b] with f(a) and
 * f(b) of opposite signs all the way, so it converges on any function that is continuous in the bracket, in at most
 * about (log2 of the bracket / tolerance)² evaluations and usually in a handful; a linear function takes one step.
 *
 * On a function with a jump across zero (a plan whose solved staffing steps by a whole agent), it converges to the
 * jump: `bracket` then ends with values of opposite signs that do not approach zero, which the caller can tell apart
 * from a true root by `fAtBracket`.
 */

export interface BrentOptions {
  /** Stop when the bracket is narrower than relativeTolerance × |x| + absoluteTolerance. Default 1e-10 and 0. */
  readonly relativeTolerance?: number;
  readonly absoluteTolerance?: number;
  /** At most this many evaluations of f (beyond the two given). Default 200. */
  readonly maxEvaluations?: number;
}

export interface BrentResult {
  /** The root estimate: the end of the final bracket with the smaller |f|. */
  readonly x: number;
  readonly fx: number;
  /** The final bracket, ordered (low ≤ high), and f there; f has opposite signs (or a zero) at its ends. */
  readonly bracket: readonly [number, number];
  readonly fAtBracket: readonly [number, number];
  /** Evaluations of f made here (the two given values not counted). */
  readonly evaluations: number;
  /** False when maxEvaluations ran out before the tolerance was met. */
  readonly converged: boolean;
}

/** Double-precision machine epsilon. */
const EPSILON = 2.220446049250313e-16;

/**
 * Brent's method on [a, b], given f(a) and f(b) (of opposite signs, or one of them zero).
 *
 * @param f a function that is finite inside the bracket
 * @throws RangeError when f(a) and f(b) have the same sign or are not finite, or a tolerance is negative
 * @example brentRoot((x) => x * x - 2, 0, 2, -2, 2).x // 1.4142135623…
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, fa: number, fb: number, options: BrentOptions = {}): BrentResult {
  const relativeTolerance = options.relativeTolerance ?? 1e-10;
  const absoluteTolerance = options.absoluteTolerance ?? 0;
  const maxEvaluations = options.maxEvaluations ?? 200;
  if (!(relativeTolerance >= 0) || !(absoluteTolerance >= 0)) throw new RangeError('tolerances must be ≥ 0');
  if (!Number.isFinite(fa) || !Number.isFinite(fb)) throw new RangeError(`f must be finite at both ends of the bracket (got ${fa} and ${fb})`);
  if (fa * fb > 0) throw new RangeError(`f must change sign over the bracket (got ${fa} at ${a} and ${fb} at ${b})`);
  const done = (x: number, fx: number, other: number, fOther: number, evaluations: number, converged: boolean): BrentResult => {
    const [low, high] = x <= other ? [x, other] : [other, x];
    const [fLow, fHigh] = x <= other ? [fx, fOther] : [fOther, fx];
    return { x, fx, bracket: [low, high], fAtBracket: [fLow, fHigh], evaluations, converged };
  };
  if (fa === 0) return done(a, fa, b, fb, 0, true);
  if (fb === 0) return done(b, fb, a, fa, 0, true);

  // zeroin: b is the best estimate, a the previous one, c the other end of the bracket [b, c].
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  let evaluations = 0;
  for (;;) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * EPSILON * Math.abs(b) + 0.5 * (relativeTolerance * Math.abs(b) + absoluteTolerance);
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tolerance || fb === 0) return done(b, fb, c, fc, evaluations, true);
    if (evaluations >= maxEvaluations) return done(b, fb, c, fc, evaluations, false);
    if (Math.abs(e) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: the secant step with two points, inverse quadratic with three.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * half * q - Math.abs(tolerance * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tolerance ? d : half > 0 ? tolerance : -tolerance;
    fb = f(b);
    evaluations += 1;
    if (!Number.isFinite(fb)) throw new RangeError(`f is not finite at ${b}, inside the bracket`);
  }
}
