import { describe, expect, it } from 'vitest';
import { formatEstimate, formatRelativeChange, formatValue } from '../../../src/core/check/format-value.js';

describe('check number formatting', () => {
  it('shows four significant digits, whole numbers from 10,000, and undefined for NaN', () => {
    expect(formatValue(0.928118626)).toBe('0.9281');
    expect(formatValue(176.47707)).toBe('176.5');
    expect(formatValue(171799.29)).toBe('171799');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-0.5)).toBe('-0.5');
    expect(formatValue(Number.NaN)).toBe('undefined');
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe('∞');
  });

  it('shows a mean with a two-digit half-width, and no half-width when it is 0', () => {
    expect(formatEstimate({ mean: 0.928118, ci95: 0.006521 })).toBe('0.9281 ± 0.0065');
    expect(formatEstimate({ mean: 12, ci95: 0 })).toBe('12');
    expect(formatEstimate({ mean: Number.NaN, ci95: Number.NaN })).toBe('undefined');
  });

  it('shows relative changes as signed percentages', () => {
    expect(formatRelativeChange(-0.0841)).toBe('−8.4%');
    expect(formatRelativeChange(0.3)).toBe('+30.0%');
    expect(formatRelativeChange(Number.POSITIVE_INFINITY)).toBe('from 0');
  });
});
