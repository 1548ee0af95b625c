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
  const tooSmall = rule.min !== undefined && (rule.exclusiveMin === true ? number <= rule.min : number < rule.min);
  const tooLarge = rule.max !== undefined && (rule.exclusiveMax === true ? number >= rule.max : number > rule.max);
  const notInteger = rule.integer === true && !Number.isSafeInteger(number);
  if (!Number.isFinite(number) || tooSmall || tooLarge || notInteger) {
    throw new UsageError(`${labelOf(name)}: ${expected} (got ${text})`);
  }
  return number;
}

/** Like numberFlag, for a flag that may be absent (null then). */
export function optionalNumberFlag(name: string, value: unknown, rule: NumberRule): number | null {
  return value === undefined ? null : numberFlag(name, value, rule);
}

function describeRule(rule: NumberRule): string {
  const kind = rule.integer === true ? 'an integer' : 'a number';
  const bounds: string[] = [];
  if (rule.min !== undefined) bounds.push(`${rule.exclusiveMin === true ? '>' : '≥'} ${rule.min}`);
  if (rule.max !== undefined) bounds.push(`${rule.exclusiveMax === true ? '<' : '≤'} ${rule.max}`);
  return bounds.length === 0 ? kind : `${kind} ${bounds.join(' and ')}`;
}
