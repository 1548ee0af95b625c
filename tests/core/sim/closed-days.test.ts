/**
 * Closed days (weekends, holidays) in the simulation and the plan: nobody calls and nobody works on them, calls that
 * fall on them are made on the next open day, and the plan's failure-demand loop moves them the same way.
 */
import { describe, expect, it } from 'vitest';
import { planVariant } from '../../../src/core/plan/interval-plan.js';
import { simulationInputFor } from '../../../src/core/plan/simulation-plan.js';
import { runReplication, type AttemptRecord, type ReplicationResult } from '../../../src/core/sim/run-replication.js';
import { summariseReplications } from '../../../src/core/sim/summarise.js';
import { parseScenarioText } from '../../../src/scenario/load.js';

const DAY = 86_400;

/** Mon 4 Jan 2027 for 10 days: open Mon–Fri 08:00–12:00, closed Sat 9 and Sun 10 Jan, and Wed 6 Jan (a holiday). */
const SCENARIO = `
name: Closed days
calendar: { startDate: "2027-01-04", days: 10, holidays: ["2027-01-06"], open: "08:00", close: "12:00", intervalMinutes: 60 }
demand: { casesPerHour: 40 }
handling:
  handleTime: { distribution: exponential, meanSeconds: 300 }
  firstContactResolution: 0.6
  repeatContact: { probability: 1, delay: { distribution: exponential, meanMinutes: 1440 } }
customers:
  patience: { distribution: exponential, meanSeconds: 120 }
  redial: { probability: 0.7, delay: { distribution: exponential, meanMinutes: 240 } }
staffing: { agents: 4 }
costs: { agentHour: 100, fixedPerDay: 1000 }
simulation: { replications: 30, seed: 7 }
`;
const model = parseScenarioText(SCENARIO, { file: 'closed-days.yaml' }).variants[0]!.model;
const CLOSED_DAYS = [2, 5, 6]; // Wed 6, Sat 9, Sun 10 Jan

function simulate(replications: number): { results: ReplicationResult[]; records: AttemptRecord[] } {
  const input = simulationInputFor(model);
  const records: AttemptRecord[] = [];
  const results = Array.from({ length: replications }, (_, r) => runReplication(input, r, r === 0 ? { onAttempt: (record) => records.push({ ...record }) } : {}));
  return { results, records };
}
const { results, records } = simulate(30);

describe('closed days in the simulation', () => {
  it('has no call, no task and no agent on a closed day, and moves redials and repeat contacts that fall on one to the next open day', () => {
    for (const record of records) expect(CLOSED_DAYS).not.toContain(Math.floor(record.arrivalSeconds / DAY));
    // Calls that fall in the closed hours of Tue 5 Jan or on Wed 6 Jan are made on Thu 7 Jan; some fall there.
    const thursday = records.filter((r) => r.kind !== 'first' && Math.floor(r.arrivalSeconds / DAY) === 3);
    expect(thursday.length).toBeGreaterThan(0);
    for (const result of results) {
      for (const day of CLOSED_DAYS) {
        for (let i = 0; i < 4; i++) {
          const interval = result.intervals[day * 4 + i]!;
          expect([interval.cases, interval.attempts, interval.paidAgentHours]).toEqual([0, 0, 0]);
        }
      }
    }
  });

  it('counts the fixed cost of open days only, and reports no rows for closed days, each row with its date', () => {
    expect(results[0]!.totals.fixedCost).toBe(7 * 1000);
    const summary = summariseReplications(results, model);
    expect(summary.intervals).toHaveLength(7 * 4);
    expect(summary.intervals.map((row) => row.date).filter((date, k, all) => all.indexOf(date) === k)).toEqual([
      '2027-01-04',
      '2027-01-05',
      '2027-01-07',
      '2027-01-08',
      '2027-01-11',
      '2027-01-12',
      '2027-01-13',
    ]);
    expect(summary.intervals[8]).toMatchObject({ day: 4, date: '2027-01-07', start: '08:00' });
  });

  it('agrees with the plan, whose failure-demand loop moves what falls on closed days the same way', () => {
    const plan = planVariant(model);
    const summary = summariseReplications(results, model);
    // The flows that closed days move: attempts (redials and repeat contacts land on open days) and the cases whose
    // call would fall after the last close. (The plan is a stationary approximation per interval, so the shares of
    // this heavily loaded queue differ by a few per cent, as they do without closed days.)
    for (const metric of ['cases', 'attempts', 'openCasesAtEnd'] as const) {
      const { mean, ci95 } = summary.totals[metric];
      const planned = plan.totals[metric] as number;
      expect(Math.abs(mean - planned), `${metric}: simulated ${mean} ± ${ci95}, planned ${planned}`).toBeLessThanOrEqual(ci95);
    }
    const simulatedOn = (day: number) => summary.intervals.filter((row) => row.day === day + 1).reduce((sum, row) => sum + row.attempts.mean, 0);
    // Cases that come back on Thursday: the plan's Thursday has more attempts than its Tuesday (which follows Monday
    // only); both have the same first contacts.
    const attemptsOn = (day: number) => plan.rows.filter((row) => row.day === day).reduce((sum, row) => sum + row.attempts, 0);
    expect(attemptsOn(3)).toBeGreaterThan(attemptsOn(1));
    expect(attemptsOn(3) / simulatedOn(3)).toBeCloseTo(1, 1);
    expect(attemptsOn(7) / simulatedOn(7)).toBeCloseTo(1, 1); // Monday after the weekend
    expect(attemptsOn(2)).toBe(0);
    expect(plan.totals.fixedCost).toBe(7 * 1000);
  });
});
