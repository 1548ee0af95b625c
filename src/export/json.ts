/**
 * JSON for machines: one document, two-space indentation, a trailing newline. Non-finite numbers
 * (an unstable queue's infinite wait) become `null`, never `Infinity` or `NaN`, which JSON cannot carry — as
 * JSON.stringify writes them, so no replacer is needed (one would be called for every value of a large run).
 * @example toJson({ asaSeconds: Infinity }) // '{\n  "asaSeconds": null\n}\n'
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
