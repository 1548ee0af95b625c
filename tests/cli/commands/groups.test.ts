import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_METRIC_NAMES, GROUP_METRIC_NAMES, NETWORK_METRIC_NAMES } from '../../../src/core/metrics.js';
import { runCli } from '../../helpers/fake-io.js';

/** A switchboard that transfers to case officers (maxQueue 0), callbacks and an e-mail channel; 2 hours, 1 day. */
const NETWORK = 'tests/fixtures/scenarios/network.yaml';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

interface Estimate {
  mean: number;
  ci95: number;
}

describe('commands on a scenario with agent groups', () => {
  it('run --json: variants[].groups[] with every group metric, in file order; totals with the metrics of SPEC §7', async () => {
    const run = await runCli(['run', NETWORK, '--replications', '3', '--workers', '1', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { variants: { totals: Record<string, Estimate>; groups: { name: string; totals: Record<string, Estimate>; intervals: unknown[] }[] }[] };
    const variant = json.variants[0]!;
    expect(variant.groups.map((g) => g.name)).toEqual(['switchboard', 'case-officers']);
    for (const group of variant.groups) {
      expect(Object.keys(group.totals)).toEqual([...GROUP_METRIC_NAMES]);
      expect(group.intervals).toHaveLength(2);
    }
    for (const name of NETWORK_METRIC_NAMES) expect(variant.totals).toHaveProperty(name);
    const officers = variant.groups[1]!.totals;
    expect(officers['blocked']!.mean).toBeGreaterThan(0);
    expect(variant.totals['failedTransfers']!.mean).toBeGreaterThanOrEqual(officers['blocked']!.mean);
    // Costs add up across groups into the variant's staff cost.
    expect(variant.groups[0]!.totals['staffCost']!.mean + officers['staffCost']!.mean).toBeCloseTo(variant.totals['staffCost']!.mean, 6);
  });

  it('plan prints a table per group and --json carries them', async () => {
    const text = await runCli(['plan', NETWORK]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^group\s+calls\s+answered\s+aband\.\s+blocked/m);
    expect(text.stdout).toMatch(/^case-officers\s+/m);
    expect(text.stdout).toContain('calls dialled per case');
    const json = JSON.parse((await runCli(['plan', NETWORK, '--json'])).stdout) as { variants: { groups: { name: string; totals: Record<string, number> }[] }[] };
    expect(json.variants[0]!.groups.map((g) => g.name)).toEqual(['switchboard', 'case-officers']);
    expect(json.variants[0]!.groups[1]!.totals['blockedShare']).toBeGreaterThan(0);
  });

  it('compare --json of a scenario with groups beside one without: every variant lists its groups, the latter its one group', async () => {
    type Variant = { scenario: string; totals: Record<string, Estimate>; intervals: Record<string, unknown>[]; groups?: { name: string; totals: Record<string, Estimate>; intervals: Record<string, unknown>[] }[] };
    const mixed = JSON.parse((await runCli(['compare', NETWORK, 'scenarios/textbook-erlang-c.yaml', '--analytic', '--json'])).stdout) as { variants: Variant[] };
    const textbook = mixed.variants.find((variant) => variant.scenario === 'Textbook Erlang C')!;
    expect(textbook.groups!.map((group) => group.name)).toEqual(['agents']);
    const [only] = textbook.groups!;
    expect(Object.keys(only!.totals)).toEqual([...GROUP_METRIC_NAMES]);
    for (const name of ['attempts', 'answered', 'serviceLevel', 'paidAgentHours', 'staffCost'] as const) expect(only!.totals[name]).toEqual(textbook.totals[name]);
    expect(only!.totals['blocked']!.mean).toBe(0);
    expect(only!.intervals).toHaveLength(textbook.intervals.length);
    expect(only!.intervals[3]).toMatchObject({ day: 1, start: '01:30', attempts: textbook.intervals[3]!['attempts'] });
    // Alone, a scenario without groups keeps its document as it was: no groups.
    const alone = JSON.parse((await runCli(['compare', 'scenarios/textbook-erlang-c.yaml', '--analytic', '--json'])).stdout) as { variants: Variant[] };
    expect(alone.variants[0]).not.toHaveProperty('groups');
  });

  it('plan --json has the names of run --json: every metric in the totals, in each interval and in each group interval', async () => {
    type Row = Record<string, number | null>;
    const json = JSON.parse((await runCli(['plan', NETWORK, '--json'])).stdout) as { variants: { totals: Row; intervals: Row[]; groups: { intervals: Row[] }[] }[] };
    const variant = json.variants[0]!;
    for (const row of [variant.totals, ...variant.intervals]) for (const name of ALL_METRIC_NAMES) expect(row).toHaveProperty(name);
    for (const group of variant.groups) for (const row of group.intervals) for (const name of GROUP_METRIC_NAMES) expect(row).toHaveProperty(name);
    // Not given by the formulas: null, as in compare --analytic. The 90th-percentile wait is (no group has waiting places).
    expect(variant.intervals[0]!['timeToResolutionSeconds']).toBeNull();
    expect(variant.totals['waitP90Seconds']).toBeGreaterThan(0);
    const transfers = variant.intervals.reduce((sum, row) => sum + (row['transfers'] as number), 0);
    expect(transfers).toBeGreaterThan(0);
    expect(transfers).toBeCloseTo(variant.totals['transfers'] as number, 9);
  });

  it('compare shows where the failure demand goes and each group, with differences', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'staffsim-groups-'));
    folders.push(folder);
    const file = join(folder, 'two.yaml');
    writeFileSync(file, `${readFileSync(NETWORK, 'utf8')}variants:\n  three: {}\n  five:\n    groups:\n      case-officers:\n        staffing: { agents: 5 }\n`);
    const run = await runCli(['compare', file, '--replications', '4', '--workers', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^calls dialled per case\s/m);
    expect(run.stdout).toMatch(/^transfers failed\s/m);
    expect(run.stdout).toMatch(/^case-officers: blocked\s.*\*$/m);
    expect(run.stdout).toMatch(/^case-officers: staff cost, \d+ days?\s/m);
    const analytic = await runCli(['compare', file, '--analytic', '--json']);
    const json = JSON.parse(analytic.stdout) as { differences: { metric: string }[] };
    expect(json.differences.map((d) => d.metric)).toContain('groups.case-officers.staffCost');
  });

  it('check bounds a group metric (groups.<name>.<metric>) and fails when it does not hold', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'staffsim-groups-'));
    folders.push(folder);
    const file = join(folder, 'expect.yaml');
    writeFileSync(
      file,
      `${readFileSync(NETWORK, 'utf8')}simulation: { replications: 3 }\nexpect:\n  base:\n    groups.case-officers.blockedShare: { max: 0.01 }\n    groups.switchboard.attempts: { min: 1 }\n`,
    );
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/groups\.case-officers\.blockedShare\s+.*FAIL/);
    expect(run.stdout).toMatch(/groups\.switchboard\.attempts\s+.*pass/);
  });

  it('plan warns that a group with more tasks than time left over from calls has a backlog without end, priced ∞', async () => {
    const run = await runCli(['plan', NETWORK, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: base: case-officers has [\d.]+ hours of callbacks and other tasks but its calls leave only [\d.]+ hours over, so the backlog grows without end/);
    expect(JSON.parse(run.stdout).variants[0].totals.totalCost).toBe(null); // ∞ in JSON
  });

  it('sweep varies a group parameter with --set groups.<name>.…', async () => {
    const run = await runCli(['sweep', NETWORK, '--set', 'groups.case-officers.staffing.agents=10:12:1', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { points: { value: number; totals: Record<string, Estimate> }[] };
    expect(json.points.map((p) => p.value)).toEqual([10, 11, 12]); // fewer leave the e-mails to pile up without end
    const failed = json.points.map((p) => p.totals['failedTransferShare']!.mean);
    expect(failed[0]).toBeGreaterThan(failed[2]!);
  });
});
