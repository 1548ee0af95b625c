import type { CostBreakdown } from '../cost/cost-model.js';
import { METRIC_NAMES, type MetricName } from '../metrics.js';
import type { ContactCentreModel } from '../model/contact-centre-model.js';
import { planNetwork, type GroupPlan } from './network-plan.js';

/** Which stationary model the analytic plan uses. */
export type AnalyticSource = 'erlang-c' | 'erlang-a';

/** One interval of an analytic plan: demand after the retrial fixed point, staffing, predicted service and cost. */
export interface IntervalPlanRow {
  /** 0-based day and interval of the day. */
  readonly day: number;
  readonly interval: number;
  /** Start of the interval, seconds after midnight. */
  readonly startSeconds: number;
  /** New cases: first contacts by phone, and the cases opened by channels (SPEC §7). */
  readonly cases: number;
  readonly redials: number;
  readonly repeatContacts: number;
  /** All attempts: cases + redials + repeat contacts (the fixed point). */
  readonly attempts: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly resolvedCases: number;
  readonly unresolvedCases: number;
  /** Agents on the phones: solved for `target` staffing, else the (expected) scheduled number. */
  readonly onPhoneAgents: number;
  /** Paid agents (full-time equivalents in this interval): on-phone / (1 − shrinkage), or agents on shift. */
  readonly paidAgents: number;
  readonly paidAgentHours: number;
  readonly stable: boolean;
  readonly serviceLevel: number;
  readonly probabilityOfWaiting: number;
  readonly asaSeconds: number;
  readonly meanWaitSeconds: number;
  readonly abandonedShare: number;
  readonly occupancy: number;
  readonly costs: CostBreakdown;
}

/** The analytic plan of one variant: every interval and the whole-run totals under the metric names of SPEC §4. */
export interface VariantPlan {
  readonly model: ContactCentreModel;
  readonly source: AnalyticSource;
  readonly rows: readonly IntervalPlanRow[];
  /** Totals for the whole run (analytic metrics that exist: no waitP90Seconds). */
  readonly totals: Readonly<Partial<Record<MetricName, number>>>;
  /** Whether the retrial fixed point converged in every interval. */
  readonly converged: boolean;
  /** Per agent group, for a model with groups (SPEC §7). */
  readonly groups?: readonly GroupPlan[];
}

/**
 * The analytic plan of a variant (SIPP: each interval stationary). Per interval: the offered attempts from
 * the retrial fixed point of SPEC §3 (over all agent groups, SPEC §7), the on-phone agents (solved for `target`,
 * scheduled otherwise), the predicted Erlang C, Erlang A or finite-queue metrics, and the cost lines. Other
 * handle-time and patience distributions enter by their means. A model without groups is planned as its one group
 * (see `planNetwork`); its rows and totals then read as before groups existed, and the totals are the sums of the
 * rows.
 *
 * @throws InfeasibleError when a `target` cannot be met in some interval by any staffing
 * @throws InputError for `method: isa`, which is simulation-based
 * @example planVariant(model).totals.serviceLevel // e.g. 0.83
 */
export function planVariant(model: ContactCentreModel): VariantPlan {
  const plan = planNetwork(model);
  if (model.network !== undefined) return plan;
  // One group: its figures are the variant's; the metrics of SPEC §7 are left to models with groups.
  const { groups: _groups, totals, ...rest } = plan;
  const oneGroupTotals: Partial<Record<MetricName, number>> = {};
  for (const name of METRIC_NAMES) if (totals[name] !== undefined) oneGroupTotals[name] = totals[name];
  return { ...rest, totals: oneGroupTotals };
}

/** An interval of a plan where a queue without patience is overloaded (Erlang C, load ≥ agents). */
export interface OverloadedInterval {
  /** 0-based day and interval, and the interval's start in seconds after midnight. */
  readonly day: number;
  readonly interval: number;
  readonly startSeconds: number;
  /** The overloaded group, or null for a model without groups. */
  readonly group: string | null;
}

/**
 * The intervals in which a queue without patience is overloaded: its wait is unbounded, so the plan's waiting,
 * telephony and total cost are unbounded (Infinity) and it is never the cheapest. In time order.
 * @example overloadedIntervals(planVariant(modelWithNoAgents))[0] // { day: 0, interval: 0, startSeconds: 28800, group: null }
 */
export function overloadedIntervals(plan: VariantPlan): OverloadedInterval[] {
  if (plan.model.network === undefined || plan.groups === undefined) {
    return plan.rows.filter((row) => !row.stable).map((row) => ({ day: row.day, interval: row.interval, startSeconds: row.startSeconds, group: null }));
  }
  return plan.groups
    .flatMap((group) => group.rows.filter((row) => !row.stable).map((row) => ({ day: row.day, interval: row.interval, startSeconds: row.startSeconds, group: group.name })))
    .sort((a, b) => a.day - b.day || a.interval - b.interval);
}
