import { describe, expect, it } from 'vitest';
import { InfeasibleError } from '../../../src/core/errors.js';
import { readScenarioFile } from '../../../src/scenario/load.js';
import { createAnalyser } from '../../../src/ui/model/analysis.js';
import { knobsFor } from '../../../src/ui/model/knobs.js';
import { computeSweep, sweepParametersFor } from '../../../src/ui/model/sweep.js';
import { fakePlan, SHIFTS, SMALL } from '../helpers.js';

const immediate = () => Promise.resolve();

describe('sweepParametersFor', () => {
  it('offers the service-level target and first-contact resolution, or the staffing knob without a target', () => {
    const small = readScenarioFile(SMALL);
    expect(sweepParametersFor(knobsFor(small, 'lean')).map((p) => [p.knobId, p.values[0], p.values.at(-1)])).toEqual([
      ['staffing.target.serviceLevel', 40, 95],
      ['handling.firstContactResolution', 30, 95],
    ]);
    const shifts = readScenarioFile(SHIFTS);
    expect(sweepParametersFor(knobsFor(shifts, 'fixed'))[0]).toMatchObject({ knobId: 'staffing.agents', values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
  });
});

describe('computeSweep', () => {
  it('finds the cheapest point and leaves out the values no staffing meets', async () => {
    const scenario = readScenarioFile(SMALL);
    const analyser = createAnalyser((model) => {
      const target = model.staffing.kind === 'target' ? (model.staffing.target.serviceLevel ?? 0) : 0;
      if (target < 0.5) throw new InfeasibleError('too low for this test');
      return fakePlan(model);
    });
    const [parameter] = sweepParametersFor(knobsFor(scenario, 'lean'));
    const progress: number[] = [];
    const outcome = await computeSweep(scenario, 'lean', parameter!, analyser, { yieldControl: immediate, onProgress: (done) => progress.push(done) });
    expect(outcome.points.slice(0, 2)).toEqual([null, null]);
    expect(outcome.result.cheapest.value).toBe(50);
    expect(outcome.current).toBe(60);
    expect(outcome.currentTotalCost).toBeCloseTo(1050, 9);
    expect(progress).toHaveLength(12);
  });

  it('stops when aborted', async () => {
    const scenario = readScenarioFile(SMALL);
    const controller = new AbortController();
    controller.abort();
    const [parameter] = sweepParametersFor(knobsFor(scenario, 'lean'));
    await expect(computeSweep(scenario, 'lean', parameter!, createAnalyser(fakePlan), { signal: controller.signal, yieldControl: immediate })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('createAnalyser', () => {
  it('plans each distinct variant model once', () => {
    let calls = 0;
    const analyser = createAnalyser((model) => {
      calls++;
      return fakePlan(model);
    });
    const scenario = readScenarioFile(SMALL);
    analyser.analyse(scenario);
    expect(calls).toBe(2);
    const edited = knobsFor(scenario, 'lean')[0]!.apply(scenario, 61);
    analyser.analyse(edited);
    expect(calls).toBe(3); // only lean again
    analyser.analyse(scenario);
    expect(calls).toBe(3);
  });

  it('turns an infeasible target into a message and lets bugs through', () => {
    const scenario = readScenarioFile(SMALL);
    const infeasible = createAnalyser(() => {
      throw new InfeasibleError('no staffing');
    });
    expect(infeasible.analyse(scenario)[0]).toEqual({ name: 'lean', result: null, error: 'infeasible: no staffing', overloaded: [], taskOverloads: [] });
    const buggy = createAnalyser(() => {
      throw new TypeError('bug');
    });
    expect(() => buggy.analyse(scenario)).toThrow(TypeError);
  });
});
