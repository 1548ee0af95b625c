/**
 * What every fuzz test shares: how many cases, which seed, the bound on one case's time, and what an answer of
 * staffsim must never contain.
 *
 * - `FUZZ_RUNS`: cases per fuzz test (default: the test's own, at least 2,000, as `npm test` runs it; `npm run
 *   test:fuzz` sets 100,000).
 * - `FUZZ_SEED`: the seed (default fixed, so `npm test` runs the same cases every time).
 * - `FUZZ_PATH`: with FUZZ_SEED, replays the one failing case fast-check printed (`path: "…"` in its report).
 * - `FUZZ_CASE_SECONDS`: the bound on one case's time (default 10 s: a case takes milliseconds; a case that takes
 *   seconds has found unbounded work, not a slow machine).
 */
import { expect } from 'vitest';
import type fc from 'fast-check';

/** Cases to run: FUZZ_RUNS, else `byDefault`. */
export function fuzzRuns(byDefault: number): number {
  const runs = Number(process.env['FUZZ_RUNS'] ?? byDefault);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS: expected a whole number ≥ 1 (got ${process.env['FUZZ_RUNS']})`);
  return runs;
}

/** The seed: FUZZ_SEED, else `byDefault`. */
export function fuzzSeed(byDefault: number): number {
  const seed = Number(process.env['FUZZ_SEED'] ?? byDefault);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED: expected a whole number (got ${process.env['FUZZ_SEED']})`);
  return seed;
}

/** The bound on one case (seconds). */
export const CASE_SECONDS = Number(process.env['FUZZ_CASE_SECONDS'] ?? 10);

/** fast-check's parameters: the seed, the number of runs, a replayed path; no shrinking (each case is reported as it was). */
export function fuzzParameters(runs: number, seed: number): fc.Parameters<unknown> {
  const path = process.env['FUZZ_PATH'];
  return { numRuns: runs, seed, endOnFailure: true, ...(path === undefined || path === '' ? {} : { path }) };
}

/** The vitest time-out of a fuzz test of `runs` cases: a minute, plus a generous 200 ms a case. */
export function fuzzTimeoutMs(runs: number): number {
  return 60_000 + runs * 200;
}

/** A line of a JavaScript stack trace. */
export const STACK_TRACE = /^\s+at .+(?:\(|:\d+:\d+)/m;

/** The slowest case so far, for the bound and for the test's report. */
export class CaseClock {
  slowestSeconds = 0;
  slowestCase = '';

  /** Runs `body` and fails when it took longer than CASE_SECONDS, naming `what`. */
  async time<T>(what: string, body: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await body();
    const seconds = (performance.now() - started) / 1000;
    if (seconds > this.slowestSeconds) {
      this.slowestSeconds = seconds;
      this.slowestCase = what;
    }
    expect(seconds, `${what} took ${seconds.toFixed(2)} s (the bound is ${CASE_SECONDS} s)`).toBeLessThanOrEqual(CASE_SECONDS);
    return result;
  }
}
