import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runReplication } from '../../src/core/sim/run-replication.js';
import { summariseReplications } from '../../src/core/sim/summarise.js';
import { simulate } from '../../src/runner/simulate.js';
import { testInput, testModel } from '../core/sim/model-builder.js';

const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, '..', '..');

// Small but not trivial: redials, repeat contacts, overdispersion, a closed night.
const model = testModel({
  days: 2,
  casesPerInterval: 120,
  overdispersionCv: 0.1,
  redialProbability: 0.6,
  firstContactResolution: 0.8,
  repeatProbability: 0.5,
  repeatDelay: { kind: 'exponential', meanSeconds: 7200 },
});
const input = testInput(model, 6.5);

// Long enough (≈ 1 s a replication under tsx) to be aborted while running.
const slowModel = testModel({ days: 8, openSeconds: 0, closeSeconds: 86_400, casesPerInterval: 3600, handleTime: { kind: 'exponential', meanSeconds: 30 } });
const slowInput = testInput(slowModel, 33);

describe('simulate', () => {
  it('gives a byte-identical summary for 1 and 2 workers and on repeated runs, equal to summarising runReplication', async () => {
    const direct = JSON.stringify(summariseReplications([0, 1, 2, 3, 4].map((r) => runReplication(input, r)), model));
    const oneWorker = JSON.stringify(await simulate(input, { replications: 5, workers: 1 }));
    const twoWorkers = JSON.stringify(await simulate(input, { replications: 5, workers: 2 }));
    const twoAgain = JSON.stringify(await simulate(input, { replications: 5, workers: 2 }));
    expect(oneWorker).toBe(direct);
    expect(twoWorkers).toBe(oneWorker);
    expect(twoAgain).toBe(oneWorker);
  });

  it('reports progress after each finished replication', async () => {
    for (const workers of [1, 2]) {
      const calls: [number, number][] = [];
      await simulate(input, { replications: 4, workers, onProgress: (done, total) => calls.push([done, total]) });
      expect(calls).toEqual([
        [1, 4],
        [2, 4],
        [3, 4],
        [4, 4],
      ]);
    }
  });

  it('rejects with an AbortError when the signal is already aborted', async () => {
    await expect(simulate(input, { replications: 2, workers: 2, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops between replications in-process when aborted', async () => {
    const controller = new AbortController();
    let done = 0;
    const promise = simulate(input, {
      replications: 10,
      workers: 1,
      signal: controller.signal,
      onProgress: (d) => {
        done = d;
        if (d === 2) controller.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(done).toBe(2);
  });

  it('terminates the worker pool when aborted mid-run', async () => {
    const controller = new AbortController();
    const started = performance.now();
    let done = 0;
    const promise = simulate(slowInput, {
      replications: 16,
      workers: 2,
      signal: controller.signal,
      onProgress: (d) => {
        done = d;
        if (d === 1) controller.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(done).toBeLessThan(16);
    // 16 replications of ≈ 0.5–1 s on 2 threads would take several seconds; the abort ends it long before.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('passes an error raised inside a worker on to the caller', async () => {
    const broken = testInput(testModel({ handleTime: { kind: 'lognormal', meanSeconds: 100, cv: -1 } }), 3);
    await expect(simulate(broken, { replications: 4, workers: 2 })).rejects.toThrow(/cv must be ≥ 0/);
  });

  it('rejects bad counts and inconsistent input before starting', async () => {
    await expect(simulate({ ...input, paidAgentHours: [] }, { replications: 2, workers: 2 })).rejects.toThrow(/paidAgentHours/);
    await expect(simulate(input, { replications: 0, workers: 1 })).rejects.toThrow(RangeError);
    await expect(simulate(input, { replications: 1, workers: 1.5 })).rejects.toThrow(RangeError);
  });
});

describe('simulate from the build (dist layout)', () => {
  const outDir = mkdtempSync(join(repoRoot, '.staffsim-tmp-dist-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('runs its workers from the bundled worker entry and gives the same summary as under vitest', async () => {
    // The runner bundled as `npm run build` bundles it (scripts/build.mjs: chunks in dist/chunks, the worker entry in
    // dist/runner), into a temporary dist/ inside the repository (so that node_modules resolves).
    const { build } = (await import(join(repoRoot, 'scripts', 'build.mjs'))) as { build: (options: { outdir: string; entryPoints: string[] }) => Promise<unknown> };
    await build({ outdir: outDir, entryPoints: ['src/runner/simulate.ts', 'src/runner/replication-worker.ts'] });
    const inputFile = join(outDir, 'input.json');
    writeFileSync(inputFile, JSON.stringify(input));
    const script = `
      import { readFileSync } from 'node:fs';
      const { simulate } = await import(${JSON.stringify(join(outDir, 'runner', 'simulate.js'))});
      const input = JSON.parse(readFileSync(${JSON.stringify(inputFile)}, 'utf8'));
      process.stdout.write(JSON.stringify(await simulate(input, { replications: 5, workers: 2 })));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot });
    const expected = JSON.stringify(await simulate(input, { replications: 5, workers: 1 }));
    expect(stdout).toBe(expected);
  });
});
