import { describe, expect, it } from 'vitest';
import { normalQuantile, studentTQuantile } from '../../../src/core/sim/student-t.js';

// Two-sided 95 % critical values t(0.975, ν) from standard tables (and scipy.stats.t.ppf to 16 digits).
const TABLE: [number, number][] = [
  [1, 12.706204736174703],
  [2, 4.302652729749464],
  [4, 2.7764451051977934],
  [9, 2.262157162798205],
  [19, 2.093024054408263],
  [29, 2.045229642132703],
  [100, 1.9839715185235518],
  [1000, 1.9623390808264083],
];

describe('studentTQuantile', () => {
  it.each(TABLE)('t(0.975, %i) = %f to 1e-10 relative', (df, expected) => {
    expect(Math.abs(studentTQuantile(0.975, df) - expected) / expected).toBeLessThan(1e-10);
  });

  it('tends to the normal quantile 1.959964 as ν grows, continuously across the ν = 10⁴ switch', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 12);
    expect(studentTQuantile(0.975, 1e8)).toBeCloseTo(1.959963984540054, 7);
    const below = studentTQuantile(0.975, 10_000);
    const above = studentTQuantile(0.975, 10_000.0001);
    expect(Math.abs(below - above)).toBeLessThan(1e-10);
  });

  it('is symmetric and 0 at the median', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(0.995, 4)).toBeCloseTo(4.604094871349992, 8);
  });

  it('gives the same number when asked again, for many degrees of freedom in turn (each is kept once computed)', () => {
    const first = Array.from({ length: 1500 }, (_, i) => studentTQuantile(0.975, 1 + i / 7));
    const again = Array.from({ length: 1500 }, (_, i) => studentTQuantile(0.975, 1 + i / 7));
    expect(again).toEqual(first);
    expect(studentTQuantile(0.975, 19)).toBeCloseTo(2.093024054408263, 12);
    expect(studentTQuantile(0.025, 19)).toBe(-studentTQuantile(0.975, 19));
  });

  it('rejects probabilities outside (0, 1) and ν ≤ 0', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
  });
});
