import { terminalText } from '../core/printable.js';

/** The streams a command talks to; tests pass fakes, the binary passes the process's own. */
export interface CliIo {
  /** Data: tables, JSON documents. */
  readonly stdout: OutputStream;
  /** Messages, warnings, errors and progress. */
  readonly stderr: OutputStream;
  /** Whether stdin is an interactive terminal. */
  readonly stdinIsTTY: boolean;
  /** Environment variables (NO_COLOR, CI, GITHUB_ACTIONS, STAFFSIM_SEED…). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Current directory, for resolving relative paths in messages. */
  readonly cwd: string;
}

export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * The same streams with every control character that staffsim does not write itself (anything but tab, line feed and
 * carriage return: ESC, C1 controls, bidirectional overrides…) escaped on the way out, so that no text from a file can
 * send an escape sequence to a terminal or a CI log. User text that must stay on one line (names, keys, paths) is made
 * `printable` where it is put into a line; this is the net under everything else.
 * @example safeIo(io).stderr.write('\u001b[2J') // writes the six characters \u001b[2J
 */
export function safeIo(io: CliIo): CliIo {
  const wrap = (stream: OutputStream): OutputStream => ({
    write: (text: string) => stream.write(terminalText(text)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  });
  return { ...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr) };
}

/**
 * Writes one-line notes to stderr, prefixed `staffsim: note:` (how a flag was read, and the like).
 * @example noteWriter(io)('--target-sl 80 read as 80% (0.8)') // stderr: "staffsim: note: --target-sl 80 read as 80% (0.8)"
 */
export function noteWriter(io: CliIo): (text: string) => void {
  return (text) => io.stderr.write(`staffsim: note: ${text}\n`);
}
