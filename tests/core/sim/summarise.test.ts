import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, type MetricRecord } from '../../../src/core/metrics.js';
import type { ReplicationResult } from '../../../src/core/sim/run-replication.js';
import { formatClock } from '../../../src/core/model/clock.js';
import { estimateOf, summariseReplications } from '../../../src/core/sim/summarise.js';
import { studentTQuantile } from '../../../src/core/sim/student-t.js';
import { testModel } from './model-builder.js';

function record(value: number): MetricRecord {
  const r = {} as MetricRecord;
  for (const name of METRIC_NAMES) r[name] = value;
  return r;
}

const model = testModel({ days: 2, openSeconds: 8 * 3600 + 30 * 60, closeSeconds: 10 * 3600 + 30 * 60, intervalSeconds: 3600 });
const result = (value: number): ReplicationResult => ({ totals: record(value), intervals: Array.from({ length: 4 }, () => record(value)) });

describe('summariseReplications', () => {
  it('gives the mean and the 95 % Student-t half-width t(0.975, n−1)·s/√n', () => {
    // Values 1, 2, 3, 4, 5: mean 3, s = √2.5, t(0.975, 4) = 2.7764451051977934.
    const summary = summariseReplications([1, 2, 3, 4, 5].map(result), model);
    expect(summary.totals.serviceLevel.mean).toBe(3);
    expect(summary.totals.serviceLevel.ci95).toBeCloseTo((2.7764451051977934 * Math.sqrt(2.5)) / Math.sqrt(5), 12);
    expect(summary.replications).toBe(5);
    expect(summary.seed).toBe(model.simulation.seed);
  });

  it('gives, bit for bit, the mean and standard deviation of simple-statistics (one pass fewer, no copies)', () => {
    let x = 0.123;
    for (const n of [2, 3, 7, 20, 101]) {
      const values = Array.from({ length: n }, () => {
        x = (x * 9301 + 49297) % 233280; // a fixed sequence of awkward fractions
        return x / 7.3 - 1000;
      });
      expect(estimateOf(values)).toEqual({ mean: mean(values), ci95: (studentTQuantile(0.975, n - 1) / Math.sqrt(n)) * sampleStandardDeviation(values) });
    }
  });

  it('has a half-width of 0 for one replication and for identical values', () => {
    expect(summariseReplications([result(7)], model).totals.cases).toEqual({ mean: 7, ci95: 0 });
    expect(summariseReplications([result(7), result(7)], model).totals.cases).toEqual({ mean: 7, ci95: 0 });
  });

  it('gives one replication exactly as estimateOf does, an undefined metric (NaN) staying undefined', () => {
    const one = result(7);
    const withNaN: ReplicationResult = { ...one, totals: { ...one.totals, serviceLevel: Number.NaN }, intervals: one.intervals.map((r, k) => (k === 2 ? { ...r, asaSeconds: Number.NaN } : r)) };
    const summary = summariseReplications([withNaN], model);
    for (const name of METRIC_NAMES) {
      const value = withNaN.totals[name];
      expect(summary.totals[name]).toEqual(estimateOf(Number.isNaN(value) ? [] : [value]));
    }
    expect(summary.totals.serviceLevel).toEqual({ mean: Number.NaN, ci95: Number.NaN });
    expect(summary.intervals[2]!.asaSeconds).toEqual({ mean: Number.NaN, ci95: Number.NaN });
    expect(summary.intervals[1]!.asaSeconds).toEqual({ mean: 7, ci95: 0 });
  });

  it('labels intervals with a 1-based day and their HH:MM start, in time order, with every metric', () => {
    const summary = summariseReplications([result(1)], model);
    expect(summary.intervals.map((i) => [i.day, i.start])).toEqual([
      [1, '08:30'],
      [1, '09:30'],
      [2, '08:30'],
      [2, '09:30'],
    ]);
    expect(Object.keys(summary.intervals[0]!)).toEqual(['day', 'start', ...METRIC_NAMES]);
    expect(Object.keys(summary.totals)).toEqual([...METRIC_NAMES]);
  });

  it('leaves a replication out of a metric it leaves undefined (NaN), and keeps NaN when no replication defines it', () => {
    const withGap = (value: number, serviceLevel: number): ReplicationResult => {
      const r = result(value);
      return { ...r, totals: { ...r.totals, serviceLevel } };
    };
    // Replication 2 had no attempts: its service level is undefined and must not count as 0.
    const summary = summariseReplications([withGap(1, 0.9), withGap(2, Number.NaN), withGap(3, 0.7)], model);
    expect(summary.totals.serviceLevel.mean).toBeCloseTo(0.8, 15);
    expect(summary.totals.cases.mean).toBe(2);
    const none = summariseReplications([withGap(1, Number.NaN), withGap(2, Number.NaN)], model);
    expect(none.totals.serviceLevel.mean).toBeNaN();
    expect(none.totals.serviceLevel.ci95).toBeNaN();
  });

  it('rejects no replications and results that do not match the calendar', () => {
    expect(() => summariseReplications([], model)).toThrow(RangeError);
    expect(() => summariseReplications([{ totals: record(1), intervals: [] }], model)).toThrow(/expected 4/);
  });

  it('formats clock times', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(30_600)).toBe('08:30');
    expect(formatClock(86_340)).toBe('23:59');
  });
});
