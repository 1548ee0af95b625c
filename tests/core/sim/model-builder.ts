import type { ContactCentreModel, Distribution } from '../../../src/core/model/contact-centre-model.js';
import type { SimulationInput } from '../../../src/core/sim/simulation-input.js';

/** The validation seed used across the simulation tests (the SPEC §2 example's). */
export const TEST_SEED = 20261127;

export interface TestModelOptions {
  days?: number;
  openSeconds?: number;
  closeSeconds?: number;
  intervalSeconds?: number;
  /** Expected first contacts per interval: one number for all, or a [day][interval] table. */
  casesPerInterval?: number | number[][];
  overdispersionCv?: number;
  handleTime?: Distribution;
  firstContactResolution?: number;
  repeatProbability?: number;
  repeatDelay?: Distribution;
  patience?: Distribution | null;
  redialProbability?: number;
  redialDelay?: Distribution;
  maxAttempts?: number | null;
  answerWithinSeconds?: number;
  serviceLevelDefinition?: ContactCentreModel['serviceLevel']['definition'];
  shortAbandonSeconds?: number;
  seed?: number;
  replications?: number;
  warmupSeconds?: number;
  costs?: Partial<ContactCentreModel['costs']>;
}

/** A complete model with small, explicit defaults: 1 day, 08:00–16:00 in hours, Erlang-C-like exponential service. */
export function testModel(options: TestModelOptions = {}): ContactCentreModel {
  const days = options.days ?? 1;
  const openSeconds = options.openSeconds ?? 8 * 3600;
  const closeSeconds = options.closeSeconds ?? 16 * 3600;
  const intervalSeconds = options.intervalSeconds ?? 3600;
  const intervalsPerDay = Math.round((closeSeconds - openSeconds) / intervalSeconds);
  const cases = options.casesPerInterval ?? 100;
  const casesPerInterval =
    typeof cases === 'number' ? Array.from({ length: days }, () => Array<number>(intervalsPerDay).fill(cases)) : cases;
  return {
    scenarioName: 'test',
    variantName: 'base',
    currency: 'SEK',
    calendar: { days, startWeekday: 'mon', openSeconds, closeSeconds, intervalSeconds, intervalsPerDay },
    demand: { casesPerInterval, overdispersionCv: options.overdispersionCv ?? 0 },
    handling: {
      handleTime: options.handleTime ?? { kind: 'exponential', meanSeconds: 180 },
      firstContactResolution: options.firstContactResolution ?? 1,
      repeatContact: {
        probability: options.repeatProbability ?? 0,
        delay: options.repeatDelay ?? { kind: 'exponential', meanSeconds: 3600 },
      },
    },
    customers: {
      patience: options.patience === undefined ? { kind: 'exponential', meanSeconds: 120 } : options.patience,
      redial: {
        probability: options.redialProbability ?? 0,
        delay: options.redialDelay ?? { kind: 'exponential', meanSeconds: 600 },
      },
      maxAttempts: options.maxAttempts === undefined ? null : options.maxAttempts,
    },
    staffing: { kind: 'agents', agents: 1, shrinkage: 0 },
    serviceLevel: {
      answerWithinSeconds: options.answerWithinSeconds ?? 20,
      definition: options.serviceLevelDefinition ?? 'answered-of-offered',
      shortAbandonSeconds: options.shortAbandonSeconds ?? 5,
    },
    costs: {
      perPaidAgentHour: 400,
      perOvertimeHour: 600,
      perTelephonyMinute: 0.1,
      perCustomerWaitMinute: 5,
      perRepeatContact: 10,
      perUnresolvedCase: 300,
      fixedPerDay: 1000,
      ...options.costs,
    },
    simulation: {
      replications: options.replications ?? 1,
      seed: options.seed ?? TEST_SEED,
      warmupSeconds: options.warmupSeconds ?? 0,
    },
  };
}

/** An input with on-phone agents (one number for all intervals, or a table) and paid hours = on-phone hours. */
export function testInput(model: ContactCentreModel, agents: number | number[][]): SimulationInput {
  const { days, intervalsPerDay, intervalSeconds } = model.calendar;
  const onPhoneAgents =
    typeof agents === 'number' ? Array.from({ length: days }, () => Array<number>(intervalsPerDay).fill(agents)) : agents;
  const paidAgentHours = onPhoneAgents.map((row) => row.map((value) => (value * intervalSeconds) / 3600));
  return { model, onPhoneAgents, paidAgentHours };
}

/** Erlang B by the stable recurrence B(k) = A·B(k−1) / (k + A·B(k−1)). */
export function erlangB(offeredLoad: number, agents: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/** Erlang C quantities for M/M/N (A < N). */
export function erlangC(offeredLoad: number, agents: number, meanHandleSeconds: number, answerWithinSeconds: number) {
  const b = erlangB(offeredLoad, agents);
  const probabilityOfWaiting = (agents * b) / (agents - offeredLoad * (1 - b));
  return {
    probabilityOfWaiting,
    serviceLevel: 1 - probabilityOfWaiting * Math.exp((-(agents - offeredLoad) * answerWithinSeconds) / meanHandleSeconds),
    meanWaitSeconds: (probabilityOfWaiting * meanHandleSeconds) / (agents - offeredLoad),
    occupancy: offeredLoad / agents,
  };
}
