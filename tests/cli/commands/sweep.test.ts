import { describe, expect, it } from 'vitest';
import { parseSweepRange } from '../../../src/cli/commands/sweep.js';
import { GROUP_METRIC_NAMES } from '../../../src/core/metrics.js';
import { runCli } from '../../helpers/fake-io.js';

const municipal = 'scenarios/municipal-contact-centre.yaml';

interface SweepJson {
  parameter: string;
  points: { value: number; infeasible?: boolean; totals: Record<string, { mean: number; ci95: number }> }[];
  cheapest: { value: number; totalCost: number };
}

describe('parseSweepRange', () => {
  it('lists the values from, to and step inclusive without rounding noise', () => {
    expect(parseSweepRange('staffing.target.serviceLevel=0.4:0.95:0.05').values).toEqual([
      0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95,
    ]);
    expect(parseSweepRange('staffing.agents=10:14:2').values).toEqual([10, 12, 14]);
  });
});

describe('staffsim sweep', () => {
  it('finds the cheapest service-level target analytically, with every cost line at every point', async () => {
    const run = await runCli(['sweep', municipal, '--variant', 'world-class', '--set', 'groups.front-line.staffing.target.serviceLevel=0.4:0.95:0.05', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as SweepJson;
    expect(json.parameter).toBe('groups.front-line.staffing.target.serviceLevel');
    expect(json.points).toHaveLength(12);
    const costs = json.points.map((p) => p.totals['totalCost']?.mean ?? Number.NaN);
    expect(json.cheapest.totalCost).toBe(Math.min(...costs));
    expect(json.points[costs.indexOf(json.cheapest.totalCost)]?.value).toBe(json.cheapest.value);
    // A higher target buys a higher service level and more paid hours.
    const first = json.points[0]?.totals;
    const last = json.points[11]?.totals;
    expect(last?.['serviceLevel']?.mean).toBeGreaterThan(first?.['serviceLevel']?.mean ?? 1);
    expect(last?.['paidAgentHours']?.mean).toBeGreaterThan(first?.['paidAgentHours']?.mean ?? Infinity);
    for (const point of json.points) {
      const t = point.totals;
      const lines = ['staffCost', 'overtimeCost', 'telephonyCost', 'customerTimeCost', 'repeatContactCost', 'unresolvedCaseCost', 'fixedCost'];
      expect(lines.reduce((sum, line) => sum + (t[line]?.mean ?? 0), 0)).toBeCloseTo(t['totalCost']?.mean ?? 0, 6);
    }
  });

  it('gives every point of a scenario with agent groups its groups, with their totals (SPEC §7), analytic and over every variant', async () => {
    type Point = { totals: Record<string, { mean: number }>; groups: { name: string; totals: Record<string, { mean: number }> }[] };
    const one = JSON.parse((await runCli(['sweep', municipal, '--set', 'groups.case-officers.staffing.agents=3:5:1', '--json'])).stdout) as { points: Point[] };
    const all = JSON.parse((await runCli(['sweep', municipal, '--set', 'groups.case-officers.staffing.agents=2:4:1', '--all-variants', '--json'])).stdout) as { curves: { points: Point[] }[] };
    for (const point of [...one.points, ...all.curves.flatMap((curve) => curve.points)]) {
      expect(point.groups.map((group) => Object.keys(group.totals))).toEqual(point.groups.map(() => [...GROUP_METRIC_NAMES]));
      const staff = point.groups.reduce((sum, group) => sum + group.totals['staffCost']!.mean, 0);
      expect(staff).toBeCloseTo(point.totals['staffCost']!.mean, 6);
    }
    expect(one.points[0]!.groups.map((group) => group.name)).toEqual(['front-line', 'case-officers']);
    const single = JSON.parse((await runCli(['sweep', 'scenarios/textbook-erlang-c.yaml', '--set', 'staffing.agents=13:14:1', '--json'])).stdout) as { points: object[] };
    expect(single.points[0]).not.toHaveProperty('groups');
    // An infeasible point (no staffing reaches 100 %) has its groups too, every total null as its own are.
    type Loose = { infeasible?: true; totals: Record<string, { mean: number | null }>; groups: { name: string; totals: Record<string, { mean: number | null }> }[] };
    const partly = JSON.parse((await runCli(['sweep', municipal, '--set', 'groups.front-line.staffing.target.serviceLevel=0.9:1:0.1', '--json'])).stdout) as { points: Loose[] };
    const infeasible = partly.points.find((point) => point.infeasible === true)!;
    expect(infeasible.totals['totalCost']!.mean).toBeNull();
    expect(infeasible.groups.map((group) => group.name)).toEqual(['front-line', 'case-officers']);
    expect(infeasible.groups.every((group) => Object.keys(group.totals).length === GROUP_METRIC_NAMES.length && Object.values(group.totals).every((total) => total.mean === null))).toBe(true);
  });

  it('marks the cheapest point in its table', async () => {
    const run = await runCli(['sweep', municipal, '--set', 'groups.front-line.handling.handleTime.meanSeconds=60:120:30']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('◀ cheapest');
    expect(run.stdout).toMatch(/cheapest: groups\.front-line\.handling\.handleTime\.meanSeconds = [\d.]+ at [\d,]+ SEK/);
  });

  it('simulates every point with --simulate', async () => {
    const run = await runCli(['sweep', 'scenarios/textbook-erlang-c.yaml', '--set', 'staffing.target.serviceLevel=0.7:0.9:0.1', '--simulate', '--replications', '2', '--workers', '1', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as SweepJson & { source: string };
    expect(json.source).toBe('simulation');
    expect(json.points.map((p) => p.value)).toEqual([0.7, 0.8, 0.9]);
  });

  it.each([
    [['--set', 'staffing.target.serviceLevl=0.4:0.9:0.1'], /staffing\.target\.serviceLevl.*unknown key "serviceLevl" \(did you mean "serviceLevel"\?\)/],
    [['--set', 'groups.front-line.handling.firstContactResolution=0.5:1.5:0.5'], /groups\.front-line\.handling\.firstContactResolution.*1\.5/],
    // The default scenario has agent groups: a top-level setting is shown where it goes.
    [['--set', 'staffing.target.serviceLevel=0.4:0.9:0.1'], /--set staffing\.target\.serviceLevel=0\.4: .*e\.g\. groups\.front-line\.staffing\.target\.serviceLevel \(groups: front-line, case-officers\)/],
    [['--set', 'handling.firstContactResolution'], /--set: expected path=from:to:step/],
    [['--set', 'handling.firstContactResolution=0.9:0.5:0.1'], /from \(0\.9\) must not be above to \(0\.5\)/],
    [['--set', 'handling.firstContactResolution=0.5:0.9:0'], /step must be > 0/],
    [['--set', 'handling.firstContactResolution=a:0.9:0.1'], /from must be a number/],
    [['--set', 'staffing.agents=1:100000:1'], /more than 1000/],
    [['--set', '__proto__.x=1:2:1'], /--set __proto__\.x=1: "__proto__" is not a key of a scenario/],
    [['--set', 'staffing.constructor.x=1:2:1'], /"constructor" is not a key of a scenario/],
  ])('rejects a bad --set %j with a clear error and exit 2', async (flags, message) => {
    const run = await runCli(['sweep', municipal, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(({} as Record<string, unknown>)['x']).toBe(undefined);
  });
});
