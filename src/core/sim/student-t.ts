import { gammaln } from 'simple-statistics';
import { regularizedGammaQ } from '../queueing/special-functions.js';

/**
 * Quantiles of Student's t distribution, for confidence intervals across replications (simple-statistics has the
 * log-gamma function but no inverse t).
 *
 * Method: the t CDF is written with the regularized incomplete beta function,
 * F(t; ν) = 1 − ½ · I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, evaluated with the continued fraction of Numerical Recipes §6.4
 * (modified Lentz), and inverted by bisection to full double precision. For ν > 10⁴ (where the log-gamma
 * differences lose digits) the Cornish–Fisher expansion around the normal quantile is used instead; its truncation
 * error there is below 10⁻¹⁵. The normal quantile inverts Φ(z) = ½ + ½ · P(½, z²/2) (regularized lower incomplete
 * gamma, series and continued fraction) by bisection.
 *
 * @param probability in (0, 1)
 * @param degreesOfFreedom ν > 0 (may be `Infinity` for the normal distribution)
 * @returns t with P(T ≤ t) = probability
 * @throws RangeError for a probability outside (0, 1) or ν ≤ 0
 * @example studentTQuantile(0.975, 1)  // 12.706204736…
 * @example studentTQuantile(0.975, 19) // 2.093024054…
 */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  if (!(probability > 0 && probability < 1)) throw new RangeError(`probability must be in (0, 1) (got ${probability})`);
  if (!(degreesOfFreedom > 0)) throw new RangeError(`degrees of freedom must be > 0 (got ${degreesOfFreedom})`);
  // A summary asks for the same quantile once per metric and interval (0.975 at n − 1): each is computed once, and
  // the last one is at hand without a lookup.
  if (probability === last.probability && degreesOfFreedom === last.degreesOfFreedom) return last.quantile;
  const key = `${probability} ${degreesOfFreedom}`;
  const known = recentQuantiles.get(key);
  const quantile = known ?? computeStudentTQuantile(probability, degreesOfFreedom);
  if (known === undefined) {
    if (recentQuantiles.size >= RECENT_QUANTILES) recentQuantiles.clear();
    recentQuantiles.set(key, quantile);
  }
  last.probability = probability;
  last.degreesOfFreedom = degreesOfFreedom;
  last.quantile = quantile;
  return quantile;
}

/** The quantile asked for last. */
const last = { probability: Number.NaN, degreesOfFreedom: Number.NaN, quantile: Number.NaN };

/** Quantiles computed so far, by probability and degrees of freedom (at most `RECENT_QUANTILES`, then started again). */
const recentQuantiles = new Map<string, number>();
const RECENT_QUANTILES = 1024;

function computeStudentTQuantile(probability: number, degreesOfFreedom: number): number {
  if (probability < 0.5) return -studentTQuantile(1 - probability, degreesOfFreedom);
  if (probability === 0.5) return 0;
  if (degreesOfFreedom > 1e4) {
    const z = normalQuantile(probability);
    const v = degreesOfFreedom;
    const z2 = z * z;
    const g1 = (z2 * z + z) / 4;
    const g2 = (5 * z2 * z2 * z + 16 * z2 * z + 3 * z) / 96;
    const g3 = (3 * z2 * z2 * z2 * z + 19 * z2 * z2 * z + 17 * z2 * z - 15 * z) / 384;
    return z + g1 / v + g2 / (v * v) + g3 / (v * v * v);
  }
  // Bracket, then bisect on the upper tail 1 − F(t) = ½ I_{ν/(ν+t²)}(ν/2, ½).
  const tail = 1 - probability;
  let low = 0;
  let high = 1;
  while (studentTUpperTail(high, degreesOfFreedom) > tail) {
    low = high;
    high *= 2;
    if (high > 1e300) return Infinity;
  }
  for (let i = 0; i < 2000 && high - low > 1e-15 * high; i++) {
    const mid = (low + high) / 2;
    if (studentTUpperTail(mid, degreesOfFreedom) > tail) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** P(T > t) for t ≥ 0 and ν degrees of freedom. */
export function studentTUpperTail(t: number, degreesOfFreedom: number): number {
  const t2 = t * t;
  const x = degreesOfFreedom / (degreesOfFreedom + t2);
  const oneMinusX = t2 / (degreesOfFreedom + t2);
  return 0.5 * regularizedBeta(x, oneMinusX, degreesOfFreedom / 2, 0.5);
}

/**
 * The regularized incomplete beta function I_x(a, b), given x and 1 − x separately (so that x close to 1 keeps its
 * digits). Numerical Recipes' continued fraction, using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where it converges
 * faster.
 */
export function regularizedBeta(x: number, oneMinusX: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (oneMinusX <= 0) return 1;
  const logFront =
    gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log1p(-oneMinusX) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(oneMinusX, b, a)) / b;
}

/** Standard normal quantile (bisection on Φ; full double precision). */
export function normalQuantile(probability: number): number {
  if (!(probability > 0 && probability < 1)) throw new RangeError(`probability must be in (0, 1) (got ${probability})`);
  if (probability < 0.5) return -normalQuantile(1 - probability);
  if (probability === 0.5) return 0;
  const tail = 1 - probability;
  let low = 0;
  let high = 40;
  for (let i = 0; i < 2000 && high - low > 1e-15 * high; i++) {
    const mid = (low + high) / 2;
    if (normalUpperTail(mid) > tail) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** P(Z > z) for z ≥ 0: ½ · Q(½, z²/2), Q the regularized upper incomplete gamma. */
export function normalUpperTail(z: number): number {
  return 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
}

const TINY = 1e-300;

function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}
