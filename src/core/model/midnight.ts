/**
 * Shifts across midnight (night shifts of a 24/7 centre). A shift belongs to the day it starts; its end may lie on the
 * next day, written in the model as seconds past that day's midnight (a shift 22:00–06:00 is 79 200 … 108 000). The
 * part after midnight counts on the next day.
 */
import type { Calendar } from './contact-centre-model.js';
import { isOpenDay } from './calendar-days.js';

/** Seconds in a day. */
export const SECONDS_PER_DAY = 86_400;

/**
 * Whether the centre is open around the clock every day of the run (open "00:00", close "24:00", no closed weekday
 * or holiday in it): the only calendar in which a shift may cross midnight.
 * @example isOpenAroundTheClockEveryDay({ days: 7, openSeconds: 0, closeSeconds: 86_400 }) // true
 */
export function isOpenAroundTheClockEveryDay(calendar: Pick<Calendar, 'days' | 'openSeconds' | 'closeSeconds' | 'openDays'>): boolean {
  if (calendar.openSeconds !== 0 || calendar.closeSeconds !== SECONDS_PER_DAY) return false;
  for (let day = 0; day < calendar.days; day++) if (!isOpenDay(calendar, day)) return false;
  return true;
}

/**
 * A time in the model's timeline of a shift (seconds from the midnight of the day it starts, possibly past the next
 * midnight) as a time of day: 108 000 (06:00 the next day) is 21 600; 86 400 stays 86 400 ("24:00").
 * @example timeOfDaySeconds(108_000) // 21_600
 */
export function timeOfDaySeconds(seconds: number): number {
  return seconds > SECONDS_PER_DAY ? seconds - SECONDS_PER_DAY : seconds;
}
