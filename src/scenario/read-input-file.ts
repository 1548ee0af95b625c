import { readFileSync } from 'node:fs';
import { InputError } from '../core/errors.js';

/**
 * The text of an input file (a scenario, a counts CSV). A file that is missing, a folder or unreadable is one
 * input issue with code `file_not_found`, located at the file.
 * @example readInputFile('scenarios/textbook-erlang-c.yaml').startsWith('#') // true
 */
export function readInputFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' || code === undefined ? '' : code === 'EISDIR' ? ' (it is a folder)' : ` (not readable: ${code})`;
    throw new InputError([{ file: path, path: '', code: 'file_not_found', message: `file not found${detail}` }]);
  }
}
