/**
 * The fields of one line of a delimited text file (CSV as ACD and telephony systems export it): comma, semicolon or
 * tab separated, RFC 4180 quoting within a line. Pure.
 */

/** The separators told apart, in order of preference on a tie. */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The most frequent of comma, semicolon and tab outside quotes in the header (comma when none occurs).
 * @example detectDelimiter('Datum;Tid;Samtal') // ';'
 */
export function detectDelimiter(header: string): Delimiter {
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const candidate of DELIMITERS) {
    const count = (splitCsvLine(header, candidate) ?? []).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * One line's fields (RFC 4180 quoting, within the line); null for unbalanced quotes.
 * @example splitCsvLine('a,"b,c",d', ',') // ['a', 'b,c', 'd']
 */
export function splitCsvLine(line: string, delimiter: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

/**
 * A non-negative decimal number as exports write it: `12`, `4.5`, `.5`, `1e3`; with `decimalComma` also `4,5` (files
 * separated by semicolons or tabs usually come from locales that write a decimal comma). Anything else — signs,
 * `Infinity`, `NaN`, hex, thousands separators — is NaN.
 * @example parseDecimal('245,3', true) // 245.3
 * @example parseDecimal('1e308', false) // 1e308 (the caller checks the range)
 */
export function parseDecimal(text: string, decimalComma: boolean): number {
  const normal = decimalComma && /^\d*,\d+$/.test(text) ? text.replace(',', '.') : text;
  return /^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normal) ? Number(normal) : Number.NaN;
}
