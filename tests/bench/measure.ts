/**
 * Whole-process measurements for the benchmarks: CPU time (user + system), wall time and peak resident memory of a
 * child process, as the operating system accounts them, and the figures the benchmarks print.
 *
 * bash's `time` gives the CPU and wall times to the millisecond (getrusage of the waited-for process). Peak memory
 * comes from GNU time (`/usr/bin/time`, Debian package `time`) when asked for and installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface ProcessUsage {
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  /** Peak resident memory of the process, kB; null when not asked for or GNU time is not installed. */
  readonly maxRssKb: number | null;
  readonly stdout: string;
}

const GNU_TIME = '/usr/bin/time';

function shellWord(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`;
}

/**
 * Runs `command` (no shell of its own) to its end and returns what it cost.
 *
 * @param options.memory also measure the peak resident memory (through GNU time, which adds about a millisecond)
 * @throws Error when it exits with a non-zero code, or when bash is not there
 */
export function measureProcess(command: readonly string[], options: { cwd?: string; memory?: boolean } = {}): ProcessUsage {
  const folder = mkdtempSync(join(tmpdir(), 'staffsim-bench-'));
  const times = join(folder, 'times');
  const memory = join(folder, 'memory');
  const withMemory = options.memory === true && existsSync(GNU_TIME);
  const words = withMemory ? [GNU_TIME, '-o', memory, '-f', '%M', ...command] : command;
  // bash's `time` writes to the group's stderr (the file `times`); the command's own stderr goes to fd 4 (ours).
  const script = `TIMEFORMAT='%3U %3S %3R'; { time ${words.map(shellWord).join(' ')} 2>&4 ; } 4>&2 2>${shellWord(times)}`;
  try {
    const child = spawnSync('bash', ['-c', script], { cwd: options.cwd ?? repoRoot, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (child.error !== undefined) throw new Error(`cannot measure ${command.join(' ')}: ${child.error.message} (bash is needed)`);
    if (child.status !== 0) throw new Error(`${command.join(' ')} failed (exit ${String(child.status)}):\n${child.stderr}`);
    const [user = Number.NaN, system = Number.NaN, wall = Number.NaN] = readFileSync(times, 'utf8').trim().split(/\s+/).map(Number);
    const rss = withMemory ? Number(readFileSync(memory, 'utf8').trim()) : null;
    return { cpuSeconds: user + system, wallSeconds: wall, maxRssKb: rss, stdout: child.stdout };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Runs the commands in turn, round after round (A B C, A B C, …), so that a change in the machine's speed during the
 * run touches every command alike; returns each command's measurements in round order.
 */
export function alternate(commands: readonly (readonly string[])[], rounds: number, options: { cwd?: string; memory?: boolean } = {}): ProcessUsage[][] {
  const runs = commands.map((): ProcessUsage[] => []);
  for (let round = 0; round < rounds; round++) {
    commands.forEach((command, index) => runs[index]?.push(measureProcess(command, options)));
  }
  return runs;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The median of the round-by-round ratios a[i] / b[i]. */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, index) => value / (b[index] as number)));
}

/** One figure of issue 14 with its target, for the summary of `npm run bench`. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  /** How the value is printed, e.g. `${value.toFixed(2)}×`. */
  readonly text: string;
  /** The target as printed, e.g. '≤ 2.5×'. */
  readonly target: string;
  readonly met: boolean;
}

export function figure(name: string, value: number, text: string, target: { atMost?: number; atLeast?: number; label: string }): Figure {
  const met = (target.atMost === undefined || value <= target.atMost) && (target.atLeast === undefined || value >= target.atLeast);
  return { name, value, text, target: target.label, met };
}

export function printFigure(f: Figure): void {
  console.log(`  ${f.name.padEnd(66)} ${f.text.padStart(10)}   target ${f.target.padEnd(9)} ${f.met ? 'met' : 'NOT MET'}`);
}
