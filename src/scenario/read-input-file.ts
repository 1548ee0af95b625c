import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../core/errors.js';

/**
 * The text of an input file (a scenario, a baseline), at most `maxBytes` long. A file that is missing, a folder or
 * unreadable is one input issue with code `file_not_found`, located at the file; a longer one is refused before it is
 * read (code `too_large`), whatever it is (a regular file by its size, a pipe or device as it is read).
 * @example readInputFile('scenarios/textbook-erlang-c.yaml', 4 * 1024 * 1024).startsWith('#') // true
 */
export function readInputFile(path: string, maxBytes: number): string {
  return withInput(path, (fd, size) => {
    if (size > maxBytes) throw tooLarge(path, mebibytes(size), maxBytes);
    // A regular file is read at its size; a pipe or device until its end, one byte past the limit at most.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const read = readBlock(path, fd, chunk);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw tooLarge(path, `more than ${mebibytes(maxBytes)}`, maxBytes);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  });
}

/**
 * Calls `onLine` with each line of a file (without its line break), read in blocks of 1 MiB: memory stays bounded
 * whatever the file's size. Lines may end in `\n`, `\r\n` or a lone `\r` (classic Mac OS, still written by some
 * exports). A line longer than `maxLineCharacters` is an input issue located at its line (a file without line breaks
 * is not a table). Missing, folder or unreadable: as `readInputFile`.
 * @example forEachLine('counts.csv', (line) => rows.push(line), 65_536)
 */
export function forEachLine(path: string, onLine: (line: string) => void, maxLineCharacters: number): void {
  withInput(path, (fd) => {
    const decoder = new StringDecoder('utf8');
    const block = Buffer.allocUnsafe(1 << 20);
    let pending = '';
    let lineNumber = 0;
    /** A block that ends in `\r` keeps it for the next one, which may begin with the `\n` of the same line break. */
    let carriageReturn = '';
    const tooLong = (): InputError =>
      new InputError([{ file: path, line: lineNumber + 1, path: '', code: 'line_too_long', message: `the line is longer than ${maxLineCharacters.toLocaleString('en-US')} characters` }]);
    for (;;) {
      const read = readBlock(path, fd, block);
      let text = carriageReturn + (read === 0 ? decoder.end() : decoder.write(block.subarray(0, read)));
      carriageReturn = '';
      if (read !== 0 && text.endsWith('\r')) {
        carriageReturn = '\r';
        text = text.slice(0, -1);
      }
      if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        const line = pending + text.slice(start, end);
        pending = '';
        if (line.length > maxLineCharacters) throw tooLong();
        onLine(line);
        lineNumber++;
        start = end + 1;
      }
      pending += text.slice(start);
      if (pending.length > maxLineCharacters) throw tooLong();
      if (read === 0) break;
    }
    if (pending !== '') onLine(pending);
  });
}

/** Opens an input file, runs `read` with its descriptor and size, and closes it; missing, folder or unreadable: `file_not_found`. */
function withInput<T>(path: string, read: (fd: number, size: number) => T): T {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw notFound(path, error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw notFound(path, Object.assign(new Error('folder'), { code: 'EISDIR' }));
    return read(fd, stats.size);
  } finally {
    closeSync(fd);
  }
}

function readBlock(path: string, fd: number, block: Buffer): number {
  try {
    return readSync(fd, block, 0, block.length, null);
  } catch (error) {
    throw notFound(path, error);
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
