import type { Argv } from 'yargs';
import { InputError } from '../../core/errors.js';
import type { Calendar, ContactCentreModel, StaffingTarget } from '../../core/model/contact-centre-model.js';
import { dayText, intervalLabel, openRows } from '../../core/model/calendar-days.js';
import { GROUP_METRIC_NAMES, metricNamesOf, type MetricName } from '../../core/metrics.js';
import type { IntervalPlanRow, VariantPlan } from '../../core/plan/interval-plan.js';
import type { GroupPlan } from '../../core/plan/network-plan.js';
import { planVariant } from '../../core/plan/interval-plan.js';
import { planApproximations } from '../../core/plan/approximations.js';
import { hasIsaGroup, planNetworkWithIsa, type NetworkIsaPlan } from '../../core/plan/network-isa.js';
import type { IsaPlan } from '../../core/plan/simulation-staffing.js';
import { planWithIsa } from '../../core/plan/simulation-staffing.js';
import { agentTableOf } from '../../core/plan/staffing-schedule.js';
import type { GroupSchedule } from '../../core/sim/simulation-input.js';
import { toJson } from '../../export/json.js';
import { writeFileAtomic } from '../../export/write-file.js';
import { formatClock, formatDuration, formatMoney, formatNumber, formatPercent, formatSeconds, renderTable } from '../../report/format.js';
import type { LoadedScenario } from '../../scenario/load.js';
import type { SolvedShiftPlan } from '../../runner/shift-solver.js';
import type { CliIo } from '../io.js';
import { flagText, optionalNumberFlag } from '../number-flags.js';
import { warnAboutCosts, warnAboutOccupancy, warnAboutPlan, warnAboutTransients, warnAboutUndoneWork } from '../plan-warnings.js';
import { seedFromEnvironment, seedFromFlag } from '../seed.js';
import { checkOutExtension, checkOutputFlag, EXPORT_FORMATS, formatOfExtension, writeExport, type ExportFormat } from '../output.js';
import type { CsvTable } from '../../export/csv.js';
import { assumptionsOf, groupIntervalMetrics, planFigures, planIntervalMetrics, planTotals, variantFromPlan } from '../../report/build-report.js';
import { ANNUALISED_GROUP_METRICS, ANNUALISED_METRICS, budgetOf } from '../../report/budget.js';
import { ROLLUP_NOTES, type PeriodRollup, type PeriodRow } from '../../report/period-rollup.js';
import { rollupSourceOfPlan } from '../../report/period-sources.js';
import { planShiftRows, planStaffingRows } from '../../report/plan-tables.js';
import type { Report } from '../../report/report.js';
import { budgetLines, byFlag, checkByFlag, defaultRollupNote, once, periodHeading, periodTable, rollUp, textBy, withByOption, wrappedLines, type ByChoice } from '../periods.js';
import { staffsimVersion } from '../version.js';
import { noteSetValues, parseSetFlags, readScenarioWithValues, SET_OPTION } from '../set-values.js';
import { UsageError } from '../usage-error.js';
import { printable } from '../../core/printable.js';
import { COMMAND_LINES } from './catalogue.js';
import {
  groupShiftsJson,
  groupShiftsText,
  groupShiftsYaml,
  groupsShortOfShifts,
  networkIsaJson,
  networkIsaText,
  solveGroupShifts,
  withGroupsMethod,
  type GroupShifts,
} from './plan-groups.js';
import {
  commented,
  describeEnding,
  isaComparisonJson,
  isaComparisonLines,
  isaTitle,
  shiftsJson,
  shiftsText,
  solveShiftRequirement,
  staffingYaml,
  variantShiftSubject,
  yamlKey,
} from './plan-output.js';

const METHODS = ['erlang-c', 'erlang-a', 'isa'] as const;
type Method = (typeof METHODS)[number];

/** Exit code of a plan whose shifts leave intervals uncovered, under --strict (SPEC §5: infeasible). */
const EXIT_INFEASIBLE = 3;

const SHIFT_TEMPLATES_EXAMPLE = `staffing:
  target: { serviceLevel: 0.8, answerWithinSeconds: 20 }
  shrinkage: 0.3
  shiftTemplates:
    - { name: full, lengthsHours: [8], startEveryMinutes: 30, break: { minutes: 30, earliestAfterHours: 3, latestAfterHours: 5 } }
    - { name: part, lengthsHours: [4, 6], days: [mon, tue, wed, thu, fri], maxAgents: 10 }`;

/** One planned variant: its analytic (or ISA) plan and, with --shifts, its shifts. */
interface PlannedVariant {
  readonly model: ContactCentreModel;
  readonly analytic: VariantPlan | null;
  /** ISA of a variant without agent groups. */
  readonly isa: IsaPlan | null;
  /** ISA of a variant with agent groups (every group whose target has method isa). */
  readonly networkIsa: NetworkIsaPlan | null;
  readonly shifts: SolvedShiftPlan | null;
  /** Required on-phone agents per [day][interval] the shifts were solved for. */
  readonly requirement: number[][] | null;
  /** With agent groups: the shifts of each group that has shift templates. */
  readonly groupShifts: GroupShifts | null;
}

export function registerPlanCommand(cli: Argv, io: CliIo, setExitCode: (code: number) => void): Argv {
  return cli.command(
    COMMAND_LINES.plan.command,
    COMMAND_LINES.plan.describe,
    (y) =>
      withByOption(y)
        .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (.yaml, .yml or .json)' })
        .option('variant', { type: 'string', describe: 'Only this variant' })
        .option('method', {
          choices: METHODS,
          describe:
            'Override staffing.target.method: erlang-c, erlang-a (stationary, per interval: SIPP) or isa (iterative staffing ' +
            'algorithm: simulate, staff each interval from the simulated number in system, repeat until it stops changing). ' +
            'With agent groups it applies to every group that has a target; isa then solves all those groups together on the same simulations',
        })
        .option('shifts', {
          type: 'boolean',
          default: false,
          describe:
            'Turn the per-interval requirement into shifts (staffing.shiftTemplates, solved with HiGHS); prints a staffing.shifts section to paste. ' +
            'With agent groups: shifts for every group with staffing.shiftTemplates, from its own requirement and shrinkage, as a groups section to paste',
        })
        .option('strict', { type: 'boolean', default: false, describe: 'With --shifts: exit 3 when the templates leave intervals uncovered' })
        .option('time-limit', { describe: 'With --shifts: solver time limit per variant (per agent group with groups), seconds (default 30)' })
        .option('replications', { describe: 'With isa: replications per simulated plan (default: simulation.replications)' })
        .option('seed', { type: 'string', describe: 'With isa: base seed (default: STAFFSIM_SEED, else simulation.seed)' })
        .option('out', {
          type: 'string',
          describe:
            'Write to this file, atomically, in the format of --format or of its extension (.csv, .json, .md, .xlsx, .html; .yaml: the shifts section of --shifts); the report goes to stdout',
        })
        .option('format', { choices: EXPORT_FORMATS, describe: 'Export format: agents, paid agents and FTEs per interval and group, the shifts, the costs (default: from the --out extension)' })
        .option('table', { choices: ['staffing', 'summary', 'periods', 'shifts'] as const, default: 'staffing' as const, describe: 'CSV: which table (staffing: agents per interval and group)' })
        .option('set', SET_OPTION)
        .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' })
        .example('$0 plan scenarios/municipal-contact-centre.yaml', 'Every variant, interval by interval')
        .example('$0 plan scenarios/textbook-erlang-c.yaml --set staffing.target.serviceLevel=0.9', 'What if: a higher target (in every variant)')
        .example('$0 plan scenarios/textbook-erlang-c.yaml --json', 'The same as JSON')
        .example('$0 plan centre.yaml --shifts --out shifts.yaml', 'Shifts from the templates, as a staffing section to paste')
        .example('$0 plan scenarios/examples/municipal-year.yaml --out budget.xlsx', 'A year of agents, FTEs and costs per variant, month by month, as a workbook')
        .example('$0 plan centre.yaml --method isa', 'Simulation-verified staffing beside the Erlang A (SIPP) plan')
        .example('$0 plan groups.yaml --method isa --shifts', 'With agent groups: ISA for every group with a target, then shifts per group'),
    async (args) => {
      // Flags first: a bad flag is reported before any file is read.
      const method = (args.method as Method | undefined) ?? null;
      const timeLimitSeconds = optionalNumberFlag('time-limit', args['time-limit'], { min: 0, exclusiveMin: true }) ?? 30;
      const replications = optionalNumberFlag('replications', args.replications, { min: 1, integer: true });
      const seed = seedFromFlag(args.seed);
      const out = flagText('out', args.out);
      const wantShifts = args.shifts === true;
      if (args.strict === true && !wantShifts) throw new UsageError('--strict: applies to --shifts (exit 3 when intervals stay uncovered); add --shifts');
      if (args['time-limit'] !== undefined && !wantShifts) throw new UsageError('--time-limit: applies to --shifts');
      const fileFormat = planOutputFormat(out, (args.format as ExportFormat | undefined) ?? null, args.json === true, wantShifts);
      if (out !== null) checkOutputFlag('out', out);
      const by = byFlag(args);
      const setValues = parseSetFlags(args.set);

      const scenario = readScenarioWithValues(String(args.scenario), setValues);
      noteSetValues(io, setValues);
      const variants = selectVariants(scenario, flagText('variant', args.variant) ?? undefined);
      const envSeed = seedFromEnvironment(io.env);
      const models = variants.map((variant) => withMethod(withSimulation(variant.model, replications, seed ?? envSeed), method));
      checkByFlag(by, models.map((model) => model.calendar));
      const usesIsa = (model: ContactCentreModel): boolean =>
        model.network !== undefined ? hasIsaGroup(model) : model.staffing.kind === 'target' && model.staffing.target.method === 'isa';
      if (fileFormat !== null && fileFormat !== 'json' && fileFormat !== 'yaml' && models.some(usesIsa)) {
        throw new UsageError(`--format ${fileFormat}: the exports of a plan are made from its analytic plan; a plan by --method isa is written as JSON (--out FILE.json) or shown as text`);
      }
      if (!models.some(usesIsa)) {
        if (replications !== null) throw new UsageError('--replications: applies to simulation-based staffing (--method isa)');
        if (seed !== null) throw new UsageError('--seed: applies to simulation-based staffing (--method isa)');
      }
      const planned: PlannedVariant[] = [];
      for (const model of models) {
        const useIsa = usesIsa(model);
        const withGroups = model.network !== undefined;
        const analytic = useIsa ? null : planVariant(model);
        const isa = useIsa && !withGroups ? await planWithIsa(model, isaProgress(io, model, args.json !== true)) : null;
        const networkIsa = useIsa && withGroups ? await planNetworkWithIsa(model, isaProgress(io, model, args.json !== true)) : null;
        let requirement: number[][] | null = null;
        let shifts: SolvedShiftPlan | null = null;
        let groupShifts: GroupShifts | null = null;
        if (wantShifts && withGroups) {
          // Each group's requirement: its ISA agents, or what the analytic plan (or the ISA plan, for the others) puts on the phones.
          const requirementOf = (g: number): number[][] =>
            networkIsa !== null
              ? (networkIsa.schedules[g] as GroupSchedule).onPhoneAgents.map((row) => [...row])
              : agentTableOf(model.calendar, (analytic as VariantPlan).groups?.[g]?.rows ?? []);
          groupShifts = await solveGroupShifts(model, requirementOf, timeLimitSeconds);
        } else if (wantShifts) {
          requirement = isa !== null ? isa.isa.onPhoneAgents : agentTableOf(model.calendar, (analytic as VariantPlan).rows);
          shifts = await solveShifts(model, requirement, timeLimitSeconds);
        }
        planned.push({ model, analytic, isa, networkIsa, shifts, requirement, groupShifts });
      }

      const analyticPlans = planned.flatMap((p) => (p.analytic === null ? [] : [p.analytic]));
      const shownBy = textBy(by, models.map((model) => model.calendar));
      const rollupVariants = once(() => analyticPlans.map((plan) => ({ scenario: scenario.name, variant: plan.model.variantName, source: rollupSourceOfPlan(plan) })));
      // Made when shown: the text's periods, or --by's in JSON (a JSON plan without --by lists intervals only).
      const shownPeriods = once(() => (analyticPlans.length === planned.length ? rollUp(shownBy, rollupVariants) : null));
      const json = (): string => {
        const periods = by === null || by === 'interval' ? null : shownPeriods();
        return toJson({ scenario: scenario.name, variants: planned.map(variantJson), ...(periods === null ? {} : { periods }) });
      };
      const multiVariant = hasVariants(scenario);
      const text = (): string => planned.map((p, i) => plannedText(p, shownBy, by === null, shownPeriods()?.variants[i]?.rows ?? null)).join('\n\n');
      if (fileFormat !== null && fileFormat !== 'yaml' && fileFormat !== 'json') {
        const report = planReport(scenario, planned, by !== null ? shownPeriods() : models.every((m) => m.calendar.startDate !== undefined) ? rollUp('month', rollupVariants) : null);
        if (out !== null) io.stdout.write(`${text()}\n`);
        await writeExport(io, { format: fileFormat, ...(out === null ? {} : { out }) }, (format) => renderPlanExport(report, format, args.table as CsvTable));
      } else if (args.json === true || (fileFormat === 'json' && out === null)) {
        if (out === null) io.stdout.write(json());
        else writeOut(io, out, json());
      } else if (wantShifts && (out === null || fileFormat === 'yaml')) {
        const reports = planned.map((p) => plannedText(p, shownBy, by === null, null));
        const yaml = shiftsYaml(planned, multiVariant);
        if (out === null) {
          io.stdout.write(`${reports.map(commented).join('\n')}\n${yaml}`);
        } else {
          io.stdout.write(`${reports.join('\n\n')}\n`);
          writeOut(io, out, `# staffsim plan --shifts ${printable(scenario.file ?? scenario.name)}\n${yaml}`);
        }
      } else {
        io.stdout.write(`${text()}\n`);
        if (out !== null) writeOut(io, out, json());
      }
      for (const p of planned) {
        if (p.analytic === null) continue;
        warnAboutPlan(p.analytic, io);
        const figures = planFigures(p.analytic);
        warnAboutOccupancy(p.model, figures, io);
        warnAboutUndoneWork(p.model, figures, io);
        warnAboutTransients(p.model, 'plan', io, p.analytic);
      }
      warnAboutCosts(scenario.name, models, io);

      const unmet = planned.flatMap((p) =>
        p.groupShifts !== null
          ? groupsShortOfShifts(p.model, p.groupShifts)
          : (p.shifts?.plan.unmetIntervals.length ?? 0) > 0
            ? [{ label: printable(p.model.variantName), count: p.shifts?.plan.unmetIntervals.length ?? 0 }]
            : [],
      );
      for (const { label, count } of unmet) {
        io.stderr.write(
          `staffsim: ${args.strict === true ? 'infeasible' : 'warning'}: ${label}: the shift templates leave ${count} interval(s) ` +
            `short of the requirement (listed as unmet)${args.strict === true ? '' : '; --strict makes this exit 3'}.\n`,
        );
      }
      if (args.strict === true && unmet.length > 0) setExitCode(EXIT_INFEASIBLE);
    },
  );
}

/** The variants a command should run: all, or the one named by --variant (an unknown name is bad input). */
export function selectVariants(scenario: LoadedScenario, name: unknown): LoadedScenario['variants'] {
  if (name === undefined) return scenario.variants;
  const chosen = scenario.variants.filter((variant) => variant.name === name);
  if (chosen.length === 0) {
    throw new InputError([
      {
        path: '',
        code: 'unknown_variant',
        message: `--variant: no variant named "${String(name)}" in ${scenario.file ?? scenario.name}; it has ${scenario.variants.map((v) => `"${v.name}"`).join(', ')}`,
      },
    ]);
  }
  return chosen;
}

function hasVariants(scenario: LoadedScenario): boolean {
  const document = scenario.document;
  return typeof document === 'object' && document !== null && 'variants' in document && (document as { variants?: unknown }).variants !== undefined;
}

/** --replications and --seed (for the ISA simulations). */
function withSimulation(model: ContactCentreModel, replications: number | null, seed: number | null): ContactCentreModel {
  return {
    ...model,
    simulation: { ...model.simulation, ...(replications === null ? {} : { replications }), ...(seed === null ? {} : { seed }) },
  };
}

/** --method: the target's method replaced. */
function withMethod(model: ContactCentreModel, method: Method | null): ContactCentreModel {
  if (method === null) return model;
  if (model.network !== undefined) return withGroupsMethod(model, method);
  if (model.staffing.kind !== 'target') {
    throw new UsageError(`--method: applies to staffing.target, and variant "${model.variantName}" has staffing.${model.staffing.kind}`);
  }
  if (method === 'erlang-a' && model.customers.patience === null) {
    throw new UsageError(`--method erlang-a: models callers who abandon; variant "${model.variantName}" has no customers.patience (use erlang-c or isa)`);
  }
  const target: StaffingTarget = { ...model.staffing.target, method };
  return { ...model, staffing: { ...model.staffing, target } };
}

async function solveShifts(model: ContactCentreModel, onPhoneAgents: number[][], timeLimitSeconds: number): Promise<SolvedShiftPlan> {
  const templates = model.shiftTemplates;
  if (templates === undefined || templates.length === 0) {
    throw new InputError([
      {
        path: 'staffing.shiftTemplates',
        code: 'missing_shift_templates',
        message: `--shifts needs shift templates in the scenario (variant "${model.variantName}" has none), e.g.`,
        hint: SHIFT_TEMPLATES_EXAMPLE,
      },
    ]);
  }
  return solveShiftRequirement(model.calendar, templates, onPhoneAgents, model.staffing.shrinkage, timeLimitSeconds);
}

function isaProgress(io: CliIo, model: ContactCentreModel, enabled: boolean): { onIteration?: (iteration: number, changed: number) => void } {
  if (!enabled || io.stderr.isTTY !== true) return {};
  io.stderr.write(`staffsim: isa ${printable(model.variantName)}: simulating …\n`);
  return {
    onIteration: (iteration, changed) =>
      io.stderr.write(`staffsim: isa ${printable(model.variantName)}: plan ${iteration} simulated, ${changed} interval(s) changed\n`),
  };
}

function writeOut(io: CliIo, path: string, content: string): void {
  writeFileAtomic(path, content);
  io.stderr.write(`staffsim: wrote ${printable(path)}\n`);
}

// ------------------------------------------------------------------------------------------------ JSON

function variantJson(p: PlannedVariant): Record<string, unknown> {
  const base = p.isa !== null ? isaJson(p.isa) : p.networkIsa !== null ? networkIsaJson(p.networkIsa) : analyticJson(p.analytic as VariantPlan);
  if (p.groupShifts !== null) return { ...base, ...groupShiftsJson(p.groupShifts) };
  return p.shifts === null ? base : { ...base, shifts: shiftsJson(p.model.staffing.shrinkage, p.shifts) };
}

function analyticJson(plan: VariantPlan): Record<string, unknown> {
  const { calendar, costs } = plan.model;
  const budget = budgetOf(calendar, costs.hoursPerFte, exactTotals(plan.totals), ANNUALISED_METRICS);
  const fte = (paidAgentHours: number): number => paidAgentHours / (budget.hoursPerFte * budget.yearShare);
  const names = metricNamesOf(plan.model.network !== undefined);
  return {
    name: plan.model.variantName,
    source: plan.source,
    converged: plan.converged,
    approximations: planApproximations(plan.model),
    // Every metric of SPEC §4 (and §7 with groups), null where the formulas give none (time to resolution; the
    // 90th-percentile wait where a group has waiting places).
    totals: withEveryMetric({}, names, planTotals(plan)),
    budget,
    ...(plan.model.network === undefined || plan.groups === undefined ? {} : { groups: plan.groups.map((group) => groupJson(group, calendar, costs.hoursPerFte)) }),
    intervals: openRows(calendar, planIntervalMetrics(plan)).map(({ row, metrics }) =>
      withEveryMetric(
        {
          ...intervalLabel(calendar, row.day, row.interval),
          onPhoneAgents: row.onPhoneAgents,
          paidAgents: row.paidAgents,
          fte: fte(row.paidAgentHours),
          stable: row.stable,
          redials: row.redials,
          repeatContacts: row.repeatContacts,
        },
        names,
        metrics,
      ),
    ),
  };
}

/**
 * `fields`, then each of `names` with its value, NaN (null in JSON) where `values` has none — the names of `run --json`
 * — added to the same object (a year's plan has tens of thousands of rows).
 */
function withEveryMetric<Fields extends object, Name extends string>(fields: Fields, names: readonly Name[], values: Partial<Record<Name, number>>): Fields & Record<Name, number> {
  const out = fields as Fields & Record<Name, number>;
  for (const name of names) (out as Record<Name, number>)[name] = values[name] ?? Number.NaN;
  return out;
}

/** One agent group of an analytic plan (SPEC §7): its totals, its budget (FTEs, a year) and its intervals. */
function groupJson(group: GroupPlan, calendar: Calendar, hoursPerFte: number | undefined): Record<string, unknown> {
  const budget = budgetOf(calendar, hoursPerFte, exactTotals(group.totals), ANNUALISED_GROUP_METRICS);
  return {
    name: group.name,
    source: group.source,
    totals: group.totals,
    budget,
    intervals: openRows(calendar, group.rows).map((row) =>
      withEveryMetric(
        {
          ...intervalLabel(calendar, row.day, row.interval),
          onPhoneAgents: row.onPhoneAgents,
          paidAgents: row.paidAgents,
          fte: row.paidAgentHours / (budget.hoursPerFte * budget.yearShare),
          stable: row.stable,
          transfersIn: row.transfersIn,
          abandonedShare: row.abandonedShare,
        },
        GROUP_METRIC_NAMES,
        groupIntervalMetrics(row),
      ),
    ),
  };
}

function isaJson(plan: IsaPlan): Record<string, unknown> {
  return {
    name: plan.model.variantName,
    source: 'isa',
    sippSource: plan.sippSource,
    converged: plan.isa.converged,
    ending: plan.isa.ending,
    settledIntervals: plan.isa.settledIntervals,
    iterations: plan.isa.iterations,
    replications: plan.model.simulation.replications,
    seed: plan.model.simulation.seed,
    target: plan.target,
    ...isaComparisonJson(plan),
  };
}

// ------------------------------------------------------------------------------------------------ text

function plannedText(p: PlannedVariant, shownBy: ByChoice, byDefault: boolean, periodRows: readonly PeriodRow[] | null): string {
  const parts = [p.isa !== null ? isaText(p.isa) : p.networkIsa !== null ? networkIsaText(p.networkIsa) : analyticText(p.analytic as VariantPlan, shownBy, byDefault, periodRows)];
  if (p.shifts !== null) parts.push(shiftsText(variantShiftSubject(p.model), p.shifts, p.requirement as number[][]));
  if (p.groupShifts !== null) parts.push(groupShiftsText(p.model, p.groupShifts));
  return parts.join('\n\n');
}

function isaText(plan: IsaPlan): string {
  return [isaTitle(plan.model, describeEnding(plan.isa)), ...isaComparisonLines(plan, plan.model.currency)].join('\n');
}

function analyticText(plan: VariantPlan, shownBy: ByChoice, byDefault: boolean, periodRows: readonly PeriodRow[] | null): string {
  const { model, totals } = plan;
  const budget = budgetOf(model.calendar, model.costs.hoursPerFte, exactTotals(totals), ANNUALISED_METRICS);
  const period = budget.period.text;
  const staffingNote =
    model.network !== undefined
      ? `agent groups: ${model.network.groups.map((group) => `${printable(group.name)} ${group.staffing.kind === 'target' ? 'solved for its target' : `by ${group.staffing.kind}`}`).join(', ')}`
      : model.staffing.kind === 'target'
        ? 'agents solved for the target'
        : `staffing: ${model.staffing.kind}`;
  const title = `${printable(model.scenarioName)} — ${printable(model.variantName)} (${plan.source === 'erlang-a' ? 'Erlang A' : 'Erlang C'}, analytic; ${staffingNote})`;
  const table =
    shownBy !== 'interval' && periodRows !== null
      ? `${periodHeading(shownBy, false)}\n${periodTable(periodRows, model.currency, false)}\n${ROLLUP_NOTES.join(' ')}${byDefault ? `\n${defaultRollupNote(openRows(model.calendar, plan.rows).length)}` : ''}`
      : renderTable(
    [
      { header: plan.model.calendar.startDate === undefined ? 'day' : 'date' },
      { header: 'start' },
      { header: 'cases' },
      { header: 'attempts' },
      { header: 'agents' },
      { header: 'paid' },
      { header: 'SL' },
      { header: 'ASA' },
      { header: 'aband.' },
      { header: 'occ.' },
    ],
    openRows(plan.model.calendar, plan.rows).map((row: IntervalPlanRow) => [
      dayText(plan.model.calendar, row.day),
      formatClock(row.startSeconds),
      formatNumber(row.cases, 1),
      formatNumber(row.attempts, 1),
      formatNumber(row.onPhoneAgents, Number.isInteger(row.onPhoneAgents) ? 0 : 1),
      formatNumber(row.paidAgents, 1),
      formatPercent(row.serviceLevel),
      formatSeconds(row.asaSeconds),
      formatPercent(row.abandonedShare),
      formatPercent(row.occupancy),
    ]),
  );
  const t = (name: MetricName): number => totals[name] ?? 0;
  const summary = [
    `cases ${formatNumber(t('cases'))} · attempts ${formatNumber(t('attempts'))} (${formatNumber(t('attemptsPerCase'), 2)} per case) · resolved ${formatPercent(t('resolvedShareOfCases'))} · contacts per resolved case ${formatNumber(t('contactsPerResolvedCase'), 2)}`,
    `service level ${formatPercent(t('serviceLevel'))} (${model.serviceLevel.answerWithinSeconds} s) · ASA ${formatSeconds(t('asaSeconds'))} · abandoned ${formatPercent(t('abandonedShare'))} · occupancy ${formatPercent(t('occupancy'))}`,
    `paid agent hours, ${period} ${formatNumber(t('paidAgentHours'), 1)} · total cost, ${period} ${formatMoney(t('totalCost'), model.currency)} · per resolved case ${formatMoney(t('costPerResolvedCase'), model.currency)}`,
    ...budgetLines(budget, { paidAgentHours: { mean: t('paidAgentHours') } }, model.currency, false),
  ];
  const approximations = approximationLines(planApproximations(model));
  if (model.network === undefined || plan.groups === undefined) return [title, table, ...summary, ...approximations].join('\n');
  return [title, table, ...summary, networkSummary(t), `by agent group (hours and money over ${period}):`, groupTable(plan.groups, model.currency), ...approximations].join(
    '\n',
  );
}

/** Where the plan approximates, as a heading and one wrapped item each (nothing when it does not). */
function approximationLines(approximations: readonly string[]): string[] {
  if (approximations.length === 0) return [];
  return [
    'where this plan approximates (staffsim run simulates the exact model):',
    ...approximations.flatMap((text) => wrappedLines(`- ${printable(text)}`)),
  ];
}

/**
 * The failure-demand line of a model with agent groups: calls per case, and — where there are any — transfers and
 * their failures, and tasks (started, within due, delay, left at the end).
 */
function networkSummary(t: (name: MetricName) => number): string {
  const parts = [`calls dialled per case ${formatNumber(t('callsPerCase'), 2)}`];
  if (t('transfers') > 0) parts.push(`transfers ${formatNumber(t('transfers'))} (${formatPercent(t('failedTransferShare'))} failed)`);
  if (t('tasks') > 0) {
    parts.push(
      `tasks ${formatNumber(t('tasks'))} (${formatNumber(t('tasksDone'))} started, ${formatPercent(t('tasksWithinDueShare'))} within due, ` +
        `mean delay ${formatDuration(t('taskDelaySeconds'))}, ${formatNumber(t('taskBacklogAtEnd'))} left at the end)`,
    );
  }
  return parts.join(' · ');
}

/** One row per agent group: the calls it was offered and what became of them, its agents, tasks and cost. */
function groupTable(groups: readonly GroupPlan[], currency: string): string {
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
    groups.map((group) => {
      const g = group.totals;
      return [
        printable(group.name),
        formatNumber(g.attempts, 1),
        formatNumber(g.answered, 1),
        formatPercent(g.attempts > 0 ? g.abandoned / g.attempts : Number.NaN),
        formatPercent(g.blockedShare),
        formatPercent(g.serviceLevel),
        formatSeconds(g.asaSeconds),
        formatPercent(g.occupancy),
        formatNumber(g.paidAgentHours, 1),
        formatNumber(g.tasks, 1),
        formatDuration(g.taskDelaySeconds),
        formatMoney(g.staffCost, currency),
      ];
    }),
  );
}

// ------------------------------------------------------------------------------------------------ YAML

/**
 * The shifts as a YAML section to paste: `staffing:` (shifts + shrinkage) for a scenario without variants, or with agent
 * groups `groups: { <name>: { staffing: … } }` for each group with shift templates; with variants, `variants: { <name>:
 * … }` around it — put each section into that variant, where `shifts` replaces its target (a variant's staffing form
 * replaces the base's).
 */
function shiftsYaml(planned: readonly PlannedVariant[], multiVariant: boolean): string {
  const section = (p: PlannedVariant, indent: string): string[] =>
    p.groupShifts !== null
      ? groupShiftsYaml(p.groupShifts, indent)
      : staffingYaml(p.shifts?.plan.shifts ?? [], p.model.staffing.shrinkage, indent);
  if (!multiVariant) return `${planned.flatMap((p) => section(p, '')).join('\n')}\n`;
  const lines = ['variants:'];
  for (const p of planned) lines.push(`  ${yamlKey(p.model.variantName)}:`, ...section(p, '    '));
  return `${lines.join('\n')}\n`;
}

// ------------------------------------------------------------------------------------------------ exports

/**
 * The format `plan` writes into `--out` (or to stdout with `--format`): `--format`, else `--json`'s json, else the
 * extension; `yaml` is the shifts section of `--shifts`. Null for the plain text report alone. Checked before any work:
 * an extension that names another format, or a .yaml file without --shifts, is a usage error.
 */
function planOutputFormat(out: string | null, format: ExportFormat | null, json: boolean, shifts: boolean): ExportFormat | 'yaml' | null {
  if (format !== null && json && format !== 'json') throw new UsageError(`--json: prints JSON; with --format ${format} leave it out`);
  if (out === null) {
    if (format === 'xlsx') throw new UsageError('--format xlsx: a spreadsheet needs a file; add --out FILE.xlsx');
    return format;
  }
  const implied = formatOfExtension(out);
  const chosen = format ?? (json ? 'json' : implied === 'yaml' ? 'yaml' : (implied as ExportFormat | null));
  if (chosen === null) {
    if (shifts) return 'yaml';
    throw new UsageError(`--out: cannot tell the format from "${out}"; add --format ${EXPORT_FORMATS.join('|')}`);
  }
  if (chosen === 'yaml' && !shifts) throw new UsageError(`--out: "${out}" is named as a yaml file, which holds the shifts section of --shifts; add --shifts, or name it .json, .csv, .md, .xlsx or .html`);
  checkOutExtension(out, chosen, format !== null ? `--format ${format}` : json ? '--json' : `--out`);
  return chosen;
}

/** The report of analytic plans for the exports: each variant, its budget, the agents per interval, the shifts. */
function planReport(scenario: LoadedScenario, planned: readonly PlannedVariant[], periods: PeriodRollup | null): Report {
  const plans = planned.map((p) => p.analytic as VariantPlan);
  const shifts = planned.flatMap((p) =>
    p.groupShifts !== null
      ? p.groupShifts.solved.flatMap((solved) => planShiftRows(p.model.variantName, solved.group.name, solved.shifts.plan.shifts))
      : p.shifts === null
        ? []
        : planShiftRows(p.model.variantName, null, p.shifts.plan.shifts),
  );
  return {
    kind: 'plan',
    title: `Staffing plan: ${scenario.name}`,
    currency: scenario.currency,
    staffsimVersion: staffsimVersion(),
    variants: plans.map(variantFromPlan),
    differences: [],
    sweep: null,
    assumptions: assumptionsOf([{ scenario: scenario.name, document: scenario.document }], { source: 'analytic', staffsimVersion: staffsimVersion() }),
    ...(periods === null ? {} : { periods }),
    plan: {
      staffing: plans.flatMap(planStaffingRows),
      shifts,
      approximations: plans.map((plan) => ({ variant: plan.model.variantName, items: planApproximations(plan.model) })).filter((entry) => entry.items.length > 0),
    },
  };
}

/** A plan's export in one format (the exporters are loaded only when asked for). */
async function renderPlanExport(report: Report, format: ExportFormat, table: CsvTable): Promise<string | Uint8Array> {
  switch (format) {
    case 'csv':
      return (await import('../../export/csv.js')).reportToCsv(report, table);
    case 'md':
      return (await import('../../export/markdown.js')).reportToMarkdown(report);
    case 'html':
      return (await import('../../export/html.js')).reportToHtml(report);
    case 'xlsx':
      return (await import('../../export/xlsx.js')).reportToXlsx(report);
    case 'json':
      throw new Error('plan JSON is written by the command itself');
  }
}

/** Analytic totals as estimates with a half-width of 0. */
function exactTotals(totals: Partial<Record<MetricName, number>>): Record<string, { mean: number; ci95: number }> {
  const out: Record<string, { mean: number; ci95: number }> = {};
  for (const [name, value] of Object.entries(totals)) out[name] = { mean: value ?? Number.NaN, ci95: 0 };
  return out;
}
