import { afterEach, describe, expect, it } from 'vitest';
import { simulate } from '../../src/runner/simulate.js';
import { closeWorkerPool, currentPoolStats, runReplicationTasks } from '../../src/runner/worker-pool.js';
import { testInput, testModel } from '../core/sim/model-builder.js';

const small = testInput(testModel({ days: 1, casesPerInterval: 40 }), 3);
const busier = testInput(testModel({ days: 1, casesPerInterval: 80, redialProbability: 0.5 }), 5);

afterEach(closeWorkerPool);

describe('the worker pool of the process', () => {
  it('starts its threads once for successive simulations of different inputs', async () => {
    await simulate(small, { replications: 4, workers: 2 });
    const first = currentPoolStats();
    await simulate(busier, { replications: 6, workers: 2 });
    await simulate(small, { replications: 3, workers: 2 });
    // The same pool throughout, not one per simulation (each would start two threads of its own). Its two threads
    // start once; under load piscina has been seen to start a third, which is still one pool.
    const last = currentPoolStats();
    expect(last?.id).toBe(first?.id);
    expect(last?.threadsStarted).toBeGreaterThanOrEqual(2);
    expect(last?.threadsStarted).toBeLessThan(2 * 3);
  });

  it('gives each simulation the results of its own input, whatever ran on the threads before', async () => {
    const alone = JSON.stringify(await simulate(busier, { replications: 4, workers: 1 }));
    await simulate(small, { replications: 4, workers: 2 });
    expect(JSON.stringify(await simulate(busier, { replications: 4, workers: 2 }))).toBe(alone);
  });

  it('starts new threads after it is closed', async () => {
    await simulate(small, { replications: 2, workers: 2 });
    const before = currentPoolStats();
    await closeWorkerPool();
    expect(currentPoolStats()).toBeNull();
    await simulate(small, { replications: 2, workers: 2 });
    const after = currentPoolStats();
    expect(after?.id).not.toBe(before?.id);
    expect(after?.threadsStarted).toBeGreaterThanOrEqual(2);
  });

  it('reports the result of every task once, with its index', async () => {
    const seen: number[] = [];
    await runReplicationTasks(
      [0, 1, 2, 3, 4].map((replication) => ({ input: small, replication })),
      { threads: 2, onResult: (index, result, milliseconds) => {
        expect(result.totals.cases).toBeGreaterThan(0);
        expect(milliseconds).toBeGreaterThanOrEqual(0);
        seen.push(index);
      } },
    );
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('rejects bad thread counts', async () => {
    await expect(runReplicationTasks([], { threads: 0, onResult: () => undefined })).rejects.toThrow(RangeError);
  });
});
