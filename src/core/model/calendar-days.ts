/**
 * Days of a run: which are open, their dates, and how a run compares with a year. A run's days are consecutive
 * calendar days from day 0; closed days (closed weekdays, holidays) stay in the timeline, so that a delay that
 * crosses a weekend takes as long as it does in life, but they have no demand, no agents and no rows in reports.
 */
import { civilFromDays, daysFromCivil } from '../history/timestamps.js';
import { formatClock } from './clock.js';
import type { Calendar } from './contact-centre-model.js';
import { weekdayOfDay } from './contact-centre-model.js';

/** The open days of a calendar: undefined when every day of the run is open. */
export interface OpenDays {
  readonly openDays?: readonly boolean[] | undefined;
}

/** Days in an average Gregorian year, for calendars without a start date. */
export const DAYS_PER_YEAR = 365.2425;

/** Whether day `day` (0-based) of the run is open. @example isOpenDay({ openDays: [true, false] }, 1) // false */
export function isOpenDay(calendar: OpenDays, day: number): boolean {
  return calendar.openDays === undefined ? true : calendar.openDays[day] === true;
}

/** The number of open days of the run. @example openDayCount({ days: 7, openDays: [true, true, true, true, true, false, false] }) // 5 */
export function openDayCount(calendar: Pick<Calendar, 'days' | 'openDays'>): number {
  if (calendar.openDays === undefined) return calendar.days;
  let count = 0;
  for (let day = 0; day < calendar.days; day++) if (calendar.openDays[day] === true) count++;
  return count;
}

/** The first open day at or after `day`, or -1 when none is left in the run. @example nextOpenDay({ days: 7, openDays: [true, true, true, true, true, false, false] }, 5) // -1 */
export function nextOpenDay(calendar: OpenDays & Pick<Calendar, 'days'>, day: number): number {
  for (let d = Math.max(0, day); d < calendar.days; d++) if (isOpenDay(calendar, d)) return d;
  return -1;
}

/** The last open day of the run (-1 when none is open). @example lastOpenDay({ days: 3 }) // 2 */
export function lastOpenDay(calendar: Pick<Calendar, 'days' | 'openDays'>): number {
  for (let d = calendar.days - 1; d >= 0; d--) if (isOpenDay(calendar, d)) return d;
  return -1;
}

/** The day number (days since 1970-01-01) of an ISO date "YYYY-MM-DD". @example dayNumberOfDate('1970-01-02') // 1 */
export function dayNumberOfDate(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return daysFromCivil(year, month, day);
}

/** The last date asked for (reports ask for the same day once per interval, a year's plan some 30,000 times). */
let lastDate: { readonly startDate: string; readonly day: number; readonly date: string } | null = null;

/** The ISO date of day `day` (0-based) of the run, or null for undated days. @example dateOfDay({ startDate: '2027-01-01' }, 31) // '2027-02-01' */
export function dateOfDay(calendar: Pick<Calendar, 'startDate'>, day: number): string | null {
  const startDate = calendar.startDate;
  if (startDate === undefined) return null;
  if (lastDate === null || lastDate.startDate !== startDate || lastDate.day !== day) {
    lastDate = { startDate, day, date: civilFromDays(dayNumberOfDate(startDate) + day) };
  }
  return lastDate.date;
}

/**
 * A label for day `day` (0-based): its date where the calendar has one, else "day N" and its weekday.
 * @example dayLabel({ startWeekday: 'mon' }, 0) // 'day 1 (mon)'
 * @example dayLabel({ startWeekday: 'fri', startDate: '2027-01-01' }, 0) // '2027-01-01 (fri)'
 */
export function dayLabel(calendar: Pick<Calendar, 'startDate' | 'startWeekday'>, day: number): string {
  const date = dateOfDay(calendar, day);
  return `${date ?? `day ${day + 1}`} (${weekdayOfDay(calendar, day)})`;
}

/**
 * Open days in a year of this calendar (see `Calendar.openDaysPerYear`; an undated run shorter than a week gets it from
 * its opening hours, see calendarToModel). Undated days without that figure: an average year × the share of the week's
 * days that the run has open (the weekdays of its open days), so that a Monday-to-Friday week stands for 260.9 days.
 * @example openDaysPerYear({ days: 5, startWeekday: 'mon' }) // 260.8875
 */
export function openDaysPerYear(calendar: Pick<Calendar, 'days' | 'openDays' | 'openDaysPerYear' | 'startWeekday'>): number {
  if (calendar.openDaysPerYear !== undefined) return calendar.openDaysPerYear;
  const openWeekdays = new Set<string>();
  for (let day = 0; day < calendar.days && openWeekdays.size < 7; day++) if (isOpenDay(calendar, day)) openWeekdays.add(weekdayOfDay(calendar, day));
  return (DAYS_PER_YEAR * openWeekdays.size) / 7;
}

/**
 * The run's share of a year, by open days: open days of the run / open days in a year. FTEs are paid hours over
 * (hours per FTE-year × this share); annualised totals are totals / this share.
 * @example yearShareOfRun({ days: 5, startWeekday: 'mon', openDaysPerYear: 250 }) // 0.02
 */
export function yearShareOfRun(calendar: Pick<Calendar, 'days' | 'openDays' | 'openDaysPerYear' | 'startWeekday'>): number {
  return openDayCount(calendar) / openDaysPerYear(calendar);
}

/** The day column of a text table: the date where the calendar has dates, else the day number (1-based). @example dayText({}, 0) // '1' */
export function dayText(calendar: Pick<Calendar, 'startDate'>, day: number): string {
  return dateOfDay(calendar, day) ?? String(day + 1);
}

/** Where an interval row sits: its day (1-based), its start "HH:MM", and its date when the calendar has dates. */
export interface IntervalLabel {
  readonly day: number;
  readonly start: string;
  readonly date?: string;
}

/**
 * The label of interval `interval` of day `day` (both 0-based) in reports and exports.
 * @example intervalLabel({ startDate: '2027-01-04', openSeconds: 28800, intervalSeconds: 1800 }, 1, 2) // { day: 2, date: '2027-01-05', start: '09:00' }
 */
export function intervalLabel(calendar: Pick<Calendar, 'startDate' | 'openSeconds' | 'intervalSeconds'>, day: number, interval: number): IntervalLabel {
  const date = dateOfDay(calendar, day);
  const start = formatClock(calendar.openSeconds + interval * calendar.intervalSeconds);
  return date === null ? { day: day + 1, start } : { day: day + 1, date, start };
}

/** The rows of open days (closed days have no rows in reports). @example openRows({ openDays: [true, false] }, [{ day: 0 }, { day: 1 }]) // [{ day: 0 }] */
export function openRows<Row extends { readonly day: number }>(calendar: Pick<Calendar, 'openDays'>, rows: readonly Row[]): Row[] {
  return calendar.openDays === undefined ? [...rows] : rows.filter((row) => isOpenDay(calendar, row.day));
}
