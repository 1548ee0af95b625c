import type { Worker } from 'node:worker_threads';
import type { Argv } from 'yargs';
import { InputError, InterruptedError } from '../../core/errors.js';
import type { GroupMetricName, MetricEstimate, MetricName } from '../../core/metrics.js';
import type { ContactCentreModel } from '../../core/model/contact-centre-model.js';
import { resolveSimulationInput } from '../../core/plan/simulation-plan.js';
import type { ReplicationResult } from '../../core/sim/run-replication.js';
import type { SimulationInput } from '../../core/sim/simulation-input.js';
import { summariseReplications } from '../../core/sim/summarise.js';
import type { CallsWorkerData, CallsWorkerMessage } from '../../export/calls-csv.js';
import { toJson } from '../../export/json.js';
import { openAtomicFile } from '../../export/write-file.js';
import type { AtomicFile } from '../../export/write-file.js';
import { assumptionsOf, variantFromSimulation } from '../../report/build-report.js';
import { isPeriodMetric } from '../../report/budget.js';
import { ROLLUP_NOTES, type PeriodRow } from '../../report/period-rollup.js';
import { rollupSourceOfSimulation } from '../../report/period-sources.js';
import { budgetLines, byFlag, checkByFlag, defaultRollupNote, once, periodHeading, periodTable, rollUp, textBy, withByOption, type ByChoice } from '../periods.js';
import { formatDuration, formatMoney, formatNumber, formatPercent, formatSeconds, renderTable } from '../../report/format.js';
import type { Report, VariantResult } from '../../report/report.js';
import { defaultWorkerCount, simulateReplications } from '../../runner/simulate.js';
import { startWorker } from '../../runner/worker-file.js';
import { prestartWorkerPool } from '../../runner/worker-pool.js';
import type { CliIo } from '../io.js';
import { flagText, optionalNumberFlag } from '../number-flags.js';
import { seedFromFlagOrEnvironment } from '../seed.js';
import { checkExportOptions, checkOutputFlag, exportReport, withExportOptions } from '../output.js';
import { warnAboutCosts, warnAboutOccupancy, warnAboutTransients, warnAboutUndoneWork } from '../plan-warnings.js';
import { progressBar } from '../progress.js';
import { describeSetValues, noteSetValues, parseSetFlags, readScenarioWithValues, SET_OPTION } from '../set-values.js';
import type { Progress } from '../progress.js';
import { UsageError } from '../usage-error.js';
import { staffsimVersion } from '../version.js';
import { selectVariants } from './plan.js';
import { printable } from '../../core/printable.js';
import { COMMAND_LINES } from './catalogue.js';

/** One simulated variant as `run --json` prints it: its totals, its budget (period, FTEs, annualised totals), its intervals. */
export function runVariantJson(variant: VariantResult): Record<string, unknown> {
  return {
    name: variant.variant,
    replications: variant.replications,
    seed: variant.seed,
    totals: variant.totals,
    ...(variant.budget === undefined ? {} : { budget: variant.budget }),
    intervals: variant.intervals,
    ...(variant.groups === undefined ? {} : { groups: variant.groups }),
  };
}

export function registerRunCommand(cli: Argv, io: CliIo): Argv {
  return cli.command(
    COMMAND_LINES.run.command,
    COMMAND_LINES.run.describe,
    (y) =>
      withByOption(withExportOptions(y))
        .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (.yaml, .yml or .json)' })
        .option('variant', { type: 'string', describe: 'Only this variant' })
        // No `type: 'number'`: yargs would turn `--workers abc` into NaN, losing what was typed. Untyped, a number
        // stays a number and anything else stays text; numberFlag checks both and quotes them.
        .option('replications', { describe: 'Replications, an integer ≥ 1 (default: simulation.replications of the scenario)' })
        .option('seed', { type: 'string', describe: 'Base seed, a whole number ≥ 0 (default: STAFFSIM_SEED, else simulation.seed of the scenario)' })
        .option('workers', { describe: 'Worker threads, an integer ≥ 1 (default: the number of cores)' })
        .option('calls', {
          type: 'string',
          describe: 'Also write one CSV row per attempt to this file (replications then run one after another in one background thread)',
        })
        .option('set', SET_OPTION)
        .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' })
        .example('$0 run scenarios/municipal-contact-centre.yaml', 'Simulate every variant')
        .example('$0 run scenarios/examples/municipal-year.yaml --replications 2 --by month', 'A dated year, month by month, with FTEs')
        .example('$0 run scenarios/textbook-erlang-c.yaml --set staffing.target.serviceLevel=0.9 --set customers.patience.meanSeconds=90', 'What if: a higher target and less patient callers (in every variant)')
        .example('$0 run scenarios/textbook-erlang-c.yaml --replications 40 --seed 7 --json', 'More replications, another seed, as JSON')
        .example('$0 run scenarios/textbook-erlang-c.yaml --replications 1 --calls calls.csv', 'Every attempt as a CSV row'),
    async (args) => {
      // Flags first: a bad flag is reported before any file is read.
      const replications = optionalNumberFlag('replications', args.replications, { min: 1, integer: true });
      const workers = optionalNumberFlag('workers', args.workers, { min: 1, integer: true }) ?? defaultWorkerCount();
      const seed = seedFromFlagOrEnvironment(args.seed, io.env);
      const callsPath = flagText('calls', args.calls);
      if (callsPath === '-') throw new UsageError('--calls: expected a file name (the CSV cannot share stdout with the report)');
      const variantName = flagText('variant', args.variant) ?? undefined;
      checkExportOptions(args);
      if (callsPath !== null) checkOutputFlag('calls', callsPath);
      const setValues = parseSetFlags(args.set);

      const by = byFlag(args);
      const scenario = readScenarioWithValues(String(args.scenario), setValues);
      noteSetValues(io, setValues);
      const variants = selectVariants(scenario, variantName);
      const models = variants.map((variant) => withSimulationSettings(variant.model, replications, seed));
      checkByFlag(by, models.map((model) => model.calendar));
      // The worker threads start while the staffing plans are resolved.
      if (callsPath === null) prestartWorkerPool(Math.min(workers, Math.max(...models.map((model) => model.simulation.replications))));
      const inputs = await Promise.all(models.map(resolveSimulationInput));
      const showProgress = args.json !== true;
      const runs = await withInterrupt(async (signal) => {
        if (callsPath !== null) return simulateWithCalls(inputs, callsPath, signal, io, showProgress);
        const results: ReplicationResult[][] = [];
        for (const input of inputs) {
          const progress = progressBar(io.stderr, `simulating ${input.model.variantName}`, showProgress);
          try {
            results.push(
              await simulateReplications(input, {
                replications: input.model.simulation.replications,
                workers,
                signal,
                onProgress: (done, total) => progress.update(done, total),
              }),
            );
          } finally {
            progress.done();
          }
        }
        return results;
      });
      const simulated = inputs.map((input, i) => variantFromSimulation(input.model, summariseReplications(runs[i] as ReplicationResult[], input.model)));
      const sources = once(() => inputs.map((input, i) => ({ scenario: scenario.name, variant: input.model.variantName, source: rollupSourceOfSimulation(input, runs[i] as ReplicationResult[]) })));
      const calendars = models.map((model) => model.calendar);
      const shownBy = textBy(by, calendars);
      const periods = rollUp(shownBy, sources);
      // Exports: the periods asked for, else months for the Budget sheet of a dated calendar.
      const exportPeriods = by !== null ? periods : calendars.every((c) => c.startDate !== undefined) ? rollUp('month', sources) : null;
      const json = { scenario: scenario.name, variants: simulated.map(runVariantJson), ...(by === null || periods === null ? {} : { periods }) };
      const report: Report = {
        kind: 'run',
        title: `Simulation: ${scenario.name}`,
        currency: scenario.currency,
        staffsimVersion: staffsimVersion(),
        variants: simulated,
        differences: [],
        sweep: null,
        assumptions: assumptionsOf([{ scenario: scenario.name, document: scenario.document }], {
          seed: simulated[0]?.seed ?? '',
          replications: simulated[0]?.replications ?? '',
          ...(setValues.length === 0 ? {} : { set: describeSetValues(setValues) }),
          staffsimVersion: staffsimVersion(),
        }),
        ...(exportPeriods === null ? {} : { periods: exportPeriods }),
      };
      if (await exportReport(io, report, json, args)) {
        // written
      } else if (args.json === true) {
        io.stdout.write(toJson(json));
      } else {
        const text = simulated.map((variant, i) => runText(variant, models[i] as ContactCentreModel, shownBy, by === null, periods?.variants[i]?.rows ?? null));
        io.stdout.write(`${text.join('\n\n')}\n`);
      }
      if (callsPath !== null) io.stderr.write(`staffsim: wrote ${printable(callsPath)}\n`);
      simulated.forEach((variant, i) => {
        const model = models[i] as ContactCentreModel;
        warnAboutOccupancy(model, variant, io);
        warnAboutUndoneWork(model, variant, io);
        warnAboutTransients(model, 'run', io);
      });
      warnAboutCosts(scenario.name, models, io);
    },
  );
}

/** A variant's model with the command line's replications and seed applied. */
export function withSimulationSettings(model: ContactCentreModel, replications: number | null, seed: number | null): ContactCentreModel {
  return {
    ...model,
    simulation: {
      ...model.simulation,
      ...(replications === null ? {} : { replications }),
      ...(seed === null ? {} : { seed }),
    },
  };
}

/** The signals that interrupt a command: Ctrl-C, and what CI runners and `kill` send on cancel or timeout. */
const INTERRUPTS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs `work` with an AbortSignal that Ctrl-C (SIGINT) or SIGTERM fires; an aborted run becomes an InterruptedError
 * (exit 130), and the work's own clean-up (temporary files) runs. Only the first signal is caught: a second one gets
 * Node's default (the process dies at once, skipping clean-up, as TOOLCHAIN §4 asks; what it leaves behind is removed
 * as stale by a later run).
 */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = (): void => {
    for (const name of INTERRUPTS) process.removeListener(name, onInterrupt);
    controller.abort();
  };
  for (const name of INTERRUPTS) process.on(name, onInterrupt);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (controller.signal.aborted || (error instanceof Error && error.name === 'AbortError')) throw new InterruptedError();
    throw error;
  } finally {
    for (const name of INTERRUPTS) process.removeListener(name, onInterrupt);
  }
}

/**
 * `--calls`: every replication of every variant, one after another, streaming each attempt as a CSV row into a file
 * that appears only when the run completes (a temporary file beside it is renamed into place; on any failure or
 * interrupt it is removed).
 *
 * Why a worker thread: the engine is synchronous, and Node runs a SIGINT listener only between macrotasks, so a long
 * replication run in this thread would hold Ctrl-C back until it ends (seconds, for a big scenario). Here the
 * replications and the CSV writing run in one background thread that writes straight into the temporary file's
 * descriptor (no rows cross threads, nothing is held in memory) and posts back each replication's metrics. This
 * thread stays idle and responsive: Ctrl-C terminates the worker at once — V8 stops it even in the middle of a
 * replication — and only after it has stopped is the temporary file closed and removed. The output is the same as
 * without `--calls` (the same replications, summarised in replication order), so it does not depend on threads.
 */
async function simulateWithCalls(
  inputs: readonly SimulationInput[],
  path: string,
  signal: AbortSignal,
  io: CliIo,
  showProgress: boolean,
): Promise<ReplicationResult[][]> {
  const file = openCallsFile(path);
  let progress: Progress | null = null;
  let progressVariant = -1;
  const progressFor = (variant: number): Progress => {
    if (progress === null || progressVariant !== variant) {
      progress?.done();
      progress = progressBar(io.stderr, `simulating ${(inputs[variant] as SimulationInput).model.variantName}`, showProgress);
      progressVariant = variant;
    }
    return progress;
  };
  try {
    const results = inputs.map((input) => new Array<ReplicationResult>(input.model.simulation.replications));
    await runCallsWorker({ inputs, fd: file.fd }, signal, (message) => {
      if (message.kind === 'done') return;
      const total = (inputs[message.variant] as SimulationInput).model.simulation.replications;
      if (message.kind === 'replication') {
        (results[message.variant] as ReplicationResult[])[message.replication] = message.result;
        progressFor(message.variant).update(message.replication + 1, total);
      } else {
        progressFor(message.variant).update(message.done, total);
      }
    });
    file.commit();
    return results;
  } catch (error) {
    // The worker could not write (a full disk, a quota): not a bug in staffsim, and nothing is left behind.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && WRITE_FAILURES.has(code)) {
      throw new InputError([{ path: '', code: 'cannot_write', message: `--calls: ${path}: cannot write (${(error as Error).message})` }]);
    }
    throw error;
  } finally {
    (progress as Progress | null)?.done();
    file.abort(); // nothing once committed
  }
}

/** Error codes of a write that failed for reasons outside staffsim. */
const WRITE_FAILURES: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO', 'EROFS', 'EPERM', 'EACCES']);

/** The `--calls` file, opened before any work: a folder that does not exist is a usage error that names the flag. */
function openCallsFile(path: string): AtomicFile {
  try {
    return openAtomicFile(path);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`--calls: ${error.message}`);
    throw error;
  }
}

/**
 * Runs the `--calls` worker to its end. Settles only once the worker thread has stopped (so the caller may close the
 * file it wrote to): resolves after it posted `done` and exited; rejects with its error, with an AbortError when
 * `signal` fires (the worker is terminated), or when it exits early.
 */
function runCallsWorker(data: CallsWorkerData, signal: AbortSignal, onMessage: (message: CallsWorkerMessage) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const worker = startCallsWorker(data);
    let finished = false;
    let failure: { error: unknown } | null = null;
    const stop = (error: unknown): void => {
      failure ??= { error };
      void worker.terminate();
    };
    const onAbort = (): void => stop(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: CallsWorkerMessage) => {
      if (failure !== null) return;
      if (message.kind === 'done') finished = true;
      try {
        onMessage(message);
      } catch (error) {
        stop(error);
      }
    });
    worker.on('error', (error) => {
      failure ??= { error };
    });
    worker.on('exit', (code) => {
      signal.removeEventListener('abort', onAbort);
      if (failure !== null) reject(failure.error);
      else if (!finished) reject(new Error(`the --calls worker thread stopped before the end (exit code ${code})`));
      else resolve();
    });
  });
}

/**
 * Starts the `--calls` worker (src/export/calls-worker.ts).
 *
 * The worker makes one short-lived string per row; a young generation of 8 MB (instead of V8's default, which grows
 * to 32 MB and more) keeps the peak memory of a million-call `--calls` run near 120 MB instead of 165 MB, at no
 * measurable cost in time.
 */
function startCallsWorker(data: CallsWorkerData): Worker {
  return startWorker('export/calls-worker', { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
}

function abortError(): Error {
  const error = new Error('simulation aborted');
  error.name = 'AbortError';
  return error;
}

const SUMMARY_LINES: readonly { metric: MetricName; label: string; format: (v: number, currency: string) => string }[] = [
  { metric: 'cases', label: 'cases (first contacts)', format: (v) => formatNumber(v, 1) },
  { metric: 'attempts', label: 'attempts', format: (v) => formatNumber(v, 1) },
  { metric: 'attemptsPerCase', label: 'attempts per case', format: (v) => formatNumber(v, 3) },
  { metric: 'serviceLevel', label: 'service level', format: (v) => formatPercent(v, 2) },
  { metric: 'probabilityOfWaiting', label: 'probability of waiting', format: (v) => formatPercent(v, 2) },
  { metric: 'asaSeconds', label: 'ASA (answered)', format: (v) => formatSeconds(v, 2) },
  { metric: 'meanWaitSeconds', label: 'mean wait (all)', format: (v) => formatSeconds(v, 2) },
  { metric: 'waitP90Seconds', label: '90th percentile wait (answered)', format: (v) => formatSeconds(v, 1) },
  { metric: 'abandonedShare', label: 'abandoned', format: (v) => formatPercent(v, 2) },
  { metric: 'occupancy', label: 'occupancy', format: (v) => formatPercent(v, 2) },
  { metric: 'resolvedShareOfCases', label: 'cases resolved', format: (v) => formatPercent(v, 2) },
  { metric: 'contactsPerResolvedCase', label: 'contacts per resolved case', format: (v) => formatNumber(v, 3) },
  { metric: 'unresolvedCases', label: 'cases unresolved', format: (v) => formatNumber(v, 1) },
  { metric: 'openCasesAtEnd', label: 'cases open at the end', format: (v) => formatNumber(v, 1) },
  { metric: 'paidAgentHours', label: 'paid agent hours', format: (v) => formatNumber(v, 1) },
  { metric: 'overtimeHours', label: 'overtime hours', format: (v) => formatNumber(v, 2) },
  { metric: 'totalCost', label: 'total cost', format: (v, c) => formatMoney(v, c) },
  { metric: 'costPerResolvedCase', label: 'cost per resolved case', format: (v, c) => formatMoney(v, c) },
];

/** The lines a scenario with agent groups adds (SPEC §7): where the failure demand goes. */
const NETWORK_SUMMARY_LINES: readonly { metric: MetricName; label: string; format: (v: number, currency: string) => string }[] = [
  { metric: 'callsPerCase', label: 'calls dialled per case', format: (v) => formatNumber(v, 3) },
  { metric: 'transfers', label: 'transfers', format: (v) => formatNumber(v, 1) },
  { metric: 'failedTransferShare', label: 'transfers failed', format: (v) => formatPercent(v, 2) },
  { metric: 'timeToResolutionSeconds', label: 'time to resolution (mean)', format: (v) => formatDuration(v) },
  { metric: 'timeToResolutionP90Seconds', label: 'time to resolution (90th percentile)', format: (v) => formatDuration(v) },
  { metric: 'tasks', label: 'tasks (callbacks, e-mail)', format: (v) => formatNumber(v, 1) },
  { metric: 'taskDelaySeconds', label: 'task delay (created to started)', format: (v) => formatDuration(v) },
  { metric: 'tasksWithinDueShare', label: 'tasks started within due', format: (v) => formatPercent(v, 2) },
  { metric: 'taskBacklogAtEnd', label: 'tasks left at the end', format: (v) => formatNumber(v, 1) },
];

/** One row per agent group: calls offered and their fate, agents' time, tasks and cost (means over replications). */
export function groupsText(groups: readonly { name: string; totals: Record<GroupMetricName, MetricEstimate> }[], currency: string): string {
  return renderTable(
    [
      { header: 'group', align: 'left' },
      { header: 'calls' },
      { header: 'answered' },
      { header: 'aband.' },
      { header: 'blocked' },
      { header: 'SL' },
      { header: 'ASA' },
      { header: 'occ.' },
      { header: 'paid h' },
      { header: 'tasks' },
      { header: 'task delay' },
      { header: 'staff cost' },
    ],
    groups.map(({ name, totals: g }) => [
      printable(name),
      formatNumber(g.attempts.mean, 1),
      formatNumber(g.answered.mean, 1),
      formatPercent(g.attempts.mean > 0 ? g.abandoned.mean / g.attempts.mean : Number.NaN),
      formatPercent(g.blockedShare.mean),
      formatPercent(g.serviceLevel.mean),
      formatSeconds(g.asaSeconds.mean),
      formatPercent(g.occupancy.mean),
      formatNumber(g.paidAgentHours.mean, 1),
      formatNumber(g.tasks.mean, 1),
      formatDuration(g.taskDelaySeconds.mean),
      formatMoney(g.staffCost.mean, currency),
    ]),
  );
}

function runText(
  variant: VariantResult,
  model: ContactCentreModel,
  shownBy: ByChoice,
  byDefault: boolean,
  periodRows: readonly PeriodRow[] | null,
): string {
  const replications = variant.replications ?? 1;
  const period = variant.budget?.period.text ?? '';
  const title = `${printable(model.scenarioName)} — ${printable(variant.variant)} (simulated: ${replications} replication${replications === 1 ? '' : 's'}, seed ${variant.seed ?? ''}, ±95% interval)`;
  const summary = renderTable(
    [{ header: 'metric', align: 'left' }, { header: 'mean', align: 'right' }, { header: '±95%', align: 'right' }],
    [...SUMMARY_LINES, ...(variant.groups === undefined ? [] : NETWORK_SUMMARY_LINES)].map(({ metric, label, format }) => {
      const { mean, ci95 } = variant.totals[metric];
      return [periodLabel(label, metric, period), format(mean, model.currency), replications > 1 ? format(ci95, model.currency) : '–'];
    }),
  );
  const budget = variant.budget === undefined ? '' : `\n${budgetLines(variant.budget, variant.totals, model.currency, replications > 1).join('\n')}`;
  const groups = variant.groups === undefined ? '' : `\n\nBy agent group (means; hours and money over ${period}):\n${groupsText(variant.groups, model.currency)}`;
  if (shownBy !== 'interval' && periodRows !== null) {
    const note = byDefault ? `\n${defaultRollupNote(variant.intervals.length)}` : '';
    const rollupNotes = `\n${ROLLUP_NOTES.join(' ')}`;
    return `${title}\n${summary}${budget}${groups}\n\n${periodHeading(shownBy, replications > 1)}\n${periodTable(periodRows, model.currency, replications > 1)}${rollupNotes}${note}`;
  }
  const intervals = renderTable(
    [
      { header: variant.intervals[0]?.date === undefined ? 'day' : 'date' },
      { header: 'start' },
      { header: 'cases' },
      { header: 'attempts' },
      { header: 'SL' },
      { header: 'ASA' },
      { header: 'aband.' },
      { header: 'occ.' },
      { header: 'paid h' },
    ],
    variant.intervals.map((row) => {
      // No attempts (a warm-up interval, or no demand): shares and waits are undefined, not 0.
      const none = row.attempts.mean === 0;
      return [
        row.date ?? String(row.day),
        row.start,
        formatNumber(row.cases.mean, 1),
        formatNumber(row.attempts.mean, 1),
        none ? '–' : formatPercent(row.serviceLevel.mean),
        none ? '–' : formatSeconds(row.asaSeconds.mean),
        none ? '–' : formatPercent(row.abandonedShare.mean),
        row.paidAgentHours.mean === 0 ? '–' : formatPercent(row.occupancy.mean),
        formatNumber(row.paidAgentHours.mean, 1),
      ];
    }),
  );
  const warmup = model.simulation.warmupSeconds > 0 ? ` — the first ${formatNumber(model.simulation.warmupSeconds / 3600, 1)} h are warm-up, not measured` : '';
  return `${title}\n${summary}${budget}${groups}\n\nBy interval (means${warmup}):\n${intervals}`;
}

/**
 * A summary label with its period where the figure belongs to one (money and hours): `total cost, 5 days`.
 * @example periodLabel('total cost', 'totalCost', '5 days') // 'total cost, 5 days'
 */
export function periodLabel(label: string, metric: string, period: string): string {
  return period !== '' && isPeriodMetric(metric) ? `${label}, ${period}` : label;
}
