import { describe, expect, it } from 'vitest';
import { missingArgumentsMessage } from '../../src/cli/missing-arguments.js';

describe('missingArgumentsMessage', () => {
  it('names the missing argument of the usage line', () => {
    expect(missingArgumentsMessage('Not enough non-option arguments: got 0, need at least 1', 'plan <scenario>')).toBe('missing <scenario>: staffsim plan <scenario> [options]');
    expect(missingArgumentsMessage('Not enough non-option arguments: got 0, need at least 1', 'compare <scenarios..>')).toBe(
      'missing <scenarios..>: staffsim compare <scenarios..> [options]',
    );
  });

  it('leaves other messages, and usage lines without that argument, to the caller', () => {
    expect(missingArgumentsMessage('Unknown argument: x', 'plan <scenario>')).toBeNull();
    expect(missingArgumentsMessage('Not enough non-option arguments: got 1, need at least 1', 'plan <scenario>')).toBeNull();
  });
});
