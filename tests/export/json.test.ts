import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/export/json.js';

describe('toJson', () => {
  it('writes non-finite numbers as null, never Infinity or NaN', () => {
    expect(toJson({ a: Number.POSITIVE_INFINITY, b: Number.NaN, c: 1.5 })).toBe('{\n  "a": null,\n  "b": null,\n  "c": 1.5\n}\n');
  });
});
