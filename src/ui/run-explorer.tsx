/**
 * Runs the explorer on a terminal until the user quits, and says how it ended. The one place in `src/ui` that
 * touches the process: it renders with Ink (raw mode, Ctrl-C handled by the explorer itself), turns SIGINT and
 * SIGTERM into an interrupt and an uncaught error into a crash, and always unmounts, which restores the terminal.
 */
import { render } from 'ink';
import type { Instance } from 'ink';
import type { LoadedScenario } from '../scenario/load.js';
import { App } from './App.js';
import type { ExplorerServices } from './services.js';

export interface RunExplorerOptions {
  readonly path: string;
  readonly scenario: LoadedScenario;
  readonly services: ExplorerServices;
  readonly staffsimVersion: string;
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  /** The shipped scenarios' folder, offered by `o` besides the open file's folder. */
  readonly libraryFolder?: string;
  /**
   * Route stray console output around the frame (Ink's default).
   * @default true (tests under vitest, whose console cannot be patched, pass false)
   */
  readonly patchConsole?: boolean;
}

/** How the explorer ended: 0 quit, 130 interrupted, 70 crashed (with the error). */
export type ExplorerOutcome = { readonly code: 0 | 130 } | { readonly code: 70; readonly error: unknown };

export async function runExplorer(options: RunExplorerOptions): Promise<ExplorerOutcome> {
  let outcome = { code: 0 } as ExplorerOutcome;
  let instance: Instance | undefined;
  let finishing = false;
  const finish = (code: number, error?: unknown): void => {
    if (finishing) return;
    finishing = true;
    outcome = code === 70 ? { code: 70, error } : { code: code === 130 ? 130 : 0 };
    // Leave the handler that asked first; then erase the screen (a crash keeps its message) and unmount.
    setImmediate(() => {
      if (code !== 70) instance?.clear();
      instance?.unmount();
    });
  };
  const onSignal = (): void => finish(130);
  const onUncaught = (error: unknown): void => finish(70, error);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  // Raw mode from the first frame on: a key (even Ctrl-C) pressed before the screen subscribes to stdin waits in
  // the input queue for it, instead of being echoed or sent as SIGINT to the whole process group.
  const rawTerminal = options.stdin.isTTY === true && typeof options.stdin.setRawMode === 'function';
  if (rawTerminal) options.stdin.setRawMode(true);
  try {
    instance = render(
      <App
        path={options.path}
        scenario={options.scenario}
        services={options.services}
        staffsimVersion={options.staffsimVersion}
        onExit={finish}
        {...(options.libraryFolder === undefined ? {} : { libraryFolder: options.libraryFolder })}
        workingFolder={process.cwd()}
      />,
      { stdin: options.stdin, stdout: options.stdout, stderr: options.stderr, exitOnCtrlC: false, maxFps: 30, patchConsole: options.patchConsole ?? true },
    );
    await instance.waitUntilExit();
  } catch (error) {
    if (outcome.code !== 70) outcome = { code: 70, error };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    instance?.cleanup();
    if (rawTerminal) options.stdin.setRawMode(false);
  }
  return outcome;
}
