import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { runReplication, type ReplicationResult } from '../core/sim/run-replication.js';
import { checkSimulationInput, type SimulationInput } from '../core/sim/simulation-input.js';
import { summariseReplications, type SimulationSummary } from '../core/sim/summarise.js';

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
 * turn between replications, which is when an abort takes effect. With more workers they run on a piscina pool of
 * min(workers, replications) threads; an abort terminates the pool at once.
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
    await runOnPool(input, results, threads, signal, onProgress);
  }
  return results;
}

/** The number of workers to use by default: the cores available to this process. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

async function runOnPool(
  input: SimulationInput,
  results: ReplicationResult[],
  threads: number,
  signal: AbortSignal | undefined,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<void> {
  // Loaded only when a pool is needed: importing piscina costs ≈ 20 ms of start-up that `--workers 1` does not pay.
  const { Piscina } = await import('piscina');
  const worker = workerEntry();
  const pool = new Piscina<number, ReplicationResult>({
    filename: worker.filename,
    ...(worker.execArgv === undefined ? {} : { execArgv: worker.execArgv }),
    workerData: input,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  const total = results.length;
  let done = 0;
  // One controller for all tasks: the caller's abort cancels everything still running.
  const controller = new AbortController();
  setMaxListeners(total + 10, controller.signal); // piscina listens once per task
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const tasks = Array.from({ length: total }, (_, replication) =>
    pool.run(replication, { signal: controller.signal }).then((result) => {
      results[replication] = result;
      done++;
      onProgress?.(done, total);
    }),
  );
  try {
    // Every task settles before the pool goes: aborting a worker that is already answering makes piscina raise
    // "Unexpected message from Worker" outside any promise. Only the caller's abort (Ctrl-C) cuts tasks short.
    const settled = await Promise.allSettled(tasks);
    throwIfAborted(signal);
    const failure = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool.destroy();
  }
}

/**
 * Where the worker is. Built code runs `dist/runner/replication-worker.js`. When this module runs from its
 * TypeScript source (vitest, or `node --import tsx`), the `.js` file does not exist next to it: the worker is the
 * `.ts` file and the thread needs the tsx loader (TOOLCHAIN.md §2).
 */
function workerEntry(): { filename: string; execArgv: string[] | undefined } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return { filename: new URL('./replication-worker.ts', here).href, execArgv: ['--import', 'tsx'] };
  }
  return { filename: new URL('./replication-worker.js', here).href, execArgv: undefined };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortError(signal.reason);
}

function abortError(reason: unknown): Error {
  const error = new Error(reason instanceof Error ? `simulation aborted: ${reason.message}` : 'simulation aborted', { cause: reason });
  error.name = 'AbortError';
  return error;
}
