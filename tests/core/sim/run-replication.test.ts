import { describe, expect, it } from 'vitest';
import { runReplication, type AttemptRecord, type ReplicationResult } from '../../../src/core/sim/run-replication.js';
import type { SimulationInput } from '../../../src/core/sim/simulation-input.js';
import { testInput, testModel } from './model-builder.js';
import { networkInput, testGroup, withNetwork } from './network-builder.js';

const HOUR = 3600;
const DAY = 86_400;

function runWithRecords(input: SimulationInput, replication = 0): { result: ReplicationResult; records: AttemptRecord[] } {
  const records: AttemptRecord[] = [];
  const result = runReplication(input, replication, { onAttempt: (record) => records.push(record) });
  return { result, records };
}

const startOf = (r: AttemptRecord): number => r.arrivalSeconds + r.waitSeconds;
const endOf = (r: AttemptRecord): number => startOf(r) + r.handleSeconds;
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

describe('runReplication: queue and agents', () => {
  it('builds a queue in an interval with zero agents instead of crashing, and serves it when agents return', () => {
    const model = testModel({ closeSeconds: 11 * HOUR, casesPerInterval: 60, handleTime: { kind: 'exponential', meanSeconds: 60 }, patience: null });
    const { result, records } = runWithRecords(testInput(model, [[5, 0, 5]]));
    const empty = result.intervals[1]!;
    expect(empty.attempts).toBeGreaterThan(30);
    expect(empty.probabilityOfWaiting).toBe(1);
    expect(empty.answered).toBe(empty.attempts);
    expect(empty.asaSeconds).toBeGreaterThan(0);
    for (const r of records.filter((x) => x.arrivalSeconds >= 9 * HOUR && x.arrivalSeconds < 10 * HOUR)) {
      expect(startOf(r)).toBeGreaterThanOrEqual(10 * HOUR);
    }
    expect(result.totals.answered).toBe(result.totals.attempts);
  });

  it('counts the time agents spend finishing calls after their interval ends (staffing drop) as overtime', () => {
    const model = testModel({
      closeSeconds: 10 * HOUR,
      casesPerInterval: [[40, 0]],
      handleTime: { kind: 'fixed', seconds: 1000 },
      patience: null,
    });
    const { result, records } = runWithRecords(testInput(model, [[5, 0]]));
    const answered = records.filter((r) => r.outcome === 'answered');
    expect(answered.length).toBeGreaterThan(5);
    for (const r of answered) expect(startOf(r)).toBeLessThan(9 * HOUR);
    const expectedOvertimeHours = sum(answered.map((r) => Math.max(0, endOf(r) - 9 * HOUR))) / HOUR;
    expect(expectedOvertimeHours).toBeGreaterThan(0.5);
    expect(result.totals.overtimeHours).toBeCloseTo(expectedOvertimeHours, 9);
    expect(result.intervals[1]!.overtimeHours).toBeCloseTo(expectedOvertimeHours, 9);
    expect(result.intervals[0]!.overtimeHours).toBe(0);
    expect(result.totals.overtimeCost).toBeCloseTo(expectedOvertimeHours * model.costs.perOvertimeHour, 6);
    // Calls still queued when the agents left are never answered (nobody stays: the last interval has 0 agents).
    const leftOver = records.filter((r) => r.outcome === 'unanswered-at-end');
    expect(leftOver.length).toBeGreaterThan(0);
    for (const r of leftOver) expect(r.waitSeconds).toBeCloseTo(10 * HOUR - r.arrivalSeconds, 9);
    expect(result.totals.openCasesAtEnd).toBe(leftOver.length);
    expect(result.totals.attempts).toBe(answered.length + leftOver.length);
  });

  it('answers the calls queued at closing with the last interval’s agents, as overtime, while patience still runs', () => {
    const model = testModel({
      closeSeconds: 9 * HOUR,
      casesPerInterval: 60,
      handleTime: { kind: 'fixed', seconds: 300 },
      patience: { kind: 'fixed', seconds: 1500 },
    });
    const { result, records } = runWithRecords(testInput(model, 2));
    const answered = records.filter((r) => r.outcome === 'answered');
    const afterClose = answered.filter((r) => startOf(r) >= 9 * HOUR);
    expect(afterClose.length).toBeGreaterThan(0);
    const overtimeSeconds = sum(answered.map((r) => Math.max(0, endOf(r) - Math.max(startOf(r), 9 * HOUR))));
    expect(result.totals.overtimeHours).toBeCloseTo(overtimeSeconds / HOUR, 9);
    const abandoned = records.filter((r) => r.outcome === 'abandoned');
    expect(abandoned.some((r) => r.arrivalSeconds + r.waitSeconds > 9 * HOUR)).toBe(true);
    for (const r of abandoned) expect(r.waitSeconds).toBeCloseTo(1500, 9);
    expect(result.totals.answered + result.totals.abandoned).toBe(result.totals.attempts);
    expect(result.totals.occupancy).toBeLessThanOrEqual(1);
  });

  it('has no overtime at midnight between 24-hour days: only the final drain after the last close counts', () => {
    const model = testModel({ days: 2, openSeconds: 0, closeSeconds: DAY, intervalSeconds: 4 * HOUR, casesPerInterval: 1400, handleTime: { kind: 'exponential', meanSeconds: 100 } });
    const { result, records } = runWithRecords(testInput(model, 12));
    const lastClose = 2 * DAY;
    const drain = sum(records.filter((r) => r.outcome === 'answered').map((r) => Math.max(0, endOf(r) - Math.max(startOf(r), lastClose))));
    expect(result.totals.overtimeHours).toBeCloseTo(drain / HOUR, 9);
    expect(result.intervals.slice(0, -1).every((m) => m.overtimeHours === 0)).toBe(true);
  });

  it('survives a long run in which every caller abandons an empty team (queue compaction, slot reuse)', () => {
    const model = testModel({ closeSeconds: 9 * HOUR, casesPerInterval: 50_000, patience: { kind: 'exponential', meanSeconds: 1 } });
    const result = runReplication(testInput(model, 0), 0);
    expect(result.totals.attempts).toBeGreaterThan(49_000);
    expect(result.totals.abandoned).toBe(result.totals.attempts);
    expect(result.totals.unresolvedCases).toBe(result.totals.cases);
    expect(result.totals.occupancy).toBeNaN(); // no on-phone time at all
  });
});

describe('runReplication: redials, repeat contacts and the horizon', () => {
  it('makes a redial that falls while closed on the next open day, spread by its profile, stops at maxAttempts, and leaves late cases open', () => {
    const model = testModel({
      days: 2,
      closeSeconds: 9 * HOUR,
      casesPerInterval: 30,
      patience: { kind: 'fixed', seconds: 60 },
      redialProbability: 1,
      redialDelay: { kind: 'fixed', seconds: 2 * HOUR },
      maxAttempts: 2,
    });
    const { result, records } = runWithRecords(testInput(model, 0));
    const firstDay1 = records.filter((r) => r.kind === 'first' && r.arrivalSeconds < DAY);
    const firstDay2 = records.filter((r) => r.kind === 'first' && r.arrivalSeconds >= DAY);
    const redials = records.filter((r) => r.kind === 'redial');
    expect(redials.length).toBe(firstDay1.length);
    for (const r of redials) {
      // Day 2 is open 08:00–09:00 with a flat profile: the redials are spread over that hour, not made at 08:00.
      expect(r.arrivalSeconds).toBeGreaterThanOrEqual(DAY + 8 * HOUR);
      expect(r.arrivalSeconds).toBeLessThan(DAY + 9 * HOUR);
      expect(r.attempt).toBe(2);
    }
    const meanMinute = redials.reduce((sum, r) => sum + (r.arrivalSeconds - DAY - 8 * HOUR) / 60, 0) / redials.length;
    expect(meanMinute).toBeGreaterThan(20);
    expect(meanMinute).toBeLessThan(40);
    expect(new Set(redials.map((r) => r.caseId))).toEqual(new Set(firstDay1.map((r) => r.caseId)));
    expect(result.totals.unresolvedCases).toBe(firstDay1.length); // lost at maxAttempts
    expect(result.totals.openCasesAtEnd).toBe(firstDay2.length); // their redial would fall after the last close
    expect(result.intervals[1]!.attempts).toBe(firstDay1.length + firstDay2.length);
    expect(result.totals.attemptsPerCase).toBeCloseTo((2 * firstDay1.length + firstDay2.length) / (firstDay1.length + firstDay2.length), 12);
  });

  it('sends unresolved answered cases back as repeat contacts and books their cost', () => {
    const model = testModel({
      days: 3,
      casesPerInterval: 40,
      handleTime: { kind: 'exponential', meanSeconds: 120 },
      firstContactResolution: 0.5,
      repeatProbability: 1,
      repeatDelay: { kind: 'exponential', meanSeconds: 1800 },
      maxAttempts: 3,
      patience: null,
    });
    const { result, records } = runWithRecords(testInput(model, 8));
    const repeats = records.filter((r) => r.kind === 'repeat');
    expect(repeats.length).toBeGreaterThan(100);
    expect(Math.max(...records.map((r) => r.attempt))).toBe(3);
    expect(result.totals.repeatContactCost).toBeCloseTo(repeats.length * model.costs.perRepeatContact, 9);
    // With repeat probability 1, a case ends resolved, lost after its third unresolved answer, or open at the end.
    expect(result.totals.resolvedCases + result.totals.unresolvedCases + result.totals.openCasesAtEnd).toBe(result.totals.cases);
    // Case identity: every attempt number of a case appears once, in order of arrival.
    const byCase = new Map<number, AttemptRecord[]>();
    for (const r of records) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r]);
    for (const attempts of byCase.values()) {
      const sorted = [...attempts].sort((a, b) => a.attempt - b.attempt);
      sorted.forEach((r, i) => expect(r.attempt).toBe(i + 1));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.arrivalSeconds).toBeGreaterThanOrEqual(sorted[i - 1]!.arrivalSeconds);
    }
  });
});

describe('runReplication: statistics', () => {
  it('leaves attempts arriving during the warm-up out of the statistics, and prorates paid hours and fixed cost', () => {
    const model = testModel({ closeSeconds: 12 * HOUR, warmupSeconds: 5400, casesPerInterval: 100, handleTime: { kind: 'exponential', meanSeconds: 100 } });
    const { result, records } = runWithRecords(testInput(model, 3));
    // The first interval lies wholly in the warm-up: no counts, no cost, and every ratio undefined.
    for (const name of ['cases', 'attempts', 'answered', 'abandoned', 'resolvedCases', 'paidAgentHours', 'totalCost'] as const) {
      expect(result.intervals[0]![name]).toBe(0);
    }
    for (const name of ['serviceLevel', 'asaSeconds', 'occupancy', 'attemptsPerCase'] as const) expect(result.intervals[0]![name]).toBeNaN();
    const warmupEnd = 8 * HOUR + 5400;
    expect(result.totals.attempts).toBe(records.filter((r) => r.arrivalSeconds >= warmupEnd).length);
    expect(result.totals.cases).toBe(records.filter((r) => r.kind === 'first' && r.arrivalSeconds >= warmupEnd).length);
    expect(result.intervals[1]!.paidAgentHours).toBeCloseTo(1.5, 12);
    expect(result.totals.paidAgentHours).toBeCloseTo(7.5, 12);
    expect(result.totals.fixedCost).toBeCloseTo((2.5 / 4) * model.costs.fixedPerDay, 9);
  });

  it('agrees with its own attempt records: counts, waits, service level (all three definitions), P90', () => {
    for (const definition of ['answered-of-offered', 'answered-of-answered', 'exclude-short-abandons'] as const) {
      const model = testModel({
        days: 2,
        casesPerInterval: 110,
        handleTime: { kind: 'lognormal', meanSeconds: 180, cv: 0.8 },
        patience: { kind: 'exponential', meanSeconds: 90 },
        redialProbability: 0.5,
        firstContactResolution: 0.8,
        repeatProbability: 0.5,
        repeatDelay: { kind: 'exponential', meanSeconds: 1200 },
        serviceLevelDefinition: definition,
        shortAbandonSeconds: 5,
      });
      const { result, records } = runWithRecords(testInput(model, 5));
      const t = result.totals;
      const answered = records.filter((r) => r.outcome === 'answered');
      const abandoned = records.filter((r) => r.outcome === 'abandoned');
      const within = answered.filter((r) => r.waitSeconds <= 20).length;
      expect(t.attempts).toBe(records.length);
      expect(t.answered).toBe(answered.length);
      expect(t.abandoned).toBe(abandoned.length);
      expect(t.asaSeconds).toBeCloseTo(sum(answered.map((r) => r.waitSeconds)) / answered.length, 9);
      expect(t.meanWaitSeconds).toBeCloseTo(sum(records.map((r) => r.waitSeconds)) / records.length, 9);
      expect(t.probabilityOfWaiting).toBeCloseTo(records.filter((r) => r.waitSeconds > 0).length / records.length, 12);
      const expectedServiceLevel =
        definition === 'answered-of-offered'
          ? within / records.length
          : definition === 'answered-of-answered'
            ? within / answered.length
            : within / (records.length - abandoned.filter((r) => r.waitSeconds <= 5).length);
      expect(t.serviceLevel).toBeCloseTo(expectedServiceLevel, 12);
      const waits = answered.map((r) => r.waitSeconds).sort((a, b) => a - b);
      const exactP90 = waits[Math.ceil(0.9 * waits.length) - 1]!;
      expect(exactP90).toBeGreaterThan(1);
      expect(Math.abs(t.waitP90Seconds - exactP90)).toBeLessThanOrEqual(exactP90 * 2 ** -7);
      expect(t.telephonyCost).toBeCloseTo(((sum(records.map((r) => r.waitSeconds)) + sum(answered.map((r) => r.handleSeconds))) / 60) * model.costs.perTelephonyMinute, 6);
      // Interval records add up to the totals.
      for (const name of ['attempts', 'answered', 'abandoned', 'cases', 'resolvedCases', 'unresolvedCases', 'openCasesAtEnd', 'totalCost', 'paidAgentHours'] as const) {
        expect(sum(result.intervals.map((m) => m[name]))).toBeCloseTo(t[name], 6);
      }
      expect(t.fixedCost).toBeCloseTo(2 * model.costs.fixedPerDay, 9);
      expect(t.costPerResolvedCase).toBeCloseTo(t.totalCost / t.resolvedCases, 9);
      expect(t.contactsPerResolvedCase).toBeCloseTo(t.answered / t.resolvedCases, 12);
    }
  });

  it('leaves a ratio with an empty denominator undefined (NaN), never 0 or infinite', () => {
    const model = testModel({ casesPerInterval: 0 });
    const { intervals, totals } = runReplication(testInput(model, 0), 0);
    expect(intervals).toHaveLength(8);
    expect(totals.cases).toBe(0);
    expect(totals.attempts).toBe(0);
    expect(totals.serviceLevel).toBeNaN();
    expect(totals.asaSeconds).toBeNaN();
    expect(totals.waitP90Seconds).toBeNaN();
    expect(totals.attemptsPerCase).toBeNaN();
    expect(totals.occupancy).toBeNaN(); // no agents on the phones either
    expect(totals.costPerResolvedCase).toBeNaN();
  });

  it('multiplies each day’s demand by a gamma factor of mean 1 and cv overdispersionCv (exactly 1 for cv 0)', () => {
    const dayCounts = (cv: number): number[] => {
      const model = testModel({ days: 300, closeSeconds: 9 * HOUR, casesPerInterval: 100, overdispersionCv: cv, handleTime: { kind: 'fixed', seconds: 1 }, patience: null });
      return runReplication(testInput(model, 5), 0).intervals.map((m) => m.cases);
    };
    const describe = (counts: number[]) => {
      const mean = sum(counts) / counts.length;
      return { mean, variance: sum(counts.map((c) => (c - mean) ** 2)) / (counts.length - 1) };
    };
    // Poisson: variance = mean. Gamma-mixed Poisson: variance = mean + mean²·cv² = 100 + 900 for cv 0.3.
    // Tolerances ≈ 3 standard errors of 300 daily counts.
    const poisson = describe(dayCounts(0));
    expect(Math.abs(poisson.mean - 100)).toBeLessThan(2);
    expect(poisson.variance / 100).toBeGreaterThan(0.75);
    expect(poisson.variance / 100).toBeLessThan(1.25);
    const mixed = describe(dayCounts(0.3));
    expect(Math.abs(mixed.mean - 100)).toBeLessThan(6);
    expect(mixed.variance).toBeGreaterThan(650);
    expect(mixed.variance).toBeLessThan(1350);
  });
});

describe('runReplication: randomness', () => {
  const model = testModel({ days: 2, casesPerInterval: 90, redialProbability: 0.6, firstContactResolution: 0.8, repeatProbability: 0.5 });

  it('gives identical results for the same seed and replication, and different ones for another seed or replication', () => {
    const a = JSON.stringify(runReplication(testInput(model, 5), 0));
    expect(JSON.stringify(runReplication(testInput(model, 5), 0))).toBe(a);
    expect(JSON.stringify(runReplication(testInput(model, 5), 1))).not.toBe(a);
    const reseeded = testModel({ days: 2, casesPerInterval: 90, redialProbability: 0.6, firstContactResolution: 0.8, repeatProbability: 0.5, seed: 1 });
    expect(JSON.stringify(runReplication(testInput(reseeded, 5), 0))).not.toBe(a);
  });

  it('leaves the arrival stream unchanged when staffing changes (common random numbers)', () => {
    const few = runWithRecords(testInput(model, 4));
    const many = runWithRecords(testInput(model, [[6.5, 7, 5, 5, 6, 6, 6, 5], [5, 5, 5, 5, 5, 5, 5, 5]]));
    expect(many.result.intervals.map((m) => m.cases)).toEqual(few.result.intervals.map((m) => m.cases));
    const firstArrivals = (records: AttemptRecord[]) => records.filter((r) => r.kind === 'first').map((r) => [r.caseId, r.arrivalSeconds]).sort((x, y) => x[0]! - y[0]!);
    expect(firstArrivals(many.records)).toEqual(firstArrivals(few.records));
    expect(many.result.totals.serviceLevel).not.toBe(few.result.totals.serviceLevel);
  });

  it('gives the n-th attempt the same handle time under any staffing when there are no redials or repeats', () => {
    const plain = testModel({ days: 1, casesPerInterval: 90 });
    const handleByCase = (agents: number) =>
      new Map(runWithRecords(testInput(plain, agents)).records.filter((r) => r.outcome === 'answered').map((r) => [r.caseId, r.handleSeconds]));
    const a = handleByCase(4);
    const b = handleByCase(7);
    let compared = 0;
    for (const [caseId, handle] of a) {
      if (b.has(caseId)) {
        expect(b.get(caseId)).toBe(handle);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('reports progress from 0 to 1 without going back', () => {
    const fractions: number[] = [];
    runReplication(testInput(model, 5), 0, { onProgress: (f) => fractions.push(f) });
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
  });

  it('rejects an input whose tables do not match the calendar', () => {
    const input = testInput(model, 5);
    expect(() => runReplication({ ...input, onPhoneAgents: [[1, 2]] }, 0)).toThrow(/onPhoneAgents must have 2 rows/);
    expect(() => runReplication(input, -1)).toThrow(RangeError);
  });

  it('rejects a retry loop that would never let time advance', () => {
    const zeno = testModel({ patience: { kind: 'fixed', seconds: 0 }, redialProbability: 1, redialDelay: { kind: 'fixed', seconds: 0 } });
    expect(() => runReplication(testInput(zeno, 0), 0)).toThrow(/redial forever/);
    const capped = testModel({ patience: { kind: 'fixed', seconds: 0 }, redialProbability: 1, redialDelay: { kind: 'fixed', seconds: 0 }, maxAttempts: 3 });
    expect(runReplication(testInput(capped, 0), 0).totals.attemptsPerCase).toBe(3);
  });

  it('rejects certain, immediate redials of calls a full first queue blocks at once (they would loop at one instant)', () => {
    const blocking = (maxAttempts: number | null) =>
      withNetwork(testModel({ redialProbability: 1, redialDelay: { kind: 'fixed', seconds: 0 }, maxAttempts }), [
        testGroup({ name: 'front', handleTime: { kind: 'exponential', meanSeconds: 180 }, maxQueue: 0 }),
      ]);
    expect(() => runReplication(networkInput(blocking(null), [2]), 0)).toThrow(/finite maxQueue at the first group/);
    expect(runReplication(networkInput(blocking(4), [2]), 0).totals.attemptsPerCase).toBeLessThanOrEqual(4);
  });
});
