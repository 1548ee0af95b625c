import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, type InputIssue } from '../../../src/core/errors.js';
import { estimateDemand, HISTORY_LIMITS } from '../../../src/core/history/demand-history.js';

const FIXTURE = 'tests/fixtures/import/bank-calls-10-weekdays.csv';
const FULL_FILE = 'data/bank-calls/bank_calls_fpp3.csv';

/**
 * The reference: the estimate recomputed straight from the rows, with none of the importer's code — split on commas,
 * read date and clock time by position, bin by arithmetic, weekdays from the JavaScript Date.
 */
function reference(text: string, intervalMinutes: number) {
  const rows = text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  const openMinutes = 7 * 60;
  const bins = Math.floor((21 * 60 + 5 - openMinutes) / intervalMinutes);
  const days = new Map<string, number[]>();
  for (const [, stamp, calls] of rows) {
    const date = (stamp as string).slice(0, 10);
    const minutes = Number((stamp as string).slice(11, 13)) * 60 + Number((stamp as string).slice(14, 16));
    const bin = Math.min(bins - 1, Math.floor((minutes - openMinutes) / intervalMinutes));
    const perBin = days.get(date) ?? new Array<number>(bins).fill(0);
    perBin[bin] = (perBin[bin] as number) + Number(calls);
    days.set(date, perBin);
  }
  const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const totals = [...days.entries()].map(([date, perBin]) => ({
    weekday: names[new Date(`${date}T12:00:00Z`).getUTCDay()] as string,
    total: perBin.reduce((a, b) => a + b, 0),
  }));
  const byWeekday = new Map<string, number[]>();
  for (const { weekday, total } of totals) byWeekday.set(weekday, [...(byWeekday.get(weekday) ?? []), total]);
  const weekdayMean = new Map([...byWeekday].map(([weekday, list]) => [weekday, list.reduce((a, b) => a + b, 0) / list.length]));
  const casesPerDay = [...weekdayMean.values()].reduce((a, b) => a + b, 0) / weekdayMean.size;
  const dayFactors = Object.fromEntries([...weekdayMean].map(([weekday, m]) => [weekday, m / casesPerDay]));
  const grand = totals.reduce((a, d) => a + d.total, 0);
  const profile = Array.from({ length: bins }, (_, i) => [...days.values()].reduce((a, perBin) => a + (perBin[i] as number), 0) / grand);
  // cv² = Σ (N/m − 1)² / (n − k) − mean(1/m)
  let squares = 0;
  let inverse = 0;
  for (const { weekday, total } of totals) {
    const m = weekdayMean.get(weekday) as number;
    squares += (total / m - 1) ** 2;
    inverse += 1 / m;
  }
  const cv2 = squares / (totals.length - weekdayMean.size) - inverse / totals.length;
  return { casesPerDay, dayFactors, profile, overdispersion: Math.sqrt(Math.max(0, cv2)), totals, days: days.size };
}

function issuesOf(text: string, options: Parameters<typeof estimateDemand>[1] = { intervalMinutes: 30 }): InputIssue[] {
  try {
    estimateDemand(text, options);
  } catch (error) {
    if (error instanceof InputError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the import to fail');
}

/** A small day of counts: `slots` rows from 08:00 every `step` minutes, for each date. */
function counts(dates: readonly string[], slots: number, value: (date: number, slot: number) => number, step = 15): string {
  const lines = ['Time,Calls'];
  dates.forEach((date, d) => {
    for (let j = 0; j < slots; j++) {
      const minutes = 8 * 60 + j * step;
      lines.push(`${date} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')},${value(d, j)}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

describe('estimateDemand on ten weekdays of the fpp3 bank data', () => {
  const text = readFileSync(FIXTURE, 'utf8');

  for (const intervalMinutes of [30, 15, 60]) {
    it(`matches a straightforward recomputation of the profile, day factors and overdispersion (${intervalMinutes}-minute intervals)`, () => {
      const estimate = estimateDemand(text, { intervalMinutes });
      const expected = reference(text, intervalMinutes);
      expect(estimate.demand.casesPerDay).toBeCloseTo(expected.casesPerDay, 9);
      expect(estimate.demand.intradayProfile).toHaveLength(expected.profile.length);
      estimate.demand.intradayProfile.forEach((share, i) => expect(share).toBeCloseTo(expected.profile[i] as number, 12));
      expect(Object.keys(estimate.demand.dayFactors)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
      for (const [weekday, factor] of Object.entries(expected.dayFactors)) {
        expect(estimate.demand.dayFactors[weekday as 'mon']).toBeCloseTo(factor, 12);
      }
      expect(estimate.demand.overdispersionCv).toBeCloseTo(expected.overdispersion, 12);
      expect(estimate.report.dailyTotals.map((d) => d.total)).toEqual(expected.totals.map((d) => d.total));
    });
  }

  it('finds the columns, the 5-minute grid, the opening hours and the weekdays, and folds 21:00–21:05 into the last interval', () => {
    const estimate = estimateDemand(text, { intervalMinutes: 30 });
    expect(estimate.calendar).toEqual({ days: 5, startWeekday: 'mon', openSeconds: 7 * 3600, closeSeconds: 21 * 3600, intervalSeconds: 1800, intervalsPerDay: 28 });
    expect(estimate.meanHandleSeconds).toBe(null);
    expect(estimate.report.thinWeekdays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    const r = estimate.report;
    expect([r.rows, r.days, r.firstDate, r.lastDate]).toEqual([1690, 10, '2003-03-03', '2003-03-14']);
    expect([r.timestampColumn, r.countColumn, r.timestampFormat, r.delimiter]).toEqual(['DateTime', 'Calls', 'iso', ',']);
    expect(r.daysPerWeekday).toEqual({ mon: 2, tue: 2, wed: 2, thu: 2, fri: 2 });
    expect([r.dataIntervalSeconds, r.dataOpenSeconds, r.dataCloseSeconds, r.foldedSeconds]).toEqual([300, 7 * 3600, 21 * 3600 + 300, 300]);
    // The first day, by hand from the file: 111 calls at 07:00 … 79 at 21:00 (data/bank-calls/README.md).
    const lines = text.trim().split('\n').slice(1, 170);
    const firstDay = lines.reduce((sum, line) => sum + Number(line.split(',')[2]), 0);
    expect(r.dailyTotals[0]).toEqual({ date: '2003-03-03', weekday: 'mon', total: firstDay });
    const lastSlots = lines.slice(162).reduce((sum, line) => sum + Number(line.split(',')[2]), 0); // 20:30 … 21:00
    const grand = r.dailyTotals.reduce((sum, d) => sum + d.total, 0);
    expect(r.foldedShare).toBeCloseTo(text.trim().split('\n').filter((line) => line.includes('T21:00:00Z')).reduce((s, l) => s + Number(l.split(',')[2]), 0) / grand, 12);
    expect(lastSlots).toBeGreaterThan(0);
    // Poisson alone: cv √mean(1/m) ≈ 0.0054 for ~34,000 calls a day; the days vary more than that.
    expect(r.poissonCv).toBeCloseTo(1 / Math.sqrt(34_146), 4);
    expect(estimate.demand.overdispersionCv).toBeGreaterThan(r.poissonCv);
  });

  it('reproduces the published figures of the whole file (data/bank-calls/README.md)', () => {
    const estimate = estimateDemand(readFileSync(FULL_FILE, 'utf8'), { intervalMinutes: 30 });
    expect(estimate.report.days).toBe(164);
    expect(estimate.report.rows).toBe(27_716);
    expect(estimate.report.meanPerDay).toBeCloseTo(32_461.3, 1);
    expect(estimate.report.minPerDay).toBe(27_666);
    expect(estimate.report.maxPerDay).toBe(42_889);
  });
});

describe('estimateDemand: other files', () => {
  it('detects a day-first format, semicolons and other column names', () => {
    const text = ['Start;Offered;Note', '03/03/2003 08:00;10;x', '03/03/2003 08:30;20;x', '13/03/2003 08:00;30;x', '13/03/2003 08:30;40;x', ''].join('\n');
    const estimate = estimateDemand(text, { intervalMinutes: 30 });
    expect(estimate.report.timestampFormat).toBe('DD/MM/YYYY HH:mm');
    expect([estimate.report.timestampColumn, estimate.report.countColumn, estimate.report.delimiter]).toEqual(['Start', 'Offered', ';']);
    expect(estimate.report.dailyTotals.map((d) => [d.date, d.weekday, d.total])).toEqual([
      ['2003-03-03', 'mon', 30],
      ['2003-03-13', 'thu', 70],
    ]);
    // mon and thu are not consecutive weekdays: one simulated day.
    expect(estimate.calendar.days).toBe(1);
    expect(estimate.report.weekdaysContiguous).toBe(false);
  });

  it('takes named columns and a given timestamp format', () => {
    const text = ['when,a,b', '2024.01.06-10h00,5,1', '2024.01.06-10h30,7,2', '2024.01.07-10h00,6,3', '2024.01.07-10h30,8,4'].join('\n');
    const estimate = estimateDemand(text, { intervalMinutes: 60, timestampColumn: 'when', countColumn: 'b', timestampFormat: 'YYYY.MM.DD-HHhmm' });
    expect(estimate.report.dailyTotals.map((d) => [d.weekday, d.total])).toEqual([
      ['sat', 3],
      ['sun', 7],
    ]);
    expect(estimate.calendar).toMatchObject({ days: 2, startWeekday: 'sat', openSeconds: 10 * 3600, closeSeconds: 11 * 3600, intervalsPerDay: 1 });
  });

  it('gives the textbook (var − mean)/mean² for days of one weekday, and 0 when the days vary less than Poisson', () => {
    const mondays = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'];
    const totals = [90, 110, 130, 70];
    const estimate = estimateDemand(counts(mondays, 2, (d) => (totals[d] as number) / 2), { intervalMinutes: 30 });
    const mean = 100;
    const variance = totals.reduce((s, t) => s + (t - mean) ** 2, 0) / 3;
    expect(estimate.demand.overdispersionCv).toBeCloseTo(Math.sqrt((variance - mean) / mean ** 2), 12);
    const steady = estimateDemand(counts(mondays, 2, (d) => 50 + (d % 2)), { intervalMinutes: 30 });
    expect(steady.demand.overdispersionCv).toBe(0);
  });

  it('reports every malformed row with its line number, and nothing is skipped', () => {
    const text = [
      'Time,Calls',
      '2024-01-01 08:00,10',
      '2024-01-01 08:15', // 3: a field missing
      '2024-01-01 08:30,x', // 4: not a count
      '2024-13-01 08:45,5', // 5: month 13
      '2024-01-01 09:00,-3', // 6: negative
      '"2024-01-01 09:15,4', // 7: unbalanced quote
    ].join('\n');
    expect(issuesOf(text).map((i) => [i.line, i.code, i.message])).toEqual([
      [3, 'malformed_row', 'expected 2 fields (Time, Calls), got 1'],
      [4, 'bad_count', 'Calls: expected a count ≥ 0 (got "x")'],
      [5, 'bad_timestamp', expect.stringContaining('Time: cannot read "2024-13-01 08:45" as a timestamp')],
      [6, 'bad_count', 'Calls: expected a count ≥ 0 (got "-3")'],
      [7, 'malformed_row', 'unbalanced quotes'],
    ]);
  });

  it('reports duplicates, times off the grid and missing intervals', () => {
    const grid = counts(['2024-01-01', '2024-01-02'], 4, () => 1);
    expect(issuesOf(`${grid}2024-01-01 08:15,3\n`).map((i) => [i.line, i.code, i.message])).toEqual([
      [10, 'duplicate', '2024-01-01 08:15 appears again (first on line 3)'],
    ]);
    expect(issuesOf(`${grid}2024-01-02 08:20,3\n`).map((i) => [i.line, i.code])).toEqual([[10, 'off_grid']]);
    const missing = grid.replace('2024-01-02 08:30,1\n', '');
    expect(issuesOf(missing).map((i) => [i.code, i.message])).toEqual([
      ['missing_interval', expect.stringMatching(/^2024-01-02: no row for 08:30 \(1 of the 4 15-minute intervals from 08:00 to 09:00\)/)],
    ]);
  });

  it('refuses an interval length that is not a multiple of the data’s, and days shorter than one interval', () => {
    const text = counts(['2024-01-01'], 4, () => 1);
    expect(issuesOf(text, { intervalMinutes: 20 }).map((i) => [i.code, i.message])).toEqual([
      ['interval_not_multiple', "an interval of 20 minutes is not a multiple of the data's 15-minute interval; choose e.g. 15, 30, 60"],
    ]);
    expect(issuesOf(text, { intervalMinutes: 90 })[0]?.code).toBe('day_too_short');
  });

  it('asks for the format when day-first and month-first both fit, and for the count column when two could be it', () => {
    expect(issuesOf('Time,Calls\n01/02/2024 08:00,1\n01/02/2024 08:30,2\n')[0]?.code).toBe('ambiguous_timestamps');
    expect(issuesOf('Time,Calls,Count\n2024-01-01 08:00,1,2\n2024-01-01 08:30,2,3\n')[0]?.code).toBe('no_count_column');
    expect(issuesOf('Time,Calls\n2024-01-01 08:00,1\n', { intervalMinutes: 30, countColumn: 'Offered' })[0]?.message).toContain('no column named "Offered"');
    expect(issuesOf('')[0]?.code).toBe('empty');
  });
});

describe('estimateDemand: exports of ACD and telephony systems', () => {
  it('reads a date column and a time column, semicolons, day-first dates and a decimal comma', () => {
    const text = [
      'Datum;Tid;Inkommande samtal;AHT (s)',
      '04.03.2024;08:00;10;240,5',
      '04.03.2024;08:30;20;300',
      '13.03.2024;08:00;30;180',
      '13.03.2024;08:30;40;200,5',
    ].join('\n');
    const estimate = estimateDemand(text, { intervalMinutes: 30 });
    expect(estimate.report).toMatchObject({ delimiter: ';', timestampColumn: null, dateColumn: 'Datum', timeColumn: 'Tid', countColumn: 'Inkommande samtal', timestampFormat: 'DD.MM.YYYY HH:mm' });
    expect(estimate.report.dailyTotals.map((d) => [d.date, d.weekday, d.total])).toEqual([
      ['2024-03-04', 'mon', 30],
      ['2024-03-13', 'wed', 70],
    ]);
    // Weighted by the calls of each row: (10·240.5 + 20·300 + 30·180 + 40·200.5) / 100.
    expect(estimate.meanHandleSeconds).toBeCloseTo((10 * 240.5 + 20 * 300 + 30 * 180 + 40 * 200.5) / 100, 12);
    expect(estimate.report.aht).toEqual({ column: 'AHT (s)', unit: 'seconds', rows: 4, calls: 100 });
  });

  it('takes the start of an interval written as a range, and AHT as m:ss or in minutes by its header', () => {
    const text = ['Date,Interval,Offered,Avg Handle Time (min)', '2024-03-04,08:00 - 08:15,4,3.5', '2024-03-04,08:15 - 08:30,6,4:30', '2024-03-05,08:00-08:15,0,', '2024-03-05,08:15-08:30,10,4'].join('\n');
    const estimate = estimateDemand(text, { intervalMinutes: 15 });
    expect([estimate.report.dateColumn, estimate.report.timeColumn, estimate.report.timestampFormat]).toEqual(['Date', 'Interval', 'YYYY-MM-DD HH:mm']);
    expect(estimate.calendar).toMatchObject({ openSeconds: 8 * 3600, closeSeconds: 8.5 * 3600, intervalsPerDay: 2 });
    // 3.5 minutes, 4:30 (a duration) and 4 minutes; the row without calls and without a value counts for nothing.
    expect(estimate.meanHandleSeconds).toBeCloseTo((4 * 210 + 6 * 270 + 10 * 240) / 20, 12);
    expect(estimate.report.aht).toMatchObject({ unit: 'minutes', rows: 3 });
  });

  it('takes named date and time columns and a given date format', () => {
    const text = ['d,t,n', '03/04/2024,10:00,1', '03/04/2024,10:30,2', '04/04/2024,10:00,3', '04/04/2024,10:30,4'].join('\n');
    const estimate = estimateDemand(text, { intervalMinutes: 30, dateColumn: 'd', timeColumn: 't', dateFormat: 'MM/DD/YYYY' });
    expect(estimate.report.dailyTotals.map((d) => d.date)).toEqual(['2024-03-04', '2024-04-04']);
    expect(() => estimateDemand(text, { intervalMinutes: 30, dateColumn: 'd' })).toThrow('a date column needs a time column');
  });

  it('asks for the format of day-first and month-first dates it cannot tell apart, at the header', () => {
    const issues = issuesOf('Date;Time;Calls\n01/02/2024;08:00;1\n01/02/2024;08:30;2\n');
    expect(issues[0]).toMatchObject({ line: 1, code: 'ambiguous_timestamps' });
    expect(issues[0]?.message).toContain('the dates fit DD/MM/YYYY HH:mm and MM/DD/YYYY HH:mm; give the format');
  });

  it('reads on until a day above 12 tells day-first from month-first, when the first rows fit both', () => {
    const lines = ['Datum;Tid;Samtal'];
    for (let day = 1; day <= 14; day++) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) lines.push(`${String(day).padStart(2, '0')}/03/2024;${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')};1`);
    }
    // 12 × 96 = 1,152 rows fit both forms before 13/03/2024 settles it.
    const estimate = estimateDemand(lines.join('\n'), { intervalMinutes: 60 });
    expect(estimate.report.timestampFormat).toBe('DD/MM/YYYY HH:mm');
    expect(estimate.report.lastDate).toBe('2024-03-14');
  });

  it('flags weekday factors that rest on fewer than four days', () => {
    const mondays = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'];
    const tuesdays = ['2024-01-02', '2024-01-09'];
    const estimate = estimateDemand(counts([...mondays, ...tuesdays], 2, () => 5), { intervalMinutes: 30 });
    expect(estimate.report.daysPerWeekday).toEqual({ mon: 4, tue: 2 });
    expect(estimate.report.thinWeekdays).toEqual(['tue']);
  });
});

describe('estimateDemand: hostile and extreme counts', () => {
  it('refuses counts that are not finite, or absurdly large, with their line numbers', () => {
    const text = ['Time,Calls', '2024-01-01 08:00,1e308', '2024-01-01 08:15,Infinity', '2024-01-01 08:30,NaN', '2024-01-01 08:45,10000001', '2024-01-01 09:00,0x10', '2024-01-01 09:15,5'].join('\n');
    expect(issuesOf(text).map((i) => [i.line, i.code, i.message])).toEqual([
      [2, 'bad_count', 'Calls: expected a count ≥ 0 and ≤ 10,000,000 (got "1e308")'],
      [3, 'bad_count', 'Calls: expected a count ≥ 0 (got "Infinity")'],
      [4, 'bad_count', 'Calls: expected a count ≥ 0 (got "NaN")'],
      [5, 'bad_count', 'Calls: expected a count ≥ 0 and ≤ 10,000,000 (got "10000001")'],
      [6, 'bad_count', 'Calls: expected a count ≥ 0 (got "0x10")'],
    ]);
    expect(HISTORY_LIMITS.countPerRow).toBe(10_000_000);
  });

  it('refuses handle times that are not durations of at most a day', () => {
    const text = ['Time,Calls,AHT', '2024-01-01 08:00,1,1e308', '2024-01-01 08:15,1,-5', '2024-01-01 08:30,1,99999'].join('\n');
    expect(issuesOf(text).map((i) => [i.line, i.code])).toEqual([
      [2, 'bad_aht'],
      [3, 'bad_aht'],
      [4, 'bad_aht'],
    ]);
  });

  it('lists the first 25 problems and counts the rest, without keeping every row', () => {
    const lines = ['Time,Calls'];
    for (let i = 0; i < 10_000; i++) lines.push(`2024-01-01 08:00,bad${i}`);
    const issues = issuesOf(lines.join('\n'), { intervalMinutes: 30, countColumn: 'Calls' });
    expect(issues).toHaveLength(26);
    expect(issues[25]).toMatchObject({ code: 'more_problems', message: '… and 9,975 more problems' });
  });

  it('gives whole-file problems a line: an empty file, a header without rows, one row per day', () => {
    expect(issuesOf('')[0]).toMatchObject({ line: 1, code: 'empty' });
    expect(issuesOf('\n\nTime,Calls\n')[0]).toMatchObject({ line: 3, code: 'no_rows' });
    expect(issuesOf('Time,Calls\n2024-01-01 08:00,1\n2024-01-02 08:00,1\n')[0]).toMatchObject({ line: 1, code: 'one_row_per_day' });
  });
});
