import type { Distribution } from '../model/contact-centre-model.js';
import type { UniformStream } from './random-streams.js';

/** Draws one non-negative duration in seconds. */
export type Sampler = () => number;

/**
 * A sampler for `distribution` that draws from `stream`, with the documented parameters of SPEC §2:
 *
 * - exponential by mean: `−mean · ln(1 − U)` (inversion, one uniform);
 * - lognormal by mean and cv: σ² = ln(1 + cv²), μ = ln(mean) − σ²/2, `exp(μ + σZ)` with Z standard normal
 *   (Box–Muller, the second normal of each pair kept for the next draw);
 * - gamma by mean and cv: shape k = 1/cv², scale mean/k, Marsaglia–Tsang (2000) squeeze-and-reject, with the
 *   `G(k + 1) · U^(1/k)` boost for k < 1;
 * - erlang by mean and k phases: a sum of k exponentials of mean mean/k (as −(mean/k) · ln ∏U);
 * - fixed: the constant; uniform: `min + (max − min) · U`; empirical: one of the values, each equally likely.
 *
 * A cv of 0 (lognormal, gamma; for gamma any cv below 10⁻⁶) gives the mean exactly, without consuming random numbers.
 *
 * @throws RangeError when a parameter is outside its domain (negative mean, negative cv, k not a positive integer,
 *   max < min, an empty or negative empirical list). The scenario validator reports these to users first; this is
 *   the core's own guard.
 * @example createSampler({ kind: 'exponential', meanSeconds: 30 }, createStream(1, 'handleTime', 0))() // ≈ 30 on average
 */
export function createSampler(distribution: Distribution, stream: UniformStream): Sampler {
  switch (distribution.kind) {
    case 'exponential': {
      const mean = checkMean(distribution.meanSeconds, 'exponential');
      return () => -mean * Math.log(1 - stream());
    }
    case 'lognormal': {
      const mean = checkMean(distribution.meanSeconds, 'lognormal');
      const cv = checkCv(distribution.cv, 'lognormal');
      if (cv === 0 || mean === 0) return () => mean;
      const variance = Math.log(1 + cv * cv);
      const sigma = Math.sqrt(variance);
      const mu = Math.log(mean) - variance / 2;
      const normal = createNormalSampler(stream);
      return () => Math.exp(mu + sigma * normal());
    }
    case 'gamma': {
      const mean = checkMean(distribution.meanSeconds, 'gamma');
      const cv = checkCv(distribution.cv, 'gamma');
      // Below cv = 1e-6 the shape 1/cv² exceeds 10¹² (or overflows): the gamma is its mean to 6 digits.
      if (cv < 1e-6 || mean === 0) return () => mean;
      return createGammaSampler(1 / (cv * cv), mean * cv * cv, stream);
    }
    case 'erlang': {
      const mean = checkMean(distribution.meanSeconds, 'erlang');
      const k = distribution.k;
      if (!Number.isInteger(k) || k < 1) throw new RangeError(`erlang: k must be an integer ≥ 1 (got ${k})`);
      const phaseMean = mean / k;
      if (k === 1) return () => -phaseMean * Math.log(1 - stream());
      return () => {
        // ln of a product of k uniforms, renormalised before the product can underflow (each factor ≥ 2⁻³²).
        let logSum = 0;
        let product = 1;
        for (let i = 0; i < k; i++) {
          product *= 1 - stream();
          if (product < 1e-200) {
            logSum += Math.log(product);
            product = 1;
          }
        }
        return -phaseMean * (logSum + Math.log(product));
      };
    }
    case 'fixed': {
      const seconds = distribution.seconds;
      if (!(seconds >= 0) || !Number.isFinite(seconds)) throw new RangeError(`fixed: seconds must be ≥ 0 (got ${seconds})`);
      return () => seconds;
    }
    case 'uniform': {
      const { minSeconds, maxSeconds } = distribution;
      if (!(minSeconds >= 0) || !(maxSeconds >= minSeconds) || !Number.isFinite(maxSeconds)) {
        throw new RangeError(`uniform: need 0 ≤ minSeconds ≤ maxSeconds (got ${minSeconds}, ${maxSeconds})`);
      }
      const width = maxSeconds - minSeconds;
      return () => minSeconds + width * stream();
    }
    case 'empirical': {
      const values = Float64Array.from(distribution.seconds);
      if (values.length === 0) throw new RangeError('empirical: needs at least one value');
      for (const value of values) {
        if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`empirical: values must be ≥ 0 (got ${value})`);
      }
      const n = values.length;
      return () => values[Math.floor(stream() * n)] as number;
    }
  }
}


/**
 * Standard normal draws by the Box–Muller transform; each pair of uniforms gives two normals, the second is kept
 * for the next call. `1 − U` keeps the logarithm finite.
 */
export function createNormalSampler(stream: UniformStream): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - stream()));
    const angle = 2 * Math.PI * stream();
    spare = radius * Math.sin(angle);
    hasSpare = true;
    return radius * Math.cos(angle);
  };
}

/**
 * Gamma(shape, scale) draws by Marsaglia & Tsang, "A simple method for generating gamma variables" (ACM TOMS 26(3),
 * 2000): for shape ≥ 1, d = shape − 1/3, c = 1/√(9d), propose d·(1 + cZ)³ and accept with the squeeze
 * U < 1 − 0.0331 Z⁴ or the exact test ln U < Z²/2 + d(1 − V + ln V). For shape < 1 it draws G(shape + 1) · U^(1/shape)
 * (the boost from the same paper). The acceptance rate is above 95 % for every shape.
 */
export function createGammaSampler(shape: number, scale: number, stream: UniformStream): Sampler {
  if (!(shape > 0) || !(scale >= 0)) throw new RangeError(`gamma: need shape > 0 and scale ≥ 0 (got ${shape}, ${scale})`);
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const inverseShape = 1 / shape;
  const normal = createNormalSampler(stream);
  return () => {
    let draw: number;
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - stream();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        draw = d * v;
        break;
      }
    }
    if (boosted) draw *= Math.pow(1 - stream(), inverseShape);
    return draw * scale;
  };
}

function checkMean(mean: number, kind: string): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`${kind}: meanSeconds must be ≥ 0 (got ${mean})`);
  return mean;
}

function checkCv(cv: number, kind: string): number {
  if (!(cv >= 0) || !Number.isFinite(cv)) throw new RangeError(`${kind}: cv must be ≥ 0 (got ${cv})`);
  return cv;
}
