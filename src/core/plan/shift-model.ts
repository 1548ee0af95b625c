/**
 * Shift scheduling as an integer program (pure: builds the model text and reads a solution; the solve itself runs in
 * `src/runner/shift-solver.ts`).
 *
 * **Model.** A *pattern* is one concrete shift a template allows: a weekday, a start, a length and (when the template
 * has a break) a break position. With x_p ≥ 0 integer agents on pattern p and u_{w,i} ≥ 0 the unmet requirement in
 * interval i of weekday w:
 *
 *     minimise   Σ_p cost_p · x_p + M · Σ_{w,i} u_{w,i}
 *     subject to Σ_p a_{p,i} · x_p + u_{w,i} ≥ r_{w,i}        for every weekday w and interval i with r > 0
 *                minAgents_t ≤ Σ_{p of template t on w} x_p ≤ maxAgents_t   for every template t and weekday w
 *
 * where r_{w,i} is the requirement in **paid** agents (on-phone agents / (1 − shrinkage)), cost_p = paid hours ×
 * price per hour, and a_{p,i} ∈ [0, 1] is the share of interval i that an agent of p is on shift and not on break —
 * the same time-weighting `scheduledStaffing` uses to turn shifts back into on-phone agents, so the coverage this
 * model promises is exactly what the plan and the simulation see (before shrinkage). Shift time outside opening
 * hours is paid but covers nothing.
 *
 * **Breaks.** Every allowed break position is a pattern of its own (a shift "07:00–15:00, break 11:00"), so the
 * solver places breaks too and staggers them across agents; a template whose window is a single position gets a
 * fixed break. An agent on break is off the phones for the break's share of the intervals it overlaps.
 *
 * **Weekdays.** A scenario's shifts repeat by weekday (`staffing.shifts[].days`), so the decision is per weekday:
 * when the calendar has several days with the same weekday, the requirement of that weekday is the larger of theirs,
 * interval by interval.
 *
 * **Night shifts.** In a calendar open around the clock a template's shifts may cross midnight (a window from
 * `earliestStart` past midnight to `latestEnd`, or any start when the template gives neither). A shift starts on its
 * weekday, before midnight; the part after midnight covers the next weekday's first intervals, as `scheduledStaffing`
 * counts it. The run begins as if the schedule had been running, so the first day's early hours are covered by the
 * night shifts of the weekday before it (which are planned too when that weekday is not in the run), and only the
 * hours inside the run are paid: the part of a night shift after the run's last midnight is not.
 *
 * **Whole agents.** Where every pattern that covers an interval covers it whole (share 1), whole agents cover it, so
 * the row's right-hand side is rounded up (57.1 paid agents need 58): the same integer plans, a much tighter LP
 * relaxation — a week of half-hours solves in about a second instead of several.
 *
 * **Unmet requirement.** u absorbs whatever no template can cover (an hour no window reaches, a `maxAgents` cap), so
 * the model is always feasible and a plan comes back with its unmet intervals listed instead of failing. M is
 * 100 × the dearest pattern: covering one agent-interval is always cheaper than leaving it unmet when any pattern
 * can cover it.
 *
 * **Objective when nothing is priced.** Patterns cost their template's `costPerHour` × paid hours; when every
 * template's price is 0 (a scenario without `costs.agentHour`) paid hours are minimised instead. A tie-breaker of
 * 10⁻⁶ × the cheapest positive price per paid hour keeps a free template from being used without need.
 */
import type { Calendar, Shift, ShiftTemplate, Weekday } from '../model/contact-centre-model.js';
import { WEEKDAYS, weekdayOfDay } from '../model/contact-centre-model.js';
import { SECONDS_PER_DAY, timeOfDaySeconds } from '../model/midnight.js';
import { overlapSeconds } from './staffing-schedule.js';

/** Agents per [day or weekday][interval]. */
export type IntervalTable = readonly (readonly number[])[];

/** One concrete shift a template allows on one weekday. */
export interface ShiftPattern {
  /** Column name in the model: `x<index>`. */
  readonly column: string;
  readonly templateIndex: number;
  readonly template: string;
  readonly weekday: Weekday;
  /** Seconds after midnight. */
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** Start of the break, seconds after midnight; `null` without a break. */
  readonly breakStartSeconds: number | null;
  readonly breakSeconds: number;
  readonly paidHours: number;
  /** Of those, the hours after midnight (on the next weekday); 0 for a shift within its day. */
  readonly nightHours: number;
  /** Cost of one agent on this pattern for one day. */
  readonly cost: number;
  /** Share of each interval of the day (0..1) an agent is on shift and not on break; only intervals with a share > 0. */
  readonly coverage: readonly { readonly interval: number; readonly share: number }[];
  /** The same for the next weekday's intervals, covered after midnight (empty for a shift within its day). */
  readonly nextDayCoverage: readonly { readonly interval: number; readonly share: number }[];
  /** What one agent on it costs inside the run, per occurrence of its weekday (the objective's weight, before the tie-breaker). */
  readonly runCost: number;
  /** Paid hours inside the run, per occurrence of its weekday (for the tie-breaker). */
  readonly runPaidHours: number;
}

/** A shift-scheduling problem, ready to be written as an integer program. */
export interface ShiftProblem {
  readonly calendar: Calendar;
  readonly templates: readonly ShiftTemplate[];
  /** The distinct weekdays of the calendar, in the order they first occur. */
  readonly weekdays: readonly Weekday[];
  /**
   * Weekdays before a weekday of the calendar that are not in it themselves (a run shorter than a week): only their
   * night shifts are planned, for the hours after midnight that fall in the run.
   */
  readonly leadInWeekdays: readonly Weekday[];
  /** Required paid agents per [weekday index][interval] (the maximum over the calendar's days of that weekday). */
  readonly requiredPaidAgents: IntervalTable;
  readonly patterns: readonly ShiftPattern[];
  /** Objective weight of one unmet agent-interval. */
  readonly unmetPenalty: number;
  /** Objective weight per paid hour added to every pattern (the tie-breaker, or 1 when nothing is priced). */
  readonly hourWeight: number;
}

/** One interval of one weekday: what was required, what the shifts cover and what is left. */
export interface CoverageRow {
  readonly weekday: Weekday;
  readonly interval: number;
  /** Start, seconds after midnight. */
  readonly startSeconds: number;
  /** Paid agents required (on-phone / (1 − shrinkage)). */
  readonly requiredPaidAgents: number;
  /** Paid agents on shift and not on break, time-weighted over the interval. */
  readonly coveredPaidAgents: number;
  /** max(0, required − covered). */
  readonly unmetPaidAgents: number;
}

/** How the solver ended: a proven optimum (within the relative gap), or the best plan found when time ran out. */
export type ShiftSolveStatus = 'optimal' | 'time-limit';

/** The result of a shift solve. */
export interface ShiftPlan {
  readonly status: ShiftSolveStatus;
  /** The shifts in scenario form (`staffing.shifts`), grouped by pattern and by weekdays with the same head count. */
  readonly shifts: readonly Shift[];
  /** Agents per pattern (only patterns used). */
  readonly assignments: readonly { readonly pattern: ShiftPattern; readonly agents: number }[];
  /** Every interval of every weekday. */
  readonly coverage: readonly CoverageRow[];
  /** The rows of `coverage` with an unmet requirement (> 10⁻⁶ agents). */
  readonly unmetIntervals: readonly CoverageRow[];
  /** Over the calendar's days (a weekday that occurs twice is paid twice). */
  readonly paidAgentHours: number;
  readonly cost: number;
}

/** Share below which a coverage coefficient or an unmet requirement is treated as 0. */
const NEGLIGIBLE = 1e-9;
/** Requirements are snapped to this many decimals: 21 / (1 − 0.3) is 30.000000000000004 in binary, and must need 30. */
const REQUIREMENT_DECIMALS = 9;

/**
 * Paid agents required per [day][interval]: on-phone agents / (1 − shrinkage).
 * @example paidRequirement([[14, 7]], 0.3) // [[20, 10]]
 */
export function paidRequirement(onPhoneAgents: IntervalTable, shrinkage: number): number[][] {
  return onPhoneAgents.map((row) => row.map((agents) => snap(agents / (1 - shrinkage))));
}

function snap(value: number): number {
  const factor = 10 ** REQUIREMENT_DECIMALS;
  return Math.round(value * factor) / factor;
}

/**
 * The patterns of the templates on the calendar's weekdays, and the requirement per weekday.
 *
 * @param requiredPaidAgents paid agents per [day][interval] of the calendar (days × intervalsPerDay)
 * @throws RangeError when the table's shape does not match the calendar or a template is inconsistent
 * @example buildShiftProblem({ calendar, templates, requiredPaidAgents }).patterns.length
 */
export function buildShiftProblem(input: {
  readonly calendar: Calendar;
  readonly templates: readonly ShiftTemplate[];
  readonly requiredPaidAgents: IntervalTable;
}): ShiftProblem {
  const { calendar, templates, requiredPaidAgents } = input;
  if (requiredPaidAgents.length !== calendar.days || requiredPaidAgents.some((row) => row.length !== calendar.intervalsPerDay)) {
    throw new RangeError(`requiredPaidAgents must be ${calendar.days} × ${calendar.intervalsPerDay} (days × intervals)`);
  }
  const weekdays: Weekday[] = [];
  const required: number[][] = [];
  for (let day = 0; day < calendar.days; day++) {
    const weekday = weekdayOfDay(calendar, day);
    let w = weekdays.indexOf(weekday);
    if (w < 0) {
      w = weekdays.push(weekday) - 1;
      required.push(new Array<number>(calendar.intervalsPerDay).fill(0));
    }
    const row = required[w] as number[];
    (requiredPaidAgents[day] as readonly number[]).forEach((value, i) => {
      if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`requiredPaidAgents[${day}][${i}] must be a finite number ≥ 0 (got ${value})`);
      row[i] = Math.max(row[i] as number, snap(value));
    });
  }

  const prices = templates.map((template) => template.costPerHour);
  const cheapestPositive = Math.min(...prices.filter((price) => price > 0));
  const hourWeight = Number.isFinite(cheapestPositive) ? cheapestPositive * 1e-6 : 1;

  const leadInWeekdays = weekdays.map(weekdayBefore).filter((weekday) => !weekdays.includes(weekday));
  const patterns: ShiftPattern[] = [];
  templates.forEach((template, templateIndex) => {
    checkTemplate(template);
    for (const weekday of [...weekdays, ...leadInWeekdays]) {
      if (template.days !== null && !template.days.includes(weekday)) continue;
      const inRun = weekdays.includes(weekday);
      const nextInRun = weekdays.includes(weekdayAfter(weekday));
      for (const lengthSeconds of template.lengthsSeconds) {
        // A shift starts on its weekday, before midnight, and ends inside the template's window.
        for (
          let start = template.earliestStartSeconds;
          start < SECONDS_PER_DAY && start + lengthSeconds <= template.latestEndSeconds + NEGLIGIBLE;
          start += template.startEverySeconds
        ) {
          const end = start + lengthSeconds;
          const nightSeconds = Math.max(0, end - SECONDS_PER_DAY);
          // A lead-in weekday matters only for its night shifts.
          if (!inRun && nightSeconds === 0) continue;
          for (const breakStart of breakStarts(template, start)) {
            const breakSeconds = template.break?.durationSeconds ?? 0;
            const paidHours = lengthSeconds / 3600;
            const nightHours = nightSeconds / 3600;
            const runPaidHours = (inRun ? paidHours - nightHours : 0) + (nextInRun ? nightHours : 0);
            patterns.push({
              column: `x${patterns.length}`,
              templateIndex,
              template: template.name,
              weekday,
              startSeconds: start,
              endSeconds: end,
              breakStartSeconds: breakStart,
              breakSeconds,
              paidHours,
              nightHours,
              cost: paidHours * template.costPerHour,
              coverage: inRun ? coverageOf(calendar, start, end, breakStart, breakSeconds) : [],
              nextDayCoverage: nightSeconds > 0 && nextInRun ? coverageOf(calendar, start - SECONDS_PER_DAY, end - SECONDS_PER_DAY, breakStart === null ? null : breakStart - SECONDS_PER_DAY, breakSeconds) : [],
              runCost: runPaidHours * template.costPerHour,
              runPaidHours,
            });
          }
        }
      }
    }
  });
  const dearest = Math.max(0, ...patterns.map((pattern) => pattern.runCost + hourWeight * pattern.runPaidHours));
  return { calendar, templates, weekdays, leadInWeekdays, requiredPaidAgents: required, patterns, unmetPenalty: 100 * dearest + 1, hourWeight };
}

function checkTemplate(template: ShiftTemplate): void {
  const problems: string[] = [];
  if (template.lengthsSeconds.length === 0 || template.lengthsSeconds.some((length) => !(length > 0))) problems.push('lengths must be > 0');
  if (!(template.startEverySeconds > 0)) problems.push('startEverySeconds must be > 0');
  if (!(template.earliestStartSeconds >= 0 && template.earliestStartSeconds < SECONDS_PER_DAY && template.latestEndSeconds <= 2 * SECONDS_PER_DAY)) {
    problems.push('the window must start within the day and end by the next midnight');
  }
  if (template.break !== null && !(template.break.everySeconds > 0)) problems.push('break.everySeconds must be > 0');
  if (problems.length > 0) throw new RangeError(`shift template "${template.name}": ${problems.join('; ')}`);
}

/** The break starts a template allows for a shift starting at `start` (one `null` without a break). */
function breakStarts(template: ShiftTemplate, start: number): (number | null)[] {
  const pause = template.break;
  if (pause === null) return [null];
  const starts: number[] = [];
  for (let offset = pause.earliestAfterSeconds; offset <= pause.latestAfterSeconds + NEGLIGIBLE; offset += pause.everySeconds) {
    starts.push(start + offset);
  }
  return starts;
}

/** Time-weighted share of each interval spent on shift and off break (intervals with a share > 0 only). */
function coverageOf(calendar: Calendar, start: number, end: number, breakStart: number | null, breakSeconds: number): { interval: number; share: number }[] {
  const coverage: { interval: number; share: number }[] = [];
  for (let i = 0; i < calendar.intervalsPerDay; i++) {
    const from = calendar.openSeconds + i * calendar.intervalSeconds;
    const to = from + calendar.intervalSeconds;
    let seconds = overlapSeconds(start, end, from, to);
    if (breakStart !== null) seconds -= overlapSeconds(breakStart, breakStart + breakSeconds, from, to);
    const share = seconds / calendar.intervalSeconds;
    if (share > NEGLIGIBLE) coverage.push({ interval: i, share });
  }
  return coverage;
}

/** A number for the model text: plain decimal, up to 12 significant digits. */
function lpNumber(value: number): string {
  const text = String(Number(value.toPrecision(12)));
  return text.includes('e') ? value.toFixed(12).replace(/\.?0+$/, '') : text;
}

/** Writes terms `c name` as lines of at most eight terms (the LP format allows an expression over several lines). */
function writeTerms(terms: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) lines.push(`   ${terms.slice(i, i + 8).join(' + ')}`);
  return lines.join('\n');
}

/** Column name of the unmet requirement of weekday w, interval i. */
function unmetColumn(w: number, i: number): string {
  return `u${w}_${i}`;
}

/**
 * The problem as a CPLEX LP-format model (what HiGHS reads): the objective, one covering row per interval with a
 * requirement, the per-template min/max rows, and the integrality of the x columns.
 */
export function shiftProblemToLp(problem: ShiftProblem): string {
  const { patterns, weekdays, requiredPaidAgents, templates } = problem;
  const objective: string[] = patterns.map((p) => `${lpNumber(p.runCost + problem.hourWeight * p.runPaidHours)} ${p.column}`);
  const rows: string[] = [];
  // Which patterns cover each (weekday, interval), and whether every one of them covers it whole.
  const intervals = problem.calendar.intervalsPerDay;
  const covering = weekdays.map(() => Array.from({ length: intervals }, () => [] as string[]));
  const wholeRow = weekdays.map(() => new Array<boolean>(intervals).fill(true));
  for (const p of patterns) {
    // Its own weekday's intervals, and after midnight the next weekday's.
    for (const [w, coverage] of [
      [weekdays.indexOf(p.weekday), p.coverage],
      [weekdays.indexOf(weekdayAfter(p.weekday)), p.nextDayCoverage],
    ] as const) {
      if (w < 0) continue;
      for (const { interval, share } of coverage) {
        (covering[w] as string[][])[interval]?.push(`${lpNumber(share)} ${p.column}`);
        if (Math.abs(share - 1) > 1e-12) (wholeRow[w] as boolean[])[interval] = false;
      }
    }
  }
  requiredPaidAgents.forEach((row, w) => {
    row.forEach((required, i) => {
      if (required <= NEGLIGIBLE) return;
      const u = unmetColumn(w, i);
      objective.push(`${lpNumber(problem.unmetPenalty)} ${u}`);
      // Where every covering pattern covers the interval whole, whole agents cover it, so 57.1 agents need 58: the
      // rounded-up right-hand side is the same set of integer plans but a much tighter relaxation (a week solves in
      // a second instead of several). The unmet requirement is recomputed from the plan, not read from u.
      const rhs = (wholeRow[w] as boolean[])[i] === true ? Math.ceil(required - 1e-9) : required;
      rows.push(` c${w}_${i}:\n${writeTerms([...((covering[w] as string[][])[i] as string[]), u])}\n   >= ${lpNumber(rhs)}`);
    });
  });
  templates.forEach((template, t) => {
    [...weekdays, ...problem.leadInWeekdays].forEach((weekday, w) => {
      const columns = patterns.filter((p) => p.templateIndex === t && p.weekday === weekday).map((p) => p.column);
      if (columns.length === 0) return;
      if (template.maxAgents !== null) rows.push(` max${t}_${w}:\n${writeTerms(columns)}\n   <= ${template.maxAgents}`);
      if (template.minAgents > 0) rows.push(` min${t}_${w}:\n${writeTerms(columns)}\n   >= ${template.minAgents}`);
    });
  });
  const integers = patterns.map((p) => p.column);
  const generals: string[] = [];
  for (let i = 0; i < integers.length; i += 12) generals.push(` ${integers.slice(i, i + 12).join(' ')}`);
  return [
    'Minimize',
    ` cost:\n${objective.length === 0 ? '   0 x_none' : writeTerms(objective)}`,
    'Subject To',
    ...(rows.length === 0 ? [' none: 0 x_none >= 0'] : rows),
    ...(generals.length === 0 ? [] : ['General', ...generals]),
    'End',
    '',
  ].join('\n');
}

/**
 * Reads a solver's column values back into a plan: agents per pattern (rounded to whole agents), the coverage of
 * every interval recomputed from them, the unmet intervals, the paid hours and cost over the calendar's days, and
 * the shifts in scenario form.
 *
 * @param values column name → value (missing columns count as 0)
 */
export function readShiftSolution(problem: ShiftProblem, values: Readonly<Record<string, number>>, status: ShiftSolveStatus): ShiftPlan {
  const { calendar, weekdays, requiredPaidAgents } = problem;
  const assignments = problem.patterns
    .map((pattern) => ({ pattern, agents: Math.max(0, Math.round(values[pattern.column] ?? 0)) }))
    .filter((a) => a.agents > 0);
  const covered = weekdays.map(() => new Array<number>(calendar.intervalsPerDay).fill(0));
  for (const { pattern, agents } of assignments) {
    for (const [w, coverage] of [
      [weekdays.indexOf(pattern.weekday), pattern.coverage],
      [weekdays.indexOf(weekdayAfter(pattern.weekday)), pattern.nextDayCoverage],
    ] as const) {
      const row = covered[w];
      if (row === undefined) continue;
      for (const { interval, share } of coverage) row[interval] = (row[interval] as number) + agents * share;
    }
  }
  const coverage: CoverageRow[] = [];
  weekdays.forEach((weekday, w) => {
    for (let i = 0; i < calendar.intervalsPerDay; i++) {
      const required = (requiredPaidAgents[w] as readonly number[])[i] as number;
      const have = (covered[w] as number[])[i] as number;
      const unmet = required - have > 1e-6 ? required - have : 0;
      coverage.push({
        weekday,
        interval: i,
        startSeconds: calendar.openSeconds + i * calendar.intervalSeconds,
        requiredPaidAgents: required,
        coveredPaidAgents: have,
        unmetPaidAgents: unmet,
      });
    }
  });
  // Each weekday is paid as often as it occurs in the calendar.
  const occurrences = new Map<Weekday, number>();
  for (let day = 0; day < calendar.days; day++) {
    const weekday = weekdayOfDay(calendar, day);
    occurrences.set(weekday, (occurrences.get(weekday) ?? 0) + 1);
  }
  // The hours before midnight on each day of its weekday; those after on each day of the next weekday (the first day's
  // from the night before the run, the last day's after the run not at all).
  let paidAgentHours = 0;
  let cost = 0;
  for (const { pattern, agents } of assignments) {
    const hours = (occurrences.get(pattern.weekday) ?? 0) * (pattern.paidHours - pattern.nightHours) + (occurrences.get(weekdayAfter(pattern.weekday)) ?? 0) * pattern.nightHours;
    paidAgentHours += agents * hours;
    cost += agents * hours * (pattern.paidHours > 0 ? pattern.cost / pattern.paidHours : 0);
  }
  return {
    status,
    shifts: shiftsOf(assignments, weekdays, problem.leadInWeekdays),
    assignments,
    coverage,
    unmetIntervals: coverage.filter((row) => row.unmetPaidAgents > 0),
    paidAgentHours,
    cost,
  };
}

/** The weekday after `weekday`. @example weekdayAfter('sun') // 'mon' */
function weekdayAfter(weekday: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 1) % 7] as Weekday;
}

/** The weekday before `weekday`. @example weekdayBefore('mon') // 'sun' */
function weekdayBefore(weekday: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 6) % 7] as Weekday;
}

/** "HHMM" of seconds after midnight (a time after the next midnight as that day's clock: 06:00, not 30:00). */
function compactClock(seconds: number): string {
  const minutes = Math.round(timeOfDaySeconds(seconds) / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Groups the assignments into scenario shifts: one entry per (template, start, end, break) and head count, listing the
 * weekdays with that head count (`days: null` when it is every planned weekday). Names are
 * `<template>-<HHMM start>-<HHMM end>`, with `-b<HHMM break>` when the template has a break and the weekdays when the
 * same shift has different head counts on different days, so they are unique.
 */
function shiftsOf(assignments: readonly { pattern: ShiftPattern; agents: number }[], weekdays: readonly Weekday[], leadInWeekdays: readonly Weekday[]): Shift[] {
  const groups = new Map<string, { pattern: ShiftPattern; byWeekday: Map<Weekday, number> }>();
  for (const { pattern, agents } of assignments) {
    const key = `${pattern.templateIndex}|${pattern.startSeconds}|${pattern.endSeconds}|${pattern.breakStartSeconds ?? ''}`;
    const group = groups.get(key) ?? { pattern, byWeekday: new Map<Weekday, number>() };
    group.byWeekday.set(pattern.weekday, (group.byWeekday.get(pattern.weekday) ?? 0) + agents);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      a.pattern.templateIndex - b.pattern.templateIndex ||
      a.pattern.startSeconds - b.pattern.startSeconds ||
      a.pattern.endSeconds - b.pattern.endSeconds ||
      (a.pattern.breakStartSeconds ?? 0) - (b.pattern.breakStartSeconds ?? 0),
  );
  const planned = [...weekdays].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
  const withLeadIn = [...weekdays, ...leadInWeekdays].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
  const shifts: Shift[] = [];
  for (const { pattern, byWeekday } of ordered) {
    // A night shift works on the weekdays before the run's too; "every day" means all of those.
    const candidates = pattern.nightHours > 0 ? withLeadIn : planned;
    const byCount = new Map<number, Weekday[]>();
    for (const weekday of candidates) {
      const agents = byWeekday.get(weekday);
      if (agents !== undefined) byCount.set(agents, [...(byCount.get(agents) ?? []), weekday]);
    }
    const counts = [...byCount.entries()].sort((a, b) => b[1].length - a[1].length || b[0] - a[0]);
    const base =
      `${pattern.template}-${compactClock(pattern.startSeconds)}-${compactClock(pattern.endSeconds)}` +
      (pattern.breakStartSeconds === null ? '' : `-b${compactClock(pattern.breakStartSeconds)}`);
    for (const [agents, days] of counts) {
      const everyDay = days.length === candidates.length;
      shifts.push({
        name: counts.length === 1 ? base : `${base}-${days.join('-')}`,
        startSeconds: pattern.startSeconds,
        endSeconds: pattern.endSeconds,
        agents,
        breaks: pattern.breakStartSeconds === null ? [] : [{ startSeconds: pattern.breakStartSeconds, durationSeconds: pattern.breakSeconds }],
        days: everyDay ? null : days,
      });
    }
  }
  return shifts;
}
