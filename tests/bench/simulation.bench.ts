/**
 * Simulation speed benchmark (SPEC §6): `staffsim run` against the hand-written loop of the shared bench folder, on
 * the reference workload (/work/shared/bench/README.md: 12 days × 24 h at 3600 cases/hour ≈ 1,036,800 calls,
 * M/M/33+M, one replication), written as the scenario tests/bench/fixtures/reference-workload.yaml.
 *
 *   npm run build && node --import tsx tests/bench/simulation.bench.ts [rounds]
 *
 * Both programs run as child processes, alternating, for several rounds; the medians of their wall times and their
 * ratio (target ≤ 2.0) are printed, with the engine's peak resident memory (target < 150 MB), and a sanity line: the
 * simulated SL, abandonment and ASA beside the loop's and the exact Erlang A values. For context it also times the
 * command line's start-up alone and the engine without the command line (tests/bench/fixtures/run-engine.mjs on the
 * same model). Then `staffsim run` runs 8 replications with 1 and with 2 workers (speed-up; target close to 2 on 2
 * cores). Nothing is asserted: the machine is shared and noisy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { referenceWorkloadInput } from './fixtures/reference-workload.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const SCENARIO = 'tests/bench/fixtures/reference-workload.yaml';
/** The same workload as a SimulationInput, for the engine without the command line. */
const INPUT_FILE = 'tests/bench/fixtures/reference-input.json';

/** The yardstick: the hand-written M/M/c+M loop, 1,036,800 calls, seed 1. */
const LOOP_COMMAND: readonly string[] = ['node', '/work/shared/bench/callcentre_loop.mjs', '1036800', '1'];
/** The engine as a user runs it: the built command line, one replication, one worker, JSON output. */
const ENGINE_COMMAND: readonly string[] = ['node', 'bin/staffsim.js', 'run', SCENARIO, '--json', '--workers', '1'];
/** The command line's own start-up: a run of a few calls. */
const STARTUP_COMMAND: readonly string[] = ['node', 'bin/staffsim.js', 'run', 'tests/fixtures/run/small.yaml', '--json', '--workers', '1', '--replications', '1'];
/** The engine alone (no yargs, no scenario loading): dist/runner/simulate.js on the same model. */
const BARE_ENGINE_COMMAND: readonly string[] = ['node', 'tests/bench/fixtures/run-engine.mjs', INPUT_FILE, '--workers', '1'];

/** Exact steady-state values of the reference queue (Erlang A), from the shared bench README. */
const ERLANG_A = { serviceLevel: 0.977205, abandonedShare: 0.017984, asaSeconds: 2.1105 } as const;

const TIME = '/usr/bin/time';

interface Measurement {
  seconds: number;
  maxRssKb: number | null;
  stdout: string;
}

function measure(command: readonly string[]): Measurement {
  const useTime = existsSync(TIME);
  const [program, ...args] = useTime ? [TIME, '-v', ...command] : command;
  const started = process.hrtime.bigint();
  const child = spawnSync(program as string, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`${command.join(' ')} failed (${child.status}):\n${child.stderr}`);
  const fromTime = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr);
  const fromChild = /maxRSS_KB=(\d+)/.exec(child.stderr);
  const rss = fromTime?.[1] ?? fromChild?.[1];
  return { seconds, maxRssKb: rss === undefined ? null : Number(rss), stdout: child.stdout };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function warnIfStale(): void {
  const built = join(repoRoot, 'dist', 'cli', 'commands', 'run.js');
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` first');
  for (const source of ['src/cli/commands/run.ts', 'src/core/sim/run-replication.ts', 'src/runner/simulate.ts']) {
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

export async function main(rounds = 5): Promise<void> {
  warnIfStale();
  writeFileSync(join(repoRoot, INPUT_FILE), `${JSON.stringify(referenceWorkloadInput())}\n`);
  console.log(`reference workload, ${rounds} alternating rounds, ${cpus().length} cores, node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}`);
  console.log(`  loop:   ${LOOP_COMMAND.join(' ')}`);
  console.log(`  engine: ${ENGINE_COMMAND.join(' ')}`);

  const loopTimes: number[] = [];
  const engineTimes: number[] = [];
  const startupTimes: number[] = [];
  const bareTimes: number[] = [];
  const engineRss: number[] = [];
  const loopRss: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const loop = measure(LOOP_COMMAND);
    const engine = measure(ENGINE_COMMAND);
    startupTimes.push(measure(STARTUP_COMMAND).seconds);
    bareTimes.push(measure(BARE_ENGINE_COMMAND).seconds);
    loopTimes.push(loop.seconds);
    engineTimes.push(engine.seconds);
    if (engine.maxRssKb !== null) engineRss.push(engine.maxRssKb);
    if (loop.maxRssKb !== null) loopRss.push(loop.maxRssKb);
    if (round === 0) {
      const totals = runTotals(engine.stdout);
      const loopSays = /SL=([\d.]+) abandon=([\d.]+) ASA=([\d.]+)/.exec(loop.stdout);
      const cell = (value: number | string, digits: number): string => (typeof value === 'number' ? value.toFixed(digits) : value).padStart(9);
      console.log(`  sanity        ${'SL(20 s)'.padStart(9)} ${'abandon'.padStart(9)} ${'ASA (s)'.padStart(9)}`);
      console.log(`    Erlang A    ${cell(ERLANG_A.serviceLevel, 6)} ${cell(ERLANG_A.abandonedShare, 6)} ${cell(ERLANG_A.asaSeconds, 4)}   exact, steady state`);
      if (loopSays !== null) console.log(`    loop        ${cell(loopSays[1] as string, 6)} ${cell(loopSays[2] as string, 6)} ${cell(loopSays[3] as string, 4)}   1,036,800 calls`);
      console.log(
        `    staffsim    ${cell(totals.serviceLevel.mean, 6)} ${cell(totals.abandonedShare.mean, 6)} ${cell(totals.asaSeconds.mean, 4)}   ${totals.attempts.mean.toLocaleString('en-US')} calls (sd of one run ≈ 0.0007 SL, 0.0004 abandon)`,
      );
    }
    console.log(`  round ${round + 1}: loop ${loop.seconds.toFixed(3)} s, staffsim run ${engine.seconds.toFixed(3)} s`);
  }
  const loopMedian = median(loopTimes);
  const engineMedian = median(engineTimes);
  console.log(`median wall time: loop ${loopMedian.toFixed(3)} s, staffsim run ${engineMedian.toFixed(3)} s`);
  console.log(`ratio staffsim run / loop: ${(engineMedian / loopMedian).toFixed(2)} (target ≤ 2.0)`);
  if (engineRss.length > 0) {
    console.log(`peak RSS: staffsim run ${(Math.max(...engineRss) / 1024).toFixed(1)} MB (target < 150 MB), loop ${(Math.max(...loopRss) / 1024).toFixed(1)} MB`);
  }
  const bareMedian = median(bareTimes);
  console.log(
    `context: command-line start-up (a run of a few calls) ${median(startupTimes).toFixed(3)} s; the engine without the command line ${bareMedian.toFixed(3)} s (ratio ${(bareMedian / loopMedian).toFixed(2)})`,
  );

  // Parallel replications: 8 replications of the reference workload on 1 and on 2 workers, through the command line.
  const parallelTimes: Record<1 | 2, number[]> = { 1: [], 2: [] };
  for (let round = 0; round < 2; round++) {
    for (const workers of [1, 2] as const) {
      const command = ['node', 'bin/staffsim.js', 'run', SCENARIO, '--json', '--replications', '8', '--workers', String(workers)];
      parallelTimes[workers].push(measure(command).seconds);
    }
  }
  const one = median(parallelTimes[1]);
  const two = median(parallelTimes[2]);
  console.log(`8 replications (staffsim run --replications 8): 1 worker ${one.toFixed(2)} s, 2 workers ${two.toFixed(2)} s, speed-up ${(one / two).toFixed(2)}×`);
  console.log(`load average now ${loadavg()[0]!.toFixed(2)} (other processes on the machine slow both sides and cap the speed-up)`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv[2] === undefined ? 5 : Number(process.argv[2]));
}
