import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/load.js';
import { issuesOf } from './helpers.js';

/** A centre open around the clock for a week, with these staffing lines (and these calendar lines added). */
function aroundTheClock(staffing: readonly string[], calendar: readonly string[] = []): string {
  return [
    'name: Night line',
    'calendar:',
    '  days: 7',
    '  open: "00:00"',
    '  close: "24:00"',
    '  intervalMinutes: 60',
    ...calendar.map((line) => `  ${line}`),
    'demand: { casesPerHour: 20 }',
    'handling: { handleTime: { distribution: exponential, meanSeconds: 300 } }',
    'staffing:',
    ...staffing.map((line) => `  ${line}`),
    'costs: { agentHour: 300 }',
  ].join('\n');
}

describe('shifts across midnight', () => {
  it('loads a night shift of a 24/7 calendar with its end, and a break after midnight, on the next day', () => {
    const text = aroundTheClock(['shifts:', '  - { name: night, start: "22:00", end: "06:00", agents: 4, breaks: [{ start: "02:00", minutes: 30 }] }']);
    const model = parseScenarioText(text).variants[0]?.model;
    expect(model?.staffing).toMatchObject({
      kind: 'shifts',
      shifts: [{ name: 'night', startSeconds: 22 * 3600, endSeconds: 30 * 3600, agents: 4, breaks: [{ startSeconds: 26 * 3600, durationSeconds: 1800 }] }],
    });
  });

  it('refuses a break outside the night shift, naming the shift as written', () => {
    const issues = issuesOf(aroundTheClock(['shifts:', '  - { name: night, start: "22:00", end: "06:00", agents: 4, breaks: [{ start: "06:00", minutes: 30 }] }']));
    expect(issues.map((issue) => issue.code)).toEqual(['break_outside_shift']);
    expect(issues[0]?.message).toBe('expected a break within the shift 22:00–06:00 (got 06:00 for 30 minutes, until 06:30)');
  });

  it('refuses a night shift when the calendar closes on some days, at the shift end', () => {
    const issues = issuesOf(aroundTheClock(['shifts:', '  - { name: night, start: "22:00", end: "06:00", agents: 4 }'], ['closedWeekdays: [sun]']));
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'staffing.shifts[0].end',
        code: 'crosses_midnight',
        line: 12,
        column: 43,
        message: expect.stringMatching(/^a shift that crosses midnight \(22:00–06:00\) needs a calendar open around the clock every day .*; this calendar closes on some days \(closedWeekdays or holidays\)$/),
      }),
    ]);
  });

  it('gives a template without a window every start of the day in a 24/7 calendar, and a night window its end on the next day', () => {
    const text = aroundTheClock([
      'agents: 3',
      'shiftTemplates:',
      '  - { name: any, lengthsHours: [8] }',
      '  - { name: night, lengthsHours: [8, 10], earliestStart: "20:00", latestEnd: "08:00" }',
      '  - { name: day, lengthsHours: [8], earliestStart: "06:00", latestEnd: "20:00" }',
      '  - { name: late, lengthsHours: [8], earliestStart: "18:00" }',
      '  - { name: evening, lengthsHours: [6], earliestStart: "18:00", latestEnd: "00:00" }',
    ]);
    const templates = parseScenarioText(text).variants[0]?.model.shiftTemplates;
    expect(templates?.map((t) => [t.earliestStartSeconds / 3600, t.latestEndSeconds / 3600])).toEqual([
      [0, 48],
      [20, 32],
      [6, 20],
      [18, 48],
      [18, 24],
    ]);
  });

  it('refuses a night window too short for the template’s shortest shift', () => {
    const issues = issuesOf(aroundTheClock(['agents: 3', 'shiftTemplates: [{ name: night, lengthsHours: [12], earliestStart: "22:00", latestEnd: "06:00" }]']));
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([['staffing.shiftTemplates[0].latestEnd', 'no_shift_fits']]);
  });

  it('reads an end of "00:00" as the midnight that ends the day, in any calendar', () => {
    const text = aroundTheClock(['shifts:', '  - { name: late, start: "16:00", end: "00:00", agents: 2 }'], []).replace('open: "00:00"', 'open: "08:00"');
    expect(parseScenarioText(text).variants[0]?.model.staffing).toMatchObject({ shifts: [{ startSeconds: 16 * 3600, endSeconds: 24 * 3600 }] });
    const template = aroundTheClock(['agents: 3', 'shiftTemplates: [{ name: late, lengthsHours: [8], earliestStart: "16:00", latestEnd: "00:00" }]']).replace('open: "00:00"', 'open: "08:00"');
    expect(parseScenarioText(template).variants[0]?.model.shiftTemplates?.[0]).toMatchObject({ earliestStartSeconds: 16 * 3600, latestEndSeconds: 24 * 3600 });
  });
});
