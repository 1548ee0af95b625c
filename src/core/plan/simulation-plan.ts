import type { ContactCentreModel } from '../model/contact-centre-model.js';
import { networkOf } from '../model/network.js';
import type { GroupSchedule, SimulationInput } from '../sim/simulation-input.js';
import { planVariant } from './interval-plan.js';
import { planWithIsa } from './simulation-staffing.js';
import { scheduledStaffing, scheduledStaffingOf } from './staffing-schedule.js';

/**
 * What the simulation of a variant runs against: its scheduled staffing, or — for `target` staffing — the agents
 * the analytic plan requires interval by interval (SIPP), with paid hours = on-phone hours / (1 − shrinkage).
 *
 * @throws InfeasibleError when a target cannot be met (from the analytic plan)
 * @example simulationInputFor(model).onPhoneAgents[0][0] // 14 for the textbook scenario
 */
export function simulationInputFor(model: ContactCentreModel): SimulationInput {
  if (model.network !== undefined) return networkSimulationInput(model);
  const schedule = scheduledStaffing(model);
  if (schedule !== null) return { model, onPhoneAgents: schedule.onPhoneAgents, paidAgentHours: schedule.paidAgentHours };
  const plan = planVariant(model);
  const onPhoneAgents = Array.from({ length: model.calendar.days }, () => new Array<number>(model.calendar.intervalsPerDay).fill(0));
  for (const row of plan.rows) (onPhoneAgents[row.day] as number[])[row.interval] = row.onPhoneAgents;
  return withOnPhoneAgents(model, onPhoneAgents);
}

/**
 * Like `simulationInputFor`, and also for `target` staffing with `method: isa`, whose agents per interval come from
 * the simulation-based iterative staffing algorithm (which simulates, so this is asynchronous and slower).
 */
export async function resolveSimulationInput(model: ContactCentreModel): Promise<SimulationInput> {
  if (model.network === undefined && model.staffing.kind === 'target' && model.staffing.target.method === 'isa') {
    return withOnPhoneAgents(model, (await planWithIsa(model)).isa.onPhoneAgents);
  }
  return simulationInputFor(model);
}

/**
 * The simulation input of a model with agent groups: each group's scheduled staffing, or — for a group with a
 * `target` — the agents the analytic plan of the whole network requires interval by interval.
 */
function networkSimulationInput(model: ContactCentreModel): SimulationInput {
  const { groups } = networkOf(model);
  const { calendar } = model;
  const schedules = groups.map((group) => scheduledStaffingOf(calendar, group.staffing));
  const plan = schedules.some((schedule) => schedule === null) ? planVariant(model) : null;
  const groupSchedules: GroupSchedule[] = groups.map((group, g) => {
    const schedule = schedules[g];
    if (schedule !== null && schedule !== undefined) return schedule;
    const rows = plan?.groups?.[g]?.rows ?? [];
    const onPhoneAgents = Array.from({ length: calendar.days }, () => new Array<number>(calendar.intervalsPerDay).fill(0));
    for (const row of rows) (onPhoneAgents[row.day] as number[])[row.interval] = row.onPhoneAgents;
    const paidPerAgent = calendar.intervalSeconds / 3600 / (1 - group.staffing.shrinkage);
    return { onPhoneAgents, paidAgentHours: onPhoneAgents.map((day) => day.map((agents) => agents * paidPerAgent)) };
  });
  const first = groupSchedules[0] as GroupSchedule;
  return { model, onPhoneAgents: first.onPhoneAgents, paidAgentHours: first.paidAgentHours, groups: groupSchedules };
}

/** A simulation input for solved on-phone agents: paid hours = on-phone hours / (1 − shrinkage). */
function withOnPhoneAgents(model: ContactCentreModel, onPhoneAgents: readonly (readonly number[])[]): SimulationInput {
  const paidPerAgent = model.calendar.intervalSeconds / 3600 / (1 - model.staffing.shrinkage);
  return { model, onPhoneAgents, paidAgentHours: onPhoneAgents.map((day) => day.map((agents) => agents * paidPerAgent)) };
}
