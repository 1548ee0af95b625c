import type { UniformStream } from './random-streams.js';

/**
 * Unbiased stochastic rounding: ⌊x⌋ + 1 with probability x − ⌊x⌋, else ⌊x⌋, so the expected result is x.
 *
 * One uniform is drawn on every call, also for whole numbers, so that a stream shared by a sequence of roundings
 * stays aligned whatever the values: two plans rounded with the same stream use the same uniform for the same
 * interval, and a larger value never rounds to a smaller integer (monotone coupling, common random numbers).
 *
 * @param value a finite number ≥ 0
 * @example roundStochastically(2.25, stream) // 2 three times out of four, 3 once
 */
export function roundStochastically(value: number, stream: UniformStream): number {
  const whole = Math.floor(value);
  return whole + (stream() < value - whole ? 1 : 0);
}
