/**
 * Agent groups, transfers, callbacks and channels (SPEC §7): where failure demand goes.
 *
 * A model without `network` is the one-group model of SPEC §3; `networkOf` gives every model its network, so the
 * simulation and the analytic plan have one code path: the one group of a §3 model is built from its `staffing`,
 * `handling` and `costs`, and behaves exactly as before (same random draws, same results).
 */
import type {
  ContactCentreModel,
  Demand,
  Distribution,
  ShiftTemplate,
  StaffingPlan,
} from './contact-centre-model.js';

/** A share of the answered calls of a group that goes to another group (a transfer, or a callback task). */
export interface RoutedShare {
  /** Index of the target group in `ContactNetwork.groups`. */
  readonly group: number;
  /** Share of the answered calls, 0..1. */
  readonly share: number;
}

/**
 * What happens after a group answers a call; the shares sum to 1, in this order when one uniform number picks one:
 * resolved, each transfer, each callback, unresolved.
 */
export interface CallOutcomes {
  /** The case is resolved. */
  readonly resolved: number;
  /** The caller is put straight into another group's queue, with a fresh patience. */
  readonly transfers: readonly RoutedShare[];
  /** A callback task is created in another (or the same) group's backlog. */
  readonly callbacks: readonly RoutedShare[];
  /** The case is not resolved: it comes back as a repeat contact (`handling.repeatContact`) or is given up. */
  readonly unresolved: number;
}

/** The back-office work of a group: callbacks it makes, and how soon a task should be started. */
export interface GroupTasks {
  /** Talk + wrap-up of one callback try, reached or not; `null` when no callback is routed to this group. */
  readonly callbackHandleTime: Distribution | null;
  /** A callback reaches the customer with `probability`; else it is tried again after `retryDelay`, `maxTries` tries in all. */
  readonly callbackReach: { readonly probability: number; readonly retryDelay: Distribution; readonly maxTries: number };
  /** Target: a task started within this many seconds of its creation (`tasksWithinDueShare`). */
  readonly dueSeconds: number;
}

/** One agent group: its own queue, agents, handle time, outcomes, tasks and prices. */
export interface AgentGroup {
  readonly name: string;
  readonly staffing: StaffingPlan;
  /** Talk + wrap-up of one answered call. */
  readonly handleTime: Distribution;
  /** Waiting places; a call that finds them all taken is blocked. `null` = unlimited. */
  readonly maxQueue: number | null;
  readonly outcomes: CallOutcomes;
  readonly tasks: GroupTasks;
  /** Price of a paid agent hour and of an overtime hour in this group. */
  readonly costs: { readonly perPaidAgentHour: number; readonly perOvertimeHour: number };
  /** Shift templates for `plan --shifts` (the group's `staffing.shiftTemplates`). */
  readonly shiftTemplates?: readonly ShiftTemplate[];
}

/** Non-phone contacts (e-mail, web forms): they create cases that are worked as tasks of a group and never ring. */
export interface Channel {
  readonly name: string;
  /** Index of the group that works the channel's tasks. */
  readonly group: number;
  /** New cases of this channel per [day][interval], with the day's gamma factor of cv `overdispersionCv`. */
  readonly demand: Demand;
  /** Agent time of one task. */
  readonly handleTime: Distribution;
  /** Share of tasks that resolve the case; the others come back as phone repeat contacts (`handling.repeatContact`). */
  readonly firstContactResolution: number;
}

/** The groups of a model and what happens between them. */
export interface ContactNetwork {
  /** At least one; the first receives every call the customer dials (first contacts, redials, repeat contacts). */
  readonly groups: readonly AgentGroup[];
  /** Fresh patience of a transferred caller in the new queue; `null` = infinite. */
  readonly transferPatience: Distribution | null;
  readonly channels: readonly Channel[];
}

/** Default back-office settings of a group that has no `tasks` section (SPEC §7). */
export const DEFAULT_GROUP_TASKS: GroupTasks = {
  callbackHandleTime: null,
  callbackReach: { probability: 1, retryDelay: { kind: 'fixed', seconds: 3600 }, maxTries: 3 },
  dueSeconds: 24 * 3600,
};

/** The name of the one group of a model without `groups`. */
export const SINGLE_GROUP_NAME = 'agents';

/**
 * The network of a model: its own, or — for the one-group model of SPEC §3 — one group built from `staffing`,
 * `handling` and `costs` whose answered calls resolve with `firstContactResolution` and are otherwise unresolved.
 *
 * @example networkOf(textbookModel).groups.map((g) => g.name) // ['agents']
 */
export function networkOf(model: ContactCentreModel): ContactNetwork {
  if (model.network !== undefined) return model.network;
  const fcr = model.handling.firstContactResolution;
  return {
    groups: [
      {
        name: SINGLE_GROUP_NAME,
        staffing: model.staffing,
        handleTime: model.handling.handleTime,
        maxQueue: null,
        outcomes: { resolved: fcr, transfers: [], callbacks: [], unresolved: 1 - fcr },
        tasks: DEFAULT_GROUP_TASKS,
        costs: { perPaidAgentHour: model.costs.perPaidAgentHour, perOvertimeHour: model.costs.perOvertimeHour },
        ...(model.shiftTemplates === undefined ? {} : { shiftTemplates: model.shiftTemplates }),
      },
    ],
    transferPatience: model.customers.patience,
    channels: [],
  };
}

/** Whether the model describes agent groups (SPEC §7), so that outputs show per-group figures. */
export function hasNetwork(model: ContactCentreModel): boolean {
  return model.network !== undefined;
}
