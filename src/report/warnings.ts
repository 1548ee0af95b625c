/**
 * Warnings a planner would want, as pure functions: each returns the text of one line (or null), and the command line
 * prints it on stderr (src/cli/plan-warnings.ts), so that stdout stays data (JSON stays parseable).
 *
 * - Occupancy above the scenario's `maxOccupancy` or, without one, above {@link DEFAULT_OCCUPANCY_LIMIT}, naming the
 *   intervals compactly ("mon 09:00–11:30, tue 10:00"), per agent group where the scenario has groups.
 * - A scenario without costs: every money figure is 0.
 * - Work left undone at the end of the run: tasks still in a group's backlog (`taskBacklogAtEnd`) are open cases that
 *   no cost line prices (SPEC §7, "Horizon"), so a cheap total may hide them.
 * - Why the analytic plan and the simulation of a short or transient scenario differ.
 */
import { dateOfDay, openDayCount } from '../core/model/calendar-days.js';
import { formatClock } from '../core/model/clock.js';
import type { Calendar, ContactCentreModel, StaffingPlan } from '../core/model/contact-centre-model.js';
import { weekdayOfDay } from '../core/model/contact-centre-model.js';
import { networkOf } from '../core/model/network.js';
import type { VariantPlan } from '../core/plan/interval-plan.js';
import { meanOf } from '../core/queueing/delay-kernel.js';

/** The occupancy above which an interval is named when the scenario sets no `maxOccupancy`: 90 %. */
export const DEFAULT_OCCUPANCY_LIMIT = 0.9;

/**
 * A group leaves work undone when more than this share of its tasks is still in its backlog at the end: 5 %. Below it
 * the backlog is the ordinary tail of the last day's work.
 */
export const UNDONE_WORK_SHARE = 0.05;

/** How many stretches of intervals a warning names before it says how many there are in all. */
const NAMED_STRETCHES = 6;

/** An interval of a run: 0-based day and interval of the day. */
export interface IntervalSlot {
  readonly day: number;
  readonly interval: number;
}

/**
 * Intervals named compactly: consecutive intervals of a day as one stretch from the first start to the last end, days
 * by their date in a dated calendar, else by weekday (by day number and weekday in a run longer than a week), at most
 * six stretches and then how many in all.
 * @example describeIntervals(calendar, [{ day: 0, interval: 2 }, { day: 0, interval: 3 }, { day: 1, interval: 4 }]) // 'mon 09:00–10:00, tue 10:00'
 */
export function describeIntervals(calendar: Calendar, slots: readonly IntervalSlot[]): string {
  const sorted = [...slots].sort((a, b) => a.day - b.day || a.interval - b.interval);
  const stretches: { day: number; first: number; last: number }[] = [];
  for (const slot of sorted) {
    const previous = stretches[stretches.length - 1];
    if (previous !== undefined && previous.day === slot.day && previous.last + 1 === slot.interval) previous.last = slot.interval;
    else if (previous === undefined || previous.day !== slot.day || previous.last !== slot.interval) stretches.push({ day: slot.day, first: slot.interval, last: slot.interval });
  }
  const start = (interval: number): number => calendar.openSeconds + interval * calendar.intervalSeconds;
  const dayName = (day: number): string => dateOfDay(calendar, day) ?? (calendar.days > 7 ? `day ${day + 1} ${weekdayOfDay(calendar, day)}` : weekdayOfDay(calendar, day));
  const named = stretches.slice(0, NAMED_STRETCHES).map(({ day, first, last }) =>
    first === last ? `${dayName(day)} ${formatClock(start(first))}` : `${dayName(day)} ${formatClock(start(first))}–${formatClock(start(last) + calendar.intervalSeconds)}`,
  );
  const more = stretches.length > NAMED_STRETCHES ? `, … (${sorted.length} intervals in all)` : '';
  return `${named.join(', ')}${more}`;
}

/** The `maxOccupancy` of a staffing target, or null. */
function occupancyCapOf(staffing: StaffingPlan): number | null {
  return staffing.kind === 'target' ? staffing.target.maxOccupancy : null;
}

/** Figures per interval, as `run`, `compare` and the report give them (day 1-based; means, and 95% half-widths when simulated). */
export interface IntervalFigures {
  readonly day: number;
  readonly occupancy: { readonly mean: number; readonly ci95: number };
  readonly paidAgentHours: { readonly mean: number };
}

/** The figures of a variant that the warnings read: per interval, and per agent group. */
export interface VariantFigures {
  readonly intervals: readonly IntervalFigures[];
  readonly groups?: readonly {
    readonly name: string;
    readonly totals: { readonly tasks: { readonly mean: number }; readonly taskBacklogAtEnd: { readonly mean: number } };
    readonly intervals: readonly IntervalFigures[];
  }[] | undefined;
  /** The total cost, when known: an unbounded one (a backlog that grows without end) has its own warning. */
  readonly totals?: { readonly totalCost: { readonly mean: number } };
}

/**
 * One line per agent group (one for a model without groups) whose occupancy is above its limit in some interval: the
 * group's `maxOccupancy`, else 90 %. Intervals without paid agents are left out. A simulated interval is named when its
 * whole 95% interval is above the limit (mean − half-width), so that the noise of a few replications names none; an
 * analytic one (half-width 0) when its occupancy is.
 * @example occupancyWarnings(model, figures) // ['occupancy above 90% (no maxOccupancy set) in 3 intervals: mon 09:00–10:30']
 */
export function occupancyWarnings(model: ContactCentreModel, figures: VariantFigures): string[] {
  const groups = networkOf(model).groups;
  const perGroup = model.network === undefined || figures.groups === undefined ? [{ name: null, intervals: figures.intervals }] : figures.groups;
  const warnings: string[] = [];
  perGroup.forEach((group, g) => {
    const staffing = groups[g]?.staffing ?? model.staffing;
    const cap = occupancyCapOf(staffing);
    const limit = cap ?? DEFAULT_OCCUPANCY_LIMIT;
    const above = group.intervals
      .map((row, index) => ({ row, slot: { day: row.day - 1, interval: index % model.calendar.intervalsPerDay } }))
      .filter(({ row }) => row.paidAgentHours.mean > 0 && row.occupancy.mean - row.occupancy.ci95 > limit + 1e-9);
    if (above.length === 0) return;
    const highest = Math.max(...above.map(({ row }) => row.occupancy.mean));
    warnings.push(
      `${group.name === null ? '' : `${group.name}: `}occupancy above ${percent(limit)} (${cap === null ? 'no maxOccupancy set' : 'its maxOccupancy'}) ` +
        `in ${above.length} interval${above.length === 1 ? '' : 's'}, up to ${percent(highest)}: ${describeIntervals(model.calendar, above.map(({ slot }) => slot))}`,
    );
  });
  return warnings;
}

/**
 * The warning for one queue of the `erlang` calculator, or null: occupancy above `--max-occupancy`, else above 90 %.
 * @example erlangOccupancyWarning(0.95, null) // 'occupancy 95.0% is above 90% …'
 */
export function erlangOccupancyWarning(occupancy: number, maxOccupancy: number | null): string | null {
  const limit = maxOccupancy ?? DEFAULT_OCCUPANCY_LIMIT;
  if (!(occupancy > limit + 1e-9)) return null;
  return (
    `occupancy ${percent(occupancy, 1)} is above ${percent(limit)}${maxOccupancy === null ? ' (no --max-occupancy given)' : ' (--max-occupancy)'}: ` +
    'agents that busy have no slack, and a few more calls make the wait jump; add agents or --max-occupancy'
  );
}

/**
 * The warning for a variant whose every price is 0 (no `costs`, no group prices), or null.
 * @example noCostsWarning(textbookModel) // 'no costs: every money figure (staff, …) is 0; add a costs section …'
 */
export function noCostsWarning(model: ContactCentreModel): string | null {
  const { costs } = model;
  const priced =
    [costs.perPaidAgentHour, costs.perOvertimeHour, costs.perTelephonyMinute, costs.perCustomerWaitMinute, costs.perRepeatContact, costs.perUnresolvedCase, costs.fixedPerDay].some(
      (price) => price !== 0,
    ) || networkOf(model).groups.some((group) => group.costs.perPaidAgentHour !== 0 || group.costs.perOvertimeHour !== 0);
  if (priced) return null;
  return 'no costs: every money figure (staff, overtime, telephony, waiting, repeat contacts, unresolved cases, total cost, cost per resolved case) is 0; add a costs section (scenarios/README.md, "costs")';
}

/** Work one agent group leaves undone at the end of a run. */
export interface UndoneWork {
  readonly group: string;
  /** Tasks still in the backlog at the end, and all tasks created (means over replications when simulated). */
  readonly backlog: number;
  readonly tasks: number;
  /** backlog × the mean agent time of one of the group's tasks, hours. */
  readonly agentHours: number;
}

/**
 * Mean agent time of one task of a group, seconds: channel tasks at their channel's handle time, the rest
 * (callback tries) at the group's callback handle time; weighted by how many of each there are.
 */
function meanTaskSeconds(model: ContactCentreModel, g: number, tasks: number): number {
  const network = networkOf(model);
  const channels = network.channels.filter((channel) => channel.group === g);
  const channelCases = channels.map((channel) => channel.demand.casesPerInterval.flat().reduce((sum, cases) => sum + cases, 0));
  const channelTasks = channelCases.reduce((sum, cases) => sum + cases, 0);
  const callbackTasks = Math.max(0, tasks - channelTasks);
  const callback = network.groups[g]?.tasks.callbackHandleTime ?? null;
  const work = channels.reduce((sum, channel, i) => sum + (channelCases[i] as number) * meanOf(channel.handleTime), 0) + (callback === null ? 0 : callbackTasks * meanOf(callback));
  const counted = channelTasks + (callback === null ? 0 : callbackTasks);
  return counted > 0 ? work / counted : 0;
}

/**
 * The agent groups that leave more than 5 % of their tasks undone at the end of the run, with the agent hours that
 * work represents. Empty for a model without groups (it has no tasks), and for figures whose total cost is unbounded
 * (an analytic plan whose task backlog grows without end says so itself: its cost leaves nothing out).
 * @example undoneWork(model, variant)[0] // { group: 'case-officers', backlog: 376.6, tasks: 629.4, agentHours: 62.8 }
 */
export function undoneWork(model: ContactCentreModel, figures: VariantFigures): UndoneWork[] {
  if (model.network === undefined || figures.groups === undefined || figures.totals?.totalCost.mean === Number.POSITIVE_INFINITY) return [];
  return figures.groups.flatMap((group, g) => {
    const backlog = group.totals.taskBacklogAtEnd.mean;
    const tasks = group.totals.tasks.mean;
    if (!(tasks > 0 && backlog > UNDONE_WORK_SHARE * tasks)) return [];
    return [{ group: group.name, backlog, tasks, agentHours: (backlog * meanTaskSeconds(model, g, tasks)) / 3600 }];
  });
}

/**
 * Work left undone in words, group by group.
 * @example describeUndoneWork(undone) // 'case-officers leaves 377 of 629 tasks (59.8%) in its backlog at the end, about 63 agent hours of work'
 */
export function describeUndoneWork(undone: readonly UndoneWork[]): string {
  return undone
    .map(
      ({ group, backlog, tasks, agentHours }) =>
        `${group} leaves ${Math.round(backlog).toLocaleString('en-US')} of ${Math.round(tasks).toLocaleString('en-US')} tasks (${percent(backlog / tasks)}) ` +
        `in its backlog at the end, about ${agentHours.toLocaleString('en-US', { maximumFractionDigits: agentHours < 10 ? 1 : 0 })} agent hours of work`,
    )
    .join('; ');
}

/**
 * The warning for work left undone, or null.
 * @example undoneWorkWarning(undone) // 'case-officers leaves 377 of 629 tasks (59.8%) in its backlog at the end, about 63 agent hours of work: …'
 */
export function undoneWorkWarning(undone: readonly UndoneWork[]): string | null {
  if (undone.length === 0) return null;
  return `${describeUndoneWork(undone)}: these are open cases that no cost line prices, so the total cost leaves that work out`;
}

/** The reasons the analytic plan and the simulation of a variant differ beyond randomness, in words (empty: none). */
export function transientReasons(plan: VariantPlan): string[] {
  const { model } = plan;
  const { calendar } = model;
  const reasons: string[] = [];
  const network = networkOf(model);
  const firstHandleSeconds = meanOf((network.groups[0] as (typeof network.groups)[number]).handleTime);
  const dayLengthSeconds = calendar.closeSeconds - calendar.openSeconds;
  // 1. A short day: the simulation starts each day with an empty queue and answers the queue left at closing.
  if (dayLengthSeconds < SHORT_DAY_HANDLE_TIMES * firstHandleSeconds) {
    reasons.push(
      `a day is open only ${hours(dayLengthSeconds)} (${Math.floor(dayLengthSeconds / firstHandleSeconds)} handle times): the simulation starts each day with an empty queue ` +
        'and answers the calls still waiting at closing, which the stationary formulas of each interval do not see',
    );
  }
  // 2. A long warm-up: `run` leaves it out, `plan` counts it.
  const runSeconds = openDayCount(calendar) * dayLengthSeconds;
  const warmupShare = model.simulation.warmupSeconds / runSeconds;
  if (warmupShare >= LONG_WARMUP_SHARE) {
    reasons.push(`the warm-up (simulation.warmupHours) is ${percent(Math.min(1, warmupShare))} of the run: run leaves it out, plan counts it`);
  }
  // 3. Queues that do not settle within their interval.
  const unsettled = unsettledIntervals(plan);
  if (unsettled.length > 0) {
    reasons.push(
      `in ${unsettled.length} interval${unsettled.length === 1 ? '' : 's'} the queue needs longer to settle than the calls and agents stay the same (agents almost always busy), ` +
        `so the simulated queue lags behind the stationary formulas: ${describeIntervals(calendar, unsettled)}`,
    );
  }
  return reasons;
}

/** A day open for fewer than this many mean handle times is short. */
const SHORT_DAY_HANDLE_TIMES = 20;
/** A warm-up of at least this share of the run is long. */
const LONG_WARMUP_SHARE = 0.2;

/**
 * The intervals in which a queue takes longer to settle than its conditions last. A stationary M/M/c queue forgets its
 * start at a rate of about c·μ·(1 − √ρ)² (the decay parameter of a loaded M/M/c queue, van Doorn 1981), never faster
 * than one service (μ), and — when callers abandon — at least as fast as they do (1 / mean patience); ρ is the call
 * occupancy. The conditions last for a stretch of consecutive intervals of a day with the same offered calls (within
 * 2 %) and agents; its intervals are named when the queue needs longer than the stretch to settle. A group with a
 * finite queue (`maxQueue`) settles within a few handle times and is left out, and so are unstable intervals (load ≥
 * agents without patience), which are warned about on their own.
 */
function unsettledIntervals(plan: VariantPlan): IntervalSlot[] {
  const { model } = plan;
  const network = networkOf(model);
  const L = model.calendar.intervalSeconds;
  const slots: IntervalSlot[] = [];
  type Row = { day: number; interval: number; stable: boolean; attempts: number; onPhoneAgents: number; callOccupancy: number };
  const check = (handleSeconds: number, patienceSeconds: number | null, rows: readonly Row[]): void => {
    const same = (a: Row, b: Row): boolean =>
      a.day === b.day && a.interval + 1 === b.interval && Math.abs(a.onPhoneAgents - b.onPhoneAgents) < 1e-9 && Math.abs(a.attempts - b.attempts) <= 0.02 * Math.max(a.attempts, b.attempts);
    let stretch: Row[] = [];
    const close = (): void => {
      const first = stretch[0];
      if (first === undefined) return;
      if (first.stable && first.onPhoneAgents > 0 && first.callOccupancy > 0) {
        const rho = Math.min(first.callOccupancy, 1);
        const rate = Math.min(1, first.onPhoneAgents * (1 - Math.sqrt(rho)) ** 2) / handleSeconds;
        const settleSeconds = Math.min(1 / rate, patienceSeconds ?? Infinity);
        if (settleSeconds > stretch.length * L) for (const row of stretch) slots.push({ day: row.day, interval: row.interval });
      }
      stretch = [];
    };
    for (const row of rows) {
      const last = stretch[stretch.length - 1];
      if (last !== undefined && !same(last, row)) close();
      stretch.push(row);
    }
    close();
  };
  if (model.network === undefined || plan.groups === undefined) {
    const patience = model.customers.patience === null ? null : meanOf(model.customers.patience);
    check(meanOf(model.handling.handleTime), patience, plan.rows.map((row) => ({ ...row, callOccupancy: row.occupancy })));
  } else {
    plan.groups.forEach((group, g) => {
      const agentGroup = network.groups[g];
      if (agentGroup === undefined || agentGroup.maxQueue !== null) return;
      const patience = g === 0 ? model.customers.patience : network.transferPatience;
      check(
        meanOf(agentGroup.handleTime),
        patience === null ? null : meanOf(patience),
        group.rows.map((row) => ({ ...row, callOccupancy: row.onPhoneAgents > 0 ? row.callWorkSeconds / (row.onPhoneAgents * L) : 0 })),
      );
    });
  }
  const seen = new Set<string>();
  return slots.filter((slot) => {
    const key = `${slot.day}:${slot.interval}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A share as a percentage with at most one decimal: "90%", "85.5%"; with `decimals`, exactly that many. */
function percent(share: number, decimals?: number): string {
  return `${decimals === undefined ? String(Number((share * 100).toFixed(1))) : (share * 100).toFixed(decimals)}%`;
}

function hours(seconds: number): string {
  const h = seconds / 3600;
  return h >= 1 ? `${Number(h.toFixed(1))} h` : `${Math.round(seconds / 60)} min`;
}
