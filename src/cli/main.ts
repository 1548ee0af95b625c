import yargs from 'yargs';
import type { Argv } from 'yargs';
import { formatInputIssue, InfeasibleError, InputError, InterruptedError } from '../core/errors.js';
import { canExplore, DEFAULT_SCENARIO } from './terminal.js';
import { processIo, safeIo } from './io.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';
import { staffsimReportAddress, staffsimVersion } from './version.js';

/** Exit codes of SPEC §5. */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, infeasible: 3, internal: 70, interrupted: 130 } as const;

const EPILOGUE = `Exit codes: 0 ok · 1 check found a failure · 2 bad input or usage · 3 infeasible target · 70 internal error · 130 interrupted.
Scenario format: scenarios/README.md · JSON Schema: staffsim schema`;

/**
 * Runs the command line and returns its exit code. The single error boundary: every error class maps to
 * one exit code, and only internal errors print a request to report them (with the stack under --debug).
 */
export async function main(argv: readonly string[], givenIo: CliIo = processIo()): Promise<number> {
  const io = safeIo(givenIo);
  let exitCode: number = EXIT.ok;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  // No command: the explorer on a terminal, else the help text.
  const args = argv.length === 0 ? (canExplore(io) ? ['explore', DEFAULT_SCENARIO] : ['--help']) : [...argv];
  try {
    let helpOrVersion = '';
    const cli = await buildCli(args, io, setExitCode);
    await cli.parseAsync(args, {}, (_error, _args, output) => {
      if (output) helpOrVersion = output;
    });
    if (helpOrVersion !== '') io.stdout.write(`${helpOrVersion}\n`);
    return exitCode;
  } catch (error) {
    return reportError(error, io, argv.includes('--debug') || io.env['DEBUG'] !== undefined);
  }
}

async function buildCli(argv: string[], io: CliIo, setExitCode: (code: number) => void): Promise<Argv> {
  let cli: Argv = yargs(argv)
    .scriptName('staffsim')
    .usage('staffsim <command> [options]\n\nWhat is good service worth? Exact Erlang B/C/A, discrete-event simulation and the cost of failure demand.')
    .exitProcess(false)
    .strict()
    .recommendCommands()
    .option('debug', { type: 'boolean', default: false, describe: 'Show stack traces of internal errors' })
    .option('color', { type: 'boolean', default: true, describe: 'Colour output (--no-color, or NO_COLOR, turns it off)' })
    .fail((message, error) => {
      if (error !== undefined && error !== null && !(error instanceof UsageError) && error.name !== 'YError') throw error;
      const text = message ?? error?.message ?? 'invalid command line';
      const suggestion = /^Did you mean (\S+)\?$/.exec(text);
      throw new UsageError(suggestion === null ? text : `unknown command "${String(argv[0])}"; did you mean ${suggestion[1]}?`);
    })
    .demandCommand(1, 'Missing command: choose one of the commands above')
    .epilogue(EPILOGUE)
    .version(staffsimVersion())
    .help()
    .alias('help', 'h')
    .wrap(Math.min(110, io.stdout.columns ?? 100));
  // Only the command asked for is loaded (each pulls in its own modules); help and typos need them all.
  const asked = argv.find((arg) => !arg.startsWith('-'));
  const chosen = COMMANDS.filter((command) => asked === undefined || !COMMAND_NAMES.includes(asked) || command.name === asked);
  for (const command of await Promise.all(chosen.map((c) => c.load()))) cli = command(cli, io, setExitCode);
  return cli;
}

type Register = (cli: Argv, io: CliIo, setExitCode: (code: number) => void) => Argv;

/** Every command, in the order `--help` lists them, loaded on demand. */
const COMMANDS: readonly { name: string; load: () => Promise<Register> }[] = [
  { name: 'erlang', load: async () => (await import('./commands/erlang.js')).registerErlangCommand },
  { name: 'plan', load: async () => (await import('./commands/plan.js')).registerPlanCommand },
  { name: 'run', load: async () => (await import('./commands/run.js')).registerRunCommand },
  { name: 'compare', load: async () => (await import('./commands/compare.js')).registerCompareCommand },
  { name: 'sweep', load: async () => (await import('./commands/sweep.js')).registerSweepCommand },
  { name: 'schema', load: async () => (await import('./commands/schema.js')).registerSchemaCommand },
  { name: 'import', load: async () => (await import('./commands/import.js')).registerImportCommand },
  { name: 'sensitivity', load: async () => (await import('./commands/sensitivity.js')).registerSensitivityCommand },
  { name: 'check', load: async () => (await import('./commands/check.js')).registerCheckCommand },
  { name: 'explore', load: async () => (await import('./commands/explore.js')).registerExploreCommand },
];
const COMMAND_NAMES = COMMANDS.map((command) => command.name);

function reportError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof UsageError) {
    io.stderr.write(`staffsim: ${error.message}\nRun 'staffsim --help' for usage.\n`);
    return EXIT.badInput;
  }
  if (error instanceof InputError) {
    for (const issue of error.issues) io.stderr.write(`staffsim: ${formatInputIssue(issue)}\n${issue.hint === undefined ? '' : `${issue.hint}\n`}`);
    return EXIT.badInput;
  }
  if (error instanceof InfeasibleError) {
    io.stderr.write(`staffsim: infeasible: ${error.message}\n`);
    return EXIT.infeasible;
  }
  if (error instanceof InterruptedError) {
    io.stderr.write('staffsim: interrupted\n');
    return EXIT.interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  const address = staffsimReportAddress();
  io.stderr.write(`staffsim: internal error: ${message}\nThis is a bug in staffsim; please report it${address === null ? '' : ` at ${address}`} with the command you ran.\n`);
  if (debug && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}
