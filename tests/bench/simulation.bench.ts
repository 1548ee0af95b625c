/**
 * Simulation benchmark (SPEC §6, issue 14 items 2 and 3): the whole `staffsim run` of the reference workload of the
 * shared bench folder (../shared/bench/README.md beside the repository: 12 days × 24 h at 3600 cases/hour ≈ 1,036,800
 * calls, M/M/33+M, one replication), written as the scenario tests/bench/fixtures/reference-workload.yaml, against the
 * hand-written loop ../shared/bench/callcentre_loop.mjs; then 8 replications of it on 1 and on 2 workers.
 *
 *   npm run build && node --import tsx tests/bench/simulation.bench.ts [rounds]
 *
 * Prints, as figures with their targets (nothing is asserted: the machine is shared and noisy):
 * - CPU time of the whole `staffsim run` process over the loop's whole process, alternating, median of the
 *   round-by-round ratios (target ≤ 1.3×), and its peak resident memory (target < 100 MB);
 * - the speed-up of 2 workers over 1 on 8 replications (wall time; target ≥ 1.7× on 2 free cores);
 * and, for context, a sanity line (the simulated SL, abandonment and ASA beside the loop's and the exact Erlang A
 * values) and the engine alone (tests/bench/fixtures/run-engine.mjs: the worker bundle on the same model).
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { referenceWorkloadInput } from './fixtures/reference-workload.js';
import { alternate, figure, median, pairedRatio, printFigure, repoRoot, type Figure } from './measure.js';

const SCENARIO = 'tests/bench/fixtures/reference-workload.yaml';
/** The same workload as a SimulationInput, for the engine without the command line. */
const INPUT_FILE = 'tests/bench/fixtures/reference-input.json';
/** The yardstick, beside the repository. */
const LOOP_FILE = join(repoRoot, '..', 'shared', 'bench', 'callcentre_loop.mjs');

const NODE = process.execPath;
/** The yardstick: the hand-written M/M/c+M loop, 1,036,800 calls, seed 1. */
const LOOP_COMMAND: readonly string[] = [NODE, LOOP_FILE, '1036800', '1'];
/** The engine as a user runs it: the built command line, one replication, one worker, JSON output. */
const RUN_COMMAND: readonly string[] = [NODE, 'bin/staffsim.js', 'run', SCENARIO, '--json', '--workers', '1'];
/** The same workload as a two-group network (a first line that transfers 20 % to a second line), SPEC §7. */
const NETWORK_COMMAND: readonly string[] = [NODE, 'bin/staffsim.js', 'run', 'tests/bench/fixtures/reference-network.yaml', '--json', '--workers', '1'];
/** The engine alone: the worker bundle on the same model. */
const ENGINE_COMMAND: readonly string[] = [NODE, 'tests/bench/fixtures/run-engine.mjs', INPUT_FILE];

/** Exact steady-state values of the reference queue (Erlang A), from the shared bench README. */
const ERLANG_A = { serviceLevel: 0.977205, abandonedShare: 0.017984, asaSeconds: 2.1105 } as const;

/** Warns when dist/ is missing or older than the sources: the benchmarks time the build. */
export function warnIfStale(): void {
  const built = join(repoRoot, 'dist', 'cli', 'main.js');
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` first');
  for (const source of ['src/cli/main.ts', 'src/cli/commands/run.ts', 'src/core/sim/run-replication.ts', 'src/runner/simulate.ts']) {
    if (statSync(built).mtimeMs < statSync(join(repoRoot, source)).mtimeMs) {
      console.warn(`warning: dist/ is older than ${source} — rebuild with \`npm run build\``);
      return;
    }
  }
}

interface Totals {
  serviceLevel: { mean: number };
  abandonedShare: { mean: number };
  asaSeconds: { mean: number };
  attempts: { mean: number };
}

/** The totals of the one variant of a `staffsim run --json` document. */
function runTotals(stdout: string): Totals {
  const json = JSON.parse(stdout) as { variants: { totals: Totals }[] };
  return (json.variants[0] as { totals: Totals }).totals;
}

function sanity(runStdout: string, loopStdout: string): void {
  const totals = runTotals(runStdout);
  const loopSays = /SL=([\d.]+) abandon=([\d.]+) ASA=([\d.]+)/.exec(loopStdout);
  const cell = (value: number | string, digits: number): string => (typeof value === 'number' ? value.toFixed(digits) : value).padStart(9);
  console.log(`  sanity        ${'SL(20 s)'.padStart(9)} ${'abandon'.padStart(9)} ${'ASA (s)'.padStart(9)}`);
  console.log(`    Erlang A    ${cell(ERLANG_A.serviceLevel, 6)} ${cell(ERLANG_A.abandonedShare, 6)} ${cell(ERLANG_A.asaSeconds, 4)}   exact, steady state`);
  if (loopSays !== null) console.log(`    loop        ${cell(loopSays[1] as string, 6)} ${cell(loopSays[2] as string, 6)} ${cell(loopSays[3] as string, 4)}   1,036,800 calls`);
  console.log(
    `    staffsim    ${cell(totals.serviceLevel.mean, 6)} ${cell(totals.abandonedShare.mean, 6)} ${cell(totals.asaSeconds.mean, 4)}   ${totals.attempts.mean.toLocaleString('en-US')} calls (sd of one run ≈ 0.0007 SL, 0.0004 abandon)`,
  );
}

export async function main(rounds = 5): Promise<Figure[]> {
  warnIfStale();
  writeFileSync(join(repoRoot, INPUT_FILE), `${JSON.stringify(referenceWorkloadInput())}\n`);
  console.log(`staffsim simulation: the reference workload, ${rounds} alternating rounds, ${cpus().length} cores, node ${process.version}, load average ${loadavg()[0]?.toFixed(2)}`);
  const figures: Figure[] = [];

  if (existsSync(LOOP_FILE)) {
    console.log(`  loop:   node ${relative(repoRoot, LOOP_FILE)} 1036800 1`);
    console.log(`  engine: staffsim run ${SCENARIO} --json --workers 1`);
    const [loop = [], run = [], engine = [], network = []] = alternate([LOOP_COMMAND, RUN_COMMAND, ENGINE_COMMAND, NETWORK_COMMAND], rounds, { memory: true });
    sanity(run[0]?.stdout ?? '{}', loop[0]?.stdout ?? '');
    const loopCpu = loop.map((r) => r.cpuSeconds);
    const runCpu = run.map((r) => r.cpuSeconds);
    const engineCpu = engine.map((r) => r.cpuSeconds);
    console.log(
      `  median CPU: loop ${median(loopCpu).toFixed(3)} s, staffsim run ${median(runCpu).toFixed(3)} s, ` +
        `the engine alone ${median(engineCpu).toFixed(3)} s (${pairedRatio(engineCpu, loopCpu).toFixed(2)}× the loop)`,
    );
    const ratio = pairedRatio(runCpu, loopCpu);
    figures.push(figure('staffsim run of the reference workload / the loop (CPU)', ratio, `${ratio.toFixed(2)}×`, { atMost: 1.3, label: '≤ 1.3×' }));
    // Issue 10: a two-group network of the same size costs at most 1.5× the one-group run per attempt (transfers are
    // attempts too: every call offered to a group), whole process against whole process.
    const attemptsOf = (stdout: string | undefined): number => runTotals(stdout ?? '{}').attempts.mean;
    const oneAttempts = attemptsOf(run[0]?.stdout);
    const networkAttempts = attemptsOf(network[0]?.stdout);
    const perAttempt = pairedRatio(
      network.map((r) => r.cpuSeconds / networkAttempts),
      runCpu.map((cpu) => cpu / oneAttempts),
    );
    console.log(
      `  two-group network: ${networkAttempts.toLocaleString('en-US')} attempts (one group: ${oneAttempts.toLocaleString('en-US')}), ` +
        `median CPU ${median(network.map((r) => r.cpuSeconds)).toFixed(3)} s`,
    );
    figures.push(figure('two-group network / one group, CPU per attempt', perAttempt, `${perAttempt.toFixed(2)}×`, { atMost: 1.5, label: '≤ 1.5×' }));
    const rss = run.map((r) => r.maxRssKb).filter((kb): kb is number => kb !== null);
    if (rss.length > 0) {
      const peakMb = Math.max(...rss) / 1024;
      console.log(`  peak memory: staffsim run ${peakMb.toFixed(1)} MB, the loop ${(Math.max(...loop.map((r) => r.maxRssKb ?? 0)) / 1024).toFixed(1)} MB`);
      figures.push(figure(`staffsim run of the reference workload: peak memory`, peakMb, `${peakMb.toFixed(0)} MB`, { atMost: 100, label: '< 100 MB' }));
    } else {
      console.log('  peak memory: not measured (GNU time, /usr/bin/time, is not installed)');
    }
  } else {
    console.log(`  run vs loop: skipped (${relative(repoRoot, LOOP_FILE)} is not beside the repository)`);
  }

  // Parallel replications: 8 replications on 1 and on 2 workers, through the command line.
  const parallel = (workers: number): string[] => [NODE, 'bin/staffsim.js', 'run', SCENARIO, '--json', '--replications', '8', '--workers', String(workers)];
  const before = loadavg()[0] ?? 0;
  const [one = [], two = []] = alternate([parallel(1), parallel(2)], Math.max(2, Math.ceil(rounds / 2)));
  const speedUp = pairedRatio(
    one.map((r) => r.wallSeconds),
    two.map((r) => r.wallSeconds),
  );
  console.log(
    `  8 replications: 1 worker ${median(one.map((r) => r.wallSeconds)).toFixed(2)} s (CPU ${median(one.map((r) => r.cpuSeconds)).toFixed(2)} s), ` +
      `2 workers ${median(two.map((r) => r.wallSeconds)).toFixed(2)} s (CPU ${median(two.map((r) => r.cpuSeconds)).toFixed(2)} s); ` +
      `load average ${before.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after (other processes slow both sides and cap the speed-up)`,
  );
  figures.push(figure('2 workers / 1 worker, 8 replications (speed-up, wall)', speedUp, `${speedUp.toFixed(2)}×`, { atLeast: 1.7, label: '≥ 1.7×' }));
  figures.forEach(printFigure);
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv[2] === undefined ? 5 : Number(process.argv[2]));
}
