import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatMoney, formatNumber, formatPercent, formatSeconds, renderTable } from '../../src/report/format.js';

describe('formatting for people', () => {
  it('turns fractions into percentages only here', () => {
    expect(formatPercent(0.88835)).toBe('88.8%');
    expect(formatPercent(0.888351, 2)).toBe('88.84%');
    expect(formatPercent(Number.NaN)).toBe('–');
  });

  it('shows unbounded waits as ∞', () => {
    expect(formatSeconds(7.83594)).toBe('7.8 s');
    expect(formatSeconds(Number.POSITIVE_INFINITY)).toBe('∞');
  });

  it('groups thousands and appends the currency', () => {
    expect(formatNumber(12345.678, 1)).toBe('12,345.7');
    expect(formatMoney(1234.5, 'SEK')).toBe('1,235 SEK');
  });

  it('formats numbers exactly as toLocaleString en-US does, rounding the shortest decimal half away from zero', () => {
    const intl = (value: number, decimals: number): string =>
      value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    for (const [value, decimals] of [
      [1.005, 2], [0.5, 0], [2.5, 0], [-2.5, 0], [-0.3, 0], [-0, 0], [-0, 2], [999_999.5, 0], [0.0004, 2], [0.005, 2],
      [1e21, 0], [123_456_789_012_345_680_000, 2], [5e-324, 3], [-1e-7, 3], [Number.MAX_SAFE_INTEGER, 0],
    ] as const) {
      expect(formatNumber(value, decimals)).toBe(intl(value, decimals));
    }
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e7, max: 1e7, noNaN: true })), fc.integer({ min: 0, max: 6 }), (value, decimals) => {
        expect(formatNumber(value, decimals)).toBe(intl(value, decimals));
      }),
      { numRuns: 20_000, seed: 20261127 },
    );
  });

  it('prints clock times from seconds after midnight', () => {
    expect(formatClock(30_600)).toBe('08:30');
    expect(formatClock(86_400)).toBe('24:00');
  });

  it('aligns a table: text left, numbers right, with a header rule', () => {
    expect(renderTable([{ header: 'a' }, { header: 'b' }], [['1', '22']])).toBe('a   b\n─  ──\n1  22');
    expect(renderTable([{ header: 'name', align: 'left' }, { header: 'n' }], [['x', '1'], ['yy', '10']])).toBe(
      'name   n\n────  ──\nx      1\nyy    10',
    );
  });
});

describe('formatDuration', () => {
  it('reads long durations in minutes, hours or days, and says – for undefined', () => {
    expect(formatDuration(95)).toBe('95.0 s');
    expect(formatDuration(5400)).toBe('90.0 min');
    expect(formatDuration(30 * 3600)).toBe('30.0 h');
    expect(formatDuration(3 * 86_400)).toBe('3.0 d');
    expect(formatDuration(Number.NaN)).toBe('–');
  });
});
