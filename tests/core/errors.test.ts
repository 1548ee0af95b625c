import { describe, expect, it } from 'vitest';
import { formatInputIssue, InputError } from '../../src/core/errors.js';

describe('input errors', () => {
  it('format one line per issue with file, line, column and path where known', () => {
    expect(formatInputIssue({ file: 'a.yaml', line: 4, column: 3, path: 'calendar.close', code: 'x', message: 'must be after open' })).toBe(
      'a.yaml:4:3: calendar.close: must be after open',
    );
    expect(formatInputIssue({ path: '', code: 'usage', message: '--agents: expected an integer' })).toBe('--agents: expected an integer');
    expect(formatInputIssue({ file: 'b.json', path: 'name', code: 'x', message: 'required' })).toBe('b.json: name: required');
  });

  it('carry every issue', () => {
    const error = new InputError([
      { path: 'a', code: 'x', message: 'one' },
      { path: 'b', code: 'y', message: 'two' },
    ]);
    expect(error.issues).toHaveLength(2);
    expect(error.message).toBe('a: one\nb: two');
  });
});
