import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceLevelDefinition } from '../../../src/core/model/contact-centre-model.js';
import { evaluateQueueByChain } from '../../../src/core/queueing/birth-death-chain.js';
import { evaluateQueue, type QueueInput } from '../../../src/core/queueing/queue-metrics.js';
import { relativeError } from './close-to.js';

const KEYS = ['probabilityOfWaiting', 'serviceLevel', 'asaSeconds', 'meanWaitSeconds', 'abandonedShare', 'occupancy'] as const;
const DEFINITIONS: readonly ServiceLevelDefinition[] = ['answered-of-offered', 'answered-of-answered', 'exclude-short-abandons'];

/** Closed form and chain agree to 1e-9 relative, or 1e-12 absolute for tiny numbers. */
function expectSameMetrics(input: QueueInput): void {
  const closed = evaluateQueue(input);
  const chain = evaluateQueueByChain(input);
  expect(chain.model).toBe(closed.model);
  expect(chain.stable).toBe(closed.stable);
  for (const key of KEYS) {
    const a = closed[key];
    const b = chain[key];
    const ok = a === b || Math.abs(a - b) <= 1e-12 || relativeError(a, b, 1e-300) <= 1e-9;
    expect(ok, `${key}: closed form ${a} vs chain ${b} for ${JSON.stringify(input)}`).toBe(true);
  }
}

describe('closed forms agree with the truncated birth–death chain', () => {
  it('on the pyworkforce queue, for both models and every definition', () => {
    for (const meanPatienceSeconds of [null, 300]) {
      for (const definition of DEFINITIONS) {
        for (const agents of [11, 13, 14, 20]) {
          expectSameMetrics({
            arrivalsPerSecond: 1 / 18,
            meanHandleSeconds: 180,
            agents,
            meanPatienceSeconds,
            serviceLevel: { answerWithinSeconds: 20, definition, shortAbandonSeconds: 5 },
          });
        }
      }
    }
  });

  it('on random Erlang A queues, under and over load, with short and long thresholds', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 150, noNaN: true }),
        fc.double({ min: 20, max: 600, noNaN: true }),
        fc.double({ min: 0.5, max: 1.6, noNaN: true }),
        fc.double({ min: 10, max: 1200, noNaN: true }),
        fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 90, noNaN: true })),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.constantFrom(...DEFINITIONS),
        (load, aht, staffing, patience, answerWithinSeconds, shortAbandonSeconds, definition) => {
          expectSameMetrics({
            arrivalsPerSecond: load / aht,
            meanHandleSeconds: aht,
            agents: Math.max(1, Math.round(load * staffing)),
            meanPatienceSeconds: patience,
            serviceLevel: { answerWithinSeconds, definition, shortAbandonSeconds },
          });
        },
      ),
      { seed: 31337, numRuns: 150 },
    );
  });

  it('on random stable Erlang C queues', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 150, noNaN: true }),
        fc.double({ min: 20, max: 600, noNaN: true }),
        fc.double({ min: 0.3, max: 0.97, noNaN: true }),
        fc.double({ min: 0, max: 90, noNaN: true }),
        (load, aht, utilisation, answerWithinSeconds) => {
          const agents = Math.max(1, Math.ceil(load / utilisation));
          expectSameMetrics({
            arrivalsPerSecond: load / aht,
            meanHandleSeconds: aht,
            agents,
            meanPatienceSeconds: null,
            serviceLevel: { answerWithinSeconds, definition: 'answered-of-offered', shortAbandonSeconds: 5 },
          });
        },
      ),
      { seed: 271828, numRuns: 150 },
    );
  });

  it.each([
    [2000, 1950, 180, null],
    [2000, 1990, 240, 120],
    [3000, 3100, 300, 90],
    [4000, 3600, 200, 600],
  ])('with %i agents and %i E (AHT %i s, patience %s s)', (agents, load, aht, patience) => {
    expectSameMetrics({
      arrivalsPerSecond: load / aht,
      meanHandleSeconds: aht,
      agents,
      meanPatienceSeconds: patience,
      serviceLevel: { answerWithinSeconds: 20, definition: 'exclude-short-abandons', shortAbandonSeconds: 5 },
    });
  });

  it('gives the decided values for the degenerate cases, like the closed forms', () => {
    const rule = { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 } as const;
    for (const input of [
      { arrivalsPerSecond: 0, meanHandleSeconds: 180, agents: 3, meanPatienceSeconds: null, serviceLevel: rule },
      { arrivalsPerSecond: 0.1, meanHandleSeconds: 180, agents: 10, meanPatienceSeconds: null, serviceLevel: rule },
      { arrivalsPerSecond: 0.1, meanHandleSeconds: 180, agents: 0, meanPatienceSeconds: 60, serviceLevel: rule },
    ]) {
      expect(evaluateQueueByChain(input)).toEqual(evaluateQueue(input));
    }
  });
});
