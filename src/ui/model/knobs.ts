/**
 * The knobs of the parameters panel: for one variant, the values a manager turns, each with its unit, its steps and
 * how it is written back into the scenario (through `withVariantValue`, so every change is validated like a file).
 *
 * Staffing shows the form the variant uses:
 * - `target`: the service-level target and its answer-within time;
 * - `agents`: the agents on the phones;
 * - `shifts`: the agents of each shift (one knob per shift; the whole list is written back, because a variant's
 *   list replaces the base's);
 * - `agentsPerInterval`: the mean agents per interval; a step adds or removes one agent in every interval.
 *
 * Distributions keep their kind; only the mean changes (a uniform or empirical one is scaled).
 */
import type { Distribution, StaffingPlan } from '../../core/model/contact-centre-model.js';
import { meanOf } from '../../core/queueing/delay-kernel.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { withVariantValue } from '../../scenario/variant-override.js';
import { baseOf, mergeVariant, variantBlocks } from '../../scenario/variants.js';
import { formatNumber } from '../../report/format.js';

/** One adjustable value, in display units (percent for shares, seconds, agents, money). */
export interface Knob {
  /** Stable id, e.g. `handling.handleTime` or `shift:early`. */
  readonly id: string;
  /** At most 16 characters. */
  readonly label: string;
  /** At most 3 characters: `%`, `s`, the currency code, `avg`, or ''. */
  readonly unit: string;
  /** One line for the status bar: what it is and where it lives in the scenario. */
  readonly description: string;
  /** Current value; null means "none" (infinite patience) or not set. */
  readonly value: number | null;
  /** Small and large steps (←/→ and shift+←/→). */
  readonly step: number;
  readonly bigStep: number;
  readonly min: number;
  readonly max: number;
  /** What null means, when the knob can be set to none (e.g. patience: "∞"). */
  readonly noneText?: string;
  /** Where stepping from null starts. */
  readonly startValue?: number;
  /** The scenario with this knob at `value` (display units; null = none). @throws InputError for a bad value */
  apply(scenario: LoadedScenario, value: number | null): LoadedScenario;
}

/** The knobs of one variant, in panel order. @throws Error when the variant does not exist */
export function knobsFor(scenario: LoadedScenario, variantName: string): Knob[] {
  const variant = scenario.variants.find((v) => v.name === variantName);
  if (variant === undefined) throw new Error(`no variant named "${variantName}"`);
  const { model } = variant;
  const set = (path: string, value: unknown) => (s: LoadedScenario) => withVariantValue(s, variantName, path, value);
  const share = (value: number | null) => (value === null ? null : round(value / 100, 6));
  const knobs: Knob[] = [...staffingKnobs(model.staffing, scenario, variantName)];

  const handle = model.handling.handleTime;
  knobs.push({
    id: 'handling.handleTime',
    label: 'handle time',
    unit: 's',
    description: `Mean talk + wrap-up time, seconds (handling.handleTime, ${handle.kind} kept)`,
    value: round(meanOf(handle), 1),
    step: 10,
    bigStep: 60,
    min: 1,
    max: 7200,
    apply: (s, value) => set('handling.handleTime', distributionWithMean(handle, value ?? meanOf(handle)))(s),
  });
  knobs.push({
    id: 'handling.firstContactResolution',
    label: '1st-contact res.',
    unit: '%',
    description: 'Share of answered contacts that resolve the case (handling.firstContactResolution)',
    value: percent(model.handling.firstContactResolution),
    step: 1,
    bigStep: 5,
    min: 0,
    max: 100,
    apply: (s, value) => set('handling.firstContactResolution', share(value))(s),
  });
  const patience = model.customers.patience;
  knobs.push({
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
      if (value === null) return set('customers.patience', hasVariants(s) ? null : undefined)(s);
      const base: Distribution = patience ?? { kind: 'exponential', meanSeconds: value };
      return set('customers.patience', distributionWithMean(base, value))(s);
    },
  });
  knobs.push({
    id: 'customers.redial.probability',
    label: 'redial prob.',
    unit: '%',
    description: 'Probability that a caller who abandoned calls again (customers.redial.probability)',
    value: percent(model.customers.redial.probability),
    step: 1,
    bigStep: 5,
    min: 0,
    max: 100,
    apply: (s, value) => set('customers.redial.probability', share(value))(s),
  });
  knobs.push({
    id: 'handling.repeatContact.probability',
    label: 'repeat prob.',
    unit: '%',
    description: 'Probability that an unresolved case comes back as a repeat contact (handling.repeatContact.probability)',
    value: percent(model.handling.repeatContact.probability),
    step: 1,
    bigStep: 5,
    min: 0,
    max: 100,
    apply: (s, value) => set('handling.repeatContact.probability', share(value))(s),
  });
  knobs.push({
    id: 'staffing.shrinkage',
    label: 'shrinkage',
    unit: '%',
    description: 'Share of paid time off the phones: absence, training, meetings (staffing.shrinkage)',
    value: percent(model.staffing.shrinkage),
    step: 1,
    bigStep: 5,
    min: 0,
    max: 95,
    apply: (s, value) => set('staffing.shrinkage', share(value))(s),
  });
  const currency = model.currency.slice(0, 3);
  knobs.push(moneyKnob('costs.agentHour', 'agent hour', `Cost per paid agent hour, fully loaded, ${model.currency} (costs.agentHour)`, model.costs.perPaidAgentHour, currency, set));
  knobs.push(
    moneyKnob('costs.unresolvedCase', 'unresolved case', `Cost of a case given up or lost unresolved, ${model.currency} (costs.unresolvedCase)`, model.costs.perUnresolvedCase, currency, set),
  );
  return knobs;
}

function staffingKnobs(staffing: StaffingPlan, scenario: LoadedScenario, variantName: string): Knob[] {
  const set = (path: string, value: unknown) => (s: LoadedScenario) => withVariantValue(s, variantName, path, value);
  switch (staffing.kind) {
    case 'target': {
      const target = staffing.target;
      return [
        {
          id: 'staffing.target.serviceLevel',
          label: 'SL target',
          unit: '%',
          description: `Service-level target: share answered within ${target.answerWithinSeconds} s; agents are solved per interval (staffing.target.serviceLevel)`,
          value: target.serviceLevel === null ? null : percent(target.serviceLevel),
          step: 1,
          bigStep: 5,
          min: 1,
          max: 99,
          startValue: 80,
          apply: (s, value) => set('staffing.target.serviceLevel', value === null ? null : round(value / 100, 6))(s),
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
          apply: (s, value) => set('staffing.target.answerWithinSeconds', value ?? target.answerWithinSeconds)(s),
        },
      ];
    }
    case 'agents':
      return [
        {
          id: 'staffing.agents',
          label: 'agents on phone',
          unit: '',
          description: 'Agents on the phones in every interval; paid hours = on-phone hours / (1 − shrinkage) (staffing.agents)',
          value: staffing.agents,
          step: 1,
          bigStep: 5,
          min: 0,
          max: 100_000,
          apply: (s, value) => set('staffing.agents', Math.round(value ?? staffing.agents))(s),
        },
      ];
    case 'shifts': {
      const shifts = effectiveList(scenario, variantName, 'shifts');
      return staffing.shifts.map((shift, i): Knob => ({
        id: `shift:${shift.name}`,
        label: `shift ${shift.name}`.slice(0, 16),
        unit: '',
        description: `Paid agents on shift "${shift.name}" (staffing.shifts[${i}].agents; the variant gets the whole list)`,
        value: shift.agents,
        step: 1,
        bigStep: 5,
        min: 0,
        max: 100_000,
        apply: (s, value) => {
          const list = shifts.map((entry, j) => (j === i ? { ...(entry as Record<string, unknown>), agents: Math.round(value ?? shift.agents) } : entry));
          return set('staffing.shifts', list)(s);
        },
      }));
    }
    case 'agentsPerInterval': {
      const list = staffing.agentsPerInterval;
      const mean = list.reduce((sum, n) => sum + n, 0) / Math.max(1, list.length);
      return [
        {
          id: 'staffing.agentsPerInterval',
          label: 'agents/interval',
          unit: 'avg',
          description: 'Mean agents on the phones per interval; a step adds or removes one agent in every interval (staffing.agentsPerInterval)',
          value: round(mean, 1),
          step: 1,
          bigStep: 5,
          min: 0,
          max: 100_000,
          apply: (s, value) => {
            const offset = Math.round((value ?? mean) - mean);
            return set('staffing.agentsPerInterval', list.map((n) => Math.max(0, n + offset)))(s);
          },
        },
      ];
    }
  }
}

type Setter = (path: string, value: unknown) => (s: LoadedScenario) => LoadedScenario;

function moneyKnob(path: string, label: string, description: string, value: number, unit: string, set: Setter): Knob {
  return {
    id: path,
    label,
    unit,
    description,
    value: round(value, 2),
    step: niceStep(value * 0.05, 1),
    bigStep: niceStep(value * 0.25, 10),
    min: 0,
    max: 1e9,
    apply: (s, next) => set(path, round(next ?? value, 2))(s),
  };
}

/**
 * The value one step away in `direction` (+1 or −1), on the step's grid, within bounds; from none, the knob's start.
 * Stepping a knob with a none value past its maximum gives none (patience: 3600 s → ∞).
 * @example steppedValue({ value: 263, step: 10, min: 0, max: 1000, … }, 1, false) // 270
 */
export function steppedValue(knob: Knob, direction: 1 | -1, big: boolean): number | null {
  const step = big ? knob.bigStep : knob.step;
  if (knob.value === null) {
    if (knob.noneText !== undefined && direction > 0) return null;
    return knob.startValue ?? knob.min;
  }
  if (knob.noneText !== undefined && direction > 0 && knob.value >= knob.max) return null;
  const units = knob.value / step;
  const next = direction > 0 ? (Math.floor(units + 1e-9) + 1) * step : (Math.ceil(units - 1e-9) - 1) * step;
  return round(Math.min(knob.max, Math.max(knob.min, next)), 6);
}

/**
 * A typed value: a number in the knob's unit (a `%` sign and a decimal comma are allowed), or none where the knob
 * allows it (`∞`, `none`, `inf`, empty). Returns an error message for anything else or out of bounds.
 */
export function parseKnobInput(knob: Knob, text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/\s*(%|s|sec|seconds)$/i, '').replace(',', '.');
  if (knob.noneText !== undefined && /^(∞|none|inf|infinite|)$/i.test(trimmed)) return { ok: true, value: null };
  const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(value)) return { ok: false, message: `${knob.label}: expected a number${knob.unit === '' ? '' : ` in ${knob.unit}`} (got "${text}")` };
  if (value < knob.min || value > knob.max) {
    return { ok: false, message: `${knob.label}: expected ${formatKnobValue(knob.min)} to ${formatKnobValue(knob.max)}${knob.unit === '' ? '' : ` ${knob.unit}`} (got ${text})` };
  }
  return { ok: true, value };
}

/** A knob value as shown: thousands separators, at most two decimals, no trailing zeros. @example formatKnobValue(53) // '53' */
export function formatKnobValue(value: number | null, noneText = '–'): string {
  if (value === null) return noneText;
  const decimals = Number.isInteger(value) ? 0 : Number.isInteger(round(value * 10, 6)) ? 1 : 2;
  return formatNumber(value, decimals);
}

/** The knob's value as shown in the panel. */
export function knobText(knob: Knob): string {
  return formatKnobValue(knob.value, knob.noneText ?? '–');
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

/** A list of the variant's staffing section as its merged document has it (for writing the whole list back). */
function effectiveList(scenario: LoadedScenario, variantName: string, key: 'shifts' | 'agentsPerInterval'): unknown[] {
  const document = scenario.document as Record<string, unknown>;
  const block = variantBlocks(document).find((b) => b.name === variantName)?.block ?? {};
  const merged = mergeVariant(baseOf(document), block).document;
  const staffing = merged['staffing'] as Record<string, unknown> | undefined;
  const list = staffing?.[key];
  return Array.isArray(list) ? list : [];
}

function hasVariants(scenario: LoadedScenario): boolean {
  const document = scenario.document;
  return typeof document === 'object' && document !== null && 'variants' in document;
}

function percent(fraction: number): number {
  return round(fraction * 100, 4);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
