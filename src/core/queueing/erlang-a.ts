import { erlangASeries } from './erlang-a-series.js';
import { erlangBState, type ErlangBState } from './erlang-b.js';
import { integrateGaussLegendre } from './gauss-legendre.js';
import { checkQueueInput, degenerateQueueMetrics } from './queue-input-checks.js';
import type { QueueInput, QueueMetrics } from './queue-metrics.js';

/**
 * Erlang A (M/M/N+M: exponential patience, the Palm queue), exact, after Mandelbaum & Zeltyn (2005).
 *
 * Notation: μ = 1/AHT, θ = 1/mean patience, x = Nμ/θ, y = λ/θ, E = B(N, λ/μ), R = 1/E − 1,
 * t_j = Π_{k≤j} y/(x+k) and A(x, y) = Σ t_j (see erlang-a-series.ts). Then
 *   π_N = 1/(R + A)                                (P(N in system), from E/(1 + (A − 1)E))
 *   P(W > 0) = A·π_N
 *   P(Ab) = π_N·Σ j·t_j / y                        (= θ·E[queue]/λ; equals MZ's P(W>0)·(1/(ρA) + 1 − 1/ρ)
 *                                                   without its cancellation at ρ ≈ 1)
 *   E[W] over all attempts = P(Ab)/θ
 *   P(served) = π_N·(R + Σ t_j·x/(x+j+1))          (a caller with j ahead is served w.p. Π (x+k)/(x+k+1) = x/(x+j+1))
 *   ASA of answered = π_N·Σ t_j·x·H_j/(x+j+1) / (θ·P(served)), H_j = Σ_{k=1..j+1} 1/(x+k)
 *
 * "Answered within T" follows the tagged caller (REFERENCES §3.2): a caller finding j waiting is served after
 * S_j, a sum of exponential stages of rates Nμ + kθ (k = j … 0), unless its own patience τ ~ Exp(θ) runs out
 * first. Instead of uniformizing that chain per j, its transient absorption probabilities are summed over j in
 * closed form through the virtual wait V (the wait of an infinitely patient arrival, V = S_j):
 *   P(V > v) = π_N·x·e^y·y^{−x}·γ(x, y·e^{−θv}),   density f_V(v) = π_N·Nμ·F(v) on v > 0,
 * with F(v) = exp(−Nμv + y(1 − e^{−θv})). Integrating against the patience gives, with q = e^{−θT},
 *   P(answered, 0 < W ≤ T) = π_N·Nμ·∫₀ᵀ e^{−θv}F(v) dv
 *                          = P(served with a wait) − π_N·q·F(T)·Σ_j t_j(yq)·x/(x+j+1)
 *   P(abandoned within s)  = π_N·[Σ j·t_j(y) − F(s)·Σ j·t_j(y·e^{−θs})] / y
 * where t_j(z) is t_j with y replaced by z. The series forms are used when their subtraction is harmless, the
 * one-dimensional integrals (Gauss–Legendre over the part of [0, T] that matters) when T or s is short compared
 * with the waits. Every sum is evaluated around its peak in log scale, so N = 100 000 costs a few thousand terms.
 * birth-death-chain.ts recomputes everything from the truncated chain and an explicit uniformization of the
 * tagged-caller chain; the tests require agreement to 1e−9.
 */

/**
 * Exact Erlang A metrics.
 *
 * Service level per `input.serviceLevel.definition`:
 * - answered-of-offered: P(answered within T) (abandons count as misses);
 * - answered-of-answered: P(answered within T)/P(answered);
 * - exclude-short-abandons: P(answered within T)/(1 − P(abandoned within shortAbandonSeconds)).
 *
 * @param input a queue with a finite `meanPatienceSeconds`
 * @param blocking the Erlang B recurrence at `input.agents` (computed when omitted)
 * @throws RangeError for an invalid input or a null patience
 * @example erlangAMetrics({ arrivalsPerSecond: 1 / 18, meanHandleSeconds: 180, agents: 14, meanPatienceSeconds: 300,
 *   serviceLevel: { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 } })
 *   // probabilityOfWaiting ≈ 0.14526, abandonedShare ≈ 0.013984, serviceLevel ≈ 0.916792
 */
export function erlangAMetrics(input: QueueInput, blocking?: ErlangBState): QueueMetrics {
  checkQueueInput(input);
  const patienceSeconds = input.meanPatienceSeconds;
  if (patienceSeconds === null) throw new RangeError('erlangAMetrics needs a finite meanPatienceSeconds (null means Erlang C)');
  const degenerate = degenerateQueueMetrics(input);
  if (degenerate !== null) return degenerate;

  const { arrivalsPerSecond, meanHandleSeconds, agents, serviceLevel } = input;
  const load = arrivalsPerSecond * meanHandleSeconds;
  const { y, series, noWaitMass, queueWeight, total, servedMass, waits } = stationaryMasses(input, patienceSeconds, blocking);

  const probabilityOfWaiting = (queueWeight * series.sum) / total;
  const abandonedShare = Math.min(1, (queueWeight * series.weighted) / (y * total));
  const servedShare = servedMass / total;
  const meanWaitSeconds = abandonedShare * patienceSeconds;
  const asaSeconds = servedMass > 0 ? (queueWeight * series.servedWait * patienceSeconds) / servedMass : 0;
  const occupancy = Math.min(1, (load / agents) * servedShare);

  // Answered within T = no wait + answered after a wait of at most T.
  const answerWithin = serviceLevel.answerWithinSeconds;
  const answeredWithin =
    noWaitMass / total + (answerWithin > 0 ? answeredAfterWaitWithin(waits, answerWithin, queueWeight * series.served) : 0);

  let serviceLevelValue: number;
  switch (serviceLevel.definition) {
    case 'answered-of-offered':
      serviceLevelValue = answeredWithin;
      break;
    case 'answered-of-answered':
      serviceLevelValue = servedShare > 0 ? answeredWithin / servedShare : 0;
      break;
    case 'exclude-short-abandons': {
      const short = serviceLevel.shortAbandonSeconds;
      const shortAbandoned = short > 0 ? abandonedWithin(waits, short, probabilityOfWaiting, queueWeight * series.weighted) : 0;
      serviceLevelValue = answeredWithin / (1 - shortAbandoned);
      break;
    }
  }

  return {
    model: 'erlang-a',
    agents,
    offeredLoadErlangs: load,
    stable: true,
    probabilityOfWaiting,
    serviceLevel: Math.min(1, serviceLevelValue),
    asaSeconds,
    meanWaitSeconds,
    abandonedShare,
    occupancy,
  };
}

/**
 * The stationary masses of an Erlang A queue (N agents, at least one, and calls), each scaled by e^{−scale}: no wait,
 * the queue's weight (π_N relative to it), their total and the served mass; with y and the series behind them, and
 * what the transient integrals need of them (`waits`).
 */
function stationaryMasses(input: QueueInput, patienceSeconds: number, blocking?: ErlangBState) {
  const { arrivalsPerSecond, meanHandleSeconds, agents } = input;
  const load = arrivalsPerSecond * meanHandleSeconds;
  const state = blocking ?? erlangBState(load, agents);
  const x = (agents * patienceSeconds) / meanHandleSeconds;
  const y = arrivalsPerSecond * patienceSeconds;
  const series = erlangASeries(x, y);
  // Scale every unnormalised mass by e^{−M}; the stationary total is `total`.
  const scale = Math.max(state.logExcess, series.logScale);
  const noWaitMass = Math.exp(state.logExcess - scale);
  const queueWeight = Math.exp(series.logScale - scale);
  const total = noWaitMass + queueWeight * series.sum;
  const servedMass = noWaitMass + queueWeight * series.served;
  const waits: VirtualWait = {
    arrivalsPerSecond,
    serverRate: agents / meanHandleSeconds,
    abandonRate: 1 / patienceSeconds,
    x,
    y,
    logNormaliser: scale,
    total,
  };
  return { y, series, noWaitMass, queueWeight, total, servedMass, waits };
}

/** The wait of the answered calls of a queue as a function of t ≥ 0 (seconds), for a percentile of it. */
export interface AnsweredWait {
  /** P(answered): the share of calls that are answered. */
  readonly answeredShare: number;
  /** P(W > t | answered). */
  survival(seconds: number): number;
  /** The density of W at t > 0 given answered, per second (−d survival / dt). */
  density(seconds: number): number;
}

/**
 * The exact distribution of the wait of answered calls in Erlang A (M/M/N+M), for its percentiles (`waitP90Seconds`):
 * with the virtual wait V of the module comment, an answered caller waited more than t when V > t and his patience
 * outlasted V, so P(answered, W > t) = π_N·Nμ·∫ₜ^∞ e^{−θv}F(v) dv — by the series form where it does not cancel
 * (π_N·q·F(t)·Σ t_j(yq)·x/(x+j+1), q = e^{−θt}), else as P(served with a wait) less the integral over (0, t] — and
 * the density is π_N·Nμ·e^{−θt}F(t), both divided by P(answered). A call answered at once has W = 0.
 *
 * @param input a queue with a finite `meanPatienceSeconds`
 * @returns null where no call is answered (no calls, or no agents)
 * @example erlangAAnsweredWait({ arrivalsPerSecond: 1 / 18, meanHandleSeconds: 180, agents: 14, meanPatienceSeconds: 300,
 *   serviceLevel })?.survival(0) // ≈ 0.1331: P(wait > 0 | answered) (P(wait > 0) is 0.14526 of all calls)
 */
export function erlangAAnsweredWait(input: QueueInput): AnsweredWait | null {
  checkQueueInput(input);
  const patienceSeconds = input.meanPatienceSeconds;
  if (patienceSeconds === null) throw new RangeError('erlangAAnsweredWait needs a finite meanPatienceSeconds (null means Erlang C)');
  if (input.arrivalsPerSecond === 0 || input.agents === 0) return null;
  const { queueWeight, total, servedMass, series, waits } = stationaryMasses(input, patienceSeconds);
  const answeredShare = servedMass / total;
  const servedWithWaitMass = queueWeight * series.served;
  const g = exponentOf(waits);
  return {
    answeredShare,
    survival: (seconds) => (seconds <= 0 ? servedWithWaitMass / total : answeredAfterWait(waits, seconds, servedWithWaitMass)) / answeredShare,
    density: (seconds) => Math.exp(Math.log(waits.serverRate) + g(seconds) - waits.logNormaliser) / total / answeredShare,
  };
}

/** P(answered after a wait longer than T), by the series form or by the integral over (0, T] (see `answeredAfterWaitWithin`). */
function answeredAfterWait(w: VirtualWait, seconds: number, servedWithWaitMass: number): number {
  const servedLater = servedLaterMass(w, seconds);
  if (servedLater <= CANCELLATION_LIMIT * servedWithWaitMass) return servedLater / w.total;
  const { peak, integral } = integrateExponent(w, seconds, () => 1);
  return (servedWithWaitMass - Math.exp(Math.log(w.serverRate) + peak - w.logNormaliser) * integral) / w.total;
}

/** π_N·q·F(T)·Σ t_j(yq)·x/(x+j+1) with q = e^{−θT}, as a mass scaled like the others: P(answered, W > T)·total. */
function servedLaterMass(w: VirtualWait, seconds: number): number {
  const discount = Math.exp(-seconds * w.abandonRate);
  const later = erlangASeries(w.x, w.y * discount);
  const logSurvival = -w.serverRate * seconds - w.y * Math.expm1(-seconds * w.abandonRate);
  return discount * Math.exp(later.logScale + logSurvival - w.logNormaliser) * later.served;
}

/** What the transient integrals need; masses are scaled by e^{−logNormaliser} and total to `total`. */
interface VirtualWait {
  readonly arrivalsPerSecond: number;
  /** Nμ. */
  readonly serverRate: number;
  /** θ. */
  readonly abandonRate: number;
  readonly x: number;
  readonly y: number;
  readonly logNormaliser: number;
  readonly total: number;
}

/** The series forms are used unless their subtraction cancels more than this share of the larger term. */
const CANCELLATION_LIMIT = 0.5;
/** e^{−46} ≈ 1e−20: the integrand is negligible where its exponent is this far below its maximum. */
const NEGLIGIBLE_EXPONENT = 46;

/** g(v) = ln(e^{−θv}·F(v)) with F(v) = exp(−Nμv + y(1 − e^{−θv})); concave, g′(v) = λe^{−θv} − (Nμ + θ). */
function exponentOf(w: VirtualWait): (v: number) => number {
  return (v) => -(w.serverRate + w.abandonRate) * v - w.y * Math.expm1(-w.abandonRate * v);
}

/**
 * ∫ₐᵇ e^{g(v) − g_max}·factor(v) dv over [0, t] by Gauss–Legendre, with g_max = max of g on [0, t].
 *
 * Only the part of [0, t] where g is within 46 of its maximum is integrated (g is concave, so that part is an
 * interval, found by bisection), in panels that keep |g′|·width ≤ 2 and |g″|·width² ≤ 4 — about 25 panels at
 * most whatever the rates, so the cost does not grow with N·t.
 */
function integrateExponent(w: VirtualWait, seconds: number, factor: (v: number) => number): { peak: number; integral: number } {
  const g = exponentOf(w);
  const slope = (v: number): number => w.arrivalsPerSecond * Math.exp(-w.abandonRate * v) - (w.serverRate + w.abandonRate);
  const top = slope(0) > 0 ? Math.min(seconds, Math.log(w.arrivalsPerSecond / (w.serverRate + w.abandonRate)) / w.abandonRate) : 0;
  const peak = g(top);
  const floor = peak - NEGLIGIBLE_EXPONENT;
  const crossing = (low: number, high: number, rising: boolean): number => {
    let a = low;
    let b = high;
    for (let i = 0; i < 80 && b - a > 1e-12 * high; i += 1) {
      const middle = (a + b) / 2;
      if (g(middle) < floor === rising) a = middle;
      else b = middle;
    }
    return rising ? a : b;
  };
  const from = g(0) >= floor ? 0 : crossing(0, top, true);
  const to = g(seconds) >= floor ? seconds : crossing(top, seconds, false);
  const steepest = Math.max(Math.abs(slope(from)), Math.abs(slope(to)));
  const curvature = w.arrivalsPerSecond * w.abandonRate * Math.exp(-w.abandonRate * from);
  const panels = Math.max(1, Math.ceil(((to - from) * Math.max(steepest, Math.sqrt(curvature))) / 2));
  const integral = integrateGaussLegendre((v) => Math.exp(g(v) - peak) * factor(v), from, to, panels);
  return { peak, integral };
}

/**
 * P(answered after a wait in (0, T]).
 *
 * Series form: P(served with a wait) − π_N·q·F(T)·Σ t_j(yq)·x/(x+j+1), with q = e^{−θT}. When T is short compared
 * with the waits the two terms nearly cancel; then the virtual-wait density f_V(v) = π_N·Nμ·F(v) (v > 0) gives
 * P(answered, 0 < W ≤ T) = π_N·Nμ·∫₀ᵀ e^{−θv}F(v) dv, integrated numerically without any subtraction.
 */
function answeredAfterWaitWithin(w: VirtualWait, seconds: number, servedWithWaitMass: number): number {
  const servedLater = servedLaterMass(w, seconds);
  if (servedLater <= CANCELLATION_LIMIT * servedWithWaitMass) return (servedWithWaitMass - servedLater) / w.total;
  const { peak, integral } = integrateExponent(w, seconds, () => 1);
  return (Math.exp(Math.log(w.serverRate) + peak - w.logNormaliser) * integral) / w.total;
}

/**
 * P(abandoned within s) = θ∫₀ˢ e^{−θv}·P(V > v) dv.
 *
 * Series form: π_N·[Σ j·t_j(y) − F(s)·Σ j·t_j(y·e^{−θs})]/y. When s is short compared with the waits the two terms
 * nearly cancel; then, with P(V > v) = P(W > 0) − π_N·Nμ·∫₀ᵛ F and the integrals swapped,
 * P(W > 0)·(1 − e^{−θs}) − π_N·Nμ·∫₀ˢ e^{−θu}F(u)·(1 − e^{−θ(s−u)}) du, whose second term is then the small one.
 */
function abandonedWithin(w: VirtualWait, seconds: number, probabilityOfWaiting: number, queueLengthMass: number): number {
  const discount = Math.exp(-seconds * w.abandonRate);
  const within = erlangASeries(w.x, w.y * discount);
  const logSurvival = -w.serverRate * seconds - w.y * Math.expm1(-seconds * w.abandonRate);
  const remaining = Math.exp(within.logScale + logSurvival - w.logNormaliser) * within.weighted;
  if (remaining <= CANCELLATION_LIMIT * queueLengthMass) return (queueLengthMass - remaining) / (w.y * w.total);
  const { peak, integral } = integrateExponent(w, seconds, (u) => -Math.expm1(-w.abandonRate * (seconds - u)));
  const answeredPart = (Math.exp(Math.log(w.serverRate) + peak - w.logNormaliser) * integral) / w.total;
  return Math.max(0, probabilityOfWaiting * -Math.expm1(-w.abandonRate * seconds) - answeredPart);
}
