import { describe, expect, it } from 'vitest';
import { footerLines, helpLines, KEY_HELP } from '../../../src/ui/model/keys.js';
import { knobWindowStart, layoutFor, panelLines } from '../../../src/ui/model/layout.js';
import type { Knob } from '../../../src/ui/model/knobs.js';
import { editLine, lineOf, typeText } from '../../../src/ui/model/line-editor.js';
import { splitBurst } from '../../../src/ui/hooks/use-explorer.js';

describe('layoutFor', () => {
  it('keeps the frame a line shorter than the terminal and gives the rest to the charts', () => {
    for (const [columns, rows] of [
      [80, 24],
      [100, 30],
      [120, 40],
      [160, 50],
    ] as const) {
      const layout = layoutFor(columns, rows, 17);
      const used = 3 + layout.footerRows + layout.topRows + (layout.gap ? 1 : 0) + (layout.chartPlotRows > 0 ? layout.chartPlotRows + 3 : 0);
      expect(used).toBeLessThanOrEqual(rows - 1);
      expect(layout.parametersWidth + layout.comparisonWidth).toBe(columns);
      expect(layout.slChartWidth + layout.queueChartWidth + layout.costWidth + 2).toBeLessThanOrEqual(columns);
    }
    // 80 × 24: the knobs scroll beside the comparison and the charts keep five lines; 120 × 40 shows every knob.
    expect(layoutFor(80, 24, 17)).toMatchObject({ footerRows: 2, topRows: 10, visibleKnobs: 9, chartPlotRows: 5 });
    expect(layoutFor(120, 40, 17)).toMatchObject({ footerRows: 1, topRows: 18, visibleKnobs: 17, chartPlotRows: 13 });
    expect(layoutFor(80, 24, 17).comparisonWidth).toBe(54);
  });

  it('with agent groups, gives the key figures every group at 120 × 40 and the cost bars alone across 80 × 24', () => {
    const content = { figureLines: { full: 17, oneGroup: 14 }, variants: 3, groups: true };
    const large = layoutFor(120, 40, 23, content);
    expect(large).toMatchObject({ topRows: 24, visibleKnobs: 23, figureLines: 22, costOnlyRows: 0, chartPlotRows: 7 });
    const small = layoutFor(80, 24, 23, content);
    expect(small).toMatchObject({ topRows: 13, figureLines: 11, chartPlotRows: 0, costOnlyRows: 5, costWidth: 79 });
    expect(3 + small.footerRows + small.topRows + small.costOnlyRows).toBeLessThanOrEqual(23);
    // One group's figures fit beside charts where every group's do not.
    expect(layoutFor(100, 30, 23, content)).toMatchObject({ figureLines: 14, costOnlyRows: 0 });
    expect(layoutFor(100, 30, 23, content).chartPlotRows).toBeGreaterThanOrEqual(3);
  });

  it('puts a heading before an agent group’s knobs and before the whole scenario’s', () => {
    const knob = (id: string, group?: string) => ({ id, ...(group === undefined ? {} : { group }) }) as Knob;
    expect(panelLines([knob('a', 'front'), knob('b', 'front'), knob('c')])).toEqual([
      { type: 'group', group: 'front' },
      { type: 'knob', index: 0 },
      { type: 'knob', index: 1 },
      { type: 'scenario' },
      { type: 'knob', index: 2 },
    ]);
    expect(panelLines([knob('a'), knob('b')])).toEqual([
      { type: 'knob', index: 0 },
      { type: 'knob', index: 1 },
    ]);
  });

  it('drops the charts on a very short terminal and scrolls the knobs', () => {
    const layout = layoutFor(80, 14, 12);
    expect(layout.chartPlotRows).toBe(0);
    expect(layout.visibleKnobs).toBe(layout.topRows - 1);
    expect(knobWindowStart(11, 12, 8)).toBe(4);
    expect(knobWindowStart(0, 12, 8)).toBe(0);
  });
});

describe('footerLines', () => {
  it('keeps every key: one line when wide, two on 80 columns, the most important on a very narrow screen', () => {
    const all = KEY_HELP.flatMap((k) => (k.short === null || k.groupsOnly === true ? [] : [k.short]));
    const wide = footerLines(119);
    expect(wide).toHaveLength(1);
    const narrow = footerLines(79);
    expect(narrow).toHaveLength(2);
    for (const lines of [wide, narrow]) {
      for (const short of all) expect(lines.join('  ')).toContain(short);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(lines === wide ? 119 : 79);
    }
    expect(narrow.join('  ')).toContain('⏎ type');
    expect(narrow.join('  ')).toContain('u undo');
    expect(footerLines(20)).toEqual(['↑↓←→ edit  ? help']);
    // The group key only with agent groups, and still on one line at 120 columns.
    expect(wide.join('  ')).not.toContain('g group');
    expect(footerLines(119, true)).toHaveLength(1);
    expect(footerLines(119, true)[0]).toContain('tab variant  g group');
    expect(footerLines(79, true).join('  ')).toContain('g group');
  });
});

describe('helpLines', () => {
  it('wraps every key and the notes to the width, and documents Ctrl-U', () => {
    const lines = helpLines(78);
    for (const line of lines) expect(line.keys.length + line.text.length).toBeLessThanOrEqual(78);
    expect(lines.map((l) => l.text).join(' ')).toContain('Ctrl-U');
    expect(lines.length).toBeGreaterThan(20); // taller than an 80 × 24 screen's body: it scrolls
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

  it('applies several Backspaces, Ctrl-U and text arriving in one read, in order', () => {
    // "90", two Backspaces and "120" in one chunk (a fast typist, tmux send-keys) give "120", not "90120".
    expect(editLine(lineOf('90'), '\u007f\u007f120', {})).toEqual({ text: '120', cursor: 3 });
    expect(editLine(lineOf('90'), '\u007f\u007f\u007f', {})).toEqual({ text: '', cursor: 0 });
    expect(editLine(lineOf('0.86'), '\u001586', {})).toEqual({ text: '86', cursor: 2 });
    expect(typeText(lineOf('save as name.yaml'), '\u0017x')).toEqual({ text: 'save as x', cursor: 9 });
    expect(typeText(lineOf('ab'), '\b\bc')).toEqual({ text: 'c', cursor: 1 });
    expect(typeText(lineOf(''), '\u007f')).toBeNull();
  });
});

describe('splitBurst', () => {
  it('splits a read into Enter, Tab, Esc, Ctrl-C and the text between them', () => {
    expect(splitBurst('0.86\r')).toEqual([{ input: '0.86', key: {} }, { input: '', key: { return: true } }]);
    expect(splitBurst('\r\u001545\r')).toEqual([
      { input: '', key: { return: true } },
      { input: '\u001545', key: {} },
      { input: '', key: { return: true } },
    ]);
    expect(splitBurst('\u0003')).toEqual([{ input: 'c', key: { ctrl: true } }]);
    expect(splitBurst('pasted text')).toBeNull();
  });
});
