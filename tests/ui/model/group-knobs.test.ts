import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, readScenarioFile } from '../../../src/scenario/load.js';
import { sameKnobIndex } from '../../../src/ui/hooks/use-explorer.js';
import { groupNamesOf, KNOB_LABEL_WIDTH, knobsFor, knobText, localKnobId, steppedValue } from '../../../src/ui/model/knobs.js';
import type { Knob } from '../../../src/ui/model/knobs.js';
import { sweepParametersFor } from '../../../src/ui/model/sweep.js';
import { NETWORK } from '../helpers.js';

const network = readScenarioFile(NETWORK);
const municipal = readScenarioFile('scenarios/municipal-contact-centre.yaml');

function knob(knobs: readonly Knob[], id: string): Knob {
  const found = knobs.find((k) => k.id === id);
  if (found === undefined) throw new Error(`no knob ${id} in ${knobs.map((k) => k.id).join(', ')}`);
  return found;
}

/** The variant block of `variant` in the edited document. */
function block(scenario: { document: unknown }, variant: string): Record<string, unknown> {
  return ((scenario.document as Record<string, Record<string, Record<string, unknown>>>)['variants'] ?? {})[variant] ?? {};
}

function group(scenario: typeof network, variant: string, name: string) {
  const found = scenario.variants.find((v) => v.name === variant)?.model.network?.groups.find((g) => g.name === name);
  if (found === undefined) throw new Error(`no group ${name} in ${variant}`);
  return found;
}

describe('the knobs of a scenario with agent groups', () => {
  it('shows one group’s knobs — staffing in its form, handle time, outcomes, waiting places, callbacks, prices — then the whole scenario’s', () => {
    expect(groupNamesOf(network, 'callbacks')).toEqual(['front-desk', 'back-office']);
    const front = knobsFor(network, 'transfers');
    expect(front.map((k) => [k.group ?? '', k.label, knobText(k), k.unit])).toEqual([
      ['front-desk', 'SL target', '80', '%'],
      ['front-desk', 'target within', '20', 's'],
      ['front-desk', 'max occupancy', 'none', '%'],
      ['front-desk', 'method', 'Erlang A', ''],
      ['front-desk', 'handle time', '180', 's'],
      ['front-desk', 'resolved', '50', '%'],
      ['front-desk', 'transferred', '40', '%'],
      ['front-desk', 'not resolved', '10', '%'],
      ['front-desk', 'max queue', '∞', ''],
      ['front-desk', 'shrinkage', '30', '%'],
      ['front-desk', 'agent hour', '40', 'EUR'],
      ['front-desk', 'overtime hour', '40', 'EUR'],
      ['', 'new cases/day', '120', ''],
      ['', 'patience', '120', 's'],
      ['', 'redial prob.', '50', '%'],
      ['', 'repeat prob.', '50', '%'],
      ['', 'transfer pat.', '60', 's'],
      ['', 'opens', '08:00', ''],
      ['', 'closes', '10:00', ''],
      ['', 'wait cost/min', '0', 'EUR'],
      ['', 'unresolved', '25', 'EUR'],
    ]);
    // The back office of the callbacks variant: fixed agents, its outcomes, a limited queue and its callbacks.
    const back = knobsFor(network, 'callbacks', 'back-office');
    expect(back.filter((k) => k.group !== undefined).map((k) => [k.id, knobText(k)])).toEqual([
      ['groups.back-office.staffing.agents', '2'],
      ['groups.back-office.handling.handleTime', '300'],
      ['groups.back-office.handling.outcomes.resolved', '90'],
      ['groups.back-office.handling.outcomes.unresolved', '10'],
      ['groups.back-office.maxQueue', '2'],
      ['groups.back-office.tasks.callbackHandleTime', '240'],
      ['groups.back-office.tasks.callbackReach.probability', '80'],
      ['groups.back-office.tasks.callbackReach.maxTries', '2'],
      ['groups.back-office.tasks.dueHours', '4'],
      ['groups.back-office.staffing.shrinkage', '20'],
      ['groups.back-office.costs.agentHour', '60'],
      ['groups.back-office.costs.overtimeHour', '60'],
    ]);
    // No callbacks reach the back office of the transfers variant: no callback knobs there.
    expect(knobsFor(network, 'transfers', 'back-office').some((k) => k.id.includes('tasks.'))).toBe(false);
    for (const k of [...front, ...back]) expect(k.label.length).toBeLessThanOrEqual(KNOB_LABEL_WIDTH);
    // An unknown group shows the first.
    expect(knobsFor(network, 'transfers', 'nobody')[0]?.group).toBe('front-desk');
  });

  it('writes a group’s knob at groups.<name>.… inside the variant, merged key by key over the base’s group', () => {
    const agents = knob(knobsFor(network, 'callbacks', 'back-office'), 'groups.back-office.staffing.agents');
    const edited = agents.apply(network, 3);
    expect(block(edited, 'callbacks')['groups']).toEqual({
      'front-desk': { handling: { firstContactResolution: null, outcomes: { resolved: 0.5, callback: { 'back-office': 0.4 }, unresolved: 0.1 } } },
      'back-office': { staffing: { agents: 3 } },
    });
    const after = group(edited, 'callbacks', 'back-office');
    expect(after.staffing).toMatchObject({ kind: 'agents', agents: 3, shrinkage: 0.2 }); // the base's shrinkage stays
    expect(after.maxQueue).toBe(2);
    expect(after.costs.perPaidAgentHour).toBe(60);
    // Other variants keep theirs.
    expect(group(edited, 'transfers', 'back-office').staffing).toMatchObject({ kind: 'agents', agents: 2 });
    // A staffing form replaces the base's other forms, in the group as at the top.
    const target = knob(knobsFor(municipal, 'mediocre', 'front-line'), 'groups.front-line.staffing.target.serviceLevel').apply(municipal, 70);
    expect(group(target, 'mediocre', 'front-line').staffing).toMatchObject({ kind: 'target', target: { serviceLevel: 0.7 } });
  });

  it('keeps the outcome shares summing to 100 %: the others keep their proportions, and the status line says how they moved', () => {
    const knobs = knobsFor(municipal, 'switchboard', 'front-line');
    const resolved = knob(knobs, 'groups.front-line.handling.outcomes.resolved');
    expect(resolved.explain?.(25)).toBe('transferred 75 % → 66.18 %, not resolved 10 % → 8.82 % (the other outcomes keep their proportions; all add up to 100 %)');
    const edited = resolved.apply(municipal, 25);
    const outcomes = group(edited, 'switchboard', 'front-line').outcomes;
    expect(outcomes.resolved).toBe(0.25);
    expect(outcomes.transfers[0]?.share).toBeCloseTo(0.75 * (0.75 / 0.85), 6);
    expect(outcomes.unresolved).toBeCloseTo(0.1 * (0.75 / 0.85), 6);
    expect(outcomes.resolved + (outcomes.transfers[0]?.share ?? 0) + outcomes.unresolved).toBeCloseTo(1, 12);
    // The whole mapping is written; it replaces first-contact resolution (the base's form) in the merged group.
    const handling = (block(edited, 'switchboard')['groups'] as Record<string, Record<string, Record<string, unknown>>>)['front-line']?.['handling'];
    expect(handling?.['outcomes']).toEqual({ resolved: 0.25, transfer: { 'case-officers': 0.661765 }, unresolved: 0.088235 });
    expect(handling).not.toHaveProperty('firstContactResolution');
    // Setting "not resolved" takes from the others in proportion too; 0 % and 100 % are allowed.
    const unresolved = knob(knobs, 'groups.front-line.handling.outcomes.unresolved');
    const none = group(unresolved.apply(municipal, 0), 'switchboard', 'front-line').outcomes;
    expect(none.unresolved).toBe(0);
    expect(none.resolved / (none.transfers[0]?.share ?? 1)).toBeCloseTo(0.15 / 0.75, 5);
    const all = group(resolved.apply(municipal, 100), 'switchboard', 'front-line').outcomes;
    expect([all.resolved, all.transfers[0]?.share, all.unresolved]).toEqual([1, 0, 0]);
  });

  it('gives a group in the first-contact-resolution form one knob, written in that form', () => {
    // A fourth variant that leaves the front desk as the base has it (firstContactResolution: 0.7).
    const text = `${readFileSync(NETWORK, 'utf8').trimEnd()}\n  plain: {}\n`;
    const scenario = parseScenarioText(text, { file: NETWORK });
    const fcr = knob(knobsFor(scenario, 'plain'), 'groups.front-desk.handling.firstContactResolution');
    expect(fcr.label).toBe('1st-call res.');
    expect(fcr.value).toBe(70);
    const edited = fcr.apply(scenario, 80);
    expect(group(edited, 'plain', 'front-desk').outcomes.resolved).toBe(0.8);
    expect(group(edited, 'plain', 'front-desk').outcomes.unresolved).toBeCloseTo(0.2, 12);
    expect((block(edited, 'plain')['groups'] as Record<string, unknown>)['front-desk']).toEqual({ handling: { firstContactResolution: 0.8 } });
  });

  it('sets waiting places, from unlimited (∞) to a number and back', () => {
    const front = knob(knobsFor(network, 'transfers'), 'groups.front-desk.maxQueue');
    expect(front.value).toBeNull();
    expect(steppedValue(front, -1, false)).toBe(10);
    expect(group(front.apply(network, 5), 'transfers', 'front-desk').maxQueue).toBe(5);
    const back = knob(knobsFor(network, 'transfers', 'back-office'), 'groups.back-office.maxQueue');
    const unlimited = back.apply(network, null);
    expect(group(unlimited, 'transfers', 'back-office').maxQueue).toBeNull();
    expect((block(unlimited, 'transfers')['groups'] as Record<string, unknown>)['back-office']).toEqual({ maxQueue: null });
    expect(group(unlimited, 'callbacks', 'back-office').maxQueue).toBe(2);
  });

  it('makes callers without patience staff the Erlang A targets that take their calls by Erlang C; transfers keep theirs', () => {
    const patience = knob(knobsFor(network, 'transfers'), 'customers.patience');
    expect(patience.explain?.(null)).toBe('nobody hangs up now, so the target is staffed by Erlang C instead of Erlang A');
    const edited = patience.apply(network, null);
    expect(group(edited, 'transfers', 'front-desk').staffing).toMatchObject({ kind: 'target', target: { method: 'erlang-c' } });
    expect(edited.variants.find((v) => v.name === 'transfers')?.model.network?.transferPatience).toMatchObject({ meanSeconds: 60 });
    // A transferred caller's patience can be none only when callers have none: "none" means "as the callers'".
    expect(knob(knobsFor(network, 'transfers'), 'transfers.patience').noneText).toBeUndefined();
    const transfer = knob(knobsFor(edited, 'transfers'), 'transfers.patience');
    expect(transfer.noneText).toBe('∞');
    expect(edited.variants.length).toBe(3);
    expect(transfer.apply(edited, null).variants.find((v) => v.name === 'transfers')?.model.network?.transferPatience).toBeNull();
  });

  it('keeps the same parameter selected across groups, and sweeps the selected group’s staffing and resolution', () => {
    const front = knobsFor(network, 'callbacks', 'front-desk');
    const back = knobsFor(network, 'callbacks', 'back-office');
    const handle = front.findIndex((k) => k.label === 'handle time');
    expect(localKnobId(front[handle] as Knob)).toBe('handling.handleTime');
    expect(back[sameKnobIndex(front[handle], back, handle)]?.id).toBe('groups.back-office.handling.handleTime');
    const demand = front.findIndex((k) => k.id === 'demand.cases');
    expect(back[sameKnobIndex(front[demand], back, demand)]?.id).toBe('demand.cases');
    expect(sweepParametersFor(front).map((p) => [p.knobId, p.label])).toEqual([
      ['groups.front-desk.staffing.target.serviceLevel', 'service-level target'],
      ['groups.front-desk.handling.outcomes.resolved', 'front-desk resolved share'],
    ]);
    expect(sweepParametersFor(back).map((p) => [p.knobId, p.values.slice(0, 3)])).toEqual([
      ['groups.back-office.staffing.agents', [0, 1, 2]],
      ['groups.back-office.handling.outcomes.resolved', [30, 35, 40]],
    ]);
  });
});
