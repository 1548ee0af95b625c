import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { runReplication, type ReplicationResult } from '../core/sim/run-replication.js';
import { checkSimulationInput, type SimulationInput } from '../core/sim/simulation-input.js';
import { summariseReplications, type SimulationSummary } from '../core/sim/summarise.js';
import { runReplicationTasks, throwIfAborted } from './worker-pool.js';

export interface SimulateOptions {
  /** Number of replications (≥ 1). */
  replications: number;
  /** Worker threads (≥ 1). 1 runs in this thread, without a pool; the CLI defaults to the number of cores. */
  workers: number;
  /** Aborting rejects the promise with an Error named 'AbortError' and stops the workers. */
  signal?: AbortSignal;
  /** Called after each finished replication, in completion order. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs `replications` replications of a simulation and summarises them (mean and 95 % CI per metric).
 *
 * Replication r always uses substream r of every random source and results are collected by replication index, so the
 * summary is byte-identical (JSON.stringify) for any number of workers and on every run.
 *
 * With `workers` = 1 the replications run in this thread, one after another (cheap start-up); the event loop gets a
 * turn between replications, which is when an abort takes effect. With more workers they run on the process's worker
 * pool (src/runner/worker-pool.ts), at most min(workers, replications) at a time; an abort ends the running ones at
 * once.
 *
 * @throws RangeError for a bad replication or worker count; an Error named 'AbortError' when aborted
 */
export async function simulate(input: SimulationInput, options: SimulateOptions): Promise<SimulationSummary> {
  return summariseReplications(await simulateReplications(input, options), input.model);
}

/**
 * Like `simulate`, but returns every replication's own result, in replication order — for comparisons that pair
 * replication r of one variant with replication r of another (common random numbers).
 */
export async function simulateReplications(input: SimulationInput, options: SimulateOptions): Promise<ReplicationResult[]> {
  const { replications, workers, signal, onProgress } = options;
  if (!Number.isInteger(replications) || replications < 1) throw new RangeError(`replications must be an integer ≥ 1 (got ${replications})`);
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer ≥ 1 (got ${workers})`);
  const problems = checkSimulationInput(input);
  if (problems.length > 0) throw new RangeError(`invalid simulation input:\n${problems.join('\n')}`);
  throwIfAborted(signal);

  const results: ReplicationResult[] = new Array<ReplicationResult>(replications);
  const threads = Math.min(workers, replications);
  if (threads === 1) {
    for (let r = 0; r < replications; r++) {
      results[r] = runReplication(input, r);
      onProgress?.(r + 1, replications);
      await yieldToEventLoop();
      throwIfAborted(signal);
    }
  } else {
    let done = 0;
    const tasks = Array.from({ length: replications }, (_, replication) => ({ input, replication }));
    await runReplicationTasks(tasks, {
      threads,
      signal,
      onResult: (replication, result) => {
        results[replication] = result;
        onProgress?.(++done, replications);
      },
    });
  }
  return results;
}

/** The number of workers to use by default: the cores available to this process. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}
