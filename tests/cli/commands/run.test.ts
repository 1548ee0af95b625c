import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';
import { METRIC_NAMES } from '../../../src/core/metrics.js';
import { runCli } from '../../helpers/fake-io.js';

/** Two variants (`lean`: 4 agents, `more-agents`: 7), redials and repeat contacts, 8 intervals; 3 replications, seed 42. */
const SMALL = 'tests/fixtures/run/small.yaml';
/** Like SMALL (one variant, 4 agents) with a 30-minute warm-up; 2 replications, seed 7. */
const WARMUP = 'tests/fixtures/run/warmup.yaml';

interface Estimate {
  mean: number;
  ci95: number;
}
interface RunJson {
  scenario: string;
  variants: {
    name: string;
    replications: number;
    seed: number;
    totals: Record<string, Estimate>;
    intervals: ({ day: number; start: string } & Record<string, Estimate>)[];
  }[];
}

const folders: string[] = [];
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'staffsim-run-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** stderr without the planner's warnings (occupancy, undone work …), which these fixtures trigger on purpose. */
function withoutWarnings(stderr: string): string {
  return stderr.replace(/staffsim: warning: [^\n]*\n/g, '');
}

/**
 * `staffsim run …` in-process. One worker unless the arguments say otherwise: a pool of worker threads costs about a
 * second of start-up under vitest (each thread loads tsx), the replications here take milliseconds.
 */
function runCommand(args: readonly string[], env: Record<string, string> = {}): ReturnType<typeof runCli> {
  return runCli(['run', ...args, ...(args.includes('--workers') ? [] : ['--workers', '1'])], env);
}

async function runJson(args: readonly string[], env: Record<string, string> = {}): Promise<RunJson> {
  const run = await runCommand([...args, '--json'], env);
  expect(withoutWarnings(run.stderr)).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as RunJson;
}

function variant(json: RunJson, name: string): RunJson['variants'][number] {
  const found = json.variants.find((v) => v.name === name);
  if (found === undefined) throw new Error(`no variant ${name} in ${json.variants.map((v) => v.name).join(', ')}`);
  return found;
}

/** The CSV as rows of fields (no field of these fixtures is quoted). */
function readCsv(path: string): { header: string[]; rows: string[][]; text: string } {
  const text = readFileSync(path, 'utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  return { header: (lines[0] as string).split(','), rows: lines.slice(1).map((line) => line.split(',')), text };
}

describe('staffsim run --json', () => {
  it('prints every variant with its replications, seed, and every metric as { mean, ci95 }, in total and per interval', async () => {
    const json = await runJson([SMALL]);
    expect(json.scenario).toBe('Run fixture');
    expect(json.variants.map((v) => v.name)).toEqual(['lean', 'more-agents']);
    for (const v of json.variants) {
      expect(Object.keys(v)).toEqual(['name', 'replications', 'seed', 'totals', 'budget', 'intervals']);
      expect(v.replications).toBe(3);
      expect(v.seed).toBe(42);
      expect(Object.keys(v.totals).sort()).toEqual([...METRIC_NAMES].sort());
      for (const name of METRIC_NAMES) {
        expect(Object.keys(v.totals[name] as Estimate)).toEqual(['mean', 'ci95']);
        expect(Number.isFinite(v.totals[name]?.mean)).toBe(true);
        expect(v.totals[name]?.ci95).toBeGreaterThanOrEqual(0);
      }
      // 08:00–10:00 in 15-minute intervals.
      expect(v.intervals.map((row) => `${row.day} ${row.start}`)).toEqual(
        ['08:00', '08:15', '08:30', '08:45', '09:00', '09:15', '09:30', '09:45'].map((start) => `1 ${start}`),
      );
      for (const row of v.intervals) {
        expect(Object.keys(row).sort()).toEqual(['day', 'start', ...METRIC_NAMES].sort());
        for (const name of METRIC_NAMES) {
          expect(Number.isFinite(row[name]?.mean)).toBe(true);
          expect(row[name]?.ci95).toBeGreaterThanOrEqual(0);
        }
      }
      // Counts per interval add up to the run's (no warm-up in this fixture).
      const casesByInterval = v.intervals.reduce((sum, row) => sum + (row['cases']?.mean ?? 0), 0);
      expect(casesByInterval).toBeCloseTo(v.totals['cases']?.mean ?? Number.NaN, 9);
    }
    // Three replications that differ: the intervals are not degenerate.
    expect(variant(json, 'lean').totals['serviceLevel']?.ci95).toBeGreaterThan(0);
  });

  it('gives a 95% half-width of exactly 0 with one replication', async () => {
    const json = await runJson([SMALL, '--replications', '1']);
    for (const v of json.variants) {
      expect(v.replications).toBe(1);
      for (const record of [v.totals, ...v.intervals]) {
        for (const name of METRIC_NAMES) expect(record[name]?.ci95).toBe(0);
      }
    }
  });

  it('takes --replications and --variant', async () => {
    const json = await runJson([SMALL, '--variant', 'more-agents', '--replications', '2']);
    expect(json.variants.map((v) => [v.name, v.replications])).toEqual([['more-agents', 2]]);
  });
});

describe('staffsim run: reproducibility (SPEC §3, Randomness)', () => {
  it('prints byte-identical output for 1 and 2 workers', async () => {
    // JSON: every number to the last bit (the plain report is made from the same numbers).
    const one = await runCommand([SMALL, '--replications', '4', '--workers', '1', '--json']);
    const two = await runCommand([SMALL, '--replications', '4', '--workers', '2', '--json']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('prints the same output for the same seed, and different numbers for another seed', async () => {
    const first = await runCommand([SMALL, '--seed', '5', '--json']);
    const again = await runCommand([SMALL, '--seed', '5', '--json']);
    const other = await runCommand([SMALL, '--seed', '6', '--json']);
    expect(again.stdout).toBe(first.stdout);
    const a = JSON.parse(first.stdout) as RunJson;
    const b = JSON.parse(other.stdout) as RunJson;
    expect(a.variants[0]?.seed).toBe(5);
    expect(b.variants[0]?.seed).toBe(6);
    expect(b.variants[0]?.totals['cases']?.mean).not.toBe(a.variants[0]?.totals['cases']?.mean);
    expect(b.variants[0]?.totals['asaSeconds']?.mean).not.toBe(a.variants[0]?.totals['asaSeconds']?.mean);
  });

  it('uses STAFFSIM_SEED when there is no --seed, and --seed over it', async () => {
    const scenarioSeed = await runCommand([SMALL, '--json']);
    const fromFlag = await runCommand([SMALL, '--seed', '99', '--json']);
    const fromEnv = await runCommand([SMALL, '--json'], { STAFFSIM_SEED: '99' });
    const flagOverEnv = await runCommand([SMALL, '--seed', '99', '--json'], { STAFFSIM_SEED: '12345' });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stdout).toBe(fromFlag.stdout);
    expect(flagOverEnv.stdout).toBe(fromFlag.stdout);
    expect(fromEnv.stdout).not.toBe(scenarioSeed.stdout);
    expect((JSON.parse(fromEnv.stdout) as RunJson).variants[0]?.seed).toBe(99);
  });

  it('keeps the arrival stream when only the staffing changes (common random numbers)', async () => {
    const json = await runJson([SMALL, '--replications', '4']);
    const lean = variant(json, 'lean');
    const more = variant(json, 'more-agents');
    // Identical first contacts, interval by interval (means and spreads) …
    expect(more.intervals.map((row) => row['cases'])).toEqual(lean.intervals.map((row) => row['cases']));
    expect(more.totals['cases']).toEqual(lean.totals['cases']);
    // … while what the staffing drives does change: fewer redials and repeats, a better service level.
    expect(more.totals['attempts']?.mean).toBeLessThan(lean.totals['attempts']?.mean ?? 0);
    expect(more.totals['serviceLevel']?.mean).toBeGreaterThan(lean.totals['serviceLevel']?.mean ?? 1);
  });
});

describe('staffsim run (plain output)', () => {
  it('prints a readable summary and the intervals as a compact table, per variant', async () => {
    const run = await runCommand([SMALL, '--replications', '2']);
    expect(run.code).toBe(0);
    expect(withoutWarnings(run.stderr)).toBe('');
    const out = run.stdout;
    expect(out).toContain('Run fixture — lean (simulated: 2 replications, seed 42, ±95% interval)');
    expect(out).toContain('Run fixture — more-agents (simulated: 2 replications, seed 42, ±95% interval)');
    // Money and hours say their period (the fixture is one day).
    for (const label of ['service level', 'ASA (answered)', 'abandoned', 'occupancy', 'cases resolved', 'total cost, 1 day', 'cost per resolved case']) {
      expect(out).toMatch(new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\s+\\S`, 'm'));
    }
    expect(out).toContain('By interval (means):');
    expect(out).toMatch(/^day\s+start\s+cases\s+attempts\s+SL\s+ASA\s+aband\.\s+occ\.\s+paid h$/m);
    const intervalRows = out.split('\n').filter((line) => /^\s*1\s+\d\d:\d\d\s/.test(line));
    expect(intervalRows).toHaveLength(2 * 8);
    expect(intervalRows[0]).toMatch(/^\s*1\s+08:00\s+[\d.]+\s+[\d.]+\s+[\d.]+%\s+[\d.]+ s\s+[\d.]+%\s+[\d.]+%\s+[\d.]+$/);
    // No line is wider than a terminal.
    expect(Math.max(...out.split('\n').map((line) => [...line].length))).toBeLessThanOrEqual(100);
  });

  it('marks warm-up intervals, where nothing is measured, with – rather than 0%', async () => {
    const run = await runCommand([WARMUP]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('the first 0.5 h are warm-up, not measured');
    expect(run.stdout).toMatch(/^\s*1\s+08:00\s+0\.0\s+0\.0\s+–\s+–\s+–\s+–\s+0\.0$/m);
    expect(run.stdout).toMatch(/^\s*1\s+08:30\s+[1-9]/m);
  });
});

describe('staffsim run: bad flags (exit 2, one line naming the flag)', () => {
  const cases: { args: string[]; env?: Record<string, string>; names: string }[] = [
    { args: ['--replications', '0'], names: '--replications' },
    { args: ['--replications', '2.5'], names: '--replications' },
    { args: ['--replications', '2', '--replications', '3'], names: '--replications' },
    { args: ['--workers', 'abc'], names: '--workers' },
    { args: ['--workers', '0'], names: '--workers' },
    { args: ['--seed', '-1'], names: '--seed' },
    { args: ['--seed', 'x'], names: '--seed' },
    { args: [], env: { STAFFSIM_SEED: 'abc' }, names: 'STAFFSIM_SEED' },
    { args: ['--seed', '0x10'], names: '--seed' },
    { args: ['--seed', '1e3'], names: '--seed' },
    { args: [], env: { STAFFSIM_SEED: '0x10' }, names: 'STAFFSIM_SEED' },
    { args: [], env: { STAFFSIM_SEED: '-5' }, names: 'STAFFSIM_SEED' },
    { args: [], env: { STAFFSIM_SEED: '7.5' }, names: 'STAFFSIM_SEED' },
    { args: ['--variant', 'nope'], names: '--variant' },
  ];
  for (const { args, env, names } of cases) {
    it(`${[...args, ...Object.entries(env ?? {}).map(([k, v]) => `${k}=${v}`)].join(' ')}`, async () => {
      const run = await runCommand([SMALL, ...args], env);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      // The reason on one line (main.ts adds its usage hint to usage errors).
      expect(lines[0]).toMatch(new RegExp(`^staffsim: ${names}: \\S`));
      expect(lines.slice(1).every((line) => line === "Run 'staffsim run --help' for usage.")).toBe(true);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('quotes what was typed', async () => {
    expect((await runCommand([SMALL, '--workers', 'abc'])).stderr).toContain('--workers: expected an integer ≥ 1 (got abc)');
    expect((await runCommand([SMALL, '--seed', '-1'])).stderr).toContain('--seed: expected a whole number 0 … 9007199254740991 in decimal digits (got -1)');
  });

  it('writes no --calls file when a flag is bad', async () => {
    const folder = freshFolder();
    const run = await runCommand([SMALL, '--replications', '0', '--calls', join(folder, 'calls.csv')]);
    expect(run.code).toBe(2);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('staffsim run --calls', () => {
  it('writes one CSV row of 9 fields per attempt, rows = attempts over all replications, and leaves no temporary file', async () => {
    const folder = freshFolder();
    const path = join(folder, 'calls.csv');
    const run = await runCommand([SMALL, '--json', '--calls', path]);
    expect(run.code).toBe(0);
    expect(withoutWarnings(run.stderr)).toBe(`staffsim: wrote ${path}\n`);
    expect(readdirSync(folder)).toEqual(['calls.csv']);
    const json = JSON.parse(run.stdout) as RunJson;

    const { header, rows } = readCsv(path);
    expect(header).toEqual(['variant', 'replication', 'case id', 'attempt', 'kind', 'arrival (s)', 'wait (s)', 'outcome', 'handle time (s)']);
    for (const row of rows) expect(row).toHaveLength(9);
    for (const v of json.variants) {
      const own = rows.filter((row) => row[0] === v.name);
      // No warm-up in this fixture: every simulated attempt is counted.
      expect(own).toHaveLength(Math.round((v.totals['attempts']?.mean ?? 0) * v.replications));
      expect(new Set(own.map((row) => row[1]))).toEqual(new Set(['0', '1', '2']));
      const firsts = own.filter((row) => row[4] === 'first');
      expect(firsts).toHaveLength(Math.round((v.totals['cases']?.mean ?? 0) * v.replications));
      const answered = own.filter((row) => row[7] === 'answered');
      expect(answered).toHaveLength(Math.round((v.totals['answered']?.mean ?? 0) * v.replications));
    }
    expect(new Set(rows.map((row) => row[4]))).toEqual(new Set(['first', 'redial', 'repeat']));
    for (const row of rows) {
      expect(['answered', 'abandoned', 'unanswered-at-end']).toContain(row[7]);
      for (const field of [row[5], row[6], row[8]]) expect(Number.isFinite(Number(field))).toBe(true);
      expect(Number(row[5])).toBeGreaterThanOrEqual(8 * 3600);
      if (row[7] !== 'answered') expect(row[8]).toBe('0');
    }
    // A case keeps its id: its attempts are numbered 1, 2, … and only the first is a first contact.
    const attemptsByCase = new Map<string, { attempt: number; kind: string }[]>();
    for (const row of rows) {
      const key = `${row[0]}/${row[1]}/${row[2]}`;
      attemptsByCase.set(key, [...(attemptsByCase.get(key) ?? []), { attempt: Number(row[3]), kind: row[4] as string }]);
    }
    for (const attempts of attemptsByCase.values()) {
      attempts.sort((x, y) => x.attempt - y.attempt);
      expect(attempts.map((a) => a.attempt)).toEqual(attempts.map((_, i) => i + 1));
      expect(attempts.map((a) => a.kind === 'first')).toEqual(attempts.map((_, i) => i === 0));
    }
  });

  it('prints the same report as without --calls, and the same CSV on every run', async () => {
    const folder = freshFolder();
    const withCalls = await runCommand([SMALL, '--json', '--calls', join(folder, 'a.csv')]);
    const again = await runCommand([SMALL, '--json', '--calls', join(folder, 'b.csv')]);
    const without = await runCommand([SMALL, '--json', '--workers', '1']);
    expect(withCalls.stdout).toBe(without.stdout);
    expect(again.stdout).toBe(withCalls.stdout);
    expect(readFileSync(join(folder, 'b.csv'), 'utf8')).toBe(readFileSync(join(folder, 'a.csv'), 'utf8'));
  });

  it('gives both staffing variants the same first contacts, to the millisecond (common random numbers)', async () => {
    const folder = freshFolder();
    const path = join(folder, 'calls.csv');
    expect((await runCommand([SMALL, '--calls', path])).code).toBe(0);
    const { rows } = readCsv(path);
    const firstContacts = (name: string): string[] =>
      rows
        .filter((row) => row[0] === name && row[4] === 'first')
        .map((row) => `${row[1]}/${row[2]}@${row[5]}`)
        .sort();
    expect(firstContacts('more-agents')).toEqual(firstContacts('lean'));
  });

  it('also writes the warm-up attempts, which the metrics leave out', async () => {
    const folder = freshFolder();
    const path = join(folder, 'calls.csv');
    const run = await runCommand([WARMUP, '--json', '--calls', path]);
    expect(run.code).toBe(0);
    const v = (JSON.parse(run.stdout) as RunJson).variants[0];
    const { rows } = readCsv(path);
    const warmupEnd = 8 * 3600 + 1800;
    const measured = rows.filter((row) => Number(row[5]) >= warmupEnd);
    const warmup = rows.filter((row) => Number(row[5]) < warmupEnd);
    expect(warmup.length).toBeGreaterThan(0);
    expect(measured).toHaveLength(Math.round((v?.totals['attempts']?.mean ?? 0) * 2));
  });

  it('exits 2 and writes nothing when the folder does not exist', async () => {
    const folder = freshFolder();
    const path = join(folder, 'missing', 'calls.csv');
    const run = await runCommand([SMALL, '--calls', path]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe(`staffsim: --calls: ${path}: cannot write here (the folder does not exist)`);
    expect(existsSync(join(folder, 'missing'))).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('exits 2 when the path is a folder, and leaves the folder alone', async () => {
    const folder = freshFolder();
    const run = await runCommand([SMALL, '--calls', folder]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--calls: ');
    expect(run.stderr).toContain('it is a folder');
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('staffsim run: progress', () => {
  /** Runs the CLI with a stderr that claims to be a terminal. */
  async function runOnTerminal(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: { write: (text: string) => (stdout += text), isTTY: false },
      stderr: { write: (text: string) => (stderr += text), isTTY: true, columns: 80 },
      stdinIsTTY: false,
      env: {},
      cwd: process.cwd(),
    };
    const code = await main(argv, io);
    return { code, stdout, stderr };
  }

  it('draws a bar on a terminal and erases it; nothing when piped or with --json', async () => {
    for (const extra of [[], ['--calls', join(freshFolder(), 'calls.csv')]]) {
      const terminal = await runOnTerminal(['run', SMALL, '--workers', '1', ...extra]);
      expect(terminal.code).toBe(0);
      const bar = withoutWarnings(extra.length === 0 ? terminal.stderr : terminal.stderr.replace(/staffsim: wrote .*\n/, ''));
      expect(bar).toContain('simulating lean …');
      expect(bar).toMatch(/\rsimulating more-agents \[█+\] 3\/3/);
      // Erased: the last thing on the line is spaces and a carriage return.
      expect(bar).toMatch(/\r +\r$/);
      expect(bar.split('\r').every((piece) => [...piece].length < 80)).toBe(true);
    }
    expect(withoutWarnings((await runOnTerminal(['run', SMALL, '--workers', '1', '--json'])).stderr)).toBe('');
    expect(withoutWarnings((await runCommand([SMALL])).stderr)).toBe('');
  });
});

describe('staffsim run: shipped scenarios', () => {
  it('runs the textbook and the municipal scenarios', async () => {
    // Without --workers: as many worker threads as cores (the default).
    const defaultWorkers = await runCli(['run', 'scenarios/textbook-erlang-c.yaml', '--replications', '2', '--json']);
    expect(defaultWorkers.code).toBe(0);
    const textbook = JSON.parse(defaultWorkers.stdout) as RunJson;
    expect(textbook.variants.map((v) => v.name)).toEqual(['base']);
    expect(textbook.variants[0]?.intervals).toHaveLength(48);
    const municipal = await runJson(['scenarios/municipal-contact-centre.yaml', '--replications', '2']);
    expect(municipal.variants.map((v) => v.name)).toEqual(['switchboard', 'mediocre', 'world-class']);
    for (const v of municipal.variants) expect(v.intervals).toHaveLength(5 * 17);
    const plain = await runCommand(['scenarios/municipal-contact-centre.yaml', '--replications', '2']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Municipal contact centre — world-class (simulated: 2 replications');
  });

  it('agrees with Erlang C on the textbook scenario: service level 0.8883502 within 3 × the 95% half-width', async () => {
    const json = await runJson(['scenarios/textbook-erlang-c.yaml', '--replications', '40', '--seed', '7', '--workers', '2']);
    const sl = json.variants[0]?.totals['serviceLevel'] as Estimate;
    expect(sl.ci95).toBeGreaterThan(0);
    expect(sl.ci95).toBeLessThan(0.015);
    expect(Math.abs(sl.mean - 0.8883502)).toBeLessThan(3 * sl.ci95);
    // The 90th-percentile wait: ln(C / 0.1) · AHT / (N − A) = 24.959 s, as `plan` gives it (histogram buckets < 1 %).
    const p90 = json.variants[0]?.totals['waitP90Seconds'] as Estimate;
    expect(Math.abs(p90.mean - 24.958938)).toBeLessThan(3 * p90.ci95 + 0.01 * 24.958938);
    // Infinite patience: nothing is abandoned, and every case is one attempt.
    expect(json.variants[0]?.totals['abandoned']?.mean).toBe(0);
    expect(json.variants[0]?.totals['attemptsPerCase']?.mean).toBe(1);
  });
});

describe('staffsim run exports', () => {
  it.each(['csv', 'md', 'html', 'xlsx', 'json'])('writes the simulated variants as %s with --out', async (format) => {
    const folder = mkdtempSync(join(tmpdir(), 'staffsim-run-export-'));
    try {
      const out = join(folder, `run.${format}`);
      const run = await runCli(['run', 'scenarios/textbook-erlang-c.yaml', '--replications', '2', '--workers', '1', '--out', out]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      expect(readdirSync(folder)).toEqual([`run.${format}`]);
      if (format === 'csv') expect(readFileSync(out, 'utf8')).toMatch(/^Scenario,Variant,Source,Replications \(count\),Seed,/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('staffsim run with simulation-verified staffing', () => {
  it('simulates a target with method isa against the agents the iterative staffing algorithm found', async () => {
    const run = await runCli(['run', 'tests/fixtures/shifts/isa-sinusoid.yaml', '--replications', '4', '--workers', '1', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { variants: { totals: Record<string, { mean: number }> }[] };
    // ISA staffs every interval for 80% within 20 s; over the run the simulated service level lands near it.
    expect(json.variants[0]?.totals['serviceLevel']?.mean).toBeGreaterThan(0.75);
    expect(json.variants[0]?.totals['serviceLevel']?.mean).toBeLessThan(0.95);
  });
});
