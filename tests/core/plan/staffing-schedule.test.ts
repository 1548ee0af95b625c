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
