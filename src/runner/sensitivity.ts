/**
 * The analytic sensitivity analysis of a scenario: every input of `sensitivityWorkspace` at its low and high value,
 * the change in each compared variant's total and in their difference, and the break-even values. Synchronous and
 * without I/O; `sensitivityRows` yields one input at a time, so a caller (the explorer) can show progress, give the
 * event loop a turn, or stop between inputs.
 */
import type { ContactCentreModel } from '../core/model/contact-centre-model.js';
import { findBreakEvens, type BreakEvenOptions } from '../core/sensitivity/break-even.js';
import type { PointTotals, SensitivityResult, SensitivityRow } from '../core/sensitivity/sensitivity-result.js';
import { swing, tornadoOrder } from '../core/sensitivity/swing.js';
import type { SensitivityInput, SensitivityWorkspace } from '../scenario/sensitivity-inputs.js';
import { AnalyticTotals } from './analytic-totals.js';

/** The difference of two totals (second − first); NaN unless both are finite. */
export function differenceOf(point: PointTotals): number {
  const [first, second] = point.totals;
  return first !== undefined && second !== undefined && Number.isFinite(first) && Number.isFinite(second) ? second - first : Number.NaN;
}

/** Evaluates points of a workspace analytically, one `AnalyticTotals` per compared variant. */
export class AnalyticPoints {
  readonly totals: AnalyticTotals[];
  constructor(readonly workspace: SensitivityWorkspace) {
    this.totals = workspace.baseModels.map((model) => new AnalyticTotals(model));
  }

  /** The compared variants' totals at the scenario's values. */
  atBase(): PointTotals {
    return this.pointOf(this.workspace.baseModels).point;
  }

  /** How far the scenario's values are from an unbounded total in any compared variant (the least `finiteMargin`). */
  marginAtBase(): number {
    return this.pointOf(this.workspace.baseModels).margin;
  }

  /** The compared variants' totals with `input` at `value`. */
  at(input: SensitivityInput, value: number): PointTotals {
    return this.withMargin(input, value).point;
  }

  /** `at`, and how far the point is from an unbounded total in any compared variant (the least `finiteMargin`). */
  withMargin(input: SensitivityInput, value: number): { point: PointTotals; margin: number } {
    return this.pointOf(this.workspace.modelsAt(input, value));
  }

  /** The totals of the compared variants' models, and their least margin. */
  private pointOf(models: readonly ContactCentreModel[]): { point: PointTotals; margin: number } {
    const results = models.map((model, i) => (this.totals[i] as AnalyticTotals).total(model));
    const margin = results.reduce((least, r) => Math.min(least, r.margin), Number.POSITIVE_INFINITY);
    return { point: { totals: results.map((r) => r.totalCost), status: results.map((r) => r.status) }, margin };
  }

  /** Plans made so far, over all variants. */
  get plans(): number {
    return this.totals.reduce((sum, t) => sum + t.plans, 0);
  }
}

/**
 * One row of the analysis: the input at low and high, the swing and the break-evens (two variants only).
 * @param atBase the totals at the scenario's values (`AnalyticPoints.atBase()`)
 */
export function sensitivityRow(points: AnalyticPoints, input: SensitivityInput, atBase: PointTotals, options: BreakEvenOptions = {}): SensitivityRow {
  let evaluations = 0;
  // Each value is evaluated once: the search asks for its difference and its margin.
  const seen = new Map<number, { point: PointTotals; margin: number }>();
  const evaluated = (value: number): { point: PointTotals; margin: number } => {
    let found = seen.get(value);
    if (found === undefined) {
      evaluations += 1;
      found = points.withMargin(input, value);
      seen.set(value, found);
    }
    return found;
  };
  const at = (value: number): PointTotals => evaluated(value).point;
  // At the scenario's value the models are the base models: no need to rebuild and validate them.
  const margin = (value: number): number => (value === input.base ? points.marginAtBase() : evaluated(value).margin);
  const atLow = at(input.low);
  const atHigh = at(input.high);
  const pair = points.workspace.variants.length === 2;
  const difference = pair ? { atLow: differenceOf(atLow), atHigh: differenceOf(atHigh) } : null;
  const charted = (point: PointTotals): number => (pair ? differenceOf(point) : (point.totals[0] ?? Number.NaN));
  const search = pair
    ? findBreakEvens(
        (value) => differenceOf(at(value)),
        {
          base: input.base,
          low: input.low,
          high: input.high,
          atBase: differenceOf(atBase),
          atLow: differenceOf(atLow),
          atHigh: differenceOf(atHigh),
          integer: input.kind === 'agents',
        },
        options,
        margin,
      )
    : { breakEvens: [], finiteLimits: [] };
  return {
    path: input.path,
    label: input.label,
    phrase: input.phrase,
    variant: input.variant,
    kind: input.kind,
    unit: input.unit,
    base: input.base,
    low: input.low,
    high: input.high,
    fromAssumptions: input.fromAssumptions,
    atLow,
    atHigh,
    difference,
    swing: swing(charted(atLow), charted(atBase), charted(atHigh)),
    breakEvens: search.breakEvens,
    finiteLimits: search.finiteLimits,
    evaluations,
  };
}

/**
 * The rows of the analysis, one input at a time, in the workspace's order (not yet sorted by swing).
 * @example for (const row of sensitivityRows(points)) progress(row.label)
 */
export function* sensitivityRows(points: AnalyticPoints, options: BreakEvenOptions = {}): Generator<SensitivityRow, void, undefined> {
  const atBase = points.atBase();
  for (const input of points.workspace.inputs) yield sensitivityRow(points, input, atBase, options);
}

/**
 * The whole analysis, rows in tornado order (largest swing first).
 * @param onRow called after each input (for progress)
 */
export function analyseSensitivity(
  workspace: SensitivityWorkspace,
  scenarioName: string,
  options: { range: number; onRow?: (done: number, total: number) => void } & BreakEvenOptions,
): SensitivityResult {
  const points = new AnalyticPoints(workspace);
  const rows: SensitivityRow[] = [];
  for (const row of sensitivityRows(points, options)) {
    rows.push(row);
    options.onRow?.(rows.length, workspace.inputs.length);
  }
  return {
    scenario: scenarioName,
    currency: workspace.currency,
    variants: workspace.variants,
    source: 'analytic',
    range: options.range,
    replications: null,
    seed: null,
    atBase: points.atBase(),
    rows: tornadoOrder(rows).map((i) => rows[i] as SensitivityRow),
    notVaried: workspace.notVaried,
  };
}
