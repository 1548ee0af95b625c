import type { Calendar, Distribution } from '../model/contact-centre-model.js';
import { cumulativeProbability } from './delay-kernel.js';
import { nextOpenDay, type OpenDays } from '../model/calendar-days.js';

/**
 * The analytic side's failure-demand loop (SPEC §3): per interval, attempts = first contacts + redials (from
 * the abandoned share) + repeat contacts (from the unresolved answered share), where the returning attempts land
 * in later intervals according to their delay distributions.
 */
export interface FixedPointInput {
  /** Intervals per day, opening hours, days. */
  readonly calendar: Calendar;
  /** Expected first contacts, `[day][interval]` (days × intervalsPerDay), finite and ≥ 0. */
  readonly firstContacts: readonly (readonly number[])[];
  /** Probability that an answered attempt resolves its case. */
  readonly firstContactResolution: number;
  /** After abandoning, the caller tries again with this probability after this delay (else gives up, unresolved). */
  readonly redial: { readonly probability: number; readonly delay: Distribution };
  /** An answered, unresolved case comes back with this probability after this delay (else ends unresolved). */
  readonly repeatContact: { readonly probability: number; readonly delay: Distribution };
  /** Attempts per case after which the case is lost unresolved; null = no cap. */
  readonly maxAttempts: number | null;
  /**
   * Abandoned share of the attempts of one interval when it receives `attempts` attempts (the caller evaluates
   * Erlang A/C with its staffing, possibly solving staffing for that load). Must return a number in [0, 1].
   */
  abandonedShareOf(day: number, interval: number, attempts: number): number;
  /** Relative tolerance on an interval's attempts; default 1e−9. */
  readonly tolerance?: number;
  /** Iterations allowed per interval; default 200. */
  readonly maxIterations?: number;
}

/** Expected flows of one interval. */
export interface IntervalFlow {
  readonly day: number;
  readonly interval: number;
  readonly firstContacts: number;
  /** Attempts in this interval that are redials after an abandoned attempt. */
  readonly redials: number;
  /** Attempts in this interval that are repeat contacts after an answered, unresolved attempt. */
  readonly repeatContacts: number;
  /** firstContacts + redials + repeatContacts. */
  readonly attempts: number;
  readonly answered: number;
  readonly abandoned: number;
  /** Cases resolved by an attempt of this interval. */
  readonly resolvedCases: number;
  /** Cases that end unresolved after an attempt of this interval (given up, or lost at maxAttempts). */
  readonly unresolvedCases: number;
}

export interface FixedPointResult {
  /** days × intervalsPerDay flows, in time order. */
  readonly intervals: IntervalFlow[];
  readonly totals: {
    readonly cases: number;
    readonly attempts: number;
    readonly answered: number;
    readonly abandoned: number;
    readonly redials: number;
    readonly repeatContacts: number;
    readonly resolvedCases: number;
    readonly unresolvedCases: number;
    /** Cases whose next attempt would fall after the close of the last day. */
    readonly openCasesAtEnd: number;
  };
  /** Whether every interval's fixed point converged within maxIterations. */
  readonly converged: boolean;
  /** The most iterations (evaluations of abandonedShareOf) that any one interval needed. */
  readonly iterations: number;
}

const SECONDS_PER_DAY = 86_400;
/** Generation times per interval for averaging a delay CDF (midpoint rule). */
const GENERATION_POINTS = 8;

function checkProbability(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be a probability in [0, 1] (got ${value})`);
}

function checkInput(input: FixedPointInput): void {
  const { calendar, firstContacts } = input;
  if (!Number.isInteger(calendar.days) || calendar.days < 1) throw new RangeError(`calendar.days must be an integer ≥ 1 (got ${calendar.days})`);
  if (!Number.isInteger(calendar.intervalsPerDay) || calendar.intervalsPerDay < 1) {
    throw new RangeError(`calendar.intervalsPerDay must be an integer ≥ 1 (got ${calendar.intervalsPerDay})`);
  }
  if (!(calendar.intervalSeconds > 0) || !Number.isFinite(calendar.intervalSeconds)) {
    throw new RangeError(`calendar.intervalSeconds must be a finite number > 0 (got ${calendar.intervalSeconds})`);
  }
  const openingSeconds = calendar.intervalsPerDay * calendar.intervalSeconds;
  if (!(calendar.openSeconds >= 0) || Math.abs(calendar.openSeconds + openingSeconds - calendar.closeSeconds) > 1e-6 || calendar.closeSeconds > SECONDS_PER_DAY) {
    throw new RangeError(
      `calendar: open (${calendar.openSeconds} s) + intervalsPerDay × intervalSeconds (${openingSeconds} s) must equal close (${calendar.closeSeconds} s) ≤ 86 400 s`,
    );
  }
  if (firstContacts.length !== calendar.days) {
    throw new RangeError(`firstContacts must have one row per day (${calendar.days}), got ${firstContacts.length}`);
  }
  firstContacts.forEach((row, day) => {
    if (row.length !== calendar.intervalsPerDay) {
      throw new RangeError(`firstContacts[${day}] must have ${calendar.intervalsPerDay} intervals, got ${row.length}`);
    }
    row.forEach((value, interval) => {
      if (!(value >= 0) || !Number.isFinite(value)) {
        throw new RangeError(`firstContacts[${day}][${interval}] must be a finite number ≥ 0 (got ${value})`);
      }
    });
  });
  checkProbability('firstContactResolution', input.firstContactResolution);
  checkProbability('redial.probability', input.redial.probability);
  checkProbability('repeatContact.probability', input.repeatContact.probability);
  if (input.maxAttempts !== null && (!Number.isInteger(input.maxAttempts) || input.maxAttempts < 1)) {
    throw new RangeError(`maxAttempts must be an integer ≥ 1 or null (got ${input.maxAttempts})`);
  }
  if (input.tolerance !== undefined && !(input.tolerance > 0)) throw new RangeError(`tolerance must be > 0 (got ${input.tolerance})`);
  if (input.maxIterations !== undefined && (!Number.isInteger(input.maxIterations) || input.maxIterations < 1)) {
    throw new RangeError(`maxIterations must be an integer ≥ 1 (got ${input.maxIterations})`);
  }
}

/**
 * Where the attempts generated during one interval land, by delay.
 *
 * Generation times are the 8 midpoints of the generating interval; a delay ending in (start, end] of an interval
 * lands there; one ending while closed is made on the next open day, spread over its intervals in proportion to that
 * day's first contacts (SPEC §3; `closedMass`, distributed by `spreadLanding`); one ending after the last close is not
 * made. `mass[i][dayOffset][j]` is the share generated at position i that lands at position j of the day `dayOffset`
 * later, `closedMass[i][dayOffset]` the share that falls in the closed hours before that day; these shares plus
 * `endMass` sum to 1 (they telescope).
 */
export interface LandingKernel {
  readonly mass: Float64Array; // [i][dayOffset][j], flattened
  readonly closedMass: Float64Array; // [i][dayOffset], flattened
  /** Averaged CDF at edge offsets: [dayOffset][edge offset + intervalsPerDay]. */
  readonly averagedCdf: Float64Array;
  /** The last day offset with any mass (the averaged CDF is 1, to rounding, before that day's first edge); `mass` and
   * `closedMass` are 0 beyond it. */
  readonly reachDays: number;
}

/** Kernels built lately, by calendar shape and delay (a sensitivity analysis plans dozens of models that share them). */
const recentKernels = new Map<string, LandingKernel>();
/** At most this many bytes of kernels are kept: a year of half-hours makes a kernel of about 7 MB. */
const RECENT_KERNEL_BYTES = 32 * 1024 * 1024;
let recentKernelBytes = 0;

const kernelBytes = (kernel: LandingKernel): number => kernel.mass.byteLength + kernel.closedMass.byteLength + kernel.averagedCdf.byteLength;

/**
 * The landing kernel of a delay on a calendar (see {@link LandingKernel}). The same calendar shape (days, intervals)
 * and delay give the same kernel, which is kept for the next plans that ask (the latest, up to 32 MB of them); its
 * arrays are read only.
 * @example buildLandingKernel(calendar, { kind: 'fixed', seconds: 0 }).mass[0] // 1: a delay of 0 lands where it starts
 */
export function buildLandingKernel(calendar: Calendar, delay: Distribution): LandingKernel {
  const key = `${calendar.days}|${calendar.intervalsPerDay}|${calendar.intervalSeconds}|${JSON.stringify(delay)}`;
  const recent = recentKernels.get(key);
  if (recent !== undefined) return recent;
  const kernel = computeLandingKernel(calendar, delay);
  const bytes = kernelBytes(kernel);
  if (bytes > RECENT_KERNEL_BYTES) return kernel;
  for (const [oldKey, old] of recentKernels) {
    if (recentKernelBytes + bytes <= RECENT_KERNEL_BYTES) break;
    recentKernels.delete(oldKey);
    recentKernelBytes -= kernelBytes(old);
  }
  recentKernels.set(key, kernel);
  recentKernelBytes += bytes;
  return kernel;
}

function computeLandingKernel(calendar: Calendar, delay: Distribution): LandingKernel {
  const { days, intervalsPerDay: perDay, intervalSeconds } = calendar;
  const width = 2 * perDay + 1;
  const averagedCdf = new Float64Array(days * width);
  for (let dayOffset = 0; dayOffset < days; dayOffset += 1) {
    for (let edge = -perDay; edge <= perDay; edge += 1) {
      let sum = 0;
      for (let m = 0; m < GENERATION_POINTS; m += 1) {
        const offset = dayOffset * SECONDS_PER_DAY + edge * intervalSeconds - ((m + 0.5) * intervalSeconds) / GENERATION_POINTS;
        sum += cumulativeProbability(delay, offset);
      }
      averagedCdf[dayOffset * width + edge + perDay] = sum / GENERATION_POINTS;
    }
  }
  const cdfAt = (dayOffset: number, edge: number): number =>
    dayOffset < 0 ? 0 : (averagedCdf[dayOffset * width + edge + perDay] as number);
  // The last day offset on which anything lands: beyond it the averaged CDF is 1 to rounding.
  let reachDays = days - 1;
  while (reachDays > 0 && (averagedCdf[(reachDays - 1) * width] as number) >= 1 - 1e-16) reachDays -= 1;
  // Masses up to that day only: nothing reads them beyond (`spreadLanding` stops at `reachDays`), and a year of a short
  // delay would otherwise fill 365 days of them.
  const mass = new Float64Array(perDay * days * perDay);
  const closedMass = new Float64Array(perDay * days);
  for (let i = 0; i < perDay; i += 1) {
    for (let dayOffset = 0; dayOffset <= reachDays; dayOffset += 1) {
      // The closed hours before the day: from the previous day's close to this day's opening (none when open 24 h).
      closedMass[i * days + dayOffset] = Math.max(0, cdfAt(dayOffset, -i) - cdfAt(dayOffset - 1, perDay - i));
      for (let j = 0; j < perDay; j += 1) {
        mass[(i * days + dayOffset) * perDay + j] = Math.max(0, cdfAt(dayOffset, j + 1 - i) - cdfAt(dayOffset, j - i));
      }
    }
  }
  return { mass, closedMass, averagedCdf, reachDays };
}

/** Share generated at (day, i) that would land after the close of the last day. */
export function endMass(kernel: LandingKernel, calendar: Pick<Calendar, 'days' | 'intervalsPerDay'>, day: number, i: number): number {
  const width = 2 * calendar.intervalsPerDay + 1;
  const dayOffset = calendar.days - 1 - day;
  return Math.max(0, 1 - (kernel.averagedCdf[dayOffset * width + calendar.intervalsPerDay - i + calendar.intervalsPerDay] as number));
}

/** Relative width at which a bisection bracket counts as closed: a few units in the last place. */
const BRACKET_CLOSED = 1e-13;

/**
 * Solves the redial / repeat-contact fixed point of one queue over the whole horizon, for any abandonment function:
 * the reference solution of SPEC §3's failure-demand loop. The plan (`planNetwork`) solves the same loop over all
 * agent groups at once; tests check that for one group with fixed staffing both agree.
 *
 * Flows only move forward in time, so intervals are swept in time order; within an interval, attempts depend on
 * its own abandoned share (part of its redials and repeats can land in the same interval), so the interval's
 * attempts X solve X = T(X), where T applies `abandonedShareOf` and the same-interval feedback. This is solved by
 * fixed-point iteration, safeguarded by bisection inside the bracket [X without feedback, X with the largest
 * feedback] whenever an iteration fails to halve the residual, until |T(X) − X| ≤ tolerance·X.
 *
 * With `maxAttempts` set, flows are tracked by attempt number 1..maxAttempts: an abandoned or unresolved attempt
 * number maxAttempts is lost (unresolved). With null, one class, and every return is possible.
 *
 * Conservation: cases = resolvedCases + unresolvedCases + openCasesAtEnd (up to rounding).
 * Cost: O(I²·classes) for I = days × intervalsPerDay, plus the evaluations of `abandonedShareOf`.
 *
 * @param input calendar, first contacts, behaviour and the abandonment callback
 * @returns per-interval flows, totals and convergence
 * @throws RangeError for invalid input, an abandoned share outside [0, 1], or feedback that can never end
 *   (no attempt cap and every attempt returns within its own interval with probability 1)
 * @example solveRetrialFixedPoint({ calendar, firstContacts: [[100]], firstContactResolution: 1,
 *   redial: { probability: 1, delay: { kind: 'fixed', seconds: 0 } }, repeatContact: { probability: 0, delay },
 *   maxAttempts: null, abandonedShareOf: () => 0.2 }).totals.attempts // 125 (= 100 / (1 − 0.2))
 */
export function solveRetrialFixedPoint(input: FixedPointInput): FixedPointResult {
  checkInput(input);
  const { calendar, firstContacts, firstContactResolution: resolution, redial, repeatContact, maxAttempts } = input;
  const tolerance = input.tolerance ?? 1e-9;
  const maxIterations = input.maxIterations ?? 200;
  const { days, intervalsPerDay: perDay } = calendar;
  const total = days * perDay;
  const classes = maxAttempts ?? 1;
  const nextClassOf = (c: number): number => (maxAttempts === null ? 0 : c + 1 < classes ? c + 1 : -1);

  const redialKernel = buildLandingKernel(calendar, redial.delay);
  const repeatKernel = buildLandingKernel(calendar, repeatContact.delay);
  const profile = dayProfiles(firstContacts);
  const redialIn = Array.from({ length: classes }, () => new Float64Array(total));
  const repeatIn = Array.from({ length: classes }, () => new Float64Array(total));

  const intervals: IntervalFlow[] = [];
  let openCasesAtEnd = 0;
  let converged = true;
  let mostIterations = 0;
  const base = new Float64Array(classes);
  const attemptsByClass = new Float64Array(classes);

  for (let day = 0; day < days; day += 1) {
    for (let i = 0; i < perDay; i += 1) {
      const g = day * perDay + i;
      const first = (firstContacts[day] as readonly number[])[i] as number;
      let baseTotal = 0;
      for (let c = 0; c < classes; c += 1) {
        base[c] = (c === 0 ? first : 0) + ((redialIn[c] as Float64Array)[g] as number) + ((repeatIn[c] as Float64Array)[g] as number);
        baseTotal += base[c] as number;
      }
      const selfRedial = redialKernel.mass[(i * days + 0) * perDay + i] as number;
      const selfRepeat = repeatKernel.mass[(i * days + 0) * perDay + i] as number;
      const feedbackOf = (abandonedShare: number): number =>
        redial.probability * abandonedShare * selfRedial + repeatContact.probability * (1 - resolution) * (1 - abandonedShare) * selfRepeat;

      /** Attempts by class for a given abandoned share; returns the total. */
      const attemptsFor = (abandonedShare: number): number => {
        const feedback = feedbackOf(abandonedShare);
        if (maxAttempts === null) {
          if (feedback >= 1) {
            throw new RangeError(
              `redials and repeat contacts within interval ${i} of day ${day} never end (every attempt returns at once); set maxAttempts or a delay`,
            );
          }
          attemptsByClass[0] = (base[0] as number) / (1 - feedback);
          return attemptsByClass[0];
        }
        let sum = 0;
        for (let c = 0; c < classes; c += 1) {
          attemptsByClass[c] = (base[c] as number) + (c > 0 ? feedback * (attemptsByClass[c - 1] as number) : 0);
          sum += attemptsByClass[c] as number;
        }
        return sum;
      };
      const shareAt = (attempts: number): number => {
        const share = input.abandonedShareOf(day, i, attempts);
        if (!(share >= 0 && share <= 1)) {
          throw new RangeError(`abandonedShareOf(${day}, ${i}, ${attempts}) must return a share in [0, 1] (got ${share})`);
        }
        return share;
      };

      let abandonedShare = 0;
      let iterations = 0;
      if (baseTotal > 0) {
        const largestFeedback = Math.max(feedbackOf(0), feedbackOf(1));
        let low = baseTotal; // T(X) ≥ X here: feedback only adds attempts
        let high = // T(X) ≤ X here: no share gives more feedback
          maxAttempts !== null
            ? attemptsForFeedback(base, classes, largestFeedback)
            : largestFeedback < 1
              ? baseTotal / (1 - largestFeedback)
              : Infinity;
        let x = baseTotal;
        let previousResidual = Infinity;
        let done = false;
        while (iterations < maxIterations) {
          iterations += 1;
          abandonedShare = shareAt(x);
          const mapped = attemptsFor(abandonedShare);
          const residual = mapped - x;
          if (Math.abs(residual) <= tolerance * Math.max(mapped, x)) {
            done = true;
            break;
          }
          if (residual > 0) low = Math.max(low, x);
          else high = Math.min(high, x);
          if (high - low <= BRACKET_CLOSED * Math.max(high, 1)) {
            // The bracket has closed (to rounding) on a jump of the abandoned share — staffing solved for a target
            // changes by whole agents — so no exact fixed point exists. Settle on the upper side: the one with the
            // lower abandoned share, i.e. the better-staffed one.
            abandonedShare = shareAt(high);
            attemptsFor(abandonedShare);
            done = true;
            break;
          }
          const contracting = Math.abs(residual) <= 0.5 * Math.abs(previousResidual);
          previousResidual = residual;
          x = (contracting && mapped >= low && mapped <= high) || !Number.isFinite(high) ? mapped : (low + high) / 2;
        }
        if (!done) converged = false;
        // Final flows at the last evaluated share (attemptsByClass already holds them).
      } else {
        attemptsByClass.fill(0);
      }
      mostIterations = Math.max(mostIterations, iterations);

      // Outflows of this interval.
      let attempts = 0;
      let answered = 0;
      let abandoned = 0;
      let resolved = 0;
      let unresolved = 0;
      let redials = 0;
      let repeats = 0;
      for (let c = 0; c < classes; c += 1) {
        redials += (redialIn[c] as Float64Array)[g] as number;
        repeats += (repeatIn[c] as Float64Array)[g] as number;
      }
      for (let c = 0; c < classes; c += 1) {
        const classAttempts = attemptsByClass[c] as number;
        attempts += classAttempts;
        const classAbandoned = abandonedShare * classAttempts;
        const classAnswered = classAttempts - classAbandoned;
        abandoned += classAbandoned;
        answered += classAnswered;
        resolved += resolution * classAnswered;
        const next = nextClassOf(c);
        if (next < 0) {
          unresolved += classAbandoned + (1 - resolution) * classAnswered;
          continue;
        }
        const redialFlow = redial.probability * classAbandoned;
        const repeatFlow = repeatContact.probability * (1 - resolution) * classAnswered;
        unresolved += classAbandoned - redialFlow + (1 - resolution) * classAnswered - repeatFlow;
        redials += redialFlow * selfRedial;
        repeats += repeatFlow * selfRepeat;
        openCasesAtEnd += spreadLanding(redialFlow, redialKernel, redialIn[next] as Float64Array, calendar, profile, day, i);
        openCasesAtEnd += spreadLanding(repeatFlow, repeatKernel, repeatIn[next] as Float64Array, calendar, profile, day, i);
      }
      intervals.push({
        day,
        interval: i,
        firstContacts: first,
        redials,
        repeatContacts: repeats,
        attempts,
        answered,
        abandoned,
        resolvedCases: resolved,
        unresolvedCases: unresolved,
      });
    }
  }

  const totals = {
    cases: 0,
    attempts: 0,
    answered: 0,
    abandoned: 0,
    redials: 0,
    repeatContacts: 0,
    resolvedCases: 0,
    unresolvedCases: 0,
    openCasesAtEnd,
  };
  for (const flow of intervals) {
    totals.cases += flow.firstContacts;
    totals.attempts += flow.attempts;
    totals.answered += flow.answered;
    totals.abandoned += flow.abandoned;
    totals.redials += flow.redials;
    totals.repeatContacts += flow.repeatContacts;
    totals.resolvedCases += flow.resolvedCases;
    totals.unresolvedCases += flow.unresolvedCases;
  }
  return { intervals, totals, converged, iterations: mostIterations };
}

/** Attempts summed over classes when every class feeds the next with `feedback` (attempt cap set). */
function attemptsForFeedback(base: Float64Array, classes: number, feedback: number): number {
  let previous = 0;
  let sum = 0;
  for (let c = 0; c < classes; c += 1) {
    previous = (base[c] as number) + (c > 0 ? feedback * previous : 0);
    sum += previous;
  }
  return sum;
}

/**
 * Each day's intraday profile of first contacts, as shares summing to 1 per day ([day][interval], flattened); a day
 * without first contacts puts everything at its opening (its first interval).
 * @example dayProfiles([[1, 3]]) // Float64Array [0.25, 0.75]
 */
export function dayProfiles(firstContacts: readonly (readonly number[])[]): Float64Array {
  const perDay = firstContacts[0]?.length ?? 0;
  const shares = new Float64Array(firstContacts.length * perDay);
  firstContacts.forEach((row, day) => {
    const total = row.reduce((sum, value) => sum + value, 0);
    for (let j = 0; j < perDay; j += 1) shares[day * perDay + j] = total > 0 ? (row[j] as number) / total : j === 0 ? 1 : 0;
  });
  return shares;
}

/** What the landing of a flow reads of its calendar. */
export type LandingCalendar = Pick<Calendar, 'days' | 'intervalsPerDay'> & OpenDays;

/**
 * Adds a flow generated at (day, i) to the later intervals it lands in (the same interval is part of the fixed
 * point and is skipped here): what lands while open by the kernel, what falls while closed spread over the next open
 * day by its profile of first contacts (`profile`, from {@link dayProfiles}); returns the share that falls after the
 * horizon.
 */
export function spreadLanding(
  flow: number,
  kernel: LandingKernel,
  inflow: Float64Array,
  calendar: LandingCalendar,
  profile: Float64Array,
  day: number,
  i: number,
): number {
  if (flow === 0) return 0;
  const { days, intervalsPerDay: perDay, openDays } = calendar;
  const reach = Math.min(days - day, kernel.reachDays + 1);
  // What lands on a closed day (a weekend, a holiday) is made on the next open day, like closed hours' share.
  let carried = 0;
  for (let dayOffset = 0; dayOffset < reach; dayOffset += 1) {
    const row = (i * days + dayOffset) * perDay;
    const firstTarget = dayOffset === 0 ? i + 1 : 0;
    const targetBase = (day + dayOffset) * perDay;
    const closed = (dayOffset === 0 ? 0 : (kernel.closedMass[i * days + dayOffset] as number)) + carried;
    if (openDays !== undefined && openDays[day + dayOffset] !== true) {
      carried = closed;
      for (let j = firstTarget; j < perDay; j += 1) carried += kernel.mass[row + j] as number;
      continue;
    }
    carried = 0;
    for (let j = firstTarget; j < perDay; j += 1) {
      const share = (kernel.mass[row + j] as number) + closed * (profile[targetBase + j] as number);
      if (share !== 0) inflow[targetBase + j] = (inflow[targetBase + j] as number) + flow * share;
    }
  }
  // Beyond the kernel's reach the delay has (numerically) always ended: what was carried there goes to the next open day.
  if (carried > 0 && reach < days - day) {
    const next = nextOpenDay(calendar, day + reach);
    if (next >= 0) {
      for (let j = 0; j < perDay; j += 1) inflow[next * perDay + j] = (inflow[next * perDay + j] as number) + flow * carried * (profile[next * perDay + j] as number);
      carried = 0;
    }
  }
  return flow * (endMass(kernel, calendar, day, i) + carried);
}
