import { describe, expect, it } from 'vitest';
import { planApproximations } from '../../../src/core/plan/approximations.js';
import { testModel } from '../sim/model-builder.js';
import { testChannel, testGroup, withNetwork } from '../sim/network-builder.js';

const DAY = 86_400;
const exponential = (meanSeconds: number) => ({ kind: 'exponential', meanSeconds }) as const;

describe('where the analytic plan approximates', () => {
  it('names nothing where every interval is exact: Erlang C and A with exponential times, no returns, no tasks', () => {
    expect(planApproximations(testModel({ patience: null }))).toEqual([]);
    expect(planApproximations(testModel({ patience: exponential(120) }))).toEqual([]);
    // Burke: a tandem of exponential groups is exact too.
    const tandem = withNetwork(testModel({ openSeconds: 0, closeSeconds: DAY, intervalSeconds: 1800, patience: null }), [
      testGroup({ name: 'front', resolved: 0.4, transfers: [{ group: 1, share: 0.6 }] }),
      testGroup({ name: 'back' }),
    ]);
    expect(planApproximations(tandem)).toEqual([]);
  });

  it('names a handle time or patience that is not exponential, with its group and mean', () => {
    const lognormal = testModel({ handleTime: { kind: 'lognormal', meanSeconds: 240, cv: 1 } });
    expect(planApproximations(lognormal)).toEqual(['handle time is lognormal (mean 4 min): the queue formulas take only its mean; they are exact for exponential ones']);
    const fixedPatience = testModel({ patience: { kind: 'fixed', seconds: 90 } });
    expect(planApproximations(fixedPatience)).toEqual(['customers.patience is fixed (mean 90 s): Erlang A takes only its mean; it is exact for exponential patience']);
    const uniformTransfers = withNetwork(
      testModel(),
      [testGroup({ name: 'front', transfers: [{ group: 1, share: 0.5 }] }), testGroup({ name: 'back', handleTime: { kind: 'fixed', seconds: 300 } })],
      { transferPatience: { kind: 'uniform', minSeconds: 60, maxSeconds: 180 } },
    );
    expect(planApproximations(uniformTransfers)).toEqual([
      'back: handle time is fixed (mean 5 min): the queue formulas take only its mean; they are exact for exponential ones',
      'transfers.patience is uniform (mean 2 min): Erlang A takes only its mean; it is exact for exponential patience',
      // front's callers abandon, so the calls it answers and sends on are not a Poisson stream.
      'the calls front transfers to back are taken to arrive at random; they do not quite, since front loses callers who give up',
    ]);
  });

  it('names a patience that an Erlang C target leaves out', () => {
    const model = testModel({ patience: exponential(30) });
    const target = { serviceLevel: 0.8, answerWithinSeconds: 20, maxAbandonShare: null, maxOccupancy: null, maxAsaSeconds: null, method: 'erlang-c' as const };
    const erlangC = { ...model, staffing: { kind: 'target' as const, target, shrinkage: 0 } };
    expect(planApproximations(erlangC)).toEqual([expect.stringMatching(/^the target's method erlang-c leaves out the callers' patience \(customers.patience\)/)]);
  });

  it('names the calls a group sends on when they are not Poisson: after abandonment, blocking or other handle times, and down the line', () => {
    const chain = (front: Parameters<typeof testGroup>[0]) =>
      withNetwork(testModel({ patience: null }), [
        { ...testGroup(front) },
        testGroup({ name: 'middle', resolved: 0.5, transfers: [{ group: 2, share: 0.5 }] }),
        testGroup({ name: 'back', maxQueue: 0 }),
      ]);
    // Erlang C into Erlang C into Erlang B: Poisson all the way (Burke), so exact.
    expect(planApproximations(chain({ name: 'front', resolved: 0.5, transfers: [{ group: 1, share: 0.5 }] }))).toEqual([]);
    const blocking = planApproximations(chain({ name: 'front', resolved: 0.5, transfers: [{ group: 1, share: 0.5 }], maxQueue: 4 }));
    expect(blocking).toEqual([
      'the calls front transfers to middle are taken to arrive at random; they do not quite, since front turns calls away when full',
      'the calls middle transfers to back are taken to arrive at random; they do not quite, since middle gets such calls from front',
    ]);
  });

  it('names redials of failed transfers when only transferred callers abandon', () => {
    const model = withNetwork(
      testModel({ patience: null, redialProbability: 0.8 }),
      [testGroup({ name: 'front', resolved: 0.5, transfers: [{ group: 1, share: 0.5 }] }), testGroup({ name: 'back' })],
      { transferPatience: exponential(60) },
    );
    expect(planApproximations(model)).toEqual([expect.stringMatching(/^redials join each interval's calls as a steady stream/)]);
  });

  it('leaves out a group without waiting places: Erlang B does not depend on the handle-time distribution', () => {
    const erlangB = withNetwork(testModel({ patience: null }), [
      testGroup({ name: 'front', resolved: 0.5, transfers: [{ group: 1, share: 0.5 }] }),
      testGroup({ name: 'back', maxQueue: 0, handleTime: { kind: 'lognormal', meanSeconds: 300, cv: 2 } }),
    ]);
    expect(planApproximations(erlangB)).toEqual([]);
  });

  it('names redials and repeat contacts, tasks and day-to-day volume', () => {
    const returns = testModel({ redialProbability: 0.5, firstContactResolution: 0.8, repeatProbability: 0.7 });
    expect(planApproximations(returns)).toEqual([expect.stringMatching(/^redials and repeat contacts join each interval's calls as a steady stream/)]);
    const base = testModel({ patience: null });
    const tasks = withNetwork(
      base,
      [testGroup({ name: 'front', resolved: 0.9, callbacks: [{ group: 1, share: 0.1 }] }), testGroup({ name: 'back', tasks: { callbackHandleTime: exponential(300) } })],
      { channels: [testChannel(base, 'email', 1, 5, exponential(360))] },
    );
    expect(planApproximations(tasks)).toEqual([expect.stringMatching(/^back: tasks \(callbacks and email\) are a fluid backlog worked first in, first out/)]);
    expect(planApproximations(testModel({ overdispersionCv: 0.1 }))).toEqual([expect.stringMatching(/^demand.overdispersionCv is 0.1: the plan takes each day's expected volume/)]);
  });
});
