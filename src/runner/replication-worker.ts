/**
 * The piscina task of `simulate`: runs one replication in a worker thread. The pool gives every worker the
 * simulation input once, as `workerData`; a task is just a replication index, and its result is the replication's
 * metrics (structured-cloned back, bit for bit).
 */
import { workerData } from 'node:worker_threads';
import { runReplication, type ReplicationResult } from '../core/sim/run-replication.js';
import type { SimulationInput } from '../core/sim/simulation-input.js';

const input = workerData as SimulationInput;

export default function runReplicationTask(replication: number): ReplicationResult {
  return runReplication(input, replication);
}
