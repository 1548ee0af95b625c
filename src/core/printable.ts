/**
 * Text from users (names, keys, file paths, column headers, values quoted in messages) made safe to print: control
 * characters are shown as escapes instead of acting. A newline inside a variant name cannot start a line of its own
 * (a forged GitHub `::error` command, a fake message), and an ESC cannot send an escape sequence to the terminal.
 *
 * Escaped: the C0 controls (U+0000–U+001F, so also tab, line feed and carriage return), DEL and the C1 controls
 * (U+007F–U+009F), the Unicode line and paragraph separators (U+2028, U+2029), and the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can make text read differently from what it is. Tab,
 * line feed and carriage return become `\t`, `\n`, `\r`; every other one `\uXXXX`.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same without tab, line feed and carriage return, which output made by staffsim uses as layout. */
const CONTROL_EXCEPT_LAYOUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeOne(char: string): string {
  return NAMED[char] ?? `\\u${(char.codePointAt(0) as number).toString(16).padStart(4, '0')}`;
}

/**
 * One line of user text, safe to print: every control character escaped.
 * @example printable('lean\n::error::forged') // 'lean\\n::error::forged'
 * @example printable('\u001b[2Jgone') // '\\u001b[2Jgone'
 */
export function printable(text: string): string {
  return text.replace(CONTROL, escapeOne);
}

/**
 * Output text safe for a terminal or a log: every control character escaped except tab, line feed and carriage
 * return (the layout of staffsim's own tables, messages and progress bar). User text inside it must already have
 * gone through `printable`, so that its line breaks are escaped too.
 * @example terminalText('a\tb\n\u001b[31mred') // 'a\tb\n\\u001b[31mred'
 */
export function terminalText(text: string): string {
  return text.replace(CONTROL_EXCEPT_LAYOUT, escapeOne);
}
