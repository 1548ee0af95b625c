import type { ContactCentreModel } from '../../src/core/model/contact-centre-model.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/**
 * A small, valid model for core tests: one 24-hour day of 30-minute intervals, 200 first contacts per hour,
 * exponential 180 s handle time, infinite patience, 14 agents, no costs. Override any part.
 */
export function makeModel(overrides: DeepPartial<ContactCentreModel> & { casesPerHour?: number } = {}): ContactCentreModel {
  const calendar = {
    days: 1,
    startWeekday: 'mon' as const,
    openSeconds: 0,
    closeSeconds: 86_400,
    intervalSeconds: 1800,
    intervalsPerDay: 48,
    ...overrides.calendar,
  };
  const casesPerHour = overrides.casesPerHour ?? 200;
  const perInterval = (casesPerHour * calendar.intervalSeconds) / 3600;
  const base: ContactCentreModel = {
    scenarioName: 'test',
    variantName: 'base',
    currency: 'SEK',
    calendar,
    demand: {
      casesPerInterval: Array.from({ length: calendar.days }, () => Array.from({ length: calendar.intervalsPerDay }, () => perInterval)),
      overdispersionCv: 0,
    },
    handling: {
      handleTime: { kind: 'exponential', meanSeconds: 180 },
      firstContactResolution: 1,
      repeatContact: { probability: 0, delay: { kind: 'exponential', meanSeconds: 14_400 } },
    },
    customers: { patience: null, redial: { probability: 0, delay: { kind: 'exponential', meanSeconds: 600 } }, maxAttempts: null },
    staffing: { kind: 'agents', agents: 14, shrinkage: 0 },
    serviceLevel: { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 },
    costs: {
      perPaidAgentHour: 0,
      perOvertimeHour: 0,
      perTelephonyMinute: 0,
      perCustomerWaitMinute: 0,
      perRepeatContact: 0,
      perUnresolvedCase: 0,
      fixedPerDay: 0,
    },
    simulation: { replications: 1, seed: 1, warmupSeconds: 0 },
  };
  const { calendar: _c, casesPerHour: _r, ...rest } = overrides;
  return deepMerge(base, rest) as ContactCentreModel;
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (Array.isArray(over) || typeof over !== 'object' || over === null || typeof base !== 'object' || base === null || Array.isArray(base)) {
    return over;
  }
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(over)) out[key] = deepMerge(out[key], value);
  return out;
}
