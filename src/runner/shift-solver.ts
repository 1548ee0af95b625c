/**
 * Runs the shift-scheduling integer program of `src/core/plan/shift-model.ts` with HiGHS (npm `highs`, WebAssembly)
 * in a worker thread.
 *
 * Why a thread: HiGHS's `solve()` is synchronous and holds its thread until it finishes or reaches `time_limit`
 * (TOOLCHAIN.md §2). In a worker, this thread stays responsive (Ctrl-C, progress), an abort terminates the solve at
 * once, and a watchdog ends a worker that overruns its time limit (plus the time to load the solver).
 */
import type { Worker } from 'node:worker_threads';
import type { ShiftPlan, ShiftProblem } from '../core/plan/shift-model.js';
import { readShiftSolution, shiftProblemToLp } from '../core/plan/shift-model.js';
import { startWorker } from './worker-file.js';

/** What the worker is given. */
export interface SolverRequest {
  /** The model, CPLEX LP format. */
  readonly lp: string;
  /** HiGHS `time_limit`, seconds. */
  readonly timeLimitSeconds: number;
  /** HiGHS `mip_rel_gap`: stop when the incumbent is within this share of the best bound. */
  readonly mipRelativeGap: number;
}

/** What the worker answers. */
export interface SolverResponse {
  /** HiGHS model status, e.g. "Optimal", "Time limit reached", "Infeasible". */
  readonly status: string;
  readonly objective: number;
  /** Column name → primal value (absent when HiGHS has none). */
  readonly columns: Record<string, number>;
  /** Time spent in `solve()` itself, seconds (without loading the solver). */
  readonly solveSeconds: number;
}

export interface SolveOptions {
  /** Time limit of the solve, seconds (> 0). Default 30. */
  readonly timeLimitSeconds?: number;
  /** Relative MIP gap at which the solve stops as optimal. Default 10⁻⁴. */
  readonly mipRelativeGap?: number;
  /** Aborting terminates the worker and rejects with an Error named 'AbortError'. */
  readonly signal?: AbortSignal;
}

const DEFAULT_TIME_LIMIT_SECONDS = 30;
const DEFAULT_MIP_GAP = 1e-4;
/** Extra wall-clock time the watchdog allows beyond the solver's own limit: loading the WebAssembly, reading the model. */
const WATCHDOG_GRACE_SECONDS = 30;

/**
 * Solves an LP-format model in a worker thread.
 *
 * @throws RangeError for a bad time limit or gap; Error when the worker fails or overruns; an Error named
 *   'AbortError' when `signal` fires
 * @example await solveLinearProgram('Minimize\n obj: x\nSubject To\n c: x >= 2\nEnd\n') // { status: 'Optimal', objective: 2, … }
 */
export function solveLinearProgram(lp: string, options: SolveOptions = {}): Promise<SolverResponse> {
  const timeLimitSeconds = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const mipRelativeGap = options.mipRelativeGap ?? DEFAULT_MIP_GAP;
  if (!(timeLimitSeconds > 0) || !Number.isFinite(timeLimitSeconds)) throw new RangeError(`timeLimitSeconds must be > 0 (got ${timeLimitSeconds})`);
  if (!(mipRelativeGap >= 0)) throw new RangeError(`mipRelativeGap must be ≥ 0 (got ${mipRelativeGap})`);
  const { signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(abortError());
      return;
    }
    const request: SolverRequest = { lp, timeLimitSeconds, mipRelativeGap };
    const worker = startSolverWorker(request);
    let response: SolverResponse | null = null;
    let failure: { error: unknown } | null = null;
    const stop = (error: unknown): void => {
      failure ??= { error };
      void worker.terminate();
    };
    const watchdog = setTimeout(
      () => stop(new Error(`the shift solver did not answer within ${timeLimitSeconds + WATCHDOG_GRACE_SECONDS} s`)),
      (timeLimitSeconds + WATCHDOG_GRACE_SECONDS) * 1000,
    );
    const onAbort = (): void => stop(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: SolverResponse) => {
      response = message;
    });
    worker.on('error', (error) => {
      failure ??= { error };
    });
    worker.on('exit', (code) => {
      clearTimeout(watchdog);
      signal?.removeEventListener('abort', onAbort);
      if (failure !== null) reject(failure.error);
      else if (response === null) reject(new Error(`the shift solver thread stopped without an answer (exit code ${code})`));
      else resolve(response);
    });
  });
}

/** A solved shift plan with the solver's own figures. */
export interface SolvedShiftPlan {
  readonly plan: ShiftPlan;
  /** HiGHS status as reported. */
  readonly solverStatus: string;
  /** Seconds in HiGHS's solve(), and from the request to the answer (worker start and solver load included). */
  readonly solveSeconds: number;
  readonly wallSeconds: number;
  /** Integer columns (patterns) and covering rows of the model. */
  readonly columns: number;
  readonly rows: number;
}

/**
 * Builds the integer program of a shift problem, solves it in a worker and reads the plan back.
 *
 * A solve stopped by the time limit still gives a plan when HiGHS has a feasible one (status `time-limit`); the model
 * is always feasible (unmet requirement is a variable), so any other outcome is a bug.
 *
 * @throws Error when the solver ends without a usable solution
 */
export async function solveShiftProblem(problem: ShiftProblem, options: SolveOptions = {}): Promise<SolvedShiftPlan> {
  const lp = shiftProblemToLp(problem);
  const started = performance.now();
  const response = await solveLinearProgram(lp, options);
  const wallSeconds = (performance.now() - started) / 1000;
  const usable = problem.patterns.every((p) => Number.isFinite(response.columns[p.column] ?? Number.NaN));
  let status: 'optimal' | 'time-limit';
  if (response.status === 'Optimal') status = 'optimal';
  else if (response.status === 'Time limit reached' && usable) status = 'time-limit';
  else throw new Error(`the shift solver ended with status "${response.status}" and no usable plan`);
  const rows = problem.requiredPaidAgents.reduce((count, row) => count + row.filter((r) => r > 1e-9).length, 0);
  return {
    plan: readShiftSolution(problem, response.columns, status),
    solverStatus: response.status,
    solveSeconds: response.solveSeconds,
    wallSeconds,
    columns: problem.patterns.length,
    rows,
  };
}

/** Starts the solver thread (src/runner/shift-solver-worker.ts), which solves the request it is given and ends. */
function startSolverWorker(request: SolverRequest): Worker {
  return startWorker('runner/shift-solver-worker', { workerData: request });
}

function abortError(): Error {
  const error = new Error('shift solve aborted');
  error.name = 'AbortError';
  return error;
}
