/**
 * Where the worker threads' entry points are, and how to start one, both from the build and from the TypeScript
 * sources.
 *
 * Built code: the entry points are bundles of their own, dist/<folder>/<name>.js (scripts/build.mjs). Every module of
 * the build sits one folder below dist/, as this file sits one folder below src/, so `../<folder>/<name>.js` resolves
 * from wherever the bundler put this code.
 *
 * From the sources (vitest, `node --import tsx`): the entry is src/<folder>/<name>.ts and the thread needs tsx to run
 * it (TOOLCHAIN.md §2). On Node 20 neither a `.ts` entry point nor a dynamic `import()` of one sees the ESM hooks of
 * `--import tsx` in an evaluated worker, so such a worker registers tsx's CommonJS hook itself and `require()`s the
 * file; piscina, which imports the task module itself, is given `--import tsx` instead.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The worker entry points, by their path under src/ (each one is listed in scripts/build.mjs). */
export type WorkerName = 'runner/replication-worker' | 'runner/shift-solver-worker' | 'runner/sensitivity-worker' | 'export/calls-worker';

/** The entry point's file, and whether it is TypeScript source (which needs tsx in the thread). */
export function workerFile(name: WorkerName): { readonly url: URL; readonly fromSource: boolean } {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  return { url: new URL(`../${name}${fromSource ? '.ts' : '.js'}`, here), fromSource };
}

/**
 * Starts a thread on an entry point that does its work when loaded (reading `workerData`, posting to `parentPort`).
 *
 * @example startWorker('runner/shift-solver-worker', { workerData: request })
 */
export function startWorker(name: WorkerName, options: WorkerOptions = {}): Worker {
  const { url, fromSource } = workerFile(name);
  if (!fromSource) return new Worker(url, options);
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const code = `require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(fileURLToPath(url))});`;
  return new Worker(code, { ...options, eval: true });
}

/** Options for a piscina pool whose task module is the entry point `name`. */
export function piscinaWorkerOptions(name: WorkerName): { filename: string; execArgv?: string[] } {
  const { url, fromSource } = workerFile(name);
  return fromSource ? { filename: url.href, execArgv: ['--import', 'tsx'] } : { filename: url.href };
}
