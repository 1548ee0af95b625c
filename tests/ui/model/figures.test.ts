import { describe, expect, it } from 'vitest';
import { compactNumber, differenceIsBetter, figureCell, formatDifference, formatFigure, KEY_FIGURES } from '../../../src/ui/model/figures.js';

describe('key figures', () => {
  it('lists the eight figures of the comparison with short labels', () => {
    expect(KEY_FIGURES.map((f) => f.metric)).toEqual([
      'serviceLevel',
      'asaSeconds',
      'abandonedShare',
      'attemptsPerCase',
      'contactsPerResolvedCase',
      'paidAgentHours',
      'totalCost',
      'costPerResolvedCase',
    ]);
    for (const figure of KEY_FIGURES) expect(figure.label.length).toBeLessThanOrEqual(13);
  });

  it('formats values full and compact', () => {
    expect(formatFigure('share', 0.8312)).toBe('83.1%');
    expect(formatFigure('seconds', 7.83)).toBe('7.8 s');
    expect(formatFigure('money', 166823.2)).toBe('166,823');
    expect(formatFigure('money', 163.84)).toBe('163.8');
    expect(formatFigure('money', 166823.2, true)).toBe('167k');
    expect(compactNumber(12345)).toBe('12.3k');
    expect(compactNumber(-2_500_000)).toBe('−2.5M');
    expect(compactNumber(0)).toBe('0');
    expect(formatFigure('share', Number.NaN)).toBe('–');
  });

  it('shows a 95% half-width when simulated and it fits, compact on the same scale, else the value alone', () => {
    expect(figureCell('share', { mean: 0.831, ci95: 0.012 }, 12, true)).toBe('83.1% ±1.2');
    expect(figureCell('money', { mean: 175982, ci95: 4852 }, 12, true)).toBe('176k ±4.9k');
    expect(figureCell('money', { mean: 175982, ci95: 4852 }, 8, true)).toBe('175,982');
    expect(figureCell('hours', { mean: 170, ci95: 0 }, 12, true)).toBe('170');
    expect(figureCell('share', { mean: 0.831, ci95: 0.012 }, 12, false)).toBe('83.1%');
    expect(figureCell('share', null, 12, false)).toBe('–');
  });

  it('signs differences, in percentage points for shares, and knows which way is better', () => {
    expect(formatDifference('share', 0.123, 8)).toBe('+12.3pp');
    expect(formatDifference('money', -30790, 8)).toBe('−30,790');
    expect(formatDifference('money', -1_234_567, 8)).toBe('−1.2M');
    expect(formatDifference('ratio', 0, 8)).toBe('±0.00');
    const [serviceLevel, asa] = KEY_FIGURES;
    expect(differenceIsBetter(serviceLevel!, 0.1)).toBe(true);
    expect(differenceIsBetter(asa!, 3)).toBe(false);
    expect(differenceIsBetter(asa!, 0)).toBeNull();
  });
});
