import type { Argv } from 'yargs';
import { groupMetricKey, type GroupMetricName, type MetricName } from '../../core/metrics.js';
import type { ContactCentreModel } from '../../core/model/contact-centre-model.js';
import { planVariant } from '../../core/plan/interval-plan.js';
import { resolveSimulationInput } from '../../core/plan/simulation-plan.js';
import type { ReplicationResult } from '../../core/sim/run-replication.js';
import { summariseReplications } from '../../core/sim/summarise.js';
import { toJson } from '../../export/json.js';
import { assumptionsOf, differencesAgainstFirst, reportEstimate, variantFromPlan, variantFromSimulation, variantLabel } from '../../report/build-report.js';
import { formatMetricValue, formatRelative, formatSignedDifference, metricKind } from '../../export/metric-labels.js';
import { renderTable } from '../../report/format.js';
import type { Difference, Report, ReportMetric, VariantResult } from '../../report/report.js';
import type { Explanation } from '../../core/sensitivity/explanation.js';
import { explainText } from '../../report/explain.js';
import { explainDifference } from '../../runner/explain.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { defaultWorkerCount, simulateReplications } from '../../runner/simulate.js';
import { prestartWorkerPool } from '../../runner/worker-pool.js';
import type { CliIo } from '../io.js';
import { numberFlag, optionalNumberFlag } from '../number-flags.js';
import { seedFromFlagOrEnvironment } from '../seed.js';
import { checkExportOptions, exportReport, withExportOptions } from '../output.js';
import { progressBar } from '../progress.js';
import { describeSetValues, noteSetValues, parseSetFlags, readScenarioWithValues, SET_OPTION } from '../set-values.js';
import { warnAboutCosts, warnAboutPlan, warnAboutUndoneWork } from '../plan-warnings.js';
import { staffsimVersion } from '../version.js';
import { withInterrupt, withSimulationSettings } from './run.js';
import { printable } from '../../core/printable.js';
import { COMMAND_LINES } from './catalogue.js';

/** The rows of the comparison table, in order. */
export const COMPARED_METRICS: readonly { metric: ReportMetric; label: string }[] = [
  { metric: 'serviceLevel', label: 'service level' },
  { metric: 'asaSeconds', label: 'ASA (answered)' },
  { metric: 'abandonedShare', label: 'abandoned' },
  { metric: 'attemptsPerCase', label: 'attempts per case' },
  { metric: 'contactsPerResolvedCase', label: 'contacts per resolved case' },
  { metric: 'resolvedShareOfCases', label: 'cases resolved' },
  { metric: 'paidAgentHours', label: 'paid agent hours' },
  { metric: 'staffCost', label: 'staff cost' },
  { metric: 'overtimeCost', label: 'overtime cost' },
  { metric: 'telephonyCost', label: 'telephony cost' },
  { metric: 'customerTimeCost', label: 'customer waiting cost' },
  { metric: 'repeatContactCost', label: 'repeat contact cost' },
  { metric: 'unresolvedCaseCost', label: 'unresolved case cost' },
  { metric: 'fixedCost', label: 'fixed cost' },
  { metric: 'totalCost', label: 'total cost' },
  { metric: 'costPerResolvedCase', label: 'cost per resolved case' },
];

export function registerCompareCommand(cli: Argv, io: CliIo): Argv {
  return cli.command(
    COMMAND_LINES.compare.command,
    COMMAND_LINES.compare.describe,
    (y) =>
      withExportOptions(
        y
          .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'Scenario files' })
          .option('analytic', { type: 'boolean', default: false, describe: 'Use the analytic plan (instant) instead of simulating' })
          .option('replications', { describe: 'Replications (default: the first scenario’s)' })
          .option('seed', { type: 'string', describe: 'Base seed for every variant (default: STAFFSIM_SEED, else the first scenario’s)' })
          .option('workers', { describe: 'Worker threads (default: the number of cores)' })
          .option('explain', { type: 'boolean', default: false, describe: 'Split each difference from the first variant into the inputs that cause it (analytic Shapley values)' })
          .option('set', SET_OPTION)
          .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' }),
      )
        .example('$0 compare scenarios/municipal-contact-centre.yaml', 'The three variants side by side, simulated')
        .example('$0 compare scenarios/municipal-contact-centre.yaml --analytic', 'Instant analytic estimates')
        .example('$0 compare scenarios/municipal-contact-centre.yaml --out comparison.xlsx', 'A spreadsheet for the budget')
        .example('$0 compare scenarios/municipal-contact-centre.yaml --analytic --explain', 'What drives each difference: resolution, handle time, staffing …')
        .example('$0 compare scenarios/municipal-contact-centre.yaml --analytic --set costs.agentHour=480', 'What if: every variant with dearer agent hours'),
    async (args) => {
      checkExportOptions(args);
      const setValues = parseSetFlags(args.set);
      const scenarios = (args.scenarios as string[]).map((path) => readScenarioWithValues(path, setValues));
      noteSetValues(io, setValues);
      const models = scenarios.flatMap((scenario) => scenario.variants.map((variant) => variant.model));
      const first = models[0] as ContactCentreModel;
      const replications = optionalNumberFlag('replications', args.replications, { min: 1, integer: true }) ?? first.simulation.replications;
      const seed = seedFromFlagOrEnvironment(args.seed, io.env) ?? first.simulation.seed;
      const workers = args.workers === undefined ? defaultWorkerCount() : numberFlag('workers', args.workers, { min: 1, integer: true });
      // One seed and one replication count for all: replication r of every variant sees the same arrivals.
      const common = models.map((model) => withSimulationSettings(model, replications, seed));

      let variants: VariantResult[];
      let runs: (readonly ReplicationResult[] | null)[];
      if (args.analytic === true) {
        variants = common.map((model) => {
          const plan = planVariant(model);
          warnAboutPlan(plan, io);
          return variantFromPlan(plan);
        });
        runs = common.map(() => null);
      } else {
        // The worker threads start while the staffing plans are resolved.
        prestartWorkerPool(Math.min(workers, replications));
        const inputs = await Promise.all(common.map(resolveSimulationInput));
        runs = await withInterrupt(async (signal) => {
          const all: ReplicationResult[][] = [];
          for (const input of inputs) {
            const progress = progressBar(io.stderr, `simulating ${input.model.variantName}`, args.json !== true);
            all.push(await simulateReplications(input, { replications, workers, signal, onProgress: (d, t) => progress.update(d, t) }));
            progress.done();
          }
          return all;
        });
        variants = common.map((model, i) => variantFromSimulation(model, summariseReplications(runs[i] ?? [], model)));
      }
      const differences = differencesAgainstFirst(variants, runs);
      const warnLater = (): void => {
        common.forEach((model, i) => warnAboutUndoneWork(model, variants[i] as VariantResult, io, printable(variantLabel(variants[i] as VariantResult, variants))));
        for (const scenario of scenarios) warnAboutCosts(scenario.name, scenario.variants.map((variant) => variant.model), io);
      };
      const explain = args.explain === true ? explainAgainstFirst(scenarios) : undefined;
      const report: Report = {
        kind: 'compare',
        title: `Comparison: ${[...new Set(scenarios.map((s) => s.name))].join(' vs ')}`,
        currency: first.currency,
        staffsimVersion: staffsimVersion(),
        variants,
        differences,
        sweep: null,
        assumptions: assumptionsOf(
          scenarios.map((s) => ({ scenario: s.name, document: s.document })),
          {
            ...(args.analytic === true ? { source: 'analytic' } : { seed, replications }),
            ...(setValues.length === 0 ? {} : { set: describeSetValues(setValues) }),
            staffsimVersion: staffsimVersion(),
          },
        ),
        ...(explain === undefined ? {} : { explain }),
      };
      const json = compareJson(report);
      if (await exportReport(io, report, json, args)) {
        warnLater();
        return;
      }
      if (args.json === true) {
        io.stdout.write(toJson(json));
        warnLater();
        return;
      }
      io.stdout.write(`${compareText(report)}\n`);
      if (explain !== undefined) io.stdout.write(`\n${explainText(explain, report)}\n`);
      warnLater();
      if (new Set(models.map((m) => m.currency)).size > 1) {
        io.stderr.write('staffsim: warning: the scenarios use different currencies; money is shown in each variant’s own currency.\n');
      }
    },
  );
}

/** The `compare --json` document: the shape of `run --json` plus the differences. */
export function compareJson(report: Report): Record<string, unknown> {
  return {
    scenario: [...new Set(report.variants.map((v) => v.scenario))].join(', '),
    variants: report.variants.map((v) => ({
      scenario: v.scenario,
      name: variantLabel(v, report.variants),
      source: v.source,
      replications: v.replications,
      seed: v.seed,
      totals: v.totals,
      intervals: v.intervals,
      ...(v.groups === undefined ? {} : { groups: v.groups }),
    })),
    differences: report.differences,
    ...(report.explain === undefined ? {} : { explain: report.explain }),
  };
}

/** Every variant after the first, explained against the first (each from its own scenario file). */
function explainAgainstFirst(scenarios: readonly LoadedScenario[]): Explanation[] {
  const refs = scenarios.flatMap((scenario) => scenario.variants.map((variant) => ({ scenario, variant: variant.name })));
  const first = refs[0];
  if (first === undefined) return [];
  return refs.slice(1).map((ref) => explainDifference(first, ref));
}

function formatDifference(metric: ReportMetric, difference: Difference, currency: string): string {
  const absolute = formatSignedDifference(metricKind(metric), difference.absolute, currency);
  const relative = difference.relative === null ? '' : `, ${formatRelative(difference.relative)}`;
  return `(${absolute}${relative})${difference.significant === true ? ' *' : ''}`;
}

/** Rows of a comparison with agent groups (SPEC §7): where the failure demand goes, then each group's figures. */
const NETWORK_ROWS: readonly { metric: MetricName; label: string }[] = [
  { metric: 'callsPerCase', label: 'calls dialled per case' },
  { metric: 'transfers', label: 'transfers' },
  { metric: 'failedTransferShare', label: 'transfers failed' },
  { metric: 'timeToResolutionSeconds', label: 'time to resolution' },
  { metric: 'tasks', label: 'tasks (callbacks, e-mail)' },
  { metric: 'tasksWithinDueShare', label: 'tasks started within due' },
];
const GROUP_ROWS: readonly { metric: GroupMetricName; label: string }[] = [
  { metric: 'attempts', label: 'calls offered' },
  { metric: 'blockedShare', label: 'blocked' },
  { metric: 'serviceLevel', label: 'service level' },
  { metric: 'occupancy', label: 'occupancy' },
  { metric: 'tasks', label: 'tasks' },
  { metric: 'taskDelaySeconds', label: 'task delay' },
  { metric: 'paidAgentHours', label: 'paid agent hours' },
  { metric: 'staffCost', label: 'staff cost' },
];

/**
 * The rows of a comparison: the metrics of SPEC §4; with agent groups also those of §7 and, per group that any variant
 * has, the group's figures — leaving out a row no variant has a value for (e.g. blocked calls without `maxQueue`).
 */
export function comparedRows(variants: readonly VariantResult[]): { metric: ReportMetric; label: string }[] {
  const rows: { metric: ReportMetric; label: string }[] = [...COMPARED_METRICS];
  if (!variants.some((v) => v.groups !== undefined)) return rows;
  const informative = (metric: ReportMetric): boolean =>
    variants.some((v) => {
      const { mean } = reportEstimate(v, metric);
      return Number.isFinite(mean) && mean !== 0;
    });
  rows.push(...NETWORK_ROWS.filter((row) => informative(row.metric)));
  const names = [...new Set(variants.flatMap((v) => (v.groups ?? []).map((g) => g.name)))];
  for (const name of names) {
    for (const row of GROUP_ROWS) {
      const metric = groupMetricKey(name, row.metric);
      if (informative(metric)) rows.push({ metric, label: `${printable(name)}: ${row.label}` });
    }
  }
  return rows;
}

function compareText(report: Report): string {
  const variants = report.variants;
  const simulated = variants.some((v) => v.source === 'simulation');
  const header = simulated
    ? `${printable(report.title)} — simulated, ${variants[0]?.replications ?? 0} replications each, seed ${variants[0]?.seed ?? ''}; differences against "${printable(variants[0]?.variant ?? '')}"; * = significant at 5% (paired by replication)`
    : `${printable(report.title)} — analytic (Erlang ${variants[0]?.source === 'erlang-a' ? 'A' : 'C'}); differences against "${printable(variants[0]?.variant ?? '')}"`;
  const rows = comparedRows(variants).map(({ metric, label }) => [
    label,
    ...variants.map((variant, i) => {
      const value = formatMetricValue(metricKind(metric), reportEstimate(variant, metric).mean, variant.currency);
      if (i === 0) return value;
      const difference = report.differences.find((d) => d.metric === metric && d.variant === variantLabel(variant, variants));
      return difference === undefined ? value : `${value} ${formatDifference(metric, difference, variant.currency)}`;
    }),
  ]);
  const table = renderTable(
    [{ header: 'metric', align: 'left' }, ...variants.map((v) => ({ header: variantLabel(v, variants), align: 'right' as const }))],
    rows,
  );
  return `${header}\n${table}`;
}
