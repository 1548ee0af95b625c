import { describe, expect, it } from 'vitest';
import { checkCases, checkExitCode, countRun, type ScenarioCheck } from '../../../src/core/check/check-report.js';
import { brokenScenario, centreScenario, checkRun } from '../../fixtures/check/runs.js';

describe('checkCases', () => {
  it('gives one case per assertion and per variant compared with a baseline, in variant order', () => {
    const cases = checkCases(centreScenario(), { requireBaseline: false });
    expect(cases.map((c) => `${c.name} → ${c.status}`)).toEqual([
      'lean: serviceLevel ≥ 0.78 → failed',
      'lean: abandonedShare ≤ 0.3 (from "*") → passed',
      'lean: matches baseline → skipped',
      'more: serviceLevel ≥ 0.78 → passed',
      'more: abandonedShare ≤ 0.3 (from "*") → passed',
      'more: matches baseline → failed',
    ]);
  });

  it('puts the value and the bound in the failure message, and the numbers behind it in the detail', () => {
    const [failed] = checkCases(centreScenario(), { requireBaseline: false });
    expect(failed).toMatchObject({
      kind: 'assertion',
      type: 'AssertionFailed',
      check: 'serviceLevel',
      value: '0.7412 ± 0.01',
      bound: '≥ 0.78',
      message: 'serviceLevel = 0.7412 ± 0.01: the mean is below min 0.78',
      line: 40,
      column: 5,
    });
    expect(failed?.detail).toBe(
      [
        'assertion: expect.lean.serviceLevel (scenarios/centre.yaml:40:5)',
        'variant: lean (20 replications, seed 42)',
        'value: serviceLevel mean 0.7412, 95% interval 0.731 … 0.7514',
        'bound: ≥ 0.78, on the mean',
      ].join('\n'),
    );
  });

  it('names the changed metrics of a failed baseline comparison, with old and new values', () => {
    const baseline = checkCases(centreScenario(), { requireBaseline: false }).find((c) => c.name === 'more: matches baseline');
    expect(baseline).toMatchObject({ type: 'BaselineChanged', value: '1 of 30 changed', bound: '±2% & significant' });
    expect(baseline?.message).toBe('1 of 30 metrics changed significantly by more than 2%: asaSeconds +100.0%');
    expect(baseline?.detail).toContain('changed: asaSeconds 50 ± 2 → 100 ± 2 (+100.0%, p = ');
  });

  it('fails a missing baseline only with requireBaseline', () => {
    const missing = (require: boolean) => checkCases(centreScenario(), { requireBaseline: require }).find((c) => c.name === 'lean: matches baseline');
    expect(missing(false)).toMatchObject({ status: 'skipped', type: 'BaselineMissing' });
    expect(missing(true)).toMatchObject({ status: 'failed', type: 'BaselineMissing' });
    expect(missing(true)?.message).toBe('no variant "lean" in scenarios/baselines/centre.json (create it with --update-baseline)');
  });

  it("shares a variant's simulation time among its cases", () => {
    const cases = checkCases(centreScenario(), { requireBaseline: false });
    for (const c of cases) expect(c.seconds).toBeCloseTo(0.4, 12);
  });

  it('gives a file that could not be loaded one error case with every issue', () => {
    const [error, ...rest] = checkCases(brokenScenario(), { requireBaseline: false });
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ kind: 'error', status: 'error', type: 'InputError', name: 'load scenario', line: 6, column: 10 });
    expect(error?.message).toBe('scenarios/broken.yaml:6:10: calendar.close: expected a time after open "08:00" (got "07:00") (and 1 more)');
    expect(error?.detail.split('\n')).toHaveLength(2);
  });
});

describe('checkExitCode', () => {
  const passing = (): ScenarioCheck => ({ ...centreScenario(), assertions: centreScenario().assertions.filter((a) => a.passed), baseline: null });
  const infeasible = (): ScenarioCheck => ({
    ...passing(),
    errors: [{ kind: 'infeasible', variant: 'perfect', issue: { path: 'variants.perfect', code: 'infeasible', message: 'no staffing reaches 100%' } }],
  });

  it('is 0 when everything holds, 1 on a failure, 3 for an infeasible target, 2 for bad input, in that order of precedence', () => {
    expect(checkExitCode(checkRun([passing()]))).toBe(0);
    expect(checkExitCode(checkRun([centreScenario()]))).toBe(1);
    expect(checkExitCode(checkRun([centreScenario(), infeasible()]))).toBe(3);
    expect(checkExitCode(checkRun([centreScenario(), infeasible(), brokenScenario()]))).toBe(2);
  });

  it('does not count skipped (missing) baselines as failures', () => {
    const onlyMissing: ScenarioCheck = { ...passing(), baseline: { mode: 'compare', file: 'b.json', variants: [{ variant: 'lean', status: 'missing', reason: 'no baseline file b.json (create it with --update-baseline)' }], unmatchedVariants: [] } };
    expect(checkExitCode(checkRun([onlyMissing]))).toBe(0);
    expect(checkExitCode(checkRun([onlyMissing], { requireBaseline: true }))).toBe(1);
  });
});

describe('countRun', () => {
  it('counts scenarios loaded, variants, and cases by outcome', () => {
    expect(countRun(checkRun([centreScenario(), brokenScenario()]))).toEqual({ scenarios: 1, variants: 2, tests: 7, passed: 3, failed: 2, skipped: 1, errors: 1 });
  });
});
