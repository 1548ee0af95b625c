/**
 * Erlang B (M/M/N/N blocking) by its stable recurrence, and a resumable form of the same recurrence that
 * the Erlang C/A formulas and the staffing solver advance one agent at a time.
 *
 * Numerics: the factorial form Aᴺ/N! overflows past N ≈ 170. The recurrence B(k) = A·B(k−1)/(k + A·B(k−1))
 * has only positive terms and never overflows. Its inverse r(k) = 1/B(k) = 1 + (k/A)·r(k−1) is the same
 * recurrence with one multiply-add per step (no division on the critical path); it is kept as
 * mantissa × e^scale so that r can grow past 1e308 (B below the smallest double) and the logarithms that
 * Erlang A needs stay exact.
 */

/** Logarithms of the Erlang B recurrence at one number of agents. */
export interface ErlangBState {
  readonly offeredLoadErlangs: number;
  readonly agents: number;
  /** ln(1/B(N)); 0 for N = 0; Infinity when the load is 0 and N ≥ 1. */
  readonly logInverseBlocking: number;
  /** ln(1/B(N) − 1) = ln(N/A) + ln(1/B(N−1)); −Infinity for N = 0. */
  readonly logExcess: number;
}

/** Rescale the running inverse when it passes this, folding it into the log scale. */
const RESCALE_ABOVE = 1e280;
/**
 * A start value r(k₀) = A/(A − k₀) is used instead of running the recurrence from k = 0 when
 * k₀ = min(N, A) − WARM_START_WIDTH·√A − 40 is large enough to save work.
 *
 * Why this is exact to double precision: an error ε in r(k−1) reaches r(k) as (1 − B(k))·ε relatively, and
 * for k < A, 1 − B(k) ≈ k/A. Over the w = 10√A + 40 steps between k₀ and min(N, A), the relative error shrinks
 * by Π k/A ≤ exp(−w²/(2A)) < e⁻⁵⁰ ≈ 2e−22, and it never grows afterwards. The start value is within a factor
 * of about (1 + 1/100) of the truth because B(k) ≥ 1 − k/A always (carried traffic ≤ k), so r(k₀) ≤ A/(A − k₀),
 * and the two agree to O(A/(A − k₀)²) at this distance below A.
 */
const WARM_START_WIDTH = 10;

/**
 * Throws a RangeError unless the load is finite and ≥ 0 and agents is an integer ≥ 0.
 *
 * @example checkErlangArguments('erlangC', 10, 12) // passes
 */
export function checkErlangArguments(name: string, offeredLoadErlangs: number, agents: number): void {
  if (!(offeredLoadErlangs >= 0) || !Number.isFinite(offeredLoadErlangs)) {
    throw new RangeError(`${name}: offered load must be a finite number ≥ 0 Erlangs (got ${offeredLoadErlangs})`);
  }
  if (!Number.isInteger(agents) || agents < 0) {
    throw new RangeError(`${name}: agents must be an integer ≥ 0 (got ${agents})`);
  }
}

/**
 * Erlang B: the probability that a call finds all N agents busy and is lost (M/M/N/N), by the recurrence
 * B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)). O(N) time, no factorials, no overflow.
 *
 * @param offeredLoadErlangs offered load A = arrival rate × mean handle time; finite, ≥ 0
 * @param agents number of servers N; integer ≥ 0
 * @returns a probability in [0, 1]; 1 for N = 0; 0 for A = 0 and N ≥ 1
 * @throws RangeError for a negative or non-finite load, or agents that are not a non-negative integer
 * @example erlangB(1, 2) // 0.2
 */
export function erlangB(offeredLoadErlangs: number, agents: number): number {
  checkErlangArguments('erlangB', offeredLoadErlangs, agents);
  let blocking = 1;
  for (let k = 1; k <= agents; k += 1) {
    const carried = offeredLoadErlangs * blocking;
    blocking = carried / (k + carried);
  }
  return blocking;
}

/**
 * Runs r(k) = 1 + (k/A)·r(k−1) from (mantissa, scale) at k = from to k = to, returning the logs of r(to − 1)
 * and r(to). `to` > `from`.
 */
function runInverseRecurrence(
  offeredLoadErlangs: number,
  from: number,
  to: number,
  startMantissa: number,
  startScale: number,
): { logPrevious: number; logCurrent: number } {
  const inverseLoad = 1 / offeredLoadErlangs;
  let mantissa = startMantissa;
  let scale = startScale;
  let one = Math.exp(-scale); // the "+1" of the recurrence in units of e^scale
  let previousMantissa = mantissa;
  let previousScale = scale;
  for (let k = from + 1; k <= to; k += 1) {
    previousMantissa = mantissa;
    previousScale = scale;
    mantissa = one + k * inverseLoad * mantissa;
    if (mantissa > RESCALE_ABOVE) {
      scale += Math.log(mantissa);
      mantissa = 1;
      one = Math.exp(-scale);
    }
  }
  return {
    logPrevious: Math.log(previousMantissa) + previousScale,
    logCurrent: Math.log(mantissa) + scale,
  };
}

function stateFromLogs(offeredLoadErlangs: number, agents: number, logPrevious: number, logCurrent: number): ErlangBState {
  return {
    offeredLoadErlangs,
    agents,
    logInverseBlocking: logCurrent,
    logExcess: Math.log(agents) - Math.log(offeredLoadErlangs) + logPrevious,
  };
}

/**
 * The Erlang B recurrence evaluated at `agents`, kept in log form so that Erlang C and A can use
 * ln(1/B) and ln(1/B − 1) without overflow or cancellation, and so that {@link advanceErlangB} can continue it.
 *
 * For large loads the recurrence starts 10·√A + 40 steps below min(N, A) from the bound r = A/(A − k) instead of
 * at k = 0 (see the note on WARM_START_WIDTH): the result is the same to double precision, and N = 100 000
 * costs a few thousand steps instead of 100 000.
 *
 * @param offeredLoadErlangs A; finite, ≥ 0
 * @param agents N; integer ≥ 0
 * @throws RangeError for invalid arguments
 * @example Math.exp(-erlangBState(1, 2).logInverseBlocking) // ≈ 0.2
 */
export function erlangBState(offeredLoadErlangs: number, agents: number): ErlangBState {
  checkErlangArguments('erlangBState', offeredLoadErlangs, agents);
  if (agents === 0) {
    return { offeredLoadErlangs, agents, logInverseBlocking: 0, logExcess: -Infinity };
  }
  if (offeredLoadErlangs === 0) {
    return { offeredLoadErlangs, agents, logInverseBlocking: Infinity, logExcess: Infinity };
  }
  const warmStart = Math.floor(
    Math.min(agents, offeredLoadErlangs) - WARM_START_WIDTH * Math.sqrt(offeredLoadErlangs) - 40,
  );
  if (warmStart >= 64 && warmStart < agents) {
    const startInverse = offeredLoadErlangs / (offeredLoadErlangs - warmStart);
    const logs = runInverseRecurrence(offeredLoadErlangs, warmStart, agents, startInverse, 0);
    return stateFromLogs(offeredLoadErlangs, agents, logs.logPrevious, logs.logCurrent);
  }
  const logs = runInverseRecurrence(offeredLoadErlangs, 0, agents, 1, 0);
  return stateFromLogs(offeredLoadErlangs, agents, logs.logPrevious, logs.logCurrent);
}

/**
 * Advances the Erlang B recurrence by `steps` agents (default 1): O(steps), never restarting from 0.
 *
 * @param state the recurrence at N agents
 * @param steps how many agents to add; integer ≥ 0
 * @returns the recurrence at N + steps agents
 * @example Math.exp(-advanceErlangB(erlangBState(1, 1)).logInverseBlocking) // ≈ 0.2 (= B(2, 1))
 */
export function advanceErlangB(state: ErlangBState, steps = 1): ErlangBState {
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`advanceErlangB: steps must be an integer ≥ 0 (got ${steps})`);
  if (steps === 0) return state;
  const { offeredLoadErlangs, agents } = state;
  const target = agents + steps;
  if (offeredLoadErlangs === 0) {
    return { offeredLoadErlangs, agents: target, logInverseBlocking: Infinity, logExcess: Infinity };
  }
  const logs = runInverseRecurrence(offeredLoadErlangs, agents, target, 1, state.logInverseBlocking);
  return stateFromLogs(offeredLoadErlangs, target, logs.logPrevious, logs.logCurrent);
}

/**
 * B(N) of a recurrence state.
 *
 * @example blockingOf(erlangBState(1, 1)) // 0.5
 */
export function blockingOf(state: ErlangBState): number {
  return Math.exp(-state.logInverseBlocking);
}

/**
 * The fewest lines (trunks, agents) for which Erlang B blocking is at most `maxBlocking`: the smallest N with
 * B(A, N) ≤ maxBlocking, found by running the recurrence upwards once (B falls strictly as lines are added, so the
 * first N that meets the target is the answer). O(N).
 *
 * @param offeredLoadErlangs offered traffic A = calls per second × mean holding time; finite, ≥ 0
 * @param maxBlocking the highest acceptable blocking probability; 0 < maxBlocking < 1
 * @returns an integer ≥ 0 (0 only without traffic)
 * @throws RangeError for a negative or non-finite load, or a target outside (0, 1)
 * @example linesForBlocking(8.108, 0.01) // 15 (erlang.com: 15 lines carry 8.108 E at 1 % blocking)
 */
export function linesForBlocking(offeredLoadErlangs: number, maxBlocking: number): number {
  checkErlangArguments('linesForBlocking', offeredLoadErlangs, 0);
  if (!(maxBlocking > 0 && maxBlocking < 1)) throw new RangeError(`linesForBlocking: maxBlocking must be in (0, 1) (got ${maxBlocking})`);
  if (offeredLoadErlangs === 0) return 0;
  let lines = 0;
  let blocking = 1;
  while (blocking > maxBlocking) {
    lines += 1;
    const carried = offeredLoadErlangs * blocking;
    blocking = carried / (lines + carried);
  }
  return lines;
}

/** What a group of lines does with the traffic offered to it (Erlang B: blocked calls are cleared, not queued). */
export interface ErlangBMetrics {
  readonly lines: number;
  /** A = calls per second × mean holding time. */
  readonly offeredLoadErlangs: number;
  /** B(A, N): the share of calls that find every line busy and are lost. */
  readonly blockingProbability: number;
  /** A·(1 − B): the traffic the lines carry (their mean number busy). */
  readonly carriedLoadErlangs: number;
  /** A·B: the traffic lost to blocking. */
  readonly lostLoadErlangs: number;
  /** Carried traffic per line, 0..1 (0 without lines). */
  readonly occupancy: number;
}

/**
 * Erlang B figures of N lines offered A Erlangs.
 * @example erlangBMetrics(1, 2) // { lines: 2, offeredLoadErlangs: 1, blockingProbability: 0.2, carriedLoadErlangs: 0.8, lostLoadErlangs: 0.2, occupancy: 0.4 }
 */
export function erlangBMetrics(offeredLoadErlangs: number, lines: number): ErlangBMetrics {
  const blockingProbability = erlangB(offeredLoadErlangs, lines);
  const carriedLoadErlangs = offeredLoadErlangs * (1 - blockingProbability);
  return {
    lines,
    offeredLoadErlangs,
    blockingProbability,
    carriedLoadErlangs,
    lostLoadErlangs: offeredLoadErlangs * blockingProbability,
    occupancy: lines === 0 ? 0 : carriedLoadErlangs / lines,
  };
}
