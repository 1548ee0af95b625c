import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/core/model/contact-centre-model.js';
import { cumulativeProbability, meanOf } from '../../../src/core/queueing/delay-kernel.js';
import { expectClose } from './close-to.js';

// Reference CDF values computed with mpmath 1.3 (ncdf, gammainc) at 25 digits.
describe('cumulativeProbability', () => {
  it('exponential: 1 − e^{−t/mean}', () => {
    const d: Distribution = { kind: 'exponential', meanSeconds: 600 };
    expectClose(cumulativeProbability(d, 600), 1 - Math.exp(-1), 1e-15);
    expectClose(cumulativeProbability(d, 1e-6), 1e-6 / 600, 1e-9); // no cancellation near 0
    expect(cumulativeProbability(d, 0)).toBe(0);
  });

  it('lognormal by mean and cv: σ² = ln(1 + cv²), μ = ln(mean) − σ²/2', () => {
    const d: Distribution = { kind: 'lognormal', meanSeconds: 600, cv: 0.9 };
    expectClose(cumulativeProbability(d, 300), 0.3033713003047899653568637, 1e-12);
    expectClose(cumulativeProbability(d, 1200), 0.9006048789349353560638693, 1e-12);
    expect(cumulativeProbability(d, 0)).toBe(0);
  });

  it('gamma by mean and cv: shape 1/cv², scale mean·cv²', () => {
    const d: Distribution = { kind: 'gamma', meanSeconds: 600, cv: 0.9 };
    expectClose(cumulativeProbability(d, 300), 0.3541410959439833531345765, 1e-12);
    expectClose(cumulativeProbability(d, 1200), 0.8761739137319300771755833, 1e-12);
  });

  it('erlang k: gamma with shape k', () => {
    expectClose(cumulativeProbability({ kind: 'erlang', meanSeconds: 600, k: 3 }, 300), 0.1911531694619418701168583, 1e-12);
    expectClose(
      cumulativeProbability({ kind: 'erlang', meanSeconds: 600, k: 1 }, 450),
      cumulativeProbability({ kind: 'exponential', meanSeconds: 600 }, 450),
      1e-14,
    );
  });

  it('fixed: a right-continuous step, so a zero delay has happened at once', () => {
    expect(cumulativeProbability({ kind: 'fixed', seconds: 60 }, 59.999)).toBe(0);
    expect(cumulativeProbability({ kind: 'fixed', seconds: 60 }, 60)).toBe(1);
    expect(cumulativeProbability({ kind: 'fixed', seconds: 0 }, 0)).toBe(1);
    expect(cumulativeProbability({ kind: 'fixed', seconds: 0 }, -1)).toBe(0);
  });

  it('uniform: linear between min and max', () => {
    const d: Distribution = { kind: 'uniform', minSeconds: 60, maxSeconds: 180 };
    expect(cumulativeProbability(d, 30)).toBe(0);
    expectClose(cumulativeProbability(d, 90), 0.25, 1e-15);
    expect(cumulativeProbability(d, 200)).toBe(1);
  });

  it('empirical: the step CDF of equally likely values', () => {
    const d: Distribution = { kind: 'empirical', seconds: [30, 60, 60, 240] };
    expect(cumulativeProbability(d, 29)).toBe(0);
    expect(cumulativeProbability(d, 60)).toBe(0.75);
    expect(cumulativeProbability(d, 1000)).toBe(1);
  });

  it('treats a cv of 0 as the fixed delay at the mean', () => {
    for (const kind of ['lognormal', 'gamma'] as const) {
      expect(cumulativeProbability({ kind, meanSeconds: 100, cv: 0 }, 99)).toBe(0);
      expect(cumulativeProbability({ kind, meanSeconds: 100, cv: 0 }, 100)).toBe(1);
    }
  });

  it('is non-decreasing from 0 to 1 for every kind', () => {
    const kinds: Distribution[] = [
      { kind: 'exponential', meanSeconds: 300 },
      { kind: 'lognormal', meanSeconds: 300, cv: 2 },
      { kind: 'gamma', meanSeconds: 300, cv: 0.3 },
      { kind: 'erlang', meanSeconds: 300, k: 4 },
      { kind: 'fixed', seconds: 300 },
      { kind: 'uniform', minSeconds: 100, maxSeconds: 500 },
      { kind: 'empirical', seconds: [100, 300, 900] },
    ];
    for (const d of kinds) {
      let previous = 0;
      for (let t = -10; t <= 20_000; t += 37) {
        const value = cumulativeProbability(d, t);
        expect(value).toBeGreaterThanOrEqual(previous);
        expect(value).toBeLessThanOrEqual(1);
        previous = value;
      }
      expectClose(cumulativeProbability(d, 1e7), 1, 0, 1e-12);
      expect(cumulativeProbability(d, Infinity)).toBe(1);
    }
  });

  it('rejects invalid parameters', () => {
    expect(() => cumulativeProbability({ kind: 'exponential', meanSeconds: -1 }, 1)).toThrow(RangeError);
    expect(() => cumulativeProbability({ kind: 'erlang', meanSeconds: 10, k: 1.5 }, 1)).toThrow(/integer/);
    expect(() => cumulativeProbability({ kind: 'uniform', minSeconds: 10, maxSeconds: 5 }, 1)).toThrow(RangeError);
    expect(() => cumulativeProbability({ kind: 'empirical', seconds: [] }, 1)).toThrow(RangeError);
    expect(() => cumulativeProbability({ kind: 'fixed', seconds: 1 }, Number.NaN)).toThrow(RangeError);
  });
});

describe('meanOf', () => {
  it('gives the mean of every kind', () => {
    expect(meanOf({ kind: 'exponential', meanSeconds: 600 })).toBe(600);
    expect(meanOf({ kind: 'lognormal', meanSeconds: 240, cv: 0.9 })).toBe(240);
    expect(meanOf({ kind: 'gamma', meanSeconds: 240, cv: 0.5 })).toBe(240);
    expect(meanOf({ kind: 'erlang', meanSeconds: 240, k: 3 })).toBe(240);
    expect(meanOf({ kind: 'fixed', seconds: 30 })).toBe(30);
    expect(meanOf({ kind: 'uniform', minSeconds: 60, maxSeconds: 180 })).toBe(120);
    expect(meanOf({ kind: 'empirical', seconds: [30, 60, 60, 250] })).toBe(100);
  });

  it('agrees with the integral of the survival function, ∫ (1 − F), for a lognormal', () => {
    const d: Distribution = { kind: 'lognormal', meanSeconds: 240, cv: 0.9 };
    let integral = 0;
    const step = 1;
    for (let t = 0; t < 50_000; t += step) integral += (1 - cumulativeProbability(d, t + step / 2)) * step;
    expectClose(integral, meanOf(d), 1e-4);
  });
});
