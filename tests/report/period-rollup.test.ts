import { describe, expect, it } from 'vitest';
import { ALL_METRIC_NAMES, GROUP_METRIC_NAMES, metricNamesOf, type MetricEstimate } from '../../src/core/metrics.js';
import { calendarPeriods } from '../../src/core/model/calendar-periods.js';
import { planVariant } from '../../src/core/plan/interval-plan.js';
import { resolveSimulationInput } from '../../src/core/plan/simulation-plan.js';
import { runReplication } from '../../src/core/sim/run-replication.js';
import { summariseReplications } from '../../src/core/sim/summarise.js';
import { rollUpPeriods } from '../../src/report/period-rollup.js';
import { MONTHS_NEED_DATES, rollUpReport, rollupSourceOfPlan, rollupSourceOfSimulation } from '../../src/report/period-sources.js';
import { readScenarioFile } from '../../src/scenario/load.js';

/** A dated quarter, 2027-01-01 to 2027-03-31, with Sweden's holidays. */
const QUARTER = 'tests/fixtures/scenarios/quarter-2027.yaml';

/** Metrics that a roll-up cannot rebuild exactly from interval records (percentiles). */
const PERCENTILES = new Set(['waitP90Seconds', 'timeToResolutionP90Seconds']);

function expectClose(actual: MetricEstimate, expected: MetricEstimate, label: string): void {
  if (Number.isNaN(expected.mean)) {
    expect(Number.isNaN(actual.mean), label).toBe(true);
    return;
  }
  expect(actual.mean, label).toBeCloseTo(expected.mean, 6);
  expect(actual.ci95, `${label} ±95%`).toBeCloseTo(expected.ci95, 6);
}

describe('rolling results up by calendar period', () => {
  it('gives back the run totals, every metric but the percentiles, when the period is the whole run (simulated, with agent groups)', async () => {
    const scenario = readScenarioFile('scenarios/municipal-contact-centre.yaml');
    for (const variant of scenario.variants) {
      const model = { ...variant.model, simulation: { ...variant.model.simulation, replications: 3 } };
      const input = await resolveSimulationInput(model);
      const runs = [0, 1, 2].map((r) => runReplication(input, r));
      const summary = summariseReplications(runs, model);
      const [whole] = rollUpPeriods(rollupSourceOfSimulation(input, runs), [{ key: 'run', firstDay: 0, lastDay: model.calendar.days - 1, openDays: 5 }]);
      for (const name of metricNamesOf(true)) {
        if (PERCENTILES.has(name)) expect(Number.isNaN(whole!.totals[name].mean)).toBe(true);
        else expectClose(whole!.totals[name], summary.totals[name], `${variant.name} ${name}`);
      }
      summary.groups!.forEach((group, g) => {
        for (const name of GROUP_METRIC_NAMES) expectClose(whole!.groups![g]!.totals[name], group.totals[name], `${variant.name} ${group.name} ${name}`);
      });
    }
  });

  it('gives back the plan totals from an analytic plan, one group', () => {
    const scenario = readScenarioFile('scenarios/textbook-erlang-c.yaml');
    const plan = planVariant(scenario.variants[0]!.model);
    const calendar = plan.model.calendar;
    const [whole] = rollUpPeriods(rollupSourceOfPlan(plan), [{ key: 'run', firstDay: 0, lastDay: calendar.days - 1, openDays: calendar.days }]);
    for (const name of ['attempts', 'answered', 'serviceLevel', 'asaSeconds', 'occupancy', 'paidAgentHours', 'totalCost', 'costPerResolvedCase', 'abandonedShare'] as const) {
      expect(whole!.totals[name].mean, name).toBeCloseTo(plan.totals[name] as number, 6);
    }
  });

  it('splits a dated year into months whose counts and money add up to the year, with ratios weighted by their own denominators', async () => {
    const scenario = readScenarioFile(QUARTER);
    const model = scenario.variants[0]!.model;
    const input = await resolveSimulationInput(model);
    const runs = [runReplication(input, 0), runReplication(input, 1)];
    const source = rollupSourceOfSimulation(input, runs);
    const months = rollUpPeriods(source, calendarPeriods(model.calendar, 'month')!);
    expect(months.map((m) => m.period)).toEqual(['2027-01', '2027-02', '2027-03']);
    // Weekdays less the Swedish holidays: New Year and Epiphany in January, Good Friday and Easter Monday (26 and 29 March).
    expect(months.map((m) => m.openDays)).toEqual([19, 20, 21]);
    const summary = summariseReplications(runs, model);
    for (const name of ['cases', 'attempts', 'paidAgentHours', 'totalCost'] as const) {
      expect(months.reduce((sum, m) => sum + m.totals[name].mean, 0), name).toBeCloseTo(summary.totals[name].mean, 6);
    }
    // The service level of the quarter is the attempts-weighted mean of the months', replication by replication.
    const perReplication = runs.map((run) => {
      const ks = run.intervals.map((_, k) => k);
      const within = ks.reduce((sum, k) => sum + (run.intervals[k]!.attempts > 0 ? run.intervals[k]!.serviceLevel * run.intervals[k]!.attempts : 0), 0);
      return within / run.totals.attempts;
    });
    expect((perReplication[0]! + perReplication[1]!) / 2).toBeCloseTo(summary.totals.serviceLevel.mean, 9);
    // FTEs of a month: its paid hours over its share of a year's open days.
    const january = months[0]!;
    expect(january.fte.mean).toBeCloseTo(january.totals.paidAgentHours.mean / (1700 * (19 / model.calendar.openDaysPerYear!)), 9);
  });

  it('refuses months for undated days, with a message that says what to do', () => {
    const scenario = readScenarioFile('scenarios/textbook-erlang-c.yaml');
    const plan = planVariant(scenario.variants[0]!.model);
    expect(rollUpReport('month', [{ scenario: 's', variant: 'v', source: rollupSourceOfPlan(plan) }])).toBeNull();
    expect(MONTHS_NEED_DATES).toMatch(/--by week/);
    const weeks = rollUpReport('week', [{ scenario: 's', variant: 'v', source: rollupSourceOfPlan(plan) }]);
    expect(weeks?.variants[0]?.rows.map((row) => row.period)).toEqual(['week 1']);
  });

  it('keeps every metric name of SPEC §4 and §7 in a period, and no other', () => {
    const scenario = readScenarioFile('scenarios/textbook-erlang-c.yaml');
    const plan = planVariant(scenario.variants[0]!.model);
    const rows = rollUpReport('day', [{ scenario: 's', variant: 'v', source: rollupSourceOfPlan(plan) }])!.variants[0]!.rows;
    expect(Object.keys(rows[0]!.totals)).toEqual(metricNamesOf(false));
    expect(ALL_METRIC_NAMES.length).toBeGreaterThan(metricNamesOf(false).length);
  });
});

