import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ContactCentreModel } from '../../../src/core/model/contact-centre-model.js';
import { planVariant } from '../../../src/core/plan/interval-plan.js';
import { scheduledStaffing } from '../../../src/core/plan/staffing-schedule.js';
import { readScenarioFile } from '../../../src/scenario/load.js';
import { runCli } from '../../helpers/fake-io.js';

const folder = mkdtempSync(join(tmpdir(), 'staffsim-shifts-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface ShiftsJson {
  status: string;
  cost: number;
  paidAgentHours: number;
  shifts: { name: string; start: string; end: string; agents: number; breaks?: unknown[]; days?: string[] }[];
  coverage: { weekday: string; start: string; requiredPaidAgents: number; coveredPaidAgents: number; unmetPaidAgents: number }[];
  unmet: { weekday: string; start: string }[];
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => (line === '' || line.startsWith('#') ? line : `${' '.repeat(spaces)}${line}`))
    .join('\n');
}

describe('staffsim plan --shifts', () => {
  it('finds the known optimum: demand 5/8/7/4, shifts A, B, C costing 10, 11, 9 → 119 with A=5, B=3, C=4', async () => {
    const run = await runCli(['plan', 'tests/fixtures/shifts/known-optimum.yaml', '--shifts', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { variants: { name: string; shifts: ShiftsJson }[] };
    const shifts = json.variants[0]?.shifts as ShiftsJson;
    expect(shifts.status).toBe('optimal');
    expect(shifts.cost).toBe(119);
    expect(shifts.shifts).toEqual([
      { name: 'A-0800-1000', start: '08:00', end: '10:00', agents: 5 },
      { name: 'B-0900-1100', start: '09:00', end: '11:00', agents: 3 },
      { name: 'C-1000-1200', start: '10:00', end: '12:00', agents: 4 },
    ]);
    expect(shifts.coverage.map((row) => row.coveredPaidAgents)).toEqual([5, 8, 7, 4]);
    expect(shifts.unmet).toEqual([]);
  });

  it('prints the report as YAML comments and a staffing section that parses as YAML', async () => {
    const run = await runCli(['plan', 'tests/fixtures/shifts/known-optimum.yaml', '--shifts']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# Shifts for base: 3 shift line(s), 12 agent-shifts on 1 weekday(s), from 3 template(s); optimal (HiGHS');
    expect(run.stdout).toContain('# cost 119 SEK for 24.0 paid hours over 1 day(s)');
    expect(run.stdout).toContain('# mon  08:00       5.0      5.0  5.0 / 5.0      –');
    expect(run.stdout).toMatch(/\nstaffing:\n {2}shifts:\n {4}- \{ name: "A-0800-1000", start: "08:00", end: "10:00", agents: 5 \}\n/);
    expect(parse(run.stdout)).toEqual({
      staffing: {
        shifts: [
          { name: 'A-0800-1000', start: '08:00', end: '10:00', agents: 5 },
          { name: 'B-0900-1100', start: '09:00', end: '11:00', agents: 3 },
          { name: 'C-1000-1200', start: '10:00', end: '12:00', agents: 4 },
        ],
        shrinkage: 0,
      },
    });
  });

  it('plans a week whose pasted shifts load, cover every interval on the phones, and simulate with staffsim run', async () => {
    const out = join(folder, 'week-shifts.yaml');
    const run = await runCli(['plan', 'tests/fixtures/shifts/week.yaml', '--shifts', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`staffsim: wrote ${out}`);
    expect(run.stdout).toMatch(/Shifts for base: \d+ shift line\(s\), \d+ agent-shifts on 7 weekday\(s\), from 2 template\(s\); optimal/);
    expect(run.stdout).toContain('unmet: none — every interval is covered');
    const section = readFileSync(out, 'utf8');
    expect(section).toMatch(/^# staffsim plan --shifts tests\/fixtures\/shifts\/week\.yaml\nstaffing:\n {2}shifts:\n/);

    // Paste: the section becomes a variant next to the base (its shifts replace the target).
    const scenario = join(folder, 'week-with-shifts.yaml');
    writeFileSync(scenario, `${readFileSync('tests/fixtures/shifts/week.yaml', 'utf8')}variants:\n  target: {}\n  shifts:\n${indent(section, 4)}`);
    const loaded = readScenarioFile(scenario);
    const [target, shifts] = loaded.variants.map((v) => v.model) as [ContactCentreModel, ContactCentreModel];
    expect(shifts.staffing.kind).toBe('shifts');
    expect(shifts.shiftTemplates?.map((t) => t.name)).toEqual(['full', 'part']);
    const required = planVariant(target).rows;
    const scheduled = scheduledStaffing(shifts);
    for (const row of required) {
      expect((scheduled?.onPhoneAgents[row.day] as number[])[row.interval]).toBeGreaterThanOrEqual(row.onPhoneAgents - 1e-9);
    }

    const simulated = await runCli(['run', scenario, '--variant', 'shifts', '--replications', '2', '--workers', '1', '--json']);
    expect(simulated.code).toBe(0);
    const result = JSON.parse(simulated.stdout) as { variants: { name: string; totals: Record<string, { mean: number }> }[] };
    expect(result.variants[0]?.name).toBe('shifts');
    expect(result.variants[0]?.totals['serviceLevel']?.mean).toBeGreaterThan(0.7);
  });

  it('lists intervals no template covers as unmet and still exits 0; --strict exits 3 after printing the plan', async () => {
    const run = await runCli(['plan', 'tests/fixtures/shifts/unmet.yaml', '--shifts']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# unmet: 6 interval(s) no template can cover: mon 07:00');
    expect(run.stderr).toContain('staffsim: warning: base: the shift templates leave 6 interval(s) short of the requirement (listed as unmet); --strict makes this exit 3.');
    const strict = await runCli(['plan', 'tests/fixtures/shifts/unmet.yaml', '--shifts', '--strict', '--json']);
    expect(strict.code).toBe(3);
    const json = JSON.parse(strict.stdout) as { variants: { shifts: ShiftsJson }[] };
    expect(json.variants[0]?.shifts.unmet.map((row) => row.start)).toEqual(['07:00', '07:30', '18:00', '18:30', '19:00', '19:30']);
    expect(json.variants[0]?.shifts.shifts.length).toBeGreaterThan(0);
    expect(strict.stderr).toContain('staffsim: infeasible: base: the shift templates leave 6 interval(s) short of the requirement');
  });

  it('writes a variants block for a scenario with variants', async () => {
    const scenario = join(folder, 'two-variants.yaml');
    writeFileSync(
      scenario,
      `${readFileSync('tests/fixtures/shifts/known-optimum.yaml', 'utf8')}variants:\n  base: {}\n  "low demand": { staffing: { agentsPerInterval: [2, 2, 2, 2] } }\n`,
    );
    const run = await runCli(['plan', scenario, '--shifts']);
    expect(run.code).toBe(0);
    const document = parse(run.stdout) as { variants: Record<string, { staffing: { shifts: { agents: number }[] } }> };
    expect(Object.keys(document.variants)).toEqual(['base', 'low demand']);
    expect(document.variants['low demand']?.staffing.shifts.map((s) => s.agents).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('needs shift templates, and says how to write them (exit 2)', async () => {
    const run = await runCli(['plan', 'scenarios/textbook-erlang-c.yaml', '--shifts']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('staffing.shiftTemplates: --shifts needs shift templates in the scenario (variant "base" has none), e.g.');
    expect(run.stderr).toContain('shiftTemplates:\n    - { name: full, lengthsHours: [8]');
  });

  it('rejects flags that do not apply', async () => {
    const strict = await runCli(['plan', 'tests/fixtures/shifts/known-optimum.yaml', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('--strict: applies to --shifts');
    const method = await runCli(['plan', 'tests/fixtures/shifts/known-optimum.yaml', '--method', 'isa']);
    expect(method.code).toBe(2);
    expect(method.stderr).toContain('--method: applies to staffing.target, and variant "base" has staffing.agentsPerInterval');
    const replications = await runCli(['plan', 'tests/fixtures/shifts/known-optimum.yaml', '--replications', '3']);
    expect(replications.code).toBe(2);
    expect(replications.stderr).toContain('--replications: applies to simulation-based staffing (--method isa)');
    const limit = await runCli(['plan', 'tests/fixtures/shifts/known-optimum.yaml', '--shifts', '--time-limit', '0']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--time-limit: expected a number > 0 (got 0)');
  });
});

describe('staffsim plan --method isa', () => {
  it('puts the ISA requirement beside the SIPP one, with the simulated service level of each', async () => {
    const run = await runCli(['plan', 'tests/fixtures/shifts/isa-sinusoid.yaml', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      variants: {
        source: string;
        sippSource: string;
        ending: string;
        replications: number;
        totals: Record<string, number>;
        intervals: { start: string; sippAgents: number; isaAgents: number; sippSimulatedServiceLevel: number; isaSimulatedServiceLevel: number }[];
      }[];
    };
    const variant = json.variants[0];
    expect(variant?.source).toBe('isa');
    expect(variant?.sippSource).toBe('erlang-a');
    expect(variant?.replications).toBe(10);
    expect(variant?.intervals).toHaveLength(24);
    const isa = variant?.intervals.map((row) => row.isaSimulatedServiceLevel) ?? [];
    const sipp = variant?.intervals.map((row) => row.sippSimulatedServiceLevel) ?? [];
    expect(Math.min(...isa)).toBeGreaterThan(0.75);
    expect(Math.min(...sipp)).toBeLessThan(0.65);
    expect(variant?.intervals[0]?.start).toBe('08:00');
  });

  it('prints the comparison table, and --method isa --shifts turns the ISA requirement into shifts', async () => {
    const run = await runCli(['plan', 'tests/fixtures/shifts/isa-sinusoid.yaml', '--shifts', '--replications', '5', '--seed', '3']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Sinusoidal morning — base \(ISA, simulation-based: 5 replications per plan, seed 3; /);
    expect(run.stdout).toContain('SIPP agents  ISA agents  SIPP SL (Erlang A)  SIPP SL (sim.)  ISA SL (sim.)');
    expect(run.stdout).toMatch(/# simulated service level over the run: SIPP \d+\.\d%, ISA \d+\.\d% · intervals below the target: SIPP \d+, ISA \d+ of 24/);
    const document = parse(run.stdout) as { staffing: { shifts: { agents: number }[] } };
    expect(document.staffing.shifts.length).toBeGreaterThan(0);
  });

  it('overrides an Erlang target with --method isa, and the analytic plan points erlang-only commands to it', async () => {
    const run = await runCli(['plan', 'tests/fixtures/shifts/unmet.yaml', '--method', 'isa', '--replications', '2', '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { variants: { source: string; sippSource: string }[] }).variants[0]).toMatchObject({ source: 'isa', sippSource: 'erlang-c' });
    // An analytic-only command cannot staff by simulation, and says where to go instead.
    const analytic = await runCli(['compare', 'tests/fixtures/shifts/isa-sinusoid.yaml', '--analytic']);
    expect(analytic.code).toBe(2);
    expect(analytic.stderr).toContain('method "isa" is simulation-based staffing');
  });
});
