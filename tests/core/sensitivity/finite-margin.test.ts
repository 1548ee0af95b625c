import { describe, expect, it } from 'vitest';
import type { ContactCentreModel } from '../../../src/core/model/contact-centre-model.js';
import { planVariant } from '../../../src/core/plan/interval-plan.js';
import { taskOverloads } from '../../../src/core/plan/network-plan.js';
import { finiteMargin } from '../../../src/core/sensitivity/finite-margin.js';
import { testModel } from '../sim/model-builder.js';
import { testGroup, withNetwork } from '../sim/network-builder.js';

/** A model whose groups have constant agents (`agents` per group). */
function staffed(model: ContactCentreModel, agents: number[]): ContactCentreModel {
  const groups = model.network!.groups.map((group, g) => ({ ...group, staffing: { kind: 'agents' as const, agents: agents[g]!, shrinkage: 0 } }));
  return { ...model, staffing: groups[0]!.staffing, network: { ...model.network!, groups } };
}

/** A front line that books a callback for half its answers, and a back office of `backAgents` that works them. */
function withBackOffice(backAgents: number): ContactCentreModel {
  const base = testModel({ days: 2, intervalSeconds: 3600, casesPerInterval: 10, patience: { kind: 'exponential', meanSeconds: 120 } });
  return staffed(
    withNetwork(base, [
      testGroup({ name: 'front', handleTime: { kind: 'exponential', meanSeconds: 120 }, resolved: 0.5, callbacks: [{ group: 1, share: 0.5 }] }),
      testGroup({ name: 'back', handleTime: { kind: 'exponential', meanSeconds: 300 }, tasks: { callbackHandleTime: { kind: 'fixed', seconds: 1800 } } }),
    ]),
    [2, backAgents],
  );
}

describe('finiteMargin', () => {
  it('is the hours a group has to spare after its tasks: positive while the cost is finite, not while it is unbounded', () => {
    const enough = planVariant(withBackOffice(4));
    const short = planVariant(withBackOffice(1));
    expect(Number.isFinite(enough.totals.totalCost)).toBe(true);
    expect(finiteMargin(enough)).toBeGreaterThan(0);
    expect(short.totals.totalCost).toBe(Number.POSITIVE_INFINITY);
    expect(finiteMargin(short)).toBeLessThanOrEqual(0);
    // The back office is the overloaded group (the front line has no tasks): its spare hours minus its task hours.
    const back = short.groups![1]!.taskHours;
    expect(taskOverloads(short)[0]?.group).toBe('back');
    expect(finiteMargin(short)).toBeCloseTo(back.spare * (1 + 1e-9) + 1e-9 - back.work, 9);
  });

  it('falls as the tasks grow, so that a search can interpolate it', () => {
    const margins = [4, 3, 2].map((agents) => finiteMargin(planVariant(withBackOffice(agents))));
    expect(margins[0]!).toBeGreaterThan(margins[1]!);
    expect(margins[1]!).toBeGreaterThan(margins[2]!);
  });

  it('is not known (NaN) for a model without agent groups', () => {
    expect(finiteMargin(planVariant(testModel({ days: 1, casesPerInterval: 10 })))).toBeNaN();
  });
});
