/**
 * `staffsim check --quick` on every shipped scenario against its shipped baseline, as the built binary: the baselines
 * hold with 5 replications too (against the 10–20 the scenarios ask for). A long test (`npm run test:long`): it
 * simulates every shipped variant once more after tests/e2e/check.test.ts has checked them in full.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtBinary } from '../helpers/built-binary.js';

const root = join(import.meta.dirname, '..', '..');
let built: ReturnType<typeof builtBinary> | undefined;
beforeAll(() => {
  built = builtBinary();
});
afterAll(() => built?.cleanUp());

describe('staffsim check --quick (built binary)', () => {
  it('passes the shipped baselines with --quick too (5 replications against 10–20)', () => {
    const env: Record<string, string | undefined> = { ...process.env, CI: 'true' };
    delete env['GITHUB_ACTIONS'];
    const started = performance.now();
    const run = spawnSync(process.execPath, [built?.bin ?? '', 'check', 'scenarios/', '--baseline', 'scenarios/baselines', '--quick'], { cwd: root, encoding: 'utf8', env });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    console.info(`staffsim check scenarios/ --baseline scenarios/baselines --quick: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});
