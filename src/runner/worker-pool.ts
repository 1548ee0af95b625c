/**
 * The process's one pool of worker threads for simulation replications.
 *
 * Starting a thread and loading the engine into it costs tens of milliseconds of CPU, and a fresh thread runs its
 * first replication before the JIT has warmed up; a pool per variant (or per sweep point, or per checked scenario)
 * paid that again and again. So the pool is made once, on first use, and kept until `closeWorkerPool()` (the command
 * line calls it when a command ends): `staffsim compare` of three variants, a `sweep --simulate`, a `check` of many
 * scenarios and every `r` in the explorer start their threads once. A task carries its input, so one pool serves
 * every model; replication r of an input gives the same result on any thread.
 *
 * Idle threads do not keep the process alive (piscina unrefs them).
 */
import { setMaxListeners } from 'node:events';
import type { Piscina } from 'piscina';
import type { ReplicationTask } from '../core/check/replication-task.js';
import type { ReplicationResult } from '../core/sim/run-replication.js';
import { piscinaWorkerOptions } from './worker-file.js';

type ReplicationPool = Piscina<ReplicationTask, ReplicationResult>;

interface SharedPool {
  /** Which pool of the process it is (1, 2, …). */
  readonly id: number;
  readonly threads: number;
  readonly pool: Promise<ReplicationPool>;
  /** Calls of `runReplicationTasks` using it now. */
  users: number;
  /** Threads it has started. */
  readonly started: { threads: number };
}

let shared: SharedPool | null = null;
let poolsMade = 0;
/** Replication threads started by this process's pools so far. */
let threadsStarted = 0;

/**
 * How many replication threads this process has started so far (every pool it made, ended ones included). Threads
 * that other parts of the process start (the explorer's analysis thread, the shift solver) are not counted.
 * @example const before = replicationThreadsStarted(); await simulate(model, { workers: 2 }); replicationThreadsStarted() - before // 2
 */
export function replicationThreadsStarted(): number {
  return threadsStarted;
}

/**
 * The process's current pool: which one it is and how many threads it has started; null when there is none.
 * @example await simulate(a, { workers: 2 }); await simulate(b, { workers: 2 }); currentPoolStats() // { id: 1, threadsStarted: 2 }
 */
export function currentPoolStats(): { readonly id: number; readonly threadsStarted: number } | null {
  return shared === null ? null : { id: shared.id, threadsStarted: shared.started.threads };
}

/**
 * The shared pool, with at least `threads` threads when it can be had: a smaller idle pool is replaced by a larger
 * one; a busy one is shared as it is (results do not depend on the number of threads).
 */
function acquirePool(threads: number): SharedPool {
  if (shared !== null && (shared.threads >= threads || shared.users > 0)) return shared;
  const previous = shared;
  poolsMade += 1;
  const started = { threads: 0 };
  shared = { id: poolsMade, threads, pool: startPool(threads, started), users: 0, started };
  if (previous !== null) void previous.pool.then((pool) => pool.destroy());
  return shared;
}

async function startPool(threads: number, started: { threads: number }): Promise<ReplicationPool> {
  // Loaded only when a pool is needed: `--workers 1` and the analytic commands never load piscina.
  const { Piscina: Pool } = await import('piscina');
  const pool = new Pool<ReplicationTask, ReplicationResult>({
    ...piscinaWorkerOptions('runner/replication-worker'),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  pool.on('workerCreate', () => {
    threadsStarted += 1;
    started.threads += 1;
  });
  return pool;
}

/**
 * Starts the pool's threads ahead of its first task, so that they load the engine while the caller prepares its
 * inputs (a staffing plan, say). Does nothing for fewer than 2 threads.
 *
 * @example prestartWorkerPool(Math.min(workers, replications))
 */
export function prestartWorkerPool(threads: number): void {
  if (threads >= 2) acquirePool(threads);
}

/** Ends the shared pool's threads, if there is a pool. Safe to call at any time; the next use makes a new pool. */
export async function closeWorkerPool(): Promise<void> {
  const current = shared;
  shared = null;
  if (current !== null) await (await current.pool).destroy();
}

export interface RunTasksOptions {
  /** At most this many tasks run at once (≥ 1), so a task starts when it is sent and its time can be measured. */
  readonly threads: number;
  /** Aborting cancels the running tasks (their threads are ended at once) and rejects with an Error named 'AbortError'. */
  readonly signal?: AbortSignal | undefined;
  /** Called as each task finishes, in completion order, with the milliseconds from sending it to its result. */
  readonly onResult: (index: number, result: ReplicationResult, milliseconds: number) => void;
}

/**
 * Runs the tasks on the shared pool, at most `threads` at a time, and settles when every task sent has settled.
 *
 * After a failure no new task starts, and the running ones finish before the promise rejects with that failure:
 * cancelling a worker that is already answering makes piscina raise "Unexpected message from Worker" outside any
 * promise. Only `signal` (Ctrl-C, Esc in the explorer) cuts running tasks short.
 *
 * @throws the first task's error; an Error named 'AbortError' when `signal` aborts
 */
export async function runReplicationTasks(tasks: readonly ReplicationTask[], options: RunTasksOptions): Promise<void> {
  const { threads, signal, onResult } = options;
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be an integer ≥ 1 (got ${threads})`);
  throwIfAborted(signal);
  if (tasks.length === 0) return;
  const entry = acquirePool(Math.min(threads, tasks.length));
  entry.users++;
  const controller = new AbortController();
  setMaxListeners(threads + 10, controller.signal); // piscina listens once per running task
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const pool = await entry.pool;
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let running = 0;
      let failure: Error | null = null;
      const settleIfIdle = (): void => {
        if (running > 0) return;
        if (failure !== null) reject(failure);
        else if (next >= tasks.length) resolve();
      };
      const launch = (): void => {
        while (failure === null && running < threads && next < tasks.length) {
          const index = next++;
          const startedMs = performance.now();
          running++;
          pool.run(tasks[index] as ReplicationTask, { signal: controller.signal }).then(
            (result) => {
              running--;
              try {
                onResult(index, result, performance.now() - startedMs);
              } catch (error) {
                failure ??= error instanceof Error ? error : new Error(String(error));
              }
              launch();
              settleIfIdle();
            },
            (error: unknown) => {
              running--;
              failure ??= error instanceof Error ? error : new Error(String(error));
              settleIfIdle();
            },
          );
        }
      };
      if (controller.signal.aborted) reject(abortError(signal?.reason));
      else launch();
    });
  } catch (error) {
    throwIfAborted(signal);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    entry.users--;
  }
  throwIfAborted(signal);
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortError(signal.reason);
}

function abortError(reason: unknown): Error {
  const error = new Error(reason instanceof Error ? `simulation aborted: ${reason.message}` : 'simulation aborted', { cause: reason });
  error.name = 'AbortError';
  return error;
}
