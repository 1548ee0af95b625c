/**
 * The explorer's sweep: total cost of one variant against one of its knobs (the service-level target, or the
 * staffing knob when the variant has no target, or first-contact resolution; with agent groups, those of the selected
 * group), computed analytically point by point without blocking the terminal. A point whose plan is unstable (a queue
 * without patience overloaded somewhere) has an unbounded cost: it is marked, and never the cheapest.
 */
import { InfeasibleError, InputError } from '../../core/errors.js';
import type { SweepResult, VariantResult } from '../../report/report.js';
import { sweepResult } from '../../report/sweep.js';
import type { LoadedScenario } from '../../scenario/load.js';
import type { Analyser } from './analysis.js';
import type { Knob } from './knobs.js';
import { knobsFor, localKnobId } from './knobs.js';

/** One parameter the sweep can run over, with its values in the knob's display units. */
export interface SweepParameter {
  readonly knobId: string;
  readonly label: string;
  readonly unit: string;
  readonly values: readonly number[];
}

/** A finished sweep: the report's sweep result plus each point's figures (null where infeasible). */
export interface SweepOutcome {
  readonly parameter: SweepParameter;
  readonly variant: string;
  readonly result: SweepResult;
  readonly points: readonly (VariantResult | null)[];
  /** Per point, whether its plan is unstable (its total cost is ∞). */
  readonly unstable: readonly boolean[];
  /** The knob's value now, and the total cost there (null when it cannot be staffed). */
  readonly current: number | null;
  readonly currentTotalCost: number | null;
}

/**
 * The sweeps offered for a variant: its staffing knob (the service-level target from 40% to 95%, or the agents
 * around their current number) and first-contact resolution (30% to 95%).
 */
export function sweepParametersFor(knobs: readonly Knob[]): SweepParameter[] {
  const out: SweepParameter[] = [];
  // With agent groups, the knobs of the group the panel shows (their ids are inside the group).
  const find = (test: (local: string) => boolean): Knob | undefined => knobs.find((k) => test(localKnobId(k)));
  const target = find((id) => id === 'staffing.target.serviceLevel');
  if (target !== undefined) {
    out.push({ knobId: target.id, label: 'service-level target', unit: '%', values: range(40, 95, 5) });
  } else {
    const staffing = find((id) => id === 'staffing.agents' || id === 'staffing.agentsPerInterval' || id.startsWith('shift:'));
    if (staffing !== undefined && staffing.value !== null) {
      const current = Math.round(staffing.value);
      const step = Math.max(1, Math.round(current / 8));
      const from = Math.max(0, current - 6 * step);
      out.push({ knobId: staffing.id, label: staffing.label, unit: staffing.unit === '' ? 'agents' : staffing.unit, values: range(from, current + 6 * step, step) });
    }
  }
  const fcr = find((id) => id === 'handling.firstContactResolution' || id === 'handling.outcomes.resolved');
  if (fcr !== undefined) {
    const label = fcr.group === undefined ? 'first-contact resolution' : `${fcr.group} resolved share`;
    out.push({ knobId: fcr.id, label, unit: '%', values: range(30, 95, 5) });
  }
  return out;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let value = from; value <= to + 1e-9; value += step) out.push(Math.round(value * 1e6) / 1e6);
  return out;
}

export interface SweepRunOptions {
  readonly signal?: AbortSignal;
  /** Called after each point. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Lets the terminal breathe between points (default: setImmediate). */
  readonly yieldControl?: () => Promise<void>;
  /** With agent groups, the group whose knob `parameter` is (default: the first). */
  readonly groupName?: string | null;
}

/**
 * Computes a sweep: for each value, the scenario with the knob set there, analysed (memoised). A value the scenario
 * rejects, or that no staffing can meet, is an undefined point.
 *
 * @throws InfeasibleError when no point is feasible; an Error named AbortError when aborted
 */
export async function computeSweep(
  scenario: LoadedScenario,
  variantName: string,
  parameter: SweepParameter,
  analyser: Analyser,
  options: SweepRunOptions = {},
): Promise<SweepOutcome> {
  const yieldControl = options.yieldControl ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  const knob = knobsFor(scenario, variantName, options.groupName ?? null).find((k) => k.id === parameter.knobId);
  if (knob === undefined) throw new Error(`the variant "${variantName}" has no knob ${parameter.knobId}`);
  const points: (VariantResult | null)[] = [];
  const unstable: boolean[] = [];
  for (const [i, value] of parameter.values.entries()) {
    if (options.signal?.aborted === true) throw abortError();
    let result: VariantResult | null = null;
    let overloaded = false;
    try {
      const model = knob.apply(scenario, value).variants.find((v) => v.name === variantName)?.model;
      if (model !== undefined) {
        const figures = analyser.analyseModel(model);
        result = figures.result;
        overloaded = figures.overloaded.length > 0 || figures.taskOverloads.length > 0;
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      result = null; // a value the scenario rejects is an undefined point
    }
    points.push(result);
    unstable.push(overloaded);
    options.onProgress?.(i + 1, parameter.values.length);
    await yieldControl();
  }
  if (options.signal?.aborted === true) throw abortError();
  if (points.every((point, i) => point === null || unstable[i] === true) && unstable.some((u) => u)) {
    throw new InfeasibleError(`every value of ${parameter.label} in the range is unstable or cannot be staffed: calls without patience arrive faster than the agents answer them`);
  }
  const currentModel = scenario.variants.find((v) => v.name === variantName)?.model;
  const currentResult = currentModel === undefined ? null : analyser.analyseModel(currentModel).result;
  return {
    parameter,
    variant: variantName,
    result: sweepResult(knob.id, variantName, parameter.values, points),
    points,
    unstable,
    current: knob.value,
    currentTotalCost: currentResult?.totals.totalCost.mean ?? null,
  };
}

function abortError(): Error {
  const error = new Error('sweep cancelled');
  error.name = 'AbortError';
  return error;
}
