import { digammaMinusLog, entropyTerm, stirlingCorrection } from './special-functions.js';

/**
 * The series behind the exact Erlang A (M/M/N+M) formulas of Mandelbaum & Zeltyn.
 *
 * With x = Nμ/θ and z = λ/θ (μ service rate, θ abandonment rate, λ arrival rate), the queue-length terms are
 *   t₀ = 1,  t_j = Π_{k=1..j} z/(x+k),
 * so that the stationary probability of N + j in system is π_N·t_j. This module returns, in one pass,
 *   sum        = Σ_j t_j                    (Mandelbaum–Zeltyn's A(x, z))
 *   weighted   = Σ_j j·t_j                  (mean queue length / π_N)
 *   served     = Σ_j t_j·x/(x+j+1)          (a caller who finds j waiting is served w.p. x/(x+j+1))
 *   servedWait = Σ_j t_j·x·H_j/(x+j+1)      (θ × E[wait; served] for that caller), H_j = Σ_{k=1..j+1} 1/(x+k)
 * all as mantissa × e^logScale, because A(x, z) is astronomically large when λ > Nμ.
 *
 * Numerics: the terms are log-concave in j with their peak at j* = ⌊z − x⌋ (or 0). The sum starts at the
 * peak and walks both ways until the terms fall below 1e−18 of the sum, so the work is O(√z) terms however
 * overloaded the queue is (not O(z − x)). ln t_{j*} comes from the Stirling series of ln Γ written as
 * z·[f(b/z) − f(a/z)] − ½ln(b/a) + c(b) − c(a) with f(t) = t ln t − t + 1, which has no large cancelling terms,
 * and H_{j*} from the asymptotic series of ψ.
 */
export interface ErlangASeries {
  readonly logScale: number;
  readonly sum: number;
  readonly weighted: number;
  readonly served: number;
  readonly servedWait: number;
}

/** Peaks up to this index are reached by plain multiplication from t₀ = 1 (no overflow possible). */
const DIRECT_PEAK_LIMIT = 64;
const NEGLIGIBLE = 1e-18;
/** Arguments are shifted up to this value before the asymptotic series are used. */
const ASYMPTOTIC_FROM = 10;

/**
 * Σ_{k=1..m} ln((x+k)/z) = ln Γ(x+m+1) − ln Γ(x+1) − m·ln z, for m ≥ 1, without cancellation (−ln t_m).
 *
 * @example logRisingRatio(0, 1, 3) // ≈ 1.791759469228055 (= ln 3!)
 */
export function logRisingRatio(x: number, z: number, m: number): number {
  let a = x + 1;
  let remaining = m;
  let direct = 0;
  // Shift the lower end up to the range of the asymptotic series.
  while (a < ASYMPTOTIC_FROM && remaining > 0) {
    direct += Math.log(a / z);
    a += 1;
    remaining -= 1;
  }
  if (remaining === 0) return direct;
  const b = a + remaining;
  return (
    direct +
    z * (entropyTerm(b / z) - entropyTerm(a / z)) -
    0.5 * Math.log1p(remaining / a) +
    stirlingCorrection(b) -
    stirlingCorrection(a)
  );
}

/**
 * H_m = Σ_{k=1..m+1} 1/(x+k) = ψ(x+m+2) − ψ(x+1), for m ≥ 0.
 *
 * @example harmonicTerm(0, 1) // 1.5 (= 1 + 1/2)
 */
export function harmonicTerm(x: number, m: number): number {
  let a = x + 1;
  let remaining = m + 1;
  let direct = 0;
  while ((a < ASYMPTOTIC_FROM || remaining <= DIRECT_PEAK_LIMIT) && remaining > 0) {
    direct += 1 / a;
    a += 1;
    remaining -= 1;
  }
  if (remaining === 0) return direct;
  const b = a + remaining;
  return direct + Math.log1p(remaining / a) + digammaMinusLog(b) - digammaMinusLog(a);
}

/**
 * Evaluates the Erlang A series (see {@link ErlangASeries}) for x > 0 and z ≥ 0.
 *
 * @param x Nμ/θ; > 0
 * @param z λ/θ (or a discounted λe^{−θt}/θ); ≥ 0
 * @example erlangASeries(2, 0).sum // 1 (only t₀)
 */
export function erlangASeries(x: number, z: number): ErlangASeries {
  if (z === 0) {
    return { logScale: 0, sum: 1, weighted: 0, served: x / (x + 1), servedWait: (x / (x + 1)) * (1 / (x + 1)) };
  }
  const peak = z - x >= 1 ? Math.floor(z - x) : 0;
  let start: number;
  let logScale: number;
  let startHarmonic: number;
  if (peak <= DIRECT_PEAK_LIMIT) {
    start = 0;
    logScale = 0;
    startHarmonic = 1 / (x + 1);
  } else {
    start = peak;
    logScale = -logRisingRatio(x, z, peak);
    startHarmonic = harmonicTerm(x, peak);
  }

  let sum = 0;
  let weighted = 0;
  let served = 0;
  let servedWait = 0;

  // Upward from the start (through the peak when starting at 0).
  let term = 1;
  let harmonic = startHarmonic;
  for (let j = start; ; j += 1) {
    if (j > start) {
      term *= z / (x + j);
      harmonic += 1 / (x + j + 1);
    }
    const servedShare = x / (x + j + 1);
    sum += term;
    weighted += j * term;
    served += term * servedShare;
    servedWait += term * servedShare * harmonic;
    if (j >= peak && term <= NEGLIGIBLE * sum && j * term <= NEGLIGIBLE * weighted) break;
  }

  // Downward from the peak.
  term = 1;
  harmonic = startHarmonic;
  for (let j = start - 1; j >= 0; j -= 1) {
    term *= (x + j + 1) / z;
    harmonic -= 1 / (x + j + 2);
    const servedShare = x / (x + j + 1);
    sum += term;
    weighted += j * term;
    served += term * servedShare;
    servedWait += term * servedShare * harmonic;
    if (term <= NEGLIGIBLE * sum) break;
  }

  return { logScale, sum, weighted, served, servedWait };
}
