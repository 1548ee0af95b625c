import type { QueueMetrics } from '../queueing/queue-metrics.js';

/** Queue metrics with an optional blocked share (a finite queue, SPEC §7 `maxQueue`). */
type MixableMetrics = QueueMetrics & { readonly blockedShare?: number };

/**
 * Metrics for a fractional number of agents as the simulation sees it: stochastic rounding puts ⌈n⌉ agents on
 * the phones with probability n − ⌊n⌋, else ⌊n⌋; shares mix linearly, ASA is weighted by answered attempts,
 * occupancy by agents. A blocked share (finite queues) mixes like the other shares.
 *
 * @example mixedEvaluation(12.25, (n) => evaluateQueue({ ...input, agents: n })).serviceLevel // ¾ of SL(12) + ¼ of SL(13)
 */
export function mixedEvaluation<M extends MixableMetrics>(agents: number, evaluateAt: (agents: number) => M): Omit<M, 'agents' | 'model'> {
  const lower = Math.floor(agents);
  const upperWeight = agents - lower;
  const low = evaluateAt(lower);
  if (upperWeight < 1e-12) return low;
  const high = evaluateAt(lower + 1);
  const mix = (a: number, b: number): number => (1 - upperWeight) * a + upperWeight * b;
  const answeredLow = (1 - upperWeight) * (1 - low.abandonedShare - (low.blockedShare ?? 0));
  const answeredHigh = upperWeight * (1 - high.abandonedShare - (high.blockedShare ?? 0));
  const answered = answeredLow + answeredHigh;
  const mixed: MixableMetrics = {
    model: low.model,
    agents,
    offeredLoadErlangs: low.offeredLoadErlangs,
    stable: low.stable || high.stable,
    probabilityOfWaiting: mix(low.probabilityOfWaiting, high.probabilityOfWaiting),
    serviceLevel: mix(low.serviceLevel, high.serviceLevel),
    asaSeconds: answered > 0 ? (answeredLow * low.asaSeconds + answeredHigh * high.asaSeconds) / answered : 0,
    meanWaitSeconds: mix(low.meanWaitSeconds, high.meanWaitSeconds),
    abandonedShare: mix(low.abandonedShare, high.abandonedShare),
    // Busy time over on-phone time: weight each occupancy by its agent count.
    occupancy: agents > 0 ? ((1 - upperWeight) * lower * low.occupancy + upperWeight * (lower + 1) * high.occupancy) / agents : 0,
    ...(low.blockedShare === undefined ? {} : { blockedShare: mix(low.blockedShare, high.blockedShare ?? 0) }),
  };
  const { model: _model, agents: _agents, ...rest } = mixed;
  return rest as Omit<M, 'agents' | 'model'>;
}
