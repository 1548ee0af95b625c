import type { Argv } from 'yargs';
import { InterruptedError } from '../../core/errors.js';
import type { MetricName } from '../../core/metrics.js';
import type { ContactCentreModel } from '../../core/model/contact-centre-model.js';
import { simulationInputFor } from '../../core/plan/simulation-plan.js';
import { runReplication } from '../../core/sim/run-replication.js';
import type { ReplicationResult } from '../../core/sim/run-replication.js';
import type { SimulationInput } from '../../core/sim/simulation-input.js';
import type { SimulationSummary } from '../../core/sim/summarise.js';
import { summariseReplications } from '../../core/sim/summarise.js';
import { CALLS_CSV_HEADER, callsCsvRow } from '../../export/calls-csv.js';
import { toJson } from '../../export/json.js';
import { openAtomicFile } from '../../export/write-file.js';
import type { AtomicFile } from '../../export/write-file.js';
import { formatMoney, formatNumber, formatPercent, formatSeconds, renderTable } from '../../report/format.js';
import { readScenarioFile } from '../../scenario/load.js';
import { defaultWorkerCount, simulate } from '../../runner/simulate.js';
import type { CliIo } from '../io.js';
import { numberFlag, optionalNumberFlag } from '../number-flags.js';
import { progressBar } from '../progress.js';
import { selectVariants } from './plan.js';

/** One simulated variant as `run --json` prints it. */
export interface SimulatedVariant {
  readonly name: string;
  readonly replications: number;
  readonly seed: number;
  readonly totals: SimulationSummary['totals'];
  readonly intervals: SimulationSummary['intervals'];
}

export function registerRunCommand(cli: Argv, io: CliIo): Argv {
  return cli.command(
    'run <scenario>',
    'Simulate every variant (discrete-event, replications in parallel) and report each metric with its 95% interval',
    (y) =>
      y
        .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (.yaml, .yml or .json)' })
        .option('variant', { type: 'string', describe: 'Only this variant' })
        .option('replications', { type: 'number', describe: 'Replications (default: simulation.replications of the scenario)' })
        .option('seed', { type: 'number', describe: 'Base seed (default: STAFFSIM_SEED, else simulation.seed of the scenario)' })
        .option('workers', { type: 'number', describe: 'Worker threads (default: the number of cores)' })
        .option('calls', { type: 'string', describe: 'Also write one CSV row per attempt to this file (runs in this thread)' })
        .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' })
        .example('$0 run scenarios/municipal-contact-centre.yaml', 'Simulate every variant')
        .example('$0 run scenarios/textbook-erlang-c.yaml --replications 40 --seed 7 --json', 'More replications, another seed, as JSON')
        .example('$0 run scenarios/textbook-erlang-c.yaml --replications 1 --calls calls.csv', 'Every attempt as a CSV row'),
    async (args) => {
      const scenario = readScenarioFile(String(args.scenario));
      const variants = selectVariants(scenario, args.variant);
      const replications = optionalNumberFlag('replications', args.replications, { min: 1, integer: true });
      const envSeed = io.env['STAFFSIM_SEED'];
      const seed =
        optionalNumberFlag('seed', args.seed, { min: 0, integer: true }) ??
        (envSeed === undefined || envSeed === '' ? null : numberFlag('seed (STAFFSIM_SEED)', Number(envSeed), { min: 0, integer: true }));
      const workers = args.workers === undefined ? defaultWorkerCount() : numberFlag('workers', args.workers, { min: 1, integer: true });
      const callsPath = args.calls === undefined ? null : String(args.calls);

      const models = variants.map((variant) => withSimulationSettings(variant.model, replications, seed));
      const inputs = models.map(simulationInputFor);
      const simulated = await withInterrupt(async (signal) => {
        if (callsPath !== null) return simulateWithCalls(inputs, callsPath, signal);
        const results: SimulatedVariant[] = [];
        for (const input of inputs) {
          const progress = progressBar(io.stderr, `simulating ${input.model.variantName}`, args.json !== true);
          const summary = await simulate(input, {
            replications: input.model.simulation.replications,
            workers,
            signal,
            onProgress: (done, total) => progress.update(done, total),
          });
          progress.done();
          results.push(variantJson(input.model.variantName, summary));
        }
        return results;
      });
      if (args.json === true) {
        io.stdout.write(toJson({ scenario: scenario.name, variants: simulated }));
      } else {
        io.stdout.write(`${simulated.map((variant, i) => runText(variant, models[i] as ContactCentreModel)).join('\n\n')}\n`);
      }
      if (callsPath !== null) io.stderr.write(`staffsim: wrote ${callsPath}\n`);
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

export function variantJson(name: string, summary: SimulationSummary): SimulatedVariant {
  return { name, replications: summary.replications, seed: summary.seed, totals: summary.totals, intervals: summary.intervals };
}

/**
 * Runs `work` with an AbortSignal that Ctrl-C (SIGINT) fires; an aborted run becomes an InterruptedError (exit 130).
 */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (controller.signal.aborted || (error instanceof Error && error.name === 'AbortError')) throw new InterruptedError();
    throw error;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

/** Replications in this thread, streaming every attempt to a CSV that appears only when the run completes. */
async function simulateWithCalls(inputs: readonly SimulationInput[], path: string, signal: AbortSignal): Promise<SimulatedVariant[]> {
  const file: AtomicFile = openAtomicFile(path);
  try {
    file.write(`variant,${CALLS_CSV_HEADER}`);
    const results: SimulatedVariant[] = [];
    for (const input of inputs) {
      const prefix = `${csvText(input.model.variantName)},`;
      const replications: ReplicationResult[] = [];
      for (let r = 0; r < input.model.simulation.replications; r++) {
        replications.push(runReplication(input, r, { onAttempt: (record) => file.write(prefix + callsCsvRow(record)) }));
        await new Promise((resolve) => setImmediate(resolve));
        if (signal.aborted) throw new InterruptedError();
      }
      results.push(variantJson(input.model.variantName, summariseReplications(replications, input.model)));
    }
    file.commit();
    return results;
  } finally {
    file.abort();
  }
}

function csvText(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
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
  { metric: 'costPerResolvedCase', label: 'cost per resolved case', format: (v, c) => formatMoney(v, c, 1) },
];

function runText(variant: SimulatedVariant, model: ContactCentreModel): string {
  const title = `${model.scenarioName} — ${variant.name} (simulated: ${variant.replications} replication${variant.replications === 1 ? '' : 's'}, seed ${variant.seed}, ±95% interval)`;
  const summary = renderTable(
    [{ header: 'metric', align: 'left' }, { header: 'mean', align: 'right' }, { header: '±95%', align: 'right' }],
    SUMMARY_LINES.map(({ metric, label, format }) => {
      const { mean, ci95 } = variant.totals[metric];
      return [label, format(mean, model.currency), variant.replications > 1 ? format(ci95, model.currency) : '–'];
    }),
  );
  const intervals = renderTable(
    [
      { header: 'day' },
      { header: 'start' },
      { header: 'attempts' },
      { header: 'SL' },
      { header: 'ASA' },
      { header: 'aband.' },
      { header: 'occ.' },
      { header: 'paid h' },
    ],
    variant.intervals.map((row) => [
      String(row.day),
      row.start,
      formatNumber(row.attempts.mean, 1),
      formatPercent(row.serviceLevel.mean),
      formatSeconds(row.asaSeconds.mean),
      formatPercent(row.abandonedShare.mean),
      formatPercent(row.occupancy.mean),
      formatNumber(row.paidAgentHours.mean, 1),
    ]),
  );
  return `${title}\n${summary}\n\nBy interval (means):\n${intervals}`;
}
