/**
 * What every knob of the parameters panel is made of: the `Knob` itself, the `KnobScope` it writes through (a variant,
 * or a part of it such as one agent group), and the builders several kinds of knob share (a share in percent, a
 * price, a distribution with a new mean).
 */
import type { Distribution } from '../../core/model/contact-centre-model.js';
import { meanOf } from '../../core/queueing/delay-kernel.js';
import { formatPath, getAt, parsePath, type Path } from '../../scenario/issues.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { withVariantValues } from '../../scenario/variant-override.js';
import { baseOf, mergeVariant, variantBlocks } from '../../scenario/variants.js';
import { formatNumber } from '../../report/format.js';

/** How a knob's value is typed and shown. */
export type KnobKind = 'number' | 'share' | 'time' | 'choice';

/** One adjustable value, in display units (percent for shares, seconds, agents, money, minutes after midnight). */
export interface Knob {
  /**
   * Stable id: the path it writes inside the variant, e.g. `handling.handleTime`, `shift:early`, or for a knob of an
   * agent group `groups.case-officers.staffing.agents`.
   */
  readonly id: string;
  /** At most {@link KNOB_LABEL_WIDTH} characters. */
  readonly label: string;
  /** At most 3 characters: `%`, `s`, `h`, the currency code, `avg`, or ''. */
  readonly unit: string;
  /** One line for the status bar: what it is and where it lives in the scenario. */
  readonly description: string;
  /**
   * Current value; null means "none" (infinite patience, no occupancy cap, an unlimited queue) or not set. Shares are
   * percent, times are minutes after midnight, choices are the index into `choices`.
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
  /** The agent group the knob belongs to (SPEC §7); absent for the whole scenario, or a scenario without groups. */
  readonly group?: string;
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
  /** Prepended to every path (`''` for the variant itself, `groups.case-officers.` for one of its groups). */
  readonly prefix: string;
  set(entries: readonly (readonly [string, unknown])[]): (scenario: LoadedScenario) => LoadedScenario;
  /** The value at `path` in the variant's document merged over the base, as the file writes it. */
  effective(path: string): unknown;
  /** The value at `path` in the base document (before the variant's changes), for writing what removes it. */
  base(path: string): unknown;
  /** Whether the file has variants (then a removed value is written as null, which removes the base's). */
  readonly hasVariants: boolean;
  /** The scope of a part of this one, e.g. `within(['groups', 'case-officers'])`. */
  within(path: Path): KnobScope;
}

/**
 * A knob's id inside its agent group (the same parameter of another group has the same one), else its id.
 * @example localKnobId({ id: 'groups.front-line.handling.handleTime', group: 'front-line', … }) // 'handling.handleTime'
 */
export function localKnobId(knob: Pick<Knob, 'id' | 'group'>): string {
  if (knob.group === undefined) return knob.id;
  const prefix = `${formatPath(['groups', knob.group])}.`;
  return knob.id.startsWith(prefix) ? knob.id.slice(prefix.length) : knob.id;
}

/** The scope of a whole variant (or, with `prefix`, of a part of it). */
export function variantScope(scenario: LoadedScenario, variantName: string, prefix: Path = []): KnobScope {
  const document = scenario.document as Record<string, unknown>;
  const block = variantBlocks(document).find((b) => b.name === variantName)?.block ?? {};
  const base = baseOf(document);
  const merged = mergeVariant(base, block).document;
  const hasVariants = typeof document === 'object' && document !== null && 'variants' in document;
  const scopeAt = (at: Path): KnobScope => {
    const text = at.length === 0 ? '' : `${formatPath(at)}.`;
    const read = (root: unknown, path: string): unknown => getAt(root, [...at, ...(parsePath(path) ?? [])]);
    return {
      variantName,
      prefix: text,
      set: (entries) => (s) => withVariantValues(s, variantName, entries.map(([path, value]) => [`${text}${path}`, value] as const)),
      effective: (path) => read(merged, path),
      base: (path) => read(base, path),
      hasVariants,
      within: (path) => scopeAt([...at, ...path]),
    };
  };
  return scopeAt(prefix);
}

/** What writes "none" at a path of the scope: null in a variant (it removes the base's value), else the key's removal. */
export function noneIn(scope: KnobScope): null | undefined {
  return scope.hasVariants ? null : undefined;
}

/** A share knob in percent (the file keeps a fraction at `path`); null writes none. */
export function shareKnob(
  scope: KnobScope,
  options: { path: string; label: string; description: string; fraction: number | null; min?: number; max?: number },
): Knob {
  return {
    id: `${scope.prefix}${options.path}`,
    label: options.label,
    unit: '%',
    kind: 'share',
    description: options.description,
    value: options.fraction === null ? null : round(options.fraction * 100, 4),
    step: 1,
    bigStep: 5,
    min: options.min ?? 0,
    max: options.max ?? 100,
    apply: (s, value) => scope.set([[options.path, value === null ? noneIn(scope) : round(value / 100, 6)]])(s),
  };
}

/**
 * The mean of a distribution at `path`, in seconds; its kind (and shape) kept.
 * @example meanSecondsKnob(scope, { path: 'handling.handleTime', label: 'handle time', what: 'Mean talk + wrap-up time', distribution, step: 10, bigStep: 60 })
 */
export function meanSecondsKnob(
  scope: KnobScope,
  options: { path: string; label: string; what: string; distribution: Distribution; step: number; bigStep: number },
): Knob {
  const { distribution } = options;
  return {
    id: `${scope.prefix}${options.path}`,
    label: options.label,
    unit: 's',
    description: `${options.what}, seconds (${scope.prefix}${options.path}, ${distribution.kind} kept)`,
    value: round(meanOf(distribution), 1),
    step: options.step,
    bigStep: options.bigStep,
    min: 1,
    max: 7200,
    apply: (s, value) => scope.set([[options.path, distributionWithMean(distribution, value ?? meanOf(distribution))]])(s),
  };
}

/**
 * A patience (mean seconds before a waiting caller hangs up, at `path`; its kind kept), which can be none (∞) when
 * `none` allows it. Setting none also writes Erlang C at each of `switched`, the Erlang A targets that would lose the
 * patience they need; a patience where there was none starts exponential.
 */
export function patienceKnob(
  scope: KnobScope,
  options: { path: string; label: string; description: string; patience: Distribution | null; none: boolean; switched: readonly string[] },
): Knob {
  const { path, patience, switched } = options;
  return {
    id: `${scope.prefix}${path}`,
    label: options.label,
    unit: 's',
    description: options.description,
    value: patience === null ? null : round(meanOf(patience), 1),
    step: 10,
    bigStep: 60,
    min: 1,
    max: 3600,
    ...(options.none ? { noneText: '∞', startValue: 3600 } : {}),
    apply: (s, value) => {
      // Erlang A models callers who hang up: without a patience a target is staffed by Erlang C.
      if (value === null) return scope.set([[path, noneIn(scope)], ...switched.map((target) => [target, 'erlang-c'] as const)])(s);
      const base: Distribution = patience ?? { kind: 'exponential', meanSeconds: value };
      return scope.set([[path, distributionWithMean(base, value)]])(s);
    },
  };
}

/** A price knob (at `path`, in `currency`, the first three letters as its unit); its steps follow its size. */
export function moneyKnob(
  scope: KnobScope,
  currency: string,
  options: { path: string; label: string; description: string; value: number; fallbackStep?: number },
): Knob {
  const { value } = options;
  const fallbackStep = options.fallbackStep ?? 1;
  return {
    id: `${scope.prefix}${options.path}`,
    label: options.label,
    unit: currency.slice(0, 3),
    description: `${options.description}, ${currency} (${scope.prefix}${options.path})`,
    value: round(value, 2),
    step: niceStep(value * 0.05, fallbackStep),
    bigStep: niceStep(value * 0.25, fallbackStep * 10),
    min: 0,
    max: 1e9,
    apply: (s, next) => scope.set([[options.path, round(next ?? value, 2)]])(s),
  };
}

/** A knob value as shown: thousands separators, at most two decimals (none from 10,000), no trailing zeros. @example formatKnobValue(53) // '53' */
export function formatKnobValue(value: number | null, noneText = '–'): string {
  if (value === null) return noneText;
  const decimals = Number.isInteger(value) || Math.abs(value) >= 10_000 ? 0 : Number.isInteger(round(value * 10, 6)) ? 1 : 2;
  return formatNumber(value, decimals);
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
export function listAt(scope: KnobScope, path: string): unknown[] {
  const list = scope.effective(path);
  return Array.isArray(list) ? list : [];
}

/** `value` rounded to `decimals` decimals. @example round(2.345, 1) // 2.3 */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
