import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, type MetricName, type MetricRecord } from '../../src/core/metrics.js';
import { planVariant } from '../../src/core/plan/interval-plan.js';
import type { ReplicationResult } from '../../src/core/sim/run-replication.js';
import { differencesAgainstFirst, flattenDocument, planFigures, planIntervalMetrics, significantDifference, variantFromPlan } from '../../src/report/build-report.js';
import { readScenarioFile } from '../../src/scenario/load.js';
import { makeModel } from '../helpers/model.js';

function replication(values: Partial<MetricRecord>): ReplicationResult {
  const totals = {} as MetricRecord;
  for (const name of METRIC_NAMES) totals[name] = values[name] ?? 0;
  return { totals, intervals: [] };
}

describe('significantDifference', () => {
  it('pairs replications: a consistent shift is significant even when each variant varies a lot', () => {
    const a = [10, 50, 30, 70, 20].map((serviceLevel) => replication({ serviceLevel }));
    const b = [11, 51, 31, 71, 21].map((serviceLevel) => replication({ serviceLevel }));
    expect(significantDifference(a, b, 'serviceLevel')).toBe(true);
  });

  it('does not call noise significant', () => {
    const a = [10, 12, 11, 13].map((cases) => replication({ cases }));
    const b = [12, 10, 13, 11].map((cases) => replication({ cases }));
    expect(significantDifference(a, b, 'cases')).toBe(false);
  });

  it('treats a difference without spread as significant exactly when it is not zero', () => {
    const a = [1, 1, 1].map((paidAgentHours) => replication({ paidAgentHours: paidAgentHours * 100 }));
    expect(significantDifference(a, [200, 200, 200].map((h) => replication({ paidAgentHours: h })), 'paidAgentHours')).toBe(true);
    expect(significantDifference(a, a, 'paidAgentHours')).toBe(false);
  });

  it('cannot tell with one replication, and leaves undefined values out', () => {
    expect(significantDifference([replication({})], [replication({ cases: 1 })], 'cases')).toBeNull();
    const a = [0.5, Number.NaN, 0.5, 0.5].map((serviceLevel) => replication({ serviceLevel }));
    const b = [0.6, 0.9, 0.6, 0.6].map((serviceLevel) => replication({ serviceLevel }));
    expect(significantDifference(a, b, 'serviceLevel')).toBe(true);
  });

  it('uses an unpaired test when the replication counts differ', () => {
    const a = [10, 11, 12, 10, 11].map((cases) => replication({ cases }));
    const b = [20, 21, 22].map((cases) => replication({ cases }));
    expect(significantDifference(a, b, 'cases')).toBe(true);
  });
});

describe('report rows', () => {
  it('turns an analytic plan into exact estimates (half-width 0), with the metrics formulas lack left undefined', () => {
    const result = variantFromPlan(planVariant(makeModel()));
    expect(result.source).toBe('erlang-c');
    expect(result.replications).toBeNull();
    expect(result.totals.serviceLevel.ci95).toBe(0);
    // Erlang C gives the 90th-percentile wait in closed form, Erlang A (callers with patience) from its exact wait
    // distribution, a finite queue not at all.
    expect(result.totals.waitP90Seconds.mean).toBeGreaterThan(0);
    expect(result.totals.waitP90Seconds.ci95).toBe(0);
    const withPatience = variantFromPlan(planVariant(makeModel({ customers: { patience: { kind: 'exponential', meanSeconds: 300 } } })));
    expect(withPatience.totals.waitP90Seconds.mean).toBeGreaterThan(0);
    expect(withPatience.totals.waitP90Seconds.mean).toBeLessThan(result.totals.waitP90Seconds.mean);
    expect(withPatience.totals.timeToResolutionSeconds).toBeUndefined();
    expect(result.intervals).toHaveLength(48);
    expect(result.intervals[1]).toMatchObject({ day: 1, start: '00:30' });
  });

  it('gives the warnings the figures of variantFromPlan, without the rest (groups, closed days, tasks)', () => {
    for (const file of ['scenarios/municipal-contact-centre.yaml', 'scenarios/examples/bank-with-shifts.yaml', 'scenarios/textbook-erlang-c.yaml']) {
      for (const variant of readScenarioFile(file).variants) {
        const plan = planVariant(variant.model);
        const full = variantFromPlan(plan);
        const light = planFigures(plan);
        const pick = (rows: readonly { day: number; occupancy: { mean: number; ci95: number }; paidAgentHours: { mean: number; ci95: number } }[]) =>
          rows.map(({ day, occupancy, paidAgentHours }) => ({ day, occupancy, paidAgentHours }));
        expect(light.intervals).toEqual(pick(full.intervals));
        expect(light.totals).toEqual({ totalCost: full.totals.totalCost });
        expect(light.groups?.map((group) => ({ name: group.name, tasks: group.totals.tasks, backlog: group.totals.taskBacklogAtEnd, intervals: group.intervals }))).toEqual(
          full.groups?.map((group) => ({ name: group.name, tasks: group.totals.tasks, backlog: group.totals.taskBacklogAtEnd, intervals: pick(group.intervals) })),
        );
      }
    }
  });

  it('lists differences against the first variant, absolute and relative', () => {
    const base = variantFromPlan(planVariant(makeModel({ staffing: { kind: 'agents', agents: 12, shrinkage: 0 } })));
    const more = { ...variantFromPlan(planVariant(makeModel({ staffing: { kind: 'agents', agents: 15, shrinkage: 0 } }))), variant: 'more' };
    const differences = differencesAgainstFirst([base, more], [null, null]);
    expect(differences).toHaveLength(METRIC_NAMES.length);
    const hours = differences.find((d) => d.metric === 'paidAgentHours');
    expect(hours).toMatchObject({ variant: 'more', absolute: 72, significant: null });
    expect(hours?.relative).toBeCloseTo(0.25, 12);
  });

  it('flattens a scenario document into dotted inputs', () => {
    expect(flattenDocument({ calendar: { open: '08:00' }, demand: { intradayProfile: [1, 2] }, staffing: { shifts: [{ name: 'a' }] } })).toEqual([
      { name: 'calendar.open', value: '08:00' },
      { name: 'demand.intradayProfile', value: '1, 2' },
      { name: 'staffing.shifts[0].name', value: 'a' },
    ]);
  });
});

describe('the metrics of an analytic plan per interval', () => {
  const scenario = readScenarioFile('scenarios/municipal-contact-centre.yaml');
  // switchboard transfers to the case officers; mediocre sends them callbacks (tasks).
  const plans = scenario.variants.map((variant) => planVariant(variant.model));

  it('with agent groups, every interval has the metrics of SPEC §7, and they add up to the totals', () => {
    const summed = new Map<MetricName, number>();
    for (const plan of plans) {
      const rows = planIntervalMetrics(plan);
      expect(rows).toHaveLength(plan.rows.length);
      for (const name of ['transfers', 'failedTransfers', 'tasks', 'tasksDone', 'taskBacklogAtEnd'] as const) {
        const sum = rows.reduce((total, row) => total + (row.metrics[name] ?? 0), 0);
        expectRelativelyClose(sum, plan.totals[name]!, 1e-12);
        summed.set(name, (summed.get(name) ?? 0) + sum);
      }
      for (const { row, metrics } of rows) {
        if (metrics.transfers! > 0) expect(metrics.failedTransferShare).toBeCloseTo(metrics.failedTransfers! / metrics.transfers!, 12);
        if (row.cases > 0) expect(metrics.callsPerCase).toBeCloseTo((row.attempts - metrics.transfers!) / row.cases, 12);
        expect(Number.isNaN(metrics.timeToResolutionSeconds)).toBe(true);
      }
    }
    expect(summed.get('transfers')).toBeGreaterThan(0);
    expect(summed.get('tasks')).toBeGreaterThan(0);
  });

  it('counts the cases channels open in their interval, so that per-case figures are weighted parts of the totals', () => {
    const plan = planVariant(readScenarioFile('tests/fixtures/scenarios/network.yaml').variants[0]!.model);
    const rows = planIntervalMetrics(plan);
    // 60 calls an hour and 80 e-mails a day over two one-hour intervals.
    expect(rows.map(({ row }) => row.cases)).toEqual([100, 100]);
    expect(plan.totals.cases).toBe(200);
    for (const name of ['callsPerCase', 'attemptsPerCase', 'resolvedShareOfCases'] as const) {
      const values = rows.map(({ metrics }) => metrics[name]!);
      expect(plan.totals[name]).toBeGreaterThanOrEqual(Math.min(...values) - 1e-12);
      expect(plan.totals[name]).toBeLessThanOrEqual(Math.max(...values) + 1e-12);
    }
  });

  it('the report rows of a plan carry them too (compare --analytic)', () => {
    const result = variantFromPlan(plans[0]!);
    const withTransfers = result.intervals.filter((row) => row.transfers.mean > 0);
    expect(withTransfers.length).toBeGreaterThan(0);
    expect(withTransfers.every((row) => Number.isFinite(row.callsPerCase.mean) && row.transfers.ci95 === 0)).toBe(true);
  });
});

function expectRelativelyClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}
