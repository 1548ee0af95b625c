import { describe, expect, it } from 'vitest';
import { brentRoot } from '../../../src/core/sensitivity/brent-root.js';

describe('brentRoot', () => {
  it('finds √2 as the root of x² − 2 to double precision', () => {
    const result = brentRoot((x) => x * x - 2, 0, 2, -2, 2);
    expect(result.converged).toBe(true);
    expect(Math.abs(result.x - Math.SQRT2)).toBeLessThan(1e-9);
  });

  it('takes one step on a linear function', () => {
    const result = brentRoot((x) => 3 * x - 1, 0, 1, -1, 2);
    expect(result.x).toBeCloseTo(1 / 3, 12);
    expect(result.evaluations).toBeLessThanOrEqual(3);
  });

  it('keeps a bracket with a sign change around a jump', () => {
    const result = brentRoot((x) => (x < 0.3 ? -1 : 1), 0, 1, -1, 1);
    expect(result.bracket[0]).toBeLessThan(0.3 + 1e-9);
    expect(result.bracket[1]).toBeGreaterThanOrEqual(0.3 - 1e-9);
    expect(result.fAtBracket[0] * result.fAtBracket[1]).toBeLessThan(0);
  });

  it('refuses a bracket without a sign change or with an unbounded end', () => {
    expect(() => brentRoot((x) => x, 1, 2, 1, 2)).toThrow(RangeError);
    expect(() => brentRoot((x) => x, -1, 2, Number.NEGATIVE_INFINITY, 2)).toThrow(RangeError);
  });
});
