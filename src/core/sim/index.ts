/**
 * The discrete-event simulation of the contact-centre model (SPEC §3): run one replication, summarise several.
 * Pure: everything is an argument, nothing reads the clock, the environment or global randomness.
 */
export type { SimulationInput } from './simulation-input.js';
export { checkSimulationInput } from './simulation-input.js';
export {
  runReplication,
  type AttemptKind,
  type AttemptOutcome,
  type AttemptRecord,
  type ReplicationOptions,
  type ReplicationResult,
} from './run-replication.js';
export { summariseReplications, type SimulationSummary } from './summarise.js';
export { RANDOM_SOURCES, createStream, createStreams, type RandomSource, type RandomStreams, type UniformStream } from './random-streams.js';
export { createSampler, type Sampler } from './distributions.js';
export { studentTQuantile } from './student-t.js';
