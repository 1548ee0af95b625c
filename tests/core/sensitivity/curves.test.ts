import { describe, expect, it } from 'vitest';
import { curveCrossings } from '../../../src/core/sensitivity/curve-crossings.js';
import { cheapestSet } from '../../../src/core/sensitivity/not-significantly-dearer.js';
import { swing, tornadoOrder } from '../../../src/core/sensitivity/swing.js';

describe('curveCrossings', () => {
  it('interpolates where two curves cross and says which is cheaper after', () => {
    expect(curveCrossings([0, 1, 2], [[0, 2, 4], [1, 1, 1]])).toEqual([{ first: 0, second: 1, value: 0.5, cost: 1, cheaperAfter: 1 }]);
  });

  it('never reports a crossing across a point that is not finite', () => {
    expect(curveCrossings([0, 1, 2], [[0, Number.POSITIVE_INFINITY, 4], [1, 1, 1]])).toEqual([]);
  });
});

describe('cheapestSet', () => {
  it('keeps the points whose paired difference to the cheapest is not significant, and drops the clearly dearer', () => {
    const cheapest = [100, 120, 90, 110, 105];
    const noisy = cheapest.map((c, r) => c + (r % 2 === 0 ? 3 : -2)); // paired: +3, −2, +3, −2, +3
    const dearer = cheapest.map((c) => c + 50);
    const set = cheapestSet([noisy, cheapest, dearer]);
    expect(set?.cheapest).toBe(1);
    expect(set?.notSignificantlyDearer).toEqual([0, 1]);
    expect(set?.differences[2]?.mean).toBeCloseTo(50, 12);
    expect(set?.differences[2]?.ci95).toBe(0);
  });

  it('leaves out points whose cost is not finite', () => {
    expect(cheapestSet([[1, 2], [Number.POSITIVE_INFINITY, 1]])?.notSignificantlyDearer).toEqual([0]);
  });
});

describe('tornado order', () => {
  it('sorts by swing, unbounded first, stable for ties', () => {
    expect(swing(-100, 20, 50)).toBe(150);
    expect(tornadoOrder([{ swing: 1 }, { swing: 5 }, { swing: Number.POSITIVE_INFINITY }, { swing: 5 }])).toEqual([2, 1, 3, 0]);
  });
});
