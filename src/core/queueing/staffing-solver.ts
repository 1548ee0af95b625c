import type { ServiceLevelRule } from '../model/contact-centre-model.js';
import { advanceErlangB, erlangBState, type ErlangBState } from './erlang-b.js';
import { checkQueueInput } from './queue-input-checks.js';
import { evaluateQueueWithBlocking, type QueueInput, type QueueMetrics } from './queue-metrics.js';

/** Service targets; every non-null bound must hold. Shares are fractions in 0..1. */
export interface StaffingTargets {
  /** Minimum service level, measured with the problem's `serviceLevel` rule (its answerWithinSeconds and definition). */
  readonly minServiceLevel: number | null;
  /** Maximum abandoned share of attempts (always met by Erlang C, where nobody abandons). */
  readonly maxAbandonShare: number | null;
  /** Maximum occupancy (busy time / on-phone time). */
  readonly maxOccupancy: number | null;
  /** Maximum mean wait of answered attempts, seconds. */
  readonly maxAsaSeconds: number | null;
}

export interface StaffingProblem {
  /** λ, attempts per second; finite, ≥ 0. */
  readonly arrivalsPerSecond: number;
  /** 1/μ, seconds; finite, > 0. */
  readonly meanHandleSeconds: number;
  /** Mean patience in seconds (Erlang A); null = infinite patience (Erlang C). */
  readonly meanPatienceSeconds: number | null;
  readonly serviceLevel: ServiceLevelRule;
  readonly targets: StaffingTargets;
  /** Largest staffing to consider (integer ≥ 0); default {@link searchCapFor}: what each target needs on its own. */
  readonly maxAgents?: number;
}

export type StaffingSolution =
  | { readonly feasible: true; readonly agents: number; readonly metrics: QueueMetrics }
  | { readonly feasible: false; readonly reason: string };

/**
 * The default search cap: ⌈A + 50·√A + 100⌉ agents for an offered load of A Erlangs. Square-root staffing
 * N = A + β√A reaches P(wait) ≈ 1e−15 near β = 8, so any target that doubles can express is met far below
 * the cap; a target that is not met there is reported as infeasible rather than searched for ever.
 *
 * @example defaultMaxAgents(100) // 700
 */
export function defaultMaxAgents(offeredLoadErlangs: number): number {
  return Math.ceil(offeredLoadErlangs + 50 * Math.sqrt(offeredLoadErlangs) + 100);
}

/**
 * The search cap for a problem: the largest staffing any one of its targets needs on its own, so that a target
 * some finite staffing meets is never reported infeasible. Stability, service level, ASA and abandonment are met
 * within {@link defaultMaxAgents}; an occupancy cap o is met by ⌈A/o⌉ agents (+1 for rounding), since occupancy
 * is at most A/N in Erlang C and A (no more than the offered load is served) — far beyond the default when o is
 * small against a large load.
 *
 * @param offeredLoadErlangs A; finite, ≥ 0
 * @param targets the targets; only a maxOccupancy in (0, 1) raises the cap
 * @returns an integer ≥ defaultMaxAgents(A)
 * @example searchCapFor(5000, { minServiceLevel: null, maxAbandonShare: null, maxOccupancy: 0.5, maxAsaSeconds: null })
 *   // 10001 (defaultMaxAgents(5000) is 8636)
 */
export function searchCapFor(offeredLoadErlangs: number, targets: StaffingTargets): number {
  const { maxOccupancy } = targets;
  const forOccupancy = maxOccupancy !== null && maxOccupancy > 0 && maxOccupancy < 1 ? Math.ceil(offeredLoadErlangs / maxOccupancy) + 1 : 0;
  return Math.max(defaultMaxAgents(offeredLoadErlangs), forOccupancy);
}

/** Tolerance for ⌈n/(1 − s)⌉ landing a hair above an integer because of binary fractions (14/0.7 = 20.000000000000004). */
const CEILING_SLACK = 1e-9;

/**
 * Paid (scheduled) agents for a number of agents on the phones: ⌈n/(1 − shrinkage)⌉, where a quotient within
 * 1e−9 (relative) of an integer counts as that integer, so 14 on the phones at 30 % shrinkage gives 20, not 21.
 *
 * @param onPhoneAgents agents needed on the phones; finite, ≥ 0
 * @param shrinkage share of paid time not on the phones; in [0, 1)
 * @returns an integer ≥ 0
 * @throws RangeError for a negative or non-finite agent count or a shrinkage outside [0, 1)
 * @example paidAgentsFor(14, 0.3) // 20
 */
export function paidAgentsFor(onPhoneAgents: number, shrinkage: number): number {
  if (!(onPhoneAgents >= 0) || !Number.isFinite(onPhoneAgents)) {
    throw new RangeError(`onPhoneAgents must be a finite number ≥ 0 (got ${onPhoneAgents})`);
  }
  if (!(shrinkage >= 0 && shrinkage < 1)) throw new RangeError(`shrinkage must be in [0, 1) (got ${shrinkage})`);
  const quotient = onPhoneAgents / (1 - shrinkage);
  const nearest = Math.round(quotient);
  if (Math.abs(quotient - nearest) <= CEILING_SLACK * Math.max(1, quotient)) return nearest;
  return Math.ceil(quotient);
}

function checkTarget(name: string, value: number | null): void {
  if (value !== null && Number.isNaN(value)) throw new RangeError(`targets.${name} must be a number or null (got NaN)`);
}

function describeTargets(targets: StaffingTargets, rule: ServiceLevelRule): string {
  const parts: string[] = [];
  if (targets.minServiceLevel !== null) {
    parts.push(`a service level of ${targets.minServiceLevel} (${rule.definition}, within ${rule.answerWithinSeconds} s)`);
  }
  if (targets.maxAbandonShare !== null) parts.push(`an abandoned share of at most ${targets.maxAbandonShare}`);
  if (targets.maxOccupancy !== null) parts.push(`an occupancy of at most ${targets.maxOccupancy}`);
  if (targets.maxAsaSeconds !== null) parts.push(`an ASA of at most ${targets.maxAsaSeconds} s`);
  return parts.join(', ');
}

/** The targets that no finite staffing meets when calls arrive, with the reason; null when none. */
function impossibleTarget(problem: StaffingProblem): string | null {
  const { targets } = problem;
  if (targets.minServiceLevel !== null && targets.minServiceLevel >= 1) {
    return `no staffing reaches a service level of ${targets.minServiceLevel}: with calls arriving, some always wait longer than ${problem.serviceLevel.answerWithinSeconds} s`;
  }
  if (targets.maxAbandonShare !== null && targets.maxAbandonShare <= 0 && problem.meanPatienceSeconds !== null) {
    return `no staffing reaches an abandoned share of ${targets.maxAbandonShare}: with finite patience some callers always abandon`;
  }
  if (targets.maxOccupancy !== null && targets.maxOccupancy <= 0) {
    return `no staffing reaches an occupancy of ${targets.maxOccupancy}: answering calls keeps agents busy`;
  }
  if (targets.maxAsaSeconds !== null && targets.maxAsaSeconds <= 0) {
    return `no staffing reaches an ASA of ${targets.maxAsaSeconds} s: with calls arriving, some answered calls always wait`;
  }
  return null;
}

/**
 * The targets that metrics miss (by field name; 'stability' for an overloaded Erlang C queue); empty when all hold.
 *
 * @example missedTargets(evaluateQueue({ ...queue, agents: 13 }), { minServiceLevel: 0.8, maxAbandonShare: null,
 *   maxOccupancy: 0.85, maxAsaSeconds: null }) // ['minServiceLevel'] for case 3 of docs/sources.md §3
 */
export function missedTargets(metrics: QueueMetrics, targets: StaffingTargets): string[] {
  const missed: string[] = [];
  if (!metrics.stable) missed.push('stability');
  if (targets.minServiceLevel !== null && !(metrics.serviceLevel >= targets.minServiceLevel)) missed.push('minServiceLevel');
  if (targets.maxAbandonShare !== null && !(metrics.abandonedShare <= targets.maxAbandonShare)) missed.push('maxAbandonShare');
  if (targets.maxOccupancy !== null && !(metrics.occupancy <= targets.maxOccupancy)) missed.push('maxOccupancy');
  if (targets.maxAsaSeconds !== null && !(metrics.asaSeconds <= targets.maxAsaSeconds)) missed.push('maxAsaSeconds');
  return missed;
}

/**
 * A staffing that no solution can be below (minus one agent of slack for rounding): stability for Erlang C,
 * the occupancy cap, and for Erlang A the fluid bounds (served share ≤ N/A, so P(ab) ≥ 1 − N/A and an
 * answered-of-offered SL ≤ N/A).
 */
function lowerBound(problem: StaffingProblem, load: number): number {
  const { targets } = problem;
  let bound = 1;
  if (problem.meanPatienceSeconds === null) {
    bound = Math.max(bound, Math.floor(load) + 1);
    if (targets.maxOccupancy !== null && targets.maxOccupancy < 1) bound = Math.max(bound, Math.ceil(load / targets.maxOccupancy) - 1);
  } else {
    const maxAbandon = targets.maxAbandonShare;
    if (maxAbandon !== null && maxAbandon < 1) {
      bound = Math.max(bound, Math.ceil(load * (1 - maxAbandon)) - 1);
      if (targets.maxOccupancy !== null && targets.maxOccupancy < 1) {
        bound = Math.max(bound, Math.ceil((load * (1 - maxAbandon)) / targets.maxOccupancy) - 1);
      }
    }
    if (targets.minServiceLevel !== null && problem.serviceLevel.definition === 'answered-of-offered') {
      bound = Math.max(bound, Math.ceil(load * targets.minServiceLevel) - 1);
    }
  }
  return Math.max(1, bound);
}

/**
 * The fewest agents on the phones that meet every given target (Erlang C when `meanPatienceSeconds` is null,
 * Erlang A otherwise).
 *
 * Decisions:
 * - No arrivals: 0 agents (nothing waits, every target holds).
 * - With arrivals at least 1 agent is staffed, and Erlang C solutions are always stable (load < agents).
 *   So with every target null the answer is ⌊A⌋ + 1 for Erlang C and 1 for Erlang A.
 * - Targets no finite staffing meets (SL ≥ 1, occupancy ≤ 0, ASA ≤ 0, abandonment ≤ 0 with Erlang A) return
 *   `feasible: false` at once; other targets not met by `maxAgents` (default: what each target needs on its own,
 *   {@link searchCapFor}) return `feasible: false` too.
 *
 * Search: all four metrics are monotone in N. From a lower bound (stability, occupancy cap, fluid bounds) the
 * Erlang B recurrence is advanced one agent at a time — never recomputed from scratch — and the metrics are
 * evaluated at N₀, N₀+1, N₀+2, N₀+4, … until a staffing meets every target, then bisected between the last
 * miss and that hit (advancing a copy of the recurrence from the last miss). A near bound costs a few
 * evaluations; a far one O(log gap) evaluations instead of one per agent.
 *
 * @param problem the queue, the service-level rule and the targets
 * @returns the minimum staffing with its metrics, or why there is none
 * @throws RangeError for an invalid queue, a NaN target or an invalid maxAgents
 * @example solveStaffing({ arrivalsPerSecond: 1 / 18, meanHandleSeconds: 180, meanPatienceSeconds: null,
 *   serviceLevel: { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 },
 *   targets: { minServiceLevel: 0.8, maxAbandonShare: null, maxOccupancy: 0.85, maxAsaSeconds: null } })
 *   // { feasible: true, agents: 14, metrics: { serviceLevel ≈ 0.888, … } }
 */
export function solveStaffing(problem: StaffingProblem): StaffingSolution {
  const { arrivalsPerSecond, meanHandleSeconds, meanPatienceSeconds, serviceLevel, targets } = problem;
  const queueAt = (agents: number): QueueInput => ({ arrivalsPerSecond, meanHandleSeconds, agents, meanPatienceSeconds, serviceLevel });
  checkQueueInput(queueAt(0));
  checkTarget('minServiceLevel', targets.minServiceLevel);
  checkTarget('maxAbandonShare', targets.maxAbandonShare);
  checkTarget('maxOccupancy', targets.maxOccupancy);
  checkTarget('maxAsaSeconds', targets.maxAsaSeconds);
  if (problem.maxAgents !== undefined && (!Number.isInteger(problem.maxAgents) || problem.maxAgents < 0)) {
    throw new RangeError(`maxAgents must be an integer ≥ 0 (got ${problem.maxAgents})`);
  }

  const load = arrivalsPerSecond * meanHandleSeconds;
  if (arrivalsPerSecond === 0) {
    return { feasible: true, agents: 0, metrics: evaluateQueueWithBlocking(queueAt(0), erlangBState(0, 0)) };
  }
  const impossible = impossibleTarget(problem);
  if (impossible !== null) return { feasible: false, reason: impossible };

  const cap = problem.maxAgents ?? searchCapFor(load, targets);
  const wanted = describeTargets(targets, serviceLevel) || 'a stable queue';
  const infeasibleUpTo = (): StaffingSolution => ({ feasible: false, reason: `no staffing up to ${cap} agents reaches ${wanted}` });
  let missState = null as ErlangBState | null;
  let missAgents = lowerBound(problem, load) - 1; // every staffing ≤ missAgents is known to miss
  if (missAgents + 1 > cap) return infeasibleUpTo();

  const evaluate = (state: ErlangBState): QueueMetrics => evaluateQueueWithBlocking(queueAt(state.agents), state);
  const meets = (metrics: QueueMetrics): boolean => missedTargets(metrics, targets).length === 0;

  // Gallop upwards: N₀, N₀+1, N₀+2, N₀+4, …, capped at `cap`.
  let state = erlangBState(load, missAgents + 1);
  let step = 1;
  let hit: { agents: number; metrics: QueueMetrics } | null = null;
  for (;;) {
    const metrics = evaluate(state);
    if (meets(metrics)) {
      hit = { agents: state.agents, metrics };
      break;
    }
    missAgents = state.agents;
    missState = state;
    if (state.agents >= cap) return infeasibleUpTo();
    const next = Math.min(cap, state.agents + step);
    step *= 2;
    state = advanceErlangB(state, next - state.agents);
  }

  // Bisect between the last miss and the hit.
  while (missState !== null && hit.agents - missAgents > 1) {
    const middle = Math.floor((missAgents + hit.agents) / 2);
    const middleState = advanceErlangB(missState, middle - missAgents);
    const metrics = evaluate(middleState);
    if (meets(metrics)) {
      hit = { agents: middle, metrics };
    } else {
      missAgents = middle;
      missState = middleState;
    }
  }
  return { feasible: true, agents: hit.agents, metrics: hit.metrics };
}
