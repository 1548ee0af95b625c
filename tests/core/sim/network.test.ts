/**
 * The agent-group network of SPEC §7 against exact results: a tandem of two Erlang C queues (Burke's theorem),
 * blocking of transfers into a group without waiting places (Erlang B), and calls with e-mail tasks in one group
 * (Cobham's non-preemptive priority formulas). Fixed seeds: deterministic, never flaky; each estimate must lie within
 * its own 95 % confidence half-width of the exact value.
 */
import { describe, expect, it } from 'vitest';
import type { GroupMetricName } from '../../../src/core/metrics.js';
import { runReplication, type AttemptRecord, type ReplicationResult } from '../../../src/core/sim/run-replication.js';
import type { SimulationInput } from '../../../src/core/sim/simulation-input.js';
import { summariseReplications, type SimulationSummary } from '../../../src/core/sim/summarise.js';
import { erlangB, erlangC, testModel } from './model-builder.js';
import { networkInput, testChannel, testGroup, withNetwork } from './network-builder.js';

const HOUR = 3600;
const DAY = 86_400;

function replicate(input: SimulationInput, replications: number): { summary: SimulationSummary; results: ReplicationResult[] } {
  const results = Array.from({ length: replications }, (_, r) => runReplication(input, r));
  return { summary: summariseReplications(results, input.model), results };
}

function expectGroupWithinCi(summary: SimulationSummary, group: number, expected: Partial<Record<GroupMetricName, number>>): void {
  const totals = summary.groups?.[group]?.totals;
  expect(totals, 'group totals').toBeDefined();
  for (const [name, exact] of Object.entries(expected) as [GroupMetricName, number][]) {
    const { mean, ci95 } = (totals as NonNullable<typeof totals>)[name];
    expect(ci95, `${name}: ci95 must be positive`).toBeGreaterThan(0);
    expect(Math.abs(mean - exact), `group ${group} ${name}: simulated ${mean} ± ${ci95} vs exact ${exact}`).toBeLessThanOrEqual(ci95);
  }
}

/** Every counted case has one fate and every counted call one outcome, in every replication and every group. */
function expectAccountingIdentities(results: readonly ReplicationResult[]): void {
  for (const { totals, groups } of results) {
    expect(totals.resolvedCases + totals.unresolvedCases + totals.openCasesAtEnd).toBe(totals.cases);
    for (const group of groups ?? []) {
      const t = group.totals;
      expect(t.answered + t.abandoned + t.blocked).toBeLessThanOrEqual(t.attempts);
      expect(t.attempts - (t.answered + t.abandoned + t.blocked)).toBeLessThanOrEqual(t.attempts * 0.01 + 50); // still waiting at the end
    }
    const answered = (groups ?? []).reduce((sum, g) => sum + g.totals.answered, 0);
    expect(answered).toBe(totals.answered);
  }
}

describe('a tandem of two groups is two Erlang C queues (Burke)', () => {
  // Group A: λ = 100 calls per 30 minutes, AHT 180 s (10 Erlangs), 14 agents; 60 % are transferred to group B.
  // The departures of a stable M/M/c queue are Poisson (Burke), so B sees Poisson arrivals of 0.6 λ: with AHT 240 s
  // that is 8 Erlangs on 11 agents. Nobody abandons.
  const model = withNetwork(
    testModel({ days: 6, openSeconds: 0, closeSeconds: DAY, intervalSeconds: 1800, casesPerInterval: 100, patience: null, warmupSeconds: 2 * HOUR }),
    [
      testGroup({ name: 'front', handleTime: { kind: 'exponential', meanSeconds: 180 }, resolved: 0.4, transfers: [{ group: 1, share: 0.6 }] }),
      testGroup({ name: 'back', handleTime: { kind: 'exponential', meanSeconds: 240 } }),
    ],
  );
  const { summary, results } = replicate(networkInput(model, [14, 11]), 8);

  it('each group matches Erlang C within its confidence interval', () => {
    const front = erlangC(10, 14, 180, 20);
    const back = erlangC(8, 11, 240, 20);
    expectGroupWithinCi(summary, 0, { probabilityOfWaiting: front.probabilityOfWaiting, meanWaitSeconds: front.meanWaitSeconds, serviceLevel: front.serviceLevel, occupancy: front.occupancy });
    expectGroupWithinCi(summary, 1, { probabilityOfWaiting: back.probabilityOfWaiting, meanWaitSeconds: back.meanWaitSeconds, serviceLevel: back.serviceLevel, occupancy: back.occupancy });
  });

  it('counts transfers as attempts and every case once', () => {
    const { totals } = summary;
    expect(Math.abs(totals.transfers.mean / totals.cases.mean - 0.6)).toBeLessThan(0.01);
    expect(totals.failedTransfers.mean).toBe(0);
    expect(totals.callsPerCase.mean).toBe(1);
    expect(Math.abs(totals.attemptsPerCase.mean - 1.6)).toBeLessThan(0.01);
    expectAccountingIdentities(results);
  });
});

describe('a transfer into a group without waiting places is blocked with the Erlang B probability', () => {
  // Group B has 8 agents and maxQueue 0; it is offered 0.5 × 120 calls per 30 minutes with AHT 180 s: 6 Erlangs.
  const model = withNetwork(
    testModel({ days: 6, openSeconds: 0, closeSeconds: DAY, intervalSeconds: 1800, casesPerInterval: 120, patience: null, warmupSeconds: 2 * HOUR }),
    [
      testGroup({ name: 'switchboard', handleTime: { kind: 'exponential', meanSeconds: 60 }, resolved: 0.5, transfers: [{ group: 1, share: 0.5 }] }),
      testGroup({ name: 'case-officers', handleTime: { kind: 'exponential', meanSeconds: 180 }, maxQueue: 0 }),
    ],
  );
  const { summary, results } = replicate(networkInput(model, [8, 8]), 8);

  it('blocked share = Erlang B(6 Erlangs, 8 agents), and each blocked transfer is a failed transfer', () => {
    const exact = erlangB(6, 8);
    expectGroupWithinCi(summary, 1, { blockedShare: exact });
    expect(summary.groups?.[1]?.totals.abandoned.mean).toBe(0);
    expect(summary.totals.failedTransfers.mean).toBe(summary.groups?.[1]?.totals.blocked.mean);
    const share = summary.totals.failedTransferShare;
    expect(Math.abs(share.mean - exact)).toBeLessThanOrEqual(share.ci95);
    expectAccountingIdentities(results);
  });
});

describe('calls and e-mail tasks in one group follow the non-preemptive priority formulas (Cobham)', () => {
  // c = 4 agents, one exponential handle time of 300 s; calls λ₁ = 10 per 30 minutes (1.67 Erlangs, priority), e-mail
  // tasks λ₂ = 6 per 30 minutes (1 Erlang), worked when no call waits. With C = Erlang C(4, 2.67):
  // W₁ = C / (cμ (1 − σ₁)), W₂ = W₁ / (1 − σ), σ₁ = λ₁/(cμ), σ = (λ₁ + λ₂)/(cμ).
  const base = testModel({ days: 40, openSeconds: 0, closeSeconds: DAY, intervalSeconds: 1800, casesPerInterval: 10, patience: null, warmupSeconds: 4 * HOUR });
  const handle = { kind: 'exponential', meanSeconds: 300 } as const;
  const model = withNetwork(base, [testGroup({ name: 'agents', handleTime: handle })], { channels: [testChannel(base, 'email', 0, 6, handle)] });
  const { summary, results } = replicate(networkInput(model, [4]), 10);

  it('mean wait of calls and mean delay of tasks match Cobham within their confidence intervals', () => {
    const mu = 1 / 300;
    const lambdaCalls = 10 / 1800;
    const lambdaTasks = 6 / 1800;
    const c = 4;
    const load = (lambdaCalls + lambdaTasks) / mu;
    const waiting = erlangC(load, c, 300, 20).probabilityOfWaiting;
    const sigmaCalls = lambdaCalls / (c * mu);
    const sigma = (lambdaCalls + lambdaTasks) / (c * mu);
    const callWait = waiting / (c * mu * (1 - sigmaCalls));
    const taskDelay = callWait / (1 - sigma);
    expectGroupWithinCi(summary, 0, { meanWaitSeconds: callWait, taskDelaySeconds: taskDelay, occupancy: load / c });
    expect(Math.abs(summary.totals.taskDelaySeconds.mean - taskDelay)).toBeLessThanOrEqual(summary.totals.taskDelaySeconds.ci95);
    expectAccountingIdentities(results);
  });

  it('counts e-mail cases as cases, with no call dialled for them', () => {
    const { totals } = summary;
    expect(Math.abs(totals.tasks.mean / totals.cases.mean - 6 / 16)).toBeLessThan(0.01);
    expect(Math.abs(totals.callsPerCase.mean - 10 / 16)).toBeLessThan(0.01);
  });
});

describe('callbacks', () => {
  it('are tried at most maxTries times, reach the customer with their probability, and wait across closed hours', () => {
    const base = testModel({ days: 3, intervalSeconds: HOUR, casesPerInterval: 20, patience: null });
    const model = withNetwork(base, [
      testGroup({ name: 'front', handleTime: { kind: 'exponential', meanSeconds: 60 }, resolved: 0, callbacks: [{ group: 1, share: 1 }] }),
      testGroup({
        name: 'back',
        handleTime: { kind: 'exponential', meanSeconds: 300 },
        tasks: { callbackHandleTime: { kind: 'exponential', meanSeconds: 120 }, callbackReach: { probability: 0.5, retryDelay: { kind: 'fixed', seconds: 600 }, maxTries: 3 } },
      }),
    ]);
    const records: AttemptRecord[] = [];
    const results = Array.from({ length: 6 }, (_, r) => runReplication(networkInput(model, [3, 4]), r, r === 0 ? { onAttempt: (record) => records.push(record) } : {}));
    const summary = summariseReplications(results, model);
    // Tries per callback: 1 + 0.5 + 0.25 = 1.75; reached: 1 − 0.5³ = 0.875 of the cases, resolved then (the group's outcome).
    const cases = summary.totals.cases.mean;
    expect(Math.abs(summary.totals.tasks.mean / cases - 1.75)).toBeLessThan(0.06);
    expect(Math.abs(summary.totals.resolvedShareOfCases.mean - 0.875)).toBeLessThan(0.03);
    // No task starts while closed (08:00–16:00 here).
    const callbacks = records.filter((r) => r.kind === 'callback' && r.outcome === 'answered');
    expect(callbacks.length).toBeGreaterThan(100);
    for (const r of callbacks) {
      const start = (r.arrivalSeconds + r.waitSeconds) % DAY;
      expect(start).toBeGreaterThanOrEqual(8 * HOUR);
      expect(start).toBeLessThan(16 * HOUR);
      expect(r.group).toBe('back');
    }
    expectAccountingIdentities(results);
  });
});

describe('determinism and common random numbers', () => {
  const model = withNetwork(
    testModel({ days: 2, intervalSeconds: HOUR, casesPerInterval: 60, redialProbability: 0.7, redialDelay: { kind: 'exponential', meanSeconds: 900 } }),
    [
      testGroup({ name: 'switchboard', handleTime: { kind: 'lognormal', meanSeconds: 60, cv: 0.8 }, resolved: 0.2, transfers: [{ group: 1, share: 0.7 }], unresolved: 0.1 }),
      testGroup({ name: 'case-officers', handleTime: { kind: 'exponential', meanSeconds: 420 }, maxQueue: 1 }),
    ],
  );

  it('gives identical results for the same replication', () => {
    expect(runReplication(networkInput(model, [3, 2]), 3)).toEqual(runReplication(networkInput(model, [3, 2]), 3));
  });

  it('keeps the first contacts when another group gets more agents', () => {
    const firsts = (agents: number[]): number[] => {
      const out: number[] = [];
      runReplication(networkInput(model, agents), 0, { onAttempt: (r) => (r.kind === 'first' ? out.push(r.caseId * 1e6 + r.arrivalSeconds) : 0) });
      return out.sort((a, b) => a - b);
    };
    expect(firsts([3, 2])).toEqual(firsts([3, 6]));
  });

  it('fails transfers that are blocked or abandoned, and the caller calls the first group again', () => {
    const records: AttemptRecord[] = [];
    const result = runReplication(networkInput(model, [3, 2]), 0, { onAttempt: (r) => records.push(r) });
    const failed = records.filter((r) => r.kind === 'transfer' && (r.outcome === 'blocked' || r.outcome === 'abandoned'));
    expect(failed.length).toBe(result.totals.failedTransfers);
    expect(failed.length).toBeGreaterThan(10);
    const redialsAfterTransfer = records.filter((r) => r.kind === 'redial' && r.group === 'switchboard');
    expect(redialsAfterTransfer.length).toBeGreaterThan(0);
    expect(result.totals.callsPerCase).toBeGreaterThan(1);
    expectAccountingIdentities([result]);
  });
});
