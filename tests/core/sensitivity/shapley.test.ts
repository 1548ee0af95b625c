import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactShapley, sampledShapley } from '../../../src/core/sensitivity/shapley.js';

/** A game from a table of 2^k values. */
const game = (values: readonly number[]) => (mask: number) => values[mask] as number;

describe('exactShapley', () => {
  it('splits a two-player game by the textbook formula', () => {
    // v({}) = 0, v({0}) = 1, v({1}) = 2, v({0,1}) = 5: φ0 = (1 + 3) / 2, φ1 = (2 + 4) / 2
    expect(exactShapley(2, game([0, 1, 2, 5]))).toEqual([2, 3]);
  });

  it('is efficient: the parts add up to v(all) − v(none)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((k) => fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2 ** k, maxLength: 2 ** k }).map((values) => ({ k, values }))), ({ k, values }) => {
        const parts = exactShapley(k, game(values));
        const sum = parts.reduce((a, b) => a + b, 0);
        const total = (values[2 ** k - 1] as number) - (values[0] as number);
        expect(Math.abs(sum - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, ...values.map(Math.abs)));
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('gives symmetric players the same part and a null player 0', () => {
    // players 0 and 1 are interchangeable; player 2 changes nothing
    const v = (mask: number): number => {
      const a = mask & 1 ? 1 : 0;
      const b = mask & 2 ? 1 : 0;
      return 100 * (a + b) + 40 * a * b;
    };
    const parts = exactShapley(3, v);
    expect(parts[0]).toBeCloseTo(parts[1] as number, 12);
    expect(parts[2]).toBe(0);
    expect(parts[0]).toBeCloseTo(120, 12);
  });

  it('is additive over an additive game: each player gets its own effect', () => {
    const effects = [3, -7, 11, 0.5];
    const v = (mask: number): number => effects.reduce((sum, e, i) => sum + (mask & (1 << i) ? e : 0), 0);
    exactShapley(4, v).forEach((part, i) => expect(part).toBeCloseTo(effects[i] as number, 12));
  });
});

describe('sampledShapley', () => {
  it('adds up exactly, is the same for the same seed, and is close to the exact values', () => {
    const k = 5;
    const v = (mask: number): number => {
      let sum = 0;
      for (let i = 0; i < k; i++) if (mask & (1 << i)) sum += (i + 1) * 10;
      return sum + (mask & 3) * (mask & 12) * 3;
    };
    const exact = exactShapley(k, v);
    const one = sampledShapley(k, v, { permutations: 400, seed: 5 });
    const two = sampledShapley(k, v, { permutations: 400, seed: 5 });
    expect(one.parts).toEqual(two.parts);
    expect(one.parts.reduce((a, b) => a + b, 0)).toBeCloseTo(v(2 ** k - 1) - v(0), 9);
    one.parts.forEach((part, i) => expect(Math.abs(part - (exact[i] as number))).toBeLessThan(4 * (one.standardErrors[i] as number) + 1e-9));
    expect(one.evaluations).toBeLessThanOrEqual(2 ** k);
  });
});
