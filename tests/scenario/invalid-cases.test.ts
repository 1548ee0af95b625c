import { describe, expect, it } from 'vitest';
import { issuesOf, scenarioText } from './helpers.js';

interface ExpectedIssue {
  readonly path: string;
  readonly code: string;
  readonly line?: number;
  readonly column?: number;
  /** A substring of the message. */
  readonly message?: string;
}

interface InvalidCase {
  readonly name: string;
  readonly text: string;
  /** Every issue, in the order reported (by line). */
  readonly issues: readonly ExpectedIssue[];
}

const distribution = (body: string) => scenarioText({ handling: `handling:\n  handleTime: ${body}` });
const calendar = (...lines: string[]) => scenarioText({ calendar: ['calendar:', ...lines.map((l) => `  ${l}`)].join('\n') });
const staffing = (...lines: string[]) => scenarioText({ staffing: ['staffing:', ...lines.map((l) => `  ${l}`)].join('\n') });
const demand = (...lines: string[]) => scenarioText({ demand: ['demand:', ...lines.map((l) => `  ${l}`)].join('\n') });

const invalidCases: readonly InvalidCase[] = [
  // --- keys -------------------------------------------------------------------------------------------
  {
    name: 'a misspelt key in a section, with a suggestion',
    text: calendar('open: "08:00"', 'close: "16:00"', 'intervalMinuts: 30'),
    issues: [{ path: 'calendar.intervalMinuts', code: 'unknown_key', line: 5, column: 3, message: 'did you mean "intervalMinutes"?' }],
  },
  {
    name: 'a misspelt section: unknown key and the missing section',
    text: scenarioText({ staffing: null, extra: 'staffng:\n  agents: 10' }),
    issues: [
      { path: 'staffing', code: 'required', line: 1, column: 1 },
      { path: 'staffng', code: 'unknown_key', line: 9, column: 1, message: 'did you mean "staffing"?' },
    ],
  },
  {
    name: 'a misspelt variants section is suggested too',
    text: scenarioText({ extra: 'varaints:\n  lean: {}' }),
    issues: [{ path: 'varaints', code: 'unknown_key', line: 11, column: 1, message: 'did you mean "variants"?' }],
  },
  {
    name: 'an unknown key inside a distribution (cv does not belong to exponential)',
    text: distribution('{ distribution: exponential, meanSeconds: 180, cv: 1 }'),
    issues: [{ path: 'handling.handleTime.cv', code: 'unknown_key', line: 8, column: 62 }],
  },
  {
    name: 'a weekday key that is not a weekday',
    text: demand('casesPerHour: 100', 'dayFactors: { monday: 1.2 }'),
    issues: [{ path: 'demand.dayFactors.monday', code: 'unknown_key', line: 7, message: 'did you mean "mon"?' }],
  },
  // --- reserved keys: never assigned, so no prototype can change -------------------------------------
  {
    name: '__proto__ inside a variant (it used to merge as a prototype and double the paid hours)',
    text: scenarioText({ extra: 'variants:\n  lean:\n    staffing: { __proto__: { shrinkage: 0.5 } }' }),
    issues: [{ path: 'variants.lean.staffing.__proto__', code: 'unknown_key', line: 13, column: 17, message: 'unknown key "__proto__" (__proto__, constructor, prototype are reserved' }],
  },
  {
    name: 'constructor and prototype in the base and in expect',
    text: scenarioText({ calendar: 'calendar:\n  open: "08:00"\n  close: "16:00"\n  constructor: 1', extra: 'expect:\n  base:\n    prototype: { min: 1 }' }),
    issues: [
      { path: 'calendar.constructor', code: 'unknown_key', line: 5, column: 3 },
      { path: 'expect.base.prototype', code: 'unknown_key', line: 14, column: 5 },
    ],
  },
  {
    name: 'a variant named __proto__ (left out, so none is left)',
    text: scenarioText({ extra: 'variants:\n  __proto__: { staffing: { agents: 1 } }' }),
    issues: [
      { path: 'variants', code: 'no_variants', line: 11 },
      { path: 'variants.__proto__', code: 'unknown_key', line: 12, column: 3 },
    ],
  },
  // --- required ---------------------------------------------------------------------------------------
  {
    name: 'the name is missing (located at the document)',
    text: scenarioText({ name: null }),
    issues: [{ path: 'name', code: 'required', line: 1, column: 1 }],
  },
  {
    name: 'calendar.close is missing (located at its parent)',
    text: calendar('open: "08:00"'),
    issues: [{ path: 'calendar.close', code: 'required', line: 2, column: 1, message: 'required: expected a time "HH:MM"' }],
  },
  {
    name: 'handling.handleTime is missing',
    text: scenarioText({ handling: 'handling:\n  firstContactResolution: 0.8' }),
    issues: [{ path: 'handling.handleTime', code: 'required', line: 7 }],
  },
  {
    name: 'a distribution without its kind',
    text: distribution('{ meanSeconds: 180 }'),
    issues: [{ path: 'handling.handleTime.distribution', code: 'required', line: 8 }],
  },
  {
    name: 'a distribution without its mean',
    text: distribution('{ distribution: lognormal, cv: 0.9 }'),
    issues: [{ path: 'handling.handleTime.meanSeconds', code: 'required', line: 8, message: 'meanSeconds, or meanMinutes' }],
  },
  ...['__proto__', 'toString'].map((kind) => ({
    name: `a distribution kind named like a property of every object (${kind}), with a mean`,
    text: distribution(`{ distribution: ${kind}, meanSeconds: 180 }`),
    issues: [{ path: 'handling.handleTime.distribution', code: 'invalid_distribution', line: 8, message: `(got "${kind}")` }],
  })),
  // --- types and ranges ---------------------------------------------------------------------------------
  {
    name: 'a text where a number belongs',
    text: calendar('days: five', 'open: "08:00"', 'close: "16:00"'),
    issues: [{ path: 'calendar.days', code: 'invalid_type', line: 3, column: 9, message: '(got "five")' }],
  },
  {
    name: 'a list where a number belongs',
    text: demand('casesPerHour: [1, 2]'),
    issues: [{ path: 'demand.casesPerHour', code: 'invalid_type', line: 6, message: '(got a list)' }],
  },
  {
    name: 'a fraction where a whole number belongs',
    text: calendar('days: 2.5', 'open: "08:00"', 'close: "16:00"'),
    issues: [{ path: 'calendar.days', code: 'not_integer', line: 3 }],
  },
  {
    name: 'a negative interval length',
    text: calendar('open: "08:00"', 'close: "16:00"', 'intervalMinutes: -5'),
    issues: [{ path: 'calendar.intervalMinutes', code: 'too_small', line: 5, column: 20, message: 'expected a whole number of minutes ≥ 1 and ≤ 1,440 (got -5)' }],
  },
  {
    name: 'a negative mean duration',
    text: distribution('{ distribution: exponential, meanSeconds: -10 }'),
    issues: [{ path: 'handling.handleTime.meanSeconds', code: 'too_small', line: 8, column: 57 }],
  },
  {
    name: 'a zero mean (means must be > 0)',
    text: distribution('{ distribution: gamma, meanMinutes: 0, cv: 0.5 }'),
    issues: [{ path: 'handling.handleTime.meanMinutes', code: 'too_small', line: 8 }],
  },
  {
    name: 'an erlang with a fractional number of phases',
    text: distribution('{ distribution: erlang, meanSeconds: 180, k: 1.5 }'),
    issues: [{ path: 'handling.handleTime.k', code: 'not_integer', line: 8 }],
  },
  {
    name: 'an unknown distribution',
    text: distribution('{ distribution: normal, meanSeconds: 180 }'),
    issues: [{ path: 'handling.handleTime.distribution', code: 'invalid_distribution', line: 8, message: '(got "normal")' }],
  },
  {
    name: 'a mean given in two units',
    text: distribution('{ distribution: exponential, meanSeconds: 180, meanMinutes: 3 }'),
    issues: [{ path: 'handling.handleTime.meanMinutes', code: 'conflicting_units', line: 8 }],
  },
  {
    name: 'a handle time of 0',
    text: distribution('{ distribution: fixed, seconds: 0 }'),
    issues: [{ path: 'handling.handleTime', code: 'zero_handle_time', line: 8, message: 'a mean above 0' }],
  },
  {
    name: 'numbers beyond what the model can honour',
    text: scenarioText({
      calendar: 'calendar:\n  open: "08:00"\n  close: "16:00"\n  days: 1000000',
      demand: 'demand:\n  casesPerHour: 1000000000',
      handling: 'handling:\n  handleTime: { distribution: gamma, meanSeconds: 1e300, cv: 1e300 }',
      staffing: 'staffing:\n  agents: 999999999',
      extra: 'customers:\n  patience: { distribution: exponential, meanSeconds: 5e-324 }\n  maxAttempts: 1000000000',
    }),
    issues: [
      { path: 'calendar.days', code: 'too_big', message: '≤ 3,660' },
      { path: 'demand.casesPerHour', code: 'too_big', message: '≤ 1,000,000' },
      { path: 'handling.handleTime.meanSeconds', code: 'too_big', message: '≤ 31,622,400' },
      { path: 'handling.handleTime.cv', code: 'too_big', message: '≤ 100' },
      { path: 'staffing.agents', code: 'too_big', message: '≤ 100,000' },
      { path: 'customers.patience.meanSeconds', code: 'too_small', message: '≥ 0.001' },
      { path: 'customers.maxAttempts', code: 'too_big', message: '≤ 100' },
    ],
  },
  {
    name: 'a run too long for its intervals, and too many cases',
    text: scenarioText({
      calendar: 'calendar:\n  open: "00:00"\n  close: "24:00"\n  intervalMinutes: 5\n  days: 3000',
      demand: 'demand:\n  casesPerDay: 100000',
    }),
    issues: [
      { path: 'calendar.days', code: 'too_many_intervals', message: '3000 × 288 = 864,000' },
      { path: 'demand', code: 'too_many_cases', message: 'about 300,000,000' },
    ],
  },
  {
    name: 'a uniform with min > max',
    text: distribution('{ distribution: uniform, minSeconds: 300, maxSeconds: 100 }'),
    issues: [{ path: 'handling.handleTime.maxSeconds', code: 'min_above_max', line: 8 }],
  },
  {
    name: 'a uniform with min and max in different units',
    text: distribution('{ distribution: uniform, minSeconds: 30, maxMinutes: 5 }'),
    issues: [{ path: 'handling.handleTime.maxMinutes', code: 'conflicting_units', line: 8 }],
  },
  {
    name: 'an empty empirical distribution',
    text: distribution('{ distribution: empirical, seconds: [] }'),
    issues: [{ path: 'handling.handleTime.seconds', code: 'too_small', line: 8 }],
  },
  {
    name: 'shrinkage 1 (nobody would ever be on the phones)',
    text: staffing('agents: 10', 'shrinkage: 1'),
    issues: [{ path: 'staffing.shrinkage', code: 'too_big', line: 11, column: 14 }],
  },
  {
    name: 'a share above 1',
    text: scenarioText({ handling: 'handling:\n  handleTime: { distribution: fixed, seconds: 180 }\n  firstContactResolution: 1.2' }),
    issues: [{ path: 'handling.firstContactResolution', code: 'too_big', line: 9, message: 'between 0 and 1 (got 1.2)' }],
  },
  {
    name: 'a negative price',
    text: scenarioText({ costs: 'costs:\n  agentHour: -420' }),
    issues: [{ path: 'costs.agentHour', code: 'too_small', line: 12 }],
  },
  {
    name: 'zero replications and a zero attempt cap',
    text: scenarioText({ customers: 'customers:\n  maxAttempts: 0', simulation: 'simulation:\n  replications: 0' }),
    issues: [
      { path: 'customers.maxAttempts', code: 'too_small', line: 12 },
      { path: 'simulation.replications', code: 'too_small', line: 14 },
    ],
  },
  {
    name: 'a target method that does not exist',
    text: staffing('target: { serviceLevel: 0.8, method: erlang-x }'),
    issues: [{ path: 'staffing.target.method', code: 'invalid_value', line: 10 }],
  },
  // --- times and calendar -----------------------------------------------------------------------------
  {
    name: 'a time with a one-digit hour, with the two-digit form to write instead',
    text: calendar('open: "8:00"', 'close: "16:00"'),
    issues: [{ path: 'calendar.open', code: 'invalid_time', line: 3, column: 9, message: 'expected a time "HH:MM" (got "8:00"); write it as "08:00"' }],
  },
  {
    name: 'a time that is not "HH:MM"',
    text: calendar('open: "8h"', 'close: "16:00"'),
    issues: [{ path: 'calendar.open', code: 'invalid_time', line: 3, column: 9 }],
  },
  {
    name: 'a time past 24:00',
    text: calendar('open: "08:00"', 'close: "24:30"'),
    issues: [{ path: 'calendar.close', code: 'invalid_time', line: 4 }],
  },
  {
    name: 'a time given as a number (YAML 1.1 habit), with a hint to quote it',
    text: calendar('open: 480', 'close: "16:00"'),
    issues: [{ path: 'calendar.open', code: 'invalid_type', line: 3, message: 'quote times' }],
  },
  {
    name: 'close before open',
    text: calendar('open: "16:00"', 'close: "08:00"'),
    issues: [{ path: 'calendar.close', code: 'close_before_open', line: 4, column: 10 }],
  },
  {
    name: 'an interval that does not divide the opening time',
    text: calendar('open: "08:00"', 'close: "16:30"', 'intervalMinutes: 20'),
    issues: [{ path: 'calendar.intervalMinutes', code: 'interval_not_dividing', line: 5, message: 'e.g. 30 or 15' }],
  },
  {
    name: 'a warm-up as long as the run',
    text: scenarioText({ simulation: 'simulation:\n  warmupHours: 8' }),
    issues: [{ path: 'simulation.warmupHours', code: 'warmup_too_long', line: 12 }],
  },
  // --- demand ------------------------------------------------------------------------------------------
  {
    name: 'no demand form',
    text: demand('overdispersion: 0.1'),
    issues: [{ path: 'demand', code: 'missing_form', line: 5, column: 1 }],
  },
  {
    name: 'two demand forms',
    text: demand('casesPerDay: 800', 'casesPerHour: 100'),
    issues: [{ path: 'demand.casesPerHour', code: 'conflicting_forms', line: 7 }],
  },
  {
    name: 'an intraday profile of the wrong length',
    text: demand('casesPerDay: 800', 'intradayProfile: [1, 2, 3]'),
    issues: [{ path: 'demand.intradayProfile', code: 'length_mismatch', line: 7, message: 'expected 16 weights' }],
  },
  {
    name: 'an intraday profile of zeros',
    text: calendar('open: "08:00"', 'close: "09:00"').replace('casesPerHour: 100', 'casesPerDay: 100\n  intradayProfile: [0, 0]'),
    issues: [{ path: 'demand.intradayProfile', code: 'all_zero', line: 7 }],
  },
  {
    name: 'an intraday profile without casesPerDay',
    text: calendar('open: "08:00"', 'close: "09:00"').replace('casesPerHour: 100', 'casesPerHour: 100\n  intradayProfile: [1, 2]'),
    issues: [{ path: 'demand.intradayProfile', code: 'profile_without_cases_per_day', line: 7 }],
  },
  {
    name: 'casesPerInterval of the wrong length',
    text: demand('casesPerInterval: [10, 20]'),
    issues: [{ path: 'demand.casesPerInterval', code: 'length_mismatch', line: 6 }],
  },
  {
    name: 'day factors missing a simulated weekday',
    text: scenarioText({
      calendar: 'calendar:\n  days: 7\n  open: "08:00"\n  close: "16:00"',
      demand: 'demand:\n  casesPerHour: 100\n  dayFactors: { mon: 1.2, tue: 1, wed: 1, thu: 1, fri: 0.8 }',
    }),
    issues: [{ path: 'demand.dayFactors', code: 'missing_weekday', line: 8, message: 'missing sat, sun' }],
  },
  // --- staffing ----------------------------------------------------------------------------------------
  {
    name: 'two staffing forms',
    text: staffing('agents: 10', 'target: { serviceLevel: 0.8 }'),
    issues: [{ path: 'staffing.target', code: 'conflicting_forms', line: 11, column: 3 }],
  },
  {
    name: 'no staffing form',
    text: staffing('shrinkage: 0.2'),
    issues: [{ path: 'staffing', code: 'missing_form', line: 9, column: 1 }],
  },
  {
    name: 'agentsPerInterval of the wrong length, and a fractional agent',
    text: calendar('open: "08:00"', 'close: "10:00"').replace('agents: 10', 'agentsPerInterval: [3, 4.5, 5]'),
    issues: [
      { path: 'staffing.agentsPerInterval', code: 'length_mismatch', line: 10, message: 'expected 4 agent counts' },
      { path: 'staffing.agentsPerInterval[1]', code: 'not_integer', line: 10, column: 26 },
    ],
  },
  {
    name: 'a shift ending at "25:00"',
    text: staffing(
      'shifts:',
      '  - { name: early, start: "08:00", end: "16:00", agents: 5 }',
      '  - { name: late, start: "12:00", end: "25:00", agents: 5 }',
    ),
    issues: [{ path: 'staffing.shifts[1].end', code: 'invalid_time', line: 12, message: 'expected a time "HH:MM" (got "25:00")' }],
  },
  {
    name: 'a shift across midnight in a calendar that closes at night',
    text: staffing('shifts:', '  - { name: night, start: "22:00", end: "06:00", agents: 5 }'),
    issues: [
      {
        path: 'staffing.shifts[0].end',
        code: 'crosses_midnight',
        line: 11,
        message: 'a shift that crosses midnight (22:00–06:00) needs a calendar open around the clock every day (open "00:00", close "24:00", no closed weekdays or holidays); this calendar is open 08:00–16:00',
      },
    ],
  },
  {
    name: 'a shift that ends when it starts',
    text: staffing('shifts:', '  - { name: all, start: "08:00", end: "08:00", agents: 5 }'),
    issues: [{ path: 'staffing.shifts[0].end', code: 'end_before_start', line: 11, message: 'expected an end other than the start "08:00"' }],
  },
  {
    name: 'a break outside its shift',
    text: staffing('shifts:', '  - { name: early, start: "08:00", end: "12:00", agents: 5, breaks: [{ start: "11:45", minutes: 30 }] }'),
    issues: [{ path: 'staffing.shifts[0].breaks[0]', code: 'break_outside_shift', line: 11, message: 'until 12:15' }],
  },
  {
    name: 'overlapping breaks',
    text: staffing(
      'shifts:',
      '  - name: early',
      '    start: "08:00"',
      '    end: "16:00"',
      '    agents: 5',
      '    breaks: [{ start: "12:00", minutes: 30 }, { start: "12:15", minutes: 15 }]',
    ),
    issues: [{ path: 'staffing.shifts[0].breaks[1]', code: 'breaks_overlap', line: 15 }],
  },
  {
    name: 'two shifts with the same name',
    text: staffing(
      'shifts:',
      '  - { name: early, start: "08:00", end: "12:00", agents: 5 }',
      '  - { name: early, start: "12:00", end: "16:00", agents: 5 }',
    ),
    issues: [{ path: 'staffing.shifts[1].name', code: 'duplicate_name', line: 12 }],
  },
  {
    name: 'a target without any bound',
    text: staffing('target: { answerWithinSeconds: 20, method: erlang-c }'),
    issues: [{ path: 'staffing.target', code: 'target_without_bound', line: 10, column: 3 }],
  },
  {
    name: 'erlang-a without a patience',
    text: staffing('target: { serviceLevel: 0.8, method: erlang-a }'),
    issues: [{ path: 'staffing.target.method', code: 'needs_patience', line: 10 }],
  },
  {
    name: 'a patience of 0 with certain, immediate redials and no attempt cap (the run would redial for ever at one instant)',
    text: scenarioText({
      extra: 'customers:\n  patience: { distribution: fixed, seconds: 0 }\n  redial: { probability: 1, delay: { distribution: fixed, seconds: 0 } }',
    }),
    issues: [{ path: 'customers.redial.probability', code: 'endless_redials', line: 13, message: 'a patience of 0 abandons at once' }],
  },
  {
    name: 'a first group with a finite queue and certain, immediate redials without an attempt cap',
    text: scenarioText({
      handling: null,
      staffing: null,
      extra: [
        'customers:',
        '  patience: { distribution: exponential, meanSeconds: 60 }',
        '  redial: { probability: 1, delay: { distribution: fixed, minutes: 0 } }',
        'groups:',
        '  front:',
        '    staffing: { agents: 2 }',
        '    maxQueue: 3',
        '    handling: { handleTime: { distribution: exponential, meanSeconds: 100 }, firstContactResolution: 1 }',
      ].join('\n'),
    }),
    issues: [{ path: 'customers.redial.probability', code: 'endless_redials', line: 9, message: "the first group's maxQueue of 3 blocks a call at once" }],
  },
  // --- expect ------------------------------------------------------------------------------------------
  {
    name: 'an unknown metric in expect',
    text: scenarioText({ expect: 'expect:\n  base:\n    serviceLvl: { min: 0.8 }' }),
    issues: [{ path: 'expect.base.serviceLvl', code: 'unknown_metric', line: 13, column: 5, message: 'did you mean "serviceLevel"?' }],
  },
  {
    name: 'expect for a variant that does not exist',
    text: scenarioText({ extra: 'variants:\n  lean: {}\n  rich: {}', expect: 'expect:\n  leen:\n    serviceLevel: { min: 0.8 }' }),
    issues: [{ path: 'expect.leen', code: 'unknown_variant', line: 15, column: 3, message: 'did you mean "lean"?' }],
  },
  {
    name: 'an expect bound with min > max, an empty bound and an unknown confidence',
    text: scenarioText({
      expect: 'expect:\n  "*":\n    serviceLevel: { min: 0.9, max: 0.8 }\n    occupancy: {}\n    asaSeconds: { max: 30, confidence: sure }',
    }),
    issues: [
      { path: 'expect.*.serviceLevel.max', code: 'min_above_max', line: 13 },
      { path: 'expect.*.occupancy', code: 'empty_bound', line: 14 },
      { path: 'expect.*.asaSeconds.confidence', code: 'invalid_value', line: 15 },
    ],
  },
  // --- variants ----------------------------------------------------------------------------------------
  {
    name: 'problems inside a variant are located under variants.<name>',
    text: scenarioText({
      extra: [
        'variants:',
        '  lean:',
        '    staffing: { agents: -2 }',
        '  tight:',
        '    calendar: { intervalMinuts: 15 }',
        '    handling: { handleTime: { distribution: lognormal, meanSeconds: 200 } }',
      ].join('\n'),
    }),
    issues: [
      { path: 'variants.lean.staffing.agents', code: 'too_small', line: 13, column: 25 },
      { path: 'variants.tight.calendar.intervalMinuts', code: 'unknown_key', line: 15, column: 17 },
      { path: 'variants.tight.handling.handleTime.cv', code: 'required', line: 16, column: 17 },
    ],
  },
  {
    name: 'a problem of the base that only some variants inherit names them',
    text: scenarioText({
      staffing: 'staffing:\n  agents: 10\n  agentsPerInterval: [1]',
      extra: 'variants:\n  a: {}\n  b: { staffing: { target: { serviceLevel: 0.8 } } }',
    }),
    issues: [
      { path: 'staffing.agentsPerInterval', code: 'conflicting_forms', line: 11, message: '(in variant "a")' },
      { path: 'staffing.agentsPerInterval', code: 'length_mismatch', line: 11, message: '(in variant "a")' },
    ],
  },
  {
    name: 'a variant may not change the name, and sections must exist',
    text: scenarioText({ extra: 'variants:\n  a: { name: other, staffng: { agents: 3 } }' }),
    issues: [
      { path: 'variants.a.name', code: 'not_allowed_in_variant', line: 12, column: 8 },
      { path: 'variants.a.staffng', code: 'unknown_key', line: 12, column: 21, message: 'did you mean "staffing"?' },
    ],
  },
  {
    name: 'an empty variants mapping',
    text: scenarioText({ extra: 'variants: {}' }),
    issues: [{ path: 'variants', code: 'no_variants', line: 11 }],
  },
  {
    name: '"*" is not a variant name',
    text: scenarioText({ extra: 'variants:\n  "*": {}' }),
    issues: [{ path: 'variants.*', code: 'reserved_name', line: 12 }],
  },
  // --- the whole file ----------------------------------------------------------------------------------
  {
    name: 'a YAML syntax error, with line and column',
    text: 'name: Test\ncalendar:\n  open: "08:00"\n  close: [1, 2\n',
    issues: [{ path: '', code: 'yaml_syntax', line: 5, column: 1, message: 'BAD_INDENT' }],
  },
  {
    name: 'a duplicate key is a syntax error',
    text: scenarioText({ extra: 'name: Again' }),
    issues: [{ path: '', code: 'yaml_syntax', line: 11, column: 1, message: 'DUPLICATE_KEY' }],
  },
  {
    name: 'a list instead of a scenario',
    text: '- name: Test\n',
    issues: [{ path: '', code: 'invalid_type', line: 1, column: 1 }],
  },
  {
    name: 'an empty file',
    text: '',
    issues: [{ path: '', code: 'invalid_type' }],
  },
  {
    name: 'several problems at once, all reported, in file order',
    text: [
      'name: ""',
      'calendar:',
      '  open: "17:00"',
      '  close: "08:00"',
      'demand:',
      '  casesPerDay: -1',
      'handling:',
      '  handleTime: { distribution: fixed, seconds: 30, minutes: 1 }',
      '  firstContactResolution: 2',
      'staffing:',
      '  agents: 3',
      '  shifts: []',
      'costs: { agentHour: cheap }',
    ].join('\n'),
    issues: [
      { path: 'name', code: 'too_small', line: 1 },
      { path: 'calendar.close', code: 'close_before_open', line: 4 },
      { path: 'demand.casesPerDay', code: 'too_small', line: 6 },
      { path: 'handling.handleTime.minutes', code: 'conflicting_units', line: 8 },
      { path: 'handling.firstContactResolution', code: 'too_big', line: 9 },
      { path: 'staffing.shifts', code: 'too_small', line: 12 },
      { path: 'staffing.shifts', code: 'conflicting_forms', line: 12 },
      { path: 'costs.agentHour', code: 'invalid_type', line: 13 },
    ],
  },
];

describe('invalid scenarios', () => {
  it('has a broad table of cases', () => {
    expect(invalidCases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(invalidCases)('$name', ({ text, issues: expectedIssues }) => {
    const issues = issuesOf(text);
    expect(issues.map(({ path, code }) => ({ path, code }))).toEqual(expectedIssues.map(({ path, code }) => ({ path, code })));
    issues.forEach((issue, index) => {
      const wanted = expectedIssues[index];
      if (wanted === undefined) return;
      expect(issue.file).toBe('test.yaml');
      if (wanted.line !== undefined) expect(issue.line, `line of ${issue.path}`).toBe(wanted.line);
      if (wanted.column !== undefined) expect(issue.column, `column of ${issue.path}`).toBe(wanted.column);
      if (wanted.message !== undefined) expect(issue.message).toContain(wanted.message);
    });
  });
});
