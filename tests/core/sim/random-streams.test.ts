import { describe, expect, it } from 'vitest';
import { RANDOM_SOURCES, createStream, createStreams } from '../../../src/core/sim/random-streams.js';
import { roundStochastically } from '../../../src/core/sim/stochastic-rounding.js';

const take = (stream: () => number, n: number): number[] => Array.from({ length: n }, () => stream());

describe('random streams', () => {
  it('repeat exactly for the same seed, source and replication', () => {
    expect(take(createStream(7, 'arrivals', 3), 100)).toEqual(take(createStream(7, 'arrivals', 3), 100));
  });

  it('differ between seeds, sources and replications (no two share a sequence)', () => {
    const firsts = new Set<string>();
    for (const seed of [1, 2]) {
      for (const source of RANDOM_SOURCES) {
        for (const replication of [0, 1, 2]) firsts.add(take(createStream(seed, source, replication), 4).join(','));
      }
    }
    expect(firsts.size).toBe(2 * RANDOM_SOURCES.length * 3);
  });

  it('are uniform on [0, 1): mean ½ and variance 1/12 within 1 %', () => {
    const values = take(createStream(20261127, 'patience', 0), 200_000);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1 / 12) * 12).toBeLessThan(0.01);
    expect(Math.min(...values.slice(0, 10_000))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values.slice(0, 10_000))).toBeLessThan(1);
  });

  it('createStreams gives one stream per source', () => {
    expect(Object.keys(createStreams(1, 0)).sort()).toEqual([...RANDOM_SOURCES].sort());
  });
});

describe('roundStochastically', () => {
  it('is unbiased: the mean of many roundings of 2.3 is 2.3 within 1 %', () => {
    const stream = createStream(1, 'staffing', 0);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += roundStochastically(2.3, stream);
    expect(Math.abs(sum / 100_000 - 2.3) / 2.3).toBeLessThan(0.01);
  });

  it('keeps whole numbers and never rounds a larger value to fewer agents under the same stream', () => {
    const a = createStream(5, 'staffing', 0);
    const b = createStream(5, 'staffing', 0);
    for (let i = 0; i < 10_000; i++) {
      const low = roundStochastically(3.2, a);
      const high = roundStochastically(3.7, b);
      expect(high).toBeGreaterThanOrEqual(low);
      expect([3, 4]).toContain(low);
    }
    expect(roundStochastically(5, createStream(1, 'staffing', 1))).toBe(5);
  });
});

describe('the Alea stream', () => {
  it('draws bit for bit what seedrandom.alea draws for the same seed string', async () => {
    const { default: seedrandom } = await import('seedrandom');
    for (const [seed, source, replication] of [[1, 'arrivals', 0], [20261127, 'handleTime', 7], [0, 'deferral', 3]] as const) {
      const ours = createStream(seed, source, replication);
      const reference = seedrandom.alea(`${seed}:${source}:${replication}`);
      for (let i = 0; i < 10_000; i++) expect(ours()).toBe(reference());
    }
  });
});
