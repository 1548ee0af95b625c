/**
 * Error classes shared by every layer. The CLI's single error boundary maps them to exit codes
 * (SPEC §5): InputError → 2, InfeasibleError → 3, InterruptedError → 130, anything else → 70.
 */
import { printable } from './printable.js';

/** One problem in the user's input, located as precisely as the input allows. */
export interface InputIssue {
  /** File the problem is in, when it came from a file. */
  readonly file?: string;
  /** 1-based line and column, when the source text has them. */
  readonly line?: number;
  readonly column?: number;
  /** Dotted path into the document, e.g. `staffing.shifts[1].end`; empty for the whole document or a flag. */
  readonly path: string;
  /** A stable machine-readable code, e.g. `unknown_key`, `too_small`, `close_before_open`. */
  readonly code: string;
  /** What was expected, in words, e.g. `must be > 0 (got -12)`. */
  readonly message: string;
  /** Lines that staffsim adds below the issue (an example to copy), never user text; printed as they are. */
  readonly hint?: string;
}

/** Bad input (a file, a flag): every problem at once. Exit code 2. */
export class InputError extends Error {
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[] | string) {
    const list: readonly InputIssue[] =
      typeof issues === 'string' ? [{ path: '', code: 'invalid_input', message: issues }] : issues;
    super(list.map(formatInputIssue).join('\n'));
    this.name = 'InputError';
    this.issues = list;
  }
}

/** A target that no staffing can meet, or a plan that cannot be covered. Exit code 3. */
export class InfeasibleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfeasibleError';
  }
}

/** The user interrupted (Ctrl-C). Exit code 130. */
export class InterruptedError extends Error {
  constructor(message = 'interrupted') {
    super(message);
    this.name = 'InterruptedError';
  }
}

/**
 * One line for one issue: `file:line:col: path: message` with the parts that are known. Every part is printable
 * (control characters escaped), so that a key, a name or a file name with a line break stays on the one line.
 * @example formatInputIssue({ file: 'a.yaml', line: 4, column: 3, path: 'calendar.close', code: 'x', message: 'must be after open' })
 *   // 'a.yaml:4:3: calendar.close: must be after open'
 */
export function formatInputIssue(issue: InputIssue): string {
  let where = '';
  if (issue.file !== undefined) {
    where = printable(issue.file);
    if (issue.line !== undefined) where += `:${issue.line}`;
    if (issue.line !== undefined && issue.column !== undefined) where += `:${issue.column}`;
    where += ': ';
  }
  const path = issue.path === '' ? '' : `${printable(issue.path)}: `;
  return `${where}${path}${printable(issue.message)}`;
}
