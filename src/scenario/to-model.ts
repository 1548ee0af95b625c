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
import { MONTHS, weekdayOfDay } from '../core/model/contact-centre-model.js';
import { dateOfDay, isOpenDay } from '../core/model/calendar-days.js';
import { isOpenAroundTheClockEveryDay } from '../core/model/midnight.js';
import { calendarToModel } from './calendar-to-model.js';
import { DEFAULT_GROUP_TASKS, type AgentGroup, type Channel, type ContactNetwork } from '../core/model/network.js';
import type { DistributionInput, ScenarioSections } from './schema.js';
import { secondsOfTime } from './time-of-day.js';

const SECONDS_PER_MINUTE = 60;
const SECONDS_PER_HOUR = 3600;
const SECONDS_PER_DAY = 86_400;

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

/**
 * Expected first contacts per interval of one day, before the day factor:
 * casesPerDay × normalised profile (flat without one), casesPerHour × interval length, or casesPerInterval.
 */
function baseDayDemand(demand: DemandInput, calendar: Calendar): number[] {
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

/** The demand keys, at `demand` or in a channel. */
type DemandInput = Pick<
  ScenarioSections['demand'],
  'casesPerDay' | 'intradayProfile' | 'casesPerHour' | 'casesPerInterval' | 'dayFactors' | 'monthFactors' | 'overdispersion'
>;

/**
 * A factor of a day from factors by key, normalised to mean 1 over the listed keys (1 without factors).
 * @example normalisedFactor({ mon: 3, tue: 1 }, 'mon') // 1.5
 */
function normalisedFactor<Key extends string>(factors: Partial<Record<Key, number | undefined>> | undefined, key: Key): number {
  if (factors === undefined) return 1;
  const listed = Object.values<number | undefined>(factors).filter((value): value is number => value !== undefined);
  const raw = factors[key];
  if (raw === undefined) return invariant(`no factor for ${key}`);
  const sum = listed.reduce((total, value) => total + value, 0);
  return (raw * listed.length) / sum;
}

function demandToModel(demand: DemandInput, calendar: Calendar): Demand {
  const perDay = baseDayDemand(demand, calendar);
  const casesPerInterval = Array.from({ length: calendar.days }, (_, day) => {
    if (!isOpenDay(calendar, day)) return perDay.map(() => 0);
    const date = dateOfDay(calendar, day);
    const month = date === null ? undefined : MONTHS[Number(date.slice(5, 7)) - 1];
    const factor =
      normalisedFactor(demand.dayFactors, weekdayOfDay(calendar, day)) *
      (demand.monthFactors === undefined || month === undefined ? 1 : normalisedFactor(demand.monthFactors, month));
    return perDay.map((cases) => cases * factor);
  });
  return { casesPerInterval, overdispersionCv: demand.overdispersion };
}

type StaffingInput = NonNullable<ScenarioSections['staffing']>;

/**
 * A shift in model form. One that ends at or before its start crosses midnight (22:00–06:00, in a calendar open
 * around the clock): its end, and a break after midnight, are counted from the midnight of the day it starts
 * (06:00 is 30:00), so that every time of a shift lies on one timeline.
 */
function shiftToModel(shift: NonNullable<StaffingInput['shifts']>[number]): Shift {
  const startSeconds = secondsOfTime(shift.start);
  const onShiftTimeline = (time: string): number => {
    const seconds = secondsOfTime(time);
    return seconds < startSeconds ? seconds + SECONDS_PER_DAY : seconds;
  };
  const endSeconds = secondsOfTime(shift.end);
  return {
    name: shift.name,
    startSeconds,
    endSeconds: endSeconds <= startSeconds ? endSeconds + SECONDS_PER_DAY : endSeconds,
    agents: shift.agents,
    breaks: (shift.breaks ?? []).map((pause) => ({
      startSeconds: onShiftTimeline(pause.start),
      durationSeconds: pause.minutes * SECONDS_PER_MINUTE,
    })),
    days: shift.days === undefined ? null : [...shift.days],
  };
}

/**
 * The window of a template, seconds from the midnight of its day: the opening hours by default; in a calendar open
 * around the clock every day, without a `latestEnd`, any start from `earliestStart` (else midnight) ending by the next
 * midnight. A `latestEnd` at or before `earliestStart` is on the next day (a night window, 20:00 to 08:00).
 * @example templateWindow({ name: 'night', lengthsHours: [8], earliestStart: '20:00', latestEnd: '08:00' }, calendar) // { earliestStartSeconds: 72_000, latestEndSeconds: 115_200 }
 */
function templateWindow(template: NonNullable<StaffingInput['shiftTemplates']>[number], calendar: Calendar): { earliestStartSeconds: number; latestEndSeconds: number } {
  const earliestStartSeconds = template.earliestStart === undefined ? calendar.openSeconds : secondsOfTime(template.earliestStart);
  if (template.latestEnd === undefined && isOpenAroundTheClockEveryDay(calendar)) return { earliestStartSeconds, latestEndSeconds: 2 * SECONDS_PER_DAY };
  const latestEnd = template.latestEnd === undefined ? calendar.closeSeconds : secondsOfTime(template.latestEnd);
  return { earliestStartSeconds, latestEndSeconds: latestEnd <= earliestStartSeconds ? latestEnd + SECONDS_PER_DAY : latestEnd };
}

/** Shift templates in model form: times in seconds, defaults (opening hours, interval, agent-hour price) resolved. */
function shiftTemplatesToModel(staffing: StaffingInput, calendar: Calendar, agentHour: number): ShiftTemplate[] | undefined {
  const templates = staffing.shiftTemplates;
  if (templates === undefined) return undefined;
  return templates.map((template) => ({
    name: template.name,
    lengthsSeconds: template.lengthsHours.map((hours) => hours * SECONDS_PER_HOUR),
    ...templateWindow(template, calendar),
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
    costPerHour: template.costPerHour ?? agentHour,
  }));
}

/**
 * A staffing section in model form. `answerWithinSeconds` is the scenario's service-level threshold (a target's
 * default); `hasPatience` decides a target's default method (Erlang A with a patience, else Erlang C).
 */
function staffingToModel(staffing: StaffingInput, answerWithinSeconds: number, hasPatience: boolean): StaffingPlan {
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
      answerWithinSeconds: target.answerWithinSeconds ?? answerWithinSeconds,
      maxAbandonShare: target.maxAbandonShare ?? null,
      maxOccupancy: target.maxOccupancy ?? null,
      maxAsaSeconds: target.maxAsaSeconds ?? null,
      method: target.method ?? (hasPatience ? 'erlang-a' : 'erlang-c'),
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
  const calendar = calendarToModel(sections.calendar, sections.demand.dayFactors);
  const { handling, customers, serviceLevel, costs, simulation } = sections;
  const network = sections.groups === undefined ? undefined : networkToModel(sections, calendar);
  const first = network?.groups[0];
  const staffing = first?.staffing ?? staffingToModel(sections.staffing ?? invariant('staffing without groups'), serviceLevel.answerWithinSeconds, customers.patience !== undefined);
  const shiftTemplates =
    first === undefined ? shiftTemplatesToModel(sections.staffing ?? invariant('staffing'), calendar, costs.agentHour) : first.shiftTemplates;
  return {
    scenarioName: sections.name,
    variantName,
    currency: sections.currency,
    calendar,
    demand: demandToModel(sections.demand, calendar),
    handling: {
      handleTime: first?.handleTime ?? distributionToModel(handling.handleTime ?? invariant('handle time without groups')),
      firstContactResolution: first?.outcomes.resolved ?? handling.firstContactResolution,
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
    staffing,
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
      hoursPerFte: costs.hoursPerFte,
    },
    simulation: {
      replications: simulation.replications,
      seed: simulation.seed,
      warmupSeconds: simulation.warmupHours * SECONDS_PER_HOUR,
    },
    ...(shiftTemplates === undefined ? {} : { shiftTemplates }),
    ...(network === undefined ? {} : { network }),
  };
}

/**
 * Agent groups, transfers and channels in model form (SPEC §7): group and channel names become indices in file order,
 * `firstContactResolution: p` becomes the outcomes { resolved: p, unresolved: 1 − p }, and each group's prices, target
 * method and shift-template price default from the scenario (the first group answers dialled calls, whose patience is
 * `customers.patience`; the others answer transferred calls, whose patience is `transfers.patience`, by default the same).
 */
function networkToModel(sections: ScenarioSections, calendar: Calendar): ContactNetwork {
  const groupsInput = sections.groups ?? invariant('groups');
  const names = Object.keys(groupsInput);
  const indexOf = (name: string): number => {
    const index = names.indexOf(name);
    return index >= 0 ? index : invariant(`unknown group ${name}`);
  };
  const { costs, customers, serviceLevel } = sections;
  const transferPatience = sections.transfers?.patience ?? customers.patience;
  const groups = names.map((name, g): AgentGroup => {
    const group = groupsInput[name] ?? invariant(`group ${name}`);
    const outcomes = group.handling.outcomes;
    const fcr = group.handling.firstContactResolution ?? 1;
    const agentHour = group.costs?.agentHour ?? costs.agentHour;
    const shiftTemplates = shiftTemplatesToModel(group.staffing, calendar, agentHour);
    const tasks = group.tasks;
    return {
      name,
      staffing: staffingToModel(group.staffing, serviceLevel.answerWithinSeconds, (g === 0 ? customers.patience : transferPatience) !== undefined),
      handleTime: distributionToModel(group.handling.handleTime),
      maxQueue: group.maxQueue ?? null,
      outcomes:
        outcomes === undefined
          ? { resolved: fcr, transfers: [], callbacks: [], unresolved: 1 - fcr }
          : {
              resolved: outcomes.resolved ?? 0,
              transfers: Object.entries(outcomes.transfer ?? {}).map(([target, share]) => ({ group: indexOf(target), share })),
              callbacks: Object.entries(outcomes.callback ?? {}).map(([target, share]) => ({ group: indexOf(target), share })),
              unresolved: outcomes.unresolved ?? 0,
            },
      tasks:
        tasks === undefined
          ? DEFAULT_GROUP_TASKS
          : {
              callbackHandleTime: tasks.callbackHandleTime === undefined ? null : distributionToModel(tasks.callbackHandleTime),
              callbackReach: {
                probability: tasks.callbackReach.probability,
                retryDelay: distributionToModel(tasks.callbackReach.retryDelay),
                maxTries: tasks.callbackReach.maxTries,
              },
              dueSeconds: tasks.dueHours * SECONDS_PER_HOUR,
            },
      costs: {
        perPaidAgentHour: agentHour,
        perOvertimeHour: group.costs?.overtimeHour ?? group.costs?.agentHour ?? costs.overtimeHour ?? costs.agentHour,
      },
      ...(shiftTemplates === undefined ? {} : { shiftTemplates }),
    };
  });
  const channels = Object.entries(sections.channels ?? {}).map(
    ([name, channel]): Channel => ({
      name,
      group: indexOf(channel.group),
      demand: demandToModel(channel, calendar),
      handleTime: distributionToModel(channel.handleTime),
      firstContactResolution: channel.firstContactResolution,
    }),
  );
  return { groups, transferPatience: transferPatience === undefined ? null : distributionToModel(transferPatience), channels };
}
