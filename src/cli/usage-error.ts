import { InputError } from '../core/errors.js';

/** A command line that cannot be run as given (unknown flag, missing argument, bad value). Exit code 2. */
export class UsageError extends InputError {
  constructor(message: string) {
    super([{ path: '', code: 'usage', message }]);
    this.name = 'UsageError';
  }
}
