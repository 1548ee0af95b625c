import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../core/errors.js';

/** A file being written: nothing appears at its path until `commit()`; `abort()` leaves no trace. */
export interface AtomicFile {
  /** The path the file will have once committed. */
  readonly path: string;
  /**
   * The open descriptor of the temporary file, for a writer in another thread of this process (worker threads share
   * the process's descriptors). Write either through `write()` or through `fd`, never both, and make sure that writer
   * has stopped before `commit()` or `abort()`.
   */
  readonly fd: number;
  /** Appends text (buffered; flushed in large blocks) or bytes (written at once, after any buffered text). */
  write(content: string | Uint8Array): void;
  /** Flushes, syncs and renames the temporary file into place. */
  commit(): void;
  /** Removes the temporary file. Safe to call more than once and after commit (then it does nothing). */
  abort(): void;
}

const FLUSH_CHARACTERS = 1 << 16;

/** Distinguishes two temporary files opened by this process in the same millisecond. */
let openedCount = 0;

/**
 * Opens `path` for an atomic write: the text goes to a temporary file beside it (`.<name>.staffsim-tmp-…`), renamed
 * into place on commit, so a failure or an interrupt never leaves a partial file. A folder that does not exist or
 * cannot be written, or a path that is a folder, is bad input (exit 2) and is reported here, before any work is done.
 * @example const file = openAtomicFile('out.csv'); file.write('a,b\r\n'); file.commit();
 */
export function openAtomicFile(path: string): AtomicFile {
  if (path === '') throw cannotWrite(path, 'here', 'no file name given');
  if (isFolder(path)) throw cannotWrite(path, 'here', 'it is a folder');
  const temporary = join(dirname(path), `.${basename(path)}.staffsim-tmp-${process.pid}-${Date.now().toString(36)}-${(openedCount++).toString(36)}`);
  let fd: number;
  try {
    // 'wx': never truncate a file that is not ours.
    fd = openSync(temporary, 'wx');
  } catch (error) {
    throw cannotWrite(path, 'here', describeFsError(error));
  }
  let buffer = '';
  // 'closed': closed for commit but not yet renamed (abort() must still remove it).
  let state: 'open' | 'closed' | 'committed' | 'aborted' = 'open';
  const flush = (): void => {
    if (buffer.length === 0) return;
    const bytes = Buffer.from(buffer, 'utf8');
    buffer = '';
    writeAll(fd, bytes);
  };
  const file: AtomicFile = {
    path,
    fd,
    write(content) {
      if (state !== 'open') throw new Error(`write after ${state === 'closed' ? 'commit' : state}`);
      if (typeof content === 'string') buffer += content;
      if (typeof content === 'string' && buffer.length < FLUSH_CHARACTERS) return;
      try {
        flush();
        if (typeof content !== 'string') writeAll(fd, content);
      } catch (error) {
        file.abort();
        throw cannotWrite(path, '', describeFsError(error));
      }
    },
    commit() {
      if (state !== 'open') throw new Error(`commit after ${state === 'closed' ? 'commit' : state}`);
      try {
        flush();
        fsyncSync(fd);
        closeSync(fd);
        state = 'closed';
        renameSync(temporary, path);
        state = 'committed';
      } catch (error) {
        file.abort();
        throw cannotWrite(path, '', describeFsError(error));
      }
    },
    abort() {
      if (state === 'committed' || state === 'aborted') return;
      if (state === 'open') {
        try {
          closeSync(fd);
        } catch {
          // already closed
        }
      }
      state = 'aborted';
      rmSync(temporary, { force: true });
    },
  };
  return file;
}

/** Writes a whole file (text, or bytes such as a spreadsheet) atomically. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const file = openAtomicFile(path);
  try {
    file.write(content);
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}

/** writeSync may write less than asked (rare for a regular file, but allowed): loops until all is written. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function cannotWrite(path: string, where: 'here' | '', reason: string): InputError {
  const what = where === 'here' ? 'cannot write here' : 'cannot write';
  return new InputError([{ path: '', code: 'cannot_write', message: `${path === '' ? '(no file name)' : path}: ${what} (${reason})` }]);
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'the folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'no space left on the device';
  return error instanceof Error ? error.message : String(error);
}
