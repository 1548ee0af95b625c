import { erlangASeries } from './erlang-a-series.js';
import { erlangBState, type ErlangBState } from './erlang-b.js';
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
 * first. The virtual wait V = S_j has P(V > v) = π_N·x·e^y·y^{−x}·γ(x, y·e^{−θv}); integrating it against the
 * patience gives, with q = e^{−θT} and F(T) = exp(−NμT + y(1 − q)), the exact transient absorption
 * probabilities of the tagged-caller chain (the quantities pyworkforce gets by uniformization):
 *   P(served after T)      = π_N·q·F(T)·Σ_j t_j(yq)·x/(x+j+1)
 *   P(abandoned within s)  = π_N·[Σ j·t_j(y) − F(s)·Σ j·t_j(y·e^{−θs})] / y
 * where t_j(z) is t_j with y replaced by z. Every sum is evaluated around its peak in log scale, so N = 100 000
 * costs a few thousand terms; birth-death-chain.ts checks all of it against the truncated chain and an
 * explicit uniformization.
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

  const probabilityOfWaiting = (queueWeight * series.sum) / total;
  const abandonedShare = Math.min(1, (queueWeight * series.weighted) / (y * total));
  const servedShare = servedMass / total;
  const meanWaitSeconds = abandonedShare * patienceSeconds;
  const asaSeconds = servedMass > 0 ? (queueWeight * series.servedWait * patienceSeconds) / servedMass : 0;
  const occupancy = Math.min(1, (load / agents) * servedShare);

  // Answered within T = no wait + (served with a wait) − (served after T).
  const answerWithin = serviceLevel.answerWithinSeconds;
  let answeredWithin = noWaitMass / total;
  if (answerWithin > 0) {
    const discount = Math.exp(-answerWithin / patienceSeconds);
    const later = erlangASeries(x, y * discount);
    const logSurvival = (-agents * answerWithin) / meanHandleSeconds - y * Math.expm1(-answerWithin / patienceSeconds);
    const servedLater = discount * Math.exp(later.logScale + logSurvival - scale) * later.served;
    answeredWithin = (noWaitMass + Math.max(0, queueWeight * series.served - servedLater)) / total;
  }

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
      let shortAbandoned = 0;
      if (short > 0) {
        const discount = Math.exp(-short / patienceSeconds);
        const within = erlangASeries(x, y * discount);
        const logSurvival = (-agents * short) / meanHandleSeconds - y * Math.expm1(-short / patienceSeconds);
        const remaining = Math.exp(within.logScale + logSurvival - scale) * within.weighted;
        shortAbandoned = Math.max(0, queueWeight * series.weighted - remaining) / (y * total);
      }
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
