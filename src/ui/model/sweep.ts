/**
 * The explorer's sweep: total cost of one variant against one of its knobs (the service-level target, or the
 * staffing knob when the variant has no target, or first-contact resolution), computed analytically point by point
 * without blocking the terminal.
 */
import { InputError } from '../../core/errors.js';
import type { SweepResult, VariantResult } from '../../report/report.js';
import { sweepResult } from '../../report/sweep.js';
import type { LoadedScenario } from '../../scenario/load.js';
import type { Analyser } from './analysis.js';
import type { Knob } from './knobs.js';
import { knobsFor } from './knobs.js';

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
  const target = knobs.find((k) => k.id === 'staffing.target.serviceLevel');
  if (target !== undefined) {
    out.push({ knobId: target.id, label: 'service-level target', unit: '%', values: range(40, 95, 5) });
  } else {
    const staffing = knobs.find((k) => k.id === 'staffing.agents' || k.id === 'staffing.agentsPerInterval' || k.id.startsWith('shift:'));
    if (staffing !== undefined && staffing.value !== null) {
      const current = Math.round(staffing.value);
      const step = Math.max(1, Math.round(current / 8));
      const from = Math.max(0, current - 6 * step);
      out.push({ knobId: staffing.id, label: staffing.label, unit: staffing.unit === '' ? 'agents' : staffing.unit, values: range(from, current + 6 * step, step) });
    }
  }
  const fcr = knobs.find((k) => k.id === 'handling.firstContactResolution');
  if (fcr !== undefined) out.push({ knobId: fcr.id, label: 'first-contact resolution', unit: '%', values: range(30, 95, 5) });
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
  const knob = knobsFor(scenario, variantName).find((k) => k.id === parameter.knobId);
  if (knob === undefined) throw new Error(`the variant "${variantName}" has no knob ${parameter.knobId}`);
  const points: (VariantResult | null)[] = [];
  for (const [i, value] of parameter.values.entries()) {
    if (options.signal?.aborted === true) throw abortError();
    let result: VariantResult | null = null;
    try {
      const model = knob.apply(scenario, value).variants.find((v) => v.name === variantName)?.model;
      if (model !== undefined) result = analyser.analyseModel(model).result;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      result = null; // a value the scenario rejects is an undefined point
    }
    points.push(result);
    options.onProgress?.(i + 1, parameter.values.length);
    await yieldControl();
  }
  if (options.signal?.aborted === true) throw abortError();
  const currentModel = scenario.variants.find((v) => v.name === variantName)?.model;
  const currentResult = currentModel === undefined ? null : analyser.analyseModel(currentModel).result;
  return {
    parameter,
    variant: variantName,
    result: sweepResult(knob.id, variantName, parameter.values, points),
    points,
    current: knob.value,
    currentTotalCost: currentResult?.totals.totalCost.mean ?? null,
  };
}

function abortError(): Error {
  const error = new Error('sweep cancelled');
  error.name = 'AbortError';
  return error;
}
