import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaitHistogramBank } from '../../../src/core/sim/wait-histogram.js';

/** Nearest-rank sample quantile: the order statistic of rank ⌈p·n⌉. */
function exactQuantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
}

describe('WaitHistogramBank', () => {
  it('returns quantiles within one bucket: relative error < 2^-bits above 2^minExponent, absolute below', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5000, noNaN: true })), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.constantFrom(4, 5, 7),
        (values, p, bits) => {
          const bank = new WaitHistogramBank(2, bits, -4, 20);
          for (const v of values) bank.record(1, v);
          const exact = exactQuantile(values, p);
          const estimate = bank.quantile(1, p);
          const bound = Math.max(2 ** -4, exact * 2 ** -bits);
          expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(bound);
          if (exact === 0) expect(estimate).toBe(0);
          expect(bank.total(0)).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is 0 when empty and the lower bound of the overflow bucket past maxExponent', () => {
    const bank = new WaitHistogramBank(1, 5, -4, 10);
    expect(bank.quantile(0, 0.9)).toBe(0);
    bank.record(0, 5000);
    expect(bank.quantile(0, 0.9)).toBe(1024);
  });

  it('has the documented geometry: 32 buckets per octave for bits = 5', () => {
    const bank = new WaitHistogramBank(1, 5, -4, 20);
    expect(bank.bucketCount).toBe(24 * 32 + 3);
    expect(bank.bucketBounds(2)).toEqual([1 / 16, (1 / 16) * (1 + 1 / 32)]);
  });

  it('adds histograms together', () => {
    const bank = new WaitHistogramBank(3, 5, -4, 20);
    bank.record(0, 1);
    bank.record(1, 2);
    bank.record(2, 0);
    const total = new WaitHistogramBank(1, 5, -4, 20);
    bank.addAllInto(total);
    expect(total.total(0)).toBe(3);
  });
});

describe('WaitHistogramBank extra zeros', () => {
  it('counts zeros recorded elsewhere before the first bucket', () => {
    const bank = new WaitHistogramBank(1, 5, -4, 20);
    for (let i = 1; i <= 10; i++) bank.record(0, i * 10);
    // 90 zeros + 10 waits of 10…100: the 90th percentile is 0, the 95th lies among the waits.
    expect(bank.quantile(0, 0.9, 90)).toBe(0);
    expect(bank.quantile(0, 0.95, 90)).toBeGreaterThan(40);
    expect(bank.quantile(0, 0.95, 90)).toBeLessThanOrEqual(50 * (1 + 2 ** -5));
    expect(Math.abs(bank.quantile(0, 0.5, 0) - 50)).toBeLessThanOrEqual(50 * 2 ** -5);
  });
});
