/**
 * `staffsim check <files or folders…>`: regression checks for CI. Every scenario found is simulated (variants in
 * parallel on the runner's worker threads) and judged by its `expect:` assertions and, with `--baseline`, by a stored
 * baseline; the result is a table (or `--json`), optionally JUnit XML, and GitHub Actions annotations.
 *
 * Exit codes: 0 everything holds; 1 an assertion or a baseline comparison failed; 2 bad input (a flag, a broken
 * scenario file or baseline; the other files are still checked); 3 a staffing target is infeasible; 130 interrupted.
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Argv } from 'yargs';
import { estimateForExpectation, evaluateAssertion, expandExpectations } from '../../core/check/assertions.js';
import { buildBaseline, compareWithBaseline, DEFAULT_TOLERANCE, parseBaseline, type BaselineVariantOutcome, type SimulatedTotals } from '../../core/check/baseline.js';
import type { CheckError, CheckRun, ScenarioBaseline, ScenarioCheck, VariantRun } from '../../core/check/check-report.js';
import { checkCases, checkExitCode, countRun, describeChange } from '../../core/check/check-report.js';
import { formatValue } from '../../core/check/format-value.js';
import { formatInputIssue, InfeasibleError, InputError, type InputIssue } from '../../core/errors.js';
import { printable, terminalText } from '../../core/printable.js';
import { resolveSimulationInput } from '../../core/plan/simulation-plan.js';
import type { ReplicationResult } from '../../core/sim/run-replication.js';
import { checkSimulationInput, type SimulationInput } from '../../core/sim/simulation-input.js';
import { summariseReplications, type SimulationSummary } from '../../core/sim/summarise.js';
import { toJson } from '../../export/json.js';
import { toJunitXml } from '../../export/junit.js';
import { writeFileAtomic } from '../../export/write-file.js';
import { renderTable } from '../../report/format.js';
import { parseScenarioText, readScenarioFile, type LoadedScenario } from '../../scenario/load.js';
import { SCENARIO_LIMITS } from '../../scenario/limits.js';
import { readInputFile } from '../../scenario/read-input-file.js';
import { parseSource } from '../../scenario/source.js';
import { withValuesInEveryVariant, type EveryVariantValue } from '../../scenario/variant-override.js';
import { defaultWorkerCount, simulate } from '../../runner/simulate.js';
import { runReplicationTasks } from '../../runner/worker-pool.js';
import type { CliIo } from '../io.js';
import { flagText, fractionFlag, optionalNumberFlag } from '../number-flags.js';
import { checkOutputFlag } from '../output.js';
import { progressBar } from '../progress.js';
import { parseSetFlags, SET_OPTION } from '../set-values.js';
import { seedFromFlag } from '../seed.js';
import { UsageError } from '../usage-error.js';
import { staffsimVersion } from '../version.js';
import { withInterrupt, withSimulationSettings } from './run.js';
import { COMMAND_LINES } from './catalogue.js';

/** `--quick`: at most this many replications per variant. */
export const QUICK_REPLICATIONS = 5;

const SCENARIO_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Folders never searched for scenarios (baselines live in `baselines/` by convention). */
const SKIPPED_FOLDERS = new Set(['baselines', 'node_modules']);

/** Top-level keys that only a scenario has. */
const SCENARIO_SECTIONS = ['calendar', 'demand', 'handling', 'customers', 'staffing', 'serviceLevel', 'costs', 'simulation', 'expect'];

export function registerCheckCommand(cli: Argv, io: CliIo, setExitCode: (code: number) => void): Argv {
  return cli.command(
    COMMAND_LINES.check.command,
    COMMAND_LINES.check.describe,
    (y) =>
      y
        .positional('paths', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'Scenario files, or folders searched recursively for .yaml/.yml/.json scenarios (skipping baselines/ folders and files that are not scenarios)',
        })
        .option('baseline', { type: 'string', describe: 'Compare every metric with the baselines in this folder (one JSON per scenario file, named after it: a.yaml → DIR/a.json)' })
        .option('update-baseline', { type: 'boolean', default: false, describe: 'Write the baselines of this run into the --baseline folder instead of comparing' })
        .option('require-baseline', { type: 'boolean', default: false, describe: 'Fail a variant that has no baseline (default: report it as skipped)' })
        .option('tolerance', {
          type: 'string',
          describe: `Relative change a metric may make before a significant change fails, e.g. 0.05 or 5% (default ${DEFAULT_TOLERANCE})`,
        })
        .option('quick', { type: 'boolean', default: false, describe: `At most ${QUICK_REPLICATIONS} replications per variant (a smoke test; intervals get wider)` })
        .option('workers', {
          type: 'string',
          describe: 'Worker threads, an integer ≥ 1 (default: the number of cores for a large check, 1 for a small one; results are the same either way)',
        })
        .option('seed', { type: 'string', describe: "Base seed for every scenario (default: each scenario's simulation.seed; STAFFSIM_SEED is ignored)" })
        // nargs: 1 lets `--junit -` take the `-` (yargs otherwise drops a lone dash).
        .option('junit', { type: 'string', nargs: 1, describe: 'Also write a JUnit XML report to this file, creating its folder (- for stdout instead of the table)' })
        .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document instead of the table' })
        .option('set', { ...SET_OPTION, describe: `${SET_OPTION.describe}. Applies to every scenario checked; the report says the run was modified` })
        .example('$0 check scenarios/', 'Every scenario under scenarios/ (its expect: sections)')
        .example('$0 check scenarios/ --baseline scenarios/baselines --junit reports/staffsim.xml', 'In CI: assertions, baselines and a JUnit report')
        .example('$0 check scenarios/ --baseline scenarios/baselines --update-baseline', 'Accept the current results as the new baselines')
        .example('$0 check scenarios/ --quick', 'A fast smoke test')
        .example('$0 check scenarios/ --set costs.agentHour=480', 'Do the assertions still hold with dearer agent hours?')
        .epilogue(
          'Exit codes: 0 all checks hold · 1 an assertion or baseline failed · 2 bad input (the other files are still checked) · 3 infeasible target · 130 interrupted.\n' +
            'With GITHUB_ACTIONS=true, failures are also written as ::error annotations (on stderr) pointing at the scenario file and line.',
        ),
    async (args) => {
      const options = readOptions(args);
      const code = await runCheck(options, io);
      if (code !== 0) setExitCode(code);
    },
  );
}

/** The command line, checked. */
export interface CheckOptions {
  readonly paths: readonly string[];
  readonly baselineDir: string | null;
  readonly updateBaseline: boolean;
  readonly requireBaseline: boolean;
  readonly tolerance: number;
  readonly quick: boolean;
  /** `--workers`; null for automatic (see `autoThreads`). */
  readonly workers: number | null;
  readonly seed: number | null;
  /** A file, `-` for stdout, or null. */
  readonly junit: string | null;
  readonly json: boolean;
  /** `--set` values, set in every variant of every scenario. */
  readonly setValues: readonly EveryVariantValue[];
}

function readOptions(args: Record<string, unknown>): CheckOptions {
  const paths = (Array.isArray(args['paths']) ? args['paths'] : [args['paths']]).map((path) => String(path)).filter((path) => path !== '');
  if (paths.includes('-')) throw new UsageError('check: scenarios are read from files or folders, not from stdin (-)');
  if (paths.length === 0) throw new UsageError('check: give at least one scenario file or folder');
  const workers = optionalNumberFlag('workers', args['workers'], { min: 1, integer: true });
  const seed = seedFromFlag(args['seed']);
  const tolerance = toleranceFlag(args['tolerance']);
  const baselineDir = flagText('baseline', args['baseline']);
  const junit = flagText('junit', args['junit']);
  const updateBaseline = args['updateBaseline'] === true;
  const requireBaseline = args['requireBaseline'] === true;
  const json = args['json'] === true;
  if (updateBaseline && baselineDir === null) throw new UsageError('--update-baseline: give the folder to write to with --baseline DIR');
  if (requireBaseline && baselineDir === null) throw new UsageError('--require-baseline: give the baseline folder with --baseline DIR');
  if (updateBaseline && requireBaseline) throw new UsageError('--require-baseline compares with baselines and --update-baseline rewrites them; give one of them');
  if (tolerance !== null && baselineDir === null) throw new UsageError('--tolerance applies to baseline comparisons; give --baseline DIR');
  if (json && junit === '-') throw new UsageError('--json and --junit - both write to stdout; write the JUnit report to a file');
  const setValues = parseSetFlags(args['set']);
  if (updateBaseline && setValues.length > 0) throw new UsageError('--update-baseline writes the baselines of the files as they are; leave out --set');
  if (baselineDir !== null && !updateBaseline && !isFolder(baselineDir)) {
    throw new UsageError(`--baseline: no folder ${baselineDir} (create the baselines with --update-baseline)`);
  }
  return { paths, baselineDir, updateBaseline, requireBaseline, tolerance: tolerance ?? DEFAULT_TOLERANCE, quick: args['quick'] === true, workers, seed, junit, json, setValues };
}

/** `--tolerance 0.05` or `--tolerance 5%`: a relative change ≥ 0 (not a share: 5 is 500%). */
function toleranceFlag(value: unknown): number | null {
  return flagText('tolerance', value) === null ? null : fractionFlag('tolerance', value, { share: false, min: 0 });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Finding scenario files
// ---------------------------------------------------------------------------------------------------------------------

/** A file to check. */
interface Candidate {
  /** The path to read and to show (the folder given, joined with the path inside it). */
  readonly file: string;
  /** The scenario's path relative to the folder it was found in (its base name when given as a file), with `/`. */
  readonly relativeFile: string;
  /** Given on the command line (always a scenario) rather than found in a folder (checked to be one first). */
  readonly explicit: boolean;
  /** The folder argument it was found under, or null. */
  readonly folder: string | null;
}

/**
 * True when a parsed document found in a folder is a scenario: a mapping with a scenario section at its top level
 * (calendar, demand, handling, customers, staffing, serviceLevel, costs, simulation, expect), or with `variants`
 * that set such sections. Baselines, `run --json` output, CI configuration and other YAML or JSON files are not.
 * @example isScenarioDocument({ name: 'x', calender: {}, demand: {} }) // true: a misspelt scenario is still reported
 */
export function isScenarioDocument(document: unknown): boolean {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return false;
  const record = document as Record<string, unknown>;
  if (SCENARIO_SECTIONS.some((key) => key in record)) return true;
  const variants = record['variants'];
  if (typeof variants !== 'object' || variants === null || Array.isArray(variants)) return false;
  return Object.values(variants).some(
    (block) => typeof block === 'object' && block !== null && !Array.isArray(block) && SCENARIO_SECTIONS.some((key) => key in block),
  );
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * The files under the given paths, in order (each folder sorted by name, recursively). Folders named `baselines` or
 * `node_modules`, hidden folders and `skip` (the baseline folder) are not searched. A path that does not exist is a
 * problem; the same file reached twice is checked once.
 */
function findCandidates(paths: readonly string[], skip: string | null): { candidates: Candidate[]; problems: InputIssue[] } {
  const candidates: Candidate[] = [];
  const problems: InputIssue[] = [];
  const seen = new Set<string>();
  const skipped = skip === null ? null : resolve(skip);
  const add = (candidate: Candidate): void => {
    const key = resolve(candidate.file);
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push(candidate);
  };
  const walk = (root: string, folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: folder, path: '', code: 'unreadable', message: `cannot read this folder (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      return;
    }
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name) || resolve(path) === skipped) continue;
        walk(root, path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && SCENARIO_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !entry.name.startsWith('.')) {
        add({ file: path, relativeFile: toPosix(relative(root, path)), explicit: false, folder: root });
      }
    }
  };
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      problems.push({ file: path, path: '', code: 'file_not_found', message: 'no such file or folder' });
      continue;
    }
    if (stats.isDirectory()) walk(path, path);
    else add({ file: path, relativeFile: toPosix(relative(dirname(path), path)), explicit: true, folder: null });
  }
  return { candidates, problems };
}

/** A candidate read: a scenario, not a scenario (skipped), or broken (its issues). */
function loadCandidate(
  candidate: Candidate,
  setValues: readonly EveryVariantValue[],
): { kind: 'scenario'; scenario: LoadedScenario } | { kind: 'skip' } | { kind: 'broken'; issues: readonly InputIssue[] } {
  try {
    if (candidate.explicit) return { kind: 'scenario', scenario: withValuesInEveryVariant(readScenarioFile(candidate.file), setValues) };
    const format = extname(candidate.file).toLowerCase() === '.json' ? 'json' : 'yaml';
    const text = readInputFile(candidate.file, SCENARIO_LIMITS.fileBytes);
    const parsed = parseSource(text, format);
    // A file that does not even parse is reported: in a scenario folder it is most likely a broken scenario.
    if (!parsed.ok) return { kind: 'broken', issues: parsed.issues.map((issue) => ({ file: candidate.file, ...issue })) };
    if (!isScenarioDocument(parsed.source.document)) return { kind: 'skip' };
    return { kind: 'scenario', scenario: withValuesInEveryVariant(parseScenarioText(text, { file: candidate.file, format }), setValues) };
  } catch (error) {
    if (error instanceof InputError) return { kind: 'broken', issues: error.issues };
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') return { kind: 'broken', issues: [{ file: candidate.file, path: '', code: 'unreadable', message: `cannot read this file (${code})` }] };
    throw error;
  }
}

/** Where the baseline of a scenario is: `<dir>/<path relative to the folder searched, without extension>.json`. */
function baselinePathOf(dir: string, relativeFile: string): string {
  const extension = extname(relativeFile);
  return join(dir, `${extension === '' ? relativeFile : relativeFile.slice(0, -extension.length)}.json`);
}

// ---------------------------------------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------------------------------------

interface Job {
  readonly scenario: number;
  readonly variant: string;
  readonly input: SimulationInput;
  readonly replications: number;
}

interface JobResult {
  readonly summary: SimulationSummary;
  /** Time spent simulating this variant, summed over the threads that ran its replications. */
  readonly seconds: number;
}

interface Prepared {
  readonly candidate: Candidate;
  readonly scenario: LoadedScenario | null;
  readonly loadSeconds: number;
  readonly errors: CheckError[];
}

/**
 * Runs a check and reports it: table or JSON on stdout, JUnit to a file, annotations and problems on stderr.
 * @returns the exit code (0, 1, 2 or 3)
 */
export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  const startedMs = performance.now();
  const timestamp = `${new Date().toISOString().slice(0, 19)}Z`;
  const version = staffsimVersion();
  // Checked first, so that a path that cannot be written is reported before minutes of simulation. The report itself
  // is written at the end, in one go: no temporary file lives through the run.
  const junitPath = options.junit !== null && options.junit !== '-' ? options.junit : null;
  if (junitPath !== null) prepareReport(junitPath);
  if (options.updateBaseline && options.baselineDir !== null) checkFolderCanBeMade('baseline', options.baselineDir);
  // Interrupts are caught from here on (SIGINT or SIGTERM: exit 130); between the steps of the start-up (reading
  // files, planning variants) the event loop runs, so that a signal stops the check there instead of after it.
  return withInterrupt(async (signal) => {
    const { candidates, problems } = findCandidates(options.paths, options.baselineDir);
    const prepared: Prepared[] = [];
    const unattached: ScenarioCheck[] = problems.map((issue) => errorOnly(issue.file ?? '', [issue]));
    for (const candidate of candidates) {
      await stepDone(signal);
      const loadStart = performance.now();
      const loaded = loadCandidate(candidate, options.setValues);
      if (loaded.kind === 'skip') continue;
      const errors: CheckError[] = loaded.kind === 'broken' ? loaded.issues.map((issue) => ({ kind: 'input', variant: null, issue })) : [];
      prepared.push({ candidate, scenario: loaded.kind === 'scenario' ? loaded.scenario : null, loadSeconds: (performance.now() - loadStart) / 1000, errors });
    }
    for (const path of options.paths) {
      if (isFolder(path) && !prepared.some((entry) => entry.candidate.folder === path)) {
        unattached.push(
          errorOnly(path, [{ file: path, path: '', code: 'no_scenarios', message: 'no scenario files here (.yaml, .yml or .json with calendar, demand, staffing … sections)' }]),
        );
      }
    }
    if (options.baselineDir !== null) checkBaselineNames(prepared, options.baselineDir);
    for (const entry of [...unattached, ...prepared]) {
      for (const error of entry.errors) io.stderr.write(`staffsim: ${formatInputIssue(error.issue)}\n`);
    }

    // Every variant of every scenario, planned (a target staffing is solved here) and queued for simulation.
    const jobs: Job[] = [];
    for (const [index, entry] of prepared.entries()) {
      if (entry.scenario === null) continue;
      for (const variant of entry.scenario.variants) {
        await stepDone(signal);
        const replications = options.quick ? Math.min(QUICK_REPLICATIONS, variant.model.simulation.replications) : null;
        try {
          const model = withSimulationSettings(variant.model, replications, options.seed);
          jobs.push({ scenario: index, variant: variant.name, input: await resolveSimulationInput(model), replications: model.simulation.replications });
        } catch (error) {
          const kind = error instanceof InfeasibleError ? 'infeasible' : error instanceof InputError ? 'input' : null;
          if (kind === null) throw error;
          const issues: readonly InputIssue[] =
            error instanceof InputError ? error.issues : [{ file: entry.candidate.file, path: `variants.${variant.name}`, code: 'infeasible', message: (error as Error).message }];
          for (const issue of issues) {
            const located = { ...issue, file: issue.file ?? entry.candidate.file };
            entry.errors.push({ kind, variant: variant.name, issue: located });
            io.stderr.write(`staffsim: ${kind === 'infeasible' ? 'infeasible: ' : ''}${formatInputIssue(located)}\n`);
          }
        }
      }
    }

    await stepDone(signal);
    const results = await simulateAll(jobs, options, io, signal);

    const scenarios: ScenarioCheck[] = [...unattached];
    prepared.forEach((entry, index) => {
      const own = jobs.map((job, j) => ({ job, result: results[j] as JobResult })).filter(({ job }) => job.scenario === index);
      scenarios.push(judgeScenario(entry, own, options, version, io));
    });
    const run: CheckRun = {
      staffsimVersion: version,
      timestamp,
      seconds: (performance.now() - startedMs) / 1000,
      quick: options.quick,
      quickReplications: QUICK_REPLICATIONS,
      seed: options.seed,
      tolerance: options.tolerance,
      baselineDir: options.baselineDir,
      requireBaseline: options.requireBaseline,
      overrides: options.setValues.map((value) => value.label),
      scenarios,
    };
    const code = checkExitCode(run);

    if (options.json) io.stdout.write(toJson(checkJson(run, code)));
    else if (options.junit === '-') io.stdout.write(toJunitXml(run));
    else io.stdout.write(checkText(run));
    if (junitPath !== null) {
      writeFileAtomic(junitPath, toJunitXml(run));
      io.stderr.write(`staffsim: wrote ${printable(junitPath)}\n`);
    }
    if (io.env['GITHUB_ACTIONS'] === 'true') {
      for (const line of githubAnnotations(run, io.cwd, io.env['GITHUB_WORKSPACE'])) io.stderr.write(`${line}\n`);
    }
    return code;
  });
}

/** Lets the event loop run (so that a pending SIGINT or SIGTERM is handled), then stops if one came. */
async function stepDone(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  signal.throwIfAborted();
}

/** The `--junit` file, checked before any work; its folder is created (CI jobs start without `reports/`). */
function prepareReport(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new UsageError(`--junit: cannot create the folder of ${path} (${describeFolderError(error)})`);
  }
  checkOutputFlag('junit', path);
}

/**
 * Checks, before any work, that `--<flag> dir` can be created (or is a folder that can be written): its nearest
 * existing ancestor must be a folder this user may write into.
 * @throws InputError (exit 2) with the reason
 */
function checkFolderCanBeMade(flag: string, dir: string): void {
  let existing = resolve(dir);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const problem = !isFolder(existing) ? `${existing} is not a folder` : !canWriteInto(existing) ? `${existing}: permission denied` : null;
  if (problem !== null) {
    throw new InputError([{ path: '', code: 'cannot_write', message: `--${flag}: cannot create or write the folder ${dir} (${problem})` }]);
  }
}

function canWriteInto(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function describeFolderError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way';
  if (code === 'EROFS') return 'read-only file system';
  return code ?? String(error);
}

function errorOnly(file: string, issues: readonly InputIssue[]): ScenarioCheck & { errors: CheckError[] } {
  return { file, name: null, seconds: 0, variants: [], assertions: [], baseline: null, errors: issues.map((issue) => ({ kind: 'input', variant: null, issue })) };
}

/** Two scenario files that would share one baseline file are bad input when baselines are used. */
function checkBaselineNames(prepared: readonly Prepared[], dir: string): void {
  const owners = new Map<string, string>();
  const issues: InputIssue[] = [];
  for (const { candidate } of prepared) {
    const path = baselinePathOf(dir, candidate.relativeFile);
    const other = owners.get(path);
    if (other === undefined) owners.set(path, candidate.file);
    else {
      issues.push({
        file: candidate.file,
        path: '',
        code: 'baseline_clash',
        message: `shares the baseline ${path} with ${other}; check them in separate runs, or give their common folder instead of the files`,
      });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

/**
 * Simulates every job with one progress bar over all replications. With one worker the runner's `simulate` runs them
 * in this thread, one variant after another; with more, one pool of `--workers` threads (at most one per replication)
 * runs the replications of all variants, kept busy across variants and scenarios.
 */
async function simulateAll(jobs: readonly Job[], options: CheckOptions, io: CliIo, signal: AbortSignal): Promise<JobResult[]> {
  if (jobs.length === 0) return [];
  const total = jobs.reduce((sum, job) => sum + job.replications, 0);
  const scenarioCount = new Set(jobs.map((job) => job.scenario)).size;
  const progress = progressBar(
    io.stderr,
    `checking ${jobs.length} variant${jobs.length === 1 ? '' : 's'} of ${scenarioCount} scenario${scenarioCount === 1 ? '' : 's'}`,
    !options.json && options.junit !== '-',
  );
  let finished = 0;
  const threads = Math.min(options.workers ?? autoThreads(jobs), total);
  try {
    if (threads > 1) {
      return await simulateOnPool(jobs, threads, signal, () => {
        finished++;
        progress.update(finished, total);
      });
    }
    const results: JobResult[] = [];
    for (const job of jobs) {
      const startMs = performance.now();
      const summary = await simulate(job.input, {
        replications: job.replications,
        workers: 1,
        signal,
        onProgress: (done) => progress.update(finished + done, total),
      });
      finished += job.replications;
      results.push({ summary, seconds: (performance.now() - startMs) / 1000 });
    }
    return results;
  } finally {
    progress.done();
  }
}

/** A first contact costs a few microseconds of simulation (1–10 µs measured on the shipped scenarios, once warm). */
const ESTIMATED_SECONDS_PER_CASE = 3e-6;

/**
 * Below this much estimated single-thread work, worker threads cost more than they save: each needs ≈ 0.3 s to start
 * and warm up the engine (measured: the shipped scenarios, ≈ 1 s of work, check in 1.9 s on one thread and 3.3–4.7 s
 * on two).
 */
const POOL_THRESHOLD_SECONDS = 2;

/**
 * Threads for a check without `--workers`: one (this thread) for a small check, else one per core. The results do
 * not depend on it.
 */
function autoThreads(jobs: readonly Job[]): number {
  const cases = jobs.reduce((sum, job) => sum + job.replications * job.input.model.demand.casesPerInterval.flat().reduce((a, b) => a + b, 0), 0);
  return cases * ESTIMATED_SECONDS_PER_CASE < POOL_THRESHOLD_SECONDS ? 1 : defaultWorkerCount();
}

/**
 * Runs the replications of every job on the process's worker pool, at most `threads` at a time (so that a replication
 * starts when it is sent, and its time can be measured here), and summarises each job in replication order — the same
 * summary as `simulate` gives. The first failure, or `signal`, cancels the rest.
 */
async function simulateOnPool(jobs: readonly Job[], threads: number, signal: AbortSignal, onReplication: () => void): Promise<JobResult[]> {
  for (const job of jobs) {
    const problems = checkSimulationInput(job.input);
    if (problems.length > 0) throw new RangeError(`invalid simulation input:\n${problems.join('\n')}`);
  }
  const owners = jobs.flatMap((job, index) => Array.from({ length: job.replications }, (_, replication) => ({ index, replication })));
  const results = jobs.map((job) => new Array<ReplicationResult>(job.replications));
  const busyMs = new Array<number>(jobs.length).fill(0);
  await runReplicationTasks(
    owners.map(({ index, replication }) => ({ input: (jobs[index] as Job).input, replication })),
    {
      threads,
      signal,
      onResult: (task, result, milliseconds) => {
        const { index, replication } = owners[task] as { index: number; replication: number };
        (results[index] as ReplicationResult[])[replication] = result;
        busyMs[index] = (busyMs[index] as number) + milliseconds;
        onReplication();
      },
    },
  );
  return jobs.map((job, index) => ({ summary: summariseReplications(results[index] as ReplicationResult[], job.input.model), seconds: (busyMs[index] as number) / 1000 }));
}

/** Assertions and baselines of one scenario file, from its simulated variants. */
function judgeScenario(entry: Prepared, own: readonly { job: Job; result: JobResult }[], options: CheckOptions, version: string, io: CliIo): ScenarioCheck {
  const { candidate, scenario } = entry;
  const errors = [...entry.errors];
  const simulatedSeconds = own.reduce((sum, { result }) => sum + result.seconds, 0);
  const base = { file: candidate.file, name: scenario?.name ?? null, seconds: entry.loadSeconds + simulatedSeconds };
  if (scenario === null) return { ...base, variants: [], assertions: [], baseline: null, errors };

  const variants: VariantRun[] = own.map(({ job, result }) => ({
    name: job.variant,
    replications: result.summary.replications,
    seed: result.summary.seed,
    seconds: result.seconds,
  }));
  const summaryOf = new Map(own.map(({ job, result }) => [job.variant, result.summary]));
  const assertions = expandExpectations(
    scenario.expect,
    variants.map((variant) => variant.name),
  ).map((assertion) => evaluateAssertion(assertion, estimateForExpectation(summaryOf.get(assertion.variant) as SimulationSummary, assertion.metric)));

  let baseline: ScenarioBaseline | null = null;
  if (options.baselineDir !== null) {
    const path = baselinePathOf(options.baselineDir, candidate.relativeFile);
    const simulated = own.map(({ job, result }) => ({ name: job.variant, replications: result.summary.replications, seed: result.summary.seed, totals: result.summary.totals }));
    if (options.updateBaseline) {
      if (errors.length > 0) io.stderr.write(`staffsim: ${printable(candidate.file)}: baseline not written (the problems above keep some variants from running)\n`);
      else {
        const text = toJson(buildBaseline({ scenario: scenario.name, file: candidate.relativeFile, staffsimVersion: version, variants: simulated }));
        const written = readTextOrNull(path) !== text;
        try {
          if (written) {
            makeFolder(dirname(path));
            writeFileAtomic(path, text);
            io.stderr.write(`staffsim: wrote ${printable(path)}\n`);
          }
          baseline = { mode: 'update', file: path, written };
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          for (const issue of error.issues) {
            const located = { ...issue, file: issue.file ?? path };
            errors.push({ kind: 'input', variant: null, issue: located });
            io.stderr.write(`staffsim: ${formatInputIssue(located)}\n`);
          }
        }
      }
    } else {
      const compared = compareScenarioBaseline(path, simulated, options.tolerance);
      baseline = compared.baseline;
      for (const issue of compared.issues) {
        errors.push({ kind: 'input', variant: null, issue });
        io.stderr.write(`staffsim: ${formatInputIssue(issue)}\n`);
      }
    }
  }
  return { ...base, variants, assertions, baseline, errors };
}

/** Creates a folder and the folders above it; a failure is bad input that says why (exit 2), not an internal error. */
function makeFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new InputError([{ file: folder, path: '', code: 'cannot_write', message: `cannot create this folder (${describeFolderError(error)})` }]);
  }
}

function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Compares simulated variants with the baseline file at `path` (missing file or variant: reported, not failed). Every
 * problem of the file is located: a syntax error at its line and column, a bad value at its key.
 */
function compareScenarioBaseline(
  path: string,
  simulated: readonly SimulatedTotals[],
  tolerance: number,
): { baseline: ScenarioBaseline; issues: InputIssue[] } {
  const missing = (reason: string): BaselineVariantOutcome[] => simulated.map((variant) => ({ variant: variant.name, status: 'missing', reason }));
  if (!existsSync(path)) {
    return { baseline: { mode: 'compare', file: path, variants: missing(`no baseline file ${path} (create it with --update-baseline)`), unmatchedVariants: [] }, issues: [] };
  }
  const unusable = (issues: InputIssue[]): { baseline: ScenarioBaseline; issues: InputIssue[] } => ({
    baseline: { mode: 'compare', file: path, variants: [], unmatchedVariants: [] },
    issues,
  });
  let text: string;
  try {
    text = readInputFile(path, SCENARIO_LIMITS.fileBytes);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return unusable(error.issues.map((issue) => ({ ...issue, code: 'bad_baseline', message: `not a staffsim baseline: ${issue.message}; rewrite it with --update-baseline` })));
  }
  const source = parseSource(text, 'json');
  if (!source.ok) {
    return unusable(source.issues.map((issue) => ({ ...issue, file: path, code: 'bad_baseline', message: `not a staffsim baseline: ${issue.message}; rewrite it with --update-baseline` })));
  }
  const parsed = parseBaseline(source.source.document);
  if (!parsed.ok) {
    return unusable(
      parsed.issues.map((issue) => {
        const position = source.source.locate(issue.at, issue.code === 'unknown_key' ? 'key' : undefined);
        return { file: path, ...(position === undefined ? {} : { line: position.line, column: position.column }), path: issue.path, code: issue.code, message: issue.message };
      }),
    );
  }
  const compared = compareWithBaseline(simulated, parsed.baseline, { tolerance, file: path });
  return { baseline: { mode: 'compare', file: path, variants: compared.variants, unmatchedVariants: compared.unmatchedVariants }, issues: [] };
}

// ---------------------------------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------------------------------

const RESULT_WORD = { passed: 'pass', failed: 'FAIL', skipped: 'skip', error: 'ERROR' } as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The run's settings in one line (the table's header). */
function settingsLine(run: CheckRun): string {
  const parts = [
    run.quick
      ? `quick: at most ${run.quickReplications} replications per variant (fewer than the scenarios ask for: wider intervals, a smoke test)`
      : 'replications as each scenario sets them',
    run.seed === null ? "each scenario's seed" : `seed ${run.seed}`,
  ];
  if ((run.overrides ?? []).length > 0) parts.push(`MODIFIED: every variant with --set ${printable((run.overrides ?? []).join(', '))}`);
  if (run.baselineDir !== null) {
    const updating = run.scenarios.some((scenario) => scenario.baseline?.mode === 'update');
    parts.push(updating ? `writing baselines to ${printable(run.baselineDir)}` : `baselines in ${printable(run.baselineDir)} (tolerance ${formatValue(run.tolerance * 100)}%)`);
  }
  return `staffsim check — ${parts.join(' · ')}`;
}

/** The human report: settings, one row per check, the changes behind failed baselines, and a summary line. */
export function checkText(run: CheckRun): string {
  const rows: string[][] = [];
  const changes: string[] = [];
  for (const scenario of run.scenarios) {
    const cases = checkCases(scenario, run);
    for (const entry of cases) rows.push([scenario.file, entry.variant ?? '–', entry.check, entry.value, entry.bound, RESULT_WORD[entry.status]]);
    if (scenario.baseline?.mode === 'update') {
      const variants = plural(scenario.variants.length, 'variant');
      rows.push([scenario.file, '–', 'baseline', scenario.baseline.written ? `${variants}, written` : `${variants}, unchanged`, scenario.baseline.file, scenario.baseline.written ? 'written' : 'kept']);
    } else if (cases.length === 0) {
      rows.push([scenario.file, '–', 'nothing to check (no expect: section, no --baseline)', '', '', '–']);
    }
    if (scenario.baseline?.mode === 'compare') {
      for (const outcome of scenario.baseline.variants) {
        if (outcome.status !== 'compared') continue;
        for (const change of outcome.comparison.changed) changes.push(`  ${printable(scenario.file)}  ${printable(outcome.variant)}: ${describeChange(change)}`);
      }
    }
  }
  const table = renderTable(
    [
      { header: 'scenario', align: 'left' },
      { header: 'variant', align: 'left' },
      { header: 'check', align: 'left' },
      { header: 'value ±95%', align: 'right' },
      { header: 'bound', align: 'left' },
      { header: 'result', align: 'left' },
    ],
    rows,
  );
  const counts = countRun(run);
  const summary =
    `${plural(counts.tests, 'check')}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ${plural(counts.errors, 'error')}` +
    ` · ${plural(counts.scenarios, 'scenario')}, ${plural(counts.variants, 'variant')} · ${run.seconds.toFixed(1)} s`;
  const changed = changes.length === 0 ? '' : `\n\nChanged from the baseline (significant and beyond the tolerance):\n${changes.join('\n')}`;
  return `${settingsLine(run)}\n\n${table}${changed}\n\n${summary}\n`;
}

/** The `--json` document. */
export function checkJson(run: CheckRun, exitCode: number): unknown {
  const counts = countRun(run);
  return {
    staffsimVersion: run.staffsimVersion,
    timestamp: run.timestamp,
    seconds: run.seconds,
    ok: exitCode === 0,
    exitCode,
    quick: run.quick,
    maxReplications: run.quick ? run.quickReplications : null,
    seed: run.seed,
    baselineDir: run.baselineDir,
    tolerance: run.tolerance,
    requireBaseline: run.requireBaseline,
    set: run.overrides ?? [],
    counts,
    scenarios: run.scenarios.map((scenario) => {
      const cases = checkCases(scenario, run);
      const status = cases.some((c) => c.status === 'error') || scenario.errors.length > 0 ? 'error' : cases.some((c) => c.status === 'failed') ? 'failed' : 'passed';
      return {
        file: scenario.file,
        name: scenario.name,
        status,
        seconds: scenario.seconds,
        variants: scenario.variants,
        assertions: scenario.assertions.map(({ assertion, value, passed, message }) => ({
          variant: assertion.variant,
          metric: assertion.metric,
          min: assertion.min ?? null,
          max: assertion.max ?? null,
          confidence: assertion.confidence,
          fromWildcard: assertion.fromWildcard,
          line: assertion.line ?? null,
          column: assertion.column ?? null,
          mean: value.mean,
          ci95: value.ci95,
          passed,
          message,
        })),
        baseline: baselineJson(scenario.baseline, run.requireBaseline),
        errors: scenario.errors.map(({ kind, variant, issue }) => ({
          kind,
          variant,
          file: issue.file ?? scenario.file,
          line: issue.line ?? null,
          column: issue.column ?? null,
          path: issue.path,
          code: issue.code,
          message: issue.message,
        })),
      };
    }),
  };
}

function baselineJson(baseline: ScenarioBaseline | null, requireBaseline: boolean): unknown {
  if (baseline === null) return null;
  if (baseline.mode === 'update') return baseline;
  return {
    mode: baseline.mode,
    file: baseline.file,
    unmatchedVariants: baseline.unmatchedVariants,
    variants: baseline.variants.map((outcome) =>
      outcome.status === 'missing'
        ? { variant: outcome.variant, status: requireBaseline ? 'failed' : 'missing', reason: outcome.reason }
        : {
            variant: outcome.variant,
            status: outcome.comparison.passed ? 'passed' : 'failed',
            tolerance: outcome.comparison.tolerance,
            changed: outcome.comparison.changed.map((change) => change.metric),
            missingMetrics: outcome.comparison.missingMetrics,
            metrics: outcome.comparison.metrics,
          },
    ),
  };
}

/**
 * GitHub's escaping of a workflow command's message: `%`, CR and LF percent-encoded (so no text can end the command
 * or start another), after every other control character is escaped (`terminalText`), so none reaches the log raw.
 */
function escapeData(text: string): string {
  return terminalText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a workflow command's property value. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per failed or erroneous check (`::error`) and per missing baseline
 * (`::warning`, or `::error` with --require-baseline): `::error file=scenarios/a.yaml,line=12,col=5,title=…::message`.
 * Assertions point at their line in the scenario file; baseline failures at the scenario file. Paths are made relative
 * to `workspace` (GITHUB_WORKSPACE, else the current folder) so that GitHub can place them on the diff.
 */
export function githubAnnotations(run: CheckRun, cwd: string, workspace?: string): string[] {
  const root = workspace === undefined || workspace === '' ? cwd : workspace;
  const shown = (file: string): string => {
    const path = relative(root, resolve(cwd, file));
    return toPosix(path.startsWith('..') || isAbsolute(path) ? resolve(cwd, file) : path);
  };
  const lines: string[] = [];
  for (const scenario of run.scenarios) {
    for (const entry of checkCases(scenario, run)) {
      if (entry.status === 'passed') continue;
      const level = entry.status === 'skipped' ? 'warning' : 'error';
      const properties = [`file=${escapeProperty(shown(entry.file ?? scenario.file))}`];
      if (entry.line !== undefined) properties.push(`line=${entry.line}`);
      if (entry.line !== undefined && entry.column !== undefined) properties.push(`col=${entry.column}`);
      properties.push(`title=${escapeProperty(printable(`staffsim check: ${entry.name}`))}`);
      lines.push(`::${level} ${properties.join(',')}::${escapeData(entry.message)}`);
    }
  }
  return lines;
}
