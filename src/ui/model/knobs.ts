/**
 * The knobs of the parameters panel: for one variant, the values a manager turns, each with its unit, its steps and
 * how it is written back into the scenario (through `withVariantValues`, so every change is validated like a file).
 *
 * Staffing shows the form the variant uses:
 * - `target`: the service-level target, its answer-within time, the occupancy cap and the staffing method;
 * - `agents`: the agents on the phones;
 * - `shifts`: the agents of each shift (one knob per shift; the whole list is written back, because a variant's
 *   list replaces the base's);
 * - `agentsPerInterval`: the mean agents per interval; a step adds or removes one agent in every interval.
 * Then demand (new cases a day), handling, customers, shrinkage, opening hours and prices.
 *
 * A scenario with agent groups (SPEC §7) shows the knobs of one group at a time — its staffing (in its own form),
 * handle time, first-contact resolution or outcome shares, waiting places, callbacks, shrinkage and prices, written
 * at `groups.<name>.…` — and then the knobs of the whole scenario: demand, patience (of callers and of transferred
 * callers), redials, repeat contacts, opening hours and the prices that are not a group's.
 *
 * Distributions keep their kind; only the mean changes (a uniform or empirical one is scaled).
 */
import type { ContactCentreModel, Distribution, StaffingPlan } from '../../core/model/contact-centre-model.js';
import type { AgentGroup, ContactNetwork } from '../../core/model/network.js';
import { formatPath } from '../../scenario/issues.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { timeOfSeconds } from '../../scenario/time-of-day.js';
import { callbackKnobs, maxQueueKnob, outcomeKnobs, transferPatienceKnob } from './group-knobs.js';
import type { Knob, KnobScope } from './knob-kit.js';
import { formatKnobValue, KNOB_LABEL_WIDTH, listAt, meanSecondsKnob, moneyKnob, niceStep, patienceKnob, round, shareKnob, variantScope } from './knob-kit.js';
import { distinctLabels } from './labels.js';

export type { Knob, KnobKind, KnobScope } from './knob-kit.js';
export { distributionWithMean, formatKnobValue, KNOB_LABEL_WIDTH, localKnobId, niceStep, variantScope } from './knob-kit.js';
export { cutEnd, cutMiddle, cutStart, distinctLabels } from './labels.js';

/** The agent groups of a variant, in file order; empty for a scenario without groups. */
export function groupNamesOf(scenario: LoadedScenario, variantName: string): string[] {
  return scenario.variants.find((v) => v.name === variantName)?.model.network?.groups.map((g) => g.name) ?? [];
}

/**
 * The knobs of one variant, in panel order. With agent groups: the knobs of `groupName` (the first group when it is
 * null or not a group of the variant), then those of the whole scenario.
 * @throws Error when the variant does not exist
 */
export function knobsFor(scenario: LoadedScenario, variantName: string, groupName: string | null = null): Knob[] {
  const variant = scenario.variants.find((v) => v.name === variantName);
  if (variant === undefined) throw new Error(`no variant named "${variantName}"`);
  const { model } = variant;
  const scope = variantScope(scenario, variantName);
  const network = model.network;
  if (network !== undefined) return networkKnobs(scope, model, network, groupName);
  return [
    ...staffingKnobs(scope, model.staffing, model.customers.patience !== null),
    demandKnob(scope, model),
    handleTimeKnob(scope, model.handling.handleTime),
    shareKnob(scope, {
      path: 'handling.firstContactResolution',
      label: '1st-call res.',
      description: 'First-contact resolution: share of answered contacts that resolve the case (handling.firstContactResolution)',
      fraction: model.handling.firstContactResolution,
    }),
    ...customerKnobs(scope, model),
    shrinkageKnob(scope, model.staffing.shrinkage),
    ...openingHoursKnobs(scope, model),
    moneyKnob(scope, model.currency, { path: 'costs.agentHour', label: 'agent hour', description: 'Cost per paid agent hour, fully loaded', value: model.costs.perPaidAgentHour }),
    moneyKnob(scope, model.currency, {
      path: 'costs.overtimeHour',
      label: 'overtime hour',
      description: 'Cost per overtime hour: calls finished after a shift or after closing',
      value: model.costs.perOvertimeHour,
    }),
    ...sharedPriceKnobs(scope, model),
  ];
}

/** The knobs of one agent group (marked with its name), then those of the whole scenario. */
function networkKnobs(scope: KnobScope, model: ContactCentreModel, network: ContactNetwork, groupName: string | null): Knob[] {
  const index = Math.max(0, network.groups.findIndex((g) => g.name === groupName));
  const group = network.groups[index] as AgentGroup;
  const at = scope.within(['groups', group.name]);
  // The first group answers the calls customers dial (customers.patience); the others transferred calls.
  const patience = index === 0 ? model.customers.patience : network.transferPatience;
  const groupKnobs: Knob[] = [
    ...staffingKnobs(at, group.staffing, patience !== null),
    handleTimeKnob(at, group.handleTime),
    ...outcomeKnobs(at, group, network),
    maxQueueKnob(at, group),
    ...callbackKnobs(at, group, network),
    shrinkageKnob(at, group.staffing.shrinkage),
    moneyKnob(at, model.currency, {
      path: 'costs.agentHour',
      label: 'agent hour',
      description: `Cost per paid hour of an agent of ${group.name}, fully loaded`,
      value: group.costs.perPaidAgentHour,
    }),
    moneyKnob(at, model.currency, {
      path: 'costs.overtimeHour',
      label: 'overtime hour',
      description: `Cost per overtime hour in ${group.name}: calls finished after a shift or after closing`,
      value: group.costs.perOvertimeHour,
    }),
  ];
  return [
    ...groupKnobs.map((knob) => ({ ...knob, group: group.name })),
    demandKnob(scope, model),
    ...customerKnobs(scope, model),
    ...(network.groups.length > 1 ? [transferPatienceKnob(scope, model, network, erlangATargetsLosingPatience(scope, model, 'transferred'))] : []),
    ...openingHoursKnobs(scope, model),
    ...sharedPriceKnobs(scope, model),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Staffing
// ---------------------------------------------------------------------------------------------------------

/** The methods the explorer can compute at once (ISA is simulation-based: `staffsim plan` runs it). */
export const ANALYTIC_METHODS = ['erlang-c', 'erlang-a'] as const;
const METHOD_NAMES: Record<string, string> = { 'erlang-c': 'Erlang C', 'erlang-a': 'Erlang A', isa: 'ISA' };

function staffingKnobs(scope: KnobScope, staffing: StaffingPlan, hasPatience: boolean): Knob[] {
  switch (staffing.kind) {
    case 'target': {
      const target = staffing.target;
      const methods: readonly string[] = target.method === 'isa' ? [...ANALYTIC_METHODS, 'isa'] : ANALYTIC_METHODS;
      return [
        {
          ...shareKnob(scope, {
            path: 'staffing.target.serviceLevel',
            label: 'SL target',
            description: `Service-level target: share answered within ${target.answerWithinSeconds} s; agents are solved per interval (${scope.prefix}staffing.target.serviceLevel)`,
            fraction: target.serviceLevel,
            min: 1,
            max: 99,
          }),
          startValue: 80,
        },
        {
          id: `${scope.prefix}staffing.target.answerWithinSeconds`,
          label: 'target within',
          unit: 's',
          description: `Answer-within time of the service-level target, seconds (${scope.prefix}staffing.target.answerWithinSeconds)`,
          value: target.answerWithinSeconds,
          step: 5,
          bigStep: 20,
          min: 0,
          max: 600,
          apply: (s, value) => scope.set([['staffing.target.answerWithinSeconds', value ?? target.answerWithinSeconds]])(s),
        },
        {
          ...shareKnob(scope, {
            path: 'staffing.target.maxOccupancy',
            label: 'max occupancy',
            description: `Highest share of on-phone time agents may be busy; none = no cap (${scope.prefix}staffing.target.maxOccupancy)`,
            fraction: target.maxOccupancy,
            min: 1,
            max: 100,
          }),
          noneText: 'none',
          startValue: 85,
        },
        {
          id: `${scope.prefix}staffing.target.method`,
          label: 'method',
          unit: '',
          kind: 'choice',
          choices: methods.map((m) => METHOD_NAMES[m] ?? m),
          description:
            `How agents are solved: Erlang A counts callers who hang up (needs a patience), Erlang C assumes nobody does (${scope.prefix}staffing.target.method)`,
          value: Math.max(0, methods.indexOf(target.method)),
          step: 1,
          bigStep: 1,
          min: 0,
          max: methods.length - 1,
          apply: (s, value) => scope.set([['staffing.target.method', methods[value ?? 0] ?? 'erlang-c']])(s),
          explain: (value) => {
            const method = methods[value ?? 0];
            if (method === 'erlang-c' && hasPatience) return 'the plan now assumes nobody hangs up (no abandonment in the figures); the simulation keeps the patience';
            return null;
          },
        },
      ];
    }
    case 'agents':
      return [
        {
          id: `${scope.prefix}staffing.agents`,
          label: 'phone agents',
          unit: '',
          description: `Agents on the phones in every interval; paid hours = on-phone hours / (1 − shrinkage) (${scope.prefix}staffing.agents)`,
          value: staffing.agents,
          step: 1,
          bigStep: 5,
          min: 0,
          max: 100_000,
          apply: (s, value) => scope.set([['staffing.agents', Math.round(value ?? staffing.agents)]])(s),
        },
      ];
    case 'shifts': {
      const list = listAt(scope, 'staffing.shifts');
      const labels = distinctLabels(staffing.shifts.map((shift) => shift.name), KNOB_LABEL_WIDTH, 'shift ');
      return staffing.shifts.map((shift, i): Knob => ({
        id: `${scope.prefix}shift:${shift.name}`,
        label: labels[i] ?? shift.name,
        unit: '',
        description: `Paid agents on shift "${shift.name}" (${scope.prefix}staffing.shifts[${i}].agents; the variant gets the whole list)`,
        value: shift.agents,
        step: 1,
        bigStep: 5,
        min: 0,
        max: 100_000,
        apply: (s, value) => {
          const next = list.map((entry, j) => (j === i ? { ...(entry as Record<string, unknown>), agents: Math.round(value ?? shift.agents) } : entry));
          return scope.set([['staffing.shifts', next]])(s);
        },
      }));
    }
    case 'agentsPerInterval': {
      const list = staffing.agentsPerInterval;
      const mean = list.reduce((sum, n) => sum + n, 0) / Math.max(1, list.length);
      return [
        {
          id: `${scope.prefix}staffing.agentsPerInterval`,
          label: 'agents (mean)',
          unit: 'avg',
          description: `Mean agents on the phones per interval; a step adds or removes one agent in every interval (${scope.prefix}staffing.agentsPerInterval)`,
          value: round(mean, 1),
          step: 1,
          bigStep: 5,
          min: 0,
          max: 100_000,
          apply: (s, value) => {
            const offset = Math.round((value ?? mean) - mean);
            return scope.set([['staffing.agentsPerInterval', list.map((n) => Math.max(0, n + offset))]])(s);
          },
        },
      ];
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Demand, handling, customers
// ---------------------------------------------------------------------------------------------------------

/**
 * New cases (first contacts) a day, whatever form the file gives demand in: casesPerDay is set; casesPerHour and
 * casesPerInterval are scaled so that a day has the new number.
 */
function demandKnob(scope: KnobScope, model: ContactCentreModel): Knob {
  const perDay = scope.effective('demand.casesPerDay');
  const perHour = scope.effective('demand.casesPerHour');
  const perInterval = scope.effective('demand.casesPerInterval');
  const openHours = (model.calendar.closeSeconds - model.calendar.openSeconds) / 3600;
  const current =
    typeof perDay === 'number'
      ? perDay
      : typeof perHour === 'number'
        ? perHour * openHours
        : Array.isArray(perInterval)
          ? perInterval.reduce((sum: number, n) => sum + (typeof n === 'number' ? n : 0), 0)
          : 0;
  const form = typeof perDay === 'number' ? 'demand.casesPerDay' : typeof perHour === 'number' ? 'demand.casesPerHour, scaled' : 'demand.casesPerInterval, scaled';
  return {
    id: 'demand.cases',
    label: 'new cases/day',
    unit: '',
    description: `New questions (first contacts) a day before day factors; redials and repeat contacts come on top (${form})`,
    value: round(current, 1),
    step: niceStep(current * 0.05, 1),
    bigStep: niceStep(current * 0.25, 10),
    min: 0,
    max: 10_000_000,
    apply: (s, value) => {
      const next = value ?? current;
      if (typeof perDay === 'number') return scope.set([['demand.casesPerDay', round(next, 3)]])(s);
      if (typeof perHour === 'number') return scope.set([['demand.casesPerHour', round(next / openHours, 6)]])(s);
      const factor = current > 0 ? next / current : 0;
      const list = Array.isArray(perInterval) ? perInterval : [];
      return scope.set([['demand.casesPerInterval', list.map((n) => (typeof n === 'number' ? round(n * factor, 6) : n))]])(s);
    },
  };
}


/** Mean talk + wrap-up time of an answered call (of the scope: the variant, or one of its groups). */
function handleTimeKnob(scope: KnobScope, handle: Distribution): Knob {
  return meanSecondsKnob(scope, { path: 'handling.handleTime', label: 'handle time', what: 'Mean talk + wrap-up time', distribution: handle, step: 10, bigStep: 60 });
}

function shrinkageKnob(scope: KnobScope, shrinkage: number): Knob {
  return shareKnob(scope, {
    path: 'staffing.shrinkage',
    label: 'shrinkage',
    description: `Share of paid time off the phones: absence, training, meetings (${scope.prefix}staffing.shrinkage)`,
    fraction: shrinkage,
    max: 95,
  });
}

/**
 * The paths of the staffing methods that must become Erlang C when callers of the given kind no longer hang up: the
 * targets that say `method: erlang-a` and whose queue takes those callers (Erlang A needs a patience). Dialled calls
 * go to the first group (or the one queue); transferred calls to the others, with `transfers.patience` or else the
 * callers' patience.
 */
export function erlangATargetsLosingPatience(scope: KnobScope, model: ContactCentreModel, callers: 'dialled' | 'transferred'): string[] {
  const method = (prefix: string): string | null => (scope.effective(`${prefix}staffing.target.method`) === 'erlang-a' ? `${prefix}staffing.target.method` : null);
  const network = model.network;
  if (network === undefined) return callers === 'dialled' ? [method('')].filter((p): p is string => p !== null) : [];
  const ownTransferPatience = scope.effective('transfers.patience') !== undefined;
  return network.groups.flatMap((group, g) => {
    const affected = callers === 'dialled' ? g === 0 || !ownTransferPatience : g > 0;
    const path = affected ? method(`${formatPath(['groups', group.name])}.`) : null;
    return path === null ? [] : [path];
  });
}

function customerKnobs(scope: KnobScope, model: ContactCentreModel): Knob[] {
  const patience = model.customers.patience;
  const switched = erlangATargetsLosingPatience(scope, model, 'dialled');
  const firstStaffing = model.network?.groups[0]?.staffing ?? model.staffing;
  const stillErlangC = firstStaffing.kind === 'target' && scope.effective(`${model.network === undefined ? '' : `${formatPath(['groups', model.network.groups[0]?.name ?? ''])}.`}staffing.target.method`) === 'erlang-c';
  const transfersToo = model.network !== undefined && model.network.groups.length > 1 && scope.effective('transfers.patience') === undefined;
  return [
    {
      ...patienceKnob(scope, {
        path: 'customers.patience',
        label: 'patience',
        description: `Mean time a caller waits before hanging up, seconds; ∞ = nobody abandons (customers.patience${patience === null ? '' : `, ${patience.kind} kept`}${
          transfersToo ? '; also of transferred callers' : ''
        })`,
        patience,
        none: true,
        switched,
      }),
      explain: (value) => {
        if (value === null && switched.length > 0) return 'nobody hangs up now, so the target is staffed by Erlang C instead of Erlang A';
        if (value !== null && patience === null && stillErlangC) return 'the target is still staffed by Erlang C (no abandonment); the method knob switches to Erlang A';
        return null;
      },
    },
    shareKnob(scope, {
      path: 'customers.redial.probability',
      label: 'redial prob.',
      description:
        model.network === undefined
          ? 'Probability that a caller who abandoned calls again (customers.redial.probability)'
          : 'Probability that a caller who abandoned, or whose transfer was lost, calls again (customers.redial.probability)',
      fraction: model.customers.redial.probability,
    }),
    shareKnob(scope, {
      path: 'handling.repeatContact.probability',
      label: 'repeat prob.',
      description: 'Probability that an unresolved case comes back as a repeat contact (handling.repeatContact.probability)',
      fraction: model.handling.repeatContact.probability,
    }),
  ];
}


// ---------------------------------------------------------------------------------------------------------
// Opening hours
// ---------------------------------------------------------------------------------------------------------

/**
 * Opening and closing time. The per-interval lists of the variant (the intraday profile, cases or agents per
 * interval) follow the new hours: intervals that stay keep their values, new ones take the nearest edge interval's,
 * and cases per interval are rescaled so that a day keeps its cases (callers call when it is open). With agent groups,
 * every group's agents per interval and every channel's lists follow too.
 */
function openingHoursKnobs(scope: KnobScope, model: ContactCentreModel): Knob[] {
  const { openSeconds, closeSeconds, intervalSeconds } = model.calendar;
  const intervalMinutes = intervalSeconds / 60;
  const bigStep = intervalMinutes * Math.max(1, Math.round(60 / intervalMinutes));
  const hours = (which: 'open' | 'close', value: number | null) => (s: LoadedScenario) => {
    const open = which === 'open' ? (value ?? openSeconds / 60) * 60 : openSeconds;
    const close = which === 'close' ? (value ?? closeSeconds / 60) * 60 : closeSeconds;
    const entries: [string, unknown][] = [[`calendar.${which}`, timeOfSeconds(which === 'open' ? open : close)]];
    const regrid = (list: readonly unknown[], keepTotal: boolean): unknown[] =>
      resizeToHours(list.map((n) => (typeof n === 'number' ? n : 0)), { openSeconds, intervalSeconds }, { openSeconds: open, closeSeconds: close }, keepTotal);
    for (const [path, keepTotal] of perIntervalLists(model)) {
      const list = scope.effective(path);
      if (Array.isArray(list) && list.length === model.calendar.intervalsPerDay) entries.push([path, regrid(list, keepTotal)]);
    }
    return scope.set(entries)(s);
  };
  const knob = (which: 'open' | 'close', seconds: number): Knob => ({
    id: `calendar.${which}`,
    label: which === 'open' ? 'opens' : 'closes',
    unit: '',
    kind: 'time',
    description: `${which === 'open' ? 'Opening' : 'Closing'} time, on the ${intervalMinutes}-minute grid; first contacts arrive while open and the day's cases are spread over the new hours (calendar.${which})`,
    value: seconds / 60,
    step: intervalMinutes,
    bigStep,
    min: 0,
    max: 24 * 60,
    apply: (s, value) => hours(which, value)(s),
  });
  return [knob('open', openSeconds), knob('close', closeSeconds)];
}

/** The per-interval lists of a variant that follow its opening hours, each with whether it keeps its day's total. */
function perIntervalLists(model: ContactCentreModel): (readonly [string, boolean])[] {
  const lists: (readonly [string, boolean])[] = [
    ['demand.intradayProfile', false],
    ['demand.casesPerInterval', true],
  ];
  if (model.network === undefined) return [...lists, ['staffing.agentsPerInterval', false]];
  for (const group of model.network.groups) lists.push([`${formatPath(['groups', group.name])}.staffing.agentsPerInterval`, false]);
  for (const channel of model.network.channels) {
    const at = formatPath(['channels', channel.name]);
    lists.push([`${at}.intradayProfile`, false], [`${at}.casesPerInterval`, true]);
  }
  return lists;
}

/**
 * A per-interval list of one day moved to new opening hours on the same interval grid: intervals inside both keep
 * their values, new ones repeat the nearest old edge value; with `keepTotal`, scaled back to the old total.
 * @example resizeToHours([1, 2, 3], { openSeconds: 28800, intervalSeconds: 3600 }, { openSeconds: 25200, closeSeconds: 36000 }, false) // [1, 1, 2]
 */
export function resizeToHours(
  values: readonly number[],
  from: { readonly openSeconds: number; readonly intervalSeconds: number },
  to: { readonly openSeconds: number; readonly closeSeconds: number },
  keepTotal: boolean,
): number[] {
  const count = Math.max(0, Math.round((to.closeSeconds - to.openSeconds) / from.intervalSeconds));
  if (values.length === 0) return [];
  const next = Array.from({ length: count }, (_, i) => {
    const old = Math.round((to.openSeconds + i * from.intervalSeconds - from.openSeconds) / from.intervalSeconds);
    return values[Math.min(values.length - 1, Math.max(0, old))] as number;
  });
  if (!keepTotal) return next;
  const before = values.reduce((sum, v) => sum + v, 0);
  const after = next.reduce((sum, v) => sum + v, 0);
  return after > 0 ? next.map((v) => round((v * before) / after, 6)) : next;
}


// ---------------------------------------------------------------------------------------------------------
// Prices
// ---------------------------------------------------------------------------------------------------------

/** The prices of the whole scenario that no agent group has its own of. */
function sharedPriceKnobs(scope: KnobScope, model: ContactCentreModel): Knob[] {
  const { costs } = model;
  return [
    moneyKnob(scope, model.currency, {
      path: 'costs.customerWaitMinute',
      label: 'wait cost/min',
      description: "Price of a caller's minute in the queue (the customer's time)",
      value: costs.perCustomerWaitMinute,
      fallbackStep: 0.1,
    }),
    moneyKnob(scope, model.currency, {
      path: 'costs.unresolvedCase',
      label: 'unresolved',
      description: 'Cost of a case given up or lost unresolved (a visit, a letter, a complaint)',
      value: costs.perUnresolvedCase,
    }),
  ];
}


/**
 * The value one step away in `direction` (+1 or −1), on the step's grid, within bounds; from none, the knob's start.
 * Stepping a knob with a none value past its maximum gives none (patience: 3600 s → ∞). A choice wraps around; a
 * time moves by whole steps without snapping.
 * @example steppedValue({ value: 263, step: 10, min: 0, max: 1000, … }, 1, false) // 270
 */
export function steppedValue(knob: Knob, direction: 1 | -1, big: boolean): number | null {
  if (knob.kind === 'choice') {
    const count = knob.max - knob.min + 1;
    return knob.min + ((((knob.value ?? knob.min) - knob.min + direction) % count) + count) % count;
  }
  const step = big ? knob.bigStep : knob.step;
  if (knob.value === null) {
    if (knob.noneText !== undefined && direction > 0) return null;
    return knob.startValue ?? knob.min;
  }
  if (knob.noneText !== undefined && direction > 0 && knob.value >= knob.max) return null;
  // Times move by whole steps from where they are (16:30 + 1 h is 17:30); other values snap to the step's grid.
  const units = knob.value / step;
  const next =
    knob.kind === 'time' ? knob.value + direction * step : direction > 0 ? (Math.floor(units + 1e-9) + 1) * step : (Math.ceil(units - 1e-9) - 1) * step;
  return round(Math.min(knob.max, Math.max(knob.min, next)), 6);
}

/** A typed value as understood: the value, and a note saying how the text was read when that was not obvious. */
export type ParsedKnobInput = { ok: true; value: number | null; note: string | null } | { ok: false; message: string };

/**
 * A typed value in the knob's terms:
 * - numbers with a unit sign or a decimal comma (`85%`, `72,5`, `120 s`);
 * - shares: `86`, `86%` and `0.86` are all 86 % — a number between 0 and 1 without a % sign is read as a fraction,
 *   since a share below 1 % is not a plausible setting (the note says so);
 * - times: `8`, `8:30`, `08:30`, `0830`;
 * - choices: a name or its start (`c`, `erlang-a`, `Erlang A`);
 * - none where the knob allows it (`∞`, `none`, `inf`, empty).
 * Returns an error message for anything else or out of bounds.
 */
export function parseKnobInput(knob: Knob, text: string): ParsedKnobInput {
  const raw = text.trim();
  if (knob.noneText !== undefined && /^(∞|none|inf|infinite|no|-|–|)$/i.test(raw)) return { ok: true, value: null, note: null };
  if (knob.kind === 'choice') return parseChoice(knob, raw);
  if (knob.kind === 'time') return parseTime(knob, raw);
  const hasPercent = /%\s*$/.test(raw);
  const trimmed = raw.replace(/\s*(%|s|sec|secs|seconds)$/i, '').replace(',', '.').replace(/(\d)[ _'](?=\d{3}\b)/g, '$1');
  let value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(value)) return { ok: false, message: `${knob.label}: expected a number${knob.unit === '' ? '' : ` in ${knob.unit}`} (got "${text}")` };
  let note: string | null = null;
  if (knob.kind === 'share' && !hasPercent) {
    if (value > 0 && value < 1) {
      note = `${trimmed} read as the share ${trimmed} = ${formatKnobValue(round(value * 100, 4))} %`;
      value = round(value * 100, 4);
    } else if (value === 1) {
      note = '1 read as 1 % (type 100 for all)';
    }
  }
  if (value < knob.min || value > knob.max) {
    return { ok: false, message: `${knob.label}: expected ${formatKnobValue(knob.min)} to ${formatKnobValue(knob.max)}${knob.unit === '' ? '' : ` ${knob.unit}`} (got ${text})` };
  }
  return { ok: true, value, note };
}

function parseChoice(knob: Knob, raw: string): ParsedKnobInput {
  const choices = knob.choices ?? [];
  const key = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');
  const wanted = key(raw);
  const exact = choices.findIndex((c) => key(c) === wanted || key(c).replace(/^erlang/, '') === wanted);
  const matches = choices.flatMap((c, i) => (key(c).startsWith(wanted) && wanted !== '' ? [i] : []));
  const index = exact >= 0 ? exact : matches.length === 1 ? (matches[0] as number) : -1;
  if (index < 0) return { ok: false, message: `${knob.label}: expected one of ${choices.join(', ')} (got "${raw}")` };
  return { ok: true, value: knob.min + index, note: null };
}

function parseTime(knob: Knob, raw: string): ParsedKnobInput {
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?$/.exec(raw);
  const minutes = match === null ? Number.NaN : Number(match[1]) * 60 + Number(match[2] ?? '0');
  if (!Number.isFinite(minutes) || Number(match?.[2] ?? '0') >= 60) return { ok: false, message: `${knob.label}: expected a time such as 08:00 (got "${raw}")` };
  if (minutes < knob.min || minutes > knob.max) return { ok: false, message: `${knob.label}: expected 00:00 to 24:00 (got ${raw})` };
  return { ok: true, value: minutes, note: null };
}


/** A value of this knob as shown (a time as HH:MM, a choice by name). */
export function knobValueText(knob: Knob, value: number | null): string {
  if (value === null) return knob.noneText ?? '–';
  if (knob.kind === 'time') return timeOfSeconds(value * 60);
  if (knob.kind === 'choice') return knob.choices?.[value - knob.min] ?? String(value);
  return formatKnobValue(value);
}

/** The knob's value as shown in the panel. */
export function knobText(knob: Knob): string {
  return knobValueText(knob, knob.value);
}

/** A value with the knob's unit, for messages: `86 %`, `180 s`, `08:30`, `Erlang C`, `∞`. */
export function knobValueWithUnit(knob: Knob, value: number | null): string {
  const text = knobValueText(knob, value);
  return value === null || knob.unit === '' || knob.unit === 'avg' ? text : `${text} ${knob.unit}`;
}

/** The text a prompt starts with for a knob: its value as it would be typed. */
export function knobInputText(knob: Knob): string {
  if (knob.value === null) return '';
  return knob.kind === 'time' || knob.kind === 'choice' ? knobText(knob) : String(knob.value);
}
