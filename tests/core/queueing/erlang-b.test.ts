import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceErlangB, blockingOf, erlangB, erlangBMetrics, erlangBState, linesForBlocking } from '../../../src/core/queueing/erlang-b.js';
import { expectClose, relativeError } from './close-to.js';

// Reference values recomputed with mpmath (40 digits) from the factorial form Aᴺ/N! / Σ Aᵏ/k!.
describe('erlangB (REFERENCES §4 cases 14–16)', () => {
  it('case 14: A = 1 gives 0.5 with one line and 0.2 with two (pyworkforce test_erlang_b)', () => {
    expectClose(erlangB(1, 1), 0.5, 1e-15);
    expectClose(erlangB(1, 2), 0.2, 1e-15);
  });

  it('case 15: 15 lines carry 8.108 E at 1 % blocking (erlang.com; recomputed B = 0.00999963194259877)', () => {
    expectClose(erlangB(8.108, 15), 0.00999963194259877016891442705216938987676, 1e-12);
  });

  it('case 16: the 1 % column of the Erlang B table, 1.4 E for 5 channels and 3.8 E for 9 (printed to 1 dp)', () => {
    expectClose(erlangB(1.36, 5), 0.009978893691435971131899009757376837600023, 1e-12);
    expectClose(erlangB(3.78, 9), 0.009964790781217222248005597415007962337415, 1e-12);
    // The traffic at exactly 1 % blocking, found by bisection, rounds to the printed value: ±0.05 (1 dp).
    const trafficAtOnePercent = (lines: number): number => {
      let low = 0;
      let high = lines;
      for (let i = 0; i < 100; i += 1) {
        const middle = (low + high) / 2;
        if (erlangB(middle, lines) < 0.01) low = middle;
        else high = middle;
      }
      return low;
    };
    expectClose(trafficAtOnePercent(5), 1.4, 0, 0.05);
    expectClose(trafficAtOnePercent(9), 3.8, 0, 0.05);
  });

  it('stays finite where Aᴺ/N! overflows: B(1000 lines, 950 E) = 0.0036492936889424 (REFERENCES §3.1)', () => {
    expectClose(erlangB(950, 1000), 0.003649293688942409855080616135984779704092, 1e-11);
  });

  it('gives 1 without lines and 0 without traffic', () => {
    expect(erlangB(5, 0)).toBe(1);
    expect(erlangB(0, 3)).toBe(0);
    expect(erlangB(0, 0)).toBe(1);
  });

  it('rejects negative or non-finite loads and non-integer or negative line counts', () => {
    expect(() => erlangB(-1, 3)).toThrow(RangeError);
    expect(() => erlangB(Number.NaN, 3)).toThrow(RangeError);
    expect(() => erlangB(Infinity, 3)).toThrow(RangeError);
    expect(() => erlangB(1, 2.5)).toThrow(/integer/);
    expect(() => erlangB(1, -1)).toThrow(RangeError);
  });
});

describe('erlangBState (log form, warm-started for large loads)', () => {
  it('agrees with the plain recurrence to 1e-12 relative, including warm-started large loads', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 20_000, noNaN: true }), fc.double({ min: 0.2, max: 1.6, noNaN: true }), (load, ratio) => {
        const agents = Math.max(1, Math.round(load * ratio));
        const plain = erlangB(load, agents);
        const state = erlangBState(load, agents);
        expect(relativeError(blockingOf(state), plain, 1e-300)).toBeLessThanOrEqual(1e-12);
        // ln(1/B − 1) = ln((1 − B)/B)
        if (plain > 1e-300 && plain < 0.5) {
          expect(Math.abs(state.logExcess - Math.log((1 - plain) / plain))).toBeLessThanOrEqual(1e-11);
        }
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });

  it('keeps ln B exact where B underflows a double (N = 2000 lines, A = 10 E)', () => {
    const state = erlangBState(10, 2000);
    expect(blockingOf(state)).toBe(0);
    // B = (Aᴺ/N!) / Σ_{k≤N} Aᵏ/k!, and the sum is e^A to double precision when N ≫ A:
    // ln B(2000, 10) = 2000·ln 10 − ln 2000! − 10 ≈ −8611.354
    const expected = 2000 * Math.log(10) - lgammaOf(2001) - 10;
    expectClose(-state.logInverseBlocking, expected, 1e-12);
  });

  it('advancing one agent at a time equals recomputing from scratch', () => {
    let state = erlangBState(250, 200);
    for (let agents = 201; agents <= 320; agents += 1) {
      state = advanceErlangB(state);
      const fresh = erlangBState(250, agents);
      expect(state.agents).toBe(agents);
      expect(relativeError(state.logInverseBlocking, fresh.logInverseBlocking, 1e-300)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(state.logExcess - fresh.logExcess)).toBeLessThanOrEqual(1e-11);
    }
    expect(advanceErlangB(state, 0)).toBe(state);
    expect(relativeError(blockingOf(advanceErlangB(erlangBState(250, 200), 120)), erlangB(250, 320), 1e-300)).toBeLessThanOrEqual(1e-12);
  });

  it('is finite and correct at 100 000 lines, under and over load', () => {
    for (const load of [99_000, 100_000, 101_000]) {
      const state = erlangBState(load, 100_000);
      expect(Number.isFinite(state.logInverseBlocking)).toBe(true);
      expect(relativeError(blockingOf(state), erlangB(load, 100_000), 1e-300)).toBeLessThanOrEqual(1e-11);
    }
  });
});

describe('linesForBlocking: the lines a trunk group needs for a grade of service', () => {
  it('case 15: 8.108 Erlangs need 15 lines at 1 % blocking (erlang.com), and one more Erlang needs more', () => {
    expect(linesForBlocking(8.108, 0.01)).toBe(15);
    expect(linesForBlocking(8.2, 0.01)).toBe(16);
  });

  // docs/sources.md case 16: globalspec, "Appendix A: Table of Erlang B" — the traffic N channels carry at each
  // blocking probability, printed to one decimal. The traffic printed for N lines, ±0.05 for its rounding, needs N lines.
  const BLOCKING = [0.0001, 0.0005, 0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009, 0.01, 0.02, 0.03, 0.04, 0.05];
  const TABLE: Record<number, readonly number[]> = {
    5: [0.5, 0.6, 0.8, 0.9, 1.0, 1.1, 1.1, 1.2, 1.2, 1.3, 1.3, 1.4, 1.7, 1.9, 2.1, 2.2],
    8: [1.4, 1.8, 2.1, 2.3, 2.5, 2.6, 2.7, 2.8, 2.9, 3.0, 3.1, 3.1, 3.6, 4.0, 4.3, 4.5],
    9: [1.8, 2.3, 2.6, 2.9, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7, 3.8, 4.3, 4.7, 5.1, 5.4],
  };
  it.each(Object.entries(TABLE))('matches every column of the published Erlang B table for %s channels', (channels, traffic) => {
    traffic.forEach((erlangs, column) => {
      const blocking = BLOCKING[column] as number;
      expect(linesForBlocking(erlangs - 0.05, blocking), `${erlangs} E at ${blocking}`).toBeLessThanOrEqual(Number(channels));
      expect(linesForBlocking(erlangs + 0.05, blocking), `${erlangs} E at ${blocking}`).toBeGreaterThanOrEqual(Number(channels));
    });
  });

  it('returns the minimum: one line fewer misses the target', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 500, noNaN: true }), fc.double({ min: 1e-4, max: 0.5, noNaN: true }), (load, target) => {
        const lines = linesForBlocking(load, target);
        expect(erlangB(load, lines)).toBeLessThanOrEqual(target);
        expect(erlangB(load, lines - 1)).toBeGreaterThan(target);
      }),
      { seed: 13, numRuns: 200 },
    );
  });

  it('needs no line without traffic, and refuses a target outside (0, 1)', () => {
    expect(linesForBlocking(0, 0.01)).toBe(0);
    expect(() => linesForBlocking(5, 0)).toThrow(RangeError);
    expect(() => linesForBlocking(5, 1)).toThrow(RangeError);
    expect(() => linesForBlocking(-1, 0.01)).toThrow(RangeError);
  });
});

describe('erlangBMetrics', () => {
  it('splits the offered traffic into carried and lost, and the carried traffic over the lines', () => {
    const metrics = erlangBMetrics(1, 2);
    expectClose(metrics.blockingProbability, 0.2, 1e-15);
    expectClose(metrics.carriedLoadErlangs, 0.8, 1e-15);
    expectClose(metrics.lostLoadErlangs, 0.2, 1e-15);
    expectClose(metrics.occupancy, 0.4, 1e-15);
    expect(erlangBMetrics(3, 0)).toMatchObject({ blockingProbability: 1, carriedLoadErlangs: 0, occupancy: 0 });
  });
});

/** ln Γ(n) for integer n by summing logs (an independent check of the Stirling-based code). */
function lgammaOf(n: number): number {
  let sum = 0;
  for (let k = 2; k < n; k += 1) sum += Math.log(k);
  return sum;
}
