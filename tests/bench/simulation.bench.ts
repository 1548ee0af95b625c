/**
 * Simulation speed benchmark (SPEC §6): the engine against the hand-written loop of the shared bench folder, on the
 * reference workload (12 days × 24 h at 3600 cases/hour ≈ 1,036,800 calls, M/M/33+M, one replication).
 *
 *   npx tsc -p tsconfig.json && node --import tsx tests/bench/simulation.bench.ts [rounds]
 *
 * Both programs run as child processes, alternating, for several rounds; the medians of their wall times and their
 * ratio (target ≤ 2.0) are printed, with the engine's peak resident memory (target < 150 MB). Then the engine runs
 * 8 replications with 1 and with 2 workers (speed-up; target close to 2 on 2 cores). Nothing is asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { referenceWorkloadInput } from './fixtures/reference-workload.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const INPUT_FILE = 'tests/bench/fixtures/reference-input.json';

/** The yardstick: the hand-written M/M/c+M loop, 1,036,800 calls, seed 1. */
const LOOP_COMMAND: readonly string[] = ['node', '/work/shared/bench/callcentre_loop.mjs', '1036800', '1'];
/**
 * The engine on the same workload, from dist/, one replication, one worker, JSON output.
 * To be replaced by ['node', 'bin/staffsim.js', 'run', '<scenario>', '--json', '--workers', '1'].
 */
const ENGINE_COMMAND: readonly string[] = ['node', 'tests/bench/fixtures/run-engine.mjs', INPUT_FILE, '--workers', '1'];

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
  const built = join(repoRoot, 'dist', 'core', 'sim', 'run-replication.js');
  const source = join(repoRoot, 'src', 'core', 'sim', 'run-replication.ts');
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` first');
  if (statSync(built).mtimeMs < statSync(source).mtimeMs) console.warn('warning: dist/ is older than src/ — rebuild with `npx tsc -p tsconfig.json`');
}

export async function main(rounds = 5): Promise<void> {
  warnIfStale();
  writeFileSync(join(repoRoot, INPUT_FILE), `${JSON.stringify(referenceWorkloadInput())}\n`);
  console.log(`reference workload, ${rounds} alternating rounds, ${cpus().length} cores, node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}`);
  console.log(`  loop:   ${LOOP_COMMAND.join(' ')}`);
  console.log(`  engine: ${ENGINE_COMMAND.join(' ')}`);

  const loopTimes: number[] = [];
  const engineTimes: number[] = [];
  const engineRss: number[] = [];
  const loopRss: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const loop = measure(LOOP_COMMAND);
    const engine = measure(ENGINE_COMMAND);
    loopTimes.push(loop.seconds);
    engineTimes.push(engine.seconds);
    if (engine.maxRssKb !== null) engineRss.push(engine.maxRssKb);
    if (loop.maxRssKb !== null) loopRss.push(loop.maxRssKb);
    if (round === 0) {
      const totals = JSON.parse(engine.stdout).totals;
      console.log(`  loop says:   ${loop.stdout.trim().split('\n').at(-1)}`);
      console.log(
        `  engine says: SL=${totals.serviceLevel.mean.toFixed(6)} abandon=${totals.abandonedShare.mean.toFixed(6)} ASA=${totals.asaSeconds.mean.toFixed(4)} attempts=${totals.attempts.mean}`,
      );
    }
    console.log(`  round ${round + 1}: loop ${loop.seconds.toFixed(3)} s, engine ${engine.seconds.toFixed(3)} s`);
  }
  const loopMedian = median(loopTimes);
  const engineMedian = median(engineTimes);
  console.log(`median wall time: loop ${loopMedian.toFixed(3)} s, engine ${engineMedian.toFixed(3)} s`);
  console.log(`ratio engine / loop: ${(engineMedian / loopMedian).toFixed(2)} (target ≤ 2.0)`);
  if (engineRss.length > 0) {
    console.log(`peak RSS: engine ${(Math.max(...engineRss) / 1024).toFixed(1)} MB (target < 150 MB), loop ${(Math.max(...loopRss) / 1024).toFixed(1)} MB`);
  }

  // Parallel replications: 8 replications of the reference workload on 1 and on 2 workers.
  const parallelTimes: Record<1 | 2, number[]> = { 1: [], 2: [] };
  for (let round = 0; round < 2; round++) {
    for (const workers of [1, 2] as const) {
      const command = ['node', 'tests/bench/fixtures/run-engine.mjs', INPUT_FILE, '--replications', '8', '--workers', String(workers)];
      parallelTimes[workers].push(measure(command).seconds);
    }
  }
  const one = median(parallelTimes[1]);
  const two = median(parallelTimes[2]);
  console.log(`8 replications: 1 worker ${one.toFixed(2)} s, 2 workers ${two.toFixed(2)} s, speed-up ${(one / two).toFixed(2)}×`);
  console.log(`load average now ${loadavg()[0]!.toFixed(2)} (other processes on the machine slow both sides and cap the speed-up)`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv[2] === undefined ? 5 : Number(process.argv[2]));
}
