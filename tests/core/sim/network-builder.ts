import type { ContactCentreModel, Distribution } from '../../../src/core/model/contact-centre-model.js';
import { DEFAULT_GROUP_TASKS, type AgentGroup, type Channel, type ContactNetwork, type GroupTasks } from '../../../src/core/model/network.js';
import type { SimulationInput } from '../../../src/core/sim/simulation-input.js';

export interface TestGroupOptions {
  name: string;
  handleTime?: Distribution;
  maxQueue?: number | null;
  resolved?: number;
  unresolved?: number;
  transfers?: { group: number; share: number }[];
  callbacks?: { group: number; share: number }[];
  tasks?: Partial<GroupTasks>;
  perPaidAgentHour?: number;
}

/** A group with explicit defaults: exponential 180 s, unlimited queue, every answered call resolved. */
export function testGroup(options: TestGroupOptions): AgentGroup {
  const transfers = options.transfers ?? [];
  const callbacks = options.callbacks ?? [];
  const routed = [...transfers, ...callbacks].reduce((sum, r) => sum + r.share, 0);
  const unresolved = options.unresolved ?? 0;
  return {
    name: options.name,
    staffing: { kind: 'agents', agents: 1, shrinkage: 0 },
    handleTime: options.handleTime ?? { kind: 'exponential', meanSeconds: 180 },
    maxQueue: options.maxQueue ?? null,
    outcomes: { resolved: options.resolved ?? 1 - routed - unresolved, transfers, callbacks, unresolved },
    tasks: { ...DEFAULT_GROUP_TASKS, ...options.tasks },
    costs: { perPaidAgentHour: options.perPaidAgentHour ?? 400, perOvertimeHour: 600 },
  };
}

/** A channel with a flat demand of `casesPerInterval` on every interval of `model`'s calendar. */
export function testChannel(model: ContactCentreModel, name: string, group: number, casesPerInterval: number, handleTime: Distribution, firstContactResolution = 1): Channel {
  const { days, intervalsPerDay } = model.calendar;
  return {
    name,
    group,
    demand: { casesPerInterval: Array.from({ length: days }, () => Array<number>(intervalsPerDay).fill(casesPerInterval)), overdispersionCv: 0 },
    handleTime,
    firstContactResolution,
  };
}

/** `model` with agent groups (its `staffing`/`handling` then describe the first group, as the scenario loader does). */
export function withNetwork(model: ContactCentreModel, groups: AgentGroup[], options: { transferPatience?: Distribution | null; channels?: Channel[] } = {}): ContactCentreModel {
  const network: ContactNetwork = {
    groups,
    transferPatience: options.transferPatience === undefined ? model.customers.patience : options.transferPatience,
    channels: options.channels ?? [],
  };
  const first = groups[0] as AgentGroup;
  return {
    ...model,
    staffing: first.staffing,
    handling: { ...model.handling, handleTime: first.handleTime, firstContactResolution: first.outcomes.resolved },
    network,
  };
}

/** An input with a constant number of on-phone agents per group; paid hours = on-phone hours. */
export function networkInput(model: ContactCentreModel, agentsPerGroup: number[]): SimulationInput {
  const { days, intervalsPerDay, intervalSeconds } = model.calendar;
  const groups = agentsPerGroup.map((agents) => {
    const onPhoneAgents = Array.from({ length: days }, () => Array<number>(intervalsPerDay).fill(agents));
    return { onPhoneAgents, paidAgentHours: onPhoneAgents.map((row) => row.map((n) => (n * intervalSeconds) / 3600)) };
  });
  const first = groups[0] as (typeof groups)[number];
  return { model, onPhoneAgents: first.onPhoneAgents, paidAgentHours: first.paidAgentHours, groups };
}
