/** The explorer's services on the real file system, planner and simulator. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ContactCentreModel } from '../core/model/contact-centre-model.js';
import { overloadedIntervals, planVariant } from '../core/plan/interval-plan.js';
import { taskOverloads } from '../core/plan/network-plan.js';
import { simulationInputFor } from '../core/plan/simulation-plan.js';
import type { ReplicationResult } from '../core/sim/run-replication.js';
import { summariseReplications } from '../core/sim/summarise.js';
import { reportToCsv } from '../export/csv.js';
import { writeFileAtomic } from '../export/write-file.js';
import { reportToXlsx } from '../export/xlsx.js';
import { variantFromPlan, variantFromSimulation } from '../report/build-report.js';
import { readScenarioFile } from '../scenario/load.js';
import { analyseWhatIfInThread } from '../runner/sensitivity-thread.js';
import { defaultWorkerCount, simulateReplications } from '../runner/simulate.js';
import type { ExplorerServices, SimulationRun } from './services.js';

/**
 * The real services. The simulation runs on at least two worker threads (so the terminal never waits on a
 * replication), with the first variant's seed and replications for every variant, as `staffsim compare` does.
 */
export function nodeServices(options: { workers?: number } = {}): ExplorerServices {
  const workers = options.workers ?? Math.max(2, defaultWorkerCount());
  return {
    plan(model) {
      const plan = planVariant(model);
      return { result: variantFromPlan(plan), overloaded: overloadedIntervals(plan), taskOverloads: taskOverloads(plan) };
    },
    async simulate(models, { signal, onProgress }): Promise<SimulationRun> {
      const first = models[0];
      if (first === undefined) return { variants: [], replications: [], replicationCount: 0, seed: 0, workers };
      const { replications: replicationCount, seed } = first.simulation;
      const common: ContactCentreModel[] = models.map((model) => ({ ...model, simulation: { ...model.simulation, replications: replicationCount, seed } }));
      const inputs = common.map(simulationInputFor);
      const total = replicationCount * inputs.length;
      const runs: ReplicationResult[][] = [];
      for (const [v, input] of inputs.entries()) {
        onProgress({ variant: input.model.variantName, done: v * replicationCount, total });
        runs.push(
          await simulateReplications(input, {
            replications: replicationCount,
            workers,
            signal,
            onProgress: (done) => onProgress({ variant: input.model.variantName, done: v * replicationCount + done, total }),
          }),
        );
      }
      return {
        variants: common.map((model, v) => variantFromSimulation(model, summariseReplications(runs[v] ?? [], model))),
        replications: runs,
        replicationCount,
        seed,
        workers,
      };
    },
    whatIf: (scenario, variants, { signal, onMessage }) =>
      analyseWhatIfInThread({ document: scenario.document, variants, range: WHAT_IF_RANGE }, { signal, onMessage }),
    async exportReport(report, paths) {
      const written: string[] = [];
      if (paths.xlsx !== undefined) {
        writeFileAtomic(paths.xlsx, await reportToXlsx(report));
        written.push(paths.xlsx);
      }
      if (paths.csv !== undefined) {
        writeFileAtomic(paths.csv, reportToCsv(report, 'summary'));
        written.push(paths.csv);
      }
      return written;
    },
    fileExists: (path) => existsSync(path),
    readText(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    writeText: (path, text) => writeFileAtomic(path, text),
    listScenarios: (folder) => scenarioFilesIn(folder, 1),
    openScenario: (path) => readScenarioFile(path),
  };
}

/** The relative range of the explorer's what-if analysis: `staffsim sensitivity`'s default, ±25%. */
export const WHAT_IF_RANGE = 0.25;

/** Folders that hold no scenarios of their own: stored baselines, dependencies. */
const NOT_SCENARIO_FOLDERS = new Set(['baselines', 'node_modules']);

/**
 * The scenario files (`.yaml`, `.yml`, `.json`) of a folder, sorted, then those of its subfolders down to `depth`
 * levels (so `scenarios/examples/` is offered too), leaving out hidden folders and baselines.
 */
function scenarioFilesIn(folder: string, depth: number): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.'));
  } catch {
    return [];
  }
  const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);
  const files = entries
    .filter((entry) => entry.isFile() && ['.yaml', '.yml', '.json'].includes(extname(entry.name).toLowerCase()))
    .sort(byName)
    .map((entry) => join(folder, entry.name));
  const below =
    depth <= 0
      ? []
      : entries
          .filter((entry) => entry.isDirectory() && !NOT_SCENARIO_FOLDERS.has(entry.name))
          .sort(byName)
          .flatMap((entry) => scenarioFilesIn(join(folder, entry.name), depth - 1));
  return [...files, ...below];
}
