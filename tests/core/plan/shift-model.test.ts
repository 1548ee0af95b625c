import { describe, expect, it } from 'vitest';
import type { Calendar, ShiftTemplate } from '../../../src/core/model/contact-centre-model.js';
import { buildShiftProblem, paidRequirement, readShiftSolution, shiftProblemToLp } from '../../../src/core/plan/shift-model.js';

const HOUR = 3600;

function calendar(overrides: Partial<Calendar> = {}): Calendar {
  return { days: 1, startWeekday: 'mon', openSeconds: 8 * HOUR, closeSeconds: 12 * HOUR, intervalSeconds: HOUR, intervalsPerDay: 4, ...overrides };
}

function template(overrides: Partial<ShiftTemplate> = {}): ShiftTemplate {
  return {
    name: 't',
    lengthsSeconds: [2 * HOUR],
    earliestStartSeconds: 8 * HOUR,
    latestEndSeconds: 12 * HOUR,
    startEverySeconds: HOUR,
    days: null,
    break: null,
    minAgents: 0,
    maxAgents: null,
    costPerHour: 10,
    ...overrides,
  };
}

describe('paidRequirement', () => {
  it('scales on-phone agents by 1/(1 − shrinkage) without binary noise: 21 at 30% needs 30 paid, not 30.000000000000004', () => {
    expect(21 / (1 - 0.3)).toBe(30.000000000000004);
    expect(paidRequirement([[21, 14, 0]], 0.3)).toEqual([[30, 20, 0]]);
  });
});

describe('buildShiftProblem', () => {
  it('enumerates every start on the grid that fits the window, for every length', () => {
    const problem = buildShiftProblem({
      calendar: calendar(),
      templates: [template({ lengthsSeconds: [2 * HOUR, 3 * HOUR] })],
      requiredPaidAgents: [[1, 1, 1, 1]],
    });
    expect(problem.patterns.map((p) => [p.startSeconds / HOUR, p.endSeconds / HOUR])).toEqual([
      [8, 10],
      [9, 11],
      [10, 12],
      [8, 11],
      [9, 12],
    ]);
    expect(problem.patterns.map((p) => p.cost)).toEqual([20, 20, 20, 30, 30]);
  });

  it('makes each break position a shift of its own, and a break takes its share of the intervals it overlaps', () => {
    const problem = buildShiftProblem({
      calendar: calendar({ intervalSeconds: 1800, intervalsPerDay: 8 }),
      templates: [
        template({
          lengthsSeconds: [4 * HOUR],
          earliestStartSeconds: 8 * HOUR,
          latestEndSeconds: 12 * HOUR,
          break: { durationSeconds: 900, earliestAfterSeconds: HOUR, latestAfterSeconds: 2 * HOUR, everySeconds: 1800 },
        }),
      ],
      requiredPaidAgents: [[1, 1, 1, 1, 1, 1, 1, 1]],
    });
    // One start (08:00), break at 09:00, 09:30 or 10:00.
    expect(problem.patterns.map((p) => (p.breakStartSeconds ?? 0) / HOUR)).toEqual([9, 9.5, 10]);
    const first = problem.patterns[0];
    // The 15-minute break takes half of the 09:00–09:30 interval.
    expect(first?.coverage).toEqual([
      { interval: 0, share: 1 },
      { interval: 1, share: 1 },
      { interval: 2, share: 0.5 },
      { interval: 3, share: 1 },
      { interval: 4, share: 1 },
      { interval: 5, share: 1 },
      { interval: 6, share: 1 },
      { interval: 7, share: 1 },
    ]);
    expect(first?.paidHours).toBe(4); // breaks are paid
  });

  it('covers only opening hours: shift time before opening is paid but covers nothing', () => {
    const problem = buildShiftProblem({
      calendar: calendar(),
      templates: [template({ earliestStartSeconds: 7 * HOUR, lengthsSeconds: [2 * HOUR] })],
      requiredPaidAgents: [[1, 1, 1, 1]],
    });
    const early = problem.patterns[0];
    expect(early?.startSeconds).toBe(7 * HOUR);
    expect(early?.coverage).toEqual([{ interval: 0, share: 1 }]);
    expect(early?.paidHours).toBe(2);
  });

  it('plans per weekday: the requirement of a weekday that occurs twice is the larger of its days, interval by interval', () => {
    const problem = buildShiftProblem({
      calendar: calendar({ days: 8 }), // mon … mon
      templates: [template({ days: ['mon', 'tue'] })],
      requiredPaidAgents: [[1, 5, 1, 1], [2, 2, 2, 2], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [3, 1, 0, 4]],
    });
    expect(problem.weekdays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(problem.requiredPaidAgents[0]).toEqual([3, 5, 1, 4]);
    // The template may work mondays and tuesdays only: 3 starts each.
    expect(problem.patterns.map((p) => p.weekday)).toEqual(['mon', 'mon', 'mon', 'tue', 'tue', 'tue']);
  });

  it('rejects a requirement table of the wrong shape', () => {
    expect(() => buildShiftProblem({ calendar: calendar(), templates: [template()], requiredPaidAgents: [[1, 2, 3]] })).toThrow(RangeError);
  });
});

describe('shiftProblemToLp', () => {
  it('writes the objective, one covering row per interval with a requirement, the caps and the integer columns', () => {
    const problem = buildShiftProblem({
      calendar: calendar(),
      templates: [template({ maxAgents: 7, minAgents: 1 })],
      requiredPaidAgents: [[5, 8.2, 0, 4]],
    });
    const lp = shiftProblemToLp(problem);
    expect(lp).toMatch(/^Minimize\n cost:\n/);
    // Every pattern covers whole intervals here, so 8.2 agents need 9: the rounded-up right-hand side.
    expect(lp).toContain(' c0_1:\n   1 x0 + 1 x1 + u0_1\n   >= 9');
    expect(lp).toContain(' c0_0:\n   1 x0 + u0_0\n   >= 5');
    expect(lp).not.toContain('c0_2'); // no requirement, no row
    expect(lp).toContain(' max0_0:\n   x0 + x1 + x2\n   <= 7');
    expect(lp).toContain(' min0_0:\n   x0 + x1 + x2\n   >= 1');
    expect(lp).toMatch(/General\n x0 x1 x2\nEnd\n$/);
  });

  it('keeps a fractional right-hand side where a break covers part of the interval', () => {
    const problem = buildShiftProblem({
      calendar: calendar(),
      templates: [template({ lengthsSeconds: [4 * HOUR], break: { durationSeconds: 1800, earliestAfterSeconds: HOUR, latestAfterSeconds: HOUR, everySeconds: HOUR } })],
      requiredPaidAgents: [[2, 2.5, 2, 2]],
    });
    expect(shiftProblemToLp(problem)).toContain(' c0_1:\n   0.5 x0 + u0_1\n   >= 2.5');
  });
});

describe('readShiftSolution', () => {
  it('recomputes coverage and unmet intervals from the agents, and prices each weekday as often as it occurs', () => {
    const problem = buildShiftProblem({
      calendar: calendar({ days: 8 }),
      templates: [template({ days: ['mon'] })],
      requiredPaidAgents: Array.from({ length: 8 }, (_, day) => (day % 7 === 0 ? [5, 8, 7, 4] : [0, 0, 0, 0])),
    });
    // x0 = 08–10, x1 = 09–11, x2 = 10–12 on mondays.
    const plan = readShiftSolution(problem, { x0: 5, x1: 2.9999999, x2: 4 }, 'optimal');
    expect(plan.assignments.map((a) => a.agents)).toEqual([5, 3, 4]);
    const monday = plan.coverage.filter((row) => row.weekday === 'mon');
    expect(monday.map((row) => row.coveredPaidAgents)).toEqual([5, 8, 7, 4]);
    expect(plan.unmetIntervals).toEqual([]);
    // Two mondays in 8 days: 12 agents × 2 h × 10 per hour × 2.
    expect(plan.cost).toBe(480);
    expect(plan.paidAgentHours).toBe(48);

    const short = readShiftSolution(problem, { x0: 5, x1: 2, x2: 4 }, 'time-limit');
    expect(short.status).toBe('time-limit');
    expect(short.unmetIntervals.map((row) => [row.weekday, row.startSeconds / HOUR, row.unmetPaidAgents])).toEqual([
      ['mon', 9, 1],
      ['mon', 10, 1],
    ]);
  });

  it('groups shifts by pattern and head count: days with the same count share a line, named uniquely', () => {
    const problem = buildShiftProblem({
      calendar: calendar({ days: 3 }),
      templates: [template({ name: 'early' })],
      requiredPaidAgents: [[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]],
    });
    const column = (weekday: string, startHour: number): string =>
      problem.patterns.find((p) => p.weekday === weekday && p.startSeconds === startHour * HOUR)?.column ?? '';
    const plan = readShiftSolution(
      problem,
      { [column('mon', 8)]: 2, [column('tue', 8)]: 2, [column('wed', 8)]: 3, [column('mon', 10)]: 1, [column('tue', 10)]: 1, [column('wed', 10)]: 1 },
      'optimal',
    );
    expect(plan.shifts.map((s) => ({ name: s.name, agents: s.agents, days: s.days }))).toEqual([
      { name: 'early-0800-1000-mon-tue', agents: 2, days: ['mon', 'tue'] },
      { name: 'early-0800-1000-wed', agents: 3, days: ['wed'] },
      { name: 'early-1000-1200', agents: 1, days: null }, // every planned weekday
    ]);
  });
});
