import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceLevelDefinition, ServiceLevelRule } from '../../../src/core/model/contact-centre-model.js';
import { evaluateQueueByChain } from '../../../src/core/queueing/birth-death-chain.js';
import { erlangAAnsweredWait, erlangAMetrics } from '../../../src/core/queueing/erlang-a.js';
import { erlangASeries } from '../../../src/core/queueing/erlang-a-series.js';
import { erlangCMetrics } from '../../../src/core/queueing/erlang-c.js';
import type { QueueInput } from '../../../src/core/queueing/queue-metrics.js';
import { logGamma, regularizedGammaP } from '../../../src/core/queueing/special-functions.js';
import { expectClose, relativeError } from './close-to.js';

const rule = (definition: ServiceLevelDefinition = 'answered-of-offered', answerWithinSeconds = 20): ServiceLevelRule => ({
  answerWithinSeconds,
  definition,
  shortAbandonSeconds: 5,
});
const queue = (
  arrivalsPerSecond: number,
  meanHandleSeconds: number,
  agents: number,
  meanPatienceSeconds: number,
  serviceLevel: ServiceLevelRule = rule(),
): QueueInput => ({ arrivalsPerSecond, meanHandleSeconds, agents, meanPatienceSeconds, serviceLevel });

// The pyworkforce queue: λ = 100/30 per minute, AHT 3 min, mean patience 5 min.
const PYWORKFORCE = { arrivalsPerSecond: 1 / 18, meanHandleSeconds: 180, meanPatienceSeconds: 300 } as const;
// "mp" values: recomputed with mpmath (40 digits) from the birth–death chain, with the tagged-caller service level
// from the matrix exponential of the absorbing chain (an independent method); asserted to 1e-10 relative.
const MP = 1e-10;

describe('Erlang A against published cases (REFERENCES §4)', () => {
  it('case 11: 14 agents (pyworkforce test_erlanga_regression_metrics)', () => {
    const m = erlangAMetrics(queue(PYWORKFORCE.arrivalsPerSecond, 180, 14, 300));
    // Printed: P(wait) 0.14526, P(ab) 0.013984, occupancy 0.704297, "ASA" 0.069919 min, SL 0.916792.
    expectClose(m.probabilityOfWaiting, 0.14526, 0, 5e-6, 'printed P(wait)');
    expectClose(m.abandonedShare, 0.013984, 0, 5e-7, 'printed P(ab)');
    expectClose(m.occupancy, 0.704297, 0, 5e-7, 'printed occupancy');
    expectClose(m.serviceLevel, 0.916792, 0, 5e-7, 'printed SL (answered within 20 s / all)');
    // pyworkforce's "ASA" is the mean wait over ALL callers (abandoners' time in queue included), i.e. our
    // meanWaitSeconds = P(ab)/θ — not our asaSeconds, which averages over answered calls only.
    expectClose(m.meanWaitSeconds / 60, 0.069919, 0, 5e-7, 'printed all-callers mean wait, minutes');
    expectClose(m.probabilityOfWaiting, 0.1452601142963612029252774341551185579951172, MP);
    expectClose(m.abandonedShare, 0.01398374412240893753722905233155964573195194, MP);
    expectClose(m.occupancy, 0.7042973256268507589019792483346002530486057, MP);
    expectClose(m.serviceLevel, 0.916792091863546871136477417325827183460633, MP);
    expectClose(m.meanWaitSeconds, 4.195123236722681261168715699467893719585567, MP);
    expectClose(m.asaSeconds, 3.878480044521021944520842275617454251874884, MP);
  });

  it('case 11 under the other service-level definitions (short abandons within 5 s)', () => {
    const answered = erlangAMetrics(queue(1 / 18, 180, 14, 300, rule('answered-of-answered')));
    const excluding = erlangAMetrics(queue(1 / 18, 180, 14, 300, rule('exclude-short-abandons')));
    expectClose(answered.serviceLevel, 0.9297940945685199518465137947818749223624485, MP);
    expectClose(excluding.serviceLevel, 0.9188520739857512628158816687516357910281646, MP);
  });

  it('case 12: 13 agents (pyworkforce docs/guide/erlanga.md)', () => {
    const m = erlangAMetrics(queue(1 / 18, 180, 13, 300));
    // Recomputed in REFERENCES: 0.85818, 0.75003, 0.024963, 0.225797, ASA (all callers) 0.124817 min.
    expectClose(m.serviceLevel, 0.85818, 0, 5e-6, 'table SL');
    expectClose(m.occupancy, 0.75003, 0, 5e-6, 'table occupancy');
    expectClose(m.abandonedShare, 0.024963, 0, 5e-7, 'table P(ab)');
    expectClose(m.probabilityOfWaiting, 0.225797, 0, 5e-7, 'table P(wait)');
    expectClose(m.meanWaitSeconds / 60, 0.124817, 0, 5e-7, 'table all-callers mean wait, minutes');
    expectClose(m.serviceLevel, 0.8581777000307626028533374806902158161838708, MP);
    expectClose(m.probabilityOfWaiting, 0.2257970840473752828229663845088057919328157, MP);
    expectClose(m.abandonedShare, 0.02496330363357187513203051773401688342860656, MP);
    expectClose(m.asaSeconds, 6.913968306065779962453975646659495664900677, MP);
    expectClose(m.occupancy, 0.7500282279741754806676688325122947050549222, MP);
  });

  it('the reference workload of shared/bench: M/M/33+M, 1 call/s, AHT 30 s, patience 120 s', () => {
    const m = erlangAMetrics(queue(1, 30, 33, 120));
    // README: SL(20 s) 0.977205, abandonment 0.017984, ASA 2.1105 s, P(wait > 0) 0.3989.
    expectClose(m.serviceLevel, 0.977205, 0, 5e-7);
    expectClose(m.abandonedShare, 0.017984, 0, 5e-7);
    expectClose(m.asaSeconds, 2.1105, 0, 5e-5);
    expectClose(m.probabilityOfWaiting, 0.3989, 0, 5e-5);
    expectClose(m.serviceLevel, 0.9772052114864439674078166430755740956097706, MP);
    expectClose(m.asaSeconds, 2.110515798170673913798094116544623633523037, MP);
    expectClose(m.abandonedShare, 0.01798387681868824190048970149740533047696817, MP);
  });
});

describe('Erlang A approaches Erlang C as patience grows (REFERENCES case 13)', () => {
  it.each([15, 20, 25])('with patience 1e6 s and %i agents: P(wait) and occupancy to 1e-4, SL to 1e-3', (agents) => {
    const a = erlangAMetrics(queue(1 / 18, 180, agents, 1e6));
    const c = erlangCMetrics({ ...queue(1 / 18, 180, agents, 1e6), meanPatienceSeconds: null });
    expectClose(a.probabilityOfWaiting, c.probabilityOfWaiting, 0, 1e-4);
    expectClose(a.occupancy, c.occupancy, 0, 1e-4);
    expectClose(a.serviceLevel, c.serviceLevel, 0, 1e-3);
  });

  it('holds for random stable queues (patience 1e7 s)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.double({ min: 30, max: 600, noNaN: true }),
        fc.double({ min: 0.3, max: 0.95, noNaN: true }),
        (load, aht, utilisation) => {
          const agents = Math.max(1, Math.ceil(load / utilisation));
          if (load >= agents) return;
          const a = erlangAMetrics(queue(load / aht, aht, agents, 1e7));
          const c = erlangCMetrics({ ...queue(load / aht, aht, agents, 1e7), meanPatienceSeconds: null });
          expectClose(a.probabilityOfWaiting, c.probabilityOfWaiting, 0, 1e-4);
          expectClose(a.occupancy, c.occupancy, 0, 1e-4);
          expectClose(a.serviceLevel, c.serviceLevel, 0, 1e-3);
          expect(a.abandonedShare).toBeLessThan(1e-3);
        },
      ),
      { seed: 13, numRuns: 60 },
    );
  });
});

describe('Erlang A against the Mandelbaum–Zeltyn forms', () => {
  it('A(x, y) equals x·e^y·y^(−x)·γ(x, y) computed with the incomplete gamma function', () => {
    for (const [x, y] of [[3, 2], [14 * (300 / 180), 300 / 18], [40, 55], [200, 180]] as const) {
      const series = erlangASeries(x, y);
      const logA = series.logScale + Math.log(series.sum);
      const logViaGamma = y - x * Math.log(y) + logGamma(x + 1) + Math.log(regularizedGammaP(x, y));
      expectClose(logA, logViaGamma, 1e-12, 1e-12);
    }
  });

  it('P(Ab | W > 0) equals 1/(ρA) + 1 − 1/ρ', () => {
    for (const agents of [8, 11, 14, 20]) {
      const m = erlangAMetrics(queue(1 / 18, 180, agents, 300));
      const x = (agents * 300) / 180;
      const y = 300 / 18;
      const series = erlangASeries(x, y);
      const a = Math.exp(series.logScale) * series.sum;
      const rho = y / x;
      expectClose(m.abandonedShare / m.probabilityOfWaiting, 1 / (rho * a) + 1 - 1 / rho, 1e-11);
    }
  });

  it('the mean wait over all attempts is P(ab) × mean patience, and occupancy is λ(1 − P(ab))/(Nμ)', () => {
    const m = erlangAMetrics(queue(0.5, 60, 25, 90));
    expectClose(m.meanWaitSeconds, m.abandonedShare * 90, 1e-14);
    expectClose(m.occupancy, ((0.5 * 60) / 25) * (1 - m.abandonedShare), 1e-13);
  });
});

describe('Erlang A edge cases', () => {
  it('with no agents everybody waits and abandons after the mean patience', () => {
    const m = erlangAMetrics(queue(0.1, 180, 0, 120));
    expect(m).toMatchObject({
      model: 'erlang-a',
      stable: true,
      probabilityOfWaiting: 1,
      abandonedShare: 1,
      serviceLevel: 0,
      asaSeconds: 0,
      meanWaitSeconds: 120,
      occupancy: 0,
    });
  });

  it('is stable and finite when heavily overloaded (10 agents, 1 000 E)', () => {
    const m = erlangAMetrics(queue(1000 / 180, 180, 10, 600));
    expect(m.stable).toBe(true);
    expectClose(m.occupancy, 1, 0, 1e-9);
    expectClose(m.abandonedShare, 0.99, 0, 1e-3); // fluid limit: 1 − N/A
    for (const value of Object.values(m)) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
  });

  it('rejects a null patience', () => {
    expect(() => erlangAMetrics({ ...queue(0.1, 180, 3, 120), meanPatienceSeconds: null })).toThrow(RangeError);
  });
});

describe('Erlang A at 100 000 agents', () => {
  it.each([
    ['underloaded', 99_000],
    ['overloaded', 101_000],
  ])('is finite, in range and agrees with the birth–death chain when %s (A = %i E)', (_label, load) => {
    const input = queue(load / 240, 240, 100_000, 120);
    const closed = erlangAMetrics(input);
    for (const value of Object.values(closed)) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
    for (const share of [closed.probabilityOfWaiting, closed.serviceLevel, closed.abandonedShare, closed.occupancy]) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    const chain = evaluateQueueByChain(input);
    for (const key of ['probabilityOfWaiting', 'serviceLevel', 'abandonedShare', 'occupancy', 'asaSeconds', 'meanWaitSeconds'] as const) {
      expect(relativeError(closed[key], chain[key], 1e-3), key).toBeLessThanOrEqual(1e-9);
    }
  });

  it('takes well under a millisecond per evaluation', () => {
    const input = queue(101_000 / 240, 240, 100_000, 120);
    for (let i = 0; i < 20; i += 1) erlangAMetrics(input); // warm up the JIT
    const runs = 200;
    const start = performance.now();
    for (let i = 0; i < runs; i += 1) erlangAMetrics(input);
    const perRunMs = (performance.now() - start) / runs;
    // Generous bound for a shared CI machine; the benchmark reports the real figure.
    expect(perRunMs).toBeLessThan(5);
  });
});

describe('the wait of answered calls in Erlang A (waitP90Seconds)', () => {
  it('agrees with the tagged-caller chain: P(W ≤ t | answered) is the answered-of-answered service level at t', () => {
    for (const [agents, patience, rate] of [
      [14, 300, 1 / 18],
      [13, 300, 1 / 18],
      [33, 120, 1],
      [10, 60, 0.08], // overloaded: 14.4 Erlangs on 10 agents
      [5, 600, 1 / 60],
    ] as const) {
      const wait = erlangAAnsweredWait(queue(rate, 180, agents, patience))!;
      for (const t of [0, 5, 20, 60, 240]) {
        const chain = evaluateQueueByChain(queue(rate, 180, agents, patience, rule('answered-of-answered', t)));
        expectClose(1 - wait.survival(t), chain.serviceLevel, 1e-9, 1e-12, `N ${agents}, patience ${patience}, t ${t}`);
      }
      // P(answered) and P(W > 0 | answered) from the stationary metrics.
      const m = erlangAMetrics(queue(rate, 180, agents, patience));
      expectClose(wait.answeredShare, 1 - m.abandonedShare, 1e-12, 1e-15, 'answered share');
    }
  });

  it('has the density −dS/dt (central differences) and approaches the Erlang C wait as patience grows', () => {
    const wait = erlangAAnsweredWait(queue(1 / 18, 180, 14, 300))!;
    for (const t of [1, 10, 40, 120]) {
      const h = 2e-4 * t;
      expectClose(wait.density(t), (wait.survival(t - h) - wait.survival(t + h)) / (2 * h), 1e-6, 1e-12, `density at ${t} s`);
    }
    // M/M/14, 10 Erlangs: P(W > t) = C·e^{−(N − A)t/h}.
    const patient = erlangAAnsweredWait(queue(1 / 18, 180, 14, 1e9))!;
    const c = erlangCMetrics({ ...queue(1 / 18, 180, 14, 300), meanPatienceSeconds: null }).probabilityOfWaiting;
    for (const t of [0, 20, 60]) expectClose(patient.survival(t), c * Math.exp((-4 * t) / 180), 1e-6, 1e-12, `Erlang C limit at ${t} s`);
  });

  it('is not given without calls or without agents', () => {
    expect(erlangAAnsweredWait(queue(0, 180, 14, 300))).toBeNull();
    expect(erlangAAnsweredWait(queue(1 / 18, 180, 0, 300))).toBeNull();
  });
});
