import type { Argv } from 'yargs';
import { InfeasibleError, InputError } from '../../core/errors.js';
import type { ContactCentreModel } from '../../core/model/contact-centre-model.js';
import { overloadedIntervals, planVariant } from '../../core/plan/interval-plan.js';
import { taskOverloads } from '../../core/plan/network-plan.js';
import { resolveSimulationInput } from '../../core/plan/simulation-plan.js';
import { toJson } from '../../export/json.js';
import { assumptionsOf, variantFromPlan, variantFromSimulation } from '../../report/build-report.js';
import { formatMoney, formatNumber, formatPercent, renderTable } from '../../report/format.js';
import type { AllVariantsSweep, GroupResult, Report, SweepResult, VariantResult } from '../../report/report.js';
import { curveCrossings } from '../../core/sensitivity/curve-crossings.js';
import { cheapestSet } from '../../core/sensitivity/not-significantly-dearer.js';
import { summariseReplications } from '../../core/sim/summarise.js';
import { sweepResult, undefinedGroupTotals, undefinedTotals } from '../../report/sweep.js';
import { describeUndoneWork, undoneWork, UNDONE_WORK_SHARE, type UndoneWork } from '../../report/warnings.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { readScenarioFile } from '../../scenario/load.js';
import { variantModelWith } from '../../scenario/variant-override.js';
import { defaultWorkerCount, simulateReplications } from '../../runner/simulate.js';
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
          .option('all-variants', { type: 'boolean', default: false, describe: 'Sweep every variant over the same values: the curves, where they cross, the cheapest point' })
          .option('simulate', { type: 'boolean', default: false, describe: 'Simulate every point instead of the analytic plan' })
          .option('replications', { describe: 'Replications per point with --simulate' })
          .option('seed', { type: 'string', describe: 'Base seed with --simulate, the same for every point (default: STAFFSIM_SEED, else simulation.seed)' })
          .option('workers', { describe: 'Worker threads with --simulate' })
          .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' }),
      )
        .example('$0 sweep scenarios/municipal-contact-centre.yaml --variant world-class --set staffing.target.serviceLevel=0.4:0.95:0.05', 'What is a better service level worth?')
        .example('$0 sweep scenarios/municipal-contact-centre.yaml --set handling.firstContactResolution=0.5:0.95:0.05', 'What is resolving more at once worth?')
        .example('$0 sweep scenarios/municipal-contact-centre.yaml --all-variants --set costs.unresolvedCase=0:600:50', 'Where do the variants’ cost curves cross?'),
    async (args) => {
      checkExportOptions(args);
      const range = parseSweepRange(String(args.set));
      const scenario = readScenarioFile(String(args.scenario));
      const allVariants = args['all-variants'] === true;
      if (allVariants && args.variant !== undefined) throw new UsageError('--all-variants and --variant: give one of them');
      const variantNames = allVariants ? scenario.variants.map((v) => v.name) : [(selectVariants(scenario, args.variant)[0] as LoadedScenario['variants'][number]).name];
      const simulateEach = args.simulate === true;
      const replications = optionalNumberFlag('replications', args.replications, { min: 1, integer: true });
      const seed = simulateEach ? seedFromFlagOrEnvironment(args.seed, io.env) : seedFromFlag(args.seed);
      const workers = args.workers === undefined ? defaultWorkerCount() : numberFlag('workers', args.workers, { min: 1, integer: true });

      // Every point of every variant is validated before any is computed, so a bad path or value fails at once.
      const modelsByVariant = variantNames.map((variantName) =>
        range.values.map((value) => {
          try {
            return withSimulationSettings(variantModelWith(scenario, variantName, range.path, value), replications, seed);
          } catch (error) {
            if (error instanceof InputError) {
              const where = allVariants ? `${printable(variantName)}: ` : '';
              throw new InputError(error.issues.map((issue) => ({ ...issue, message: `--set ${where}${issue.message}` })));
            }
            throw error;
          }
        }),
      );
      // Points with overloaded intervals are named once, after the sweep's progress.
      const unstable = variantNames.map((): number[] => []);
      const curves: SweptCurve[] = await withInterrupt(async (signal) => {
        const out: SweptCurve[] = [];
        for (const [v, models] of modelsByVariant.entries()) {
          const results: (VariantResult | null)[] = [];
          const runs: (number[] | null)[] = [];
          const label = allVariants ? `sweeping ${range.path} (${printable(variantNames[v] as string)})` : `sweeping ${range.path}`;
          const progress = progressBar(io.stderr, label, simulateEach && args.json !== true);
          for (const [i, model] of models.entries()) {
            try {
              if (simulateEach) {
                const replicationRuns = await simulateReplications(await resolveSimulationInput(model), { replications: model.simulation.replications, workers, signal });
                results.push(variantFromSimulation(model, summariseReplications(replicationRuns, model)));
                runs.push(replicationRuns.map((run) => run.totals.totalCost));
              } else {
                const plan = planVariant(model);
                if (overloadedIntervals(plan).length > 0 || taskOverloads(plan).length > 0) (unstable[v] as number[]).push(range.values[i] as number);
                results.push(variantFromPlan(plan));
                runs.push(null);
              }
            } catch (error) {
              if (!(error instanceof InfeasibleError)) throw error;
              results.push(null); // no staffing meets the target at this value
              runs.push(null);
            }
            progress.update(i + 1, models.length);
          }
          progress.done();
          out.push({ variant: variantNames[v] as string, results, runs });
        }
        return out;
      });

      variantNames.forEach((variantName, v) => {
        const values = unstable[v] as number[];
        if (values.length === 0) return;
        io.stderr.write(
          `staffsim: warning: ${printable(variantName)}: unstable at ${range.path} = ${values.join(', ')} — in some intervals calls without patience arrive faster ` +
            'than the agents answer them, or a group has more tasks than its calls leave time for, so waits and cost are unbounded (∞) and these points ' +
            'are never the cheapest; `staffsim plan` names the intervals or the group.\n',
        );
      });
      // Points at which a group leaves more than a small share of its tasks undone: their cost leaves that work out.
      const undone: UndoneAt = curves.map((curve, v) =>
        curve.results.map((result, i) => (result === null ? [] : undoneWork((modelsByVariant[v] as ContactCentreModel[])[i] as ContactCentreModel, result))),
      );
      variantNames.forEach((variantName, v) => {
        const marked = range.values.filter((_, i) => (undone[v]?.[i]?.length ?? 0) > 0);
        if (marked.length === 0) return;
        io.stderr.write(
          `staffsim: warning: ${printable(variantName)}: at ${printable(range.path)} = ${marked.join(', ')} (marked ${UNDONE_MARK}) a group leaves more than ` +
            `${UNDONE_WORK_SHARE * 100}% of its tasks in its backlog at the end: open cases that no cost line prices, so the total cost leaves that work out.\n`,
        );
      });
      warnAboutCosts(scenario.name, modelsByVariant.map((models) => models[0] as ContactCentreModel), io);
      const sweeps = curves.map((curve) => curveResult(range, curve, allVariants));
      const sweep = sweeps[0] as SweepResult;
      const cheapestSet = simulatedCheapestSet(curves);
      const first = (modelsByVariant[0] as ContactCentreModel[])[0] as ContactCentreModel;
      const all: AllVariantsSweep | undefined = allVariants
        ? {
            curves: sweeps,
            crossings: curveCrossings(
              range.values,
              sweeps.map((curve) => curve.points.map((point) => point.totals.totalCost.mean)),
            ),
            cheapestSet,
          }
        : undefined;
      const cheapestVariant = (curves[0] as SweptCurve).results[range.values.indexOf(sweep.cheapest.value)] ?? null;
      const report: Report = {
        kind: 'sweep',
        title: allVariants ? `${scenario.name} — every variant: total cost against ${range.path}` : `${scenario.name} — ${variantNames[0]}: total cost against ${range.path}`,
        currency: first.currency,
        staffsimVersion: staffsimVersion(),
        variants: allVariants ? curves.map((curve, v) => curve.results[range.values.indexOf((sweeps[v] as SweepResult).cheapest.value)] ?? null).filter((r): r is VariantResult => r !== null) : cheapestVariant === null ? [] : [cheapestVariant],
        differences: [],
        sweep,
        assumptions: assumptionsOf([{ scenario: scenario.name, document: scenario.document }], {
          sweep: `${range.path}=${range.values[0]}..${range.values[range.values.length - 1]}`,
          variant: variantNames.join(', '),
          source: simulateEach ? 'simulation' : 'analytic',
          ...(simulateEach ? { seed: first.simulation.seed, replications: first.simulation.replications } : {}),
          staffsimVersion: staffsimVersion(),
        }),
        ...(all === undefined ? {} : { sweeps: all }),
      };
      const json = all === undefined ? sweepJson(sweep, (curves[0] as SweptCurve).results, cheapestSet, undone[0]) : allVariantsSweepJson(range.path, all, curves, undone);
      if (await exportReport(io, report, json, args)) return;
      if (args.json === true) {
        io.stdout.write(toJson(json));
        return;
      }
      io.stdout.write(`${all === undefined ? sweepText(report, sweep, (curves[0] as SweptCurve).results, cheapestSet, undone[0] ?? []) : allVariantsSweepText(report, all, curves, undone)}\n`);
    },
  );
}

/** The marker of a sweep point whose total cost leaves out work left undone at the end. */
export const UNDONE_MARK = '†';

/** Per curve and point, the work its agent groups leave undone at the end (empty: none beyond the 5% tail). */
type UndoneAt = readonly (readonly (readonly UndoneWork[])[])[];

/** `{ undoneWork }` for a point that leaves work undone, else nothing. */
function undoneField(undone: readonly UndoneWork[] | undefined): Record<string, unknown> {
  return (undone?.length ?? 0) > 0 ? { undoneWork: undone } : {};
}

/** The footnote under a table with marked points, or ''. */
function undoneFootnote(anyMarked: boolean): string {
  return anyMarked ? `\n${UNDONE_MARK} a group leaves more than ${UNDONE_WORK_SHARE * 100}% of its tasks undone at the end (open cases, not priced): the total cost leaves that work out` : '';
}

/** What a "cheapest" line adds for a point that leaves work undone: the marker and the work, or ''. */
function undoneCaveat(undone: readonly UndoneWork[] | undefined): string {
  return (undone?.length ?? 0) > 0 ? ` ${UNDONE_MARK}, not counting the work it leaves undone: ${printable(describeUndoneWork(undone ?? []))}` : '';
}

/**
 * With agent groups, a point's `groups: [ { name, totals } ]` (SPEC §7: every document with totals has them); an
 * infeasible point has them too, named as the curve's other points and with every total undefined (null), as its own
 * totals are.
 */
function groupsField(result: VariantResult | null | undefined, curve: readonly (VariantResult | null)[]): { groups?: { name: string; totals: GroupResult['totals'] }[] } {
  if (result !== null && result !== undefined) return result.groups === undefined ? {} : { groups: result.groups.map((group) => ({ name: group.name, totals: group.totals })) };
  const named = curve.find((other) => other?.groups !== undefined)?.groups;
  if (named === undefined) return {};
  return { groups: named.map((group) => ({ name: group.name, totals: undefinedGroupTotals() })) };
}

/** One variant's swept points: its results (null: infeasible) and, when simulated, every replication's total cost. */
interface SweptCurve {
  readonly variant: string;
  readonly results: readonly (VariantResult | null)[];
  readonly runs: readonly (number[] | null)[];
}

function curveResult(range: SweepRange, curve: SweptCurve, allVariants: boolean): SweepResult {
  try {
    return sweepResult(range.path, curve.variant, range.values, curve.results);
  } catch (error) {
    // With every variant, one that no value can staff is shown as such; alone, it is infeasible (exit 3).
    if (!(error instanceof InfeasibleError) || !allVariants) throw error;
    return { parameter: range.path, variant: curve.variant, points: range.values.map((value) => ({ value, totals: undefinedTotals() })), cheapest: { value: Number.NaN, totalCost: Number.NaN } };
  }
}

/**
 * Simulated sweeps: the cheapest point over every curve, and every point not significantly dearer, paired by
 * replication (every point ran with the same seed); null for analytic sweeps.
 */
function simulatedCheapestSet(curves: readonly SweptCurve[]): AllVariantsSweep['cheapestSet'] {
  const points = curves.flatMap((curve, c) => curve.runs.map((runs, p) => ({ curve: c, point: p, runs })));
  if (points.length === 0 || points.some((point) => point.runs === null && curves[point.curve]?.results[point.point] !== null)) return null;
  const found = cheapestSet(points.map((point) => point.runs ?? []));
  if (found === null) return null;
  const cheapest = points[found.cheapest] as (typeof points)[number];
  return {
    cheapest: { curve: cheapest.curve, point: cheapest.point },
    notSignificantlyDearer: found.notSignificantlyDearer.map((i) => {
      const point = points[i] as (typeof points)[number];
      const difference = found.differences[i] as { mean: number; ci95: number };
      return { curve: point.curve, point: point.point, difference: difference.mean, ci95: difference.ci95 };
    }),
  };
}

/** The `sweep --all-variants --json` document. */
export function allVariantsSweepJson(parameter: string, all: AllVariantsSweep, curves: readonly SweptCurve[], undone: UndoneAt = []): Record<string, unknown> {
  const name = (c: number): string => all.curves[c]?.variant ?? '';
  const valueOf = (c: number, p: number): number => all.curves[c]?.points[p]?.value ?? Number.NaN;
  const costOf = (c: number, p: number): number => all.curves[c]?.points[p]?.totals.totalCost.mean ?? Number.NaN;
  let best: { curve: number; point: number } | null = all.cheapestSet?.cheapest ?? null;
  if (best === null) {
    all.curves.forEach((curve, c) =>
      curve.points.forEach((point, p) => {
        const cost = point.totals.totalCost.mean;
        if (Number.isFinite(cost) && (best === null || cost < costOf(best.curve, best.point))) best = { curve: c, point: p };
      }),
    );
  }
  const cheapest = best as { curve: number; point: number } | null;
  return {
    parameter,
    variants: all.curves.map((curve) => curve.variant),
    source: curves.flatMap((curve) => curve.results).find((r) => r !== null && r !== undefined)?.source ?? null,
    curves: all.curves.map((curve, c) => ({
      variant: curve.variant,
      points: curve.points.map((point, p) => ({
        value: point.value,
        ...((curves[c] as SweptCurve).results[p] === null ? { infeasible: true } : {}),
        totals: point.totals,
        ...groupsField((curves[c] as SweptCurve).results[p], (curves[c] as SweptCurve).results),
        ...undoneField(undone[c]?.[p]),
      })),
      cheapest: curve.cheapest,
    })),
    crossings: all.crossings.map((crossing) => ({
      variants: [name(crossing.first), name(crossing.second)],
      value: crossing.value,
      totalCost: crossing.cost,
      cheaperAbove: crossing.cheaperAfter === null ? null : name(crossing.cheaperAfter),
    })),
    cheapest:
      cheapest === null
        ? null
        : {
            variant: name(cheapest.curve),
            value: valueOf(cheapest.curve, cheapest.point),
            totalCost: costOf(cheapest.curve, cheapest.point),
            ...undoneField(undone[cheapest.curve]?.[cheapest.point]),
          },
    notSignificantlyDearer:
      all.cheapestSet === null
        ? null
        : all.cheapestSet.notSignificantlyDearer.map((point) => ({
            variant: name(point.curve),
            value: valueOf(point.curve, point.point),
            totalCost: costOf(point.curve, point.point),
            difference: point.difference,
            ci95: point.ci95,
          })),
  };
}

function allVariantsSweepText(report: Report, all: AllVariantsSweep, curves: readonly SweptCurve[], undone: UndoneAt): string {
  const currency = report.currency;
  const simulated = curves.some((curve) => curve.results.some((r) => r?.source === 'simulation'));
  const set = all.cheapestSet;
  const json = allVariantsSweepJson(report.sweep?.parameter ?? '', all, curves, undone) as {
    cheapest: { variant: string; value: number; totalCost: number; undoneWork?: UndoneWork[] } | null;
  };
  const marked = (c: number, p: number): boolean => (undone[c]?.[p]?.length ?? 0) > 0;
  const values = all.curves[0]?.points.map((point) => point.value) ?? [];
  const mark = (c: number, p: number): string => {
    if (set !== null) {
      if (set.cheapest.curve === c && set.cheapest.point === p) return ' ◀';
      return set.notSignificantlyDearer.some((point) => point.curve === c && point.point === p) ? ' ≈' : '';
    }
    return json.cheapest !== null && all.curves[c]?.variant === json.cheapest.variant && values[p] === json.cheapest.value ? ' ◀' : '';
  };
  const rows = values.map((value, p) => [
    String(value),
    ...all.curves.map((curve, c) => {
      const result = (curves[c] as SweptCurve).results[p];
      const totals = curve.points[p]?.totals;
      if (result === null || totals === undefined) return 'infeasible';
      const cost = totals.totalCost.mean;
      if (cost === Number.POSITIVE_INFINITY) return '∞ (unstable)';
      return `${formatMoney(cost, currency)}${simulated ? ` ±${formatNumber(totals.totalCost.ci95, 0)}` : ''}${marked(c, p) ? ` ${UNDONE_MARK}` : ''}${mark(c, p)}`;
    }),
  ]);
  const table = renderTable(
    [{ header: report.sweep?.parameter.split('.').pop() ?? 'value' }, ...all.curves.map((curve) => ({ header: curve.variant, align: 'left' as const }))],
    rows,
  );
  const lines = [`${printable(report.title)} (${simulated ? 'simulated, the same seed at every point' : 'analytic'})`, `${table}${undoneFootnote(undone.some((curve) => curve.some((point) => point.length > 0)))}`];
  if (json.cheapest !== null) {
    lines.push(
      `cheapest: ${printable(json.cheapest.variant)} at ${printable(report.sweep?.parameter ?? '')} = ${json.cheapest.value}, ${formatMoney(json.cheapest.totalCost, currency)}` +
        undoneCaveat(json.cheapest.undoneWork),
    );
  }
  if (set !== null) {
    const others = set.notSignificantlyDearer.filter((point) => !(point.curve === set.cheapest.curve && point.point === set.cheapest.point));
    lines.push(
      others.length === 0
        ? 'every other point is significantly dearer (paired by replication, 95%)'
        : `not significantly dearer (≈; paired by replication, 95%): ${printable(others.map((point) => `${all.curves[point.curve]?.variant} at ${values[point.point]} (${signedText(point.difference, currency)} ±${formatNumber(point.ci95, 0)})`).join(', '))}`,
    );
  }
  if (all.crossings.length === 0) lines.push('the curves do not cross in this range');
  for (const crossing of all.crossings) {
    const a = all.curves[crossing.first]?.variant ?? '';
    const b = all.curves[crossing.second]?.variant ?? '';
    const after = crossing.cheaperAfter === null ? '' : `; ${all.curves[crossing.cheaperAfter]?.variant ?? ''} is cheaper above it`;
    lines.push(printable(`${a} and ${b} cross at ${String(Number(crossing.value.toPrecision(4)))} (about ${formatMoney(crossing.cost, currency)}, interpolated)${after}`));
  }
  return lines.join('\n');
}

function signedText(value: number, currency: string): string {
  const text = formatMoney(Math.abs(value), currency);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/**
 * The `sweep --json` document. A point at which a group leaves more than 5 % of its tasks undone at the end has
 * `undoneWork: [ { group, backlog, tasks, agentHours } ]`, and so has `cheapest` when it is such a point.
 */
export function sweepJson(
  sweep: SweepResult,
  results: readonly (VariantResult | null)[],
  cheapestSet: AllVariantsSweep['cheapestSet'] = null,
  undone: readonly (readonly UndoneWork[])[] = [],
): Record<string, unknown> {
  const cheapestIndex = sweep.points.findIndex((point) => point.value === sweep.cheapest.value);
  return {
    parameter: sweep.parameter,
    variant: sweep.variant,
    source: results.find((r) => r !== null)?.source ?? null,
    points: sweep.points.map((point, i) => ({
      value: point.value,
      ...(results[i] === null ? { infeasible: true } : {}),
      totals: point.totals,
      ...groupsField(results[i], results),
      ...undoneField(undone[i]),
    })),
    cheapest: { ...sweep.cheapest, ...undoneField(undone[cheapestIndex]) },
    // Simulated: the points not significantly dearer than the cheapest (paired by replication); null when analytic.
    notSignificantlyDearer:
      cheapestSet === null
        ? null
        : cheapestSet.notSignificantlyDearer.map((point) => ({
            value: sweep.points[point.point]?.value ?? null,
            totalCost: sweep.points[point.point]?.totals.totalCost.mean ?? null,
            difference: point.difference,
            ci95: point.ci95,
          })),
  };
}

function sweepText(
  report: Report,
  sweep: SweepResult,
  results: readonly (VariantResult | null)[],
  cheapestSet: AllVariantsSweep['cheapestSet'],
  undone: readonly (readonly UndoneWork[])[],
): string {
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
      `${formatMoney(t.totalCost.mean, currency)}${marked(i) ? ` ${UNDONE_MARK}` : ''}` +
        `${point.value === sweep.cheapest.value ? ' ◀ cheapest' : cheapestSet?.notSignificantlyDearer.some((p) => p.point === i) === true ? ' ≈' : ''}`,
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
  const others = cheapestSet === null ? [] : cheapestSet.notSignificantlyDearer.filter((point) => point.point !== cheapestSet.cheapest.point);
  const set =
    cheapestSet === null
      ? ''
      : others.length === 0
        ? '\nevery other point is significantly dearer (paired by replication, 95%)'
        : `\nnot significantly dearer (≈; paired by replication, 95%): ${others.map((point) => `${sweep.points[point.point]?.value ?? ''} (${signedText(point.difference, currency)} ±${formatNumber(point.ci95, 0)})`).join(', ')}`;
  const caveat = undoneCaveat(undone[sweep.points.findIndex((point) => point.value === sweep.cheapest.value)]);
  return (
    `${printable(report.title)} (${results.find((r) => r !== null)?.source === 'simulation' ? 'simulated' : 'analytic'})\n${table}${undoneFootnote(sweep.points.some((_, i) => marked(i)))}\n` +
    `cheapest: ${printable(sweep.parameter)} = ${sweep.cheapest.value} at ${formatMoney(sweep.cheapest.totalCost, currency)}${caveat}${set}`
  );
}
