import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ContactCentreModel } from '../../../src/core/model/contact-centre-model.js';
import { planVariant } from '../../../src/core/plan/interval-plan.js';
import { scheduledStaffingOf } from '../../../src/core/plan/staffing-schedule.js';
import { readScenarioFile } from '../../../src/scenario/load.js';
import { runCli } from '../../helpers/fake-io.js';

const folder = mkdtempSync(join(tmpdir(), 'staffsim-plan-groups-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const TWO_GROUPS = 'tests/fixtures/shifts/isa-two-groups.yaml';
const NETWORK = 'tests/fixtures/scenarios/network.yaml';

interface IsaGroupJson {
  name: string;
  sippSource: string;
  target: { serviceLevel: number; answerWithinSeconds: number };
  totals: Record<string, number>;
  intervals: { start: string; attempts: number; sippAgents: number; isaAgents: number; sippSimulatedServiceLevel: number; isaSimulatedServiceLevel: number }[];
}

interface NetworkIsaJson {
  name: string;
  source: string;
  ending: string;
  replications: number;
  otherGroups: { name: string; staffing: string; method: string | null }[];
  groups: IsaGroupJson[];
}

interface GroupShiftsJson {
  group: string;
  status: string;
  shifts: { name: string; agents: number }[];
  coverage: { weekday: string; start: string; requiredPaidAgents: number; coveredPaidAgents: number; requiredOnPhoneAgents: number }[];
  unmet: unknown[];
}

/** The parts of the network fixture the tests change. */
interface NetworkDocument {
  groups: Record<string, { staffing: Record<string, unknown> }>;
  customers: Record<string, unknown>;
  variants?: Record<string, unknown>;
}

/** The network fixture with `change` applied to its parsed document, written to a temporary file. */
function networkWith(name: string, change: (document: NetworkDocument) => void): string {
  const document = parse(readFileSync(NETWORK, 'utf8')) as NetworkDocument;
  change(document);
  const file = join(folder, name);
  writeFileSync(file, stringify(document));
  return file;
}

function switchboardStaffing(document: NetworkDocument): Record<string, unknown> {
  return (document.groups['switchboard'] as { staffing: Record<string, unknown> }).staffing;
}

const SWITCHBOARD_TEMPLATES = [{ name: 'hour', lengthsHours: [1] }];

function below(group: IsaGroupJson, pick: (row: IsaGroupJson['intervals'][number]) => number): number {
  return group.intervals.filter((row) => row.attempts > 0 && pick(row) < group.target.serviceLevel).length;
}

describe('staffsim plan --method isa with agent groups', () => {
  it('solves every group whose target has method isa, and puts each group’s ISA plan beside its SIPP plan', async () => {
    const run = await runCli(['plan', TWO_GROUPS, '--json']);
    expect(run.code).toBe(0);
    const variant = (JSON.parse(run.stdout) as { variants: NetworkIsaJson[] }).variants[0] as NetworkIsaJson;
    expect(variant.source).toBe('isa');
    expect(variant.replications).toBe(10);
    expect(variant.otherGroups).toEqual([]);
    expect(variant.groups.map((group) => [group.name, group.sippSource, group.target.answerWithinSeconds])).toEqual([
      ['front', 'erlang-a', 20],
      ['specialists', 'erlang-a', 60],
    ]);
    for (const group of variant.groups) {
      expect(group.intervals).toHaveLength(24);
      const isaBelow = below(group, (row) => row.isaSimulatedServiceLevel);
      expect(isaBelow).toBeLessThan(below(group, (row) => row.sippSimulatedServiceLevel));
      expect(isaBelow).toBeLessThanOrEqual(2);
      expect(Math.min(...group.intervals.map((row) => row.isaSimulatedServiceLevel))).toBeGreaterThan(0.75);
      expect(group.totals['isaSimulatedServiceLevel']).toBeGreaterThan(group.totals['sippSimulatedServiceLevel'] as number);
    }
  });

  it('prints one SIPP-against-ISA table per group, with the group’s name', async () => {
    const run = await runCli(['plan', TWO_GROUPS, '--replications', '3']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Two groups, sinusoidal morning — base \(ISA, simulation-based: 3 replications per plan, seed 7; (converged|not converged)/);
    expect(run.stdout).toMatch(/\n\ngroup front( \(.*\))?:\nday {2}start {2}attempts {2}SIPP agents {2}ISA agents {2}SIPP SL \(Erlang A\)/);
    expect(run.stdout).toMatch(/\n\ngroup specialists( \(.*\))?:\nday/);
    expect(run.stdout).toContain('target: 80% answered within 60 s; SIPP = Erlang A per interval (stationary); SL (sim.) = simulated, answered within 60 s');
  });

  it('applies --method isa to every group with a target and keeps the others, which the report names', async () => {
    const run = await runCli(['plan', NETWORK, '--method', 'isa', '--replications', '2', '--json']);
    expect(run.code).toBe(0);
    const variant = (JSON.parse(run.stdout) as { variants: NetworkIsaJson[] }).variants[0] as NetworkIsaJson;
    expect(variant.groups.map((group) => group.name)).toEqual(['switchboard']);
    expect(variant.otherGroups).toEqual([{ name: 'case-officers', staffing: 'agents', method: null }]);
    const text = await runCli(['plan', NETWORK, '--method', 'isa', '--replications', '2']);
    expect(text.stdout).toContain('\nother groups keep their staffing: case-officers (staffing.agents)\n\ngroup switchboard');
  });

  it('simulates the groups with method isa against their ISA agents in staffsim run', async () => {
    const plan = await runCli(['plan', TWO_GROUPS, '--replications', '3', '--json']);
    const run = await runCli(['run', TWO_GROUPS, '--replications', '3', '--workers', '1', '--json']);
    expect(run.code).toBe(0);
    const planned = (JSON.parse(plan.stdout) as { variants: NetworkIsaJson[] }).variants[0] as NetworkIsaJson;
    const simulated = (JSON.parse(run.stdout) as { variants: { groups: { name: string; totals: Record<string, { mean: number }> }[] }[] }).variants[0];
    expect(simulated?.groups.map((group) => group.name)).toEqual(['front', 'specialists']);
    simulated?.groups.forEach((group, g) => {
      expect(group.totals['paidAgentHours']?.mean).toBeCloseTo(planned.groups[g]?.totals['isaPaidAgentHours'] as number, 9);
    });
  });

  it('rejects --method where no group has a target, and erlang-a for a group whose callers have no patience', async () => {
    const fixed = networkWith('fixed.yaml', (document) => {
      (document.groups['switchboard'] as { staffing: unknown }).staffing = { agents: 3 };
    });
    const noTarget = await runCli(['plan', fixed, '--method', 'isa']);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain('--method: applies to staffing.target, and no agent group of variant "base" has one (switchboard: staffing.agents, case-officers: staffing.agents)');
    const impatient = networkWith('impatient.yaml', (document) => {
      delete document.customers['patience'];
    });
    const erlangA = await runCli(['plan', impatient, '--method', 'erlang-a']);
    expect(erlangA.code).toBe(2);
    expect(erlangA.stderr).toContain('--method erlang-a: models callers who abandon; in variant "base" the callers of group "switchboard" have no patience');
  });
});

describe('staffsim plan --shifts with agent groups', () => {
  it('solves shifts for each group from its own requirement and shrinkage, covering every interval', async () => {
    const run = await runCli(['plan', TWO_GROUPS, '--method', 'erlang-a', '--shifts', '--json']);
    expect(run.code).toBe(0);
    const variant = (JSON.parse(run.stdout) as { variants: { groupShifts: GroupShiftsJson[]; groupsWithoutShiftTemplates: string[] }[] }).variants[0];
    expect(variant?.groupShifts.map((group) => group.group)).toEqual(['front', 'specialists']);
    expect(variant?.groupsWithoutShiftTemplates).toEqual([]);
    const model = readScenarioFile(TWO_GROUPS).variants[0]?.model as ContactCentreModel;
    const analytic = planVariant({
      ...model,
      network: {
        ...(model.network as NonNullable<ContactCentreModel['network']>),
        groups: (model.network?.groups ?? []).map((group) =>
          group.staffing.kind === 'target' ? { ...group, staffing: { ...group.staffing, target: { ...group.staffing.target, method: 'erlang-a' as const } } } : group,
        ),
      },
    });
    variant?.groupShifts.forEach((group, g) => {
      expect(group.status).toBe('optimal');
      expect(group.unmet).toEqual([]);
      const shrinkage = g === 0 ? 0.3 : 0.2;
      group.coverage.forEach((row, i) => {
        const required = analytic.groups?.[g]?.rows[i]?.onPhoneAgents as number;
        expect(row.requiredOnPhoneAgents).toBeCloseTo(required, 9);
        expect(row.requiredPaidAgents).toBeCloseTo(required / (1 - shrinkage), 9);
        expect(row.coveredPaidAgents).toBeGreaterThanOrEqual(row.requiredPaidAgents - 1e-9);
      });
    });
  });

  it('prints a groups section to paste, whose shifts load, cover each group on the phones and simulate', async () => {
    const run = await runCli(['plan', TWO_GROUPS, '--method', 'erlang-a', '--shifts']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/# Shifts for base, group front: \d+ shift line\(s\), \d+ agent-shifts on 1 weekday\(s\), from 1 template\(s\); optimal/);
    expect(run.stdout).toMatch(/# Shifts for base, group specialists: .*\n# cost [\d,]+ SEK for [\d.,]+ paid hours over 1 day\(s\); the interval requirement alone is [\d.,]+ h \([\d,]+ SEK at groups\.specialists\.costs\.agentHour\)/);
    const section = parse(run.stdout) as { groups: Record<string, { staffing: { shifts: { agents: number }[]; shrinkage: number } }> };
    expect(Object.keys(section.groups)).toEqual(['front', 'specialists']);
    expect(section.groups['front']?.staffing.shrinkage).toBe(0.3);
    expect(section.groups['specialists']?.staffing.shrinkage).toBe(0.2);

    // Paste: the section becomes a variant next to the targets (each group's shifts replace its target).
    const yamlSection = run.stdout.slice(run.stdout.indexOf('\ngroups:') + 1);
    const pasted = join(folder, 'two-groups-with-shifts.yaml');
    const indented = yamlSection.split('\n').map((line) => (line === '' ? line : `    ${line}`)).join('\n');
    writeFileSync(pasted, `${readFileSync(TWO_GROUPS, 'utf8')}variants:\n  target: { groups: { front: { staffing: { target: { method: erlang-a } } }, specialists: { staffing: { target: { method: erlang-a } } } } }\n  shifts:\n${indented}`);
    const loaded = readScenarioFile(pasted);
    const [target, shifts] = loaded.variants.map((v) => v.model) as [ContactCentreModel, ContactCentreModel];
    const required = planVariant(target).groups ?? [];
    shifts.network?.groups.forEach((group, g) => {
      expect(group.staffing.kind).toBe('shifts');
      expect(group.shiftTemplates?.map((t) => t.name)).toEqual(['half']);
      const scheduled = scheduledStaffingOf(shifts.calendar, group.staffing);
      for (const row of required[g]?.rows ?? []) {
        expect((scheduled?.onPhoneAgents[row.day] as number[])[row.interval]).toBeGreaterThanOrEqual(row.onPhoneAgents - 1e-9);
      }
    });
    const simulated = await runCli(['run', pasted, '--variant', 'shifts', '--replications', '2', '--workers', '1', '--json']);
    expect(simulated.code).toBe(0);
  });

  it('turns each ISA group’s requirement into shifts with --method isa', async () => {
    const run = await runCli(['plan', TWO_GROUPS, '--shifts', '--replications', '3', '--json']);
    expect(run.code).toBe(0);
    const variant = (JSON.parse(run.stdout) as { variants: (NetworkIsaJson & { groupShifts: GroupShiftsJson[] })[] }).variants[0];
    variant?.groupShifts.forEach((group, g) => {
      const isa = variant.groups[g]?.intervals.map((row) => row.isaAgents) ?? [];
      expect(group.coverage.map((row) => row.requiredOnPhoneAgents).map((x) => Math.round(x * 1e6) / 1e6)).toEqual(isa);
      for (const row of group.coverage) expect(row.coveredPaidAgents).toBeGreaterThanOrEqual(row.requiredPaidAgents - 1e-9);
    });
  });

  it('reports and skips a group without shift templates', async () => {
    const file = networkWith('one-group-templates.yaml', (document) => {
      switchboardStaffing(document)['shiftTemplates'] = SWITCHBOARD_TEMPLATES;
    });
    const run = await runCli(['plan', file, '--shifts']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# No shifts for group case-officers of base: no staffing.shiftTemplates there.');
    expect(Object.keys((parse(run.stdout) as { groups: Record<string, unknown> }).groups)).toEqual(['switchboard']);
    const json = await runCli(['plan', file, '--shifts', '--json']);
    const variant = (JSON.parse(json.stdout) as { variants: { groupShifts: GroupShiftsJson[]; groupsWithoutShiftTemplates: string[] }[] }).variants[0];
    expect(variant?.groupShifts.map((group) => group.group)).toEqual(['switchboard']);
    expect(variant?.groupsWithoutShiftTemplates).toEqual(['case-officers']);
  });

  it('needs shift templates in at least one group, and names the groups (exit 2)', async () => {
    const run = await runCli(['plan', NETWORK, '--shifts']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('groups: --shifts needs shift templates in at least one agent group (variant "base" has none in switchboard, case-officers), e.g.');
  });

  it('nests the groups section under variants, and --strict exits 3 when a group’s templates leave intervals short', async () => {
    const file = networkWith('variants.yaml', (document) => {
      switchboardStaffing(document)['shiftTemplates'] = [{ name: 'late', lengthsHours: [1], earliestStart: '09:00' }];
      document.variants = { base: {}, busy: { demand: { casesPerHour: 90 } } };
    });
    const run = await runCli(['plan', file, '--shifts', '--strict']);
    expect(run.code).toBe(3);
    const section = parse(run.stdout) as { variants: Record<string, { groups: Record<string, { staffing: { shifts: unknown[] } }> }> };
    expect(Object.keys(section.variants)).toEqual(['base', 'busy']);
    expect(Object.keys(section.variants['busy']?.groups ?? {})).toEqual(['switchboard']);
    expect(run.stderr).toContain('staffsim: infeasible: base, group switchboard: the shift templates leave 1 interval(s) short of the requirement');
    expect(run.stderr).toContain('staffsim: infeasible: busy, group switchboard: the shift templates leave 1 interval(s) short of the requirement');
  });
});
