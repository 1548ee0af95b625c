import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/core/model/contact-centre-model.js';
import { meanOf } from '../../../src/core/queueing/delay-kernel.js';
import { createSampler } from '../../../src/core/sim/distributions.js';
import { createStream } from '../../../src/core/sim/random-streams.js';
import { TEST_SEED } from './model-builder.js';

const DRAWS = 200_000;

function moments(distribution: Distribution): { mean: number; cv: number; min: number } {
  const sample = createSampler(distribution, createStream(TEST_SEED, 'handleTime', 0));
  let sum = 0;
  let sumSquares = 0;
  let min = Infinity;
  for (let i = 0; i < DRAWS; i++) {
    const x = sample();
    sum += x;
    sumSquares += x * x;
    if (x < min) min = x;
  }
  const mean = sum / DRAWS;
  const variance = (sumSquares - DRAWS * mean * mean) / (DRAWS - 1);
  return { mean, cv: Math.sqrt(Math.max(0, variance)) / mean, min };
}

// Tolerances: the standard error of a sample mean of 200,000 draws is cv/√200000 ≈ 0.0022·cv of the mean; we allow
// 1 % of the mean (≥ 4.5 standard errors for cv ≤ 1), and 3 % of the cv (its own standard error is below 1 % for
// these shapes; heavy-tailed lognormal cv 1.5 gets 6 %).
const CASES: [string, Distribution, number, number, number][] = [
  // name, distribution, expected mean, expected cv, cv tolerance (relative)
  ['exponential by mean', { kind: 'exponential', meanSeconds: 240 }, 240, 1, 0.03],
  ['lognormal by mean and cv 0.9', { kind: 'lognormal', meanSeconds: 240, cv: 0.9 }, 240, 0.9, 0.03],
  ['lognormal by mean and cv 1.5', { kind: 'lognormal', meanSeconds: 100, cv: 1.5 }, 100, 1.5, 0.06],
  ['gamma by mean and cv 0.5 (shape 4)', { kind: 'gamma', meanSeconds: 180, cv: 0.5 }, 180, 0.5, 0.03],
  ['gamma by mean and cv 2 (shape 1/4, boosted)', { kind: 'gamma', meanSeconds: 60, cv: 2 }, 60, 2, 0.06],
  ['gamma with cv 1 (shape 1)', { kind: 'gamma', meanSeconds: 60, cv: 1 }, 60, 1, 0.03],
  ['erlang k = 4', { kind: 'erlang', meanSeconds: 300, k: 4 }, 300, 0.5, 0.03],
  ['erlang k = 50 (product renormalised)', { kind: 'erlang', meanSeconds: 300, k: 50 }, 300, 1 / Math.sqrt(50), 0.03],
  ['uniform', { kind: 'uniform', minSeconds: 10, maxSeconds: 50 }, 30, 40 / Math.sqrt(12) / 30, 0.03],
  ['empirical', { kind: 'empirical', seconds: [10, 20, 60] }, 30, Math.sqrt((20 ** 2 + 10 ** 2 + 30 ** 2) / 3) / 30, 0.03],
];

describe('createSampler', () => {
  it.each(CASES)('%s: sample mean within 1 %% and cv within tolerance (200,000 draws, fixed seed)', (_name, distribution, mean, cv, cvTolerance) => {
    const m = moments(distribution);
    expect(Math.abs(m.mean - mean) / mean).toBeLessThan(0.01);
    expect(Math.abs(m.cv - cv) / cv).toBeLessThan(cvTolerance);
    expect(m.min).toBeGreaterThanOrEqual(0);
    expect(meanOf(distribution)).toBeCloseTo(mean, 10);
  });

  it('gives the mean exactly for fixed draws and cv = 0', () => {
    const stream = createStream(TEST_SEED, 'handleTime', 0);
    expect(createSampler({ kind: 'fixed', seconds: 42 }, stream)()).toBe(42);
    expect(createSampler({ kind: 'lognormal', meanSeconds: 42, cv: 0 }, stream)()).toBe(42);
    expect(createSampler({ kind: 'gamma', meanSeconds: 42, cv: 0 }, stream)()).toBe(42);
  });

  it('draws only the values of an empirical list', () => {
    const sample = createSampler({ kind: 'empirical', seconds: [3, 5] }, createStream(1, 'handleTime', 0));
    for (let i = 0; i < 1000; i++) expect([3, 5]).toContain(sample());
  });

  it('rejects parameters outside their domain', () => {
    const stream = createStream(1, 'handleTime', 0);
    expect(() => createSampler({ kind: 'exponential', meanSeconds: -1 }, stream)).toThrow(RangeError);
    expect(() => createSampler({ kind: 'lognormal', meanSeconds: 10, cv: -0.1 }, stream)).toThrow(RangeError);
    expect(() => createSampler({ kind: 'erlang', meanSeconds: 10, k: 1.5 }, stream)).toThrow(RangeError);
    expect(() => createSampler({ kind: 'uniform', minSeconds: 5, maxSeconds: 1 }, stream)).toThrow(RangeError);
    expect(() => createSampler({ kind: 'empirical', seconds: [] }, stream)).toThrow(RangeError);
  });
});
