import { describe, expect, it } from 'vitest';
import { footerText } from '../../../src/ui/model/keys.js';
import { knobWindowStart, layoutFor } from '../../../src/ui/model/layout.js';
import { editLine, lineOf } from '../../../src/ui/model/line-editor.js';

describe('layoutFor', () => {
  it('keeps the frame a line shorter than the terminal and gives the rest to the charts', () => {
    for (const [columns, rows] of [
      [80, 24],
      [100, 30],
      [160, 50],
    ] as const) {
      const layout = layoutFor(columns, rows, 10);
      const used = 4 + layout.topRows + (layout.gap ? 1 : 0) + (layout.chartPlotRows > 0 ? layout.chartPlotRows + 2 : 0);
      expect(used).toBeLessThanOrEqual(rows - 1);
      expect(layout.parametersWidth + layout.comparisonWidth).toBe(columns);
      expect(layout.slChartWidth + layout.queueChartWidth + layout.costWidth + 2).toBeLessThanOrEqual(columns);
    }
    expect(layoutFor(80, 24, 10).chartPlotRows).toBe(5);
    expect(layoutFor(100, 30, 10).chartPlotRows).toBe(11);
  });

  it('drops the charts on a very short terminal and scrolls the knobs', () => {
    const layout = layoutFor(80, 14, 12);
    expect(layout.chartPlotRows).toBe(0);
    expect(layout.visibleKnobs).toBe(8);
    expect(knobWindowStart(11, 12, 8)).toBe(4);
    expect(knobWindowStart(0, 12, 8)).toBe(0);
  });
});

describe('footerText', () => {
  it('keeps editing, the actions, help and quit on 80 columns and adds the rest when wider', () => {
    expect(footerText(79)).toBe('↑↓←→ edit  r simulate  s sweep  e export  w save  o open  ? help  q quit');
    expect(footerText(120)).toContain('⏎ type');
    expect(footerText(120)).toContain('u undo');
    expect(footerText(30)).toBe('↑↓←→ edit  ? help  q quit');
  });
});

describe('editLine', () => {
  it('types, moves, deletes and clears', () => {
    let line = lineOf('abc');
    line = editLine(line, 'd', {}) ?? line;
    expect(line).toEqual({ text: 'abcd', cursor: 4 });
    line = editLine(line, '', { leftArrow: true }) ?? line;
    line = editLine(line, '', { delete: true }) ?? line;
    expect(line).toEqual({ text: 'abd', cursor: 2 });
    line = editLine(line, 'xy', {}) ?? line;
    expect(line).toEqual({ text: 'abxyd', cursor: 4 });
    line = editLine(line, 'u', { ctrl: true }) ?? line;
    expect(line).toEqual({ text: 'd', cursor: 0 });
    expect(editLine(line, '', { return: true })).toBeNull();
  });
});
