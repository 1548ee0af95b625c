import { describe, expect, it } from 'vitest';
import {
  BASELINE_FORMAT,
  buildBaseline,
  compareWithBaseline,
  parseBaseline,
  welchPValue,
  type Baseline,
  type SimulatedTotals,
} from '../../../src/core/check/baseline.js';
import { METRIC_NAMES, type MetricEstimate, type MetricName } from '../../../src/core/metrics.js';
import { studentTQuantile } from '../../../src/core/sim/student-t.js';
import { toJson } from '../../../src/export/json.js';

/** The 95% half-width of a mean of n replications with standard deviation sd. */
function halfWidth(sd: number, n: number): number {
  if (n === 1) return 0;
  return (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
}

/** A run where every metric is 100 ± the half-width of sd 10, with some metrics set. */
function run(name: string, replications: number, set: Partial<Record<MetricName, MetricEstimate>> = {}): SimulatedTotals {
  const totals = {} as Record<MetricName, MetricEstimate>;
  for (const metric of METRIC_NAMES) totals[metric] = set[metric] ?? { mean: 100, ci95: halfWidth(10, replications) };
  return { name, replications, seed: 7, totals };
}

function baselineOf(...variants: SimulatedTotals[]): Baseline {
  return buildBaseline({ scenario: 'Fixture', file: 'fixture.yaml', staffsimVersion: '0.1.0', variants });
}

describe('baseline files', () => {
  it('keep every metric per variant with its replications and seed, and survive JSON (NaN as null)', () => {
    const original = baselineOf(run('lean', 20, { asaSeconds: { mean: Number.NaN, ci95: Number.NaN } }), run('more', 20));
    const text = toJson(original);
    expect(text).toContain('"asaSeconds": {\n          "mean": null,\n          "ci95": null\n        }');
    const parsed = parseBaseline(JSON.parse(text));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.baseline.format).toBe(BASELINE_FORMAT);
    expect(Object.keys(parsed.baseline.variants)).toEqual(['lean', 'more']);
    expect(Object.keys(parsed.baseline.variants['lean']?.totals ?? {})).toEqual([...METRIC_NAMES]);
    expect(parsed.baseline.variants['lean']?.totals.asaSeconds?.mean).toBeNaN();
    expect(parsed.baseline.variants['more']).toEqual(original.variants['more']);
  });

  it('ignore metric names this version does not know, and report every malformed part with its path', () => {
    const document = JSON.parse(toJson(baselineOf(run('lean', 3)))) as Record<string, unknown>;
    const variants = document['variants'] as Record<string, { totals: Record<string, unknown>; replications: unknown }>;
    (variants['lean'] as { totals: Record<string, unknown> }).totals['retiredMetric'] = { mean: 1, ci95: 0 };
    expect(parseBaseline(document).ok).toBe(true);
    (variants['lean'] as { totals: Record<string, unknown> }).totals['cases'] = { mean: 'many', ci95: 0 };
    (variants['lean'] as { replications: unknown }).replications = 0;
    const parsed = parseBaseline({ ...document, format: 'other/2' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((issue) => issue.path)).toEqual(['format', 'variants.lean.replications', 'variants.lean.totals.cases']);
    expect(parseBaseline([1, 2]).ok).toBe(false);
  });
});

describe('welchPValue', () => {
  it('is 1 for equal means and the two-sample t-test for equal spreads (n = 10 each, sd 1, difference 1: p = 0.0382)', () => {
    const a = { mean: 0, ci95: halfWidth(1, 10), replications: 10 };
    expect(welchPValue(a, a)).toBe(1);
    // Oracle: t = 1 / √(2/10) = 2.2361 on 18 degrees of freedom, two-sided, by Simpson integration of the t density.
    expect(welchPValue(a, { ...a, mean: 1 })).toBeCloseTo(0.0382496, 5);
  });

  it('gives the smaller sample the larger spread of the two (a few replications often understate it)', () => {
    // n 20, sd 2 against n 5, sd 1, difference 1.5: both sides sd 2, Welch–Satterthwaite df 6.17, p = 0.18295
    // (plain Welch, trusting the sd of 1 from 5 replications, would say p ≈ 0.03).
    const p = welchPValue({ mean: 10, ci95: halfWidth(2, 20), replications: 20 }, { mean: 11.5, ci95: halfWidth(1, 5), replications: 5 });
    expect(p).toBeCloseTo(0.18295, 4);
  });

  it('is null without a noise estimate (one replication), and 0 or 1 for metrics that do not vary', () => {
    expect(welchPValue({ mean: 1, ci95: 0, replications: 1 }, { mean: 1, ci95: 0.1, replications: 20 })).toBeNull();
    expect(welchPValue({ mean: 12, ci95: 0, replications: 20 }, { mean: 12, ci95: 0, replications: 20 })).toBe(1);
    expect(welchPValue({ mean: 12, ci95: 0, replications: 20 }, { mean: 11, ci95: 0, replications: 20 })).toBe(0);
  });
});

describe('compareWithBaseline', () => {
  const baseline = baselineOf(run('lean', 20), run('more', 20));

  it('passes an identical run', () => {
    const result = compareWithBaseline([run('lean', 20), run('more', 20)], baseline);
    expect(result.variants.map((v) => v.status)).toEqual(['compared', 'compared']);
    for (const outcome of result.variants) {
      if (outcome.status !== 'compared') throw new Error('not compared');
      expect(outcome.comparison.passed).toBe(true);
      expect(outcome.comparison.metrics).toHaveLength(METRIC_NAMES.length);
    }
  });

  it('fails a change that is significant and beyond the tolerance, and names it', () => {
    const result = compareWithBaseline([run('lean', 20, { serviceLevel: { mean: 80, ci95: halfWidth(10, 20) } }), run('more', 20)], baseline);
    const lean = result.variants[0];
    if (lean?.status !== 'compared') throw new Error('not compared');
    expect(lean.comparison.passed).toBe(false);
    expect(lean.comparison.changed.map((c) => c.metric)).toEqual(['serviceLevel']);
    const change = lean.comparison.changed[0];
    expect(change?.difference).toBe(-20);
    expect(change?.relativeChange).toBeCloseTo(-0.2, 12);
    expect(change?.pValue).toBeLessThan(1e-6);
    expect(result.variants[1]?.status === 'compared' && result.variants[1].comparison.passed).toBe(true);
  });

  it('passes noise: a difference within the intervals, even when beyond the tolerance', () => {
    // 100 → 104 is 4% (beyond 2%), but with sd 10 over 20 replications (half-width 4.7) it is not significant.
    const result = compareWithBaseline([run('lean', 20, { asaSeconds: { mean: 104, ci95: halfWidth(10, 20) } })], baseline);
    const lean = result.variants[0];
    if (lean?.status !== 'compared') throw new Error('not compared');
    const asa = lean.comparison.metrics.find((m) => m.metric === 'asaSeconds');
    expect(asa).toMatchObject({ beyondTolerance: true, significant: false, changed: false });
  });

  it('passes a significant change within the tolerance (a metric that does not vary, 1% off)', () => {
    const exact = baselineOf(run('lean', 20, { paidAgentHours: { mean: 100, ci95: 0 } }));
    const result = compareWithBaseline([run('lean', 20, { paidAgentHours: { mean: 101, ci95: 0 } })], exact);
    const lean = result.variants[0];
    if (lean?.status !== 'compared') throw new Error('not compared');
    expect(lean.comparison.metrics.find((m) => m.metric === 'paidAgentHours')).toMatchObject({ significant: true, beyondTolerance: false, changed: false });
    const strict = compareWithBaseline([run('lean', 20, { paidAgentHours: { mean: 101, ci95: 0 } })], exact, { tolerance: 0.005 });
    expect(strict.variants[0]?.status === 'compared' && strict.variants[0].comparison.changed.map((c) => c.metric)).toEqual(['paidAgentHours']);
  });

  it('shares the 5% level among all metrics compared for the scenario file (Bonferroni)', () => {
    const result = compareWithBaseline([run('lean', 20), run('more', 20)], baseline);
    const lean = result.variants[0];
    if (lean?.status !== 'compared') throw new Error('not compared');
    expect(lean.comparison.metrics[0]?.alpha).toBeCloseTo(0.05 / (2 * METRIC_NAMES.length), 15);
  });

  it('treats a metric that becomes undefined (or defined) as a change, and one undefined on both sides as unchanged', () => {
    const withNaN = baselineOf(run('lean', 20, { asaSeconds: { mean: Number.NaN, ci95: Number.NaN } }));
    const defined = compareWithBaseline([run('lean', 20)], withNaN).variants[0];
    expect(defined?.status === 'compared' && defined.comparison.changed.map((c) => c.metric)).toEqual(['asaSeconds']);
    const still = compareWithBaseline([run('lean', 20, { asaSeconds: { mean: Number.NaN, ci95: Number.NaN } })], withNaN).variants[0];
    expect(still?.status === 'compared' && still.comparison.passed).toBe(true);
  });

  it('counts any change from 0 as beyond the tolerance', () => {
    const zero = baselineOf(run('lean', 20, { fixedCost: { mean: 0, ci95: 0 } }));
    const result = compareWithBaseline([run('lean', 20, { fixedCost: { mean: 5, ci95: 0 } })], zero).variants[0];
    if (result?.status !== 'compared') throw new Error('not compared');
    expect(result.comparison.changed[0]).toMatchObject({ metric: 'fixedCost', relativeChange: Number.POSITIVE_INFINITY });
  });

  it('with one replication on a side, lets the tolerance alone decide', () => {
    const single = baselineOf(run('lean', 1, { serviceLevel: { mean: 100, ci95: 0 } }));
    const within = compareWithBaseline([run('lean', 1, { serviceLevel: { mean: 101, ci95: 0 } })], single).variants[0];
    expect(within?.status === 'compared' && within.comparison.passed).toBe(true);
    const beyond = compareWithBaseline([run('lean', 1, { serviceLevel: { mean: 103, ci95: 0 } })], single).variants[0];
    expect(beyond?.status === 'compared' && beyond.comparison.changed.map((c) => c.metric)).toEqual(['serviceLevel']);
  });

  it('reports variants without a baseline, baseline variants the run lacks, and metrics an older baseline lacks', () => {
    const older = baselineOf(run('lean', 20), run('gone', 20));
    delete (older.variants['lean']?.totals as Partial<Record<MetricName, MetricEstimate>>).costPerResolvedCase;
    const result = compareWithBaseline([run('lean', 20), run('new', 20)], older);
    expect(result.variants.map((v) => v.status)).toEqual(['compared', 'missing']);
    expect(result.unmatchedVariants).toEqual(['gone']);
    const lean = result.variants[0];
    expect(lean?.status === 'compared' && lean.comparison.missingMetrics).toEqual(['costPerResolvedCase']);
  });
});
