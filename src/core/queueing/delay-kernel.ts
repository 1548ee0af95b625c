import type { Distribution } from '../model/contact-centre-model.js';
import { normalCdf, regularizedGammaP } from './special-functions.js';

/**
 * CDFs and means of every `Distribution` kind, for spreading redials and repeat contacts over later intervals.
 *
 * Parametrisations (all in seconds):
 * - exponential: mean m, F(t) = 1 − e^{−t/m};
 * - lognormal by mean m and cv: σ² = ln(1 + cv²), μ = ln m − σ²/2, F(t) = Φ((ln t − μ)/σ);
 * - gamma by mean m and cv: shape 1/cv², scale m·cv², F(t) = P(shape, t/scale);
 * - erlang k: gamma with shape k and scale m/k;
 * - fixed s: F(t) = 1 for t ≥ s, else 0 (right-continuous, so a zero delay lands at once);
 * - uniform [a, b]: linear in between;
 * - empirical: the step CDF of the listed values, each equally likely.
 * A cv of 0 (or a zero mean, or a = b) is the fixed distribution at the mean.
 */

function checkNonNegative(name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number ≥ 0 (got ${value})`);
}

function checkDistribution(d: Distribution): void {
  switch (d.kind) {
    case 'exponential':
      checkNonNegative('exponential meanSeconds', d.meanSeconds);
      return;
    case 'lognormal':
    case 'gamma':
      checkNonNegative(`${d.kind} meanSeconds`, d.meanSeconds);
      checkNonNegative(`${d.kind} cv`, d.cv);
      return;
    case 'erlang':
      checkNonNegative('erlang meanSeconds', d.meanSeconds);
      if (!Number.isInteger(d.k) || d.k < 1) throw new RangeError(`erlang k must be an integer ≥ 1 (got ${d.k})`);
      return;
    case 'fixed':
      checkNonNegative('fixed seconds', d.seconds);
      return;
    case 'uniform':
      checkNonNegative('uniform minSeconds', d.minSeconds);
      checkNonNegative('uniform maxSeconds', d.maxSeconds);
      if (d.maxSeconds < d.minSeconds) {
        throw new RangeError(`uniform maxSeconds must be ≥ minSeconds (got ${d.minSeconds}..${d.maxSeconds})`);
      }
      return;
    case 'empirical':
      if (d.seconds.length === 0) throw new RangeError('empirical distribution needs at least one value');
      for (const value of d.seconds) checkNonNegative('empirical value', value);
      return;
  }
}

function stepAt(thresholdSeconds: number, seconds: number): number {
  return seconds >= thresholdSeconds ? 1 : 0;
}

/**
 * P(D ≤ t) for a delay D with distribution `d`.
 *
 * @param d the distribution (validated: finite, non-negative parameters)
 * @param seconds t; any number (negative t gives 0, Infinity gives 1)
 * @returns a probability in [0, 1]
 * @throws RangeError for a distribution with invalid parameters
 * @example cumulativeProbability({ kind: 'exponential', meanSeconds: 600 }, 600) // ≈ 0.6321205588285577
 */
export function cumulativeProbability(d: Distribution, seconds: number): number {
  checkDistribution(d);
  if (Number.isNaN(seconds)) throw new RangeError('cumulativeProbability needs a number of seconds (got NaN)');
  if (seconds < 0) return 0;
  if (seconds === Infinity) return 1;
  switch (d.kind) {
    case 'exponential':
      return d.meanSeconds === 0 ? 1 : -Math.expm1(-seconds / d.meanSeconds);
    case 'lognormal': {
      if (d.cv === 0 || d.meanSeconds === 0) return stepAt(d.meanSeconds, seconds);
      if (seconds === 0) return 0;
      const variance = Math.log1p(d.cv * d.cv);
      const location = Math.log(d.meanSeconds) - variance / 2;
      return normalCdf((Math.log(seconds) - location) / Math.sqrt(variance));
    }
    case 'gamma': {
      if (d.cv === 0 || d.meanSeconds === 0) return stepAt(d.meanSeconds, seconds);
      const shape = 1 / (d.cv * d.cv);
      const scale = d.meanSeconds * d.cv * d.cv;
      return regularizedGammaP(shape, seconds / scale);
    }
    case 'erlang':
      if (d.meanSeconds === 0) return 1;
      return regularizedGammaP(d.k, (seconds * d.k) / d.meanSeconds);
    case 'fixed':
      return stepAt(d.seconds, seconds);
    case 'uniform':
      if (d.maxSeconds === d.minSeconds) return stepAt(d.minSeconds, seconds);
      return Math.min(1, Math.max(0, (seconds - d.minSeconds) / (d.maxSeconds - d.minSeconds)));
    case 'empirical': {
      let atOrBelow = 0;
      for (const value of d.seconds) if (value <= seconds) atOrBelow += 1;
      return atOrBelow / d.seconds.length;
    }
  }
}

/**
 * The mean of a distribution, in seconds.
 *
 * @throws RangeError for a distribution with invalid parameters
 * @example meanOf({ kind: 'uniform', minSeconds: 60, maxSeconds: 180 }) // 120
 */
export function meanOf(d: Distribution): number {
  checkDistribution(d);
  switch (d.kind) {
    case 'exponential':
    case 'lognormal':
    case 'gamma':
    case 'erlang':
      return d.meanSeconds;
    case 'fixed':
      return d.seconds;
    case 'uniform':
      return (d.minSeconds + d.maxSeconds) / 2;
    case 'empirical': {
      let total = 0;
      for (const value of d.seconds) total += value;
      return total / d.seconds.length;
    }
  }
}
