/**
 * A one-line text field for the explorer's prompts (a value, a file name): pure state and the edits that keys make.
 *
 * Keys: ← → move, Home / Ctrl-A and End / Ctrl-E jump, Backspace deletes before the cursor, Delete… also (terminals
 * send DEL for Backspace), Ctrl-U deletes everything before the cursor, Ctrl-W the word before it. Several keys can
 * arrive in one read (a fast typist, a paste, tmux send-keys): each character is applied in turn, so "90", three
 * Backspaces and "120" give "120".
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

/** The key flags a line edit reads (a subset of Ink's `Key`). */
export interface LineKey {
  leftArrow?: boolean;
  rightArrow?: boolean;
  backspace?: boolean;
  delete?: boolean;
  home?: boolean;
  end?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
}

const BACKSPACE = new Set(['\u007f', '\b']);
const CTRL_A = '\u0001';
const CTRL_E = '\u0005';
const CTRL_U = '\u0015';
const CTRL_W = '\u0017';

/** The edit a key makes, or null when the key is not an edit (Enter, Esc, …). */
export function editLine(line: LineState, input: string, key: LineKey): LineState | null {
  const chars = [...line.text];
  if (key.leftArrow === true) return { text: line.text, cursor: Math.max(0, line.cursor - 1) };
  if (key.rightArrow === true) return { text: line.text, cursor: Math.min(chars.length, line.cursor + 1) };
  if (key.home === true || (key.ctrl === true && input === 'a')) return { text: line.text, cursor: 0 };
  if (key.end === true || (key.ctrl === true && input === 'e')) return { text: line.text, cursor: chars.length };
  if (key.ctrl === true && input === 'u') return killBefore(line);
  if (key.ctrl === true && input === 'w') return killWordBefore(line);
  // Terminals send DEL (0x7f) for the Backspace key; Ink calls a lone one `delete`.
  if (key.backspace === true || key.delete === true) return deleteBefore(line);
  if (key.return === true || key.escape === true || key.tab === true || key.upArrow === true || key.downArrow === true) return null;
  if (key.ctrl === true || key.meta === true || input === '') return null;
  return typeText(line, input);
}

/**
 * Applies the characters of one read in turn: printable ones are inserted, Backspace (DEL or BS) deletes, Ctrl-A/E
 * jump, Ctrl-U and Ctrl-W delete; other control characters (a pasted newline) are dropped. Null when nothing changed.
 * @example typeText(lineOf('90'), '\u007f\u007f120') // { text: '120', cursor: 3 }
 */
export function typeText(line: LineState, input: string): LineState | null {
  let current = line;
  for (const ch of input) {
    if (BACKSPACE.has(ch)) current = deleteBefore(current);
    else if (ch === CTRL_U) current = killBefore(current);
    else if (ch === CTRL_W) current = killWordBefore(current);
    else if (ch === CTRL_A) current = { text: current.text, cursor: 0 };
    else if (ch === CTRL_E) current = lineOf(current.text);
    else if (ch >= ' ') {
      const chars = [...current.text];
      chars.splice(current.cursor, 0, ch);
      current = { text: chars.join(''), cursor: current.cursor + 1 };
    }
  }
  return current.text === line.text && current.cursor === line.cursor ? null : current;
}

function deleteBefore(line: LineState): LineState {
  if (line.cursor === 0) return line;
  const chars = [...line.text];
  chars.splice(line.cursor - 1, 1);
  return { text: chars.join(''), cursor: line.cursor - 1 };
}

function killBefore(line: LineState): LineState {
  return { text: [...line.text].slice(line.cursor).join(''), cursor: 0 };
}

function killWordBefore(line: LineState): LineState {
  const chars = [...line.text];
  let start = line.cursor;
  while (start > 0 && chars[start - 1] === ' ') start--;
  while (start > 0 && chars[start - 1] !== ' ') start--;
  return { text: [...chars.slice(0, start), ...chars.slice(line.cursor)].join(''), cursor: start };
}
