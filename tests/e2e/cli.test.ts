import { spawnSync } from 'node:child_process';
import { closeSync, lstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'staffsim.js');

/** Runs the built command line as a user would, with no terminal. */
function staffsim(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', input: input ?? '', env: { ...process.env, CI: 'true' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the staffsim binary', () => {
  it('prints help and exits 0 when run without a command and without a terminal', () => {
    const run = staffsim([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('staffsim <command> [options]');
    expect(run.stdout).toContain('Exit codes:');
  });

  it('prints its version', () => {
    const run = staffsim(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('answers the erlang calculator as JSON on stdout and nothing on stderr', () => {
    const run = staffsim(['erlang', '--arrivals-per-hour', '200', '--aht-seconds', '180', '--agents', '14', '--json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ model: 'erlang-c', agents: 14, stable: true });
  });

  it('exits 2 with located one-line reasons and no stack trace for a bad scenario', () => {
    const run = staffsim(['plan', 'tests/fixtures/cli/bad-scenario.yaml']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('bad-scenario.yaml:4:10: calendar.close');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 3, not 70, when every call comes back at once so that the analytic plan has no finite answer; run simulates it', () => {
    const plan = staffsim(['plan', 'tests/fixtures/cli/endless-redials.yaml']);
    expect(plan.status).toBe(3);
    expect(plan.stderr).toMatch(/^staffsim: infeasible: day 1, interval 1: the analytic plan has no finite answer/);
    expect(plan.stderr).not.toContain('please report');
    expect(staffsim(['run', 'tests/fixtures/cli/endless-redials.yaml', '--json']).status).toBe(0);
  });

  it('exits 2 on a redial loop that would never let time pass, in plan and run alike', () => {
    for (const command of ['plan', 'run']) {
      const run = staffsim([command, 'tests/fixtures/cli/instant-redial-loop.yaml']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('instant-redial-loop.yaml:5:84: customers.redial.probability: a caller would redial for ever at one instant');
      expect(run.stderr).not.toContain('please report');
    }
  });

  it('exits 3 for an infeasible target', () => {
    expect(staffsim(['plan', 'tests/fixtures/cli/infeasible-target.yaml']).status).toBe(3);
  });

  it('prints the JSON Schema of the scenario format', () => {
    const run = staffsim(['schema']);
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['calendar', 'demand', 'handling', 'staffing', 'costs', 'variants', 'expect']));
  });

  it('stops quietly when the reader of its output goes away', () => {
    const result = spawnSync('bash', ['-c', `node ${JSON.stringify(bin)} plan scenarios/municipal-contact-centre.yaml | head -1`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stdout).toContain('Municipal contact centre');
    expect(result.stderr).not.toContain('EPIPE');
  });

  it('says in one line that its standard output cannot be written (a full disk) and exits 2, with no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['erlang', '--arrivals-per-hour', '200', '--aht-seconds', '180'], ['plan', 'scenarios/municipal-contact-centre.yaml', '--json']]) {
        const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('staffsim: standard output: cannot write (no space left on the device)\n');
        expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
      }
    } finally {
      closeSync(full);
    }
  });

  it('writes --out /dev/stdout to its standard output (a pipe here) and --out /dev/null to nowhere, replacing neither', () => {
    const toStdout = staffsim(['compare', 'scenarios/municipal-contact-centre.yaml', '--analytic', '--out', '/dev/stdout', '--format', 'csv']);
    expect(toStdout.status).toBe(0);
    expect(toStdout.stdout.startsWith('Scenario,Variant,Source,')).toBe(true);
    expect(toStdout.stderr).toBe('staffsim: wrote /dev/stdout\n');
    const toNull = staffsim(['compare', 'scenarios/municipal-contact-centre.yaml', '--analytic', '--out', '/dev/null', '--format', 'json']);
    expect(toNull.status).toBe(0);
    expect(toNull.stdout).toBe('');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });
});
