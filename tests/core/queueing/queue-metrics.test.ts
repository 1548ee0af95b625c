import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceLevelDefinition } from '../../../src/core/model/contact-centre-model.js';
import { evaluateQueue, type QueueInput, type QueueMetrics } from '../../../src/core/queueing/queue-metrics.js';

const DEFINITIONS: readonly ServiceLevelDefinition[] = ['answered-of-offered', 'answered-of-answered', 'exclude-short-abandons'];
const base: QueueInput = {
  arrivalsPerSecond: 1 / 18,
  meanHandleSeconds: 180,
  agents: 14,
  meanPatienceSeconds: null,
  serviceLevel: { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 },
};

/** Random queues of both models, every definition, loads from idle to 3× overloaded. */
const queueArbitrary = fc
  .record({
    load: fc.double({ min: 0.01, max: 300, noNaN: true }),
    aht: fc.double({ min: 10, max: 900, noNaN: true }),
    staffing: fc.double({ min: 0.3, max: 2, noNaN: true }),
    patience: fc.option(fc.double({ min: 5, max: 3000, noNaN: true }), { nil: null }),
    answerWithinSeconds: fc.double({ min: 0, max: 120, noNaN: true }),
    shortAbandonSeconds: fc.double({ min: 0, max: 30, noNaN: true }),
    definition: fc.constantFrom(...DEFINITIONS),
  })
  .map(({ load, aht, staffing, patience, answerWithinSeconds, shortAbandonSeconds, definition }): QueueInput => ({
    arrivalsPerSecond: load / aht,
    meanHandleSeconds: aht,
    agents: Math.max(1, Math.round(load * staffing)),
    meanPatienceSeconds: patience,
    serviceLevel: { answerWithinSeconds, definition, shortAbandonSeconds },
  }));

/** a ≤ b up to rounding (1e-12 relative, 1e-15 absolute). */
function atMost(a: number, b: number): boolean {
  return a <= b + Math.max(1e-12 * Math.abs(b), 1e-15);
}

describe('evaluateQueue', () => {
  it('dispatches to Erlang C without patience and to Erlang A with it', () => {
    expect(evaluateQueue(base).model).toBe('erlang-c');
    expect(evaluateQueue({ ...base, meanPatienceSeconds: 300 }).model).toBe('erlang-a');
  });

  it.each([null, 120])('with no arrivals nobody waits and the service level is 1 (patience %s)', (patience) => {
    const m = evaluateQueue({ ...base, arrivalsPerSecond: 0, meanPatienceSeconds: patience, agents: 0 });
    expect(m).toMatchObject({
      stable: true,
      offeredLoadErlangs: 0,
      probabilityOfWaiting: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      meanWaitSeconds: 0,
      abandonedShare: 0,
      occupancy: 0,
    });
  });

  it.each<[string, Partial<QueueInput>, RegExp]>([
    ['negative arrivals', { arrivalsPerSecond: -1 }, /arrivalsPerSecond/],
    ['infinite arrivals', { arrivalsPerSecond: Infinity }, /arrivalsPerSecond/],
    ['NaN arrivals', { arrivalsPerSecond: Number.NaN }, /arrivalsPerSecond/],
    ['zero handle time', { meanHandleSeconds: 0 }, /meanHandleSeconds/],
    ['fractional agents', { agents: 12.5 }, /agents must be an integer/],
    ['negative agents', { agents: -1 }, /agents/],
    ['zero patience', { meanPatienceSeconds: 0 }, /meanPatienceSeconds/],
    ['infinite patience as a number', { meanPatienceSeconds: Infinity }, /null for infinite patience/],
    ['negative threshold', { serviceLevel: { ...base.serviceLevel, answerWithinSeconds: -1 } }, /answerWithinSeconds/],
    ['negative short abandon', { serviceLevel: { ...base.serviceLevel, shortAbandonSeconds: -1 } }, /shortAbandonSeconds/],
  ])('throws a RangeError naming the field for %s', (_label, change, message) => {
    expect(() => evaluateQueue({ ...base, ...change })).toThrow(RangeError);
    expect(() => evaluateQueue({ ...base, ...change })).toThrow(message);
  });
});

describe('properties of the exact metrics', () => {
  it('keeps probabilities and shares in [0, 1] and waits finite and non-negative when stable', () => {
    fc.assert(
      fc.property(queueArbitrary, (input) => {
        const m = evaluateQueue(input);
        for (const share of [m.probabilityOfWaiting, m.serviceLevel, m.abandonedShare, m.occupancy]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
        if (m.stable) {
          expect(Number.isFinite(m.asaSeconds) && m.asaSeconds >= 0).toBe(true);
          expect(Number.isFinite(m.meanWaitSeconds) && m.meanWaitSeconds >= 0).toBe(true);
        } else {
          expect(m.model).toBe('erlang-c');
          expect(m.asaSeconds).toBe(Infinity);
        }
        if (m.model === 'erlang-c') expect(m.abandonedShare).toBe(0);
      }),
      { seed: 4242, numRuns: 400 },
    );
  });

  it('adding an agent never raises P(wait), abandonment, ASA or occupancy, nor lowers the service level', () => {
    const check = (before: QueueMetrics, after: QueueMetrics): void => {
      expect(atMost(after.probabilityOfWaiting, before.probabilityOfWaiting), 'P(wait)').toBe(true);
      expect(atMost(after.abandonedShare, before.abandonedShare), 'abandonment').toBe(true);
      expect(atMost(before.serviceLevel, after.serviceLevel), 'service level').toBe(true);
      expect(atMost(after.asaSeconds, before.asaSeconds), 'ASA').toBe(true);
      expect(atMost(after.meanWaitSeconds, before.meanWaitSeconds), 'mean wait').toBe(true);
      expect(atMost(after.occupancy, before.occupancy), 'occupancy').toBe(true);
    };
    fc.assert(
      fc.property(queueArbitrary, (input) => {
        check(evaluateQueue(input), evaluateQueue({ ...input, agents: input.agents + 1 }));
      }),
      { seed: 777, numRuns: 400 },
    );
  });

  it('adding an agent is monotone along a whole staffing range, for every definition', () => {
    for (const patience of [null, 30, 300]) {
      for (const definition of DEFINITIONS) {
        let previous: QueueMetrics | null = null;
        for (let agents = 1; agents <= 40; agents += 1) {
          const m = evaluateQueue({ ...base, arrivalsPerSecond: 20 / 180, agents, meanPatienceSeconds: patience, serviceLevel: { ...base.serviceLevel, definition } });
          if (previous !== null && previous.stable) {
            expect(atMost(m.probabilityOfWaiting, previous.probabilityOfWaiting)).toBe(true);
            expect(atMost(previous.serviceLevel, m.serviceLevel)).toBe(true);
            expect(atMost(m.asaSeconds, previous.asaSeconds)).toBe(true);
            expect(atMost(m.abandonedShare, previous.abandonedShare)).toBe(true);
          }
          previous = m;
        }
      }
    }
  });

  it('counts more answered calls as the threshold grows, up to the answered share', () => {
    const input: QueueInput = { ...base, agents: 11, meanPatienceSeconds: 200 };
    let previous = -1;
    for (const answerWithinSeconds of [0, 5, 20, 60, 300, 3000]) {
      const m = evaluateQueue({ ...input, serviceLevel: { ...input.serviceLevel, answerWithinSeconds } });
      expect(m.serviceLevel).toBeGreaterThanOrEqual(previous);
      expect(atMost(m.serviceLevel, 1 - m.abandonedShare)).toBe(true);
      previous = m.serviceLevel;
    }
    const ever = evaluateQueue({ ...input, serviceLevel: { ...input.serviceLevel, answerWithinSeconds: 1e6 } });
    expect(Math.abs(ever.serviceLevel - (1 - ever.abandonedShare))).toBeLessThanOrEqual(1e-12);
  });

  it('orders the definitions: answered-of-offered ≤ exclude-short-abandons ≤ answered-of-answered', () => {
    const at = (definition: ServiceLevelDefinition): number =>
      evaluateQueue({ ...base, agents: 11, meanPatienceSeconds: 200, serviceLevel: { ...base.serviceLevel, definition } }).serviceLevel;
    const offered = at('answered-of-offered');
    const excluding = at('exclude-short-abandons');
    const answered = at('answered-of-answered');
    expect(offered).toBeLessThan(excluding);
    expect(excluding).toBeLessThan(answered);
  });
});
