import { describe, expect, it } from 'vitest';
import type { ServiceLevelRule } from '../../../src/core/model/contact-centre-model.js';
import { erlangB } from '../../../src/core/queueing/erlang-b.js';
import { evaluateFiniteQueue } from '../../../src/core/queueing/finite-queue.js';
import { evaluateQueue } from '../../../src/core/queueing/queue-metrics.js';
import { expectClose } from './close-to.js';

const RULE: ServiceLevelRule = { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 };

describe('evaluateFiniteQueue (M/M/N/K+M)', () => {
  it('without waiting places is Erlang B: blocked share B(N, A), nobody waits, answered = offered − blocked', () => {
    for (const [load, agents] of [[6, 8], [10, 12], [0.5, 1], [40, 35]] as const) {
      const m = evaluateFiniteQueue({ arrivalsPerSecond: load / 180, meanHandleSeconds: 180, agents, meanPatienceSeconds: null, maxQueue: 0, serviceLevel: RULE });
      expectClose(m.blockedShare, erlangB(load, agents), 1e-12);
      expect(m.abandonedShare).toBe(0);
      expect(m.meanWaitSeconds).toBe(0);
      expectClose(m.serviceLevel, 1 - m.blockedShare, 1e-12);
      expectClose(m.probabilityOfWaiting, m.blockedShare, 1e-12);
      expectClose(m.occupancy, (load * (1 - m.blockedShare)) / agents, 1e-12);
    }
  });

  it('with many waiting places approaches Erlang A and Erlang C', () => {
    const input = { arrivalsPerSecond: 10 / 180, meanHandleSeconds: 180, agents: 12, serviceLevel: RULE };
    for (const meanPatienceSeconds of [null, 300]) {
      const finite = evaluateFiniteQueue({ ...input, meanPatienceSeconds, maxQueue: 400 });
      const infinite = evaluateQueue({ ...input, meanPatienceSeconds });
      expect(finite.blockedShare).toBeLessThan(1e-12);
      for (const key of ['probabilityOfWaiting', 'serviceLevel', 'asaSeconds', 'meanWaitSeconds', 'abandonedShare', 'occupancy'] as const) {
        expectClose(finite[key], infinite[key], 1e-9, 1e-12, key);
      }
    }
  });

  it('conserves calls: answered + abandoned + blocked = offered, and P(abandon) = θ · E[queue] / λ', () => {
    const m = evaluateFiniteQueue({ arrivalsPerSecond: 1 / 20, meanHandleSeconds: 200, agents: 9, meanPatienceSeconds: 90, maxQueue: 3, serviceLevel: RULE });
    // occupancy · N · μ = answered rate; answered share = occupancy · N / A
    const answered = (m.occupancy * 9) / 10;
    expectClose(answered + m.abandonedShare + m.blockedShare, 1, 1e-12);
    // Little: mean wait over all offered = E[queue] / λ, and abandons = θ E[queue]
    expectClose(m.abandonedShare, (m.meanWaitSeconds * (1 / 20)) / 90 / (1 / 20), 1e-12);
    expect(m.blockedShare).toBeGreaterThan(0.01);
  });
});
