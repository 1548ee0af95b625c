/**
 * Keys that JavaScript gives a meaning of its own. A parsed YAML or JSON document may hold them as ordinary keys, but
 * assigning one (`target[key] = value`) changes an object's prototype instead of adding a key — the way to pollute
 * `Object.prototype`. Every reader of untrusted documents (scenarios, variants, assertions, baselines, `--set` paths)
 * refuses them as unknown keys, before anything is merged or assigned.
 */

/** The keys that are never keys of a staffsim document. */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** True for `__proto__`, `constructor` and `prototype`. @example isPrototypeKey('__proto__') // true */
export function isPrototypeKey(key: string | number): boolean {
  return typeof key === 'string' && PROTOTYPE_KEYS.includes(key);
}

/**
 * The path of every mapping key in a plain JSON value that is a prototype key (depth first, in document order).
 * @example prototypeKeyPaths({ staffing: { __proto__: {} } }) // [['staffing', '__proto__']] (with `__proto__` an own key)
 */
export function prototypeKeyPaths(value: unknown, path: readonly (string | number)[] = []): (string | number)[][] {
  const found: (string | number)[][] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => found.push(...prototypeKeyPaths(item, [...path, index])));
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      if (isPrototypeKey(key)) found.push([...path, key]);
      else found.push(...prototypeKeyPaths((value as Record<string, unknown>)[key], [...path, key]));
    }
  }
  return found;
}

/**
 * A deep copy of a plain JSON value without its prototype keys.
 * @example withoutPrototypeKeys(JSON.parse('{"a":{"__proto__":{"x":1}},"b":2}')) // { a: {}, b: 2 }
 */
export function withoutPrototypeKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutPrototypeKeys(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!isPrototypeKey(key)) copy[key] = withoutPrototypeKeys((value as Record<string, unknown>)[key]);
  }
  return copy as T;
}
