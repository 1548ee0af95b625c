import type { CostRates } from '../model/contact-centre-model.js';

/** What a period used, in the units the cost rates are quoted in. */
export interface ResourceUsage {
  /** Paid agent hours (on-phone hours / (1 − shrinkage), or shift hours). */
  readonly paidAgentHours: number;
  /** Agent busy hours beyond the plan (calls finished after an agent's interval, queue drained after close). */
  readonly overtimeHours: number;
  /** Seconds callers were connected: time in queue plus handle time. */
  readonly connectedSeconds: number;
  /** Seconds callers spent waiting in queue (answered and abandoned). */
  readonly waitingSeconds: number;
  /** Number of repeat contacts (attempts after an answered, unresolved contact). */
  readonly repeatContacts: number;
  /** Cases given up or lost unresolved. */
  readonly unresolvedCases: number;
  /** Cases resolved. */
  readonly resolvedCases: number;
  /** Length of the period in days (an interval is a fraction of a day), for the fixed cost. */
  readonly days: number;
}

/** The cost lines of SPEC §4, in the scenario's currency. */
export interface CostBreakdown {
  readonly staffCost: number;
  readonly overtimeCost: number;
  readonly telephonyCost: number;
  readonly customerTimeCost: number;
  readonly repeatContactCost: number;
  readonly unresolvedCaseCost: number;
  readonly fixedCost: number;
  readonly totalCost: number;
  /** totalCost / resolvedCases; NaN (undefined) when nothing was resolved. */
  readonly costPerResolvedCase: number;
}

/** Staff and overtime cost already priced group by group, at each agent group's own hourly rates (SPEC §7). */
export interface StaffPricedByGroup {
  readonly staffCost: number;
  readonly overtimeCost: number;
}

/**
 * Prices what a period used. With `priced`, the staff and overtime lines are taken from it (a model with agent
 * groups prices each group's hours at its own rates) and the other lines from `rates`.
 *
 * @example costOf({ paidAgentHours: 10, overtimeHours: 0, connectedSeconds: 600, waitingSeconds: 120,
 *   repeatContacts: 2, unresolvedCases: 1, resolvedCases: 20, days: 1 },
 *   { perPaidAgentHour: 400, perOvertimeHour: 600, perTelephonyMinute: 0.1, perCustomerWaitMinute: 5,
 *     perRepeatContact: 10, perUnresolvedCase: 300, fixedPerDay: 100 }).totalCost // 4000 + 1 + 10 + 20 + 300 + 100 = 4431
 */
export function costOf(usage: ResourceUsage, rates: CostRates, priced?: StaffPricedByGroup): CostBreakdown {
  const staffCost = priced?.staffCost ?? usage.paidAgentHours * rates.perPaidAgentHour;
  const overtimeCost = priced?.overtimeCost ?? usage.overtimeHours * rates.perOvertimeHour;
  const telephonyCost = times(usage.connectedSeconds / 60, rates.perTelephonyMinute);
  const customerTimeCost = times(usage.waitingSeconds / 60, rates.perCustomerWaitMinute);
  const repeatContactCost = usage.repeatContacts * rates.perRepeatContact;
  const unresolvedCaseCost = usage.unresolvedCases * rates.perUnresolvedCase;
  const fixedCost = usage.days * rates.fixedPerDay;
  const totalCost =
    staffCost + overtimeCost + telephonyCost + customerTimeCost + repeatContactCost + unresolvedCaseCost + fixedCost;
  return {
    staffCost,
    overtimeCost,
    telephonyCost,
    customerTimeCost,
    repeatContactCost,
    unresolvedCaseCost,
    fixedCost,
    totalCost,
    costPerResolvedCase: usage.resolvedCases > 0 ? totalCost / usage.resolvedCases : Number.NaN,
  };
}

/** quantity × rate, where a rate of 0 prices even an unbounded quantity (an overloaded queue's wait) at 0. */
function times(quantity: number, rate: number): number {
  return rate === 0 ? 0 : quantity * rate;
}
