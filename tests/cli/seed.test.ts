import { describe, expect, it } from 'vitest';
import { parseSeed, seedFromFlagOrEnvironment } from '../../src/cli/seed.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { runCli } from '../helpers/fake-io.js';

const SMALL = 'tests/fixtures/check/small.yaml';

describe('parseSeed', () => {
  it('reads decimal digits, 0 to 2^53 − 1', () => {
    expect(parseSeed('--seed', '0')).toBe(0);
    expect(parseSeed('--seed', ' 20261127 ')).toBe(20261127);
    expect(parseSeed('--seed', '9007199254740991')).toBe(9007199254740991);
  });

  it.each(['0x10', '1e3', '-1', '+5', '7.5', '7.0', '', '  ', 'abc', '9007199254740992', 'Infinity'])('refuses %j, quoting it', (text) => {
    expect(() => parseSeed('STAFFSIM_SEED', text)).toThrow(UsageError);
    expect(() => parseSeed('STAFFSIM_SEED', text)).toThrow(/^STAFFSIM_SEED: expected a whole number 0 … 9007199254740991 in decimal digits \(got /);
  });
});

describe('seedFromFlagOrEnvironment', () => {
  it('takes --seed over STAFFSIM_SEED, and a blank STAFFSIM_SEED as not set', () => {
    expect(seedFromFlagOrEnvironment('5', { STAFFSIM_SEED: '7' })).toBe(5);
    expect(seedFromFlagOrEnvironment(undefined, { STAFFSIM_SEED: '7' })).toBe(7);
    expect(seedFromFlagOrEnvironment(undefined, { STAFFSIM_SEED: '' })).toBe(null);
    expect(seedFromFlagOrEnvironment(undefined, { STAFFSIM_SEED: '   ' })).toBe(null);
    expect(seedFromFlagOrEnvironment(undefined, {})).toBe(null);
  });
});

describe('STAFFSIM_SEED in every simulating command', () => {
  const seedOf = (stdout: string): unknown => (JSON.parse(stdout) as { variants: { seed: unknown }[] }).variants[0]?.seed;

  it('compare: a blank value is not set (the scenario seed, not 0), and 0x10 is refused', async () => {
    const blank = await runCli(['compare', SMALL, '--replications', '2', '--workers', '1', '--json'], { STAFFSIM_SEED: '  ' });
    expect(blank.code).toBe(0);
    expect(seedOf(blank.stdout)).toBe(11);
    const hex = await runCli(['compare', SMALL, '--replications', '2', '--workers', '1', '--json'], { STAFFSIM_SEED: '0x10' });
    expect(hex.code).toBe(2);
    expect(hex.stderr).toContain('STAFFSIM_SEED: expected a whole number');
  });

  it('sweep --simulate uses it, as --seed', async () => {
    const args = ['sweep', SMALL, '--simulate', '--replications', '2', '--workers', '1', '--set', 'staffing.agents=3:4:1', '--json'];
    const fromEnvironment = await runCli(args, { STAFFSIM_SEED: '99' });
    const fromFlag = await runCli([...args, '--seed', '99']);
    const scenarioSeed = await runCli(args);
    expect(fromEnvironment.code).toBe(0);
    expect(fromEnvironment.stdout).toBe(fromFlag.stdout);
    expect(fromEnvironment.stdout).not.toBe(scenarioSeed.stdout);
  });

  it('plan --method isa uses it, as --seed', async () => {
    const args = ['plan', 'tests/fixtures/shifts/isa-sinusoid.yaml', '--replications', '2', '--json'];
    const fromEnvironment = await runCli(args, { STAFFSIM_SEED: '99' });
    const fromFlag = await runCli([...args, '--seed', '99']);
    expect(fromEnvironment.code).toBe(0);
    expect(fromEnvironment.stdout).toBe(fromFlag.stdout);
    expect(seedOf(fromEnvironment.stdout)).toBe(99);
  });
});
