import { describe, expect, it } from 'vitest';
import type { Calendar, ContactCentreModel, ShiftTemplate } from '../../src/core/model/contact-centre-model.js';
import { planVariant } from '../../src/core/plan/interval-plan.js';
import { buildShiftProblem, paidRequirement } from '../../src/core/plan/shift-model.js';
import { scheduledStaffing } from '../../src/core/plan/staffing-schedule.js';
import { solveLinearProgram, solveShiftProblem } from '../../src/runner/shift-solver.js';
import { readScenarioFile } from '../../src/scenario/load.js';

const HOUR = 3600;

function onPhoneTable(model: ContactCentreModel): number[][] {
  const table = Array.from({ length: model.calendar.days }, () => new Array<number>(model.calendar.intervalsPerDay).fill(0));
  for (const row of planVariant(model).rows) (table[row.day] as number[])[row.interval] = row.onPhoneAgents;
  return table;
}

describe('solveLinearProgram (HiGHS in a worker thread)', () => {
  it('solves a tiny integer program', async () => {
    const result = await solveLinearProgram('Minimize\n obj: 3 x + 2 y\nSubject To\n c1: x + y >= 3.5\n c2: x - y <= 1\nGeneral\n x y\nEnd\n');
    expect(result.status).toBe('Optimal');
    expect(result.objective).toBe(8);
    expect(result.columns).toEqual({ x: 0, y: 4 });
  });

  it('stops at once when aborted, with an AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(solveLinearProgram('Minimize\n obj: x\nSubject To\n c: x >= 1\nEnd\n', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const later = new AbortController();
    const solving = solveLinearProgram('Minimize\n obj: x\nSubject To\n c: x >= 1\nEnd\n', { signal: later.signal });
    later.abort();
    await expect(solving).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a bad time limit', () => {
    expect(() => solveLinearProgram('', { timeLimitSeconds: 0 })).toThrow(RangeError);
  });
});

describe('solveShiftProblem', () => {
  it('finds the known optimum: shifts A (periods 1–2), B (2–3), C (3–4), demand 5/8/7/4, costs 10/11/9 → 119 with A=5, B=3, C=4', async () => {
    const calendar: Calendar = { days: 1, startWeekday: 'mon', openSeconds: 8 * HOUR, closeSeconds: 12 * HOUR, intervalSeconds: HOUR, intervalsPerDay: 4 };
    const shift = (name: string, startHour: number, costPerShift: number): ShiftTemplate => ({
      name,
      lengthsSeconds: [2 * HOUR],
      earliestStartSeconds: startHour * HOUR,
      latestEndSeconds: (startHour + 2) * HOUR,
      startEverySeconds: HOUR,
      days: null,
      break: null,
      minAgents: 0,
      maxAgents: null,
      costPerHour: costPerShift / 2,
    });
    const problem = buildShiftProblem({ calendar, templates: [shift('A', 8, 10), shift('B', 9, 11), shift('C', 10, 9)], requiredPaidAgents: [[5, 8, 7, 4]] });
    const solved = await solveShiftProblem(problem);
    expect(solved.solverStatus).toBe('Optimal');
    expect(solved.plan.status).toBe('optimal');
    expect(solved.plan.cost).toBe(119);
    expect(solved.plan.shifts.map((s) => [s.name, s.agents])).toEqual([
      ['A-0800-1000', 5],
      ['B-0900-1100', 3],
      ['C-1000-1200', 4],
    ]);
    expect(solved.plan.coverage.map((row) => row.coveredPaidAgents)).toEqual([5, 8, 7, 4]);
    expect(solved.plan.unmetIntervals).toEqual([]);
  });

  it('covers a week of half-hours interval by interval, checked by turning the shifts back into on-phone agents', async () => {
    const model = readScenarioFile('tests/fixtures/shifts/week.yaml').variants[0]?.model as ContactCentreModel;
    const required = onPhoneTable(model);
    const problem = buildShiftProblem({
      calendar: model.calendar,
      templates: model.shiftTemplates ?? [],
      requiredPaidAgents: paidRequirement(required, model.staffing.shrinkage),
    });
    const started = performance.now();
    const solved = await solveShiftProblem(problem, { timeLimitSeconds: 60 });
    const seconds = (performance.now() - started) / 1000;
    expect(solved.plan.status).toBe('optimal');
    expect(seconds).toBeLessThan(30); // typically 1–3 s, on a loaded machine more
    expect(solved.plan.unmetIntervals).toEqual([]);

    // Independent check: the shifts, simulated as the scenario would run them (scheduledStaffing: on shift minus on
    // break, time-weighted, × (1 − shrinkage)), put at least the required agents on the phones in every interval.
    const scheduled = scheduledStaffing({ ...model, staffing: { kind: 'shifts', shifts: solved.plan.shifts, shrinkage: model.staffing.shrinkage } });
    let checked = 0;
    required.forEach((row, day) =>
      row.forEach((agents, interval) => {
        expect((scheduled?.onPhoneAgents[day] as number[])[interval]).toBeGreaterThanOrEqual(agents - 1e-9);
        checked++;
      }),
    );
    expect(checked).toBe(7 * 28);
    // Template rules hold: part-time only on weekdays, at most 12 a day; the plan's paid hours match the shifts.
    const partTime = solved.plan.assignments.filter((a) => a.pattern.template === 'part');
    expect(partTime.every((a) => !['sat', 'sun'].includes(a.pattern.weekday))).toBe(true);
    for (const weekday of ['mon', 'tue', 'wed', 'thu', 'fri']) {
      expect(partTime.filter((a) => a.pattern.weekday === weekday).reduce((n, a) => n + a.agents, 0)).toBeLessThanOrEqual(12);
    }
    const paid = (scheduled?.paidAgentHours ?? []).flat().reduce((total, hours) => total + hours, 0);
    expect(paid).toBeCloseTo(solved.plan.paidAgentHours, 9);
    // Whole shifts cost more than the interval requirement, but not absurdly more.
    const requiredHours = paidRequirement(required, model.staffing.shrinkage).flat().reduce((t, a) => t + a / 2, 0);
    expect(solved.plan.paidAgentHours).toBeGreaterThan(requiredHours);
    expect(solved.plan.paidAgentHours).toBeLessThan(1.3 * requiredHours);
  });

  describe('night shifts in a calendar open around the clock', () => {
    const aroundTheClock = (days: number): Calendar => ({ days, startWeekday: 'mon', openSeconds: 0, closeSeconds: 24 * HOUR, intervalSeconds: HOUR, intervalsPerDay: 24 });
    const anyStart: ShiftTemplate = {
      name: 'eight',
      lengthsSeconds: [8 * HOUR],
      earliestStartSeconds: 0,
      latestEndSeconds: 48 * HOUR, // a 24/7 calendar's default: any start, ending by the next midnight
      startEverySeconds: HOUR,
      days: null,
      break: null,
      minAgents: 0,
      maxAgents: null,
      costPerHour: 300,
    };
    /** 3 agents from 22:00 to 06:00, nobody by day. */
    const nights = (days: number): number[][] => Array.from({ length: days }, () => Array.from({ length: 24 }, (_, hour) => (hour >= 22 || hour < 6 ? 3 : 0)));

    it('covers the nights of a week with one shift 22:00–06:00, paid once a night, as the schedule counts it', async () => {
      const calendar = aroundTheClock(7);
      const solved = await solveShiftProblem(buildShiftProblem({ calendar, templates: [anyStart], requiredPaidAgents: nights(7) }));
      expect(solved.plan.unmetIntervals).toEqual([]);
      expect(solved.plan.shifts.map((shift) => [shift.name, shift.startSeconds / HOUR, shift.endSeconds / HOUR, shift.agents, shift.days])).toEqual([
        ['eight-2200-0600', 22, 30, 3, null],
      ]);
      expect(solved.plan.paidAgentHours).toBe(7 * 8 * 3);
      expect(solved.plan.cost).toBe(7 * 8 * 3 * 300);
      const model = { ...readScenarioFile('scenarios/textbook-erlang-c.yaml').variants[0]?.model, calendar } as ContactCentreModel;
      const scheduled = scheduledStaffing({ ...model, staffing: { kind: 'shifts', shifts: solved.plan.shifts, shrinkage: 0 } });
      expect(scheduled?.onPhoneAgents).toEqual(nights(7));
      expect((scheduled?.paidAgentHours ?? []).flat().reduce((a, b) => a + b, 0)).toBeCloseTo(solved.plan.paidAgentHours, 9);
    });

    it('covers the early hours of a one-day run by the night before it, and pays only the hours inside the run', async () => {
      const calendar = aroundTheClock(1);
      const problem = buildShiftProblem({ calendar, templates: [anyStart], requiredPaidAgents: nights(1) });
      expect(problem.leadInWeekdays).toEqual(['sun']);
      const solved = await solveShiftProblem(problem);
      expect(solved.plan.unmetIntervals).toEqual([]);
      // Sunday's and Monday's night shift alike: "every day".
      expect(solved.plan.shifts.map((shift) => [shift.startSeconds / HOUR, shift.endSeconds / HOUR, shift.agents, shift.days])).toEqual([[22, 30, 3, null]]);
      // Within the run: 6 h of Sunday's night and 2 h of Monday's, × 3 agents.
      expect(solved.plan.paidAgentHours).toBe(8 * 3);
    });
  });

  it('reports the intervals no template can cover as unmet instead of failing', async () => {
    const model = readScenarioFile('tests/fixtures/shifts/unmet.yaml').variants[0]?.model as ContactCentreModel;
    const required = paidRequirement(onPhoneTable(model), model.staffing.shrinkage);
    const solved = await solveShiftProblem(buildShiftProblem({ calendar: model.calendar, templates: model.shiftTemplates ?? [], requiredPaidAgents: required }));
    expect(solved.plan.status).toBe('optimal');
    expect(solved.plan.unmetIntervals.map((row) => row.startSeconds / HOUR)).toEqual([7, 7.5, 18, 18.5, 19, 19.5]);
    for (const row of solved.plan.unmetIntervals) {
      expect(row.coveredPaidAgents).toBe(0);
      expect(row.unmetPaidAgents).toBe(row.requiredPaidAgents);
    }
    // Everything the template can reach is covered.
    for (const row of solved.plan.coverage.filter((r) => r.startSeconds >= 8 * HOUR && r.startSeconds < 18 * HOUR)) {
      expect(row.coveredPaidAgents).toBeGreaterThanOrEqual(row.requiredPaidAgents - 1e-9);
    }
  });
});
