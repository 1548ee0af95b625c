import type { MetricName } from '../metrics.js';
import type { ContactCentreModel } from '../model/contact-centre-model.js';
import { networkOf } from '../model/network.js';

/**
 * Prices do not change what happens in a contact centre: neither the analytic plan nor the simulation looks at them
 * before the cost lines. So when two models differ only in their prices, the total cost of one follows exactly from
 * the figures of the other — each cost line is a quantity times a price — without planning or simulating again.
 * That makes a price's sensitivity and break-even free, and exact (a price's swing is its quantity times the change).
 */

/** The cost lines and quantities a total is repriced from: a plan's or a replication's totals. */
export type PricedTotals = Readonly<Partial<Record<MetricName, number>>>;

/** Hours of one agent group (in model order), the quantities of its staff and overtime cost lines. */
export interface GroupHours {
  readonly paidAgentHours: number;
  readonly overtimeHours: number;
}

/**
 * The model with every price set to 0, as a string: two models with the same key differ at most in their prices.
 * @example pricelessKey(a) === pricelessKey(b) // true when only costs differ
 */
export function pricelessKey(model: ContactCentreModel): string {
  const zero = { perPaidAgentHour: 0, perOvertimeHour: 0 };
  return JSON.stringify({
    ...model,
    variantName: '',
    costs: { ...model.costs, ...zero, perTelephonyMinute: 0, perCustomerWaitMinute: 0, perRepeatContact: 0, perUnresolvedCase: 0, fixedPerDay: 0 },
    ...(model.network === undefined ? {} : { network: { ...model.network, groups: model.network.groups.map((group) => ({ ...group, costs: zero })) } }),
  });
}

/**
 * The total cost of `to` from the totals of `from`, when the two models differ only in their prices
 * (`pricelessKey(from) === pricelessKey(to)`; the caller checks). Each line is repriced: staff and overtime by each
 * group's hours, the unresolved cases by their count, the other lines in proportion to their price. An unbounded
 * total (an overloaded queue) stays unbounded.
 *
 * @param groupHours per group of `from` (in model order); for a model without groups, its one group's
 * @returns the repriced total, or null where a line cannot be repriced in proportion (its price was 0 and is not)
 * @example repricedTotalCost(totals, hours, model, withUnresolvedPrice(model, 200)) // totals.totalCost + unresolved × 50
 */
export function repricedTotalCost(totals: PricedTotals, groupHours: readonly GroupHours[], from: ContactCentreModel, to: ContactCentreModel): number | null {
  const total = totals.totalCost ?? Number.NaN;
  if (!Number.isFinite(total)) return total;
  let change = 0;
  const fromGroups = networkOf(from).groups;
  const toGroups = networkOf(to).groups;
  for (let g = 0; g < fromGroups.length; g++) {
    const before = fromGroups[g]?.costs;
    const after = toGroups[g]?.costs;
    const hours = groupHours[g];
    if (before === undefined || after === undefined || hours === undefined) return null;
    change += hours.paidAgentHours * (after.perPaidAgentHour - before.perPaidAgentHour);
    change += hours.overtimeHours * (after.perOvertimeHour - before.perOvertimeHour);
  }
  change += (totals.unresolvedCases ?? 0) * (to.costs.perUnresolvedCase - from.costs.perUnresolvedCase);
  const proportional: readonly [MetricName, Exclude<keyof ContactCentreModel['costs'], 'hoursPerFte'>][] = [
    ['telephonyCost', 'perTelephonyMinute'],
    ['customerTimeCost', 'perCustomerWaitMinute'],
    ['repeatContactCost', 'perRepeatContact'],
    ['fixedCost', 'fixedPerDay'],
  ];
  for (const [line, rate] of proportional) {
    const before = from.costs[rate];
    const after = to.costs[rate];
    if (before === after) continue;
    if (before === 0) return null;
    change += (totals[line] ?? 0) * (after / before - 1);
  }
  return total + change;
}
