import { describe, expect, it } from 'vitest';
import type { ServiceLevelRule } from '../../../src/core/model/contact-centre-model.js';
import { erlangC, erlangCMetrics } from '../../../src/core/queueing/erlang-c.js';
import type { QueueInput } from '../../../src/core/queueing/queue-metrics.js';
import { expectClose } from './close-to.js';

const within = (answerWithinSeconds: number): ServiceLevelRule => ({
  answerWithinSeconds,
  definition: 'answered-of-offered',
  shortAbandonSeconds: 5,
});
const queue = (arrivalsPerSecond: number, meanHandleSeconds: number, agents: number, answerWithinSeconds = 20): QueueInput => ({
  arrivalsPerSecond,
  meanHandleSeconds,
  agents,
  meanPatienceSeconds: null,
  serviceLevel: within(answerWithinSeconds),
});

// "mp" values: recomputed with mpmath at 40 digits from the factorial form of Erlang B and C = N·B/(N − A(1 − B)).
// They are asserted to 1e-10 relative; printed values from the sources to half a unit of their last printed digit.
const MP = 1e-10;

describe('Erlang C against published cases (REFERENCES §4)', () => {
  it('case 1: 100 calls per 30 min, AHT 180 s, 11 agents (callcentrehelper, CRAN ErlangC)', () => {
    const m = erlangCMetrics(queue(100 / 1800, 180, 11));
    expectClose(m.offeredLoadErlangs, 10, 1e-14);
    expectClose(m.probabilityOfWaiting, 0.6821182, 0, 5e-8, 'printed P(wait)');
    expectClose(m.serviceLevel, 0.3896138, 0, 5e-8, 'printed SL');
    expectClose(m.probabilityOfWaiting, 0.6821182046893323741332569535566341681543297, MP);
    expectClose(m.serviceLevel, 0.3896138117291533772431924117023571987483669, MP);
    expectClose(m.asaSeconds, 122.7812768440798273439862516401941502677795, MP);
  });

  it('case 2: the same with 14 agents (pyworkforce test_erlang.py)', () => {
    const m = erlangCMetrics(queue(100 / 1800, 180, 14));
    expectClose(m.probabilityOfWaiting, 0.1741319, 0, 5e-8, 'printed P(wait)');
    expectClose(m.serviceLevel, 0.88835, 0, 5e-6, 'printed SL');
    expectClose(m.asaSeconds, 7.8359, 0, 5e-5, 'printed ASA');
    expectClose(m.occupancy, 0.7142857, 0, 5e-8, 'printed occupancy');
    expectClose(m.probabilityOfWaiting, 0.1741319335950498426447069685603899441082185, MP);
    expectClose(m.serviceLevel, 0.8883500191794668842482186800188045963224581, MP);
    expectClose(m.asaSeconds, 7.835937011777242919011813585217547484869829, MP);
    expectClose(m.occupancy, 10 / 14, 1e-14);
  });

  it('case 7: 2 call takers, 30 calls/h of 60 s: "fewer than 8 percent" wait over 10 s (recomputed 7.79 %)', () => {
    const m = erlangCMetrics(queue(30 / 3600, 60, 2, 10));
    const waitOverTen = 1 - m.serviceLevel;
    expect(waitOverTen).toBeLessThan(0.08);
    expectClose(waitOverTen, 0.07788007830714048682451702669783206472967, 1e-9);
  });

  it('case 8: the same with 80 s calls: "falls to 14 percent" (recomputed 14.11 %)', () => {
    const m = erlangCMetrics(queue(30 / 3600, 80, 2, 10));
    const waitOverTen = 1 - m.serviceLevel;
    expectClose(waitOverTen, 0.14, 0, 0.005, 'printed to whole percent');
    expectClose(waitOverTen, 0.1410802874817690123408195666331257628147, 1e-9);
  });

  it('case 9: 360 calls per 30 min, AHT 4 min, 55 agents, T = 15 s', () => {
    const m = erlangCMetrics(queue(360 / 1800, 240, 55, 15));
    expectClose(m.offeredLoadErlangs, 48, 1e-14);
    // Table (6 digits): occupancy 0.8727, P(wait) 0.238701, ASA 0.136401 min, SL 0.845883.
    expectClose(m.occupancy, 0.8727, 0, 5e-5, 'table occupancy');
    expectClose(m.probabilityOfWaiting, 0.238701, 0, 5e-7, 'table P(wait)');
    expectClose(m.asaSeconds / 60, 0.136401, 0, 5e-7, 'table ASA in minutes');
    expectClose(m.serviceLevel, 0.845883, 0, 5e-7, 'table SL');
    expectClose(m.probabilityOfWaiting, 0.2387009363780092187498703167935684744005348, MP);
    expectClose(m.serviceLevel, 0.8458830921705803391159880736322523436953788, MP);
    expectClose(m.asaSeconds, 8.18403210438888749999555371863663340801825, MP);
  });

  it('case 18: M/M/2 with mean inter-arrival 80 and mean service 100 (SimScript mmc.ts)', () => {
    const m = erlangCMetrics(queue(1 / 80, 100, 2));
    expectClose(m.offeredLoadErlangs, 1.25, 1e-14);
    expectClose(m.probabilityOfWaiting, 25 / 52, 1e-13); // 0.480769…, exact for M/M/2: 2ρ²/(1 + ρ)
    expectClose(m.asaSeconds, 64.10256410256410256410256410256410256410181, 1e-13);
    expectClose(m.occupancy, 0.625, 1e-14);
  });

  it('the hand case of STYLE.md: A = 10, 12 agents, AHT 180 s → P(wait) ≈ 0.4494, ASA ≈ 40.4 s, SL(20 s) ≈ 0.640', () => {
    const m = erlangCMetrics(queue(10 / 180, 180, 12));
    expectClose(m.probabilityOfWaiting, 0.4494, 0, 5e-5);
    expectClose(m.asaSeconds, 40.4, 0, 0.05);
    expectClose(m.serviceLevel, 0.64, 0, 5e-4);
    expectClose(m.probabilityOfWaiting, 0.4493882242982708685810687469532556924315763, MP);
    expectClose(m.asaSeconds, 40.44494018684437817229618722579301231884179, MP);
    expectClose(m.serviceLevel, 0.6401580403740065741323938627635515105262699, MP);
  });

  it('REFERENCES §3.1: C(520 agents, 500 E) = 0.274756', () => {
    expectClose(erlangC(500, 520), 0.2747563446965241238463394676132785598079, 1e-10);
  });
});

describe('Erlang C identities', () => {
  it('one agent waits with probability ρ, and the wait of those who wait has mean AHT/(1 − ρ)', () => {
    for (const rho of [0.1, 0.5, 0.9, 0.999]) {
      const m = erlangCMetrics(queue(rho / 100, 100, 1));
      expectClose(m.probabilityOfWaiting, rho, 1e-13);
      expectClose(m.asaSeconds / m.probabilityOfWaiting, 100 / (1 - rho), 1e-12);
    }
  });

  it('gives the same value for all three service-level definitions (nobody abandons)', () => {
    const values = (['answered-of-offered', 'answered-of-answered', 'exclude-short-abandons'] as const).map(
      (definition) => erlangCMetrics({ ...queue(1 / 18, 180, 13), serviceLevel: { answerWithinSeconds: 20, definition, shortAbandonSeconds: 5 } }).serviceLevel,
    );
    expect(values[1]).toBe(values[0]);
    expect(values[2]).toBe(values[0]);
  });

  it('with T = 0 the service level is 1 − P(wait)', () => {
    const m = erlangCMetrics(queue(1 / 18, 180, 13, 0));
    expectClose(m.serviceLevel, 1 - m.probabilityOfWaiting, 1e-14);
  });

  it('erlangC is 1 at or above the load and 0 without load', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(12, 10)).toBe(1);
    expect(erlangC(0, 3)).toBe(0);
  });
});

describe('Erlang C without a steady state', () => {
  it.each([
    ['at the load', 10],
    ['above the load', 8],
    ['with no agents', 0],
  ])('reports an unstable queue %s instead of negative waits', (_label, agents) => {
    const m = erlangCMetrics(queue(10 / 180, 180, agents));
    expect(m).toMatchObject({
      model: 'erlang-c',
      stable: false,
      serviceLevel: 0,
      probabilityOfWaiting: 1,
      asaSeconds: Infinity,
      meanWaitSeconds: Infinity,
      occupancy: 1,
      abandonedShare: 0,
    });
  });
});

describe('Erlang C at 100 000 agents', () => {
  it('is finite, in range and fast just under the load', () => {
    const input = queue(99_000 / 240, 240, 100_000);
    const m = erlangCMetrics(input);
    expect(m.stable).toBe(true);
    expect(m.probabilityOfWaiting).toBeGreaterThan(0);
    expect(m.probabilityOfWaiting).toBeLessThan(1);
    expect(Number.isFinite(m.asaSeconds)).toBe(true);
    expectClose(m.occupancy, 0.99, 1e-14);
    // Halfin–Whitt: with β = 1000/√99000 ≈ 3.18 the delay probability is of order 1e−3.
    expect(m.probabilityOfWaiting).toBeGreaterThan(1e-4);
    expect(m.probabilityOfWaiting).toBeLessThan(1e-2);
  });

  it('reports 100 000 agents under 101 000 E as unstable', () => {
    expect(erlangCMetrics(queue(101_000 / 240, 240, 100_000)).stable).toBe(false);
  });
});
