import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../core/errors.js';

/**
 * The text of an input file (a scenario, a baseline), at most `maxBytes` long. A file that is missing, a folder or
 * unreadable is one input issue with code `file_not_found`, located at the file; a longer one is refused before it is
 * read (code `too_large`), whatever it is (a regular file by its size, a pipe or device as it is read).
 * @example readInputFile('scenarios/textbook-erlang-c.yaml', 4 * 1024 * 1024).startsWith('#') // true
 */
export function readInputFile(path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw notFound(path, error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw notFound(path, Object.assign(new Error('folder'), { code: 'EISDIR' }));
    if (stats.size > maxBytes) throw tooLarge(path, `${mebibytes(stats.size)}`, maxBytes);
    // A regular file is read at its size; a pipe or device until its end, one byte past the limit at most.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      let read: number;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        throw notFound(path, error);
      }
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw tooLarge(path, `more than ${mebibytes(maxBytes)}`, maxBytes);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function notFound(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const detail = code === 'ENOENT' || code === undefined ? '' : code === 'EISDIR' ? ' (it is a folder)' : ` (not readable: ${code})`;
  return new InputError([{ file: path, path: '', code: 'file_not_found', message: `file not found${detail}` }]);
}

function tooLarge(path: string, size: string, maxBytes: number): InputError {
  return new InputError([
    { file: path, line: 1, column: 1, path: '', code: 'too_large', message: `the file has ${size}; at most ${mebibytes(maxBytes)} are read; see "Limits" in scenarios/README.md` },
  ]);
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB`;
}
