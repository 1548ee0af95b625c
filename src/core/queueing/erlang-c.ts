import { checkErlangArguments, erlangBState, type ErlangBState } from './erlang-b.js';
import { checkQueueInput, degenerateQueueMetrics } from './queue-input-checks.js';
import type { QueueInput, QueueMetrics } from './queue-metrics.js';

/**
 * Erlang C (M/M/N, infinite patience) from the Erlang B recurrence.
 *
 * With R = 1/B(N) − 1 (kept as ln R by the recurrence) and ρ = A/N, the textbook C = N·B/(N − A(1 − B))
 * becomes C = 1/(1 + (1 − ρ)·R): no cancellation near ρ = 1 and no overflow when B underflows.
 */

/** ln((1 − ρ)·R) for a stable queue. */
function logWaitOdds(blocking: ErlangBState): number {
  const { offeredLoadErlangs: load, agents } = blocking;
  return Math.log(agents - load) - Math.log(agents) + blocking.logExcess;
}

/**
 * Erlang C: the probability that an arriving call has to wait (M/M/N).
 *
 * @param offeredLoadErlangs arrival rate × mean handle time; finite, ≥ 0
 * @param agents number of agents on the phones; integer ≥ 0
 * @returns a probability in [0, 1]. It is 1 when agents ≤ load, because the queue then grows without bound,
 *   and 0 when the load is 0.
 * @throws RangeError for invalid arguments
 * @example erlangC(10, 12) // ≈ 0.4494
 */
export function erlangC(offeredLoadErlangs: number, agents: number): number {
  checkErlangArguments('erlangC', offeredLoadErlangs, agents);
  if (offeredLoadErlangs === 0) return 0;
  if (offeredLoadErlangs >= agents) return 1;
  return 1 / (1 + Math.exp(logWaitOdds(erlangBState(offeredLoadErlangs, agents))));
}

/**
 * Exact Erlang C metrics. All three service-level definitions coincide (nobody abandons):
 * SL = P(W ≤ T) = 1 − C·e^{−(N − A)T/AHT}, computed as (1 − C) − C·expm1(−(N − A)T/AHT).
 * ASA (answered) and the mean wait (all attempts) are both C·AHT/(N − A).
 *
 * @param input a queue with `meanPatienceSeconds: null`
 * @param blocking the Erlang B recurrence at `input.agents` (computed when omitted)
 * @returns the metrics; an overloaded queue (load ≥ agents) is reported as `stable: false` with infinite waits
 * @throws RangeError for an invalid input
 * @example erlangCMetrics({ arrivalsPerSecond: 1 / 18, meanHandleSeconds: 180, agents: 14, meanPatienceSeconds: null,
 *   serviceLevel: { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 } })
 *   // serviceLevel ≈ 0.888350, asaSeconds ≈ 7.8359, probabilityOfWaiting ≈ 0.174132
 */
export function erlangCMetrics(input: QueueInput, blocking?: ErlangBState): QueueMetrics {
  checkQueueInput(input);
  const cInput = input.meanPatienceSeconds === null ? input : { ...input, meanPatienceSeconds: null };
  const degenerate = degenerateQueueMetrics(cInput);
  if (degenerate !== null) return degenerate;

  const { arrivalsPerSecond, meanHandleSeconds, agents, serviceLevel } = input;
  const load = arrivalsPerSecond * meanHandleSeconds;
  const state = blocking ?? erlangBState(load, agents);
  const odds = Math.exp(logWaitOdds(state)); // (1 − ρ)R = P(no wait)/P(wait)
  const probabilityOfWaiting = odds === Infinity ? 0 : 1 / (1 + odds);
  const probabilityOfNoWait = odds === Infinity ? 1 : odds / (1 + odds);
  const decayPerSecond = (agents - load) / meanHandleSeconds;
  const serviceLevelValue =
    probabilityOfNoWait - probabilityOfWaiting * Math.expm1(-decayPerSecond * serviceLevel.answerWithinSeconds);
  const meanWaitSeconds = probabilityOfWaiting / decayPerSecond;
  return {
    model: 'erlang-c',
    agents,
    offeredLoadErlangs: load,
    stable: true,
    probabilityOfWaiting,
    serviceLevel: Math.min(1, serviceLevelValue),
    asaSeconds: meanWaitSeconds,
    meanWaitSeconds,
    abandonedShare: 0,
    occupancy: load / agents,
  };
}
