import type { ContactCentreModel } from '../model/contact-centre-model.js';
import type { SimulationInput } from '../sim/simulation-input.js';
import { planVariant } from './interval-plan.js';
import { planWithIsa } from './simulation-staffing.js';
import { scheduledStaffing } from './staffing-schedule.js';

/**
 * What the simulation of a variant runs against: its scheduled staffing, or — for `target` staffing — the agents
 * the analytic plan requires interval by interval (SIPP), with paid hours = on-phone hours / (1 − shrinkage).
 *
 * @throws InfeasibleError when a target cannot be met (from the analytic plan)
 * @example simulationInputFor(model).onPhoneAgents[0][0] // 14 for the textbook scenario
 */
export function simulationInputFor(model: ContactCentreModel): SimulationInput {
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
  if (model.staffing.kind === 'target' && model.staffing.target.method === 'isa') {
    return withOnPhoneAgents(model, (await planWithIsa(model)).isa.onPhoneAgents);
  }
  return simulationInputFor(model);
}

/** A simulation input for solved on-phone agents: paid hours = on-phone hours / (1 − shrinkage). */
function withOnPhoneAgents(model: ContactCentreModel, onPhoneAgents: readonly (readonly number[])[]): SimulationInput {
  const paidPerAgent = model.calendar.intervalSeconds / 3600 / (1 - model.staffing.shrinkage);
  return { model, onPhoneAgents, paidAgentHours: onPhoneAgents.map((day) => day.map((agents) => agents * paidPerAgent)) };
}
