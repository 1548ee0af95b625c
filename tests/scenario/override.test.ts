import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { applyOverride, loadScenarioDocument, parseScenarioText } from '../../src/scenario/load.js';
import { scenarioText } from './helpers.js';

function badPathOf(document: unknown, path: string): InputError {
  try {
    applyOverride(document, path, 1);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to be rejected`);
}

describe('applyOverride', () => {
  const document = {
    name: 'x',
    staffing: { shifts: [{ name: 'a', agents: 3 }, { name: 'b', agents: 4 }], shrinkage: 0.3 },
    handling: { handleTime: { distribution: 'lognormal', meanMinutes: 4, cv: 0.9 } },
    variants: { 'world-class': { staffing: { target: { serviceLevel: 0.8 } } } },
  };

  it('sets a nested value and leaves the original alone', () => {
    const result = applyOverride(document, 'staffing.shrinkage', 0.25);
    expect(result).toMatchObject({ staffing: { shrinkage: 0.25 } });
    expect(document.staffing.shrinkage).toBe(0.3);
  });

  it('copies only the mappings and lists on the path: the original keeps every value, the rest is shared', () => {
    const result = applyOverride(document, 'staffing.shifts[1].agents', 7) as typeof document;
    expect(document.staffing.shifts[1]?.agents).toBe(4);
    expect(result.staffing.shifts[1]?.agents).toBe(7);
    expect(result.staffing.shifts[0]).toBe(document.staffing.shifts[0]);
    expect(result.handling).toBe(document.handling);
    const switched = applyOverride(document, 'staffing.agents', 12) as typeof document;
    expect(switched.staffing).not.toHaveProperty('shifts');
    expect(document.staffing.shifts).toHaveLength(2);
    const removed = applyOverride(document, 'staffing.shifts[0]', undefined) as typeof document;
    expect(removed.staffing.shifts).toHaveLength(1);
    expect(document.staffing.shifts).toHaveLength(2);
  });

  it('sets an item of a list: a.b[2].c', () => {
    expect(applyOverride(document, 'staffing.shifts[1].agents', 7)).toMatchObject({
      staffing: { shifts: [{ name: 'a', agents: 3 }, { name: 'b', agents: 7 }] },
    });
  });

  it('creates missing mappings (and a list for an index)', () => {
    expect(applyOverride(document, 'costs.agentHour', 420)).toMatchObject({ costs: { agentHour: 420 } });
    expect(applyOverride(document, 'demand.intradayProfile[0]', 3)).toMatchObject({ demand: { intradayProfile: [3] } });
  });

  it('appends at the end of a list', () => {
    expect(applyOverride(document, 'staffing.shifts[2]', { name: 'c', agents: 1 })).toMatchObject({
      staffing: { shifts: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
    });
  });

  it('reaches into variants by name, dashes included', () => {
    expect(applyOverride(document, 'variants.world-class.staffing.target.serviceLevel', 0.9)).toMatchObject({
      variants: { 'world-class': { staffing: { target: { serviceLevel: 0.9 } } } },
    });
  });

  it('switches the staffing form: the other forms are dropped', () => {
    const result = applyOverride(document, 'staffing.agents', 12) as typeof document;
    expect(result.staffing).toEqual({ shrinkage: 0.3, agents: 12 });
  });

  it('switches the unit of a mean: the other unit is dropped', () => {
    const result = applyOverride(document, 'handling.handleTime.meanSeconds', 300) as typeof document;
    expect(result.handling.handleTime).toEqual({ distribution: 'lognormal', cv: 0.9, meanSeconds: 300 });
  });

  it('removes a key when the value is undefined', () => {
    const result = applyOverride(document, 'staffing.shrinkage', undefined) as typeof document;
    expect(result.staffing).not.toHaveProperty('shrinkage');
  });

  it.each([
    ['name.first', 'not a mapping'],
    ['staffing.shifts.first', 'not a mapping'],
    ['staffing[0]', 'not a list'],
    ['staffing.shifts[5].agents', 'past its end'],
    ['', 'expected a path'],
    ['staffing..agents', 'expected a path'],
    ['staffing.shifts[x]', 'expected a path'],
  ])('rejects the impossible path %j with bad_path', (path, message) => {
    const error = badPathOf(document, path);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path, code: 'bad_path' });
    expect(error.issues[0]?.message).toContain(message);
  });

  it.each(['__proto__.polluted', 'constructor.prototype.polluted', 'staffing.__proto__.shrinkage', 'variants["x"].prototype'])(
    'rejects the reserved key in %j as a bad path and changes no prototype',
    (path) => {
      const error = badPathOf(document, path);
      expect(error.issues[0]).toMatchObject({ path, code: 'bad_path' });
      expect(error.issues[0]?.message).toMatch(/^"(__proto__|constructor|prototype)" is not a key of a scenario \(__proto__, constructor, prototype are reserved\)$/);
      expect(({} as Record<string, unknown>)['polluted']).toBe(undefined);
      expect(({} as Record<string, unknown>)['shrinkage']).toBe(undefined);
    },
  );

  it('gives a document that loads like the file (the sweep workflow)', () => {
    const loaded = parseScenarioText(scenarioText());
    const changed = loadScenarioDocument(applyOverride(loaded.document, 'staffing.agents', 14));
    expect(changed.variants[0]?.model.staffing).toEqual({ kind: 'agents', agents: 14, shrinkage: 0 });
    expect(loaded.variants[0]?.model.staffing).toEqual({ kind: 'agents', agents: 10, shrinkage: 0 });
    expect(() => loadScenarioDocument(applyOverride(loaded.document, 'staffing.agents', -1))).toThrow(
      'staffing.agents: expected a whole number of agents ≥ 0 and ≤ 100,000 (got -1)',
    );
  });
});
