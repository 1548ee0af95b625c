import type { ContactCentreModel } from '../model/contact-centre-model.js';
import { meanOf } from '../queueing/delay-kernel.js';

/** Everything one simulation run needs: the model and the staffing plan it is run against. */
export interface SimulationInput {
  model: ContactCentreModel;
  /**
   * Planned on-phone agents per [day][interval] (days × intervalsPerDay). A fractional value is rounded
   * stochastically and without bias per interval with the "staffing" stream: ⌊x⌋ + 1 with probability x − ⌊x⌋.
   */
  onPhoneAgents: readonly (readonly number[])[];
  /** Paid agent hours per [day][interval] from the plan (shift hours or on-phone/(1 − shrinkage)); copied into paidAgentHours. */
  paidAgentHours: readonly (readonly number[])[];
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
  table('onPhoneAgents', input.onPhoneAgents);
  table('paidAgentHours', input.paidAgentHours);
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
  if (customers.maxAttempts === null && customers.patience !== null) {
    if (customers.redial.probability === 1 && meanOf(customers.patience) === 0 && meanOf(customers.redial.delay) === 0) {
      problems.push('customers: zero patience, redial probability 1 and a zero redial delay without maxAttempts would redial forever at one instant');
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
