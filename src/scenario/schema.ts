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
import { METRIC_NAMES } from '../core/metrics.js';
import { WEEKDAYS } from '../core/model/contact-centre-model.js';

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

const timeExpectation = 'a time "HH:MM"';

function timeError(issue: { readonly input?: unknown }): string {
  const base = expected(timeExpectation)(issue);
  // YAML 1.1 reads an unquoted 08:00 as the sexagesimal number 480.
  return typeof issue.input === 'number' ? `${base}; quote times in YAML, e.g. "08:00"` : base;
}

const text = (what = 'a text') => z.string({ error: expected(what) });
const positiveNumber = (what = 'a number > 0') => z.number({ error: expected(what) }).positive();
const nonNegativeNumber = (what = 'a number ≥ 0') => z.number({ error: expected(what) }).nonnegative();
const share = (what = 'a share between 0 and 1') => z.number({ error: expected(what) }).min(0).max(1);
const positiveInteger = (what = 'a positive integer') => z.number({ error: expected(what) }).int().positive();
const nonNegativeInteger = (what = 'a non-negative integer') => z.number({ error: expected(what) }).int().nonnegative();
const timeOfDay = () => z.string({ error: timeError }).regex(TIME_PATTERN);
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
  meanSeconds: positiveNumber('a mean in seconds > 0')
    .optional()
    .describe('Mean, seconds. Give the mean exactly once: meanSeconds or meanMinutes.'),
  meanMinutes: positiveNumber('a mean in minutes > 0')
    .optional()
    .describe('Mean, minutes. Give the mean exactly once: meanSeconds or meanMinutes.'),
};
const cvField = positiveNumber('a coefficient of variation > 0').describe(
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
  k: positiveInteger('a whole number of phases ≥ 1').describe('Number of phases (integer ≥ 1); cv = 1/√k.'),
}).describe('Erlang: the sum of k exponential phases with the given total mean.');
export const FixedSchema = mapping({
  distribution: kind('fixed'),
  seconds: nonNegativeNumber('a duration in seconds ≥ 0')
    .optional()
    .describe('The duration, seconds. Give it exactly once: seconds or minutes.'),
  minutes: nonNegativeNumber('a duration in minutes ≥ 0')
    .optional()
    .describe('The duration, minutes. Give it exactly once: seconds or minutes.'),
}).describe('Always the same duration.');
export const UniformSchema = mapping({
  distribution: kind('uniform'),
  minSeconds: nonNegativeNumber('a duration in seconds ≥ 0').optional().describe('Lower bound, seconds (with maxSeconds).'),
  maxSeconds: nonNegativeNumber('a duration in seconds ≥ 0').optional().describe('Upper bound, seconds (with minSeconds).'),
  minMinutes: nonNegativeNumber('a duration in minutes ≥ 0').optional().describe('Lower bound, minutes (with maxMinutes).'),
  maxMinutes: nonNegativeNumber('a duration in minutes ≥ 0').optional().describe('Upper bound, minutes (with minMinutes).'),
}).describe('Uniform between min and max: minSeconds/maxSeconds or minMinutes/maxMinutes, min ≤ max.');
export const EmpiricalSchema = mapping({
  distribution: kind('empirical'),
  seconds: list(nonNegativeNumber('a duration in seconds ≥ 0'), 'a list of durations in seconds')
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

/** Where distributions sit, relative to the scenario root (they merge and override as one value). */
export const DISTRIBUTION_PATHS = [
  ['handling', 'handleTime'],
  ['handling', 'repeatContact', 'delay'],
  ['customers', 'patience'],
  ['customers', 'redial', 'delay'],
] as const;

// ---------------------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------------------

export const CalendarSchema = mapping(
  {
    days: positiveInteger('a whole number of days ≥ 1').default(1).describe('Number of simulated days. Default 1.'),
    startWeekday: WeekdaySchema.default('mon').describe('Weekday of day 1: mon … sun. Default mon.'),
    open: timeOfDay().describe('Opening time, "HH:MM" (local time, "00:00" to "24:00"). Required.'),
    close: timeOfDay().describe('Closing time, "HH:MM", after open; "00:00" to "24:00" is a 24-hour day. Required.'),
    intervalMinutes: positiveInteger()
      .default(30)
      .describe('Length of one planning interval, minutes; must divide the opening time evenly. Default 30.'),
  },
  'a mapping with open and close',
).describe('Opening hours and the interval grid.');

/** The three ways to give demand; exactly one is required. */
export const DEMAND_FORMS = ['casesPerDay', 'casesPerHour', 'casesPerInterval'] as const;

export const DayFactorsSchema = mapping(
  Object.fromEntries(
    WEEKDAYS.map((day) => [day, nonNegativeNumber('a day factor ≥ 0').optional().describe(`Relative volume on ${day}.`)]),
  ) as Record<(typeof WEEKDAYS)[number], z.ZodOptional<z.ZodNumber>>,
  'a mapping from weekday (mon … sun) to a factor',
).describe(
  'Relative volume per weekday, normalised to mean 1 over the listed weekdays; must list every weekday the calendar ' +
    'simulates. Optional: every day alike.',
);

export const DemandSchema = mapping(
  {
    casesPerDay: nonNegativeNumber('a number of cases per day ≥ 0')
      .optional()
      .describe('Expected first contacts per day, spread over the intervals by intradayProfile (flat without it).'),
    intradayProfile: list(nonNegativeNumber('a weight ≥ 0'), 'a list of weights, one per interval')
      .optional()
      .describe('Weights per interval of a day (with casesPerDay), normalised to sum 1; not all zero. Default: flat.'),
    casesPerHour: nonNegativeNumber('a number of cases per hour ≥ 0')
      .optional()
      .describe('Expected first contacts per hour, the same all day.'),
    casesPerInterval: list(nonNegativeNumber('a number of cases ≥ 0'), 'a list of numbers, one per interval')
      .optional()
      .describe('Expected first contacts in each interval of a day (one number per interval).'),
    dayFactors: DayFactorsSchema.optional(),
    overdispersion: nonNegativeNumber('a coefficient of variation ≥ 0')
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
    handleTime: DistributionSchema.describe('Talk + wrap-up time of one answered attempt. Required.'),
    firstContactResolution: share()
      .default(1)
      .describe('Probability that an answered contact resolves the case. Default 1.'),
    repeatContact: RepeatContactSchema.default(RepeatContactSchema.parse({})).describe(
      'What happens to a case that an answered contact did not resolve.',
    ),
  },
  'a mapping with handleTime',
).describe('Service: handle time, resolution and repeat contacts.');

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
  maxAttempts: positiveInteger('a whole number of attempts ≥ 1')
    .optional()
    .describe('Cap on attempts per case; after the last one the case is lost unresolved. Default: no cap.'),
}).describe('Caller behaviour: patience and redials.');

export const BreakSchema = mapping(
  {
    start: timeOfDay().describe('Start of the break, "HH:MM".'),
    minutes: positiveNumber('a duration in minutes > 0').describe('Length of the break, minutes.'),
  },
  'a mapping with start and minutes',
);

export const ShiftSchema = mapping(
  {
    name: text().min(1).describe('Name of the shift (unique).'),
    start: timeOfDay().describe('Start, "HH:MM".'),
    end: timeOfDay().describe('End, "HH:MM", after start (same day; "24:00" at the latest).'),
    agents: nonNegativeInteger('a whole number of agents ≥ 0').describe('Paid agents working this shift.'),
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
    minutes: positiveNumber('a duration in minutes > 0').describe('Length of the break, minutes (paid, off the phones).'),
    earliestAfterHours: nonNegativeNumber('a number of hours ≥ 0').describe(
      'The break starts at the earliest this many hours after the shift starts.',
    ),
    latestAfterHours: nonNegativeNumber('a number of hours ≥ 0').describe(
      'The break starts at the latest this many hours after the shift starts (≥ earliestAfterHours; the break must end ' +
        'inside the shortest length).',
    ),
    everyMinutes: positiveInteger('a whole number of minutes ≥ 1')
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
    lengthsHours: list(positiveNumber('a length in hours > 0'), 'a list of shift lengths in hours')
      .min(1)
      .describe('Allowed paid lengths of a shift, hours, breaks included, e.g. [8] or [6, 8].'),
    earliestStart: timeOfDay().optional().describe('Earliest start, "HH:MM". Default: calendar.open.'),
    latestEnd: timeOfDay().optional().describe('Latest end, "HH:MM" (shifts cannot cross midnight). Default: calendar.close.'),
    startEveryMinutes: positiveInteger('a whole number of minutes ≥ 1')
      .optional()
      .describe('Start-time granularity: starts at earliestStart + k × this, minutes. Default: calendar.intervalMinutes.'),
    days: list(WeekdaySchema, 'a list of weekdays')
      .optional()
      .describe('Weekdays the template may be used (mon … sun). Default: every simulated day.'),
    break: ShiftTemplateBreakSchema.optional(),
    minAgents: nonNegativeInteger('a whole number of agents ≥ 0')
      .default(0)
      .describe('At least this many agents on this template on each day it is used (all starts together). Default 0.'),
    maxAgents: nonNegativeInteger('a whole number of agents ≥ 0')
      .optional()
      .describe('At most this many agents on this template per day (all starts together). Default: no cap.'),
    costPerHour: nonNegativeNumber('an amount ≥ 0')
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
  answerWithinSeconds: nonNegativeNumber('a number of seconds ≥ 0')
    .optional()
    .describe('Threshold of the service level, seconds. Default: serviceLevel.answerWithinSeconds.'),
  maxAbandonShare: share().optional().describe('Maximum share of attempts that abandon.'),
  maxOccupancy: z
    .number({ error: expected('an occupancy > 0 and ≤ 1') })
    .positive()
    .max(1)
    .optional()
    .describe('Maximum occupancy: busy time / time on the phones.'),
  maxAsaSeconds: positiveNumber('a number of seconds > 0').optional().describe('Maximum mean wait of answered attempts, seconds.'),
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
    agents: nonNegativeInteger('a whole number of agents ≥ 0')
      .optional()
      .describe('Agents on the phones, the same in every interval. Paid hours = on-phone hours / (1 − shrinkage).'),
    agentsPerInterval: list(nonNegativeInteger('a whole number of agents ≥ 0'), 'a list of agent counts, one per interval')
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

export const SERVICE_LEVEL_DEFINITIONS = ['answered-of-offered', 'answered-of-answered', 'exclude-short-abandons'] as const;

export const ServiceLevelSchema = mapping({
  answerWithinSeconds: nonNegativeNumber('a number of seconds ≥ 0')
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
  shortAbandonSeconds: nonNegativeNumber('a number of seconds ≥ 0')
    .default(5)
    .describe('Abandons within this many seconds are left out by exclude-short-abandons. Default 5.'),
}).describe('How the service level is measured.');

const money = (meaning: string) =>
  nonNegativeNumber('an amount ≥ 0')
    .default(0)
    .describe(`${meaning}, in the scenario's currency. Default 0.`);

export const CostsSchema = mapping({
  agentHour: money('Cost per paid agent hour, fully loaded (salary + social fees)'),
  overtimeHour: nonNegativeNumber('an amount ≥ 0')
    .optional()
    .describe("Cost per overtime hour (agent busy past the plan), in the scenario's currency. Default: agentHour."),
  telephonyMinute: money('Cost per minute a caller is connected (queue + talk)'),
  customerWaitMinute: money("Value of a caller's minute spent waiting in the queue"),
  repeatContact: money('Extra cost per repeat contact, beyond agent time'),
  unresolvedCase: money('Cost of a case given up or lost unresolved'),
  fixedPerDay: money('Fixed cost per simulated day'),
}).describe('Prices, in the scenario currency.');

export const SimulationSchema = mapping({
  replications: positiveInteger('a whole number of replications ≥ 1')
    .default(20)
    .describe('Independent replications of the run. Default 20.'),
  seed: nonNegativeInteger('a whole number ≥ 0').default(1).describe('Base seed of every random stream. Default 1.'),
  warmupHours: nonNegativeNumber('a number of hours ≥ 0')
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
    handling: HandlingSchema,
    customers: CustomersSchema.default(CustomersSchema.parse({})).describe(
      'Caller behaviour: patience and redials. Default: infinite patience, no redials.',
    ),
    staffing: StaffingSchema,
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
  Object.fromEntries(METRIC_NAMES.map((metric) => [metric, ExpectBoundSchema.optional()])) as Record<
    (typeof METRIC_NAMES)[number],
    z.ZodOptional<typeof ExpectBoundSchema>
  >,
  'a mapping from metric name to bounds',
).describe('Assertions per metric (SPEC §4 names).');

export const ExpectSchema = z
  .record(z.string(), ExpectMetricsSchema, { error: expected('a mapping from variant name (or "*") to metrics') })
  .describe('Assertions for `staffsim check`, per variant name; "*" applies to every variant.');

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
}).meta({
  title: 'staffsim scenario',
  description:
    'A contact centre to model: calendar, demand, handling, customers, staffing, service level, costs, simulation, ' +
    'variants and assertions. Every number has its unit in its key.',
});
