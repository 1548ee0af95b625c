import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../core/errors.js';

/** A file being written: nothing appears at its path until `commit()`; `abort()` leaves no trace. */
export interface AtomicFile {
  /** Appends text (buffered; flushed in large blocks). */
  write(text: string): void;
  /** Flushes, syncs and renames the temporary file into place. */
  commit(): void;
  /** Removes the temporary file. Safe to call more than once and after commit (then it does nothing). */
  abort(): void;
}

const FLUSH_CHARACTERS = 1 << 16;

/**
 * Opens `path` for an atomic write: the text goes to a temporary file beside it, renamed into place on commit,
 * so a failure or an interrupt never leaves a partial file. A folder that does not exist or cannot be written is
 * bad input (exit 2).
 * @example const file = openAtomicFile('out.csv'); file.write('a,b\r\n'); file.commit();
 */
export function openAtomicFile(path: string): AtomicFile {
  const temporary = join(dirname(path), `.${basename(path)}.staffsim-tmp-${process.pid}-${Date.now().toString(36)}`);
  let fd: number;
  try {
    fd = openSync(temporary, 'w');
  } catch (error) {
    throw new InputError([{ path: '', code: 'cannot_write', message: `${path}: cannot write here (${describeFsError(error)})` }]);
  }
  let buffer = '';
  let state: 'open' | 'committed' | 'aborted' = 'open';
  const flush = (): void => {
    if (buffer.length > 0) writeSync(fd, buffer);
    buffer = '';
  };
  const file: AtomicFile = {
    write(text) {
      if (state !== 'open') throw new Error(`write after ${state}`);
      buffer += text;
      if (buffer.length >= FLUSH_CHARACTERS) flush();
    },
    commit() {
      if (state !== 'open') throw new Error(`commit after ${state}`);
      try {
        flush();
        fsyncSync(fd);
        closeSync(fd);
        state = 'committed';
        renameSync(temporary, path);
      } catch (error) {
        file.abort();
        throw new InputError([{ path: '', code: 'cannot_write', message: `${path}: cannot write (${describeFsError(error)})` }]);
      }
    },
    abort() {
      if (state === 'open') {
        try {
          closeSync(fd);
        } catch {
          // already closed
        }
      }
      if (state !== 'aborted') rmSync(temporary, { force: true });
      state = state === 'committed' ? 'committed' : 'aborted';
    },
  };
  return file;
}

/** Writes a whole text file atomically. */
export function writeFileAtomic(path: string, text: string): void {
  const file = openAtomicFile(path);
  try {
    file.write(text);
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'the folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
