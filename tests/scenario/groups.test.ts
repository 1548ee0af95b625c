import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOverride, loadScenarioDocument, parseScenarioText } from '../../src/scenario/load.js';
import { issuesOf } from './helpers.js';

/** A switchboard that transfers to case officers, with callbacks and an e-mail channel (SPEC §7). */
const NETWORK = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'scenarios', 'network.yaml'), 'utf8');

describe('scenarios with agent groups', () => {
  it('load into a network: groups in file order, outcomes by index, prices, tasks and channels in seconds', () => {
    const loaded = parseScenarioText(NETWORK, { file: 'network.yaml' });
    const model = loaded.variants[0]!.model;
    const network = model.network!;
    expect(network.groups.map((g) => g.name)).toEqual(['switchboard', 'case-officers']);
    const [switchboard, officers] = network.groups;
    expect(switchboard!.outcomes).toEqual({ resolved: 0.15, transfers: [{ group: 1, share: 0.75 }], callbacks: [], unresolved: 0.1 });
    expect(switchboard!.staffing).toMatchObject({ kind: 'target', target: { method: 'erlang-a', answerWithinSeconds: 60 } });
    expect(switchboard!.costs).toEqual({ perPaidAgentHour: 260, perOvertimeHour: 260 });
    expect(switchboard!.maxQueue).toBeNull();
    expect(officers!.maxQueue).toBe(0);
    expect(officers!.costs).toEqual({ perPaidAgentHour: 420, perOvertimeHour: 420 });
    expect(officers!.outcomes.callbacks).toEqual([{ group: 1, share: 0.05 }]);
    expect(officers!.tasks).toEqual({
      callbackHandleTime: { kind: 'exponential', meanSeconds: 300 },
      callbackReach: { probability: 0.7, retryDelay: { kind: 'fixed', seconds: 3600 }, maxTries: 3 },
      dueSeconds: 86_400,
    });
    expect(network.transferPatience).toEqual({ kind: 'exponential', meanSeconds: 120 });
    expect(network.channels).toHaveLength(1);
    expect(network.channels[0]).toMatchObject({ name: 'email', group: 1, firstContactResolution: 0.8 });
    expect(network.channels[0]!.demand.casesPerInterval[0]).toEqual([40, 40]);
    // The first group stands in for the one-group fields that views read.
    expect(model.staffing).toBe(switchboard!.staffing);
    expect(model.handling.handleTime).toEqual(switchboard!.handleTime);
    expect(model.handling.repeatContact.probability).toBe(0.5);
  });

  it('a group with firstContactResolution gets the outcomes resolved p, unresolved 1 − p', () => {
    const text = NETWORK.replace(/      outcomes:\n        resolved: 0.15\n        transfer: \{ case-officers: 0.75 \}\n        unresolved: 0.10\n/, '      firstContactResolution: 0.6\n');
    const group = parseScenarioText(text).variants[0]!.model.network!.groups[0]!;
    expect(group.outcomes).toEqual({ resolved: 0.6, transfers: [], callbacks: [], unresolved: 0.4 });
  });

  it('variants change any group, and --set reaches into a group', () => {
    const withVariants = `${NETWORK}variants:\n  more-officers:\n    groups:\n      case-officers:\n        staffing: { agents: 5 }\n`;
    const loaded = parseScenarioText(withVariants);
    const officers = loaded.variants[0]!.model.network!.groups[1]!;
    expect(officers.staffing).toEqual({ kind: 'agents', agents: 5, shrinkage: 0.4 });
    expect(officers.maxQueue).toBe(0); // merged key by key
    const set = loadScenarioDocument(applyOverride(parseScenarioText(NETWORK).document, 'groups.switchboard.staffing.agents', 7));
    expect(set.variants[0]!.model.network!.groups[0]!.staffing).toEqual({ kind: 'agents', agents: 7, shrinkage: 0 });
  });

  it('a scenario without groups has no network', () => {
    const text = 'name: x\ncalendar: { open: "08:00", close: "09:00" }\ndemand: { casesPerHour: 10 }\nhandling: { handleTime: { distribution: exponential, meanSeconds: 60 } }\nstaffing: { agents: 2 }\n';
    expect(parseScenarioText(text).variants[0]!.model.network).toBeUndefined();
  });

  it('expect: accepts group metrics as groups.<name>.<metric>', () => {
    const loaded = parseScenarioText(`${NETWORK}expect:\n  base:\n    groups.case-officers.occupancy: { max: 0.85 }\n    callsPerCase: { max: 3 }\n`);
    expect(loaded.expect.map((e) => e.metric)).toEqual(['groups.case-officers.occupancy', 'callsPerCase']);
  });
});

interface ExpectedIssue {
  readonly path: string;
  readonly code: string;
  readonly message?: string;
}

const invalidCases: readonly { name: string; text: string; issues: ExpectedIssue[] }[] = [
  {
    name: 'outcome shares that do not sum to 1',
    text: NETWORK.replace('unresolved: 0.10', 'unresolved: 0.20'),
    issues: [{ path: 'groups.switchboard.handling.outcomes', code: 'shares_not_summing', message: 'sum to 1 (got 1.1' }],
  },
  {
    name: 'a transfer to a group that does not exist, with a suggestion',
    text: NETWORK.replace('transfer: { case-officers: 0.75 }', 'transfer: { case-officer: 0.75 }'),
    issues: [{ path: 'groups.switchboard.handling.outcomes.transfer.case-officer', code: 'unknown_group', message: 'did you mean "case-officers"?' }],
  },
  {
    name: 'a callback to a group that does not exist',
    text: NETWORK.replace('callback: { case-officers: 0.05 }', 'callback: { backoffice: 0.05 }'),
    issues: [{ path: 'groups.case-officers.handling.outcomes.callback.backoffice', code: 'unknown_group' }],
  },
  {
    name: 'a group that transfers only to itself never ends',
    text: NETWORK.replace('outcomes: { resolved: 0.9, callback: { case-officers: 0.05 }, unresolved: 0.05 }', 'outcomes: { transfer: { case-officers: 1 } }'),
    issues: [{ path: 'groups.case-officers.handling.outcomes', code: 'routing_loop', message: 'never end' }],
  },
  {
    name: 'a negative maxQueue',
    text: NETWORK.replace('maxQueue: 0', 'maxQueue: -1'),
    issues: [{ path: 'groups.case-officers.maxQueue', code: 'too_small' }],
  },
  {
    name: 'a channel naming an unknown group',
    text: NETWORK.replace('group: case-officers,', 'group: officers,'),
    issues: [{ path: 'channels.email.group', code: 'unknown_group', message: 'expected one of: switchboard, case-officers' }],
  },
  {
    name: 'a top-level staffing next to groups',
    text: `${NETWORK}staffing: { agents: 3 }\n`,
    issues: [{ path: 'staffing', code: 'not_with_groups' }],
  },
  {
    name: 'a top-level handle time next to groups',
    text: NETWORK.replace('handling:\n  repeatContact', 'handling:\n  handleTime: { distribution: exponential, meanSeconds: 60 }\n  repeatContact'),
    issues: [{ path: 'handling.handleTime', code: 'not_with_groups' }],
  },
  {
    name: 'callbacks to a group without a callback handle time',
    text: NETWORK.replace('      callbackHandleTime: { distribution: exponential, meanSeconds: 300 }\n', ''),
    issues: [{ path: 'groups.case-officers.tasks.callbackHandleTime', code: 'required', message: 'sends callbacks to "case-officers"' }],
  },
  {
    name: 'both firstContactResolution and outcomes',
    text: NETWORK.replace('      outcomes:\n        resolved: 0.15', '      firstContactResolution: 0.5\n      outcomes:\n        resolved: 0.15'),
    issues: [{ path: 'groups.switchboard.handling.outcomes', code: 'conflicting_forms' }],
  },
  {
    name: 'a group without staffing, and one with two staffing forms',
    text: NETWORK.replace('    staffing: { target: { serviceLevel: 0.8, answerWithinSeconds: 60 } }\n', '').replace('staffing: { agents: 3, shrinkage: 0.4 }', 'staffing: { agents: 3, target: { serviceLevel: 0.8 } }'),
    issues: [
      { path: 'groups.switchboard.staffing', code: 'required' },
      { path: 'groups.case-officers.staffing.target', code: 'conflicting_forms' },
    ],
  },
  {
    name: 'a group metric of an unknown group or metric in expect',
    text: `${NETWORK}expect:\n  "*":\n    groups.officers.occupancy: { max: 0.85 }\n    groups.case-officers.occupancyy: { max: 0.85 }\n`,
    issues: [
      { path: 'expect.*["groups.officers.occupancy"]', code: 'unknown_metric', message: 'unknown group "officers"' },
      { path: 'expect.*["groups.case-officers.occupancyy"]', code: 'unknown_metric', message: 'did you mean "occupancy"?' },
    ],
  },
  {
    name: 'channels without groups',
    text: 'name: x\ncalendar: { open: "08:00", close: "09:00" }\ndemand: { casesPerHour: 10 }\nhandling: { handleTime: { distribution: exponential, meanSeconds: 60 } }\nstaffing: { agents: 2 }\nchannels: { email: { casesPerDay: 5, group: agents, handleTime: { distribution: exponential, meanSeconds: 60 } } }\n',
    issues: [{ path: 'channels', code: 'needs_groups' }],
  },
  {
    name: 'a group named by a whole number',
    text: NETWORK.replace(/case-officers/g, '"2"'),
    issues: [{ path: 'groups.2', code: 'numeric_name' }],
  },
];

describe('invalid group scenarios: every problem, located, with its path and code', () => {
  for (const testCase of invalidCases) {
    it(testCase.name, () => {
      const issues = issuesOf(testCase.text);
      expect(issues.map(({ path, code }) => ({ path, code }))).toEqual(testCase.issues.map(({ path, code }) => ({ path, code })));
      testCase.issues.forEach((expected, i) => {
        if (expected.message !== undefined) expect(issues[i]!.message).toContain(expected.message);
        expect(issues[i]!.line, `${expected.path} has a line`).toBeGreaterThan(0);
      });
    });
  }
});
