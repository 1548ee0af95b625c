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

/**
 * Checks a numeric flag as yargs parsed it (yargs turns `--agents abc` into NaN silently) and returns it,
 * or throws a UsageError that names the flag and says what was expected.
 * @example numberFlag('shrinkage', 0.3, { min: 0, max: 1, exclusiveMax: true }) // 0.3
 */
export function numberFlag(name: string, value: unknown, rule: NumberRule): number {
  const expected = describeRule(rule);
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new UsageError(`--${name}: expected ${expected} (got ${JSON.stringify(value) ?? 'nothing'})`);
  }
  const tooSmall = rule.min !== undefined && (rule.exclusiveMin === true ? value <= rule.min : value < rule.min);
  const tooLarge = rule.max !== undefined && (rule.exclusiveMax === true ? value >= rule.max : value > rule.max);
  if (!Number.isFinite(value) || tooSmall || tooLarge || (rule.integer === true && !Number.isInteger(value))) {
    throw new UsageError(`--${name}: expected ${expected} (got ${value})`);
  }
  return value;
}

/** Like numberFlag, for a flag that may be absent. */
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
