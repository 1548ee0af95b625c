/**
 * The scenario format (SPEC §2) as one zod schema: the single home of every user-facing key, its unit, its
 * range and its default. Everything else in `src/scenario` derives from it: validation (zod issues rewritten
 * into `{path, code, message}`), the cross-field rules (which read fields through these schemas, so the
 * defaults come from here), the deep-partial schema of a variant and the JSON Schema for editors.
 *
 * The schema validates and fills in defaults; it converts nothing. Keys keep their user-facing units
 * (`meanMinutes`, `intervalMinutes`, `warmupHours`); `to-model.ts` converts them to seconds exactly once.
 */
import * as z from 'zod';
import { ALL_METRIC_NAMES } from '../core/metrics.js';
import { DEFAULT_HOURS_PER_FTE, MONTHS, WEEKDAYS } from '../core/model/contact-centre-model.js';

// Zod compiles a fast path for each object schema with `new Function` at its first parse. A scenario is parsed once
// per command (once per key press in the explorer), so compiling costs more than it saves: about 12 ms per command.
z.config({ jitless: true });

// ---------------------------------------------------------------------------------------------------------
// Messages: every leaf schema says what it expects, so every zod issue reads "expected X (got Y)".
// ---------------------------------------------------------------------------------------------------------

/**
 * A short, human description of a value found in a document, for "(got …)".
 * @example describeValue('25:00') // '"25:00"'
 * @example describeValue([1, 2]) // 'a list'
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/**
 * A zod error function: "expected <what> (got <value>)", or "required: expected <what>" for a missing key.
 * Given once to a schema, zod uses it for the schema's type check and for all of its checks.
 * @example z.number({ error: expected('a positive integer') }).int().positive().safeParse(-5)
 *   // issue message 'expected a positive integer (got -5)'
 */
export function expected(what: string): (issue: { readonly input?: unknown }) => string {
  return (issue) =>
    issue.input === undefined ? `required: expected ${what}` : `expected ${what} (got ${describeValue(issue.input)})`;
}

/** "HH:MM" from "00:00" to "24:00" (24:00 is the end of the day). */
export const TIME_PATTERN = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
/** An ISO date, "YYYY-MM-DD" (whether the day exists is checked by the rules). */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const timeExpectation = 'a time "HH:MM"';

function timeError(issue: { readonly input?: unknown }): string {
  const base = expected(timeExpectation)(issue);
  // YAML 1.1 reads an unquoted 08:00 as the sexagesimal number 480.
  if (typeof issue.input === 'number') return `${base}; quote times in YAML, e.g. "08:00"`;
  // "8:00", "8:30": hours need two digits.
  if (typeof issue.input === 'string' && /^\d:[0-5]\d$/.test(issue.input.trim())) return `${base}; write it as "0${issue.input.trim()}"`;
  return base;
}

/**
 * The ranges the numbers of the format must lie in: what the model and the machine can honour (a scenario outside
 * them is refused with its location; scenarios/README.md, "Limits", lists them).
 */
export const LIMITS = {
  /** Any duration: at most 366 days. */
  seconds: 31_622_400,
  /** A positive mean duration: at least a millisecond. */
  minMeanSeconds: 0.001,
  /** Coefficient of variation of a lognormal or gamma. */
  cv: { min: 0.0001, max: 100 },
  /** Phases of an Erlang distribution. */
  erlangPhases: 1000,
  days: 3660,
  /** Intervals in a run: days × intervals per day (a year of 15-minute intervals around the clock is 35,136). */
  intervals: 40_000,
  casesPerDay: 10_000_000,
  casesPerHour: 1_000_000,
  casesPerInterval: 1_000_000,
  /** Expected new cases in one replication (phone and channels): a replication must end in minutes. */
  casesPerRun: 50_000_000,
  /** An intraday-profile weight (weights are relative). */
  weight: 1e9,
  dayFactor: 1000,
  overdispersion: 10,
  agents: 100_000,
  maxQueue: 1_000_000,
  attempts: 100,
  tries: 100,
  replications: 10_000,
  money: 1e9,
} as const;

/** A number with thousands separators for messages. @example limitText(1000000) // '1,000,000' */
export function limitText(value: number): string {
  // Not toLocaleString: the schema is built at start-up, and ICU formatting costs milliseconds there.
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

const text = (what = 'a text') => z.string({ error: expected(what) });
/** A number in [min, max] (or (min, max] with `exclusiveMin`), its message naming the range. */
const inRange = (what: string, min: number, max: number, options: { integer?: boolean; exclusiveMin?: boolean } = {}) => {
  const range = `${options.exclusiveMin === true ? '>' : '≥'} ${limitText(min)} and ≤ ${limitText(max)}`;
  let schema = z.number({ error: expected(`${what} ${range}`) });
  if (options.integer === true) schema = schema.int();
  schema = options.exclusiveMin === true ? schema.gt(min) : schema.min(min);
  return schema.max(max);
};
const seconds = (what: string) => inRange(what, 0, LIMITS.seconds);
const minutes = (what: string) => inRange(what, 0, LIMITS.seconds / 60);
const meanSecondsField = () => inRange('a mean in seconds', LIMITS.minMeanSeconds, LIMITS.seconds);
const meanMinutesField = () => inRange('a mean in minutes', LIMITS.minMeanSeconds / 60, LIMITS.seconds / 60);
const amount = () => inRange('an amount', 0, LIMITS.money);
const share = (what = 'a share between 0 and 1') => z.number({ error: expected(what) }).min(0).max(1);
const timeOfDay = () => z.string({ error: timeError }).regex(TIME_PATTERN);
/** An ISO date "YYYY-MM-DD"; the rules check that it exists. */
const isoDate = () => z.string({ error: expected('a date "YYYY-MM-DD"') }).regex(ISO_DATE_PATTERN, { error: expected('a date "YYYY-MM-DD"') });
const mapping = <Shape extends z.ZodRawShape>(shape: Shape, what = 'a mapping') =>
  z.strictObject(shape, { error: expected(what) });
const list = <Item extends z.ZodType>(item: Item, what: string) => z.array(item, { error: expected(what) });

/** A weekday key, `mon` … `sun`. */
export const WeekdaySchema = z.enum(WEEKDAYS, { error: expected('a weekday: mon, tue, wed, thu, fri, sat or sun') });

// ---------------------------------------------------------------------------------------------------------
// Distributions
// ---------------------------------------------------------------------------------------------------------

/** The `distribution:` values, in the order the documentation lists them. */
export const DISTRIBUTION_KINDS = ['exponential', 'lognormal', 'gamma', 'erlang', 'fixed', 'uniform', 'empirical'] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

const meanFields = {
  meanSeconds: meanSecondsField()
    .optional()
    .describe('Mean, seconds. Give the mean exactly once: meanSeconds or meanMinutes.'),
  meanMinutes: meanMinutesField()
    .optional()
    .describe('Mean, minutes. Give the mean exactly once: meanSeconds or meanMinutes.'),
};
const cvField = inRange('a coefficient of variation', LIMITS.cv.min, LIMITS.cv.max).describe(
  'Coefficient of variation: standard deviation / mean (> 0). 1 is as variable as an exponential.',
);

const kind = <K extends DistributionKind>(name: K) =>
  z.literal(name).describe(`Distribution family: one of ${DISTRIBUTION_KINDS.join(', ')}.`);

export const ExponentialSchema = mapping({ distribution: kind('exponential'), ...meanFields }).describe(
  'Exponential (memoryless; coefficient of variation 1) with the given mean.',
);
export const LognormalSchema = mapping({ distribution: kind('lognormal'), ...meanFields, cv: cvField }).describe(
  'Lognormal with the given mean and coefficient of variation (typical for handle times).',
);
export const GammaSchema = mapping({ distribution: kind('gamma'), ...meanFields, cv: cvField }).describe(
  'Gamma with the given mean and coefficient of variation.',
);
export const ErlangSchema = mapping({
  distribution: kind('erlang'),
  ...meanFields,
  k: inRange('a whole number of phases', 1, LIMITS.erlangPhases, { integer: true }).describe('Number of phases (integer, 1 … 1000); cv = 1/√k.'),
}).describe('Erlang: the sum of k exponential phases with the given total mean.');
export const FixedSchema = mapping({
  distribution: kind('fixed'),
  seconds: seconds('a duration in seconds')
    .optional()
    .describe('The duration, seconds. Give it exactly once: seconds or minutes.'),
  minutes: minutes('a duration in minutes')
    .optional()
    .describe('The duration, minutes. Give it exactly once: seconds or minutes.'),
}).describe('Always the same duration.');
export const UniformSchema = mapping({
  distribution: kind('uniform'),
  minSeconds: seconds('a duration in seconds').optional().describe('Lower bound, seconds (with maxSeconds).'),
  maxSeconds: seconds('a duration in seconds').optional().describe('Upper bound, seconds (with minSeconds).'),
  minMinutes: minutes('a duration in minutes').optional().describe('Lower bound, minutes (with maxMinutes).'),
  maxMinutes: minutes('a duration in minutes').optional().describe('Upper bound, minutes (with minMinutes).'),
}).describe('Uniform between min and max: minSeconds/maxSeconds or minMinutes/maxMinutes, min ≤ max.');
export const EmpiricalSchema = mapping({
  distribution: kind('empirical'),
  seconds: list(seconds('a duration in seconds'), 'a list of durations in seconds')
    .min(1)
    .describe('Observed durations, seconds; each is drawn with equal probability.'),
}).describe('Resamples observed durations.');

/**
 * A random duration: `{ distribution: <kind>, …parameters }`, every time with its unit in its key.
 * A variant's distribution replaces the base's wholesale (the fields differ by kind).
 */
export const DistributionSchema = z
  .discriminatedUnion(
    'distribution',
    [ExponentialSchema, LognormalSchema, GammaSchema, ErlangSchema, FixedSchema, UniformSchema, EmpiricalSchema],
    { error: expected(`a distribution: { distribution: ${DISTRIBUTION_KINDS.join(' | ')}, … }`) },
  )
  .describe(
    'A random duration. exponential {meanSeconds|meanMinutes}; lognormal, gamma {mean…, cv}; erlang {mean…, k}; ' +
      'fixed {seconds|minutes}; uniform {minSeconds, maxSeconds | minMinutes, maxMinutes}; empirical {seconds: [..]}.',
  );
export type DistributionInput = z.output<typeof DistributionSchema>;

/**
 * Where distributions sit, relative to the scenario root (they merge and override as one value). `*` stands for any
 * group or channel name.
 */
export const DISTRIBUTION_PATHS = [
  ['handling', 'handleTime'],
  ['handling', 'repeatContact', 'delay'],
  ['customers', 'patience'],
  ['customers', 'redial', 'delay'],
  ['groups', '*', 'handling', 'handleTime'],
  ['groups', '*', 'tasks', 'callbackHandleTime'],
  ['groups', '*', 'tasks', 'callbackReach', 'retryDelay'],
  ['transfers', 'patience'],
  ['channels', '*', 'handleTime'],
] as const;

/**
 * The concrete paths of `DISTRIBUTION_PATHS` in a document: `*` replaced by each group or channel name it has.
 * @example distributionPathsIn({ groups: { a: {} } }).filter((p) => p[0] === 'groups')[0] // ['groups', 'a', 'handling', 'handleTime']
 */
export function distributionPathsIn(document: unknown): (readonly string[])[] {
  const out: (readonly string[])[] = [];
  for (const pattern of DISTRIBUTION_PATHS) {
    const star = pattern.indexOf('*' as never);
    if (star < 0) {
      out.push(pattern);
      continue;
    }
    const owner = pattern[star - 1] as string;
    const section = typeof document === 'object' && document !== null ? (document as Record<string, unknown>)[owner] : undefined;
    if (typeof section !== 'object' || section === null || Array.isArray(section)) continue;
    for (const name of Object.keys(section)) out.push(pattern.map((segment) => (segment === '*' ? name : segment)));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------------------

export const CalendarSchema = mapping(
  {
    days: inRange('a whole number of days', 1, LIMITS.days, { integer: true }).default(1).describe('Number of simulated days (1 … 3660). Default 1.'),
    startWeekday: WeekdaySchema.default('mon').describe('Weekday of day 1: mon … sun. Default mon.'),
    open: timeOfDay().describe('Opening time, "HH:MM" (local time, "00:00" to "24:00"). Required.'),
    close: timeOfDay().describe('Closing time, "HH:MM", after open; "00:00" to "24:00" is a 24-hour day. Required.'),
    intervalMinutes: inRange('a whole number of minutes', 1, 1440, { integer: true })
      .default(30)
      .describe('Length of one planning interval, minutes; must divide the opening time evenly. Default 30.'),
    startDate: isoDate().optional().describe('The date of day 1, "YYYY-MM-DD"; sets startWeekday and dates every row. Optional.'),
    endDate: isoDate()
      .optional()
      .describe('The last day of the run, "YYYY-MM-DD" (with startDate, instead of days): 2027-01-01 to 2027-12-31 is 365 days.'),
    closedWeekdays: list(WeekdaySchema, 'a list of weekdays, e.g. [sat, sun]')
      .optional()
      .describe(
        'Weekdays the centre is closed: no calls, no agents, no rows. Default with a startDate: [sat, sun] unless ' +
          'dayFactors lists them or the centre is open 24 hours; without one: none.',
      ),
    holidays: z
      .union([text('a country code such as SE, or a list of country codes and dates'), list(text('a country code or a date "YYYY-MM-DD"'), 'a list of country codes and dates')], {
        error: expected('a country code such as SE, or a list of country codes and "YYYY-MM-DD" dates'),
      })
      .optional()
      .describe(
        'Days the centre is closed besides closedWeekdays (needs startDate): a country code (SE, GB, US, DE-BY …) for its ' +
          'public and bank holidays, dates "YYYY-MM-DD", or a list of both.',
      ),
  },
  'a mapping with open and close',
).describe('Opening hours and the interval grid.');

/** The three ways to give demand; exactly one is required. */
export const DEMAND_FORMS = ['casesPerDay', 'casesPerHour', 'casesPerInterval'] as const;

export const DayFactorsSchema = mapping(
  Object.fromEntries(
    WEEKDAYS.map((day) => [day, inRange('a day factor', 0, LIMITS.dayFactor).optional().describe(`Relative volume on ${day}.`)]),
  ) as Record<(typeof WEEKDAYS)[number], z.ZodOptional<z.ZodNumber>>,
  'a mapping from weekday (mon … sun) to a factor',
).describe(
  'Relative volume per weekday, normalised to mean 1 over the listed weekdays; must list every weekday the calendar ' +
    'simulates. Optional: every day alike.',
);

export const MonthFactorsSchema = mapping(
  Object.fromEntries(
    MONTHS.map((month) => [month, inRange('a month factor', 0, LIMITS.dayFactor).optional().describe(`Relative volume per day in ${month}.`)]),
  ) as Record<(typeof MONTHS)[number], z.ZodOptional<z.ZodNumber>>,
  'a mapping from month (jan … dec) to a factor',
).describe(
  'Seasonality: relative volume per day in each month, normalised to mean 1 over the listed months; needs ' +
    'calendar.startDate and must list every month the run covers. Optional: every month alike.',
);

export const DemandSchema = mapping(
  {
    casesPerDay: inRange('a number of cases per day', 0, LIMITS.casesPerDay)
      .optional()
      .describe('Expected first contacts per day, spread over the intervals by intradayProfile (flat without it).'),
    intradayProfile: list(inRange('a weight', 0, LIMITS.weight), 'a list of weights, one per interval')
      .optional()
      .describe('Weights per interval of a day (with casesPerDay), normalised to sum 1; not all zero. Default: flat.'),
    casesPerHour: inRange('a number of cases per hour', 0, LIMITS.casesPerHour)
      .optional()
      .describe('Expected first contacts per hour, the same all day.'),
    casesPerInterval: list(inRange('a number of cases', 0, LIMITS.casesPerInterval), 'a list of numbers, one per interval')
      .optional()
      .describe('Expected first contacts in each interval of a day (one number per interval).'),
    dayFactors: DayFactorsSchema.optional(),
    monthFactors: MonthFactorsSchema.optional(),
    overdispersion: inRange('a coefficient of variation', 0, LIMITS.overdispersion)
      .default(0)
      .describe('Coefficient of variation of a gamma multiplier (mean 1) drawn per day; 0 = Poisson. Default 0.'),
  },
  'a mapping with casesPerDay, casesPerHour or casesPerInterval',
).describe(
  'First contacts of new cases (not redials, not repeat contacts): exactly one of casesPerDay (with optional ' +
    'intradayProfile), casesPerHour or casesPerInterval; each is multiplied by the normalised day factor.',
);

const repeatContactDelayDefault: DistributionInput = { distribution: 'exponential', meanMinutes: 240 };
const redialDelayDefault: DistributionInput = { distribution: 'exponential', meanMinutes: 10 };

export const RepeatContactSchema = mapping({
  probability: share()
    .default(0)
    .describe('Probability that an unresolved case comes back as a repeat contact (else it ends unresolved). Default 0.'),
  delay: DistributionSchema.default(repeatContactDelayDefault).describe(
    'Time from the end of the unresolved contact to the repeat contact. Default exponential, mean 240 minutes.',
  ),
});

export const HandlingSchema = mapping(
  {
    handleTime: DistributionSchema.optional().describe(
      'Talk + wrap-up time of one answered attempt. Required without groups; with groups each group has its own.',
    ),
    firstContactResolution: share()
      .default(1)
      .describe('Probability that an answered contact resolves the case. Default 1. Not with groups (each group has its own).'),
    repeatContact: RepeatContactSchema.default(RepeatContactSchema.parse({})).describe(
      'What happens to a case that an answered contact did not resolve.',
    ),
  },
  'a mapping with handleTime',
).describe(
  'Service: handle time, resolution and repeat contacts. With groups only repeatContact is allowed here (how customers ' +
    'come back is theirs; handle times and outcomes belong to the groups).',
);

export const RedialSchema = mapping({
  probability: share()
    .default(0)
    .describe('Probability that a caller who abandoned tries again. Default 0.'),
  delay: DistributionSchema.default(redialDelayDefault).describe(
    'Time from abandoning to the redial. Default exponential, mean 10 minutes.',
  ),
});

export const CustomersSchema = mapping({
  patience: DistributionSchema.optional().describe(
    'How long one attempt waits in the queue before abandoning. Omit for infinite patience (nobody abandons).',
  ),
  redial: RedialSchema.default(RedialSchema.parse({})).describe('What a caller does after abandoning.'),
  maxAttempts: inRange('a whole number of attempts', 1, LIMITS.attempts, { integer: true })
    .optional()
    .describe('Cap on attempts per case; after the last one the case is lost unresolved. Default: no cap.'),
}).describe('Caller behaviour: patience and redials.');

export const BreakSchema = mapping(
  {
    start: timeOfDay().describe('Start of the break, "HH:MM".'),
    minutes: inRange('a duration in minutes', 0, 1440, { exclusiveMin: true }).describe('Length of the break, minutes.'),
  },
  'a mapping with start and minutes',
);

export const ShiftSchema = mapping(
  {
    name: text().min(1).describe('Name of the shift (unique).'),
    start: timeOfDay().describe('Start, "HH:MM".'),
    end: timeOfDay().describe('End, "HH:MM", after start (same day; "24:00" at the latest).'),
    agents: inRange('a whole number of agents', 0, LIMITS.agents, { integer: true }).describe('Paid agents working this shift.'),
    breaks: list(BreakSchema, 'a list of breaks')
      .optional()
      .describe('Breaks inside the shift, during which its agents are off the phones (paid). Default none.'),
    days: list(WeekdaySchema, 'a list of weekdays')
      .optional()
      .describe('Weekdays the shift works (mon … sun). Default: every simulated day.'),
  },
  'a mapping with name, start, end and agents',
);

export const ShiftTemplateBreakSchema = mapping(
  {
    minutes: inRange('a duration in minutes', 0, 1440, { exclusiveMin: true }).describe('Length of the break, minutes (paid, off the phones).'),
    earliestAfterHours: inRange('a number of hours', 0, 24).describe(
      'The break starts at the earliest this many hours after the shift starts.',
    ),
    latestAfterHours: inRange('a number of hours', 0, 24).describe(
      'The break starts at the latest this many hours after the shift starts (≥ earliestAfterHours; the break must end ' +
        'inside the shortest length).',
    ),
    everyMinutes: inRange('a whole number of minutes', 1, 1440, { integer: true })
      .optional()
      .describe('Granularity of the break start inside the window, minutes. Default: calendar.intervalMinutes.'),
  },
  'a mapping with minutes, earliestAfterHours and latestAfterHours',
).describe(
  'One break per shift, placed by the scheduler at one of the allowed positions of its window (each position is a ' +
    'shift of its own, so breaks stagger). earliestAfterHours = latestAfterHours fixes the position.',
);

export const ShiftTemplateSchema = mapping(
  {
    name: text().min(1).describe('Name of the template (unique); the shifts built from it are named after it.'),
    lengthsHours: list(inRange('a length in hours', 0, 24, { exclusiveMin: true }), 'a list of shift lengths in hours')
      .min(1)
      .describe('Allowed paid lengths of a shift, hours, breaks included, e.g. [8] or [6, 8].'),
    earliestStart: timeOfDay().optional().describe('Earliest start, "HH:MM". Default: calendar.open.'),
    latestEnd: timeOfDay().optional().describe('Latest end, "HH:MM" (shifts cannot cross midnight). Default: calendar.close.'),
    startEveryMinutes: inRange('a whole number of minutes', 1, 1440, { integer: true })
      .optional()
      .describe('Start-time granularity: starts at earliestStart + k × this, minutes. Default: calendar.intervalMinutes.'),
    days: list(WeekdaySchema, 'a list of weekdays')
      .optional()
      .describe('Weekdays the template may be used (mon … sun). Default: every simulated day.'),
    break: ShiftTemplateBreakSchema.optional(),
    minAgents: inRange('a whole number of agents', 0, LIMITS.agents, { integer: true })
      .default(0)
      .describe('At least this many agents on this template on each day it is used (all starts together). Default 0.'),
    maxAgents: inRange('a whole number of agents', 0, LIMITS.agents, { integer: true })
      .optional()
      .describe('At most this many agents on this template per day (all starts together). Default: no cap.'),
    costPerHour: amount()
      .optional()
      .describe("Cost per paid hour on this template, in the scenario's currency. Default: costs.agentHour."),
  },
  'a mapping with name and lengthsHours',
).describe('A kind of shift the shift scheduler (`staffsim plan --shifts`) may use.');

/** The staffing methods of a target. */
export const TARGET_METHODS = ['erlang-c', 'erlang-a', 'isa'] as const;

/** The bounds of a target; at least one is required. */
export const TARGET_BOUNDS = ['serviceLevel', 'maxAbandonShare', 'maxOccupancy', 'maxAsaSeconds'] as const;

export const TargetSchema = mapping({
  serviceLevel: share('a service level between 0 and 1')
    .optional()
    .describe('Minimum service level (share answered within answerWithinSeconds, per serviceLevel.definition).'),
  answerWithinSeconds: inRange('a number of seconds', 0, 86_400)
    .optional()
    .describe('Threshold of the service level, seconds. Default: serviceLevel.answerWithinSeconds.'),
  maxAbandonShare: share().optional().describe('Maximum share of attempts that abandon.'),
  maxOccupancy: z
    .number({ error: expected('an occupancy > 0 and ≤ 1') })
    .positive()
    .max(1)
    .optional()
    .describe('Maximum occupancy: busy time / time on the phones.'),
  maxAsaSeconds: inRange('a number of seconds', 0, LIMITS.seconds, { exclusiveMin: true }).optional().describe('Maximum mean wait of answered attempts, seconds.'),
  method: z
    .enum(TARGET_METHODS, { error: expected(`one of ${TARGET_METHODS.join(', ')}`) })
    .optional()
    .describe(
      'How the minimum agents per interval are found: erlang-c, erlang-a or isa (simulation-based). ' +
        'Default: erlang-a when customers.patience is given, else erlang-c.',
    ),
}).describe('Solve, per interval, the fewest agents on the phones that meet every given bound (at least one).');

/** The four ways to give staffing; exactly one is required. */
export const STAFFING_FORMS = ['agents', 'agentsPerInterval', 'shifts', 'target'] as const;

export const StaffingSchema = mapping(
  {
    agents: inRange('a whole number of agents', 0, LIMITS.agents, { integer: true })
      .optional()
      .describe('Agents on the phones, the same in every interval. Paid hours = on-phone hours / (1 − shrinkage).'),
    agentsPerInterval: list(inRange('a whole number of agents', 0, LIMITS.agents, { integer: true }), 'a list of agent counts, one per interval')
      .optional()
      .describe('Agents on the phones in each interval of a day. Paid hours = on-phone hours / (1 − shrinkage).'),
    shifts: list(ShiftSchema, 'a list of shifts')
      .min(1)
      .optional()
      .describe(
        'Paid shifts. On the phones per interval = (agents on shift − on break) × (1 − shrinkage), rounded ' +
          'stochastically. Paid hours = shift length × agents.',
      ),
    target: TargetSchema.optional(),
    shiftTemplates: list(ShiftTemplateSchema, 'a list of shift templates')
      .min(1)
      .optional()
      .describe(
        'Shift templates for `staffsim plan --shifts`, which turns the per-interval requirement into shifts. Not a ' +
          'staffing form: it sits beside agents, agentsPerInterval, shifts or target and changes nothing else.',
      ),
    shrinkage: z
      .number({ error: expected('a share ≥ 0 and < 1') })
      .min(0)
      .lt(1)
      .default(0)
      .describe('Share of paid time not on the phones (absence, training, meetings), in [0, 1). Default 0.'),
  },
  'a mapping with one of agents, agentsPerInterval, shifts or target',
).describe('Exactly one of agents, agentsPerInterval, shifts or target, plus shrinkage (and optional shiftTemplates).');

// ---------------------------------------------------------------------------------------------------------
// Agent groups, transfers and channels (SPEC §7)
// ---------------------------------------------------------------------------------------------------------

const groupShares = (what: string) =>
  z
    .record(z.string(), share(), { error: expected('a mapping from group name to a share between 0 and 1') })
    .describe(what);

export const OutcomesSchema = mapping(
  {
    resolved: share().optional().describe('Share of answered calls that resolve the case.'),
    transfer: groupShares(
      'Shares of answered calls transferred, per target group: the caller joins that group’s queue at once, with a fresh ' +
        'patience (transfers.patience).',
    ).optional(),
    callback: groupShares('Shares of answered calls that become a callback task in the named group’s backlog.').optional(),
    unresolved: share()
      .optional()
      .describe('Share of answered calls that leave the case unresolved (it comes back as a repeat contact, or is given up).'),
  },
  'a mapping with resolved, transfer, callback and unresolved shares',
).describe('What happens after the group answers a call; the shares sum to 1 (omitted ones are 0).');

export const GroupHandlingSchema = mapping(
  {
    handleTime: DistributionSchema.describe('Talk + wrap-up time of one answered call in this group. Required.'),
    firstContactResolution: share()
      .optional()
      .describe('Short for outcomes: { resolved: p, unresolved: 1 − p }. Give this or outcomes; default 1.'),
    outcomes: OutcomesSchema.optional(),
  },
  'a mapping with handleTime',
).describe('The group’s calls: handle time and what an answered call leads to.');

export const CallbackReachSchema = mapping({
  probability: share()
    .default(1)
    .describe('Probability that a callback try reaches the customer. Default 1.'),
  retryDelay: DistributionSchema.default({ distribution: 'fixed', minutes: 60 }).describe(
    'Time from an unanswered try to the next. Default fixed, 60 minutes.',
  ),
  maxTries: inRange('a whole number of tries', 1, LIMITS.tries, { integer: true })
    .default(3)
    .describe('Tries in all; after the last unanswered one the case is unresolved. Default 3.'),
}).describe('Whether callbacks reach the customer, and how they are retried.');

export const GroupTasksSchema = mapping({
  callbackHandleTime: DistributionSchema.optional().describe(
    'Agent time of one callback try, reached or not. Required when any group routes callbacks to this one.',
  ),
  callbackReach: CallbackReachSchema.default(CallbackReachSchema.parse({})),
  dueHours: inRange('a number of hours', 0, LIMITS.seconds / 3600)
    .default(24)
    .describe('Target: a task is started within this many hours of its creation (tasksWithinDueShare). Default 24.'),
}).describe('Back-office work of the group (callbacks and channel tasks), worked when no call of the group waits.');

export const GroupCostsSchema = mapping({
  agentHour: amount().optional().describe('Cost per paid agent hour in this group. Default: costs.agentHour.'),
  overtimeHour: amount()
    .optional()
    .describe('Cost per overtime hour in this group. Default: this group’s agentHour, else costs.overtimeHour.'),
}).describe('Prices of this group’s hours, in the scenario’s currency.');

export const GroupSchema = mapping(
  {
    staffing: StaffingSchema,
    handling: GroupHandlingSchema,
    maxQueue: inRange('a whole number of waiting places', 0, LIMITS.maxQueue, { integer: true })
      .optional()
      .describe('Waiting places in the group’s queue; a call that finds them all taken is blocked. 0 = no waiting. Default: unlimited.'),
    tasks: GroupTasksSchema.optional(),
    costs: GroupCostsSchema.optional(),
  },
  'a mapping with staffing and handling',
).describe('One agent group: its own queue, agents (any staffing form), handle time, outcomes, tasks and prices.');

export const GroupsSchema = z
  .record(z.string(), GroupSchema, { error: expected('a mapping from group name to a group') })
  .describe(
    'Agent groups, in order: the first answers every call the customer dials. With groups, staffing and handle times ' +
      'live in the groups (no top-level staffing).',
  );

export const TransfersSchema = mapping({
  patience: DistributionSchema.optional().describe(
    'Fresh patience of a transferred caller in the new queue. Default: customers.patience (omit both for infinite patience).',
  ),
  failed: z
    .enum(['callAgain'], { error: expected('callAgain') })
    .default('callAgain')
    .describe('A blocked or abandoned transfer is treated as an abandoned call: the customer redials (customers.redial).'),
}).describe('What happens to transferred callers.');

export const ChannelSchema = mapping(
  {
    casesPerDay: DemandSchema.shape.casesPerDay,
    intradayProfile: DemandSchema.shape.intradayProfile,
    casesPerHour: DemandSchema.shape.casesPerHour,
    casesPerInterval: DemandSchema.shape.casesPerInterval,
    dayFactors: DemandSchema.shape.dayFactors,
    monthFactors: DemandSchema.shape.monthFactors,
    overdispersion: DemandSchema.shape.overdispersion,
    group: text('a group name').min(1).describe('The group that works this channel’s tasks. Required.'),
    handleTime: DistributionSchema.describe('Agent time of one task. Required.'),
    firstContactResolution: share()
      .default(1)
      .describe('Share of tasks that resolve the case; the others come back as phone repeat contacts. Default 1.'),
  },
  'a mapping with a demand form, group and handleTime',
).describe('A non-phone channel (e-mail, web form): new cases worked as tasks of a group; they never ring.');

export const ChannelsSchema = z
  .record(z.string(), ChannelSchema, { error: expected('a mapping from channel name to a channel') })
  .describe('Non-phone channels, each with its own demand (the keys of demand), group, handle time and resolution.');

export const SERVICE_LEVEL_DEFINITIONS = ['answered-of-offered', 'answered-of-answered', 'exclude-short-abandons'] as const;

export const ServiceLevelSchema = mapping({
  answerWithinSeconds: inRange('a number of seconds', 0, 86_400)
    .default(20)
    .describe('Threshold T of the service level, seconds. Default 20.'),
  definition: z
    .enum(SERVICE_LEVEL_DEFINITIONS, { error: expected(`one of ${SERVICE_LEVEL_DEFINITIONS.join(', ')}`) })
    .default('answered-of-offered')
    .describe(
      'answered-of-offered: answered within T / attempts; answered-of-answered: answered within T / answered; ' +
        'exclude-short-abandons: answered within T / (attempts − abandons within shortAbandonSeconds). ' +
        'Default answered-of-offered.',
    ),
  shortAbandonSeconds: inRange('a number of seconds', 0, 86_400)
    .default(5)
    .describe('Abandons within this many seconds are left out by exclude-short-abandons. Default 5.'),
}).describe('How the service level is measured.');

const money = (meaning: string) =>
  amount()
    .default(0)
    .describe(`${meaning}, in the scenario's currency. Default 0.`);

export const CostsSchema = mapping({
  agentHour: money('Cost per paid agent hour, fully loaded (salary + social fees)'),
  overtimeHour: amount()
    .optional()
    .describe("Cost per overtime hour (agent busy past the plan), in the scenario's currency. Default: agentHour."),
  telephonyMinute: money('Cost per minute a caller is connected (queue + talk)'),
  customerWaitMinute: money("Value of a caller's minute spent waiting in the queue"),
  repeatContact: money('Extra cost per repeat contact, beyond agent time'),
  unresolvedCase: money('Cost of a case given up or lost unresolved'),
  fixedPerDay: money('Fixed cost per open day'),
  hoursPerFte: inRange('a number of hours a year', 1, 8784)
    .default(DEFAULT_HOURS_PER_FTE)
    .describe(
      'Paid hours of one full-time equivalent in a year, for FTEs (paid hours / (hoursPerFte × the run’s share of a ' +
        'year)). Default 1,700: a 40-hour week less holidays, public holidays and typical absence.',
    ),
}).describe('Prices, in the scenario currency.');

export const SimulationSchema = mapping({
  replications: inRange('a whole number of replications', 1, LIMITS.replications, { integer: true })
    .default(20)
    .describe('Independent replications of the run. Default 20.'),
  seed: inRange('a whole number', 0, Number.MAX_SAFE_INTEGER, { integer: true }).default(1).describe('Base seed of every random stream. Default 1.'),
  warmupHours: inRange('a number of hours', 0, LIMITS.days * 24)
    .default(0)
    .describe('Statistics ignore attempts arriving earlier than this after the first opening, hours. Default 0.'),
}).describe('Simulation settings.');

/**
 * One runnable scenario: everything but `variants` and `expect`. Each variant, merged over the base, must
 * satisfy this schema (and the rules of `rules.ts`).
 */
export const ScenarioBaseSchema = mapping(
  {
    name: text().min(1).describe('Name of the scenario. Required.'),
    description: text().default('').describe('Free text; cite where the figures come from. Default "".'),
    currency: text('a currency, e.g. "SEK"').min(1).default('SEK').describe('Currency of every amount. Default "SEK".'),
    calendar: CalendarSchema,
    demand: DemandSchema,
    handling: HandlingSchema.default(HandlingSchema.parse({})),
    customers: CustomersSchema.default(CustomersSchema.parse({})).describe(
      'Caller behaviour: patience and redials. Default: infinite patience, no redials.',
    ),
    staffing: StaffingSchema.optional(),
    groups: GroupsSchema.optional(),
    transfers: TransfersSchema.optional(),
    channels: ChannelsSchema.optional(),
    serviceLevel: ServiceLevelSchema.default(ServiceLevelSchema.parse({})).describe(
      'How the service level is measured. Default: answered within 20 s of all attempts.',
    ),
    costs: CostsSchema.default(CostsSchema.parse({})).describe("Prices, in the scenario's currency. Default: all 0."),
    simulation: SimulationSchema.default(SimulationSchema.parse({})).describe(
      'Simulation settings. Default: 20 replications, seed 1, no warm-up.',
    ),
  },
  'a mapping of sections (name, calendar, demand, handling, staffing, …)',
);
export type ScenarioSections = z.output<typeof ScenarioBaseSchema>;

/** The sections a variant may override (everything that describes the centre, not the file). */
export const VARIANT_SECTIONS = [
  'calendar',
  'demand',
  'handling',
  'customers',
  'staffing',
  'groups',
  'transfers',
  'channels',
  'serviceLevel',
  'costs',
  'simulation',
] as const;

// ---------------------------------------------------------------------------------------------------------
// Variants: a deep-partial scenario, derived from the sections above (for the JSON Schema)
// ---------------------------------------------------------------------------------------------------------

/** The schema wrapped in default / optional / nullable wrappers, without them. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner;
}

/**
 * The schema of a variant's override of one field: objects become deep-partial (they merge key by key);
 * lists and distributions stay whole (they replace); defaults are dropped (a variant only says what changes);
 * `null` is allowed everywhere (it removes the base's value).
 */
function patchOf(schema: z.ZodType): z.ZodType {
  const inner = unwrapped(schema);
  const description = schema.description ?? inner.description;
  let patch: z.ZodType = inner;
  if (inner instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(inner.shape as Record<string, z.ZodType>).map(([key, field]) => [key, patchOf(field)]));
    patch = z.strictObject(shape);
  } else if (inner instanceof z.ZodRecord) {
    // groups and channels merge by name, each entry key by key
    patch = z.record(z.string(), patchOf(inner.valueType as z.ZodType));
  }
  const nullish = patch.nullish();
  return description === undefined ? nullish : nullish.describe(description);
}

export const VariantSchema = z
  .strictObject(
    Object.fromEntries(VARIANT_SECTIONS.map((section) => [section, patchOf(ScenarioBaseSchema.shape[section])])),
  )
  .nullable()
  .describe(
    'A partial scenario deep-merged over the base: mappings merge key by key; lists, distributions and a ' +
      'staffing or demand form replace the base’s; null removes a base value. {} (or empty) runs the base as is.',
  );

// ---------------------------------------------------------------------------------------------------------
// Expectations
// ---------------------------------------------------------------------------------------------------------

export const ExpectBoundSchema = mapping(
  {
    min: z.number({ error: expected('a number') }).optional().describe('The metric must be ≥ min.'),
    max: z.number({ error: expected('a number') }).optional().describe('The metric must be ≤ max.'),
    confidence: z
      .enum(['mean', 'strict'], { error: expected('one of mean, strict') })
      .default('mean')
      .describe(
        'mean: the mean across replications must be within the bounds; strict: the whole 95% confidence ' +
          'interval must be. Default mean.',
      ),
  },
  'a mapping with min and/or max',
).describe('Bounds on one metric (its unit: seconds, shares 0..1, counts, or money).');

export const ExpectMetricsSchema = mapping(
  Object.fromEntries(ALL_METRIC_NAMES.map((metric) => [metric, ExpectBoundSchema.optional()])) as Record<
    (typeof ALL_METRIC_NAMES)[number],
    z.ZodOptional<typeof ExpectBoundSchema>
  >,
  'a mapping from metric name to bounds',
).describe(
  'Assertions per metric (SPEC §4 names; with groups also SPEC §7 names, and groups.<group>.<metric> for a group metric).',
);

export const ExpectSchema = z
  .record(z.string(), ExpectMetricsSchema, { error: expected('a mapping from variant name (or "*") to metrics') })
  .describe('Assertions for `staffsim check`, per variant name; "*" applies to every variant.');

// ---------------------------------------------------------------------------------------------------------
// Assumptions: the inputs `staffsim sensitivity` varies
// ---------------------------------------------------------------------------------------------------------

const assumptionFields = {
  label: text('a label').min(1).optional().describe('How tables and sentences name the input. Default: a name made from the path.'),
  low: z.number({ error: expected('a number') }).optional().describe('The low end of the range, in the unit of the path. Default: the value × (1 − --range).'),
  high: z.number({ error: expected('a number') }).optional().describe('The high end of the range, in the unit of the path. Default: the value × (1 + --range).'),
};

export const AssumptionSchema = mapping(assumptionFields, 'a mapping with label, low and high').describe(
  'One input to vary; low and high are values of the path (both or neither).',
);

export const AssumptionEntrySchema = mapping(
  { path: text('a scenario path, e.g. costs.unresolvedCase').min(1).describe('The number to vary: a path of the scenario format, or variants.<name>.<path> for one variant only.'), ...assumptionFields },
  'a mapping with path, label, low and high',
).describe('One input to vary, by its path.');

/** The two forms of `assumptions:`; `validate.ts` picks the one that fits the value, so its messages stay specific. */
export const AssumptionMapSchema = z
  .record(z.string(), AssumptionSchema, { error: expected('a mapping from scenario path to label, low and high') })
  .describe('Inputs to vary, by path: costs.unresolvedCase: { label: …, low: …, high: … }.');
export const AssumptionListSchema = list(AssumptionEntrySchema, 'a list of { path, label, low, high }').describe('Inputs to vary, each with its path.');

export const AssumptionsSchema = z
  .union([AssumptionMapSchema, AssumptionListSchema])
  .describe(
    'The inputs `staffsim sensitivity` varies, with a label and a range each (a mapping by path, or a list of ' +
      '{ path, label, low, high }). When present, exactly these are varied; without low and high an input moves by --range.',
  );

// ---------------------------------------------------------------------------------------------------------
// The whole file
// ---------------------------------------------------------------------------------------------------------

/** The scenario file: the base scenario, optional variants and optional assertions. */
export const ScenarioSchema = ScenarioBaseSchema.extend({
  variants: z
    .record(z.string(), VariantSchema, { error: expected('a mapping from variant name to a partial scenario') })
    .optional()
    .describe(
      'Named variants, each a partial scenario deep-merged over the base (lists replace). When given, exactly ' +
        'these run, in file order; add `base: {}` to run the base too. Without it the one variant is "base".',
    ),
  expect: ExpectSchema.optional(),
  assumptions: AssumptionsSchema.optional(),
}).meta({
  title: 'staffsim scenario',
  description:
    'A contact centre to model: calendar, demand, handling, customers, staffing, service level, costs, simulation, ' +
    'variants and assertions. Every number has its unit in its key.',
});
