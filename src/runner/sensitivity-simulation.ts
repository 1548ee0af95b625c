/**
 * A sensitivity analysis by simulation: every point of the analytic analysis (each input at low and high, and the
 * scenario's values) simulated with the same seed and replications, so that replication r of every point saw the same
 * arrivals (common random numbers) and differences are paired replication by replication; and each analytic
 * break-even checked by simulating both variants there.
 *
 * A model seen before is not simulated again, and a model that differs from a compared variant's only in its prices
 * is repriced replication by replication from that variant's runs (prices change nothing in a simulation but the cost
 * lines; `reprice.ts`), which is exact.
 */
import type { ContactCentreModel } from '../core/model/contact-centre-model.js';
import { resolveSimulationInput } from '../core/plan/simulation-plan.js';
import { pricelessKey, repricedTotalCost, type GroupHours } from '../core/sensitivity/reprice.js';
import type { PointTotals, SensitivityResult, SensitivityRow } from '../core/sensitivity/sensitivity-result.js';
import { swing, tornadoOrder } from '../core/sensitivity/swing.js';
import type { ReplicationResult } from '../core/sim/run-replication.js';
import { studentTQuantile } from '../core/sim/student-t.js';
import type { SensitivityInput, SensitivityWorkspace } from '../scenario/sensitivity-inputs.js';
import { simulateReplications } from './simulate.js';

export interface SimulatedSensitivityOptions {
  readonly replications: number;
  readonly seed: number;
  readonly workers: number;
  readonly signal?: AbortSignal;
  /** Called after each simulated point (`done` of at most `total`; repriced and repeated points are skipped). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Mean and 95% Student-t half-width of a sample (half-width 0 for one value; NaN for a sample with a non-finite value). */
export function meanAndHalfWidth(values: readonly number[]): { mean: number; ci95: number } {
  const n = values.length;
  if (n === 0 || values.some((value) => !Number.isFinite(value))) return { mean: Number.NaN, ci95: Number.NaN };
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  if (n < 2) return { mean, ci95: 0 };
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { mean, ci95: studentTQuantile(0.975, n - 1) * Math.sqrt(squares / (n - 1) / n) };
}

/** Per-replication totals of models, simulated once each (see the module comment). */
class SimulatedTotals {
  private readonly cache = new Map<string, number[]>();
  private reference: { key: string; runs: readonly ReplicationResult[] } | null = null;
  simulated = 0;

  constructor(
    private readonly referenceModel: ContactCentreModel,
    private readonly options: SimulatedSensitivityOptions,
  ) {}

  /** The key of the simulation `model` needs, or null when it needs none (its prices alone differ from the reference's). */
  runKey(model: ContactCentreModel): string | null {
    const key = JSON.stringify(this.withSettings(model));
    if (key !== JSON.stringify(this.withSettings(this.referenceModel)) && pricelessKey(model) === pricelessKey(this.referenceModel)) return null;
    return key;
  }

  async totals(model: ContactCentreModel): Promise<number[]> {
    const settled = this.withSettings(model);
    const key = JSON.stringify(settled);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const reference = await this.referenceRuns();
    let totals: number[] | null = null;
    if (reference.key === pricelessKey(model)) {
      const repriced = reference.runs.map((run) => repricedTotalCost(run.totals, hoursOf(run), this.referenceModel, model));
      if (repriced.every((value): value is number => value !== null)) totals = repriced;
    }
    totals ??= (await this.run(settled)).map((run) => run.totals.totalCost);
    this.cache.set(key, totals);
    return totals;
  }

  private withSettings(model: ContactCentreModel): ContactCentreModel {
    return { ...model, simulation: { ...model.simulation, replications: this.options.replications, seed: this.options.seed } };
  }

  private async run(model: ContactCentreModel): Promise<ReplicationResult[]> {
    this.simulated += 1;
    const input = await resolveSimulationInput(model);
    return simulateReplications(input, {
      replications: this.options.replications,
      workers: this.options.workers,
      ...(this.options.signal === undefined ? {} : { signal: this.options.signal }),
    });
  }

  private async referenceRuns(): Promise<{ key: string; runs: readonly ReplicationResult[] }> {
    if (this.reference !== null) return this.reference;
    const settled = this.withSettings(this.referenceModel);
    const runs = await this.run(settled);
    this.reference = { key: pricelessKey(this.referenceModel), runs };
    this.cache.set(JSON.stringify(settled), runs.map((run) => run.totals.totalCost));
    return this.reference;
  }
}

function hoursOf(run: ReplicationResult): GroupHours[] {
  return run.groups === undefined
    ? [{ paidAgentHours: run.totals.paidAgentHours, overtimeHours: run.totals.overtimeHours }]
    : run.groups.map((group) => ({ paidAgentHours: group.totals.paidAgentHours, overtimeHours: group.totals.overtimeHours }));
}

/** A point from each variant's per-replication totals: means, half-widths, and the paired difference's half-width. */
function pointOf(runs: readonly (readonly number[])[], analytic: PointTotals): PointTotals {
  const estimates = runs.map(meanAndHalfWidth);
  const pair = runs.length === 2;
  const paired = pair ? meanAndHalfWidth((runs[1] as number[]).map((value, r) => value - ((runs[0] as number[])[r] as number))) : null;
  return {
    totals: estimates.map((e) => e.mean),
    // Simulated totals are always finite; a point the analytic plan calls unstable or infeasible keeps that status.
    status: analytic.status,
    ci95: estimates.map((e) => e.ci95),
    ...(paired === null ? {} : { differenceCi95: paired.ci95 }),
  };
}

/**
 * The analysis by simulation (see the module comment): the analytic result's rows with simulated totals at low, high
 * and base, paired differences with 95% intervals, rows re-sorted by their simulated swing, and each analytic
 * break-even checked (the simulated difference there, which should be near 0 within its interval).
 */
export async function simulateSensitivity(workspace: SensitivityWorkspace, analytic: SensitivityResult, options: SimulatedSensitivityOptions): Promise<SensitivityResult> {
  const simulators = workspace.baseModels.map((model) => new SimulatedTotals(model, options));
  const inputByKey = new Map(workspace.inputs.map((input) => [`${input.path}\u0000${input.variant ?? ''}`, input]));
  const pair = workspace.variants.length === 2;
  // What to simulate: the base, low and high of every input, and every break-even.
  const plan: { models: ContactCentreModel[] }[] = [{ models: [...workspace.baseModels] }];
  for (const row of analytic.rows) {
    const input = inputByKey.get(`${row.path}\u0000${row.variant ?? ''}`) as SensitivityInput;
    for (const value of [row.low, row.high, ...row.breakEvens.map((b) => b.value)]) plan.push({ models: workspace.modelsAt(input, atModelValue(input, value)) });
  }
  const needed = new Set<string>();
  for (const point of plan) {
    point.models.forEach((model, i) => {
      const key = (simulators[i] as SimulatedTotals).runKey(model);
      if (key !== null) needed.add(`${i}:${key}`);
    });
  }
  const total = needed.size;
  let done = 0;
  const runsOf = async (models: readonly ContactCentreModel[]): Promise<number[][]> => {
    const out: number[][] = [];
    for (const [i, model] of models.entries()) {
      const simulator = simulators[i] as SimulatedTotals;
      const before = simulator.simulated;
      out.push(await simulator.totals(model));
      if (simulator.simulated > before) {
        done += simulator.simulated - before;
        options.onProgress?.(Math.min(done, total), Math.max(total, done));
      }
    }
    return out;
  };

  const atBase = pointOf(await runsOf(workspace.baseModels), analytic.atBase);
  const charted = (point: PointTotals): number => (pair ? (point.totals[1] as number) - (point.totals[0] as number) : (point.totals[0] as number));
  const rows: SensitivityRow[] = [];
  for (const row of analytic.rows) {
    const input = inputByKey.get(`${row.path}\u0000${row.variant ?? ''}`) as SensitivityInput;
    const atLow = pointOf(await runsOf(workspace.modelsAt(input, row.low)), row.atLow);
    const atHigh = pointOf(await runsOf(workspace.modelsAt(input, row.high)), row.atHigh);
    const breakEvenChecks: { value: number; difference: number; ci95: number }[] = [];
    if (pair) {
      for (const breakEven of row.breakEvens) {
        const runs = await runsOf(workspace.modelsAt(input, atModelValue(input, breakEven.value)));
        const paired = meanAndHalfWidth((runs[1] as number[]).map((value, r) => value - ((runs[0] as number[])[r] as number)));
        breakEvenChecks.push({ value: breakEven.value, difference: paired.mean, ci95: paired.ci95 });
      }
    }
    rows.push({
      ...row,
      atLow,
      atHigh,
      difference: pair ? { atLow: charted(atLow), atHigh: charted(atHigh) } : null,
      swing: swing(charted(atLow), charted(atBase), charted(atHigh)),
      ...(pair ? { breakEvenChecks } : {}),
    });
  }
  return {
    ...analytic,
    source: 'simulation',
    replications: options.replications,
    seed: options.seed,
    atBase,
    rows: tornadoOrder(rows).map((i) => rows[i] as SensitivityRow),
  };
}

/** A value the model takes: whole agents for a break-even between two agent counts. */
function atModelValue(input: SensitivityInput, value: number): number {
  return input.kind === 'agents' ? Math.round(value) : value;
}
