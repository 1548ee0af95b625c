import { checkQueueInput, degenerateQueueMetrics } from './queue-input-checks.js';
import type { QueueInput, QueueMetrics } from './queue-metrics.js';

/**
 * The same metrics as the closed forms, computed a second, independent way: from the truncated birth–death
 * chain of the number in system (birth λ; death min(n, N)μ + (n − N)⁺θ, θ = 0 for Erlang C) and, for the
 * service level, from an explicit uniformization of the tagged-caller chain. Tests assert that both ways agree.
 *
 * It is a reference implementation: O(N + J) memory and O(J·ΛT) time for the service level (J queue states,
 * Λ the uniformization rate), fine for thousands of agents, not meant for the 100 000-agent hot path.
 */

/** Truncate the queue once a state, and the geometric bound of the tail after it, fall below this share. */
const TAIL_SHARE = 1e-18;
/** Poisson weights below this share of the largest are left out of the uniformization sums. */
const POISSON_CUTOFF = 1e-20;
/** Refuse chains larger than this (a queue with ρ within 1e−6 of 1, say): this is a test oracle, not a solver. */
const MAX_QUEUE_STATES = 5_000_000;

/** Stationary distribution, normalised, with the queue part truncated where negligible. */
interface Stationary {
  /** p_n for n = 0..N−1. */
  readonly belowAgents: Float64Array;
  /** p_{N+j} for j = 0..J−1. */
  readonly queue: Float64Array;
}

function stationaryDistribution(arrivalsPerSecond: number, serviceRate: number, agents: number, abandonRate: number): Stationary {
  // ln of unnormalised weights, relative to state 0.
  const logBelow = new Float64Array(agents);
  let logWeight = 0;
  for (let n = 0; n < agents; n += 1) {
    if (n > 0) logWeight += Math.log(arrivalsPerSecond / (n * serviceRate));
    logBelow[n] = logWeight;
  }
  const logQueue: number[] = [];
  let maxLog = -Infinity;
  for (const value of logBelow) maxLog = Math.max(maxLog, value);
  logWeight += agents > 0 ? Math.log(arrivalsPerSecond / (agents * serviceRate)) : 0;
  for (let j = 0; ; j += 1) {
    if (j > 0) logWeight += Math.log(arrivalsPerSecond / (agents * serviceRate + j * abandonRate));
    logQueue.push(logWeight);
    maxLog = Math.max(maxLog, logWeight);
    const ratio = arrivalsPerSecond / (agents * serviceRate + (j + 1) * abandonRate);
    if (ratio < 1) {
      const logTailBound = logWeight + Math.log(ratio / (1 - ratio));
      if (logWeight - maxLog < Math.log(TAIL_SHARE) && logTailBound - maxLog < Math.log(TAIL_SHARE)) break;
    }
    if (logQueue.length > MAX_QUEUE_STATES) {
      throw new RangeError(`birth–death chain: more than ${MAX_QUEUE_STATES} queue states needed (load too close to the agents)`);
    }
  }
  let total = 0;
  const belowAgents = new Float64Array(agents);
  for (let n = 0; n < agents; n += 1) {
    const value = Math.exp((logBelow[n] as number) - maxLog);
    belowAgents[n] = value;
    total += value;
  }
  const queue = new Float64Array(logQueue.length);
  for (let j = 0; j < logQueue.length; j += 1) {
    const value = Math.exp((logQueue[j] as number) - maxLog);
    queue[j] = value;
    total += value;
  }
  for (let n = 0; n < agents; n += 1) belowAgents[n] = (belowAgents[n] as number) / total;
  for (let j = 0; j < queue.length; j += 1) queue[j] = (queue[j] as number) / total;
  return { belowAgents, queue };
}

/** Poisson(mean) weights on [first, first + weights.length), renormalised over that window. */
function poissonWindow(mean: number): { first: number; weights: Float64Array } {
  if (mean === 0) return { first: 0, weights: Float64Array.of(1) };
  const mode = Math.floor(mean);
  const below: number[] = [];
  const above: number[] = [];
  let weight = 1;
  for (let n = mode; n > 0; n -= 1) {
    weight *= n / mean;
    if (weight < POISSON_CUTOFF) break;
    below.push(weight);
  }
  weight = 1;
  for (let n = mode + 1; ; n += 1) {
    weight *= mean / n;
    if (weight < POISSON_CUTOFF) break;
    above.push(weight);
  }
  const weights = new Float64Array(below.length + 1 + above.length);
  let index = 0;
  for (let i = below.length - 1; i >= 0; i -= 1) weights[index++] = below[i] as number;
  weights[index++] = 1;
  for (const value of above) weights[index++] = value;
  let total = 0;
  for (const value of weights) total += value;
  // Relative weights from the mode, renormalised over the window: no ln Γ, no underflow for large means.
  for (let i = 0; i < weights.length; i += 1) weights[i] = (weights[i] as number) / total;
  return { first: mode - below.length, weights };
}

/**
 * For a tagged caller who finds j waiting (j = 0..states−1), the probabilities of being served and of
 * abandoning within `horizonSeconds`, by uniformization of the absorbing chain "number ahead"
 * (k → k−1 at rate Nμ + kθ, served from k = 0 at rate Nμ, abandon at rate θ).
 */
export function taggedAbsorptionWithin(
  states: number,
  serverRate: number,
  abandonRate: number,
  horizonSeconds: number,
): { served: Float64Array; abandoned: Float64Array } {
  const served = new Float64Array(states);
  const abandoned = new Float64Array(states);
  if (horizonSeconds === 0 || states === 0) return { served, abandoned };
  const uniformRate = serverRate + states * abandonRate;
  const { first, weights } = poissonWindow(uniformRate * horizonSeconds);
  const last = first + weights.length - 1;
  const down = new Float64Array(states);
  const stay = new Float64Array(states);
  for (let k = 0; k < states; k += 1) {
    const rate = serverRate + k * abandonRate;
    down[k] = rate / uniformRate;
    stay[k] = 1 - (rate + abandonRate) / uniformRate;
  }
  const abandonStep = abandonRate / uniformRate;
  let servedNow = new Float64Array(states);
  let servedNext = new Float64Array(states);
  let abandonedNow = new Float64Array(states);
  let abandonedNext = new Float64Array(states);
  for (let step = 0; step <= last; step += 1) {
    if (step > 0) {
      for (let k = 0; k < states; k += 1) {
        const servedBelow = k === 0 ? 1 : (servedNow[k - 1] as number);
        const abandonedBelow = k === 0 ? 0 : (abandonedNow[k - 1] as number);
        servedNext[k] = (down[k] as number) * servedBelow + (stay[k] as number) * (servedNow[k] as number);
        abandonedNext[k] = abandonStep + (down[k] as number) * abandonedBelow + (stay[k] as number) * (abandonedNow[k] as number);
      }
      [servedNow, servedNext] = [servedNext, servedNow];
      [abandonedNow, abandonedNext] = [abandonedNext, abandonedNow];
    }
    if (step >= first) {
      const weight = weights[step - first] as number;
      for (let k = 0; k < states; k += 1) {
        served[k] = (served[k] as number) + weight * (servedNow[k] as number);
        abandoned[k] = (abandoned[k] as number) + weight * (abandonedNow[k] as number);
      }
    }
  }
  return { served, abandoned };
}

/**
 * Queue metrics from the truncated birth–death chain and the tagged-caller chain — the independent check of
 * {@link evaluateQueue}. Degenerate inputs (no arrivals, overloaded Erlang C, Erlang A without agents) get the
 * same decided values as evaluateQueue.
 *
 * Per caller finding j waiting (stage rates r_k = Nμ + kθ, k = j … 0) the simple recursions over k give
 * s_j = P(served) = s_{j−1}·r_j/(r_j + θ), w_j = E[W; served] = r_j/(r_j + θ)·(s_{j−1}/(r_j + θ) + w_{j−1}) and
 * m_j = E[min(W, patience)] = 1/(r_j + θ) + r_j/(r_j + θ)·m_{j−1}. Occupancy is E[busy agents]/N.
 *
 * @param input the queue
 * @throws RangeError for invalid input, or when the chain would need more than 5 million queue states
 * @example evaluateQueueByChain({ arrivalsPerSecond: 1 / 18, meanHandleSeconds: 180, agents: 14, meanPatienceSeconds: 300,
 *   serviceLevel: { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 } }).serviceLevel
 *   // ≈ 0.916792
 */
export function evaluateQueueByChain(input: QueueInput): QueueMetrics {
  checkQueueInput(input);
  const degenerate = degenerateQueueMetrics(input);
  if (degenerate !== null) return degenerate;

  const { arrivalsPerSecond, meanHandleSeconds, agents, meanPatienceSeconds, serviceLevel } = input;
  const serviceRate = 1 / meanHandleSeconds;
  const abandonRate = meanPatienceSeconds === null ? 0 : 1 / meanPatienceSeconds;
  const serverRate = agents * serviceRate;
  const { belowAgents, queue } = stationaryDistribution(arrivalsPerSecond, serviceRate, agents, abandonRate);

  let noWait = 0;
  let busy = 0;
  for (let n = 0; n < agents; n += 1) {
    noWait += belowAgents[n] as number;
    busy += n * (belowAgents[n] as number);
  }
  let probabilityOfWaiting = 0;
  let abandoned = 0;
  let servedWithWait = 0;
  let waitOfServed = 0;
  let meanWait = 0;
  let served = 1; // s_{j−1}, starting at s_{−1} = 1
  let waitServed = 0; // w_{j−1}
  let timeInQueue = 0; // m_{j−1}
  for (let j = 0; j < queue.length; j += 1) {
    const p = queue[j] as number;
    const rate = serverRate + j * abandonRate;
    const moveOn = rate / (rate + abandonRate);
    waitServed = moveOn * (served / (rate + abandonRate) + waitServed);
    timeInQueue = 1 / (rate + abandonRate) + moveOn * timeInQueue;
    served *= moveOn;
    probabilityOfWaiting += p;
    busy += agents * p;
    servedWithWait += p * served;
    abandoned += p * (1 - served);
    waitOfServed += p * waitServed;
    meanWait += p * timeInQueue;
  }
  const servedShare = noWait + servedWithWait;

  const within = taggedAbsorptionWithin(queue.length, serverRate, abandonRate, serviceLevel.answerWithinSeconds);
  let answeredWithin = noWait;
  for (let j = 0; j < queue.length; j += 1) answeredWithin += (queue[j] as number) * (within.served[j] as number);

  let serviceLevelValue = answeredWithin;
  if (serviceLevel.definition === 'answered-of-answered') {
    serviceLevelValue = servedShare > 0 ? answeredWithin / servedShare : 0;
  } else if (serviceLevel.definition === 'exclude-short-abandons') {
    const short = taggedAbsorptionWithin(queue.length, serverRate, abandonRate, serviceLevel.shortAbandonSeconds);
    let shortAbandoned = 0;
    for (let j = 0; j < queue.length; j += 1) shortAbandoned += (queue[j] as number) * (short.abandoned[j] as number);
    serviceLevelValue = answeredWithin / (1 - shortAbandoned);
  }

  return {
    model: meanPatienceSeconds === null ? 'erlang-c' : 'erlang-a',
    agents,
    offeredLoadErlangs: arrivalsPerSecond * meanHandleSeconds,
    stable: true,
    probabilityOfWaiting,
    serviceLevel: Math.min(1, serviceLevelValue),
    asaSeconds: servedShare > 0 ? waitOfServed / servedShare : 0,
    meanWaitSeconds: meanWait,
    abandonedShare: abandoned,
    occupancy: Math.min(1, busy / agents),
  };
}
