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
 * Distributions keep their kind; only the mean changes (a uniform or empirical one is scaled).
 *
 * Every knob writes through a {@link KnobScope}: the paths it sets are relative to the scope, so the same builders
 * can later serve a part of a variant (an agent group) by giving them a scope with a prefix.
 */
import type { ContactCentreModel, Distribution, StaffingPlan } from '../../core/model/contact-centre-model.js';
import { meanOf } from '../../core/queueing/delay-kernel.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { timeOfSeconds } from '../../scenario/time-of-day.js';
import { withVariantValues } from '../../scenario/variant-override.js';
import { baseOf, mergeVariant, variantBlocks } from '../../scenario/variants.js';
import { formatNumber } from '../../report/format.js';

/** How a knob's value is typed and shown. */
export type KnobKind = 'number' | 'share' | 'time' | 'choice';

/** One adjustable value, in display units (percent for shares, seconds, agents, money, minutes after midnight). */
export interface Knob {
  /** Stable id, e.g. `handling.handleTime` or `shift:early`. */
  readonly id: string;
  /** At most {@link KNOB_LABEL_WIDTH} characters. */
  readonly label: string;
  /** At most 3 characters: `%`, `s`, the currency code, `avg`, or ''. */
  readonly unit: string;
  /** One line for the status bar: what it is and where it lives in the scenario. */
  readonly description: string;
  /**
   * Current value; null means "none" (infinite patience, no occupancy cap) or not set. Shares are percent, times are
   * minutes after midnight, choices are the index into `choices`.
   */
  readonly value: number | null;
  /** Small and large steps (←/→ and shift+←/→). */
  readonly step: number;
  readonly bigStep: number;
  readonly min: number;
  readonly max: number;
  /** How the value is typed and shown (default 'number'). */
  readonly kind?: KnobKind;
  /** For kind 'choice': the names of the values, in order (the value is an index). */
  readonly choices?: readonly string[];
  /** What null means, when the knob can be set to none (e.g. patience: "∞"). */
  readonly noneText?: string;
  /** Where stepping from null starts. */
  readonly startValue?: number;
  /** The scenario with this knob at `value` (display units; null = none). @throws InputError for a bad value */
  apply(scenario: LoadedScenario, value: number | null): LoadedScenario;
  /** What else setting `value` changes or means, for the status line; null when there is nothing to add. */
  explain?(value: number | null): string | null;
}

/** The widest knob label, so that the panel fits an 80-column terminal beside the comparison. */
export const KNOB_LABEL_WIDTH = 13;

/**
 * Where knobs write: one variant (and, for a part of it such as an agent group, a path prefix). `set` writes values
 * at paths relative to the scope, validated together; `effective` reads the variant's merged document.
 */
export interface KnobScope {
  readonly variantName: string;
  /** Prepended to every path (`''` for the variant itself). */
  readonly prefix: string;
  set(entries: readonly (readonly [string, unknown])[]): (scenario: LoadedScenario) => LoadedScenario;
  /** The value at `path` in the variant's document merged over the base, as the file writes it. */
  effective(path: string): unknown;
  /** Whether the file has variants (then a removed value is written as null, which removes the base's). */
  readonly hasVariants: boolean;
}

/** The scope of a whole variant. */
export function variantScope(scenario: LoadedScenario, variantName: string, prefix = ''): KnobScope {
  const document = scenario.document as Record<string, unknown>;
  const block = variantBlocks(document).find((b) => b.name === variantName)?.block ?? {};
  const merged = mergeVariant(baseOf(document), block).document;
  return {
    variantName,
    prefix,
    set: (entries) => (s) => withVariantValues(s, variantName, entries.map(([path, value]) => [`${prefix}${path}`, value] as const)),
    effective: (path) => valueAt(merged, `${prefix}${path}`),
    hasVariants: typeof document === 'object' && document !== null && 'variants' in document,
  };
}

/** The knobs of one variant, in panel order. @throws Error when the variant does not exist */
export function knobsFor(scenario: LoadedScenario, variantName: string): Knob[] {
  const variant = scenario.variants.find((v) => v.name === variantName);
  if (variant === undefined) throw new Error(`no variant named "${variantName}"`);
  const { model } = variant;
  const scope = variantScope(scenario, variantName);
  return [
    ...staffingKnobs(scope, model.staffing, model.customers.patience !== null),
    demandKnob(scope, model),
    ...handlingKnobs(scope, model),
    ...customerKnobs(scope, model),
    shareKnob(scope, {
      id: 'staffing.shrinkage',
      label: 'shrinkage',
      description: 'Share of paid time off the phones: absence, training, meetings (staffing.shrinkage)',
      fraction: model.staffing.shrinkage,
      max: 95,
    }),
    ...openingHoursKnobs(scope, model),
    ...costKnobs(scope, model),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Staffing
// ---------------------------------------------------------------------------------------------------------

/** The methods the explorer can compute at once (ISA is simulation-based: `staffsim plan` runs it). */
const ANALYTIC_METHODS = ['erlang-c', 'erlang-a'] as const;
const METHOD_NAMES: Record<string, string> = { 'erlang-c': 'Erlang C', 'erlang-a': 'Erlang A', isa: 'ISA' };

function staffingKnobs(scope: KnobScope, staffing: StaffingPlan, hasPatience: boolean): Knob[] {
  switch (staffing.kind) {
    case 'target': {
      const target = staffing.target;
      const methods: readonly string[] = target.method === 'isa' ? [...ANALYTIC_METHODS, 'isa'] : ANALYTIC_METHODS;
      return [
        {
          ...shareKnob(scope, {
            id: 'staffing.target.serviceLevel',
            label: 'SL target',
            description: `Service-level target: share answered within ${target.answerWithinSeconds} s; agents are solved per interval (staffing.target.serviceLevel)`,
            fraction: target.serviceLevel,
            min: 1,
            max: 99,
          }),
          startValue: 80,
        },
        {
          id: 'staffing.target.answerWithinSeconds',
          label: 'target within',
          unit: 's',
          description: 'Answer-within time of the service-level target, seconds (staffing.target.answerWithinSeconds)',
          value: target.answerWithinSeconds,
          step: 5,
          bigStep: 20,
          min: 0,
          max: 600,
          apply: (s, value) => scope.set([['staffing.target.answerWithinSeconds', value ?? target.answerWithinSeconds]])(s),
        },
        {
          ...shareKnob(scope, {
            id: 'staffing.target.maxOccupancy',
            label: 'max occupancy',
            description: 'Highest share of on-phone time agents may be busy; none = no cap (staffing.target.maxOccupancy)',
            fraction: target.maxOccupancy,
            min: 1,
            max: 100,
          }),
          noneText: 'none',
          startValue: 85,
        },
        {
          id: 'staffing.target.method',
          label: 'method',
          unit: '',
          kind: 'choice',
          choices: methods.map((m) => METHOD_NAMES[m] ?? m),
          description:
            'How agents are solved: Erlang A counts callers who hang up (needs a patience), Erlang C assumes nobody does (staffing.target.method)',
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
          id: 'staffing.agents',
          label: 'phone agents',
          unit: '',
          description: 'Agents on the phones in every interval; paid hours = on-phone hours / (1 − shrinkage) (staffing.agents)',
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
        id: `shift:${shift.name}`,
        label: labels[i] ?? shift.name,
        unit: '',
        description: `Paid agents on shift "${shift.name}" (staffing.shifts[${i}].agents; the variant gets the whole list)`,
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
          id: 'staffing.agentsPerInterval',
          label: 'agents (mean)',
          unit: 'avg',
          description: 'Mean agents on the phones per interval; a step adds or removes one agent in every interval (staffing.agentsPerInterval)',
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

function handlingKnobs(scope: KnobScope, model: ContactCentreModel): Knob[] {
  const handle = model.handling.handleTime;
  return [
    {
      id: 'handling.handleTime',
      label: 'handle time',
      unit: 's',
      description: `Mean talk + wrap-up time, seconds (handling.handleTime, ${handle.kind} kept)`,
      value: round(meanOf(handle), 1),
      step: 10,
      bigStep: 60,
      min: 1,
      max: 7200,
      apply: (s, value) => scope.set([['handling.handleTime', distributionWithMean(handle, value ?? meanOf(handle))]])(s),
    },
    shareKnob(scope, {
      id: 'handling.firstContactResolution',
      label: '1st-call res.',
      description: 'First-contact resolution: share of answered contacts that resolve the case (handling.firstContactResolution)',
      fraction: model.handling.firstContactResolution,
    }),
  ];
}

function customerKnobs(scope: KnobScope, model: ContactCentreModel): Knob[] {
  const patience = model.customers.patience;
  const staffing = model.staffing;
  const method = staffing.kind === 'target' ? scope.effective('staffing.target.method') : undefined;
  return [
    {
      id: 'customers.patience',
      label: 'patience',
      unit: 's',
      description: `Mean time a caller waits before hanging up, seconds; ∞ = nobody abandons (customers.patience${patience === null ? '' : `, ${patience.kind} kept`})`,
      value: patience === null ? null : round(meanOf(patience), 1),
      step: 10,
      bigStep: 60,
      min: 1,
      max: 3600,
      noneText: '∞',
      startValue: 3600,
      apply: (s, value) => {
        if (value === null) {
          // Erlang A models callers who hang up: without a patience the target is staffed by Erlang C.
          const entries: [string, unknown][] = [['customers.patience', scope.hasVariants ? null : undefined]];
          if (method === 'erlang-a') entries.push(['staffing.target.method', 'erlang-c']);
          return scope.set(entries)(s);
        }
        const base: Distribution = patience ?? { kind: 'exponential', meanSeconds: value };
        return scope.set([['customers.patience', distributionWithMean(base, value)]])(s);
      },
      explain: (value) => {
        if (value === null && method === 'erlang-a') return 'nobody hangs up now, so the target is staffed by Erlang C instead of Erlang A';
        if (value !== null && patience === null && method === 'erlang-c') return 'the target is still staffed by Erlang C (no abandonment); the method knob switches to Erlang A';
        return null;
      },
    },
    shareKnob(scope, {
      id: 'customers.redial.probability',
      label: 'redial prob.',
      description: 'Probability that a caller who abandoned calls again (customers.redial.probability)',
      fraction: model.customers.redial.probability,
    }),
    shareKnob(scope, {
      id: 'handling.repeatContact.probability',
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
 * and cases per interval are rescaled so that a day keeps its cases (callers call when it is open).
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
    for (const [path, keepTotal] of [
      ['demand.intradayProfile', false],
      ['demand.casesPerInterval', true],
      ['staffing.agentsPerInterval', false],
    ] as const) {
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

function costKnobs(scope: KnobScope, model: ContactCentreModel): Knob[] {
  const currency = model.currency.slice(0, 3);
  const { costs } = model;
  const money = (path: string, label: string, description: string, value: number, fallbackStep = 1): Knob => ({
    id: path,
    label,
    unit: currency,
    description: `${description}, ${model.currency} (${path})`,
    value: round(value, 2),
    step: niceStep(value * 0.05, fallbackStep),
    bigStep: niceStep(value * 0.25, fallbackStep * 10),
    min: 0,
    max: 1e9,
    apply: (s, next) => scope.set([[path, round(next ?? value, 2)]])(s),
  });
  return [
    money('costs.agentHour', 'agent hour', 'Cost per paid agent hour, fully loaded', costs.perPaidAgentHour),
    money('costs.overtimeHour', 'overtime hour', 'Cost per overtime hour: calls finished after a shift or after closing', costs.perOvertimeHour),
    money('costs.customerWaitMinute', 'wait cost/min', "Price of a caller's minute in the queue (the customer's time)", costs.perCustomerWaitMinute, 0.1),
    money('costs.unresolvedCase', 'unresolved', 'Cost of a case given up or lost unresolved (a visit, a letter, a complaint)', costs.perUnresolvedCase),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Knob helpers
// ---------------------------------------------------------------------------------------------------------

/** A share knob in percent (the file keeps a fraction); null writes none. */
function shareKnob(
  scope: KnobScope,
  options: { id: string; label: string; description: string; fraction: number | null; min?: number; max?: number },
): Knob {
  return {
    id: options.id,
    label: options.label,
    unit: '%',
    kind: 'share',
    description: options.description,
    value: options.fraction === null ? null : round(options.fraction * 100, 4),
    step: 1,
    bigStep: 5,
    min: options.min ?? 0,
    max: options.max ?? 100,
    apply: (s, value) => scope.set([[options.id, value === null ? (scope.hasVariants ? null : undefined) : round(value / 100, 6)]])(s),
  };
}

/**
 * Labels of at most `width` characters that stay distinct. A name that fits keeps `prefix` when that fits too; a longer
 * one loses its end ("switchboa…"). Names that this makes alike are shortened together in the first way that tells
 * them all apart: losing their start ("…-b1030-mon"), their middle ("full-0…30-mon"), or the start they share plus
 * their middle ("…700-15…0-mon"); what is still alike gets a number.
 * @example distinctLabels(['full-0700-1500-b1000', 'full-0700-1500-b1030-mon'], 13, 'shift ') // ['…0-1500-b1000', '…00-b1030-mon']
 */
export function distinctLabels(names: readonly string[], width: number, prefix = ''): string[] {
  const chars = (text: string): number => [...text].length;
  const labels = names.map((name) => (chars(`${prefix}${name}`) <= width ? `${prefix}${name}` : cutEnd(name, width)));
  const ways: ((group: readonly number[]) => (i: number) => string)[] = [
    () => (i) => cutStart(names[i] ?? '', width),
    () => (i) => cutMiddle(names[i] ?? '', width),
    (group) => {
      const shared = commonPrefixLength(group.map((i) => names[i] ?? ''));
      return (i) => `…${cutMiddle([...(names[i] ?? '')].slice(shared).join(''), width - 1)}`;
    },
  ];
  const groups = new Map<string, number[]>();
  labels.forEach((label, i) => groups.set(label, [...(groups.get(label) ?? []), i]));
  for (const group of groups.values()) {
    if (group.length <= 1) continue;
    const others = new Set(labels.filter((_, i) => !group.includes(i)));
    const candidates = ways.map((way) => {
      const shorten = way(group);
      return group.map((i) => shorten(i));
    });
    const distinct = (candidate: readonly string[]): number => new Set(candidate.filter((label) => !others.has(label))).size;
    const chosen = candidates.find((candidate) => distinct(candidate) === group.length) ?? candidates.reduce((best, c) => (distinct(c) > distinct(best) ? c : best));
    group.forEach((i, k) => (labels[i] = chosen[k] as string));
  }
  // Numbers for whatever is still alike, checked against every label so that none collides.
  const taken = new Set(labels);
  for (let i = 0; i < labels.length; i++) {
    const base = labels[i] as string;
    const alike = labels.flatMap((label, j) => (j > i && label === base ? [j] : []));
    let n = 1;
    for (const j of alike) {
      let label = base;
      do label = `${cutEnd(base, width - String(++n).length - 1)}#${n}`;
      while (taken.has(label));
      labels[j] = label;
      taken.add(label);
    }
  }
  return labels;
}

/** `text` in at most `width` characters, its start replaced by an ellipsis. @example cutStart('full-0700-1500-b1030', 8) // '…0-b1030' */
export function cutStart(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(-width).join('') : `…${chars.slice(chars.length - width + 1).join('')}`;
}

/** The length of the start that all `texts` share, in code points. */
function commonPrefixLength(texts: readonly string[]): number {
  const chars = texts.map((text) => [...text]);
  const shortest = Math.min(...chars.map((c) => c.length));
  let n = 0;
  while (n < shortest && chars.every((c) => c[n] === chars[0]?.[n])) n++;
  return n;
}

/** `text` in at most `width` characters, its end replaced by an ellipsis. @example cutEnd('switchboard', 8) // 'switchb…' */
export function cutEnd(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(0, width).join('') : `${chars.slice(0, width - 1).join('')}…`;
}

/** `text` in at most `width` characters, cut in the middle with an ellipsis. @example cutMiddle('abcdefghij', 7) // 'abc…hij' */
export function cutMiddle(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, width).join('');
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(-tail).join('') : ''}`;
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

/** A knob value as shown: thousands separators, at most two decimals (none from 10,000), no trailing zeros. @example formatKnobValue(53) // '53' */
export function formatKnobValue(value: number | null, noneText = '–'): string {
  if (value === null) return noneText;
  const decimals = Number.isInteger(value) || Math.abs(value) >= 10_000 ? 0 : Number.isInteger(round(value * 10, 6)) ? 1 : 2;
  return formatNumber(value, decimals);
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

/** The largest 1, 2 or 5 × 10ⁿ not above `x`; `fallback` when x is 0. @example niceStep(13) // 10 */
export function niceStep(x: number, fallback: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return fallback;
  const power = 10 ** Math.floor(Math.log10(x));
  const mantissa = x / power;
  return round((mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1) * power, 10);
}

/**
 * A distribution in the scenario's own form (`{ distribution: kind, … }`), of the same kind, with a new mean in
 * seconds. Uniform bounds and empirical samples are scaled by the ratio of the means.
 * @example distributionWithMean({ kind: 'lognormal', meanSeconds: 240, cv: 1 }, 300) // { distribution: 'lognormal', meanSeconds: 300, cv: 1 }
 */
export function distributionWithMean(distribution: Distribution, mean: number): Record<string, unknown> {
  const ratio = meanOf(distribution) > 0 ? mean / meanOf(distribution) : 1;
  switch (distribution.kind) {
    case 'exponential':
      return { distribution: 'exponential', meanSeconds: mean };
    case 'lognormal':
    case 'gamma':
      return { distribution: distribution.kind, meanSeconds: mean, cv: distribution.cv };
    case 'erlang':
      return { distribution: 'erlang', meanSeconds: mean, k: distribution.k };
    case 'fixed':
      return { distribution: 'fixed', seconds: mean };
    case 'uniform':
      return { distribution: 'uniform', minSeconds: round(distribution.minSeconds * ratio, 3), maxSeconds: round(distribution.maxSeconds * ratio, 3) };
    case 'empirical':
      return { distribution: 'empirical', seconds: distribution.seconds.map((s) => round(s * ratio, 3)) };
  }
}

/** A list in the scope's merged document (for writing the whole list back), or empty. */
function listAt(scope: KnobScope, path: string): unknown[] {
  const list = scope.effective(path);
  return Array.isArray(list) ? list : [];
}

/** The value at a dotted path of plain mappings, or undefined. */
function valueAt(document: unknown, path: string): unknown {
  let node: unknown = document;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
