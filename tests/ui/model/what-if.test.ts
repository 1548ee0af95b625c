import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../../src/core/sensitivity/explanation.js';
import type { PointTotals, SensitivityRow } from '../../../src/core/sensitivity/sensitivity-result.js';
import type { WhatIfMessage } from '../../../src/runner/sensitivity-thread.js';
import { readScenarioFile } from '../../../src/scenario/load.js';
import type { WhatIfState } from '../../../src/ui/model/what-if.js';
import { nextAgainst, startedWhatIf, whatIfBodyLines, whatIfHeadLines, whatIfPair, withWhatIfMessage } from '../../../src/ui/model/what-if.js';
import { SMALL } from '../helpers.js';

const scenario = readScenarioFile(SMALL);
const VARIANTS = ['mediocre', 'world-class'];

/** Totals of mediocre and world-class (both finite). */
function totals(mediocre: number, worldClass: number): PointTotals {
  return { totals: [mediocre, worldClass], status: ['ok', 'ok'] };
}

function row(fields: Partial<SensitivityRow> & Pick<SensitivityRow, 'path' | 'label' | 'phrase' | 'atLow' | 'atHigh' | 'swing'>): SensitivityRow {
  const difference = (p: PointTotals): number => (p.totals[1] ?? Number.NaN) - (p.totals[0] ?? Number.NaN);
  return {
    variant: null,
    kind: 'price',
    unit: 'money',
    base: 300,
    low: 100,
    high: 500,
    fromAssumptions: true,
    difference: { atLow: difference(fields.atLow), atHigh: difference(fields.atHigh) },
    breakEvens: [],
    finiteLimits: [],
    evaluations: 3,
    ...fields,
  };
}

// At the edited values world-class is 27,000 SEK cheaper; the price of an unresolved case flips that below 146 SEK;
// handle time moves the difference more, without flipping it.
const start: WhatIfMessage = {
  kind: 'start',
  variants: VARIANTS,
  currency: 'SEK',
  range: 0.25,
  atBase: totals(135_000, 108_000),
  inputs: 3,
  notVaried: [{ path: 'costs.fixedPerDay', label: 'fixed cost a day', variant: null, reason: 'it is 0' }],
};
const unresolved = row({
  path: 'costs.unresolvedCase',
  label: 'cost of an unresolved case',
  phrase: 'the cost of an unresolved case',
  atLow: totals(100_000, 105_000),
  atHigh: totals(170_000, 110_000),
  swing: 65_000,
  breakEvens: [{ value: 146.2, kind: 'root', side: 'low' }],
});
const handleTime = row({
  path: 'handling.handleTime',
  label: 'handle time',
  phrase: 'the handle time',
  kind: 'time',
  unit: 'seconds',
  base: 240,
  low: 180,
  high: 300,
  atLow: totals(180_000, 100_000),
  atHigh: totals(110_000, 105_000),
  swing: 75_000,
});
const patience = row({
  path: 'customers.patience',
  label: 'patience',
  phrase: 'the patience',
  kind: 'time',
  unit: 'seconds',
  base: 120,
  low: 90,
  high: 150,
  atLow: totals(135_000, 108_000),
  atHigh: totals(135_000, 108_000),
  swing: 0,
});
const explanation: Explanation = {
  variant: 'world-class',
  against: 'mediocre',
  parts: [
    { path: 'handling.handleTime', label: 'handle time', contribution: 12_000 },
    { path: 'handling.firstContactResolution', label: 'resolution', contribution: -39_000 },
  ],
  total: -27_000,
  method: 'exact',
  evaluations: 4,
  plans: 4,
};

function after(messages: readonly WhatIfMessage[], state: WhatIfState = startedWhatIf(scenario, VARIANTS)): WhatIfState {
  return messages.reduce((s, m, i) => withWhatIfMessage(s, m, 0.5 * (i + 1)), state);
}

/** The lines as one text (wrapped sentences joined again). */
const texts = (lines: readonly { text: string }[]): string => lines.map((l) => l.text.trim()).join(' ');

describe('which variants the what-if view compares', () => {
  const names = ['switchboard', 'mediocre', 'world-class'];
  it('the first two by default, else the selected one against the first (or the one c chose)', () => {
    expect(whatIfPair(names, 0, null)).toEqual(['switchboard', 'mediocre']);
    expect(whatIfPair(names, 2, null)).toEqual(['switchboard', 'world-class']);
    expect(whatIfPair(names, 2, 'mediocre')).toEqual(['mediocre', 'world-class']);
    expect(whatIfPair(names, 1, 'mediocre')).toEqual(['mediocre', 'switchboard']);
    expect(whatIfPair(names, 0, 'gone')).toEqual(['switchboard', 'mediocre']);
    expect(whatIfPair(['alone'], 0, null)).toEqual(['alone']);
    expect(nextAgainst(names, null)).toBe('mediocre');
    expect(nextAgainst(names, 'world-class')).toBe('switchboard');
  });
});

describe('what the what-if view shows from the rows it has', () => {
  it('before the thread answers: the title and that it is starting', () => {
    const head = texts(whatIfHeadLines(startedWhatIf(scenario, VARIANTS), 80));
    expect(head).toContain('What-if: world-class − mediocre');
    expect(head).toContain('starting the analysis…');
    expect(whatIfBodyLines(startedWhatIf(scenario, VARIANTS), 80)).toEqual([]);
  });

  it('while computing: the progress, the totals now, and which input the answer depends on so far', () => {
    const state = after([start, { kind: 'row', row: patience }, { kind: 'row', row: unresolved }]);
    const head = texts(whatIfHeadLines(state, 120));
    expect(head).toContain('2/3 inputs');
    expect(head).toContain('what drives it …');
    expect(head).toContain('now: mediocre 135,000 SEK · world-class 108,000 SEK · difference −27,000 SEK');
    expect(head).toContain(
      'So far, the answer depends most on the cost of an unresolved case: world-class stays cheaper than mediocre unless the cost of an unresolved case is below 146 SEK (scenario: 300 SEK).',
    );
    const body = texts(whatIfBodyLines(state, 120));
    expect(body).toContain('What drives the difference: computing…');
    expect(body).toContain('2 of 3 so far');
  });

  it('when done: the tornado by swing (the flipping input marked), the parts largest first, the break-even sentences', () => {
    const state = after([start, { kind: 'explanation', explanation }, { kind: 'row', row: patience }, { kind: 'row', row: unresolved }, { kind: 'row', row: handleTime }, { kind: 'done' }]);
    const head = texts(whatIfHeadLines(state, 200));
    expect(head).toContain('3 inputs analysed in 3.0 s');
    // The answer flips with the price; the size of the difference moves most with handle time.
    expect(head).toContain('The answer depends most on the cost of an unresolved case: world-class stays cheaper than mediocre unless the cost of an unresolved case is below 146 SEK (scenario: 300 SEK).');
    expect(head).toContain('The difference moves most with the handle time (−80,000 SEK to −5,000 SEK).');
    const body = whatIfBodyLines(state, 100).map((l) => l.text);
    const at = (text: string): number => body.findIndex((line) => line.includes(text));
    expect(body[0]).toContain('What drives the −27,000 SEK');
    expect(at('resolution')).toBeLessThan(at('  handle time')); // |−39,000| before |+12,000|
    expect(body[at('resolution')]).toMatch(/resolution\s+−39,000 SEK\s+█+│$/);
    expect(body[at('  handle time')]).toMatch(/handle time\s+\+12,000 SEK\s+│█+$/);
    // Tornado: handle time (swing 75,000), the price (65,000, breaks even: ✱), patience (no effect).
    const tornado = body.slice(body.findIndex((line) => line.startsWith('input ')));
    expect(tornado[1]).toMatch(/^handle time\s+−80,000\s+−5,000\s/);
    expect(tornado[2]).toMatch(/^cost of an unresolved case\s+\+5,000\s+−60,000\s.*✱$/);
    expect(tornado[3]).toMatch(/^patience\s+0\s+0|^patience\s+−27,000\s+−27,000/);
    expect(body).toContain('Where it breaks even:');
    expect(texts(whatIfBodyLines(state, 200))).toContain('world-class stays cheaper than mediocre over the whole range of the other 2 inputs.');
    expect(texts(whatIfBodyLines(state, 200))).toContain('No effect on the analytic plan: patience.');
    expect(texts(whatIfBodyLines(state, 200))).toContain('Not varied: fixed cost a day (it is 0).');
  });

  it('names the ranges: ±25%, or those of the scenario’s assumptions:', () => {
    expect(texts(whatIfHeadLines(after([start]), 120))).toContain('(edited scenario, analytic, inputs ±25%)');
    const assumed = readScenarioFile('tests/fixtures/sensitivity/with-assumptions.yaml');
    expect(texts(whatIfHeadLines(after([start], startedWhatIf(assumed, VARIANTS)), 120))).toContain('inputs over their assumptions: (else ±25%)');
  });

  it('fits 80 and 120 columns', () => {
    const state = after([start, { kind: 'explanation', explanation }, { kind: 'row', row: unresolved }, { kind: 'row', row: handleTime }, { kind: 'done' }]);
    for (const width of [79, 119]) {
      for (const line of [...whatIfHeadLines(state, width), ...whatIfBodyLines(state, width)]) {
        if (line.tone !== 'title') expect([...line.text].length, line.text).toBeLessThanOrEqual(width);
      }
    }
    // The input's range is shown where there is room.
    expect(texts(whatIfBodyLines(state, 119))).toContain('100 SEK … 500 SEK');
    expect(texts(whatIfBodyLines(state, 79))).not.toContain('100 SEK … 500 SEK');
  });

  it('names the variant without a finite cost, and says where the difference stops being finite', () => {
    const demand = row({
      path: 'demand.casesPerDay',
      label: 'new cases a day',
      phrase: 'the number of new cases a day',
      kind: 'volume',
      unit: 'count',
      atLow: totals(120_000, 95_000),
      atHigh: { totals: [150_000, Number.POSITIVE_INFINITY], status: ['ok', 'unstable'] },
      swing: Number.POSITIVE_INFINITY,
      finiteLimits: [{ side: 'high', finiteUntil: 303, notFiniteFrom: 304 }],
    });
    const state = after([start, { kind: 'row', row: demand }, { kind: 'done' }]);
    expect(texts(whatIfHeadLines(state, 200))).toContain(
      'The answer depends most on the number of new cases a day: over 100 … 500 the difference runs from −25,000 SEK to ∞ (world-class unstable); finite only below about 304.',
    );
    expect(texts(whatIfBodyLines(state, 100))).toMatch(/new cases a day\s+−25,000\s+world-class ∞/);
    expect(texts(whatIfBodyLines(state, 200))).toContain('With the number of new cases a day above about 304 world-class is unstable');
    const both = row({ ...demand, label: 'redial probability', atHigh: { totals: [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY], status: ['unstable', 'unstable'] } });
    expect(texts(whatIfBodyLines(after([start, { kind: 'row', row: both }]), 80))).toMatch(/redial probability\s+−25,000\s+both ∞/);
  });

  it('says why a difference cannot be split, and why the analysis stopped', () => {
    const none: Explanation = { ...explanation, parts: [], total: Number.NaN, method: 'none', problem: 'with resolution of world-class switched, the variant is unstable' };
    const unsplit = texts(whatIfBodyLines(after([start, { kind: 'explanation', explanation: none }]), 100));
    expect(unsplit).toContain('What drives the difference: the inputs in which world-class differs');
    expect(unsplit).toContain('not split: with resolution of world-class switched, the variant is unstable');
    const failed = after([{ kind: 'problem', message: 'handling.firstContactResolution: must be at most 1' }]);
    expect(failed.status).toBe('failed');
    expect(texts(whatIfHeadLines(failed, 100))).toContain('✗ cannot analyse the edited scenario: handling.firstContactResolution: must be at most 1');
  });

  it('with one variant: how its total moves, without parts or break-evens', () => {
    const one: WhatIfMessage = { ...start, variants: ['mediocre'], atBase: { totals: [135_000], status: ['ok'] } };
    const only = row({ path: 'costs.unresolvedCase', label: 'cost of an unresolved case', phrase: 'the cost of an unresolved case', atLow: { totals: [100_000], status: ['ok'] }, atHigh: { totals: [170_000], status: ['ok'] }, swing: 70_000, difference: null });
    const state = after([one, { kind: 'row', row: only }, { kind: 'done' }], startedWhatIf(scenario, ['mediocre']));
    const head = texts(whatIfHeadLines(state, 200));
    expect(head).toContain('What-if: total cost of mediocre');
    expect(head).toContain('over 100 SEK … 500 SEK the total of mediocre runs from 100,000 SEK to 170,000 SEK.');
    const body = texts(whatIfBodyLines(state, 100));
    expect(body).not.toContain('What drives');
    expect(body).toMatch(/cost of an unresolved case\s+100,000\s+170,000/);
  });
});
