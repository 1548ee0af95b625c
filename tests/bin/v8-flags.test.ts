import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- bin/ is plain JavaScript with JSDoc types, outside the TypeScript project
import { applyV8Flags, INTERRUPT_BUDGET } from '../../bin/v8-flags.js';

describe('applyV8Flags', () => {
  it('raises V8 interrupt budget for a process started without one', () => {
    const set: string[] = [];
    expect(applyV8Flags({ execArgv: [], nodeOptions: '', setFlags: (flag: string) => set.push(flag) })).toBe(`--interrupt-budget=${INTERRUPT_BUDGET}`);
    expect(set).toEqual(['--interrupt-budget=500000']);
  });

  it('leaves a budget the user gave on the command line or in NODE_OPTIONS as it is', () => {
    const set: string[] = [];
    const record = (flag: string): void => void set.push(flag);
    expect(applyV8Flags({ execArgv: ['--interrupt-budget=1000'], nodeOptions: '', setFlags: record })).toBeNull();
    expect(applyV8Flags({ execArgv: [], nodeOptions: '--max-old-space-size=4096 --interrupt-budget=2000', setFlags: record })).toBeNull();
    expect(set).toEqual([]);
  });

  it('is a flag this V8 accepts: a process that sets it runs and computes', () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', "import { applyV8Flags } from './bin/v8-flags.js'; applyV8Flags(); let s = 0; for (let i = 0; i < 1e6; i++) s += i; console.log(s);"], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('499999500000');
  });
});
