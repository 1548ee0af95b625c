/**
 * The calendar section → the model's `Calendar`: the interval grid, and for dated runs the days that are open
 * (closed weekdays, holidays) and how many a year has.
 */
import { DAYS_PER_YEAR, dayNumberOfDate } from '../core/model/calendar-days.js';
import type { Calendar, Weekday } from '../core/model/contact-centre-model.js';
import { WEEKDAYS, weekdayOfDay } from '../core/model/contact-centre-model.js';
import { civilFromDays } from '../core/history/timestamps.js';
import { holidaysOf, COUNTRY_CODE_PATTERN } from './holidays.js';
import type { ScenarioSections } from './schema.js';
import { secondsOfTime } from './time-of-day.js';

/** Closed by default in a dated calendar that is not open around the clock. */
export const DEFAULT_CLOSED_WEEKDAYS: readonly Weekday[] = ['sat', 'sun'];

/**
 * The weekday of an ISO date. @example weekdayOfDate('2027-01-01') // 'fri'
 */
export function weekdayOfDate(isoDate: string): Weekday {
  // 1970-01-01 was a Thursday (index 3 of WEEKDAYS).
  return WEEKDAYS[(((dayNumberOfDate(isoDate) + 3) % 7) + 7) % 7] as Weekday;
}

/**
 * Whether an ISO date exists in the Gregorian calendar. @example isRealDate('2027-02-29') // false
 */
export function isRealDate(isoDate: string): boolean {
  return civilFromDays(dayNumberOfDate(isoDate)) === isoDate;
}

/** The run's length in days: `days`, or from startDate to endDate inclusive. @example runDays({ days: 1, startDate: '2027-01-01', endDate: '2027-12-31' }) // 365 */
export function runDays(calendar: Pick<ScenarioSections['calendar'], 'days' | 'startDate' | 'endDate'>): number {
  if (calendar.startDate !== undefined && calendar.endDate !== undefined) {
    return dayNumberOfDate(calendar.endDate) - dayNumberOfDate(calendar.startDate) + 1;
  }
  return calendar.days;
}

/** Whether opening hours are the whole day ("00:00"–"24:00"). */
export function isOpenAroundTheClock(calendar: Pick<ScenarioSections['calendar'], 'open' | 'close'>): boolean {
  return secondsOfTime(calendar.open) === 0 && secondsOfTime(calendar.close) === 86_400;
}

/**
 * The weekdays a calendar closes: `closedWeekdays` as given; by default, in a dated calendar not open around the
 * clock, Saturday and Sunday unless the day factors list them (a day factor for a weekday says the centre is open).
 * @example closedWeekdaysOf({ startDate: '2027-01-01', open: '08:00', close: '17:00' }, undefined) // ['sat', 'sun']
 */
export function closedWeekdaysOf(
  calendar: Pick<ScenarioSections['calendar'], 'closedWeekdays' | 'startDate' | 'open' | 'close'>,
  dayFactors: Partial<Record<Weekday, number | undefined>> | undefined,
): readonly Weekday[] {
  if (calendar.closedWeekdays !== undefined) return calendar.closedWeekdays;
  return calendar.startDate === undefined ? [] : usuallyClosedWeekdays(calendar, dayFactors);
}

/** Saturday and Sunday unless the day factors list them; none for a centre open around the clock. */
function usuallyClosedWeekdays(calendar: Pick<ScenarioSections['calendar'], 'open' | 'close'>, dayFactors: Partial<Record<Weekday, number | undefined>> | undefined): readonly Weekday[] {
  return isOpenAroundTheClock(calendar) ? [] : DEFAULT_CLOSED_WEEKDAYS.filter((day) => dayFactors?.[day] === undefined);
}

const holidayCache = new Map<string, Map<string, string>>();

/** Holidays by ISO date (with names) from the `holidays` entries, for the years `firstYear` … `lastYear`. */
export function holidayDates(entries: string | readonly string[] | undefined, firstYear: number, lastYear: number): Map<string, string> {
  const dates = new Map<string, string>();
  for (const entry of entries === undefined ? [] : typeof entries === 'string' ? [entries] : entries) {
    if (!COUNTRY_CODE_PATTERN.test(entry)) {
      if (!dates.has(entry)) dates.set(entry, 'holiday');
      continue;
    }
    const key = `${entry.toUpperCase()} ${firstYear} ${lastYear}`;
    let country = holidayCache.get(key);
    if (country === undefined) {
      country = holidaysOf(entry, firstYear, lastYear);
      holidayCache.set(key, country);
    }
    for (const [date, name] of country) if (!dates.has(date)) dates.set(date, name);
  }
  return dates;
}

/**
 * The validated calendar in model form. For a dated calendar (or one with closed weekdays) it marks the open days and
 * counts the open days of a year from the start date (with the same closed weekdays and holidays), the yardstick
 * of FTEs and annualised totals.
 */
export function calendarToModel(calendar: ScenarioSections['calendar'], dayFactors: Partial<Record<Weekday, number | undefined>> | undefined): Calendar {
  const openSeconds = secondsOfTime(calendar.open);
  const closeSeconds = secondsOfTime(calendar.close);
  const intervalSeconds = calendar.intervalMinutes * 60;
  const days = runDays(calendar);
  const startWeekday = calendar.startDate === undefined ? calendar.startWeekday : weekdayOfDate(calendar.startDate);
  const grid = { days, startWeekday, openSeconds, closeSeconds, intervalSeconds, intervalsPerDay: (closeSeconds - openSeconds) / intervalSeconds };
  const closed = new Set(closedWeekdaysOf(calendar, dayFactors));
  const startDate = calendar.startDate;
  if (startDate === undefined) {
    // An undated run shorter than a week stands for every day the centre opens: around the clock every day; otherwise
    // the weekdays of a dated calendar's default (Monday to Friday, and a weekend day that has a day factor).
    if (closed.size === 0 && calendar.closedWeekdays === undefined && days < 7) {
      return { ...grid, openDaysPerYear: (DAYS_PER_YEAR * (7 - usuallyClosedWeekdays(calendar, dayFactors).length)) / 7 };
    }
    if (closed.size === 0) return grid;
    const openDays = Array.from({ length: days }, (_, day) => !closed.has(weekdayOfDay(grid, day)));
    return { ...grid, openDays, openDaysPerYear: (DAYS_PER_YEAR * (7 - closed.size)) / 7 };
  }
  const first = dayNumberOfDate(startDate);
  // A year from the start date, for openDaysPerYear; the run itself may be longer or shorter.
  const yearDays = dayNumberOfDate(`${String(Number(startDate.slice(0, 4)) + 1).padStart(4, '0')}${startDate.slice(4)}`) - first || 365;
  const span = Math.max(days, yearDays);
  const firstYear = Number(startDate.slice(0, 4));
  const lastYear = Number(civilFromDays(first + span - 1).slice(0, 4));
  const holidays = holidayDates(calendar.holidays, firstYear, lastYear);
  const isOpen = (day: number): boolean => !closed.has(weekdayOfDay(grid, day)) && !holidays.has(civilFromDays(first + day));
  let openDaysPerYear = 0;
  for (let day = 0; day < yearDays; day++) if (isOpen(day)) openDaysPerYear++;
  return { ...grid, startDate, openDays: Array.from({ length: days }, (_, day) => isOpen(day)), openDaysPerYear };
}
