import type { MetricRecord } from '../metrics.js';
import { AttemptQueue } from './attempt-queue.js';
import { createSampler, type Sampler } from './distributions.js';
import { EventCalendar } from './event-calendar.js';
import {
  S_ABANDONED,
  S_AGENT_SECONDS,
  S_ANSWERED,
  S_ANSWERED_WITHIN,
  S_ATTEMPTS,
  S_BUSY_IN_PLAN,
  S_CASES,
  S_DAYS,
  S_HANDLE,
  S_OPEN_AT_END,
  S_OVERTIME,
  S_PAID_HOURS,
  S_QUEUED,
  S_REPEATS,
  S_RESOLVED,
  S_SHORT_ABANDONS,
  S_UNANSWERED_AT_END,
  S_UNRESOLVED,
  S_WAIT_ALL,
  S_WAIT_ANSWERED,
  STAT_FIELDS,
  metricRecordFromSums,
} from './interval-statistics.js';
import { createStreams, type UniformStream } from './random-streams.js';
import { checkSimulationInput, type SimulationInput } from './simulation-input.js';
import { roundStochastically } from './stochastic-rounding.js';
import { WaitHistogramBank } from './wait-histogram.js';

/** How an attempt came about: a new case's first contact, a redial after abandoning, or a repeat contact after an unresolved answer. */
export type AttemptKind = 'first' | 'redial' | 'repeat';

/**
 * How an attempt ended: answered by an agent, abandoned (patience ran out in the queue), or still waiting when the
 * run ended (only when no agent is left after the last close and patience is infinite).
 */
export type AttemptOutcome = 'answered' | 'abandoned' | 'unanswered-at-end';

/** One attempt, for `--calls` (emitted only when `onAttempt` is given; nothing is kept otherwise). */
export interface AttemptRecord {
  /** 0-based replication index. */
  replication: number;
  /** 1-based case number within the replication; the same for every attempt of a case. */
  caseId: number;
  /** 1-based attempt number within the case. */
  attempt: number;
  kind: AttemptKind;
  /** Arrival, seconds after midnight of day 1. */
  arrivalSeconds: number;
  /** Time in queue, seconds (until answered, abandoned, or the end of the run). */
  waitSeconds: number;
  outcome: AttemptOutcome;
  /** Handle time, seconds; 0 when not answered. */
  handleSeconds: number;
}

/** The metrics of one replication: for the whole run and per interval (days × intervalsPerDay, in time order). */
export interface ReplicationResult {
  totals: MetricRecord;
  intervals: MetricRecord[];
}

/** Optional observers of a replication. None of them changes the result. */
export interface ReplicationOptions {
  /** Called for every attempt once its outcome is known (answered: when answered; abandoned: when it abandons). */
  onAttempt?: (record: AttemptRecord) => void;
  /** Called at every interval boundary with the share of the simulated horizon done (0..1), and with 1 at the end. */
  onProgress?: (fractionDone: number) => void;
  /**
   * Samples the state at first opening + j · everySeconds (j = 1, 2, …) while the run lasts: agents busy and attempts
   * waiting (all groups). For time averages (Little's law) and time-varying checks (M_t/M/∞); also what the
   * simulation-based staffing (ISA) needs.
   */
  observe?: {
    everySeconds: number;
    onObservation: (timeSeconds: number, busyAgents: number, waitingAttempts: number) => void;
  };
}

/**
 * Runs one replication of the contact-centre model of SPEC §3 against a staffing plan and returns its metrics
 * (SPEC §4), per interval and for the whole run. Pure and deterministic: the same input and replication index give
 * the same result, whichever thread runs it.
 *
 * @param input model and staffing plan
 * @param replication 0-based replication index; selects the substream of every random source
 * @throws RangeError when the input is inconsistent (table shapes, calendar, probabilities, distribution parameters)
 */
export function runReplication(
  input: SimulationInput,
  replication: number,
  options: ReplicationOptions = {},
): ReplicationResult {
  return new ReplicationEngine(input, replication, options).run();
}

// Event codes on the calendar: slot << 2 | type.
const EV_PATIENCE = 0;
const EV_COMPLETION = 1;
const EV_RETRIAL = 2;

const KIND_FIRST = 0;
const KIND_REDIAL = 1;
const KIND_REPEAT = 2;
const KIND_NAMES: readonly AttemptKind[] = ['first', 'redial', 'repeat'];

const SECONDS_PER_DAY = 86_400;

/** Per-interval waits: 32 buckets per octave (relative error < 2⁻⁵ ≈ 3.1 %), 1/16 s … 2²⁰ s (12 days); ≈ 3 KB per interval. */
const INTERVAL_HISTOGRAM = { subBucketBits: 5, minExponent: -4, maxExponent: 20 } as const;
/** Whole-run waits: 128 buckets per octave (relative error < 2⁻⁷ ≈ 0.8 %), 1 ms … 2²² s. */
const TOTAL_HISTOGRAM = { subBucketBits: 7, minExponent: -10, maxExponent: 22 } as const;

/**
 * The event loop of one replication.
 *
 * **Events.** Three kinds live on the binary-heap calendar, coded as `slot << 2 | type`: patience expiry, service
 * completion and the arrival of a redial or repeat contact. Two more are kept as plain numbers outside the heap,
 * because there is always exactly one of each pending: the next first contact (`nextArrival`) and the next boundary
 * (`nextBoundary`: interval edge, opening, closing, end of warm-up, observation). At equal times boundaries go first,
 * then calendar events in insertion order, then first contacts.
 *
 * **Attempt state** lives in typed arrays indexed by a *slot*; a case keeps its slot from its first contact until it
 * is resolved, given up, lost or left open, and freed slots are reused (free list), so memory follows the number of
 * cases in the system, not the number of calls.
 *
 * **Agent groups.** Agent state (busy, capacity, planned, queue, integration clock) is kept per group in arrays
 * indexed by group, although the model has a single group today. Extension point for routing and transfers:
 * `routeAttempt` picks the group of an arriving attempt (a per-type routing table or skill match would go there);
 * a transfer would be a completion that calls `arrive` again with another group; the plan would give one
 * `plannedAgents` table per group. Everything else already loops over or indexes by group.
 */
class ReplicationEngine {
  // --- calendar of the model
  private readonly days: number;
  private readonly intervalsPerDay: number;
  private readonly intervalSeconds: number;
  private readonly openSeconds: number;
  private readonly closeSeconds: number;
  /** Open 00:00–24:00: day d's close is day d+1's opening, so the centre never closes before the last day ends. */
  private readonly continuousDays: boolean;
  private readonly firstOpen: number;
  private readonly lastClose: number;
  private readonly warmupEnd: number;

  // --- plan, per global interval k = day · intervalsPerDay + interval
  private readonly plannedAgents: Int32Array;
  private readonly meanArrivalGaps: Float64Array;

  // --- randomness
  private readonly arrivalStream: UniformStream;
  private readonly handleSampler: Sampler;
  private readonly patienceSampler: Sampler | null;
  private readonly redialDecisionStream: UniformStream;
  private readonly redialDelaySampler: Sampler;
  private readonly resolutionStream: UniformStream;
  private readonly repeatDecisionStream: UniformStream;
  private readonly repeatDelaySampler: Sampler;
  private readonly redialProbability: number;
  private readonly repeatProbability: number;
  private readonly resolutionProbability: number;
  private readonly maxAttempts: number;
  private readonly answerWithinSeconds: number;
  private readonly shortAbandonSeconds: number;

  // --- future events
  private readonly calendar = new EventCalendar(1024);

  // --- attempt / case slots
  private slotCapacity = 0;
  private slotsUsed = 0;
  private freeCount = 0;
  private freeSlots = new Int32Array(0);
  private slotCase = new Float64Array(0);
  private slotAttempt = new Int32Array(0);
  private slotKind = new Uint8Array(0);
  private slotGroup = new Int32Array(0);
  private slotStat = new Int32Array(0);
  private slotArrival = new Float64Array(0);
  private slotHandle = new Float64Array(0);
  private slotTicket = new Float64Array(0);

  // --- agent groups (one today; see the class comment)
  private readonly groupCount = 1;
  private readonly busy: Int32Array;
  /** Agents who may take a call: the plan while open; the last interval's agents while the queue drains after a close. */
  private readonly capacity: Int32Array;
  /** Planned on-phone agents (0 while closed): the occupancy denominator and the overtime threshold. */
  private readonly planned: Int32Array;
  private readonly integratedUntil: Float64Array;
  private readonly queues: AttemptQueue[];

  // --- statistics
  private readonly sums: Float64Array;
  private readonly intervalWaits: WaitHistogramBank;
  private readonly totalWaits: WaitHistogramBank;

  // --- clock
  private now = 0;
  private day = 0;
  private interval = 0;
  private isOpen = false;
  private warmupDone: boolean;
  /** Global index of the current interval (after a close: the day's last interval). */
  private baseK = 0;
  /** Statistics index for arrivals and agent time now: baseK, or −1 during warm-up. */
  private currentK = -1;
  private nextEdge = 0;
  private nextBoundary = 0;
  private nextArrival = Infinity;
  private meanArrivalGap = Infinity;
  private nextObservation = Infinity;
  private caseCounter = 0;

  private readonly replication: number;
  private readonly input: SimulationInput;
  private readonly onAttempt: ((record: AttemptRecord) => void) | undefined;
  private readonly onProgress: ((fractionDone: number) => void) | undefined;
  private readonly observeEverySeconds: number;
  private readonly onObservation: ((timeSeconds: number, busyAgents: number, waitingAttempts: number) => void) | undefined;

  constructor(input: SimulationInput, replication: number, options: ReplicationOptions) {
    const problems = checkSimulationInput(input);
    if (!Number.isInteger(replication) || replication < 0) problems.push(`replication must be an integer ≥ 0 (got ${replication})`);
    if (options.observe !== undefined && !(options.observe.everySeconds > 0)) {
      problems.push(`observe.everySeconds must be > 0 (got ${options.observe.everySeconds})`);
    }
    if (problems.length > 0) throw new RangeError(`invalid simulation input:\n${problems.join('\n')}`);

    const { model } = input;
    const { calendar, demand, handling, customers, simulation } = model;
    this.input = input;
    this.replication = replication;
    this.onAttempt = options.onAttempt;
    this.onProgress = options.onProgress;
    this.observeEverySeconds = options.observe?.everySeconds ?? Infinity;
    this.onObservation = options.observe?.onObservation;

    this.days = calendar.days;
    this.intervalsPerDay = calendar.intervalsPerDay;
    this.intervalSeconds = calendar.intervalSeconds;
    this.openSeconds = calendar.openSeconds;
    this.closeSeconds = calendar.closeSeconds;
    this.continuousDays = calendar.openSeconds === 0 && calendar.closeSeconds === SECONDS_PER_DAY;
    this.firstOpen = calendar.openSeconds;
    this.lastClose = (calendar.days - 1) * SECONDS_PER_DAY + calendar.closeSeconds;
    this.warmupEnd = this.firstOpen + simulation.warmupSeconds;
    this.warmupDone = simulation.warmupSeconds <= 0;

    const streams = createStreams(simulation.seed, replication);
    this.arrivalStream = streams.arrivals;
    this.handleSampler = createSampler(handling.handleTime, streams.handleTime);
    this.patienceSampler = customers.patience === null ? null : createSampler(customers.patience, streams.patience);
    this.redialDecisionStream = streams.redialDecision;
    this.redialDelaySampler = createSampler(customers.redial.delay, streams.redialDelay);
    this.resolutionStream = streams.resolution;
    this.repeatDecisionStream = streams.repeatDecision;
    this.repeatDelaySampler = createSampler(handling.repeatContact.delay, streams.repeatDelay);
    this.redialProbability = customers.redial.probability;
    this.repeatProbability = handling.repeatContact.probability;
    this.resolutionProbability = handling.firstContactResolution;
    this.maxAttempts = customers.maxAttempts ?? Infinity;
    this.answerWithinSeconds = model.serviceLevel.answerWithinSeconds;
    this.shortAbandonSeconds = model.serviceLevel.shortAbandonSeconds;

    const intervalCount = this.days * this.intervalsPerDay;
    // Day factors: a gamma multiplier of mean 1 and cv `overdispersionCv` per day (exactly 1 when cv = 0).
    const dayFactorSampler =
      demand.overdispersionCv > 0
        ? createSampler({ kind: 'gamma', meanSeconds: 1, cv: demand.overdispersionCv }, streams.dayFactors)
        : () => 1;
    // Staffing: stochastic rounding with one uniform per interval, drawn even for whole numbers, so the stream stays
    // aligned across plans (common random numbers; a higher plan never rounds to fewer agents).
    this.plannedAgents = new Int32Array(intervalCount);
    this.meanArrivalGaps = new Float64Array(intervalCount);
    for (let d = 0; d < this.days; d++) {
      const factor = dayFactorSampler();
      const cases = demand.casesPerInterval[d] as readonly number[];
      const agents = input.onPhoneAgents[d] as readonly number[];
      for (let i = 0; i < this.intervalsPerDay; i++) {
        const k = d * this.intervalsPerDay + i;
        const rate = ((cases[i] as number) * factor) / this.intervalSeconds;
        this.meanArrivalGaps[k] = rate > 0 ? 1 / rate : Infinity;
        this.plannedAgents[k] = roundStochastically(agents[i] as number, streams.staffing);
      }
    }

    this.busy = new Int32Array(this.groupCount);
    this.capacity = new Int32Array(this.groupCount);
    this.planned = new Int32Array(this.groupCount);
    this.integratedUntil = new Float64Array(this.groupCount).fill(this.firstOpen);
    this.queues = Array.from({ length: this.groupCount }, () => new AttemptQueue(256));
    this.growSlots(1024);

    this.sums = new Float64Array(intervalCount * STAT_FIELDS);
    this.intervalWaits = new WaitHistogramBank(
      intervalCount,
      INTERVAL_HISTOGRAM.subBucketBits,
      INTERVAL_HISTOGRAM.minExponent,
      INTERVAL_HISTOGRAM.maxExponent,
    );
    this.totalWaits = new WaitHistogramBank(1, TOTAL_HISTOGRAM.subBucketBits, TOTAL_HISTOGRAM.minExponent, TOTAL_HISTOGRAM.maxExponent);
  }

  run(): ReplicationResult {
    this.now = this.firstOpen;
    this.nextObservation = this.firstOpen + this.observeEverySeconds;
    this.enterInterval(0, 0, this.firstOpen);
    this.updateNextBoundary();

    const calendar = this.calendar;
    for (;;) {
      const heapTime = calendar.peekTime();
      const arrivalTime = this.nextArrival;
      const boundaryTime = this.nextBoundary;
      if (boundaryTime <= heapTime && boundaryTime <= arrivalTime) {
        if (boundaryTime === Infinity) break;
        this.processBoundary(boundaryTime);
      } else if (heapTime <= arrivalTime) {
        const code = calendar.peekCode();
        const sequence = calendar.peekSequence();
        calendar.pop();
        this.now = heapTime;
        const slot = code >> 2;
        const type = code & 3;
        if (type === EV_COMPLETION) this.complete(slot, heapTime);
        else if (type === EV_PATIENCE) this.expire(slot, sequence, heapTime);
        else this.arrive(slot, heapTime);
      } else {
        this.now = arrivalTime;
        this.firstContact(arrivalTime);
      }
    }
    return this.finish();
  }

  // ---------------------------------------------------------------- boundaries

  private processBoundary(time: number): void {
    this.now = time;
    if (time === this.nextEdge) this.processEdge(time);
    if (!this.warmupDone && time >= this.warmupEnd) this.endWarmup(time);
    if (time === this.nextObservation) {
      let busy = 0;
      let waiting = 0;
      for (let g = 0; g < this.groupCount; g++) {
        busy += this.busy[g] as number;
        waiting += (this.queues[g] as AttemptQueue).live;
      }
      this.onObservation?.(time, busy, waiting);
      const finished = this.nextEdge === Infinity && this.calendar.size === 0;
      this.nextObservation = finished ? Infinity : this.firstOpen + (Math.round((time - this.firstOpen) / this.observeEverySeconds) + 1) * this.observeEverySeconds;
    }
    this.updateNextBoundary();
  }

  private updateNextBoundary(): void {
    let next = this.nextEdge;
    if (!this.warmupDone && this.warmupEnd < next) next = this.warmupEnd;
    if (this.nextObservation < next) next = this.nextObservation;
    this.nextBoundary = next;
  }

  private processEdge(time: number): void {
    if (this.isOpen) {
      if (this.interval + 1 < this.intervalsPerDay) this.enterInterval(this.day, this.interval + 1, time);
      else if (this.continuousDays && this.day + 1 < this.days) this.enterInterval(this.day + 1, 0, time);
      else this.close(time);
    } else {
      this.enterInterval(this.day + 1, 0, time);
    }
  }

  private enterInterval(day: number, interval: number, time: number): void {
    this.flushAgentTime(time);
    this.day = day;
    this.interval = interval;
    this.isOpen = true;
    const k = day * this.intervalsPerDay + interval;
    this.baseK = k;
    this.currentK = this.warmupDone ? k : -1;
    this.nextEdge = day * SECONDS_PER_DAY + this.openSeconds + (interval + 1) * this.intervalSeconds;

    // The plan of this interval; agents who are busy beyond it finish their call (overtime), new agents take
    // waiting calls at once.
    const agents = this.plannedAgents[k] as number;
    for (let g = 0; g < this.groupCount; g++) {
      this.planned[g] = g === 0 ? agents : 0;
      this.capacity[g] = this.planned[g] as number;
    }
    for (let g = 0; g < this.groupCount; g++) this.serveWaiting(g, time);

    // First contacts: piecewise-constant Poisson. A gap that crosses the interval's end is discarded; by
    // memorylessness the next interval restarts the process at its own rate.
    this.meanArrivalGap = this.meanArrivalGaps[k] as number;
    this.scheduleFirstContact(time);

    if (this.onProgress !== undefined) this.onProgress((time - this.firstOpen) / (this.lastClose - this.firstOpen));
  }

  private close(time: number): void {
    this.flushAgentTime(time);
    this.isOpen = false;
    // Capacity stays: the last interval's agents answer the calls still queued (their patience still runs). Their
    // planned time is 0, so all the agent time after a close is overtime.
    for (let g = 0; g < this.groupCount; g++) this.planned[g] = 0;
    this.nextArrival = Infinity;
    this.nextEdge = this.day + 1 < this.days ? (this.day + 1) * SECONDS_PER_DAY + this.openSeconds : Infinity;
  }

  private endWarmup(time: number): void {
    this.flushAgentTime(time);
    this.warmupDone = true;
    this.currentK = this.baseK;
  }

  // ---------------------------------------------------------------- arrivals

  private scheduleFirstContact(time: number): void {
    const gap = this.meanArrivalGap;
    if (gap === Infinity) {
      this.nextArrival = Infinity;
      return;
    }
    const next = time - gap * Math.log(1 - this.arrivalStream());
    this.nextArrival = next < this.nextEdge ? next : Infinity;
  }

  private firstContact(time: number): void {
    const slot = this.allocateSlot();
    this.slotCase[slot] = ++this.caseCounter;
    this.slotAttempt[slot] = 0;
    this.slotKind[slot] = KIND_FIRST;
    const k = this.currentK;
    if (k >= 0) this.sums[k * STAT_FIELDS + S_CASES]!++;
    this.scheduleFirstContact(time);
    this.arrive(slot, time);
  }

  /** An attempt of the case in `slot` arrives (first contact, redial or repeat contact; the kind is in the slot). */
  private arrive(slot: number, time: number): void {
    this.slotAttempt[slot]!++;
    const k = this.currentK;
    this.slotArrival[slot] = time;
    this.slotStat[slot] = k;
    // Handle time and patience are drawn for every attempt, in arrival order, whether or not they are used: the
    // n-th attempt then gets the same draws under any staffing (common random numbers).
    this.slotHandle[slot] = this.handleSampler();
    const patience = this.patienceSampler === null ? Infinity : this.patienceSampler();
    if (k >= 0) {
      const base = k * STAT_FIELDS;
      this.sums[base + S_ATTEMPTS]!++;
      if (this.slotKind[slot] === KIND_REPEAT) this.sums[base + S_REPEATS]!++;
    }
    const g = this.routeAttempt(slot);
    this.slotGroup[slot] = g;
    if ((this.busy[g] as number) < (this.capacity[g] as number)) {
      // A free agent answers at once (the queue is empty whenever an agent is free).
      this.integrateAgentTime(g, time);
      this.busy[g]!++;
      this.startService(slot, time);
      return;
    }
    if (k >= 0) this.sums[k * STAT_FIELDS + S_QUEUED]!++;
    const ticket =
      patience < Infinity
        ? this.calendar.push(time + patience, (slot << 2) | EV_PATIENCE)
        : this.calendar.allocateSequence();
    this.slotTicket[slot] = ticket;
    (this.queues[g] as AttemptQueue).push(slot, ticket, this.slotTicket);
  }

  /** Extension point: the agent group an attempt is offered to. One group today. */
  private routeAttempt(_slot: number): number {
    return 0;
  }

  // ---------------------------------------------------------------- service

  /** An agent (already counted busy) answers the attempt in `slot`. */
  private startService(slot: number, time: number): void {
    this.slotTicket[slot] = -1;
    const wait = time - (this.slotArrival[slot] as number);
    const handle = this.slotHandle[slot] as number;
    const k = this.slotStat[slot] as number;
    if (k >= 0) {
      const sums = this.sums;
      const base = k * STAT_FIELDS;
      sums[base + S_ANSWERED]!++;
      sums[base + S_WAIT_ANSWERED]! += wait;
      sums[base + S_WAIT_ALL]! += wait;
      sums[base + S_HANDLE]! += handle;
      if (wait <= this.answerWithinSeconds) sums[base + S_ANSWERED_WITHIN]!++;
      // Only positive waits go into the histograms; the zeros are answered − recorded (see finish()).
      if (wait > 0) {
        this.intervalWaits.record(k, wait);
        this.totalWaits.record(0, wait);
      }
    }
    this.calendar.push(time + handle, (slot << 2) | EV_COMPLETION);
    if (this.onAttempt !== undefined) this.emit(slot, wait, 'answered', handle);
  }

  /** A call ends: decide the case, then the agent takes the next waiting call or becomes free (or leaves). */
  private complete(slot: number, time: number): void {
    const g = this.slotGroup[slot] as number;
    this.decideAfterService(slot, time);
    // The agent stays only if within the group's capacity (not an agent whose interval has ended).
    if ((this.busy[g] as number) <= (this.capacity[g] as number)) {
      const next = (this.queues[g] as AttemptQueue).popLive(this.slotTicket);
      if (next >= 0) {
        this.startService(next, time);
        return;
      }
    }
    this.integrateAgentTime(g, time);
    this.busy[g]!--;
  }

  private decideAfterService(slot: number, time: number): void {
    const k = this.slotStat[slot] as number;
    // An outcome is booked with the attempt that decided it, when that attempt counts (arrived after warm-up).
    const counted = k >= 0;
    const fcr = this.resolutionProbability;
    if (fcr >= 1 || (fcr > 0 && this.resolutionStream() < fcr)) {
      if (counted) this.sums[k * STAT_FIELDS + S_RESOLVED]!++;
      this.freeSlot(slot);
      return;
    }
    const p = this.repeatProbability;
    if (
      (this.slotAttempt[slot] as number) >= this.maxAttempts ||
      p <= 0 ||
      (p < 1 && this.repeatDecisionStream() >= p)
    ) {
      if (counted) this.sums[k * STAT_FIELDS + S_UNRESOLVED]!++;
      this.freeSlot(slot);
      return;
    }
    this.scheduleRetrial(slot, time + this.repeatDelaySampler(), KIND_REPEAT);
  }

  // ---------------------------------------------------------------- abandonment and retrials

  private expire(slot: number, sequence: number, time: number): void {
    if (this.slotTicket[slot] !== sequence) return; // answered before its patience ran out (or a reused slot)
    this.slotTicket[slot] = -1;
    (this.queues[this.slotGroup[slot] as number] as AttemptQueue).live--;
    const wait = time - (this.slotArrival[slot] as number);
    const k = this.slotStat[slot] as number;
    if (k >= 0) {
      const base = k * STAT_FIELDS;
      this.sums[base + S_ABANDONED]!++;
      this.sums[base + S_WAIT_ALL]! += wait;
      if (wait <= this.shortAbandonSeconds) this.sums[base + S_SHORT_ABANDONS]!++;
    }
    if (this.onAttempt !== undefined) this.emit(slot, wait, 'abandoned', 0);
    const p = this.redialProbability;
    if (
      (this.slotAttempt[slot] as number) >= this.maxAttempts ||
      p <= 0 ||
      (p < 1 && this.redialDecisionStream() >= p)
    ) {
      if (k >= 0) this.sums[k * STAT_FIELDS + S_UNRESOLVED]!++;
      this.freeSlot(slot);
      return;
    }
    this.scheduleRetrial(slot, time + this.redialDelaySampler(), KIND_REDIAL);
  }

  /**
   * The case in `slot` calls again at `time`. While closed, the call is made at the next opening instant; at or
   * after the last close it is not made and the case is counted open at the end (not lost).
   */
  private scheduleRetrial(slot: number, time: number, kind: number): void {
    if (time >= this.lastClose) {
      const k = this.slotStat[slot] as number;
      if (k >= 0) this.sums[k * STAT_FIELDS + S_OPEN_AT_END]!++;
      this.freeSlot(slot);
      return;
    }
    let at = time;
    if (!this.continuousDays) {
      const day = Math.floor(at / SECONDS_PER_DAY);
      const timeOfDay = at - day * SECONDS_PER_DAY;
      if (timeOfDay < this.openSeconds) at = day * SECONDS_PER_DAY + this.openSeconds;
      else if (timeOfDay >= this.closeSeconds) at = (day + 1) * SECONDS_PER_DAY + this.openSeconds;
    }
    this.slotKind[slot] = kind;
    this.calendar.push(at, (slot << 2) | EV_RETRIAL);
  }

  // ---------------------------------------------------------------- agents

  /** Free agents of group `g` take waiting calls, longest waiting first. */
  private serveWaiting(g: number, time: number): void {
    const queue = this.queues[g] as AttemptQueue;
    while (queue.live > 0 && (this.busy[g] as number) < (this.capacity[g] as number)) {
      const slot = queue.popLive(this.slotTicket);
      if (slot < 0) break;
      this.integrateAgentTime(g, time);
      this.busy[g]!++;
      this.startService(slot, time);
    }
  }

  private flushAgentTime(time: number): void {
    for (let g = 0; g < this.groupCount; g++) this.integrateAgentTime(g, time);
  }

  /**
   * Adds group g's agent time since the last change to the current interval: planned on-phone time, busy time
   * within the plan (min(busy, planned)) and overtime (max(0, busy − planned)). Called before every change of busy
   * or planned and at every boundary.
   */
  private integrateAgentTime(g: number, time: number): void {
    const dt = time - (this.integratedUntil[g] as number);
    this.integratedUntil[g] = time;
    const k = this.currentK;
    if (k < 0 || dt <= 0) return;
    const busy = this.busy[g] as number;
    const planned = this.planned[g] as number;
    const base = k * STAT_FIELDS;
    const sums = this.sums;
    sums[base + S_AGENT_SECONDS]! += planned * dt;
    if (busy <= planned) {
      sums[base + S_BUSY_IN_PLAN]! += busy * dt;
    } else {
      sums[base + S_BUSY_IN_PLAN]! += planned * dt;
      sums[base + S_OVERTIME]! += (busy - planned) * dt;
    }
  }

  // ---------------------------------------------------------------- slots

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount] as number;
    if (this.slotsUsed === this.slotCapacity) this.growSlots(this.slotCapacity * 2);
    return this.slotsUsed++;
  }

  private freeSlot(slot: number): void {
    this.slotTicket[slot] = -1;
    this.freeSlots[this.freeCount++] = slot;
  }

  private growSlots(capacity: number): void {
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.freeSlots = grow(this.freeSlots, (n) => new Int32Array(n));
    this.slotCase = grow(this.slotCase, (n) => new Float64Array(n));
    this.slotAttempt = grow(this.slotAttempt, (n) => new Int32Array(n));
    this.slotKind = grow(this.slotKind, (n) => new Uint8Array(n));
    this.slotGroup = grow(this.slotGroup, (n) => new Int32Array(n));
    this.slotStat = grow(this.slotStat, (n) => new Int32Array(n));
    this.slotArrival = grow(this.slotArrival, (n) => new Float64Array(n));
    this.slotHandle = grow(this.slotHandle, (n) => new Float64Array(n));
    const tickets = new Float64Array(capacity).fill(-1);
    tickets.set(this.slotTicket);
    this.slotTicket = tickets;
    this.slotCapacity = capacity;
  }

  // ---------------------------------------------------------------- output

  private emit(slot: number, waitSeconds: number, outcome: AttemptOutcome, handleSeconds: number): void {
    this.onAttempt?.({
      replication: this.replication,
      caseId: this.slotCase[slot] as number,
      attempt: this.slotAttempt[slot] as number,
      kind: KIND_NAMES[this.slotKind[slot] as number] as AttemptKind,
      arrivalSeconds: this.slotArrival[slot] as number,
      waitSeconds,
      outcome,
      handleSeconds,
    });
  }

  private finish(): ReplicationResult {
    // Attempts still waiting: no agent is left and patience is infinite. Their wait runs to the end of the run.
    const end = Math.max(this.now, this.lastClose);
    this.flushAgentTime(end);
    for (let g = 0; g < this.groupCount; g++) {
      (this.queues[g] as AttemptQueue).drainLive(this.slotTicket, (slot) => {
        const wait = end - (this.slotArrival[slot] as number);
        const k = this.slotStat[slot] as number;
        if (k >= 0) {
          const base = k * STAT_FIELDS;
          this.sums[base + S_UNANSWERED_AT_END]!++;
          this.sums[base + S_WAIT_ALL]! += wait;
          this.sums[base + S_OPEN_AT_END]!++;
        }
        this.slotTicket[slot] = -1;
        if (this.onAttempt !== undefined) this.emit(slot, wait, 'unanswered-at-end', 0);
      });
    }

    // Paid hours and the fixed cost's days, for the measured part of each interval (all of it without warm-up).
    const { model, paidAgentHours } = this.input;
    const intervalCount = this.days * this.intervalsPerDay;
    for (let d = 0; d < this.days; d++) {
      const paid = paidAgentHours[d] as readonly number[];
      for (let i = 0; i < this.intervalsPerDay; i++) {
        const k = d * this.intervalsPerDay + i;
        const start = d * SECONDS_PER_DAY + this.openSeconds + i * this.intervalSeconds;
        const measured = Math.min(1, Math.max(0, (start + this.intervalSeconds - this.warmupEnd) / this.intervalSeconds));
        this.sums[k * STAT_FIELDS + S_PAID_HOURS] = (paid[i] as number) * measured;
        this.sums[k * STAT_FIELDS + S_DAYS] = measured / this.intervalsPerDay;
      }
    }

    const intervals: MetricRecord[] = [];
    const totalSums = new Float64Array(STAT_FIELDS);
    for (let k = 0; k < intervalCount; k++) {
      const base = k * STAT_FIELDS;
      const zeroWaits = (this.sums[base + S_ANSWERED] as number) - this.intervalWaits.total(k);
      intervals.push(metricRecordFromSums(this.sums, base, this.intervalWaits.quantile(k, 0.9, zeroWaits), model));
      for (let f = 0; f < STAT_FIELDS; f++) totalSums[f] = (totalSums[f] as number) + (this.sums[k * STAT_FIELDS + f] as number);
    }
    const totalZeroWaits = (totalSums[S_ANSWERED] as number) - this.totalWaits.total(0);
    const totals = metricRecordFromSums(totalSums, 0, this.totalWaits.quantile(0, 0.9, totalZeroWaits), model);
    if (this.onProgress !== undefined) this.onProgress(1);
    return { totals, intervals };
  }
}
