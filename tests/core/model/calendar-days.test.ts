import { describe, expect, it } from 'vitest';
import {
  dateOfDay,
  dayText,
  intervalLabel,
  lastOpenDay,
  nextOpenDay,
  openDayCount,
  openDaysPerYear,
  openRows,
  yearShareOfRun,
} from '../../../src/core/model/calendar-days.js';

const week = { days: 7, startWeekday: 'mon' as const, openDays: [true, true, true, true, true, false, false] };

describe('calendar days', () => {
  it('finds open days', () => {
    expect(openDayCount(week)).toBe(5);
    expect(nextOpenDay(week, 5)).toBe(-1);
    expect(nextOpenDay({ ...week, days: 8, openDays: [...week.openDays, true] }, 5)).toBe(7);
    expect(lastOpenDay(week)).toBe(4);
    expect(openRows(week, [{ day: 4 }, { day: 5 }])).toEqual([{ day: 4 }]);
  });

  it('dates days across months and leap years', () => {
    expect(dateOfDay({ startDate: '2028-02-28' }, 1)).toBe('2028-02-29');
    expect(dateOfDay({ startDate: '2027-12-31' }, 1)).toBe('2028-01-01');
    expect(dateOfDay({}, 3)).toBeNull();
    expect(dayText({ startDate: '2027-01-04' }, 2)).toBe('2027-01-06');
    expect(dayText({}, 2)).toBe('3');
    expect(intervalLabel({ startDate: '2027-01-04', openSeconds: 8 * 3600, intervalSeconds: 1800 }, 1, 2)).toEqual({ day: 2, date: '2027-01-05', start: '09:00' });
    expect(intervalLabel({ openSeconds: 0, intervalSeconds: 3600 }, 0, 23)).toEqual({ day: 1, start: '23:00' });
  });

  it('measures a run against a year by open days: a working week of an undated run is 5 of 260.9 days', () => {
    expect(openDaysPerYear({ days: 5, startWeekday: 'mon' })).toBeCloseTo((365.2425 * 5) / 7, 12);
    expect(openDaysPerYear({ days: 1, startWeekday: 'mon' })).toBeCloseTo(365.2425 / 7, 12);
    expect(openDaysPerYear({ days: 14, startWeekday: 'mon' })).toBe(365.2425);
    expect(openDaysPerYear(week)).toBeCloseTo((365.2425 * 5) / 7, 12);
    expect(yearShareOfRun({ ...week, openDaysPerYear: 250 })).toBe(5 / 250);
  });
});
