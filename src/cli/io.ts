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
  readonly isTTY?: boolean;
  readonly columns?: number;
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
