import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceLevelDefinition, ServiceLevelRule } from '../../../src/core/model/contact-centre-model.js';
import { evaluateQueue } from '../../../src/core/queueing/queue-metrics.js';
import {
  defaultMaxAgents,
  missedTargets,
  paidAgentsFor,
  searchCapFor,
  solveStaffing,
  type StaffingProblem,
  type StaffingTargets,
} from '../../../src/core/queueing/staffing-solver.js';
import { expectClose } from './close-to.js';

const rule = (answerWithinSeconds = 20, definition: ServiceLevelDefinition = 'answered-of-offered'): ServiceLevelRule => ({
  answerWithinSeconds,
  definition,
  shortAbandonSeconds: 5,
});
const targets = (given: Partial<StaffingTargets>): StaffingTargets => ({
  minServiceLevel: null,
  maxAbandonShare: null,
  maxOccupancy: null,
  maxAsaSeconds: null,
  ...given,
});
const problem = (given: Partial<StaffingProblem> & Pick<StaffingProblem, 'targets'>): StaffingProblem => ({
  arrivalsPerSecond: 100 / 1800,
  meanHandleSeconds: 180,
  meanPatienceSeconds: null,
  serviceLevel: rule(),
  ...given,
});
function agentsOf(p: StaffingProblem): number {
  const solution = solveStaffing(p);
  if (!solution.feasible) throw new Error(`expected a feasible staffing, got: ${solution.reason}`);
  return solution.agents;
}

describe('solveStaffing against published cases (docs/sources.md §3)', () => {
  it('case 3: 80/20 with max occupancy 85 % needs 14 agents, 20 paid at 30 % shrinkage', () => {
    const agents = agentsOf(problem({ targets: targets({ minServiceLevel: 0.8, maxOccupancy: 0.85 }) }));
    expect(agents).toBe(14);
    expect(evaluateQueue({ ...problem({ targets: targets({}) }), agents: 13 }).serviceLevel).toBeLessThan(0.8);
    expect(paidAgentsFor(agents, 0.3)).toBe(20);
  });

  it('case 4: capping occupancy at 70 % needs 15 agents (22 paid; SL 0.941, occupancy 0.667, P(wait) 0.102)', () => {
    const solution = solveStaffing(problem({ targets: targets({ minServiceLevel: 0.8, maxOccupancy: 0.7 }) }));
    expect(solution.feasible && solution.agents).toBe(15);
    if (!solution.feasible) return;
    expect(paidAgentsFor(solution.agents, 0.3)).toBe(22);
    expectClose(solution.metrics.serviceLevel, 0.941, 0, 5e-4, 'printed to 3 dp');
    expectClose(solution.metrics.occupancy, 0.667, 0, 5e-4, 'printed to 3 dp');
    expectClose(solution.metrics.probabilityOfWaiting, 0.102, 0, 5e-4, 'printed to 3 dp');
  });

  it('case 5: 1000 calls/h of 120 s at 80/20 and 85 % occupancy needs 40 agents, 58 with shrinkage', () => {
    const solution = solveStaffing(
      problem({ arrivalsPerSecond: 1000 / 3600, meanHandleSeconds: 120, targets: targets({ minServiceLevel: 0.8, maxOccupancy: 0.85 }) }),
    );
    expect(solution.feasible && solution.agents).toBe(40);
    if (!solution.feasible) return;
    expect(paidAgentsFor(40, 0.3)).toBe(58);
    // Printed: P(wait) 19.07 %, SL 93.72 %, ASA 3.43 s, occupancy 83.33 % (to 2 dp of a percent / of a second).
    expectClose(solution.metrics.probabilityOfWaiting, 0.1907, 0, 5e-5);
    expectClose(solution.metrics.serviceLevel, 0.9372, 0, 5e-5);
    expectClose(solution.metrics.asaSeconds, 3.43, 0, 5e-3);
    expectClose(solution.metrics.occupancy, 0.8333, 0, 5e-5);
    // The occupancy cap decides: 80/20 alone needs 38.
    expect(agentsOf(problem({ arrivalsPerSecond: 1000 / 3600, meanHandleSeconds: 120, targets: targets({ minServiceLevel: 0.8 }) }))).toBe(38);
  });

  it('case 6: 25 calls per 600 s of 180 s at 80/20 needs 11 agents, 16 paid (SL 0.7678 with 10, 0.8808 with 11)', () => {
    const solution = solveStaffing(problem({ arrivalsPerSecond: 25 / 600, targets: targets({ minServiceLevel: 0.8 }) }));
    expect(solution.feasible && solution.agents).toBe(11);
    expect(paidAgentsFor(11, 0.3)).toBe(16);
    expectClose(evaluateQueue({ ...problem({ arrivalsPerSecond: 25 / 600, targets: targets({}) }), agents: 10 }).serviceLevel, 0.7677527078564275630224948512453753782499, 1e-10);
    if (solution.feasible) expectClose(solution.metrics.serviceLevel, 0.8808363736234904210433572212985694450366, 1e-10);
  });

  it('case 10: 30 calls/h of 5 min with P(delay) ≤ 10 % needs 6 agents (C(5) = 0.1304, C(6) = 0.0474)', () => {
    // P(delay) ≤ 10 % is a service level of 0.9 with a threshold of 0 s.
    const solution = solveStaffing(
      problem({ arrivalsPerSecond: 30 / 3600, meanHandleSeconds: 300, serviceLevel: rule(0), targets: targets({ minServiceLevel: 0.9 }) }),
    );
    expect(solution.feasible && solution.agents).toBe(6);
    if (solution.feasible) expectClose(solution.metrics.probabilityOfWaiting, 0.0474448121944554094677071630279658700999, 1e-10);
  });

  it('case 12: Erlang A with SL 0.8, occupancy 0.85 and abandonment 0.05 needs 13 agents, 19 paid', () => {
    const solution = solveStaffing(
      problem({ meanPatienceSeconds: 300, targets: targets({ minServiceLevel: 0.8, maxOccupancy: 0.85, maxAbandonShare: 0.05 }) }),
    );
    expect(solution.feasible && solution.agents).toBe(13);
    if (!solution.feasible) return;
    expect(paidAgentsFor(13, 0.3)).toBe(19);
    expectClose(solution.metrics.serviceLevel, 0.85818, 0, 5e-6);
    expectClose(solution.metrics.abandonedShare, 0.024963, 0, 5e-7);
  });
});

describe('solveStaffing decisions', () => {
  it('staffs nobody when no calls arrive', () => {
    const solution = solveStaffing(problem({ arrivalsPerSecond: 0, targets: targets({ minServiceLevel: 0.99, maxAsaSeconds: 1 }) }));
    expect(solution).toMatchObject({ feasible: true, agents: 0, metrics: { serviceLevel: 1 } });
  });

  it('with no targets returns the smallest stable staffing for Erlang C and one agent for Erlang A', () => {
    expect(agentsOf(problem({ targets: targets({}) }))).toBe(11);
    expect(agentsOf(problem({ arrivalsPerSecond: 10 / 180, targets: targets({}) }))).toBe(11); // load exactly 10
    expect(agentsOf(problem({ meanPatienceSeconds: 120, targets: targets({}) }))).toBe(1);
  });

  it.each<[string, Partial<StaffingTargets>, number | null, RegExp]>([
    ['a service level of 1', { minServiceLevel: 1 }, null, /service level of 1/],
    ['a service level above 1', { minServiceLevel: 1.2 }, null, /service level/],
    ['zero abandonment with finite patience', { maxAbandonShare: 0 }, 120, /abandoned share of 0/],
    ['zero occupancy', { maxOccupancy: 0 }, null, /occupancy of 0/],
    ['a negative ASA', { maxAsaSeconds: -1 }, null, /ASA of -1/],
    ['a zero ASA', { maxAsaSeconds: 0 }, 120, /ASA of 0/],
  ])('reports %s as infeasible at once', (_label, given, patience, reason) => {
    const start = performance.now();
    const solution = solveStaffing(problem({ meanPatienceSeconds: patience, targets: targets(given) }));
    expect(solution.feasible).toBe(false);
    if (!solution.feasible) expect(solution.reason).toMatch(reason);
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('reports a target beyond the search cap as infeasible, naming the cap', () => {
    const solution = solveStaffing(problem({ targets: targets({ minServiceLevel: 0.99 }), maxAgents: 12 }));
    expect(solution).toEqual({ feasible: false, reason: expect.stringMatching(/^no staffing up to 12 agents reaches a service level of 0.99/) });
    const tiny = solveStaffing(problem({ targets: targets({ maxAsaSeconds: 1e-300 }) }));
    expect(tiny.feasible).toBe(false);
    if (!tiny.feasible) expect(tiny.reason).toContain(`up to ${defaultMaxAgents(10)} agents`);
  });

  it.each<[string, number | null]>([
    ['Erlang C', null],
    ['Erlang A', 120],
  ])('meets an occupancy cap that needs more agents than the square-root cap (%s): 5000 Erlangs at most half busy', (_label, patience) => {
    // 60 000 calls/h of 300 s: A = 5000, so occupancy ≤ 0.5 needs 10 000 agents, beyond A + 50√A + 100 = 8636.
    const p = problem({ arrivalsPerSecond: 60_000 / 3600, meanHandleSeconds: 300, meanPatienceSeconds: patience, targets: targets({ maxOccupancy: 0.5 }) });
    expect(defaultMaxAgents(5000)).toBe(8636);
    const solution = solveStaffing(p);
    expect(solution.feasible).toBe(true);
    if (!solution.feasible) return;
    expect(solution.metrics.occupancy).toBeLessThanOrEqual(0.5);
    expect(evaluateQueue({ ...p, agents: solution.agents - 1 }).occupancy).toBeGreaterThan(0.5);
    if (patience === null) expect(solution.agents).toBe(10_000);
  });

  it('bounds the search by each target: an occupancy cap raises the default cap to ⌈A/o⌉ + 1, other targets do not', () => {
    expect(searchCapFor(5000, targets({ maxOccupancy: 0.5 }))).toBe(10_001);
    expect(searchCapFor(5000, targets({ maxOccupancy: 0.9, minServiceLevel: 0.99 }))).toBe(defaultMaxAgents(5000));
    expect(searchCapFor(10, targets({ minServiceLevel: 0.8, maxAsaSeconds: 5, maxAbandonShare: 0.01 }))).toBe(defaultMaxAgents(10));
    expect(searchCapFor(10, targets({ maxOccupancy: 1e-3 }))).toBe(10_001);
  });

  it('meets zero abandonment trivially with Erlang C', () => {
    expect(agentsOf(problem({ targets: targets({ maxAbandonShare: 0 }) }))).toBe(11);
  });

  it('rejects NaN targets and invalid caps', () => {
    expect(() => solveStaffing(problem({ targets: targets({ minServiceLevel: Number.NaN }) }))).toThrow(RangeError);
    expect(() => solveStaffing(problem({ targets: targets({}), maxAgents: 2.5 }))).toThrow(RangeError);
    expect(() => solveStaffing(problem({ meanHandleSeconds: 0, targets: targets({}) }))).toThrow(RangeError);
  });

  it('solves 100 000 Erlangs quickly', () => {
    const start = performance.now();
    const solution = solveStaffing(
      problem({ arrivalsPerSecond: 100_000 / 240, meanHandleSeconds: 240, meanPatienceSeconds: 120, targets: targets({ minServiceLevel: 0.8, maxAbandonShare: 0.05, maxOccupancy: 0.95 }) }),
    );
    expect(solution.feasible).toBe(true);
    if (solution.feasible) {
      expect(missedTargets(solution.metrics, targets({ minServiceLevel: 0.8, maxAbandonShare: 0.05, maxOccupancy: 0.95 }))).toEqual([]);
    }
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('solveStaffing returns the minimum', () => {
  it('meets every target with N agents and misses at least one with N − 1', () => {
    const targetArbitrary = fc.record({
      minServiceLevel: fc.option(fc.double({ min: 0.3, max: 0.995, noNaN: true }), { nil: null }),
      maxAbandonShare: fc.option(fc.double({ min: 0.005, max: 0.3, noNaN: true }), { nil: null }),
      maxOccupancy: fc.option(fc.double({ min: 0.5, max: 0.98, noNaN: true }), { nil: null }),
      maxAsaSeconds: fc.option(fc.double({ min: 0.5, max: 120, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 400, noNaN: true }),
        fc.double({ min: 30, max: 600, noNaN: true }),
        fc.option(fc.double({ min: 10, max: 1200, noNaN: true }), { nil: null }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.constantFrom<ServiceLevelDefinition>('answered-of-offered', 'answered-of-answered', 'exclude-short-abandons'),
        targetArbitrary,
        (load, aht, patience, answerWithinSeconds, definition, given) => {
          const p = problem({
            arrivalsPerSecond: load / aht,
            meanHandleSeconds: aht,
            meanPatienceSeconds: patience,
            serviceLevel: rule(answerWithinSeconds, definition),
            targets: given,
          });
          const solution = solveStaffing(p);
          expect(solution.feasible).toBe(true);
          if (!solution.feasible) return;
          const at = (agents: number) => evaluateQueue({ ...p, agents });
          expect(missedTargets(at(solution.agents), given)).toEqual([]);
          // The solver advanced the Erlang B recurrence instead of restarting it: same metrics up to rounding.
          const fresh = at(solution.agents);
          for (const key of ['probabilityOfWaiting', 'serviceLevel', 'asaSeconds', 'abandonedShare', 'occupancy'] as const) {
            expectClose(solution.metrics[key], fresh[key], 1e-11, 1e-15, key);
          }
          if (solution.agents > 1) expect(missedTargets(at(solution.agents - 1), given).length).toBeGreaterThan(0);
        },
      ),
      { seed: 8080, numRuns: 200 },
    );
  });
});

describe('paidAgentsFor', () => {
  it('rounds up on-phone agents divided by the share of time on the phones', () => {
    expect(paidAgentsFor(14, 0.3)).toBe(20); // 14/0.7 = 20.000000000000004 in binary
    expect(paidAgentsFor(15, 0.3)).toBe(22);
    expect(paidAgentsFor(40, 0.3)).toBe(58);
    expect(paidAgentsFor(7, 0.3)).toBe(10);
    expect(paidAgentsFor(0, 0.5)).toBe(0);
    expect(paidAgentsFor(13, 0)).toBe(13);
    expect(paidAgentsFor(10.2, 0)).toBe(11);
  });

  it('rejects shrinkage outside [0, 1) and negative agents', () => {
    expect(() => paidAgentsFor(10, 1)).toThrow(RangeError);
    expect(() => paidAgentsFor(10, -0.1)).toThrow(RangeError);
    expect(() => paidAgentsFor(-1, 0.3)).toThrow(RangeError);
  });
});
