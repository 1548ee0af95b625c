import { describe, expect, it } from 'vitest';
import { isOpenDay, openDayCount, yearShareOfRun } from '../../src/core/model/calendar-days.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { issuesOf, scenarioText } from './helpers.js';

const modelOf = (calendar: string, extra: Record<string, string> = {}) =>
  parseScenarioText(scenarioText({ calendar, ...extra }), { file: 'test.yaml' }).variants[0]!.model;

describe('calendar dates', () => {
  it('takes the weekday of day 1 from startDate and the length of the run from endDate', () => {
    const model = modelOf('calendar:\n  startDate: "2027-01-01"\n  endDate: "2027-12-31"\n  open: "08:00"\n  close: "16:00"');
    expect(model.calendar.startWeekday).toBe('fri');
    expect(model.calendar.days).toBe(365);
    expect(model.calendar.startDate).toBe('2027-01-01');
  });

  it('closes Saturdays and Sundays by default in a dated calendar, and the public and bank holidays of a country', () => {
    const model = modelOf('calendar:\n  startDate: "2027-01-01"\n  endDate: "2027-12-31"\n  holidays: SE\n  open: "08:00"\n  close: "16:00"');
    // 2027: 261 weekdays, of which 8 are Swedish public or bank holidays (nyårsdagen, trettondedag jul, långfredagen,
    // annandag påsk, Kristi himmelsfärd, midsommarafton, julafton, nyårsafton).
    expect(openDayCount(model.calendar)).toBe(253);
    expect(model.calendar.openDaysPerYear).toBe(253);
    expect(yearShareOfRun(model.calendar)).toBe(1);
    const dayOf = (date: string) => (Date.parse(date) - Date.parse('2027-01-01')) / 86_400_000;
    expect(isOpenDay(model.calendar, dayOf('2027-06-25'))).toBe(false); // midsommarafton (a bank holiday)
    expect(isOpenDay(model.calendar, dayOf('2027-06-24'))).toBe(true);
    expect(isOpenDay(model.calendar, dayOf('2027-01-02'))).toBe(false); // a Saturday
    // No demand on a closed day.
    expect(model.demand.casesPerInterval[dayOf('2027-06-25')]!.every((cases) => cases === 0)).toBe(true);
  });

  it('keeps weekends open when the day factors list them, or when the centre is open around the clock', () => {
    const listed = modelOf('calendar:\n  startDate: "2027-01-04"\n  days: 7\n  open: "08:00"\n  close: "16:00"', {
      demand: 'demand:\n  casesPerHour: 100\n  dayFactors: { mon: 1, tue: 1, wed: 1, thu: 1, fri: 1, sat: 0.5 }',
    });
    expect(listed.calendar.openDays).toEqual([true, true, true, true, true, true, false]);
    const allDay = modelOf('calendar:\n  startDate: "2027-01-04"\n  days: 7\n  open: "00:00"\n  close: "24:00"');
    expect(openDayCount(allDay.calendar)).toBe(7);
  });

  it('accepts explicit dates and closed weekdays, also without a start date', () => {
    const dated = modelOf('calendar:\n  startDate: "2027-01-04"\n  days: 5\n  holidays: ["2027-01-06", SE]\n  closedWeekdays: []\n  open: "08:00"\n  close: "16:00"');
    expect(dated.calendar.openDays).toEqual([true, true, false, true, true]);
    const undated = modelOf('calendar:\n  days: 7\n  closedWeekdays: [sun]\n  open: "08:00"\n  close: "16:00"');
    expect(undated.calendar.openDays).toEqual([true, true, true, true, true, true, false]);
    expect(undated.calendar.openDaysPerYear).toBeCloseTo((365.2425 * 6) / 7, 9);
  });

  it('scales demand by month factors, normalised to mean 1 over the listed months', () => {
    const model = modelOf('calendar:\n  startDate: "2027-01-29"\n  days: 7\n  open: "08:00"\n  close: "09:00"\n  intervalMinutes: 60', {
      demand: 'demand:\n  casesPerDay: 100\n  monthFactors: { jan: 3, feb: 1 }',
    });
    // Fri 29 Jan (×1.5), Sat 30, Sun 31 closed, Mon 1 Feb … Thu 4 Feb (×0.5).
    expect(model.demand.casesPerInterval.map((day) => day[0])).toEqual([150, 0, 0, 50, 50, 50, 50]);
  });

  it('leaves an undated run without closed days as it was', () => {
    const model = modelOf('calendar:\n  days: 3\n  open: "08:00"\n  close: "16:00"');
    expect(model.calendar.openDays).toBeUndefined();
    expect(model.calendar.startDate).toBeUndefined();
  });

  it('takes an undated run shorter than a week for every day the centre opens in a year (for FTEs and annualised totals)', () => {
    // Open around the clock: every day of the year, not one weekday in seven.
    const allDay = modelOf('calendar:\n  days: 1\n  open: "00:00"\n  close: "24:00"');
    expect(allDay.calendar.openDaysPerYear).toBeCloseTo(365.2425, 9);
    // Office hours: Monday to Friday, and Saturday too when the day factors list it.
    expect(modelOf('calendar:\n  days: 1\n  open: "08:00"\n  close: "16:00"').calendar.openDaysPerYear).toBeCloseTo((365.2425 * 5) / 7, 9);
    const saturdays = modelOf('calendar:\n  days: 2\n  open: "08:00"\n  close: "16:00"', {
      demand: 'demand:\n  casesPerHour: 100\n  dayFactors: { mon: 1, tue: 1, wed: 1, thu: 1, fri: 1, sat: 0.5 }',
    });
    expect(saturdays.calendar.openDaysPerYear).toBeCloseTo((365.2425 * 6) / 7, 9);
  });
});

describe('calendar problems', () => {
  const problems = (calendar: string, extra: Record<string, string> = {}) =>
    issuesOf(scenarioText({ calendar, ...extra })).map((issue) => `${issue.path}: ${issue.message}`);

  it.each([
    ['startDate: "2027-02-30"', /calendar\.startDate: expected a date that exists \(got "2027-02-30"\)/],
    ['startDate: "1 Jan 2027"', /calendar\.startDate: expected a date "YYYY-MM-DD"/],
    ['endDate: "2027-12-31"', /calendar\.endDate: expected calendar\.startDate with endDate/],
    ['startDate: "2027-01-01"\n  endDate: "2026-12-31"', /calendar\.endDate: expected a date on or after startDate "2027-01-01"/],
    ['startDate: "2027-01-01"\n  endDate: "2037-12-31"', /calendar\.endDate: expected at most 3,660 days from startDate \(got 4,018\)/],
    ['startDate: "2027-01-01"\n  endDate: "2027-01-31"\n  days: 31', /calendar\.days: expected days or endDate, not both/],
    ['startDate: "2027-01-01"\n  startWeekday: mon', /calendar\.startWeekday: expected "fri": startDate 2027-01-01 is a fri \(got "mon"\)/],
    ['holidays: SE', /calendar\.holidays: expected calendar\.startDate with holidays/],
    ['startDate: "2027-01-01"\n  holidays: XX', /calendar\.holidays: unknown country code "XX"/],
    ['startDate: "2027-01-01"\n  holidays: [SE, "2027-13-01"]', /calendar\.holidays\[1\]: expected a date that exists \(got "2027-13-01"\)/],
    ['startDate: "2027-01-01"\n  holidays: DE-XX', /calendar\.holidays: unknown region "XX" of DE \(known: .*BY/],
    ['startDate: "2027-01-02"\n  days: 2', /calendar: expected at least one open day: every one of the 2 days of the run is a closed weekday or a holiday/],
    ['closedWeekdays: [mon, funday]', /calendar\.closedWeekdays\[1\]: expected a weekday/],
  ])('%s', (lines, message) => {
    expect(problems(`calendar:\n  open: "08:00"\n  close: "16:00"\n  ${lines}`).join('\n')).toMatch(message);
  });

  it('asks for a month factor for every month the run covers, and a start date for month factors', () => {
    expect(
      problems('calendar:\n  startDate: "2027-01-25"\n  days: 14\n  open: "08:00"\n  close: "16:00"', { demand: 'demand:\n  casesPerHour: 10\n  monthFactors: { jan: 1 }' }).join('\n'),
    ).toMatch(/demand\.monthFactors: expected a factor for every month the run covers; missing feb/);
    expect(problems('calendar:\n  open: "08:00"\n  close: "16:00"', { demand: 'demand:\n  casesPerHour: 10\n  monthFactors: { jan: 1 }' }).join('\n')).toMatch(
      /demand\.monthFactors: expected calendar\.startDate with monthFactors/,
    );
  });

  it('asks for day factors only for the open weekdays', () => {
    const calendar = 'calendar:\n  startDate: "2027-01-04"\n  days: 7\n  open: "08:00"\n  close: "16:00"';
    expect(() => modelOf(calendar, { demand: 'demand:\n  casesPerHour: 10\n  dayFactors: { mon: 1, tue: 1, wed: 1, thu: 1, fri: 1 }' })).not.toThrow();
    expect(problems(calendar, { demand: 'demand:\n  casesPerHour: 10\n  dayFactors: { mon: 1, tue: 1, wed: 1, thu: 1 }' }).join('\n')).toMatch(
      /demand\.dayFactors: expected a factor for every open weekday of the run \(7 days from mon, closed sat, sun\); missing fri/,
    );
  });
});
