import { describe, expect, it } from 'vitest';
import { InfeasibleError, InputError } from '../../../src/core/errors.js';
import type { StaffingTarget } from '../../../src/core/model/contact-centre-model.js';
import { planVariant } from '../../../src/core/plan/interval-plan.js';
import { evaluateQueue } from '../../../src/core/queueing/queue-metrics.js';
import { makeModel } from '../../helpers/model.js';

const target = (over: Partial<StaffingTarget> = {}): StaffingTarget => ({
  serviceLevel: 0.8,
  answerWithinSeconds: 20,
  maxAbandonShare: null,
  maxOccupancy: 0.85,
  maxAsaSeconds: null,
  method: 'erlang-c',
  ...over,
});

const rule = { answerWithinSeconds: 20, definition: 'answered-of-offered' as const, shortAbandonSeconds: 5 };

describe('planVariant', () => {
  it('solves the textbook target in every interval: 14 on the phones, 20 paid with 30% shrinkage', () => {
    const plan = planVariant(makeModel({ staffing: { kind: 'target', target: target(), shrinkage: 0.3 } }));
    expect(plan.source).toBe('erlang-c');
    expect(plan.converged).toBe(true);
    expect(plan.rows).toHaveLength(48);
    for (const row of plan.rows) {
      expect(row.onPhoneAgents).toBe(14);
      expect(row.paidAgents).toBeCloseTo(20, 10);
      expect(row.serviceLevel).toBeCloseTo(0.8883502, 6);
    }
    expect(plan.totals.paidAgentHours).toBeCloseTo(480, 9);
    expect(plan.totals.occupancy).toBeCloseTo(10 / 14, 9);
  });

  it('evaluates fixed staffing with Erlang A when callers have a patience', () => {
    const plan = planVariant(
      makeModel({ customers: { patience: { kind: 'exponential', meanSeconds: 300 } }, staffing: { kind: 'agents', agents: 14, shrinkage: 0 } }),
    );
    const exact = evaluateQueue({ arrivalsPerSecond: 200 / 3600, meanHandleSeconds: 180, agents: 14, meanPatienceSeconds: 300, serviceLevel: rule });
    expect(plan.source).toBe('erlang-a');
    expect(plan.rows[0]?.abandonedShare).toBeCloseTo(exact.abandonedShare, 12);
    expect(plan.totals.serviceLevel).toBeCloseTo(exact.serviceLevel, 12);
  });

  it('mixes the two neighbouring staffings for a fractional schedule, as stochastic rounding does', () => {
    const plan = planVariant(makeModel({ staffing: { kind: 'agentsPerInterval', agentsPerInterval: new Array<number>(48).fill(13.25), shrinkage: 0 } }));
    const at = (agents: number) =>
      evaluateQueue({ arrivalsPerSecond: 200 / 3600, meanHandleSeconds: 180, agents, meanPatienceSeconds: null, serviceLevel: rule });
    expect(plan.rows[0]?.serviceLevel).toBeCloseTo(0.75 * at(13).serviceLevel + 0.25 * at(14).serviceLevel, 12);
    expect(plan.rows[0]?.probabilityOfWaiting).toBeCloseTo(0.75 * at(13).probabilityOfWaiting + 0.25 * at(14).probabilityOfWaiting, 12);
  });

  it('adds redials and repeat contacts to the offered attempts and keeps every case accounted for', () => {
    const plan = planVariant(
      makeModel({
        calendar: { days: 2 },
        casesPerHour: 200,
        handling: { firstContactResolution: 0.6, repeatContact: { probability: 0.5, delay: { kind: 'exponential', meanSeconds: 3600 } } },
        customers: { patience: { kind: 'exponential', meanSeconds: 120 }, redial: { probability: 0.5, delay: { kind: 'exponential', meanSeconds: 600 } } },
        staffing: { kind: 'agents', agents: 12, shrinkage: 0 },
      }),
    );
    const t = plan.totals;
    expect(t.attempts).toBeGreaterThan(t.cases ?? Infinity);
    expect((t.resolvedCases ?? 0) + (t.unresolvedCases ?? 0) + (t.openCasesAtEnd ?? 0)).toBeCloseTo(t.cases ?? 0, 6);
    expect(t.contactsPerResolvedCase).toBeCloseTo((t.answered ?? 0) / (t.resolvedCases ?? 1), 12);
  });

  it('prices staff, telephony, waiting, repeat contacts, unresolved cases and the fixed cost', () => {
    const plan = planVariant(
      makeModel({
        staffing: { kind: 'agents', agents: 14, shrinkage: 0.3 },
        costs: { perPaidAgentHour: 100, perOvertimeHour: 0, perTelephonyMinute: 0.5, perCustomerWaitMinute: 2, perRepeatContact: 0, perUnresolvedCase: 0, fixedPerDay: 1000 },
      }),
    );
    const t = plan.totals;
    expect(t.staffCost).toBeCloseTo((14 * 24 * 100) / 0.7, 6);
    const waitingMinutes = ((t.attempts ?? 0) * (t.meanWaitSeconds ?? 0)) / 60;
    expect(t.customerTimeCost).toBeCloseTo(waitingMinutes * 2, 6);
    expect(t.telephonyCost).toBeCloseTo((waitingMinutes + ((t.answered ?? 0) * 180) / 60) * 0.5, 6);
    expect(t.fixedCost).toBeCloseTo(1000, 9);
    expect(t.totalCost).toBeCloseTo((t.staffCost ?? 0) + (t.telephonyCost ?? 0) + (t.customerTimeCost ?? 0) + 1000, 6);
    expect(t.costPerResolvedCase).toBeCloseTo((t.totalCost ?? 0) / (t.resolvedCases ?? 1), 9);
  });

  it('reports overloaded Erlang C intervals as unstable with unbounded waits, never negative ones', () => {
    const plan = planVariant(makeModel({ staffing: { kind: 'agents', agents: 9, shrinkage: 0 } }));
    expect(plan.rows.every((row) => !row.stable)).toBe(true);
    expect(plan.rows[0]?.asaSeconds).toBe(Number.POSITIVE_INFINITY);
    expect(plan.rows[0]?.serviceLevel).toBe(0);
  });

  it('counts an overloaded interval as busy for its agents time only: total occupancy is the rows weighted by agents on the phones', () => {
    // 10 Erlangs on 12 agents, then on 9 (overloaded: every agent busy, the rest of the work waits without end).
    const agentsPerInterval = Array.from({ length: 48 }, (_, i) => (i % 2 === 0 ? 12 : 9));
    const plan = planVariant(makeModel({ staffing: { kind: 'agentsPerInterval', agentsPerInterval, shrinkage: 0 } }));
    expect(plan.rows[0]?.occupancy).toBeCloseTo(10 / 12, 12);
    expect(plan.rows[1]?.occupancy).toBe(1);
    expect(plan.totals.occupancy).toBeCloseTo((24 * 10 + 24 * 9) / (24 * 12 + 24 * 9), 12);
  });

  it('throws InfeasibleError for a target no staffing can meet', () => {
    expect(() => planVariant(makeModel({ staffing: { kind: 'target', target: target({ serviceLevel: 1 }), shrinkage: 0 } }))).toThrow(InfeasibleError);
  });

  it('calls that come back at once with probability 1 have no finite plan: InfeasibleError naming the interval, not an internal error', () => {
    const noAgents = makeModel({
      customers: { patience: { kind: 'exponential', meanSeconds: 60 }, redial: { probability: 1, delay: { kind: 'fixed', seconds: 0 } } },
      staffing: { kind: 'agents', agents: 0, shrinkage: 0 },
    });
    expect(() => planVariant(noAgents)).toThrow(InfeasibleError);
    expect(() => planVariant(noAgents)).toThrow(/^day 1, interval 1: the analytic plan has no finite answer/);
    const neverResolved = makeModel({
      handling: { firstContactResolution: 0, repeatContact: { probability: 1, delay: { kind: 'fixed', seconds: 0 } } },
      staffing: { kind: 'agents', agents: 20, shrinkage: 0 },
    });
    expect(() => planVariant(neverResolved)).toThrow(/day 1, interval 1: .*repeat contact/);
  });

  it('refuses the simulation-based method it cannot plan yet, as an input error', () => {
    expect(() => planVariant(makeModel({ staffing: { kind: 'target', target: target({ method: 'isa' }), shrinkage: 0 } }))).toThrow(InputError);
  });
});
