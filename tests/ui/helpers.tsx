/**
 * Helpers for the explorer's tests: ready-made figures (no planning, no simulation), keys, and waiting for a frame.
 */
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { ALL_METRIC_NAMES, GROUP_METRIC_NAMES, METRIC_NAMES } from '../../src/core/metrics.js';
import type { GroupMetricName, MetricName } from '../../src/core/metrics.js';
import type { ContactCentreModel } from '../../src/core/model/contact-centre-model.js';
import { formatClock } from '../../src/core/model/clock.js';
import type { GroupMetricEstimates, GroupResult, IntervalEstimates, MetricEstimates, VariantResult } from '../../src/report/report.js';
import type { WhatIfMessage } from '../../src/runner/sensitivity-thread.js';
import type { LoadedScenario } from '../../src/scenario/load.js';
import { readScenarioFile } from '../../src/scenario/load.js';
import { App } from '../../src/ui/App.js';
import { nodeServices } from '../../src/ui/node-services.js';
import type { AnalyticPlan, ExplorerServices, SimulationProgress, SimulationRun } from '../../src/ui/services.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const SMALL = join(FIXTURES, 'small-centre.yaml');
export const SHIFTS = join(FIXTURES, 'shifts-centre.yaml');
export const NETWORK = join(FIXTURES, 'network-centre.yaml');

/** Key sequences as a terminal sends them. */
export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  shiftRight: '\u001B[1;2C',
  shiftLeft: '\u001B[1;2D',
  tab: '\t',
  shiftTab: '\u001B[Z',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  ctrlC: '\u0003',
  ctrlU: '\u0015',
} as const;

/** Removes colour codes (CI terminals may turn colour on). */
export function plain(text: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (text ?? '').replace(/\u001B\[[0-9;]*m/g, '');
}

function estimates(values: Partial<Record<MetricName, number>>, ci95 = 0, network = false): MetricEstimates {
  const out = {} as MetricEstimates;
  for (const name of network ? ALL_METRIC_NAMES : METRIC_NAMES) out[name] = { mean: values[name] ?? 0, ci95 };
  return out;
}

function groupEstimates(values: Partial<Record<GroupMetricName, number>>, ci95 = 0): GroupMetricEstimates {
  const out = {} as GroupMetricEstimates;
  for (const name of GROUP_METRIC_NAMES) out[name] = { mean: values[name] ?? 0, ci95 };
  return out;
}

/**
 * Fake figures of a model with agent groups, just as predictable: a group's paid hours are 10 per agent (100 × its
 * target for target staffing), its occupancy 0.5 + its handle time / 2000 s, its blocked share 0.05 × its waiting
 * places (0 when unlimited) and its staff cost its paid hours × its agent hour; the variant's staff cost is their sum,
 * its total cost that plus 300; calls per case are 1 / the first group's resolved share; transfers lost are the
 * transferred share / 2.
 */
function fakeNetworkFigures(model: ContactCentreModel, ci95: number): { totals: Partial<Record<MetricName, number>>; groups: GroupResult[] } {
  const network = model.network;
  if (network === undefined) return { totals: {}, groups: [] };
  const groups = network.groups.map((group): GroupResult => {
    const staffing = group.staffing;
    const paidAgentHours = staffing.kind === 'agents' ? 10 * staffing.agents : staffing.kind === 'target' ? 100 * (staffing.target.serviceLevel ?? 0.8) : 50;
    const values = {
      paidAgentHours,
      occupancy: 0.5 + (group.handleTime.kind === 'exponential' ? group.handleTime.meanSeconds : 0) / 2000,
      blockedShare: group.maxQueue === null ? 0 : 0.05 * group.maxQueue,
      staffCost: paidAgentHours * group.costs.perPaidAgentHour,
    };
    return { name: group.name, totals: groupEstimates(values, ci95), intervals: [] };
  });
  const staffCost = groups.reduce((sum, g) => sum + g.totals.staffCost.mean, 0);
  const first = network.groups[0];
  const transferred = first?.outcomes.transfers.reduce((sum, t) => sum + t.share, 0) ?? 0;
  return {
    totals: {
      staffCost,
      totalCost: staffCost + 300,
      paidAgentHours: groups.reduce((sum, g) => sum + g.totals.paidAgentHours.mean, 0),
      callsPerCase: 1 / (first?.outcomes.resolved ?? 1),
      failedTransferShare: transferred > 0 ? transferred / 2 : Number.NaN,
      tasksWithinDueShare: 0.9,
      taskDelaySeconds: 5400,
    },
    groups,
  };
}

/**
 * Figures that follow the knobs in a way a test can predict (no queueing): service level = target + 5 points (or
 * agents / 10), attempts per case = 1 / first-contact resolution, total cost = 1000 × target + agent hour × 10.
 */
export function fakeResult(model: ContactCentreModel, source: VariantResult['source'] = 'erlang-a', ci95 = 0): VariantResult {
  const staffing = model.staffing;
  const level =
    staffing.kind === 'target' ? (staffing.target.serviceLevel ?? 0.8) + 0.05 : staffing.kind === 'agents' ? Math.min(1, staffing.agents / 10) : 0.5;
  const fcr = model.handling.firstContactResolution;
  const totalCost = 1000 * level + model.costs.perPaidAgentHour * 10;
  const totals = {
    serviceLevel: level,
    asaSeconds: 100 * (1 - level),
    abandonedShare: (1 - level) / 4,
    attemptsPerCase: 1 / fcr,
    contactsPerResolvedCase: 1 / fcr,
    paidAgentHours: 100 * level,
    staffCost: totalCost * 0.7,
    unresolvedCaseCost: totalCost * 0.3,
    totalCost,
    costPerResolvedCase: totalCost / 100,
    cases: 100,
    attempts: 100 / fcr,
  };
  const network = model.network === undefined ? null : fakeNetworkFigures(model, ci95);
  const intervals: IntervalEstimates[] = model.demand.casesPerInterval.flatMap((day, d) =>
    day.map((cases, i) => ({
      day: d + 1,
      start: formatClock(model.calendar.openSeconds + i * model.calendar.intervalSeconds),
      ...estimates({ serviceLevel: level - 0.01 * i, attempts: cases / fcr, cases }, ci95, network !== null),
    })),
  );
  return {
    scenario: model.scenarioName,
    variant: model.variantName,
    currency: model.currency,
    source,
    replications: source === 'simulation' ? model.simulation.replications : null,
    seed: source === 'simulation' ? model.simulation.seed : null,
    totals: estimates({ ...totals, ...(network === null ? {} : { unresolvedCaseCost: 300, ...network.totals }) }, ci95, network !== null),
    intervals,
    ...(network === null ? {} : { groups: network.groups }),
  };
}

/** The fake figures as a stable analytic plan (what `ExplorerServices.plan` returns). */
export function fakePlan(model: ContactCentreModel): AnalyticPlan {
  return { result: fakeResult(model), overloaded: [] };
}

export interface FakeServicesOptions {
  /** Replaces the planner (e.g. one that throws). */
  readonly plan?: ExplorerServices['plan'];
  /**
   * Simulation: by default resolves at once with fake figures (source simulation, ±1%); `hold` keeps it running
   * until aborted or released.
   */
  readonly hold?: boolean;
  /** The messages a what-if analysis delivers (default: none; it ends at once). */
  readonly whatIf?: (scenario: LoadedScenario, variants: readonly string[]) => readonly WhatIfMessage[];
  /** Delivers what-if messages only on `nextWhatIf()`. */
  readonly holdWhatIf?: boolean;
}

export interface FakeServices extends ExplorerServices {
  readonly calls: {
    plan: number;
    simulate: number;
    aborted: number;
    written: Record<string, string>;
    /** Each what-if analysis started (the scenario as edited and the variants), and how many were stopped. */
    whatIf: { scenario: LoadedScenario; variants: readonly string[] }[];
    whatIfAborted: number;
  };
  /** Resolves a held simulation. */
  release(): void;
  /** Delivers the next message of a held what-if analysis. */
  nextWhatIf(): void;
}

/** Services with fake figures and simulation and an in-memory file system on top of the real folder listing. */
export function fakeServices(options: FakeServicesOptions = {}): FakeServices {
  const real = nodeServices({ workers: 2 });
  const calls = { plan: 0, simulate: 0, aborted: 0, written: {} as Record<string, string>, whatIf: [] as { scenario: LoadedScenario; variants: readonly string[] }[], whatIfAborted: 0 };
  let release: () => void = () => undefined;
  let nextWhatIf: () => void = () => undefined;
  return {
    calls,
    release: () => release(),
    nextWhatIf: () => nextWhatIf(),
    plan(model) {
      calls.plan++;
      return options.plan === undefined ? fakePlan(model) : options.plan(model);
    },
    simulate(models, { signal, onProgress }) {
      calls.simulate++;
      const total = models.length * 4;
      const run: SimulationRun = {
        variants: models.map((m) => fakeResult(m, 'simulation', 0.01)),
        replications: models.map(() => []),
        replicationCount: 4,
        seed: 7,
        workers: 2,
      };
      const progress: SimulationProgress = { variant: models[0]?.variantName ?? '', done: 1, total };
      onProgress(progress);
      return new Promise((resolve, reject) => {
        const abort = (): void => {
          calls.aborted++;
          const error = new Error('aborted');
          error.name = 'AbortError';
          reject(error);
        };
        if (signal.aborted) abort();
        signal.addEventListener('abort', abort, { once: true });
        release = () => resolve(run);
        if (options.hold !== true) setImmediate(() => resolve(run));
      });
    },
    whatIf(scenario, variants, { signal, onMessage }) {
      calls.whatIf.push({ scenario, variants });
      return new Promise((resolve, reject) => {
        const abort = (): void => {
          calls.whatIfAborted++;
          const error = new Error('aborted');
          error.name = 'AbortError';
          reject(error);
        };
        if (signal.aborted) abort();
        signal.addEventListener('abort', abort, { once: true });
        // The messages of the analysis, one per turn of the event loop (or held until `next()`).
        const messages = options.whatIf?.(scenario, variants) ?? [];
        let at = 0;
        const step = (): void => {
          if (signal.aborted) return;
          const message = messages[at++];
          if (message === undefined) {
            resolve();
            return;
          }
          onMessage(message);
          if (options.holdWhatIf !== true) setImmediate(step);
        };
        nextWhatIf = step;
        if (options.holdWhatIf !== true) setImmediate(step);
      });
    },
    exportReport: (report, paths) => real.exportReport(report, paths),
    fileExists: (path) => path in calls.written || real.fileExists(path),
    readText: (path) => calls.written[path] ?? real.readText(path),
    writeText(path, text) {
      calls.written[path] = text;
    },
    listScenarios: (folder) => real.listScenarios(folder),
    openScenario: (path) => readScenarioFile(path),
  };
}

export interface Rendered {
  readonly frame: () => string;
  readonly exits: { code: number; error?: unknown }[];
  /** Writes keys one by one, letting the screen settle after each. */
  press(...keys: string[]): Promise<void>;
  /** Types text as one chunk (a paste). */
  type(text: string): Promise<void>;
  /** Waits until the frame satisfies `test` (or fails after `timeoutMs`). */
  waitFor(test: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
  unmount(): void;
}

/** Renders the explorer with ready figures at a fixed size. */
export async function renderExplorer(options: {
  readonly path?: string;
  readonly scenario?: LoadedScenario;
  readonly services?: ExplorerServices;
  readonly columns?: number;
  readonly rows?: number;
  readonly libraryFolder?: string;
  readonly workingFolder?: string;
} = {}): Promise<Rendered> {
  const path = options.path ?? SMALL;
  const scenario = options.scenario ?? readScenarioFile(path);
  const exits: { code: number; error?: unknown }[] = [];
  const instance = render(
    <App
      path={path}
      scenario={scenario}
      services={options.services ?? fakeServices()}
      staffsimVersion="0.0.0-test"
      columns={options.columns ?? 100}
      rows={options.rows ?? 30}
      onExit={(code, error) => exits.push(error === undefined ? { code } : { code, error })}
      today={() => '2026-11-27'}
      {...(options.libraryFolder === undefined ? {} : { libraryFolder: options.libraryFolder })}
      {...(options.workingFolder === undefined ? {} : { workingFolder: options.workingFolder })}
    />,
  );
  const frame = (): string => plain(instance.lastFrame());
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  /** Waits for the render a write causes (at most 500 ms: some keys change nothing), then a little more. */
  const settle = async (framesBefore: number): Promise<void> => {
    const deadline = Date.now() + 500;
    while (instance.frames.length === framesBefore && Date.now() < deadline) await sleep(5);
    await sleep(10);
  };
  // Keys are read once the screen has subscribed to stdin (raw mode on).
  for (const deadline = Date.now() + 3000; instance.stdin.listenerCount('readable') === 0 && Date.now() < deadline; ) await sleep(5);
  await sleep(10);
  return {
    frame,
    exits,
    async press(...keys) {
      for (const key of keys) {
        const before = instance.frames.length;
        instance.stdin.write(key);
        await settle(before);
      }
    },
    async type(text) {
      const before = instance.frames.length;
      instance.stdin.write(text);
      await settle(before);
    },
    async waitFor(test, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = frame();
        if (test(current)) return current;
        if (Date.now() > deadline) throw new Error(`timed out waiting for the screen; last frame:\n${current}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    unmount: () => instance.unmount(),
  };
}

/** The line of the frame that contains `text`. */
export function lineWith(frame: string, text: string): string {
  return frame.split('\n').find((line) => line.includes(text)) ?? '';
}
