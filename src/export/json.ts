/**
 * JSON for machines: one document, two-space indentation, a trailing newline. Non-finite numbers
 * (an unstable queue's infinite wait) become `null`, never `Infinity` or `NaN`, which JSON cannot carry.
 * @example toJson({ asaSeconds: Infinity }) // '{\n  "asaSeconds": null\n}\n'
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
