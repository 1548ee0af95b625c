import { GROUP_METRIC_NAMES, type GroupMetricName, type GroupMetricRecord } from '../metrics.js';
import type { AgentGroup } from '../model/network.js';
import type { ServiceLevelDefinition } from '../model/contact-centre-model.js';

/**
 * Streamed statistics of one agent group in one replication (SPEC §7), kept only for a model with groups: a block of
 * running sums per (group, interval) in one Float64Array (`(group × intervals + interval) × GROUP_FIELDS + field`).
 * Call fields are booked to the interval in which the call **arrived at the group**, task fields to the interval in
 * which the task **was created**, agent-time fields to the interval of the **clock**, as for the whole run.
 */
/** Calls offered to the group (dialled calls at the first group, transfers at any group). */
export const G_ATTEMPTS = 0;
export const G_ANSWERED = 1;
/** Calls that abandoned in the group's queue. */
export const G_ABANDONED = 2;
/** Calls that found the group's queue full (`maxQueue`). */
export const G_BLOCKED = 3;
/** Calls still waiting in the group's queue when the run ended. */
export const G_UNANSWERED_AT_END = 4;
/** Calls that found no free agent (waited or were blocked). */
export const G_QUEUED = 5;
export const G_ANSWERED_WITHIN = 6;
export const G_SHORT_ABANDONS = 7;
export const G_WAIT_ANSWERED = 8;
export const G_WAIT_ALL = 9;
/** ∫ planned agents dt, ∫ min(busy, planned) dt and ∫ max(0, busy − planned) dt, agent-seconds; busy counts calls and tasks. */
export const G_AGENT_SECONDS = 10;
export const G_BUSY_IN_PLAN = 11;
export const G_OVERTIME = 12;
/** Paid agent hours of the measured part of the interval (from the group's plan). */
export const G_PAID_HOURS = 13;
export const G_TASKS = 14;
export const G_TASKS_STARTED = 15;
export const G_TASK_DELAY = 16;
export const G_TASKS_WITHIN_DUE = 17;
export const G_TASK_BACKLOG_AT_END = 18;

export const GROUP_FIELDS = 19;

/**
 * The metric record of one group for one block of sums; ratios with an empty denominator are NaN (undefined).
 *
 * @param sums the group sums; `base` is the index of the block's first field
 * @param group the group (for its prices)
 * @param definition the scenario's service-level definition
 * @example groupRecordFromSums(sums, 0, group, 'answered-of-offered').blockedShare // blocked / attempts
 */
export function groupRecordFromSums(
  sums: Float64Array,
  base: number,
  group: AgentGroup,
  definition: ServiceLevelDefinition,
): GroupMetricRecord {
  const at = (field: number): number => sums[base + field] as number;
  const ratio = (numerator: number, denominator: number): number => (denominator > 0 ? numerator / denominator : Number.NaN);
  const attempts = at(G_ATTEMPTS);
  const answered = at(G_ANSWERED);
  const within = at(G_ANSWERED_WITHIN);
  const started = at(G_TASKS_STARTED);
  const paidAgentHours = at(G_PAID_HOURS);
  const overtimeHours = at(G_OVERTIME) / 3600;
  const serviceLevel =
    definition === 'answered-of-offered'
      ? ratio(within, attempts)
      : definition === 'answered-of-answered'
        ? ratio(within, answered)
        : ratio(within, attempts - at(G_SHORT_ABANDONS));
  const values: GroupMetricRecord = {
    attempts,
    answered,
    abandoned: at(G_ABANDONED),
    blocked: at(G_BLOCKED),
    blockedShare: ratio(at(G_BLOCKED), attempts),
    serviceLevel,
    probabilityOfWaiting: ratio(at(G_QUEUED), attempts),
    asaSeconds: ratio(at(G_WAIT_ANSWERED), answered),
    meanWaitSeconds: ratio(at(G_WAIT_ALL), attempts),
    occupancy: ratio(at(G_BUSY_IN_PLAN), at(G_AGENT_SECONDS)),
    paidAgentHours,
    overtimeHours,
    staffCost: paidAgentHours * group.costs.perPaidAgentHour,
    overtimeCost: overtimeHours * group.costs.perOvertimeHour,
    tasks: at(G_TASKS),
    tasksDone: started,
    taskDelaySeconds: ratio(at(G_TASK_DELAY), started),
    tasksWithinDueShare: ratio(at(G_TASKS_WITHIN_DUE), started),
    taskBacklogAtEnd: at(G_TASK_BACKLOG_AT_END),
  };
  const record = {} as GroupMetricRecord;
  for (const name of GROUP_METRIC_NAMES) record[name as GroupMetricName] = values[name];
  return record;
}
