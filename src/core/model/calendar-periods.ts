/**
 * The calendar periods of a run — days, ISO weeks, months — that results are rolled up by (`--by day|week|month`).
 * Pure. A period holds the run's days that fall in it (the first and last may be partial); periods without an open
 * day are left out, as closed days have no rows.
 */
import { civilFromDays } from '../history/timestamps.js';
import { dateOfDay, dayNumberOfDate, isOpenDay } from './calendar-days.js';
import type { Calendar } from './contact-centre-model.js';

/** What results are rolled up by. */
export type PeriodUnit = 'day' | 'week' | 'month';

export interface CalendarPeriod {
  /** `2027-01` (month), `2027-W01` (ISO week), `2027-01-04` (day); undated: `week 1`, `day 3`. */
  readonly key: string;
  /** First and last day of the run in the period, 0-based (the period may run past the run's ends). */
  readonly firstDay: number;
  readonly lastDay: number;
  /** ISO dates of those days, for dated calendars. */
  readonly from?: string;
  readonly to?: string;
  /** Open days of the run in the period (≥ 1). */
  readonly openDays: number;
}

/**
 * The ISO 8601 week of a date: the week (Monday to Sunday) belongs to the year of its Thursday.
 * @example isoWeekOf('2027-01-01') // '2026-W53'
 * @example isoWeekOf('2027-01-04') // '2027-W01'
 */
export function isoWeekOf(isoDate: string): string {
  const day = dayNumberOfDate(isoDate);
  const mondayBased = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const thursday = day - mondayBased + 3;
  const year = Number(civilFromDays(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumberOfDate(`${String(year).padStart(4, '0')}-01-01`)) / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/**
 * The periods of a run. Months need dates (`calendar.startDate`): without them this returns null. Undated weeks are
 * the run's days 1–7, 8–14, …
 * @example calendarPeriods({ days: 10, startWeekday: 'mon', … }, 'week').map((p) => p.key) // ['week 1', 'week 2']
 */
export function calendarPeriods(calendar: Calendar, unit: PeriodUnit): CalendarPeriod[] | null {
  const dated = calendar.startDate !== undefined;
  if (unit === 'month' && !dated) return null;
  const keyOf = (day: number): string => {
    const date = dateOfDay(calendar, day);
    if (date === null) return unit === 'day' ? `day ${day + 1}` : `week ${Math.floor(day / 7) + 1}`;
    return unit === 'day' ? date : unit === 'week' ? isoWeekOf(date) : date.slice(0, 7);
  };
  const periods: { key: string; firstDay: number; lastDay: number; openDays: number }[] = [];
  for (let day = 0; day < calendar.days; day++) {
    const key = keyOf(day);
    const last = periods[periods.length - 1];
    const open = isOpenDay(calendar, day) ? 1 : 0;
    if (last !== undefined && last.key === key) {
      last.lastDay = day;
      last.openDays += open;
    } else {
      periods.push({ key, firstDay: day, lastDay: day, openDays: open });
    }
  }
  return periods
    .filter((period) => period.openDays > 0)
    .map((period) => {
      const from = dateOfDay(calendar, period.firstDay);
      const to = dateOfDay(calendar, period.lastDay);
      return from === null || to === null ? period : { ...period, from, to };
    });
}
