import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { readScenarioFile } from '../../../src/scenario/load.js';
import { distributionWithMean, formatKnobValue, knobsFor, niceStep, parseKnobInput, steppedValue } from '../../../src/ui/model/knobs.js';
import type { Knob } from '../../../src/ui/model/knobs.js';
import { SHIFTS, SMALL } from '../helpers.js';

const small = readScenarioFile(SMALL);
const shifts = readScenarioFile(SHIFTS);

function knob(knobs: readonly Knob[], id: string): Knob {
  const found = knobs.find((k) => k.id === id);
  if (found === undefined) throw new Error(`no knob ${id}`);
  return found;
}

describe('knobsFor', () => {
  it('gives a target variant its target, then handling, patience, redials, repeats, shrinkage and costs, each with a unit', () => {
    const knobs = knobsFor(small, 'lean');
    expect(knobs.map((k) => [k.label, k.value, k.unit])).toEqual([
      ['SL target', 60, '%'],
      ['target within', 20, 's'],
      ['handle time', 240, 's'],
      ['1st-contact res.', 70, '%'],
      ['patience', 120, 's'],
      ['redial prob.', 50, '%'],
      ['repeat prob.', 80, '%'],
      ['shrinkage', 30, '%'],
      ['agent hour', 40, 'EUR'],
      ['unresolved case', 25, 'EUR'],
    ]);
    for (const k of knobs) expect(k.label.length).toBeLessThanOrEqual(16);
  });

  it('gives shift staffing one knob per shift and agent staffing the agents', () => {
    expect(knobsFor(shifts, 'rota').slice(0, 2).map((k) => [k.label, k.value])).toEqual([
      ['shift early', 3],
      ['shift late', 2],
    ]);
    expect(knobsFor(shifts, 'fixed')[0]).toMatchObject({ label: 'agents on phone', value: 4 });
  });

  it('writes a change into the variant only, validated', () => {
    const next = knob(knobsFor(small, 'lean'), 'staffing.target.serviceLevel').apply(small, 65);
    const lean = next.variants.find((v) => v.name === 'lean')?.model;
    const good = next.variants.find((v) => v.name === 'good')?.model;
    expect(lean?.staffing.kind === 'target' && lean.staffing.target.serviceLevel).toBe(0.65);
    expect(good?.staffing.kind === 'target' && good.staffing.target.serviceLevel).toBe(0.8);
    expect((next.document as { variants: Record<string, unknown> }).variants['lean']).toMatchObject({ staffing: { target: { serviceLevel: 0.65 } } });
  });

  it('keeps the kind of a distribution and changes its mean', () => {
    const next = knob(knobsFor(small, 'good'), 'handling.handleTime').apply(small, 300);
    expect(next.variants.find((v) => v.name === 'good')?.model.handling.handleTime).toEqual({ kind: 'lognormal', meanSeconds: 300, cv: 1 });
    expect(next.variants.find((v) => v.name === 'lean')?.model.handling.handleTime).toEqual({ kind: 'lognormal', meanSeconds: 240, cv: 1 });
    expect(distributionWithMean({ kind: 'uniform', minSeconds: 60, maxSeconds: 180 }, 240)).toEqual({ distribution: 'uniform', minSeconds: 120, maxSeconds: 360 });
    expect(distributionWithMean({ kind: 'erlang', meanSeconds: 100, k: 3 }, 50)).toEqual({ distribution: 'erlang', meanSeconds: 50, k: 3 });
    expect(distributionWithMean({ kind: 'fixed', seconds: 10 }, 20)).toEqual({ distribution: 'fixed', seconds: 20 });
  });

  it('writes the whole list of shifts back with one shift changed', () => {
    const next = knob(knobsFor(shifts, 'rota'), 'shift:late').apply(shifts, 4);
    const rota = next.variants.find((v) => v.name === 'rota')?.model.staffing;
    expect(rota?.kind === 'shifts' && rota.shifts.map((s) => [s.name, s.agents])).toEqual([
      ['early', 3],
      ['late', 4],
    ]);
    const fixed = next.variants.find((v) => v.name === 'fixed')?.model.staffing;
    expect(fixed).toMatchObject({ kind: 'agents', agents: 4 });
  });

  it('sets infinite patience with none, and refuses what the scenario rules forbid', () => {
    const patience = knob(knobsFor(shifts, 'rota'), 'customers.patience');
    expect(patience.value).toBeNull();
    const finite = patience.apply(shifts, 300);
    expect(finite.variants[0]?.model.customers.patience).toEqual({ kind: 'exponential', meanSeconds: 300 });
    const again = knob(knobsFor(finite, 'rota'), 'customers.patience').apply(finite, null);
    expect(again.variants[0]?.model.customers.patience).toBeNull();
    // Erlang A needs callers who abandon.
    expect(() => knob(knobsFor(small, 'lean'), 'customers.patience').apply(small, null)).toThrow(InputError);
  });
});

describe('steppedValue', () => {
  const base: Knob = { id: 'x', label: 'x', unit: '', description: '', value: 263, step: 10, bigStep: 50, min: 0, max: 1000, apply: (s) => s };

  it('moves to the next point of the step grid, within bounds', () => {
    expect(steppedValue(base, 1, false)).toBe(270);
    expect(steppedValue(base, -1, false)).toBe(260);
    expect(steppedValue({ ...base, value: 260 }, -1, false)).toBe(250);
    expect(steppedValue(base, 1, true)).toBe(300);
    expect(steppedValue({ ...base, value: 5 }, -1, true)).toBe(0);
    expect(steppedValue({ ...base, value: 1000 }, 1, false)).toBe(1000);
  });

  it('goes from a maximum to none and back for a knob that allows none', () => {
    const patience: Knob = { ...base, value: 3600, max: 3600, min: 1, noneText: '∞', startValue: 3600 };
    expect(steppedValue(patience, 1, false)).toBeNull();
    expect(steppedValue({ ...patience, value: null }, -1, false)).toBe(3600);
    expect(steppedValue({ ...patience, value: null }, 1, false)).toBeNull();
  });

  it('does not pile up binary noise', () => {
    expect(steppedValue({ ...base, value: 0.35, step: 0.01 }, 1, false)).toBe(0.36);
  });
});

describe('parseKnobInput and formatting', () => {
  const percent = knob(knobsFor(small, 'lean'), 'handling.firstContactResolution');
  const patience = knob(knobsFor(small, 'lean'), 'customers.patience');

  it('reads numbers with a unit sign or a decimal comma, and none where allowed', () => {
    expect(parseKnobInput(percent, '85%')).toEqual({ ok: true, value: 85 });
    expect(parseKnobInput(percent, '72,5')).toEqual({ ok: true, value: 72.5 });
    expect(parseKnobInput(patience, '∞')).toEqual({ ok: true, value: null });
    expect(parseKnobInput(percent, 'none')).toMatchObject({ ok: false });
    expect(parseKnobInput(percent, '101')).toEqual({ ok: false, message: '1st-contact res.: expected 0 to 100 % (got 101)' });
  });

  it('formats values without trailing zeros and picks nice steps', () => {
    expect(formatKnobValue(53)).toBe('53');
    expect(formatKnobValue(35.5)).toBe('35.5');
    expect(formatKnobValue(12345)).toBe('12,345');
    expect(formatKnobValue(null, '∞')).toBe('∞');
    expect(niceStep(13, 1)).toBe(10);
    expect(niceStep(65, 1)).toBe(50);
    expect(niceStep(1.5, 1)).toBe(1);
    expect(niceStep(0, 7)).toBe(7);
  });
});
