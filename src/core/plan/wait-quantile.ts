import { meanOf } from '../queueing/delay-kernel.js';
import { erlangC } from '../queueing/erlang-c.js';
import { networkOf } from '../model/network.js';
import type { VariantPlan } from './interval-plan.js';
import { groupQueue } from './group-setup.js';

/**
 * A quantile (the 90th percentile for `waitP90Seconds`) of the wait of answered attempts in an analytic plan whose
 * every group is Erlang C — an unlimited queue, callers without patience (or a patience that the group's Erlang C
 * target leaves out, as the plan's other figures do) — where it has a closed form: in a group
 * interval with N agents, load A and mean handle time h, P(W > t) = C(N, A)·e^{−(N − A)t/h}, every call answered —
 * exact for exponential handle times (`planApproximations` names the others). Fractional agents mix ⌊n⌋ and ⌈n⌉
 * agents as the plan's other figures do (the percentile of the mixed waits; the simulation's per-interval figure, a
 * mean of each replication's percentile with one agent count, can differ by a few per cent); intervals and groups
 * mix by their answered calls, as the simulation pools every answered attempt. Per interval (in `plan.rows` order)
 * and for the whole run; Infinity where a queue is overloaded, NaN where no call is answered. Null when some group is
 * not Erlang C (Erlang A, a finite queue): there the plan gives no closed form, and `waitP90Seconds` is left to the
 * simulation.
 *
 * @param q the quantile, in (0, 1)
 * @example erlangCWaitQuantiles(planVariant(textbookModel), 0.9)?.total // ≈ 24.959 s (14 agents, 10 Erlangs, AHT 180 s)
 */
export function erlangCWaitQuantiles(plan: VariantPlan, q: number): { readonly intervals: Float64Array; readonly total: number } | null {
  const { model } = plan;
  const network = networkOf(model);
  // Erlang C as the plan has it: no waiting places and no patience, or a patience that an Erlang C target leaves out.
  const erlangCGroups = network.groups.every((group, g) => {
    const queue = groupQueue(model, group, g);
    return queue.maxQueue === null && queue.patienceSeconds === null;
  });
  if (!erlangCGroups) return null;
  const L = model.calendar.intervalSeconds;
  const groupRows = plan.groups?.map((group) => group.rows) ?? [plan.rows];
  const handles = network.groups.map((group) => meanOf(group.handleTime));
  const all: Term[] = [];
  let overloaded = false;
  const intervals = new Float64Array(plan.rows.length);
  plan.rows.forEach((_, k) => {
    const terms: Term[] = [];
    let here = false;
    groupRows.forEach((rows, g) => {
      const row = rows[k];
      if (row === undefined || !(row.attempts > 0)) return;
      const h = handles[g] as number;
      const load = (row.attempts / L) * h;
      const lower = Math.floor(row.onPhoneAgents);
      const upperWeight = row.onPhoneAgents - lower;
      for (const [agents, weight] of [
        [lower, 1 - upperWeight],
        [lower + 1, upperWeight],
      ] as const) {
        if (weight < 1e-12) continue;
        if (agents <= load) {
          here = true;
          continue;
        }
        terms.push({ answered: row.attempts * weight, waiting: erlangC(load, agents), rate: (agents - load) / h });
      }
    });
    overloaded ||= here;
    intervals[k] = here ? Number.POSITIVE_INFINITY : mixtureQuantile(terms, q);
    all.push(...terms);
  });
  return { intervals, total: overloaded ? Number.POSITIVE_INFINITY : mixtureQuantile(all, q) };
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
