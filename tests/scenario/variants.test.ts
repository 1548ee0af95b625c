import { describe, expect, it } from 'vitest';
import type { ContactCentreModel } from '../../src/core/model/contact-centre-model.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { keysReplacedBy, mergeVariant } from '../../src/scenario/variants.js';
import { issuesOf, scenarioText } from './helpers.js';

function variantsOf(text: string): Record<string, ContactCentreModel> {
  return Object.fromEntries(parseScenarioText(text).variants.map((variant) => [variant.name, variant.model]));
}

const withVariants = (variants: string, changes: Record<string, string> = {}) =>
  scenarioText({ ...changes, variants: `variants:\n${variants}` });

describe('variant merge rules', () => {
  it('runs exactly the named variants, in file order; base: {} (or an empty entry) runs the base as is', () => {
    const text = withVariants('  zeta: { staffing: { agents: 12 } }\n  base: {}\n  alpha:\n');
    const scenario = parseScenarioText(text);
    expect(scenario.variants.map((variant) => variant.name)).toEqual(['zeta', 'base', 'alpha']);
    expect(scenario.variants.map((variant) => variant.model.staffing)).toEqual([
      { kind: 'agents', agents: 12, shrinkage: 0 },
      { kind: 'agents', agents: 10, shrinkage: 0 },
      { kind: 'agents', agents: 10, shrinkage: 0 },
    ]);
  });

  it('merges mappings key by key', () => {
    const models = variantsOf(
      withVariants('  slow:\n    handling: { repeatContact: { probability: 0.5 } }\n    costs: { unresolvedCase: 300 }', {
        handling: [
          'handling:',
          '  handleTime: { distribution: exponential, meanSeconds: 180 }',
          '  firstContactResolution: 0.7',
          '  repeatContact: { probability: 0.9, delay: { distribution: fixed, minutes: 60 } }',
        ].join('\n'),
        costs: 'costs: { agentHour: 400, unresolvedCase: 100 }',
      }),
    );
    expect(models['slow']?.handling).toEqual({
      handleTime: { kind: 'exponential', meanSeconds: 180 },
      firstContactResolution: 0.7,
      repeatContact: { probability: 0.5, delay: { kind: 'fixed', seconds: 3600 } },
    });
    expect(models['slow']?.costs).toMatchObject({ perPaidAgentHour: 400, perUnresolvedCase: 300 });
  });

  it('replaces lists instead of merging them', () => {
    const models = variantsOf(
      withVariants(
        '  flat:\n    demand: { intradayProfile: [1, 1, 1, 1] }\n  one:\n    staffing: { shifts: [{ name: solo, start: "08:00", end: "09:00", agents: 1 }] }',
        {
          calendar: 'calendar:\n  open: "08:00"\n  close: "10:00"',
          demand: 'demand:\n  casesPerDay: 100\n  intradayProfile: [4, 3, 2, 1]',
          staffing: [
            'staffing:',
            '  shifts:',
            '    - { name: a, start: "08:00", end: "10:00", agents: 3 }',
            '    - { name: b, start: "08:00", end: "09:00", agents: 2 }',
          ].join('\n'),
        },
      ),
    );
    expect(models['flat']?.demand.casesPerInterval).toEqual([[25, 25, 25, 25]]);
    expect(models['one']?.demand.casesPerInterval).toEqual([[40, 30, 20, 10]]);
    expect(models['one']?.staffing).toMatchObject({ kind: 'shifts', shifts: [{ name: 'solo', agents: 1 }] });
    expect(models['flat']?.staffing).toMatchObject({ kind: 'shifts', shifts: [{ name: 'a' }, { name: 'b' }] });
  });

  it("replaces the base's staffing form with the variant's, keeping shrinkage", () => {
    const models = variantsOf(
      withVariants('  solved:\n    staffing: { target: { serviceLevel: 0.8 } }\n  fixed:\n    staffing: { agentsPerInterval: [1, 2, 3, 4] }', {
        calendar: 'calendar:\n  open: "08:00"\n  close: "10:00"',
        staffing: 'staffing:\n  shrinkage: 0.3\n  shifts: [{ name: a, start: "08:00", end: "10:00", agents: 3 }]',
      }),
    );
    expect(models['solved']?.staffing).toMatchObject({ kind: 'target', shrinkage: 0.3, target: { serviceLevel: 0.8 } });
    expect(models['fixed']?.staffing).toEqual({ kind: 'agentsPerInterval', agentsPerInterval: [1, 2, 3, 4], shrinkage: 0.3 });
  });

  it("replaces the base's demand form: casesPerHour drops casesPerDay and its profile; casesPerDay keeps the profile", () => {
    const base = {
      calendar: 'calendar:\n  open: "08:00"\n  close: "10:00"',
      demand: 'demand:\n  casesPerDay: 100\n  intradayProfile: [4, 3, 2, 1]\n  overdispersion: 0.2',
    };
    const models = variantsOf(withVariants('  hourly:\n    demand: { casesPerHour: 10 }\n  busier:\n    demand: { casesPerDay: 200 }', base));
    expect(models['hourly']?.demand).toEqual({ casesPerInterval: [[5, 5, 5, 5]], overdispersionCv: 0.2 });
    expect(models['busier']?.demand).toEqual({ casesPerInterval: [[80, 60, 40, 20]], overdispersionCv: 0.2 });
  });

  it("replaces a distribution wholesale, since the fields differ by kind", () => {
    const models = variantsOf(
      withVariants('  steady:\n    handling: { handleTime: { distribution: fixed, seconds: 200 } }', {
        handling: 'handling:\n  handleTime: { distribution: lognormal, meanMinutes: 4, cv: 0.9 }',
      }),
    );
    expect(models['steady']?.handling.handleTime).toEqual({ kind: 'fixed', seconds: 200 });
  });

  it('a partial distribution in a variant is not merged with the base one', () => {
    const issues = issuesOf(
      withVariants('  longer:\n    handling: { handleTime: { meanSeconds: 300 } }', {
        handling: 'handling:\n  handleTime: { distribution: lognormal, meanSeconds: 240, cv: 0.9 }',
      }),
    );
    expect(issues.map(({ path, code }) => ({ path, code }))).toEqual([{ path: 'variants.longer.handling.handleTime.distribution', code: 'required' }]);
  });

  it("removes the base's value with null (infinite patience in one variant)", () => {
    const models = variantsOf(
      withVariants('  patient:\n    customers: { patience: null }\n  impatient: {}', {
        customers: 'customers:\n  patience: { distribution: exponential, meanSeconds: 60 }',
      }),
    );
    expect(models['patient']?.customers.patience).toBeNull();
    expect(models['impatient']?.customers.patience).toEqual({ kind: 'exponential', meanSeconds: 60 });
  });

  it('validates each merged variant as a whole: a change can break a rule together with the base', () => {
    const issues = issuesOf(withVariants('  short:\n    calendar: { close: "07:00" }\n  fine: {}'));
    expect(issues.map(({ path, code, line }) => ({ path, code, line }))).toEqual([
      { path: 'variants.short.calendar.close', code: 'close_before_open', line: 13 },
    ]);
  });

  it('reports a broken base once when every variant inherits it', () => {
    const issues = issuesOf(withVariants('  a: {}\n  b: { costs: { agentHour: 1 } }', { calendar: 'calendar:\n  open: "08:00"' }));
    expect(issues).toEqual([
      { file: 'test.yaml', line: 2, column: 1, path: 'calendar.close', code: 'required', message: 'required: expected a time "HH:MM"' },
    ]);
  });

  it('does not need a complete base when every variant completes it', () => {
    const text = scenarioText({ staffing: null, variants: 'variants:\n  lean: { staffing: { agents: 5 } }\n  rich: { staffing: { agents: 9 } }' });
    expect(Object.keys(variantsOf(text))).toEqual(['lean', 'rich']);
  });
});

describe('mergeVariant', () => {
  it('does not change its inputs and tells which paths the variant set', () => {
    const base = { staffing: { agents: 3, shrinkage: 0.2 }, handling: { firstContactResolution: 0.8 } };
    const variant = { staffing: { target: { serviceLevel: 0.8 } }, handling: { firstContactResolution: null } };
    const merged = mergeVariant(base, variant);
    expect(merged.document).toEqual({ staffing: { shrinkage: 0.2, target: { serviceLevel: 0.8 } }, handling: {} });
    expect(base).toEqual({ staffing: { agents: 3, shrinkage: 0.2 }, handling: { firstContactResolution: 0.8 } });
    expect(merged.fromVariant(['staffing', 'target', 'serviceLevel'])).toBe(true);
    expect(merged.fromVariant(['staffing', 'target', 'method'])).toBe(true);
    expect(merged.fromVariant(['handling', 'firstContactResolution'])).toBe(true);
    expect(merged.fromVariant(['staffing', 'shrinkage'])).toBe(false);
    expect(merged.fromVariant(['staffing'])).toBe(false);
  });

  it('knows the alternative forms', () => {
    expect(keysReplacedBy(['staffing'], 'target')).toEqual(['agents', 'agentsPerInterval', 'shifts']);
    expect(keysReplacedBy(['staffing'], 'shrinkage')).toEqual([]);
    expect(keysReplacedBy(['demand'], 'casesPerHour')).toEqual(['casesPerDay', 'intradayProfile', 'casesPerInterval']);
    expect(keysReplacedBy(['demand'], 'intradayProfile')).toEqual([]);
    expect(keysReplacedBy(['customers', 'patience'], 'meanMinutes')).toEqual(['meanSeconds']);
    expect(keysReplacedBy(['handling', 'handleTime'], 'maxSeconds')).toEqual(['minMinutes', 'maxMinutes']);
  });
});
