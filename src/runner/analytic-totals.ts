import { InfeasibleError } from '../core/errors.js';
import type { ContactCentreModel } from '../core/model/contact-centre-model.js';
import { planVariant, type VariantPlan } from '../core/plan/interval-plan.js';
import { finiteMargin } from '../core/sensitivity/finite-margin.js';
import { pricelessKey, repricedTotalCost, type GroupHours } from '../core/sensitivity/reprice.js';
import type { PointStatus } from '../core/sensitivity/sensitivity-result.js';

/** A variant's analytic total cost, and why it is not a number when it is not. */
export interface AnalyticTotal {
  readonly totalCost: number;
  readonly status: PointStatus;
  /** How far the plan is from an unbounded cost (`finiteMargin`); NaN when not known (an infeasible target). */
  readonly margin: number;
}

/**
 * Analytic total costs of many models that differ from one reference model in a few inputs (a sensitivity analysis,
 * the coalitions of a Shapley decomposition), with three shortcuts that give exactly what `planVariant` gives:
 * - a model seen before is not planned again;
 * - a model that differs from the reference only in prices is repriced from the reference's plan (`reprice.ts`);
 * - otherwise the model is planned.
 * A target that no staffing meets is an `infeasible` total (NaN); an overloaded queue without patience an `unstable`
 * one (+Infinity).
 */
export class AnalyticTotals {
  private readonly cache = new Map<string, AnalyticTotal>();
  private reference: { key: string; plan: VariantPlan; hours: GroupHours[]; margin: number } | null = null;
  /** Plans made (the costly part), and repricings. */
  plans = 0;
  repricings = 0;

  constructor(private readonly referenceModel: ContactCentreModel) {}

  /** The total of `model` (see the class comment). */
  total(model: ContactCentreModel): AnalyticTotal {
    const key = JSON.stringify(model);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const result = this.compute(model);
    this.cache.set(key, result);
    return result;
  }

  private compute(model: ContactCentreModel): AnalyticTotal {
    const reference = this.referencePlan();
    if (reference !== null && reference.key === pricelessKey(model)) {
      const repriced = repricedTotalCost(reference.plan.totals, reference.hours, this.referenceModel, model);
      if (repriced !== null) {
        this.repricings += 1;
        return { totalCost: repriced, status: Number.isFinite(repriced) ? 'ok' : 'unstable', margin: reference.margin };
      }
    }
    try {
      this.plans += 1;
      const plan = planVariant(model);
      const totalCost = plan.totals.totalCost ?? Number.NaN;
      return { totalCost, status: Number.isFinite(totalCost) ? 'ok' : 'unstable', margin: finiteMargin(plan) };
    } catch (error) {
      if (error instanceof InfeasibleError) return { totalCost: Number.NaN, status: 'infeasible', margin: Number.NaN };
      throw error;
    }
  }

  /** The reference model's plan, made once (null when it is infeasible). */
  private referencePlan(): { key: string; plan: VariantPlan; hours: GroupHours[]; margin: number } | null {
    if (this.reference !== null) return this.reference;
    let plan: VariantPlan;
    try {
      this.plans += 1;
      plan = planVariant(this.referenceModel);
    } catch (error) {
      if (error instanceof InfeasibleError) return null;
      throw error;
    }
    const hours: GroupHours[] =
      plan.groups === undefined
        ? [{ paidAgentHours: plan.totals.paidAgentHours ?? 0, overtimeHours: plan.totals.overtimeHours ?? 0 }]
        : plan.groups.map((group) => ({ paidAgentHours: group.totals.paidAgentHours, overtimeHours: group.totals.overtimeHours }));
    this.reference = { key: pricelessKey(this.referenceModel), plan, hours, margin: finiteMargin(plan) };
    const totalCost = plan.totals.totalCost ?? Number.NaN;
    this.cache.set(JSON.stringify(this.referenceModel), { totalCost, status: Number.isFinite(totalCost) ? 'ok' : 'unstable', margin: this.reference.margin });
    return this.reference;
  }
}
