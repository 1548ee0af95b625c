import { accessSync, closeSync, constants, fsyncSync, lstatSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';

/**
 * A file being written: nothing appears at its path until `commit()`; `abort()` leaves no trace.
 *
 * How a path is written depends on what is there (see `resolveOutput`):
 * - a regular file, or nothing: atomically — a temporary file beside it, renamed into place on commit;
 * - a symbolic link: the file it points to, atomically (the link stays a link);
 * - a character device, a FIFO or the process's own streams (`/dev/stdout`, `/dev/null`, `/dev/fd/N`): written
 *   through, never replaced (a stream cannot be written atomically; an abort cannot take back what was written).
 */
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

/** Where and how a path given by the user is written. */
export interface OutputTarget {
  /** `atomic`: temporary file + rename onto `path`; `through`: opened and written in place (a device or a stream). */
  readonly kind: 'atomic' | 'through';
  /** The path to write: the given one, or the file a symbolic link points to. */
  readonly path: string;
}

const FLUSH_CHARACTERS = 1 << 16;

/** Distinguishes two temporary files opened by this process in the same millisecond. */
let openedCount = 0;

/** The temporary files staffsim makes: `.<name>.staffsim-tmp-<pid>-<time base 36>-<counter base 36>`. */
const TEMPORARY_NAME = /^\..+\.staffsim-tmp-(\d+)-([0-9a-z]+)-([0-9a-z]+)$/;

/** A temporary file of a process that no longer runs is stale once it has not changed for this long. */
export const STALE_DEAD_PROCESS_MS = 10 * 60 * 1000;
/** Any temporary file of staffsim's naming is stale once it has not changed for this long (the process id may be reused). */
export const STALE_ANY_MS = 24 * 60 * 60 * 1000;

/** The process's own streams: always written through (renaming onto them would replace a link in /dev). */
const STREAM_PATH = /^\/(?:dev\/(stdout|stderr|fd\/(\d+))|proc\/(self|\d+)\/fd\/(\d+))$/;

/**
 * Where `path` is written: through, for the process's streams, character devices and FIFOs; else atomically onto the
 * path, or onto the file a symbolic link points to (resolved, so the link stays). A folder, a symbolic link to nothing,
 * an empty name, a folder that does not exist or cannot be searched are bad input (exit 2).
 * @example resolveOutput('/dev/null') // { kind: 'through', path: '/dev/null' }
 * @example resolveOutput('out.csv') // { kind: 'atomic', path: 'out.csv' }
 */
export function resolveOutput(path: string): OutputTarget {
  if (path === '') throw cannotWrite(path, 'here', 'no file name given');
  if (STREAM_PATH.test(path)) return { kind: 'through', path };
  const target = statOrNull(path, statSync);
  const entry = statOrNull(path, lstatSync);
  if (target === null && entry?.isSymbolicLink() === true) {
    throw cannotWrite(path, 'here', `it is a symbolic link to ${readlinkOr(path)}, which does not exist`);
  }
  if (target?.isDirectory() === true) throw cannotWrite(path, 'here', 'it is a folder');
  if (target !== null && !target.isFile()) return { kind: 'through', path };
  if (entry?.isSymbolicLink() === true) {
    try {
      return { kind: 'atomic', path: realpathSync(path) };
    } catch (error) {
      throw cannotWrite(path, 'here', describeFsError(error));
    }
  }
  return { kind: 'atomic', path };
}

/**
 * Checks, before any work, that `path` can be written: the output is resolved as `openAtomicFile` would, and a
 * temporary file is created and removed at once (for a device or a stream: write permission is checked). Stale
 * temporary files of staffsim in the folder are removed on the way.
 * @throws InputError (exit 2) saying why the path cannot be written
 * @example checkWritable('reports/out.xlsx') // throws when reports/ does not exist
 */
export function checkWritable(path: string): void {
  const target = resolveOutput(path);
  if (target.kind === 'through') {
    try {
      accessSync(target.path, constants.W_OK);
    } catch (error) {
      throw cannotWrite(path, 'here', describeFsError(error));
    }
    return;
  }
  openAtomicFile(path).abort();
}

/**
 * Opens `path` for an atomic write: the text goes to a temporary file beside it (`.<name>.staffsim-tmp-…`), renamed
 * into place on commit, so a failure or an interrupt never leaves a partial file. A symbolic link is resolved: the
 * file it points to is replaced, the link stays. Character devices, FIFOs and the process's own streams
 * (`/dev/stdout`, `/dev/null`) are written through instead, never replaced. A folder that does not exist or cannot be
 * written, or a path that is a folder, is bad input (exit 2) and is reported here, before any work is done. Stale
 * temporary files of earlier staffsim runs in the folder are removed (see `removeStaleTemporaryFiles`).
 * @example const file = openAtomicFile('out.csv'); file.write('a,b\r\n'); file.commit();
 */
export function openAtomicFile(path: string): AtomicFile {
  const target = resolveOutput(path);
  if (target.kind === 'through') return openThrough(path, target.path);
  const folder = dirname(target.path);
  removeStaleTemporaryFiles(folder, Date.now());
  const temporary = join(folder, `.${basename(target.path)}.staffsim-tmp-${process.pid}-${Date.now().toString(36)}-${(openedCount++).toString(36)}`);
  let fd: number;
  try {
    // 'wx': never truncate a file that is not ours.
    fd = openSync(temporary, 'wx');
  } catch (error) {
    throw cannotWrite(path, 'here', describeFsError(error));
  }
  let closed = false;
  return bufferedFile(path, fd, {
    finish() {
      fsyncSync(fd);
      closeSync(fd);
      closed = true;
      renameSync(temporary, target.path);
    },
    discard() {
      if (!closed) closeQuietly(fd);
      closed = true;
      rmSync(temporary, { force: true });
    },
  });
}

/**
 * A device or stream, written in place: opened for appending (so `--out /dev/stdout` after a shell's `>>` appends,
 * and nothing is truncated), written as it comes, closed on commit. Abort closes it; what was written stays written.
 * A stream of this process that cannot be opened by name (a socket, as when a parent process reads the output) is
 * written through its descriptor, which stays open.
 */
function openThrough(path: string, device: string): AtomicFile {
  let fd: number;
  let owned = true;
  try {
    fd = openSync(device, 'a');
  } catch (error) {
    const own = ownDescriptor(device);
    if (own === null) throw cannotWrite(path, 'here', describeFsError(error));
    fd = own;
    owned = false;
  }
  let closed = !owned;
  const close = (): void => {
    if (!closed) closeQuietly(fd);
    closed = true;
  };
  return bufferedFile(path, fd, { finish: close, discard: close });
}

/** The descriptor a stream path names in this process (`/dev/stdout` → 1, `/dev/fd/5` → 5), or null. */
function ownDescriptor(path: string): number | null {
  const match = STREAM_PATH.exec(path);
  if (match === null) return null;
  if (match[1] === 'stdout') return 1;
  if (match[1] === 'stderr') return 2;
  if (match[2] !== undefined) return Number(match[2]);
  return match[3] === 'self' || Number(match[3]) === process.pid ? Number(match[4]) : null;
}

/**
 * The writing side shared by both kinds of output: text is buffered and flushed in large blocks, bytes are written at
 * once; `finish` completes a commit after the last flush, `discard` undoes what can be undone. A failure to write or
 * to finish discards the file and is reported as bad input naming the path.
 */
function bufferedFile(path: string, fd: number, end: { finish(): void; discard(): void }): AtomicFile {
  let buffer = '';
  let state: 'open' | 'committed' | 'aborted' = 'open';
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
      if (state !== 'open') throw new Error(`write after ${state === 'committed' ? 'commit' : state}`);
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
      if (state !== 'open') throw new Error(`commit after ${state === 'committed' ? 'commit' : state}`);
      try {
        flush();
        end.finish();
        state = 'committed';
      } catch (error) {
        file.abort();
        throw cannotWrite(path, '', describeFsError(error));
      }
    },
    abort() {
      if (state !== 'open') return;
      state = 'aborted';
      end.discard();
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

/**
 * Removes the temporary files that staffsim runs killed without clean-up (SIGKILL, a power cut) left in `folder`:
 * only entries named as staffsim names them (`.<name>.staffsim-tmp-<pid>-…`), only regular files (never a link),
 * only the current user's, and only stale ones — unchanged for 10 minutes while no process with the id in the name
 * runs, or unchanged for 24 hours whatever runs (process ids are reused). A file that is being written is never
 * stale: writing changes its modification time. Problems (a folder that cannot be read, a file removed meanwhile)
 * are ignored: this is housekeeping.
 * @returns the names removed
 * @example removeStaleTemporaryFiles('reports', Date.now()) // ['.staffsim.xml.staffsim-tmp-4242-m1x2y3-0']
 */
export function removeStaleTemporaryFiles(folder: string, nowMs: number): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  for (const name of names) {
    const match = TEMPORARY_NAME.exec(name);
    if (match === null) continue;
    const path = join(folder, name);
    try {
      const stats = lstatSync(path);
      if (!stats.isFile() || (uid !== null && stats.uid !== uid)) continue;
      const unchangedMs = nowMs - stats.mtimeMs;
      const stale = unchangedMs > STALE_ANY_MS || (unchangedMs > STALE_DEAD_PROCESS_MS && !processRuns(Number(match[1])));
      if (!stale) continue;
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // removed by someone else meanwhile, or not ours to remove
    }
  }
  return removed;
}

/** True when a process with this id runs on this machine (or may: one we may not signal still runs). */
function processRuns(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * writeSync may write less than asked (rare for a regular file, but allowed): loops until all is written. A stream
 * in non-blocking mode that is full (EAGAIN) is given a millisecond to drain.
 */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

/** The stats of `path`, or null when nothing is there; a folder on the way that cannot be searched is bad input. */
function statOrNull(path: string, stat: (path: string) => Stats): Stats | null {
  try {
    return stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    // ENOTDIR: a file where a folder should be; ELOOP: a cycle of links; EACCES: a folder that cannot be searched.
    throw cannotWrite(path, 'here', describeFsError(error));
  }
}

function readlinkOr(path: string): string {
  try {
    return resolve(dirname(path), readlinkSync(path));
  } catch {
    return 'a missing file';
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
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENXIO') return 'a device or socket that cannot be opened for writing';
  return error instanceof Error ? error.message : String(error);
}
