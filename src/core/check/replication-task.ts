/**
 * The worker-thread task of `staffsim check`: one replication of one variant.
 *
 * `check` keeps one pool of worker threads for the whole run and feeds it the replications of every variant of every
 * scenario, so each thread loads and warms up the engine once (a pool per variant, as `simulate` builds, would pay that
 * start-up for every variant — more than the simulation itself for small scenarios). The task carries its input;
 * replication r uses substream r of every random source, so the results, summarised in replication order, are the
 * same bit for bit as `simulate`'s, on any number of threads.
 */
import { runReplication, type ReplicationResult } from '../sim/run-replication.js';
import type { SimulationInput } from '../sim/simulation-input.js';

export interface ReplicationTask {
  readonly input: SimulationInput;
  /** 0-based replication index. */
  readonly replication: number;
}

export default function runReplicationTask(task: ReplicationTask): ReplicationResult {
  return runReplication(task.input, task.replication);
}
