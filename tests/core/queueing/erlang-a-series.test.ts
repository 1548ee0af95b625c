import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangASeries, harmonicTerm, logRisingRatio } from '../../../src/core/queueing/erlang-a-series.js';
import { expectClose } from './close-to.js';

/** The four sums by brute force: every term from j = 0, in log space, far past the peak. */
function bruteForce(x: number, z: number): { logSum: number; meanIndex: number; servedShare: number; servedWaitShare: number } {
  const logs: number[] = [0];
  let logTerm = 0;
  const peak = Math.max(0, Math.floor(z - x));
  for (let j = 1; j < peak + 60 * Math.sqrt(z + 1) + 200; j += 1) {
    logTerm += Math.log(z / (x + j));
    logs.push(logTerm);
  }
  const top = Math.max(...logs);
  let sum = 0;
  let weighted = 0;
  let served = 0;
  let servedWait = 0;
  let harmonic = 0;
  logs.forEach((value, j) => {
    const term = Math.exp(value - top);
    harmonic += 1 / (x + j + 1);
    sum += term;
    weighted += j * term;
    served += (term * x) / (x + j + 1);
    servedWait += ((term * x) / (x + j + 1)) * harmonic;
  });
  return { logSum: top + Math.log(sum), meanIndex: weighted / sum, servedShare: served / sum, servedWaitShare: servedWait / sum };
}

describe('erlangASeries', () => {
  it('matches brute-force summation whether it starts at 0 or at a far peak', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 3000, noNaN: true }), fc.double({ min: 0.01, max: 4000, noNaN: true }), (x, z) => {
        const series = erlangASeries(x, z);
        const brute = bruteForce(x, z);
        expectClose(series.logScale + Math.log(series.sum), brute.logSum, 1e-12, 1e-12, 'ln A');
        expectClose(series.weighted / series.sum, brute.meanIndex, 1e-11, 1e-13, 'mean index');
        expectClose(series.served / series.sum, brute.servedShare, 1e-11, 0, 'served share');
        expectClose(series.servedWait / series.sum, brute.servedWaitShare, 1e-11, 0, 'served wait');
      }),
      { seed: 99, numRuns: 200 },
    );
  });

  it('reduces to e^z when x → 0 would make it Σ zʲ/j! (checked at x = 1e-9)', () => {
    const series = erlangASeries(1e-9, 50);
    expectClose(series.logScale + Math.log(series.sum), 50, 1e-9);
  });

  it('stays finite for astronomically large sums (x = 10, z = 1e6)', () => {
    const series = erlangASeries(10, 1e6);
    expect(Number.isFinite(series.logScale)).toBe(true);
    expect(series.logScale).toBeGreaterThan(1e5);
    expect(Number.isFinite(series.sum)).toBe(true);
  });
});

describe('log-gamma differences behind the peak start', () => {
  it('logRisingRatio equals the direct sum of ln((x+k)/z)', () => {
    for (const [x, z, m] of [[0.3, 100, 99], [5, 1000, 700], [250, 900, 640], [12_000, 15_000, 2_999]] as const) {
      let direct = 0;
      for (let k = 1; k <= m; k += 1) direct += Math.log((x + k) / z);
      expectClose(logRisingRatio(x, z, m), direct, 1e-11, 1e-10);
    }
  });

  it('harmonicTerm equals the direct sum of 1/(x+k)', () => {
    for (const [x, m] of [[0.3, 5], [0.3, 500], [40, 2000], [5e4, 3000]] as const) {
      let direct = 0;
      for (let k = 1; k <= m + 1; k += 1) direct += 1 / (x + k);
      expectClose(harmonicTerm(x, m), direct, 1e-12);
    }
  });
});
