/**
 * Cross-field rules: checks that involve more than one field, as small named functions that push issues.
 *
 * A rule reads the (merged, raw) document through the field schemas of `schema.ts` (`ctx.read`), so it sees
 * defaults and skips what is malformed — the schema already reports that, and every rule still runs, so all
 * problems come out at once without one error cascading into many.
 */
import type * as z from 'zod';
import { GROUP_METRIC_NAMES, NETWORK_METRIC_NAMES, isGroupMetricName, isMetricName, parseGroupMetricKey } from '../core/metrics.js';
import { MONTHS, WEEKDAYS, weekdayOfDay, type Calendar, type Month, type Weekday } from '../core/model/contact-centre-model.js';
import { dateOfDay, dayNumberOfDate, isOpenDay } from '../core/model/calendar-days.js';
import { isOpenAroundTheClockEveryDay, SECONDS_PER_DAY, timeOfDaySeconds } from '../core/model/midnight.js';
import { calendarToModel, closedWeekdaysOf, isRealDate, weekdayOfDate } from './calendar-to-model.js';
import { countryCodeProblem } from './holidays.js';
import { fromZodIssues, getAt, isPlainObject, suggestion, type Path, type ScenarioIssue } from './issues.js';
import { meanOf } from '../core/queueing/delay-kernel.js';
import { distributionToModel } from './to-model.js';
import {
  BreakSchema,
  CallbackReachSchema,
  CalendarSchema,
  ChannelSchema,
  DISTRIBUTION_KINDS,
  DistributionSchema,
  GroupHandlingSchema,
  LIMITS,
  limitText,
  OutcomesSchema,
  RedialSchema,
  DayFactorsSchema,
  DEMAND_FORMS,
  ISO_DATE_PATTERN,
  distributionPathsIn,
  DemandSchema,
  ExpectBoundSchema,
  ShiftSchema,
  ShiftTemplateSchema,
  SimulationSchema,
  STAFFING_FORMS,
  TARGET_BOUNDS,
  TargetSchema,
  UniformSchema,
} from './schema.js';
import { secondsOfTime, timeOfSeconds } from './time-of-day.js';

export interface RuleContext {
  /** The raw value at a path (`undefined` when absent). */
  raw(path: Path): unknown;
  /** The value at a path parsed by its field schema (defaults applied), or `undefined` when it is invalid. */
  read<S extends z.ZodType>(schema: S, path: Path): z.output<S> | undefined;
  /** `at: 'key'` points at the key rather than its value (an unknown name). */
  report(path: Path, code: string, message: string, at?: 'key'): void;
}

export type Rule = (ctx: RuleContext) => void;

/**
 * A context over a plain document that collects the issues rules report.
 * @example const { ctx, issues } = ruleContext(document); closeAfterOpen(ctx); issues // [] when close is after open
 */
export function ruleContext(document: unknown): { ctx: RuleContext; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const ctx: RuleContext = {
    raw: (path) => getAt(document, path),
    read: (schema, path) => {
      const result = schema.safeParse(getAt(document, path));
      return result.success ? result.data : undefined;
    },
    report: (path, code, message, at) => issues.push({ path, code, message, ...(at === undefined ? {} : { at }) }),
  };
  return { ctx, issues };
}

// ---------------------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------------------

interface Grid {
  readonly openSeconds: number;
  readonly closeSeconds: number;
  readonly intervalMinutes: number;
  readonly intervalsPerDay: number;
}

function openingHours(ctx: RuleContext): { open: string; close: string } | undefined {
  const open = ctx.read(CalendarSchema.shape.open, ['calendar', 'open']);
  const close = ctx.read(CalendarSchema.shape.close, ['calendar', 'close']);
  return open === undefined || close === undefined ? undefined : { open, close };
}

/** The interval grid, when the calendar is valid. */
function grid(ctx: RuleContext): Grid | undefined {
  const hours = openingHours(ctx);
  const intervalMinutes = ctx.read(CalendarSchema.shape.intervalMinutes, ['calendar', 'intervalMinutes']);
  if (hours === undefined || intervalMinutes === undefined) return undefined;
  const openSeconds = secondsOfTime(hours.open);
  const closeSeconds = secondsOfTime(hours.close);
  const minutes = (closeSeconds - openSeconds) / 60;
  if (minutes <= 0 || minutes % intervalMinutes !== 0) return undefined;
  return { openSeconds, closeSeconds, intervalMinutes, intervalsPerDay: minutes / intervalMinutes };
}

function describeGrid(g: Grid): string {
  return `one per ${g.intervalMinutes}-minute interval from ${timeOfSeconds(g.openSeconds)} to ${timeOfSeconds(g.closeSeconds)}`;
}

/** A calendar date key's value when it is a date that exists ("2027-02-30" does not). */
function realDate(ctx: RuleContext, key: 'startDate' | 'endDate'): string | undefined {
  const value = ctx.read(CalendarSchema.shape[key], ['calendar', key]);
  return value !== undefined && isRealDate(value) ? value : undefined;
}

/** The run's length in days: `days`, or from startDate to endDate; undefined when they are invalid. */
function runDaysOf(ctx: RuleContext): number | undefined {
  const start = realDate(ctx, 'startDate');
  const end = realDate(ctx, 'endDate');
  if (ctx.raw(['calendar', 'endDate']) !== undefined) {
    if (start === undefined || end === undefined) return undefined;
    const days = dayNumberOfDate(end) - dayNumberOfDate(start) + 1;
    return days >= 1 && days <= LIMITS.days ? days : undefined;
  }
  return ctx.read(CalendarSchema.shape.days, ['calendar', 'days']);
}

/** startDate and endDate exist, in order, within the limit of days; endDate replaces days; startWeekday agrees. */
export const calendarDates: Rule = (ctx) => {
  for (const key of ['startDate', 'endDate'] as const) {
    const value = ctx.read(CalendarSchema.shape[key], ['calendar', key]);
    if (value !== undefined && !isRealDate(value)) ctx.report(['calendar', key], 'no_such_date', `expected a date that exists (got "${value}")`);
  }
  const start = realDate(ctx, 'startDate');
  const end = realDate(ctx, 'endDate');
  if (ctx.raw(['calendar', 'endDate']) !== undefined) {
    if (ctx.raw(['calendar', 'startDate']) === undefined) {
      ctx.report(['calendar', 'endDate'], 'end_without_start', 'expected calendar.startDate with endDate (the run is startDate … endDate)');
    }
    if (ctx.raw(['calendar', 'days']) !== undefined) {
      ctx.report(['calendar', 'days'], 'days_and_end_date', 'expected days or endDate, not both (endDate sets the number of days)', 'key');
    }
    if (start !== undefined && end !== undefined) {
      const days = dayNumberOfDate(end) - dayNumberOfDate(start) + 1;
      if (days < 1) ctx.report(['calendar', 'endDate'], 'end_before_start', `expected a date on or after startDate "${start}" (got "${end}")`);
      else if (days > LIMITS.days) {
        ctx.report(['calendar', 'endDate'], 'too_many_days', `expected at most ${limitText(LIMITS.days)} days from startDate (got ${limitText(days)})`);
      }
    }
  }
  const weekday = ctx.raw(['calendar', 'startWeekday']);
  if (start !== undefined && typeof weekday === 'string' && weekday !== weekdayOfDate(start)) {
    ctx.report(
      ['calendar', 'startWeekday'],
      'weekday_not_date',
      `expected "${weekdayOfDate(start)}": startDate ${start} is a ${weekdayOfDate(start)} (got "${weekday}"); remove startWeekday, the date sets it`,
    );
  }
};

/** Holidays are dates that exist or country codes date-holidays knows, and need a start date. */
export const holidaysKnown: Rule = (ctx) => {
  const holidays = ctx.raw(['calendar', 'holidays']);
  if (holidays === undefined) return;
  if (ctx.raw(['calendar', 'startDate']) === undefined) {
    ctx.report(['calendar', 'holidays'], 'holidays_need_start_date', 'expected calendar.startDate with holidays (they are dates of a calendar year)');
  }
  const entries: [Path, unknown][] =
    typeof holidays === 'string' ? [[['calendar', 'holidays'], holidays]] : Array.isArray(holidays) ? holidays.map((entry, index): [Path, unknown] => [['calendar', 'holidays', index], entry]) : [];
  for (const [path, entry] of entries) {
    if (typeof entry !== 'string') continue; // the schema reports it
    if (ISO_DATE_PATTERN.test(entry)) {
      if (!isRealDate(entry)) ctx.report(path, 'no_such_date', `expected a date that exists (got "${entry}")`);
      continue;
    }
    const problem = countryCodeProblem(entry);
    if (problem !== null) ctx.report(path, 'unknown_country', problem);
  }
};

/** The calendar in model form when every part of it is valid (for rules about its days). */
function validCalendar(ctx: RuleContext): Calendar | undefined {
  const calendar = ctx.read(CalendarSchema, ['calendar']);
  if (calendar === undefined || grid(ctx) === undefined || runDaysOf(ctx) === undefined) return undefined;
  if (calendar.startDate !== undefined && !isRealDate(calendar.startDate)) return undefined;
  const holidays = calendar.holidays === undefined ? [] : typeof calendar.holidays === 'string' ? [calendar.holidays] : calendar.holidays;
  if (holidays.some((entry) => (ISO_DATE_PATTERN.test(entry) ? !isRealDate(entry) : countryCodeProblem(entry) !== null))) return undefined;
  if (holidays.length > 0 && calendar.startDate === undefined) return undefined;
  const dayFactors = ctx.read(DayFactorsSchema, ['demand', 'dayFactors']);
  return calendarToModel(calendar, dayFactors);
}

/** A run has at least one open day. */
export const someDayOpen: Rule = (ctx) => {
  const calendar = validCalendar(ctx);
  if (calendar === undefined || calendar.openDays === undefined || calendar.openDays.some(Boolean)) return;
  ctx.report(
    ['calendar'],
    'all_closed',
    `expected at least one open day: every one of the ${calendar.days} day${calendar.days === 1 ? '' : 's'} of the run is a closed weekday or a holiday`,
  );
};

/** Month factors need dated days, cover every month the run has open days in, and are not all zero. */
export const monthFactorsCoverSimulatedMonths: Rule = (ctx) => {
  const calendar = validCalendar(ctx);
  for (const at of demandLocations(ctx)) {
    const factors = ctx.read(DemandSchema.shape.monthFactors, [...at, 'monthFactors']);
    if (factors === undefined) continue;
    if (ctx.raw(['calendar', 'startDate']) === undefined) {
      ctx.report([...at, 'monthFactors'], 'months_need_start_date', 'expected calendar.startDate with monthFactors (months are parts of dated days)');
      continue;
    }
    const values = Object.values(factors).filter((value): value is number => value !== undefined);
    if (values.length > 0 && values.every((value) => value === 0)) {
      ctx.report([...at, 'monthFactors'], 'all_zero', 'expected at least one month factor > 0 (got all 0)');
    }
    if (calendar === undefined) continue;
    const covered = new Set<Month>();
    for (let day = 0; day < calendar.days; day++) {
      const date = dateOfDay(calendar, day);
      if (date !== null && isOpenDay(calendar, day)) covered.add(MONTHS[Number(date.slice(5, 7)) - 1] as Month);
    }
    const missing = MONTHS.filter((month) => covered.has(month) && factors[month] === undefined);
    if (missing.length > 0) {
      ctx.report([...at, 'monthFactors'], 'missing_month', `expected a factor for every month the run covers; missing ${missing.join(', ')}`);
    }
  }
};

export const closeAfterOpen: Rule = (ctx) => {
  const hours = openingHours(ctx);
  if (hours !== undefined && secondsOfTime(hours.close) <= secondsOfTime(hours.open)) {
    ctx.report(['calendar', 'close'], 'close_before_open', `expected a time after open "${hours.open}" (got "${hours.close}")`);
  }
};

export const intervalDividesOpeningTime: Rule = (ctx) => {
  const hours = openingHours(ctx);
  const intervalMinutes = ctx.read(CalendarSchema.shape.intervalMinutes, ['calendar', 'intervalMinutes']);
  if (hours === undefined || intervalMinutes === undefined) return;
  const minutes = (secondsOfTime(hours.close) - secondsOfTime(hours.open)) / 60;
  if (minutes <= 0 || minutes % intervalMinutes === 0) return;
  const examples = [60, 30, 15, 10, 5].filter((m) => minutes % m === 0).slice(0, 2);
  const hint = examples.length > 0 ? `, e.g. ${examples.join(' or ')}` : '';
  ctx.report(
    ['calendar', 'intervalMinutes'],
    'interval_not_dividing',
    `expected a number of minutes that divides the opening time of ${minutes} minutes (${hours.open}–${hours.close})${hint} (got ${intervalMinutes})`,
  );
};

export const warmupShorterThanRun: Rule = (ctx) => {
  const hours = openingHours(ctx);
  const days = runDaysOf(ctx);
  const warmupHours = ctx.read(SimulationSchema.shape.warmupHours, ['simulation', 'warmupHours']);
  if (hours === undefined || days === undefined || warmupHours === undefined) return;
  const openSeconds = secondsOfTime(hours.open);
  const closeSeconds = secondsOfTime(hours.close);
  if (closeSeconds <= openSeconds) return;
  const runHours = ((days - 1) * 86_400 + closeSeconds - openSeconds) / 3600;
  if (warmupHours >= runHours) {
    ctx.report(
      ['simulation', 'warmupHours'],
      'warmup_too_long',
      `expected a warm-up shorter than the run of ${runHours} hours (first opening to last close) (got ${warmupHours})`,
    );
  }
};

/**
 * A run the machine can honour: at most LIMITS.intervals intervals (days × intervals per day; every interval keeps
 * its own statistics) and at most LIMITS.casesPerRun expected new cases per replication (phone and channels).
 */
export const runWithinLimits: Rule = (ctx) => {
  const g = grid(ctx);
  const days = runDaysOf(ctx);
  if (g === undefined || days === undefined) return;
  const intervals = days * g.intervalsPerDay;
  if (intervals > LIMITS.intervals) {
    ctx.report(
      ['calendar', 'days'],
      'too_many_intervals',
      `expected at most ${LIMITS.intervals.toLocaleString('en-US')} intervals in a run (days × intervals per day; got ${days} × ${g.intervalsPerDay} = ${intervals.toLocaleString('en-US')}): ` +
        'use fewer days or longer intervals',
    );
  }
  let casesPerDay = 0;
  for (const at of demandLocations(ctx)) {
    const perDay = ctx.read(DemandSchema.shape.casesPerDay, [...at, 'casesPerDay']);
    const perHour = ctx.read(DemandSchema.shape.casesPerHour, [...at, 'casesPerHour']);
    const perInterval = ctx.read(DemandSchema.shape.casesPerInterval, [...at, 'casesPerInterval']);
    casesPerDay += perDay ?? (perHour !== undefined ? (perHour * g.intervalsPerDay * g.intervalMinutes) / 60 : (perInterval ?? []).reduce((sum, n) => sum + n, 0));
  }
  if (casesPerDay * days > LIMITS.casesPerRun) {
    ctx.report(
      ['demand'],
      'too_many_cases',
      `expected at most ${LIMITS.casesPerRun.toLocaleString('en-US')} new cases in a run (got about ${Math.round(casesPerDay * days).toLocaleString('en-US')} ` +
        `over ${days} day${days === 1 ? '' : 's'}): a replication must end in minutes; simulate fewer days`,
    );
  }
};

// ---------------------------------------------------------------------------------------------------------
// Demand
// ---------------------------------------------------------------------------------------------------------

/** Exactly one of the keys in `forms` under the mapping at `at`. */
function exactlyOneForm(ctx: RuleContext, at: Path, forms: readonly string[], what: string): void {
  const section = ctx.raw(at);
  if (!isPlainObject(section)) return;
  const present = forms.filter((form) => section[form] !== undefined);
  if (present.length === 0) {
    ctx.report(at, 'missing_form', `expected one ${what}: ${forms.join(', ')}`);
  } else if (present.length > 1) {
    for (const extra of present.slice(1)) {
      ctx.report([...at, extra], 'conflicting_forms', `expected exactly one ${what} (got ${present.join(' and ')}); remove all but one`);
    }
  }
}

/**
 * Where demand is described: the phone demand, and each channel (same keys). Rules over demand run at each.
 * @example demandLocations(ctx) // [['demand'], ['channels', 'email']]
 */
function demandLocations(ctx: RuleContext): Path[] {
  const channels = ctx.raw(['channels']);
  return [['demand'], ...(isPlainObject(channels) ? Object.keys(channels).map((name): Path => ['channels', name]) : [])];
}

export const oneDemandForm: Rule = (ctx) => {
  for (const at of demandLocations(ctx)) exactlyOneForm(ctx, at, DEMAND_FORMS, 'demand form');
};

export const profileOnlyWithCasesPerDay: Rule = (ctx) => {
  for (const at of demandLocations(ctx)) {
    const demand = ctx.raw(at);
    if (!isPlainObject(demand) || demand['intradayProfile'] === undefined || demand['casesPerDay'] !== undefined) continue;
    const other = DEMAND_FORMS.find((form) => demand[form] !== undefined);
    if (other === undefined) continue; // missing_form says it
    ctx.report(
      [...at, 'intradayProfile'],
      'profile_without_cases_per_day',
      `intradayProfile spreads casesPerDay over the day; it does not apply to ${other} (remove it, or give casesPerDay)`,
    );
  }
};

/** A per-interval list must have one entry per interval (checked on the raw list: bad entries are reported apart). */
function checkPerIntervalLength(ctx: RuleContext, path: Path, what: string): void {
  const g = grid(ctx);
  const list = ctx.raw(path);
  if (g === undefined || !Array.isArray(list) || list.length === g.intervalsPerDay) return;
  ctx.report(path, 'length_mismatch', `expected ${g.intervalsPerDay} ${what}, ${describeGrid(g)} (got ${list.length})`);
}

export const profileMatchesIntervals: Rule = (ctx) => {
  for (const at of demandLocations(ctx)) checkPerIntervalLength(ctx, [...at, 'intradayProfile'], 'weights');
};

export const casesPerIntervalMatchesIntervals: Rule = (ctx) => {
  for (const at of demandLocations(ctx)) checkPerIntervalLength(ctx, [...at, 'casesPerInterval'], 'numbers of cases');
};

export const profileNotAllZero: Rule = (ctx) => {
  for (const at of demandLocations(ctx)) {
    const profile = ctx.read(DemandSchema.shape.intradayProfile, [...at, 'intradayProfile']);
    if (profile !== undefined && profile.length > 0 && profile.every((weight) => weight === 0)) {
      ctx.report([...at, 'intradayProfile'], 'all_zero', 'expected at least one weight > 0 (got all 0)');
    }
  }
};

/**
 * The distinct weekdays a run of `days` days from `startWeekday` covers, in calendar order.
 * @example simulatedWeekdays(3, 'sat') // ['mon', 'sat', 'sun']
 */
export function simulatedWeekdays(days: number, startWeekday: Weekday): Weekday[] {
  const seen = new Set<Weekday>();
  for (let day = 0; day < Math.min(days, 7); day++) seen.add(weekdayOfDay({ startWeekday }, day));
  return WEEKDAYS.filter((day) => seen.has(day));
}

export const dayFactorsCoverSimulatedWeekdays: Rule = (ctx) => {
  const days = runDaysOf(ctx);
  const start = realDate(ctx, 'startDate');
  const startWeekday = start !== undefined ? weekdayOfDate(start) : ctx.read(CalendarSchema.shape.startWeekday, ['calendar', 'startWeekday']);
  const calendar = ctx.read(CalendarSchema, ['calendar']);
  if (days === undefined || startWeekday === undefined || calendar === undefined) return;
  // The centre's closed weekdays follow from the phone demand's factors (a listed weekday is open).
  const closed = closedWeekdaysOf(calendar, ctx.read(DayFactorsSchema, ['demand', 'dayFactors']));
  for (const at of demandLocations(ctx)) {
    const factors = ctx.read(DayFactorsSchema, [...at, 'dayFactors']);
    if (factors === undefined) continue;
    const missing = simulatedWeekdays(days, startWeekday).filter((day) => !closed.includes(day) && factors[day] === undefined);
    if (missing.length > 0) {
      ctx.report(
        [...at, 'dayFactors'],
        'missing_weekday',
        `expected a factor for every open weekday of the run (${days} day${days === 1 ? '' : 's'} from ${startWeekday}${closed.length > 0 ? `, closed ${closed.join(', ')}` : ''}); missing ${missing.join(', ')}`,
      );
    }
  }
};

export const dayFactorsNotAllZero: Rule = (ctx) => {
  for (const at of demandLocations(ctx)) {
    const factors = ctx.read(DayFactorsSchema, [...at, 'dayFactors']);
    if (factors === undefined) continue;
    const values = Object.values(factors).filter((value): value is number => value !== undefined);
    if (values.length > 0 && values.every((value) => value === 0)) {
      ctx.report([...at, 'dayFactors'], 'all_zero', 'expected at least one day factor > 0 (got all 0)');
    }
  }
};

// ---------------------------------------------------------------------------------------------------------
// Staffing
// ---------------------------------------------------------------------------------------------------------

/**
 * Where staffing is described: the top-level `staffing`, or each group's (SPEC §7). Rules over staffing run at each.
 * @example staffingLocations(ctx) // [['groups', 'switchboard', 'staffing'], ['groups', 'case-officers', 'staffing']]
 */
function staffingLocations(ctx: RuleContext): Path[] {
  const groups = ctx.raw(['groups']);
  if (isPlainObject(groups)) return Object.keys(groups).map((name): Path => ['groups', name, 'staffing']);
  return [['staffing']];
}

export const oneStaffingForm: Rule = (ctx) => {
  for (const at of staffingLocations(ctx)) exactlyOneForm(ctx, at, STAFFING_FORMS, 'staffing form');
};

export const agentsPerIntervalMatchesIntervals: Rule = (ctx) => {
  for (const at of staffingLocations(ctx)) checkPerIntervalLength(ctx, [...at, 'agentsPerInterval'], 'agent counts');
};

function rawShifts(ctx: RuleContext, at: Path): readonly unknown[] {
  const shifts = ctx.raw([...at, 'shifts']);
  return Array.isArray(shifts) ? shifts : [];
}

function shiftHours(ctx: RuleContext, at: Path, index: number): { start: number; end: number } | undefined {
  const start = ctx.read(ShiftSchema.shape.start, [...at, 'shifts', index, 'start']);
  const end = ctx.read(ShiftSchema.shape.end, [...at, 'shifts', index, 'end']);
  return start === undefined || end === undefined ? undefined : { start: secondsOfTime(start), end: secondsOfTime(end) };
}

/**
 * Why the calendar lets no shift cross midnight, or null when it does (open around the clock every day of the run).
 * Undefined when the calendar itself is invalid (reported elsewhere).
 */
function noNightShiftsBecause(ctx: RuleContext): string | null | undefined {
  const calendar = validCalendar(ctx);
  if (calendar === undefined) return undefined;
  if (isOpenAroundTheClockEveryDay(calendar)) return null;
  if (calendar.openSeconds !== 0 || calendar.closeSeconds !== SECONDS_PER_DAY) {
    return `this calendar is open ${timeOfSeconds(calendar.openSeconds)}–${timeOfSeconds(calendar.closeSeconds)}`;
  }
  return 'this calendar closes on some days (closedWeekdays or holidays)';
}

/** A night shift's or window's need for a calendar open around the clock, in words. */
const AROUND_THE_CLOCK = 'a calendar open around the clock every day (open "00:00", close "24:00", no closed weekdays or holidays)';

/**
 * A shift ends after it starts — or, ending at or before its start, crosses midnight (22:00–06:00), which needs a
 * calendar open around the clock every day; an end equal to the start is refused (a 24-hour shift is 00:00–24:00).
 */
export const shiftEndsAfterStart: Rule = (ctx) => {
  for (const staffingAt of staffingLocations(ctx)) {
    rawShifts(ctx, staffingAt).forEach((_, index) => {
      const hours = shiftHours(ctx, staffingAt, index);
      // An end of "00:00" is midnight at the end of the start's day, like "24:00".
      if (hours === undefined || hours.end > hours.start || (hours.end === 0 && hours.start > 0)) return;
      const at: Path = [...staffingAt, 'shifts', index, 'end'];
      const start = timeOfSeconds(hours.start);
      const end = timeOfSeconds(hours.end);
      if (hours.end === hours.start) {
        ctx.report(at, 'end_before_start', `expected an end other than the start "${start}" (a whole day is "00:00" to "24:00")`);
        return;
      }
      const because = noNightShiftsBecause(ctx);
      if (because !== undefined && because !== null) {
        ctx.report(at, 'crosses_midnight', `a shift that crosses midnight (${start}–${end}) needs ${AROUND_THE_CLOCK}; ${because}`);
      }
    });
  }
};

export const breaksInsideShift: Rule = (ctx) => {
  for (const staffingAt of staffingLocations(ctx)) {
    rawShifts(ctx, staffingAt).forEach((_, index) => {
      const given = shiftHours(ctx, staffingAt, index);
      const breaks = ctx.raw([...staffingAt, 'shifts', index, 'breaks']);
      if (given === undefined || given.end === given.start || !Array.isArray(breaks)) return;
      // A night shift's times after midnight are on the next day: 22:00–06:00 with a break at 02:00 is 22:00–30:00 and 26:00.
      const hours = { start: given.start, end: given.end < given.start ? given.end + SECONDS_PER_DAY : given.end };
      const windows: { start: number; end: number; at: number }[] = [];
      breaks.forEach((_b, at) => {
        const pause = ctx.read(BreakSchema, [...staffingAt, 'shifts', index, 'breaks', at]);
        if (pause === undefined) return;
        const clock = secondsOfTime(pause.start);
        const start = hours.end > SECONDS_PER_DAY && clock < hours.start ? clock + SECONDS_PER_DAY : clock;
        const end = start + pause.minutes * 60;
        windows.push({ start, end, at });
        if (start < hours.start || end > hours.end) {
          ctx.report(
            [...staffingAt, 'shifts', index, 'breaks', at],
            'break_outside_shift',
            `expected a break within the shift ${timeOfSeconds(hours.start)}–${timeOfSeconds(timeOfDaySeconds(hours.end))} ` +
              `(got ${pause.start} for ${pause.minutes} minutes, until ${timeOfSeconds(timeOfDaySeconds(end))})`,
          );
        }
      });
      windows.sort((a, b) => a.start - b.start);
      for (let i = 1; i < windows.length; i++) {
        const before = windows[i - 1] as (typeof windows)[number];
        const after = windows[i] as (typeof windows)[number];
        if (after.start < before.end) {
          ctx.report(
            [...staffingAt, 'shifts', index, 'breaks', after.at],
            'breaks_overlap',
            `expected breaks that do not overlap (this one starts at ${timeOfSeconds(timeOfDaySeconds(after.start))}, before the break ending at ${timeOfSeconds(timeOfDaySeconds(before.end))})`,
          );
        }
      }
    });
  }
};

export const shiftNamesUnique: Rule = (ctx) => {
  for (const staffingAt of staffingLocations(ctx)) {
    const seen = new Map<string, number>();
    rawShifts(ctx, staffingAt).forEach((_, index) => {
      const name = ctx.read(ShiftSchema.shape.name, [...staffingAt, 'shifts', index, 'name']);
      if (name === undefined) return;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, index);
      else ctx.report([...staffingAt, 'shifts', index, 'name'], 'duplicate_name', `expected a name not used by another shift (got "${name}", as shifts[${first}])`);
    });
  }
};

function rawShiftTemplates(ctx: RuleContext, at: Path): readonly unknown[] {
  const templates = ctx.raw([...at, 'shiftTemplates']);
  return Array.isArray(templates) ? templates : [];
}

/** A whole number of minutes, allowing for binary noise in hours (8.5 h, 7.75 h). */
function wholeMinutes(hours: number): boolean {
  const minutes = hours * 60;
  return Math.abs(minutes - Math.round(minutes)) < 1e-9;
}

export const shiftTemplateNamesUnique: Rule = (ctx) => {
  for (const staffingAt of staffingLocations(ctx)) {
    const seen = new Map<string, number>();
    rawShiftTemplates(ctx, staffingAt).forEach((_, index) => {
      const name = ctx.read(ShiftTemplateSchema.shape.name, [...staffingAt, 'shiftTemplates', index, 'name']);
      if (name === undefined) return;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, index);
      else {
        ctx.report(
          [...staffingAt, 'shiftTemplates', index, 'name'],
          'duplicate_name',
          `expected a name not used by another shift template (got "${name}", as shiftTemplates[${first}])`,
        );
      }
    });
  }
};

/**
 * Each template must allow at least one shift: its window (earliestStart … latestEnd, by default the opening hours)
 * must hold its shortest length; lengths and break offsets must be whole minutes (shift times are "HH:MM"); the break
 * window must be ordered and end inside the shortest length; minAgents ≤ maxAgents.
 */
export const shiftTemplatesFeasible: Rule = (ctx) => {
  for (const staffingAt of staffingLocations(ctx)) {
    const hours = openingHours(ctx);
    rawShiftTemplates(ctx, staffingAt).forEach((_, index) => {
      const at: Path = [...staffingAt, 'shiftTemplates', index];
      const template = ctx.read(ShiftTemplateSchema, at);
      if (template === undefined) return;
      template.lengthsHours.forEach((length, i) => {
        if (!wholeMinutes(length)) {
          ctx.report([...at, 'lengthsHours', i], 'not_whole_minutes', `expected a length of whole minutes (got ${length} h = ${length * 60} minutes)`);
        }
      });
      const shortestHours = Math.min(...template.lengthsHours);
      const start = template.earliestStart ?? hours?.open;
      const end = template.latestEnd ?? hours?.close;
      const because = noNightShiftsBecause(ctx);
      // In a calendar open around the clock, a template without a latestEnd may start at any time from its earliestStart
      // (else midnight) and end by the next midnight. A latestEnd at or before earliestStart is on the next day; "00:00"
      // is the midnight that ends the start's day, like "24:00".
      const aroundTheClock = because === null && template.latestEnd === undefined;
      const latestEndCrosses = template.latestEnd !== undefined && start !== undefined && secondsOfTime(template.latestEnd) <= secondsOfTime(start) && secondsOfTime(template.latestEnd) > 0;
      if (latestEndCrosses && because !== null && because !== undefined) {
        ctx.report(
          [...at, 'latestEnd'],
          'crosses_midnight',
          `a window that crosses midnight (${start}–${template.latestEnd}) needs ${AROUND_THE_CLOCK}; ${because}`,
        );
      } else if (start !== undefined && end !== undefined && !aroundTheClock) {
        const crosses = secondsOfTime(end) <= secondsOfTime(start) && (because === null || secondsOfTime(end) === 0);
        const windowSeconds = secondsOfTime(end) - secondsOfTime(start) + (crosses ? SECONDS_PER_DAY : 0);
        if (windowSeconds < shortestHours * 3600) {
          const path: Path = template.latestEnd !== undefined ? [...at, 'latestEnd'] : template.earliestStart !== undefined ? [...at, 'earliestStart'] : at;
          ctx.report(
            path,
            'no_shift_fits',
            `expected a window that holds the shortest length of ${shortestHours} h (got ${start}–${end}` +
              `${template.earliestStart === undefined || template.latestEnd === undefined ? ', defaults from the opening hours' : ''}` +
              `${because === null ? '' : '; a window may cross midnight only in a calendar open around the clock every day'})`,
          );
        }
      } else if (aroundTheClock && shortestHours > 24) {
        ctx.report([...at, 'lengthsHours'], 'no_shift_fits', `expected lengths of at most 24 h (got ${shortestHours} h)`);
      }
      const pause = template.break;
      if (pause !== undefined) {
        if (pause.latestAfterHours < pause.earliestAfterHours) {
          ctx.report(
            [...at, 'break', 'latestAfterHours'],
            'min_above_max',
            `expected latestAfterHours ≥ earliestAfterHours ${pause.earliestAfterHours} (got ${pause.latestAfterHours})`,
          );
        }
        for (const key of ['earliestAfterHours', 'latestAfterHours'] as const) {
          if (!wholeMinutes(pause[key])) {
            ctx.report([...at, 'break', key], 'not_whole_minutes', `expected whole minutes (got ${pause[key]} h = ${pause[key] * 60} minutes)`);
          }
        }
        const breakEndMinutes = pause.latestAfterHours * 60 + pause.minutes;
        if (breakEndMinutes > shortestHours * 60 + 1e-9) {
          ctx.report(
            [...at, 'break'],
            'break_outside_shift',
            `expected a break that ends inside the shortest shift of ${shortestHours} h (a break starting ${pause.latestAfterHours} h ` +
              `after the start ends ${breakEndMinutes / 60} h after it)`,
          );
        }
      }
      if (template.maxAgents !== undefined && template.minAgents > template.maxAgents) {
        ctx.report([...at, 'maxAgents'], 'min_above_max', `expected maxAgents ≥ minAgents ${template.minAgents} (got ${template.maxAgents})`);
      }
    });
  }
};

export const targetHasABound: Rule = (ctx) => {
  for (const staffingAt of staffingLocations(ctx)) {
    const target = ctx.raw([...staffingAt, 'target']);
    if (!isPlainObject(target)) continue;
    if (TARGET_BOUNDS.every((bound) => target[bound] === undefined)) {
      ctx.report([...staffingAt, 'target'], 'target_without_bound', `expected at least one bound: ${TARGET_BOUNDS.join(', ')}`);
    }
  }
};

export const erlangANeedsPatience: Rule = (ctx) => {
  staffingLocations(ctx).forEach((staffingAt, index) => {
    const method = ctx.read(TargetSchema.shape.method, [...staffingAt, 'target', 'method']);
    // The first group answers dialled calls (customers.patience); the others transferred ones (transfers.patience).
    const transferred = staffingAt[0] === 'groups' && index > 0;
    const patience = transferred ? (ctx.raw(['transfers', 'patience']) ?? ctx.raw(['customers', 'patience'])) : ctx.raw(['customers', 'patience']);
    if (method === 'erlang-a' && patience === undefined) {
      ctx.report(
        [...staffingAt, 'target', 'method'],
        'needs_patience',
        transferred
          ? 'erlang-a models callers who abandon: give transfers.patience or customers.patience, or use erlang-c (infinite patience)'
          : 'erlang-a models callers who abandon: give customers.patience, or use erlang-c (infinite patience)',
      );
    }
  });
};

// ---------------------------------------------------------------------------------------------------------
// Agent groups, transfers and channels (SPEC §7)
// ---------------------------------------------------------------------------------------------------------

/** The group names of the document, in file order (none without `groups`). */
function groupNames(ctx: RuleContext): string[] {
  const groups = ctx.raw(['groups']);
  return isPlainObject(groups) ? Object.keys(groups) : [];
}

const DISTRIBUTION_EXPECTED = `a distribution: { distribution: ${DISTRIBUTION_KINDS.join(' | ')}, … }`;

/** Without groups the top-level staffing is required; with groups it is not allowed, and groups must not be empty. */
export const staffingOrGroups: Rule = (ctx) => {
  const groups = ctx.raw(['groups']);
  if (groups === undefined) {
    if (ctx.raw(['staffing']) === undefined) {
      ctx.report(['staffing'], 'required', 'required: expected a mapping with one of agents, agentsPerInterval, shifts or target (or agent groups under groups)');
    }
    return;
  }
  if (isPlainObject(groups) && Object.keys(groups).length === 0) {
    ctx.report(['groups'], 'no_groups', 'expected at least one group (the first answers every call the customer dials)');
  }
  for (const name of groupNames(ctx)) {
    // A mapping keeps whole-number keys in numeric order, not file order, and the first group must stay first.
    if (/^\d+$/.test(name)) ctx.report(['groups', name], 'numeric_name', `expected a group name that is not a whole number (got "${name}"), e.g. "team-${name}"`, 'key');
  }
  if (ctx.raw(['staffing']) !== undefined) {
    ctx.report(['staffing'], 'not_with_groups', `with groups, each group has its own staffing: ${perGroupHint(ctx, ['staffing'])}`, 'key');
  }
};

/**
 * Where a top-level setting goes in a scenario with groups: the same path under the first group (followed down while
 * the setting holds one key, so `--set staffing.target.serviceLevel=0.9` is told the whole path), and the groups.
 * @example perGroupHint(ctx, ['staffing']) // 'set it under a group instead, e.g. groups.front-line.staffing.target.serviceLevel (groups: front-line, case-officers)'
 */
function perGroupHint(ctx: RuleContext, path: readonly string[]): string {
  const names = groupNames(ctx);
  const keys = [...path];
  for (let value = ctx.raw(path); isPlainObject(value) && Object.keys(value).length === 1; ) {
    const key = Object.keys(value)[0] as string;
    keys.push(key);
    value = value[key];
  }
  if (names.length === 0) return `set it under a group instead (groups.<name>.${keys.join('.')})`;
  return `set it under a group instead, e.g. groups.${names[0]}.${keys.join('.')} (groups: ${names.join(', ')})`;
}

/** Without groups the handle time is required; with groups, handle time and resolution belong to each group. */
export const handlingWithGroups: Rule = (ctx) => {
  const handling = ctx.raw(['handling']);
  if (handling !== undefined && !isPlainObject(handling)) return; // the schema reports it
  if (ctx.raw(['groups']) === undefined) {
    if (ctx.raw(['handling', 'handleTime']) === undefined) ctx.report(['handling', 'handleTime'], 'required', `required: expected ${DISTRIBUTION_EXPECTED}`);
    return;
  }
  for (const key of ['handleTime', 'firstContactResolution']) {
    if (ctx.raw(['handling', key]) !== undefined) {
      ctx.report(
        ['handling', key],
        'not_with_groups',
        `with groups, each group has its own handle time and outcomes, and only repeatContact stays under handling: ${perGroupHint(ctx, ['handling', key])}`,
        'key',
      );
    }
  }
};

/** A group's outcome shares, from `outcomes` or `firstContactResolution` (default: every answered call resolved). */
interface GroupOutcomeShares {
  readonly resolved: number;
  readonly unresolved: number;
  readonly transfers: Readonly<Record<string, number>>;
  readonly callbacks: Readonly<Record<string, number>>;
}

function outcomeSharesOf(ctx: RuleContext, name: string): GroupOutcomeShares | undefined {
  const at: Path = ['groups', name, 'handling'];
  if (ctx.raw([...at, 'outcomes']) !== undefined) {
    const outcomes = ctx.read(OutcomesSchema, [...at, 'outcomes']);
    if (outcomes === undefined) return undefined;
    return { resolved: outcomes.resolved ?? 0, unresolved: outcomes.unresolved ?? 0, transfers: outcomes.transfer ?? {}, callbacks: outcomes.callback ?? {} };
  }
  const fcr = ctx.read(GroupHandlingSchema.shape.firstContactResolution, [...at, 'firstContactResolution']) ?? 1;
  return { resolved: fcr, unresolved: 1 - fcr, transfers: {}, callbacks: {} };
}

const SHARE_TOLERANCE = 1e-6;

/** Outcomes or first-contact resolution (not both); shares that sum to 1; transfers and callbacks to existing groups. */
export const groupOutcomes: Rule = (ctx) => {
  const names = groupNames(ctx);
  for (const name of names) {
    const at: Path = ['groups', name, 'handling'];
    if (ctx.raw([...at, 'outcomes']) !== undefined && ctx.raw([...at, 'firstContactResolution']) !== undefined) {
      ctx.report([...at, 'outcomes'], 'conflicting_forms', 'expected firstContactResolution or outcomes, not both (firstContactResolution: p is short for outcomes: { resolved: p, unresolved: 1 − p })', 'key');
    }
    if (ctx.raw([...at, 'outcomes']) === undefined) continue;
    const shares = outcomeSharesOf(ctx, name);
    if (shares === undefined) continue;
    const parts = [
      ['resolved', shares.resolved],
      ...Object.entries(shares.transfers).map(([target, share]) => [`transfer ${target}`, share] as const),
      ...Object.entries(shares.callbacks).map(([target, share]) => [`callback ${target}`, share] as const),
      ['unresolved', shares.unresolved],
    ] as const;
    const sum = parts.reduce((total, [, share]) => total + share, 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
      ctx.report(
        [...at, 'outcomes'],
        'shares_not_summing',
        `expected shares that sum to 1 (got ${Number(sum.toPrecision(12))}: ${parts.filter(([, share]) => share > 0).map(([label, share]) => `${label} ${share}`).join(', ') || 'all 0'})`,
      );
    }
    for (const kind of ['transfer', 'callback'] as const) {
      for (const target of Object.keys(kind === 'transfer' ? shares.transfers : shares.callbacks)) {
        if (!names.includes(target)) {
          ctx.report([...at, 'outcomes', kind, target], 'unknown_group', `unknown group "${target}" (${suggestion(target, names)})`, 'key');
        }
      }
    }
  }
};

/** A group that receives callbacks must say how long a callback try takes. */
export const callbacksHaveHandleTime: Rule = (ctx) => {
  const names = groupNames(ctx);
  const needed = new Map<string, string>();
  for (const name of names) {
    const shares = outcomeSharesOf(ctx, name);
    for (const [target, share] of Object.entries(shares?.callbacks ?? {})) {
      if (share > 0 && names.includes(target) && !needed.has(target)) needed.set(target, name);
    }
  }
  for (const [target, from] of needed) {
    if (ctx.raw(['groups', target, 'tasks', 'callbackHandleTime']) === undefined) {
      ctx.report(
        ['groups', target, 'tasks', 'callbackHandleTime'],
        'required',
        `required: "${from}" sends callbacks to "${target}", so give the agent time of one callback try, e.g. { distribution: exponential, meanMinutes: 5 }`,
      );
    }
  }
};

/**
 * A caller whose attempt fails at once — patience with a mean of 0 (gone before any wait), or a first group with a
 * finite `maxQueue` (blocked at once while it is full) — and who always redials at once (probability 1, a delay of
 * mean 0) with no `maxAttempts` would call again for ever at one instant: the run could never move on.
 */
export const redialsTakeTime: Rule = (ctx) => {
  if (ctx.raw(['customers', 'maxAttempts']) !== undefined) return;
  const redial = ctx.read(RedialSchema, ['customers', 'redial']);
  if (redial === undefined || redial.probability !== 1 || !completeDistribution(redial.delay) || meanOf(distributionToModel(redial.delay)) !== 0) return;
  const patience = ctx.read(DistributionSchema, ['customers', 'patience']);
  const firstGroup = groupNames(ctx)[0];
  const maxQueue = firstGroup === undefined ? undefined : ctx.raw(['groups', firstGroup, 'maxQueue']);
  let failsAtOnce: string | null = null;
  if (patience !== undefined && completeDistribution(patience) && meanOf(distributionToModel(patience)) === 0) {
    failsAtOnce = 'a patience of 0 abandons at once when no agent is free';
  } else if (typeof maxQueue === 'number') {
    failsAtOnce = `the first group's maxQueue of ${maxQueue} blocks a call at once while its queue is full`;
  }
  if (failsAtOnce === null) return;
  ctx.report(
    ['customers', 'redial', 'probability'],
    'endless_redials',
    `a caller would redial for ever at one instant: ${failsAtOnce}, and every such caller redials (probability 1) with no delay; ` +
      'give customers.redial a delay above 0 or a probability below 1, or set customers.maxAttempts',
  );
};

/** Whether a distribution has every key its mean needs (else distributionUnitsGivenOnce reports it). */
function completeDistribution(distribution: z.infer<typeof DistributionSchema>): boolean {
  const unit = UNIT_FORMS[distribution.distribution];
  return unit === undefined || unit.forms.some((form) => form.every((key) => (distribution as Record<string, unknown>)[key] !== undefined));
}

/**
 * Every call must be able to end: a group whose answered calls are always transferred on (to itself, or round a
 * cycle of groups), or whose callbacks always lead to another callback that always reaches the customer, would pass
 * a case around for ever.
 */
export const routingEnds: Rule = (ctx) => {
  const names = groupNames(ctx);
  const shares = new Map<string, GroupOutcomeShares>();
  for (const name of names) {
    const found = outcomeSharesOf(ctx, name);
    if (found !== undefined) shares.set(name, found);
  }
  if (shares.size < names.length) return; // malformed outcomes are reported elsewhere
  const reach = (name: string): number => ctx.read(CallbackReachSchema.shape.probability, ['groups', name, 'tasks', 'callbackReach', 'probability']) ?? 1;
  const positive = (record: Readonly<Record<string, number>>): string[] => Object.entries(record).filter(([, share]) => share > 0).map(([target]) => target);
  const callEnds = new Set<string>();
  const callbackEnds = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, s] of shares) {
      const ends = s.resolved > 0 || s.unresolved > 0;
      if (!callEnds.has(name) && (ends || positive(s.transfers).some((t) => callEnds.has(t)) || positive(s.callbacks).some((t) => callbackEnds.has(t)))) {
        callEnds.add(name);
        changed = true;
      }
      const transfersCountAsUnresolved = positive(s.transfers).length > 0;
      if (!callbackEnds.has(name) && (ends || transfersCountAsUnresolved || reach(name) < 1 || positive(s.callbacks).some((t) => callbackEnds.has(t)))) {
        callbackEnds.add(name);
        changed = true;
      }
    }
  }
  for (const [name, s] of shares) {
    const path: Path = ['groups', name, 'handling', 'outcomes'];
    if (!callEnds.has(name)) {
      const next = [...positive(s.transfers), ...positive(s.callbacks)].join(', ');
      ctx.report(path, 'routing_loop', `calls answered by "${name}" are always passed on (to ${next}) and never end: give a share to resolved or unresolved`);
    } else if (!callbackEnds.has(name) && names.some((other) => positive(shares.get(other)?.callbacks ?? {}).includes(name))) {
      ctx.report(path, 'routing_loop', `callbacks made by "${name}" always reach the customer and always lead to another callback: give a share to resolved or unresolved`);
    }
  }
};

/** Channels and transfers need groups; a channel names an existing group. */
export const channelsAndTransfersNeedGroups: Rule = (ctx) => {
  const names = groupNames(ctx);
  const hasGroups = ctx.raw(['groups']) !== undefined;
  for (const section of ['channels', 'transfers'] as const) {
    if (ctx.raw([section]) !== undefined && !hasGroups) {
      ctx.report([section], 'needs_groups', `${section} need agent groups: describe them under groups (SPEC §7)`, 'key');
    }
  }
  const channels = ctx.raw(['channels']);
  if (!isPlainObject(channels) || !hasGroups) return;
  for (const channel of Object.keys(channels)) {
    const group = ctx.read(ChannelSchema.shape.group, ['channels', channel, 'group']);
    if (group !== undefined && !names.includes(group)) {
      ctx.report(['channels', channel, 'group'], 'unknown_group', `unknown group "${group}" (${suggestion(group, names)})`);
    }
  }
};

// ---------------------------------------------------------------------------------------------------------
// Distributions
// ---------------------------------------------------------------------------------------------------------

/** The unit alternatives of each kind: each inner list is one complete way to give the parameter. */
const UNIT_FORMS: Record<string, { readonly forms: readonly (readonly string[])[]; readonly what: string }> = {
  exponential: { forms: [['meanSeconds'], ['meanMinutes']], what: 'the mean' },
  lognormal: { forms: [['meanSeconds'], ['meanMinutes']], what: 'the mean' },
  gamma: { forms: [['meanSeconds'], ['meanMinutes']], what: 'the mean' },
  erlang: { forms: [['meanSeconds'], ['meanMinutes']], what: 'the mean' },
  fixed: { forms: [['seconds'], ['minutes']], what: 'the duration' },
  uniform: { forms: [['minSeconds', 'maxSeconds'], ['minMinutes', 'maxMinutes']], what: 'the bounds' },
};

export const distributionUnitsGivenOnce: Rule = (ctx) => {
  for (const at of distributionPathsIn(ctx.raw([]))) {
    const value = ctx.raw(at);
    if (!isPlainObject(value) || typeof value['distribution'] !== 'string') continue;
    const spec = Object.hasOwn(UNIT_FORMS, value['distribution']) ? UNIT_FORMS[value['distribution']] : undefined;
    if (spec === undefined) continue;
    const used = spec.forms.filter((form) => form.some((key) => value[key] !== undefined));
    const describeForms = spec.forms.map((form) => form.join(' and ')).join(', or ');
    if (used.length === 0) {
      ctx.report([...at, spec.forms[0]?.[0] as string], 'required', `required: ${spec.what}, as ${describeForms}`);
    } else if (used.length > 1) {
      const second = (used[1] as readonly string[]).find((key) => value[key] !== undefined) as string;
      ctx.report([...at, second], 'conflicting_units', `expected ${spec.what} in one unit: ${describeForms} (got both)`);
    } else {
      for (const key of used[0] as readonly string[]) {
        if (value[key] === undefined) {
          ctx.report([...at, key], 'required', `required: ${spec.what}, as ${describeForms}`);
        }
      }
    }
  }
};

export const uniformMinNotAboveMax: Rule = (ctx) => {
  for (const at of distributionPathsIn(ctx.raw([]))) {
    const uniform = ctx.read(UniformSchema, at);
    if (uniform === undefined) continue;
    for (const unit of ['Seconds', 'Minutes'] as const) {
      const min = uniform[`min${unit}`];
      const max = uniform[`max${unit}`];
      if (min !== undefined && max !== undefined && min > max) {
        ctx.report([...at, `max${unit}`], 'min_above_max', `expected max${unit} ≥ min${unit} ${min} (got ${max})`);
      }
    }
  }
};

/**
 * An answered call takes time: a handle time (of the top level or of a group) must have a mean above 0 — a fixed 0, a
 * uniform 0 … 0 or an empirical list of zeros would make the agents infinitely fast. (Patience and delays may be 0.)
 */
export const handleTimeTakesTime: Rule = (ctx) => {
  const paths: Path[] = [['handling', 'handleTime'], ...groupNames(ctx).map((name): Path => ['groups', name, 'handling', 'handleTime'])];
  for (const at of paths) {
    const distribution = ctx.read(DistributionSchema, at);
    if (distribution === undefined) continue;
    if (!completeDistribution(distribution)) continue; // distributionUnitsGivenOnce reports it
    const model = distributionToModel(distribution);
    if (model.kind === 'uniform' && model.minSeconds > model.maxSeconds) continue; // uniformMinNotAboveMax reports it
    if (meanOf(model) === 0) {
      ctx.report(at, 'zero_handle_time', 'expected a handle time with a mean above 0: an answered call takes time (got a mean of 0 seconds)');
    }
  }
};

/** The rules every merged variant must satisfy, in the order their issues are reported. */
export const SCENARIO_RULES: readonly Rule[] = [
  calendarDates,
  holidaysKnown,
  someDayOpen,
  closeAfterOpen,
  intervalDividesOpeningTime,
  oneDemandForm,
  profileOnlyWithCasesPerDay,
  profileMatchesIntervals,
  profileNotAllZero,
  casesPerIntervalMatchesIntervals,
  dayFactorsCoverSimulatedWeekdays,
  dayFactorsNotAllZero,
  monthFactorsCoverSimulatedMonths,
  distributionUnitsGivenOnce,
  uniformMinNotAboveMax,
  handleTimeTakesTime,
  staffingOrGroups,
  handlingWithGroups,
  groupOutcomes,
  callbacksHaveHandleTime,
  routingEnds,
  redialsTakeTime,
  channelsAndTransfersNeedGroups,
  oneStaffingForm,
  agentsPerIntervalMatchesIntervals,
  shiftEndsAfterStart,
  breaksInsideShift,
  shiftNamesUnique,
  shiftTemplateNamesUnique,
  shiftTemplatesFeasible,
  targetHasABound,
  erlangANeedsPatience,
  warmupShorterThanRun,
  runWithinLimits,
];

/** Runs `rules` over a (merged) scenario document. @example checkRules({ calendar: { open: '17:00', close: '08:00' } })[0].code // 'close_before_open' */
export function checkRules(document: unknown, rules: readonly Rule[] = SCENARIO_RULES): ScenarioIssue[] {
  const { ctx, issues } = ruleContext(document);
  for (const rule of rules) rule(ctx);
  return issues;
}

// ---------------------------------------------------------------------------------------------------------
// Expectations (whole file)
// ---------------------------------------------------------------------------------------------------------

/**
 * `expect:` keys are variant names or "*", each bound has min and/or max, and min ≤ max. A group metric is
 * `groups.<group>.<metric>` with a group of the scenario and a metric of SPEC §7. (Unknown variant metric names are
 * reported by the schema as `unknown_metric`.)
 * @example checkExpectations({ lean: { serviceLevel: { min: 0.8 } } }, ['base'], [])[0].code // 'unknown_variant'
 */
export function checkExpectations(expectations: unknown, variantNames: readonly string[], groupNames: readonly string[] = []): ScenarioIssue[] {
  const { ctx, issues } = ruleContext({ expect: expectations });
  if (!isPlainObject(expectations)) return issues;
  for (const [variant, metrics] of Object.entries(expectations)) {
    if (variant !== '*' && !variantNames.includes(variant)) {
      issues.push({
        path: ['expect', variant],
        code: 'unknown_variant',
        message: `expected a variant name or "*" (got "${variant}"; ${suggestion(variant, [...variantNames, '*'])})`,
        at: 'key',
      });
    }
    if (!isPlainObject(metrics)) continue;
    for (const metric of Object.keys(metrics)) {
      const group = parseGroupMetricKey(metric);
      if (group !== undefined) {
        if (!groupNames.includes(group.group)) {
          const hint = groupNames.length === 0 ? 'the scenario has no agent groups' : suggestion(group.group, groupNames);
          ctx.report(['expect', variant, metric], 'unknown_metric', `unknown group "${group.group}" in "${metric}" (${hint})`, 'key');
          continue;
        }
        if (!isGroupMetricName(group.metric)) {
          ctx.report(['expect', variant, metric], 'unknown_metric', `unknown group metric "${group.metric}" (${suggestion(group.metric, GROUP_METRIC_NAMES)})`, 'key');
          continue;
        }
        const parsed = ExpectBoundSchema.safeParse(metrics[metric]);
        if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues, ExpectBoundSchema, metrics[metric], ['expect', variant, metric]));
      } else if (!isMetricName(metric)) continue;
      else if ((NETWORK_METRIC_NAMES as readonly string[]).includes(metric) && groupNames.length === 0) {
        ctx.report(['expect', variant, metric], 'unknown_metric', `"${metric}" is reported for scenarios with agent groups (groups:) only`, 'key');
        continue;
      }
      const bound = ctx.read(ExpectBoundSchema, ['expect', variant, metric]);
      if (bound === undefined) continue;
      if (bound.min === undefined && bound.max === undefined) {
        ctx.report(['expect', variant, metric], 'empty_bound', 'expected min and/or max');
      } else if (bound.min !== undefined && bound.max !== undefined && bound.min > bound.max) {
        ctx.report(['expect', variant, metric, 'max'], 'min_above_max', `expected max ≥ min ${bound.min} (got ${bound.max})`);
      }
    }
  }
  return issues;
}
