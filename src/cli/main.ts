import yargs from 'yargs';
import type { Argv } from 'yargs';
import { formatInputIssue, InfeasibleError, InputError, InterruptedError } from '../core/errors.js';
import { closeWorkerPool } from '../runner/worker-pool.js';
import { COMMAND_LINES, type CommandName } from './commands/catalogue.js';
import { missingArgumentsMessage } from './missing-arguments.js';
import { canExplore, DEFAULT_SCENARIO } from './terminal.js';
import { processIo, safeIo } from './io.js';
import type { CliIo } from './io.js';
import { unknownArgumentsMessage } from './flag-typos.js';
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
    return reportError(error, io, argv.includes('--debug') || io.env['DEBUG'] !== undefined, commandOf(args));
  } finally {
    // The worker threads of compare, sweep, check, run and the explorer live as long as the command.
    await closeWorkerPool();
  }
}

async function buildCli(argv: string[], io: CliIo, setExitCode: (code: number) => void): Promise<Argv> {
  let cli: Argv = yargs(argv)
    .scriptName('staffsim')
    .usage('staffsim <command> [options]\n\nWhat is good service worth? Exact Erlang B/C/A, discrete-event simulation and the cost of failure demand.')
    .exitProcess(false)
    // yargs' own words (Options, Show help …) in English like the rest, whatever the locale: the build bundles yargs
    // without its translation files.
    .locale('en')
    .strict()
    .recommendCommands()
    .option('debug', { type: 'boolean', default: false, describe: 'Show stack traces of internal errors' })
    .option('color', { type: 'boolean', default: true, describe: 'Colour output (--no-color, or NO_COLOR, turns it off)' })
    .fail((message, error) => {
      if (error !== undefined && error !== null && !(error instanceof UsageError) && error.name !== 'YError') throw error;
      const text = message ?? error?.message ?? 'invalid command line';
      const suggestion = /^Did you mean (\S+)\?$/.exec(text);
      if (suggestion !== null) throw new UsageError(`unknown command "${String(argv[0])}"; did you mean ${suggestion[1]}?`);
      const asked = commandOf(argv);
      const missing = asked === null ? null : missingArgumentsMessage(text, COMMAND_LINES[asked].command);
      throw new UsageError(missing ?? unknownArgumentsMessage(text, argv, optionNames(cli)) ?? text);
    })
    .demandCommand(1, 'Missing command: choose one of the commands above')
    .epilogue(EPILOGUE)
    .version(staffsimVersion())
    .help()
    .alias('help', 'h')
    .wrap(Math.min(110, io.stdout.columns ?? 100));
  skipHelpCache(cli);
  // Only the command asked for is loaded, with its modules. Help, --version and a mistyped command need just the
  // commands' usage lines, so they load no command module.
  const command = COMMANDS.find((c) => c.name === commandOf(argv));
  if (command !== undefined) return (await command.load())(cli, io, setExitCode);
  for (const { name } of COMMANDS) cli = cli.command(COMMAND_LINES[name].command, COMMAND_LINES[name].describe);
  return cli;
}

/**
 * Before it runs a command's handler, yargs renders that command's whole help text and keeps it, for a handler that
 * would show it later; no staffsim handler does, and the rendering (string widths, word wrapping) costs tens of
 * milliseconds of CPU at every run. So the keeping is turned off. The hook is an internal one of yargs: where it is
 * missing, nothing changes but the cost.
 */
function skipHelpCache(cli: Argv): void {
  type Usage = { cacheHelpMessage?: () => void };
  const internal = cli as unknown as { getInternalMethods?: () => { getUsageInstance?: () => Usage } };
  const usage = internal.getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

type Register = (cli: Argv, io: CliIo, setExitCode: (code: number) => void) => Argv;

/** Every command, in the order `--help` lists them, loaded on demand. */
const COMMANDS: readonly { name: CommandName; load: () => Promise<Register> }[] = [
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

/** The options a command line declares (`replications`, `max-occupancy`, …), for suggestions; empty where yargs hides them. */
function optionNames(cli: Argv): string[] {
  const internal = cli as unknown as { getOptions?: () => { key?: Record<string, unknown> } };
  return Object.keys(internal.getOptions?.().key ?? {});
}

/** The command a command line runs, or null (none, or a mistyped one). */
function commandOf(argv: readonly string[]): CommandName | null {
  const asked = argv.find((arg) => !arg.startsWith('-'));
  return COMMANDS.find((c) => c.name === asked)?.name ?? null;
}

function reportError(error: unknown, io: CliIo, debug: boolean, command: CommandName | null): number {
  if (error instanceof UsageError) {
    io.stderr.write(`staffsim: ${error.message}\nRun 'staffsim ${command === null ? '' : `${command} `}--help' for usage.\n`);
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
