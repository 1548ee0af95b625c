import { describe, expect, it } from 'vitest';
import { TrafficEquations } from '../../../src/core/plan/traffic-equations.js';

const NO_FEEDBACK = { rho: 0, p: 0, selfRedial: 0, selfRepeat: 0 };

describe('TrafficEquations', () => {
  it('sends the answered share of a transfer on: a tandem offers its second group (1 − f₀) × share of the first', () => {
    const equations = new TrafficEquations([{ unresolved: 0, transfers: [{ group: 1, share: 0.4 }] }, { unresolved: 0, transfers: [] }], 1, false);
    const X = equations.solve(Float64Array.of(100), Float64Array.of(0.1, 0.3), NO_FEEDBACK, new Float64Array(2));
    expect(X[0]).toBeCloseTo(100, 12);
    expect(X[1]).toBeCloseTo(100 * 0.9 * 0.4, 12);
  });

  it('feeds what comes back within the interval into the dialled calls: x = base / (1 − returning) without an attempt cap', () => {
    const equations = new TrafficEquations([{ unresolved: 0.5, transfers: [] }], 1, false);
    const feedback = { rho: 0.8, p: 0.6, selfRedial: 0.25, selfRepeat: 0.1 };
    const failure = 0.2;
    const returning = 0.8 * failure * 0.25 + 0.6 * 0.5 * (1 - failure) * 0.1;
    const X = equations.solve(Float64Array.of(50), Float64Array.of(failure), feedback, new Float64Array(1));
    expect(X[0]).toBeCloseTo(50 / (1 - returning), 12);
  });

  it('with an attempt cap, moves what comes back one class on instead', () => {
    const equations = new TrafficEquations([{ unresolved: 0, transfers: [] }], 3, true);
    const feedback = { rho: 0.5, p: 0, selfRedial: 1, selfRepeat: 0 };
    const X = equations.solve(Float64Array.of(80, 0, 0), Float64Array.of(0.5), feedback, new Float64Array(3));
    // A quarter of each class comes back as the next class.
    expect([...X]).toEqual([80, 20, 5]);
  });

  it('solves a loop of transfers between two groups (pivoting) and refuses one that never ends', () => {
    const loop = new TrafficEquations(
      [
        { unresolved: 0, transfers: [{ group: 1, share: 0.5 }] },
        { unresolved: 0, transfers: [{ group: 0, share: 0.5 }] },
      ],
      1,
      false,
    );
    const X = loop.solve(Float64Array.of(30), Float64Array.of(0, 0), NO_FEEDBACK, new Float64Array(2));
    // x₀ = 30 + 0.5 x₁, x₁ = 0.5 x₀  →  x₀ = 40, x₁ = 20
    expect(X[0]).toBeCloseTo(40, 12);
    expect(X[1]).toBeCloseTo(20, 12);
    const endless = new TrafficEquations(
      [
        { unresolved: 0, transfers: [{ group: 1, share: 1 }] },
        { unresolved: 0, transfers: [{ group: 0, share: 1 }] },
      ],
      1,
      false,
    );
    expect(() => endless.solve(Float64Array.of(30), Float64Array.of(0, 0), NO_FEEDBACK, new Float64Array(2))).toThrow(/never end/);
  });
});
