import { describe, expect, it } from 'vitest';
import { findBreakEvens } from '../../../src/core/sensitivity/break-even.js';

describe('findBreakEvens', () => {
  it('finds a break-even with a closed form to 1e-6 relative (the cube root of 5)', () => {
    const d = (x: number): number => x ** 3 - 5;
    const search = findBreakEvens(d, { base: 1, low: 0.5, high: 3, atBase: d(1), atLow: d(0.5), atHigh: d(3) });
    expect(search.breakEvens).toHaveLength(1);
    const found = search.breakEvens[0]!;
    expect(Math.abs(found.value - Math.cbrt(5)) / Math.cbrt(5)).toBeLessThan(1e-6);
    expect(found).toMatchObject({ kind: 'root', side: 'high' });
  });

  it('finds a price break-even exactly: a linear difference a·p − b crosses 0 at b / a', () => {
    const d = (p: number): number => 1234.5 * p - 185_175;
    const search = findBreakEvens(d, { base: 300, low: 100, high: 500, atBase: d(300), atLow: d(100), atHigh: d(500) });
    expect(search.breakEvens[0]?.value).toBeCloseTo(150, 9);
    expect(search.breakEvens[0]?.side).toBe('low');
  });

  it('reports none when the difference keeps its sign over the range', () => {
    const d = (x: number): number => x + 10;
    expect(findBreakEvens(d, { base: 0, low: -1, high: 1, atBase: 10, atLow: 9, atHigh: 11 }).breakEvens).toEqual([]);
  });

  it('never finds a break-even through an unbounded cost: it stops where the difference stops being finite', () => {
    // negative up to 2, then one variant is unstable (its cost unbounded): the sign "changes" only through infinity
    const d = (x: number): number => (x < 2 ? -1 - x : Number.POSITIVE_INFINITY);
    const search = findBreakEvens(d, { base: 1, low: 0, high: 4, atBase: d(1), atLow: d(0), atHigh: d(4) });
    expect(search.breakEvens).toEqual([]);
    expect(search.finiteLimits).toHaveLength(1);
    expect(search.finiteLimits[0]?.side).toBe('high');
    expect(search.finiteLimits[0]?.finiteUntil).toBeLessThan(2);
    expect(search.finiteLimits[0]?.notFiniteFrom).toBeGreaterThanOrEqual(2);
    expect(search.finiteLimits[0]?.notFiniteFrom).toBeLessThan(2.001);
  });

  it('still finds a finite break-even before the unstable part of a side', () => {
    const d = (x: number): number => (x < 3 ? x - 1.5 : Number.NaN);
    const search = findBreakEvens(d, { base: 1, low: 0, high: 4, atBase: d(1), atLow: d(0), atHigh: d(4) });
    expect(search.breakEvens[0]?.value).toBeCloseTo(1.5, 8);
    expect(search.finiteLimits[0]?.finiteUntil).toBeGreaterThan(2.99);
  });

  it('gives the two whole numbers around a break-even of an integer input', () => {
    const d = (agents: number): number => 1000 - 230 * agents;
    const search = findBreakEvens(d, { base: 2, low: 0, high: 10, atBase: d(2), atLow: d(0), atHigh: d(10), integer: true });
    expect(search.breakEvens[0]).toMatchObject({ kind: 'step', between: [4, 5] });
    expect(search.breakEvens[0]?.value).toBeCloseTo(1000 / 230, 9);
  });

  it('finds break-evens on both sides, nearest first', () => {
    const d = (x: number): number => (x - 2) * (x - 5); // +10 at 0, −2 at 3, +4 at 6
    const search = findBreakEvens(d, { base: 3, low: 0, high: 6, atBase: d(3), atLow: d(0), atHigh: d(6) });
    expect(search.breakEvens.map((b) => Number(b.value.toFixed(6)))).toEqual([2, 5]);
  });
});

describe('findBreakEvens with a margin', () => {
  // The difference stops being finite where a nonlinear margin crosses 0, at x = √2.
  const margin = (x: number): number => 2 - x * x;
  const d = (x: number): number => (margin(x) >= 0 ? -1 - x : Number.POSITIVE_INFINITY);

  it('finds the same finite limit to its tolerance in far fewer evaluations than bisection', () => {
    const input = { base: 1, low: 0.5, high: 4, atBase: d(1), atLow: d(0.5), atHigh: d(4) };
    const bisected = findBreakEvens(d, input);
    const guided = findBreakEvens(d, input, {}, margin);
    for (const search of [bisected, guided]) {
      const limit = search.finiteLimits[0]!;
      expect(limit.finiteUntil).toBeLessThanOrEqual(Math.SQRT2);
      expect(limit.notFiniteFrom).toBeGreaterThan(Math.SQRT2);
      expect((limit.notFiniteFrom - limit.finiteUntil) / Math.SQRT2).toBeLessThanOrEqual(1e-4);
    }
    expect(guided.evaluations, `${guided.evaluations}`).toBeLessThanOrEqual(7);
    expect(bisected.evaluations).toBeGreaterThan(12);
  });

  it('still closes the bracket when the margin misleads (a kink far from the limit), by bisecting in between', () => {
    const kinked = (x: number): number => (x < 1.2 ? 100 * (1.2 - x) + 0.2 : margin(x));
    const input = { base: 1, low: 0.5, high: 4, atBase: d(1), atLow: d(0.5), atHigh: d(4) };
    const search = findBreakEvens(d, input, {}, kinked);
    const limit = search.finiteLimits[0]!;
    expect(limit.finiteUntil).toBeLessThanOrEqual(Math.SQRT2);
    expect(limit.notFiniteFrom).toBeGreaterThan(Math.SQRT2);
    expect((limit.notFiniteFrom - limit.finiteUntil) / Math.SQRT2).toBeLessThanOrEqual(1e-4);
    expect(search.evaluations).toBeLessThanOrEqual(2 * 16);
  });

  it('falls back to bisection where the margin is not known (NaN)', () => {
    const input = { base: 1, low: 0.5, high: 4, atBase: d(1), atLow: d(0.5), atHigh: d(4) };
    expect(findBreakEvens(d, input, {}, () => Number.NaN)).toEqual(findBreakEvens(d, input));
  });
});
