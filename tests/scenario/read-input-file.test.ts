import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachLine } from '../../src/scenario/read-input-file.js';

const folder = mkdtempSync(join(tmpdir(), 'staffsim-lines-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function linesOf(content: string | Buffer): string[] {
  const path = join(folder, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, content);
  const lines: string[] = [];
  forEachLine(path, (line) => lines.push(line), 1 << 20);
  return lines;
}

describe('forEachLine', () => {
  it('reads lines that end in \\n, \\r\\n or a lone \\r (classic Mac OS) alike', () => {
    const expected = ['when,calls', '2003-03-03 07:00,12', '2003-03-03 07:05,9'];
    expect(linesOf(expected.join('\n'))).toEqual(expected);
    expect(linesOf(`${expected.join('\r\n')}\r\n`)).toEqual(expected);
    expect(linesOf(`${expected.join('\r')}\r`)).toEqual(expected);
    expect(linesOf(expected.join('\r'))).toEqual(expected);
  });

  it('keeps a \\r\\n that falls across two blocks of 1 MiB one line break', () => {
    const first = 'x'.repeat((1 << 20) - 1); // the block ends with the \r, the next begins with the \n
    expect(linesOf(`${first}\r\nsecond\r\nthird`)).toEqual([first, 'second', 'third']);
  });
});
