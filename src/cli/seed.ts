import { flagText } from './number-flags.js';
import { UsageError } from './usage-error.js';

/** The largest seed: every whole number up to it is exact in a double. */
const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * A seed written as the command line or the environment gives it: decimal digits only, 0 to 2^53 − 1. Hex (`0x10`),
 * signs, exponents, fractions and blanks are refused rather than read some other way.
 * @throws UsageError naming the flag or variable and quoting what was given
 * @example parseSeed('--seed', '20261127') // 20261127
 * @example parseSeed('STAFFSIM_SEED', '0x10') // throws "STAFFSIM_SEED: expected a whole number 0 … 9007199254740991 in decimal digits (got 0x10)"
 */
export function parseSeed(name: string, text: string): number {
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > MAX_SEED) {
    throw new UsageError(`${name}: expected a whole number 0 … ${MAX_SEED} in decimal digits (got ${trimmed === '' ? 'nothing' : trimmed})`);
  }
  return value;
}

/**
 * The base seed a simulating command uses: `--seed`, else `STAFFSIM_SEED`, else null (each scenario's
 * `simulation.seed`). An empty or blank STAFFSIM_SEED counts as not set (as CI systems pass an unset input); anything
 * else must be a seed as `parseSeed` reads it. The one reading of both, for run, compare, sweep --simulate and
 * plan --method isa (check reads only `--seed`: its baselines must not depend on the environment).
 * @example seedFromFlagOrEnvironment(undefined, { STAFFSIM_SEED: '7' }) // 7
 */
export function seedFromFlagOrEnvironment(flag: unknown, env: Readonly<Record<string, string | undefined>>): number | null {
  return seedFromFlag(flag) ?? seedFromEnvironment(env);
}

/** `--seed` alone, or null when it is not given. */
export function seedFromFlag(flag: unknown): number | null {
  const text = flagText('seed', flag);
  return text === null ? null : parseSeed('--seed', text);
}

/** STAFFSIM_SEED alone, or null when it is unset or blank. */
export function seedFromEnvironment(env: Readonly<Record<string, string | undefined>>): number | null {
  const text = env['STAFFSIM_SEED'];
  return text === undefined || text.trim() === '' ? null : parseSeed('STAFFSIM_SEED', text);
}
