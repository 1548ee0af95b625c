/**
 * Special functions for the queueing core: log-gamma, digamma, the regularized incomplete gamma
 * functions, erf/erfc and the standard normal CDF.
 *
 * Everything is written for double precision (about 1e-15 relative) without tables:
 * - log-gamma and digamma shift their argument up to ≥ 10 with the recurrences Γ(x+1) = xΓ(x) and
 *   ψ(x+1) = ψ(x) + 1/x, then use the asymptotic (Stirling / de Moivre) series, whose first omitted term
 *   is below 1e-16 at 10;
 * - the incomplete gamma function uses the power series below a + 1 and the Lentz continued fraction
 *   above (Numerical Recipes §6.2), so neither has to fight cancellation;
 * - erf, erfc and the normal CDF are the incomplete gamma function with a = ½, so they share its accuracy
 *   far into the tails (erfc(10) ≈ 2.1e-45 is returned with full relative precision).
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
/** Below this argument log-gamma and digamma shift upwards before using their asymptotic series. */
const ASYMPTOTIC_FROM = 10;
const RELATIVE_EPSILON = 1e-16;
/** Smallest magnitude the Lentz algorithm lets a denominator take (avoids division by zero). */
const TINY = 1e-300;

/**
 * Stirling's correction c(w) = lnΓ(w) − [(w − ½)·ln w − w + ½·ln 2π], by its asymptotic series.
 * Accurate to about 3e-17 absolute for w ≥ 10 (the first omitted term is 3617/(122400·w¹⁵)).
 *
 * @param w argument; ≥ 10 for full accuracy
 * @example stirlingCorrection(10) // ≈ 0.008330563433362871
 */
export function stirlingCorrection(w: number): number {
  const inv = 1 / w;
  const inv2 = inv * inv;
  return (
    inv *
    (1 / 12 +
      inv2 *
        (-1 / 360 +
          inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 * (1 / 156)))))))
  );
}

/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0.
 *
 * @param x argument; > 0
 * @returns ln Γ(x); ln Γ(1) = ln Γ(2) = 0
 * @throws RangeError when x is not a positive number
 * @example logGamma(10) // ≈ 12.801827480081469 (= ln 9!)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0 (got ${x})`);
  if (x === Infinity) return Infinity;
  let shift = 0;
  let w = x;
  // Γ(x) = Γ(x + n) / (x (x+1) … (x+n−1)); the product has at most 10 factors, each ≥ x.
  let product = 1;
  while (w < ASYMPTOTIC_FROM) {
    product *= w;
    w += 1;
    shift += 1;
  }
  const asymptotic = (w - 0.5) * Math.log(w) - w + HALF_LOG_TWO_PI + stirlingCorrection(w);
  return shift === 0 ? asymptotic : asymptotic - Math.log(product);
}

/**
 * The asymptotic part of the digamma function: ψ(w) − ln w, accurate to about 4e-17 for w ≥ 10.
 *
 * @example digammaMinusLog(10) // ≈ −0.05083250913172843
 */
export function digammaMinusLog(w: number): number {
  const inv = 1 / w;
  const inv2 = inv * inv;
  return (
    -0.5 * inv -
    inv2 *
      (1 / 12 -
        inv2 *
          (1 / 120 -
            inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 * (1 / 12)))))))
  );
}

/**
 * The digamma function ψ(x) = d/dx ln Γ(x), for x > 0.
 *
 * @param x argument; > 0
 * @throws RangeError when x is not a positive number
 * @example digamma(1) // ≈ −0.5772156649015329 (minus the Euler–Mascheroni constant)
 */
export function digamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`digamma needs x > 0 (got ${x})`);
  let w = x;
  let shift = 0;
  while (w < ASYMPTOTIC_FROM) {
    shift += 1 / w;
    w += 1;
  }
  return Math.log(w) + digammaMinusLog(w) - shift;
}

/**
 * f(t) = t·ln t − t + 1 (≥ 0, zero at t = 1), without cancellation near t = 1.
 * Near 1 it uses f(1+d) = Σ_{n≥2} (−1)ⁿ dⁿ / (n(n−1)).
 *
 * @param t argument; ≥ 0
 * @example entropyTerm(1) // 0
 * @example entropyTerm(2) // ≈ 0.3862943611198906 (= 2 ln 2 − 1)
 */
export function entropyTerm(t: number): number {
  const d = t - 1;
  if (Math.abs(d) >= 0.3) return t === 0 ? 1 : t * Math.log(t) - d;
  let power = d * d;
  let sum = 0;
  for (let n = 2; n < 60; n += 1) {
    const term = power / (n * (n - 1));
    sum += n % 2 === 0 ? term : -term;
    if (Math.abs(term) <= 1e-18 * Math.abs(sum)) break;
    power *= d;
  }
  return sum;
}

/** Continued-fraction and series iterations allowed before giving up (large a needs about 10·√a). */
function maxIterationsFor(a: number): number {
  return 1000 + Math.ceil(20 * Math.sqrt(a));
}

/** ln of the common prefactor xᵃ e^{−x} / Γ(a). */
function logPrefactor(a: number, x: number): number {
  return a * Math.log(x) - x - logGamma(a);
}

/** P(a, x) by the series e^{−x} xᵃ Σ xⁿ / Γ(a+n+1), used for x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let denominator = a;
  let term = 1 / a;
  let sum = term;
  const limit = maxIterationsFor(a);
  for (let n = 1; n < limit; n += 1) {
    denominator += 1;
    term *= x / denominator;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * RELATIVE_EPSILON) break;
  }
  return sum * Math.exp(logPrefactor(a, x));
}

/** Q(a, x) by the Lentz continued fraction, used for x ≥ a + 1. */
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  const limit = maxIterationsFor(a);
  for (let i = 1; i < limit; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < RELATIVE_EPSILON) break;
  }
  return Math.exp(logPrefactor(a, x)) * h;
}

function checkIncompleteGammaArguments(name: string, a: number, x: number): void {
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`${name} needs a finite shape a > 0 (got ${a})`);
  if (!(x >= 0)) throw new RangeError(`${name} needs x ≥ 0 (got ${x})`);
}

/**
 * Regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a): the CDF at x of a gamma
 * distribution with shape a and scale 1.
 *
 * @param a shape; finite, > 0
 * @param x argument; ≥ 0 (Infinity gives 1)
 * @returns a probability in [0, 1]
 * @throws RangeError for a ≤ 0 or x < 0
 * @example regularizedGammaP(3, 2) // ≈ 0.3233235838169366 (= 1 − 5e⁻²)
 */
export function regularizedGammaP(a: number, x: number): number {
  checkIncompleteGammaArguments('regularizedGammaP', a, x);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  if (x < a + 1) return Math.min(1, lowerSeries(a, x));
  return Math.max(0, 1 - upperContinuedFraction(a, x));
}

/**
 * Regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x), accurate in the far tail.
 *
 * @param a shape; finite, > 0
 * @param x argument; ≥ 0
 * @returns a probability in [0, 1]
 * @throws RangeError for a ≤ 0 or x < 0
 * @example regularizedGammaQ(1, 50) // ≈ 1.9287498479639178e-22 (= e⁻⁵⁰)
 */
export function regularizedGammaQ(a: number, x: number): number {
  checkIncompleteGammaArguments('regularizedGammaQ', a, x);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  if (x < a + 1) return Math.max(0, 1 - lowerSeries(a, x));
  return Math.min(1, upperContinuedFraction(a, x));
}

/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^{−t²} dt, computed as ±P(½, x²).
 *
 * @example erf(0.5) // ≈ 0.5204998778130465
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const value = regularizedGammaP(0.5, x * x);
  return x < 0 ? -value : value;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), with full relative precision for large x.
 *
 * @example erfc(3) // ≈ 2.209049699858544e-5
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return x >= 0 ? regularizedGammaQ(0.5, x * x) : 1 + regularizedGammaP(0.5, x * x);
}

/**
 * Standard normal CDF Φ(z), accurate in both tails.
 *
 * @example normalCdf(1.959963984540054) // ≈ 0.975
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}
