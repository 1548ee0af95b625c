import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/fake-io.js';

const textbook = ['erlang', '--arrivals-per-hour', '200', '--aht-seconds', '180'];

describe('staffsim erlang', () => {
  it('reports Erlang C metrics for given agents as one JSON object with exactly the documented keys', async () => {
    const run = await runCli([...textbook, '--agents', '14', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(
      ['abandonedShare', 'agents', 'asaSeconds', 'meanWaitSeconds', 'model', 'occupancy', 'offeredLoadErlangs', 'probabilityOfWaiting', 'serviceLevel', 'stable'].sort(),
    );
    expect(json['model']).toBe('erlang-c');
    expect(json['agents']).toBe(14);
    expect(json['offeredLoadErlangs']).toBeCloseTo(10, 12);
    expect(json['probabilityOfWaiting'] as number).toBeCloseTo(0.1741319, 6);
    expect(json['serviceLevel'] as number).toBeCloseTo(0.88835, 5);
    expect(json['asaSeconds'] as number).toBeCloseTo(7.8359, 3);
    expect(json['occupancy'] as number).toBeCloseTo(0.7142857, 6);
    expect(json['stable']).toBe(true);
  });

  it('solves the fewest agents for 80/20 with an occupancy cap and adds paid agents for shrinkage', async () => {
    const run = await runCli([...textbook, '--target-sl', '0.8', '--max-occupancy', '0.85', '--shrinkage', '0.3', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json['agents']).toBe(14);
    expect(json['paidAgents']).toBe(20);
  });

  it('uses Erlang A when a patience is given (pyworkforce regression case)', async () => {
    const run = await runCli([
      'erlang', '--arrivals-per-hour', '200', '--aht-seconds', '180', '--patience-seconds', '300', '--agents', '14', '--json',
    ]);
    const json = JSON.parse(run.stdout) as Record<string, number | string>;
    expect(json['model']).toBe('erlang-a');
    expect(json['probabilityOfWaiting'] as number).toBeCloseTo(0.14526, 5);
    expect(json['abandonedShare'] as number).toBeCloseTo(0.013984, 6);
    expect(json['serviceLevel'] as number).toBeCloseTo(0.916792, 6);
    expect(json['meanWaitSeconds'] as number).toBeCloseTo(0.069919 * 60, 3);
  });

  it('reports an overloaded Erlang C queue as unstable with no negative or NaN waits', async () => {
    const run = await runCli([...textbook, '--agents', '9', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json['stable']).toBe(false);
    expect(json['serviceLevel']).toBe(0);
    expect(json['probabilityOfWaiting']).toBe(1);
    expect(json['asaSeconds']).toBeNull();
    expect(json['meanWaitSeconds']).toBeNull();
  });

  it('prints a short readable table without --json', async () => {
    const run = await runCli([...textbook, '--agents', '14']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Erlang C');
    expect(run.stdout).toContain('88.84%');
  });

  it('exits 3 for a target no staffing can meet', async () => {
    const run = await runCli([...textbook, '--target-sl', '1']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^staffsim: infeasible: /);
  });

  it.each([
    [['erlang', '--aht-seconds', '180'], /arrivals-per-hour/],
    [[...textbook, '--agents', '-1'], /--agents: expected an integer ≥ 0 \(got -1\)/],
    [[...textbook, '--agents', 'abc'], /--agents: expected an integer ≥ 0/],
    [[...textbook, '--agents', '2.5'], /--agents: expected an integer/],
    [['erlang', '--arrivals-per-hour', '200', '--aht-seconds', '0'], /--aht-seconds: expected a number > 0/],
    [[...textbook, '--shrinkage', '1'], /--shrinkage: expected a number ≥ 0 and < 1/],
    [[...textbook, '--target-sl', '150'], /--target-sl: expected a number ≥ 0 and ≤ 1, or a percentage such as 80 or 80% \(got 150\)/],
    [[...textbook, '--bogus', '1'], /unknown option --bogus/],
  ])('rejects bad flags %j with one line naming the flag and exit 2', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });
});

describe('staffsim erlang with shares written as percentages', () => {
  const base = ['erlang', '--arrivals-per-hour', '200', '--aht-seconds', '180', '--json'];

  it('reads --target-sl 80, 80% and 0.8 alike, and --max-occupancy and --shrinkage too, with one note per percentage on stderr', async () => {
    const fraction = await runCli([...base, '--target-sl', '0.8', '--max-occupancy', '0.7', '--shrinkage', '0.3']);
    const plain = await runCli([...base, '--target-sl', '80', '--max-occupancy', '70', '--shrinkage', '30']);
    const signed = await runCli([...base, '--target-sl', '80%', '--max-occupancy', '70%', '--shrinkage', '30%']);
    expect(fraction.stderr).toBe('');
    expect(plain.stdout).toBe(fraction.stdout);
    expect(signed.stdout).toBe(fraction.stdout);
    expect(JSON.parse(plain.stdout)).toMatchObject({ agents: 15, paidAgents: 22 });
    expect(plain.stderr).toBe(
      'staffsim: note: --target-sl 80 read as 80% (0.8)\nstaffsim: note: --max-occupancy 70 read as 70% (0.7)\nstaffsim: note: --shrinkage 30 read as 30% (0.3)\n',
    );
    expect(signed.stderr.split('\n')[0]).toBe('staffsim: note: --target-sl 80% read as 0.8');
  });
});

describe('staffsim erlang --model erlang-b (lines and trunks)', () => {
  // 162.16 calls per hour of 180 s offer 8.108 Erlangs: 15 lines at 1 % blocking (erlang.com, docs/sources.md case 15).
  const trunk = ['erlang', '--model', 'erlang-b', '--arrivals-per-hour', '162.16', '--aht-seconds', '180'];

  it('solves the lines needed for --target-blocking, with offered, carried and lost traffic', async () => {
    const run = await runCli([...trunk, '--target-blocking', '0.01', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, number | string>;
    expect(Object.keys(json)).toEqual(['model', 'lines', 'offeredLoadErlangs', 'blockingProbability', 'carriedLoadErlangs', 'lostLoadErlangs', 'blockedCallsPerHour', 'occupancy']);
    expect(json).toMatchObject({ model: 'erlang-b', lines: 15 });
    expect(json['offeredLoadErlangs']).toBeCloseTo(8.108, 12);
    expect(json['blockingProbability']).toBeCloseTo(0.0099996319, 9);
    expect((json['carriedLoadErlangs'] as number) + (json['lostLoadErlangs'] as number)).toBeCloseTo(8.108, 12);
  });

  it('solves for 1 % blocking by default, and reads --target-blocking 1% alike', async () => {
    const plain = await runCli([...trunk, '--json']);
    const percent = await runCli([...trunk, '--target-blocking', '1%', '--json']);
    expect(plain.stdout).toBe(percent.stdout);
    expect(percent.stderr).toBe('staffsim: note: --target-blocking 1% read as 0.01\n');
  });

  it('reports the blocking of given lines (--lines, or --agents)', async () => {
    const lines = await runCli([...trunk, '--lines', '15']);
    const agents = await runCli([...trunk, '--agents', '15']);
    expect(lines.code).toBe(0);
    expect(lines.stdout).toBe(agents.stdout);
    expect(lines.stdout).toContain('blocking probability    1.000%');
    expect(lines.stdout).toMatch(/^lines\s+15$/m);
  });

  it.each([
    [['--target-sl', '0.8'], '--target-sl: applies to erlang-c and erlang-a (queues); erlang-b has lines that block, not a queue'],
    [['--patience-seconds', '60'], '--patience-seconds: applies to erlang-c and erlang-a'],
    [['--lines', '15', '--target-blocking', '0.01'], '--target-blocking: solves for the lines'],
    [['--target-blocking', '0'], '--target-blocking: expected a number > 0 and < 1'],
  ])('refuses %j', async (flags, message) => {
    const run = await runCli([...trunk, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('refuses --target-blocking for a queue', async () => {
    const run = await runCli(['erlang', '--arrivals-per-hour', '200', '--aht-seconds', '180', '--target-blocking', '0.01']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--target-blocking: applies to --model erlang-b');
  });
});

describe('staffsim erlang with an occupancy cap far below the square-root staffing', () => {
  it('meets --max-occupancy 0.5 at 5000 Erlangs with 10 000 agents instead of reporting it infeasible', async () => {
    const run = await runCli(['erlang', '--arrivals-per-hour', '60000', '--aht-seconds', '300', '--max-occupancy', '0.5', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json['agents']).toBe(10_000);
    expect(json['occupancy']).toBeCloseTo(0.5, 12);
  });
});
