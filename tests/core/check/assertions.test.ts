import { describe, expect, it } from 'vitest';
import { describeBound, evaluateAssertion, expandExpectations, type Assertion, type Expectation } from '../../../src/core/check/assertions.js';

function assertion(bound: Partial<Assertion>): Assertion {
  return { variant: 'base', metric: 'serviceLevel', confidence: 'mean', fromWildcard: false, ...bound };
}

describe('expandExpectations', () => {
  const expectations: Expectation[] = [
    { variant: '*', metric: 'abandonedShare', bound: { max: 0.3, confidence: 'mean', line: 9, column: 5 } },
    { variant: 'world-class', metric: 'serviceLevel', bound: { min: 0.78, confidence: 'strict', line: 6, column: 5 } },
    { variant: 'world-class', metric: 'abandonedShare', bound: { max: 0.05, confidence: 'mean' } },
  ];

  it('applies "*" to every variant, after the variant\'s own entries, in variant order', () => {
    const expanded = expandExpectations(expectations, ['mediocre', 'world-class']);
    expect(expanded.map((a) => `${a.variant} ${a.metric}${a.fromWildcard ? ' *' : ''}`)).toEqual([
      'mediocre abandonedShare *',
      'world-class serviceLevel',
      'world-class abandonedShare',
      'world-class abandonedShare *',
    ]);
  });

  it('keeps the bounds, the confidence and the position in the file', () => {
    const [first] = expandExpectations(expectations, ['world-class']);
    expect(first).toEqual({ variant: 'world-class', metric: 'serviceLevel', min: 0.78, confidence: 'strict', fromWildcard: false, line: 6, column: 5 });
  });

  it('gives nothing for a variant without entries when there is no "*"', () => {
    expect(expandExpectations(expectations.slice(1), ['mediocre'])).toEqual([]);
  });
});

describe('evaluateAssertion', () => {
  it('checks the mean against min and max, bounds included', () => {
    expect(evaluateAssertion(assertion({ min: 0.8 }), { mean: 0.8, ci95: 0.1 }).passed).toBe(true);
    expect(evaluateAssertion(assertion({ min: 0.8 }), { mean: 0.7999, ci95: 0 }).passed).toBe(false);
    expect(evaluateAssertion(assertion({ max: 0.8 }), { mean: 0.8, ci95: 0.1 }).passed).toBe(true);
    expect(evaluateAssertion(assertion({ max: 0.8 }), { mean: 0.8001, ci95: 0 }).passed).toBe(false);
    expect(evaluateAssertion(assertion({ min: 0.5, max: 0.9 }), { mean: 0.7, ci95: 0.3 }).passed).toBe(true);
  });

  it('says what the value is and which bound it broke', () => {
    const result = evaluateAssertion(assertion({ min: 0.78 }), { mean: 0.741234, ci95: 0.0102 });
    expect(result.passed).toBe(false);
    expect(result.message).toBe('serviceLevel = 0.7412 ± 0.01: the mean is below min 0.78');
    const above = evaluateAssertion(assertion({ metric: 'asaSeconds', max: 20 }), { mean: 33.46, ci95: 12.41 });
    expect(above.message).toBe('asaSeconds = 33.46 ± 12: the mean is above max 20');
  });

  it('strict: fails when the mean is inside but the 95% interval crosses the bound', () => {
    const value = { mean: 0.83, ci95: 0.05 };
    expect(evaluateAssertion(assertion({ min: 0.8 }), value).passed).toBe(true);
    const strict = evaluateAssertion(assertion({ min: 0.8, confidence: 'strict' }), value);
    expect(strict.passed).toBe(false);
    expect(strict.message).toBe('serviceLevel = 0.83 ± 0.05: the 95% interval is below min 0.8 (the mean is inside, but the interval reaches down to 0.78)');
    expect(evaluateAssertion(assertion({ max: 0.86, confidence: 'strict' }), value).passed).toBe(false);
    expect(evaluateAssertion(assertion({ min: 0.77, max: 0.89, confidence: 'strict' }), value).passed).toBe(true);
  });

  it('strict with a zero half-width (one replication, or a metric that does not vary) is the mean check', () => {
    expect(evaluateAssertion(assertion({ metric: 'paidAgentHours', min: 12, max: 12, confidence: 'strict' }), { mean: 12, ci95: 0 }).passed).toBe(true);
  });

  it('fails an assertion on an undefined metric (NaN: no denominator), for min and for max', () => {
    for (const bound of [{ min: 0 }, { max: 1 }]) {
      const result = evaluateAssertion(assertion(bound), { mean: Number.NaN, ci95: Number.NaN });
      expect(result.passed).toBe(false);
      expect(result.message).toContain('undefined');
    }
  });
});

describe('describeBound', () => {
  it('writes the numbers as in the file', () => {
    expect(describeBound({ min: 0.78, confidence: 'mean' })).toBe('≥ 0.78');
    expect(describeBound({ max: 150, confidence: 'mean' })).toBe('≤ 150');
    expect(describeBound({ min: 0.5, max: 0.9, confidence: 'strict' })).toBe('0.5 … 0.9 (strict)');
    expect(describeBound({ max: 123456.5, confidence: 'mean' })).toBe('≤ 123456.5');
  });
});
