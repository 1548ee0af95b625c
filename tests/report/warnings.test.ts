import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../src/core/model/contact-centre-model.js';
import { planVariant } from '../../src/core/plan/interval-plan.js';
import { variantFromPlan } from '../../src/report/build-report.js';
import {
  describeIntervals,
  erlangOccupancyWarning,
  noCostsWarning,
  occupancyWarnings,
  transientReasons,
  undoneWork,
  undoneWorkWarning,
} from '../../src/report/warnings.js';
import { readScenarioFile } from '../../src/scenario/load.js';
import { withValuesInEveryVariant } from '../../src/scenario/variant-override.js';
import { makeModel } from '../helpers/model.js';

const week: Calendar = { days: 5, startWeekday: 'mon', openSeconds: 8 * 3600, closeSeconds: 16 * 3600, intervalSeconds: 1800, intervalsPerDay: 16 };

describe('describeIntervals', () => {
  it('joins consecutive intervals of a day into one stretch, from the first start to the last end', () => {
    const slots = [
      { day: 0, interval: 2 },
      { day: 0, interval: 3 },
      { day: 0, interval: 6 },
      { day: 1, interval: 4 },
      { day: 0, interval: 4 },
    ];
    expect(describeIntervals(week, slots)).toBe('mon 09:00–10:30, mon 11:00, tue 10:00');
  });

  it('names days by number as well in a run longer than a week, and counts what it does not name', () => {
    const long: Calendar = { ...week, days: 14 };
    expect(describeIntervals(long, [{ day: 8, interval: 0 }])).toBe('day 9 tue 08:00');
    const many = Array.from({ length: 8 }, (_, day) => ({ day, interval: 0 }));
    expect(describeIntervals(long, many)).toMatch(/, … \(8 intervals in all\)$/);
  });

  it('names days by date in a dated calendar', () => {
    expect(describeIntervals({ ...week, startDate: '2027-01-04' }, [{ day: 1, interval: 0 }])).toBe('2027-01-05 08:00');
  });
});

const figures = (occupancies: readonly number[]) => ({
  intervals: occupancies.map((occupancy, i) => ({ day: 1 + Math.floor(i / 48), occupancy: { mean: occupancy, ci95: 0 }, paidAgentHours: { mean: 7 } })),
});

describe('occupancyWarnings', () => {
  it('names the intervals above 90% when the scenario sets no maxOccupancy', () => {
    const model = makeModel();
    const occupancy = Array.from({ length: 48 }, (_, i) => (i >= 18 && i < 23 ? 0.93 : 0.7));
    expect(occupancyWarnings(model, figures(occupancy))).toEqual(['occupancy above 90% (no maxOccupancy set) in 5 intervals, up to 93%: mon 09:00–11:30']);
    expect(occupancyWarnings(model, figures(new Array<number>(48).fill(0.9)))).toEqual([]);
  });

  it('uses the maxOccupancy of a staffing target', () => {
    const model = makeModel({ staffing: { kind: 'target', target: { serviceLevel: 0.8, answerWithinSeconds: 20, maxAbandonShare: null, maxOccupancy: 0.85, maxAsaSeconds: null, method: 'erlang-c' }, shrinkage: 0 } });
    const occupancy = new Array<number>(48).fill(0.8);
    occupancy[20] = 0.86;
    expect(occupancyWarnings(model, figures(occupancy))).toEqual(['occupancy above 85% (its maxOccupancy) in 1 interval, up to 86%: mon 10:00']);
  });

  it('warns per agent group, from the plan of a scenario with groups', () => {
    const scenario = readScenarioFile('scenarios/municipal-contact-centre.yaml');
    const model = scenario.variants.find((v) => v.name === 'mediocre')?.model;
    if (model === undefined) throw new Error('no mediocre variant');
    const warnings = occupancyWarnings(model, variantFromPlan(planVariant(model)));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^case-officers: occupancy above 90% \(no maxOccupancy set\) in \d+ intervals, up to 100%: mon /);
  });

  it('says so for the erlang calculator above --max-occupancy, else above 90%', () => {
    expect(erlangOccupancyWarning(0.909, null)).toMatch(/^occupancy 90\.9% is above 90% \(no --max-occupancy given\)/);
    expect(erlangOccupancyWarning(0.8, 0.75)).toMatch(/^occupancy 80\.0% is above 75% \(--max-occupancy\)/);
    expect(erlangOccupancyWarning(0.9, null)).toBeNull();
  });
});

describe('noCostsWarning', () => {
  it('says that every money figure is 0 when nothing is priced', () => {
    expect(noCostsWarning(makeModel())).toMatch(/^no costs: every money figure .* is 0/);
    expect(noCostsWarning(makeModel({ costs: { perTelephonyMinute: 0.1 } }))).toBeNull();
  });
});

describe('undoneWork', () => {
  const municipal = readScenarioFile('scenarios/municipal-contact-centre.yaml');
  const mediocreWith = (caseOfficers: number) => {
    const scenario = withValuesInEveryVariant(municipal, [{ path: 'groups.case-officers.staffing.agents', value: caseOfficers, label: '' }]);
    const model = scenario.variants.find((v) => v.name === 'mediocre')?.model;
    if (model === undefined) throw new Error('no mediocre variant');
    return { model, plan: planVariant(model) };
  };

  it('finds the backlog a group leaves at the end and the agent hours it holds (backlog × mean task time)', () => {
    const { model, plan } = mediocreWith(1);
    const officers = plan.groups?.find((g) => g.name === 'case-officers')?.totals;
    // The figures as a run gives them (a finite cost; the analytic plan's own is unbounded, see below).
    const { intervals, groups } = variantFromPlan(plan);
    const undone = undoneWork(model, { intervals, groups });
    expect(undone).toHaveLength(1);
    expect(undone[0]?.group).toBe('case-officers');
    expect(undone[0]?.backlog).toBe(officers?.taskBacklogAtEnd);
    // Every task of the case officers is a callback try of 600 s (10 minutes).
    expect(undone[0]?.agentHours).toBeCloseTo(((officers?.taskBacklogAtEnd ?? 0) * 600) / 3600, 9);
    expect(undoneWorkWarning(undone)).toMatch(/^case-officers leaves 377 of 629 tasks \(59\.8%\) in its backlog at the end, about 63 agent hours of work: .*the total cost leaves that work out$/);
  });

  it('leaves out figures whose total cost is unbounded: the analytic plan of a backlog that grows without end says so itself', () => {
    const { model, plan } = mediocreWith(1);
    const figures = variantFromPlan(plan);
    expect(figures.totals.totalCost.mean).toBe(Number.POSITIVE_INFINITY);
    expect(undoneWork(model, figures)).toEqual([]);
  });

  it('leaves out a backlog of at most 5% of the tasks, the ordinary tail of the last day', () => {
    const { model, plan } = mediocreWith(3);
    const officers = plan.groups?.find((g) => g.name === 'case-officers')?.totals;
    expect(officers?.taskBacklogAtEnd).toBeGreaterThan(0);
    expect(undoneWork(model, variantFromPlan(plan))).toEqual([]);
  });
});

describe('transientReasons', () => {
  it('finds nothing in a long stationary day, even with agents almost always busy', () => {
    expect(transientReasons(planVariant(makeModel({ staffing: { kind: 'agents', agents: 11, shrinkage: 0 } })))).toEqual([]);
  });

  it('names a short day, a long warm-up and intervals whose queue cannot settle before the calls change', () => {
    const model = makeModel({
      calendar: { openSeconds: 8 * 3600, closeSeconds: 9 * 3600, intervalsPerDay: 2 },
      handling: { handleTime: { kind: 'exponential', meanSeconds: 600 } },
      demand: { casesPerInterval: [[20, 36]] },
      staffing: { kind: 'agents', agents: 13, shrinkage: 0 },
      simulation: { warmupSeconds: 1800 },
    });
    const reasons = transientReasons(planVariant(model));
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/^a day is open only 1 h \(6 handle times\)/);
    expect(reasons[1]).toBe('the warm-up (simulation.warmupHours) is 50% of the run: run leaves it out, plan counts it');
    expect(reasons[2]).toMatch(/^in 1 interval the queue needs longer to settle .*: mon 08:30$/);
  });
});
