/**
 * The task module of the process's worker pool (src/runner/worker-pool.ts): one replication of one simulation input
 * per task, `{ input, replication }` in, the replication's metrics out (structured-cloned back, bit for bit). The task
 * carries its input, so one pool serves every variant, sweep point and checked scenario. Its own bundle in the
 * build: a worker loads the simulation engine and nothing else.
 */
export { default } from '../core/check/replication-task.js';
export type { ReplicationTask } from '../core/check/replication-task.js';
