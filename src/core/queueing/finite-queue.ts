import { taggedAbsorptionWithin } from './birth-death-chain.js';
import { checkQueueInput } from './queue-input-checks.js';
import type { QueueInput, QueueMetrics } from './queue-metrics.js';

/** A queue with a limited number of waiting places (`maxQueue`); a call that finds them all taken is blocked. */
export interface FiniteQueueInput extends QueueInput {
  /** K, waiting places; integer ≥ 0. 0 = no waiting at all (Erlang B). */
  readonly maxQueue: number;
}

/** The metrics of a finite queue: those of any queue, plus the share of calls blocked. */
export interface FiniteQueueMetrics extends QueueMetrics {
  /** Share of arriving calls that find all agents busy and all K waiting places taken (PASTA: P(N + K in system)). */
  readonly blockedShare: number;
}

/**
 * Exact stationary metrics of M/M/N/K+M (SPEC §7, `maxQueue`): Poisson arrivals, exponential handle times, N agents,
 * K waiting places, exponential patience (or none). The birth–death chain of the number in system (birth λ below
 * N + K; death min(n, N)μ + (n − N)⁺θ) is solved exactly in log space; a caller who finds j < K waiting is served or
 * abandons as in Erlang A (the callers behind do not matter to him), so the service level comes from the same
 * tagged-caller chain as {@link evaluateQueueByChain}. Blocked calls count as offered and not answered (their wait is
 * 0, and they are not abandons): `answered + abandoned + blocked = offered`.
 *
 * With K = 0 it is Erlang B: blockedShare = B(N, A), nobody waits.
 *
 * @param input the queue and its waiting places
 * @throws RangeError for invalid input
 * @example evaluateFiniteQueue({ arrivalsPerSecond: 6 / 180, meanHandleSeconds: 180, agents: 8, meanPatienceSeconds: null,
 *   maxQueue: 0, serviceLevel: { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 } })
 *   .blockedShare // ≈ 0.12188 (Erlang B, A = 6, N = 8)
 */
export function evaluateFiniteQueue(input: FiniteQueueInput): FiniteQueueMetrics {
  checkQueueInput(input);
  const { arrivalsPerSecond: lambda, meanHandleSeconds, agents, meanPatienceSeconds, serviceLevel, maxQueue } = input;
  if (!Number.isInteger(maxQueue) || maxQueue < 0) throw new RangeError(`maxQueue must be an integer ≥ 0 (got ${maxQueue})`);
  const model = meanPatienceSeconds === null ? 'erlang-c' : 'erlang-a';
  const load = lambda * meanHandleSeconds;
  if (lambda === 0) {
    return { model, agents, offeredLoadErlangs: 0, stable: true, probabilityOfWaiting: 0, serviceLevel: 1, asaSeconds: 0, meanWaitSeconds: 0, abandonedShare: 0, occupancy: 0, blockedShare: 0 };
  }
  const mu = 1 / meanHandleSeconds;
  const theta = meanPatienceSeconds === null ? 0 : 1 / meanPatienceSeconds;
  const states = agents + maxQueue + 1;
  // ln of unnormalised weights p_n / p_0.
  const logWeights = new Float64Array(states);
  let maxLog = 0;
  for (let n = 1; n < states; n += 1) {
    const death = Math.min(n, agents) * mu + Math.max(0, n - agents) * theta;
    logWeights[n] = (logWeights[n - 1] as number) + Math.log(lambda / death);
    if ((logWeights[n] as number) > maxLog) maxLog = logWeights[n] as number;
  }
  const p = new Float64Array(states);
  let total = 0;
  for (let n = 0; n < states; n += 1) {
    p[n] = Math.exp((logWeights[n] as number) - maxLog);
    total += p[n] as number;
  }
  for (let n = 0; n < states; n += 1) p[n] = (p[n] as number) / total;

  let noWait = 0;
  let busy = 0;
  for (let n = 0; n < Math.min(agents, states); n += 1) {
    noWait += p[n] as number;
    busy += n * (p[n] as number);
  }
  const blockedShare = p[states - 1] as number;
  const serverRate = agents * mu;
  let servedWithWait = 0;
  let abandoned = 0;
  let waitOfServed = 0;
  let meanWait = 0;
  let served = 1;
  let waitServed = 0;
  let timeInQueue = 0;
  // A caller who finds j waiting (n = N + j, j < K): served with probability s_j, after the recursions of the chain.
  for (let j = 0; j < maxQueue; j += 1) {
    const probability = p[agents + j] as number;
    const rate = serverRate + j * theta;
    const moveOn = rate / (rate + theta);
    waitServed = moveOn * (served / (rate + theta) + waitServed);
    timeInQueue = 1 / (rate + theta) + moveOn * timeInQueue;
    served *= moveOn;
    servedWithWait += probability * served;
    abandoned += probability * (1 - served);
    waitOfServed += probability * waitServed;
    meanWait += probability * timeInQueue;
  }
  for (let n = agents; n < states; n += 1) busy += agents * (p[n] as number);
  const servedShare = noWait + servedWithWait;

  const within = taggedAbsorptionWithin(maxQueue, serverRate, theta, serviceLevel.answerWithinSeconds);
  let answeredWithin = noWait;
  for (let j = 0; j < maxQueue; j += 1) answeredWithin += (p[agents + j] as number) * (within.served[j] as number);
  let serviceLevelValue = answeredWithin;
  if (serviceLevel.definition === 'answered-of-answered') {
    serviceLevelValue = servedShare > 0 ? answeredWithin / servedShare : 0;
  } else if (serviceLevel.definition === 'exclude-short-abandons') {
    const short = taggedAbsorptionWithin(maxQueue, serverRate, theta, serviceLevel.shortAbandonSeconds);
    let shortAbandoned = 0;
    for (let j = 0; j < maxQueue; j += 1) shortAbandoned += (p[agents + j] as number) * (short.abandoned[j] as number);
    serviceLevelValue = answeredWithin / (1 - shortAbandoned);
  }
  return {
    model,
    agents,
    offeredLoadErlangs: load,
    stable: true,
    probabilityOfWaiting: 1 - noWait,
    serviceLevel: Math.min(1, serviceLevelValue),
    asaSeconds: servedShare > 0 ? waitOfServed / servedShare : 0,
    meanWaitSeconds: meanWait,
    abandonedShare: abandoned,
    occupancy: agents > 0 ? Math.min(1, busy / agents) : 0,
    blockedShare,
  };
}
