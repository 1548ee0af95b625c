/**
 * The README's examples as a newcomer runs them from a fresh clone: every command must work as written there (so
 * staffsim is run as `npx staffsim`, which finds the clone's own command), and every file an example names must be in
 * the repository or written by an earlier example — never a path outside it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

interface Command {
  readonly line: number;
  readonly text: string;
}

/** The commands of the README's code blocks: `$ …` lines of any block, and every line of `sh` blocks. */
function readmeCommands(markdown: string): Command[] {
  const commands: Command[] = [];
  let block: string | null = null;
  for (const [index, raw] of markdown.split('\n').entries()) {
    if (raw.startsWith('```')) {
      block = block === null ? raw.slice(3).trim() || 'text' : null;
      continue;
    }
    if (block === null) continue;
    const text = raw.startsWith('$ ') ? raw.slice(2) : block === 'sh' ? raw : null;
    if (text !== null && text.trim() !== '') commands.push({ line: index + 1, text: text.replace(/\s+#.*$/, '').trim() });
  }
  return commands;
}

/** The words of a command that name files (a `/`, or a scenario or data extension), with what the command writes. */
function filesOf(command: string): { reads: string[]; writes: string[] } {
  const words = command.split(/\s+/);
  const reads: string[] = [];
  const writes: string[] = [];
  for (const [i, word] of words.entries()) {
    const previous = words[i - 1];
    if (word.startsWith('-') || word.includes('=')) continue;
    if (!/\//.test(word) && !/\.(ya?ml|csv|json|xlsx|html|xml)$/.test(word)) continue;
    if (previous === '--out' || previous === '>' || previous === '--junit' || previous === '-o') writes.push(word);
    else reads.push(word);
  }
  return { reads, writes };
}

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const commands = readmeCommands(readme);

describe('the README, run from a fresh clone', () => {
  it('finds the examples (a sanity check of the parser)', () => {
    expect(commands.length).toBeGreaterThan(20);
    expect(commands.some((c) => c.text.startsWith('npx staffsim compare scenarios/municipal-contact-centre.yaml'))).toBe(true);
  });

  it('runs staffsim as `npx staffsim` in every example, which works in a clone without a global install', () => {
    const bare = commands.filter((c) => /(^|[|;&]\s*)staffsim\b/.test(c.text));
    expect(bare.map((c) => `README.md:${c.line}: ${c.text}`)).toEqual([]);
    expect(readme).toMatch(/from a clone, run staffsim as `npx staffsim …`/i);
    expect(readme).toMatch(/`npm link`/);
  });

  it('has package.json name the command `staffsim`, an executable Node script that npx and npm link can run', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const bin = pkg.bin['staffsim'];
    expect(bin).toBe('bin/staffsim.js');
    const file = join(root, bin ?? '');
    expect(readFileSync(file, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(file).mode & 0o111).not.toBe(0);
  });

  it('names only files that are in the repository or that an earlier example wrote, none outside it', () => {
    const written = new Set<string>();
    const problems: string[] = [];
    for (const command of commands) {
      const { reads, writes } = filesOf(command.text);
      for (const path of reads) {
        if (path.startsWith('../') || path.startsWith('/') || path.startsWith('~')) problems.push(`README.md:${command.line}: ${path} is outside the repository`);
        else if (!written.has(path) && !existsSync(join(root, path))) problems.push(`README.md:${command.line}: ${path} is not in the repository`);
      }
      for (const path of writes) written.add(path);
    }
    expect(problems).toEqual([]);
  });
});
