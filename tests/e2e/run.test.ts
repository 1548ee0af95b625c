/**
 * `staffsim run` as a user runs it: the built binary (dist/ must be built: `npm run build`) in a child process —
 * Ctrl-C (SIGINT) at any moment, and the progress bar that only a terminal gets.
 *
 * How Ctrl-C reaches a running simulation (src/cli/commands/run.ts):
 * - `--calls`: the replications run in a background thread that writes the CSV; the main thread stays idle, so
 *   Ctrl-C stops the run at once, even in the middle of a replication, and the temporary file is removed.
 * - `--workers N` (N ≥ 2): replications run on a pool of threads; Ctrl-C terminates the pool at once.
 * - `--workers 1` without `--calls`: replications run in the main thread (no thread start-up); Ctrl-C takes effect
 *   when the current replication ends.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'staffsim.js');
/** One replication of about 3.5 million calls: several seconds, far more with --calls. */
const LONG = 'tests/fixtures/run/long.yaml';
/** About 86,400 calls a replication (≈ 0.1 s). */
const ONE_DAY = 'tests/fixtures/run/one-day.yaml';
const SMALL = 'tests/fixtures/run/small.yaml';

const folders: string[] = [];
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'staffsim-e2e-run-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from SIGINT to exit. */
  afterSignalMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error('timed out waiting for the run to start');
    await sleep(20);
  }
}

/**
 * Starts `staffsim run …` with piped streams, waits until `ready()` and at least `delayMs`, sends SIGINT and waits
 * for the exit. Should the signal arrive before the command installed its handler (a very slow start), Node's
 * default kills the process; then it tries again with a longer delay.
 */
async function interrupt(args: readonly string[], delayMs: number, ready: () => boolean = () => true, signalToSend: NodeJS.Signals = 'SIGINT'): Promise<Finished> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const child = spawn(process.execPath, [bin, 'run', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
    );
    const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
    const started = performance.now();
    await waitFor(() => ready() && performance.now() - started >= delayMs * attempt, 30_000);
    const signalledAt = performance.now();
    child.kill(signalToSend);
    const { code, signal, at } = await exited;
    await closed;
    if (signal === signalToSend && attempt < 3) continue;
    return { code, signal, stdout, stderr, afterSignalMs: at - signalledAt };
  }
  throw new Error('unreachable');
}

describe('staffsim run: Ctrl-C', () => {
  it('with --calls: stops in the middle of a replication, exits 130 and leaves neither the file nor a temporary file', async () => {
    const folder = freshFolder();
    // Ready once the temporary CSV beside the target has rows in it: the replication is under way.
    const writing = (): boolean => readdirSync(folder).some((name) => statSync(join(folder, name)).size > 100_000);
    const run = await interrupt([LONG, '--workers', '1', '--calls', join(folder, 'calls.csv')], 1000, writing);
    expect(run.signal).toBe(null);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('staffsim: interrupted');
    expect(run.stderr).not.toContain('wrote');
    expect(run.stdout).toBe('');
    expect(readdirSync(folder)).toEqual([]);
    // At once: the replication alone would take several seconds more.
    expect(run.afterSignalMs).toBeLessThan(2500);
  });

  it('with --calls, on SIGTERM (what CI sends on cancel or timeout): the same, exit 130 and no file left', async () => {
    const folder = freshFolder();
    const writing = (): boolean => readdirSync(folder).some((name) => statSync(join(folder, name)).size > 100_000);
    const run = await interrupt([LONG, '--workers', '1', '--calls', join(folder, 'calls.csv')], 1000, writing, 'SIGTERM');
    expect(run.signal).toBe(null);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('staffsim: interrupted');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('with a pool of 2 workers: exits 130 promptly', async () => {
    const run = await interrupt([LONG, '--workers', '2', '--replications', '8'], 1000);
    expect(run.signal).toBe(null);
    expect(run.code).toBe(130);
    expect(run.stderr).toBe('staffsim: interrupted\n');
    expect(run.stdout).toBe('');
    expect(run.afterSignalMs).toBeLessThan(2500);
  });

  it('with --workers 1 (replications in the main thread): exits 130 when the current replication ends', async () => {
    const run = await interrupt([ONE_DAY, '--workers', '1', '--replications', '1000'], 1000);
    expect(run.signal).toBe(null);
    expect(run.code).toBe(130);
    expect(run.stderr).toBe('staffsim: interrupted\n');
    expect(run.stdout).toBe('');
    expect(run.afterSignalMs).toBeLessThan(2500);
  });
});

describe('staffsim run: progress', () => {
  it('shows no progress bar when stderr is piped', () => {
    const run = spawnSync(process.execPath, [bin, 'run', SMALL, '--workers', '1'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    // Only the planner's warnings (the fixture's lean variant is overloaded on purpose), no bar.
    expect(run.stderr.replace(/staffsim: warning: [^\n]*\n/g, '')).toBe('');
    expect(run.stdout).toContain('Run fixture — lean');
  });

  it('says only where it wrote with --calls, and writes the whole file', () => {
    const folder = freshFolder();
    const path = join(folder, 'calls.csv');
    const run = spawnSync(process.execPath, [bin, 'run', SMALL, '--json', '--calls', path], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr.replace(/staffsim: warning: [^\n]*\n/g, '')).toBe(`staffsim: wrote ${path}\n`);
    expect(readdirSync(folder)).toEqual(['calls.csv']);
    expect(readFileSync(path, 'utf8').startsWith('variant,replication,case id,attempt,kind,')).toBe(true);
    expect(JSON.parse(run.stdout)).toMatchObject({ scenario: 'Run fixture' });
  });

  it('draws a bar on a terminal (stderr a pseudo-terminal, via script(1)) and none with --json', () => {
    const found = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' });
    if (found.status !== 0) throw new Error('script(1) is needed for this test (Debian/Ubuntu: apt-get install bsdutils; .ci/run installs it)');
    const folder = freshFolder();
    const onTerminal = (extra: string): string => {
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} run ${SMALL} --workers 1 ${extra} > ${JSON.stringify(join(folder, 'out'))}`;
      // util-linux script takes the command with -c; the BSD script of macOS takes it after the output file.
      const args = process.platform === 'linux' ? ['-qec', command, '/dev/null'] : ['-q', '/dev/null', 'sh', '-c', command];
      const run = spawnSync('script', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(run.status).toBe(0);
      return run.stdout;
    };
    const terminal = onTerminal('');
    expect(terminal).toContain('simulating lean');
    expect(terminal).toMatch(/simulating more-agents \[█+\] 3\/3/);
    expect(readFileSync(join(folder, 'out'), 'utf8')).toContain('Run fixture — more-agents');
    expect(onTerminal('--json')).not.toContain('simulating');
  });
});
