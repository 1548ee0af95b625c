import { meanOf } from '../queueing/delay-kernel.js';
import { erlangAAnsweredWait, type AnsweredWait } from '../queueing/erlang-a.js';
import { erlangB } from '../queueing/erlang-b.js';
import { erlangC } from '../queueing/erlang-c.js';
import { networkOf } from '../model/network.js';
import type { VariantPlan } from './interval-plan.js';
import { groupQueue } from './group-setup.js';

/**
 * A quantile (the 90th percentile for `waitP90Seconds`) of the wait of answered attempts in an analytic plan whose
 * every group has an unlimited queue, from the exact stationary wait of each group interval:
 * - Erlang C (callers without patience, or a patience that the group's Erlang C target leaves out, as the plan's other
 *   figures do): with N agents, load A and mean handle time h, P(W > t) = C(N, A)·e^{−(N − A)t/h}, every call
 *   answered;
 * - Erlang A (callers with patience): the wait of the answered calls of M/M/N+M (`erlangAAnsweredWait`);
 * - Erlang B (`maxQueue: 0`, or callers who leave at once): every answered call is answered at once.
 * Exact for exponential handle times and patience (`planApproximations` names the others). Fractional agents mix ⌊n⌋
 * and ⌈n⌉ agents as the plan's other figures do (the percentile of the mixed waits; the simulation's per-interval
 * figure, a mean of each replication's percentile with one agent count, can differ by a few per cent); intervals and
 * groups mix by their answered calls, as the simulation pools every answered attempt. Per interval (in `plan.rows`
 * order) and for the whole run; Infinity where an Erlang C queue is overloaded, NaN where no call is answered. Null
 * when callers of some group wait in a finite queue (`maxQueue` above 0, as `groupQueue` gives it: callers who leave at
 * once make it 0): there `waitP90Seconds` is left to the simulation.
 *
 * @param q the quantile, in (0, 1)
 * @example planWaitQuantiles(planVariant(textbookModel), 0.9)?.total // ≈ 24.959 s (14 agents, 10 Erlangs, AHT 180 s)
 */
export function planWaitQuantiles(plan: VariantPlan, q: number): { readonly intervals: Float64Array; readonly total: number } | null {
  const { model } = plan;
  const network = networkOf(model);
  const queues = network.groups.map((group, g) => groupQueue(model, group, g));
  if (queues.some((queue) => queue.maxQueue !== null && queue.maxQueue > 0)) return null;
  const L = model.calendar.intervalSeconds;
  const groupRows = plan.groups?.map((group) => group.rows) ?? [plan.rows];
  const handles = network.groups.map((group) => meanOf(group.handleTime));
  const all: AnyTerm[] = [];
  let overloaded = false;
  const intervals = new Float64Array(plan.rows.length);
  plan.rows.forEach((_, k) => {
    const terms: AnyTerm[] = [];
    let here = false;
    groupRows.forEach((rows, g) => {
      const row = rows[k];
      if (row === undefined || !(row.attempts > 0)) return;
      const h = handles[g] as number;
      const queue = queues[g] as (typeof queues)[number];
      const load = (row.attempts / L) * h;
      const lower = Math.floor(row.onPhoneAgents);
      const upperWeight = row.onPhoneAgents - lower;
      for (const [agents, weight] of [
        [lower, 1 - upperWeight],
        [lower + 1, upperWeight],
      ] as const) {
        if (weight < 1e-12) continue;
        if (queue.maxQueue === 0) {
          // Erlang B: a call is answered at once or not at all (blocked, or given up at once).
          terms.push({ answered: row.attempts * weight * (1 - erlangB(load, agents)), waiting: 0, rate: 1 });
          continue;
        }
        if (queue.patienceSeconds !== null) {
          const input = { arrivalsPerSecond: row.attempts / L, meanHandleSeconds: h, agents, meanPatienceSeconds: queue.patienceSeconds, serviceLevel: model.serviceLevel };
          const wait = erlangAAnsweredWait(input);
          if (wait !== null) terms.push({ answered: row.attempts * weight * wait.answeredShare, wait });
          continue;
        }
        if (agents <= load) {
          here = true;
          continue;
        }
        terms.push({ answered: row.attempts * weight, waiting: erlangC(load, agents), rate: (agents - load) / h });
      }
    });
    overloaded ||= here;
    intervals[k] = here ? Number.POSITIVE_INFINITY : anyMixtureQuantile(terms, q);
    all.push(...terms);
  });
  if (overloaded) return { intervals, total: Number.POSITIVE_INFINITY };
  // The whole run's quantile lies between the intervals' (a mixture's survival is a mean of theirs).
  let low = Number.POSITIVE_INFINITY;
  let high = 0;
  for (const value of intervals) {
    if (!Number.isFinite(value)) continue;
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  return { intervals, total: anyMixtureQuantile(all, q, low <= high ? { low, high } : undefined) };
}

/** Answered calls of an Erlang A group interval, with the distribution of their waits. */
interface ErlangATerm {
  readonly answered: number;
  readonly wait: AnsweredWait;
}

type AnyTerm = Term | ErlangATerm;

/** The quantile of a mixture: by the Erlang C closed forms when every term is Erlang C, else by `generalMixtureQuantile`. */
function anyMixtureQuantile(terms: readonly AnyTerm[], q: number, bracket?: { readonly low: number; readonly high: number }): number {
  return terms.every((term): term is Term => 'rate' in term) ? mixtureQuantile(terms, q) : generalMixtureQuantile(terms, q, bracket);
}

/**
 * The t at which the answered-weighted mixture of the terms' waits has P(W > t) = 1 − q (0 when at least a share q
 * is answered at once, NaN without answered calls), for any terms: an Erlang A wait need not be convex in t (its
 * density rises at first in an overloaded queue), so Newton's steps are kept inside a bracket (`bracket` when the
 * caller knows one, else found by doubling) that bisection halves where they would leave it, until a step or the
 * bracket is 1e-12 of t.
 */
function generalMixtureQuantile(terms: readonly AnyTerm[], q: number, bracket?: { readonly low: number; readonly high: number }): number {
  let answered = 0;
  for (const term of terms) answered += term.answered;
  if (!(answered > 0)) return Number.NaN;
  const target = (1 - q) * answered;
  const excess = (t: number): number => {
    let value = -target;
    for (const term of terms) value += term.answered * ('rate' in term ? term.waiting * Math.exp(-term.rate * t) : term.wait.survival(t));
    return value;
  };
  const slope = (t: number): number => {
    let value = 0;
    for (const term of terms) value -= term.answered * ('rate' in term ? term.rate * term.waiting * Math.exp(-term.rate * t) : term.wait.density(t));
    return value;
  };
  if (excess(0) <= 0) return 0;
  let low = 0;
  let high = 1;
  if (bracket !== undefined && bracket.high > 0) {
    // Known to hold the root: no evaluations to find one.
    low = bracket.low;
    high = bracket.high;
    if (high === low) return low;
  } else {
    while (excess(high) > 0) {
      low = high;
      high *= 2;
      if (high > 1e12) return Number.POSITIVE_INFINITY;
    }
  }
  let t = (low + high) / 2;
  for (let i = 0; i < 200; i++) {
    const value = excess(t);
    if (value === 0) return t;
    if (value > 0) low = t;
    else high = t;
    const derivative = slope(t);
    const newton = derivative < 0 ? t - value / derivative : Number.NaN;
    const next = newton > low && newton < high ? newton : (low + high) / 2;
    if (Math.abs(next - t) <= 1e-12 * next || high - low <= 1e-12 * high) return next;
    t = next;
  }
  return t;
}

/** Answered calls whose waits are P(W > t) = waiting·e^{−rate·t}. */
interface Term {
  readonly answered: number;
  readonly waiting: number;
  readonly rate: number;
}

/**
 * The t at which the answered-weighted mixture of the terms' waits has P(W > t) = 1 − q: 0 when at least a share q is
 * answered at once, NaN without answered calls. S(t) = Σ aᵢ·cᵢ·e^{−rᵢt} is convex and decreasing, so Newton's method
 * from t = 0 climbs to the root without overshooting; one term gives the closed form ln(c/(1 − q))/r.
 */
function mixtureQuantile(terms: readonly Term[], q: number): number {
  let answered = 0;
  for (const term of terms) answered += term.answered;
  if (!(answered > 0)) return Number.NaN;
  const target = (1 - q) * answered;
  const survival = (t: number): { value: number; slope: number } => {
    let value = 0;
    let slope = 0;
    for (const term of terms) {
      const mass = term.answered * term.waiting * Math.exp(-term.rate * t);
      value += mass;
      slope -= term.rate * mass;
    }
    return { value, slope };
  };
  if (survival(0).value <= target) return 0;
  if (terms.length === 1) {
    const only = terms[0] as Term;
    return Math.log(only.waiting / (1 - q)) / only.rate;
  }
  let t = 0;
  for (let i = 0; i < 100; i++) {
    const { value, slope } = survival(t);
    const next = t - (value - target) / slope;
    if (!(next > t) || next - t <= 1e-15 * next) return Math.max(t, next);
    t = next;
  }
  return t;
}
