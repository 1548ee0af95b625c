import { describe, expect, it } from 'vitest';
import { overlapSeconds, scheduledStaffing } from '../../../src/core/plan/staffing-schedule.js';
import { makeModel } from '../../helpers/model.js';

const day = { days: 2, openSeconds: 8 * 3600, closeSeconds: 10 * 3600, intervalSeconds: 1800, intervalsPerDay: 4 };

describe('scheduledStaffing', () => {
  it('keeps constant agents on the phones and pays on-phone hours / (1 − shrinkage)', () => {
    const schedule = scheduledStaffing(makeModel({ calendar: day, staffing: { kind: 'agents', agents: 7, shrinkage: 0.3 } }));
    expect(schedule?.onPhoneAgents).toEqual([[7, 7, 7, 7], [7, 7, 7, 7]]);
    expect(schedule?.paidAgentHours[0]?.[0]).toBeCloseTo((7 * 0.5) / 0.7, 12);
  });

  it('follows agentsPerInterval interval by interval on every day', () => {
    const schedule = scheduledStaffing(
      makeModel({ calendar: day, staffing: { kind: 'agentsPerInterval', agentsPerInterval: [1, 2, 3, 0], shrinkage: 0 } }),
    );
    expect(schedule?.onPhoneAgents).toEqual([[1, 2, 3, 0], [1, 2, 3, 0]]);
    expect(schedule?.paidAgentHours[1]).toEqual([0.5, 1, 1.5, 0]);
  });

  it('turns shifts into on-phone agents: on shift minus on break, times (1 − shrinkage), time-weighted', () => {
    const model = makeModel({
      calendar: { ...day, days: 2, startWeekday: 'mon' },
      staffing: {
        kind: 'shifts',
        shrinkage: 0.5,
        shifts: [
          { name: 'early', startSeconds: 7 * 3600, endSeconds: 10 * 3600, agents: 4, breaks: [{ startSeconds: 8.5 * 3600, durationSeconds: 900 }], days: null },
          { name: 'late', startSeconds: 9 * 3600, endSeconds: 11 * 3600, agents: 2, breaks: [], days: ['tue'] },
        ],
      },
    });
    const schedule = scheduledStaffing(model);
    // Monday: only "early"; its break covers half of 08:30–09:00.
    expect(schedule?.onPhoneAgents[0]).toEqual([2, 1, 2, 2]);
    // Tuesday: "late" joins at 09:00.
    expect(schedule?.onPhoneAgents[1]).toEqual([2, 1, 3, 3]);
    // Paid time is the whole shift: 07:00–08:00 is booked to the first interval, 10:00–11:00 to the last.
    const mondayPaid = schedule?.paidAgentHours[0]?.reduce((a, b) => a + b, 0);
    expect(mondayPaid).toBeCloseTo(4 * 3, 12);
    const tuesdayPaid = schedule?.paidAgentHours[1]?.reduce((a, b) => a + b, 0);
    expect(tuesdayPaid).toBeCloseTo(4 * 3 + 2 * 2, 12);
  });

  it('counts a night shift after midnight on the next day: the first day from the night before the run, the last night cut at the end', () => {
    const HOUR = 3600;
    const model = makeModel({
      calendar: { days: 2, startWeekday: 'mon', openSeconds: 0, closeSeconds: 24 * HOUR, intervalSeconds: 2 * HOUR, intervalsPerDay: 12 },
      staffing: {
        kind: 'shifts',
        shrinkage: 0,
        shifts: [
          // 22:00–06:00 every night, with a break 02:00–03:00; and a Monday-only night of 2 agents, 20:00–04:00.
          { name: 'night', startSeconds: 22 * HOUR, endSeconds: 30 * HOUR, agents: 4, breaks: [{ startSeconds: 26 * HOUR, durationSeconds: HOUR }], days: null },
          { name: 'monday-night', startSeconds: 20 * HOUR, endSeconds: 28 * HOUR, agents: 2, breaks: [], days: ['mon'] },
        ],
      },
    });
    const schedule = scheduledStaffing(model);
    // Monday: Sunday's night until 06:00 (its break takes half of 02:00–04:00); from 20:00 Monday's own nights.
    expect(schedule?.onPhoneAgents[0]).toEqual([4, 2, 4, 0, 0, 0, 0, 0, 0, 0, 2, 6]);
    // Tuesday: Monday's two nights after midnight, none of Tuesday's own but "night" from 22:00.
    expect(schedule?.onPhoneAgents[1]).toEqual([6, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
    // Paid: the hours inside the run — Monday 6 h of Sunday's night + 2 h own × 4 agents + 4 h × 2; Tuesday 6 × 4 + 4 × 2 + 2 × 4.
    const paid = schedule?.paidAgentHours.map((row) => row.reduce((a, b) => a + b, 0));
    expect(paid?.[0]).toBeCloseTo(6 * 4 + 2 * 4 + 4 * 2, 12);
    expect(paid?.[1]).toBeCloseTo(6 * 4 + 4 * 2 + 2 * 4, 12);
  });

  it('has no fixed schedule for target staffing', () => {
    const model = makeModel({
      staffing: {
        kind: 'target',
        shrinkage: 0,
        target: { serviceLevel: 0.8, answerWithinSeconds: 20, maxAbandonShare: null, maxOccupancy: null, maxAsaSeconds: null, method: 'erlang-c' },
      },
    });
    expect(scheduledStaffing(model)).toBeNull();
  });

  it('measures the overlap of two time ranges', () => {
    expect(overlapSeconds(0, 10, 5, 20)).toBe(5);
    expect(overlapSeconds(0, 10, 10, 20)).toBe(0);
    expect(overlapSeconds(3, 4, 0, 10)).toBe(1);
  });
});
