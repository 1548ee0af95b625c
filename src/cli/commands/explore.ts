import { dirname, isAbsolute, relative } from 'node:path';
import type { Argv } from 'yargs';
import { InputError, InterruptedError } from '../../core/errors.js';
import type { CliIo } from '../io.js';
import { staffsimVersion } from '../version.js';

/** The scenario `staffsim` and `staffsim explore` open by default: the shipped municipal one (from the package, not the cwd). */
import { DEFAULT_SCENARIO } from '../terminal.js';
import { COMMAND_LINES } from './catalogue.js';

/** A path as short as it can be said from the current folder. */
function shown(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path;
  const fromHere = relative(cwd, path);
  return fromHere !== '' && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : path;
}

export function registerExploreCommand(cli: Argv, io: CliIo): Argv {
  return cli.command(
    COMMAND_LINES.explore.command,
    COMMAND_LINES.explore.describe,
    (y) =>
      y
        .positional('scenario', { type: 'string', describe: 'Scenario file (default: the shipped municipal contact centre)' })
        .example('$0 explore scenarios/municipal-contact-centre.yaml', 'Explore the three ways of running a municipal contact centre')
        .example('$0', 'The same, on a terminal')
        .epilogue(
          'Keys: ↑↓ select a parameter · ←→ change it (shift: larger steps) · Enter type a value · Tab switch variant · g switch agent group · ' +
            'r simulate · s sweep · e export · w save · o open · ? help · q quit.\n' +
            'Needs an interactive terminal; elsewhere use `staffsim compare` or `staffsim run`.\n' +
            'Exit codes: 0 quit · 2 no terminal, or a bad scenario · 70 internal error · 130 interrupted (Ctrl-C).',
        ),
    async (args) => {
      const path = shown(typeof args.scenario === 'string' && args.scenario !== '' ? args.scenario : DEFAULT_SCENARIO, io.cwd);
      if (!io.stdinIsTTY || io.stdout.isTTY !== true) {
        const which = !io.stdinIsTTY ? 'stdin' : 'stdout';
        throw new InputError([
          {
            path: '',
            code: 'not_a_terminal',
            message: `explore needs an interactive terminal (${which} is not one); use 'staffsim compare ${path}' or 'staffsim run ${path}' instead`,
          },
        ]);
      }
      // A bad scenario is reported like any command's, before the terminal is taken over. (Loaded here, not at the
      // top: main.ts imports this module for `canExplore` whatever the command.)
      const { readScenarioFile } = await import('../../scenario/load.js');
      const scenario = readScenarioFile(path);
      // Ink shows only its last frame when it believes it runs in CI (it reads CI once, when loaded). This is a
      // terminal the user asked to explore on, so Ink is loaded without that belief.
      delete process.env['CI'];
      delete process.env['CONTINUOUS_INTEGRATION'];
      const [{ runExplorer }, { nodeServices }] = await Promise.all([import('../../ui/run-explorer.js'), import('../../ui/node-services.js')]);
      const outcome = await runExplorer({
        path,
        scenario,
        services: nodeServices(),
        staffsimVersion: staffsimVersion(),
        libraryFolder: shown(dirname(DEFAULT_SCENARIO), io.cwd),
        stdin: process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
      });
      if (outcome.code === 130) throw new InterruptedError();
      if (outcome.code === 70) {
        // Whatever it was, a crash of the explorer is an internal error (exit 70), not bad input.
        const error = outcome.error;
        const crash = new Error(error instanceof Error ? error.message : String(error), { cause: error });
        if (error instanceof Error && error.stack !== undefined) crash.stack = error.stack;
        throw crash;
      }
    },
  );
}
