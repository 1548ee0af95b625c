/**
 * Shifts and simulation-based staffing (ISA) in `staffsim plan`, for a variant without agent groups and for each agent
 * group of a variant with them: the shift solve of one requirement, and the text, JSON and YAML section to paste.
 */
import type { Calendar, ContactCentreModel, Shift, ShiftTemplate, StaffingTarget } from '../../core/model/contact-centre-model.js';
import { WEEKDAYS } from '../../core/model/contact-centre-model.js';
import { dayText, intervalLabel, openRows } from '../../core/model/calendar-days.js';
import type { CoverageRow } from '../../core/plan/shift-model.js';
import { buildShiftProblem, paidRequirement } from '../../core/plan/shift-model.js';
import type { IsaComparison, IsaPlanRow } from '../../core/plan/simulation-staffing.js';
import { printable } from '../../core/printable.js';
import { formatClock, formatMoney, formatNumber, formatPercent, formatSeconds, renderTable } from '../../report/format.js';
import { timeOfDaySeconds } from '../../core/model/midnight.js';
import { solveShiftProblem, type SolvedShiftPlan } from '../../runner/shift-solver.js';

// ------------------------------------------------------------------------------------------------ shifts

/** Whose shifts a report is about: a variant, or one agent group of a variant, with what prices them. */
export interface ShiftSubject {
  /** How the report names it, printable: `base`, or `base, group switchboard`. */
  readonly label: string;
  readonly calendar: Calendar;
  readonly shrinkage: number;
  readonly templateCount: number;
  /** Price of a paid agent hour of the interval requirement, and the key it comes from. */
  readonly perPaidAgentHour: number;
  readonly priceKey: string;
  readonly currency: string;
}

/** The shift subject of a variant without agent groups. */
export function variantShiftSubject(model: ContactCentreModel): ShiftSubject {
  return {
    label: printable(model.variantName),
    calendar: model.calendar,
    shrinkage: model.staffing.shrinkage,
    templateCount: (model.shiftTemplates ?? []).length,
    perPaidAgentHour: model.costs.perPaidAgentHour,
    priceKey: 'costs.agentHour',
    currency: model.currency,
  };
}

/** Shifts from `templates` that cover a requirement of on-phone agents per [day][interval] at `shrinkage`. */
export function solveShiftRequirement(
  calendar: Calendar,
  templates: readonly ShiftTemplate[],
  onPhoneAgents: number[][],
  shrinkage: number,
  timeLimitSeconds: number,
): Promise<SolvedShiftPlan> {
  const problem = buildShiftProblem({ calendar, templates, requiredPaidAgents: paidRequirement(onPhoneAgents, shrinkage) });
  return solveShiftProblem(problem, { timeLimitSeconds });
}

export function shiftsJson(shrinkage: number, solved: SolvedShiftPlan): Record<string, unknown> {
  const { plan } = solved;
  return {
    status: plan.status,
    solveSeconds: solved.solveSeconds,
    paidAgentHours: plan.paidAgentHours,
    cost: plan.cost,
    shifts: plan.shifts.map(shiftDocument),
    coverage: plan.coverage.map((row) => coverageJson(row, shrinkage)),
    unmet: plan.unmetIntervals.map((row) => coverageJson(row, shrinkage)),
  };
}

function coverageJson(row: CoverageRow, shrinkage: number): Record<string, unknown> {
  return {
    weekday: row.weekday,
    start: formatClock(row.startSeconds),
    requiredPaidAgents: row.requiredPaidAgents,
    coveredPaidAgents: row.coveredPaidAgents,
    unmetPaidAgents: row.unmetPaidAgents,
    requiredOnPhoneAgents: row.requiredPaidAgents * (1 - shrinkage),
    coveredOnPhoneAgents: row.coveredPaidAgents * (1 - shrinkage),
  };
}

/** A shift as the scenario writes it. */
function shiftDocument(shift: Shift): Record<string, unknown> {
  return {
    name: shift.name,
    start: formatClock(shift.startSeconds),
    end: formatClock(timeOfDaySeconds(shift.endSeconds)),
    agents: shift.agents,
    ...(shift.breaks.length === 0
      ? {}
      : { breaks: shift.breaks.map((pause) => ({ start: formatClock(timeOfDaySeconds(pause.startSeconds)), minutes: pause.durationSeconds / 60 })) }),
    ...(shift.days === null ? {} : { days: [...shift.days] }),
  };
}

export function shiftsText(subject: ShiftSubject, solved: SolvedShiftPlan, requirement: number[][]): string {
  const { plan } = solved;
  const { shrinkage, calendar, currency } = subject;
  const intervalHours = calendar.intervalSeconds / 3600;
  const requiredHours = paidRequirement(requirement, shrinkage).flat().reduce((total, agents) => total + agents * intervalHours, 0);
  const requiredCost = requiredHours * subject.perPaidAgentHour;
  const premium = requiredHours > 0 ? (plan.paidAgentHours / requiredHours - 1) * 100 : 0;
  const shiftCount = plan.shifts.length;
  const agentDays = plan.assignments.reduce((total, a) => total + a.agents, 0);
  const title =
    `Shifts for ${subject.label}: ${shiftCount} shift line(s), ${agentDays} agent-shifts on ${plan.coverage.length / calendar.intervalsPerDay} weekday(s), from ${subject.templateCount} template(s); ` +
    `${solved.plan.status === 'optimal' ? 'optimal' : 'time limit reached: best plan found'} (HiGHS, ${formatNumber(solved.solveSeconds, 2)} s; ${solved.columns} candidate shifts, ${solved.rows} covering rows)`;
  const costLine =
    `cost ${formatMoney(plan.cost, currency)} for ${formatNumber(plan.paidAgentHours, 1)} paid hours over ${calendar.days} day(s); ` +
    `the interval requirement alone is ${formatNumber(requiredHours, 1)} h (${formatMoney(requiredCost, currency)} at ${subject.priceKey}): ` +
    `${premium >= 0 ? '+' : ''}${formatNumber(premium, 1)}% for whole shifts`;
  const unmetLine =
    plan.unmetIntervals.length === 0
      ? 'unmet: none — every interval is covered'
      : `unmet: ${plan.unmetIntervals.length} interval(s) no template can cover: ` +
        plan.unmetIntervals
          .slice(0, 12)
          .map((row) => `${row.weekday} ${formatClock(row.startSeconds)} (${formatNumber(row.unmetPaidAgents, 1)} paid agents short)`)
          .join(', ') +
        (plan.unmetIntervals.length > 12 ? ', …' : '');
  const table = renderTable(
    [
      { header: 'day', align: 'left' },
      { header: 'start' },
      { header: 'required' },
      { header: 'covered' },
      { header: 'on phones' },
      { header: 'unmet' },
    ],
    plan.coverage.map((row) => [
      row.weekday,
      formatClock(row.startSeconds),
      formatNumber(row.requiredPaidAgents, 1),
      formatNumber(row.coveredPaidAgents, 1),
      `${formatNumber(row.coveredPaidAgents * (1 - shrinkage), 1)} / ${formatNumber(row.requiredPaidAgents * (1 - shrinkage), 1)}`,
      row.unmetPaidAgents > 0 ? formatNumber(row.unmetPaidAgents, 1) : '–',
    ]),
  );
  return [
    title,
    costLine,
    unmetLine,
    `coverage per interval (paid agents on shift and not on break; on phones = × (1 − shrinkage ${formatNumber(shrinkage, 2)}), covered / required):`,
    table,
  ].join('\n');
}

/** Every line prefixed with `# ` (an empty line with `#`): the report above a YAML section. */
export function commented(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '#' : `# ${line}`))
    .join('\n');
}

/**
 * The `staffing:` lines of solved shifts (shifts + shrinkage) at `indent`; `agents: 0` when no shift is needed.
 * @example staffingYaml(shifts, 0.3, '  ') // ['  staffing:', '    shifts:', '      - { name: … }', '    shrinkage: 0.3']
 */
export function staffingYaml(shifts: readonly Shift[], shrinkage: number, indent: string): string[] {
  const lines = [`${indent}staffing:`];
  if (shifts.length === 0) {
    lines.push(`${indent}  # no shift is needed: the requirement is 0 in every interval`, `${indent}  agents: 0`);
  } else {
    lines.push(`${indent}  shifts:`);
    for (const shift of shifts) lines.push(`${indent}    - ${shiftYaml(shift)}`);
  }
  lines.push(`${indent}  shrinkage: ${shrinkage}`);
  return lines;
}

function shiftYaml(shift: Shift): string {
  const parts = [
    `name: ${JSON.stringify(shift.name)}`,
    `start: "${formatClock(shift.startSeconds)}"`,
    // A night shift's end (and a break after midnight) is written as the next day's clock: 22:00–06:00.
    `end: "${formatClock(timeOfDaySeconds(shift.endSeconds))}"`,
    `agents: ${shift.agents}`,
  ];
  if (shift.breaks.length > 0) {
    parts.push(`breaks: [${shift.breaks.map((pause) => `{ start: "${formatClock(timeOfDaySeconds(pause.startSeconds))}", minutes: ${pause.durationSeconds / 60} }`).join(', ')}]`);
  }
  if (shift.days !== null) parts.push(`days: [${[...shift.days].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b)).join(', ')}]`);
  return `{ ${parts.join(', ')} }`;
}

/** A mapping key as YAML writes it: plain when it can be, else quoted. */
export function yamlKey(name: string): string {
  return /^[A-Za-z_][\w-]*$/.test(name) ? name : JSON.stringify(name);
}

// ------------------------------------------------------------------------------------------------ ISA

/** The totals and intervals of a SIPP-against-ISA comparison, as the JSON document carries them. */
export function isaComparisonJson(plan: IsaComparison): { totals: Record<string, number>; intervals: Record<string, unknown>[] } {
  return {
    totals: {
      sippPaidAgentHours: plan.sippPaidAgentHours,
      isaPaidAgentHours: plan.isaPaidAgentHours,
      sippStaffCost: plan.sippStaffCost,
      isaStaffCost: plan.isaStaffCost,
      sippSimulatedServiceLevel: plan.sippSimulatedServiceLevel,
      isaSimulatedServiceLevel: plan.isaSimulatedServiceLevel,
    },
    intervals: openRows(plan.calendar, plan.rows).map((row) => ({
      ...intervalLabel(plan.calendar, row.day, row.interval),
      attempts: row.attempts,
      sippAgents: row.sippAgents,
      isaAgents: row.isaAgents,
      sippPredictedServiceLevel: row.sippPredictedServiceLevel,
      sippSimulatedServiceLevel: row.sippSimulatedServiceLevel,
      isaSimulatedServiceLevel: row.isaSimulatedServiceLevel,
      sippSimulatedAbandonedShare: row.sippSimulatedAbandonedShare,
      isaSimulatedAbandonedShare: row.isaSimulatedAbandonedShare,
    })),
  };
}

export function describeTarget(target: StaffingTarget): string {
  const parts: string[] = [];
  if (target.serviceLevel !== null) parts.push(`${formatPercent(target.serviceLevel, 0)} answered within ${target.answerWithinSeconds} s`);
  if (target.maxAbandonShare !== null) parts.push(`abandoned ≤ ${formatPercent(target.maxAbandonShare)}`);
  if (target.maxOccupancy !== null) parts.push(`occupancy ≤ ${formatPercent(target.maxOccupancy)}`);
  if (target.maxAsaSeconds !== null) parts.push(`ASA ≤ ${formatSeconds(target.maxAsaSeconds)}`);
  return parts.join(', ');
}

/** How an ISA ended, in words: `converged: 6 plans simulated; …`. */
export function describeEnding(isa: { readonly ending: 'converged' | 'cap'; readonly iterations: number; readonly settledIntervals: number }): string {
  const settled = describeSettled(isa.settledIntervals);
  return isa.ending === 'converged'
    ? `converged: ${isa.iterations} plans simulated${settled === '' ? '' : `; ${settled}`}`
    : `not converged after ${isa.iterations - 1} plans: each interval has the larger of the last two${settled === '' ? '' : `; ${settled}`}`;
}

/** The settled intervals of an ISA in words, or '' when none settled. */
export function describeSettled(settledIntervals: number): string {
  return settledIntervals === 0 ? '' : `${settledIntervals} interval(s) went back to an earlier level and keep the larger of the two`;
}

/** The title of an ISA report: the scenario, the variant, the simulation settings and how the iteration ended. */
export function isaTitle(model: ContactCentreModel, ending: string): string {
  return (
    `${printable(model.scenarioName)} — ${printable(model.variantName)} (ISA, simulation-based: ${model.simulation.replications} replications per plan, seed ` +
    `${model.simulation.seed}; ${ending})`
  );
}

/** The SIPP-against-ISA table of one staffing table and its three summary lines. */
export function isaComparisonLines(plan: IsaComparison, currency: string): string[] {
  const { target } = plan;
  const sipp = plan.sippSource === 'erlang-a' ? 'Erlang A' : 'Erlang C';
  const slTarget = target.serviceLevel;
  const below = (pick: (row: IsaPlanRow) => number): number =>
    slTarget === null ? 0 : plan.rows.filter((row) => row.attempts > 0 && pick(row) < slTarget).length;
  const table = renderTable(
    [
      { header: plan.calendar.startDate === undefined ? 'day' : 'date' },
      { header: 'start' },
      { header: 'attempts' },
      { header: `SIPP agents` },
      { header: 'ISA agents' },
      { header: `SIPP SL (${sipp})` },
      { header: 'SIPP SL (sim.)' },
      { header: 'ISA SL (sim.)' },
    ],
    openRows(plan.calendar, plan.rows).map((row) => [
      dayText(plan.calendar, row.day),
      formatClock(row.startSeconds),
      formatNumber(row.attempts, 1),
      String(row.sippAgents),
      String(row.isaAgents),
      formatPercent(row.sippPredictedServiceLevel),
      formatPercent(row.sippSimulatedServiceLevel),
      formatPercent(row.isaSimulatedServiceLevel),
    ]),
  );
  const change = plan.sippPaidAgentHours > 0 ? (plan.isaPaidAgentHours / plan.sippPaidAgentHours - 1) * 100 : 0;
  return [
    table,
    `target: ${describeTarget(target)}; SIPP = ${sipp} per interval (stationary); SL (sim.) = simulated, answered within ${target.answerWithinSeconds} s`,
    `paid agent hours: SIPP ${formatNumber(plan.sippPaidAgentHours, 1)}, ISA ${formatNumber(plan.isaPaidAgentHours, 1)} (${change >= 0 ? '+' : ''}${formatNumber(change, 1)}%) · staff cost SIPP ${formatMoney(plan.sippStaffCost, currency)}, ISA ${formatMoney(plan.isaStaffCost, currency)}`,
    `simulated service level over the run: SIPP ${formatPercent(plan.sippSimulatedServiceLevel)}, ISA ${formatPercent(plan.isaSimulatedServiceLevel)}` +
      (slTarget === null ? '' : ` · intervals below the target: SIPP ${below((r) => r.sippSimulatedServiceLevel)}, ISA ${below((r) => r.isaSimulatedServiceLevel)} of ${plan.rows.length}`),
  ];
}
