import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/scenario/load.js';
import { inputLabel, inputPhrase, outcomesWithShare, relativeRange, sensitivityWorkspace } from '../../src/scenario/sensitivity-inputs.js';

const twoTeams = 'tests/fixtures/sensitivity/two-teams.yaml';

describe('outcomesWithShare', () => {
  it('moves one share and scales the others so that they still sum to 1 and keep their mix', () => {
    const moved = outcomesWithShare({ resolved: 0.5, callback: { b: 0.3 }, unresolved: 0.2 }, ['resolved'], 0.6);
    expect(moved['resolved']).toBe(0.6);
    expect((moved['callback'] as Record<string, number>)['b']).toBeCloseTo(0.24, 12);
    expect(moved['unresolved']).toBeCloseTo(0.16, 12);
  });

  it('gives the rest to unresolved when no other share exists', () => {
    expect(outcomesWithShare({ resolved: 1 }, ['resolved'], 0.7)).toEqual({ resolved: 0.7, unresolved: expect.closeTo(0.3, 12) });
  });
});

describe('relativeRange', () => {
  it('clamps shares to 0..1 and keeps agents whole and at least one apart', () => {
    expect(relativeRange('share', 0.9, 0.25)).toEqual({ low: 0.675, high: 1 });
    expect(relativeRange('agents', 1, 0.25)).toEqual({ low: 0, high: 2 });
    expect(relativeRange('price', 100, 0.5)).toEqual({ low: 50, high: 150 });
  });
});

describe('labels', () => {
  it('names inputs for tables and for sentences', () => {
    expect(inputLabel('groups.case-officers.costs.agentHour')).toBe('case-officers: price of an agent hour');
    expect(inputPhrase('costs.unresolvedCase')).toBe('the cost of an unresolved case');
    expect(inputPhrase('groups.front-line.handling.handleTime.meanSeconds', 'mediocre')).toBe('the front-line handle time in mediocre');
  });
});

describe('sensitivityWorkspace', () => {
  it('moves an input shared by both variants in both, and one that differs in each variant on its own', () => {
    const workspace = sensitivityWorkspace(readScenarioFile(twoTeams), { range: 0.25 });
    expect(workspace.variants).toEqual(['small', 'large']);
    const price = workspace.inputs.find((input) => input.path === 'costs.unresolvedCase');
    expect(price).toMatchObject({ variant: null, base: 100, low: 75, high: 125, kind: 'price' });
    const agents = workspace.inputs.filter((input) => input.path === 'staffing.agents');
    expect(agents.map((input) => [input.variant, input.base, input.low, input.high])).toEqual([
      ['small', 6, 5, 8],
      ['large', 8, 6, 10],
    ]);
    const [small, large] = workspace.modelsAt(agents[1]!, 10);
    expect(small?.staffing).toMatchObject({ kind: 'agents', agents: 6 });
    expect(large?.staffing).toMatchObject({ kind: 'agents', agents: 10 });
    // a price of 0 cannot move by a relative range
    expect(workspace.notVaried.map((n) => n.path)).toContain('costs.telephonyMinute');
  });

  it('varies exactly the inputs of assumptions:, with their labels and ranges', () => {
    const workspace = sensitivityWorkspace(readScenarioFile('tests/fixtures/sensitivity/with-assumptions.yaml'), { range: 0.1 });
    expect(workspace.inputs.map((input) => [input.path, input.label, input.low, input.high])).toEqual([
      ['costs.unresolvedCase', 'the price of a case given up', 0, 5000],
      ['handling.handleTime.meanSeconds', 'the handle time', 216, 264],
    ]);
  });
});
