/**
 * Cross-field rules: checks that involve more than one field, as small named functions that push issues.
 *
 * A rule reads the (merged, raw) document through the field schemas of `schema.ts` (`ctx.read`), so it sees
 * defaults and skips what is malformed — the schema already reports that, and every rule still runs, so all
 * problems come out at once without one error cascading into many.
 */
import type * as z from 'zod';
import { isMetricName } from '../core/metrics.js';
import { WEEKDAYS, weekdayOfDay, type Weekday } from '../core/model/contact-centre-model.js';
import { getAt, isPlainObject, suggestion, type Path, type ScenarioIssue } from './issues.js';
import {
  BreakSchema,
  CalendarSchema,
  DayFactorsSchema,
  DEMAND_FORMS,
  DISTRIBUTION_PATHS,
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
  report(path: Path, code: string, message: string): void;
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
    report: (path, code, message) => issues.push({ path, code, message }),
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
  const days = ctx.read(CalendarSchema.shape.days, ['calendar', 'days']);
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

export const oneDemandForm: Rule = (ctx) => exactlyOneForm(ctx, ['demand'], DEMAND_FORMS, 'demand form');

export const profileOnlyWithCasesPerDay: Rule = (ctx) => {
  const demand = ctx.raw(['demand']);
  if (!isPlainObject(demand) || demand['intradayProfile'] === undefined || demand['casesPerDay'] !== undefined) return;
  const other = DEMAND_FORMS.find((form) => demand[form] !== undefined);
  if (other === undefined) return; // missing_form says it
  ctx.report(
    ['demand', 'intradayProfile'],
    'profile_without_cases_per_day',
    `intradayProfile spreads casesPerDay over the day; it does not apply to ${other} (remove it, or give casesPerDay)`,
  );
};

/** A per-interval list must have one entry per interval (checked on the raw list: bad entries are reported apart). */
function checkPerIntervalLength(ctx: RuleContext, path: Path, what: string): void {
  const g = grid(ctx);
  const list = ctx.raw(path);
  if (g === undefined || !Array.isArray(list) || list.length === g.intervalsPerDay) return;
  ctx.report(path, 'length_mismatch', `expected ${g.intervalsPerDay} ${what}, ${describeGrid(g)} (got ${list.length})`);
}

export const profileMatchesIntervals: Rule = (ctx) => checkPerIntervalLength(ctx, ['demand', 'intradayProfile'], 'weights');

export const casesPerIntervalMatchesIntervals: Rule = (ctx) =>
  checkPerIntervalLength(ctx, ['demand', 'casesPerInterval'], 'numbers of cases');

export const profileNotAllZero: Rule = (ctx) => {
  const profile = ctx.read(DemandSchema.shape.intradayProfile, ['demand', 'intradayProfile']);
  if (profile !== undefined && profile.length > 0 && profile.every((weight) => weight === 0)) {
    ctx.report(['demand', 'intradayProfile'], 'all_zero', 'expected at least one weight > 0 (got all 0)');
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
  const factors = ctx.read(DayFactorsSchema, ['demand', 'dayFactors']);
  const days = ctx.read(CalendarSchema.shape.days, ['calendar', 'days']);
  const startWeekday = ctx.read(CalendarSchema.shape.startWeekday, ['calendar', 'startWeekday']);
  if (factors === undefined || days === undefined || startWeekday === undefined) return;
  const missing = simulatedWeekdays(days, startWeekday).filter((day) => factors[day] === undefined);
  if (missing.length > 0) {
    ctx.report(
      ['demand', 'dayFactors'],
      'missing_weekday',
      `expected a factor for every simulated weekday (${days} day${days === 1 ? '' : 's'} from ${startWeekday}); missing ${missing.join(', ')}`,
    );
  }
};

export const dayFactorsNotAllZero: Rule = (ctx) => {
  const factors = ctx.read(DayFactorsSchema, ['demand', 'dayFactors']);
  if (factors === undefined) return;
  const values = Object.values(factors).filter((value): value is number => value !== undefined);
  if (values.length > 0 && values.every((value) => value === 0)) {
    ctx.report(['demand', 'dayFactors'], 'all_zero', 'expected at least one day factor > 0 (got all 0)');
  }
};

// ---------------------------------------------------------------------------------------------------------
// Staffing
// ---------------------------------------------------------------------------------------------------------

export const oneStaffingForm: Rule = (ctx) => exactlyOneForm(ctx, ['staffing'], STAFFING_FORMS, 'staffing form');

export const agentsPerIntervalMatchesIntervals: Rule = (ctx) =>
  checkPerIntervalLength(ctx, ['staffing', 'agentsPerInterval'], 'agent counts');

function rawShifts(ctx: RuleContext): readonly unknown[] {
  const shifts = ctx.raw(['staffing', 'shifts']);
  return Array.isArray(shifts) ? shifts : [];
}

function shiftHours(ctx: RuleContext, index: number): { start: number; end: number } | undefined {
  const start = ctx.read(ShiftSchema.shape.start, ['staffing', 'shifts', index, 'start']);
  const end = ctx.read(ShiftSchema.shape.end, ['staffing', 'shifts', index, 'end']);
  return start === undefined || end === undefined ? undefined : { start: secondsOfTime(start), end: secondsOfTime(end) };
}

export const shiftEndsAfterStart: Rule = (ctx) => {
  rawShifts(ctx).forEach((_, index) => {
    const hours = shiftHours(ctx, index);
    if (hours !== undefined && hours.end <= hours.start) {
      ctx.report(
        ['staffing', 'shifts', index, 'end'],
        'end_before_start',
        `expected a time after the shift's start "${timeOfSeconds(hours.start)}" (got "${timeOfSeconds(hours.end)}"; shifts cannot cross midnight)`,
      );
    }
  });
};

export const breaksInsideShift: Rule = (ctx) => {
  rawShifts(ctx).forEach((_, index) => {
    const hours = shiftHours(ctx, index);
    const breaks = ctx.raw(['staffing', 'shifts', index, 'breaks']);
    if (hours === undefined || hours.end <= hours.start || !Array.isArray(breaks)) return;
    const windows: { start: number; end: number; at: number }[] = [];
    breaks.forEach((_b, at) => {
      const pause = ctx.read(BreakSchema, ['staffing', 'shifts', index, 'breaks', at]);
      if (pause === undefined) return;
      const start = secondsOfTime(pause.start);
      const end = start + pause.minutes * 60;
      windows.push({ start, end, at });
      if (start < hours.start || end > hours.end) {
        ctx.report(
          ['staffing', 'shifts', index, 'breaks', at],
          'break_outside_shift',
          `expected a break within the shift ${timeOfSeconds(hours.start)}–${timeOfSeconds(hours.end)} ` +
            `(got ${pause.start} for ${pause.minutes} minutes, until ${timeOfSeconds(end)})`,
        );
      }
    });
    windows.sort((a, b) => a.start - b.start);
    for (let i = 1; i < windows.length; i++) {
      const before = windows[i - 1] as (typeof windows)[number];
      const after = windows[i] as (typeof windows)[number];
      if (after.start < before.end) {
        ctx.report(
          ['staffing', 'shifts', index, 'breaks', after.at],
          'breaks_overlap',
          `expected breaks that do not overlap (this one starts at ${timeOfSeconds(after.start)}, before the break ending at ${timeOfSeconds(before.end)})`,
        );
      }
    }
  });
};

export const shiftNamesUnique: Rule = (ctx) => {
  const seen = new Map<string, number>();
  rawShifts(ctx).forEach((_, index) => {
    const name = ctx.read(ShiftSchema.shape.name, ['staffing', 'shifts', index, 'name']);
    if (name === undefined) return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, index);
    else ctx.report(['staffing', 'shifts', index, 'name'], 'duplicate_name', `expected a name not used by another shift (got "${name}", as shifts[${first}])`);
  });
};

function rawShiftTemplates(ctx: RuleContext): readonly unknown[] {
  const templates = ctx.raw(['staffing', 'shiftTemplates']);
  return Array.isArray(templates) ? templates : [];
}

/** A whole number of minutes, allowing for binary noise in hours (8.5 h, 7.75 h). */
function wholeMinutes(hours: number): boolean {
  const minutes = hours * 60;
  return Math.abs(minutes - Math.round(minutes)) < 1e-9;
}

export const shiftTemplateNamesUnique: Rule = (ctx) => {
  const seen = new Map<string, number>();
  rawShiftTemplates(ctx).forEach((_, index) => {
    const name = ctx.read(ShiftTemplateSchema.shape.name, ['staffing', 'shiftTemplates', index, 'name']);
    if (name === undefined) return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, index);
    else {
      ctx.report(
        ['staffing', 'shiftTemplates', index, 'name'],
        'duplicate_name',
        `expected a name not used by another shift template (got "${name}", as shiftTemplates[${first}])`,
      );
    }
  });
};

/**
 * Each template must allow at least one shift: its window (earliestStart … latestEnd, by default the opening hours)
 * must hold its shortest length; lengths and break offsets must be whole minutes (shift times are "HH:MM"); the break
 * window must be ordered and end inside the shortest length; minAgents ≤ maxAgents.
 */
export const shiftTemplatesFeasible: Rule = (ctx) => {
  const hours = openingHours(ctx);
  rawShiftTemplates(ctx).forEach((_, index) => {
    const at: Path = ['staffing', 'shiftTemplates', index];
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
    if (start !== undefined && end !== undefined) {
      const windowSeconds = secondsOfTime(end) - secondsOfTime(start);
      if (windowSeconds < shortestHours * 3600) {
        const path: Path = template.latestEnd !== undefined ? [...at, 'latestEnd'] : template.earliestStart !== undefined ? [...at, 'earliestStart'] : at;
        ctx.report(
          path,
          'no_shift_fits',
          `expected a window that holds the shortest length of ${shortestHours} h (got ${start}–${end}` +
            `${template.earliestStart === undefined || template.latestEnd === undefined ? ', defaults from the opening hours' : ''}; shifts cannot cross midnight)`,
        );
      }
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
};

export const targetHasABound: Rule = (ctx) => {
  const target = ctx.raw(['staffing', 'target']);
  if (!isPlainObject(target)) return;
  if (TARGET_BOUNDS.every((bound) => target[bound] === undefined)) {
    ctx.report(['staffing', 'target'], 'target_without_bound', `expected at least one bound: ${TARGET_BOUNDS.join(', ')}`);
  }
};

export const erlangANeedsPatience: Rule = (ctx) => {
  const method = ctx.read(TargetSchema.shape.method, ['staffing', 'target', 'method']);
  if (method === 'erlang-a' && ctx.raw(['customers', 'patience']) === undefined) {
    ctx.report(
      ['staffing', 'target', 'method'],
      'needs_patience',
      'erlang-a models callers who abandon: give customers.patience, or use erlang-c (infinite patience)',
    );
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
  for (const at of DISTRIBUTION_PATHS) {
    const value = ctx.raw(at);
    if (!isPlainObject(value) || typeof value['distribution'] !== 'string') continue;
    const spec = UNIT_FORMS[value['distribution']];
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
  for (const at of DISTRIBUTION_PATHS) {
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

/** The rules every merged variant must satisfy, in the order their issues are reported. */
export const SCENARIO_RULES: readonly Rule[] = [
  closeAfterOpen,
  intervalDividesOpeningTime,
  oneDemandForm,
  profileOnlyWithCasesPerDay,
  profileMatchesIntervals,
  profileNotAllZero,
  casesPerIntervalMatchesIntervals,
  dayFactorsCoverSimulatedWeekdays,
  dayFactorsNotAllZero,
  distributionUnitsGivenOnce,
  uniformMinNotAboveMax,
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
 * `expect:` keys are variant names or "*", each bound has min and/or max, and min ≤ max.
 * (Unknown metric names are reported by the schema as `unknown_metric`.)
 * @example checkExpectations({ lean: { serviceLevel: { min: 0.8 } } }, ['base'])[0].code // 'unknown_variant'
 */
export function checkExpectations(expectations: unknown, variantNames: readonly string[]): ScenarioIssue[] {
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
      if (!isMetricName(metric)) continue;
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
