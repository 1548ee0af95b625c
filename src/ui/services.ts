/**
 * What the explorer asks of the world: figures, simulation, files. The screen gets these as a prop, so tests pass
 * fakes (ready figures, no simulation, a temporary folder) and the command line passes `nodeServices()`.
 */
import type { ContactCentreModel } from '../core/model/contact-centre-model.js';
import type { TaskOverload } from '../core/plan/network-plan.js';
import type { OverloadedInterval } from '../core/plan/interval-plan.js';
import type { ReplicationResult } from '../core/sim/run-replication.js';
import type { Report, VariantResult } from '../report/report.js';
import type { WhatIfMessage } from '../runner/sensitivity-thread.js';
import type { LoadedScenario } from '../scenario/load.js';

/** Progress of a simulation over every variant. */
export interface SimulationProgress {
  /** The variant being simulated. */
  readonly variant: string;
  /** Replications finished over all variants, and their total. */
  readonly done: number;
  readonly total: number;
}

/** Every variant simulated with the same seed and replications (common random numbers). */
export interface SimulationRun {
  readonly variants: readonly VariantResult[];
  /** Each variant's replications, for paired differences. */
  readonly replications: readonly (readonly ReplicationResult[])[];
  readonly replicationCount: number;
  readonly seed: number;
  readonly workers: number;
}

/**
 * The analytic figures of one variant, and the intervals in which its plan is unstable: a queue without patience that
 * is overloaded there waits without end, so the variant's waits and total cost are unbounded (∞).
 */
export interface AnalyticPlan {
  readonly result: VariantResult;
  /** In time order; empty when the plan is stable. */
  readonly overloaded: readonly OverloadedInterval[];
  /** Groups whose tasks outgrow the time their calls leave over (a backlog without end: total cost ∞); none when absent. */
  readonly taskOverloads?: readonly TaskOverload[];
}

export interface ExplorerServices {
  /** The analytic figures of one variant (Erlang C/A plan). @throws InfeasibleError when a target cannot be met */
  plan(model: ContactCentreModel): AnalyticPlan;
  /**
   * Simulates every model, one after another, each on worker threads. Rejects with an Error named AbortError when
   * `signal` aborts (and stops the workers), with InfeasibleError when a target cannot be staffed.
   */
  simulate(models: readonly ContactCentreModel[], options: { signal: AbortSignal; onProgress: (progress: SimulationProgress) => void }): Promise<SimulationRun>;
  /**
   * What-if analysis of a scenario as edited (`staffsim sensitivity` and `compare --explain` on `variants`, difference
   * = second − first), off the terminal's thread: `onMessage` gets each part as it is computed (start, explanation,
   * one row per input, then done or a problem). Rejects with an Error named AbortError when `signal` aborts.
   */
  whatIf(scenario: LoadedScenario, variants: readonly string[], options: { signal: AbortSignal; onMessage: (message: WhatIfMessage) => void }): Promise<void>;
  /** Writes the report to each given path (atomically) and returns the paths written. @throws InputError */
  exportReport(report: Report, paths: { readonly xlsx?: string; readonly csv?: string }): Promise<string[]>;
  fileExists(path: string): boolean;
  /** The text of a file, or null when it cannot be read. */
  readText(path: string): string | null;
  /** Writes a text file atomically (replacing one that exists). @throws InputError */
  writeText(path: string, text: string): void;
  /** The scenario files (`.yaml`, `.yml`, `.json`) in a folder and its subfolders, sorted, as paths joined to the folder. */
  listScenarios(folder: string): string[];
  /** Reads and validates a scenario file. @throws InputError */
  openScenario(path: string): LoadedScenario;
}
