import type { Argv } from 'yargs';
import { groupMetricKey, type GroupMetricName, type MetricName } from '../../core/metrics.js';
import type { ContactCentreModel } from '../../core/model/contact-centre-model.js';
import { planVariant } from '../../core/plan/interval-plan.js';
import { resolveSimulationInput } from '../../core/plan/simulation-plan.js';
import type { ReplicationResult } from '../../core/sim/run-replication.js';
import { summariseReplications } from '../../core/sim/summarise.js';
import { toJson } from '../../export/json.js';
import { assumptionsOf, differenceHalfWidth, differencesAgainstFirst, reportEstimate, singleGroupResult, variantFromPlan, variantFromSimulation, variantLabel } from '../../report/build-report.js';
import { formatMetricValue, formatRelative, formatSignedDifference, metricKind } from '../../export/metric-labels.js';
import { formatNumber, renderTable } from '../../report/format.js';
import type { Difference, ExchangeNote, Report, ReportMetric, VariantResult } from '../../report/report.js';
import { convertReplication, convertVariant, exchangeNote, parseExchange } from '../../report/exchange.js';
import { ROLLUP_NOTES, type RollupSource } from '../../report/period-rollup.js';
import { rollupSourceOfPlan, rollupSourceOfSimulation } from '../../report/period-sources.js';
import { byFlag, checkByFlag, MAX_OPEN_DAYS_FOR_INTERVALS, once, periodHeading, periodTable, rollUp, textBy, withByOption } from '../periods.js';
import { UsageError } from '../usage-error.js';
import type { Explanation } from '../../core/sensitivity/explanation.js';
import { explainText } from '../../report/explain.js';
import { explainDifference } from '../../runner/explain.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { defaultWorkerCount, simulateReplications } from '../../runner/simulate.js';
import { prestartWorkerPool } from '../../runner/worker-pool.js';
import type { CliIo } from '../io.js';
import { flagText, numberFlag, optionalNumberFlag } from '../number-flags.js';
import { seedFromFlagOrEnvironment } from '../seed.js';
import { checkExportOptions, exportFormatOf, exportReport, withExportOptions } from '../output.js';
import { verdictOf, yearlyCost, type DifferenceInterval } from '../../report/verdict.js';
import { verdictSensitivity } from '../verdict-sensitivity.js';
import { progressBar } from '../progress.js';
import { describeSetValues, noteSetValues, parseSetFlags, readScenarioWithValues, SET_OPTION } from '../set-values.js';
import { warnAboutCosts, warnAboutPlan, warnAboutUndoneWork } from '../plan-warnings.js';
import { staffsimVersion } from '../version.js';
import { periodLabel, withInterrupt, withSimulationSettings } from './run.js';
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
      withByOption(withExportOptions(
        y
          .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'Scenario files' })
          .option('analytic', { type: 'boolean', default: false, describe: 'Use the analytic plan (instant) instead of simulating' })
          .option('replications', { describe: 'Replications (default: the first scenario’s)' })
          .option('seed', { type: 'string', describe: 'Base seed for every variant (default: STAFFSIM_SEED, else the first scenario’s)' })
          .option('workers', { describe: 'Worker threads (default: the number of cores)' })
          .option('explain', { type: 'boolean', default: false, describe: 'Split each difference from the first variant into the inputs that cause it (analytic Shapley values)' })
          .option('exchange', {
            type: 'string',
            describe: 'Scenarios in different currencies: the rates that convert their money into the first scenario’s, CODE=RATE,… (e.g. SEK=1,USD=10.5: one USD is 10.5 SEK)',
          })
          .option('set', SET_OPTION)
          .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' }),
      ))
        .example('$0 compare scenarios/municipal-contact-centre.yaml', 'The three variants side by side, simulated')
        .example('$0 compare a-sek.yaml b-usd.yaml --exchange SEK=1,USD=10.5', 'Scenarios in two currencies, in SEK')
        .example('$0 compare scenarios/municipal-contact-centre.yaml --analytic', 'Instant analytic estimates')
        .example('$0 compare scenarios/municipal-contact-centre.yaml --out comparison.xlsx', 'A spreadsheet for the budget')
        .example('$0 compare scenarios/municipal-contact-centre.yaml --analytic --explain', 'What drives each difference: resolution, handle time, staffing …')
        .example('$0 compare scenarios/municipal-contact-centre.yaml --analytic --set costs.agentHour=480', 'What if: every variant with dearer agent hours'),
    async (args) => {
      checkExportOptions(args);
      const by = byFlag(args);
      const setValues = parseSetFlags(args.set);
      const scenarios = (args.scenarios as string[]).map((path) => readScenarioWithValues(path, setValues));
      noteSetValues(io, setValues);
      const models = scenarios.flatMap((scenario) => scenario.variants.map((variant) => variant.model));
      const first = models[0] as ContactCentreModel;
      const replications = optionalNumberFlag('replications', args.replications, { min: 1, integer: true }) ?? first.simulation.replications;
      const seed = seedFromFlagOrEnvironment(args.seed, io.env) ?? first.simulation.seed;
      const workers = args.workers === undefined ? defaultWorkerCount() : numberFlag('workers', args.workers, { min: 1, integer: true });
      checkByFlag(by, models.map((model) => model.calendar));
      const exchange = currencyExchange(scenarios, flagText('exchange', args.exchange));
      if (exchange !== null && Object.keys(exchange.note.rates).length > 0 && args.explain === true) {
        throw new UsageError('--explain: the scenarios use different currencies, and an input’s part cannot be split across prices in two currencies; compare scenarios in one currency');
      }
      const factorOf = (model: ContactCentreModel): number => exchange?.factor(model.currency) ?? 1;
      // One seed and one replication count for all: replication r of every variant sees the same arrivals.
      const common = models.map((model) => withSimulationSettings(model, replications, seed));

      let variants: VariantResult[];
      let runs: (readonly ReplicationResult[] | null)[];
      let sources: () => RollupSource[];
      if (args.analytic === true) {
        const plans = common.map((model) => {
          const plan = planVariant(model);
          warnAboutPlan(plan, io);
          return plan;
        });
        variants = plans.map((plan) => convertVariant(variantFromPlan(plan), factorOf(plan.model), first.currency));
        sources = () => plans.map((plan) => convertedSource(rollupSourceOfPlan(plan), factorOf(plan.model)));
        runs = common.map(() => null);
      } else {
        // The worker threads start while the staffing plans are resolved.
        prestartWorkerPool(Math.min(workers, replications));
        const inputs = await Promise.all(common.map(resolveSimulationInput));
        const simulated = await withInterrupt(async (signal) => {
          const all: ReplicationResult[][] = [];
          for (const input of inputs) {
            const progress = progressBar(io.stderr, `simulating ${input.model.variantName}`, args.json !== true);
            all.push(await simulateReplications(input, { replications, workers, signal, onProgress: (d, t) => progress.update(d, t) }));
            progress.done();
          }
          return all;
        });
        const converted = simulated.map((results, i) => results.map((run) => convertReplication(run, factorOf(common[i] as ContactCentreModel))));
        runs = converted;
        variants = common.map((model, i) => ({ ...variantFromSimulation(model, summariseReplications(converted[i] ?? [], model)), currency: first.currency }));
        sources = () => inputs.map((input, i) => rollupSourceOfSimulation(input, converted[i] ?? []));
      }
      const labelled = once(() => {
        const made = sources();
        return variants.map((variant, i) => ({ scenario: variant.scenario, variant: variantLabel(variant, variants), source: made[i] as RollupSource }));
      });
      const calendars = models.map((model) => model.calendar);
      const shownBy = textBy(by, calendars);
      const periods = rollUp(shownBy, labelled);
      const exportPeriods = by !== null ? periods : calendars.every((c) => c.startDate !== undefined) ? rollUp('month', labelled) : null;
      const differences = differencesAgainstFirst(variants, runs);
      const warnLater = (): void => {
        common.forEach((model, i) => warnAboutUndoneWork(model, variants[i] as VariantResult, io, printable(variantLabel(variants[i] as VariantResult, variants))));
        for (const scenario of scenarios) warnAboutCosts(scenario.name, scenario.variants.map((variant) => variant.model), io);
      };
      const explain = args.explain === true ? explainAgainstFirst(scenarios) : undefined;
      let report: Report = {
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
            ...(exchange === null ? {} : { exchange: exchange.note.text }),
          },
        ),
        ...(explain === undefined ? {} : { explain }),
        ...(exportPeriods === null || exportPeriods === undefined ? {} : { periods: exportPeriods }),
        ...(exchange === null ? {} : { exchange: exchange.note }),
      };
      const json = { ...compareJson(report), ...(by === null || periods === null ? {} : { periods }) };
      if (exportFormatOf(args) === 'html') report = withVerdict(report, scenarios, runs, true);
      else if (exportFormatOf(args) !== null) report = withVerdict(report, scenarios, runs, false);
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
      if (periods !== null) {
        for (const variant of periods.variants) {
          io.stdout.write(`\n${printable(variant.variant)} — ${periodHeading(periods.by, args.analytic !== true)}\n${periodTable(variant.rows, first.currency, args.analytic !== true)}\n`);
        }
        io.stdout.write(`${ROLLUP_NOTES.join(' ')}\n`);
        if (by === null) io.stdout.write(`(the run is longer than ${MAX_OPEN_DAYS_FOR_INTERVALS} open days: --by interval gives no roll-up, --json has every interval)\n`);
      }
      if (explain !== undefined) io.stdout.write(`\n${explainText(explain, report)}\n`);
      warnLater();
    },
  );
}

/** The `compare --json` document: the shape of `run --json` plus the differences (and the exchange rates used). */
export function compareJson(report: Report): Record<string, unknown> {
  // Beside variants with agent groups, a variant without lists its one group (SPEC §7: every variant has groups).
  const withGroups = report.variants.some((v) => v.groups !== undefined);
  return {
    scenario: [...new Set(report.variants.map((v) => v.scenario))].join(', '),
    currency: report.currency,
    ...(report.exchange === undefined ? {} : { exchange: report.exchange }),
    variants: report.variants.map((v) => ({
      scenario: v.scenario,
      name: variantLabel(v, report.variants),
      source: v.source,
      replications: v.replications,
      seed: v.seed,
      totals: v.totals,
      ...(v.budget === undefined ? {} : { budget: v.budget }),
      intervals: v.intervals,
      ...(v.groups !== undefined ? { groups: v.groups } : withGroups ? { groups: [singleGroupResult(v)] } : {}),
    })),
    differences: report.differences,
    ...(report.explain === undefined ? {} : { explain: report.explain }),
  };
}

/**
 * The currency conversion of a comparison: null when every scenario uses one currency and no `--exchange` is given.
 * Different currencies without `--exchange`, a malformed one, or one without a rate for a currency are bad input (exit 2).
 */
function currencyExchange(
  scenarios: readonly LoadedScenario[],
  text: string | null,
): { note: ExchangeNote; factor: (currency: string) => number } | null {
  const currencies = [...new Set(scenarios.map((scenario) => scenario.currency))];
  const into = currencies[0] as string;
  if (text === null) {
    if (currencies.length === 1) return null;
    const which = scenarios.map((scenario) => `${scenario.currency} in ${scenario.file ?? scenario.name}`).join(', ');
    throw new UsageError(
      `the scenarios use different currencies (${which}), and money in two currencies cannot be compared; ` +
        `give the rates with --exchange, e.g. --exchange ${currencies.map((c, i) => `${c}=${i === 0 ? 1 : 'RATE'}`).join(',')} (in ${into}, the first scenario's currency)`,
    );
  }
  const rates = parseExchange(text);
  if (typeof rates === 'string') throw new UsageError(`--exchange: ${rates}`);
  const missing = currencies.filter((currency) => !rates.has(currency));
  if (missing.length > 0) throw new UsageError(`--exchange: no rate for ${missing.join(', ')} (the scenarios use ${currencies.join(', ')})`);
  const base = rates.get(into) as number;
  return { note: exchangeNote(into, currencies, rates), factor: (currency) => (rates.get(currency) as number) / base };
}

/**
 * The report with its verdict: the cheapest variant per resolved case and per year, by how much (paired 95% intervals
 * from the replications), and — with `sensitivity`, for the HTML page — the assumption the difference between the two
 * cheapest variants per year depends on most (analytic; skipped when they come from different files).
 */
function withVerdict(report: Report, scenarios: readonly LoadedScenario[], runs: readonly (readonly ReplicationResult[] | null)[], sensitivity: boolean): Report {
  const interval: DifferenceInterval | null = runs.every((r) => r !== null)
    ? (a, b, metric) => differenceHalfWidth(runs[a] as ReplicationResult[], runs[b] as ReplicationResult[], metric)
    : null;
  let analysis: Parameters<typeof verdictOf>[2] = null;
  if (sensitivity && report.variants.length >= 2) {
    const order = [...report.variants.keys()].sort((a, b) => yearlyCost(report.variants[a] as VariantResult).value - yearlyCost(report.variants[b] as VariantResult).value);
    const cheap = report.variants[order[0] as number] as VariantResult;
    const dear = report.variants[order[1] as number] as VariantResult;
    const scenario = scenarios.find((s) => s.name === cheap.scenario);
    analysis =
      scenario === undefined || cheap.scenario !== dear.scenario
        ? { result: null, basis: 'No sensitivity analysis: the two cheapest variants come from different scenario files.' }
        : verdictSensitivity(scenario, dear.variant, cheap.variant);
  }
  const verdict = verdictOf(report, interval, analysis);
  return { ...report, verdict: { sentences: verdict.sentences, ...(verdict.basis === undefined ? {} : { basis: verdict.basis }) } };
}

/** A roll-up source with its money converted. */
function convertedSource(source: RollupSource, factor: number): RollupSource {
  return { ...source, replications: source.replications.map((replication) => convertReplication(replication, factor)) };
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
  const periods = [...new Set(variants.map((v) => v.budget?.period.text ?? ''))];
  const period = periods.length === 1 ? (periods[0] as string) : 'each variant’s run';
  const rows = comparedRows(variants).map(({ metric, label }) => [
    periodLabel(label, metric, period),
    ...variants.map((variant, i) => {
      const value = formatMetricValue(metricKind(metric), reportEstimate(variant, metric).mean, variant.currency);
      if (i === 0) return value;
      const difference = report.differences.find((d) => d.metric === metric && d.variant === variantLabel(variant, variants));
      return difference === undefined ? value : `${value} ${formatDifference(metric, difference, variant.currency)}`;
    }),
  ]);
  rows.push(...budgetRows(report));
  const table = renderTable(
    [{ header: 'metric', align: 'left' }, ...variants.map((v) => ({ header: variantLabel(v, variants), align: 'right' as const }))],
    rows,
  );
  const notes: string[] = [];
  if (report.exchange !== undefined) notes.push(`money in ${printable(report.currency)}: ${printable(report.exchange.text)}`);
  const annualised = variants.find((v) => v.budget?.annualised !== undefined)?.budget?.annualised;
  if (annualised !== undefined) notes.push(`a year (est.): ${annualised.note}`);
  const fte = variants[0]?.budget;
  if (fte !== undefined) notes.push(`FTE: paid agent hours / (${formatNumber(fte.hoursPerFte)} h a year × the run’s share of a year’s open days)`);
  return `${header}\n${table}${notes.map((note) => `\n${note}`).join('')}`;
}

/**
 * The budget rows of a comparison: FTEs, and for runs shorter than a year the total cost and paid hours a year
 * (estimated), each with its difference against the first variant (significance as for the figure it is made from).
 */
function budgetRows(report: Report): string[][] {
  const variants = report.variants;
  if (variants.some((v) => v.budget === undefined)) return [];
  const rows: { label: string; value: (v: VariantResult) => number; kind: 'ratio' | 'money' | 'hours'; from: ReportMetric; format: (x: number, c: string) => string }[] = [
    { label: 'FTE (full-time equivalents)', value: (v) => v.budget?.fte.mean ?? Number.NaN, kind: 'ratio', from: 'paidAgentHours', format: (x) => formatNumber(x, 1) },
  ];
  if (variants.some((v) => v.budget?.annualised !== undefined)) {
    const year = (name: string) => (v: VariantResult): number => v.budget?.annualised?.totals[name]?.mean ?? reportEstimate(v, name as ReportMetric).mean;
    rows.push(
      { label: 'total cost, a year (est.)', value: year('totalCost'), kind: 'money', from: 'totalCost', format: (x, c) => formatMetricValue('money', x, c) },
      { label: 'paid agent hours, a year (est.)', value: year('paidAgentHours'), kind: 'hours', from: 'paidAgentHours', format: (x) => formatMetricValue('hours', x, '') },
    );
  }
  const first = variants[0] as VariantResult;
  return rows.map((row) => [
    row.label,
    ...variants.map((variant, i) => {
      const value = row.value(variant);
      const text = row.format(value, variant.currency);
      if (i === 0) return text;
      const base = row.value(first);
      const underlying = report.differences.find((d) => d.metric === row.from && d.variant === variantLabel(variant, variants));
      const difference: Difference = {
        variant: variant.variant,
        metric: row.from,
        absolute: value - base,
        relative: base !== 0 && Number.isFinite(base) ? (value - base) / Math.abs(base) : null,
        significant: underlying?.significant ?? null,
      };
      const absolute = row.kind === 'ratio' ? `${value - base > 0 ? '+' : value - base < 0 ? '-' : ''}${formatNumber(Math.abs(value - base), 1)}` : formatSignedDifference(row.kind, value - base, variant.currency);
      const relative = difference.relative === null ? '' : `, ${formatRelative(difference.relative)}`;
      return `${text} (${absolute}${relative})${difference.significant === true ? ' *' : ''}`;
    }),
  ]);
}
