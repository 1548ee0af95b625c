import { expect } from 'vitest';

/**
 * Asserts |actual − expected| ≤ max(relative·|expected|, absolute), with a message that shows both numbers
 * and the tolerance. Tests state their tolerance explicitly; nothing is rounded.
 */
export function expectClose(actual: number, expected: number, relative: number, absolute = 0, label = ''): void {
  const allowed = Math.max(relative * Math.abs(expected), absolute);
  const error = Math.abs(actual - expected);
  expect(
    error <= allowed,
    `${label ? `${label}: ` : ''}expected ${expected}, got ${actual} (error ${error.toExponential(2)} > allowed ${allowed.toExponential(2)})`,
  ).toBe(true);
}

/** Relative error of `actual` against `expected`, with `floor` guarding division by ~0. */
export function relativeError(actual: number, expected: number, floor: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
}
