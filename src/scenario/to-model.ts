/**
 * A validated variant (user-facing keys and units) → `ContactCentreModel` (seconds, rates per second,
 * shares 0..1). This is the one place where minutes and hours become seconds.
 */
import type {
  Calendar,
  ContactCentreModel,
  Demand,
  Distribution,
  Shift,
  ShiftTemplate,
  StaffingPlan,
} from '../core/model/contact-centre-model.js';
import { weekdayOfDay } from '../core/model/contact-centre-model.js';
import type { DistributionInput, ScenarioSections } from './schema.js';
import { secondsOfTime } from './time-of-day.js';

const SECONDS_PER_MINUTE = 60;
const SECONDS_PER_HOUR = 3600;

/** The schema and the rules guarantee it; reaching this is a bug. */
function invariant(message: string): never {
  throw new Error(`internal error in scenario conversion: ${message}`);
}

function seconds(valueSeconds: number | undefined, valueMinutes: number | undefined, what: string): number {
  if (valueSeconds !== undefined) return valueSeconds;
  if (valueMinutes !== undefined) return valueMinutes * SECONDS_PER_MINUTE;
  return invariant(`${what} without a value`);
}

/**
 * A validated distribution in model form (seconds).
 * @example distributionToModel({ distribution: 'exponential', meanMinutes: 10 }) // { kind: 'exponential', meanSeconds: 600 }
 */
export function distributionToModel(input: DistributionInput): Distribution {
  switch (input.distribution) {
    case 'exponential':
      return { kind: 'exponential', meanSeconds: seconds(input.meanSeconds, input.meanMinutes, 'mean') };
    case 'lognormal':
      return { kind: 'lognormal', meanSeconds: seconds(input.meanSeconds, input.meanMinutes, 'mean'), cv: input.cv };
    case 'gamma':
      return { kind: 'gamma', meanSeconds: seconds(input.meanSeconds, input.meanMinutes, 'mean'), cv: input.cv };
    case 'erlang':
      return { kind: 'erlang', meanSeconds: seconds(input.meanSeconds, input.meanMinutes, 'mean'), k: input.k };
    case 'fixed':
      return { kind: 'fixed', seconds: seconds(input.seconds, input.minutes, 'duration') };
    case 'uniform':
      return {
        kind: 'uniform',
        minSeconds: seconds(input.minSeconds, input.minMinutes, 'minimum'),
        maxSeconds: seconds(input.maxSeconds, input.maxMinutes, 'maximum'),
      };
    case 'empirical':
      return { kind: 'empirical', seconds: [...input.seconds] };
  }
}

function calendarToModel(calendar: ScenarioSections['calendar']): Calendar {
  const openSeconds = secondsOfTime(calendar.open);
  const closeSeconds = secondsOfTime(calendar.close);
  const intervalSeconds = calendar.intervalMinutes * SECONDS_PER_MINUTE;
  return {
    days: calendar.days,
    startWeekday: calendar.startWeekday,
    openSeconds,
    closeSeconds,
    intervalSeconds,
    intervalsPerDay: (closeSeconds - openSeconds) / intervalSeconds,
  };
}

/**
 * Expected first contacts per interval of one day, before the day factor:
 * casesPerDay × normalised profile (flat without one), casesPerHour × interval length, or casesPerInterval.
 */
function baseDayDemand(demand: ScenarioSections['demand'], calendar: Calendar): number[] {
  const n = calendar.intervalsPerDay;
  if (demand.casesPerDay !== undefined) {
    const weights = demand.intradayProfile ?? Array.from({ length: n }, () => 1);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    return weights.map((weight) => ((demand.casesPerDay as number) * weight) / total);
  }
  if (demand.casesPerHour !== undefined) {
    const perInterval = (demand.casesPerHour * calendar.intervalSeconds) / SECONDS_PER_HOUR;
    return Array.from({ length: n }, () => perInterval);
  }
  if (demand.casesPerInterval !== undefined) return [...demand.casesPerInterval];
  return invariant('demand without a form');
}

function demandToModel(demand: ScenarioSections['demand'], calendar: Calendar): Demand {
  const perDay = baseDayDemand(demand, calendar);
  const factors = demand.dayFactors;
  const listed = factors === undefined ? [] : Object.values(factors).filter((value): value is number => value !== undefined);
  const sumOfFactors = listed.reduce((sum, value) => sum + value, 0);
  const casesPerInterval = Array.from({ length: calendar.days }, (_, day) => {
    const raw = factors === undefined ? 1 : factors[weekdayOfDay(calendar, day)];
    if (raw === undefined) return invariant(`no day factor for ${weekdayOfDay(calendar, day)}`);
    // normalised to mean 1 over the listed weekdays
    const factor = listed.length === 0 ? 1 : (raw * listed.length) / sumOfFactors;
    return perDay.map((cases) => cases * factor);
  });
  return { casesPerInterval, overdispersionCv: demand.overdispersion };
}

function shiftToModel(shift: NonNullable<ScenarioSections['staffing']['shifts']>[number]): Shift {
  return {
    name: shift.name,
    startSeconds: secondsOfTime(shift.start),
    endSeconds: secondsOfTime(shift.end),
    agents: shift.agents,
    breaks: (shift.breaks ?? []).map((pause) => ({
      startSeconds: secondsOfTime(pause.start),
      durationSeconds: pause.minutes * SECONDS_PER_MINUTE,
    })),
    days: shift.days === undefined ? null : [...shift.days],
  };
}

/** Shift templates in model form: times in seconds, defaults (opening hours, interval, agent-hour price) resolved. */
function shiftTemplatesToModel(sections: ScenarioSections, calendar: Calendar): ShiftTemplate[] | undefined {
  const templates = sections.staffing.shiftTemplates;
  if (templates === undefined) return undefined;
  return templates.map((template) => ({
    name: template.name,
    lengthsSeconds: template.lengthsHours.map((hours) => hours * SECONDS_PER_HOUR),
    earliestStartSeconds: template.earliestStart === undefined ? calendar.openSeconds : secondsOfTime(template.earliestStart),
    latestEndSeconds: template.latestEnd === undefined ? calendar.closeSeconds : secondsOfTime(template.latestEnd),
    startEverySeconds: (template.startEveryMinutes ?? calendar.intervalSeconds / SECONDS_PER_MINUTE) * SECONDS_PER_MINUTE,
    days: template.days === undefined ? null : [...template.days],
    break:
      template.break === undefined
        ? null
        : {
            durationSeconds: template.break.minutes * SECONDS_PER_MINUTE,
            earliestAfterSeconds: template.break.earliestAfterHours * SECONDS_PER_HOUR,
            latestAfterSeconds: template.break.latestAfterHours * SECONDS_PER_HOUR,
            everySeconds: (template.break.everyMinutes ?? calendar.intervalSeconds / SECONDS_PER_MINUTE) * SECONDS_PER_MINUTE,
          },
    minAgents: template.minAgents,
    maxAgents: template.maxAgents ?? null,
    costPerHour: template.costPerHour ?? sections.costs.agentHour,
  }));
}

function staffingToModel(sections: ScenarioSections): StaffingPlan {
  const { staffing } = sections;
  const shrinkage = staffing.shrinkage;
  if (staffing.agents !== undefined) return { kind: 'agents', agents: staffing.agents, shrinkage };
  if (staffing.agentsPerInterval !== undefined) {
    return { kind: 'agentsPerInterval', agentsPerInterval: [...staffing.agentsPerInterval], shrinkage };
  }
  if (staffing.shifts !== undefined) return { kind: 'shifts', shifts: staffing.shifts.map(shiftToModel), shrinkage };
  const target = staffing.target ?? invariant('staffing without a form');
  return {
    kind: 'target',
    shrinkage,
    target: {
      serviceLevel: target.serviceLevel ?? null,
      answerWithinSeconds: target.answerWithinSeconds ?? sections.serviceLevel.answerWithinSeconds,
      maxAbandonShare: target.maxAbandonShare ?? null,
      maxOccupancy: target.maxOccupancy ?? null,
      maxAsaSeconds: target.maxAsaSeconds ?? null,
      method: target.method ?? (sections.customers.patience === undefined ? 'erlang-c' : 'erlang-a'),
    },
  };
}

/**
 * Converts one validated variant to the model the core works on: every time in seconds, demand per
 * `[day][interval]` with the normalised profile and day factors applied, and the remaining defaults
 * (target threshold, target method, overtime price) resolved.
 *
 * @example toModel(sections, 'base').calendar.intervalSeconds // 1800 for intervalMinutes: 30
 */
export function toModel(sections: ScenarioSections, variantName: string): ContactCentreModel {
  const calendar = calendarToModel(sections.calendar);
  const { handling, customers, serviceLevel, costs, simulation } = sections;
  const shiftTemplates = shiftTemplatesToModel(sections, calendar);
  return {
    scenarioName: sections.name,
    variantName,
    currency: sections.currency,
    calendar,
    demand: demandToModel(sections.demand, calendar),
    handling: {
      handleTime: distributionToModel(handling.handleTime),
      firstContactResolution: handling.firstContactResolution,
      repeatContact: {
        probability: handling.repeatContact.probability,
        delay: distributionToModel(handling.repeatContact.delay),
      },
    },
    customers: {
      patience: customers.patience === undefined ? null : distributionToModel(customers.patience),
      redial: { probability: customers.redial.probability, delay: distributionToModel(customers.redial.delay) },
      maxAttempts: customers.maxAttempts ?? null,
    },
    staffing: staffingToModel(sections),
    serviceLevel: {
      answerWithinSeconds: serviceLevel.answerWithinSeconds,
      definition: serviceLevel.definition,
      shortAbandonSeconds: serviceLevel.shortAbandonSeconds,
    },
    costs: {
      perPaidAgentHour: costs.agentHour,
      perOvertimeHour: costs.overtimeHour ?? costs.agentHour,
      perTelephonyMinute: costs.telephonyMinute,
      perCustomerWaitMinute: costs.customerWaitMinute,
      perRepeatContact: costs.repeatContact,
      perUnresolvedCase: costs.unresolvedCase,
      fixedPerDay: costs.fixedPerDay,
    },
    simulation: {
      replications: simulation.replications,
      seed: simulation.seed,
      warmupSeconds: simulation.warmupHours * SECONDS_PER_HOUR,
    },
    ...(shiftTemplates === undefined ? {} : { shiftTemplates }),
  };
}
