/**
 * `expect:` assertions (SPEC §2): bounds on a metric of a variant, checked against the simulated estimate.
 *
 * A bound holds on the **mean** across replications by default (`min ≤ mean ≤ max`); with `confidence: strict` the
 * whole 95% interval must lie within the bounds (`min ≤ mean − ci95` and `mean + ci95 ≤ max`). Bounds are inclusive.
 * A metric that is undefined in the run (NaN: no denominator, e.g. no attempts) cannot be shown to hold, so its
 * assertion fails.
 */
import { parseGroupMetricKey, type ExpectMetric, type GroupMetricName, type MetricEstimate, type MetricName } from '../metrics.js';
import { formatEstimate, formatValue } from './format-value.js';

/** The estimates a variant's assertions are checked against: its totals and, with agent groups, each group's. */
export interface AssertedFigures {
  readonly totals: Readonly<Partial<Record<MetricName, MetricEstimate>>>;
  readonly groups?: readonly { readonly name: string; readonly totals: Readonly<Partial<Record<GroupMetricName, MetricEstimate>>> }[];
}

const UNDEFINED_ESTIMATE: MetricEstimate = { mean: Number.NaN, ci95: Number.NaN };

/**
 * The estimate an assertion on `metric` is checked against: a variant metric, or `groups.<name>.<metric>` of one of
 * its groups; undefined (NaN, so the assertion fails) when the variant does not report it.
 * @example estimateForExpectation({ totals: { serviceLevel: { mean: 0.8, ci95: 0 } } }, 'serviceLevel').mean // 0.8
 */
export function estimateForExpectation(figures: AssertedFigures, metric: ExpectMetric): MetricEstimate {
  const group = parseGroupMetricKey(metric);
  if (group === undefined) return figures.totals[metric as MetricName] ?? UNDEFINED_ESTIMATE;
  const found = figures.groups?.find((candidate) => candidate.name === group.group);
  return found?.totals[group.metric as GroupMetricName] ?? UNDEFINED_ESTIMATE;
}

/** One `expect:` entry as the scenario loader gives it (`variant` may be "*"). */
export interface Expectation {
  readonly variant: string;
  readonly metric: ExpectMetric;
  readonly bound: {
    readonly min?: number;
    readonly max?: number;
    readonly confidence: 'mean' | 'strict';
    readonly line?: number;
    readonly column?: number;
  };
}

/** An expectation applied to one variant. */
export interface Assertion {
  /** The variant it is checked on (never "*"). */
  readonly variant: string;
  readonly metric: ExpectMetric;
  readonly min?: number;
  readonly max?: number;
  readonly confidence: 'mean' | 'strict';
  /** True when it comes from the `"*"` block (every variant). */
  readonly fromWildcard: boolean;
  /** Where the metric's key is in the scenario file (1-based), when known. */
  readonly line?: number;
  readonly column?: number;
}

export interface AssertionResult {
  readonly assertion: Assertion;
  readonly value: MetricEstimate;
  readonly passed: boolean;
  /** One line: the value and what it broke (`0.7412 ± 0.01, below min 0.78`), or how it holds. */
  readonly message: string;
}

/**
 * Applies the expectations to the variants, in file order of the variants: each variant gets its own entries, then
 * those of `"*"` (which apply to every variant, in addition to a variant's own bound on the same metric).
 * @example expandExpectations([{ variant: '*', metric: 'serviceLevel', bound: { min: 0.8, confidence: 'mean' } }], ['a', 'b']).length // 2
 */
export function expandExpectations(expectations: readonly Expectation[], variantNames: readonly string[]): Assertion[] {
  const out: Assertion[] = [];
  for (const variant of variantNames) {
    for (const fromWildcard of [false, true]) {
      for (const { variant: target, metric, bound } of expectations) {
        if (fromWildcard ? target !== '*' : target !== variant) continue;
        out.push({
          variant,
          metric,
          ...(bound.min === undefined ? {} : { min: bound.min }),
          ...(bound.max === undefined ? {} : { max: bound.max }),
          confidence: bound.confidence,
          fromWildcard,
          ...(bound.line === undefined ? {} : { line: bound.line }),
          ...(bound.column === undefined ? {} : { column: bound.column }),
        });
      }
    }
  }
  return out;
}

/**
 * The bound in words, with its numbers as written in the file: `≥ 0.78`, `≤ 150`, `0.5 … 0.9`, and `(strict)` when the
 * whole interval must be inside.
 * @example describeBound({ min: 0.78, confidence: 'strict' }) // '≥ 0.78 (strict)'
 */
export function describeBound(bound: { readonly min?: number; readonly max?: number; readonly confidence: 'mean' | 'strict' }): string {
  const { min, max } = bound;
  const range =
    min !== undefined && max !== undefined ? `${String(min)} … ${String(max)}` : min !== undefined ? `≥ ${String(min)}` : `≤ ${String(max)}`;
  return bound.confidence === 'strict' ? `${range} (strict)` : range;
}

/**
 * Checks one assertion against a metric's estimate.
 * @example evaluateAssertion({ variant: 'a', metric: 'serviceLevel', min: 0.8, confidence: 'mean', fromWildcard: false }, { mean: 0.83, ci95: 0.05 }).passed // true
 */
export function evaluateAssertion(assertion: Assertion, value: MetricEstimate): AssertionResult {
  const { min, max, confidence } = assertion;
  const shown = formatEstimate(value);
  if (Number.isNaN(value.mean)) {
    return { assertion, value, passed: false, message: `${assertion.metric} is undefined in this run (no denominator, e.g. no attempts), so ${describeBound(assertion)} cannot hold` };
  }
  const halfWidth = confidence === 'strict' && value.ci95 > 0 ? value.ci95 : 0;
  const low = value.mean - halfWidth;
  const high = value.mean + halfWidth;
  const what = confidence === 'strict' ? 'the 95% interval' : 'the mean';
  if (min !== undefined && low < min) {
    const detail = confidence === 'strict' && value.mean >= min ? ` (the mean is inside, but the interval reaches down to ${formatValue(low)})` : '';
    return { assertion, value, passed: false, message: `${assertion.metric} = ${shown}: ${what} is below min ${String(min)}${detail}` };
  }
  if (max !== undefined && high > max) {
    const detail = confidence === 'strict' && value.mean <= max ? ` (the mean is inside, but the interval reaches up to ${formatValue(high)})` : '';
    return { assertion, value, passed: false, message: `${assertion.metric} = ${shown}: ${what} is above max ${String(max)}${detail}` };
  }
  return { assertion, value, passed: true, message: `${assertion.metric} = ${shown}: ${what} is within ${describeBound(assertion)}` };
}
