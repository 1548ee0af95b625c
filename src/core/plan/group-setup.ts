import type { AgentGroup } from '../model/network.js';
import { networkOf } from '../model/network.js';
import type { ContactCentreModel, ServiceLevelRule } from '../model/contact-centre-model.js';
import { meanOf } from '../queueing/delay-kernel.js';
import type { StaffingTargets } from '../queueing/staffing-solver.js';
import { scheduledStaffingOf, type StaffingSchedule } from './staffing-schedule.js';

/*
 * What the plan of a model with agent groups needs of each group, resolved once per plan, in one shape: the interval
 * loop reads these objects on every round, and V8 recompiles code that reads an object whose fields change from a whole
 * number to a fraction or from null to a number (see network-plan.ts). So a setup is made by one literal, which is
 * given its widest values once when this module loads, before any plan runs.
 */

/** Everything the plan needs of one group, resolved once. */
export interface GroupSetup {
  readonly index: number;
  readonly handleSeconds: number;
  /** Mean patience in the analytic model (Erlang A), or null (Erlang C: infinite patience, or method erlang-c). */
  readonly patienceSeconds: number | null;
  /** Waiting places; callers with no patience at all (mean 0) cannot wait: 0, and a "blocked" call abandons. */
  readonly maxQueue: number | null;
  /** Patience 0: every call that finds all agents busy abandons at once (Erlang B), counted as abandoned. */
  readonly abandonsAtOnce: boolean;
  readonly schedule: StaffingSchedule | null;
  readonly shrinkage: number;
  /** The group's price of a paid agent hour. */
  readonly perPaidAgentHour: number;
  readonly target: { readonly rule: ServiceLevelRule; readonly ruleIsReported: boolean; readonly targets: StaffingTargets } | null;
  readonly resolved: number;
  readonly unresolved: number;
  readonly transfers: readonly { readonly group: number; readonly share: number }[];
  readonly transferShare: number;
  readonly callbacks: readonly { readonly group: number; readonly share: number }[];
  readonly callbackHandleSeconds: number;
  readonly reach: number;
  readonly maxTries: number;
  readonly dueSeconds: number;
  readonly serviceLevel: ServiceLevelRule;
  readonly intervalSeconds: number;
  /** How messages name the group: `group "name", ` with groups, nothing for the one group of a model without. */
  readonly label: string;
}

/**
 * The queue the plan gives group `g`: the mean patience of its callers (the first group's are the customers', the
 * others' the transferred callers'; none under an Erlang C target, which leaves patience out) and its waiting places —
 * callers who leave at once (a patience of 0) make it a queue without any (Erlang B).
 * @example groupQueue(model, networkOf(model).groups[0], 0) // { patienceSeconds: 180, maxQueue: null, abandonsAtOnce: false }
 */
export function groupQueue(
  model: ContactCentreModel,
  group: AgentGroup,
  g: number,
): { readonly patienceSeconds: number | null; readonly maxQueue: number | null; readonly abandonsAtOnce: boolean } {
  const patience = g === 0 ? model.customers.patience : networkOf(model).transferPatience;
  const method = group.staffing.kind === 'target' ? group.staffing.target.method : null;
  const meanPatience = patience !== null && method !== 'erlang-c' ? meanOf(patience) : null;
  const abandonsAtOnce = meanPatience === 0;
  return { patienceSeconds: abandonsAtOnce ? null : meanPatience, maxQueue: abandonsAtOnce ? 0 : group.maxQueue, abandonsAtOnce };
}

/**
 * The setup of group `g` of a model: its handle time, patience, waiting places, staffing (schedule or target), outcomes,
 * tasks, price and service-level rule.
 * @example groupSetup(model, networkOf(model).groups[0], 0).handleSeconds // 240
 */
export function groupSetup(model: ContactCentreModel, group: AgentGroup, g: number): GroupSetup {
  const staffing = group.staffing;
  const { patienceSeconds, maxQueue, abandonsAtOnce } = groupQueue(model, group, g);
  const target =
    staffing.kind === 'target'
      ? {
          rule: shapedRule({ ...model.serviceLevel, answerWithinSeconds: staffing.target.answerWithinSeconds }),
          // The queue solved for the target is the one reported when both measure the same threshold.
          ruleIsReported: staffing.target.answerWithinSeconds === model.serviceLevel.answerWithinSeconds,
          targets: {
            minServiceLevel: staffing.target.serviceLevel,
            maxAbandonShare: staffing.target.maxAbandonShare,
            maxOccupancy: staffing.target.maxOccupancy,
            maxAsaSeconds: staffing.target.maxAsaSeconds,
          },
        }
      : null;
  return shapedGroupSetup({
    index: g,
    handleSeconds: meanOf(group.handleTime),
    patienceSeconds,
    maxQueue,
    abandonsAtOnce,
    schedule: scheduledStaffingOf(model.calendar, staffing),
    shrinkage: staffing.shrinkage,
    perPaidAgentHour: group.costs.perPaidAgentHour,
    target,
    resolved: group.outcomes.resolved,
    unresolved: group.outcomes.unresolved,
    transfers: group.outcomes.transfers,
    transferShare: group.outcomes.transfers.reduce((sum, t) => sum + t.share, 0),
    callbacks: group.outcomes.callbacks,
    callbackHandleSeconds: group.tasks.callbackHandleTime === null ? 0 : meanOf(group.tasks.callbackHandleTime),
    reach: group.tasks.callbackReach.probability,
    maxTries: group.tasks.callbackReach.maxTries,
    dueSeconds: group.tasks.dueSeconds,
    serviceLevel: shapedRule(model.serviceLevel),
    intervalSeconds: model.calendar.intervalSeconds,
    label: model.network === undefined ? '' : `group "${group.name}", `,
  });
}

/** A group's setup in the one shape. */
function shapedGroupSetup(setup: GroupSetup): GroupSetup {
  return {
    index: setup.index,
    handleSeconds: setup.handleSeconds,
    patienceSeconds: setup.patienceSeconds,
    maxQueue: setup.maxQueue,
    abandonsAtOnce: setup.abandonsAtOnce,
    schedule: setup.schedule,
    shrinkage: setup.shrinkage,
    perPaidAgentHour: setup.perPaidAgentHour,
    target: setup.target,
    resolved: setup.resolved,
    unresolved: setup.unresolved,
    transfers: setup.transfers,
    transferShare: setup.transferShare,
    callbacks: setup.callbacks,
    callbackHandleSeconds: setup.callbackHandleSeconds,
    reach: setup.reach,
    maxTries: setup.maxTries,
    dueSeconds: setup.dueSeconds,
    serviceLevel: setup.serviceLevel,
    intervalSeconds: setup.intervalSeconds,
    label: setup.label,
  };
}

/** A service-level rule in the one shape. */
function shapedRule(rule: ServiceLevelRule): ServiceLevelRule {
  return { answerWithinSeconds: rule.answerWithinSeconds, definition: rule.definition, shortAbandonSeconds: rule.shortAbandonSeconds };
}

/** Gives the shapes above their widest fields: fractions and whole numbers, null and objects, empty and full lists. */
function widenShapes(): void {
  const fraction = 0.5;
  const whole = 1;
  for (const value of [fraction, whole]) shapedRule({ answerWithinSeconds: value, definition: 'answered-of-offered', shortAbandonSeconds: value });
  const rule = shapedRule({ answerWithinSeconds: fraction, definition: 'answered-of-offered', shortAbandonSeconds: fraction });
  const targets = { minServiceLevel: fraction, maxAbandonShare: null, maxOccupancy: null, maxAsaSeconds: null };
  const schedule = { onPhoneAgents: [[fraction]], paidAgentHours: [[fraction]] } as unknown as StaffingSchedule;
  for (const [value, present] of [
    [fraction, false],
    [whole, true],
    [fraction, true],
  ] as const) {
    shapedGroupSetup({
      index: whole,
      handleSeconds: value,
      patienceSeconds: present ? value : null,
      maxQueue: present ? whole : null,
      abandonsAtOnce: present,
      schedule: present ? schedule : null,
      shrinkage: value,
      perPaidAgentHour: value,
      target: present ? { rule, ruleIsReported: present, targets } : null,
      resolved: value,
      unresolved: value,
      transfers: present ? [{ group: whole, share: value }] : [],
      transferShare: value,
      callbacks: present ? [{ group: whole, share: value }] : [],
      callbackHandleSeconds: value,
      reach: value,
      maxTries: whole,
      dueSeconds: value,
      serviceLevel: rule,
      intervalSeconds: value,
      label: '',
    });
  }
}
widenShapes();
