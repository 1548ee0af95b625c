/**
 * Demand from history: interval counts (a CSV of timestamp + count rows) → the `calendar` and `demand` sections of
 * a scenario. Pure: text in, estimate out; the CLI (`staffsim import`) reads the file and prints.
 *
 * What is estimated, from D days of counts N_{d,j} (day d, data slot j) re-binned to the scenario's interval:
 *
 * - **Opening hours** are the span of the data's slots: the earliest slot start to the latest slot end. The day is
 *   cut to a whole number of scenario intervals from the opening; the slots of a shorter remainder at the end are
 *   **counted in the last interval**, so no call is lost and the scenario closes at the end of that interval. (The
 *   fpp3 bank data runs 07:00–21:05 in 5-minute slots: at 30 minutes it becomes 07:00–21:00, and the 21:00–21:05
 *   slot's calls are counted in the 20:30 interval.)
 * - **dayFactors**: m_w = mean daily total on weekday w; factor_w = m_w / mean over weekdays of m_w (mean 1, the
 *   normalisation the scenario applies). **casesPerDay** = the mean over weekdays of m_w, so that casesPerDay ×
 *   factor_w = m_w exactly (the plain mean over days would weight weekdays by how often they occur in the data).
 * - **intradayProfile**: the pooled share of each interval, Σ_d N_{d,i} / Σ_d N_d (weights; the scenario normalises).
 * - **overdispersion** (the cv of the gamma day multiplier G of SPEC §3, N_d | G ~ Poisson(m_w·G)), by the method of
 *   moments on daily totals after removing the weekday effect: r_d = N_d / m_{w(d)} has mean 1 and variance
 *   1/m_w + cv², so
 *       cv² = max(0, s²_r − mean_d(1/m_{w(d)})),   s²_r = Σ_d (r_d − 1)² / (D − K)
 *   with K the number of weekdays (D − K degrees of freedom, since each m_w is estimated). For one weekday this is
 *   the textbook (var − mean)/mean² of the daily totals. Trends and seasons across the period count as day-to-day
 *   variation, so this is an upper estimate for a stationary forecast.
 *
 * Rows are never skipped silently: a malformed row (wrong number of fields, a timestamp or count that cannot be
 * read, a duplicate, a time off the grid) and a missing slot inside the day's span are reported with their line
 * number or date, all at once, as an InputError.
 */
import { InputError, type InputIssue } from '../errors.js';
import { WEEKDAYS, type Calendar, type Weekday } from '../model/contact-centre-model.js';

export interface DemandEstimateOptions {
  /** Length of a scenario interval, minutes: a multiple of the data's interval. */
  readonly intervalMinutes: number;
  /** Header of the timestamp column; default: detected (a column named like date/time whose values parse). */
  readonly timestampColumn?: string;
  /** Header of the count column; default: detected (a column named like calls/count/volume, or the one numeric column). */
  readonly countColumn?: string;
  /**
   * `iso` (YYYY-MM-DD[T ]HH:MM[:SS], any zone suffix ignored) or a pattern of YYYY, MM, DD, HH, mm, ss and literal
   * characters, e.g. `DD/MM/YYYY HH:mm`; default: detected among iso and common day-first and month-first forms.
   */
  readonly timestampFormat?: string;
}

/** What the import found, for its report. */
export interface DemandImportReport {
  readonly rows: number;
  readonly delimiter: string;
  readonly timestampColumn: string;
  readonly countColumn: string;
  readonly timestampFormat: string;
  readonly days: number;
  readonly firstDate: string;
  readonly lastDate: string;
  /** Days per weekday, in week order (weekdays with data only). */
  readonly daysPerWeekday: Readonly<Partial<Record<Weekday, number>>>;
  /** The data's slots: length and span, seconds (after midnight). */
  readonly dataIntervalSeconds: number;
  readonly dataOpenSeconds: number;
  readonly dataCloseSeconds: number;
  /** Length of the remainder counted in the last interval (0 when the span divides evenly), seconds. */
  readonly foldedSeconds: number;
  /** Share of all calls in that remainder. */
  readonly foldedShare: number;
  /** Daily totals, in date order. */
  readonly dailyTotals: readonly { readonly date: string; readonly weekday: Weekday; readonly total: number }[];
  /** Plain mean, minimum and maximum of the daily totals. */
  readonly meanPerDay: number;
  readonly minPerDay: number;
  readonly maxPerDay: number;
  /** √mean(1/m_w): the day-to-day cv that Poisson variation alone would give. */
  readonly poissonCv: number;
  /** Degrees of freedom of the overdispersion estimate (days − weekdays); 0 means it could not be estimated. */
  readonly overdispersionDegreesOfFreedom: number;
  /** Weekdays with data that do not form one run of consecutive days (then the calendar simulates one day). */
  readonly weekdaysContiguous: boolean;
}

export interface DemandEstimate {
  readonly calendar: Calendar;
  readonly demand: {
    readonly casesPerDay: number;
    /** Share of the day's calls per interval (sums to 1). */
    readonly intradayProfile: readonly number[];
    /** Mean 1 over the weekdays present. */
    readonly dayFactors: Readonly<Partial<Record<Weekday, number>>>;
    readonly overdispersionCv: number;
  };
  readonly report: DemandImportReport;
}

/** At most this many issues are listed; the rest are counted in one closing issue. */
const MAX_LISTED_ISSUES = 25;

interface Timestamp {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** Days since 1970-01-01 (for order and weekday). */
  readonly dayNumber: number;
  readonly secondsOfDay: number;
}

type TimestampParser = (text: string) => Timestamp | null;

interface Row {
  readonly line: number;
  readonly time: Timestamp;
  readonly count: number;
}

/**
 * Estimates the `calendar` and `demand` sections from interval counts.
 *
 * @throws InputError listing every malformed row and missing slot (with line numbers), a column that cannot be
 *   found, or an interval length that does not fit the data (code `interval_not_multiple`)
 * @example estimateDemand('DateTime,Calls\n2003-03-03T07:00:00Z,111\n…', { intervalMinutes: 30 }).demand.casesPerDay
 */
export function estimateDemand(text: string, options: DemandEstimateOptions): DemandEstimate {
  if (!Number.isInteger(options.intervalMinutes) || options.intervalMinutes < 1) {
    throw new InputError([{ path: '', code: 'bad_interval', message: `the interval length must be a whole number of minutes ≥ 1 (got ${options.intervalMinutes})` }]);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) throw new InputError([{ path: '', code: 'empty', message: 'the file is empty: expected a header row and interval counts' }]);
  const headerLine = lines[headerIndex] as string;
  const delimiter = detectDelimiter(headerLine);
  const headerFields = splitCsvLine(headerLine, delimiter);
  if (headerFields === null) throw new InputError([{ line: headerIndex + 1, path: '', code: 'malformed_row', message: 'header: unbalanced quotes' }]);
  const header = headerFields.map((name) => name.trim());
  const data: { line: number; fields: string[] | null }[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '') continue;
    data.push({ line: i + 1, fields: splitCsvLine(raw, delimiter) });
  }
  if (data.length === 0) throw new InputError([{ line: headerIndex + 1, path: '', code: 'no_rows', message: 'no data rows after the header' }]);

  const firstValues = (column: number): string[] =>
    data
      .slice(0, 50)
      .map((row) => row.fields?.[column]?.trim() ?? '')
      .filter((value) => value !== '');
  const givenFormat = options.timestampFormat === undefined ? undefined : options.timestampFormat.trim().toLowerCase() === 'iso' ? ISO : patternFormat(options.timestampFormat);
  const timestampColumn = chooseTimestampColumn(header, options.timestampColumn, firstValues, givenFormat === undefined ? DETECTABLE_FORMATS : [givenFormat]);
  const countColumn = chooseCountColumn(header, timestampColumn, options.countColumn, firstValues);
  const stamps = data.map((row) => row.fields?.[timestampColumn]?.trim() ?? '');
  const format = givenFormat ?? detectFormat(stamps.filter((s) => s !== ''), header[timestampColumn] as string);

  const issues: InputIssue[] = [];
  const rows: Row[] = [];
  const timestampName = header[timestampColumn] as string;
  const countName = header[countColumn] as string;
  for (const { line, fields } of data) {
    if (fields === null) {
      issues.push({ line, path: '', code: 'malformed_row', message: 'unbalanced quotes' });
      continue;
    }
    if (fields.length !== header.length) {
      issues.push({ line, path: '', code: 'malformed_row', message: `expected ${header.length} fields (${header.join(', ')}), got ${fields.length}` });
      continue;
    }
    const stampText = (fields[timestampColumn] as string).trim();
    const time = format.parse(stampText);
    if (time === null) {
      issues.push({ line, path: '', code: 'bad_timestamp', message: `${timestampName}: cannot read ${JSON.stringify(stampText)} as a timestamp (${format.describe})` });
    }
    const countText = (fields[countColumn] as string).trim();
    const count = /^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(countText) ? Number(countText) : Number.NaN;
    if (!Number.isFinite(count)) {
      issues.push({ line, path: '', code: 'bad_count', message: `${countName}: expected a count ≥ 0 (got ${countText === '' ? 'nothing' : JSON.stringify(countText)})` });
    }
    if (time !== null && Number.isFinite(count)) rows.push({ line, time, count });
  }

  // Row problems, duplicates and times off the grid are reported together; missing intervals only after them
  // (a malformed row's interval would otherwise be reported twice).
  return estimateFromRows(rows, issues, options.intervalMinutes * 60, {
    delimiter,
    timestampColumn: timestampName,
    countColumn: countName,
    timestampFormat: format.name,
  });
}

function throwIfAny(issues: readonly InputIssue[]): void {
  if (issues.length === 0) return;
  const listed = [...issues].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)).slice(0, MAX_LISTED_ISSUES);
  if (issues.length > MAX_LISTED_ISSUES) {
    listed.push({ path: '', code: 'more_problems', message: `… and ${issues.length - MAX_LISTED_ISSUES} more problems` });
  }
  throw new InputError(listed);
}

// ------------------------------------------------------------------------------------------------ the estimate

function estimateFromRows(
  rows: readonly Row[],
  issues: InputIssue[],
  binSeconds: number,
  source: { delimiter: string; timestampColumn: string; countColumn: string; timestampFormat: string },
): DemandEstimate {
  // Days, and duplicates within a day.
  const byDate = new Map<string, Map<number, Row>>();
  for (const row of rows) {
    const day = byDate.get(row.time.date) ?? new Map<number, Row>();
    const earlier = day.get(row.time.secondsOfDay);
    if (earlier !== undefined) {
      issues.push({ line: row.line, path: '', code: 'duplicate', message: `${row.time.date} ${clock(row.time.secondsOfDay)} appears again (first on line ${earlier.line})` });
      continue;
    }
    day.set(row.time.secondsOfDay, row);
    byDate.set(row.time.date, day);
  }

  // The data's slot length: the most common gap between consecutive times of a day; its grid: the most common phase.
  const gaps = new Map<number, number>();
  for (const day of byDate.values()) {
    const times = [...day.keys()].sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) {
      const gap = (times[i] as number) - (times[i - 1] as number);
      gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
    }
  }
  if (gaps.size === 0) {
    throwIfAny(issues);
    throw new InputError([{ path: '', code: 'one_row_per_day', message: 'every day has a single row: at least two rows per day are needed to tell the interval length' }]);
  }
  const slot = mostCommon(gaps);
  const phases = new Map<number, number>();
  for (const row of rows) phases.set(row.time.secondsOfDay % slot, (phases.get(row.time.secondsOfDay % slot) ?? 0) + 1);
  const phase = mostCommon(phases);
  for (const row of rows) {
    if (row.time.secondsOfDay % slot !== phase) {
      issues.push({
        line: row.line,
        path: '',
        code: 'off_grid',
        message: `${clock(row.time.secondsOfDay)} is not on the ${describeDuration(slot)} grid of the other rows (${clock(phase)}, ${clock(phase + slot)}, …)`,
      });
    }
  }
  throwIfAny(issues);

  const allTimes = rows.map((row) => row.time.secondsOfDay);
  const dataOpen = Math.min(...allTimes);
  const dataClose = Math.max(...allTimes) + slot;
  const slotsPerDay = (dataClose - dataOpen) / slot;
  const dates = [...byDate.keys()].sort();
  // Every slot of the span, every day.
  for (const date of dates) {
    const day = byDate.get(date) as Map<number, Row>;
    const missing: string[] = [];
    for (let j = 0; j < slotsPerDay; j++) if (!day.has(dataOpen + j * slot)) missing.push(clock(dataOpen + j * slot));
    if (missing.length > 0) {
      const shown = missing.length > 6 ? `${missing.slice(0, 6).join(', ')}, …` : missing.join(', ');
      issues.push({
        path: '',
        code: 'missing_interval',
        message:
          `${date}: no row for ${shown} (${missing.length} of the ${slotsPerDay} ${describeDuration(slot)} intervals from ` +
          `${clock(dataOpen)} to ${clock(dataClose)}); add them with a count of 0 if the centre was closed or had no calls`,
      });
    }
  }
  throwIfAny(issues);

  if (dataOpen % 60 !== 0 || slot % 60 !== 0) {
    throw new InputError([{ path: '', code: 'not_whole_minutes', message: `the data's intervals (${describeDuration(slot)} from ${clock(dataOpen)}) are not whole minutes` }]);
  }
  if (binSeconds % slot !== 0) {
    const examples = [15, 30, 60].filter((m) => (m * 60) % slot === 0);
    throw new InputError([
      {
        path: '',
        code: 'interval_not_multiple',
        message:
          `an interval of ${binSeconds / 60} minutes is not a multiple of the data's ${describeDuration(slot)} interval` +
          (examples.length > 0 ? `; choose e.g. ${examples.join(', ')}` : ''),
      },
    ]);
  }
  const intervalsPerDay = Math.floor((dataClose - dataOpen) / binSeconds);
  if (intervalsPerDay < 1) {
    throw new InputError([
      { path: '', code: 'day_too_short', message: `the data's day (${clock(dataOpen)}–${clock(dataClose)}) is shorter than one ${binSeconds / 60}-minute interval` },
    ]);
  }
  const close = dataOpen + intervalsPerDay * binSeconds;

  // Re-bin: slot j goes to interval ⌊j·slot/bin⌋, the remainder to the last interval.
  const binOf = (j: number): number => Math.min(Math.floor((j * slot) / binSeconds), intervalsPerDay - 1);
  const dayBins: number[][] = [];
  const dailyTotals: { date: string; weekday: Weekday; total: number }[] = [];
  let foldedCalls = 0;
  for (const date of dates) {
    const day = byDate.get(date) as Map<number, Row>;
    const bins = new Array<number>(intervalsPerDay).fill(0);
    let total = 0;
    for (let j = 0; j < slotsPerDay; j++) {
      const count = (day.get(dataOpen + j * slot) as Row).count;
      bins[binOf(j)] = (bins[binOf(j)] as number) + count;
      total += count;
      if (dataOpen + j * slot >= close) foldedCalls += count;
    }
    dayBins.push(bins);
    const anyRow = day.values().next().value as Row;
    dailyTotals.push({ date, weekday: weekdayOfDayNumber(anyRow.time.dayNumber), total });
  }
  const grandTotal = dailyTotals.reduce((sum, day) => sum + day.total, 0);

  // Weekday means and factors.
  const byWeekday = new Map<Weekday, number[]>();
  for (const day of dailyTotals) byWeekday.set(day.weekday, [...(byWeekday.get(day.weekday) ?? []), day.total]);
  const weekdays = WEEKDAYS.filter((weekday) => byWeekday.has(weekday));
  const weekdayMean = new Map<Weekday, number>(weekdays.map((weekday) => [weekday, mean(byWeekday.get(weekday) as number[])]));
  const casesPerDay = mean(weekdays.map((weekday) => weekdayMean.get(weekday) as number));
  const dayFactors: Partial<Record<Weekday, number>> = {};
  for (const weekday of weekdays) dayFactors[weekday] = casesPerDay > 0 ? (weekdayMean.get(weekday) as number) / casesPerDay : 1;

  // Intraday profile: pooled shares.
  const intradayProfile = Array.from({ length: intervalsPerDay }, (_, i) =>
    grandTotal > 0 ? dayBins.reduce((sum, bins) => sum + (bins[i] as number), 0) / grandTotal : 1 / intervalsPerDay,
  );

  // Overdispersion: method of moments on r_d = N_d / m_w (days of weekdays with a positive mean).
  const usable = dailyTotals.filter((day) => (weekdayMean.get(day.weekday) as number) > 0);
  const groups = new Set(usable.map((day) => day.weekday)).size;
  const degreesOfFreedom = Math.max(0, usable.length - groups);
  let overdispersionCv = 0;
  let poissonVariance = 0;
  if (usable.length > 0) poissonVariance = mean(usable.map((day) => 1 / (weekdayMean.get(day.weekday) as number)));
  if (degreesOfFreedom > 0) {
    const sumSquares = usable.reduce((sum, day) => sum + (day.total / (weekdayMean.get(day.weekday) as number) - 1) ** 2, 0);
    overdispersionCv = Math.sqrt(Math.max(0, sumSquares / degreesOfFreedom - poissonVariance));
  }

  const run = weekdayRun(weekdays);
  const daysPerWeekday: Partial<Record<Weekday, number>> = {};
  for (const weekday of weekdays) daysPerWeekday[weekday] = (byWeekday.get(weekday) as number[]).length;
  const totals = dailyTotals.map((day) => day.total);
  return {
    calendar: {
      days: run === null ? 1 : run.days,
      startWeekday: run === null ? (weekdays[0] as Weekday) : run.start,
      openSeconds: dataOpen,
      closeSeconds: close,
      intervalSeconds: binSeconds,
      intervalsPerDay,
    },
    demand: { casesPerDay, intradayProfile, dayFactors, overdispersionCv },
    report: {
      rows: rows.length,
      ...source,
      days: dates.length,
      firstDate: dates[0] as string,
      lastDate: dates[dates.length - 1] as string,
      daysPerWeekday,
      dataIntervalSeconds: slot,
      dataOpenSeconds: dataOpen,
      dataCloseSeconds: dataClose,
      foldedSeconds: dataClose - close,
      foldedShare: grandTotal > 0 ? foldedCalls / grandTotal : 0,
      dailyTotals,
      meanPerDay: mean(totals),
      minPerDay: Math.min(...totals),
      maxPerDay: Math.max(...totals),
      poissonCv: Math.sqrt(poissonVariance),
      overdispersionDegreesOfFreedom: degreesOfFreedom,
      weekdaysContiguous: run !== null,
    },
  };
}

/** The weekdays as one run of consecutive days (cyclically: sat, sun, mon is a run from sat), or null. */
function weekdayRun(weekdays: readonly Weekday[]): { start: Weekday; days: number } | null {
  if (weekdays.length === 0) return null;
  if (weekdays.length === 7) return { start: 'mon', days: 7 };
  const present = new Set(weekdays);
  // The run starts at a present weekday whose predecessor is absent.
  const starts = WEEKDAYS.filter((weekday, i) => present.has(weekday) && !present.has(WEEKDAYS[(i + 6) % 7] as Weekday));
  if (starts.length !== 1) return null;
  return { start: starts[0] as Weekday, days: weekdays.length };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function mostCommon(counts: ReadonlyMap<number, number>): number {
  let best = Number.NaN;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** "HH:MM" (or "HH:MM:SS" off the minute) of seconds after midnight. */
function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const hm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return s === 0 ? hm : `${hm}:${String(s).padStart(2, '0')}`;
}

function describeDuration(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60}-minute` : `${seconds}-second`;
}

function weekdayOfDayNumber(dayNumber: number): Weekday {
  // 1970-01-01 was a Thursday.
  return WEEKDAYS[(((dayNumber + 3) % 7) + 7) % 7] as Weekday;
}

// ------------------------------------------------------------------------------------------------ CSV

/** The most frequent of comma, semicolon and tab outside quotes in the header (comma when none occurs). */
function detectDelimiter(header: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = (splitCsvLine(header, candidate) ?? []).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** One CSV line's fields (RFC 4180 quoting, within the line); null for unbalanced quotes. */
function splitCsvLine(line: string, delimiter: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

// ------------------------------------------------------------------------------------------------ columns

const TIMESTAMP_NAME = /date|time|stamp|period|interval|start/i;

/** At least half of the values pass: a column is recognised even when a few of its rows are malformed (those are reported). */
function mostly(values: readonly string[], test: (value: string) => boolean): boolean {
  return values.filter(test).length * 2 >= values.length;
}
const COUNT_NAME = /call|count|volume|offered|arrival|contact|^n$/i;
const NOT_DATA_NAME = /^(rownames|row|rownumber|index|id|#|)$/i;

function columnIndex(header: readonly string[], name: string, flag: string): number {
  let index = header.indexOf(name);
  if (index < 0) index = header.findIndex((column) => column.toLowerCase() === name.toLowerCase());
  if (index < 0) {
    throw new InputError([{ line: 1, path: '', code: 'unknown_column', message: `${flag}: no column named ${JSON.stringify(name)}; the columns are ${header.map((c) => JSON.stringify(c)).join(', ')}` }]);
  }
  return index;
}

function chooseTimestampColumn(
  header: readonly string[],
  given: string | undefined,
  valuesOf: (column: number) => string[],
  formats: readonly TimestampFormat[],
): number {
  if (given !== undefined) return columnIndex(header, given, 'timestamp column');
  const parses = (column: number): boolean => {
    const values = valuesOf(column);
    return values.length > 0 && formats.some((format) => mostly(values, (value) => format.parse(value) !== null));
  };
  const named = header.map((_, i) => i).filter((i) => TIMESTAMP_NAME.test(header[i] as string) && parses(i));
  const any = header.map((_, i) => i).filter(parses);
  const chosen = named[0] ?? any[0];
  if (chosen === undefined) {
    throw new InputError([
      {
        line: 1,
        path: '',
        code: 'no_timestamp_column',
        message: `no column holds timestamps in a known form (columns ${header.map((c) => JSON.stringify(c)).join(', ')}); name it with the timestamp column option and give the timestamp format`,
      },
    ]);
  }
  return chosen;
}

function chooseCountColumn(header: readonly string[], timestampColumn: number, given: string | undefined, valuesOf: (column: number) => string[]): number {
  if (given !== undefined) {
    const index = columnIndex(header, given, 'count column');
    if (index === timestampColumn) throw new InputError([{ line: 1, path: '', code: 'same_column', message: `the count column ${JSON.stringify(given)} is the timestamp column` }]);
    return index;
  }
  const numeric = header
    .map((_, i) => i)
    .filter((i) => i !== timestampColumn && !NOT_DATA_NAME.test((header[i] as string).trim()))
    .filter((i) => {
      const values = valuesOf(i);
      return values.length > 0 && mostly(values, (value) => Number.isFinite(Number(value)));
    });
  const named = numeric.filter((i) => COUNT_NAME.test(header[i] as string));
  if (named.length === 1) return named[0] as number;
  if (named.length === 0 && numeric.length === 1) return numeric[0] as number;
  const candidates = (named.length > 1 ? named : numeric).map((i) => JSON.stringify(header[i]));
  throw new InputError([
    {
      line: 1,
      path: '',
      code: 'no_count_column',
      message:
        candidates.length === 0
          ? `no column other than the timestamps holds numbers (columns ${header.map((c) => JSON.stringify(c)).join(', ')})`
          : `cannot tell which column holds the counts (${candidates.join(' or ')}); name it with the count column option`,
    },
  ]);
}

// ------------------------------------------------------------------------------------------------ timestamps

interface TimestampFormat {
  readonly name: string;
  /** What the format expects, for messages. */
  readonly describe: string;
  readonly parse: TimestampParser;
}

const ZONE_SUFFIX = String.raw`\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?`;

const ISO: TimestampFormat = {
  name: 'iso',
  describe: 'format iso: YYYY-MM-DD HH:MM[:SS] or YYYY-MM-DDTHH:MM[:SS], a zone suffix is ignored (local clock time)',
  parse: compileRegex(new RegExp(String.raw`^(?<Y>\d{4})-(?<M>\d{1,2})-(?<D>\d{1,2})[T ](?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?${ZONE_SUFFIX}$`, 'i')),
};

/** The forms tried when no format is given, in order; day-first and month-first are told apart by the data. */
const DETECTABLE_FORMATS: readonly TimestampFormat[] = [
  ISO,
  patternFormat('DD/MM/YYYY HH:mm'),
  patternFormat('MM/DD/YYYY HH:mm'),
  patternFormat('YYYY/MM/DD HH:mm'),
  patternFormat('DD.MM.YYYY HH:mm'),
  patternFormat('DD-MM-YYYY HH:mm'),
];

function detectFormat(stamps: readonly string[], column: string): TimestampFormat {
  const scored = DETECTABLE_FORMATS.map((format) => ({ format, parsed: stamps.filter((stamp) => format.parse(stamp) !== null).length }));
  const complete = scored.filter((s) => s.parsed === stamps.length);
  if (complete.length > 1 && complete[0]?.format !== ISO) {
    // Day-first and month-first both fit (no day above 12): the order of the dates cannot tell.
    throw new InputError([
      {
        path: '',
        code: 'ambiguous_timestamps',
        message: `${column}: the timestamps fit ${complete.map((s) => s.format.name).join(' and ')}; give the timestamp format`,
      },
    ]);
  }
  if (complete.length > 0) return (complete[0] as (typeof complete)[number]).format;
  const best = [...scored].sort((a, b) => b.parsed - a.parsed)[0] as (typeof scored)[number];
  if (best.parsed === 0) {
    throw new InputError([
      {
        path: '',
        code: 'unknown_timestamp_format',
        message: `${column}: cannot read timestamps such as ${JSON.stringify(stamps[0] ?? '')}; give the timestamp format (iso, or a pattern such as "DD/MM/YYYY HH:mm")`,
      },
    ]);
  }
  // The best-fitting form; the rows it cannot read are reported one by one.
  return best.format;
}

/**
 * A pattern of YYYY (4 digits), MM, DD, HH (1–2 digits), mm, ss (2 digits) and literal characters; seconds may follow
 * the minutes even when the pattern has none, and a zone suffix is ignored.
 * @example patternFormat('DD/MM/YYYY HH:mm').parse('03/04/2003 07:05')?.date // '2003-04-03'
 */
export function patternFormat(pattern: string): TimestampFormat {
  const tokens: Record<string, string> = { YYYY: String.raw`(?<Y>\d{4})`, MM: String.raw`(?<M>\d{1,2})`, DD: String.raw`(?<D>\d{1,2})`, HH: String.raw`(?<h>\d{1,2})`, mm: String.raw`(?<m>\d{2})`, ss: String.raw`(?<s>\d{2})` };
  let source = '';
  const seen = new Set<string>();
  for (let i = 0; i < pattern.length; ) {
    const token = Object.keys(tokens).find((t) => pattern.startsWith(t, i));
    if (token !== undefined) {
      if (seen.has(token)) throw new InputError([{ path: '', code: 'bad_timestamp_format', message: `timestamp format ${JSON.stringify(pattern)}: ${token} appears twice` }]);
      seen.add(token);
      source += tokens[token];
      i += token.length;
    } else {
      source += (pattern[i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, String.raw`\s+`);
      i++;
    }
  }
  const missing = ['YYYY', 'MM', 'DD', 'HH', 'mm'].filter((token) => !seen.has(token));
  if (missing.length > 0) {
    throw new InputError([
      { path: '', code: 'bad_timestamp_format', message: `timestamp format ${JSON.stringify(pattern)}: missing ${missing.join(', ')} (use YYYY, MM, DD, HH, mm and optionally ss)` },
    ]);
  }
  const seconds = seen.has('ss') ? '' : String.raw`(?::(?<s>\d{2}))?`;
  return {
    name: pattern,
    describe: `format ${JSON.stringify(pattern)}`,
    parse: compileRegex(new RegExp(`^${source}${seconds}${ZONE_SUFFIX}$`, 'i')),
  };
}

function compileRegex(regex: RegExp): TimestampParser {
  return (text) => {
    const groups = regex.exec(text)?.groups;
    if (groups === undefined) return null;
    const year = Number(groups['Y']);
    const month = Number(groups['M']);
    const day = Number(groups['D']);
    const hour = Number(groups['h']);
    const minute = Number(groups['m']);
    const second = groups['s'] === undefined ? 0 : Number(groups['s']);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
    return {
      date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      dayNumber: daysFromCivil(year, month, day),
      secondsOfDay: hour * 3600 + minute * 60 + second,
    };
  };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil; no Date object needed). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
