import { describe, expect, it } from 'vitest';
import { planVariant } from '../../src/core/plan/interval-plan.js';
import { explainDifference } from '../../src/runner/explain.js';
import { AnalyticPoints, analyseSensitivity, differenceOf } from '../../src/runner/sensitivity.js';
import { readScenarioFile } from '../../src/scenario/load.js';
import { sensitivityWorkspace } from '../../src/scenario/sensitivity-inputs.js';

const twoTeams = 'tests/fixtures/sensitivity/two-teams.yaml';

describe('analytic sensitivity', () => {
  const scenario = readScenarioFile(twoTeams);
  const workspace = sensitivityWorkspace(scenario, { range: 0.25 });
  const result = analyseSensitivity(workspace, scenario.name, { range: 0.25 });
  const plans = scenario.variants.map((variant) => planVariant(variant.model));

  it('is exact for a linear cost line: a price’s swing is the quantity times the change', () => {
    const unresolved = result.rows.find((row) => row.path === 'costs.unresolvedCase')!;
    plans.forEach((plan, i) => {
      const quantity = plan.totals.unresolvedCases ?? Number.NaN;
      expect(unresolved.atHigh.totals[i]! - unresolved.atLow.totals[i]!).toBeCloseTo(quantity * (125 - 75), 6);
    });
    const agentHour = result.rows.find((row) => row.path === 'costs.agentHour')!;
    plans.forEach((plan, i) => {
      expect(agentHour.atHigh.totals[i]! - (plan.totals.totalCost ?? 0)).toBeCloseTo((plan.totals.paidAgentHours ?? 0) * (375 - 300), 6);
    });
  });

  it('reprices a price change to what a full plan gives', () => {
    const points = new AnalyticPoints(workspace);
    const input = workspace.inputs.find((i) => i.path === 'costs.customerWaitMinute')!;
    const repriced = points.at(input, 3.7);
    const planned = workspace.modelsAt(input, 3.7).map((model) => planVariant(model).totals.totalCost ?? Number.NaN);
    repriced.totals.forEach((total, i) => expect(total).toBeCloseTo(planned[i]!, 6));
  });

  it('finds where a price makes the two variants cost the same, and the difference is 0 there', () => {
    const points = new AnalyticPoints(workspace);
    const wide = sensitivityWorkspace(scenario, { range: 0.99 });
    const row = analyseSensitivity(wide, scenario.name, { range: 0.99 }).rows.find((r) => r.path === 'costs.unresolvedCase')!;
    // large resolves more: it gains on small as the price of an unresolved case rises
    const input = wide.inputs.find((i) => i.path === 'costs.unresolvedCase')!;
    expect(row.breakEvens.length).toBeGreaterThan(0);
    for (const breakEven of row.breakEvens) {
      expect(Math.abs(differenceOf(points.at(input, breakEven.value)))).toBeLessThan(1e-6 * Math.abs(differenceOf(points.atBase())) + 1e-6);
    }
  });

  it('sorts rows by swing, largest first', () => {
    const swings = result.rows.map((row) => row.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });
});

describe('explainDifference', () => {
  it('splits the default scenario’s differences into parts that sum to the analytic difference', () => {
    const scenario = readScenarioFile('scenarios/municipal-contact-centre.yaml');
    const plans = scenario.variants.map((variant) => planVariant(variant.model).totals.totalCost ?? Number.NaN);
    const explanation = explainDifference({ scenario, variant: 'switchboard' }, { scenario, variant: 'world-class' });
    expect(explanation.method).toBe('exact');
    expect(explanation.parts.map((part) => part.path)).toEqual([
      'groups.front-line.staffing',
      'groups.front-line.handling.handleTime',
      'groups.front-line.handling.outcomes',
      'groups.case-officers.staffing',
    ]);
    expect(explanation.total).toBeCloseTo(plans[2]! - plans[0]!, 6);
    expect(explanation.parts.reduce((sum, part) => sum + part.contribution, 0)).toBeCloseTo(explanation.total, 6);
    expect(explanation.evaluations).toBe(16);
  });

  it('gives an input that changes nothing a part of 0 (a null player)', () => {
    const scenario = readScenarioFile(twoTeams);
    const explanation = explainDifference({ scenario, variant: 'small' }, { scenario, variant: 'large' });
    expect(explanation.parts.map((part) => part.path)).toEqual(['handling.firstContactResolution', 'staffing']);
    expect(explanation.parts.reduce((sum, part) => sum + part.contribution, 0)).toBeCloseTo(explanation.total, 6);
  });
});
