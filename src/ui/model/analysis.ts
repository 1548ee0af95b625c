/**
 * Analytic figures for every variant of a scenario, memoised per variant: a change to one variant recomputes only
 * that variant (the others' models are equal, so their plans come from the cache).
 */
import { InfeasibleError, InputError } from '../../core/errors.js';
import type { ContactCentreModel } from '../../core/model/contact-centre-model.js';
import type { OverloadedInterval } from '../../core/plan/interval-plan.js';
import type { VariantResult } from '../../report/report.js';
import type { LoadedScenario } from '../../scenario/load.js';
import type { TaskOverload } from '../../core/plan/network-plan.js';
import type { AnalyticPlan } from '../services.js';

/** The figures of one variant, or why there are none (a target no staffing can meet). */
export interface VariantFigures {
  readonly name: string;
  readonly result: VariantResult | null;
  readonly error: string | null;
  /**
   * The intervals in which the plan is unstable (a queue without patience that is overloaded): its waits and total
   * cost are unbounded. Empty when stable or when there are no figures.
   */
  readonly overloaded: readonly OverloadedInterval[];
  /** Groups whose task backlog grows without end (total cost ∞); empty when they keep up or there are no figures. */
  readonly taskOverloads: readonly TaskOverload[];
}

/** Computes the analytic figures of one variant model. @throws InfeasibleError, InputError */
export type Planner = (model: ContactCentreModel) => AnalyticPlan;

export interface Analyser {
  /** Figures of every variant, in file order. Unexpected errors (bugs) are thrown. */
  analyse(scenario: LoadedScenario): VariantFigures[];
  /** Figures of one model (cached like the others). */
  analyseModel(model: ContactCentreModel): VariantFigures;
}

type Entry = Omit<VariantFigures, 'name'>;

/**
 * A memoising analyser around `planner`, keyed by the model's content; it keeps the `capacity` most recently used
 * results (a sweep adds one per point).
 */
export function createAnalyser(planner: Planner, capacity = 512): Analyser {
  const cache = new Map<string, Entry>();
  const analyseModel = (model: ContactCentreModel): VariantFigures => {
    const key = JSON.stringify(model);
    let entry = cache.get(key);
    if (entry === undefined) {
      try {
        const plan = planner(model);
        entry = { result: plan.result, error: null, overloaded: plan.overloaded, taskOverloads: plan.taskOverloads ?? [] };
      } catch (error) {
        if (!(error instanceof InfeasibleError || error instanceof InputError)) throw error;
        entry = { result: null, error: error instanceof InfeasibleError ? `infeasible: ${error.message}` : error.message, overloaded: [], taskOverloads: [] };
      }
      cache.set(key, entry);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    } else {
      // Most recently used last.
      cache.delete(key);
      cache.set(key, entry);
    }
    return { name: model.variantName, ...entry };
  };
  return {
    analyseModel,
    analyse: (scenario) => scenario.variants.map((variant) => ({ ...analyseModel(variant.model), name: variant.name })),
  };
}
