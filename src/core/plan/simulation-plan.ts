import type { ContactCentreModel } from '../model/contact-centre-model.js';
import { networkOf } from '../model/network.js';
import type { SimulationInput } from '../sim/simulation-input.js';
import { planVariant } from './interval-plan.js';
import { hasIsaGroup, networkIsaSimulationInput } from './network-isa.js';
import { planWithIsa } from './simulation-staffing.js';
import { agentTableOf, inputWithGroups, networkSchedules, scheduledStaffing, solvedSchedule } from './staffing-schedule.js';

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
  return withOnPhoneAgents(model, agentTableOf(model.calendar, plan.rows));
}

/**
 * Like `simulationInputFor`, and also for `target` staffing with `method: isa`, whose agents per interval come from
 * the simulation-based iterative staffing algorithm (which simulates, so this is asynchronous and slower). With agent
 * groups, every group whose target has `method: isa` runs against its ISA agents (all such groups solved together,
 * see `networkIsaStaffing`), and the others against their own staffing.
 */
export async function resolveSimulationInput(model: ContactCentreModel): Promise<SimulationInput> {
  if (model.network === undefined && model.staffing.kind === 'target' && model.staffing.target.method === 'isa') {
    return withOnPhoneAgents(model, (await planWithIsa(model)).isa.onPhoneAgents);
  }
  if (model.network !== undefined && hasIsaGroup(model)) return networkIsaSimulationInput(model);
  return simulationInputFor(model);
}

/**
 * The simulation input of a model with agent groups: each group's scheduled staffing, or — for a group with a
 * `target` — the agents the analytic plan of the whole network requires interval by interval.
 */
function networkSimulationInput(model: ContactCentreModel): SimulationInput {
  const { groups } = networkOf(model);
  const plan = groups.some((group) => group.staffing.kind === 'target') ? planVariant(model) : null;
  return inputWithGroups(model, networkSchedules(model, plan));
}

/** A simulation input for solved on-phone agents: paid hours = on-phone hours / (1 − shrinkage). */
function withOnPhoneAgents(model: ContactCentreModel, onPhoneAgents: readonly (readonly number[])[]): SimulationInput {
  return { model, ...solvedSchedule(model.calendar, onPhoneAgents, model.staffing.shrinkage) };
}
