import { describe, expect, it } from 'vitest';
import { parseScenarioText, scenarioJsonSchema } from '../../src/scenario/load.js';
import { issuesOf, scenarioText } from './helpers.js';

/** The valid scenario (open 08:00–16:00, 30-minute intervals, costs.agentHour 400) with these staffing lines. */
const staffing = (...lines: string[]) =>
  scenarioText({ staffing: ['staffing:', ...lines.map((l) => `  ${l}`)].join('\n'), costs: 'costs: { agentHour: 400 }' });

describe('staffing.shiftTemplates', () => {
  it('loads templates beside a staffing form, with times in seconds and the defaults resolved', () => {
    const text = staffing(
      'target: { serviceLevel: 0.8 }',
      'shrinkage: 0.3',
      'shiftTemplates:',
      '  - { name: full, lengthsHours: [8, 7.5], break: { minutes: 30, earliestAfterHours: 3, latestAfterHours: 4.5 } }',
      '  - { name: part, lengthsHours: [4], earliestStart: "09:00", latestEnd: "15:00", startEveryMinutes: 15, days: [mon, fri],',
      '      minAgents: 1, maxAgents: 6, costPerHour: 450 }',
    );
    const model = parseScenarioText(text).variants[0]?.model;
    expect(model?.staffing.kind).toBe('target');
    expect(model?.shiftTemplates).toEqual([
      {
        name: 'full',
        lengthsSeconds: [8 * 3600, 7.5 * 3600],
        earliestStartSeconds: 8 * 3600, // calendar.open
        latestEndSeconds: 16 * 3600, // calendar.close
        startEverySeconds: 1800, // calendar.intervalMinutes
        days: null,
        break: { durationSeconds: 1800, earliestAfterSeconds: 3 * 3600, latestAfterSeconds: 4.5 * 3600, everySeconds: 1800 },
        minAgents: 0,
        maxAgents: null,
        costPerHour: 400, // costs.agentHour
      },
      {
        name: 'part',
        lengthsSeconds: [4 * 3600],
        earliestStartSeconds: 9 * 3600,
        latestEndSeconds: 15 * 3600,
        startEverySeconds: 900,
        days: ['mon', 'fri'],
        break: null,
        minAgents: 1,
        maxAgents: 6,
        costPerHour: 450,
      },
    ]);
  });

  it('is absent from the model when the scenario has none, and is not a staffing form', () => {
    expect(parseScenarioText(scenarioText()).variants[0]?.model.shiftTemplates).toBeUndefined();
    // Templates alone are not a way to staff: a staffing form is still required.
    expect(issuesOf(staffing('shiftTemplates: [{ name: a, lengthsHours: [4] }]')).map((i) => i.code)).toEqual(['missing_form']);
  });

  it('stays when a variant replaces the staffing form with shifts (pasting the planned shifts keeps the templates)', () => {
    const text = `${staffing('target: { serviceLevel: 0.8 }', 'shiftTemplates: [{ name: day, lengthsHours: [8] }]')}variants:\n  planned:\n    staffing:\n      shifts: [{ name: day-0800-1600, start: "08:00", end: "16:00", agents: 12 }]\n`;
    const model = parseScenarioText(text).variants[0]?.model;
    expect(model?.staffing.kind).toBe('shifts');
    expect(model?.shiftTemplates?.map((t) => t.name)).toEqual(['day']);
  });

  it('can be set by a variant (a list replaces the base list)', () => {
    const text = `${staffing('agents: 10', 'shiftTemplates: [{ name: day, lengthsHours: [8] }]')}variants:\n  short:\n    staffing: { shiftTemplates: [{ name: half, lengthsHours: [4] }] }\n`;
    expect(parseScenarioText(text).variants[0]?.model.shiftTemplates?.map((t) => t.name)).toEqual(['half']);
  });

  it('is in the JSON Schema with its description', () => {
    const json = JSON.stringify(scenarioJsonSchema());
    expect(json).toContain('"shiftTemplates"');
    expect(json).toContain('Allowed paid lengths of a shift, hours, breaks included');
  });

  const invalid: readonly { name: string; lines: string[]; issues: { path: string; code: string; message?: string }[] }[] = [
    {
      name: 'duplicate template names',
      lines: ['agents: 5', 'shiftTemplates: [{ name: a, lengthsHours: [4] }, { name: a, lengthsHours: [6] }]'],
      issues: [{ path: 'staffing.shiftTemplates[1].name', code: 'duplicate_name', message: 'as shiftTemplates[0]' }],
    },
    {
      name: 'a window (the opening hours by default) too short for the shortest length',
      lines: ['agents: 5', 'shiftTemplates: [{ name: long, lengthsHours: [10, 9] }]'],
      issues: [{ path: 'staffing.shiftTemplates[0]', code: 'no_shift_fits', message: 'shortest length of 9 h (got 08:00–16:00, defaults from the opening hours' }],
    },
    {
      name: 'a window across midnight (latest end before the earliest start) in a calendar that closes at night',
      lines: ['agents: 5', 'shiftTemplates: [{ name: a, lengthsHours: [2], earliestStart: "12:00", latestEnd: "11:00" }]'],
      issues: [
        {
          path: 'staffing.shiftTemplates[0].latestEnd',
          code: 'crosses_midnight',
          message: 'a window that crosses midnight (12:00–11:00) needs a calendar open around the clock every day (open "00:00", close "24:00", no closed weekdays or holidays); this calendar is open 08:00–16:00',
        },
      ],
    },
    {
      name: 'a length that is not whole minutes',
      lines: ['agents: 5', 'shiftTemplates: [{ name: a, lengthsHours: [4.333] }]'],
      issues: [{ path: 'staffing.shiftTemplates[0].lengthsHours[0]', code: 'not_whole_minutes' }],
    },
    {
      name: 'a break window the wrong way round, and ending after the shortest shift',
      lines: ['agents: 5', 'shiftTemplates: [{ name: a, lengthsHours: [4, 6], break: { minutes: 30, earliestAfterHours: 3, latestAfterHours: 2 } }]'],
      issues: [{ path: 'staffing.shiftTemplates[0].break.latestAfterHours', code: 'min_above_max' }],
    },
    {
      name: 'a break that ends after the shortest length',
      lines: ['agents: 5', 'shiftTemplates: [{ name: a, lengthsHours: [4, 8], break: { minutes: 45, earliestAfterHours: 2, latestAfterHours: 3.5 } }]'],
      issues: [{ path: 'staffing.shiftTemplates[0].break', code: 'break_outside_shift', message: 'inside the shortest shift of 4 h' }],
    },
    {
      name: 'minAgents above maxAgents',
      lines: ['agents: 5', 'shiftTemplates: [{ name: a, lengthsHours: [4], minAgents: 5, maxAgents: 2 }]'],
      issues: [{ path: 'staffing.shiftTemplates[0].maxAgents', code: 'min_above_max' }],
    },
    {
      name: 'a misspelt key, an empty list of lengths and a bad weekday',
      lines: ['agents: 5', 'shiftTemplates: [{ name: a, lenghtsHours: [4], lengthsHours: [], days: [monday] }]'],
      issues: [
        { path: 'staffing.shiftTemplates[0].lenghtsHours', code: 'unknown_key', message: 'did you mean "lengthsHours"?' },
        { path: 'staffing.shiftTemplates[0].lengthsHours', code: 'too_small' },
        { path: 'staffing.shiftTemplates[0].days[0]', code: 'invalid_value' },
      ],
    },
  ];

  for (const testCase of invalid) {
    it(`rejects ${testCase.name}`, () => {
      const issues = issuesOf(staffing(...testCase.lines));
      expect(issues.map((issue) => ({ path: issue.path, code: issue.code }))).toEqual(testCase.issues.map(({ path, code }) => ({ path, code })));
      testCase.issues.forEach((expected, i) => {
        if (expected.message !== undefined) expect(issues[i]?.message).toContain(expected.message);
      });
    });
  }
});
