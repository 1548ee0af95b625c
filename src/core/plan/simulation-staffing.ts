/**
 * Simulation-based staffing: the iterative staffing algorithm (ISA) of Feldman, Mandelbaum, Massey & Whitt (2008),
 * REFERENCES §3.4. Pure: the simulation is a callback, so tests can drive it with fast settings and the CLI with the
 * scenario's own; `observingSimulator` is the callback built on `runReplication`.
 *
 * **The iteration.** Start from a generous staffing s⁽⁰⁾ (by default ⌈1.5 × SIPP⌉ + 3 per interval). Simulate under
 * s⁽ᵏ⁾ (every replication with the same seeds: common random numbers, so the map s⁽ᵏ⁾ → s⁽ᵏ⁺¹⁾ is deterministic)
 * and estimate, per interval t, the distribution p̂(t, ℓ) of the number in system L(t) (in service + waiting), from
 * samples at regular instants in the interval over all replications. Then s⁽ᵏ⁺¹⁾(t) = the smallest n for which every
 * target of `staffing.target` holds against p̂(t, ·). Stop when the staffing stops changing (a fixed point).
 * With whole agents an interval can go round instead of settling (the stationary M/M/14 textbook case goes
 * 13 → 14 → 13 …, and with a handful of replications the sampling noise does the same to a few intervals of a busy
 * week): when the rule asks an interval for a level it has already had, the interval is fixed at the larger of that
 * level and its current one, the safe side, and no longer updated. After `maxIterations` (default 12) plans the larger of the last two
 * is kept per interval — `ending` and `settledIntervals` say what happened.
 *
 * **The rule: the paper's, generalised from delay probability to the service level.** An arrival at a time in t
 * (Poisson arrivals see time averages) finds ℓ in system with probability p̂(t, ℓ). With n agents it is answered at
 * once when ℓ < n; otherwise j = ℓ − n callers wait ahead of it, all n agents are busy, and it is answered after
 * j + 1 departures from the head of the queue — service completions at rate nμ plus abandonments of the j' still
 * ahead at rate j'θ — unless its own patience runs out first (rate θ): the tagged-caller chain of REFERENCES §3.2,
 * with μ = 1 / mean handle time and θ = 1 / mean patience (exponential with the same means, as on the analytic
 * side; θ = 0 with infinite patience). So, with S_j(T) = P(answered within T | j ahead), solved by uniformization,
 *
 *     SL(n) = P̂(L < n) + Σ_{j ≥ 0} p̂(t, n + j) · S_j(T)              (answered-of-offered)
 *
 * and n = min{ n : SL(n) ≥ target }. For T = 0 this is exactly the ISA rule of the paper, P̂(L ≥ n) ≤ α with
 * α = 1 − target (a delay-probability target). The other targets use the same chain: abandoned share
 * Σ p̂(n+j)·(j+1)/(x+j+1), ASA of answered Σ p̂(n+j)·x/(x+j+1)·H_j/θ ÷ P(answered) (x = nμ/θ,
 * H_j = Σ_{k=1..j+1} 1/(x+k)), occupancy E[min(L, n)]/n. `answered-of-answered` divides SL(n) by P(answered);
 * `exclude-short-abandons` is held to answered-of-offered (conservative). Every one of them is monotone in n, so n
 * is found by bisection. The simulation absorbs what the stationary formulas cannot: time-varying load (the lag
 * that makes SIPP miss), redials and repeat contacts, any handle-time and patience distribution, day-to-day
 * overdispersion.
 */
import { InputError } from '../errors.js';
import type { Calendar, ContactCentreModel, StaffingTarget } from '../model/contact-centre-model.js';
import { meanOf } from '../queueing/delay-kernel.js';
import { logGamma } from '../queueing/special-functions.js';
import { runReplication } from '../sim/run-replication.js';
import type { SimulationInput } from '../sim/simulation-input.js';
import type { IntervalPlanRow } from './interval-plan.js';
import { planVariant } from './interval-plan.js';

/** Agents per [day][interval]. */
export type AgentTable = readonly (readonly number[])[];

/** What a simulation of one staffing plan reports for one interval (days × intervalsPerDay, in time order). */
export interface SimulatedInterval {
  /** Mean attempts per replication that arrived in the interval. */
  readonly attempts: number;
  /** Mean over replications of the interval's service level (NaN when no replication had an attempt). */
  readonly serviceLevel: number;
  /** Mean over replications of the abandoned share (NaN when no attempts). */
  readonly abandonedShare: number;
  /**
   * numberInSystem[ℓ] = how many state samples in the interval (over all replications) found ℓ attempts in the system,
   * in service or waiting.
   */
  readonly numberInSystem: readonly number[];
}

/** A simulation of a plan: given on-phone agents per [day][interval], per-interval statistics. */
export type PlanSimulator = (onPhoneAgents: AgentTable) => Promise<readonly SimulatedInterval[]> | readonly SimulatedInterval[];

/** The queue parameters the staffing rule needs. */
export interface IsaQueue {
  readonly meanHandleSeconds: number;
  /** null = infinite patience. */
  readonly meanPatienceSeconds: number | null;
  readonly definition: ContactCentreModel['serviceLevel']['definition'];
  /**
   * Waiting places (an agent group's `maxQueue`): an arrival that finds n + maxQueue in system is blocked, which counts
   * against the service level and, like an abandon, against `maxAbandonShare`. Absent or null = unlimited.
   */
  readonly maxQueue?: number | null;
}

export interface IsaInput {
  readonly calendar: { readonly days: number; readonly intervalsPerDay: number };
  readonly target: StaffingTarget;
  readonly queue: IsaQueue;
  /** s⁽⁰⁾, on-phone agents per [day][interval]: generous (more than needed). */
  readonly initialAgents: AgentTable;
  readonly simulate: PlanSimulator;
  /** Cap on simulations of new plans. Default 12. */
  readonly maxIterations?: number;
  /** Called after each simulated plan with its number (1-based) and how many intervals the rule changed. */
  readonly onIteration?: (iteration: number, changedIntervals: number) => void;
}

export interface IsaResult {
  /** On-phone agents per [day][interval]. */
  readonly onPhoneAgents: number[][];
  /** The simulation of `onPhoneAgents`. */
  readonly simulated: readonly SimulatedInterval[];
  /** Plans simulated (the final one included). */
  readonly iterations: number;
  /** True when the staffing stopped changing (a fixed point). */
  readonly converged: boolean;
  /**
   * How the iteration ended: `converged` (no interval changes any more; some may have been settled at the larger of
   * two alternating values, see `settledIntervals`); `cap` (maxIterations reached: the larger of the last two plans
   * per interval).
   */
  readonly ending: 'converged' | 'cap';
  /** Intervals whose staffing went round (back to an earlier level) and was fixed at the larger value. */
  readonly settledIntervals: number;
  /** Per simulated plan: its total agent-intervals and how many intervals the rule changed. */
  readonly history: readonly { readonly agentIntervals: number; readonly changedIntervals: number }[];
}

/** One staffing table the ISA solves: its target, its queue and its generous start. */
export interface IsaTableInput {
  readonly target: StaffingTarget;
  readonly queue: IsaQueue;
  /** s⁽⁰⁾, on-phone agents per [day][interval]. */
  readonly initialAgents: AgentTable;
}

/**
 * A simulation of several staffing tables at once (the agent groups of one network): given on-phone agents per
 * [day][interval] for each table, per-interval statistics for each table, in the same order.
 */
export type TablesSimulator = (
  onPhoneAgents: readonly AgentTable[],
) => Promise<readonly (readonly SimulatedInterval[])[]> | readonly (readonly SimulatedInterval[])[];

/** The ISA over several tables that one simulation serves (agent groups): each table has its own target and queue. */
export interface IsaTablesInput {
  readonly calendar: IsaInput['calendar'];
  readonly tables: readonly IsaTableInput[];
  readonly simulate: TablesSimulator;
  /** Cap on simulations of new plans. Default 12. */
  readonly maxIterations?: number;
  /** Called after each simulated plan with its number (1-based) and how many intervals (over all tables) the rule changed. */
  readonly onIteration?: (iteration: number, changedIntervals: number) => void;
}

/** What the ISA ended with for one table. */
export interface IsaTableResult {
  readonly onPhoneAgents: number[][];
  readonly simulated: readonly SimulatedInterval[];
  readonly settledIntervals: number;
}

export interface IsaTablesResult {
  /** Per table, in input order. */
  readonly tables: readonly IsaTableResult[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly ending: IsaResult['ending'];
  /** Per simulated plan: agent-intervals and changed intervals, summed over the tables. */
  readonly history: IsaResult['history'];
}

const DEFAULT_MAX_ITERATIONS = 12;

/**
 * Runs the ISA until no interval changes (intervals that go round settled at their larger value) or the cap.
 * @throws RangeError when a table does not match the calendar or the simulation answers with the wrong shape
 */
export async function isaStaffing(input: IsaInput): Promise<IsaResult> {
  const result = await isaStaffingOfTables({
    calendar: input.calendar,
    tables: [{ target: input.target, queue: input.queue, initialAgents: input.initialAgents }],
    simulate: async (plans) => [await input.simulate(plans[0] as AgentTable)],
    ...(input.maxIterations === undefined ? {} : { maxIterations: input.maxIterations }),
    ...(input.onIteration === undefined ? {} : { onIteration: input.onIteration }),
  });
  const table = result.tables[0] as IsaTableResult;
  return {
    onPhoneAgents: table.onPhoneAgents,
    simulated: table.simulated,
    iterations: result.iterations,
    converged: result.converged,
    ending: result.ending,
    settledIntervals: table.settledIntervals,
    history: result.history,
  };
}

/**
 * The ISA of several staffing tables iterated together on the same simulations (the agent groups of a network, each
 * with its own target and queue): every plan simulates all tables at once, the rule updates each table from its own
 * statistics (intervals that go round settle per table, as in `isaStaffing`), and the iteration stops when no
 * interval of any table changes, or at the cap (then the larger of the last two plans, per table and interval).
 *
 * @throws RangeError when a table does not match the calendar or the simulation answers with the wrong shape
 * @example (await isaStaffingOfTables({ calendar, tables: [switchboard, caseOfficers], simulate })).tables[1].onPhoneAgents
 */
export async function isaStaffingOfTables(input: IsaTablesInput): Promise<IsaTablesResult> {
  const { calendar, tables, simulate } = input;
  const maxIterations = input.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  tables.forEach((table, t) => checkTable(table.initialAgents, calendar, tables.length === 1 ? 'initialAgents' : `tables[${t}].initialAgents`));
  const count = calendar.days * calendar.intervalsPerDay;
  const history: { agentIntervals: number; changedIntervals: number }[] = [];
  // Per table and interval (flat index): the staffing levels it has had, and whether it is settled.
  const held = tables.map(() => Array.from({ length: count }, () => new Set<number>()));
  const settled = tables.map(() => new Uint8Array(count));
  let current = tables.map((table) => table.initialAgents.map((row) => [...row]));
  let simulatedPlans = 0;
  const run = async (plans: number[][][]): Promise<readonly (readonly SimulatedInterval[])[]> => {
    const result = await simulate(plans);
    simulatedPlans++;
    if (result.length !== tables.length) throw new RangeError(`the simulation returned ${result.length} tables, expected ${tables.length}`);
    for (const stats of result) {
      if (stats.length !== count) throw new RangeError(`the simulation returned ${stats.length} intervals, expected ${count}`);
    }
    return result;
  };
  for (let iteration = 1; ; iteration++) {
    const stats = await run(current);
    let changed = 0;
    const next = current.map((plan, t) => {
      const { target, queue } = tables[t] as IsaTableInput;
      const tableStats = stats[t] as readonly SimulatedInterval[];
      const tableHeld = held[t] as Set<number>[];
      const tableSettled = settled[t] as Uint8Array;
      return plan.map((row, day) =>
        row.map((agents, i) => {
          const k = day * calendar.intervalsPerDay + i;
          if (tableSettled[k] === 1) return agents;
          const levels = tableHeld[k] as Set<number>;
          levels.add(agents);
          const wanted = requiredAgents(tableStats[k] as SimulatedInterval, target, queue);
          if (wanted === agents) return agents;
          changed++;
          // Back to a level it has had: the interval is going round; keep the larger of the two and stop updating it.
          if (levels.has(wanted)) {
            tableSettled[k] = 1;
            return Math.max(agents, wanted);
          }
          return wanted;
        }),
      );
    });
    history.push({ agentIntervals: sum(current.map((plan) => sum(plan.flat()))), changedIntervals: changed });
    input.onIteration?.(iteration, changed);
    const done = (plans: number[][][], ending: IsaResult['ending'], result: readonly (readonly SimulatedInterval[])[]): IsaTablesResult => ({
      tables: plans.map((plan, t) => ({
        onPhoneAgents: plan,
        simulated: result[t] as readonly SimulatedInterval[],
        settledIntervals: (settled[t] as Uint8Array).reduce((total, flag) => total + flag, 0),
      })),
      iterations: simulatedPlans,
      converged: ending === 'converged',
      ending,
      history,
    });
    if (changed === 0) return done(current, 'converged', stats);
    if (iteration >= maxIterations) {
      const safe = current.map((plan, t) => plan.map((row, day) => row.map((agents, i) => Math.max(agents, ((next[t] as number[][])[day] as number[])[i] as number))));
      return done(safe, 'cap', await run(safe));
    }
    current = next;
  }
}

function checkTable(table: AgentTable, calendar: IsaInput['calendar'], name: string): void {
  if (table.length !== calendar.days || table.some((row) => row.length !== calendar.intervalsPerDay)) {
    throw new RangeError(`${name} must be ${calendar.days} × ${calendar.intervalsPerDay} (days × intervals)`);
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

// ------------------------------------------------------------------------------------------------ the rule

/**
 * The smallest number of agents for which every bound of `target` holds against the sampled distribution of the
 * number in system (see the module comment). An interval without attempts gets the agents the occupancy bound
 * asks for (0 without one).
 *
 * @example requiredAgents({ attempts: 10, serviceLevel: NaN, abandonedShare: NaN, numberInSystem: [0, 0, 5, 5] },
 *   { serviceLevel: 0.8, answerWithinSeconds: 0, … }, queue) // 3: P(L ≥ 3) = 0.5 > 0.2, P(L ≥ 4) = 0
 */
export function requiredAgents(interval: SimulatedInterval, target: StaffingTarget, queue: IsaQueue): number {
  const histogram = interval.numberInSystem;
  const samples = sum(histogram);
  if (samples === 0) return 0;
  const p = histogram.map((count) => count / samples);
  const maxL = histogram.length - 1;
  const meanL = p.reduce((total, prob, l) => total + prob * l, 0);
  const hasArrivals = interval.attempts > 0;
  const holds = (n: number): boolean => {
    if (target.maxOccupancy !== null && n > 0 && occupancyOf(p, n) > target.maxOccupancy + 1e-12) return false;
    if (target.maxOccupancy !== null && n === 0 && meanL > 0) return false;
    if (!hasArrivals) return true;
    const needsChain = target.serviceLevel !== null || target.maxAbandonShare !== null || target.maxAsaSeconds !== null;
    if (!needsChain) return true;
    if (n === 0) return false;
    const outcome = virtualCallerService(p, n, target.answerWithinSeconds, queue);
    if (target.serviceLevel !== null && outcome.serviceLevel < target.serviceLevel - 1e-12) return false;
    if (target.maxAbandonShare !== null && outcome.abandonedShare > target.maxAbandonShare + 1e-12) return false;
    if (target.maxAsaSeconds !== null && outcome.asaSeconds > target.maxAsaSeconds + 1e-12) return false;
    return true;
  };
  // Every bound holds at hi: nobody waits once n > max L, and occupancy ≤ mean L / n.
  let hi = Math.max(maxL + 1, target.maxOccupancy !== null && target.maxOccupancy > 0 ? Math.ceil(meanL / target.maxOccupancy) : 0);
  while (!holds(hi)) hi *= 2; // cannot happen by the argument above; a guard against rounding
  let lo = 0;
  if (holds(lo)) return lo;
  // Invariant: holds(hi), !holds(lo).
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

function occupancyOf(p: readonly number[], n: number): number {
  let busy = 0;
  p.forEach((prob, l) => {
    busy += prob * Math.min(l, n);
  });
  return busy / n;
}

/**
 * What an arrival experiences with n agents when it finds ℓ in system with probability p[ℓ] (p sums to 1): the
 * service level (per `queue.definition`; exclude-short-abandons as answered-of-offered), the abandoned share and the
 * mean wait of answered arrivals, through the tagged-caller chain of the module comment. With p the stationary
 * distribution of M/M/n+M these are exactly Erlang A's (Poisson arrivals see time averages). With `queue.maxQueue`
 * an arrival that finds n + maxQueue in system is blocked and counts in the abandoned share (as a lost call); with p
 * the stationary distribution of M/M/n/K+M the figures are that chain's.
 *
 * @example virtualCallerService([0.5, 0.5], 1, 0, { meanHandleSeconds: 60, meanPatienceSeconds: null, definition: 'answered-of-offered' })
 *   // { serviceLevel: 0.5, abandonedShare: 0, asaSeconds: 30 }
 */
export function virtualCallerService(
  p: readonly number[],
  n: number,
  answerWithinSeconds: number,
  queue: IsaQueue,
): { serviceLevel: number; abandonedShare: number; asaSeconds: number } {
  const serverRate = n / queue.meanHandleSeconds;
  const theta = queue.meanPatienceSeconds === null ? 0 : 1 / queue.meanPatienceSeconds;
  const maxQueue = queue.maxQueue ?? null;
  // An arrival that finds n + maxQueue or more in system is blocked: it is lost, like an abandon.
  const maxAhead = maxQueue === null ? p.length - 1 - n : Math.min(p.length - 1 - n, maxQueue - 1);
  let noWait = 0;
  for (let l = 0; l < Math.min(n, p.length); l++) noWait += p[l] as number;
  let answeredWithin = noWait;
  let answered = noWait;
  let abandoned = 0;
  let answeredWaitSeconds = 0;
  if (maxQueue !== null) for (let l = n + maxQueue; l < p.length; l++) abandoned += p[l] as number;
  if (maxAhead >= 0) {
    const within = answerWithinSeconds > 0 ? servedWithin(serverRate, theta, answerWithinSeconds, maxAhead) : null;
    const x = theta > 0 ? serverRate / theta : Infinity;
    let harmonic = 0; // H_j = Σ_{k=1..j+1} 1/(x+k), built up with j
    for (let j = 0; j <= maxAhead; j++) {
      const prob = p[n + j] as number;
      if (theta > 0) harmonic += 1 / (x + j + 1);
      if (prob === 0) continue;
      const servedShare = theta > 0 ? x / (x + j + 1) : 1;
      answered += prob * servedShare;
      abandoned += prob * (1 - servedShare);
      answeredWaitSeconds += prob * servedShare * (theta > 0 ? harmonic / theta : (j + 1) / serverRate);
      if (within !== null) answeredWithin += prob * (within[j] as number);
    }
  }
  const serviceLevel = queue.definition === 'answered-of-answered' ? (answered > 0 ? answeredWithin / answered : 1) : answeredWithin;
  return { serviceLevel, abandonedShare: abandoned, asaSeconds: answered > 0 ? answeredWaitSeconds / answered : 0 };
}

/**
 * S_j(T) for j = 0 … maxAhead: the probability that a caller with j waiting ahead of it (all n agents busy) is answered
 * within T, by uniformization of the chain "number ahead": from k ahead the next departure ahead comes at rate
 * nμ + kθ (k = 0: the caller itself is answered at rate nμ) and the caller abandons at rate θ.
 */
function servedWithin(serverRate: number, theta: number, seconds: number, maxAhead: number): number[] {
  if (theta === 0) {
    // Answered within T ⇔ at least j + 1 completions of a Poisson(nμT) process.
    const weights = poissonWeights(serverRate * seconds);
    const result: number[] = [];
    let cumulative = 0; // P(N ≤ j)
    for (let j = 0; j <= maxAhead; j++) {
      cumulative += weightAt(weights, j);
      result.push(Math.max(0, 1 - cumulative));
    }
    return result;
  }
  const rate = serverRate + (maxAhead + 1) * theta;
  const weights = poissonWeights(rate * seconds);
  let w = new Float64Array(maxAhead + 1); // P(answered within m uniformized steps | k ahead)
  const result = new Float64Array(maxAhead + 1);
  for (let m = 0; m <= weights.last; m++) {
    const weight = weightAt(weights, m);
    if (weight > 0) for (let k = 0; k <= maxAhead; k++) result[k] = (result[k] as number) + weight * (w[k] as number);
    const next = new Float64Array(maxAhead + 1);
    for (let k = 0; k <= maxAhead; k++) {
      const down = serverRate + k * theta;
      const stay = 1 - (down + theta) / rate;
      next[k] = (down / rate) * (k === 0 ? 1 : (w[k - 1] as number)) + stay * (w[k] as number);
    }
    w = next;
  }
  return [...result];
}

interface PoissonWeights {
  readonly first: number;
  readonly last: number;
  readonly values: Float64Array;
}

/** Poisson(mean) probabilities from `first` to `last`, the tails beyond holding less than 1e−14, computed in log space. */
function poissonWeights(mean: number): PoissonWeights {
  if (mean <= 0) return { first: 0, last: 0, values: Float64Array.of(1) };
  const spread = 10 * Math.sqrt(mean) + 12;
  const first = Math.max(0, Math.floor(mean - spread));
  const last = Math.ceil(mean + spread);
  const values = new Float64Array(last - first + 1);
  const logMean = Math.log(mean);
  for (let m = first; m <= last; m++) values[m - first] = Math.exp(-mean + m * logMean - logGamma(m + 1));
  return { first, last, values };
}

function weightAt(weights: PoissonWeights, m: number): number {
  return m < weights.first || m > weights.last ? 0 : (weights.values[m - weights.first] as number);
}

// ------------------------------------------------------------------------------------------------ the simulator

export interface ObservingSimulatorOptions {
  /** Replications per plan (the model's seed; replication r uses substream r). */
  readonly replications: number;
  /** State samples per interval and replication. Default 20. */
  readonly samplesPerInterval?: number;
}

/**
 * A `PlanSimulator` on `runReplication`: runs the replications one after another in this thread, samples the number
 * in system (busy agents + waiting attempts) `samplesPerInterval` times per interval, and averages each interval's
 * service level and abandoned share over the replications (leaving out replications without attempts there).
 * Paid hours are on-phone hours / (1 − shrinkage). Deterministic: the same plan gives the same statistics.
 */
export function observingSimulator(model: ContactCentreModel, options: ObservingSimulatorOptions): PlanSimulator {
  const { calendar } = model;
  const samples = options.samplesPerInterval ?? 20;
  if (!Number.isInteger(options.replications) || options.replications < 1) throw new RangeError(`replications must be an integer ≥ 1 (got ${options.replications})`);
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samplesPerInterval must be an integer ≥ 1 (got ${samples})`);
  const everySeconds = calendar.intervalSeconds / samples;
  const intervalHours = calendar.intervalSeconds / 3600;
  const paidFactor = 1 / (1 - model.staffing.shrinkage);
  const count = calendar.days * calendar.intervalsPerDay;
  return (onPhoneAgents) => {
    const input: SimulationInput = {
      model,
      onPhoneAgents,
      paidAgentHours: onPhoneAgents.map((row) => row.map((agents) => agents * intervalHours * paidFactor)),
    };
    const histograms = Array.from({ length: count }, () => [] as number[]);
    const sl = new Float64Array(count);
    const slCount = new Float64Array(count);
    const ab = new Float64Array(count);
    const attempts = new Float64Array(count);
    for (let r = 0; r < options.replications; r++) {
      const result = runReplication(input, r, {
        observe: {
          everySeconds,
          onObservation: (time, busy, waiting) => {
            const k = sampledInterval(calendar, time);
            if (k >= 0) countSample(histograms[k] as number[], busy + waiting);
          },
        },
      });
      result.intervals.forEach((record, k) => {
        attempts[k] = (attempts[k] as number) + record.attempts / options.replications;
        if (!Number.isNaN(record.serviceLevel)) {
          sl[k] = (sl[k] as number) + record.serviceLevel;
          ab[k] = (ab[k] as number) + record.abandonedShare;
          slCount[k] = (slCount[k] as number) + 1;
        }
      });
    }
    return histograms.map((numberInSystem, k) => ({
      attempts: attempts[k] as number,
      serviceLevel: (slCount[k] as number) > 0 ? (sl[k] as number) / (slCount[k] as number) : Number.NaN,
      abandonedShare: (slCount[k] as number) > 0 ? (ab[k] as number) / (slCount[k] as number) : Number.NaN,
      numberInSystem,
    }));
  };
}

/**
 * The interval (day × intervalsPerDay + interval) a state sample at `timeSeconds` belongs to, or −1 when the sample
 * falls while closed or after the last day.
 * @example sampledInterval(calendar, 8 * 3600 + 90) // 0 for a calendar that opens at 08:00
 */
export function sampledInterval(calendar: Calendar, timeSeconds: number): number {
  const day = Math.floor(timeSeconds / 86_400);
  // Rounded to the microsecond: sampling instants are sums of floating-point steps.
  const offset = Math.round((timeSeconds - day * 86_400 - calendar.openSeconds) * 1e6) / 1e6;
  if (day >= calendar.days || offset < 0 || offset >= calendar.closeSeconds - calendar.openSeconds) return -1;
  return day * calendar.intervalsPerDay + Math.floor(offset / calendar.intervalSeconds);
}

/** Adds one sample of ℓ in system to a histogram that grows as needed. */
export function countSample(histogram: number[], inSystem: number): void {
  while (histogram.length <= inSystem) histogram.push(0);
  histogram[inSystem] = (histogram[inSystem] as number) + 1;
}

// ------------------------------------------------------------------------------------------------ SIPP vs ISA

/** One interval of the comparison: the SIPP requirement and the ISA one, and how each does in the simulation. */
export interface IsaPlanRow {
  readonly day: number;
  readonly interval: number;
  readonly startSeconds: number;
  /** Mean simulated attempts per replication (under the ISA plan). */
  readonly attempts: number;
  /** On-phone agents: SIPP (the stationary Erlang A/C plan per interval) and ISA. */
  readonly sippAgents: number;
  readonly isaAgents: number;
  /** The service level the stationary model predicts for the SIPP plan. */
  readonly sippPredictedServiceLevel: number;
  /** Simulated service level (answered within the target's threshold, the scenario's definition) of each plan. */
  readonly sippSimulatedServiceLevel: number;
  readonly isaSimulatedServiceLevel: number;
  readonly sippSimulatedAbandonedShare: number;
  readonly isaSimulatedAbandonedShare: number;
}

/** The SIPP plan of one staffing table against its ISA plan, both simulated with the same seeds. */
export interface IsaComparison {
  /** The calendar of the rows (which days are open, their dates). */
  readonly calendar: Calendar;
  readonly target: StaffingTarget;
  /** The stationary method of the SIPP plan. */
  readonly sippSource: 'erlang-a' | 'erlang-c';
  readonly rows: readonly IsaPlanRow[];
  /** On-phone agents per [day][interval] of the SIPP plan. */
  readonly sippAgents: number[][];
  /** Paid agent hours (on-phone / (1 − shrinkage)) and their cost at the price of a paid agent hour. */
  readonly sippPaidAgentHours: number;
  readonly isaPaidAgentHours: number;
  readonly sippStaffCost: number;
  readonly isaStaffCost: number;
  /** The simulated service level over the whole run (attempt-weighted mean of the intervals) of each plan. */
  readonly sippSimulatedServiceLevel: number;
  readonly isaSimulatedServiceLevel: number;
}

export interface IsaPlan extends IsaComparison {
  /** The model the simulations ran (serviceLevel measured at the target's threshold). */
  readonly model: ContactCentreModel;
  readonly isa: IsaResult;
}

export interface IsaPlanOptions {
  /** Replications per simulated plan. Default: the model's `simulation.replications`. */
  readonly replications?: number;
  readonly samplesPerInterval?: number;
  readonly maxIterations?: number;
  /** s⁽⁰⁾ from the SIPP plan: ⌈factor × SIPP⌉ + extra. Defaults 1.5 and 3. */
  readonly initialFactor?: number;
  readonly initialExtra?: number;
  /** Replaces the simulation (tests); default `observingSimulator`. */
  readonly simulate?: PlanSimulator;
  readonly onIteration?: (iteration: number, changedIntervals: number) => void;
}

/**
 * Plans a variant with `staffing.target` by ISA, next to its SIPP plan, and simulates both with the same seeds.
 *
 * @throws InputError when the variant's staffing is not a target; InfeasibleError when the SIPP start cannot be
 *   planned (a target no stationary staffing meets)
 */
export async function planWithIsa(model: ContactCentreModel, options: IsaPlanOptions = {}): Promise<IsaPlan> {
  if (model.staffing.kind !== 'target') {
    throw new InputError([
      { path: 'staffing', code: 'isa_needs_target', message: `method isa solves staffing.target; ${model.variantName} has staffing.${model.staffing.kind}` },
    ]);
  }
  const target = model.staffing.target;
  const sippSource = model.customers.patience === null ? 'erlang-c' : 'erlang-a';
  const sippModel: ContactCentreModel = { ...model, staffing: { ...model.staffing, target: { ...target, method: sippSource } } };
  const sipp = planVariant(sippModel);
  const { calendar } = model;
  const table = (): number[][] => Array.from({ length: calendar.days }, () => new Array<number>(calendar.intervalsPerDay).fill(0));
  const sippAgents = table();
  const sippRows: IntervalPlanRow[] = [...sipp.rows];
  for (const row of sippRows) (sippAgents[row.day] as number[])[row.interval] = row.onPhoneAgents;

  // The simulations measure the service level at the target's threshold.
  const simModel: ContactCentreModel = {
    ...model,
    staffing: sippModel.staffing,
    serviceLevel: { ...model.serviceLevel, answerWithinSeconds: target.answerWithinSeconds },
    simulation: { ...model.simulation, replications: options.replications ?? model.simulation.replications },
  };
  const simulate =
    options.simulate ??
    observingSimulator(simModel, {
      replications: simModel.simulation.replications,
      ...(options.samplesPerInterval === undefined ? {} : { samplesPerInterval: options.samplesPerInterval }),
    });
  const factor = options.initialFactor ?? 1.5;
  const extra = options.initialExtra ?? 3;
  const isa = await isaStaffing({
    calendar,
    target,
    queue: {
      meanHandleSeconds: meanOf(model.handling.handleTime),
      meanPatienceSeconds: model.customers.patience === null ? null : meanOf(model.customers.patience),
      definition: model.serviceLevel.definition,
    },
    initialAgents: sippAgents.map((row) => row.map((agents) => Math.ceil(factor * agents) + extra)),
    simulate,
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    ...(options.onIteration === undefined ? {} : { onIteration: options.onIteration }),
  });
  const sippSimulated = await simulate(sippAgents);
  return {
    model: simModel,
    isa,
    ...compareIsaWithSipp({
      calendar,
      target,
      sippSource,
      sippRows,
      sippAgents,
      isaAgents: isa.onPhoneAgents,
      sippSimulated,
      isaSimulated: isa.simulated,
      shrinkage: model.staffing.shrinkage,
      perPaidAgentHour: model.costs.perPaidAgentHour,
    }),
  };
}

/** What `compareIsaWithSipp` puts side by side. */
export interface IsaComparisonInput {
  readonly calendar: Calendar;
  readonly target: StaffingTarget;
  readonly sippSource: IsaComparison['sippSource'];
  /** The SIPP plan's intervals, with the service level the stationary model predicts for its agents. */
  readonly sippRows: readonly {
    readonly day: number;
    readonly interval: number;
    readonly startSeconds: number;
    readonly onPhoneAgents: number;
    readonly serviceLevel: number;
  }[];
  readonly sippAgents: number[][];
  readonly isaAgents: AgentTable;
  readonly sippSimulated: readonly SimulatedInterval[];
  readonly isaSimulated: readonly SimulatedInterval[];
  readonly shrinkage: number;
  /** Price of a paid agent hour. */
  readonly perPaidAgentHour: number;
}

/**
 * The SIPP and ISA plans of one staffing table side by side: per interval the agents of each, the service level the
 * stationary model predicts for SIPP and the simulated service level and abandoned share of each; in total the paid
 * hours (on-phone / (1 − shrinkage)), their cost, and the attempt-weighted simulated service level of each plan.
 *
 * @example compareIsaWithSipp({ …, sippAgents: [[14]], isaAgents: [[15]], shrinkage: 0 }).isaPaidAgentHours // 7.5 for 30-minute intervals
 */
export function compareIsaWithSipp(input: IsaComparisonInput): IsaComparison {
  const { calendar, sippAgents, isaAgents, sippSimulated, isaSimulated } = input;
  const rows: IsaPlanRow[] = input.sippRows.map((row) => {
    const k = row.day * calendar.intervalsPerDay + row.interval;
    const isaStats = isaSimulated[k] as SimulatedInterval;
    const sippStats = sippSimulated[k] as SimulatedInterval;
    return {
      day: row.day,
      interval: row.interval,
      startSeconds: row.startSeconds,
      attempts: isaStats.attempts,
      sippAgents: row.onPhoneAgents,
      isaAgents: (isaAgents[row.day] as number[])[row.interval] as number,
      sippPredictedServiceLevel: row.serviceLevel,
      sippSimulatedServiceLevel: sippStats.serviceLevel,
      isaSimulatedServiceLevel: isaStats.serviceLevel,
      sippSimulatedAbandonedShare: sippStats.abandonedShare,
      isaSimulatedAbandonedShare: isaStats.abandonedShare,
    };
  });
  const paidHours = (table: AgentTable): number => (sum(table.flat()) * calendar.intervalSeconds) / 3600 / (1 - input.shrinkage);
  const weighted = (pick: (row: IsaPlanRow) => number): number => {
    let total = 0;
    let weight = 0;
    for (const row of rows) {
      const value = pick(row);
      if (Number.isNaN(value) || row.attempts <= 0) continue;
      total += value * row.attempts;
      weight += row.attempts;
    }
    return weight > 0 ? total / weight : Number.NaN;
  };
  const sippPaidAgentHours = paidHours(sippAgents);
  const isaPaidAgentHours = paidHours(isaAgents);
  return {
    calendar: input.calendar,
    target: input.target,
    sippSource: input.sippSource,
    rows,
    sippAgents,
    sippPaidAgentHours,
    isaPaidAgentHours,
    sippStaffCost: sippPaidAgentHours * input.perPaidAgentHour,
    isaStaffCost: isaPaidAgentHours * input.perPaidAgentHour,
    sippSimulatedServiceLevel: weighted((row) => row.sippSimulatedServiceLevel),
    isaSimulatedServiceLevel: weighted((row) => row.isaSimulatedServiceLevel),
  };
}
