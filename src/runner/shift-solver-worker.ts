/**
 * The worker thread of `solveLinearProgram`: loads HiGHS (WebAssembly), solves one CPLEX-LP model given as
 * `workerData`, posts back the status, the objective and every column's value, and ends. HiGHS's `solve()` is
 * synchronous and blocks its thread for the whole solve (TOOLCHAIN.md §2), hence the thread; `time_limit` bounds it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import highsDefault from 'highs';
import type { Highs, InitOptions } from 'highs';
import type { SolverRequest, SolverResponse } from './shift-solver.js';

// Under NodeNext the package's CommonJS-style types make the default import look non-callable; at run time it is
// the loader (TOOLCHAIN.md §2).
const loadHighs = highsDefault as unknown as (options?: InitOptions) => Promise<Highs>;

async function solve(request: SolverRequest): Promise<SolverResponse> {
  const highs = await loadHighs();
  const started = performance.now();
  const result = highs.solve(request.lp, {
    output_flag: false,
    time_limit: request.timeLimitSeconds,
    mip_rel_gap: request.mipRelativeGap,
    random_seed: 0,
  });
  const columns: Record<string, number> = {};
  for (const [name, column] of Object.entries(result.Columns)) {
    if ('Primal' in column) columns[name] = column.Primal;
  }
  return { status: result.Status, objective: result.ObjectiveValue, columns, solveSeconds: (performance.now() - started) / 1000 };
}

solve(workerData as SolverRequest).then(
  (response) => parentPort?.postMessage(response),
  (error: unknown) => {
    throw error;
  },
);
