import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canExplore, DEFAULT_SCENARIO } from '../../src/cli/terminal.js';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../helpers/fake-io.js';
import { SMALL } from './helpers.js';

function io(stdinIsTTY: boolean, stdoutIsTTY: boolean, env: Record<string, string> = {}): CliIo {
  return { stdout: { write: () => true, isTTY: stdoutIsTTY }, stderr: { write: () => true, isTTY: stdoutIsTTY }, stdinIsTTY, env, cwd: process.cwd() };
}

describe('staffsim explore (command)', () => {
  it('refuses without a terminal: one line naming run and compare, exit 2', async () => {
    const run = await runCli(['explore', SMALL]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const shown = relative(process.cwd(), SMALL); // paths are shown from the current folder
    expect(run.stderr).toBe(`staffsim: explore needs an interactive terminal (stdin is not one); use 'staffsim compare ${shown}' or 'staffsim run ${shown}' instead\n`);
  });

  it('opens the shipped municipal scenario by default, found from the package, not the current folder', () => {
    expect(DEFAULT_SCENARIO.endsWith('scenarios/municipal-contact-centre.yaml')).toBe(true);
    expect(existsSync(DEFAULT_SCENARIO)).toBe(true);
  });

  it('lets `staffsim` alone open the explorer only on a terminal, outside CI', () => {
    expect(canExplore(io(true, true))).toBe(true);
    expect(canExplore(io(false, true))).toBe(false);
    expect(canExplore(io(true, false))).toBe(false);
    expect(canExplore(io(true, true, { CI: 'true' }))).toBe(false);
    expect(canExplore(io(true, true, { CI: 'false' }))).toBe(true);
    expect(canExplore(io(true, true, { CONTINUOUS_INTEGRATION: '1' }))).toBe(false);
  });

  it('prints the help for `staffsim` alone without a terminal, listing explore', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('explore [scenario]');
  });
});
