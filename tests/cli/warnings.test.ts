import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/fake-io.js';

const textbook = 'scenarios/textbook-erlang-c.yaml';
const municipal = 'scenarios/municipal-contact-centre.yaml';
const oneCaseOfficer = ['--set', 'groups.case-officers.staffing.agents=1'];

const warnings = (stderr: string): string[] => stderr.split('\n').filter((line) => line.startsWith('staffsim: warning: '));

describe('warnings on stderr, never on stdout', () => {
  it('plan: a scenario without costs says that every money figure is 0, and the JSON stays parseable', async () => {
    const run = await runCli(['plan', textbook, '--json']);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(warnings(run.stderr)).toEqual([
      'staffsim: warning: Textbook Erlang C: no costs: every money figure (staff, overtime, telephony, waiting, repeat contacts, unresolved cases, total cost, ' +
        'cost per resolved case) is 0; add a costs section (scenarios/README.md, "costs")',
    ]);
  });

  it('plan: names the intervals where occupancy is above 90% (no maxOccupancy), per agent group', async () => {
    const run = await runCli(['plan', textbook, '--set', 'staffing.agents=11']);
    expect(warnings(run.stderr)[0]).toBe('staffsim: warning: base: occupancy above 90% (no maxOccupancy set) in 48 intervals, up to 90.9%: mon 00:00–24:00');
    const groups = await runCli(['plan', municipal, '--variant', 'mediocre']);
    expect(warnings(groups.stderr)[0]).toMatch(/^staffsim: warning: mediocre: case-officers: occupancy above 90% \(no maxOccupancy set\) in \d+ intervals/);
  });

  it('plan: a task backlog just over the time left shows as many decimals as it takes to tell the two apart', async () => {
    const plan = await runCli(['plan', municipal, '--variant', 'mediocre', '--set', 'demand.casesPerDay=304']);
    const line = warnings(plan.stderr).find((text) => text.includes('hours of callbacks'));
    const [work, spare] = [...(line ?? '').matchAll(/([\d,.]+) hours/g)].map((match) => Number((match[1] as string).replace(/,/g, '')));
    expect(work).toBeGreaterThan(spare as number);
  });

  it('plan and run: say why the analytic and the simulated figures of a short scenario differ', async () => {
    const short = ['--set', 'calendar.open="08:00"', '--set', 'calendar.close="09:00"', '--set', 'handling.handleTime.meanSeconds=600', '--set', 'simulation.warmupHours=0'];
    const plan = await runCli(['plan', textbook, ...short]);
    expect(warnings(plan.stderr)).toContainEqual(expect.stringMatching(/^staffsim: warning: base: the simulation \(staffsim run\) will differ from this analytic plan: a day is open only 1 h/));
    const run = await runCli(['run', textbook, ...short, '--replications', '2', '--workers', '1', '--json']);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(warnings(run.stderr)).toContainEqual(expect.stringMatching(/^staffsim: warning: base: these simulated figures differ from the analytic plan \(staffsim plan\): a day is open only 1 h/));
  });

  it('run: a group that leaves work undone at the end, with its agent hours, which the cost leaves out; plan and compare --analytic call that backlog unbounded instead', async () => {
    const expected = /^staffsim: warning: mediocre: case-officers leaves [\d,]+ of [\d,]+ tasks \([\d.]+%\) in its backlog at the end, about \d+ agent hours of work: these are open cases that no cost line prices, so the total cost leaves that work out$/;
    const unbounded = /^staffsim: warning: mediocre: case-officers has [\d.]+ hours of callbacks and other tasks but its calls leave only [\d.]+ hours over, so the backlog grows without end .*the total cost is unbounded/;
    const run = await runCli(['run', municipal, '--variant', 'mediocre', ...oneCaseOfficer, '--replications', '2', '--workers', '1', '--json']);
    expect(run.code).toBe(0);
    expect(warnings(run.stderr)).toContainEqual(expect.stringMatching(expected));
    // The analytic total cost is ∞ there: it leaves nothing out, so only the unbounded backlog is named.
    for (const argv of [['plan', municipal, '--variant', 'mediocre', ...oneCaseOfficer], ['compare', municipal, '--analytic', ...oneCaseOfficer]]) {
      const analytic = warnings((await runCli(argv)).stderr);
      expect(analytic).toContainEqual(expect.stringMatching(unbounded));
      expect(analytic).not.toContainEqual(expect.stringMatching(expected));
    }
  });

  it('sweep: unbounded points are never the cheapest, and a point is marked for undone work only when its cost is finite', async () => {
    const argv = ['sweep', municipal, '--variant', 'mediocre', '--set', 'groups.case-officers.staffing.agents=1:3:1'];
    const run = await runCli(argv);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[3]).toMatch(/∞ \(unbounded wait\)$/);
    expect(lines[4]).toMatch(/∞ \(unbounded wait\)$/);
    expect(lines[5]).toMatch(/\d SEK ◀ cheapest$/);
    expect(lines[6]).toMatch(/^cheapest: groups\.case-officers\.staffing\.agents = 3 at [\d,]+ SEK$/);
    expect(warnings(run.stderr)).toEqual([
      expect.stringMatching(/^staffsim: warning: mediocre: unstable at groups\.case-officers\.staffing\.agents = 1, 2 — .* a group has more tasks than its calls leave time for/),
    ]);
    const json = JSON.parse((await runCli([...argv, '--json'])).stdout) as { points: { undoneWork?: unknown[] }[] };
    expect(json.points.map((point) => point.undoneWork ?? [])).toEqual([[], [], []]);
  });

  it('sweep --simulate: marks the points that leave work undone and never calls one the cheapest without the caveat', async () => {
    const argv = ['sweep', municipal, '--variant', 'mediocre', '--set', 'groups.case-officers.staffing.agents=1:3:1', '--simulate', '--replications', '2', '--workers', '1'];
    const run = await runCli(argv);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[3]).toMatch(/SEK † ◀ cheapest$/);
    expect(lines[4]).toMatch(/SEK †$/);
    expect(lines[5]).toMatch(/\d SEK$/);
    expect(lines[6]).toBe('† a group leaves more than 5% of its tasks undone at the end (open cases, not priced): the total cost leaves that work out');
    expect(lines[7]).toMatch(/^cheapest: groups\.case-officers\.staffing\.agents = 1 at [\d,]+ SEK †, not counting the work it leaves undone: case-officers leaves \d+ of \d+ tasks/);
    expect(warnings(run.stderr)).toEqual([
      'staffsim: warning: mediocre: at groups.case-officers.staffing.agents = 1, 2 (marked †) a group leaves more than 5% of its tasks in its backlog at the end: ' +
        'open cases that no cost line prices, so the total cost leaves that work out.',
    ]);
    const json = JSON.parse((await runCli([...argv, '--json'])).stdout) as { points: { undoneWork?: { group: string }[] }[]; cheapest: { undoneWork?: unknown[] } };
    expect(json.points.map((point) => point.undoneWork?.map((u) => u.group) ?? [])).toEqual([['case-officers'], ['case-officers'], []]);
    expect(json.cheapest.undoneWork).toHaveLength(1);
  });

  it('erlang: occupancy above 90% without --max-occupancy', async () => {
    const run = await runCli(['erlang', '--arrivals-per-hour', '200', '--aht-seconds', '180', '--agents', '11', '--json']);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(run.stderr).toBe(
      'staffsim: warning: occupancy 90.9% is above 90% (no --max-occupancy given): agents that busy have no slack, and a few more calls make the wait jump; add agents or --max-occupancy\n',
    );
  });
});
