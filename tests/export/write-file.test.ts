import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { openAtomicFile, writeFileAtomic } from '../../src/export/write-file.js';

const folders: string[] = [];
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'staffsim-write-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('openAtomicFile', () => {
  it('shows nothing at the path until commit, then the whole text, and leaves no temporary file', () => {
    const folder = freshFolder();
    const path = join(folder, 'out.csv');
    const file = openAtomicFile(path);
    // Far more than one flush block, with multi-byte characters across block edges.
    const line = 'å,ä,ö,€,😀\r\n';
    const lines = 20_000;
    for (let i = 0; i < lines; i++) file.write(line);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(folder)).toHaveLength(1); // the temporary file, hidden beside it
    expect(readdirSync(folder)[0]).toMatch(/^\.out\.csv\.staffsim-tmp-/);
    file.commit();
    expect(readFileSync(path, 'utf8')).toBe(line.repeat(lines));
    expect(readdirSync(folder)).toEqual(['out.csv']);
    file.abort(); // after commit: nothing happens
    expect(readdirSync(folder)).toEqual(['out.csv']);
  });

  it('leaves no trace when aborted, and abort may be called twice', () => {
    const folder = freshFolder();
    const file = openAtomicFile(join(folder, 'out.csv'));
    file.write('partial');
    file.abort();
    file.abort();
    expect(readdirSync(folder)).toEqual([]);
    expect(() => file.write('more')).toThrow(/after aborted/);
    expect(() => file.commit()).toThrow(/after aborted/);
  });

  it('replaces an existing file only on commit', () => {
    const folder = freshFolder();
    const path = join(folder, 'out.txt');
    writeFileSync(path, 'old');
    const file = openAtomicFile(path);
    file.write('new');
    expect(readFileSync(path, 'utf8')).toBe('old');
    file.commit();
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('keeps two files opened for the same path apart', () => {
    const folder = freshFolder();
    const path = join(folder, 'out.txt');
    const a = openAtomicFile(path);
    const b = openAtomicFile(path);
    a.write('a');
    b.write('b');
    a.commit();
    b.abort();
    expect(readFileSync(path, 'utf8')).toBe('a');
    expect(readdirSync(folder)).toEqual(['out.txt']);
  });

  it('exposes the descriptor of the temporary file, for a writer in another thread', () => {
    const folder = freshFolder();
    const path = join(folder, 'out.txt');
    const file = openAtomicFile(path);
    expect(file.path).toBe(path);
    writeFileSync(file.fd, 'through the descriptor');
    file.commit();
    expect(readFileSync(path, 'utf8')).toBe('through the descriptor');
  });

  it('rejects a folder that does not exist, a path that is a folder and an empty name as bad input, creating nothing', () => {
    const folder = freshFolder();
    expect(() => openAtomicFile(join(folder, 'missing', 'out.csv'))).toThrow(InputError);
    expect(() => openAtomicFile(join(folder, 'missing', 'out.csv'))).toThrow(/cannot write here \(the folder does not exist\)/);
    expect(() => openAtomicFile(folder)).toThrow(/it is a folder/);
    expect(() => openAtomicFile('')).toThrow(InputError);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('removes the temporary file when the rename fails, and says why', () => {
    const folder = freshFolder();
    const path = join(folder, 'out.csv');
    const file = openAtomicFile(path);
    file.write('text');
    mkdirSync(path); // something else took the name meanwhile
    expect(() => file.commit()).toThrow(InputError);
    expect(readdirSync(folder)).toEqual(['out.csv']);
    expect(readdirSync(path)).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('writes a whole text file', () => {
    const folder = freshFolder();
    const path = join(folder, 'a.json');
    writeFileAtomic(path, '{}\n');
    expect(readFileSync(path, 'utf8')).toBe('{}\n');
    expect(readdirSync(folder)).toEqual(['a.json']);
  });

  it('writes bytes as they are (a spreadsheet)', () => {
    const folder = freshFolder();
    const path = join(folder, 'a.xlsx');
    const bytes = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7) % 256);
    writeFileAtomic(path, bytes);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
    expect(readdirSync(folder)).toEqual(['a.xlsx']);
  });

  it('keeps text and bytes in the order written', () => {
    const folder = freshFolder();
    const path = join(folder, 'mixed');
    const file = openAtomicFile(path);
    file.write('ab');
    file.write(Uint8Array.from([0x63, 0x64]));
    file.write('é');
    file.commit();
    expect(readFileSync(path, 'utf8')).toBe('abcdé');
  });
});
