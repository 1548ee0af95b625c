/**
 * Benchmark of the analytic queueing core (SPEC §6). Run: `node --import tsx tests/bench/queueing.bench.ts`.
 *
 * Prints, with the targets beside them (no assertions):
 * - the time of one evaluateQueue at 100 000 agents, Erlang C and Erlang A (median of batch means, µs);
 * - the time to solve the staffing of a 672-interval week (7 days × 96 quarter-hours) with Erlang A.
 */
import { pathToFileURL } from 'node:url';
import type { ServiceLevelRule } from '../../src/core/model/contact-centre-model.js';
import { evaluateQueue, type QueueInput } from '../../src/core/queueing/queue-metrics.js';
import { solveStaffing, type StaffingTargets } from '../../src/core/queueing/staffing-solver.js';

const RULE: ServiceLevelRule = { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median over `batches` of the mean time per call within a batch of `batchSize` calls, in milliseconds. */
function timePerCallMs(run: () => unknown, batches: number, batchSize: number): number {
  for (let i = 0; i < batchSize * 5; i += 1) run(); // warm up the JIT
  const means: number[] = [];
  for (let b = 0; b < batches; b += 1) {
    const start = performance.now();
    for (let i = 0; i < batchSize; i += 1) run();
    means.push((performance.now() - start) / batchSize);
  }
  return median(means);
}

/** Calls per hour over a 24-hour day in quarter-hours: low at night, peaks around 10:00 and 14:00. */
function intradayCallsPerHour(quarter: number): number {
  const hour = (quarter + 0.5) / 4;
  const morning = Math.exp(-((hour - 10) ** 2) / (2 * 1.6 ** 2));
  const afternoon = 0.8 * Math.exp(-((hour - 14) ** 2) / (2 * 2 ** 2));
  return 40 + 1800 * (morning + afternoon);
}
const DAY_FACTORS = [1.25, 1.05, 1.0, 0.95, 0.9, 0.5, 0.35]; // Monday … Sunday

export interface QueueingBenchResult {
  readonly erlangCMicroseconds: number;
  readonly erlangAMicroseconds: number;
  readonly weekSolveMilliseconds: number;
  readonly weekIntervals: number;
  readonly weekAgentHours: number;
}

export async function main(): Promise<QueueingBenchResult> {
  const big = (meanPatienceSeconds: number | null): QueueInput => ({
    arrivalsPerSecond: 99_000 / 240,
    meanHandleSeconds: 240,
    agents: 100_000,
    meanPatienceSeconds,
    serviceLevel: RULE,
  });
  const erlangCMs = timePerCallMs(() => evaluateQueue(big(null)), 200, 20);
  const erlangAMs = timePerCallMs(() => evaluateQueue(big(120)), 200, 20);
  const erlangAOverMs = timePerCallMs(() => evaluateQueue({ ...big(120), arrivalsPerSecond: 101_000 / 240 }), 200, 20);

  const targets: StaffingTargets = { minServiceLevel: 0.8, maxAbandonShare: 0.05, maxOccupancy: 0.85, maxAsaSeconds: null };
  const week: number[] = [];
  for (let day = 0; day < 7; day += 1) {
    for (let quarter = 0; quarter < 96; quarter += 1) week.push(((DAY_FACTORS[day] as number) * intradayCallsPerHour(quarter)) / 3600);
  }
  let agentQuarters = 0;
  const solveWeek = (): void => {
    agentQuarters = 0;
    for (const arrivalsPerSecond of week) {
      const solution = solveStaffing({ arrivalsPerSecond, meanHandleSeconds: 240, meanPatienceSeconds: 120, serviceLevel: RULE, targets });
      if (!solution.feasible) throw new Error(solution.reason);
      agentQuarters += solution.agents;
    }
  };
  const weekMs = timePerCallMs(solveWeek, 15, 1);

  const result: QueueingBenchResult = {
    erlangCMicroseconds: erlangCMs * 1000,
    erlangAMicroseconds: erlangAMs * 1000,
    weekSolveMilliseconds: weekMs,
    weekIntervals: week.length,
    weekAgentHours: agentQuarters / 4,
  };
  const line = (label: string, value: string, target: string): string => `${label.padEnd(74)} ${value.padStart(12)}   target ${target}`;
  console.log('staffsim queueing benchmark (median of batch means)');
  console.log(line('evaluateQueue, Erlang C, 100 000 agents, A = 99 000 E', `${result.erlangCMicroseconds.toFixed(1)} µs`, '< 1000 µs'));
  console.log(line('evaluateQueue, Erlang A, 100 000 agents, A = 99 000 E', `${result.erlangAMicroseconds.toFixed(1)} µs`, '< 1000 µs'));
  console.log(line('evaluateQueue, Erlang A, 100 000 agents, A = 101 000 E', `${(erlangAOverMs * 1000).toFixed(1)} µs`, '< 1000 µs'));
  console.log(
    line(
      `solveStaffing, ${week.length}-interval week (Erlang A, 80/20, ab ≤ 5 %, occ ≤ 0.85)`,
      `${result.weekSolveMilliseconds.toFixed(2)} ms`,
      '< 50 ms',
    ),
  );
  console.log(`  (week staffing: ${result.weekAgentHours.toFixed(0)} on-phone agent hours; peak ${Math.max(...week.map((r) => r * 3600)).toFixed(0)} calls/h)`);
  return result;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  await main();
}
