import type { ServiceLevelRule } from '../model/contact-centre-model.js';
import { erlangAMetrics } from './erlang-a.js';
import { erlangBState, type ErlangBState } from './erlang-b.js';
import { erlangCMetrics } from './erlang-c.js';
import { checkQueueInput, degenerateQueueMetrics } from './queue-input-checks.js';

/** One stationary queue: Poisson arrivals, exponential handle times, N agents, FIFO, exponential or no patience. */
export interface QueueInput {
  /** λ, attempts per second; finite, ≥ 0. */
  readonly arrivalsPerSecond: number;
  /** 1/μ, seconds of talk + wrap-up per answered attempt; finite, > 0. */
  readonly meanHandleSeconds: number;
  /** N, agents on the phones; integer ≥ 0. */
  readonly agents: number;
  /** Mean patience 1/θ in seconds (Erlang A, exponential patience); null = infinite patience (Erlang C). */
  readonly meanPatienceSeconds: number | null;
  /** How the service level is counted (answerWithinSeconds, definition, shortAbandonSeconds). */
  readonly serviceLevel: ServiceLevelRule;
}

/** Stationary performance of one queue; shares are fractions in 0..1, times in seconds. */
export interface QueueMetrics {
  readonly model: 'erlang-c' | 'erlang-a';
  readonly agents: number;
  /** λ/μ. */
  readonly offeredLoadErlangs: number;
  /** Erlang C: load < agents (otherwise the queue grows without bound); Erlang A: always true. */
  readonly stable: boolean;
  /** P(W > 0) for an arriving attempt. */
  readonly probabilityOfWaiting: number;
  /** Per `serviceLevel.definition` (SPEC §2). */
  readonly serviceLevel: number;
  /** Mean wait of answered attempts, seconds. */
  readonly asaSeconds: number;
  /** Mean time in queue over all attempts (answered and abandoned), seconds. */
  readonly meanWaitSeconds: number;
  /** P(abandon); 0 for Erlang C. */
  readonly abandonedShare: number;
  /** λ(1 − P(ab))/(Nμ): busy time / on-phone time, ≤ 1. */
  readonly occupancy: number;
}

/**
 * The exact formulas reusing an Erlang B recurrence state at `input.agents` (the staffing solver advances one
 * instead of recomputing it). Degenerate inputs get the same decided values as {@link evaluateQueue}.
 *
 * @param input the queue
 * @param blocking `erlangBState(λ·AHT, input.agents)`, or a state advanced to it
 * @throws RangeError for an invalid input
 * @example evaluateQueueWithBlocking(input, advanceErlangB(erlangBState(10, 11))) // same as evaluateQueue({ ...input, agents: 12 }) at A = 10
 */
export function evaluateQueueWithBlocking(input: QueueInput, blocking: ErlangBState): QueueMetrics {
  return input.meanPatienceSeconds === null ? erlangCMetrics(input, blocking) : erlangAMetrics(input, blocking);
}

/**
 * Exact stationary metrics of one queue: Erlang C (M/M/N) when `meanPatienceSeconds` is null, Erlang A
 * (M/M/N+M, Mandelbaum–Zeltyn closed forms) otherwise. Both are finite and fast for 100 000 agents.
 *
 * @param input the queue; see {@link QueueInput}
 * @returns the metrics; see {@link QueueMetrics} and {@link degenerateQueueMetrics} for the edge cases
 * @throws RangeError for inputs outside their domain (see {@link checkQueueInput})
 * @example evaluateQueue({ arrivalsPerSecond: 10 / 180, meanHandleSeconds: 180, agents: 12, meanPatienceSeconds: null,
 *   serviceLevel: { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 } })
 *   // probabilityOfWaiting ≈ 0.4494, asaSeconds ≈ 40.4, serviceLevel ≈ 0.640
 */
export function evaluateQueue(input: QueueInput): QueueMetrics {
  checkQueueInput(input);
  return evaluateCheckedQueue(input);
}

/**
 * {@link evaluateQueue} for an input already known to be in its domain — one built from a validated model in a loop
 * that evaluates thousands of queues (the plan's fixed points) — without checking it again.
 */
export function evaluateCheckedQueue(input: QueueInput): QueueMetrics {
  const degenerate = degenerateQueueMetrics(input);
  if (degenerate !== null) return degenerate;
  const blocking = erlangBState(input.arrivalsPerSecond * input.meanHandleSeconds, input.agents);
  return evaluateQueueWithBlocking(input, blocking);
}
