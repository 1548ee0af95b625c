import type { ServiceLevelDefinition, ServiceLevelRule } from '../model/contact-centre-model.js';
import type { QueueInput, QueueMetrics } from './queue-metrics.js';

/**
 * Domain checks of a {@link QueueInput} and the decided metrics of its degenerate cases, shared by the closed
 * forms (erlang-c.ts, erlang-a.ts), the birth–death chain and the staffing solver.
 */

const DEFINITIONS: readonly ServiceLevelDefinition[] = ['answered-of-offered', 'answered-of-answered', 'exclude-short-abandons'];

/**
 * Throws a RangeError naming the first field that is out of its domain. Callers validate user input
 * earlier (src/scenario); this guards against programming errors.
 *
 * @throws RangeError for negative or non-finite rates, non-positive handle time or patience, agents that are
 *   not a non-negative integer, or a service-level rule with negative or non-finite seconds
 * @example checkQueueInput({ ...input, agents: 2.5 }) // throws RangeError('agents must be an integer ≥ 0 (got 2.5)')
 */
export function checkQueueInput(input: QueueInput): void {
  const { arrivalsPerSecond, meanHandleSeconds, agents, meanPatienceSeconds, serviceLevel } = input;
  if (!(arrivalsPerSecond >= 0) || !Number.isFinite(arrivalsPerSecond)) {
    throw new RangeError(`arrivalsPerSecond must be a finite number ≥ 0 (got ${arrivalsPerSecond})`);
  }
  if (!(meanHandleSeconds > 0) || !Number.isFinite(meanHandleSeconds)) {
    throw new RangeError(`meanHandleSeconds must be a finite number > 0 (got ${meanHandleSeconds})`);
  }
  if (!Number.isInteger(agents) || agents < 0) {
    throw new RangeError(`agents must be an integer ≥ 0 (got ${agents})`);
  }
  if (meanPatienceSeconds !== null && (!(meanPatienceSeconds > 0) || !Number.isFinite(meanPatienceSeconds))) {
    throw new RangeError(
      `meanPatienceSeconds must be a finite number > 0, or null for infinite patience (got ${meanPatienceSeconds})`,
    );
  }
  checkServiceLevelRule(serviceLevel);
}

/**
 * Checks a service-level rule.
 *
 * @throws RangeError for a rule with negative or non-finite seconds or an unknown definition
 * @example checkServiceLevelRule({ answerWithinSeconds: -1, definition: 'answered-of-offered', shortAbandonSeconds: 5 })
 *   // throws RangeError('serviceLevel.answerWithinSeconds must be a finite number ≥ 0 (got -1)')
 */
export function checkServiceLevelRule(rule: ServiceLevelRule): void {
  if (!(rule.answerWithinSeconds >= 0) || !Number.isFinite(rule.answerWithinSeconds)) {
    throw new RangeError(`serviceLevel.answerWithinSeconds must be a finite number ≥ 0 (got ${rule.answerWithinSeconds})`);
  }
  if (!(rule.shortAbandonSeconds >= 0) || !Number.isFinite(rule.shortAbandonSeconds)) {
    throw new RangeError(`serviceLevel.shortAbandonSeconds must be a finite number ≥ 0 (got ${rule.shortAbandonSeconds})`);
  }
  if (!DEFINITIONS.includes(rule.definition)) {
    throw new RangeError(`serviceLevel.definition must be one of ${DEFINITIONS.join(', ')} (got ${String(rule.definition)})`);
  }
}

/**
 * The decided metrics of the cases that the formulas do not cover, or null when the formulas apply:
 * - no arrivals: nobody waits, SL 1, waits 0, occupancy 0 (stable);
 * - Erlang C with load ≥ agents (including 0 agents): no steady state — `stable: false`, SL 0, P(wait) 1,
 *   ASA and mean wait Infinity, occupancy 1;
 * - Erlang A with 0 agents: everybody waits and abandons — SL 0, ASA 0 (nobody answered), mean wait = mean
 *   patience, occupancy 0.
 *
 * @example degenerateQueueMetrics({ arrivalsPerSecond: 0, meanHandleSeconds: 180, agents: 3,
 *   meanPatienceSeconds: null, serviceLevel: rule })?.serviceLevel // 1
 */
export function degenerateQueueMetrics(input: QueueInput): QueueMetrics | null {
  const offeredLoadErlangs = input.arrivalsPerSecond * input.meanHandleSeconds;
  const patient = input.meanPatienceSeconds === null;
  // The common case first, without building anything (the plan asks thousands of times).
  if (input.arrivalsPerSecond !== 0 && (patient ? offeredLoadErlangs < input.agents : input.agents !== 0)) return null;
  const model = patient ? 'erlang-c' : 'erlang-a';
  const base = { model, agents: input.agents, offeredLoadErlangs } as const;
  if (input.arrivalsPerSecond === 0) {
    return {
      ...base,
      stable: true,
      probabilityOfWaiting: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      meanWaitSeconds: 0,
      abandonedShare: 0,
      occupancy: 0,
    };
  }
  if (input.meanPatienceSeconds === null && offeredLoadErlangs >= input.agents) {
    return {
      ...base,
      stable: false,
      probabilityOfWaiting: 1,
      serviceLevel: 0,
      asaSeconds: Infinity,
      meanWaitSeconds: Infinity,
      abandonedShare: 0,
      occupancy: 1,
    };
  }
  if (input.meanPatienceSeconds !== null && input.agents === 0) {
    return {
      ...base,
      stable: true,
      probabilityOfWaiting: 1,
      serviceLevel: 0,
      asaSeconds: 0,
      meanWaitSeconds: input.meanPatienceSeconds,
      abandonedShare: 1,
      occupancy: 0,
    };
  }
  return null;
}

