import { costOf, type CostBreakdown } from '../cost/cost-model.js';
import { InfeasibleError, InputError } from '../errors.js';
import type { GroupMetricName, MetricName } from '../metrics.js';
import type { ContactCentreModel, ServiceLevelRule } from '../model/contact-centre-model.js';
import { networkOf, type AgentGroup } from '../model/network.js';
import { meanOf } from '../queueing/delay-kernel.js';
import { evaluateFiniteQueue } from '../queueing/finite-queue.js';
import { evaluateCheckedQueue, evaluateQueue, type QueueMetrics } from '../queueing/queue-metrics.js';
import { buildLandingKernel, dayProfiles, spreadLanding, type LandingCalendar, type LandingKernel } from '../queueing/retrial-fixed-point.js';
import { isOpenDay, nextOpenDay, openDayCount } from '../model/calendar-days.js';
import { missedTargets, solveStaffing } from '../queueing/staffing-solver.js';
import type { AnalyticSource, IntervalPlanRow, VariantPlan } from './interval-plan.js';
import { AndersonMemory } from './anderson-acceleration.js';
import { mixedEvaluation } from './mixed-evaluation.js';
import { groupSetup, type GroupSetup } from './group-setup.js';
import { EndlessCallsError, TrafficEquations, type IntervalFeedback } from './traffic-equations.js';

/** One interval of one agent group in an analytic plan (SPEC §7). */
export interface GroupIntervalRow {
  readonly day: number;
  readonly interval: number;
  readonly startSeconds: number;
  /** Calls offered to the group (dialled calls at the first group, transfers at any). */
  readonly attempts: number;
  /** Of those, transfers from other groups. */
  readonly transfersIn: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly blocked: number;
  readonly onPhoneAgents: number;
  readonly paidAgents: number;
  readonly paidAgentHours: number;
  readonly stable: boolean;
  readonly serviceLevel: number;
  readonly probabilityOfWaiting: number;
  readonly asaSeconds: number;
  readonly meanWaitSeconds: number;
  readonly abandonedShare: number;
  readonly blockedShare: number;
  /** (Call work + task work) / on-phone time. */
  readonly occupancy: number;
  readonly callWorkSeconds: number;
  readonly taskWorkSeconds: number;
  /** Tasks created in this interval; of those, started (by the end of the run), their summed delay and those within due. */
  readonly tasks: number;
  readonly tasksDone: number;
  readonly taskDelaySeconds: number;
  readonly tasksWithinDue: number;
  readonly taskBacklogAtEnd: number;
  readonly staffCost: number;
}

/** The analytic plan of one agent group: its rows and its totals under the group metric names. */
export interface GroupPlan {
  readonly name: string;
  readonly source: AnalyticSource;
  readonly rows: readonly GroupIntervalRow[];
  readonly totals: Readonly<Record<GroupMetricName, number>>;
  /**
   * Task work (callbacks, channel cases, retries) and the agent time its calls leave over, over the run, in hours.
   * More work than time left over means the backlog grows from one run to the next without end (see `taskOverloads`).
   */
  readonly taskHours: { readonly work: number; readonly spare: number };
}

/** A group whose tasks need more agent time than its calls leave over: its backlog grows without end. */
export interface TaskOverload {
  readonly group: string;
  /** Task work created in the run, hours. */
  readonly workHours: number;
  /** Agent time on duty that calls leave over in the run, hours. */
  readonly spareHours: number;
}

/**
 * The groups of a plan whose tasks need more agent time than their calls leave over during the run. Repeated (the next
 * week, the next year), such a run starts each time with a larger backlog: callbacks and e-mails wait without end, the
 * cases behind them are never resolved, and the plan's total cost is unbounded (like that of a queue without patience
 * whose calls arrive faster than agents answer them) — it is never the cheapest. Within one run the work left over
 * shows only as `taskBacklogAtEnd`, which no price covers.
 * @example taskOverloads(planVariant(oneCaseOfficerForManyCallbacks)) // [{ group: 'case-officers', workHours: 105, spareHours: 39.5 }]
 */
export function taskOverloads(plan: { readonly groups?: readonly GroupPlan[] | undefined }): TaskOverload[] {
  return (plan.groups ?? [])
    .filter((group) => !keepsUpWithTasks(group))
    .map((group) => ({ group: group.name, workHours: group.taskHours.work, spareHours: group.taskHours.spare }));
}

/**
 * The agent hours a group's calls leave over after its tasks during the run, with the slack `taskOverloads` allows for
 * rounding: below 0, its backlog grows without end.
 * @example taskSlackHours({ taskHours: { work: 105, spare: 39.5 } }) // ≈ −65.5
 */
export function taskSlackHours(group: Pick<GroupPlan, 'taskHours'>): number {
  return group.taskHours.spare * (1 + 1e-9) + 1e-9 - group.taskHours.work;
}

/** Whether a group's calls leave enough agent time over for its tasks during the run (see `taskOverloads`). */
function keepsUpWithTasks(group: GroupPlan): boolean {
  return !(taskSlackHours(group) < 0);
}

/** Outer iterations of one interval's fixed point before target staffing is frozen at its better-staffed side. */
const FREEZE_AFTER = 40;
const MAX_ITERATIONS = 400;
const TOLERANCE = 1e-9;

/** A packet of tasks in a group's backlog: created uniformly over [createdFrom, createdTo], worked FIFO. */
interface TaskPacket {
  count: number;
  createdFrom: number;
  createdTo: number;
  /** Agent seconds per task. */
  readonly workSeconds: number;
  /** Statistics interval of the creation (tasks, delays and the backlog are booked there). */
  readonly createdK: number;
  /** The group whose backlog it is. */
  readonly group: number;
  readonly kind: 'callback' | 'channel';
  /** Callback: the try (1-based); channel: the channel index. */
  readonly tryOrChannel: number;
  /** Class (dialled calls so far) of the case's next dialled call, if it calls again. */
  readonly nextClass: number;
}

/**
 * The analytic plan of a model with agent groups (SPEC §7), interval by interval in time order:
 *
 * - **Calls**: per group, Erlang C or Erlang A (infinite queue), or the birth–death chain of M/M/N/K+M (finite
 *   `maxQueue`), with each group's offered calls from the traffic equations — dialled calls at the first group,
 *   transfers in at the target group at once, failed calls (abandoned or blocked) as redials, unresolved answers as
 *   repeat contacts — solved to one fixed point over all groups within the interval (what lands in later intervals
 *   is carried there by the delay kernels of SPEC §3). Target staffing is solved per group for its own target as the
 *   fixed point goes; where the solved agents jump there is no exact fixed point, and after a few rounds the agents
 *   are held at the better-staffed side of the jump and the flows solved for them.
 * - **Tasks** (callbacks and channel tasks) are a fluid backlog per group worked first in, first out with the agent
 *   time left over from calls; their delays, the share within the due time, and their outcomes (callback reach and
 *   retries, resolution, repeat contacts) follow from that order.
 *
 * Approximations (the simulation is exact): non-exponential handle times and patience enter by their means; the
 * first group's patience is `customers.patience` for every call it gets; tasks do not delay calls; the flows of
 * tasks that land in their own interval move to the next one; time to resolution is not estimated.
 *
 * @throws InfeasibleError when a group's target cannot be met in some interval
 */
export function planNetwork(model: ContactCentreModel): VariantPlan {
  const network = networkOf(model);
  const { calendar, customers, handling } = model;
  const groups = network.groups;
  const G = groups.length;
  const { days, intervalsPerDay: perDay, intervalSeconds: L } = calendar;
  const total = days * perDay;
  const capped = customers.maxAttempts !== null;
  const C = customers.maxAttempts ?? 1;
  const nextClassOf = (c: number): number => (capped ? c + 1 : 0);
  const rho = customers.redial.probability;
  const p = handling.repeatContact.probability;

  for (const group of groups) {
    if (group.staffing.kind === 'target' && group.staffing.target.method === 'isa') {
      throw new InputError([
        {
          path: model.network === undefined ? 'staffing.target.method' : `groups.${group.name}.staffing.target.method`,
          code: 'unsupported',
          message: 'method "isa" is simulation-based staffing, which the analytic plan cannot give: `staffsim plan <scenario>` runs it, or use erlang-a or erlang-c here',
        },
      ]);
    }
  }

  const setups = groups.map((group, g) => groupSetup(model, group, g));
  const scratch = intervalScratch(setups, C, capped);
  const source: AnalyticSource = setups.some((setup) => setup.patienceSeconds !== null) ? 'erlang-a' : 'erlang-c';
  const redialKernel = buildLandingKernel(calendar, customers.redial.delay);
  const repeatKernel = buildLandingKernel(calendar, handling.repeatContact.delay);
  const retryKernels = groups.map((group) => buildLandingKernel(calendar, group.tasks.callbackReach.retryDelay));
  const profile = dayProfiles(model.demand.casesPerInterval);
  // Tasks that become ready while closed wait for the next opening.
  const openingProfile = new Float64Array(total);
  for (let d = 0; d < days; d++) openingProfile[d * perDay] = 1;

  const redialIn = Array.from({ length: C }, () => new Float64Array(total));
  const repeatIn = Array.from({ length: C }, () => new Float64Array(total));
  // Made when the first packet is queued there (the lists of one plan then all hold packets).
  const pending: (TaskPacket[] | undefined)[] = new Array<TaskPacket[] | undefined>(total + 1).fill(undefined);
  const backlogs: TaskPacket[][] = groups.map(() => []);
  /** Where a callback retry lands, by interval (all 0 between uses). */
  const retryLanding = new Float64Array(total);
  /** Each group's retry landing of the interval last asked (see `retryUnitAt`); at most one kernel's reach of targets. */
  const retryUnits: RetryUnit[] = groups.map(() => ({ k: -1, count: 0, targets: new Int32Array(total), shares: new Float64Array(total), lostShare: 0 }));
  // What the interval loop reads of the model, read once: numbers and arrays, not the model's objects, whose shapes
  // can differ from one model to the next (see `planInterval`).
  const openSeconds = calendar.openSeconds;
  const landingCalendar = shapedLandingCalendar(calendar);
  const casesPerInterval = model.demand.casesPerInterval;
  const channels = network.channels;
  const intervalStart = (k: number): number => Math.floor(k / perDay) * 86_400 + openSeconds + (k % perDay) * L;

  // Per interval (variant) and per (group, interval) accumulators, in typed arrays: their sums are fractional from the
  // start, and arrays keep the plan's code free of object shapes that change as values do.
  const variant = variantFlows(total);
  // What each group's row of each interval is made of, kept by the loop and made into rows after it (one place makes
  // every row): the queue's metrics, and the calls, transfers in, answers, agents, paid hours, call and task work.
  const rowMetrics: GroupEvaluation[] = new Array<GroupEvaluation>(G * total);
  const rowFigures = new Float64Array(G * total * ROW_FIGURES);
  const taskBook = groups.map(() => taskBookOf(total));
  let openCasesAtEnd = 0;
  let converged = true;
  /** Task work created and agent time left over from calls, per group, seconds. */
  const taskWorkSeconds = new Float64Array(G);
  const spareSeconds = new Float64Array(G);
  /** Books a new packet of tasks where it was created and queues it: now, or at a later interval. */
  const addTasks = (packet: TaskPacket, atInterval: number): void => {
    const created = (taskBook[packet.group] as TaskBook).created;
    created[packet.createdK] = (created[packet.createdK] as number) + packet.count;
    taskWorkSeconds[packet.group] = (taskWorkSeconds[packet.group] as number) + packet.count * packet.workSeconds;
    const queue = pending[atInterval];
    if (queue === undefined) pending[atInterval] = [packet];
    else queue.push(packet);
  };

  /** A repeat contact of class `cls` generated in interval k (tasks: lands from the next interval on). */
  const unresolvedAt = (amount: number, cls: number, k: number, viaTask: boolean): void => {
    if (amount === 0) return;
    const unresolved = variant.unresolved;
    if (cls >= C) {
      unresolved[k] = (unresolved[k] as number) + amount;
      return;
    }
    unresolved[k] = (unresolved[k] as number) + (1 - p) * amount;
    const flow = p * amount;
    if (flow === 0) return;
    const day = Math.floor(k / perDay);
    const i = k % perDay;
    const inflow = repeatIn[cls] as Float64Array;
    // Spread with the interval's other repeat contacts of this class when the interval ends (the spread is linear).
    repeatsOut[cls] = (repeatsOut[cls] as number) + flow;
    if (viaTask) {
      // What would land in the task's own interval (already solved) is called in the next one; after closing, at the
      // next open day's opening (a call is never made on a closed day), or after the horizon an open case.
      const self = flow * (repeatKernel.mass[(i * days) * perDay + i] as number);
      const nextDay = i + 1 < perDay ? day : nextOpenDay(landingCalendar, day + 1);
      const next = nextDay < 0 ? -1 : i + 1 < perDay ? k + 1 : nextDay * perDay;
      if (next >= 0 && next < total) inflow[next] = (inflow[next] as number) + self;
      else openCasesAtEnd += self;
    }
  };

  // Each interval's fixed point starts from the failure shares of the one before (the load changes little).
  const previousFailure = new Float64Array(G);
  // Buffers reused by every interval: the dialled calls by class, and what of them redials and repeats later.
  const base = new Float64Array(C);
  const redialsOut = new Float64Array(C);
  const repeatsOut = new Float64Array(C);
  // One interval, in a function of its own: the model is read above, and the JIT compiles this loop body apart from
  // it, so that a change of shape in a model's objects (many models are planned in one process by a sensitivity
  // analysis) recompiles the small function around it and not the interval's work.
  const planInterval = (k: number): void => {
    const day = Math.floor(k / perDay);
    const i = k % perDay;
    const start = intervalStart(k);
    const first = (casesPerInterval[day] as readonly number[])[i] as number;
    for (let c = 0; c < C; c++) {
      base[c] = (c === 0 ? first : 0) + ((redialIn[c] as Float64Array)[k] as number) + ((repeatIn[c] as Float64Array)[k] as number);
      variant.redials[k] = (variant.redials[k] as number) + ((redialIn[c] as Float64Array)[k] as number);
      variant.repeats[k] = (variant.repeats[k] as number) + ((repeatIn[c] as Float64Array)[k] as number);
    }
    const selfRedial = redialKernel.mass[(i * days) * perDay + i] as number;
    const selfRepeat = repeatKernel.mass[(i * days) * perDay + i] as number;

    // --- calls: one fixed point over all groups
    let solved: IntervalSolution;
    try {
      solved = solveInterval(setups, scratch, base, { rho, p, selfRedial, selfRepeat }, day, i, previousFailure);
    } catch (error) {
      if (error instanceof EndlessCallsError) throw new InfeasibleError(`day ${day + 1}, interval ${i + 1}: ${error.message}`);
      throw error;
    }
    solved.metrics.forEach((m, g) => (previousFailure[g] = m.abandonedShare + m.blockedShare));
    if (!solved.converged) converged = false;
    redialsOut.fill(0);
    repeatsOut.fill(0);
    const callbacksCreated = bookCalls(k, day, i, solved, selfRedial, selfRepeat);
    workTasks(k, day, i, start, solved, callbacksCreated);
    // The redials and repeat contacts made in the interval, by calls and by tasks, land in later intervals: one
    // spread per class (nothing reads those intervals before this one ends).
    for (let c = 0; c < C; c++) {
      openCasesAtEnd += spreadLanding(redialsOut[c] as number, redialKernel, redialIn[c] as Float64Array, landingCalendar, profile, day, i);
      openCasesAtEnd += spreadLanding(repeatsOut[c] as number, repeatKernel, repeatIn[c] as Float64Array, landingCalendar, profile, day, i);
    }
  };

  /** The interval's calls once solved: what they resolve, leave unresolved, and send back as redials and repeats. */
  const bookCalls = (
    k: number,
    day: number,
    i: number,
    solved: IntervalSolution,
    selfRedial: number,
    selfRepeat: number,
  ): { group: number; count: number; nextClass: number }[] => {
    const { X, metrics } = solved;
    const callbacksCreated: { group: number; count: number; nextClass: number }[] = [];
    // Redials and repeat contacts land by the same kernels whichever group the call failed in: one spread per class,
    // when the interval ends (`planInterval`).
    for (let g = 0; g < G; g++) {
      const setup = setups[g] as GroupSetup;
      const m = metrics[g] as GroupEvaluation;
      const failure = m.abandonedShare + m.blockedShare;
      for (let c = 0; c < C; c++) {
        const calls = X[g * C + c] as number;
        const answered = (1 - failure) * calls;
        const failed = failure * calls;
        variant.resolved[k] = (variant.resolved[k] as number) + (setup.resolved * answered);
        // Failed calls redial (what lands in this interval is part of the fixed point already).
        const next = nextClassOf(c);
        if (capped && next >= C) {
          variant.unresolved[k] = (variant.unresolved[k] as number) + (failed + setup.unresolved * answered);
        } else {
          variant.unresolved[k] = (variant.unresolved[k] as number) + ((1 - rho) * failed + (1 - p) * setup.unresolved * answered);
          const redialFlow = rho * failed;
          const repeatFlow = p * setup.unresolved * answered;
          variant.redials[k] = (variant.redials[k] as number) + (redialFlow * selfRedial);
          variant.repeats[k] = (variant.repeats[k] as number) + (repeatFlow * selfRepeat);
          redialsOut[next] = (redialsOut[next] as number) + redialFlow;
          repeatsOut[next] = (repeatsOut[next] as number) + repeatFlow;
        }
        for (const callback of setup.callbacks) callbacksCreated.push({ group: callback.group, count: callback.share * answered, nextClass: next });
      }
    }
    return callbacksCreated;
  };

  /** The interval's tasks: new callbacks and channel cases join the backlogs; the time calls leave over works them. */
  const workTasks = (
    k: number,
    day: number,
    i: number,
    start: number,
    solved: IntervalSolution,
    callbacksCreated: readonly { group: number; count: number; nextClass: number }[],
  ): void => {
    const { X, agents, metrics } = solved;
    // --- tasks: new callbacks and channel cases join the backlogs, which the time left over from calls works off
    for (const created of callbacksCreated) {
      if (created.count <= 0) continue;
      addTasks(taskPacket(created.count, start, start + L, (setups[created.group] as GroupSetup).callbackHandleSeconds, k, created.group, 'callback', 1, created.nextClass), k);
    }
    channels.forEach((channel, ch) => {
      const cases = (channel.demand.casesPerInterval[day] as readonly number[])[i] as number;
      if (cases <= 0) return;
      addTasks(taskPacket(cases, start, start + L, meanOf(channel.handleTime), k, channel.group, 'channel', ch, 0), k);
    });
    const arriving = pending[k];
    if (arriving !== undefined) for (const packet of arriving) (backlogs[packet.group] as TaskPacket[]).push(packet);

    for (let g = 0; g < G; g++) {
      const setup = setups[g] as GroupSetup;
      const m = metrics[g] as GroupEvaluation;
      let calls = 0;
      for (let c = 0; c < C; c++) calls += X[g * C + c] as number;
      const answered = (1 - m.abandonedShare - m.blockedShare) * calls;
      const onPhone = agents[g] as number;
      const callWork = answered * setup.handleSeconds;
      const capacity = Math.max(0, onPhone * L - callWork);
      spareSeconds[g] = (spareSeconds[g] as number) + capacity;
      const taskWork = workBacklog(backlogs[g] as TaskPacket[], capacity, start, L, (packet, portion, delay, withinDue, doneFrom, doneTo) => {
        const book = taskBook[g] as TaskBook;
        const at = packet.createdK;
        book.done[at] = (book.done[at] as number) + portion;
        book.delay[at] = (book.delay[at] as number) + delay;
        book.withinDue[at] = (book.withinDue[at] as number) + withinDue;
        taskOutcome(packet, portion, g, k, doneFrom, doneTo);
      }, setup.dueSeconds);
      const transfersIn = transfersInto(g, X, metrics, setups, C);
      const paidAgentHours = setup.schedule?.paidAgentHours[day]?.[i] ?? (onPhone * L) / 3600 / (1 - setup.shrinkage);
      rowMetrics[g * total + k] = m;
      const at = (g * total + k) * ROW_FIGURES;
      rowFigures[at] = calls;
      rowFigures[at + 1] = transfersIn;
      rowFigures[at + 2] = answered;
      rowFigures[at + 3] = onPhone;
      rowFigures[at + 4] = paidAgentHours;
      rowFigures[at + 5] = callWork;
      rowFigures[at + 6] = taskWork;
    }
  };
  for (let k = 0; k < total; k++) planInterval(k);

  /** What a worked portion of tasks leads to: resolution, a repeat contact, another callback, or a retry. */
  function taskOutcome(packet: TaskPacket, portion: number, g: number, k: number, doneFrom: number, doneTo: number): void {
    if (packet.kind === 'channel') {
      const fcr = (network.channels[packet.tryOrChannel] as { firstContactResolution: number }).firstContactResolution;
      variant.resolved[k] = (variant.resolved[k] as number) + (fcr * portion);
      unresolvedAt((1 - fcr) * portion, packet.nextClass, k, true);
      return;
    }
    const setup = setups[g] as GroupSetup;
    const reached = setup.reach * portion;
    variant.callbackConnectedSeconds[k] = (variant.callbackConnectedSeconds[k] as number) + (reached * setup.callbackHandleSeconds);
    variant.resolved[k] = (variant.resolved[k] as number) + (setup.resolved * reached);
    // A callback never transfers: its transfer share counts as unresolved.
    unresolvedAt((setup.unresolved + setup.transferShare) * reached, packet.nextClass, k, true);
    for (const callback of setup.callbacks) {
      const count = callback.share * reached;
      if (count <= 0) continue;
      addTasks(taskPacket(count, doneFrom, doneTo, (setups[callback.group] as GroupSetup).callbackHandleSeconds, k, callback.group, 'callback', 1, packet.nextClass), k + 1);
    }
    const missed = portion - reached;
    if (missed <= 0) return;
    if (packet.tryOrChannel >= setup.maxTries) {
      unresolvedAt(missed, packet.nextClass, k, true);
      return;
    }
    // Retries become ready after the retry delay (at the next opening when that falls while closed).
    const unit = retryUnitAt(g, k);
    const lost = missed * unit.lostShare;
    if (lost > 0) {
      openCasesAtEnd += lost;
      const backlogAtEnd = (taskBook[g] as TaskBook).backlogAtEnd;
      backlogAtEnd[k] = (backlogAtEnd[k] as number) + lost;
    }
    for (let n = 0; n < unit.count; n++) {
      const count = missed * (unit.shares[n] as number);
      if (count <= 0) continue;
      const target = unit.targets[n] as number;
      const at = intervalStart(target);
      addTasks(taskPacket(count, at, at + L, setup.callbackHandleSeconds, target, g, 'callback', packet.tryOrChannel + 1, packet.nextClass), target);
    }
  }

  /**
   * Where one retry of group g made in interval k becomes ready: the later intervals and their shares (in time order),
   * and the share that falls after the horizon. Every retry of the interval lands alike, so it is spread once.
   */
  function retryUnitAt(g: number, k: number): RetryUnit {
    const unit = retryUnits[g] as RetryUnit;
    if (unit.k === k) return unit;
    unit.k = k;
    unit.count = 0;
    const landing = retryLanding;
    const day = Math.floor(k / perDay);
    const i = k % perDay;
    const kernel = retryKernels[g] as LandingKernel;
    const beyond = spreadLanding(1, kernel, landing, landingCalendar, openingProfile, day, i);
    const self = kernel.mass[(i * days) * perDay + i] as number;
    if (k + 1 < total) landing[k + 1] = (landing[k + 1] as number) + self;
    unit.lostShare = beyond + (k + 1 < total ? 0 : self);
    // Only the kernel's reach (and the open day after it) can have been written; each entry is read and cleared.
    const after = nextOpenDay(landingCalendar, day + kernel.reachDays + 1);
    const end = after < 0 ? total : Math.min(total, (after + 1) * perDay);
    for (let target = k + 1; target < end; target++) {
      const share = landing[target] as number;
      landing[target] = 0;
      if (share <= 0) continue;
      unit.targets[unit.count] = target;
      unit.shares[unit.count] = share;
      unit.count += 1;
    }
    return unit;
  }

  // Tasks still waiting at the end: their cases are open.
  for (let g = 0; g < G; g++) {
    for (const packet of backlogs[g] as TaskPacket[]) {
      const backlogAtEnd = (taskBook[g] as TaskBook).backlogAtEnd;
      backlogAtEnd[packet.createdK] = (backlogAtEnd[packet.createdK] as number) + packet.count;
      openCasesAtEnd += packet.count;
    }
  }
  for (const packet of pending[total] ?? []) {
    const backlogAtEnd = (taskBook[packet.group] as TaskBook).backlogAtEnd;
    backlogAtEnd[packet.createdK] = (backlogAtEnd[packet.createdK] as number) + packet.count;
    openCasesAtEnd += packet.count;
  }

  const finalGroupRows = setups.map((setup, g) => {
    const book = taskBook[g] as TaskBook;
    return Array.from({ length: total }, (_, k): GroupIntervalRow => {
      const m = rowMetrics[g * total + k] as GroupEvaluation;
      const at = (g * total + k) * ROW_FIGURES;
      const calls = rowFigures[at] as number;
      const onPhone = rowFigures[at + 3] as number;
      const paidAgentHours = rowFigures[at + 4] as number;
      const callWork = rowFigures[at + 5] as number;
      const taskWork = rowFigures[at + 6] as number;
      const i = k % perDay;
      return {
        day: Math.floor(k / perDay),
        interval: i,
        startSeconds: openSeconds + i * L,
        attempts: calls,
        transfersIn: rowFigures[at + 1] as number,
        answered: rowFigures[at + 2] as number,
        abandoned: m.abandonedShare * calls,
        blocked: m.blockedShare * calls,
        onPhoneAgents: onPhone,
        paidAgents: paidAgentHours / (L / 3600),
        paidAgentHours,
        stable: m.stable,
        serviceLevel: m.serviceLevel,
        probabilityOfWaiting: m.probabilityOfWaiting,
        asaSeconds: m.asaSeconds,
        meanWaitSeconds: m.meanWaitSeconds,
        abandonedShare: m.abandonedShare,
        blockedShare: m.blockedShare,
        occupancy: onPhone > 0 ? Math.min(1, (callWork + taskWork) / (onPhone * L)) : Number.NaN,
        callWorkSeconds: callWork,
        taskWorkSeconds: taskWork,
        tasks: book.created[k] as number,
        tasksDone: book.done[k] as number,
        taskDelaySeconds: book.delay[k] as number,
        tasksWithinDue: book.withinDue[k] as number,
        taskBacklogAtEnd: book.backlogAtEnd[k] as number,
        staffCost: paidAgentHours * setup.perPaidAgentHour,
      };
    });
  });
  const rows = variantRows(model, finalGroupRows, variant, groups);
  const groupPlans: GroupPlan[] = groups.map((group, g) => ({
    name: group.name,
    source: (setups[g] as GroupSetup).patienceSeconds === null ? 'erlang-c' : 'erlang-a',
    rows: finalGroupRows[g] as GroupIntervalRow[],
    totals: groupTotals(finalGroupRows[g] as GroupIntervalRow[], group, model.serviceLevel, calendar.intervalSeconds),
    taskHours: { work: (taskWorkSeconds[g] as number) / 3600, spare: (spareSeconds[g] as number) / 3600 },
  }));
  return {
    model,
    source,
    rows,
    totals: networkTotals(model, rows, finalGroupRows, groups, openCasesAtEnd, variant, groupPlans.every(keepsUpWithTasks)),
    converged,
    groups: groupPlans,
  };
}

/** Where one retry made in interval `k` becomes ready: `count` targets (interval indices) with their shares. */
interface RetryUnit {
  k: number;
  count: number;
  readonly targets: Int32Array;
  readonly shares: Float64Array;
  /** The share that becomes ready after the horizon (its cases stay open). */
  lostShare: number;
}

/** Tasks by the interval they were created in: created, started (by the end), their delays, within due, left over. */
interface TaskBook {
  readonly created: Float64Array;
  readonly done: Float64Array;
  readonly delay: Float64Array;
  readonly withinDue: Float64Array;
  readonly backlogAtEnd: Float64Array;
}

function taskBookOf(intervals: number): TaskBook {
  const column = (): Float64Array => new Float64Array(intervals);
  return { created: column(), done: column(), delay: column(), withinDue: column(), backlogAtEnd: column() };
}

/** The variant's flows by interval: redials and repeat contacts made, cases resolved and left unresolved, callback talk. */
interface VariantFlows {
  readonly redials: Float64Array;
  readonly repeats: Float64Array;
  readonly resolved: Float64Array;
  readonly unresolved: Float64Array;
  readonly callbackConnectedSeconds: Float64Array;
}

function variantFlows(intervals: number): VariantFlows {
  const column = (): Float64Array => new Float64Array(intervals);
  return { redials: column(), repeats: column(), resolved: column(), unresolved: column(), callbackConnectedSeconds: column() };
}

/** A packet of tasks, made in this one place so that every packet has the same shape. */
function taskPacket(
  count: number,
  createdFrom: number,
  createdTo: number,
  workSeconds: number,
  createdK: number,
  group: number,
  kind: 'callback' | 'channel',
  tryOrChannel: number,
  nextClass: number,
): TaskPacket {
  return { count, createdFrom, createdTo, workSeconds, createdK, group, kind, tryOrChannel, nextClass };
}

/*
 * One shape for the objects the interval loop reads on every round. V8 gives an object literal's fields the narrowest
 * representation of the values it has seen (a whole number, then a fraction; null, then a number), and widening it
 * later throws away the code compiled for the narrower one. The plans of a sensitivity analysis or a Shapley split see
 * a whole number in one model where the next has a fraction, and recompiled the plan's loop again and again. So these
 * objects are made by one literal each, and that literal is first given the widest values once (below), before any
 * plan runs; the copies cost nothing next to a plan. The group setups are made the same way (group-setup.ts).
 */

/** A group's queue metrics in the one shape (see above), with its blocked share. */
function shapedQueueMetrics(metrics: QueueMetrics, blockedShare: number): QueueMetrics & { blockedShare: number } {
  return {
    model: metrics.model,
    agents: metrics.agents,
    offeredLoadErlangs: metrics.offeredLoadErlangs,
    stable: metrics.stable,
    probabilityOfWaiting: metrics.probabilityOfWaiting,
    serviceLevel: metrics.serviceLevel,
    asaSeconds: metrics.asaSeconds,
    meanWaitSeconds: metrics.meanWaitSeconds,
    abandonedShare: metrics.abandonedShare,
    occupancy: metrics.occupancy,
    blockedShare,
  };
}

/** What the landing of redials, repeats and retries reads of the calendar, in the one shape (see above). */
function shapedLandingCalendar(calendar: LandingCalendar): LandingCalendar {
  return { days: calendar.days, intervalsPerDay: calendar.intervalsPerDay, openDays: calendar.openDays };
}

/** Gives the shapes above their widest fields: fractions, whole numbers and infinity; no open days and some. */
function widenShapes(): void {
  const fraction = 0.5;
  const whole = 1;
  for (const value of [fraction, whole, Number.POSITIVE_INFINITY]) {
    const metrics = { model: 'erlang-a', agents: whole, offeredLoadErlangs: value, stable: true, probabilityOfWaiting: value, serviceLevel: value, asaSeconds: value, meanWaitSeconds: value, abandonedShare: value, occupancy: value } as const;
    shapedQueueMetrics(metrics, value);
    taskPacket(value, value, value, value, whole, whole, 'callback', whole, whole);
  }
  for (const openDays of [undefined, [true]]) shapedLandingCalendar({ days: whole, intervalsPerDay: whole, openDays });
}
widenShapes();

/** A group's queue metrics with its blocked share (0 for an unlimited queue). */
type GroupEvaluation = Omit<QueueMetrics, 'agents' | 'model'> & { readonly blockedShare: number };

/** The group's queue at `calls` calls in the interval with (possibly fractional) agents, under `rule`. */
function evaluateGroup(setup: GroupSetup, agents: number, calls: number, rule: ServiceLevelRule = setup.serviceLevel): GroupEvaluation {
  const arrivalsPerSecond = calls / setup.intervalSeconds;
  return mixedEvaluation(agents, (n) => groupQueueAt(setup, arrivalsPerSecond, n, rule));
}

/** The group's queue with a whole number of agents; a caller without patience who finds no agent free abandons. */
function groupQueueAt(setup: GroupSetup, arrivalsPerSecond: number, agents: number, rule: ServiceLevelRule): QueueMetrics & { blockedShare: number } {
  if (setup.maxQueue === null) {
    const input = { arrivalsPerSecond, meanHandleSeconds: setup.handleSeconds, agents, meanPatienceSeconds: setup.patienceSeconds, serviceLevel: rule };
    // Built from the validated model; only the calls could go astray, and then evaluateQueue says how.
    const valid = arrivalsPerSecond >= 0 && arrivalsPerSecond < Infinity;
    return shapedQueueMetrics(valid ? evaluateCheckedQueue(input) : evaluateQueue(input), 0);
  }
  const finite = evaluateFiniteQueue({
    arrivalsPerSecond,
    meanHandleSeconds: setup.handleSeconds,
    agents,
    meanPatienceSeconds: setup.patienceSeconds,
    serviceLevel: rule,
    maxQueue: setup.maxQueue,
  });
  return setup.abandonsAtOnce ? shapedQueueMetrics({ ...finite, abandonedShare: finite.blockedShare }, 0) : shapedQueueMetrics(finite, finite.blockedShare);
}

/**
 * The fewest agents that meet the group's target at `calls` calls (an unlimited queue by the Erlang solver), and the
 * group's queue at them when the search had it at hand under the scenario's service-level rule (else null).
 */
function solveGroupAgents(
  setup: GroupSetup,
  calls: number,
  day: number,
  interval: number,
  hint: number | null = null,
): { agents: number; evaluation: GroupEvaluation | null } {
  const target = setup.target as NonNullable<GroupSetup['target']>;
  const arrivalsPerSecond = calls / setup.intervalSeconds;
  // The fixed point moves the load a little at a time, and so does demand from one interval to the next: from the
  // last answer, a few steps up or down find the fewest agents that meet the target (every target is monotone in the
  // agents) — the agents n that meet it where n − 1 do not — without a search.
  if (hint !== null && hint > 0) {
    const at = (n: number): QueueMetrics & { blockedShare: number } => groupQueueAt(setup, arrivalsPerSecond, n, target.rule);
    // As the solvers: an unlimited queue with calls gets at least one agent; a finite one may get none.
    const fewest = setup.maxQueue === null && arrivalsPerSecond > 0 ? 1 : 0;
    let n = Math.max(hint, fewest);
    let atN = at(n);
    if (meets(atN, target.targets)) {
      for (let step = 0; step < LOCAL_STEPS && n > fewest; step++) {
        const below = at(n - 1);
        if (!meets(below, target.targets)) return { agents: n, evaluation: target.ruleIsReported ? atN : null };
        n -= 1;
        atN = below;
      }
      if (n === fewest) return { agents: n, evaluation: target.ruleIsReported ? atN : null };
    } else {
      for (let step = 0; step < LOCAL_STEPS; step++) {
        n += 1;
        atN = at(n);
        if (meets(atN, target.targets)) return { agents: n, evaluation: target.ruleIsReported ? atN : null };
      }
    }
  }
  if (setup.maxQueue === null) {
    const solution = solveStaffing({ arrivalsPerSecond, meanHandleSeconds: setup.handleSeconds, meanPatienceSeconds: setup.patienceSeconds, serviceLevel: target.rule, targets: target.targets });
    if (!solution.feasible) throw new InfeasibleError(`${setup.label}day ${day + 1}, interval ${interval + 1}: ${solution.reason}`);
    return { agents: solution.agents, evaluation: null };
  }
  // A finite queue (or callers without patience): search upwards.
  const load = arrivalsPerSecond * setup.handleSeconds;
  const cap = Math.ceil(load + 50 * Math.sqrt(load) + 100);
  for (let n = 0; n <= cap; n++) {
    const m = groupQueueAt(setup, arrivalsPerSecond, n, target.rule);
    if (meets(m, target.targets)) return { agents: n, evaluation: target.ruleIsReported ? m : null };
  }
  throw new InfeasibleError(`${setup.label}day ${day + 1}, interval ${interval + 1}: no staffing up to ${cap} agents meets the target`);
}

/** Steps of the search from a hint, up or down, before the staffing solver takes over. */
const LOCAL_STEPS = 3;

/** Whether a group's queue meets the targets; blocked calls count against an abandonment bound. */
function meets(metrics: QueueMetrics & { blockedShare: number }, targets: NonNullable<GroupSetup['target']>['targets']): boolean {
  const counted = metrics.blockedShare === 0 ? metrics : { ...metrics, abandonedShare: metrics.abandonedShare + metrics.blockedShare };
  return missedTargets(counted, targets).length === 0;
}

/**
/**
 * One interval's calls: the offered calls of every group by class (dialled calls so far) and the agents, solved to a
 * fixed point of the traffic equations and the groups' queues.
 *
 * The unknowns are the groups' failure shares f (abandoned + blocked per call offered): f gives the calls (the
 * traffic equations are linear in them), the calls give the agents of target groups and the queues, and the queues
 * give f again. Each round applies that map once; while the agents stay the same, Anderson acceleration (a
 * multi-secant method over the last rounds) replaces the plain step, so that a few rounds reach the fixed point even
 * where much of an interval's failure demand comes back within it. A change of agents restarts the secant memory.
 */
function solveInterval(
  setups: readonly GroupSetup[],
  work: IntervalScratch,
  base: Float64Array,
  feedback: IntervalFeedback,
  day: number,
  interval: number,
  startingFailure: Float64Array,
): IntervalSolution {
  const G = setups.length;
  const { equations, secant, loads, before, mapped, failure, accelerated, known } = work;
  const agents = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const schedule = (setups[g] as GroupSetup).schedule;
    if (schedule !== null) agents[g] = schedule.onPhoneAgents[day]?.[interval] ?? 0;
  }
  failure.set(startingFailure);
  // Two flow buffers: the current round's calls and the next round's.
  let X = equations.solve(base, failure, feedback, work.flowsA);
  let next = work.flowsB;
  const history: Float64Array[] = [];
  let frozen = false;
  secant.clear();
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    groupLoads(X, G, work.classes, loads);
    before.set(agents);
    known.fill(null);
    if (!frozen) {
      for (let g = 0; g < G; g++) {
        const setup = setups[g] as GroupSetup;
        if (setup.target === null) continue;
        // The first round starts from the agents the group had in the interval before (demand moves little between
        // intervals); the hint is only taken when it is the fewest agents that meet the target at this load.
        const hint = iteration === 0 ? (work.previousAgents[g] as number) : (agents[g] as number);
        const solved = solveGroupAgents(setup, loads[g] as number, day, interval, hint > 0 ? hint : null);
        agents[g] = solved.agents;
        known[g] = solved.evaluation;
      }
    }
    if (!frozen && !sameAgents(before, agents)) {
      // Back at a staffing it had before: the solved agents jump back and forth across a whole agent, and no exact
      // fixed point exists. Hold each target group at the most agents it had since, the better-staffed side.
      const earlier = history.findIndex((seen) => sameAgents(seen, agents));
      if (earlier >= 0) {
        frozen = true;
        for (const seen of history.slice(earlier)) for (let g = 0; g < G; g++) agents[g] = Math.max(agents[g] as number, seen[g] as number);
        known.fill(null);
      }
    }
    history.push(Float64Array.from(agents));
    for (let g = 0; g < G; g++) {
      const m = known[g] ?? evaluateRemembered(setups, work, g, agents[g] as number, loads[g] as number);
      mapped[g] = m.abandonedShare + m.blockedShare;
    }
    equations.solve(base, mapped, feedback, next);
    let residual = 0;
    let scale = 1;
    for (let n = 0; n < X.length; n++) {
      residual = Math.max(residual, Math.abs((next[n] as number) - (X[n] as number)));
      scale = Math.max(scale, Math.abs(next[n] as number));
    }
    const agentsStable = sameAgents(before, agents);
    if (residual <= TOLERANCE * scale && agentsStable) {
      X = next;
      return settle(true);
    }
    if (!agentsStable) secant.clear();
    if (secant.step(failure, mapped, accelerated)) {
      failure.set(accelerated);
      equations.solve(base, failure, feedback, X);
    } else {
      // The plain step: its flows are `next` already.
      failure.set(mapped);
      [X, next] = [next, X];
    }
    if (!frozen && iteration + 1 >= FREEZE_AFTER) {
      // The solved agents jump back and forth: hold each target group at the most agents of the last rounds.
      frozen = true;
      for (const seen of history.slice(-10)) for (let g = 0; g < G; g++) agents[g] = Math.max(agents[g] as number, seen[g] as number);
      secant.clear();
    }
  }
  return settle(false);

  /** The metrics at the final loads, and the flows for exactly their failure shares (so that every call is counted once). */
  function settle(converged: boolean): { X: Float64Array; agents: Float64Array; metrics: GroupEvaluation[]; converged: boolean } {
    work.previousAgents.set(agents);
    groupLoads(X, G, work.classes, loads);
    const final = setups.map((_, g) => evaluateRemembered(setups, work, g, agents[g] as number, loads[g] as number));
    for (let g = 0; g < G; g++) mapped[g] = (final[g] as GroupEvaluation).abandonedShare + (final[g] as GroupEvaluation).blockedShare;
    const flows = equations.solve(base, mapped, feedback, new Float64Array(G * work.classes));
    return { X: flows, agents, metrics: final, converged };
  }
}

/**
 * A group's queue under its own rule, as {@link evaluateGroup}; the same agents and calls as the group's last
 * evaluation (in this interval's rounds or the interval before: a flat stretch of demand, a group whose calls do not
 * move with the feedback) give that evaluation again.
 */
function evaluateRemembered(setups: readonly GroupSetup[], work: IntervalScratch, g: number, agents: number, calls: number): GroupEvaluation {
  const last = work.lastEvaluation[g];
  if (last !== null && last !== undefined && work.lastAgents[g] === agents && work.lastCalls[g] === calls) return last;
  const evaluation = evaluateGroup(setups[g] as GroupSetup, agents, calls);
  work.lastEvaluation[g] = evaluation;
  work.lastAgents[g] = agents;
  work.lastCalls[g] = calls;
  return evaluation;
}

/** Figures kept per group and interval for its row: calls, transfers in, answered, on-phone agents, paid hours, call and task work. */
const ROW_FIGURES = 7;

/** One interval's calls by group and class, the agents, each group's queue, and whether the fixed point converged. */
interface IntervalSolution {
  readonly X: Float64Array;
  readonly agents: Float64Array;
  readonly metrics: GroupEvaluation[];
  readonly converged: boolean;
}

/** Rounds of secant memory in Anderson acceleration (more than the few groups of a scenario gains nothing). */
const ANDERSON_MEMORY = 3;

/** The buffers of one plan's interval solves, allocated once per plan (a plan solves thousands of rounds). */
interface IntervalScratch {
  readonly classes: number;
  readonly equations: TrafficEquations;
  readonly secant: AndersonMemory;
  readonly flowsA: Float64Array;
  readonly flowsB: Float64Array;
  readonly loads: Float64Array;
  readonly before: Float64Array;
  readonly mapped: Float64Array;
  readonly failure: Float64Array;
  readonly accelerated: Float64Array;
  readonly known: (GroupEvaluation | null)[];
  /** Each group's agents in the interval solved last (0 before the first). */
  readonly previousAgents: Float64Array;
  /** Each group's last evaluation under its own rule, and the agents and calls it was made at (`evaluateRemembered`). */
  readonly lastEvaluation: (GroupEvaluation | null)[];
  readonly lastAgents: Float64Array;
  readonly lastCalls: Float64Array;
}

function intervalScratch(setups: readonly GroupSetup[], classes: number, capped: boolean): IntervalScratch {
  const G = setups.length;
  return {
    classes,
    equations: new TrafficEquations(setups, classes, capped),
    secant: new AndersonMemory(G, ANDERSON_MEMORY),
    flowsA: new Float64Array(G * classes),
    flowsB: new Float64Array(G * classes),
    loads: new Float64Array(G),
    before: new Float64Array(G),
    mapped: new Float64Array(G),
    failure: new Float64Array(G),
    accelerated: new Float64Array(G),
    known: new Array<GroupEvaluation | null>(G).fill(null),
    previousAgents: new Float64Array(G),
    lastEvaluation: new Array<GroupEvaluation | null>(G).fill(null),
    lastAgents: new Float64Array(G),
    lastCalls: new Float64Array(G),
  };
}

function sameAgents(a: Float64Array, b: Float64Array): boolean {
  for (let g = 0; g < a.length; g++) if (a[g] !== b[g]) return false;
  return true;
}

/** The calls offered to each group in the interval, summed over classes, into `loads`. */
function groupLoads(X: Float64Array, G: number, C: number, loads: Float64Array): Float64Array {
  loads.fill(0);
  for (let g = 0; g < G; g++) for (let c = 0; c < C; c++) loads[g] = (loads[g] as number) + (X[g * C + c] as number);
  return loads;
}

/** Calls transferred into group h in the interval. */
function transfersInto(h: number, X: Float64Array, metrics: readonly GroupEvaluation[], setups: readonly GroupSetup[], C: number): number {
  let sum = 0;
  setups.forEach((setup, g) => {
    const m = metrics[g] as GroupEvaluation;
    let calls = 0;
    for (let c = 0; c < C; c++) calls += X[g * C + c] as number;
    for (const transfer of setup.transfers) if (transfer.group === h) sum += transfer.share * (1 - m.abandonedShare - m.blockedShare) * calls;
  });
  return sum;
}

/**
 * Works a FIFO fluid backlog with `capacitySeconds` of agent time spread evenly over [start, start + length]; calls
 * `onDone` for every portion started (with its summed delay and the part started within `dueSeconds`) and returns
 * the agent seconds used. Tasks created later than the time the backlog reaches them start at once.
 */
function workBacklog(
  backlog: TaskPacket[],
  capacitySeconds: number,
  start: number,
  length: number,
  onDone: (packet: TaskPacket, portion: number, delaySum: number, withinDue: number, from: number, to: number) => void,
  dueSeconds: number,
): number {
  let used = 0;
  while (backlog.length > 0 && (used < capacitySeconds || (backlog[0] as TaskPacket).workSeconds === 0)) {
    const packet = backlog[0] as TaskPacket;
    const need = packet.count * packet.workSeconds;
    const take = packet.workSeconds === 0 ? 0 : Math.min(need, capacitySeconds - used);
    const portion = packet.workSeconds === 0 ? packet.count : take / packet.workSeconds;
    const from = capacitySeconds > 0 ? start + (used / capacitySeconds) * length : start;
    const to = capacitySeconds > 0 ? start + ((used + take) / capacitySeconds) * length : start;
    const share = packet.count > 0 ? portion / packet.count : 1;
    const createdTo = packet.createdFrom + share * (packet.createdTo - packet.createdFrom);
    // Delay of the x-th part (x in 0..1) of the portion: linear from (from − createdFrom) to (to − createdTo), at least 0.
    const { mean, within } = linearDelay(from - packet.createdFrom, to - createdTo, dueSeconds);
    onDone(packet, portion, mean * portion, within * portion, from, to);
    used += take;
    if (portion >= packet.count - 1e-12) backlog.shift();
    else {
      packet.count -= portion;
      packet.createdFrom = createdTo;
    }
    if (take === 0 && packet.workSeconds !== 0) break;
  }
  return used;
}

/**
 * The mean of max(0, d(x)) and the share of x with max(0, d(x)) ≤ due, for d linear from d0 (x = 0) to d1 (x = 1).
 * @example linearDelay(-10, 10, 100) // { mean: 2.5, within: 1 }
 */
export function linearDelay(d0: number, d1: number, dueSeconds: number): { mean: number; within: number } {
  const positiveMean = (a: number, b: number): number => {
    if (a >= 0 && b >= 0) return (a + b) / 2;
    if (a <= 0 && b <= 0) return 0;
    const hi = Math.max(a, b);
    const share = hi / Math.abs(b - a);
    return (share * hi) / 2;
  };
  const withinShare = (a: number, b: number): number => {
    if (a === b) return Math.max(0, a) <= dueSeconds ? 1 : 0;
    const x = (dueSeconds - a) / (b - a); // where d(x) = due
    return b > a ? Math.min(1, Math.max(0, x)) : Math.min(1, Math.max(0, 1 - x));
  };
  return { mean: positiveMean(d0, d1), within: withinShare(d0, d1) };
}

/** The variant's interval rows: every group's calls and costs together, at each group's prices. */
function variantRows(
  model: ContactCentreModel,
  groupRows: readonly (readonly GroupIntervalRow[])[],
  variant: VariantFlows,
  groups: readonly AgentGroup[],
): IntervalPlanRow[] {
  const { calendar } = model;
  const channels = model.network?.channels ?? [];
  const answeredOfAnswered = model.serviceLevel.definition === 'answered-of-answered';
  // Plain loops over the groups (sums in group order, as a reduce would take them): this runs for every interval of
  // every plan, and loops give the JIT one small function to compile instead of a closure per figure.
  return Array.from({ length: variant.redials.length }, (_, k): IntervalPlanRow => {
    const day = Math.floor(k / calendar.intervalsPerDay);
    const interval = k % calendar.intervalsPerDay;
    let attempts = 0;
    let answered = 0;
    let abandoned = 0;
    let onPhone = 0;
    let paidAgentHours = 0;
    let waitingSeconds = 0;
    let busySeconds = 0;
    let callWorkSeconds = 0;
    let staffCost = 0;
    let serviceLevelWeighted = 0;
    let serviceLevelWeights = 0;
    let waitingWeighted = 0;
    let asaWeighted = 0;
    let stable = true;
    for (let g = 0; g < groupRows.length; g++) {
      const r = (groupRows[g] as readonly GroupIntervalRow[])[k] as GroupIntervalRow;
      attempts += r.attempts;
      answered += r.answered;
      abandoned += r.abandoned + r.blocked;
      onPhone += r.onPhoneAgents;
      paidAgentHours += r.paidAgentHours;
      waitingSeconds += waitingSecondsOf(r);
      busySeconds += busySecondsOf(r, calendar.intervalSeconds);
      callWorkSeconds += r.callWorkSeconds;
      staffCost += r.paidAgentHours * (groups[g] as AgentGroup).costs.perPaidAgentHour;
      const weight = answeredOfAnswered ? r.answered : r.attempts;
      serviceLevelWeighted += weight > 0 ? r.serviceLevel * weight : 0;
      serviceLevelWeights += weight;
      waitingWeighted += r.attempts > 0 ? r.probabilityOfWaiting * r.attempts : 0;
      asaWeighted += r.answered > 0 ? r.asaSeconds * r.answered : 0;
      stable = stable && r.stable;
    }
    const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);
    // New cases: first contacts by phone and the cases the channels open (e-mail …), as the simulation counts them.
    let cases = (model.demand.casesPerInterval[day] as readonly number[])[interval] as number;
    for (const channel of channels) cases += (channel.demand.casesPerInterval[day] as readonly number[])[interval] as number;
    const redials = variant.redials[k] as number;
    const repeatContacts = variant.repeats[k] as number;
    const resolvedCases = variant.resolved[k] as number;
    const unresolvedCases = variant.unresolved[k] as number;
    const costs = costOf(
      {
        paidAgentHours,
        overtimeHours: 0,
        connectedSeconds: waitingSeconds + callWorkSeconds + (variant.callbackConnectedSeconds[k] as number),
        waitingSeconds,
        repeatContacts,
        unresolvedCases,
        resolvedCases,
        days: isOpenDay(calendar, day) ? 1 / calendar.intervalsPerDay : 0,
      },
      model.costs,
      { staffCost, overtimeCost: 0 },
    );
    return {
      day,
      interval,
      startSeconds: calendar.openSeconds + interval * calendar.intervalSeconds,
      cases,
      redials,
      repeatContacts,
      attempts,
      answered,
      abandoned,
      resolvedCases,
      unresolvedCases,
      onPhoneAgents: onPhone,
      paidAgents: paidAgentHours / (calendar.intervalSeconds / 3600),
      paidAgentHours,
      stable,
      serviceLevel: ratio(serviceLevelWeighted, serviceLevelWeights),
      probabilityOfWaiting: ratio(waitingWeighted, attempts),
      asaSeconds: ratio(asaWeighted, answered),
      meanWaitSeconds: ratio(waitingSeconds, attempts),
      abandonedShare: ratio(abandoned, attempts),
      occupancy: onPhone > 0 ? Math.min(1, busySeconds / (onPhone * calendar.intervalSeconds)) : Number.NaN,
      costs: stable ? costs : unbounded(costs),
    };
  });
}

/**
 * The seconds a group's agents work in an interval: its call and task work, at most their time on the phones. Only
 * an overloaded queue without patience has more work than that (its rows show occupancy 1, and the rest of the work
 * waits without end); occupancy sums these, so that a total is the rows' occupancy weighted by agents on the phones.
 * @example busySecondsOf({ callWorkSeconds: 36_000, taskWorkSeconds: 0, onPhoneAgents: 9 }, 3600) // 32_400 (10 Erlangs on 9 agents)
 */
function busySecondsOf(row: Pick<GroupIntervalRow, 'callWorkSeconds' | 'taskWorkSeconds' | 'onPhoneAgents'>, intervalSeconds: number): number {
  return Math.min(row.callWorkSeconds + row.taskWorkSeconds, row.onPhoneAgents * intervalSeconds);
}

function groupTotals(rows: readonly GroupIntervalRow[], group: AgentGroup, rule: ServiceLevelRule, intervalSeconds: number): Record<GroupMetricName, number> {
  const sum = (pick: (row: GroupIntervalRow) => number): number => rows.reduce((total, row) => total + pick(row), 0);
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);
  const attempts = sum((r) => r.attempts);
  const answered = sum((r) => r.answered);
  const slWeight = (r: GroupIntervalRow): number => (rule.definition === 'answered-of-answered' ? r.answered : r.attempts);
  const paidAgentHours = sum((r) => r.paidAgentHours);
  const tasksDone = sum((r) => r.tasksDone);
  return {
    attempts,
    answered,
    abandoned: sum((r) => r.abandoned),
    blocked: sum((r) => r.blocked),
    blockedShare: ratio(sum((r) => r.blocked), attempts),
    serviceLevel: ratio(sum((r) => (slWeight(r) > 0 ? r.serviceLevel * slWeight(r) : 0)), sum(slWeight)),
    probabilityOfWaiting: ratio(sum((r) => (r.attempts > 0 ? r.probabilityOfWaiting * r.attempts : 0)), attempts),
    asaSeconds: ratio(sum((r) => (r.answered > 0 ? r.asaSeconds * r.answered : 0)), answered),
    meanWaitSeconds: ratio(sum(waitingSecondsOf), attempts),
    occupancy: ratio(sum((r) => busySecondsOf(r, intervalSeconds)), sum((r) => r.onPhoneAgents) * intervalSeconds),
    paidAgentHours,
    overtimeHours: 0,
    staffCost: paidAgentHours * group.costs.perPaidAgentHour,
    overtimeCost: 0,
    tasks: sum((r) => r.tasks),
    tasksDone,
    taskDelaySeconds: ratio(sum((r) => r.taskDelaySeconds), tasksDone),
    tasksWithinDueShare: ratio(sum((r) => r.tasksWithinDue), tasksDone),
    taskBacklogAtEnd: sum((r) => r.taskBacklogAtEnd),
  };
}

function networkTotals(
  model: ContactCentreModel,
  rows: readonly IntervalPlanRow[],
  groupRows: readonly (readonly GroupIntervalRow[])[],
  groups: readonly AgentGroup[],
  openCasesAtEnd: number,
  variant: VariantFlows,
  tasksKeepUp: boolean,
): Partial<Record<MetricName, number>> {
  const sum = (pick: (row: IntervalPlanRow) => number): number => rows.reduce((total, row) => total + pick(row), 0);
  const allGroupRows = groupRows.flat();
  const sumGroups = (pick: (row: GroupIntervalRow) => number): number => allGroupRows.reduce((total, row) => total + pick(row), 0);
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);
  const cases = sum((r) => r.cases);
  const attempts = sum((r) => r.attempts);
  const answered = sum((r) => r.answered);
  const abandoned = sum((r) => r.abandoned);
  const resolvedCases = sum((r) => r.resolvedCases);
  const unresolvedCases = sum((r) => r.unresolvedCases);
  const transfers = sumGroups((r) => r.transfersIn);
  const failedTransfers = groupRows.reduce((total, rowsOfGroup) => total + rowsOfGroup.reduce((s, r) => s + failedTransfersOf(r), 0), 0);
  const slWeight = (r: GroupIntervalRow): number => (model.serviceLevel.definition === 'answered-of-answered' ? r.answered : r.attempts);
  const waitingSeconds = sumGroups(waitingSecondsOf);
  const paidAgentHours = sum((r) => r.paidAgentHours);
  const staffCost = groupRows.reduce((total, rowsOfGroup, g) => total + rowsOfGroup.reduce((s, r) => s + r.paidAgentHours, 0) * (groups[g] as AgentGroup).costs.perPaidAgentHour, 0);
  const tasksDone = sumGroups((r) => r.tasksDone);
  const costs = costOf(
    {
      paidAgentHours,
      overtimeHours: 0,
      connectedSeconds: waitingSeconds + sumGroups((r) => r.callWorkSeconds) + variant.callbackConnectedSeconds.reduce((total, seconds) => total + seconds, 0),
      waitingSeconds,
      repeatContacts: sum((r) => r.repeatContacts),
      unresolvedCases,
      resolvedCases,
      days: openDayCount(model.calendar),
    },
    model.costs,
    { staffCost, overtimeCost: 0 },
  );
  const bounded = tasksKeepUp && rows.every((row) => row.stable);
  return {
    cases,
    attempts,
    attemptsPerCase: ratio(attempts, cases),
    answered,
    abandoned,
    answeredShare: ratio(answered, attempts),
    abandonedShare: ratio(abandoned, attempts),
    serviceLevel: ratio(sumGroups((r) => (slWeight(r) > 0 ? r.serviceLevel * slWeight(r) : 0)), sumGroups(slWeight)),
    probabilityOfWaiting: ratio(sumGroups((r) => (r.attempts > 0 ? r.probabilityOfWaiting * r.attempts : 0)), attempts),
    asaSeconds: ratio(sumGroups((r) => (r.answered > 0 ? r.asaSeconds * r.answered : 0)), answered),
    meanWaitSeconds: ratio(waitingSeconds, attempts),
    occupancy: Math.min(1, ratio(sumGroups((r) => busySecondsOf(r, model.calendar.intervalSeconds)), sum((r) => r.onPhoneAgents) * model.calendar.intervalSeconds)),
    resolvedCases,
    resolvedShareOfCases: ratio(resolvedCases, cases),
    contactsPerResolvedCase: ratio(answered, resolvedCases),
    unresolvedCases,
    openCasesAtEnd,
    paidAgentHours,
    overtimeHours: 0,
    ...(bounded ? costs : unbounded(costs)),
    callsPerCase: ratio(attempts - transfers, cases),
    transfers,
    failedTransfers,
    failedTransferShare: ratio(failedTransfers, transfers),
    timeToResolutionSeconds: Number.NaN,
    timeToResolutionP90Seconds: Number.NaN,
    tasks: sumGroups((r) => r.tasks),
    tasksDone,
    taskDelaySeconds: ratio(sumGroups((r) => r.taskDelaySeconds), tasksDone),
    tasksWithinDueShare: ratio(sumGroups((r) => r.tasksWithinDue), tasksDone),
    taskBacklogAtEnd: sumGroups((r) => r.taskBacklogAtEnd),
  };
}

/**
 * The costs of a plan with an overloaded interval without patience: its queue grows without end, so its total cost
 * (and cost per resolved case) is unbounded whatever the prices — such a plan is never the cheapest.
 */
function unbounded(costs: CostBreakdown): CostBreakdown {
  return { ...costs, totalCost: Number.POSITIVE_INFINITY, costPerResolvedCase: Number.POSITIVE_INFINITY };
}

/**
 * The time all calls of a row spent waiting: unbounded (Infinity) in an overloaded interval without patience (Erlang
 * C with load ≥ agents), whose queue grows without end — so its waiting, telephony and total cost are unbounded too,
 * and such a plan is never the cheapest.
 */
function waitingSecondsOf(row: GroupIntervalRow): number {
  return row.attempts > 0 ? row.attempts * row.meanWaitSeconds : 0;
}

/**
 * The transfers into a group's interval that failed, blocked or abandoned in its queue: the calls transferred in
 * times the interval's failed share (every call offered there, transferred or dialled, meets the same queue).
 */
export function failedTransfersOf(row: GroupIntervalRow): number {
  return row.transfersIn * (row.attempts > 0 ? (row.abandoned + row.blocked) / row.attempts : 0);
}
