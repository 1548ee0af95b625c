/**
 * `staffsim check` of every shipped scenario against its shipped baseline, as the built binary in a child process, the
 * way a CI pipeline runs it: in full (10–20 replications, a JUnit report; the same check as `npm run check:scenarios`),
 * and with `--quick` (5 replications: the baselines hold with those too). A long test (`npm run test:long`, which
 * .ci/run calls after `npm test`): between them they simulate every shipped variant, a budget year among them, for
 * about a minute. The rest of `check` (exit codes, annotations, the worker pool, Ctrl-C) is in check.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenNamed, parseXml } from '../fixtures/check/xml.js';
import { builtBinary } from '../helpers/built-binary.js';

const root = join(import.meta.dirname, '..', '..');
let built: ReturnType<typeof builtBinary> | undefined;
const folder = mkdtempSync(join(tmpdir(), 'staffsim-e2e-check-shipped-'));
beforeAll(() => {
  built = builtBinary();
});
afterAll(() => {
  built?.cleanUp();
  rmSync(folder, { recursive: true, force: true });
});

/** Runs the binary as CI would: no terminal, CI=true, GITHUB_ACTIONS unset. */
function check(args: readonly string[]): { status: number | null; stdout: string; stderr: string; seconds: number } {
  const env: Record<string, string | undefined> = { ...process.env, CI: 'true' };
  delete env['GITHUB_ACTIONS'];
  delete env['GITHUB_WORKSPACE'];
  const started = performance.now();
  const run = spawnSync(process.execPath, [built?.bin ?? '', 'check', ...args], { cwd: root, encoding: 'utf8', env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, seconds: (performance.now() - started) / 1000 };
}

describe('staffsim check of the shipped scenarios (built binary)', () => {
  it('passes the shipped scenarios against their shipped baselines, and writes a JUnit report', () => {
    const report = join(folder, 'staffsim.xml');
    const run = check(['scenarios/', '--baseline', 'scenarios/baselines', '--junit', report]);
    expect(run.stderr).toBe(`staffsim: wrote ${report}\n`);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/ (FAIL|skip|ERROR)$/m);
    const xml = parseXml(readFileSync(report, 'utf8'));
    expect(xml.attributes['failures']).toBe('0');
    expect(xml.attributes['errors']).toBe('0');
    expect(xml.attributes['skipped']).toBe('0');
    // Every scenario file, in subfolders too (scenarios/examples/: the README's walk-throughs), in path order.
    const files = readdirSync(join(root, 'scenarios'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => `scenarios/${name.split(sep).join('/')}`)
      .sort();
    expect(files).toContain('scenarios/examples/bank-with-shifts.yaml');
    expect(childrenNamed(xml, 'testsuite').map((suite) => suite.attributes['name'])).toEqual(files);
    console.info(`staffsim check scenarios/ --baseline scenarios/baselines: ${run.seconds.toFixed(1)} s (${run.stdout.trim().split('\n').at(-1) ?? ''})`);
  });

  it('passes the shipped baselines with --quick too (5 replications against 10–20)', () => {
    const run = check(['scenarios/', '--baseline', 'scenarios/baselines', '--quick']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    console.info(`staffsim check scenarios/ --baseline scenarios/baselines --quick: ${run.seconds.toFixed(1)} s`);
  });
});
