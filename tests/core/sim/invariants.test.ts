import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/core/model/contact-centre-model.js';
import { METRIC_NAMES } from '../../../src/core/metrics.js';
import { runReplication, type AttemptRecord } from '../../../src/core/sim/run-replication.js';
import { testInput, testModel } from './model-builder.js';

const HOUR = 3600;
const DAY = 86_400;

const duration: fc.Arbitrary<Distribution> = fc.oneof(
  fc.double({ min: 1, max: 900, noNaN: true }).map((meanSeconds) => ({ kind: 'exponential' as const, meanSeconds })),
  fc.record({ kind: fc.constant('lognormal' as const), meanSeconds: fc.double({ min: 1, max: 900, noNaN: true }), cv: fc.double({ min: 0, max: 2, noNaN: true }) }),
  fc.record({ kind: fc.constant('gamma' as const), meanSeconds: fc.double({ min: 1, max: 900, noNaN: true }), cv: fc.double({ min: 0, max: 2, noNaN: true }) }),
  fc.record({ kind: fc.constant('erlang' as const), meanSeconds: fc.double({ min: 1, max: 900, noNaN: true }), k: fc.integer({ min: 1, max: 5 }) }),
  fc.integer({ min: 0, max: 900 }).map((seconds) => ({ kind: 'fixed' as const, seconds })),
  fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 5 }).map((seconds) => ({ kind: 'empirical' as const, seconds })),
);
const probability = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));

const scenario = fc.record({
  days: fc.integer({ min: 1, max: 3 }),
  hours: fc.constantFrom([8, 10], [0, 24], [0, 6], [20, 24], [9, 17]),
  intervalSeconds: fc.constantFrom(1800, 3600),
  cases: fc.integer({ min: 0, max: 30 }),
  agents: fc.double({ min: 0, max: 6, noNaN: true }),
  dropAgents: fc.boolean(),
  overdispersionCv: fc.constantFrom(0, 0.2),
  handleTime: duration,
  patience: fc.option(duration, { nil: null }),
  redialProbability: probability,
  redialDelay: duration,
  firstContactResolution: probability,
  repeatProbability: probability,
  repeatDelay: fc.oneof(duration, fc.constant<Distribution>({ kind: 'fixed', seconds: 5 * HOUR })),
  maxAttempts: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  seed: fc.integer({ min: 0, max: 1000 }),
});

describe('runReplication invariants (random small scenarios)', () => {
  it('conserves attempts and cases, keeps shares in range, calls only while open, and is deterministic', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const [openHour, closeHour] = s.hours as [number, number];
        const model = testModel({
          days: s.days,
          openSeconds: openHour * HOUR,
          closeSeconds: closeHour * HOUR,
          intervalSeconds: s.intervalSeconds,
          casesPerInterval: s.cases,
          overdispersionCv: s.overdispersionCv,
          handleTime: s.handleTime,
          patience: s.patience,
          redialProbability: s.redialProbability,
          redialDelay: s.redialDelay,
          firstContactResolution: s.firstContactResolution,
          repeatProbability: s.repeatProbability,
          repeatDelay: s.repeatDelay,
          maxAttempts: s.maxAttempts,
          seed: s.seed,
        });
        const { days, intervalsPerDay, openSeconds, closeSeconds } = model.calendar;
        // Optionally every other interval has no agents at all.
        const agents = Array.from({ length: days }, () =>
          Array.from({ length: intervalsPerDay }, (_, i) => (s.dropAgents && i % 2 === 1 ? 0 : s.agents)),
        );
        const input = testInput(model, agents);
        const records: AttemptRecord[] = [];
        const result = runReplication(input, 0, { onAttempt: (r) => records.push(r) });
        const t = result.totals;

        // Counts and money are finite; a ratio is undefined (NaN) only when its denominator is empty.
        for (const name of METRIC_NAMES) expect(t[name] === Infinity || t[name] === -Infinity, name).toBe(false);
        if (t.cases > 0) expect(Number.isFinite(t.attemptsPerCase) && Number.isFinite(t.resolvedShareOfCases)).toBe(true);
        if (t.attempts > 0) expect(Number.isFinite(t.serviceLevel) && Number.isFinite(t.meanWaitSeconds)).toBe(true);
        if (t.answered > 0) expect(Number.isFinite(t.asaSeconds) && Number.isFinite(t.waitP90Seconds)).toBe(true);
        if (t.resolvedCases > 0) expect(Number.isFinite(t.contactsPerResolvedCase) && Number.isFinite(t.costPerResolvedCase)).toBe(true);
        const unanswered = t.attempts - t.answered - t.abandoned;
        expect(unanswered).toBeGreaterThanOrEqual(0);
        if (s.patience !== null) expect(unanswered).toBe(0);
        expect(records.filter((r) => r.outcome === 'unanswered-at-end')).toHaveLength(unanswered);
        expect(t.resolvedCases + t.unresolvedCases + t.openCasesAtEnd).toBe(t.cases);
        expect(records).toHaveLength(t.attempts);
        for (const share of ['answeredShare', 'abandonedShare', 'serviceLevel', 'probabilityOfWaiting', 'resolvedShareOfCases'] as const) {
          if (Number.isNaN(t[share])) continue;
          expect(t[share]).toBeGreaterThanOrEqual(0);
          expect(t[share]).toBeLessThanOrEqual(1);
        }
        if (!Number.isNaN(t.occupancy)) expect(t.occupancy).toBeLessThanOrEqual(1 + 1e-12);
        expect(t.overtimeHours).toBeGreaterThanOrEqual(0);
        const lastClose = (days - 1) * DAY + closeSeconds;
        // Plain checks per record (one expect at the end: a run can have hundreds of thousands of attempts).
        const violations = records.filter((r) => {
          const timeOfDay = r.arrivalSeconds - Math.floor(r.arrivalSeconds / DAY) * DAY;
          return (
            !(r.waitSeconds >= 0) ||
            (s.maxAttempts !== null && r.attempt > s.maxAttempts) ||
            timeOfDay < openSeconds ||
            !(timeOfDay < closeSeconds || closeSeconds === DAY) ||
            r.arrivalSeconds >= lastClose
          );
        });
        expect(violations).toEqual([]);
        expect(JSON.stringify(runReplication(input, 0))).toBe(JSON.stringify(result));
      }),
      { numRuns: 60, seed: 20261127 } // fixed: same scenarios, same run time, every time,
    );
  });
});
