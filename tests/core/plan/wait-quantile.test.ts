import { describe, expect, it } from 'vitest';
import { planVariant } from '../../../src/core/plan/interval-plan.js';
import { planWaitQuantiles } from '../../../src/core/plan/wait-quantile.js';
import { erlangB } from '../../../src/core/queueing/erlang-b.js';
import { erlangC } from '../../../src/core/queueing/erlang-c.js';
import { erlangAAnsweredWait } from '../../../src/core/queueing/erlang-a.js';
import { evaluateQueueByChain } from '../../../src/core/queueing/birth-death-chain.js';
import { makeModel } from '../../helpers/model.js';
import { testModel } from '../sim/model-builder.js';
import { testGroup, withNetwork } from '../sim/network-builder.js';

const DAY = 86_400;
const exponential = (meanSeconds: number) => ({ kind: 'exponential', meanSeconds }) as const;

/** The t where the answered-weighted mixture of c·e^{−rt} waits leaves a share 1 − q above it, by bisection. */
function bisected(terms: readonly { answered: number; waiting: number; rate: number }[], q: number): number {
  const total = terms.reduce((sum, term) => sum + term.answered, 0);
  const above = (t: number): number => terms.reduce((sum, term) => sum + term.answered * term.waiting * Math.exp(-term.rate * t), 0) / total;
  let low = 0;
  let high = 1e6;
  for (let i = 0; i < 200; i++) {
    const middle = (low + high) / 2;
    if (above(middle) > 1 - q) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

describe('the 90th-percentile wait of a plan', () => {
  it('is ln(C / 0.1) · AHT / (N − A) for the textbook case: 14 agents, 10 Erlangs, 180 s', () => {
    const plan = planVariant(makeModel({ staffing: { kind: 'agents', agents: 14, shrinkage: 0 } }));
    const exact = (Math.log(erlangC(10, 14) / 0.1) * 180) / 4;
    expect(exact).toBeCloseTo(24.958938, 5);
    const found = planWaitQuantiles(plan, 0.9)!;
    expect(found.intervals).toHaveLength(48);
    for (const value of found.intervals) expect(Math.abs(value - exact)).toBeLessThanOrEqual(1e-12 * exact);
    expect(Math.abs(found.total - exact)).toBeLessThanOrEqual(1e-12 * exact);
  });

  it('is 0 when at least 90 % are answered at once, Infinity for an overloaded queue, NaN without calls', () => {
    expect(planWaitQuantiles(planVariant(makeModel({ staffing: { kind: 'agents', agents: 20, shrinkage: 0 } })), 0.9)!.total).toBe(0);
    expect(planWaitQuantiles(planVariant(makeModel({ staffing: { kind: 'agents', agents: 9, shrinkage: 0 } })), 0.9)!.total).toBe(Number.POSITIVE_INFINITY);
    expect(planWaitQuantiles(planVariant(makeModel({ casesPerHour: 0, staffing: { kind: 'agents', agents: 3, shrinkage: 0 } })), 0.9)!.total).toBeNaN();
  });

  it('mixes ⌊n⌋ and ⌈n⌉ agents as the plan does, and intervals by their answered calls', () => {
    // 14.5 agents on the phones and a busier second half of the day.
    const model = makeModel({ staffing: { kind: 'agents', agents: 14.5, shrinkage: 0 } });
    const busy = { ...model, demand: { ...model.demand, casesPerInterval: [model.demand.casesPerInterval[0]!.map((calls, i) => (i < 24 ? calls : calls * 1.2))] } };
    const plan = planVariant(busy);
    const terms = plan.rows.flatMap((row) =>
      [14, 15].map((agents) => {
        const load = (row.attempts / 1800) * 180;
        return { answered: row.attempts / 2, waiting: erlangC(load, agents), rate: (agents - load) / 180 };
      }),
    );
    const found = planWaitQuantiles(plan, 0.9)!;
    expect(found.total).toBeGreaterThan(found.intervals[0]!);
    expect(Math.abs(found.total - bisected(terms, 0.9))).toBeLessThan(1e-9 * found.total);
    expect(Math.abs(found.intervals[30]! - bisected(terms.slice(60, 62), 0.9))).toBeLessThan(1e-9 * found.intervals[30]!);
  });

  it('pools the groups of an Erlang C network (Burke: each group is an M/M/N queue)', () => {
    const tandem = withNetwork(testModel({ days: 1, openSeconds: 0, closeSeconds: DAY, intervalSeconds: 1800, casesPerInterval: 100, patience: null }), [
      testGroup({ name: 'front', handleTime: { kind: 'exponential', meanSeconds: 180 }, resolved: 0.4, transfers: [{ group: 1, share: 0.6 }] }),
      testGroup({ name: 'back', handleTime: { kind: 'exponential', meanSeconds: 240 } }),
    ]);
    const staffed = { ...tandem, network: { ...tandem.network!, groups: tandem.network!.groups.map((group, g) => ({ ...group, staffing: { kind: 'agents' as const, agents: [14, 11][g]!, shrinkage: 0 } })) } };
    const found = planWaitQuantiles(planVariant(staffed), 0.9)!;
    const front = { answered: 100, waiting: erlangC(10, 14), rate: 4 / 180 };
    const back = { answered: 60, waiting: erlangC(8, 11), rate: 3 / 240 };
    expect(Math.abs(found.intervals[5]! - bisected([front, back], 0.9))).toBeLessThan(1e-9 * found.intervals[5]!);
  });

  it("is the Erlang C one where an Erlang C target leaves the callers' patience out, as the plan's other figures", () => {
    const target = { serviceLevel: 0.8, answerWithinSeconds: 20, maxAbandonShare: null, maxOccupancy: null, maxAsaSeconds: null, method: 'erlang-c' as const };
    const patient = { staffing: { kind: 'target' as const, target, shrinkage: 0 } };
    const withPatience = planVariant(makeModel({ ...patient, customers: { patience: { kind: 'exponential', meanSeconds: 300 } } }));
    const without = planVariant(makeModel(patient));
    expect(withPatience.source).toBe('erlang-c');
    const found = planWaitQuantiles(withPatience, 0.9)!;
    expect(found.total).toBeGreaterThan(0);
    expect(found).toEqual(planWaitQuantiles(without, 0.9));
  });

  it('is the exact Erlang A one where callers have patience: P(W ≤ t | answered) = 0.9 on the tagged-caller chain', () => {
    const plan = planVariant(makeModel({ customers: { patience: { kind: 'exponential', meanSeconds: 300 } }, staffing: { kind: 'agents', agents: 14, shrinkage: 0 } }));
    const found = planWaitQuantiles(plan, 0.9)!;
    const row = plan.rows[0]!;
    const rule = { answerWithinSeconds: found.total, definition: 'answered-of-answered' as const, shortAbandonSeconds: 5 };
    const chain = evaluateQueueByChain({ arrivalsPerSecond: row.attempts / 1800, meanHandleSeconds: 180, agents: 14, meanPatienceSeconds: 300, serviceLevel: rule });
    expect(found.total).toBeGreaterThan(5);
    expect(Math.abs(chain.serviceLevel - 0.9)).toBeLessThan(1e-9);
    for (const value of found.intervals) expect(Math.abs(value - found.total)).toBeLessThanOrEqual(1e-9 * found.total);
  });

  it('mixes Erlang A and Erlang C groups, and fractional agents, by their answered calls', () => {
    const network = withNetwork(testModel({ days: 1, openSeconds: 0, closeSeconds: DAY, intervalSeconds: 1800, casesPerInterval: 100, patience: exponential(240) }), [
      testGroup({ name: 'front', handleTime: { kind: 'exponential', meanSeconds: 180 }, resolved: 0.4, transfers: [{ group: 1, share: 0.6 }] }),
      testGroup({ name: 'back', handleTime: { kind: 'exponential', meanSeconds: 240 } }),
    ]);
    // Transferred callers wait without giving up (transfers.patience null): back is Erlang C.
    const staffed = {
      ...network,
      network: { ...network.network!, transferPatience: null, groups: network.network!.groups.map((group, g) => ({ ...group, staffing: { kind: 'agents' as const, agents: [13.5, 11][g]!, shrinkage: 0 } })) },
    };
    const plan = planVariant(staffed);
    const found = planWaitQuantiles(plan, 0.9)!;
    const [front, back] = [plan.groups![0]!.rows[5]!, plan.groups![1]!.rows[5]!];
    const rule = { answerWithinSeconds: 20, definition: 'answered-of-offered' as const, shortAbandonSeconds: 5 };
    const parts = [13, 14].map((agents) => erlangAAnsweredWait({ arrivalsPerSecond: front.attempts / 1800, meanHandleSeconds: 180, agents, meanPatienceSeconds: 240, serviceLevel: rule })!);
    const load = (back.attempts / 1800) * 240;
    const above = (t: number): number => {
      const answeredFront = parts.map((part) => (front.attempts / 2) * part.answeredShare);
      const frontAbove = parts.reduce((sum, part, i) => sum + answeredFront[i]! * part.survival(t), 0);
      const backAbove = back.attempts * erlangC(load, 11) * Math.exp((-(11 - load) * t) / 240);
      return (frontAbove + backAbove) / (answeredFront[0]! + answeredFront[1]! + back.attempts);
    };
    expect(Math.abs(above(found.intervals[5]!) - 0.1)).toBeLessThan(1e-10);
  });

  it('counts the calls an Erlang B group answers (maxQueue: 0) as answered at once', () => {
    const network = withNetwork(testModel({ days: 1, openSeconds: 0, closeSeconds: DAY, intervalSeconds: 1800, casesPerInterval: 100, patience: null }), [
      testGroup({ name: 'front', handleTime: { kind: 'exponential', meanSeconds: 180 }, resolved: 0.4, transfers: [{ group: 1, share: 0.6 }] }),
      testGroup({ name: 'back', handleTime: { kind: 'exponential', meanSeconds: 240 }, maxQueue: 0 }),
    ]);
    const staffed = { ...network, network: { ...network.network!, groups: network.network!.groups.map((group, g) => ({ ...group, staffing: { kind: 'agents' as const, agents: [14, 9][g]!, shrinkage: 0 } })) } };
    const found = planWaitQuantiles(planVariant(staffed), 0.9)!;
    const backRow = planVariant(staffed).groups![1]!.rows[5]!;
    const front = { answered: 100, waiting: erlangC(10, 14), rate: 4 / 180 };
    const back = { answered: backRow.attempts * (1 - erlangB((backRow.attempts / 1800) * 240, 9)), waiting: 0, rate: 1 };
    expect(back.answered).toBeGreaterThan(40);
    expect(Math.abs(found.intervals[5]! - bisected([front, back], 0.9))).toBeLessThan(1e-9 * found.intervals[5]!);
    expect(found.intervals[5]!).toBeLessThan(bisected([front], 0.9));
  });

  it('is not given where some group has a finite queue', () => {
    const finite = withNetwork(testModel({ patience: null }), [testGroup({ name: 'front', maxQueue: 5 })]);
    expect(planWaitQuantiles(planVariant({ ...finite, network: { ...finite.network!, groups: finite.network!.groups.map((group) => ({ ...group, staffing: { kind: 'agents' as const, agents: 40, shrinkage: 0 } })) } }), 0.9)).toBeNull();
  });
});
