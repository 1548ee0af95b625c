import { spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { checkWritable, openAtomicFile, removeStaleTemporaryFiles, resolveOutput, writeFileAtomic } from '../../src/export/write-file.js';

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

describe('devices, FIFOs and symbolic links', () => {
  it('writes through to a FIFO instead of replacing it with a regular file', () => {
    const folder = freshFolder();
    const fifo = join(folder, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // A reader first, so that opening the FIFO for writing does not wait.
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      writeFileAtomic(fifo, 'a,b\r\n1,2\r\n');
      const buffer = Buffer.alloc(100);
      const read = readSync(reader, buffer);
      expect(buffer.subarray(0, read).toString('utf8')).toBe('a,b\r\n1,2\r\n');
    } finally {
      closeSync(reader);
    }
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(folder)).toEqual(['pipe']);
  });

  it('writes through to /dev/null, which stays a character device', () => {
    expect(resolveOutput('/dev/null')).toEqual({ kind: 'through', path: '/dev/null' });
    writeFileAtomic('/dev/null', 'discarded');
    const file = openAtomicFile('/dev/null');
    file.write('also discarded');
    file.abort();
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(() => checkWritable('/dev/null')).not.toThrow();
  });

  it('treats the process streams as streams, whatever they point to', () => {
    for (const path of ['/dev/stdout', '/dev/stderr', '/dev/fd/1', '/proc/self/fd/2']) expect(resolveOutput(path).kind).toBe('through');
  });

  it('replaces the file a symbolic link points to and keeps the link', () => {
    const folder = freshFolder();
    mkdirSync(join(folder, 'real'));
    const real = join(folder, 'real', 'report.csv');
    writeFileSync(real, 'old');
    const link = join(folder, 'latest.csv');
    symlinkSync(join('real', 'report.csv'), link);
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join('real', 'report.csv'));
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(readdirSync(join(folder, 'real'))).toEqual(['report.csv']);
  });

  it('refuses a symbolic link to nothing, naming its target', () => {
    const folder = freshFolder();
    const link = join(folder, 'out.csv');
    symlinkSync(join(folder, 'gone.csv'), link);
    expect(() => openAtomicFile(link)).toThrow(InputError);
    expect(() => openAtomicFile(link)).toThrow(`it is a symbolic link to ${join(folder, 'gone.csv')}, which does not exist`);
    expect(readdirSync(folder)).toEqual(['out.csv']);
  });
});

describe('checkWritable', () => {
  it('says at once why a path cannot be written, and leaves nothing behind when it can', () => {
    const folder = freshFolder();
    expect(() => checkWritable(join(folder, 'missing', 'x.xlsx'))).toThrow(/missing\/x\.xlsx: cannot write here \(the folder does not exist\)/);
    expect(() => checkWritable(folder)).toThrow(/it is a folder/);
    checkWritable(join(folder, 'x.xlsx'));
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('removeStaleTemporaryFiles', () => {
  /** A temporary file of staffsim's naming, last changed `ageMs` ago. */
  function temporary(folder: string, name: string, ageMs: number): void {
    const path = join(folder, name);
    writeFileSync(path, 'partial');
    const seconds = (Date.now() - ageMs) / 1000;
    utimesSync(path, seconds, seconds);
  }
  const MINUTE = 60_000;
  // Linux process ids stay below 2^22: this one never runs.
  const DEAD = 99_999_999;

  it('removes only stale files of its own naming: of a process that is gone after 10 minutes, of any after 24 hours', () => {
    const folder = freshFolder();
    temporary(folder, `.calls.csv.staffsim-tmp-${DEAD}-m1abc-0`, 11 * MINUTE); // stale: dead and old
    temporary(folder, `.calls.csv.staffsim-tmp-${DEAD}-m1abd-1`, 2 * MINUTE); // dead, but changed lately: kept
    temporary(folder, `.report.xml.staffsim-tmp-${process.pid}-m1abe-0`, 60 * MINUTE); // this process runs: kept
    temporary(folder, `.report.xml.staffsim-tmp-${process.pid}-m1abf-1`, 25 * 60 * MINUTE); // a day old: stale
    temporary(folder, '.calls.csv.tmp-1-m1abc-0', 60 * MINUTE); // not our naming
    temporary(folder, `calls.csv.staffsim-tmp-${DEAD}-m1abc-0`, 60 * MINUTE); // not hidden: not ours
    mkdirSync(join(folder, `.x.staffsim-tmp-${DEAD}-m1abc-0`)); // a folder: never
    symlinkSync('/dev/null', join(folder, `.y.staffsim-tmp-${DEAD}-m1abc-0`)); // a link: never
    const removed = removeStaleTemporaryFiles(folder, Date.now());
    expect(removed.sort()).toEqual([`.calls.csv.staffsim-tmp-${DEAD}-m1abc-0`, `.report.xml.staffsim-tmp-${process.pid}-m1abf-1`]);
    expect(readdirSync(folder).sort()).toEqual(
      [
        `.calls.csv.staffsim-tmp-${DEAD}-m1abd-1`,
        `.report.xml.staffsim-tmp-${process.pid}-m1abe-0`,
        '.calls.csv.tmp-1-m1abc-0',
        `calls.csv.staffsim-tmp-${DEAD}-m1abc-0`,
        `.x.staffsim-tmp-${DEAD}-m1abc-0`,
        `.y.staffsim-tmp-${DEAD}-m1abc-0`,
      ].sort(),
    );
  });

  it('runs whenever a file is opened in that folder', () => {
    const folder = freshFolder();
    temporary(folder, `.out.csv.staffsim-tmp-${DEAD}-m1abc-0`, 30 * MINUTE);
    writeFileAtomic(join(folder, 'other.csv'), 'x');
    expect(readdirSync(folder)).toEqual(['other.csv']);
    expect(existsSync(join(folder, `.out.csv.staffsim-tmp-${DEAD}-m1abc-0`))).toBe(false);
  });
});
