import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { readScenarioFile } from '../../../src/scenario/load.js';
import {
  distinctLabels,
  distributionWithMean,
  formatKnobValue,
  KNOB_LABEL_WIDTH,
  knobsFor,
  knobText,
  niceStep,
  parseKnobInput,
  resizeToHours,
  steppedValue,
} from '../../../src/ui/model/knobs.js';
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
  it('gives a target variant its target, the occupancy cap and the method, then demand, handling, customers, hours and prices', () => {
    const knobs = knobsFor(small, 'lean');
    expect(knobs.map((k) => [k.label, knobText(k), k.unit])).toEqual([
      ['SL target', '60', '%'],
      ['target within', '20', 's'],
      ['max occupancy', 'none', '%'],
      ['method', 'Erlang A', ''],
      ['new cases/day', '200', ''],
      ['handle time', '240', 's'],
      ['1st-call res.', '70', '%'],
      ['patience', '120', 's'],
      ['redial prob.', '50', '%'],
      ['repeat prob.', '80', '%'],
      ['shrinkage', '30', '%'],
      ['opens', '08:00', ''],
      ['closes', '10:00', ''],
      ['agent hour', '40', 'EUR'],
      ['overtime hour', '40', 'EUR'],
      ['wait cost/min', '0', 'EUR'],
      ['unresolved', '25', 'EUR'],
    ]);
    for (const k of knobs) expect(k.label.length).toBeLessThanOrEqual(KNOB_LABEL_WIDTH);
  });

  it('gives shift staffing one knob per shift and agent staffing the agents', () => {
    expect(knobsFor(shifts, 'rota').slice(0, 2).map((k) => [k.label, k.value])).toEqual([
      ['shift early', 3],
      ['shift late', 2],
    ]);
    expect(knobsFor(shifts, 'fixed')[0]).toMatchObject({ label: 'phone agents', value: 4 });
  });

  it('keeps long shift names apart: what tells them apart stays, never two alike', () => {
    const names = ['full-0700-1500-b1000', 'full-0700-1500-b1030-mon', 'full-0700-1500-b1030-tue', 'part-1700-2100-mon', 'early'];
    expect(distinctLabels(names, 13, 'shift ')).toEqual(['…0-1500-b1000', '…00-b1030-mon', '…00-b1030-tue', 'part-1700-21…', 'shift early']);
    expect(distinctLabels(['switchboard', 'mediocre'], 8)).toEqual(['switchb…', 'mediocre']);
    const twins = distinctLabels(['a-very-long-name', 'a-very-long-name'], 8);
    expect(new Set(twins).size).toBe(2);
    // The 85 shifts the scheduler wrote for the README's walk-through: 85 different labels of at most 13 characters.
    const bank = readScenarioFile('scenarios/examples/bank-with-shifts.yaml').variants.find((v) => v.name === 'shifts')?.model.staffing;
    const shiftNames = bank?.kind === 'shifts' ? bank.shifts.map((shift) => shift.name) : [];
    expect(shiftNames).toHaveLength(85);
    const labels = knobsFor(readScenarioFile('scenarios/examples/bank-with-shifts.yaml'), 'shifts').slice(0, 85).map((k) => k.label);
    expect(new Set(labels).size).toBe(85);
    for (const label of labels) expect([...label].length).toBeLessThanOrEqual(KNOB_LABEL_WIDTH);
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
    // A target cannot lose its only bound.
    const lone = readScenarioFile(SMALL);
    const noOccupancy = knob(knobsFor(lone, 'lean'), 'staffing.target.maxOccupancy').apply(lone, null);
    expect(() => knob(knobsFor(noOccupancy, 'lean'), 'staffing.target.answerWithinSeconds').apply(noOccupancy, -5)).toThrow(InputError);
  });

  it('makes patience infinite on an Erlang A target by staffing it with Erlang C, and says so', () => {
    const patience = knob(knobsFor(small, 'lean'), 'customers.patience');
    const next = patience.apply(small, null);
    const lean = next.variants.find((v) => v.name === 'lean')?.model;
    expect(lean?.customers.patience).toBeNull();
    expect(lean?.staffing.kind === 'target' && lean.staffing.target.method).toBe('erlang-c');
    expect(next.variants.find((v) => v.name === 'good')?.model.customers.patience).not.toBeNull();
    expect(patience.explain?.(null)).toMatch(/Erlang C instead of Erlang A/);
    // Back to a finite patience: the method stays as set, and the explanation says how to switch it.
    const back = knob(knobsFor(next, 'lean'), 'customers.patience');
    expect(back.explain?.(300)).toMatch(/method knob switches to Erlang A/);
    const method = knob(knobsFor(back.apply(next, 300), 'lean'), 'staffing.target.method');
    expect(knobText(method)).toBe('Erlang C');
    const erlangA = method.apply(back.apply(next, 300), steppedValue(method, 1, false));
    const model = erlangA.variants.find((v) => v.name === 'lean')?.model;
    expect(model?.staffing.kind === 'target' && model.staffing.target.method).toBe('erlang-a');
  });

  it('sets the occupancy cap in percent and removes it with none', () => {
    const cap = knob(knobsFor(small, 'lean'), 'staffing.target.maxOccupancy');
    expect(cap.value).toBeNull();
    expect(steppedValue(cap, -1, false)).toBe(85);
    const capped = cap.apply(small, 85).variants.find((v) => v.name === 'lean')?.model.staffing;
    expect(capped?.kind === 'target' && capped.target.maxOccupancy).toBe(0.85);
    const world = readScenarioFile('scenarios/municipal-contact-centre.yaml');
    const open = knob(knobsFor(world, 'world-class', 'front-line'), 'groups.front-line.staffing.target.maxOccupancy').apply(world, null);
    const model = open.variants.find((v) => v.name === 'world-class')?.model.network?.groups[0]?.staffing;
    expect(model?.kind === 'target' && model.target.maxOccupancy).toBeNull();
  });

  it('sets new cases a day in whatever form the file gives demand', () => {
    const perDay = knob(knobsFor(small, 'lean'), 'demand.cases').apply(small, 300);
    expect(perDay.variants.find((v) => v.name === 'lean')?.model.demand.casesPerInterval[0]?.reduce((a, b) => a + b, 0)).toBeCloseTo(300, 9);
    expect(perDay.variants.find((v) => v.name === 'good')?.model.demand.casesPerInterval[0]?.reduce((a, b) => a + b, 0)).toBeCloseTo(200, 9);
    // casesPerHour: 30 an hour for 4 hours is 120 a day; 240 a day is 60 an hour.
    const hourly = knob(knobsFor(shifts, 'rota'), 'demand.cases');
    expect(hourly.value).toBe(120);
    const doubled = hourly.apply(shifts, 240).variants.find((v) => v.name === 'rota')?.model.demand.casesPerInterval[0];
    expect(doubled).toEqual([60, 60, 60, 60]);
  });

  it('moves the opening hours with the intraday profile, keeping each kept interval and the day’s cases', () => {
    const opens = knob(knobsFor(small, 'lean'), 'calendar.open');
    expect(knobText(opens)).toBe('08:00');
    expect(steppedValue(opens, -1, false)).toBe(7 * 60 + 30);
    const earlier = opens.apply(small, 7 * 60 + 30);
    const lean = earlier.variants.find((v) => v.name === 'lean')?.model;
    expect(lean?.calendar.openSeconds).toBe(7.5 * 3600);
    // The profile [1, 2, 2, 1] gains a 07:30 interval weighted like 08:00: [1, 1, 2, 2, 1] of the same 200 cases.
    expect(lean?.demand.casesPerInterval[0]).toEqual([200 / 7, 200 / 7, 400 / 7, 400 / 7, 200 / 7].map((x) => expect.closeTo(x, 9)));
    const closes = knob(knobsFor(small, 'good'), 'calendar.close');
    const shorter = closes.apply(small, 9 * 60).variants.find((v) => v.name === 'good')?.model;
    expect(shorter?.demand.casesPerInterval[0]).toEqual([200 / 3, 400 / 3].map((x) => expect.closeTo(x, 9)));
    expect(resizeToHours([1, 2, 3], { openSeconds: 28_800, intervalSeconds: 3600 }, { openSeconds: 25_200, closeSeconds: 36_000 }, false)).toEqual([1, 1, 2]);
    expect(resizeToHours([10, 20], { openSeconds: 0, intervalSeconds: 3600 }, { openSeconds: 0, closeSeconds: 3 * 3600 }, true)).toEqual([6, 12, 12]);
    expect(() => opens.apply(small, 8 * 60 + 10)).toThrow(InputError); // not on the 30-minute grid
  });

  it('sets the overtime and waiting prices', () => {
    const knobs = knobsFor(small, 'good');
    const next = knob(knobs, 'costs.customerWaitMinute').apply(knob(knobs, 'costs.overtimeHour').apply(small, 60), 1.5);
    const costs = next.variants.find((v) => v.name === 'good')?.model.costs;
    expect([costs?.perOvertimeHour, costs?.perCustomerWaitMinute]).toEqual([60, 1.5]);
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
    expect(parseKnobInput(percent, '85%')).toEqual({ ok: true, value: 85, note: null });
    expect(parseKnobInput(percent, '72,5')).toEqual({ ok: true, value: 72.5, note: null });
    expect(parseKnobInput(patience, '∞')).toEqual({ ok: true, value: null, note: null });
    expect(parseKnobInput(patience, '120 s')).toEqual({ ok: true, value: 120, note: null });
    expect(parseKnobInput(percent, 'none')).toMatchObject({ ok: false });
    expect(parseKnobInput(percent, '101')).toEqual({ ok: false, message: '1st-call res.: expected 0 to 100 % (got 101)' });
  });

  it('reads a share typed as 86, 86% or 0.86 as 86 %, and says how it read a fraction', () => {
    expect(parseKnobInput(percent, '86')).toEqual({ ok: true, value: 86, note: null });
    expect(parseKnobInput(percent, '86%')).toEqual({ ok: true, value: 86, note: null });
    expect(parseKnobInput(percent, '0.86')).toEqual({ ok: true, value: 86, note: '0.86 read as the share 0.86 = 86 %' });
    expect(parseKnobInput(percent, '0,86')).toMatchObject({ ok: true, value: 86 });
    expect(parseKnobInput(percent, '.5')).toMatchObject({ ok: true, value: 50 });
    // With a % sign a number is taken as written; 1 is 1 %, and the note says how to get all.
    expect(parseKnobInput(percent, '0.5%')).toEqual({ ok: true, value: 0.5, note: null });
    expect(parseKnobInput(percent, '1')).toEqual({ ok: true, value: 1, note: '1 read as 1 % (type 100 for all)' });
    expect(parseKnobInput(percent, '0')).toEqual({ ok: true, value: 0, note: null });
    // Not shares: a patience of 0.5 s stays 0.5 s (and is out of bounds).
    expect(parseKnobInput(patience, '0.5')).toMatchObject({ ok: false });
  });

  it('reads times and method names', () => {
    const opens = knob(knobsFor(small, 'lean'), 'calendar.open');
    for (const text of ['7:30', '07:30', '0730', '7.30']) expect(parseKnobInput(opens, text)).toEqual({ ok: true, value: 450, note: null });
    expect(parseKnobInput(opens, '8')).toMatchObject({ ok: true, value: 480 });
    expect(parseKnobInput(opens, '8:75')).toMatchObject({ ok: false });
    expect(parseKnobInput(opens, '25:00')).toMatchObject({ ok: false });
    const method = knob(knobsFor(small, 'lean'), 'staffing.target.method');
    expect(parseKnobInput(method, 'erlang-c')).toMatchObject({ ok: true, value: 0 });
    expect(parseKnobInput(method, 'Erlang A')).toMatchObject({ ok: true, value: 1 });
    expect(parseKnobInput(method, 'c')).toMatchObject({ ok: true, value: 0 });
    expect(parseKnobInput(method, 'isa')).toEqual({ ok: false, message: 'method: expected one of Erlang C, Erlang A (got "isa")' });
    expect(steppedValue(method, 1, false)).toBe(0); // a choice wraps around
  });

  it('formats values without trailing zeros and picks nice steps', () => {
    expect(formatKnobValue(53)).toBe('53');
    expect(formatKnobValue(35.5)).toBe('35.5');
    expect(formatKnobValue(12345)).toBe('12,345');
    expect(formatKnobValue(32526.8)).toBe('32,527');
    expect(formatKnobValue(null, '∞')).toBe('∞');
    expect(niceStep(13, 1)).toBe(10);
    expect(niceStep(65, 1)).toBe(50);
    expect(niceStep(1.5, 1)).toBe(1);
    expect(niceStep(0, 7)).toBe(7);
  });
});
