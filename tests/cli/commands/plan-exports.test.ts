import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/fake-io.js';

const municipal = 'scenarios/municipal-contact-centre.yaml';
const week = 'tests/fixtures/shifts/week.yaml';
const folder = mkdtempSync(join(tmpdir(), 'staffsim-plan-exports-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** 3 variants × 2 agent groups × 5 days × 17 half-hours. */
const MUNICIPAL_ROWS = 3 * 2 * 5 * 17;

interface Estimate {
  mean: number;
  ci95: number;
}
interface PlanInterval {
  onPhoneAgents: number;
  paidAgents: number;
  paidAgentHours: number;
  fte: number;
}
interface PlanJson {
  variants: {
    name: string;
    budget: { period: { text: string; openDays: number }; hoursPerFte: number; yearShare: number; fte: Estimate; annualised?: { factor: number; note: string; totals: Record<string, Estimate> } };
    totals: Record<string, number>;
    groups?: { name: string; budget: { fte: Estimate }; intervals: PlanInterval[] }[];
    intervals: PlanInterval[];
    shifts?: unknown;
  }[];
}

async function planTo(file: string, ...flags: string[]): Promise<string> {
  const out = join(folder, file);
  const run = await runCli(['plan', ...flags, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toContain(`staffsim: wrote ${out}`);
  return out;
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

function headerOf(sheet: ExcelJS.Worksheet | undefined): string[] {
  expect(sheet).toBeDefined();
  return (sheet!.getRow(1).values as unknown[]).slice(1).map(String);
}

/** Splits a CSV line (quoted fields may hold commas). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replaceAll('""', '"'));
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('staffsim plan exports: agents on the phones, paid agents and FTEs per interval and group', () => {
  let json: PlanJson;
  beforeAll(async () => {
    const run = await runCli(['plan', municipal, '--format', 'json']);
    expect(run.code).toBe(0);
    json = JSON.parse(run.stdout) as PlanJson;
  });

  it('prints the JSON with --format json and no --out, with each variant’s and group’s budget and every interval’s FTEs', () => {
    expect(json.variants.map((v) => v.name)).toEqual(['switchboard', 'mediocre', 'world-class']);
    for (const variant of json.variants) {
      expect(variant.budget.period).toMatchObject({ text: '5 days', openDays: 5 });
      expect(variant.budget.hoursPerFte).toBe(1700);
      // FTEs: the paid hours over a full-time year's hours × the run's share of a year.
      expect(variant.budget.fte.mean).toBeCloseTo(variant.totals['paidAgentHours']! / (1700 * variant.budget.yearShare), 9);
      expect(variant.budget.annualised?.note).toMatch(/^an estimate: /);
      expect(variant.budget.annualised?.totals['totalCost']?.mean).toBeCloseTo(variant.totals['totalCost']! * variant.budget.annualised!.factor, 6);
      expect(sum(variant.intervals.map((i) => i.fte))).toBeCloseTo(variant.budget.fte.mean, 9);
      for (const group of variant.groups ?? []) {
        expect(group.intervals).toHaveLength(85);
        for (const interval of group.intervals) {
          expect(interval.paidAgents).toBeGreaterThanOrEqual(interval.onPhoneAgents);
          expect(interval.fte).toBeCloseTo(interval.paidAgentHours / (1700 * variant.budget.yearShare), 12);
        }
        expect(sum(group.intervals.map((i) => i.fte))).toBeCloseTo(group.budget.fte.mean, 9);
      }
      expect(sum((variant.groups ?? []).map((g) => g.budget.fte.mean))).toBeCloseTo(variant.budget.fte.mean, 9);
    }
  });

  it('writes CSV: one row per variant, group and interval, whose FTEs add up to the plan’s', async () => {
    const lines = readFileSync(await planTo('plan.csv', municipal), 'utf8').trim().split('\r\n');
    const header = csvCells(lines[0]!);
    expect(header.slice(0, 4)).toEqual(['Variant', 'Group', 'Day (1-based)', 'Interval start (local time)']);
    for (const column of ['Agents on the phones (count)', 'Paid agents (count)', 'FTE, per interval (full-time equivalents)', 'Staff cost, per interval (SEK)']) expect(header).toContain(column);
    const rows = lines.slice(1).map(csvCells);
    expect(rows).toHaveLength(MUNICIPAL_ROWS);
    const fte = header.indexOf('FTE, per interval (full-time equivalents)');
    for (const variant of json.variants) {
      const mine = rows.filter((row) => row[0] === variant.name);
      expect(sum(mine.map((row) => Number(row[fte])))).toBeCloseTo(variant.budget.fte.mean, 6);
    }
  });

  it('writes Markdown and HTML with a table of agents per interval', async () => {
    const markdown = readFileSync(await planTo('plan.md', municipal), 'utf8');
    const table = markdown.split('## Agents per interval\n\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(table[0]).toBe('| Variant | Group | Day | Start | Attempts | On the phones | Paid agents | FTE | Service level | Staff cost |');
    expect(table).toHaveLength(2 + MUNICIPAL_ROWS);
    expect(table[2]).toMatch(/^\| switchboard \| front-line \| 1 \| 08:00 \| /);
    const html = readFileSync(await planTo('plan.html', municipal), 'utf8');
    const staffing = html.slice(html.indexOf('<details id="staffing"'));
    expect(staffing).toMatch(/<th[^>]*>On the phones<\/th><th[^>]*>Paid agents<\/th><th[^>]*>FTE<\/th>/);
    expect(staffing.match(/<tr>/g)?.length).toBeGreaterThanOrEqual(1 + MUNICIPAL_ROWS);
  });

  it('says in Markdown and HTML where each variant’s plan approximates, and nothing of it for an exact Erlang C plan', async () => {
    const markdown = readFileSync(await planTo('approximations.md', municipal), 'utf8');
    const part = markdown.split('## Where the plan approximates\n\n')[1]!;
    expect(part).toMatch(/^The simulation \(`staffsim run`\) is the exact model/);
    expect(part).toContain('**switchboard**\n\n- front-line: handle time is lognormal (mean 90 s)');
    expect(part).toContain('- case-officers: tasks (callbacks) are a fluid backlog');
    const html = readFileSync(await planTo('approximations.html', municipal), 'utf8');
    const section = html.slice(html.indexOf('<section id="approximations">'));
    expect(section).toMatch(/^<section id="approximations">\n<h2>Where the plan approximates<\/h2>/);
    expect(section).toContain('<h3>mediocre</h3>');
    expect(section).toContain('<li>redials and repeat contacts join each interval&#39;s calls');
    const exact = readFileSync(await planTo('exact.md', 'scenarios/textbook-erlang-c.yaml'), 'utf8');
    expect(exact).not.toContain('approximates');
  });

  it('writes a workbook with a Staffing sheet and the period in the Summary header', async () => {
    const book = await workbook(await planTo('plan.xlsx', municipal));
    expect(headerOf(book.getWorksheet('Summary'))).toEqual(['Metric', 'Unit', 'switchboard (5 days)', 'mediocre (5 days)', 'world-class (5 days)']);
    const staffing = book.getWorksheet('Staffing');
    expect(headerOf(staffing)).toEqual(expect.arrayContaining(['Agents on the phones (count)', 'Paid agents (count)', 'FTE, per interval (full-time equivalents)']));
    expect(staffing!.rowCount).toBe(1 + MUNICIPAL_ROWS);
    expect(book.getWorksheet('Shifts')).toBeUndefined(); // no --shifts
  });
});

describe('staffsim plan --shifts exports', () => {
  it.each(['csv', 'md', 'html', 'xlsx', 'json'])('writes the shift lines as %s', async (format) => {
    const flags = format === 'csv' ? ['--table', 'shifts'] : [];
    const out = await planTo(`shifts.${format}`, week, '--shifts', ...flags);
    if (format === 'xlsx') {
      const sheet = (await workbook(out)).getWorksheet('Shifts');
      expect(headerOf(sheet)).toEqual(['Variant', 'Shift', 'Start (local time)', 'End (local time)', 'Agents (count)', 'Breaks', 'Days (empty: every day)']);
      expect(sheet!.rowCount).toBeGreaterThan(1);
      return;
    }
    const text = readFileSync(out, 'utf8');
    if (format === 'json') {
      const plan = JSON.parse(text) as PlanJson;
      expect(plan.variants[0]?.shifts).toBeDefined();
      expect(plan.variants[0]?.intervals[0]).toHaveProperty('fte');
    } else if (format === 'csv') {
      expect(text.split('\r\n')[0]).toBe('Variant,Shift,Start (local time),End (local time),Agents (count),Breaks,Days (empty: every day)');
      expect(text).toMatch(/\r\nbase,full-\S+,07:00,15:00,\d+,/);
    } else if (format === 'md') {
      expect(text).toContain('## Shifts\n\n| Variant | Group | Shift | Start | End | Agents | Breaks | Days |');
      expect(text).toMatch(/\n\| base \| {2}\| full-\S+ \| 07:00 \| 15:00 \| \d+ \|/);
    } else {
      expect(text).toContain('<section id="shifts"');
      expect(text).toMatch(/<td>full-[^<]+<\/td><td class="num">07:00<\/td><td class="num">15:00<\/td>/);
    }
  });
});

describe('staffsim plan of a dated calendar', () => {
  it('dates every staffing row and writes a Budget sheet by month that adds up to the whole run', async () => {
    const scenario = 'tests/fixtures/scenarios/quarter-2027.yaml';
    const book = await workbook(await planTo('quarter.xlsx', scenario));
    const staffing = book.getWorksheet('Staffing')!;
    expect(headerOf(staffing).slice(0, 4)).toEqual(['Variant', 'Day (1-based)', 'Date', 'Interval start (local time)']);
    // Weekdays less New Year, Epiphany, Good Friday and Easter Monday: 60 open days of 4 intervals.
    expect(staffing.rowCount).toBe(1 + 60 * 4);
    expect(staffing.getRow(2).getCell(3).value).toBe('2027-01-04');
    const budget = book.getWorksheet('Budget')!;
    expect(headerOf(budget)).toEqual(['Month', 'Open days (count)', 'base: total cost (SEK)', 'base: staff cost (SEK)', 'base: paid agent hours (h)', 'base: FTE']);
    const rows = [2, 3, 4, 5].map((r) => (budget.getRow(r).values as unknown[]).slice(1));
    expect(rows.map((row) => row[0])).toEqual(['2027-01', '2027-02', '2027-03', '2027-01-01 – 2027-03-31 (whole run)']);
    expect(rows.map((row) => row[1])).toEqual([19, 20, 21, 60]);
    for (const column of [2, 3, 4]) expect(sum(rows.slice(0, 3).map((row) => row[column] as number))).toBeCloseTo(rows[3]![column] as number, 6);
    // Two agents all day in every month: the same FTEs each month and over the quarter.
    for (const row of rows) expect(row[5]).toBeCloseTo(rows[3]![5] as number, 9);
  });
});
