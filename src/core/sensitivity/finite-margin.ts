import type { VariantPlan } from '../plan/interval-plan.js';
import { taskSlackHours } from '../plan/network-plan.js';

/**
 * How far an analytic plan is from an unbounded total cost: positive where its total is finite, ≤ 0 where it is not,
 * and continuous in the inputs in between, so that a search for where a cost stops being finite can interpolate it
 * (`findBreakEvens`' margin). The least of:
 * - for each agent group, the agent hours its calls leave over minus the hours its tasks need, over the run (with the
 *   slack `taskOverloads` allows): ≤ 0 where the backlog grows without end;
 * - for each group with an unlimited queue and no patience (Erlang C), the least over intervals of on-phone agents
 *   minus offered load in Erlangs: ≤ 0 where that queue grows without end.
 * NaN for a plan without agent groups (its rows do not carry the load), which leaves the search to bisection.
 *
 * @example finiteMargin(planVariant(model)) // 1.3: the case officers have 1.3 hours to spare over the week
 */
export function finiteMargin(plan: VariantPlan): number {
  const groups = plan.groups;
  const network = plan.model.network;
  if (groups === undefined || network === undefined) return Number.NaN;
  const intervalSeconds = plan.model.calendar.intervalSeconds;
  let margin = Number.POSITIVE_INFINITY;
  groups.forEach((group, g) => {
    margin = Math.min(margin, taskSlackHours(group));
    if (group.source !== 'erlang-c' || network.groups[g]?.maxQueue !== null) return;
    for (const row of group.rows) margin = Math.min(margin, row.onPhoneAgents - row.callWorkSeconds / intervalSeconds);
  });
  return margin;
}
