import type { GroupMetricRecord, MetricRecord } from '../metrics.js';
import { isOpenDay, lastOpenDay } from '../model/calendar-days.js';
import { networkOf, type ContactNetwork } from '../model/network.js';
import { AttemptQueue } from './attempt-queue.js';
import { createSampler, type Sampler } from './distributions.js';
import { EventCalendar } from './event-calendar.js';
import {
  G_ABANDONED,
  G_AGENT_SECONDS,
  G_ANSWERED,
  G_ANSWERED_WITHIN,
  G_ATTEMPTS,
  G_BLOCKED,
  G_BUSY_IN_PLAN,
  G_OVERTIME,
  G_PAID_HOURS,
  G_QUEUED,
  G_SHORT_ABANDONS,
  G_TASK_BACKLOG_AT_END,
  G_TASK_DELAY,
  G_TASKS,
  G_TASKS_STARTED,
  G_TASKS_WITHIN_DUE,
  G_UNANSWERED_AT_END,
  G_WAIT_ALL,
  G_WAIT_ANSWERED,
  GROUP_FIELDS,
  groupRecordFromSums,
} from './group-statistics.js';
import {
  S_ABANDONED,
  S_AGENT_SECONDS,
  S_ANSWERED,
  S_ANSWERED_OF_COUNTED,
  S_ANSWERED_WITHIN,
  S_ATTEMPTS,
  S_BLOCKED,
  S_BUSY_IN_PLAN,
  S_CALLBACK_CONNECTED,
  S_CASES,
  S_DAYS,
  S_DIALLED,
  S_FAILED_TRANSFERS,
  S_HANDLE,
  S_OPEN_AT_END,
  S_OVERTIME,
  S_OVERTIME_COST,
  S_PAID_HOURS,
  S_QUEUED,
  S_REPEATS,
  S_RESOLUTION_SECONDS,
  S_RESOLVED,
  S_SHORT_ABANDONS,
  S_STAFF_COST,
  S_TASK_BACKLOG_AT_END,
  S_TASK_DELAY,
  S_TASKS,
  S_TASKS_STARTED,
  S_TASKS_WITHIN_DUE,
  S_TRANSFERS,
  S_UNANSWERED_AT_END,
  S_UNRESOLVED,
  S_WAIT_ALL,
  S_WAIT_ANSWERED,
  STAT_FIELDS,
  metricRecordFromSums,
} from './interval-statistics.js';
import { createOwnedStream, createStreams, type UniformStream } from './random-streams.js';
import { checkSimulationInput, groupSchedulesOf, type SimulationInput } from './simulation-input.js';
import { roundStochastically } from './stochastic-rounding.js';
import { WaitHistogramBank } from './wait-histogram.js';

/**
 * How an attempt came about: a new case's first contact, a redial after abandoning (or after a failed transfer), a
 * repeat contact after an unresolved answer — the calls the customer dials —, a transfer from another group, a
 * callback try, or a task of a non-phone channel (SPEC §7).
 */
export type AttemptKind = 'first' | 'redial' | 'repeat' | 'transfer' | 'callback' | 'task';

/**
 * How an attempt ended: answered by an agent (a task: started), abandoned (patience ran out in the queue), blocked
 * (the group's queue was full), or still waiting when the run ended.
 */
export type AttemptOutcome = 'answered' | 'abandoned' | 'blocked' | 'unanswered-at-end';

/** One attempt, for `--calls` (emitted only when `onAttempt` is given; nothing is kept otherwise). */
export interface AttemptRecord {
  /** 0-based replication index. */
  replication: number;
  /** 1-based case number within the replication; the same for every attempt of a case. */
  caseId: number;
  /** 1-based attempt number within the case (calls, callback tries and tasks). */
  attempt: number;
  kind: AttemptKind;
  /** The agent group the attempt was offered to. */
  group: string;
  /** Arrival (a task: creation), seconds after midnight of day 1. */
  arrivalSeconds: number;
  /** Time in queue (a task: in the backlog), seconds, until answered, abandoned, blocked or the end of the run. */
  waitSeconds: number;
  outcome: AttemptOutcome;
  /** Handle time, seconds; 0 when not answered. */
  handleSeconds: number;
}

/** The metrics of one agent group in one replication: for the whole run and per interval. */
export interface GroupReplicationResult {
  name: string;
  totals: GroupMetricRecord;
  intervals: GroupMetricRecord[];
}

/** The metrics of one replication: for the whole run and per interval (days × intervalsPerDay, in time order). */
export interface ReplicationResult {
  totals: MetricRecord;
  intervals: MetricRecord[];
  /** Per agent group, in model order; only for a model with groups (SPEC §7). */
  groups?: GroupReplicationResult[];
}

/** Optional observers of a replication. None of them changes the result. */
export interface ReplicationOptions {
  /** Called for every attempt once its outcome is known (answered: when answered; abandoned: when it abandons). */
  onAttempt?: (record: AttemptRecord) => void;
  /** Called at every interval boundary with the share of the simulated horizon done (0..1), and with 1 at the end. */
  onProgress?: (fractionDone: number) => void;
  /**
   * Samples the state at first opening + j · everySeconds (j = 1, 2, …) while the run lasts: agents busy and attempts
   * waiting, in all groups and per group (in model order; the arrays are reused between calls). For time averages
   * (Little's law) and time-varying checks (M_t/M/∞); also what the simulation-based staffing (ISA) needs.
   */
  observe?: {
    everySeconds: number;
    onObservation: (
      timeSeconds: number,
      busyAgents: number,
      waitingAttempts: number,
      busyByGroup: Int32Array,
      waitingByGroup: Int32Array,
    ) => void;
  };
}

/**
 * Runs one replication of the contact-centre model of SPEC §3 and §7 against a staffing plan and returns its metrics
 * (SPEC §4, §7), per interval and for the whole run, and per agent group when the model has groups. Pure and
 * deterministic: the same input and replication index give the same result, whichever thread runs it.
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

// Event codes on the calendar: id << 3 | type (id: a slot, or a channel for EV_CHANNEL).
const EV_PATIENCE = 0;
const EV_COMPLETION = 1;
/** A dialled call of a case arrives: a redial or a repeat contact. */
const EV_RETRIAL = 2;
/** A callback try that waited its retry delay joins its group's backlog again. */
const EV_TASK_READY = 3;
/** The next new case of a channel. */
const EV_CHANNEL = 4;
const EV_BITS = 3;
const EV_MASK = 7;

const KIND_FIRST = 0;
const KIND_REDIAL = 1;
const KIND_REPEAT = 2;
const KIND_TRANSFER = 3;
const KIND_CALLBACK = 4;
const KIND_TASK = 5;
const KIND_NAMES: readonly AttemptKind[] = ['first', 'redial', 'repeat', 'transfer', 'callback', 'task'];

// What an answered call (or a reached callback) leads to.
const OUT_RESOLVED = 0;
const OUT_TRANSFER = 1;
const OUT_CALLBACK = 2;
const OUT_UNRESOLVED = 3;

const SECONDS_PER_DAY = 86_400;

/** Per-interval waits: 32 buckets per octave (relative error < 2⁻⁵ ≈ 3.1 %), 1/16 s … 2²⁰ s (12 days); ≈ 3 KB per interval. */
const INTERVAL_HISTOGRAM = { subBucketBits: 5, minExponent: -4, maxExponent: 20 } as const;
/** Whole-run waits: 128 buckets per octave (relative error < 2⁻⁷ ≈ 0.8 %), 1 ms … 2²² s. */
const TOTAL_HISTOGRAM = { subBucketBits: 7, minExponent: -10, maxExponent: 22 } as const;
/** Times to resolution: 128 buckets per octave, 1 ms … 2²⁵ s (about a year). */
const RESOLUTION_HISTOGRAM = { subBucketBits: 7, minExponent: -10, maxExponent: 25 } as const;

/**
 * The event loop of one replication.
 *
 * **Events.** Five kinds live on the binary-heap calendar, coded as `id << 3 | type`: patience expiry, service
 * completion (of a call or a task), the arrival of a redial or repeat contact, a callback retry joining its backlog,
 * and the next case of a channel. Two more are kept as plain numbers outside the heap, because there is always
 * exactly one of each pending: the next first contact by phone (`nextArrival`) and the next boundary
 * (`nextBoundary`: interval edge, opening, closing, end of warm-up, observation). At equal times boundaries go first,
 * then calendar events in insertion order, then first contacts.
 *
 * **Case state** lives in typed arrays indexed by a *slot*; a case keeps its slot from its first contact until it
 * is resolved, given up, lost or left open, and freed slots are reused (free list), so memory follows the number of
 * cases in the system, not the number of calls. A case does one thing at a time: waits in a queue, is served,
 * waits to call again, or waits in a backlog as a task.
 *
 * **Agent groups** (SPEC §7). Every group has its agents (busy, capacity, planned), a FIFO queue of calls (with an
 * optional limit, `maxQueue`) and a FIFO backlog of tasks. An agent who becomes free takes the group's longest-waiting
 * call, else — while the group is on duty — its oldest task (non-preemptive priority of calls over tasks). Dialled
 * calls arrive at the first group; an answered call ends resolved, transferred (into another group's queue with a
 * fresh patience), as a callback task, or unresolved. A blocked or abandoned call, transferred or not, is a failed
 * call: the customer redials the first group (`customers.redial`). A model without groups has one group, and then
 * draws exactly the random numbers it drew before groups existed.
 */
class ReplicationEngine {
  // --- calendar of the model
  private readonly days: number;
  private readonly intervalsPerDay: number;
  private readonly intervalCount: number;
  private readonly intervalSeconds: number;
  private readonly openSeconds: number;
  private readonly closeSeconds: number;
  /** Open 00:00–24:00: day d's close is day d+1's opening, so the centre never closes before the last day ends. */
  private readonly continuousDays: boolean;
  private readonly firstOpen: number;
  private readonly lastClose: number;
  /** `[day]`: the first open day at or after it, -1 when none is left; `[days]` is -1. */
  private readonly openDayFrom: Int32Array;
  private readonly warmupEnd: number;

  // --- plan, per global interval k = day · intervalsPerDay + interval
  /** Planned on-phone agents per group and interval: [g · intervalCount + k]. */
  private readonly plannedAgents: Int32Array;
  private readonly meanArrivalGaps: Float64Array;
  /** Cumulative first-contact weights of each day, [k]; calls that fall while closed are spread by them. */
  private readonly dayProfileCumulative: Float64Array;

  // --- randomness: customers
  private readonly arrivalStream: UniformStream;
  private readonly patienceSampler: Sampler | null;
  private readonly transferPatienceSampler: Sampler | null;
  private readonly redialDecisionStream: UniformStream;
  private readonly redialDelaySampler: Sampler;
  private readonly repeatDecisionStream: UniformStream;
  private readonly repeatDelaySampler: Sampler;
  private readonly deferralStream: UniformStream;
  private readonly redialProbability: number;
  private readonly repeatProbability: number;
  private readonly maxAttempts: number;
  private readonly answerWithinSeconds: number;
  private readonly shortAbandonSeconds: number;

  // --- agent groups
  private readonly network: ContactNetwork;
  private readonly groupCount: number;
  private readonly busy: Int32Array;
  /** Agents who may take a call: the plan while open; the last interval's agents while the queues drain after a close. */
  private readonly capacity: Int32Array;
  /** Planned on-phone agents (0 while closed): the occupancy denominator and the overtime threshold. */
  private readonly planned: Int32Array;
  private readonly integratedUntil: Float64Array;
  private readonly queues: AttemptQueue[];
  private readonly backlogs: AttemptQueue[];
  /** Waiting places per group; Infinity = unlimited. */
  private readonly maxQueue: Float64Array;
  private readonly handleSamplers: Sampler[];
  private readonly outcomeStreams: UniformStream[];
  /** Outcomes with a positive share, per group from `outcomeStart[g]` to `outcomeStart[g + 1]`. */
  private readonly outcomeStart: Int32Array;
  private readonly outcomeType: Uint8Array;
  private readonly outcomeTarget: Int32Array;
  /** Cumulative share up to and including each outcome (compared with one uniform number). */
  private readonly outcomeUpper: Float64Array;
  private readonly callbackHandleSamplers: (Sampler | null)[];
  private readonly reachStreams: UniformStream[];
  private readonly reachProbability: Float64Array;
  private readonly retryDelaySamplers: Sampler[];
  private readonly maxTries: Int32Array;
  private readonly dueSeconds: Float64Array;

  // --- channels
  private readonly channelCount: number;
  private readonly channelStreams: UniformStream[];
  /** Mean gap between a channel's cases per interval: [c · intervalCount + k]. */
  private readonly channelGaps: Float64Array;
  private readonly channelGroup: Int32Array;
  private readonly channelHandleSamplers: Sampler[];
  private readonly channelResolutionStreams: UniformStream[];
  private readonly channelResolution: Float64Array;

  // --- future events
  private readonly calendar = new EventCalendar(1024);

  // --- case slots
  private slotCapacity = 0;
  private slotsUsed = 0;
  private freeCount = 0;
  private freeSlots = new Int32Array(0);
  private slotCase = new Float64Array(0);
  /** Attempts of the case so far (calls, callback tries, tasks), for `--calls`. */
  private slotAttempt = new Int32Array(0);
  /** Calls the customer dialled so far (first contact, redials, repeat contacts), for `maxAttempts`. */
  private slotDialled = new Int32Array(0);
  private slotKind = new Uint8Array(0);
  private slotGroup = new Int32Array(0);
  /** Statistics interval of the current attempt (its arrival, or a task's creation); −1 in the warm-up. */
  private slotStat = new Int32Array(0);
  /** 1 when the case's first contact arrived after the warm-up: only such cases' fates are counted. */
  private slotCounted = new Uint8Array(0);
  private slotArrival = new Float64Array(0);
  private slotCaseStart = new Float64Array(0);
  private slotHandle = new Float64Array(0);
  private slotTicket = new Float64Array(0);
  /** Callback tries made (callbacks), or the channel (channel tasks). */
  private slotTries = new Int32Array(0);

  // --- statistics
  private readonly sums: Float64Array;
  /** Per (group, interval) sums; null for the one-group model (its totals say it all). */
  private readonly groupSums: Float64Array | null;
  private readonly intervalWaits: WaitHistogramBank;
  private readonly totalWaits: WaitHistogramBank;
  private readonly resolutionTimes: WaitHistogramBank;

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
  private readonly onObservation: NonNullable<ReplicationOptions['observe']>['onObservation'] | undefined;

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
    this.intervalCount = calendar.days * calendar.intervalsPerDay;
    this.intervalSeconds = calendar.intervalSeconds;
    this.openSeconds = calendar.openSeconds;
    this.closeSeconds = calendar.closeSeconds;
    // The next open day at or after each day (-1: none), so that closed days (weekends, holidays) are skipped.
    this.openDayFrom = new Int32Array(calendar.days + 1).fill(-1);
    for (let d = calendar.days - 1; d >= 0; d--) this.openDayFrom[d] = isOpenDay(calendar, d) ? d : (this.openDayFrom[d + 1] as number);
    const firstOpenDay = Math.max(0, this.openDayFrom[0] as number);
    this.continuousDays = calendar.openSeconds === 0 && calendar.closeSeconds === SECONDS_PER_DAY && calendar.openDays === undefined;
    this.firstOpen = firstOpenDay * SECONDS_PER_DAY + calendar.openSeconds;
    this.lastClose = Math.max(0, lastOpenDay(calendar)) * SECONDS_PER_DAY + calendar.closeSeconds;
    this.warmupEnd = this.firstOpen + simulation.warmupSeconds;
    this.warmupDone = simulation.warmupSeconds <= 0;

    const seed = simulation.seed;
    const streams = createStreams(seed, replication);
    this.arrivalStream = streams.arrivals;
    this.patienceSampler = customers.patience === null ? null : createSampler(customers.patience, streams.patience);
    this.redialDecisionStream = streams.redialDecision;
    this.redialDelaySampler = createSampler(customers.redial.delay, streams.redialDelay);
    this.repeatDecisionStream = streams.repeatDecision;
    this.repeatDelaySampler = createSampler(handling.repeatContact.delay, streams.repeatDelay);
    this.deferralStream = streams.deferral;
    this.redialProbability = customers.redial.probability;
    this.repeatProbability = handling.repeatContact.probability;
    this.maxAttempts = customers.maxAttempts ?? Infinity;
    this.answerWithinSeconds = model.serviceLevel.answerWithinSeconds;
    this.shortAbandonSeconds = model.serviceLevel.shortAbandonSeconds;

    // Agent groups. The first group draws from the plain streams, so a model without groups is simulated exactly
    // as before groups existed; other groups have streams of their own, keyed by name.
    const network = networkOf(model);
    this.network = network;
    const groups = network.groups;
    const G = groups.length;
    this.groupCount = G;
    const owned = (source: string, g: number): UniformStream => createOwnedStream(seed, source, (groups[g] as { name: string }).name, replication);
    this.transferPatienceSampler = network.transferPatience === null ? null : createSampler(network.transferPatience, streams.transferPatience);
    this.handleSamplers = groups.map((group, g) => createSampler(group.handleTime, g === 0 ? streams.handleTime : owned('handleTime', g)));
    this.outcomeStreams = groups.map((_group, g) => (g === 0 ? streams.resolution : owned('resolution', g)));
    const outcomes = groups.map((group) => [
      ...(group.outcomes.resolved > 0 ? [{ type: OUT_RESOLVED, target: -1, share: group.outcomes.resolved }] : []),
      ...group.outcomes.transfers.filter((t) => t.share > 0).map((t) => ({ type: OUT_TRANSFER, target: t.group, share: t.share })),
      ...group.outcomes.callbacks.filter((c) => c.share > 0).map((c) => ({ type: OUT_CALLBACK, target: c.group, share: c.share })),
      ...(group.outcomes.unresolved > 0 ? [{ type: OUT_UNRESOLVED, target: -1, share: group.outcomes.unresolved }] : []),
    ]);
    const outcomeTotal = outcomes.reduce((n, list) => n + list.length, 0);
    this.outcomeStart = new Int32Array(G + 1);
    this.outcomeType = new Uint8Array(outcomeTotal);
    this.outcomeTarget = new Int32Array(outcomeTotal);
    this.outcomeUpper = new Float64Array(outcomeTotal);
    let o = 0;
    outcomes.forEach((list, g) => {
      this.outcomeStart[g] = o;
      let cumulative = 0;
      for (const outcome of list) {
        cumulative += outcome.share;
        this.outcomeType[o] = outcome.type;
        this.outcomeTarget[o] = outcome.target;
        this.outcomeUpper[o] = cumulative;
        o++;
      }
      if (list.length === 0) throw new RangeError(`invalid simulation input:\ngroups.${groups[g]?.name}.outcomes: no outcome has a share > 0`);
    });
    this.outcomeStart[G] = o;
    this.callbackHandleSamplers = groups.map((group, g) =>
      group.tasks.callbackHandleTime === null ? null : createSampler(group.tasks.callbackHandleTime, owned('callbackHandleTime', g)),
    );
    this.reachStreams = groups.map((_group, g) => owned('callbackReach', g));
    this.reachProbability = Float64Array.from(groups, (group) => group.tasks.callbackReach.probability);
    this.retryDelaySamplers = groups.map((group, g) => createSampler(group.tasks.callbackReach.retryDelay, owned('callbackRetryDelay', g)));
    this.maxTries = Int32Array.from(groups, (group) => group.tasks.callbackReach.maxTries);
    this.dueSeconds = Float64Array.from(groups, (group) => group.tasks.dueSeconds);
    this.maxQueue = Float64Array.from(groups, (group) => (group.maxQueue === null ? Infinity : group.maxQueue));

    const intervalCount = this.intervalCount;
    // Day factors: a gamma multiplier of mean 1 and cv `overdispersionCv` per day (exactly 1 when cv = 0).
    const dayFactorSampler =
      demand.overdispersionCv > 0
        ? createSampler({ kind: 'gamma', meanSeconds: 1, cv: demand.overdispersionCv }, streams.dayFactors)
        : () => 1;
    // Staffing: stochastic rounding with one uniform per interval, drawn even for whole numbers, so the stream stays
    // aligned across plans (common random numbers; a higher plan never rounds to fewer agents).
    const schedules = groupSchedulesOf(input);
    const staffingStreams = groups.map((_group, g) => (g === 0 ? streams.staffing : owned('staffing', g)));
    this.plannedAgents = new Int32Array(G * intervalCount);
    this.meanArrivalGaps = new Float64Array(intervalCount);
    this.dayProfileCumulative = new Float64Array(intervalCount);
    for (let d = 0; d < this.days; d++) {
      const factor = dayFactorSampler();
      const cases = demand.casesPerInterval[d] as readonly number[];
      let cumulative = 0;
      for (let i = 0; i < this.intervalsPerDay; i++) {
        const k = d * this.intervalsPerDay + i;
        const rate = ((cases[i] as number) * factor) / this.intervalSeconds;
        this.meanArrivalGaps[k] = rate > 0 ? 1 / rate : Infinity;
        cumulative += cases[i] as number;
        this.dayProfileCumulative[k] = cumulative;
        for (let g = 0; g < G; g++) {
          const agents = (schedules[g] as (typeof schedules)[number]).onPhoneAgents[d] as readonly number[];
          this.plannedAgents[g * intervalCount + k] = roundStochastically(agents[i] as number, staffingStreams[g] as UniformStream);
        }
      }
    }

    // Channels: their own arrival, day-factor, handle-time and resolution streams, keyed by name.
    const channels = network.channels;
    this.channelCount = channels.length;
    const channelStream = (source: string, c: number): UniformStream => createOwnedStream(seed, source, (channels[c] as { name: string }).name, replication);
    this.channelStreams = channels.map((_channel, c) => channelStream('channelArrivals', c));
    this.channelGroup = Int32Array.from(channels, (channel) => channel.group);
    this.channelHandleSamplers = channels.map((channel, c) => createSampler(channel.handleTime, channelStream('channelHandleTime', c)));
    this.channelResolutionStreams = channels.map((_channel, c) => channelStream('channelResolution', c));
    this.channelResolution = Float64Array.from(channels, (channel) => channel.firstContactResolution);
    this.channelGaps = new Float64Array(channels.length * intervalCount);
    channels.forEach((channel, c) => {
      const factors =
        channel.demand.overdispersionCv > 0
          ? createSampler({ kind: 'gamma', meanSeconds: 1, cv: channel.demand.overdispersionCv }, channelStream('channelDayFactors', c))
          : () => 1;
      for (let d = 0; d < this.days; d++) {
        const factor = factors();
        const cases = channel.demand.casesPerInterval[d] as readonly number[];
        for (let i = 0; i < this.intervalsPerDay; i++) {
          const rate = ((cases[i] as number) * factor) / this.intervalSeconds;
          this.channelGaps[c * intervalCount + d * this.intervalsPerDay + i] = rate > 0 ? 1 / rate : Infinity;
        }
      }
    });

    this.busy = new Int32Array(G);
    this.capacity = new Int32Array(G);
    this.planned = new Int32Array(G);
    this.integratedUntil = new Float64Array(G).fill(this.firstOpen);
    this.queues = Array.from({ length: G }, () => new AttemptQueue(256));
    this.backlogs = Array.from({ length: G }, () => new AttemptQueue(16));
    this.growSlots(1024);

    this.sums = new Float64Array(intervalCount * STAT_FIELDS);
    this.groupSums = model.network === undefined ? null : new Float64Array(G * intervalCount * GROUP_FIELDS);
    this.intervalWaits = new WaitHistogramBank(
      intervalCount,
      INTERVAL_HISTOGRAM.subBucketBits,
      INTERVAL_HISTOGRAM.minExponent,
      INTERVAL_HISTOGRAM.maxExponent,
    );
    this.totalWaits = new WaitHistogramBank(1, TOTAL_HISTOGRAM.subBucketBits, TOTAL_HISTOGRAM.minExponent, TOTAL_HISTOGRAM.maxExponent);
    this.resolutionTimes = new WaitHistogramBank(
      1,
      RESOLUTION_HISTOGRAM.subBucketBits,
      RESOLUTION_HISTOGRAM.minExponent,
      RESOLUTION_HISTOGRAM.maxExponent,
    );
  }

  run(): ReplicationResult {
    this.now = this.firstOpen;
    this.nextObservation = this.firstOpen + this.observeEverySeconds;
    this.enterInterval(Math.round((this.firstOpen - this.openSeconds) / SECONDS_PER_DAY), 0, this.firstOpen);
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
        const id = code >> EV_BITS;
        const type = code & EV_MASK;
        if (type === EV_COMPLETION) this.complete(id, heapTime);
        else if (type === EV_PATIENCE) this.expire(id, sequence, heapTime);
        else if (type === EV_RETRIAL) this.dial(id, heapTime);
        else if (type === EV_TASK_READY) this.createTask(id, this.slotGroup[id] as number, heapTime);
        else this.channelContact(id, heapTime);
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
      this.observe(time);
      const finished = this.nextEdge === Infinity && this.calendar.size === 0;
      this.nextObservation = finished ? Infinity : this.firstOpen + (Math.round((time - this.firstOpen) / this.observeEverySeconds) + 1) * this.observeEverySeconds;
    }
    this.updateNextBoundary();
  }

  private observationBusy: Int32Array | null = null;
  private observationWaiting: Int32Array | null = null;

  private observe(time: number): void {
    if (this.onObservation === undefined) return;
    this.observationBusy ??= new Int32Array(this.groupCount);
    this.observationWaiting ??= new Int32Array(this.groupCount);
    let busy = 0;
    let waiting = 0;
    for (let g = 0; g < this.groupCount; g++) {
      this.observationBusy[g] = this.busy[g] as number;
      this.observationWaiting[g] = (this.queues[g] as AttemptQueue).live;
      busy += this.busy[g] as number;
      waiting += (this.queues[g] as AttemptQueue).live;
    }
    this.onObservation(time, busy, waiting, this.observationBusy, this.observationWaiting);
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
      this.enterInterval(this.openDayFrom[this.day + 1] as number, 0, time);
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

    // The plan of this interval; agents who are busy beyond it finish their work (overtime), new agents take
    // waiting calls, then waiting tasks, at once.
    for (let g = 0; g < this.groupCount; g++) {
      this.planned[g] = this.plannedAgents[g * this.intervalCount + k] as number;
      this.capacity[g] = this.planned[g] as number;
    }
    for (let g = 0; g < this.groupCount; g++) this.serveWaiting(g, time);

    // First contacts: piecewise-constant Poisson. A gap that crosses the interval's end is discarded; by
    // memorylessness the next interval restarts the process at its own rate. Channels likewise.
    this.meanArrivalGap = this.meanArrivalGaps[k] as number;
    this.scheduleFirstContact(time);
    for (let c = 0; c < this.channelCount; c++) this.scheduleChannelContact(c, time);

    if (this.onProgress !== undefined) this.onProgress((time - this.firstOpen) / (this.lastClose - this.firstOpen));
  }

  private close(time: number): void {
    this.flushAgentTime(time);
    this.isOpen = false;
    // Capacity stays: the last interval's agents answer the calls still queued (their patience still runs). Their
    // planned time is 0, so all the agent time after a close is overtime. Tasks wait for the next opening.
    for (let g = 0; g < this.groupCount; g++) this.planned[g] = 0;
    this.nextArrival = Infinity;
    const next = this.openDayFrom[this.day + 1] as number;
    this.nextEdge = next >= 0 ? next * SECONDS_PER_DAY + this.openSeconds : Infinity;
  }

  private endWarmup(time: number): void {
    this.flushAgentTime(time);
    this.warmupDone = true;
    this.currentK = this.baseK;
  }

  // ---------------------------------------------------------------- new cases

  private scheduleFirstContact(time: number): void {
    const gap = this.meanArrivalGap;
    if (gap === Infinity) {
      this.nextArrival = Infinity;
      return;
    }
    const next = time - gap * Math.log(1 - this.arrivalStream());
    this.nextArrival = next < this.nextEdge ? next : Infinity;
  }

  /** A new case by phone: its first contact arrives at the first group. */
  private firstContact(time: number): void {
    const slot = this.newCase(time);
    this.slotKind[slot] = KIND_FIRST;
    this.scheduleFirstContact(time);
    this.dial(slot, time);
  }

  private scheduleChannelContact(c: number, time: number): void {
    const gap = this.channelGaps[c * this.intervalCount + this.baseK] as number;
    if (gap === Infinity) return;
    const next = time - gap * Math.log(1 - (this.channelStreams[c] as UniformStream)());
    if (next < this.nextEdge) this.calendar.push(next, (c << EV_BITS) | EV_CHANNEL);
  }

  /** A new case of channel `c`: a task of the channel's group. */
  private channelContact(c: number, time: number): void {
    const slot = this.newCase(time);
    this.slotTries[slot] = c;
    this.slotKind[slot] = KIND_TASK;
    this.slotHandle[slot] = (this.channelHandleSamplers[c] as Sampler)();
    this.scheduleChannelContact(c, time);
    this.createTask(slot, this.channelGroup[c] as number, time);
  }

  private newCase(time: number): number {
    const slot = this.allocateSlot();
    this.slotCase[slot] = ++this.caseCounter;
    this.slotAttempt[slot] = 0;
    this.slotDialled[slot] = 0;
    this.slotCaseStart[slot] = time;
    const k = this.currentK;
    this.slotCounted[slot] = k >= 0 ? 1 : 0;
    if (k >= 0) this.sums[k * STAT_FIELDS + S_CASES]!++;
    return slot;
  }

  // ---------------------------------------------------------------- calls

  /** The customer of the case in `slot` dials (first contact, redial or repeat contact; the kind is in the slot). */
  private dial(slot: number, time: number): void {
    this.slotDialled[slot]!++;
    this.offerCall(slot, 0, time, this.patienceSampler);
  }

  /** A call of the case in `slot` arrives at group `g`: answered at once, queued with a patience, or blocked. */
  private offerCall(slot: number, g: number, time: number, patienceSampler: Sampler | null): void {
    this.slotAttempt[slot]!++;
    const k = this.currentK;
    this.slotArrival[slot] = time;
    this.slotStat[slot] = k;
    this.slotGroup[slot] = g;
    // Handle time and patience are drawn for every attempt, in arrival order, whether or not they are used: the
    // n-th attempt then gets the same draws under any staffing (common random numbers).
    this.slotHandle[slot] = (this.handleSamplers[g] as Sampler)();
    const patience = patienceSampler === null ? Infinity : patienceSampler();
    const kind = this.slotKind[slot] as number;
    if (k >= 0) {
      const base = k * STAT_FIELDS;
      const sums = this.sums;
      sums[base + S_ATTEMPTS]!++;
      if (kind === KIND_REPEAT) sums[base + S_REPEATS]!++;
      if (kind === KIND_TRANSFER) sums[base + S_TRANSFERS]!++;
      else sums[base + S_DIALLED]!++;
      if (this.groupSums !== null) this.groupSums[this.groupBase(g, k) + G_ATTEMPTS]!++;
    }
    if ((this.busy[g] as number) < (this.capacity[g] as number)) {
      // A free agent answers at once (the queue is empty whenever an agent is free).
      this.integrateAgentTime(g, time);
      this.busy[g]!++;
      this.startService(slot, time);
      return;
    }
    const queue = this.queues[g] as AttemptQueue;
    if (k >= 0) {
      this.sums[k * STAT_FIELDS + S_QUEUED]!++;
      if (this.groupSums !== null) this.groupSums[this.groupBase(g, k) + G_QUEUED]!++;
    }
    if (queue.live >= (this.maxQueue[g] as number)) {
      this.block(slot, time);
      return;
    }
    const ticket =
      patience < Infinity
        ? this.calendar.push(time + patience, (slot << EV_BITS) | EV_PATIENCE)
        : this.calendar.allocateSequence();
    this.slotTicket[slot] = ticket;
    queue.push(slot, ticket, this.slotTicket);
  }

  /** An agent (already counted busy) answers the call in `slot`. */
  private startService(slot: number, time: number): void {
    this.slotTicket[slot] = -1;
    const wait = time - (this.slotArrival[slot] as number);
    const handle = this.slotHandle[slot] as number;
    const k = this.slotStat[slot] as number;
    if (k >= 0) {
      const sums = this.sums;
      const base = k * STAT_FIELDS;
      const within = wait <= this.answerWithinSeconds;
      sums[base + S_ANSWERED]!++;
      if (this.slotCounted[slot] === 1) sums[base + S_ANSWERED_OF_COUNTED]!++;
      sums[base + S_WAIT_ANSWERED]! += wait;
      sums[base + S_WAIT_ALL]! += wait;
      sums[base + S_HANDLE]! += handle;
      if (within) sums[base + S_ANSWERED_WITHIN]!++;
      // Only positive waits go into the histograms; the zeros are answered − recorded (see finish()).
      if (wait > 0) {
        this.intervalWaits.record(k, wait);
        this.totalWaits.record(0, wait);
      }
      if (this.groupSums !== null) {
        const groupSums = this.groupSums;
        const gb = this.groupBase(this.slotGroup[slot] as number, k);
        groupSums[gb + G_ANSWERED]!++;
        groupSums[gb + G_WAIT_ANSWERED]! += wait;
        groupSums[gb + G_WAIT_ALL]! += wait;
        if (within) groupSums[gb + G_ANSWERED_WITHIN]!++;
      }
    }
    this.calendar.push(time + handle, (slot << EV_BITS) | EV_COMPLETION);
    if (this.onAttempt !== undefined) this.emit(slot, wait, 'answered', handle);
  }

  /** A call or a task ends: decide what comes of it, then the agent takes the next call or task, or becomes free. */
  private complete(slot: number, time: number): void {
    const g = this.slotGroup[slot] as number;
    const kind = this.slotKind[slot] as number;
    if (kind === KIND_CALLBACK) this.decideAfterCallback(slot, g, time);
    else if (kind === KIND_TASK) this.decideAfterChannelTask(slot, time);
    else this.decideAfterCall(slot, g, time);
    // The agent stays only if within the group's capacity (not an agent whose interval has ended).
    if ((this.busy[g] as number) <= (this.capacity[g] as number)) {
      const next = (this.queues[g] as AttemptQueue).popLive(this.slotTicket);
      if (next >= 0) {
        this.startService(next, time);
        return;
      }
      if (this.isOpen) {
        const task = (this.backlogs[g] as AttemptQueue).popLive(this.slotTicket);
        if (task >= 0) {
          this.startTask(task, time);
          return;
        }
      }
    }
    this.integrateAgentTime(g, time);
    this.busy[g]!--;
  }

  /** One of the group's outcomes, by one uniform number (none drawn when only one outcome is possible). */
  private pickOutcome(g: number): number {
    const first = this.outcomeStart[g] as number;
    const last = (this.outcomeStart[g + 1] as number) - 1;
    if (first === last) return first;
    const u = (this.outcomeStreams[g] as UniformStream)();
    for (let o = first; o < last; o++) if (u < (this.outcomeUpper[o] as number)) return o;
    return last;
  }

  private decideAfterCall(slot: number, g: number, time: number): void {
    const o = this.pickOutcome(g);
    const type = this.outcomeType[o] as number;
    if (type === OUT_RESOLVED) this.resolve(slot, time);
    else if (type === OUT_TRANSFER) this.transfer(slot, this.outcomeTarget[o] as number, time);
    else if (type === OUT_CALLBACK) this.callback(slot, this.outcomeTarget[o] as number, time);
    else this.unresolved(slot, time);
  }

  /** The caller is put into group `target`'s queue at once, with a fresh patience. */
  private transfer(slot: number, target: number, time: number): void {
    this.slotKind[slot] = KIND_TRANSFER;
    this.offerCall(slot, target, time, this.transferPatienceSampler);
  }

  /** The case is resolved now. */
  private resolve(slot: number, time: number): void {
    if (this.slotCounted[slot] === 1) {
      const base = this.caseStatBase(slot);
      this.sums[base + S_RESOLVED]!++;
      // Time to resolution is a metric of models with groups (SPEC §7); the one-group model does not pay for it.
      if (this.groupSums !== null) {
        const seconds = time - (this.slotCaseStart[slot] as number);
        this.sums[base + S_RESOLUTION_SECONDS]! += seconds;
        this.resolutionTimes.record(0, seconds);
      }
    }
    this.freeSlot(slot);
  }

  /** Not resolved: the customer comes back with a repeat contact (unless capped or decided otherwise), or gives up. */
  private unresolved(slot: number, time: number): void {
    const p = this.repeatProbability;
    if (
      (this.slotDialled[slot] as number) >= this.maxAttempts ||
      p <= 0 ||
      (p < 1 && this.repeatDecisionStream() >= p)
    ) {
      this.endCase(slot, S_UNRESOLVED);
      return;
    }
    this.scheduleDial(slot, time + this.repeatDelaySampler(), KIND_REPEAT);
  }

  // ---------------------------------------------------------------- abandonment, blocking and retrials

  private expire(slot: number, sequence: number, time: number): void {
    if (this.slotTicket[slot] !== sequence) return; // answered before its patience ran out (or a reused slot)
    this.slotTicket[slot] = -1;
    const g = this.slotGroup[slot] as number;
    (this.queues[g] as AttemptQueue).live--;
    const wait = time - (this.slotArrival[slot] as number);
    const k = this.slotStat[slot] as number;
    if (k >= 0) {
      const base = k * STAT_FIELDS;
      const short = wait <= this.shortAbandonSeconds;
      this.sums[base + S_ABANDONED]!++;
      this.sums[base + S_WAIT_ALL]! += wait;
      if (short) this.sums[base + S_SHORT_ABANDONS]!++;
      if (this.slotKind[slot] === KIND_TRANSFER) this.sums[base + S_FAILED_TRANSFERS]!++;
      if (this.groupSums !== null) {
        const gb = this.groupBase(g, k);
        this.groupSums[gb + G_ABANDONED]!++;
        this.groupSums[gb + G_WAIT_ALL]! += wait;
        if (short) this.groupSums[gb + G_SHORT_ABANDONS]!++;
      }
    }
    if (this.onAttempt !== undefined) this.emit(slot, wait, 'abandoned', 0);
    this.failedCall(slot, time);
  }

  /** The call in `slot` found its group's queue full: it counts as abandoned at once (and as blocked). */
  private block(slot: number, time: number): void {
    const k = this.slotStat[slot] as number;
    if (k >= 0) {
      const base = k * STAT_FIELDS;
      this.sums[base + S_ABANDONED]!++;
      this.sums[base + S_BLOCKED]!++;
      if (this.slotKind[slot] === KIND_TRANSFER) this.sums[base + S_FAILED_TRANSFERS]!++;
      if (this.groupSums !== null) this.groupSums[this.groupBase(this.slotGroup[slot] as number, k) + G_BLOCKED]!++;
    }
    if (this.onAttempt !== undefined) this.emit(slot, 0, 'blocked', 0);
    this.failedCall(slot, time);
  }

  /** An abandoned or blocked call, transferred or not: the customer redials the first group, or gives up. */
  private failedCall(slot: number, time: number): void {
    const p = this.redialProbability;
    if (
      (this.slotDialled[slot] as number) >= this.maxAttempts ||
      p <= 0 ||
      (p < 1 && this.redialDecisionStream() >= p)
    ) {
      this.endCase(slot, S_UNRESOLVED);
      return;
    }
    this.scheduleDial(slot, time + this.redialDelaySampler(), KIND_REDIAL);
  }

  /**
   * The customer of the case in `slot` calls again at `time`. A call that falls while closed is made on the next open
   * day, at a time drawn from that day's intraday profile of first contacts (SPEC §3); at or after the last close it
   * is not made and the case is counted open at the end (not lost).
   */
  private scheduleDial(slot: number, time: number, kind: number): void {
    if (time >= this.lastClose) {
      this.endCase(slot, S_OPEN_AT_END);
      return;
    }
    let at = time;
    if (!this.continuousDays) {
      const day = Math.floor(at / SECONDS_PER_DAY);
      const timeOfDay = at - day * SECONDS_PER_DAY;
      const sameDay = this.openDayFrom[day] === day;
      // Before lastClose, some open day follows.
      if (!sameDay || timeOfDay >= this.closeSeconds) at = this.deferredTime(this.openDayFrom[day + 1] as number);
      else if (timeOfDay < this.openSeconds) at = this.deferredTime(day);
    }
    this.slotKind[slot] = kind;
    this.calendar.push(at, (slot << EV_BITS) | EV_RETRIAL);
  }

  /** A time on day `day` (open) drawn from the day's intraday profile of first contacts; its opening without any. */
  private deferredTime(day: number): number {
    const perDay = this.intervalsPerDay;
    const first = day * perDay;
    const total = this.dayProfileCumulative[first + perDay - 1] as number;
    const opening = day * SECONDS_PER_DAY + this.openSeconds;
    if (!(total > 0)) return opening;
    const x = this.deferralStream() * total;
    let i = 0;
    while (i < perDay - 1 && (this.dayProfileCumulative[first + i] as number) <= x) i++;
    const below = i === 0 ? 0 : (this.dayProfileCumulative[first + i - 1] as number);
    const weight = (this.dayProfileCumulative[first + i] as number) - below;
    const within = weight > 0 ? Math.min(1, Math.max(0, (x - below) / weight)) : 0;
    return opening + (i + within) * this.intervalSeconds;
  }

  // ---------------------------------------------------------------- tasks

  /** A callback to the customer of the case in `slot` becomes a task of group `g` (first try). */
  private callback(slot: number, g: number, time: number): void {
    this.slotKind[slot] = KIND_CALLBACK;
    this.slotTries[slot] = 0;
    this.createTask(slot, g, time);
  }

  /**
   * A task (callback try or channel task) joins group `g`'s backlog, or starts at once when an agent of the group is
   * free and on duty (then nothing else waits).
   */
  private createTask(slot: number, g: number, time: number): void {
    this.slotAttempt[slot]!++;
    this.slotGroup[slot] = g;
    this.slotArrival[slot] = time;
    const k = this.currentK;
    this.slotStat[slot] = k;
    if (this.slotKind[slot] === KIND_CALLBACK) this.slotHandle[slot] = (this.callbackHandleSamplers[g] as Sampler)();
    if (k >= 0) {
      this.sums[k * STAT_FIELDS + S_TASKS]!++;
      if (this.groupSums !== null) this.groupSums[this.groupBase(g, k) + G_TASKS]!++;
    }
    if (this.isOpen && (this.busy[g] as number) < (this.capacity[g] as number)) {
      this.integrateAgentTime(g, time);
      this.busy[g]!++;
      this.startTask(slot, time);
      return;
    }
    const ticket = this.calendar.allocateSequence();
    this.slotTicket[slot] = ticket;
    (this.backlogs[g] as AttemptQueue).push(slot, ticket, this.slotTicket);
  }

  /** An agent (already counted busy) starts the task in `slot`. */
  private startTask(slot: number, time: number): void {
    this.slotTicket[slot] = -1;
    const delay = time - (this.slotArrival[slot] as number);
    const g = this.slotGroup[slot] as number;
    const k = this.slotStat[slot] as number;
    if (k >= 0) {
      const base = k * STAT_FIELDS;
      const withinDue = delay <= (this.dueSeconds[g] as number);
      this.sums[base + S_TASKS_STARTED]!++;
      this.sums[base + S_TASK_DELAY]! += delay;
      if (withinDue) this.sums[base + S_TASKS_WITHIN_DUE]!++;
      if (this.groupSums !== null) {
        const gb = this.groupBase(g, k);
        this.groupSums[gb + G_TASKS_STARTED]!++;
        this.groupSums[gb + G_TASK_DELAY]! += delay;
        if (withinDue) this.groupSums[gb + G_TASKS_WITHIN_DUE]!++;
      }
    }
    const handle = this.slotHandle[slot] as number;
    this.calendar.push(time + handle, (slot << EV_BITS) | EV_COMPLETION);
    if (this.onAttempt !== undefined) this.emit(slot, delay, 'answered', handle);
  }

  /**
   * A callback try ends. Reached: the group's outcomes decide (a transfer counts as unresolved: a callback never
   * transfers). Not reached: tried again after the retry delay, or — after the last try — unresolved.
   */
  private decideAfterCallback(slot: number, g: number, time: number): void {
    const q = this.reachProbability[g] as number;
    const reached = q >= 1 || (q > 0 && (this.reachStreams[g] as UniformStream)() < q);
    if (reached) {
      const k = this.slotStat[slot] as number;
      if (k >= 0) this.sums[k * STAT_FIELDS + S_CALLBACK_CONNECTED]! += this.slotHandle[slot] as number;
      const o = this.pickOutcome(g);
      const type = this.outcomeType[o] as number;
      if (type === OUT_RESOLVED) this.resolve(slot, time);
      else if (type === OUT_CALLBACK) this.callback(slot, this.outcomeTarget[o] as number, time);
      else this.unresolved(slot, time);
      return;
    }
    const tries = (this.slotTries[slot] as number) + 1;
    this.slotTries[slot] = tries;
    if (tries >= (this.maxTries[g] as number)) {
      this.unresolved(slot, time);
      return;
    }
    const at = time + (this.retryDelaySamplers[g] as Sampler)();
    if (at >= this.lastClose) {
      // The next try would fall after the run: a task still to do, its case open.
      const k = this.currentK;
      if (k >= 0) {
        this.sums[k * STAT_FIELDS + S_TASK_BACKLOG_AT_END]!++;
        if (this.groupSums !== null) this.groupSums[this.groupBase(g, k) + G_TASK_BACKLOG_AT_END]!++;
      }
      this.endCase(slot, S_OPEN_AT_END);
      return;
    }
    this.calendar.push(at, (slot << EV_BITS) | EV_TASK_READY);
  }

  /** A channel task ends: resolved with the channel's first-contact resolution, else as an unresolved contact. */
  private decideAfterChannelTask(slot: number, time: number): void {
    const c = this.slotTries[slot] as number;
    const p = this.channelResolution[c] as number;
    if (p >= 1 || (p > 0 && (this.channelResolutionStreams[c] as UniformStream)() < p)) this.resolve(slot, time);
    else this.unresolved(slot, time);
  }

  // ---------------------------------------------------------------- agents

  /** Free agents of group `g` take waiting calls, longest waiting first, then — while on duty — the oldest tasks. */
  private serveWaiting(g: number, time: number): void {
    const queue = this.queues[g] as AttemptQueue;
    while (queue.live > 0 && (this.busy[g] as number) < (this.capacity[g] as number)) {
      const slot = queue.popLive(this.slotTicket);
      if (slot < 0) break;
      this.integrateAgentTime(g, time);
      this.busy[g]!++;
      this.startService(slot, time);
    }
    if (!this.isOpen) return;
    const backlog = this.backlogs[g] as AttemptQueue;
    while (backlog.live > 0 && (this.busy[g] as number) < (this.capacity[g] as number)) {
      const slot = backlog.popLive(this.slotTicket);
      if (slot < 0) break;
      this.integrateAgentTime(g, time);
      this.busy[g]!++;
      this.startTask(slot, time);
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
    const inPlan = busy <= planned ? busy : planned;
    sums[base + S_AGENT_SECONDS]! += planned * dt;
    sums[base + S_BUSY_IN_PLAN]! += inPlan * dt;
    if (busy > planned) sums[base + S_OVERTIME]! += (busy - planned) * dt;
    if (this.groupSums !== null) {
      const gb = this.groupBase(g, k);
      const groupSums = this.groupSums;
      groupSums[gb + G_AGENT_SECONDS]! += planned * dt;
      groupSums[gb + G_BUSY_IN_PLAN]! += inPlan * dt;
      if (busy > planned) groupSums[gb + G_OVERTIME]! += (busy - planned) * dt;
    }
  }

  // ---------------------------------------------------------------- slots and bookkeeping

  /** Index of the first field of group g's block for interval k. */
  private groupBase(g: number, k: number): number {
    return (g * this.intervalCount + k) * GROUP_FIELDS;
  }

  /** Where the fate of the case in `slot` is booked: the interval of its current attempt. */
  private caseStatBase(slot: number): number {
    const k = this.slotStat[slot] as number;
    return (k >= 0 ? k : this.currentK >= 0 ? this.currentK : 0) * STAT_FIELDS;
  }

  /** The case in `slot` ends as `field` (unresolved, or open at the end); counted when its first contact was. */
  private endCase(slot: number, field: number): void {
    if (this.slotCounted[slot] === 1) this.sums[this.caseStatBase(slot) + field]!++;
    this.freeSlot(slot);
  }

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
    this.slotDialled = grow(this.slotDialled, (n) => new Int32Array(n));
    this.slotKind = grow(this.slotKind, (n) => new Uint8Array(n));
    this.slotGroup = grow(this.slotGroup, (n) => new Int32Array(n));
    this.slotStat = grow(this.slotStat, (n) => new Int32Array(n));
    this.slotCounted = grow(this.slotCounted, (n) => new Uint8Array(n));
    this.slotArrival = grow(this.slotArrival, (n) => new Float64Array(n));
    this.slotCaseStart = grow(this.slotCaseStart, (n) => new Float64Array(n));
    this.slotHandle = grow(this.slotHandle, (n) => new Float64Array(n));
    this.slotTries = grow(this.slotTries, (n) => new Int32Array(n));
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
      group: (this.network.groups[this.slotGroup[slot] as number] as { name: string }).name,
      arrivalSeconds: this.slotArrival[slot] as number,
      waitSeconds,
      outcome,
      handleSeconds,
    });
  }

  private finish(): ReplicationResult {
    // Calls still waiting: no agent is left and patience is infinite. Their wait runs to the end of the run. Tasks
    // still in a backlog are left for after the run; their cases are open.
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
          if (this.groupSums !== null) {
            const gb = this.groupBase(g, k);
            this.groupSums[gb + G_UNANSWERED_AT_END]!++;
            this.groupSums[gb + G_WAIT_ALL]! += wait;
          }
        }
        if (this.onAttempt !== undefined) this.emit(slot, wait, 'unanswered-at-end', 0);
        this.endCase(slot, S_OPEN_AT_END);
      });
      (this.backlogs[g] as AttemptQueue).drainLive(this.slotTicket, (slot) => {
        const k = this.slotStat[slot] as number;
        if (k >= 0) {
          this.sums[k * STAT_FIELDS + S_TASK_BACKLOG_AT_END]!++;
          if (this.groupSums !== null) this.groupSums[this.groupBase(g, k) + G_TASK_BACKLOG_AT_END]!++;
        }
        if (this.onAttempt !== undefined) this.emit(slot, end - (this.slotArrival[slot] as number), 'unanswered-at-end', 0);
        this.endCase(slot, S_OPEN_AT_END);
      });
    }

    // Paid hours and the fixed cost's days, for the measured part of each interval (all of it without warm-up).
    const { model } = this.input;
    const groups = this.network.groups;
    const schedules = groupSchedulesOf(this.input);
    const intervalCount = this.intervalCount;
    for (let d = 0; d < this.days; d++) {
      for (let i = 0; i < this.intervalsPerDay; i++) {
        const k = d * this.intervalsPerDay + i;
        const start = d * SECONDS_PER_DAY + this.openSeconds + i * this.intervalSeconds;
        const measured = Math.min(1, Math.max(0, (start + this.intervalSeconds - this.warmupEnd) / this.intervalSeconds));
        const base = k * STAT_FIELDS;
        if (this.groupSums === null) {
          this.sums[base + S_PAID_HOURS] = (((schedules[0] as (typeof schedules)[number]).paidAgentHours[d] as readonly number[])[i] as number) * measured;
        } else {
          let paid = 0;
          let staffCost = 0;
          let overtimeCost = 0;
          for (let g = 0; g < this.groupCount; g++) {
            const group = groups[g] as (typeof groups)[number];
            const gb = this.groupBase(g, k);
            const hours = (((schedules[g] as (typeof schedules)[number]).paidAgentHours[d] as readonly number[])[i] as number) * measured;
            this.groupSums[gb + G_PAID_HOURS] = hours;
            paid += hours;
            staffCost += hours * group.costs.perPaidAgentHour;
            overtimeCost += ((this.groupSums[gb + G_OVERTIME] as number) / 3600) * group.costs.perOvertimeHour;
          }
          this.sums[base + S_PAID_HOURS] = paid;
          this.sums[base + S_STAFF_COST] = staffCost;
          this.sums[base + S_OVERTIME_COST] = overtimeCost;
        }
        // The fixed cost counts open days.
        this.sums[base + S_DAYS] = this.openDayFrom[d] === d ? measured / this.intervalsPerDay : 0;
      }
    }

    const intervals: MetricRecord[] = [];
    const totalSums = new Float64Array(STAT_FIELDS);
    for (let k = 0; k < intervalCount; k++) {
      const base = k * STAT_FIELDS;
      const zeroWaits = (this.sums[base + S_ANSWERED] as number) - this.intervalWaits.total(k);
      intervals.push(metricRecordFromSums(this.sums, base, this.intervalWaits.quantile(k, 0.9, zeroWaits), model));
      for (let f = 0; f < STAT_FIELDS; f++) totalSums[f] = (totalSums[f] as number) + (this.sums[base + f] as number);
    }
    const totalZeroWaits = (totalSums[S_ANSWERED] as number) - this.totalWaits.total(0);
    const totals = metricRecordFromSums(
      totalSums,
      0,
      this.totalWaits.quantile(0, 0.9, totalZeroWaits),
      model,
      this.resolutionTimes.quantile(0, 0.9),
    );
    const result: ReplicationResult = { totals, intervals };
    if (this.groupSums !== null) result.groups = this.groupResults();
    if (this.onProgress !== undefined) this.onProgress(1);
    return result;
  }

  private groupResults(): GroupReplicationResult[] {
    const groupSums = this.groupSums as Float64Array;
    const definition = this.input.model.serviceLevel.definition;
    return this.network.groups.map((group, g) => {
      const intervals: GroupMetricRecord[] = [];
      const total = new Float64Array(GROUP_FIELDS);
      for (let k = 0; k < this.intervalCount; k++) {
        const gb = this.groupBase(g, k);
        intervals.push(groupRecordFromSums(groupSums, gb, group, definition));
        for (let f = 0; f < GROUP_FIELDS; f++) total[f] = (total[f] as number) + (groupSums[gb + f] as number);
      }
      return { name: group.name, totals: groupRecordFromSums(total, 0, group, definition), intervals };
    });
  }
}
