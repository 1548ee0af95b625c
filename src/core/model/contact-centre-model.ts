/**
 * The validated, unit-normalised description of one contact-centre variant.
 *
 * This is the contract between `src/scenario` (which reads untrusted files, checks them and converts
 * every user-facing unit exactly once) and everything in `src/core` (queueing formulas, planning,
 * simulation, costs). Inside this type every time is in **seconds**, every rate is **per second**,
 * every share is a fraction in 0..1, and money is in the scenario's currency.
 */

import type { ContactNetwork } from './network.js';

/** Days of the week in calendar order; day 1 of a run is `calendar.startWeekday`. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Months in calendar order, the keys of `demand.monthFactors`. */
export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
export type Month = (typeof MONTHS)[number];

/**
 * A non-negative random duration in seconds, described by its documented parameters.
 *
 * - exponential: mean `meanSeconds`
 * - lognormal / gamma: mean `meanSeconds` and coefficient of variation `cv` (sd / mean)
 * - erlang: mean `meanSeconds` with `k` phases (cv = 1/√k)
 * - fixed: always `seconds`
 * - uniform: between `minSeconds` and `maxSeconds`
 * - empirical: one of `seconds`, each equally likely
 */
export type Distribution =
  | { readonly kind: 'exponential'; readonly meanSeconds: number }
  | { readonly kind: 'lognormal'; readonly meanSeconds: number; readonly cv: number }
  | { readonly kind: 'gamma'; readonly meanSeconds: number; readonly cv: number }
  | { readonly kind: 'erlang'; readonly meanSeconds: number; readonly k: number }
  | { readonly kind: 'fixed'; readonly seconds: number }
  | { readonly kind: 'uniform'; readonly minSeconds: number; readonly maxSeconds: number }
  | { readonly kind: 'empirical'; readonly seconds: readonly number[] };

/** Opening hours and the interval grid. */
export interface Calendar {
  /** Number of simulated days (≥ 1). */
  readonly days: number;
  /** Weekday of day 1. */
  readonly startWeekday: Weekday;
  /** Opening time, seconds after midnight (0 ≤ open < close). */
  readonly openSeconds: number;
  /** Closing time, seconds after midnight (≤ 86 400; 86 400 is "24:00"). */
  readonly closeSeconds: number;
  /** Length of one planning interval in seconds; divides close − open exactly. */
  readonly intervalSeconds: number;
  /** (close − open) / interval. */
  readonly intervalsPerDay: number;
  /** The date of day 1, ISO "YYYY-MM-DD" (`calendar.startDate`); absent for a run of undated days. */
  readonly startDate?: string;
  /**
   * Which days of the run are open, `[day]` (closed weekdays and holidays are false); absent when every day is open.
   * A closed day has no demand and no agents; calls that fall on it are made on the next open day (SPEC §3).
   */
  readonly openDays?: readonly boolean[];
  /**
   * Open days in a year of this calendar: the open days of the 365 (or 366) days from the start date, or, for undated
   * days, 365 × the share of the week's days that are open. The yardstick of FTEs and of annualised totals.
   */
  readonly openDaysPerYear?: number;
}

/** First contacts of new cases (not redials, not repeat contacts). */
export interface Demand {
  /**
   * Expected first contacts per interval, indexed `[day][interval]` (days × intervalsPerDay), with the
   * intraday profile and the normalised day factors already applied.
   */
  readonly casesPerInterval: readonly (readonly number[])[];
  /** Coefficient of variation of the gamma multiplier (mean 1) drawn once per day; 0 = Poisson. */
  readonly overdispersionCv: number;
}

export interface Handling {
  /** Talk + wrap-up time of one answered attempt. */
  readonly handleTime: Distribution;
  /** Probability that an answered attempt resolves its case. */
  readonly firstContactResolution: number;
  /** An unresolved case comes back with this probability after this delay (else it ends unresolved). */
  readonly repeatContact: { readonly probability: number; readonly delay: Distribution };
}

export interface Customers {
  /** Patience of one attempt in the queue; `null` means infinite patience (nobody abandons). */
  readonly patience: Distribution | null;
  /** After abandoning, the caller tries again with this probability after this delay. */
  readonly redial: { readonly probability: number; readonly delay: Distribution };
  /** Cap on attempts per case (the case is lost unresolved after the last one); `null` = no cap. */
  readonly maxAttempts: number | null;
}

/** A break within a shift. */
export interface ShiftBreak {
  /** Start, seconds after the midnight of the day its shift starts (past 86 400 for a break after midnight). */
  readonly startSeconds: number;
  readonly durationSeconds: number;
}

/** A group of identical shifts. */
export interface Shift {
  readonly name: string;
  /**
   * Start and end, seconds after the midnight of the day the shift starts (start < end). A night shift of a calendar open
   * around the clock ends after the next midnight (22:00–06:00 is 79 200 … 108 000), and its breaks likewise: the part
   * after midnight counts on the next day (see midnight.ts). Otherwise end ≤ 86 400.
   */
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** Paid agents on this shift. */
  readonly agents: number;
  readonly breaks: readonly ShiftBreak[];
  /** Weekdays the shift works; `null` = every day. */
  readonly days: readonly Weekday[] | null;
}

/**
 * A kind of shift that the shift scheduler (`staffsim plan --shifts`) may use: which lengths, when it may start and
 * end, on which weekdays, with which break, how many agents at most and at least, and what a paid hour costs. The
 * scheduler picks how many agents work each concrete shift (start, length, break position) on each weekday.
 */
export interface ShiftTemplate {
  readonly name: string;
  /** Allowed paid lengths of a shift, breaks included, seconds (each > 0). */
  readonly lengthsSeconds: readonly number[];
  /**
   * Earliest start and latest end, seconds after midnight (start + length ≤ latest end). The start lies within the day;
   * the end may lie on the next day (≤ 172 800) in a calendar open around the clock, for night shifts.
   */
  readonly earliestStartSeconds: number;
  readonly latestEndSeconds: number;
  /** Start-time granularity: shifts start at earliestStart + k · startEverySeconds. */
  readonly startEverySeconds: number;
  /** Weekdays the template may be used; `null` = every day. */
  readonly days: readonly Weekday[] | null;
  /**
   * One break per shift (paid, off the phones): it starts between `earliestAfterSeconds` and
   * `latestAfterSeconds` after the shift's start, on a grid of `everySeconds`; `null` = no break.
   */
  readonly break: {
    readonly durationSeconds: number;
    readonly earliestAfterSeconds: number;
    readonly latestAfterSeconds: number;
    readonly everySeconds: number;
  } | null;
  /** Agents on this template per day, summed over its starts: at least `minAgents`, at most `maxAgents` (`null` = no cap). */
  readonly minAgents: number;
  readonly maxAgents: number | null;
  /** Cost of one paid hour on this template (the scenario's `costs.agentHour` unless the template sets its own). */
  readonly costPerHour: number;
}

/** Service targets that a staffing solver must meet; every given bound must hold. */
export interface StaffingTarget {
  /** Minimum service level (fraction), measured with `answerWithinSeconds`. */
  readonly serviceLevel: number | null;
  readonly answerWithinSeconds: number;
  /** Maximum abandoned share of attempts. */
  readonly maxAbandonShare: number | null;
  /** Maximum occupancy (busy time / on-phone time). */
  readonly maxOccupancy: number | null;
  /** Maximum mean wait of answered attempts, seconds. */
  readonly maxAsaSeconds: number | null;
  /** Model used to solve: Erlang C (no abandonment), Erlang A, or simulation-based (ISA). */
  readonly method: 'erlang-c' | 'erlang-a' | 'isa';
}

/**
 * The staffing plan. `agents`, `agentsPerInterval` and `target` give agents **on the phones**; paid hours are
 * on-phone hours / (1 − shrinkage). `shifts` gives **paid** agents; on-phone = (on shift − on break) × (1 − shrinkage).
 */
export type StaffingPlan =
  | { readonly kind: 'agents'; readonly agents: number; readonly shrinkage: number }
  | { readonly kind: 'agentsPerInterval'; readonly agentsPerInterval: readonly number[]; readonly shrinkage: number }
  | { readonly kind: 'shifts'; readonly shifts: readonly Shift[]; readonly shrinkage: number }
  | { readonly kind: 'target'; readonly target: StaffingTarget; readonly shrinkage: number };

export type ServiceLevelDefinition = 'answered-of-offered' | 'answered-of-answered' | 'exclude-short-abandons';

export interface ServiceLevelRule {
  readonly answerWithinSeconds: number;
  /**
   * - answered-of-offered: answered within T / all attempts (abandons count as misses)
   * - answered-of-answered: answered within T / answered attempts
   * - exclude-short-abandons: answered within T / (attempts − abandons within `shortAbandonSeconds`)
   */
  readonly definition: ServiceLevelDefinition;
  readonly shortAbandonSeconds: number;
}

/** Prices, in the scenario's currency. */
export interface CostRates {
  readonly perPaidAgentHour: number;
  readonly perOvertimeHour: number;
  readonly perTelephonyMinute: number;
  readonly perCustomerWaitMinute: number;
  readonly perRepeatContact: number;
  readonly perUnresolvedCase: number;
  /** Fixed cost per open day. */
  readonly fixedPerDay: number;
  /** Paid hours of one full-time equivalent in a year (`costs.hoursPerFte`); absent means {@link DEFAULT_HOURS_PER_FTE}. */
  readonly hoursPerFte?: number;
}

/**
 * Paid hours of one full-time equivalent in a year when a scenario gives none: a 40-hour week (2,080 hours a year)
 * less paid leave, public holidays and typical absence — the round figure workforce planners commonly use.
 */
export const DEFAULT_HOURS_PER_FTE = 1700;

export interface SimulationSettings {
  readonly replications: number;
  /** Base seed; each replication and each random source derive their own stream from it. */
  readonly seed: number;
  /** Attempts arriving before this time (from the first opening) are left out of the statistics. */
  readonly warmupSeconds: number;
}

/** One fully resolved variant of a scenario, ready for the analytic side and the simulation. */
export interface ContactCentreModel {
  readonly scenarioName: string;
  readonly variantName: string;
  readonly currency: string;
  readonly calendar: Calendar;
  readonly demand: Demand;
  readonly handling: Handling;
  readonly customers: Customers;
  readonly staffing: StaffingPlan;
  readonly serviceLevel: ServiceLevelRule;
  readonly costs: CostRates;
  readonly simulation: SimulationSettings;
  /** Shift templates for the shift scheduler (`staffing.shiftTemplates`); absent when the scenario gives none. */
  readonly shiftTemplates?: readonly ShiftTemplate[];
  /**
   * Agent groups, transfers, callbacks and channels (SPEC §7); absent for the one-group model of SPEC §3. When
   * present, `staffing`, `handling.handleTime`, `handling.firstContactResolution` and `shiftTemplates` above are the
   * first group's (for views that show one group); the simulation and the plan read every group from here, through
   * `networkOf`.
   */
  readonly network?: ContactNetwork;
}

/** Weekday of a 0-based day index in a run. @example weekdayOfDay({ startWeekday: 'fri' }, 3) // 'mon' */
export function weekdayOfDay(calendar: Pick<Calendar, 'startWeekday'>, dayIndex: number): Weekday {
  const start = WEEKDAYS.indexOf(calendar.startWeekday);
  return WEEKDAYS[(start + dayIndex) % 7] as Weekday;
}
