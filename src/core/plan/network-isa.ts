/**
 * Simulation-based staffing (the iterative staffing algorithm of `simulation-staffing.ts`) for a model with agent
 * groups (SPEC §7).
 *
 * **What is solved.** Every group whose `staffing.target` has `method: isa` gets its own ISA table; all of them are
 * iterated together on the same simulations of the whole network (`isaStaffingOfTables`), because each group's load
 * depends on the others' staffing (transfers in, redials after failed transfers, repeat contacts). Groups with fixed
 * staffing keep theirs; a group with an Erlang target keeps its analytic (SIPP) requirement. The start s⁽⁰⁾ of an ISA
 * group is ⌈1.5 × its SIPP requirement⌉ + 3, SIPP being the analytic plan of the network with every ISA target solved
 * by Erlang A (Erlang C where its callers have no patience).
 *
 * **The rule per group.** Each plan is simulated with state samples per group: the number in system of a group is its
 * busy agents plus its waiting calls (agents busy on callbacks or channel tasks count as busy: a call waits for them,
 * since tasks are never interrupted). The rule of `requiredAgents` then runs on that group's distribution per
 * interval with the group's mean handle time, its callers' patience (the first group's callers have
 * `customers.patience`, the others `transfers.patience`), its `maxQueue` (an arrival that finds every waiting place
 * taken is blocked and counts as lost) and its own target.
 *
 * **What is measured.** Per group and interval, the calls offered to the group (dialled calls at the first group,
 * transfers at any group; callbacks and channel tasks are not calls), their service level at the group's own target
 * threshold under `serviceLevel.definition`, and the lost share (abandoned or blocked), each averaged over the
 * replications as in the one-group ISA. Calls that arrive before the warm-up ends are left out.
 */
import { InputError } from '../errors.js';
import type { ContactCentreModel, ServiceLevelRule, StaffingPlan, StaffingTarget } from '../model/contact-centre-model.js';
import { networkOf, type AgentGroup } from '../model/network.js';
import { meanOf } from '../queueing/delay-kernel.js';
import { evaluateFiniteQueue } from '../queueing/finite-queue.js';
import { evaluateQueue } from '../queueing/queue-metrics.js';
import { runReplication, type AttemptRecord } from '../sim/run-replication.js';
import type { GroupSchedule, SimulationInput } from '../sim/simulation-input.js';
import { planVariant, type AnalyticSource } from './interval-plan.js';
import { mixedEvaluation } from './mixed-evaluation.js';
import {
  compareIsaWithSipp,
  countSample,
  isaStaffingOfTables,
  sampledInterval,
  type AgentTable,
  type IsaComparison,
  type IsaPlanOptions,
  type IsaQueue,
  type IsaTablesResult,
  type SimulatedInterval,
  type TablesSimulator,
} from './simulation-staffing.js';
import { agentTableOf, inputWithGroups, networkSchedules, solvedSchedule } from './staffing-schedule.js';

/** The ISA plan of one agent group beside its SIPP plan. */
export interface GroupIsaPlan extends IsaComparison {
  readonly name: string;
  /** Index of the group in `networkOf(model).groups`. */
  readonly group: number;
  /** ISA on-phone agents per [day][interval]. */
  readonly onPhoneAgents: number[][];
  /** Intervals of this group whose staffing went round and was fixed at the larger value. */
  readonly settledIntervals: number;
}

/** A group that the ISA does not staff: its staffing form, and the method of its target when it has one. */
export interface GroupStaffedOtherwise {
  readonly name: string;
  readonly staffing: StaffingPlan['kind'];
  readonly method: AnalyticSource | null;
}

/** The ISA of a model with agent groups, every ISA group beside its SIPP plan. */
export interface NetworkIsaPlan {
  /** The model the simulations ran (its `simulation.replications` are the replications per plan). */
  readonly model: ContactCentreModel;
  /** The groups staffed by ISA, in the network's order. */
  readonly groups: readonly GroupIsaPlan[];
  /** The other groups, which keep their staffing (fixed, or solved analytically for an Erlang target). */
  readonly otherGroups: readonly GroupStaffedOtherwise[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly ending: 'converged' | 'cap';
  readonly history: IsaTablesResult['history'];
  /** The schedule of every group under the ISA plan (what `staffsim run` simulates), in the network's order. */
  readonly schedules: readonly GroupSchedule[];
}

/** Options of the network ISA: those of the one-group ISA, with a simulation of all ISA groups' tables at once. */
export type NetworkIsaOptions = Omit<IsaPlanOptions, 'simulate'> & { readonly simulate?: TablesSimulator };

/** True when some agent group of the model has a target with `method: isa`. */
export function hasIsaGroup(model: ContactCentreModel): boolean {
  return networkOf(model).groups.some(isIsaGroup);
}

function isIsaGroup(group: AgentGroup): boolean {
  return group.staffing.kind === 'target' && group.staffing.target.method === 'isa';
}

/** Everything the iteration and the comparison share. */
interface NetworkIsaSetup {
  readonly simModel: ContactCentreModel;
  /** Indices of the ISA groups. */
  readonly isaGroups: readonly number[];
  readonly targets: readonly StaffingTarget[];
  readonly queues: readonly IsaQueue[];
  readonly sippSources: readonly AnalyticSource[];
  /** Per ISA group: the SIPP plan's rows and on-phone agents. */
  readonly sippRows: readonly (readonly { day: number; interval: number; startSeconds: number; onPhoneAgents: number; attempts: number }[])[];
  readonly sippAgents: readonly number[][][];
  /** The schedule of every group under SIPP (the ISA groups' are replaced plan by plan). */
  readonly sippSchedules: readonly GroupSchedule[];
  readonly simulate: TablesSimulator;
}

/**
 * Solves every ISA group of a model with agent groups by the ISA, iterated together (see the module comment).
 *
 * @throws InputError when no group has a target with method isa; InfeasibleError when the SIPP start cannot be
 *   planned (a target no stationary staffing meets)
 */
export async function networkIsaStaffing(
  model: ContactCentreModel,
  options: NetworkIsaOptions = {},
): Promise<{ readonly setup: NetworkIsaSetup; readonly result: IsaTablesResult; readonly schedules: GroupSchedule[] }> {
  const setup = prepare(model, options);
  const factor = options.initialFactor ?? 1.5;
  const extra = options.initialExtra ?? 3;
  const result = await isaStaffingOfTables({
    calendar: model.calendar,
    tables: setup.isaGroups.map((_, t) => ({
      target: setup.targets[t] as StaffingTarget,
      queue: setup.queues[t] as IsaQueue,
      initialAgents: (setup.sippAgents[t] as number[][]).map((row) => row.map((agents) => Math.ceil(factor * agents) + extra)),
    })),
    simulate: setup.simulate,
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    ...(options.onIteration === undefined ? {} : { onIteration: options.onIteration }),
  });
  const groups = networkOf(model).groups;
  const schedules = setup.sippSchedules.map((schedule, g) => {
    const t = setup.isaGroups.indexOf(g);
    if (t < 0) return schedule;
    const table = result.tables[t] as { onPhoneAgents: number[][] };
    return solvedSchedule(model.calendar, table.onPhoneAgents, (groups[g] as AgentGroup).staffing.shrinkage);
  });
  return { setup, result, schedules };
}

/**
 * The simulation input of a model whose groups use `method: isa`: the ISA groups against their ISA agents, the others
 * against their own staffing (what `staffsim run`, `compare`, `sweep` and `check` simulate).
 */
export async function networkIsaSimulationInput(model: ContactCentreModel, options: NetworkIsaOptions = {}): Promise<SimulationInput> {
  const { schedules } = await networkIsaStaffing(model, options);
  return inputWithGroups(model, schedules);
}

/**
 * Plans a model with agent groups by the ISA (every group whose target has `method: isa`), next to the SIPP plan of
 * those groups, and simulates both with the same seeds (the other groups staffed alike in both).
 *
 * @throws InputError when no group has a target with method isa; InfeasibleError when the SIPP start cannot be planned
 * @example (await planNetworkWithIsa(model)).groups.map((g) => g.name) // ['switchboard', 'case-officers']
 */
export async function planNetworkWithIsa(model: ContactCentreModel, options: NetworkIsaOptions = {}): Promise<NetworkIsaPlan> {
  const { setup, result, schedules } = await networkIsaStaffing(model, options);
  const { calendar } = model;
  const network = networkOf(model);
  const sippSimulated = await setup.simulate(setup.sippAgents);
  const groups = setup.isaGroups.map((g, t): GroupIsaPlan => {
    const group = network.groups[g] as AgentGroup;
    const table = result.tables[t] as (typeof result.tables)[number];
    const target = setup.targets[t] as StaffingTarget;
    const queue = setup.queues[t] as IsaQueue;
    const rule: ServiceLevelRule = { ...model.serviceLevel, answerWithinSeconds: target.answerWithinSeconds };
    const rows = (setup.sippRows[t] ?? []).map((row) => ({
      ...row,
      serviceLevel: predictedServiceLevel(queue, rule, row.attempts / calendar.intervalSeconds, row.onPhoneAgents),
    }));
    return {
      name: group.name,
      group: g,
      onPhoneAgents: table.onPhoneAgents,
      settledIntervals: table.settledIntervals,
      ...compareIsaWithSipp({
        calendar,
        target,
        sippSource: setup.sippSources[t] as AnalyticSource,
        sippRows: rows,
        sippAgents: setup.sippAgents[t] as number[][],
        isaAgents: table.onPhoneAgents,
        sippSimulated: sippSimulated[t] as readonly SimulatedInterval[],
        isaSimulated: table.simulated,
        shrinkage: group.staffing.shrinkage,
        perPaidAgentHour: group.costs.perPaidAgentHour,
      }),
    };
  });
  const otherGroups = network.groups
    .filter((group) => !isIsaGroup(group))
    .map((group): GroupStaffedOtherwise => ({
      name: group.name,
      staffing: group.staffing.kind,
      method: group.staffing.kind === 'target' ? (group.staffing.target.method as AnalyticSource) : null,
    }));
  return {
    model: setup.simModel,
    groups,
    otherGroups,
    iterations: result.iterations,
    converged: result.converged,
    ending: result.ending,
    history: result.history,
    schedules,
  };
}

/** The service level the stationary model (Erlang C/A, or M/M/n/K+M with a finite queue) predicts for a group. */
function predictedServiceLevel(queue: IsaQueue, rule: ServiceLevelRule, arrivalsPerSecond: number, agents: number): number {
  const input = { arrivalsPerSecond, meanHandleSeconds: queue.meanHandleSeconds, meanPatienceSeconds: queue.meanPatienceSeconds, serviceLevel: rule };
  const maxQueue = queue.maxQueue ?? null;
  return mixedEvaluation(agents, (n) =>
    maxQueue === null ? evaluateQueue({ ...input, agents: n }) : evaluateFiniteQueue({ ...input, agents: n, maxQueue }),
  ).serviceLevel;
}

function prepare(model: ContactCentreModel, options: NetworkIsaOptions): NetworkIsaSetup {
  const network = networkOf(model);
  const isaGroups = network.groups.flatMap((group, g) => (isIsaGroup(group) ? [g] : []));
  if (isaGroups.length === 0) {
    throw new InputError([
      {
        path: 'groups',
        code: 'isa_needs_target',
        message: `method isa solves a group's staffing.target; no group of ${model.variantName} has a target with method isa`,
      },
    ]);
  }
  const patienceOf = (g: number): number | null => {
    const patience = g === 0 ? model.customers.patience : network.transferPatience;
    return patience === null ? null : meanOf(patience);
  };
  const sippSourceOf = (g: number): AnalyticSource => (patienceOf(g) === null ? 'erlang-c' : 'erlang-a');
  // The SIPP model: every ISA target solved by its stationary method.
  const sippGroups = network.groups.map((group, g): AgentGroup => {
    if (!isIsaGroup(group) || group.staffing.kind !== 'target') return group;
    return { ...group, staffing: { ...group.staffing, target: { ...group.staffing.target, method: sippSourceOf(g) } } };
  });
  const sippModel: ContactCentreModel = {
    ...model,
    staffing: (sippGroups[0] as AgentGroup).staffing,
    network: { ...network, groups: sippGroups },
  };
  const sipp = planVariant(sippModel);
  const sippSchedules = networkSchedules(sippModel, sipp);
  const sippRows = isaGroups.map((g) => sipp.groups?.[g]?.rows ?? []);
  const simModel: ContactCentreModel = {
    ...sippModel,
    simulation: { ...model.simulation, replications: options.replications ?? model.simulation.replications },
  };
  const targets = isaGroups.map((g) => {
    const staffing = (network.groups[g] as AgentGroup).staffing;
    return (staffing as Extract<StaffingPlan, { kind: 'target' }>).target;
  });
  const queues = isaGroups.map((g): IsaQueue => {
    const group = network.groups[g] as AgentGroup;
    return {
      meanHandleSeconds: meanOf(group.handleTime),
      meanPatienceSeconds: patienceOf(g),
      definition: model.serviceLevel.definition,
      maxQueue: group.maxQueue,
    };
  });
  const simulate =
    options.simulate ??
    groupsObservingSimulator(simModel, {
      replications: simModel.simulation.replications,
      groups: isaGroups,
      answerWithinSeconds: targets.map((target) => target.answerWithinSeconds),
      schedules: sippSchedules,
      ...(options.samplesPerInterval === undefined ? {} : { samplesPerInterval: options.samplesPerInterval }),
    });
  return {
    simModel,
    isaGroups,
    targets,
    queues,
    sippSources: isaGroups.map(sippSourceOf),
    sippRows,
    sippAgents: sippRows.map((rows) => agentTableOf(model.calendar, rows)),
    sippSchedules,
    simulate,
  };
}

// ------------------------------------------------------------------------------------------------ the simulator

export interface GroupsObservingOptions {
  /** Replications per plan (the model's seed; replication r uses substream r). */
  readonly replications: number;
  /** The groups whose tables the simulator is given, by index in the network, in table order. */
  readonly groups: readonly number[];
  /** Per table: the service-level threshold its statistics measure, seconds. */
  readonly answerWithinSeconds: readonly number[];
  /** The schedule of every group of the network; the tables replace those of `groups`. */
  readonly schedules: readonly GroupSchedule[];
  /** State samples per interval and replication. Default 20. */
  readonly samplesPerInterval?: number;
}

// Per (table, interval) tallies of one replication.
const T_ATTEMPTS = 0;
const T_ANSWERED = 1;
const T_WITHIN = 2;
const T_ABANDONED = 3;
const T_BLOCKED = 4;
const T_SHORT_ABANDONS = 5;
const T_FIELDS = 6;

/**
 * A `TablesSimulator` on `runReplication` for a model with agent groups: each table gives the on-phone agents of one
 * group (paid hours on-phone / (1 − the group's shrinkage)), the other groups run against `schedules`. Runs the
 * replications one after another in this thread, samples each table's group's number in system (busy agents + waiting
 * calls) `samplesPerInterval` times per interval, and measures per interval the group's calls, their service level at
 * the table's threshold and the lost share (abandoned or blocked), averaged over the replications that had calls
 * there. Deterministic: the same tables give the same statistics.
 *
 * @throws RangeError for replications or samples that are not integers ≥ 1
 */
export function groupsObservingSimulator(model: ContactCentreModel, options: GroupsObservingOptions): TablesSimulator {
  const { calendar, serviceLevel } = model;
  const network = networkOf(model);
  const samples = options.samplesPerInterval ?? 20;
  const { replications } = options;
  if (!Number.isInteger(replications) || replications < 1) throw new RangeError(`replications must be an integer ≥ 1 (got ${replications})`);
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samplesPerInterval must be an integer ≥ 1 (got ${samples})`);
  const everySeconds = calendar.intervalSeconds / samples;
  const count = calendar.days * calendar.intervalsPerDay;
  const tableOfGroup = new Map(options.groups.map((g, t) => [(network.groups[g] as AgentGroup).name, t]));
  const measuredFrom = calendar.openSeconds + model.simulation.warmupSeconds;
  const tableCount = options.groups.length;
  return (tables: readonly AgentTable[]) => {
    if (tables.length !== tableCount) throw new RangeError(`expected ${tableCount} tables, got ${tables.length}`);
    const schedules = options.schedules.map((schedule, g) => {
      const t = options.groups.indexOf(g);
      return t < 0 ? schedule : solvedSchedule(calendar, tables[t] as AgentTable, (network.groups[g] as AgentGroup).staffing.shrinkage);
    });
    const input = inputWithGroups(model, schedules);
    const histograms = options.groups.map(() => Array.from({ length: count }, () => [] as number[]));
    const tallies = new Float64Array(tableCount * count * T_FIELDS);
    const attempts = new Float64Array(tableCount * count);
    const sl = new Float64Array(tableCount * count);
    const lost = new Float64Array(tableCount * count);
    const measured = new Float64Array(tableCount * count);
    const onAttempt = (record: AttemptRecord): void => {
      if (record.kind === 'callback' || record.kind === 'task' || record.arrivalSeconds < measuredFrom) return;
      const t = tableOfGroup.get(record.group);
      if (t === undefined) return;
      const base = (t * count + callInterval(calendar, record.arrivalSeconds)) * T_FIELDS;
      tallies[base + T_ATTEMPTS]!++;
      if (record.outcome === 'answered') {
        tallies[base + T_ANSWERED]!++;
        if (record.waitSeconds <= (options.answerWithinSeconds[t] as number)) tallies[base + T_WITHIN]!++;
      } else if (record.outcome === 'abandoned') {
        tallies[base + T_ABANDONED]!++;
        if (record.waitSeconds <= serviceLevel.shortAbandonSeconds) tallies[base + T_SHORT_ABANDONS]!++;
      } else if (record.outcome === 'blocked') {
        tallies[base + T_BLOCKED]!++;
      }
    };
    for (let r = 0; r < replications; r++) {
      tallies.fill(0);
      runReplication(input, r, {
        onAttempt,
        observe: {
          everySeconds,
          onObservation: (time, _busy, _waiting, busyByGroup, waitingByGroup) => {
            const k = sampledInterval(calendar, time);
            if (k < 0) return;
            options.groups.forEach((g, t) => {
              countSample((histograms[t] as number[][])[k] as number[], (busyByGroup[g] as number) + (waitingByGroup[g] as number));
            });
          },
        },
      });
      for (let j = 0; j < tableCount * count; j++) {
        const base = j * T_FIELDS;
        const offered = tallies[base + T_ATTEMPTS] as number;
        attempts[j] = (attempts[j] as number) + offered / replications;
        const within = tallies[base + T_WITHIN] as number;
        const denominator =
          serviceLevel.definition === 'answered-of-offered'
            ? offered
            : serviceLevel.definition === 'answered-of-answered'
              ? (tallies[base + T_ANSWERED] as number)
              : offered - (tallies[base + T_SHORT_ABANDONS] as number);
        if (denominator > 0) {
          sl[j] = (sl[j] as number) + within / denominator;
          lost[j] = (lost[j] as number) + ((tallies[base + T_ABANDONED] as number) + (tallies[base + T_BLOCKED] as number)) / offered;
          measured[j] = (measured[j] as number) + 1;
        }
      }
    }
    return histograms.map((tableHistograms, t) =>
      tableHistograms.map((numberInSystem, k): SimulatedInterval => {
        const j = t * count + k;
        const n = measured[j] as number;
        return {
          attempts: attempts[j] as number,
          serviceLevel: n > 0 ? (sl[j] as number) / n : Number.NaN,
          abandonedShare: n > 0 ? (lost[j] as number) / n : Number.NaN,
          numberInSystem,
        };
      }),
    );
  };
}

/**
 * The interval a call that reached a group at `timeSeconds` is booked to: its day and interval, a call after closing
 * (a transfer from a call answered while the queue drained) to the day's last interval.
 */
function callInterval(calendar: ContactCentreModel['calendar'], timeSeconds: number): number {
  const day = Math.min(calendar.days - 1, Math.max(0, Math.floor(timeSeconds / 86_400)));
  const offset = timeSeconds - day * 86_400 - calendar.openSeconds;
  const interval = Math.min(calendar.intervalsPerDay - 1, Math.max(0, Math.floor(offset / calendar.intervalSeconds)));
  return day * calendar.intervalsPerDay + interval;
}
