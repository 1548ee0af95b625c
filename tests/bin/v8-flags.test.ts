import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- bin/ is plain JavaScript with JSDoc types, outside the TypeScript project
import { applyV8Flags, INTERRUPT_BUDGET } from '../../bin/v8-flags.js';

describe('applyV8Flags', () => {
  it('raises V8 interrupt budget for a process started without one', () => {
    const set: string[] = [];
    const record = (flag: string): void => void set.push(flag);
    expect(applyV8Flags({ execArgv: [], setFlags: record })).toBe(`--interrupt-budget=${INTERRUPT_BUDGET}`);
    // V8's other budget is another flag.
    expect(applyV8Flags({ execArgv: ['--interrupt-budget-for-feedback-allocation=940', '--max-old-space-size=4096'], setFlags: record })).not.toBeNull();
    expect(set).toEqual(['--interrupt-budget=500000', '--interrupt-budget=500000']);
  });

  it('leaves a budget the user gave as it is, spelt with - or _', () => {
    const set: string[] = [];
    const record = (flag: string): void => void set.push(flag);
    expect(applyV8Flags({ execArgv: ['--interrupt-budget=1000'], setFlags: record })).toBeNull();
    expect(applyV8Flags({ execArgv: ['--stack-size=2000', '--interrupt_budget=2000'], setFlags: record })).toBeNull();
    expect(set).toEqual([]);
  });

  it('is applied by the command line before it loads anything', () => {
    const entry = readFileSync(join(import.meta.dirname, '..', '..', 'bin', 'staffsim.js'), 'utf8');
    expect(entry.indexOf('applyV8Flags();')).toBeGreaterThan(0);
    expect(entry.indexOf('applyV8Flags();')).toBeLessThan(entry.indexOf("await import('../dist/cli/main.js')"));
  });

  it('is a flag this V8 accepts: a process that sets it runs and computes', () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', "import { applyV8Flags } from './bin/v8-flags.js'; applyV8Flags(); let s = 0; for (let i = 0; i < 1e6; i++) s += i; console.log(s);"], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('499999500000');
  });
});
