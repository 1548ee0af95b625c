import { describe, expect, it } from 'vitest';
import { fractionFlag } from '../../src/cli/number-flags.js';
import { UsageError } from '../../src/cli/usage-error.js';

const share = { share: true, min: 0, max: 1 } as const;

function read(value: unknown, rule: Parameters<typeof fractionFlag>[2] = share): { value: number; notes: string[] } {
  const notes: string[] = [];
  return { value: fractionFlag('target-sl', value, rule, (text) => notes.push(text)), notes };
}

describe('fractionFlag', () => {
  it('reads 0.8, 80 and 80% as the same share, with a note for each percentage', () => {
    expect(read('0.8')).toEqual({ value: 0.8, notes: [] });
    expect(read(0.8)).toEqual({ value: 0.8, notes: [] });
    expect(read(80)).toEqual({ value: 0.8, notes: ['--target-sl 80 read as 80% (0.8)'] });
    expect(read('80%')).toEqual({ value: 0.8, notes: ['--target-sl 80% read as 0.8'] });
    expect(read('85.5 %').value).toBe(0.855);
  });

  it('keeps 1 as a whole share (100%), not 1%', () => {
    expect(read(1)).toEqual({ value: 1, notes: [] });
  });

  it('refuses a share above 100%, naming the flag and both ways to write it', () => {
    expect(() => read(180)).toThrow(UsageError);
    expect(() => read('180%')).toThrow('--target-sl: expected a number ≥ 0 and ≤ 1, or a percentage such as 80 or 80% (got 180%)');
    expect(() => read('abc')).toThrow('(got abc)');
    expect(() => read('-5%')).toThrow(UsageError);
  });

  it('reads a relative change (not a share) as a percentage only with a % sign', () => {
    const change = { share: false, min: 0 } as const;
    expect(read('2%', change).value).toBe(0.02);
    expect(read('2', change)).toEqual({ value: 2, notes: [] });
  });
});
