import type { Argv } from 'yargs';
import { InfeasibleError, InputError } from '../../core/errors.js';
import type { ContactCentreModel } from '../../core/model/contact-centre-model.js';
import { overloadedIntervals, planVariant } from '../../core/plan/interval-plan.js';
import { resolveSimulationInput } from '../../core/plan/simulation-plan.js';
import { toJson } from '../../export/json.js';
import { assumptionsOf, variantFromPlan, variantFromSimulation } from '../../report/build-report.js';
import { formatMoney, formatNumber, formatPercent, renderTable } from '../../report/format.js';
import type { Report, SweepResult, VariantResult } from '../../report/report.js';
import { sweepResult } from '../../report/sweep.js';
import { describeUndoneWork, undoneWork, UNDONE_WORK_SHARE, type UndoneWork } from '../../report/warnings.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { readScenarioFile } from '../../scenario/load.js';
import { variantModelWith } from '../../scenario/variant-override.js';
import { defaultWorkerCount, simulate } from '../../runner/simulate.js';
import type { CliIo } from '../io.js';
import { numberFlag, optionalNumberFlag } from '../number-flags.js';
import { seedFromFlag, seedFromFlagOrEnvironment } from '../seed.js';
import { checkExportOptions, exportReport, withExportOptions } from '../output.js';
import { warnAboutCosts } from '../plan-warnings.js';
import { progressBar } from '../progress.js';
import { UsageError } from '../usage-error.js';
import { staffsimVersion } from '../version.js';
import { selectVariants } from './plan.js';
import { withInterrupt, withSimulationSettings } from './run.js';
import { printable } from '../../core/printable.js';
import { COMMAND_LINES } from './catalogue.js';

/** The most points one sweep may have. */
export const MAX_SWEEP_POINTS = 1000;

/** A parsed `--set path=from:to:step`. */
export interface SweepRange {
  readonly path: string;
  readonly values: readonly number[];
}

/**
 * Parses `path=from:to:step` into the values from `from` to `to` (inclusive, within rounding) in steps of `step`.
 * @example parseSweepRange('handling.firstContactResolution=0.5:0.7:0.1').values // [0.5, 0.6, 0.7]
 */
export function parseSweepRange(text: string): SweepRange {
  const match = /^([^=]+)=([^:]+):([^:]+):([^:]+)$/.exec(text.trim());
  if (match === null) throw new UsageError(`--set: expected path=from:to:step, e.g. staffing.target.serviceLevel=0.4:0.95:0.05 (got "${text}")`);
  const [, path, fromText, toText, stepText] = match as unknown as [string, string, string, string, string];
  const number = (name: string, raw: string): number => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--set ${path}: ${name} must be a number (got "${raw}")`);
    return value;
  };
  const from = number('from', fromText);
  const to = number('to', toText);
  const step = number('step', stepText);
  if (step <= 0) throw new UsageError(`--set ${path}: step must be > 0 (got ${step})`);
  if (to < from) throw new UsageError(`--set ${path}: from (${from}) must not be above to (${to})`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_SWEEP_POINTS) throw new UsageError(`--set ${path}: ${count} points is more than ${MAX_SWEEP_POINTS}; use a larger step`);
  const decimals = Math.max(decimalsOf(fromText), decimalsOf(stepText));
  const values = Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(Math.min(12, decimals + 2))));
  return { path: path.trim(), values };
}

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

export function registerSweepCommand(cli: Argv, io: CliIo): Argv {
  return cli.command(
    COMMAND_LINES.sweep.command,
    COMMAND_LINES.sweep.describe,
    (y) =>
      withExportOptions(
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file' })
          .option('set', { type: 'string', demandOption: true, describe: 'path=from:to:step, a scenario path and its range' })
          .option('variant', { type: 'string', describe: 'The variant to sweep (default: the first)' })
          .option('simulate', { type: 'boolean', default: false, describe: 'Simulate every point instead of the analytic plan' })
          .option('replications', { describe: 'Replications per point with --simulate' })
          .option('seed', { type: 'string', describe: 'Base seed with --simulate, the same for every point (default: STAFFSIM_SEED, else simulation.seed)' })
          .option('workers', { describe: 'Worker threads with --simulate' })
          .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' }),
      )
        .example('$0 sweep scenarios/municipal-contact-centre.yaml --variant world-class --set staffing.target.serviceLevel=0.4:0.95:0.05', 'What is a better service level worth?')
        .example('$0 sweep scenarios/municipal-contact-centre.yaml --set handling.firstContactResolution=0.5:0.95:0.05', 'What is resolving more at once worth?'),
    async (args) => {
      checkExportOptions(args);
      const range = parseSweepRange(String(args.set));
      const scenario = readScenarioFile(String(args.scenario));
      const variantName = (selectVariants(scenario, args.variant)[0] as LoadedScenario['variants'][number]).name;
      const simulateEach = args.simulate === true;
      const replications = optionalNumberFlag('replications', args.replications, { min: 1, integer: true });
      const seed = simulateEach ? seedFromFlagOrEnvironment(args.seed, io.env) : seedFromFlag(args.seed);
      const workers = args.workers === undefined ? defaultWorkerCount() : numberFlag('workers', args.workers, { min: 1, integer: true });

      // Every point is validated before any is computed, so a bad path or value fails at once.
      const models = range.values.map((value) => {
        try {
          return withSimulationSettings(variantModelWith(scenario, variantName, range.path, value), replications, seed);
        } catch (error) {
          if (error instanceof InputError) throw new InputError(error.issues.map((issue) => ({ ...issue, message: `--set ${issue.message}` })));
          throw error;
        }
      });
      // Points with overloaded intervals are named once, after the sweep's progress.
      const unstable: number[] = [];
      const analyticPoint = (model: ContactCentreModel, value: number): VariantResult => {
        const plan = planVariant(model);
        if (overloadedIntervals(plan).length > 0) unstable.push(value);
        return variantFromPlan(plan);
      };
      const results: (VariantResult | null)[] = await withInterrupt(async (signal) => {
        const out: (VariantResult | null)[] = [];
        const progress = progressBar(io.stderr, `sweeping ${range.path}`, simulateEach && args.json !== true);
        for (const [i, model] of models.entries()) {
          try {
            out.push(
              simulateEach
                ? variantFromSimulation(model, await simulate(await resolveSimulationInput(model), { replications: model.simulation.replications, workers, signal }))
                : analyticPoint(model, range.values[i] as number),
            );
          } catch (error) {
            if (!(error instanceof InfeasibleError)) throw error;
            out.push(null); // no staffing meets the target at this value
          }
          progress.update(i + 1, models.length);
        }
        progress.done();
        return out;
      });

      const sweep = sweepResult(range.path, variantName, range.values, results);
      // Points at which a group leaves more than a small share of its tasks undone: their cost leaves that work out.
      const undone = results.map((result, i) => (result === null ? [] : undoneWork(models[i] as ContactCentreModel, result)));
      if (unstable.length > 0) {
        io.stderr.write(
          `staffsim: warning: ${printable(variantName)}: unstable at ${range.path} = ${unstable.join(', ')} — in some intervals calls without patience arrive faster ` +
            'than the agents answer them, so waits and cost are unbounded (∞) and these points are never the cheapest; `staffsim plan` names the intervals.\n',
        );
      }
      const marked = range.values.filter((_, i) => (undone[i] as UndoneWork[]).length > 0);
      if (marked.length > 0) {
        io.stderr.write(
          `staffsim: warning: ${printable(variantName)}: at ${printable(range.path)} = ${marked.join(', ')} (marked ${UNDONE_MARK}) a group leaves more than ` +
            `${UNDONE_WORK_SHARE * 100}% of its tasks in its backlog at the end: open cases that no cost line prices, so the total cost leaves that work out.\n`,
        );
      }
      warnAboutCosts(scenario.name, [models[0] as ContactCentreModel], io);
      const cheapestVariant = results[range.values.indexOf(sweep.cheapest.value)] ?? null;
      const first = models[0] as ContactCentreModel;
      const report: Report = {
        kind: 'sweep',
        title: `${scenario.name} — ${variantName}: total cost against ${range.path}`,
        currency: first.currency,
        staffsimVersion: staffsimVersion(),
        variants: cheapestVariant === null ? [] : [cheapestVariant],
        differences: [],
        sweep,
        assumptions: assumptionsOf([{ scenario: scenario.name, document: scenario.document }], {
          sweep: `${range.path}=${range.values[0]}..${range.values[range.values.length - 1]}`,
          variant: variantName,
          source: simulateEach ? 'simulation' : 'analytic',
          ...(simulateEach ? { seed: first.simulation.seed, replications: first.simulation.replications } : {}),
          staffsimVersion: staffsimVersion(),
        }),
      };
      const json = sweepJson(sweep, results, undone);
      if (await exportReport(io, report, json, args)) return;
      io.stdout.write(args.json === true ? toJson(json) : `${sweepText(report, sweep, results, undone)}\n`);
    },
  );
}

/** The marker of a sweep point whose total cost leaves out work left undone at the end. */
export const UNDONE_MARK = '†';

/**
 * The `sweep --json` document. A point at which a group leaves more than 5 % of its tasks undone at the end has
 * `undoneWork: [ { group, backlog, tasks, agentHours } ]`, and so has `cheapest` when it is such a point.
 */
export function sweepJson(sweep: SweepResult, results: readonly (VariantResult | null)[], undone: readonly (readonly UndoneWork[])[] = []): Record<string, unknown> {
  const undoneAt = (i: number): Record<string, unknown> => ((undone[i]?.length ?? 0) > 0 ? { undoneWork: undone[i] } : {});
  const cheapestIndex = sweep.points.findIndex((point) => point.value === sweep.cheapest.value);
  return {
    parameter: sweep.parameter,
    variant: sweep.variant,
    source: results.find((r) => r !== null)?.source ?? null,
    points: sweep.points.map((point, i) => ({ value: point.value, ...(results[i] === null ? { infeasible: true } : {}), totals: point.totals, ...undoneAt(i) })),
    cheapest: { ...sweep.cheapest, ...undoneAt(cheapestIndex) },
  };
}

function sweepText(report: Report, sweep: SweepResult, results: readonly (VariantResult | null)[], undone: readonly (readonly UndoneWork[])[]): string {
  const currency = report.currency;
  const marked = (i: number): boolean => (undone[i]?.length ?? 0) > 0;
  const rows = sweep.points.map((point, i) => {
    const t = point.totals;
    if (results[i] === null) return [String(point.value), 'no staffing meets the target', '', '', '', '', '', '', ''];
    if (t.totalCost.mean === Number.POSITIVE_INFINITY) return [String(point.value), 'unstable', '', '', '', '', '', '', '∞ (unbounded wait)'];
    return [
      String(point.value),
      formatPercent(t.serviceLevel.mean),
      formatPercent(t.abandonedShare.mean),
      formatNumber(t.attemptsPerCase.mean, 2),
      formatNumber(t.paidAgentHours.mean, 1),
      formatMoney(t.staffCost.mean + t.overtimeCost.mean, currency),
      formatMoney(t.telephonyCost.mean + t.customerTimeCost.mean, currency),
      formatMoney(t.repeatContactCost.mean + t.unresolvedCaseCost.mean + t.fixedCost.mean, currency),
      `${formatMoney(t.totalCost.mean, currency)}${marked(i) ? ` ${UNDONE_MARK}` : ''}${point.value === sweep.cheapest.value ? ' ◀ cheapest' : ''}`,
    ];
  });
  const table = renderTable(
    [
      { header: sweep.parameter.split('.').pop() ?? 'value' },
      { header: 'SL' },
      { header: 'aband.' },
      { header: 'att./case' },
      { header: 'paid h' },
      { header: 'staff+OT' },
      { header: 'phone+wait' },
      { header: 'repeat+unres.+fixed' },
      { header: 'total cost', align: 'left' },
    ],
    rows,
  );
  const cheapestIndex = sweep.points.findIndex((point) => point.value === sweep.cheapest.value);
  const caveat = marked(cheapestIndex) ? ` ${UNDONE_MARK}, not counting the work it leaves undone: ${printable(describeUndoneWork(undone[cheapestIndex] ?? []))}` : '';
  const footnote = sweep.points.some((_, i) => marked(i))
    ? `\n${UNDONE_MARK} a group leaves more than ${UNDONE_WORK_SHARE * 100}% of its tasks undone at the end (open cases, not priced): the total cost leaves that work out`
    : '';
  return (
    `${printable(report.title)} (${results.find((r) => r !== null)?.source === 'simulation' ? 'simulated' : 'analytic'})\n${table}${footnote}\n` +
    `cheapest: ${printable(sweep.parameter)} = ${sweep.cheapest.value} at ${formatMoney(sweep.cheapest.totalCost, currency)}${caveat}`
  );
}
