import { describe, expect, it } from 'vitest';
import { erlangB } from '../../../src/core/queueing/erlang-b.js';
import { evaluateQueue } from '../../../src/core/queueing/queue-metrics.js';
import { solveRetrialFixedPoint } from '../../../src/core/queueing/retrial-fixed-point.js';
import { taskOverloads } from '../../../src/core/plan/network-plan.js';
import { planVariant } from '../../../src/core/plan/interval-plan.js';
import { simulationInputFor } from '../../../src/core/plan/simulation-plan.js';
import { runReplication } from '../../../src/core/sim/run-replication.js';
import { summariseReplications } from '../../../src/core/sim/summarise.js';
import type { ContactCentreModel } from '../../../src/core/model/contact-centre-model.js';
import { testModel } from '../sim/model-builder.js';
import { testChannel, testGroup, withNetwork } from '../sim/network-builder.js';
import { expectClose } from '../queueing/close-to.js';

const DAY = 86_400;
const RULE = { answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 } as const;

/** A model whose groups have constant agents (`agents` per group). */
function staffed(model: ContactCentreModel, agents: number[]): ContactCentreModel {
  const groups = model.network!.groups.map((group, g) => ({ ...group, staffing: { kind: 'agents' as const, agents: agents[g]!, shrinkage: 0 } }));
  return { ...model, staffing: groups[0]!.staffing, network: { ...model.network!, groups } };
}

/** 100 calls per half hour, no patience: a front line (180 s) resolving 40% and transferring 60% to a back line. */
function tandem(backHandleSeconds: number, agents: number[]): ContactCentreModel {
  return staffed(
    withNetwork(testModel({ days: 1, openSeconds: 0, closeSeconds: DAY, intervalSeconds: 1800, casesPerInterval: 100, patience: null }), [
      testGroup({ name: 'front', handleTime: { kind: 'exponential', meanSeconds: 180 }, resolved: 0.4, transfers: [{ group: 1, share: 0.6 }] }),
      testGroup({ name: 'back', handleTime: { kind: 'exponential', meanSeconds: backHandleSeconds } }),
    ]),
    agents,
  );
}

function expectConservation(totals: Partial<Record<string, number>>): void {
  expectClose((totals['resolvedCases'] ?? 0) + (totals['unresolvedCases'] ?? 0) + (totals['openCasesAtEnd'] ?? 0), totals['cases'] ?? 0, 1e-9, 1e-9, 'cases = resolved + unresolved + open');
}

describe('the analytic plan of a network', () => {
  it('a tandem without abandonment is two Erlang C queues, exactly', () => {
    const model = tandem(240, [14, 11]);
    const plan = planVariant(model);
    const front = evaluateQueue({ arrivalsPerSecond: 100 / 1800, meanHandleSeconds: 180, agents: 14, meanPatienceSeconds: null, serviceLevel: RULE });
    const back = evaluateQueue({ arrivalsPerSecond: 60 / 1800, meanHandleSeconds: 240, agents: 11, meanPatienceSeconds: null, serviceLevel: RULE });
    const [frontRow, backRow] = [plan.groups![0]!.rows[5]!, plan.groups![1]!.rows[5]!];
    expectClose(frontRow.attempts, 100, 1e-12);
    expectClose(backRow.attempts, 60, 1e-12);
    expectClose(backRow.transfersIn, 60, 1e-12);
    for (const key of ['probabilityOfWaiting', 'serviceLevel', 'meanWaitSeconds', 'occupancy'] as const) {
      expectClose(frontRow[key], front[key], 1e-12, 1e-12, `front ${key}`);
      expectClose(backRow[key], back[key], 1e-12, 1e-12, `back ${key}`);
    }
    expectClose(plan.totals.transfers!, 48 * 60, 1e-9);
    expectClose(plan.totals.callsPerCase!, 1, 1e-12);
    expectConservation(plan.totals);
  });

  it('an overloaded group without patience is busy all its time on the phones, never more: occupancy 1, the variant at most its agents', () => {
    // The tandem above with the back group at 10 agents for 12 Erlangs (60 transfers per half hour of 360 s).
    const model = tandem(360, [14, 10]);
    const plan = planVariant(model);
    expect(plan.groups![1]!.rows.every((row) => !row.stable && row.occupancy === 1)).toBe(true);
    expectClose(plan.groups![1]!.totals.occupancy, 1, 1e-12);
    expectClose(plan.groups![0]!.totals.occupancy, 10 / 14, 1e-12);
    // Busy: 10 Erlangs at the front, all 10 agents at the back, of 24 on the phones.
    expectClose(plan.totals.occupancy!, 20 / 24, 1e-12);
  });

  it('a transfer into a group without waiting places is blocked with Erlang B and fails', () => {
    const model = staffed(
      withNetwork(testModel({ days: 1, openSeconds: 0, closeSeconds: DAY, intervalSeconds: 1800, casesPerInterval: 120, patience: null, redialProbability: 0 }), [
        testGroup({ name: 'switchboard', handleTime: { kind: 'exponential', meanSeconds: 60 }, resolved: 0.5, transfers: [{ group: 1, share: 0.5 }] }),
        testGroup({ name: 'case-officers', handleTime: { kind: 'exponential', meanSeconds: 180 }, maxQueue: 0 }),
      ]),
      [8, 8],
    );
    const plan = planVariant(model);
    const officers = plan.groups![1]!;
    expectClose(officers.totals.blockedShare, erlangB(6, 8), 1e-12);
    expectClose(plan.totals.failedTransferShare!, erlangB(6, 8), 1e-12);
    expectClose(plan.totals.unresolvedCases!, 48 * 60 * erlangB(6, 8), 1e-9); // no redial: each failed transfer is given up
    expectConservation(plan.totals);
  });

  const dayOfCalls = (maxAttempts: number | null) =>
    testModel({
      days: 2,
      intervalSeconds: 1800,
      casesPerInterval: [
        [40, 80, 120, 100, 90, 80, 60, 50, 40, 30, 30, 20, 20, 20, 10, 10],
        [50, 90, 110, 100, 90, 70, 60, 50, 40, 30, 30, 20, 20, 20, 10, 10],
      ],
      handleTime: { kind: 'exponential', meanSeconds: 240 },
      firstContactResolution: 0.7,
      repeatProbability: 0.8,
      repeatDelay: { kind: 'exponential', meanSeconds: 3600 },
      patience: { kind: 'exponential', meanSeconds: 150 },
      redialProbability: 0.6,
      redialDelay: { kind: 'exponential', meanSeconds: 600 },
      maxAttempts,
    });

  it('for one group with fixed agents, equals the reference solution of the redial and repeat-contact fixed point', () => {
    for (const maxAttempts of [null, 3]) {
      const model = { ...dayOfCalls(maxAttempts), staffing: { kind: 'agents' as const, agents: 14, shrinkage: 0.3 } };
      const plan = planVariant(model);
      const reference = solveRetrialFixedPoint({
        calendar: model.calendar,
        firstContacts: model.demand.casesPerInterval,
        firstContactResolution: 0.7,
        redial: model.customers.redial,
        repeatContact: model.handling.repeatContact,
        maxAttempts,
        abandonedShareOf: (_day, _interval, attempts) =>
          evaluateQueue({ arrivalsPerSecond: attempts / 1800, meanHandleSeconds: 240, agents: 14, meanPatienceSeconds: 150, serviceLevel: RULE }).abandonedShare,
      });
      reference.intervals.forEach((flow, k) => {
        const row = plan.rows[k]!;
        for (const key of ['attempts', 'answered', 'abandoned', 'redials', 'repeatContacts', 'resolvedCases', 'unresolvedCases'] as const) {
          const expected = key === 'repeatContacts' ? flow.repeatContacts : flow[key];
          expectClose(row[key], expected, 1e-8, 1e-9, `${key} of interval ${k} (maxAttempts ${maxAttempts})`);
        }
      });
      expectClose(plan.totals.openCasesAtEnd!, reference.totals.openCasesAtEnd, 1e-8, 1e-9);
      expectConservation(plan.totals);
    }
  });

  it('where solved staffing jumps by an agent, keeps the better-staffed side and prints rows whose sums are the totals', () => {
    // The one-agent jump of the redial fixed point: the rows must still agree with themselves (Erlang A: abandoned
    // share = mean wait / mean patience) and add up to the totals.
    const target = { kind: 'target' as const, shrinkage: 0.3, target: { serviceLevel: 0.8, answerWithinSeconds: 20, maxAbandonShare: null, maxOccupancy: null, maxAsaSeconds: null, method: 'erlang-a' as const } };
    const plan = planVariant({ ...dayOfCalls(null), staffing: target });
    for (const row of plan.rows) {
      expectClose(row.abandonedShare, row.meanWaitSeconds / 150, 1e-9, 1e-12, `interval ${row.day}/${row.interval}`);
      expectClose(row.abandoned, row.abandonedShare * row.attempts, 1e-9, 1e-12);
    }
    const sum = (key: 'attempts' | 'abandoned' | 'answered' | 'paidAgentHours'): number => plan.rows.reduce((total, row) => total + row[key], 0);
    for (const key of ['attempts', 'abandoned', 'answered', 'paidAgentHours'] as const) expectClose(plan.totals[key]!, sum(key), 1e-12);
    expectClose(plan.totals.abandonedShare!, sum('abandoned') / sum('attempts'), 1e-12);
    expectConservation(plan.totals);
    expect(plan.converged).toBe(true);
  });

  it('solves each group for its own target while another has fixed agents', () => {
    const model = withNetwork(testModel({ days: 1, intervalSeconds: 1800, casesPerInterval: 60, patience: { kind: 'exponential', meanSeconds: 120 } }), [
      { ...testGroup({ name: 'front', handleTime: { kind: 'exponential', meanSeconds: 120 }, resolved: 0.5, transfers: [{ group: 1, share: 0.5 }] }), staffing: { kind: 'target', shrinkage: 0, target: { serviceLevel: 0.8, answerWithinSeconds: 20, maxAbandonShare: null, maxOccupancy: null, maxAsaSeconds: null, method: 'erlang-a' } } },
      { ...testGroup({ name: 'back', handleTime: { kind: 'exponential', meanSeconds: 300 } }), staffing: { kind: 'agents', agents: 4, shrinkage: 0 } },
    ]);
    const plan = planVariant(model);
    for (const row of plan.groups![0]!.rows) expect(row.serviceLevel).toBeGreaterThanOrEqual(0.8);
    for (const row of plan.groups![1]!.rows) expect(row.onPhoneAgents).toBe(4);
    // the simulation runs the front group against the solved agents
    const input = simulationInputFor(model);
    expect(input.groups!.map((g) => g.onPhoneAgents[0]![3])).toEqual([plan.groups![0]!.rows[3]!.onPhoneAgents, 4]);
  });

  it('works callbacks and e-mail tasks off with the time left over from calls, and agrees with the simulation', () => {
    const base = testModel({ days: 3, intervalSeconds: 3600, casesPerInterval: 20, patience: { kind: 'exponential', meanSeconds: 120 }, redialProbability: 0.5, redialDelay: { kind: 'exponential', meanSeconds: 900 }, repeatProbability: 0.5, repeatDelay: { kind: 'exponential', meanSeconds: 7200 } });
    const model = staffed(
      withNetwork(
        base,
        [
          testGroup({ name: 'front', handleTime: { kind: 'exponential', meanSeconds: 120 }, resolved: 0.6, callbacks: [{ group: 1, share: 0.3 }], unresolved: 0.1 }),
          testGroup({
            name: 'back',
            handleTime: { kind: 'exponential', meanSeconds: 300 },
            tasks: { callbackHandleTime: { kind: 'exponential', meanSeconds: 240 }, callbackReach: { probability: 0.8, retryDelay: { kind: 'fixed', seconds: 1800 }, maxTries: 2 } },
          }),
        ],
        { channels: [testChannel(base, 'email', 1, 4, { kind: 'exponential', meanSeconds: 300 }, 0.9)] },
      ),
      [2, 3],
    );
    const plan = planVariant(model);
    expectConservation(plan.totals);
    const back = plan.groups![1]!.totals;
    expect(back.tasks).toBeGreaterThan(0);
    expect(back.tasksDone).toBeGreaterThan(0.95 * back.tasks - back.taskBacklogAtEnd);
    const results = Array.from({ length: 40 }, (_, r) => runReplication(simulationInputFor(model), r));
    const sim = summariseReplications(results, model);
    for (const key of ['cases', 'attempts', 'resolvedCases', 'tasks', 'callsPerCase'] as const) {
      const { mean, ci95 } = sim.totals[key];
      const analytic = plan.totals[key]!;
      expect(Math.abs(mean - analytic) / analytic, `${key}: plan ${analytic}, simulation ${mean} ± ${ci95}`).toBeLessThan(0.03);
    }
  });

  it('prices a group whose tasks outgrow the time its calls leave over as unbounded, and names it', () => {
    const base = testModel({ days: 2, intervalSeconds: 3600, casesPerInterval: 10, patience: { kind: 'exponential', meanSeconds: 120 } });
    const withAgents = (backAgents: number) =>
      staffed(
        withNetwork(
          base,
          [
            testGroup({ name: 'front', handleTime: { kind: 'exponential', meanSeconds: 120 }, resolved: 0.5, callbacks: [{ group: 1, share: 0.5 }] }),
            testGroup({ name: 'back', handleTime: { kind: 'exponential', meanSeconds: 300 }, tasks: { callbackHandleTime: { kind: 'fixed', seconds: 1800 } } }),
          ],
        ),
        [2, backAgents],
      );
    // Five callbacks an hour of half an hour each: 2.5 agent hours of work an hour, for one agent (overloaded) or four.
    const short = planVariant(withAgents(1));
    const [overload] = taskOverloads(short);
    expect(overload?.group).toBe('back');
    expect(overload!.workHours).toBeGreaterThan(overload!.spareHours);
    expect(short.totals.totalCost).toBe(Number.POSITIVE_INFINITY);
    expect(short.totals.costPerResolvedCase).toBe(Number.POSITIVE_INFINITY);
    expect(short.totals.taskBacklogAtEnd).toBeGreaterThan(0);
    const enough = planVariant(withAgents(4));
    expect(taskOverloads(enough)).toEqual([]);
    expect(Number.isFinite(enough.totals.totalCost)).toBe(true);
    const { work, spare } = enough.groups![1]!.taskHours;
    expect(work).toBeCloseTo(short.groups![1]!.taskHours.work, 6); // the same callbacks, worked by more agents
    expect(spare).toBeGreaterThan(work);
  });
});

describe('the staffing of a target group, searched from the interval before', () => {
  it('gives an unlimited queue with calls at least one agent, as the solver does, even where zero agents would meet its target', () => {
    // Only an occupancy cap: zero agents "meet" it (nobody is busy), but a queue with calls gets one agent at least.
    const base = testModel({ days: 1, intervalSeconds: 3600, casesPerInterval: 0.2, patience: { kind: 'exponential', meanSeconds: 120 } });
    const model: ContactCentreModel = {
      ...base,
      staffing: {
        kind: 'target',
        shrinkage: 0,
        target: { serviceLevel: null, answerWithinSeconds: 20, maxAbandonShare: null, maxOccupancy: 0.9, maxAsaSeconds: null, method: 'erlang-a' },
      },
    };
    const plan = planVariant(model);
    expect(plan.rows.length).toBeGreaterThan(1);
    for (const row of plan.rows) expect(row.onPhoneAgents).toBe(1);
  });
});

describe('calls that tasks send back', () => {
  it('are never called on a closed day: a repeat contact after the last interval of a Friday is made on Monday', async () => {
    const { readScenarioFile, applyOverride, loadScenarioDocument } = await import('../../../src/scenario/load.js');
    const scenario = readScenarioFile('tests/fixtures/scenarios/network.yaml');
    // Friday to Monday, closed at the weekend: callbacks left unresolved come back as repeat contacts.
    let document = applyOverride(scenario.document, 'calendar.days', 4);
    document = applyOverride(document, 'calendar.startWeekday', 'fri');
    document = applyOverride(document, 'calendar.closedWeekdays', ['sat', 'sun']);
    const plan = planVariant(loadScenarioDocument(document).variants[0]!.model);
    const perDay = plan.model.calendar.intervalsPerDay;
    const closed = plan.rows.filter((row) => row.day === 1 || row.day === 2);
    expect(closed).toHaveLength(2 * perDay);
    expect(closed.every((row) => row.attempts === 0)).toBe(true);
    // So the open intervals carry every call of the run.
    const open = plan.rows.filter((row) => row.day === 0 || row.day === 3);
    expectClose(open.reduce((sum, row) => sum + row.attempts, 0), plan.totals['attempts']!, 1e-12, 1e-12, 'attempts of the open days = the run');
  });
});
