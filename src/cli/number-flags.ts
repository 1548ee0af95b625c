import { UsageError } from './usage-error.js';

/** What a numeric flag may hold. */
export interface NumberRule {
  /** Smallest allowed value (inclusive unless `exclusiveMin`). */
  readonly min?: number;
  readonly exclusiveMin?: boolean;
  /** Largest allowed value (inclusive unless `exclusiveMax`). */
  readonly max?: number;
  readonly exclusiveMax?: boolean;
  readonly integer?: boolean;
}

/** How a flag or variable is named in messages: `--agents`, or an environment variable as it is (`STAFFSIM_SEED`). */
function labelOf(name: string): string {
  return /^[A-Z0-9_]+$/.test(name) ? name : `--${name}`;
}

/**
 * The text of a flag given at most once, or null when absent. A flag given twice, or without a value, is a
 * usage error that names it.
 * @example flagText('variant', 'world-class') // 'world-class'
 */
export function flagText(name: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) throw new UsageError(`${labelOf(name)}: given ${value.length} times (${value.join(', ')}); give it once`);
  const text = typeof value === 'boolean' ? '' : String(value).trim();
  if (text === '') throw new UsageError(`${labelOf(name)}: expected a value`);
  return text;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Checks a numeric flag (or environment variable) — given as text, or as a number yargs parsed — and returns it,
 * or throws a UsageError that names the flag, says what was expected and quotes what was given.
 * @example numberFlag('shrinkage', '0.3', { min: 0, max: 1, exclusiveMax: true }) // 0.3
 * @example numberFlag('agents', 'abc', { min: 0, integer: true }) // throws "--agents: expected an integer ≥ 0 (got abc)"
 */
export function numberFlag(name: string, value: unknown, rule: NumberRule): number {
  const text = flagText(name, value);
  const expected = `expected ${describeRule(rule)}`;
  if (text === null) throw new UsageError(`${labelOf(name)}: ${expected}`);
  const number = typeof value === 'number' ? value : DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!withinRule(number, rule)) {
    throw new UsageError(`${labelOf(name)}: ${expected} (got ${text})`);
  }
  return number;
}

/** Like numberFlag, for a flag that may be absent (null then). */
export function optionalNumberFlag(name: string, value: unknown, rule: NumberRule): number | null {
  return value === undefined ? null : numberFlag(name, value, rule);
}

/** What a share or relative-change flag may hold (see `fractionFlag`). */
export interface FractionRule extends NumberRule {
  /** A share, at most 1: then a plain number above 1 and up to 100 is read as a percentage too (80 means 80%). */
  readonly share: boolean;
}

/**
 * A share or relative change, given as a fraction (`0.8`) or a percentage (`80%`); for a share, a plain number above 1
 * and up to 100 is a percentage too (`80`), since a share above 1 cannot be meant. Whenever a percentage was read,
 * `note` is told how, in one line ("--target-sl 80 read as 80% (0.8)"). Out of range: a UsageError that names the flag.
 *
 * @example fractionFlag('target-sl', '80%', { share: true, min: 0, max: 1 }, note) // 0.8, note('--target-sl 80% read as 0.8')
 * @example fractionFlag('tolerance', '2%', { share: false, min: 0 }) // 0.02
 */
export function fractionFlag(name: string, value: unknown, rule: FractionRule, note: (text: string) => void = () => undefined): number {
  const text = flagText(name, value);
  const percentSign = text !== null && text.endsWith('%');
  const number = typeof value === 'number' ? value : text === null ? Number.NaN : percentNumber(percentSign ? text.slice(0, -1) : text);
  const percent = percentSign || (rule.share && number > 1 && number <= 100);
  const fraction = percent ? Number((number / 100).toPrecision(12)) : number;
  if (!withinRule(fraction, rule)) {
    const example = rule.share ? 'a percentage such as 80 or 80%' : 'a percentage such as 5%';
    throw new UsageError(`${labelOf(name)}: expected ${describeRule(rule)}, or ${example} (got ${text ?? ''})`);
  }
  if (percent) note(`${labelOf(name)} ${text ?? ''} read as ${percentSign ? fraction : `${number}% (${fraction})`}`);
  return fraction;
}

/** A decimal number (not hexadecimal, not empty), or NaN. */
function percentNumber(text: string): number {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function withinRule(number: number, rule: NumberRule): boolean {
  const tooSmall = rule.min !== undefined && (rule.exclusiveMin === true ? number <= rule.min : number < rule.min);
  const tooLarge = rule.max !== undefined && (rule.exclusiveMax === true ? number >= rule.max : number > rule.max);
  const notInteger = rule.integer === true && !Number.isSafeInteger(number);
  return Number.isFinite(number) && !tooSmall && !tooLarge && !notInteger;
}

/** Like fractionFlag, for a flag that may be absent (null then). */
export function optionalFractionFlag(name: string, value: unknown, rule: FractionRule, note?: (text: string) => void): number | null {
  return value === undefined ? null : fractionFlag(name, value, rule, note);
}

function describeRule(rule: NumberRule): string {
  const kind = rule.integer === true ? 'an integer' : 'a number';
  const bounds: string[] = [];
  if (rule.min !== undefined) bounds.push(`${rule.exclusiveMin === true ? '>' : '≥'} ${rule.min}`);
  if (rule.max !== undefined) bounds.push(`${rule.exclusiveMax === true ? '<' : '≤'} ${rule.max}`);
  return bounds.length === 0 ? kind : `${kind} ${bounds.join(' and ')}`;
}
