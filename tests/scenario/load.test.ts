import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { ContactCentreModel } from '../../src/core/model/contact-centre-model.js';
import { parseScenarioText, readScenarioFile } from '../../src/scenario/load.js';
import { scenarioText } from './helpers.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'scenarios');
const specYaml = join(fixtures, 'spec-example.yaml');
const specJson = join(fixtures, 'spec-example.json');

/** Tolerance for sums of normalised floating-point shares. */
const SUM_TOLERANCE = 1e-9;

function modelOf(text: string, variant = 'base'): ContactCentreModel {
  const found = parseScenarioText(text).variants.find((v) => v.name === variant);
  if (found === undefined) throw new Error(`no variant ${variant}`);
  return found.model;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

describe('the complete example of SPEC §2', () => {
  const scenario = readScenarioFile(specYaml);
  const byName = Object.fromEntries(scenario.variants.map((variant) => [variant.name, variant.model]));
  const mediocre = byName['mediocre'] as ContactCentreModel;
  const worldClass = byName['world-class'] as ContactCentreModel;

  it('has the named variants in file order (the base alone is not run)', () => {
    expect(scenario.file).toBe(specYaml);
    expect(scenario.name).toBe('Municipal contact centre');
    expect(scenario.currency).toBe('SEK');
    expect(scenario.variants.map((variant) => variant.name)).toEqual(['mediocre', 'world-class']);
    expect(mediocre.variantName).toBe('mediocre');
    expect(mediocre.scenarioName).toBe('Municipal contact centre');
  });

  it('converts the calendar to seconds', () => {
    expect(mediocre.calendar).toEqual({
      days: 5,
      startWeekday: 'mon',
      openSeconds: 8 * 3600,
      closeSeconds: 16.5 * 3600,
      intervalSeconds: 1800,
      intervalsPerDay: 17,
      // Undated and shorter than a week: it stands for Monday to Friday (365.2425 × 5 / 7 days a year).
      openDaysPerYear: (365.2425 * 5) / 7,
    });
  });

  it('spreads casesPerDay by the normalised profile and the normalised day factors', () => {
    const perDay = mediocre.demand.casesPerInterval;
    expect(perDay).toHaveLength(5);
    for (const day of perDay) expect(day).toHaveLength(17);
    // day factors 1.3, 1.0, 0.95, 0.95, 0.8 have mean 1, so they apply as given
    const expectedDayTotals = [2340, 1800, 1710, 1710, 1440];
    perDay.forEach((day, index) => expect(Math.abs(sum(day) - (expectedDayTotals[index] as number))).toBeLessThan(SUM_TOLERANCE));
    expect(Math.abs(sum(perDay.flat()) - 9000)).toBeLessThan(SUM_TOLERANCE);
    // the profile sums to 111: Monday's first interval is 1800 × 4/111 × 1.3
    expect(perDay[0]?.[0]).toBeCloseTo((1800 * 4 * 1.3) / 111, 9);
    expect(perDay[4]?.[2]).toBeCloseTo((1800 * 11 * 0.8) / 111, 9);
    expect(mediocre.demand.overdispersionCv).toBe(0.1);
  });

  it('converts every distribution to seconds', () => {
    expect(mediocre.handling.handleTime).toEqual({ kind: 'lognormal', meanSeconds: 240, cv: 0.9 });
    expect(worldClass.handling.handleTime).toEqual({ kind: 'lognormal', meanSeconds: 270, cv: 0.9 });
    expect(mediocre.handling.repeatContact).toEqual({ probability: 0.8, delay: { kind: 'exponential', meanSeconds: 240 * 60 } });
    expect(mediocre.customers).toEqual({
      patience: { kind: 'exponential', meanSeconds: 120 },
      redial: { probability: 0.6, delay: { kind: 'exponential', meanSeconds: 600 } },
      maxAttempts: 10,
    });
  });

  it("merges each variant's changes over the base", () => {
    expect(mediocre.handling.firstContactResolution).toBe(0.55);
    expect(worldClass.handling.firstContactResolution).toBe(0.9);
    // the variants' target replaces the base's shifts; answerWithinSeconds from the variant, method from the patience
    expect(mediocre.staffing).toEqual({
      kind: 'target',
      shrinkage: 0.3,
      target: {
        serviceLevel: 0.5,
        answerWithinSeconds: 60,
        maxAbandonShare: null,
        maxOccupancy: null,
        maxAsaSeconds: null,
        method: 'erlang-a',
      },
    });
    expect(worldClass.staffing.kind).toBe('target');
  });

  it('maps costs and simulation settings', () => {
    expect(mediocre.costs).toEqual({
      perPaidAgentHour: 420,
      perOvertimeHour: 630,
      perTelephonyMinute: 0.1,
      perCustomerWaitMinute: 5,
      perRepeatContact: 0,
      perUnresolvedCase: 400,
      fixedPerDay: 0,
      hoursPerFte: 1700,
    });
    expect(mediocre.simulation).toEqual({ replications: 20, seed: 20261127, warmupSeconds: 0 });
    expect(mediocre.serviceLevel).toEqual({ answerWithinSeconds: 20, definition: 'answered-of-offered', shortAbandonSeconds: 5 });
  });

  it('lists the expectations in file order, with "*" kept and each located', () => {
    expect(scenario.expect).toEqual([
      { variant: 'world-class', metric: 'serviceLevel', bound: { min: 0.78, confidence: 'mean', line: 71, column: 5 } },
      { variant: 'world-class', metric: 'costPerResolvedCase', bound: { max: 150, confidence: 'mean', line: 72, column: 5 } },
      { variant: '*', metric: 'abandonedShare', bound: { max: 0.3, confidence: 'mean', line: 74, column: 5 } },
    ]);
  });

  it('gives the same models and expectations from the JSON version', () => {
    const fromJson = readScenarioFile(specJson);
    expect(fromJson.variants).toEqual(scenario.variants);
    expect(fromJson.expect.map(({ variant, metric, bound: { min, max } }) => ({ variant, metric, min, max }))).toEqual(
      scenario.expect.map(({ variant, metric, bound: { min, max } }) => ({ variant, metric, min, max })),
    );
    expect(fromJson.document).toEqual(scenario.document);
  });

  it('keeps the parsed document as a plain value', () => {
    expect(JSON.parse(JSON.stringify(scenario.document))).toEqual(scenario.document);
    expect((scenario.document as { variants: object }).variants).toHaveProperty('world-class');
  });
});

describe('defaults', () => {
  it('fills in every default of a minimal file', () => {
    const scenario = readScenarioFile(join(fixtures, 'minimal.yaml'));
    expect(scenario.description).toBe('');
    expect(scenario.currency).toBe('SEK');
    expect(scenario.expect).toEqual([]);
    expect(scenario.variants.map((variant) => variant.name)).toEqual(['base']);
    expect(scenario.variants[0]?.model).toMatchInlineSnapshot(`
      {
        "calendar": {
          "closeSeconds": 39600,
          "days": 1,
          "intervalSeconds": 1800,
          "intervalsPerDay": 4,
          "openDaysPerYear": 260.8875,
          "openSeconds": 32400,
          "startWeekday": "mon",
        },
        "costs": {
          "fixedPerDay": 0,
          "hoursPerFte": 1700,
          "perCustomerWaitMinute": 0,
          "perOvertimeHour": 0,
          "perPaidAgentHour": 0,
          "perRepeatContact": 0,
          "perTelephonyMinute": 0,
          "perUnresolvedCase": 0,
        },
        "currency": "SEK",
        "customers": {
          "maxAttempts": null,
          "patience": null,
          "redial": {
            "delay": {
              "kind": "exponential",
              "meanSeconds": 600,
            },
            "probability": 0,
          },
        },
        "demand": {
          "casesPerInterval": [
            [
              30,
              30,
              30,
              30,
            ],
          ],
          "overdispersionCv": 0,
        },
        "handling": {
          "firstContactResolution": 1,
          "handleTime": {
            "kind": "exponential",
            "meanSeconds": 240,
          },
          "repeatContact": {
            "delay": {
              "kind": "exponential",
              "meanSeconds": 14400,
            },
            "probability": 0,
          },
        },
        "scenarioName": "Minimal centre",
        "serviceLevel": {
          "answerWithinSeconds": 20,
          "definition": "answered-of-offered",
          "shortAbandonSeconds": 5,
        },
        "simulation": {
          "replications": 20,
          "seed": 1,
          "warmupSeconds": 0,
        },
        "staffing": {
          "agents": 5,
          "kind": "agents",
          "shrinkage": 0,
        },
        "variantName": "base",
      }
    `);
  });

  it('prices overtime like a paid hour unless overtimeHour is given', () => {
    expect(modelOf(scenarioText({ costs: 'costs: { agentHour: 400 }' })).costs.perOvertimeHour).toBe(400);
    expect(modelOf(scenarioText({ costs: 'costs: { agentHour: 400, overtimeHour: 600 }' })).costs.perOvertimeHour).toBe(600);
  });

  it("takes a target's threshold from serviceLevel and its method from the patience", () => {
    const withoutPatience = modelOf(
      scenarioText({ staffing: 'staffing:\n  target: { serviceLevel: 0.8 }', serviceLevel: 'serviceLevel: { answerWithinSeconds: 30 }' }),
    );
    expect(withoutPatience.staffing).toMatchObject({ kind: 'target', target: { answerWithinSeconds: 30, method: 'erlang-c', serviceLevel: 0.8 } });
    const withPatience = modelOf(
      scenarioText({
        staffing: 'staffing:\n  target: { maxAbandonShare: 0.05, maxOccupancy: 0.85, maxAsaSeconds: 30 }',
        customers: 'customers:\n  patience: { distribution: gamma, meanMinutes: 2, cv: 0.5 }',
      }),
    );
    expect(withPatience.staffing).toMatchObject({
      target: { answerWithinSeconds: 20, method: 'erlang-a', serviceLevel: null, maxAbandonShare: 0.05, maxOccupancy: 0.85, maxAsaSeconds: 30 },
    });
    expect(withPatience.customers.patience).toEqual({ kind: 'gamma', meanSeconds: 120, cv: 0.5 });
  });
});

describe('conversion to the model', () => {
  it('turns casesPerHour into cases per interval', () => {
    const model = modelOf(scenarioText({ calendar: 'calendar:\n  open: "08:00"\n  close: "10:00"\n  intervalMinutes: 15' }));
    expect(model.demand.casesPerInterval).toEqual([[25, 25, 25, 25, 25, 25, 25, 25]]);
  });

  it('applies normalised day factors to casesPerInterval, over the listed weekdays, from startWeekday', () => {
    const model = modelOf(
      scenarioText({
        calendar: 'calendar:\n  days: 3\n  startWeekday: sat\n  open: "08:00"\n  close: "09:00"',
        demand: 'demand:\n  casesPerInterval: [10, 30]\n  dayFactors: { sat: 1, sun: 1, mon: 4 }',
      }),
    );
    // mean of the listed factors is 2: sat 0.5, sun 0.5, mon 2
    expect(model.demand.casesPerInterval).toEqual([
      [5, 15],
      [5, 15],
      [20, 60],
    ]);
  });

  it('spreads casesPerDay flat without a profile', () => {
    const model = modelOf(scenarioText({ demand: 'demand:\n  casesPerDay: 160' }));
    expect(model.demand.casesPerInterval[0]).toEqual(Array.from({ length: 16 }, () => 10));
  });

  it('converts every kind of distribution', () => {
    const cases: [string, unknown][] = [
      ['{ distribution: exponential, meanMinutes: 3 }', { kind: 'exponential', meanSeconds: 180 }],
      ['{ distribution: lognormal, meanSeconds: 200, cv: 0.8 }', { kind: 'lognormal', meanSeconds: 200, cv: 0.8 }],
      ['{ distribution: erlang, meanMinutes: 1.5, k: 3 }', { kind: 'erlang', meanSeconds: 90, k: 3 }],
      ['{ distribution: fixed, minutes: 2 }', { kind: 'fixed', seconds: 120 }],
      ['{ distribution: uniform, minMinutes: 1, maxMinutes: 5 }', { kind: 'uniform', minSeconds: 60, maxSeconds: 300 }],
      ['{ distribution: uniform, minSeconds: 10, maxSeconds: 10 }', { kind: 'uniform', minSeconds: 10, maxSeconds: 10 }],
      ['{ distribution: empirical, seconds: [30, 60, 600] }', { kind: 'empirical', seconds: [30, 60, 600] }],
    ];
    for (const [yaml, model] of cases) {
      expect(modelOf(scenarioText({ handling: `handling:\n  handleTime: ${yaml}` })).handling.handleTime).toEqual(model);
    }
    // A patience may be 0 (callers who do not wait at all); a handle time may not (see the invalid cases).
    const noPatience = modelOf(scenarioText({ extra: 'customers:\n  patience: { distribution: fixed, seconds: 0 }' }));
    expect(noPatience.customers.patience).toEqual({ kind: 'fixed', seconds: 0 });
  });

  it('converts shifts, breaks and days to seconds', () => {
    const model = modelOf(
      scenarioText({
        staffing: [
          'staffing:',
          '  shrinkage: 0.25',
          '  shifts:',
          '    - { name: early, start: "08:00", end: "16:00", agents: 4, breaks: [{ start: "12:00", minutes: 45 }] }',
          '    - { name: late, start: "12:00", end: "16:00", agents: 2, days: [mon, fri] }',
        ].join('\n'),
      }),
    );
    expect(model.staffing).toEqual({
      kind: 'shifts',
      shrinkage: 0.25,
      shifts: [
        { name: 'early', startSeconds: 28800, endSeconds: 57600, agents: 4, breaks: [{ startSeconds: 43200, durationSeconds: 2700 }], days: null },
        { name: 'late', startSeconds: 43200, endSeconds: 57600, agents: 2, breaks: [], days: ['mon', 'fri'] },
      ],
    });
  });

  it('keeps agentsPerInterval, maxAttempts and converts warmupHours', () => {
    const model = modelOf(
      scenarioText({
        calendar: 'calendar:\n  open: "00:00"\n  close: "24:00"\n  intervalMinutes: 480',
        staffing: 'staffing:\n  agentsPerInterval: [2, 8, 4]',
        customers: 'customers:\n  maxAttempts: 3',
        simulation: 'simulation: { warmupHours: 1.5 }',
      }),
    );
    expect(model.calendar).toMatchObject({ openSeconds: 0, closeSeconds: 86_400, intervalsPerDay: 3 });
    expect(model.staffing).toEqual({ kind: 'agentsPerInterval', agentsPerInterval: [2, 8, 4], shrinkage: 0 });
    expect(model.customers.maxAttempts).toBe(3);
    expect(model.simulation.warmupSeconds).toBe(5400);
  });
});

describe('reading files', () => {
  it('reports a missing file as one file_not_found issue', () => {
    const missing = join(fixtures, 'does-not-exist.yaml');
    let caught: unknown;
    try {
      readScenarioFile(missing);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).issues).toEqual([{ file: missing, path: '', code: 'file_not_found', message: 'file not found' }]);
  });

  it('reports a folder as file_not_found too', () => {
    expect(() => readScenarioFile(fixtures)).toThrow(/file not found \(it is a folder\)/);
  });

  it('reads JSON by extension, locating problems by line and column', () => {
    const text = readFileSync(specJson, 'utf8').replace('"intervalMinutes": 30', '"intervalMinutes": 7');
    try {
      parseScenarioText(text, { file: 'spec.json', format: 'json' });
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).issues).toEqual([
        {
          file: 'spec.json',
          line: 10,
          column: 24,
          path: 'calendar.intervalMinutes',
          code: 'interval_not_dividing',
          message: 'expected a number of minutes that divides the opening time of 510 minutes (08:00–16:30), e.g. 30 or 15 (got 7)',
        },
      ]);
    }
  });

  it('formats every issue as file:line:col: path: message in the error message', () => {
    expect(() => parseScenarioText(scenarioText({ staffing: 'staffing:\n  agents: -1' }), { file: 'a.yaml' })).toThrow(
      'a.yaml:10:11: staffing.agents: expected a whole number of agents ≥ 0 and ≤ 100,000 (got -1)',
    );
  });

  it('leaves file null for text', () => {
    expect(parseScenarioText(scenarioText()).file).toBeNull();
  });
});

describe('certain, immediate redials', () => {
  const customers = (lines: string) => scenarioText({ extra: `customers:\n  patience: { distribution: fixed, seconds: 0 }\n${lines}` });

  it.each([
    ['an attempt cap', '  redial: { probability: 1, delay: { distribution: fixed, seconds: 0 } }\n  maxAttempts: 5'],
    ['a redial delay', '  redial: { probability: 1, delay: { distribution: fixed, seconds: 1 } }'],
    ['a redial probability below 1', '  redial: { probability: 0.99, delay: { distribution: fixed, seconds: 0 } }'],
  ])('load when a patience of 0 meets %s: the calls end', (_label, lines) => {
    expect(() => parseScenarioText(customers(lines))).not.toThrow();
  });
});
