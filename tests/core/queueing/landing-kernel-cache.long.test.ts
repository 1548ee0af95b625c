import { describe, expect, it } from 'vitest';
import { buildLandingKernel } from '../../../src/core/queueing/retrial-fixed-point.js';

// Long: a year of half-hours makes each kernel in about half a second.
describe('buildLandingKernel, kept for the next plans (by size)', () => {
  it('keeps no more than 32 MB of them: a year of half-hours makes kernels of about 7 MB, and the oldest go first', () => {
    const year = { days: 365, intervalsPerDay: 48, intervalSeconds: 1800, openSeconds: 0, closeSeconds: 86_400, startWeekday: 'mon' as const };
    const delays = [1, 2, 3, 4, 5, 6].map((hours) => ({ kind: 'fixed' as const, seconds: hours * 3600 }));
    const kernels = delays.map((delay) => buildLandingKernel(year, delay));
    expect(kernels[0]!.mass.byteLength).toBeGreaterThan(6_000_000);
    expect(buildLandingKernel(year, delays[5]!)).toBe(kernels[5]); // the latest is kept
    expect(buildLandingKernel(year, delays[0]!)).not.toBe(kernels[0]); // the first was let go
  }, 60_000);
});
