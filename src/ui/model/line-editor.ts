/**
 * A one-line text field for the explorer's prompts (a value, a file name): pure state and the edits that keys make.
 */

export interface LineState {
  readonly text: string;
  /** Cursor position, 0 … text length (in code points). */
  readonly cursor: number;
}

/** A line with the cursor at its end. */
export function lineOf(text: string): LineState {
  return { text, cursor: [...text].length };
}

/** The edit a key makes, or null when the key is not an edit (Enter, Esc, …). */
export function editLine(
  line: LineState,
  input: string,
  key: { leftArrow?: boolean; rightArrow?: boolean; backspace?: boolean; delete?: boolean; home?: boolean; end?: boolean; ctrl?: boolean; meta?: boolean; return?: boolean; escape?: boolean; tab?: boolean; upArrow?: boolean; downArrow?: boolean },
): LineState | null {
  const chars = [...line.text];
  if (key.leftArrow === true) return { text: line.text, cursor: Math.max(0, line.cursor - 1) };
  if (key.rightArrow === true) return { text: line.text, cursor: Math.min(chars.length, line.cursor + 1) };
  if (key.home === true || (key.ctrl === true && input === 'a')) return { text: line.text, cursor: 0 };
  if (key.end === true || (key.ctrl === true && input === 'e')) return { text: line.text, cursor: chars.length };
  if (key.ctrl === true && input === 'u') return { text: chars.slice(line.cursor).join(''), cursor: 0 };
  // Terminals send DEL (0x7f) for the Backspace key; Ink calls it `delete`.
  if (key.backspace === true || key.delete === true) {
    if (line.cursor === 0) return line;
    chars.splice(line.cursor - 1, 1);
    return { text: chars.join(''), cursor: line.cursor - 1 };
  }
  if (key.return === true || key.escape === true || key.tab === true || key.upArrow === true || key.downArrow === true) return null;
  if (key.ctrl === true || key.meta === true || input === '') return null;
  // Typed or pasted text; control characters (a pasted newline) are dropped.
  const typed = [...input].filter((ch) => ch >= ' ' && ch !== '\u007f');
  if (typed.length === 0) return null;
  chars.splice(line.cursor, 0, ...typed);
  return { text: chars.join(''), cursor: line.cursor + typed.length };
}
