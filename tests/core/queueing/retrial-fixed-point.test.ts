import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Calendar, Distribution } from '../../../src/core/model/contact-centre-model.js';
import { evaluateQueue } from '../../../src/core/queueing/queue-metrics.js';
import { buildLandingKernel, solveRetrialFixedPoint, type FixedPointInput } from '../../../src/core/queueing/retrial-fixed-point.js';
import { expectClose } from './close-to.js';

const HOUR = 3600;
const NOW: Distribution = { kind: 'fixed', seconds: 0 };
/** 08:00–16:00 in one-hour intervals. */
const officeHours = (days: number): Calendar => ({
  days,
  startWeekday: 'mon',
  openSeconds: 8 * HOUR,
  closeSeconds: 16 * HOUR,
  intervalSeconds: HOUR,
  intervalsPerDay: 8,
});
const flat = (calendar: Calendar, perInterval: number): number[][] =>
  Array.from({ length: calendar.days }, () => Array.from({ length: calendar.intervalsPerDay }, () => perInterval));
const input = (given: Partial<FixedPointInput>): FixedPointInput => {
  const calendar = given.calendar ?? officeHours(1);
  return {
    calendar,
    firstContacts: flat(calendar, 100),
    firstContactResolution: 0.7,
    redial: { probability: 0.6, delay: NOW },
    repeatContact: { probability: 0.8, delay: NOW },
    maxAttempts: null,
    abandonedShareOf: () => 0.2,
    ...given,
  };
};
function expectConservation(result: ReturnType<typeof solveRetrialFixedPoint>): void {
  const { cases, resolvedCases, unresolvedCases, openCasesAtEnd } = result.totals;
  expectClose(resolvedCases + unresolvedCases + openCasesAtEnd, cases, 1e-9, 1e-12, 'cases = resolved + unresolved + open');
}

describe('solveRetrialFixedPoint', () => {
  it('with zero delays and a constant abandoned share equals F/(1 − pAb·pR − (1 − pAb)(1 − FCR)·pRep) in every interval', () => {
    const result = solveRetrialFixedPoint(input({}));
    const expected = 100 / (1 - 0.2 * 0.6 - 0.8 * 0.3 * 0.8);
    expect(result.intervals).toHaveLength(8);
    for (const flow of result.intervals) {
      expectClose(flow.attempts, expected, 1e-12);
      expectClose(flow.firstContacts + flow.redials + flow.repeatContacts, flow.attempts, 1e-12);
      expectClose(flow.redials, expected * 0.2 * 0.6, 1e-12);
      expectClose(flow.repeatContacts, expected * 0.8 * 0.3 * 0.8, 1e-12);
    }
    expect(result.converged).toBe(true);
    expectConservation(result);
    expect(result.totals.openCasesAtEnd).toBe(0);
  });

  it('spreads redials that fall while closed over the next day by its profile of first contacts, not at the opening', () => {
    // A fixed 12-hour redial delay: what abandons on day 1 calls again in the night, so it is made on day 2, in the
    // proportions of day 2's first contacts (1 : 3 : 0 : … here) — not all at 08:00.
    const calendar = officeHours(2);
    const day2 = [10, 30, 0, 0, 0, 0, 0, 0];
    const result = solveRetrialFixedPoint(
      input({
        calendar,
        firstContacts: [[100, 0, 0, 0, 0, 0, 0, 0], day2],
        firstContactResolution: 1,
        redial: { probability: 1, delay: { kind: 'fixed', seconds: 12 * HOUR } },
        repeatContact: { probability: 0, delay: NOW },
        abandonedShareOf: (day) => (day === 0 ? 0.5 : 0),
      }),
    );
    const redials = result.intervals.filter((flow) => flow.day === 1).map((flow) => flow.redials);
    expectClose(redials[0] as number, 50 * 0.25, 1e-9);
    expectClose(redials[1] as number, 50 * 0.75, 1e-9);
    expect(redials.slice(2).every((value) => value === 0)).toBe(true);
    expectConservation(result);
  });

  it('with an attempt cap of 3 and zero delays gives F·(1 + g + g²), g the return probability per attempt', () => {
    const result = solveRetrialFixedPoint(input({ maxAttempts: 3 }));
    const g = 0.2 * 0.6 + 0.8 * 0.3 * 0.8;
    for (const flow of result.intervals) expectClose(flow.attempts, 100 * (1 + g + g * g), 1e-12);
    expectConservation(result);
  });

  it('with maxAttempts = 1 makes no redials and no repeat contacts', () => {
    const result = solveRetrialFixedPoint(input({ maxAttempts: 1 }));
    expect(result.totals.redials).toBe(0);
    expect(result.totals.repeatContacts).toBe(0);
    expectClose(result.totals.attempts, result.totals.cases, 1e-15);
    expectClose(result.totals.unresolvedCases, 800 * (0.2 + 0.8 * 0.3), 1e-12);
    expectConservation(result);
  });

  it('with full first-contact resolution and no abandonment makes exactly one attempt per case', () => {
    const result = solveRetrialFixedPoint(input({ firstContactResolution: 1, abandonedShareOf: () => 0 }));
    expectClose(result.totals.attempts, result.totals.cases, 1e-15);
    expectClose(result.totals.resolvedCases, result.totals.cases, 1e-15);
  });

  it('makes a return that falls at night at the next opening, and one past the last close not at all', () => {
    const calendar = officeHours(2);
    const firstContacts = flat(calendar, 0);
    (firstContacts[0] as number[])[5] = 10; // 13:00–14:00 on day 1
    const result = solveRetrialFixedPoint(
      input({
        calendar,
        firstContacts,
        firstContactResolution: 0,
        repeatContact: { probability: 1, delay: { kind: 'fixed', seconds: 4 * HOUR } },
        abandonedShareOf: () => 0,
      }),
    );
    const at = (day: number, interval: number) => result.intervals[day * 8 + interval];
    // 13:00–14:00 + 4 h = 17:00–18:00: closed, so 08:00–09:00 next day; + 4 h = 12:00–13:00; + 4 h = after close.
    expect(at(1, 0)?.repeatContacts).toBeCloseTo(10, 12);
    expect(at(1, 4)?.repeatContacts).toBeCloseTo(10, 12);
    expect(result.totals.repeatContacts).toBeCloseTo(20, 12);
    expect(result.totals.openCasesAtEnd).toBeCloseTo(10, 12);
    expectConservation(result);
  });

  it('spreads returns with random delays forward in time only and conserves cases', () => {
    fc.assert(
      fc.property(
        fc.record({
          resolution: fc.double({ min: 0, max: 1, noNaN: true }),
          redial: fc.double({ min: 0, max: 1, noNaN: true }),
          repeat: fc.double({ min: 0, max: 1, noNaN: true }),
          abandoned: fc.double({ min: 0, max: 0.9, noNaN: true }),
          maxAttempts: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
          redialMinutes: fc.double({ min: 0.5, max: 600, noNaN: true }),
          repeatMinutes: fc.double({ min: 1, max: 3000, noNaN: true }),
          cv: fc.double({ min: 0.1, max: 2, noNaN: true }),
          days: fc.integer({ min: 1, max: 3 }),
        }),
        (p) => {
          const calendar = officeHours(p.days);
          const result = solveRetrialFixedPoint(
            input({
              calendar,
              firstContacts: calendar.days === 1 ? [[5, 9, 12, 10, 8, 7, 5, 3]] : flat(calendar, 7),
              firstContactResolution: p.resolution,
              redial: { probability: p.redial, delay: { kind: 'exponential', meanSeconds: p.redialMinutes * 60 } },
              repeatContact: { probability: p.repeat, delay: { kind: 'lognormal', meanSeconds: p.repeatMinutes * 60, cv: p.cv } },
              maxAttempts: p.maxAttempts,
              abandonedShareOf: () => p.abandoned,
            }),
          );
          expectConservation(result);
          expect(result.converged).toBe(true);
          // The first interval only sees first contacts and its own returns.
          const first = result.intervals[0];
          expect(first?.attempts).toBeGreaterThanOrEqual(first?.firstContacts ?? 0);
          for (const flow of result.intervals) {
            expectClose(flow.firstContacts + flow.redials + flow.repeatContacts, flow.attempts, 1e-12, 1e-12);
            expectClose(flow.answered + flow.abandoned, flow.attempts, 1e-12, 1e-12);
          }
        },
      ),
      { seed: 5150, numRuns: 60 },
    );
  });

  it('converges when the abandoned share comes from Erlang A with each interval’s staffing', () => {
    const calendar = officeHours(1);
    const staffing = [8, 10, 12, 12, 11, 10, 9, 7];
    const result = solveRetrialFixedPoint(
      input({
        calendar,
        firstContacts: [[60, 90, 120, 110, 100, 90, 70, 50]],
        redial: { probability: 0.7, delay: { kind: 'exponential', meanSeconds: 300 } },
        repeatContact: { probability: 0.8, delay: { kind: 'exponential', meanSeconds: 4 * HOUR } },
        abandonedShareOf: (_day, interval, attempts) =>
          evaluateQueue({
            arrivalsPerSecond: attempts / HOUR,
            meanHandleSeconds: 240,
            agents: staffing[interval] as number,
            meanPatienceSeconds: 120,
            serviceLevel: { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 },
          }).abandonedShare,
      }),
    );
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeGreaterThan(1);
    expect(result.iterations).toBeLessThanOrEqual(200);
    expectConservation(result);
    for (const flow of result.intervals) {
      // The reported flows are a fixed point: abandoned / attempts is the share at those attempts (to 1e-9).
      const share = evaluateQueue({
        arrivalsPerSecond: flow.attempts / HOUR,
        meanHandleSeconds: 240,
        agents: staffing[flow.interval] as number,
        meanPatienceSeconds: 120,
        serviceLevel: { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 },
      }).abandonedShare;
      expectClose(flow.abandoned / flow.attempts, share, 1e-6);
    }
  });

  it('converges through a steep abandonment curve where plain iteration would oscillate', () => {
    // Unresolved answered calls repeat at once, so more abandonment means fewer attempts. With a share that jumps
    // from 0 to 0.9 around 300 attempts, plain iteration flips between 1000 attempts (share 0) and 110 (share 0.9).
    const share = (attempts: number): number => 0.9 / (1 + Math.exp(-(attempts - 300) / 2));
    const result = solveRetrialFixedPoint(
      input({
        firstContactResolution: 0,
        redial: { probability: 0, delay: NOW },
        repeatContact: { probability: 0.9, delay: NOW },
        abandonedShareOf: (_d, _i, attempts) => share(attempts),
      }),
    );
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeGreaterThan(3);
    for (const flow of result.intervals) {
      // The flows are consistent with their own share, and that share is the curve's value at attempts within
      // the 1e-9 relative tolerance (the curve is steep, so compare in attempts, not in shares).
      const reported = flow.abandoned / flow.attempts;
      expectClose(flow.attempts, 100 / (1 - 0.9 * (1 - reported)), 1e-12);
      expect(reported).toBeGreaterThanOrEqual(share(flow.attempts * (1 - 1e-9)));
      expect(reported).toBeLessThanOrEqual(share(flow.attempts * (1 + 1e-9)));
    }
    expectConservation(result);
  });

  it('reports non-convergence when the iterations run out', () => {
    const result = solveRetrialFixedPoint(
      input({ maxIterations: 1, abandonedShareOf: (_d, _i, attempts) => Math.min(0.9, attempts / 400) }),
    );
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(1);
  });

  it('rejects feedback that never ends, a share outside [0, 1] and mis-shaped demand', () => {
    expect(() => solveRetrialFixedPoint(input({ redial: { probability: 1, delay: NOW }, abandonedShareOf: () => 1 }))).toThrow(/never end/);
    expect(() => solveRetrialFixedPoint(input({ abandonedShareOf: () => 1.5 }))).toThrow(/\[0, 1\]/);
    expect(() => solveRetrialFixedPoint(input({ firstContacts: [[1, 2, 3]] }))).toThrow(/firstContacts\[0\]/);
    expect(() => solveRetrialFixedPoint(input({ firstContactResolution: 1.1 }))).toThrow(RangeError);
    expect(() => solveRetrialFixedPoint(input({ maxAttempts: 0 }))).toThrow(RangeError);
  });
});

describe('buildLandingKernel, kept for the next plans', () => {
  it('gives the same kernel for the same calendar shape and delay, and a new one when either changes', () => {
    const calendar = { days: 3, intervalsPerDay: 4, intervalSeconds: 1800, openSeconds: 8 * 3600, closeSeconds: 10 * 3600, startWeekday: 'mon' as const };
    const delay = { kind: 'exponential' as const, meanSeconds: 900 };
    const first = buildLandingKernel(calendar, delay);
    expect(buildLandingKernel({ ...calendar }, { ...delay })).toBe(first);
    const longer = buildLandingKernel(calendar, { ...delay, meanSeconds: 1800 });
    expect(longer).not.toBe(first);
    expect(longer.mass).not.toEqual(first.mass);
    expect(buildLandingKernel({ ...calendar, days: 4 }, delay).mass.length).toBe(4 * 4 * 4);
  });

});
