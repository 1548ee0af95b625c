/**
 * `staffsim check` as CI runs it: the built binary in a child process, with real exit codes, separate stdout and
 * stderr, GitHub Actions annotations, the worker pool of the built code (`dist/core/check/replication-task.js`) and
 * Ctrl-C. The shipped scenarios against their shipped baselines (in full and with `--quick`) are a long test:
 * check-shipped.long.test.ts.
 *
 * The binary is `bin/staffsim.js` when `dist/` is newer than every source file (as after `npm run build`); otherwise the
 * sources are compiled once into a temporary folder, so that these tests never run stale code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtBinary } from '../helpers/built-binary.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const FAILING = 'tests/fixtures/check/failing.yaml';
const FOLDER = 'tests/fixtures/check/folder';
/** Seconds of simulation: for Ctrl-C. */
const LONG = 'tests/fixtures/check/long.yaml';

const folders: string[] = [];
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'staffsim-e2e-check-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  cleanUpBuild();
});


let bin = '';
let cleanUpBuild = (): void => undefined;
beforeAll(() => {
  const built = builtBinary();
  bin = built.bin;
  cleanUpBuild = built.cleanUp;
});

interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Runs the binary as CI would: no terminal, CI=true, GITHUB_ACTIONS unset unless given. */
function staffsim(args: readonly string[], env: Record<string, string> = {}): Finished {
  const base: Record<string, string | undefined> = { ...process.env, CI: 'true' };
  delete base['GITHUB_ACTIONS'];
  delete base['GITHUB_WORKSPACE'];
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...base, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (performance.now() - started) / 1000 };
}

describe('staffsim check (built binary)', () => {
  it('gives the same numbers on a pool of worker threads as on one thread', () => {
    const one = staffsim(['check', 'scenarios/textbook-erlang-c.yaml', '--baseline', 'scenarios/baselines', '--json', '--workers', '1']);
    const pool = staffsim(['check', 'scenarios/textbook-erlang-c.yaml', '--baseline', 'scenarios/baselines', '--json', '--workers', '2']);
    expect(pool.status, pool.stderr).toBe(0);
    type Json = { scenarios: { baseline: { variants: { metrics: { metric: string; current: unknown }[] }[] } }[] };
    const values = (text: string) => (JSON.parse(text) as Json).scenarios[0]?.baseline.variants[0]?.metrics.map((m) => [m.metric, m.current]);
    expect(values(pool.stdout)).toEqual(values(one.stdout));
    expect(values(pool.stdout)).toHaveLength(30);
  });

  it('exits 1 on a failed assertion and annotates it for GitHub Actions on stderr', () => {
    const run = staffsim(['check', FAILING], { GITHUB_ACTIONS: 'true' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/lean\s+serviceLevel\s+\S+ ± \S+\s+≥ 0\.8\s+FAIL/);
    const lines = readFileSync(join(root, FAILING), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('serviceLevel: { min: 0.8 }')) + 1;
    expect(run.stderr).toMatch(new RegExp(`^::error file=${FAILING},line=${line},col=5,title=staffsim check%3A lean%3A serviceLevel ≥ 0\\.8::serviceLevel = `, 'm'));
    expect(run.stdout).not.toContain('::');
  });

  it('exits 2 for a folder with a broken file, after checking the others', () => {
    const run = staffsim(['check', FOLDER]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^staffsim: tests\/fixtures\/check\/folder\/b-broken\.yaml:\d+:\d+: calendar\.close: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toContain('2 passed');
  });

  /** Starts a check, sends `signal` `delayMs` after `ready()` holds, and returns how it ended. */
  async function interruptCheck(
    args: readonly string[],
    signal: NodeJS.Signals,
    delayMs: number,
    ready: () => boolean = () => true,
  ): Promise<{ code: number | null; killedBy: NodeJS.Signals | null; stderr: string; afterSignalMs: number }> {
    const child = spawn(process.execPath, [bin, 'check', ...args], { cwd: root, env: { ...process.env, CI: 'true' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; killedBy: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, killedBy) => resolve({ code, killedBy })));
    for (const until = performance.now() + 20_000; !ready() && performance.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const sent = performance.now();
    child.kill(signal);
    const { code, killedBy } = await exited;
    return { code, killedBy, stderr, afterSignalMs: performance.now() - sent };
  }

  it.each(['SIGINT', 'SIGTERM'] as const)('stops at once on %s (exit 130) without leaving a report behind', async (signal) => {
    // The check creates the report's folder as it starts (so its handler is in place, however slowly a busy machine
    // loaded it): the signal comes 1.5 s after that, while it simulates.
    const reports = join(freshFolder(), 'reports');
    const run = await interruptCheck([LONG, '--workers', '2', '--junit', join(reports, 'report.xml')], signal, 1500, () => existsSync(reports));
    expect(run.stderr).toContain('staffsim: interrupted');
    expect(run.killedBy).toBe(null);
    expect(run.code).toBe(130);
    expect(run.afterSignalMs).toBeLessThan(3000);
    expect(readdirSync(reports)).toEqual([]);
  });

  it('stops with exit 130 and leaves nothing behind when interrupted during its start-up (planning the variants)', async () => {
    const folder = freshFolder();
    // Each of the three variants is staffed by simulation (method isa) before any replication runs: about a second each.
    // The check creates the report's folder as it starts: the signal comes 300 ms after that, while it plans.
    const reports = join(folder, 'reports');
    const run = await interruptCheck(['tests/fixtures/check/slow-start.yaml', '--workers', '1', '--junit', join(reports, 'report.xml')], 'SIGINT', 300, () => existsSync(reports));
    expect(run.killedBy).toBe(null);
    expect(run.code).toBe(130);
    expect(run.stderr).toBe('staffsim: interrupted\n');
    expect(readdirSync(join(folder, 'reports'))).toEqual([]);
  });
});
