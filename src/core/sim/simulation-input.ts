import type { ContactCentreModel } from '../model/contact-centre-model.js';
import { networkOf, type AgentGroup } from '../model/network.js';
import { meanOf } from '../queueing/delay-kernel.js';

/** The staffing one agent group is simulated against. */
export interface GroupSchedule {
  /**
   * Planned on-phone agents per [day][interval] (days × intervalsPerDay). A fractional value is rounded
   * stochastically and without bias per interval with the group's "staffing" stream: ⌊x⌋ + 1 with probability x − ⌊x⌋.
   */
  readonly onPhoneAgents: readonly (readonly number[])[];
  /** Paid agent hours per [day][interval] from the plan (shift hours or on-phone/(1 − shrinkage)); copied into paidAgentHours. */
  readonly paidAgentHours: readonly (readonly number[])[];
}

/** Everything one simulation run needs: the model and the staffing plan it is run against. */
export interface SimulationInput extends GroupSchedule {
  model: ContactCentreModel;
  /**
   * One schedule per agent group of `networkOf(model)`, in order; required when the model has more than one group.
   * Without it the one group runs against `onPhoneAgents` and `paidAgentHours` above (which, with it, are the first
   * group's).
   */
  groups?: readonly GroupSchedule[];
}

/**
 * The schedule of every agent group of an input, in the order of `networkOf(input.model).groups`.
 * @example groupSchedulesOf({ model, onPhoneAgents, paidAgentHours }).length // 1
 */
export function groupSchedulesOf(input: SimulationInput): readonly GroupSchedule[] {
  return input.groups ?? [{ onPhoneAgents: input.onPhoneAgents, paidAgentHours: input.paidAgentHours }];
}

/**
 * Checks the shape of an input: every per-interval table must be days × intervalsPerDay of finite numbers ≥ 0, and
 * the calendar must be consistent. Returns the problems found (empty when the input is usable).
 */
export function checkSimulationInput(input: SimulationInput): string[] {
  const problems: string[] = [];
  const { calendar, demand, simulation, handling, customers } = input.model;
  const { days, intervalsPerDay, intervalSeconds, openSeconds, closeSeconds } = calendar;
  if (!Number.isInteger(days) || days < 1) problems.push(`calendar.days must be an integer ≥ 1 (got ${days})`);
  if (!Number.isInteger(intervalsPerDay) || intervalsPerDay < 1) {
    problems.push(`calendar.intervalsPerDay must be an integer ≥ 1 (got ${intervalsPerDay})`);
  }
  if (!(intervalSeconds > 0)) problems.push(`calendar.intervalSeconds must be > 0 (got ${intervalSeconds})`);
  if (!(openSeconds >= 0 && openSeconds < closeSeconds && closeSeconds <= 86_400)) {
    problems.push(`calendar: need 0 ≤ openSeconds < closeSeconds ≤ 86400 (got ${openSeconds}, ${closeSeconds})`);
  } else if (Math.abs(openSeconds + intervalsPerDay * intervalSeconds - closeSeconds) > 1e-6) {
    problems.push('calendar: intervalsPerDay × intervalSeconds must equal closeSeconds − openSeconds');
  }
  const table = (name: string, rows: readonly (readonly number[])[]): void => {
    if (rows.length !== days) {
      problems.push(`${name} must have ${days} rows (one per day), got ${rows.length}`);
      return;
    }
    rows.forEach((row, day) => {
      if (row.length !== intervalsPerDay) {
        problems.push(`${name}[${day}] must have ${intervalsPerDay} values (one per interval), got ${row.length}`);
        return;
      }
      row.forEach((value, interval) => {
        if (!(value >= 0) || !Number.isFinite(value)) problems.push(`${name}[${day}][${interval}] must be a finite number ≥ 0 (got ${value})`);
      });
    });
  };
  table('demand.casesPerInterval', demand.casesPerInterval);
  const network = networkOf(input.model);
  const schedules = groupSchedulesOf(input);
  if (schedules.length !== network.groups.length) {
    problems.push(`groups: expected one schedule per agent group (${network.groups.length}), got ${schedules.length}`);
  }
  schedules.forEach((schedule, g) => {
    const prefix = input.groups === undefined ? '' : `groups[${g}].`;
    table(`${prefix}onPhoneAgents`, schedule.onPhoneAgents);
    table(`${prefix}paidAgentHours`, schedule.paidAgentHours);
  });
  network.channels.forEach((channel) => {
    table(`channels.${channel.name}.casesPerInterval`, channel.demand.casesPerInterval);
    if (!(channel.firstContactResolution >= 0 && channel.firstContactResolution <= 1)) {
      problems.push(`channels.${channel.name}.firstContactResolution must be in 0..1 (got ${channel.firstContactResolution})`);
    }
    if (!(channel.group >= 0 && channel.group < network.groups.length)) problems.push(`channels.${channel.name}.group is not a group index`);
  });
  network.groups.forEach((group) => problems.push(...groupProblems(group, network.groups)));
  if (!(demand.overdispersionCv >= 0)) problems.push(`demand.overdispersionCv must be ≥ 0 (got ${demand.overdispersionCv})`);
  if (!(simulation.warmupSeconds >= 0)) problems.push(`simulation.warmupSeconds must be ≥ 0 (got ${simulation.warmupSeconds})`);
  if (!Number.isFinite(simulation.seed)) problems.push(`simulation.seed must be a finite number (got ${simulation.seed})`);
  for (const [name, p] of [
    ['handling.firstContactResolution', handling.firstContactResolution],
    ['handling.repeatContact.probability', handling.repeatContact.probability],
    ['customers.redial.probability', customers.redial.probability],
  ] as const) {
    if (!(p >= 0 && p <= 1)) problems.push(`${name} must be in 0..1 (got ${p})`);
  }
  if (customers.maxAttempts !== null && !(Number.isInteger(customers.maxAttempts) && customers.maxAttempts >= 1)) {
    problems.push(`customers.maxAttempts must be an integer ≥ 1 or null (got ${customers.maxAttempts})`);
  }
  // A loop of certain retries that takes no time would never reach the end of the run.
  if (customers.maxAttempts === null && customers.redial.probability === 1 && meanOf(customers.redial.delay) === 0) {
    if (customers.patience !== null && meanOf(customers.patience) === 0) {
      problems.push('customers: zero patience, redial probability 1 and a zero redial delay without maxAttempts would redial forever at one instant');
    }
    const first = network.groups[0];
    if (first !== undefined && first.maxQueue !== null) {
      problems.push('customers: a finite maxQueue at the first group, redial probability 1 and a zero redial delay without maxAttempts would redial forever at one instant');
    }
  }
  if (
    customers.maxAttempts === null &&
    handling.firstContactResolution === 0 &&
    handling.repeatContact.probability === 1 &&
    meanOf(handling.handleTime) === 0 &&
    meanOf(handling.repeatContact.delay) === 0
  ) {
    problems.push('handling: zero handle time, no resolution, repeat probability 1 and a zero repeat delay without maxAttempts would repeat forever at one instant');
  }
  return problems;
}

/** Shares of a group's outcomes in 0..1 summing to 1, routing to existing groups, sane task settings. */
function groupProblems(group: AgentGroup, groups: readonly AgentGroup[]): string[] {
  const groupCount = groups.length;
  const problems: string[] = [];
  const at = `groups.${group.name}`;
  const { outcomes, tasks } = group;
  const shares = [outcomes.resolved, outcomes.unresolved, ...outcomes.transfers.map((t) => t.share), ...outcomes.callbacks.map((c) => c.share)];
  if (shares.some((share) => !(share >= 0 && share <= 1))) problems.push(`${at}.outcomes: every share must be in 0..1`);
  const sum = shares.reduce((total, share) => total + share, 0);
  if (!(Math.abs(sum - 1) <= 1e-9)) problems.push(`${at}.outcomes: the shares must sum to 1 (got ${sum})`);
  for (const routed of [...outcomes.transfers, ...outcomes.callbacks]) {
    if (!(Number.isInteger(routed.group) && routed.group >= 0 && routed.group < groupCount)) problems.push(`${at}.outcomes routes to a group that does not exist`);
  }
  for (const callback of outcomes.callbacks) {
    const target = groups[callback.group];
    if (callback.share > 0 && target !== undefined && target.tasks.callbackHandleTime === null) {
      problems.push(`${at}.outcomes: callbacks to "${target.name}" need groups.${target.name}.tasks.callbackHandleTime`);
    }
  }
  if (group.maxQueue !== null && !(Number.isInteger(group.maxQueue) && group.maxQueue >= 0)) problems.push(`${at}.maxQueue must be an integer ≥ 0 or null`);
  if (!(tasks.callbackReach.probability >= 0 && tasks.callbackReach.probability <= 1)) problems.push(`${at}.tasks.callbackReach.probability must be in 0..1`);
  if (!(Number.isInteger(tasks.callbackReach.maxTries) && tasks.callbackReach.maxTries >= 1)) problems.push(`${at}.tasks.callbackReach.maxTries must be an integer ≥ 1`);
  if (!(tasks.dueSeconds >= 0)) problems.push(`${at}.tasks.dueSeconds must be ≥ 0`);
  return problems;
}
