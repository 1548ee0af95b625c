import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/fake-io.js';

describe('staffsim plan', () => {
  it('solves the textbook scenario interval by interval: 14 on the phones, 20 paid, SL 88.8%', async () => {
    const run = await runCli(['plan', 'scenarios/textbook-erlang-c.yaml', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      scenario: string;
      variants: { name: string; source: string; totals: Record<string, number>; intervals: Record<string, number | string>[] }[];
    };
    expect(json.scenario).toBe('Textbook Erlang C');
    const [variant] = json.variants;
    expect(variant?.name).toBe('base');
    expect(variant?.source).toBe('erlang-c');
    expect(variant?.intervals).toHaveLength(48);
    for (const interval of variant?.intervals ?? []) {
      expect(interval['onPhoneAgents']).toBe(14);
      expect(interval['paidAgents'] as number).toBeCloseTo(20, 9);
      expect(interval['attempts'] as number).toBeCloseTo(100, 9);
      expect(interval['serviceLevel'] as number).toBeCloseTo(0.8883502, 6);
    }
    expect(variant?.intervals[0]).toMatchObject({ day: 1, start: '00:00' });
    expect(variant?.totals['serviceLevel']).toBeCloseTo(0.8883502, 6);
    expect(variant?.totals['paidAgentHours']).toBeCloseTo(20 * 24, 6);
    expect(variant?.totals['attemptsPerCase']).toBeCloseTo(1, 12);
  });

  it('plans every variant of the municipal scenario, with failure demand falling as resolution rises', async () => {
    const run = await runCli(['plan', 'scenarios/municipal-contact-centre.yaml', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { variants: { name: string; totals: Record<string, number> }[] };
    expect(json.variants.map((v) => v.name)).toEqual(['switchboard', 'mediocre', 'world-class']);
    const perCase = json.variants.map((v) => v.totals['attemptsPerCase'] ?? Number.NaN);
    expect(perCase[0]).toBeGreaterThan(perCase[1] ?? 0);
    expect(perCase[1]).toBeGreaterThan(perCase[2] ?? 0);
    for (const variant of json.variants) {
      const t = variant.totals;
      // Every case ends resolved, unresolved or still open.
      expect((t['resolvedCases'] ?? 0) + (t['unresolvedCases'] ?? 0) + (t['openCasesAtEnd'] ?? 0)).toBeCloseTo(t['cases'] ?? 0, 6);
    }
  });

  it('prints a readable table per variant, and --variant picks one', async () => {
    const run = await runCli(['plan', 'scenarios/municipal-contact-centre.yaml', '--variant', 'world-class']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Municipal contact centre — world-class (Erlang A, analytic');
    expect(run.stdout).not.toContain('switchboard');
    expect(run.stdout).toMatch(/paid agent hours, 5 days [\d,.]+ · total cost, 5 days [\d,]+ SEK/);
  });

  it('says where the plan approximates: none for the textbook Erlang C case, the lognormal handle time and redials of the bank', async () => {
    const textbook = await runCli(['plan', 'scenarios/textbook-erlang-c.yaml']);
    expect(textbook.stdout).not.toContain('approximates');
    expect((JSON.parse((await runCli(['plan', 'scenarios/textbook-erlang-c.yaml', '--json'])).stdout) as { variants: { approximations: string[] }[] }).variants[0]!.approximations).toEqual([]);
    const bank = await runCli(['plan', 'scenarios/bank-call-centre.yaml', '--variant', 'observed']);
    expect(bank.stdout).toContain('where this plan approximates (staffsim run simulates the exact model):\n- handle time is lognormal (mean 3.1 min)');
    const block = bank.stdout.slice(bank.stdout.indexOf('where this plan approximates')).trimEnd().split('\n');
    expect(block.length).toBeGreaterThan(3);
    expect(block.every((line) => line.length <= 98 && (line.startsWith('- ') || line.startsWith('  ') || line.startsWith('where')))).toBe(true);
    const json = JSON.parse((await runCli(['plan', 'scenarios/bank-call-centre.yaml', '--variant', 'observed', '--json'])).stdout) as { variants: { approximations: string[] }[] };
    expect(json.variants[0]!.approximations).toEqual([
      expect.stringMatching(/^handle time is lognormal \(mean 3.1 min\)/),
      expect.stringMatching(/^redials join each interval's calls/),
      expect.stringMatching(/^demand.overdispersionCv is 0.1/),
    ]);
  });

  it('rejects an unknown variant with exit 2', async () => {
    const run = await runCli(['plan', 'scenarios/municipal-contact-centre.yaml', '--variant', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no variant named "nope"');
  });

  it('reports every problem of a bad file at once, located, with exit 2 and no output', async () => {
    const run = await runCli(['plan', 'tests/fixtures/cli/bad-scenario.yaml']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      'staffsim: tests/fixtures/cli/bad-scenario.yaml:4:10: calendar.close: expected a time after open "08:00" (got "07:00")',
      'staffsim: tests/fixtures/cli/bad-scenario.yaml:8:3: demand.intradayProfil: unknown key "intradayProfil" (did you mean "intradayProfile"?)',
      'staffsim: tests/fixtures/cli/bad-scenario.yaml:10:55: handling.handleTime.meanSeconds: expected a mean in seconds ≥ 0.001 and ≤ 31,622,400 (got -5)',
    ]);
  });

  it('says a missing file in one line', async () => {
    const run = await runCli(['plan', 'no/such/file.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('staffsim: no/such/file.yaml: file not found\n');
  });

  it('exits 3 when a target cannot be met', async () => {
    const run = await runCli(['plan', 'tests/fixtures/cli/infeasible-target.yaml']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^staffsim: infeasible: /);
  });
});

describe('staffsim plan with target.maxOccupancy far below the square-root staffing', () => {
  it('staffs 60 000 calls an hour of 300 s at occupancy ≤ 0.5 with 10 000 agents (exit 0, not infeasible)', async () => {
    const run = await runCli(['plan', 'tests/fixtures/cli/occupancy-cap.yaml', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { variants: { intervals: Record<string, number>[] }[] };
    const [interval] = json.variants[0]?.intervals ?? [];
    expect(interval?.['onPhoneAgents']).toBe(10_000);
    expect(interval?.['occupancy']).toBeCloseTo(0.5, 12);
  });
});
