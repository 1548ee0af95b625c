import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readScenarioFile } from '../../../src/scenario/load.js';
import { runCli } from '../../helpers/fake-io.js';

const FIXTURE = 'tests/fixtures/import/bank-calls-10-weekdays.csv';
const folder = mkdtempSync(join(tmpdir(), 'staffsim-import-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Straight from the file (5-minute rows into 30-minute bins, 21:00 into 20:30): the mean daily total of each weekday
 * (by getUTCDay) and the pooled share of each interval over all days.
 */
function fromFile(): { weekdayMean: Map<number, number>; share: number[] } {
  const totals = new Map<number, number>();
  const days = new Map<number, Set<string>>();
  const bins = new Array<number>(28).fill(0);
  for (const line of readFileSync(FIXTURE, 'utf8').trim().split('\n').slice(1)) {
    const [, stamp, calls] = line.split(',') as [string, string, string];
    const date = stamp.slice(0, 10);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    const minutes = Number(stamp.slice(11, 13)) * 60 + Number(stamp.slice(14, 16));
    const bin = Math.min(27, Math.floor((minutes - 420) / 30));
    bins[bin] = (bins[bin] as number) + Number(calls);
    totals.set(weekday, (totals.get(weekday) ?? 0) + Number(calls));
    days.set(weekday, (days.get(weekday) ?? new Set()).add(date));
  }
  const grand = bins.reduce((a, b) => a + b, 0);
  return {
    weekdayMean: new Map([...totals].map(([weekday, total]) => [weekday, total / (days.get(weekday) as Set<string>).size])),
    share: bins.map((b) => b / grand),
  };
}

describe('staffsim import', () => {
  it('prints calendar and demand as YAML that loads into a scenario and reproduces the data, weekday by weekday', async () => {
    const run = await runCli(['import', FIXTURE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# staffsim import tests\/fixtures\/import\/bank-calls-10-weekdays\.csv: 10 days \(2003-03-03 to 2003-03-14\)/);
    expect(run.stdout).toContain('calendar:\n  days: 5\n  startWeekday: mon\n  open: "07:00"\n  close: "21:00"\n  intervalMinutes: 30\n');
    const file = join(folder, 'imported.yaml');
    writeFileSync(
      file,
      `name: Imported bank\n${run.stdout}handling:\n  handleTime: { distribution: exponential, meanSeconds: 240 }\nstaffing:\n  agents: 300\n`,
    );
    const model = readScenarioFile(file).variants[0]?.model;
    expect(model?.calendar).toMatchObject({ days: 5, startWeekday: 'mon', openSeconds: 7 * 3600, closeSeconds: 21 * 3600, intervalsPerDay: 28 });
    // casesPerDay × day factor × profile share = the weekday's mean daily total × the interval's pooled share
    // (to the printed rounding: four significant digits).
    const { weekdayMean, share } = fromFile();
    model?.demand.casesPerInterval.forEach((row, day) => {
      const mean = weekdayMean.get(day + 1) as number; // day 0 is a Monday (getUTCDay 1)
      row.forEach((cases, i) => expect(Math.abs(cases / (mean * (share[i] as number)) - 1)).toBeLessThan(5e-4));
    });
    expect(model?.demand.overdispersionCv).toBeGreaterThan(0);
  });

  it('reports what it found on stderr: days, weekdays, the data interval, the mean per day and how overdispersion was estimated', async () => {
    const run = await runCli(['import', FIXTURE]);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe(
      'staffsim import: tests/fixtures/import/bank-calls-10-weekdays.csv: 1,690 rows (timestamps in "DateTime", iso; counts in "Calls")',
    );
    expect(lines[1]).toBe('  10 days from 2003-03-03 to 2003-03-14: mon 2, tue 2, wed 2, thu 2, fri 2');
    expect(lines[2]).toMatch(/^ {2}data: 5-minute intervals, 07:00–21:05 \(169 per day\); scenario: 28 intervals of 30 minutes, 07:00–21:00; the calls of 21:00–21:05 \(0\.\d\d% of all\) are counted in the 20:30 interval$/);
    expect(lines[3]).toMatch(/^ {2}calls per day: mean 34,146\.3, min 30,721, max 41,257; mean of the weekday means 34,146\.3$/);
    expect(lines[4]).toMatch(/^ {2}overdispersion 0\.\d{4}: cv of a gamma day factor, by the method of moments on the daily totals divided by their weekday mean \(cv² = max\(0, s² − mean 1\/m\), 5 degrees of freedom\); Poisson alone would give 0\.0054\./);
    expect(lines[5]).toBe(
      '  casesPerDay: the calls as they are. Calls include redials and repeat contacts; staffsim adds those on top of casesPerDay, so with redials or repeat contacts in your scenario use --calls-are attempts --behaviour-from SCENARIO.',
    );
    expect(lines[6]).toBe(
      'staffsim: warning: the day factors of mon (2 days), tue (2 days), wed (2 days), thu (2 days), fri (2 days) rest on fewer than four days each; import at least four weeks for steadier factors.',
    );
  });

  it('--json prints { calendar, demand } and nothing else; --out writes it and leaves stdout empty', async () => {
    const run = await runCli(['import', FIXTURE, '--json', '--interval-minutes', '60']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { calendar: Record<string, unknown>; demand: { intradayProfile: number[]; dayFactors: Record<string, number> } };
    expect(Object.keys(json)).toEqual(['calendar', 'demand']);
    expect(json.calendar).toEqual({ days: 5, startWeekday: 'mon', open: '07:00', close: '21:00', intervalMinutes: 60 });
    expect(Object.keys(json.demand)).toEqual(['casesPerDay', 'intradayProfile', 'dayFactors', 'overdispersion']);
    expect(json.demand.intradayProfile).toHaveLength(14);
    expect(Object.keys(json.demand.dayFactors)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);

    const out = join(folder, 'demand.yaml');
    const written = await runCli(['import', FIXTURE, '--out', out, '--interval-minutes', '15']);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain(`staffsim: wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toContain('  intervalMinutes: 15\n');
  });

  it('gives, for the whole real file, exactly the sections pasted into the README scenario (scenarios/examples/bank-plan.yaml)', async () => {
    const run = await runCli(['import', 'data/bank-calls/bank_calls_fpp3.csv']);
    expect(run.code).toBe(0);
    const scenario = readFileSync('scenarios/examples/bank-plan.yaml', 'utf8');
    expect(scenario).toContain(run.stdout);
    const model = readScenarioFile('scenarios/examples/bank-plan.yaml').variants[0]?.model;
    expect(model?.shiftTemplates?.map((t) => t.name)).toEqual(['full', 'part']);
  });

  it('reports every malformed row with file and line, exit 2, and prints no sections', async () => {
    const run = await runCli(['import', 'tests/fixtures/import/malformed.csv']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'staffsim: tests/fixtures/import/malformed.csv:4: expected 3 fields (rownames, DateTime, Calls), got 2',
      'staffsim: tests/fixtures/import/malformed.csv:5: Calls: expected a count ≥ 0 (got "eighty")',
      'staffsim: tests/fixtures/import/malformed.csv:7: 2003-03-03 07:20 appears again (first on line 6)',
    ]);
  });

  it('says which flag is wrong: an interval that is not a multiple of the data’s, a bad number, an unknown column', async () => {
    const seven = await runCli(['import', FIXTURE, '--interval-minutes', '7']);
    expect(seven.code).toBe(2);
    expect(seven.stderr).toContain("staffsim: --interval-minutes: an interval of 7 minutes is not a multiple of the data's 5-minute interval; choose e.g. 15, 30, 60");
    const text = await runCli(['import', FIXTURE, '--interval-minutes', 'half']);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('--interval-minutes: expected an integer ≥ 1 (got half)');
    const column = await runCli(['import', FIXTURE, '--count-column', 'Offered']);
    expect(column.code).toBe(2);
    expect(column.stderr).toContain('--count-column: no column named "Offered"; the columns are "rownames", "DateTime", "Calls"');
    const missing = await runCli(['import', 'no/such.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('staffsim: no/such.csv: file not found\n');
  });
});

describe('staffsim import: ACD and telephony exports', () => {
  const ACD = 'tests/fixtures/import/acd-export.csv';
  const BEHAVIOUR = 'tests/fixtures/import/behaviour.yaml';

  it('reads separate date and time columns, semicolons, day-first dates and a decimal-comma AHT column into handling', async () => {
    const run = await runCli(['import', ACD, '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { calendar: object; demand: { casesPerDay: number }; handling: { handleTime: { distribution: string; meanSeconds: number } } };
    expect(json.calendar).toEqual({ days: 5, startWeekday: 'mon', open: '08:00', close: '12:00', intervalMinutes: 30 });
    // Straight from the file: Σ calls × AHT / Σ calls, and the mean calls per day (every weekday has four days).
    const rows = readFileSync(ACD, 'utf8').trim().split('\r\n').slice(1).map((line) => line.split(';'));
    const calls = rows.reduce((sum, row) => sum + Number(row[2]), 0);
    const weighted = rows.reduce((sum, row) => sum + Number(row[2]) * Number((row[4] as string).replace(',', '.')), 0);
    expect(json.handling.handleTime).toEqual({ distribution: 'exponential', meanSeconds: Math.round((weighted / calls) * 10) / 10 });
    expect(json.demand.casesPerDay).toBeCloseTo(calls / 20, 1);
    expect(run.stderr.split('\n')[0]).toBe(
      `staffsim import: ${ACD}: 160 rows (dates in "Datum", times in "Intervall", DD.MM.YYYY HH:mm; counts in "Inkommande samtal", separated by semicolons)`,
    );
    expect(run.stderr).toContain('  handle time: mean 261.3 s from "AHT (s)" (seconds), weighted by the calls of 160 rows\n');
    expect(run.stderr).toContain('Calls include redials and repeat contacts; staffsim adds those on top of casesPerDay');
    expect(run.stderr).not.toContain('warning'); // four days of every weekday
  });

  it('--calls-are attempts: first contacts whose planned attempts are the calls of the data', async () => {
    const run = await runCli(['import', ACD, '--calls-are', 'attempts', '--behaviour-from', BEHAVIOUR]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  # casesPerDay: first contacts, estimated as 232.6 calls a day ÷ ');
    // The check: the behaviour scenario with the imported calendar and demand, planned, makes as many attempts as the
    // data has calls (the estimate keeps the scenario's own handling, so the imported handle time is left out here).
    const behaviour = parse(readFileSync(BEHAVIOUR, 'utf8')) as Record<string, unknown>;
    const imported = parse(run.stdout) as Record<string, unknown>;
    const file = join(folder, 'first-contacts.yaml');
    writeFileSync(file, stringify({ ...behaviour, calendar: imported['calendar'], demand: imported['demand'] }));
    const plan = await runCli(['plan', file, '--variant', 'fixed-staff', '--json']);
    expect(plan.code, plan.stderr).toBe(0);
    const totals = (JSON.parse(plan.stdout) as { variants: { totals: { cases: number; attempts: number } }[] }).variants[0]?.totals;
    const days = 5;
    const casesPerDay = Number(/^ {2}casesPerDay: (\S+)$/m.exec(run.stdout)?.[1]);
    expect(casesPerDay).toBeLessThan(232.6);
    expect(totals?.cases).toBeCloseTo(casesPerDay * days, 6);
    expect((totals?.attempts ?? 0) / days).toBeCloseTo(232.6, 0);
    expect(run.stderr).toMatch(/ {2}casesPerDay \S+ first contacts = 232\.6 calls ÷ \d\.\d{4} attempts per case \(the analytic plan of tests\/fixtures\/import\/behaviour\.yaml, variant "fixed-staff", with this calendar and demand; \d+ rounds\)/);
  });

  it('names the flag of a bad date format, and of a date column without a time column', async () => {
    const format = await runCli(['import', ACD, '--date-format', 'DD.MM']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('staffsim: --date-format: date format "DD.MM": missing YYYY (use YYYY, MM and DD)');
    const alone = await runCli(['import', ACD, '--date-column', 'Datum']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('staffsim: --date-column: a date column needs a time column, and a time column a date column: give both');
  });

  it('--calls-are attempts needs --behaviour-from, and --behaviour-from needs it; a missing variant is named', async () => {
    const without = await runCli(['import', ACD, '--calls-are', 'attempts']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--calls-are attempts: give the scenario whose redials and repeat contacts turn calls into first contacts, with --behaviour-from SCENARIO');
    const alone = await runCli(['import', ACD, '--behaviour-from', BEHAVIOUR]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--behaviour-from: applies to --calls-are attempts');
    const variant = await runCli(['import', ACD, '--calls-are', 'attempts', '--behaviour-from', BEHAVIOUR, '--variant', 'nope']);
    expect(variant.code).toBe(2);
    expect(variant.stderr).toContain('--variant: no variant named "nope" in tests/fixtures/import/behaviour.yaml; it has "fixed-staff", "staffed-to-target"');
  });

  it('warns when a weekday factor rests on fewer than four days, and says so in the sections', async () => {
    const run = await runCli(['import', FIXTURE]);
    expect(run.stderr).toContain('staffsim: warning: the day factors of mon (2 days), tue (2 days)');
    expect(run.stdout).toContain('  # dayFactors of mon (2), tue (2), wed (2), thu (2), fri (2): fewer than four days each, so these factors are rough.\n');
  });

  it('refuses counts such as 1e308, Infinity and NaN with their line numbers (exit 2, no sections)', async () => {
    const file = join(folder, 'huge-counts.csv');
    writeFileSync(file, 'Time,Calls\n2024-01-01 08:00,1e308\n2024-01-01 08:30,Infinity\n2024-01-02 08:00,NaN\n2024-01-02 08:30,4\n');
    const run = await runCli(['import', file, '--count-column', 'Calls']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        `staffsim: ${file}:2: Calls: expected a count ≥ 0 and ≤ 10,000,000 (got "1e308")`,
        `staffsim: ${file}:3: Calls: expected a count ≥ 0 (got "Infinity")`,
        `staffsim: ${file}:4: Calls: expected a count ≥ 0 (got "NaN")`,
        '',
      ].join('\n'),
    );
  });

  it('reads a file whose lines end in a lone carriage return (classic Mac OS) as one with \\n', async () => {
    const oldMac = join(folder, 'old-mac.csv');
    writeFileSync(oldMac, readFileSync(FIXTURE, 'utf8').replace(/\r?\n/g, '\r'));
    const [unix, mac] = [await runCli(['import', FIXTURE]), await runCli(['import', oldMac])];
    expect(mac.code).toBe(0);
    expect(mac.stdout.replaceAll(oldMac, FIXTURE)).toBe(unix.stdout);
  });
});
