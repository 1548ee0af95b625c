import { describe, expect, it } from 'vitest';
import { plainNumber, reportToCsv } from '../../src/export/csv.js';
import { compareReport, metrics, renameVariants, sweepReport } from '../fixtures/report/reports.js';

/** RFC 4180 parse of one line without embedded line breaks (enough for these files). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

function lines(csv: string): string[] {
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(0, -2).split('\r\n');
}

describe('reportToCsv', () => {
  it('writes the summary: one row per variant, units in the headers, raw numbers', () => {
    expect(lines(reportToCsv(compareReport, 'summary'))).toMatchInlineSnapshot(`
      [
        "Scenario,Variant,Source,Replications (count),Seed,Cases (count),Cases ±95% (count),Attempts (count),Attempts ±95% (count),Attempts per case (ratio),Attempts per case ±95% (ratio),Answered (count),Answered ±95% (count),Abandoned (count),Abandoned ±95% (count),Answered share (share 0-1),Answered share ±95% (share 0-1),Abandoned share (share 0-1),Abandoned share ±95% (share 0-1),Service level (share 0-1),Service level ±95% (share 0-1),Probability of waiting (share 0-1),Probability of waiting ±95% (share 0-1),ASA (s),ASA ±95% (s),Mean wait (s),Mean wait ±95% (s),Wait 90th percentile (s),Wait 90th percentile ±95% (s),Occupancy (share 0-1),Occupancy ±95% (share 0-1),Resolved cases (count),Resolved cases ±95% (count),Resolved share of cases (share 0-1),Resolved share of cases ±95% (share 0-1),Contacts per resolved case (ratio),Contacts per resolved case ±95% (ratio),Unresolved cases (count),Unresolved cases ±95% (count),Open cases at end (count),Open cases at end ±95% (count),Calls unanswered at end (count),Calls unanswered at end ±95% (count),Paid agent hours (h),Paid agent hours ±95% (h),Overtime hours (h),Overtime hours ±95% (h),Staff cost (SEK),Staff cost ±95% (SEK),Overtime cost (SEK),Overtime cost ±95% (SEK),Telephony cost (SEK),Telephony cost ±95% (SEK),Customer time cost (SEK),Customer time cost ±95% (SEK),Repeat contact cost (SEK),Repeat contact cost ±95% (SEK),Unresolved case cost (SEK),Unresolved case cost ±95% (SEK),Fixed cost (SEK),Fixed cost ±95% (SEK),Total cost (SEK),Total cost ±95% (SEK),Cost per resolved case (SEK),Cost per resolved case ±95% (SEK),Period,Open days (count),Share of a year (share 0-1),FTE (full-time equivalents),FTE ±95% (full-time equivalents),"Total cost, a year, estimated (SEK)","Paid agent hours, a year, estimated (h)"",
        "Municipal contact centre,mediocre,simulation,20,20261127,1800,36,3060,61.2,1.7,0.034,2754,55.08,306,6.12,0.9,0.018,0.1,0.002,0.62,0.0124,0.55,0.011,48.25,0.965,51.5,1.03,140,2.8,0.91,0.0182,1512,30.24,0.84,0.0168,1.82,0.0364,270,5.4,18,0.36,0,0,170,3.4,2.5,0.05,71400,1428,1575,31.5,1530,30.6,13130,262.6,0,0,108000,2160,0,0,195635,3912.7,129.39,2.5878,,,,,,,",
        "Municipal contact centre,world-class,simulation,20,20261127,1800,36,2160,43.2,1.2,0.024,2117,42.34,43,0.86,0.98,0.0196,0.02,0.0004,0.812,0.0162,0.31,0.0062,7.8,0.156,8.1,0.162,21.4,0.428,0.78,0.0156,1710,34.2,0.95,0.019,1.24,0.0248,72,1.44,18,0.36,0,0,190,3.8,0.5,0.01,79800,1596,315,6.3,900,18,1420,28.4,0,0,28800,576,0,0,111235,2224.7,65.52,1.3104,,,,,,,",
      ]
    `);
  });

  it('writes the intervals: one row per variant and interval, with day and start', () => {
    expect(lines(reportToCsv(compareReport, 'intervals'))).toMatchInlineSnapshot(`
      [
        "Scenario,Variant,Day (1-based),Interval start (local time),Cases (count),Cases ±95% (count),Attempts (count),Attempts ±95% (count),Attempts per case (ratio),Attempts per case ±95% (ratio),Answered (count),Answered ±95% (count),Abandoned (count),Abandoned ±95% (count),Answered share (share 0-1),Answered share ±95% (share 0-1),Abandoned share (share 0-1),Abandoned share ±95% (share 0-1),Service level (share 0-1),Service level ±95% (share 0-1),Probability of waiting (share 0-1),Probability of waiting ±95% (share 0-1),ASA (s),ASA ±95% (s),Mean wait (s),Mean wait ±95% (s),Wait 90th percentile (s),Wait 90th percentile ±95% (s),Occupancy (share 0-1),Occupancy ±95% (share 0-1),Resolved cases (count),Resolved cases ±95% (count),Resolved share of cases (share 0-1),Resolved share of cases ±95% (share 0-1),Contacts per resolved case (ratio),Contacts per resolved case ±95% (ratio),Unresolved cases (count),Unresolved cases ±95% (count),Open cases at end (count),Open cases at end ±95% (count),Calls unanswered at end (count),Calls unanswered at end ±95% (count),"Paid agent hours, per interval (h)","Paid agent hours, per interval ±95% (h)","Overtime hours, per interval (h)","Overtime hours, per interval ±95% (h)","Staff cost, per interval (SEK)","Staff cost, per interval ±95% (SEK)","Overtime cost, per interval (SEK)","Overtime cost, per interval ±95% (SEK)","Telephony cost, per interval (SEK)","Telephony cost, per interval ±95% (SEK)","Customer time cost, per interval (SEK)","Customer time cost, per interval ±95% (SEK)","Repeat contact cost, per interval (SEK)","Repeat contact cost, per interval ±95% (SEK)","Unresolved case cost, per interval (SEK)","Unresolved case cost, per interval ±95% (SEK)","Fixed cost, per interval (SEK)","Fixed cost, per interval ±95% (SEK)","Total cost, per interval (SEK)","Total cost, per interval ±95% (SEK)",Cost per resolved case (SEK),Cost per resolved case ±95% (SEK)",
        "Municipal contact centre,mediocre,1,08:00,600,30,1020,51,1.7,0.085,918,45.9,102,5.1,0.9,0.045,0.1,0.005,0.71,0.0355,0.55,0.0275,30.5,1.525,51.5,2.575,140,7,0.91,0.0455,504,25.2,0.84,0.042,1.82,0.091,90,4.5,6,0.3,0,0,56.67,2.8335,0.83,0.0415,23800,1190,525,26.25,510,25.5,4376.67,218.8335,0,0,36000,1800,0,0,65211.67,3260.5835,129.39,6.4695",
        "Municipal contact centre,mediocre,1,08:30,600,30,1020,51,1.7,0.085,918,45.9,102,5.1,0.9,0.045,0.1,0.005,0.48,0.024,0.55,0.0275,75,3.75,51.5,2.575,140,7,0.91,0.0455,504,25.2,0.84,0.042,1.82,0.091,90,4.5,6,0.3,0,0,56.67,2.8335,0.83,0.0415,23800,1190,525,26.25,510,25.5,4376.67,218.8335,0,0,36000,1800,0,0,65211.67,3260.5835,129.39,6.4695",
        "Municipal contact centre,mediocre,1,09:00,600,30,1020,51,1.7,0.085,918,45.9,102,5.1,0.9,0.045,0.1,0.005,0.67,0.0335,0.55,0.0275,39.25,1.9625,51.5,2.575,140,7,0.91,0.0455,504,25.2,0.84,0.042,1.82,0.091,90,4.5,6,0.3,0,0,56.67,2.8335,0.83,0.0415,23800,1190,525,26.25,510,25.5,4376.67,218.8335,0,0,36000,1800,0,0,65211.67,3260.5835,129.39,6.4695",
        "Municipal contact centre,world-class,1,08:00,600,30,720,36,1.2,0.06,705.67,35.2835,14.33,0.7165,0.98,0.049,0.02,0.001,0.85,0.0425,0.31,0.0155,5.5,0.275,8.1,0.405,21.4,1.07,0.78,0.039,570,28.5,0.95,0.0475,1.24,0.062,24,1.2,6,0.3,0,0,63.33,3.1665,0.17,0.0085,26600,1330,105,5.25,300,15,473.33,23.6665,0,0,9600,480,0,0,37078.33,1853.9165,65.52,3.276",
        "Municipal contact centre,world-class,1,08:30,600,30,720,36,1.2,0.06,705.67,35.2835,14.33,0.7165,0.98,0.049,0.02,0.001,0.77,0.0385,0.31,0.0155,10.2,0.51,8.1,0.405,21.4,1.07,0.78,0.039,570,28.5,0.95,0.0475,1.24,0.062,24,1.2,6,0.3,0,0,63.33,3.1665,0.17,0.0085,26600,1330,105,5.25,300,15,473.33,23.6665,0,0,9600,480,0,0,37078.33,1853.9165,65.52,3.276",
        "Municipal contact centre,world-class,1,09:00,600,30,720,36,1.2,0.06,705.67,35.2835,14.33,0.7165,0.98,0.049,0.02,0.001,0.816,0.0408,0.31,0.0155,7.7,0.385,8.1,0.405,21.4,1.07,0.78,0.039,570,28.5,0.95,0.0475,1.24,0.062,24,1.2,6,0.3,0,0,63.33,3.1665,0.17,0.0085,26600,1330,105,5.25,300,15,473.33,23.6665,0,0,9600,480,0,0,37078.33,1853.9165,65.52,3.276",
      ]
    `);
  });

  it('adds the sweep columns and one row per sweep point, the cheapest marked', () => {
    const rows = lines(reportToCsv(sweepReport, 'summary')).map(parseCsvLine);
    expect(rows.map((row) => row.slice(0, 10))).toMatchInlineSnapshot(`
      [
        [
          "Scenario",
          "Variant",
          "Source",
          "Replications (count)",
          "Seed",
          "Sweep parameter",
          "Sweep value",
          "Cheapest (yes/no)",
          "Cases (count)",
          "Cases ±95% (count)",
        ],
        [
          "Municipal contact centre",
          "base",
          "simulation",
          "20",
          "20261127",
          "",
          "",
          "",
          "1800",
          "36",
        ],
        [
          "Municipal contact centre",
          "base",
          "simulation",
          "20",
          "20261127",
          "staffing.agents",
          "10",
          "no",
          "1800",
          "18",
        ],
        [
          "Municipal contact centre",
          "base",
          "simulation",
          "20",
          "20261127",
          "staffing.agents",
          "12",
          "no",
          "1800",
          "18",
        ],
        [
          "Municipal contact centre",
          "base",
          "simulation",
          "20",
          "20261127",
          "staffing.agents",
          "14",
          "yes",
          "1800",
          "18",
        ],
        [
          "Municipal contact centre",
          "base",
          "simulation",
          "20",
          "20261127",
          "staffing.agents",
          "16",
          "no",
          "1800",
          "18",
        ],
      ]
    `);
  });

  it('ends every line with CRLF and has no bare LF or CR', () => {
    for (const table of ['summary', 'intervals'] as const) {
      const csv = reportToCsv(compareReport, table);
      expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
      expect(csv.split('\r\n')).toHaveLength(table === 'summary' ? 4 : 8);
    }
  });

  it('has the same number of fields in every row', () => {
    for (const report of [compareReport, sweepReport]) {
      for (const table of ['summary', 'intervals'] as const) {
        const counts = new Set(lines(reportToCsv(report, table)).map((l) => parseCsvLine(l).length));
        expect(counts.size).toBe(1);
      }
    }
  });

  it('quotes fields with commas and quotes per RFC 4180', () => {
    const csv = reportToCsv(renameVariants(compareReport, { mediocre: 'a,"b"', 'world-class': 'line\nbreak' }), 'summary');
    expect(csv).toContain('\r\nMunicipal contact centre,"a,""b""",simulation,20,20261127,');
    expect(csv).toContain('\r\nMunicipal contact centre,"line\nbreak",simulation,');
    expect(parseCsvLine(lines(csv)[1] ?? '')[1]).toBe('a,"b"');
  });

  it('guards text cells against formula injection, never numbers', () => {
    const report = renameVariants(compareReport, { mediocre: '=SUM(1)', 'world-class': '@cmd' });
    const rows = lines(reportToCsv(report, 'summary')).map(parseCsvLine);
    expect(rows[1]?.[1]).toBe("'=SUM(1)");
    expect(rows[2]?.[1]).toBe("'@cmd");
    for (const hostile of ['+1', '-2', '\tx', '\rx']) {
      const csv = reportToCsv(renameVariants(compareReport, { mediocre: hostile }), 'intervals');
      expect(csv).toContain(`'${hostile}`);
    }
    const negative = {
      ...compareReport,
      variants: [{ ...compareReport.variants[0]!, totals: metrics({ totalCost: -1234.5 }) }],
    };
    const totalCostColumn = rows[0]?.indexOf('Total cost (SEK)') ?? -1;
    expect(parseCsvLine(lines(reportToCsv(negative, 'summary'))[1] ?? '')[totalCostColumn]).toBe('-1234.5');
  });

  it('writes no thousands separators, currency symbols or percent signs in numbers', () => {
    const rows = lines(reportToCsv(compareReport, 'summary')).slice(1).map(parseCsvLine);
    for (const row of rows) {
      for (const field of row.slice(3)) expect(field).toMatch(/^-?\d+(\.\d+)?$|^$/);
    }
    expect(rows[0]).toContain('195635');
    expect(rows[0]).toContain('0.62');
  });

  it('leaves missing and non-finite values empty, never NaN or Infinity', () => {
    const totals = metrics({ asaSeconds: Number.POSITIVE_INFINITY, waitP90Seconds: Number.NaN, costPerResolvedCase: Number.NEGATIVE_INFINITY });
    const analytic = { ...compareReport.variants[0]!, source: 'erlang-a' as const, replications: null, seed: null, totals };
    const csv = reportToCsv({ ...compareReport, variants: [analytic], differences: [] }, 'summary');
    expect(csv).not.toMatch(/NaN|Infinity|null|undefined/);
    const [header = [], row = []] = lines(csv).map(parseCsvLine);
    const field = (name: string): string | undefined => row[header.indexOf(name)];
    expect(field('Source')).toBe('erlang-a');
    expect(field('Replications (count)')).toBe('');
    expect(field('Seed')).toBe('');
    expect(field('ASA (s)')).toBe('');
    expect(field('ASA ±95% (s)')).toBe('');
    expect(field('Wait 90th percentile (s)')).toBe('');
    expect(field('Cost per resolved case (SEK)')).toBe('');
  });

  it('writes only a header for a report without variants', () => {
    const csv = reportToCsv({ ...compareReport, variants: [], differences: [] }, 'intervals');
    expect(lines(csv)).toHaveLength(1);
  });
});

describe('plainNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [0.812, '0.812'],
    [195635, '195635'],
    [-84400, '-84400'],
    [1.5e-7, '0.00000015'],
    [-2.5e-8, '-0.000000025'],
    [2e21, '2000000000000000000000'],
    [1.2345e22, '12345000000000000000000'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [Number.NEGATIVE_INFINITY, ''],
  ])('writes %s as %j', (value, text) => {
    expect(plainNumber(value)).toBe(text);
  });

  it('keeps twelve significant digits, so binary noise disappears and values round-trip to that precision', () => {
    for (const value of [1 / 3, 1e-12, 123456789.123, 9.87e-5, 5e-324, 1.7976931348623157e308]) {
      expect(Number(plainNumber(value))).toBe(Number(value.toPrecision(12)));
    }
    expect(plainNumber(1500.0000000000016)).toBe('1500');
    expect(plainNumber(0.7978364733186153)).toBe('0.797836473319');
  });
});
