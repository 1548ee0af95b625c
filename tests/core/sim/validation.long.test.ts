/**
 * Statistical validation of the engine against exact results (REFERENCES.md §3–§4, shared/bench/README.md).
 *
 * Every run uses a fixed seed (TEST_SEED), so the outcome is deterministic — these tests never flake. The checks are
 * statistical all the same: a simulated estimate must lie within its own 95 % Student-t confidence half-width
 * (`ci95`, across independent replications) of the exact value. Long 24-hour days, a one-hour warm-up and several
 * replications keep the initial transient out and the intervals narrow.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mean } from 'simple-statistics';
import type { MetricName } from '../../../src/core/metrics.js';
import { runReplication, type ReplicationResult } from '../../../src/core/sim/run-replication.js';
import type { SimulationInput } from '../../../src/core/sim/simulation-input.js';
import { summariseReplications, type SimulationSummary } from '../../../src/core/sim/summarise.js';
import { erlangAAnsweredWait } from '../../../src/core/queueing/erlang-a.js';
import { erlangC, testInput, testModel } from './model-builder.js';

const HOUR = 3600;
const DAY = 86_400;

function replicate(input: SimulationInput, replications: number): { summary: SimulationSummary; results: ReplicationResult[] } {
  const results = Array.from({ length: replications }, (_, r) => runReplication(input, r));
  return { summary: summariseReplications(results, input.model), results };
}

function expectWithinCi(summary: SimulationSummary, expected: Partial<Record<MetricName, number>>): void {
  for (const [name, exact] of Object.entries(expected) as [MetricName, number][]) {
    const { mean: simulated, ci95 } = summary.totals[name];
    expect(ci95, `${name}: ci95 must be positive`).toBeGreaterThan(0);
    expect(Math.abs(simulated - exact), `${name}: simulated ${simulated} ± ${ci95} vs exact ${exact}`).toBeLessThanOrEqual(ci95);
  }
}

/** The simulated 90th-percentile wait against an exact one: within its 95% interval and the histogram's 0.8%. */
function expectP90WithinCi(summary: SimulationSummary, exact: number): void {
  const { mean: simulated, ci95 } = summary.totals.waitP90Seconds;
  expect(ci95).toBeGreaterThan(0);
  expect(Math.abs(simulated - exact), `waitP90Seconds: simulated ${simulated} ± ${ci95} vs exact ${exact}`).toBeLessThanOrEqual(ci95 + 0.008 * exact);
}

describe('validation against Erlang C (M/M/c, REFERENCES §4 case 2)', () => {
  // λ = 100 calls / 1800 s, AHT 180 s (A = 10 Erlangs), N = 14, SL threshold 20 s, infinite patience.
  const arrivalsPer1800 = 100;
  const aht = 180;
  const agents = 14;
  const exact = erlangC((arrivalsPer1800 / 1800) * aht, agents, aht, 20);

  it('uses the published values of case 2 (P(wait) 0.1741319, SL 0.88835, mean wait 7.8359 s, occupancy 0.7142857)', () => {
    expect(exact.probabilityOfWaiting).toBeCloseTo(0.1741319, 6);
    expect(exact.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(exact.meanWaitSeconds).toBeCloseTo(7.8359, 4);
    expect(exact.occupancy).toBeCloseTo(0.7142857, 7);
  });

  it('long stationary runs agree with Erlang C within their 95 % confidence intervals', () => {
    const model = testModel({
      days: 10,
      openSeconds: 0,
      closeSeconds: DAY,
      intervalSeconds: 1800,
      casesPerInterval: arrivalsPer1800,
      handleTime: { kind: 'exponential', meanSeconds: aht },
      patience: null,
      warmupSeconds: HOUR,
    });
    const { summary } = replicate(testInput(model, agents), 10);
    expectWithinCi(summary, {
      probabilityOfWaiting: exact.probabilityOfWaiting,
      serviceLevel: exact.serviceLevel,
      meanWaitSeconds: exact.meanWaitSeconds,
      asaSeconds: exact.meanWaitSeconds, // nobody abandons: ASA = mean wait over all calls
      occupancy: exact.occupancy,
    });
    expect(summary.totals.abandoned.mean).toBe(0);
    // The 90th-percentile wait, ln(C / 0.1)·AHT / (N − A) = 24.959 s; the simulation's histogram adds up to 0.8%.
    expectP90WithinCi(summary, (Math.log(exact.probabilityOfWaiting / 0.1) * aht) / (agents - 10));
  });
});

describe('validation against Erlang A (M/M/33+M, the shared reference workload)', () => {
  // 1 call/s, AHT 30 s, 33 agents, exponential patience of mean 120 s. Exact values from shared/bench/README.md.
  const exact = { serviceLevel: 0.977205, abandonedShare: 0.017984, asaSeconds: 2.1105, probabilityOfWaiting: 0.3989 };
  const meanPatience = 120;
  const model = testModel({
    days: 3,
    openSeconds: 0,
    closeSeconds: DAY,
    intervalSeconds: HOUR,
    casesPerInterval: 3600,
    handleTime: { kind: 'exponential', meanSeconds: 30 },
    patience: { kind: 'exponential', meanSeconds: meanPatience },
    warmupSeconds: HOUR,
  });
  const input = testInput(model, 33);
  const replications = 8;
  const observations: { busy: number; waiting: number }[][] = [];
  let results: ReplicationResult[] = [];
  let summary: SimulationSummary;
  beforeAll(() => {
    results = Array.from({ length: replications }, (_, r) => {
      const observed: { busy: number; waiting: number }[] = [];
      observations.push(observed);
      return runReplication(input, r, {
        observe: {
          everySeconds: 1,
          onObservation: (time, busy, waiting) => {
            if (time > HOUR && time <= 3 * DAY) observed.push({ busy, waiting });
          },
        },
      });
    });
    summary = summariseReplications(results, model);
  });

  it('agrees with Erlang A within the 95 % confidence intervals (SL, abandonment, ASA, P(wait), occupancy, mean wait)', () => {
    expectWithinCi(summary, {
      ...exact,
      // Erlang A identities (REFERENCES §3.2): occupancy = λ(1 − P(ab))/(Nμ), E[W] = P(ab)/θ.
      occupancy: (1 * (1 - exact.abandonedShare) * 30) / 33,
      meanWaitSeconds: exact.abandonedShare * meanPatience,
    });
    // The 90th-percentile wait of answered calls, from the exact Erlang A wait distribution (the plan's waitP90Seconds).
    const wait = erlangAAnsweredWait({ arrivalsPerSecond: 1, meanHandleSeconds: 30, agents: 33, meanPatienceSeconds: meanPatience, serviceLevel: model.serviceLevel })!;
    let low = 0;
    let high = 600;
    for (let i = 0; i < 200; i++) {
      const middle = (low + high) / 2;
      if (wait.survival(middle) > 0.1) low = middle;
      else high = middle;
    }
    expect(low).toBeGreaterThan(1);
    expectP90WithinCi(summary, low);
  });

  it('satisfies Little’s law: the time-averaged queue length equals arrival rate × mean wait', () => {
    const measuredSeconds = 3 * DAY - HOUR;
    const perReplication = results.map((result, r) => {
      const queue = mean(observations[r]!.map((o) => o.waiting));
      const littles = (result.totals.attempts / measuredSeconds) * result.totals.meanWaitSeconds;
      return { queue, littles, busy: mean(observations[r]!.map((o) => o.busy)), busyFromOccupancy: 33 * result.totals.occupancy };
    });
    for (const { queue, littles, busy, busyFromOccupancy } of perReplication) {
      // Same realisation, two estimators of ∫Q dt / T: they differ only by the 1-second sampling grid and the
      // window's edges (observed: < 0.05 %; allowed: 0.5 %).
      expect(Math.abs(queue - littles) / littles).toBeLessThan(0.005);
      // And for the agents: mean number busy (sampled) = busy agent time / time = occupancy × N.
      expect(Math.abs(busy - busyFromOccupancy) / busy).toBeLessThan(0.005);
    }
    // Against theory: E[Q] = λ·E[W] = P(ab)·λ/θ = 2.158 within the spread across replications.
    const queues = perReplication.map((p) => p.queue);
    const qMean = mean(queues);
    const sd = Math.sqrt(queues.reduce((a, q) => a + (q - qMean) ** 2, 0) / (queues.length - 1));
    expect(Math.abs(qMean - exact.abandonedShare * meanPatience)).toBeLessThanOrEqual((2.365 * sd) / Math.sqrt(queues.length));
  });
});

describe('validation of the failure-demand loop (closed forms)', () => {
  it('with no waiting, attempts per case = 1/(1 − (1 − FCR)·p_repeat) and contacts per resolved case = 1/FCR', () => {
    const fcr = 0.6;
    const pRepeat = 0.8;
    const model = testModel({
      days: 5,
      openSeconds: 0,
      closeSeconds: DAY,
      intervalSeconds: 4 * HOUR,
      casesPerInterval: 0.1 * 4 * HOUR, // 0.1 new cases per second
      handleTime: { kind: 'exponential', meanSeconds: 60 },
      firstContactResolution: fcr,
      repeatProbability: pRepeat,
      repeatDelay: { kind: 'exponential', meanSeconds: 120 },
      patience: { kind: 'exponential', meanSeconds: 60 },
    });
    // ≈ 8.8 Erlangs offered to 60 agents: P(wait) is about 1e-20, nobody abandons.
    const { summary } = replicate(testInput(model, 60), 4);
    expect(summary.totals.abandoned.mean).toBe(0);
    const loop = (1 - fcr) * pRepeat;
    expectWithinCi(summary, {
      attemptsPerCase: 1 / (1 - loop),
      resolvedShareOfCases: fcr / (1 - loop),
      contactsPerResolvedCase: 1 / fcr,
    });
  });

  it('with nobody answered, attempts per case = Σ_{j<m} p_redial^j under maxAttempts m, and every case ends unresolved', () => {
    const pRedial = 0.5;
    const maxAttempts = 3;
    const model = testModel({
      days: 3,
      openSeconds: 0,
      closeSeconds: DAY,
      intervalSeconds: 6 * HOUR,
      casesPerInterval: 0.05 * 6 * HOUR,
      patience: { kind: 'exponential', meanSeconds: 30 },
      redialProbability: pRedial,
      redialDelay: { kind: 'exponential', meanSeconds: 300 },
      maxAttempts,
    });
    const { summary } = replicate(testInput(model, 0), 4);
    expectWithinCi(summary, { attemptsPerCase: (1 - pRedial ** maxAttempts) / (1 - pRedial) });
    const t = summary.totals;
    expect(t.unresolvedCases.mean + t.openCasesAtEnd.mean).toBe(t.cases.mean);
    expect(t.abandonedShare.mean).toBe(1);
  });
});

describe('validation against the infinite-server M_t/M/∞ model (REFERENCES §3.4)', () => {
  it('the mean number of busy agents follows m(t) = a/μ + b(μ sin ct − c cos ct)/(μ² + c²) within its confidence band', () => {
    const a = 0.2; // calls per second
    const b = 0.1;
    const periodSeconds = HOUR;
    const c = (2 * Math.PI) / periodSeconds;
    const mu = 1 / 100; // exponential handle time, mean 100 s
    const step = 60; // λ(t) is approximated by its exact average over each 60-second interval
    const days = 6;
    const intervalsPerDay = DAY / step;
    const casesPerInterval = Array.from({ length: days }, (_, d) =>
      Array.from({ length: intervalsPerDay }, (_, i) => {
        const t0 = d * DAY + i * step;
        return a * step + (b / c) * (Math.cos(c * t0) - Math.cos(c * (t0 + step)));
      }),
    );
    const model = testModel({
      days,
      openSeconds: 0,
      closeSeconds: DAY,
      intervalSeconds: step,
      casesPerInterval,
      handleTime: { kind: 'exponential', meanSeconds: 1 / mu },
      patience: null,
    });
    const m = (t: number): number => a / mu + (b * (mu * Math.sin(c * t) - c * Math.cos(c * t))) / (mu * mu + c * c);
    const phases = 12;
    const observeEvery = periodSeconds / phases;
    const byPhase: number[][] = Array.from({ length: phases }, () => []);
    const input = testInput(model, 200); // never more than ~60 busy: effectively infinite servers
    for (let r = 0; r < 2; r++) {
      runReplication(input, r, {
        observe: {
          everySeconds: observeEvery,
          onObservation: (time, busy, waiting) => {
            expect(waiting).toBe(0);
            // Skip the first period (start-up from empty) and the drain after the last close.
            if (time >= periodSeconds && time < days * DAY) byPhase[Math.round((time % periodSeconds) / observeEvery) % phases]!.push(busy);
          },
        },
      });
    }
    // The number busy at time t is Poisson with mean m(t) (infinite servers), and observations one period apart are
    // independent (the period is 36 mean handle times), so the standard error of a phase mean is √(m/K). Twelve
    // phases are checked at once: each within z = 2.865 standard errors (Bonferroni for a family-wise 95 %).
    const chiSquare = byPhase.reduce((acc, values, phase) => {
      const expected = m(phase * observeEvery);
      const average = mean(values);
      const standardError = Math.sqrt(expected / values.length);
      expect(Math.abs(average - expected), `phase ${phase}: ${average} vs m(t) ${expected}`).toBeLessThanOrEqual(2.865 * standardError);
      return acc + ((average - expected) / standardError) ** 2;
    }, 0);
    // Jointly: χ² with 12 degrees of freedom, below its 99.9 % quantile 32.91.
    expect(chiSquare).toBeLessThan(32.91);
    // The amplitude is clearly resolved: peak-to-trough of m(t) is ≈ 19.7 busy agents.
    expect(Math.max(...byPhase.map(mean)) - Math.min(...byPhase.map(mean))).toBeGreaterThan(15);
  });
});
