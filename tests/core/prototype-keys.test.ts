import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isPrototypeKey, prototypeKeyPaths, withoutPrototypeKeys } from '../../src/core/prototype-keys.js';

describe('prototype keys', () => {
  // Both readers keep `__proto__` as an ordinary (own) key, as an attacker's file would have it.
  const fromJson = JSON.parse('{"a":{"__proto__":{"x":1},"b":[{"constructor":2},{"c":3}]},"prototype":4}') as unknown;
  const fromYaml = parseDocument('a:\n  __proto__: { x: 1 }\n  b: [{ constructor: 2 }, { c: 3 }]\nprototype: 4\n').toJS() as unknown;

  it('knows the three reserved names', () => {
    expect(['__proto__', 'constructor', 'prototype', 'proto', 0].map(isPrototypeKey)).toEqual([true, true, true, false, false]);
  });

  it.each([
    ['JSON', fromJson],
    ['YAML', fromYaml],
  ])('finds every one in a %s document, with its path', (_reader, document) => {
    expect(prototypeKeyPaths(document)).toEqual([['a', '__proto__'], ['a', 'b', 0, 'constructor'], ['prototype']]);
  });

  it('copies a document without them, leaving every prototype as it was', () => {
    const copy = withoutPrototypeKeys(fromJson) as { a: { b: unknown[] } };
    expect(copy).toEqual({ a: { b: [{}, { c: 3 }] } });
    expect(Object.getPrototypeOf(copy.a)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['x']).toBe(undefined);
  });
});
