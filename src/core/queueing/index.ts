/**
 * The exact analytic queueing core: Erlang B/C/A, service-level variants, the birth–death reference chain,
 * staffing solvers, delay kernels and the redial / repeat-contact fixed point. Pure: no I/O, no clock, no randomness.
 */

// Erlang B, C and A
export { erlangB, erlangBState, advanceErlangB, blockingOf, checkErlangArguments, erlangBMetrics, linesForBlocking, type ErlangBMetrics, type ErlangBState } from './erlang-b.js';
export { erlangC, erlangCMetrics } from './erlang-c.js';
export { erlangAMetrics } from './erlang-a.js';
export { erlangASeries, type ErlangASeries } from './erlang-a-series.js';

// One queue's metrics
export { evaluateQueue, evaluateQueueWithBlocking, type QueueInput, type QueueMetrics } from './queue-metrics.js';
export { checkQueueInput, checkServiceLevelRule, degenerateQueueMetrics } from './queue-input-checks.js';
export { evaluateQueueByChain } from './birth-death-chain.js';

// Staffing
export {
  solveStaffing,
  paidAgentsFor,
  defaultMaxAgents,
  missedTargets,
  type StaffingTargets,
  type StaffingProblem,
  type StaffingSolution,
} from './staffing-solver.js';

// Delays and the failure-demand loop
export { cumulativeProbability, meanOf } from './delay-kernel.js';
export {
  solveRetrialFixedPoint,
  type FixedPointInput,
  type FixedPointResult,
  type IntervalFlow,
} from './retrial-fixed-point.js';

// Special functions
export { logGamma, digamma, regularizedGammaP, regularizedGammaQ, erf, erfc, normalCdf } from './special-functions.js';
