import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSetFlags } from '../../src/cli/set-values.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { runCli } from '../helpers/fake-io.js';

const textbook = 'scenarios/textbook-erlang-c.yaml';
const municipal = 'scenarios/municipal-contact-centre.yaml';
const folder = mkdtempSync(join(tmpdir(), 'staffsim-set-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A copy of a scenario file with text replaced, as the file a user would edit by hand. */
function editedCopy(file: string, from: string, to: string): string {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  const path = join(folder, `edited-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text.replace(from, to));
  return path;
}

type PlanJson = { variants: { name: string; totals: Record<string, number> }[] };

describe('parseSetFlags', () => {
  it('reads path=value with the value as YAML, once or once per --set', () => {
    expect(parseSetFlags(undefined)).toEqual([]);
    expect(parseSetFlags('staffing.agents=12')).toEqual([{ path: 'staffing.agents', value: 12, label: 'staffing.agents=12' }]);
    expect(
      parseSetFlags(['customers.patience=null', 'staffing.target.method=erlang-c', 'calendar.open="07:00"', 'x.y={ distribution: fixed, seconds: 30 }', 'a.b=[1, 2]', 'c=true']).map(
        (entry) => entry.value,
      ),
    ).toEqual([null, 'erlang-c', '07:00', { distribution: 'fixed', seconds: 30 }, [1, 2], true]);
  });

  it.each([
    ['staffing.agents', /expected path=value/],
    ['=12', /expected path=value/],
    ['staffing.agents=', /expected a value after "="/],
    ['staffing.agents=10:20:1', /a range from:to:step is swept by staffsim sweep/],
    ['staffing.agents=[1, 2', /not a value/],
  ])('refuses %s', (text, message) => {
    expect(() => parseSetFlags(text)).toThrow(UsageError);
    expect(() => parseSetFlags(text)).toThrow(message);
  });
});

describe('--set on plan, run, compare and check', () => {
  it('plan --set gives the plan of the file with that value written in', async () => {
    const set = await runCli(['plan', textbook, '--set', 'staffing.target.serviceLevel=0.95', '--json']);
    const edited = await runCli(['plan', editedCopy(textbook, 'serviceLevel: 0.8,', 'serviceLevel: 0.95,'), '--json']);
    expect(set.code).toBe(0);
    expect(set.stdout).toBe(edited.stdout);
    expect(set.stderr.split('\n')[0]).toBe('staffsim: note: every variant with --set staffing.target.serviceLevel=0.95');
    const plain = JSON.parse((await runCli(['plan', textbook, '--json'])).stdout) as PlanJson;
    expect((JSON.parse(set.stdout) as PlanJson).variants[0]?.totals['paidAgentHours']).toBeGreaterThan(plain.variants[0]?.totals['paidAgentHours'] ?? Infinity);
  });

  it('applies several --set at once, in every variant, on the paths of agent groups', async () => {
    const argv = ['compare', municipal, '--analytic', '--json'];
    type CompareJson = { variants: { name: string; totals: Record<string, { mean: number }> }[] };
    const plain = JSON.parse((await runCli(argv)).stdout) as CompareJson;
    const run = await runCli([...argv, '--set', 'groups.front-line.staffing.target.serviceLevel=0.95', '--set', 'costs.agentHour=500']);
    expect(run.code).toBe(0);
    const changed = JSON.parse(run.stdout) as CompareJson;
    expect(changed.variants.map((v) => v.name)).toEqual(plain.variants.map((v) => v.name));
    // Every variant sets its own front-line target in the file; --set wins in each of them.
    for (const [i, variant] of changed.variants.entries()) {
      expect(variant.totals['serviceLevel']?.mean).toBeGreaterThan(plain.variants[i]?.totals['serviceLevel']?.mean ?? 1);
      expect(variant.totals['staffCost']?.mean).toBeGreaterThan(plain.variants[i]?.totals['staffCost']?.mean ?? Infinity);
    }
  });

  it('run --set simulates the changed scenario', async () => {
    const common = ['--replications', '2', '--workers', '1', '--json'];
    const set = await runCli(['run', textbook, ...common, '--set', 'staffing.target.serviceLevel=0.95']);
    const edited = await runCli(['run', editedCopy(textbook, 'serviceLevel: 0.8,', 'serviceLevel: 0.95,'), ...common]);
    expect(set.code).toBe(0);
    expect(set.stdout).toBe(edited.stdout);
  });

  it('refuses a top-level staffing path on a scenario with groups, naming the path under a group', async () => {
    const run = await runCli(['plan', municipal, '--set', 'staffing.target.serviceLevel=0.9']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    // Once, not once per variant.
    expect(run.stderr).toBe(
      'staffsim: scenarios/municipal-contact-centre.yaml: staffing: --set staffing.target.serviceLevel=0.9: with groups, each group has its own staffing: ' +
        'set it under a group instead, e.g. groups.front-line.staffing.target.serviceLevel (groups: front-line, case-officers)\n',
    );
  });

  it.each([
    [['--set', 'staffing.target.serviceLevl=0.9'], 'staffing.target.serviceLevl: --set staffing.target.serviceLevl=0.9: unknown key "serviceLevl" (did you mean "serviceLevel"?)'],
    [['--set', 'staffing.target.serviceLevel=1.5'], 'staffing.target.serviceLevel: --set staffing.target.serviceLevel=1.5: expected a service level between 0 and 1 (got 1.5)'],
    [['--set', '__proto__.polluted=1'], '__proto__.polluted: --set __proto__.polluted=1: "__proto__" is not a key of a scenario (__proto__, constructor, prototype are reserved)'],
  ])('refuses %j with one located line', async (flags, message) => {
    const run = await runCli(['run', textbook, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('check --set checks every scenario changed and says so in the table, the JSON and the JUnit report', async () => {
    const junit = join(folder, 'report.xml');
    const run = await runCli(['check', textbook, '--quick', '--workers', '1', '--set', 'simulation.seed=7', '--junit', junit]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toContain('MODIFIED: every variant with --set simulation.seed=7');
    expect(readFileSync(junit, 'utf8')).toContain('<property name="modifiedWith" value="--set simulation.seed=7"/>');
    const json = await runCli(['check', textbook, '--quick', '--workers', '1', '--set', 'simulation.seed=7', '--json']);
    const document = JSON.parse(json.stdout) as { set: string[]; scenarios: { variants: { seed: number }[] }[] };
    expect(document.set).toEqual(['simulation.seed=7']);
    expect(document.scenarios[0]?.variants[0]?.seed).toBe(7);
  });

  it('check refuses --set with --update-baseline (baselines are of the files as they are)', async () => {
    const run = await runCli(['check', textbook, '--baseline', folder, '--update-baseline', '--set', 'simulation.seed=7']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--update-baseline writes the baselines of the files as they are; leave out --set');
  });
});
