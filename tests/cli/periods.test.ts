/**
 * `--by day|week|month` and the budget of `run`, `compare` and `plan` as a budget planner reads them: the periods add
 * up to the run, ratios are weighted by their own denominators, and every result says its period, its FTEs and — when
 * shorter than a year — its annualised totals.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/fake-io.js';
import { once, rollUp } from '../../src/cli/periods.js';

/** 2027-01-01 – 2027-03-31: 60 open days (weekdays less New Year, Epiphany, Good Friday, Easter Monday), 4 half-hours each. */
const QUARTER = 'tests/fixtures/scenarios/quarter-2027.yaml';
/** Sweden's open days in 2027 (weekdays less its public holidays on weekdays). */
const OPEN_DAYS_2027 = 253;

interface Estimate {
  mean: number;
  ci95: number;
}
interface PeriodJson {
  period: string;
  from: string;
  to: string;
  openDays: number;
  totals: Record<string, Estimate>;
  fte: Estimate;
}
interface BudgetJson {
  period: { text: string; days: number; openDays: number; from?: string; to?: string };
  openDaysPerYear: number;
  yearShare: number;
  hoursPerFte: number;
  fte: Estimate;
  annualised?: { factor: number; note: string; totals: Record<string, Estimate> };
}
interface ResultJson {
  variants: { name: string; totals: Record<string, Estimate | number>; budget: BudgetJson; groups?: { name: string; budget: BudgetJson }[] }[];
  periods?: { by: string; variants: { variant: string; rows: PeriodJson[] }[] };
}

async function json(argv: readonly string[]): Promise<ResultJson> {
  const run = await runCli([...argv, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ResultJson;
}

const mean = (value: Estimate | number | undefined): number => (typeof value === 'number' ? value : (value?.mean ?? Number.NaN));
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('--by week and --by month', () => {
  it('run --by month: the months add up to the run’s counts, hours and money, and its service level is the months’ attempts-weighted mean', async () => {
    const result = await json(['run', QUARTER, '--replications', '1', '--workers', '1', '--by', 'month']);
    const months = result.periods!.variants[0]!.rows;
    expect(result.periods!.by).toBe('month');
    expect(months.map((m) => [m.period, m.from, m.to, m.openDays])).toEqual([
      ['2027-01', '2027-01-01', '2027-01-31', 19],
      ['2027-02', '2027-02-01', '2027-02-28', 20],
      ['2027-03', '2027-03-01', '2027-03-31', 21],
    ]);
    const totals = result.variants[0]!.totals;
    for (const name of ['cases', 'attempts', 'answered', 'abandoned', 'paidAgentHours', 'staffCost', 'totalCost']) {
      expect(sum(months.map((m) => m.totals[name]!.mean)), name).toBeCloseTo(mean(totals[name]), 6);
    }
    // One replication: the run's ratios are exactly the months' weighted by their own denominators.
    const weighted = (ratio: string, weight: string): number => sum(months.map((m) => m.totals[ratio]!.mean * m.totals[weight]!.mean)) / sum(months.map((m) => m.totals[weight]!.mean));
    expect(weighted('serviceLevel', 'attempts')).toBeCloseTo(mean(totals['serviceLevel']), 9);
    expect(weighted('abandonedShare', 'attempts')).toBeCloseTo(mean(totals['abandonedShare']), 9);
    expect(weighted('asaSeconds', 'answered')).toBeCloseTo(mean(totals['asaSeconds']), 6);
    // FTEs weighted by open days: two agents all day, so every month has the quarter's FTEs.
    for (const month of months) expect(month.fte.mean).toBeCloseTo(result.variants[0]!.budget.fte.mean, 9);
  });

  it('run --by week: ISO weeks with open days, which add up to the run', async () => {
    const result = await json(['run', QUARTER, '--replications', '2', '--workers', '1', '--by', 'week']);
    const weeks = result.periods!.variants[0]!.rows;
    // 2027-01-01 (a holiday) is the only day of 2026-W53: no open day, no row.
    expect(weeks[0]).toMatchObject({ period: '2027-W01', from: '2027-01-04', to: '2027-01-10', openDays: 4 });
    // The last week ends with the run; Easter Monday (29 March) is closed.
    expect(weeks.at(-1)).toMatchObject({ period: '2027-W13', from: '2027-03-29', to: '2027-03-31', openDays: 2 });
    expect(sum(weeks.map((w) => w.openDays))).toBe(60);
    const totals = result.variants[0]!.totals;
    for (const name of ['cases', 'paidAgentHours', 'totalCost']) expect(sum(weeks.map((w) => w.totals[name]!.mean)), name).toBeCloseTo(mean(totals[name]), 6);
  });

  it('plan --by month and compare --by month roll the analytic plan up the same way', async () => {
    const plan = await json(['plan', QUARTER, '--by', 'month']);
    const months = plan.periods!.variants[0]!.rows;
    const totals = plan.variants[0]!.totals;
    for (const name of ['attempts', 'paidAgentHours', 'totalCost']) expect(sum(months.map((m) => m.totals[name]!.mean)), name).toBeCloseTo(mean(totals[name]), 6);
    expect(sum(months.map((m) => m.totals['serviceLevel']!.mean * m.totals['attempts']!.mean)) / mean(totals['attempts'])).toBeCloseTo(mean(totals['serviceLevel']), 9);
    const compare = await json(['compare', QUARTER, '--analytic', '--by', 'month']);
    expect(compare.periods!.variants[0]!.rows.map((m) => m.totals['totalCost']!.mean)).toEqual(months.map((m) => m.totals['totalCost']!.mean));
  });

  it('refuses --by month for a calendar without dates, and says to use --by week (exit 2)', async () => {
    const run = await runCli(['plan', 'scenarios/municipal-contact-centre.yaml', '--by', 'month']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--by week/);
    expect(run.stdout).toBe('');
  });

  it('lists the periods in the text report with their period in the heading', async () => {
    const run = await runCli(['plan', QUARTER, '--by', 'month']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('By month (hours, FTEs and money per month):');
    expect(run.stdout).toMatch(/\n2027-02 +2027-02-01 +2027-02-28 +20 /);
  });
});

describe('the budget of a result (JSON): period, FTEs, annualised totals', () => {
  it('run: the period, FTEs from hoursPerFte and the run’s share of a year, and totals annualised by open days', async () => {
    const result = await json(['run', QUARTER, '--replications', '2', '--workers', '1']);
    const { budget, totals } = result.variants[0]!;
    expect(budget.period).toEqual({ text: '2027-01-01 – 2027-03-31', days: 90, openDays: 60, from: '2027-01-01', to: '2027-03-31' });
    expect(budget.openDaysPerYear).toBe(OPEN_DAYS_2027);
    expect(budget.yearShare).toBeCloseTo(60 / OPEN_DAYS_2027, 12);
    expect(budget.hoursPerFte).toBe(1700);
    // Two agents × 2 hours × 60 days = 240 paid hours; a quarter of a 1,700-hour year's share.
    expect(mean(totals['paidAgentHours'])).toBe(240);
    expect(budget.fte.mean).toBeCloseTo(240 / (1700 * (60 / OPEN_DAYS_2027)), 9);
    expect(budget.annualised?.factor).toBeCloseTo(OPEN_DAYS_2027 / 60, 12);
    expect(budget.annualised?.note).toMatch(/^an estimate: .*253\.0 open days a year \/ 60 open days in the run/);
    const cost = totals['totalCost'] as Estimate;
    expect(budget.annualised?.totals['totalCost']?.mean).toBeCloseTo(cost.mean * (OPEN_DAYS_2027 / 60), 6);
    expect(budget.annualised?.totals['totalCost']?.ci95).toBeCloseTo(cost.ci95 * (OPEN_DAYS_2027 / 60), 6);
    expect(budget.annualised?.totals).not.toHaveProperty('serviceLevel'); // a ratio does not scale to a year
  });

  it('a year has no annualised totals: it is one', async () => {
    const result = await json(['plan', 'scenarios/examples/municipal-year.yaml', '--variant', 'world-class']);
    const { budget } = result.variants[0]!;
    expect(budget.period).toMatchObject({ text: '2027-01-01 – 2027-12-31', days: 365, openDays: OPEN_DAYS_2027 });
    expect(budget.yearShare).toBe(1);
    expect(budget.annualised).toBeUndefined();
    expect(budget.fte.mean).toBeCloseTo(mean(result.variants[0]!.totals['paidAgentHours']) / 1700, 9);
    // Each agent group has its own FTEs, which add up to the variant's.
    expect(sum(result.variants[0]!.groups!.map((g) => g.budget.fte.mean))).toBeCloseTo(budget.fte.mean, 9);
  });

  it('compare: every variant’s budget, and the FTEs and annualised cost in the table', async () => {
    const result = await json(['compare', 'scenarios/municipal-contact-centre.yaml', '--analytic']);
    for (const variant of result.variants) {
      expect(variant.budget.period.text).toBe('5 days');
      expect(variant.budget.fte.mean).toBeCloseTo(mean(variant.totals['paidAgentHours']) / (1700 * variant.budget.yearShare), 9);
      expect(variant.budget.annualised?.totals['totalCost']?.mean).toBeCloseTo(mean(variant.totals['totalCost']) * variant.budget.annualised!.factor, 6);
    }
    const text = await runCli(['compare', 'scenarios/municipal-contact-centre.yaml', '--analytic']);
    expect(text.stdout).toMatch(/\ntotal cost, 5 days +\d/);
    expect(text.stdout).toMatch(/\nFTE \(full-time equivalents\) +\d/);
    expect(text.stdout).toMatch(/\ntotal cost, a year \(est\.\) +\d/);
  });
});

describe('rolling up only when asked', () => {
  it('does not make the roll-up sources of a plan shown interval by interval, and makes them once when it rolls up', () => {
    let made = 0;
    const sources = once(() => {
      made += 1;
      return [];
    });
    expect(rollUp('interval', sources)).toBeNull();
    expect(made).toBe(0);
    sources();
    sources();
    expect(made).toBe(1);
  });
});
