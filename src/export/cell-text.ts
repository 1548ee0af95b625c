/**
 * Text cells that a spreadsheet would run as a formula (OWASP "CSV injection", CWE-1236) get a leading `'`:
 * any text starting with `=`, `+`, `-`, `@`, a tab or a carriage return. Numbers are never guarded; this is
 * for text only (variant and scenario names, parameters, assumption values). Used by CSV (XLSX stores text as text
 * cells, which are never evaluated, so it needs no guard).
 * @example guardFormula('=SUM(1)') // "'=SUM(1)"
 * @example guardFormula('world-class') // 'world-class'
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
