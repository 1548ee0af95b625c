import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebalancedShares } from '../../../src/ui/model/outcome-shares.js';

describe('rebalancedShares', () => {
  it('sets one share and scales the others in proportion', () => {
    expect(rebalancedShares([0.15, 0.75, 0.1], 0, 0.2, 2)).toEqual([0.2, 0.705882, 0.094118]);
    expect(rebalancedShares([0.5, 0.3, 0.2], 2, 0.6, 0)).toEqual([0.25, 0.15, 0.6]);
  });

  it('gives what is left to the fallback share when the others are all 0', () => {
    expect(rebalancedShares([1, 0, 0], 0, 0.9, 2)).toEqual([0.9, 0, 0.1]);
    expect(rebalancedShares([0, 0, 1], 2, 0.25, 0)).toEqual([0.75, 0, 0.25]);
  });

  it('clamps the share to 0..1', () => {
    expect(rebalancedShares([0.5, 0.5], 0, 1.4, 1)).toEqual([1, 0]);
    expect(rebalancedShares([0.5, 0.5], 0, -1, 1)).toEqual([0, 1]);
  });

  it('always sums to 1 within 1e-12, keeps every share in 0..1 and the ratios of the others to a millionth', () => {
    const shares = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 6 }).map((xs) => {
      const sum = xs.reduce((a, b) => a + b, 0);
      return sum > 0 ? xs.map((x) => x / sum) : xs.map((_, i) => (i === 0 ? 1 : 0));
    });
    fc.assert(
      fc.property(shares, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (before, at, value) => {
        const index = at % before.length;
        const fallback = (index + 1) % before.length;
        const after = rebalancedShares(before, index, value, fallback);
        expect(Math.abs(after.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        for (const share of after) expect(share).toBeGreaterThanOrEqual(0);
        for (const share of after) expect(share).toBeLessThanOrEqual(1 + 1e-12);
        expect(after[index]).toBeCloseTo(value, 6);
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });
});
