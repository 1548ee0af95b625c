import type { Calendar, ContactCentreModel, Shift, StaffingPlan, Weekday } from '../model/contact-centre-model.js';
import { WEEKDAYS, weekdayOfDay } from '../model/contact-centre-model.js';
import { SECONDS_PER_DAY } from '../model/midnight.js';
import { isOpenDay } from '../model/calendar-days.js';
import { networkOf } from '../model/network.js';
import type { GroupSchedule, SimulationInput } from '../sim/simulation-input.js';
import type { VariantPlan } from './interval-plan.js';

/** Agents per [day][interval]. */
export type AgentGrid = number[][];

/** The scheduled staffing of a plan with fixed staffing: on-phone agents and paid agent hours per interval. */
export interface StaffingSchedule {
  /** Expected on-phone agents per [day][interval]; fractional where shifts and shrinkage make it so. */
  readonly onPhoneAgents: AgentGrid;
  /** Paid agent hours per [day][interval]. Shift time outside opening hours is booked to the day's first or last interval. */
  readonly paidAgentHours: AgentGrid;
}

/**
 * On-phone agents and paid hours per interval for the fixed staffing forms (`agents`, `agentsPerInterval`,
 * `shifts`), with nobody on a closed day. `target` staffing has no fixed schedule: it is solved per interval (see `planVariant`), and this
 * returns null for it.
 *
 * Shifts: on-phone agents in an interval = (agents on shift − agents on break, time-weighted over the interval)
 * × (1 − shrinkage); the simulation rounds that stochastically, the analytic side mixes the two neighbouring
 * integers. Paid time is the whole shift, breaks included.
 *
 * @example scheduledStaffing(modelWithAgents12).onPhoneAgents[0][0] // 12
 */
export function scheduledStaffing(model: ContactCentreModel): StaffingSchedule | null {
  return scheduledStaffingOf(model.calendar, model.staffing);
}

/**
 * The scheduled staffing of one staffing plan on a calendar — of a model, or of one agent group (SPEC §7); null for
 * `target` staffing. See {@link scheduledStaffing}.
 * @example scheduledStaffingOf(calendar, { kind: 'agents', agents: 3, shrinkage: 0.4 })?.paidAgentHours[0][0] // 2.5 for 30-minute intervals
 */
export function scheduledStaffingOf(calendar: Calendar, staffing: StaffingPlan): StaffingSchedule | null {
  const intervalHours = calendar.intervalSeconds / 3600;
  const paidFactor = 1 / (1 - staffing.shrinkage);
  const days = Array.from({ length: calendar.days }, (_, day) => day);
  const fromOnPhone = (perInterval: (interval: number) => number): StaffingSchedule => {
    const onPhoneAgents = days.map((day) => Array.from({ length: calendar.intervalsPerDay }, (_, i) => (isOpenDay(calendar, day) ? perInterval(i) : 0)));
    return {
      onPhoneAgents,
      paidAgentHours: onPhoneAgents.map((row) => row.map((agents) => agents * intervalHours * paidFactor)),
    };
  };
  switch (staffing.kind) {
    case 'agents':
      return fromOnPhone(() => staffing.agents);
    case 'agentsPerInterval':
      return fromOnPhone((i) => staffing.agentsPerInterval[i] ?? 0);
    case 'shifts':
      return shiftSchedule(calendar, staffing.shifts, staffing.shrinkage);
    case 'target':
      return null;
  }
}

/**
 * The schedule of solved on-phone agents (a target's per-interval requirement): paid hours = on-phone hours /
 * (1 − shrinkage).
 * @example solvedSchedule(calendar, [[14, 15]], 0.3).paidAgentHours[0][0] // 10 for 30-minute intervals
 */
export function solvedSchedule(calendar: Calendar, onPhoneAgents: readonly (readonly number[])[], shrinkage: number): StaffingSchedule {
  const paidPerAgent = calendar.intervalSeconds / 3600 / (1 - shrinkage);
  return {
    onPhoneAgents: onPhoneAgents.map((day) => [...day]),
    paidAgentHours: onPhoneAgents.map((day) => day.map((agents) => agents * paidPerAgent)),
  };
}

/**
 * On-phone agents per [day][interval] from plan rows (one row per interval that has one; the others 0).
 * @example agentTableOf(calendar, plan.rows)[0][0] // the first interval's on-phone agents
 */
export function agentTableOf(
  calendar: Calendar,
  rows: readonly { readonly day: number; readonly interval: number; readonly onPhoneAgents: number }[],
): AgentGrid {
  const table = Array.from({ length: calendar.days }, () => new Array<number>(calendar.intervalsPerDay).fill(0));
  for (const row of rows) (table[row.day] as number[])[row.interval] = row.onPhoneAgents;
  return table;
}

/**
 * The schedule of every agent group of a model, in order: its scheduled staffing, or — for a group with a `target` —
 * the on-phone agents of that group's rows in `plan` (the analytic plan of the whole network), with paid hours =
 * on-phone hours / (1 − the group's shrinkage).
 *
 * @example networkSchedules(model, planVariant(model))[1].onPhoneAgents[0][0] // the second group's agents at opening
 */
export function networkSchedules(model: ContactCentreModel, plan: VariantPlan | null): GroupSchedule[] {
  const { calendar } = model;
  return networkOf(model).groups.map((group, g) => {
    const schedule = scheduledStaffingOf(calendar, group.staffing);
    if (schedule !== null) return schedule;
    return solvedSchedule(calendar, agentTableOf(calendar, plan?.groups?.[g]?.rows ?? []), group.staffing.shrinkage);
  });
}

/** A simulation input with one schedule per agent group (the first group's is also the input's own). */
export function inputWithGroups(model: ContactCentreModel, schedules: readonly GroupSchedule[]): SimulationInput {
  const first = schedules[0] as GroupSchedule;
  return { model, onPhoneAgents: first.onPhoneAgents, paidAgentHours: first.paidAgentHours, groups: schedules };
}

/**
 * Shifts per interval. A shift belongs to the day it starts; the part of a night shift after midnight (its end past
 * 86 400 s) counts on the next day. The run begins as if the schedule had been running: on day 1 the hours after
 * midnight are worked by the night shifts of the day before it, and the part of the last day's night shifts after
 * midnight falls after the run (neither simulated nor paid). So a week's run pays each night shift once per night.
 */
function shiftSchedule(calendar: Calendar, shifts: readonly Shift[], shrinkage: number): StaffingSchedule {
  const onPhoneAgents: AgentGrid = [];
  const paidAgentHours: AgentGrid = [];
  const nightShifts = shifts.filter((shift) => shift.endSeconds > SECONDS_PER_DAY);
  const works = (shift: Shift, weekday: Weekday): boolean => shift.days === null || shift.days.includes(weekday);
  for (let day = 0; day < calendar.days; day++) {
    const weekday = weekdayOfDay(calendar, day);
    const dayBefore = WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 6) % 7] as Weekday;
    // Nobody works a closed day (a holiday on a weekday of the shift pattern included).
    const open = isOpenDay(calendar, day);
    const working: { shift: Shift; offset: number }[] = open
      ? [
          // Last night's shifts, after midnight (for day 1: those of the day before the run).
          ...nightShifts
            .filter((shift) => works(shift, dayBefore) && (day === 0 || isOpenDay(calendar, day - 1)))
            .map((shift) => ({ shift, offset: -SECONDS_PER_DAY })),
          ...shifts.filter((shift) => works(shift, weekday)).map((shift) => ({ shift, offset: 0 })),
        ]
      : [];
    const onPhoneRow: number[] = [];
    const paidRow: number[] = [];
    for (let i = 0; i < calendar.intervalsPerDay; i++) {
      const start = calendar.openSeconds + i * calendar.intervalSeconds;
      const end = start + calendar.intervalSeconds;
      let agentSecondsOnShift = 0;
      let agentSecondsOnBreak = 0;
      let paidSeconds = 0;
      for (const { shift, offset } of working) {
        const shiftStart = shift.startSeconds + offset;
        const shiftEnd = shift.endSeconds + offset;
        const onShift = overlapSeconds(shiftStart, shiftEnd, start, end);
        agentSecondsOnShift += shift.agents * onShift;
        for (const pause of shift.breaks) {
          agentSecondsOnBreak +=
            shift.agents * overlapSeconds(pause.startSeconds + offset, pause.startSeconds + offset + pause.durationSeconds, start, end);
        }
        // Paid time inside the interval, plus shift time before opening (first interval) or after closing (last), of
        // this day only (a night shift's time after midnight is the next day's).
        paidSeconds += shift.agents * onShift;
        if (i === 0) paidSeconds += shift.agents * overlapSeconds(shiftStart, shiftEnd, 0, calendar.openSeconds);
        if (i === calendar.intervalsPerDay - 1) {
          paidSeconds += shift.agents * overlapSeconds(shiftStart, shiftEnd, calendar.closeSeconds, SECONDS_PER_DAY);
        }
      }
      onPhoneRow.push(((agentSecondsOnShift - agentSecondsOnBreak) / calendar.intervalSeconds) * (1 - shrinkage));
      paidRow.push(paidSeconds / 3600);
    }
    onPhoneAgents.push(onPhoneRow);
    paidAgentHours.push(paidRow);
  }
  return { onPhoneAgents, paidAgentHours };
}

/** Length of the overlap of [a0, a1) and [b0, b1) in seconds. @example overlapSeconds(0, 10, 5, 20) // 5 */
export function overlapSeconds(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}
