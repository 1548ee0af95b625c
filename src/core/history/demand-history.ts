/**
 * Demand from history: interval counts (a delimited file of timestamp + count rows, as ACD and telephony systems
 * export them) → the `calendar` and `demand` sections of a scenario, and `handling.handleTime`'s mean when the file
 * has an average-handle-time column. Pure: lines in (one at a time, so a file of millions of rows is read with
 * bounded memory), estimate out; the CLI (`staffsim import`) reads the file and prints.
 *
 * The file: a header row, then one row per interval. The time of a row is one timestamp column, or a date column and
 * a time column (the time may be an interval such as `08:00-08:15`, of which the start counts). Separators: comma,
 * semicolon or tab (detected); with semicolons or tabs a decimal comma is read too (`245,3`). Dates: ISO, day-first
 * or month-first (detected from the data; ambiguous dates need the format).
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
 *   factor_w = m_w exactly (the plain mean over days would weight weekdays by how often they occur in the data). A
 *   factor that rests on fewer than four days is listed in `report.thinWeekdays`.
 * - **intradayProfile**: the pooled share of each interval, Σ_d N_{d,i} / Σ_d N_d (weights; the scenario normalises).
 * - **overdispersion** (the cv of the gamma day multiplier G of SPEC §3, N_d | G ~ Poisson(m_w·G)), by the method of
 *   moments on daily totals after removing the weekday effect: r_d = N_d / m_{w(d)} has mean 1 and variance
 *   1/m_w + cv², so
 *       cv² = max(0, s²_r − mean_d(1/m_{w(d)})),   s²_r = Σ_d (r_d − 1)² / (D − K)
 *   with K the number of weekdays (D − K degrees of freedom, since each m_w is estimated). For one weekday this is
 *   the textbook (var − mean)/mean² of the daily totals. Trends and seasons across the period count as day-to-day
 *   variation, so this is an upper estimate for a stationary forecast.
 * - **mean handle time** (with an AHT column): the mean of the column weighted by each row's count,
 *   Σ N_{d,j} · AHT_{d,j} / Σ N_{d,j} over the rows with a value and at least one call.
 *
 * The counts are *calls*: redials and repeat contacts are in them. This module takes them as they are; the CLI says
 * so and can turn them into first contacts with a scenario's behaviour (`--calls-are attempts`).
 *
 * Rows are never skipped silently: a malformed row (wrong number of fields, a timestamp, count or handle time that
 * cannot be read or is out of range, a duplicate, a time off the grid) and a missing slot inside the day's span are
 * reported with their line number, all at once (the first 25 listed), as an InputError.
 */
import { InputError, type InputIssue } from '../errors.js';
import { WEEKDAYS, type Calendar, type Weekday } from '../model/contact-centre-model.js';
import { detectDelimiter, parseDecimal, splitCsvLine } from './csv-fields.js';
import {
  DETECTABLE_FORMATS,
  DETECTABLE_SPLIT_FORMATS,
  ISO,
  civilFromDays,
  datePatternFormat,
  isDateOnly,
  patternFormat,
  timeOfDayStart,
  type Timestamp,
  type TimestampFormat,
} from './timestamps.js';

export interface DemandHistoryOptions {
  /** Length of a scenario interval, minutes: a multiple of the data's interval. */
  readonly intervalMinutes: number;
  /** Header of the timestamp column; default: detected (a column named like date/time whose values parse). */
  readonly timestampColumn?: string;
  /** Headers of a date column and a time column, instead of one timestamp column (give both). */
  readonly dateColumn?: string;
  readonly timeColumn?: string;
  /** Header of the count column; default: detected (a column named like calls/count/volume, or the one numeric column). */
  readonly countColumn?: string;
  /** Header of an average-handle-time column; default: detected by its name (AHT, handle time). */
  readonly ahtColumn?: string;
  /** Unit of plain numbers in the AHT column (`m:ss` and `h:mm:ss` are read as durations); default: from its header, else seconds. */
  readonly ahtUnit?: 'seconds' | 'minutes';
  /**
   * `iso` (YYYY-MM-DD[T ]HH:MM[:SS], any zone suffix ignored) or a pattern of YYYY, MM, DD, HH, mm, ss and literal
   * characters, e.g. `DD/MM/YYYY HH:mm`; default: detected among iso and common day-first and month-first forms.
   */
  readonly timestampFormat?: string;
  /** With a date column: a pattern of YYYY, MM and DD, e.g. `DD.MM.YYYY` (or `timestampFormat` for the date and the time joined by a space); default: detected. */
  readonly dateFormat?: string;
}

/** What an import accepts (documented in the README, "Reliability"). */
export const HISTORY_LIMITS = {
  /** Data rows: ten years of one-minute counts around the clock (5,259,600) fit. */
  rows: 6_000_000,
  /** Calls in one row. */
  countPerRow: 10_000_000,
  /** A handle time, seconds (a day). */
  handleSeconds: 86_400,
} as const;

/** What the import found, for its report. */
export interface DemandImportReport {
  readonly rows: number;
  readonly delimiter: string;
  /** The timestamp column, or null when the time is in a date column and a time column. */
  readonly timestampColumn: string | null;
  readonly dateColumn: string | null;
  readonly timeColumn: string | null;
  readonly countColumn: string;
  readonly timestampFormat: string;
  readonly days: number;
  readonly firstDate: string;
  readonly lastDate: string;
  /** Days per weekday, in week order (weekdays with data only). */
  readonly daysPerWeekday: Readonly<Partial<Record<Weekday, number>>>;
  /** Weekdays whose factor rests on fewer than four days, in week order. */
  readonly thinWeekdays: readonly Weekday[];
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
  /** The AHT column and how it was read, or null without one. */
  readonly aht: { readonly column: string; readonly unit: 'seconds' | 'minutes'; readonly rows: number; readonly calls: number } | null;
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
  /** The call-weighted mean of the AHT column, seconds; null without one (or without calls that have a value). */
  readonly meanHandleSeconds: number | null;
  readonly report: DemandImportReport;
}

/** A reader fed one line at a time. */
export interface DemandHistory {
  /** The next line of the file, without its line break. */
  addLine(text: string): void;
  /**
   * The estimate of everything read.
   * @throws InputError listing every problem (with line numbers), a column that cannot be found, or an interval
   *   length that does not fit the data (code `interval_not_multiple` or `day_too_short`)
   */
  finish(): DemandEstimate;
}

/** At most this many issues are listed; the rest are counted in one closing issue. */
const MAX_LISTED_ISSUES = 25;
/** At most this many issues are kept while reading (all are counted). */
const MAX_KEPT_ISSUES = 1_000;
/** Rows read before the columns and the timestamp format are chosen. */
const DETECTION_ROWS = 50;
/** Rows read at most while day-first and month-first dates both fit (a month and a half of 5-minute rows, 07:00–21:00). */
const MAX_DETECTION_ROWS = 8_192;
/** A weekday factor that rests on fewer days than this is flagged. */
export const MIN_DAYS_PER_WEEKDAY = 4;

const TIMESTAMP_NAME = /date|time|stamp|period|interval|start|datum|tid/i;
const DATE_NAME = /date|datum|day|dag/i;
const TIME_NAME = /time|interval|start|period|hour|tid|klock/i;
const COUNT_NAME = /call|count|volume|offered|arrival|contact|^n$|samtal|antal|inkommande|erbjudna/i;
const AHT_NAME = /^(avg\.?\s*|average\s*|mean\s*)?(aht|handle\s*time|handling\s*time|hanteringstid)\b/i;
const NOT_DATA_NAME = /^(rownames|row|rownumber|index|id|#|)$/i;

/**
 * Estimates the sections from the whole text of a file (a convenience over `demandHistory`, for tests and small files).
 * @example estimateDemand('DateTime,Calls\n2003-03-03T07:00:00Z,111\n…', { intervalMinutes: 30 }).demand.casesPerDay
 */
export function estimateDemand(text: string, options: DemandHistoryOptions): DemandEstimate {
  const history = demandHistory(options);
  // Lines may end in \n, \r\n or a lone \r (classic Mac OS), as `forEachLine` reads them from a file.
  for (const line of text.split(/\r\n?|\n/)) history.addLine(line);
  return history.finish();
}

/**
 * A reader of interval counts, fed line by line. Memory: about 30 bytes per data row (ten years of five-minute counts
 * take 30 MB), and nothing per line of text.
 * @example const h = demandHistory({ intervalMinutes: 30 }); for (const line of lines) h.addLine(line); h.finish()
 */
export function demandHistory(options: DemandHistoryOptions): DemandHistory {
  if (!Number.isInteger(options.intervalMinutes) || options.intervalMinutes < 1) {
    throw new InputError([{ path: '', code: 'bad_interval', message: `the interval length must be a whole number of minutes ≥ 1 (got ${options.intervalMinutes})` }]);
  }
  if ((options.dateColumn === undefined) !== (options.timeColumn === undefined)) {
    throw new InputError([{ path: '', code: 'date_without_time', message: 'a date column needs a time column, and a time column a date column: give both' }]);
  }
  const issues = issueList();
  let rows: RowStore | null = null;
  let lineNumber = 0;
  let header: { line: number; names: string[]; delimiter: string } | null = null;
  let columns: Columns | null = null;
  const waiting: { line: number; fields: string[] | null }[] = [];

  const readRow = (line: number, fields: string[] | null): void => {
    const chosen = columns as Columns;
    const names = (header as NonNullable<typeof header>).names;
    if (fields === null) return issues.add({ line, path: '', code: 'malformed_row', message: 'unbalanced quotes' });
    if (fields.length !== names.length) {
      return issues.add({ line, path: '', code: 'malformed_row', message: `expected ${names.length} fields (${names.join(', ')}), got ${fields.length}` });
    }
    const stampText = chosen.stampOf(fields);
    const time = stampText === null ? null : chosen.format.parse(stampText);
    if (time === null) {
      issues.add({ line, path: '', code: 'bad_timestamp', message: `${chosen.timeName}: cannot read ${JSON.stringify(chosen.rawStampOf(fields))} as a timestamp (${chosen.format.describe})` });
    }
    const countText = (fields[chosen.count] as string).trim();
    const count = parseDecimal(countText, chosen.decimalComma);
    const countOk = Number.isFinite(count) && count <= HISTORY_LIMITS.countPerRow;
    if (!countOk) {
      const shown = countText === '' ? 'nothing' : JSON.stringify(countText);
      const range = Number.isFinite(count) ? ` and ≤ ${HISTORY_LIMITS.countPerRow.toLocaleString('en-US')}` : '';
      issues.add({ line, path: '', code: 'bad_count', message: `${chosen.countName}: expected a count ≥ 0${range} (got ${shown})` });
    }
    let aht = Number.NaN;
    if (chosen.aht !== null) {
      const ahtText = (fields[chosen.aht.column] as string).trim();
      if (ahtText !== '') {
        aht = parseDuration(ahtText, chosen.aht.unit, chosen.decimalComma);
        if (!(aht >= 0 && aht <= HISTORY_LIMITS.handleSeconds)) {
          issues.add({ line, path: '', code: 'bad_aht', message: `${chosen.aht.name}: expected a handle time of 0 to 24 hours in ${chosen.aht.unit}, m:ss or h:mm:ss (got ${JSON.stringify(ahtText)})` });
          return;
        }
      }
    }
    if (time !== null && countOk) (rows as RowStore).add(line, time, count, aht, issues);
  };

  // Day-first and month-first dates can only be told apart by a day above 12, which may come weeks into the file: while
  // the first rows fit both, more are read (up to MAX_DETECTION_ROWS) before asking for the format.
  let nextAttempt = DETECTION_ROWS;
  const tryToChooseColumns = (): void => {
    try {
      chooseColumns();
    } catch (error) {
      const ambiguous = error instanceof InputError && error.issues[0]?.code === 'ambiguous_timestamps';
      if (!ambiguous || waiting.length >= MAX_DETECTION_ROWS) throw error;
      nextAttempt = Math.min(MAX_DETECTION_ROWS, nextAttempt * 2);
    }
  };
  const chooseColumns = (): void => {
    const { names, delimiter, line } = header as NonNullable<typeof header>;
    columns = resolveColumns(names, delimiter, line, waiting, options);
    rows = rowStore(columns.aht !== null);
    for (const row of waiting.splice(0)) readRow(row.line, row.fields);
  };

  return {
    addLine(raw) {
      lineNumber++;
      const text = (lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '');
      if (text.trim() === '') return;
      if (header === null) {
        const delimiter = detectDelimiter(text);
        const names = splitCsvLine(text, delimiter);
        if (names === null) throw new InputError([{ line: lineNumber, path: '', code: 'malformed_row', message: 'header: unbalanced quotes' }]);
        header = { line: lineNumber, names: names.map((name) => name.trim()), delimiter };
        return;
      }
      const fields = splitCsvLine(text, header.delimiter);
      if (columns === null) {
        waiting.push({ line: lineNumber, fields });
        if (waiting.length >= nextAttempt) tryToChooseColumns();
        return;
      }
      readRow(lineNumber, fields);
    },
    finish() {
      if (header === null) throw new InputError([{ line: 1, path: '', code: 'empty', message: 'the file is empty: expected a header row and interval counts' }]);
      const { line } = header as NonNullable<typeof header>;
      if (columns === null) {
        if (waiting.length === 0) throw new InputError([{ line, path: '', code: 'no_rows', message: 'no data rows after the header' }]);
        chooseColumns();
      }
      return estimate(rows as unknown as RowStore, issues, options.intervalMinutes * 60, columns as unknown as Columns, header as NonNullable<typeof header>);
    },
  };
}

// ------------------------------------------------------------------------------------------------ issues

interface IssueList {
  add(issue: InputIssue): void;
  /** Throws the issues found so far, if any: the first 25 by line, and how many more. */
  throwIfAny(): void;
}

function issueList(): IssueList {
  const kept: InputIssue[] = [];
  let count = 0;
  return {
    add(issue) {
      count++;
      if (kept.length < MAX_KEPT_ISSUES) kept.push(issue);
    },
    throwIfAny() {
      if (count === 0) return;
      const listed = [...kept].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)).slice(0, MAX_LISTED_ISSUES);
      if (count > MAX_LISTED_ISSUES) listed.push({ path: '', code: 'more_problems', message: `… and ${(count - MAX_LISTED_ISSUES).toLocaleString('en-US')} more problems` });
      throw new InputError(listed);
    },
  };
}

// ------------------------------------------------------------------------------------------------ rows

/** The rows read, in typed arrays that grow by doubling (about 30 bytes a row). */
interface RowStore {
  size: number;
  day: Int32Array;
  seconds: Int32Array;
  count: Float64Array;
  line: Int32Array;
  /** Handle time per row, seconds (NaN without a value); null without an AHT column. */
  aht: Float64Array | null;
  add(line: number, time: Timestamp, count: number, aht: number, issues: IssueList): void;
}

function rowStore(withAht: boolean): RowStore {
  let capacity = 4096;
  let full = false;
  const store: RowStore = {
    size: 0,
    day: new Int32Array(capacity),
    seconds: new Int32Array(capacity),
    count: new Float64Array(capacity),
    line: new Int32Array(capacity),
    aht: withAht ? new Float64Array(capacity) : null,
    add(line, time, count, aht, issues) {
      if (store.size >= HISTORY_LIMITS.rows) {
        if (!full) issues.add({ line, path: '', code: 'too_many_rows', message: `more than ${HISTORY_LIMITS.rows.toLocaleString('en-US')} data rows (ten years of one-minute counts around the clock); import a shorter period` });
        full = true;
        return;
      }
      if (store.size === capacity) {
        capacity *= 2;
        store.day = grown(store.day, new Int32Array(capacity));
        store.seconds = grown(store.seconds, new Int32Array(capacity));
        store.count = grown(store.count, new Float64Array(capacity));
        store.line = grown(store.line, new Int32Array(capacity));
        if (store.aht !== null) store.aht = grown(store.aht, new Float64Array(capacity));
      }
      const i = store.size++;
      store.day[i] = time.dayNumber;
      store.seconds[i] = time.secondsOfDay;
      store.count[i] = count;
      store.line[i] = line;
      if (store.aht !== null) store.aht[i] = aht;
    },
  };
  return store;
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

// ------------------------------------------------------------------------------------------------ columns

interface Columns {
  /** The timestamp of a row as parsed (date and time joined, the time reduced to its start), or null. */
  stampOf(fields: readonly string[]): string | null;
  /** The timestamp of a row as written, for messages. */
  rawStampOf(fields: readonly string[]): string;
  readonly timestampColumn: string | null;
  readonly dateColumn: string | null;
  readonly timeColumn: string | null;
  /** How the time columns are named in messages: `DateTime`, or `Date + Time`. */
  readonly timeName: string;
  readonly format: TimestampFormat;
  readonly count: number;
  readonly countName: string;
  readonly decimalComma: boolean;
  readonly aht: { readonly column: number; readonly name: string; readonly unit: 'seconds' | 'minutes' } | null;
  readonly delimiter: string;
}

/** At least half of the values pass: a column is recognised even when a few of its rows are malformed (those are reported). */
function mostly(values: readonly string[], test: (value: string) => boolean): boolean {
  return values.length > 0 && values.filter(test).length * 2 >= values.length;
}

function columnIndex(header: readonly string[], name: string, what: string, line: number): number {
  let index = header.indexOf(name);
  if (index < 0) index = header.findIndex((column) => column.toLowerCase() === name.toLowerCase());
  if (index < 0) {
    throw new InputError([{ line, path: '', code: 'unknown_column', message: `${what}: no column named ${JSON.stringify(name)}; the columns are ${header.map((c) => JSON.stringify(c)).join(', ')}` }]);
  }
  return index;
}

/** Chooses the time, count and AHT columns and the timestamp format from the header and the first rows. */
function resolveColumns(
  header: readonly string[],
  delimiter: string,
  headerLine: number,
  sample: readonly { fields: string[] | null }[],
  options: DemandHistoryOptions,
): Columns {
  const valuesOf = (column: number): string[] => sample.map((row) => row.fields?.[column]?.trim() ?? '').filter((value) => value !== '');
  const decimalComma = delimiter !== ',';
  const indices = header.map((_, i) => i);

  // The time: one timestamp column, or a date column and a time column.
  let single: number | null = null;
  let split: { date: number; time: number } | null = null;
  if (options.dateColumn !== undefined && options.timeColumn !== undefined) {
    split = { date: columnIndex(header, options.dateColumn, 'date column', headerLine), time: columnIndex(header, options.timeColumn, 'time column', headerLine) };
  } else if (options.timestampColumn !== undefined) {
    single = columnIndex(header, options.timestampColumn, 'timestamp column', headerLine);
  } else {
    const singleFormats = options.timestampFormat === undefined ? DETECTABLE_FORMATS : [patternFormat(options.timestampFormat)];
    const parses = (column: number): boolean => singleFormats.some((format) => mostly(valuesOf(column), (value) => format.parse(value) !== null));
    single = indices.find((i) => TIMESTAMP_NAME.test(header[i] as string) && parses(i)) ?? indices.find(parses) ?? null;
    if (single === null) {
      const dates = indices.filter((i) => mostly(valuesOf(i), isDateOnly));
      const times = indices.filter((i) => !dates.includes(i) && mostly(valuesOf(i), (value) => timeOfDayStart(value) !== null));
      const date = dates.find((i) => DATE_NAME.test(header[i] as string)) ?? dates[0];
      const time = times.find((i) => TIME_NAME.test(header[i] as string)) ?? times[0];
      if (date !== undefined && time !== undefined) split = { date, time };
    }
    if (single === null && split === null) {
      throw new InputError([
        {
          line: headerLine,
          path: '',
          code: 'no_timestamp_column',
          message:
            `no column holds timestamps in a known form, nor a date column and a time column (columns ${header.map((c) => JSON.stringify(c)).join(', ')}); ` +
            'name them with the timestamp column option (or the date and time column options) and give the format',
        },
      ]);
    }
  }

  const stampOf = (fields: readonly string[]): string | null => {
    if (split === null) return (fields[single as number] ?? '').trim();
    const start = timeOfDayStart(fields[split.time] ?? '');
    return start === null ? null : `${(fields[split.date] ?? '').trim()} ${start}`;
  };
  const rawStampOf = (fields: readonly string[]): string =>
    split === null ? (fields[single as number] ?? '').trim() : `${(fields[split.date] ?? '').trim()} ${(fields[split.time] ?? '').trim()}`;
  const timeName = split === null ? (header[single as number] as string) : `${header[split.date] as string} + ${header[split.time] as string}`;
  const stamps = sample.flatMap((row) => (row.fields === null ? [] : [stampOf(row.fields)])).filter((stamp): stamp is string => stamp !== null && stamp !== '');
  const format =
    split === null
      ? options.timestampFormat === undefined
        ? detectFormat(stamps, DETECTABLE_FORMATS, timeName, headerLine)
        : patternFormat(options.timestampFormat)
      : options.dateFormat !== undefined
        ? datePatternFormat(options.dateFormat)
        : options.timestampFormat !== undefined
          ? patternFormat(options.timestampFormat) // of the date and the time joined by a space
          : detectFormat(stamps, DETECTABLE_SPLIT_FORMATS, timeName, headerLine);

  const timeColumns = split === null ? [single as number] : [split.date, split.time];
  const aht = chooseAhtColumn(header, timeColumns, headerLine, valuesOf, options);
  const count = chooseCountColumn(header, [...timeColumns, ...(aht === null ? [] : [aht.column])], headerLine, valuesOf, decimalComma, options.countColumn);
  return {
    stampOf,
    rawStampOf,
    timestampColumn: split === null ? (header[single as number] as string) : null,
    dateColumn: split === null ? null : (header[split.date] as string),
    timeColumn: split === null ? null : (header[split.time] as string),
    timeName,
    format,
    count,
    countName: header[count] as string,
    decimalComma,
    aht,
    delimiter,
  };
}

function chooseCountColumn(
  header: readonly string[],
  taken: readonly number[],
  headerLine: number,
  valuesOf: (column: number) => string[],
  decimalComma: boolean,
  given: string | undefined,
): number {
  if (given !== undefined) {
    const index = columnIndex(header, given, 'count column', headerLine);
    if (taken.includes(index)) throw new InputError([{ line: headerLine, path: '', code: 'same_column', message: `the count column ${JSON.stringify(given)} is also the time or handle-time column` }]);
    return index;
  }
  const numeric = header
    .map((_, i) => i)
    .filter((i) => !taken.includes(i) && !NOT_DATA_NAME.test((header[i] as string).trim()))
    .filter((i) => mostly(valuesOf(i), (value) => Number.isFinite(parseDecimal(value, decimalComma))));
  const named = numeric.filter((i) => COUNT_NAME.test(header[i] as string));
  if (named.length === 1) return named[0] as number;
  if (named.length === 0 && numeric.length === 1) return numeric[0] as number;
  const candidates = (named.length > 1 ? named : numeric).map((i) => JSON.stringify(header[i]));
  throw new InputError([
    {
      line: headerLine,
      path: '',
      code: 'no_count_column',
      message:
        candidates.length === 0
          ? `no column other than the times holds numbers (columns ${header.map((c) => JSON.stringify(c)).join(', ')})`
          : `cannot tell which column holds the counts (${candidates.join(' or ')}); name it with the count column option`,
    },
  ]);
}

/** The AHT column: the one given, or one named like AHT / handle time whose values are durations; null without one. */
function chooseAhtColumn(
  header: readonly string[],
  taken: readonly number[],
  headerLine: number,
  valuesOf: (column: number) => string[],
  options: DemandHistoryOptions,
): Columns['aht'] {
  let column: number | undefined;
  if (options.ahtColumn !== undefined) column = columnIndex(header, options.ahtColumn, 'AHT column', headerLine);
  else column = header.map((_, i) => i).find((i) => !taken.includes(i) && AHT_NAME.test((header[i] as string).trim()) && mostly(valuesOf(i), (v) => Number.isFinite(parseDuration(v, 'seconds', true))));
  if (column === undefined) return null;
  if (taken.includes(column)) throw new InputError([{ line: headerLine, path: '', code: 'same_column', message: `the AHT column ${JSON.stringify(header[column])} is also a time column` }]);
  const name = header[column] as string;
  const unit = options.ahtUnit ?? (/\bmin/i.test(name) ? 'minutes' : 'seconds');
  return { column, name, unit };
}

/**
 * A handle time in seconds: a number in `unit`, or a duration `m:ss` / `h:mm:ss`; NaN when it is neither.
 * @example parseDuration('4:05', 'seconds', false) // 245
 */
function parseDuration(text: string, unit: 'seconds' | 'minutes', decimalComma: boolean): number {
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (clock !== null) {
    const [first, second, third] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? null : Number(clock[3])];
    if (second > 59 || (third !== null && third > 59)) return Number.NaN;
    return third === null ? first * 60 + second : first * 3600 + second * 60 + third;
  }
  const value = parseDecimal(text, decimalComma);
  return unit === 'minutes' ? value * 60 : value;
}

function detectFormat(stamps: readonly string[], formats: readonly TimestampFormat[], column: string, headerLine: number): TimestampFormat {
  const scored = formats.map((format) => ({ format, parsed: stamps.filter((stamp) => format.parse(stamp) !== null).length }));
  const complete = scored.filter((s) => s.parsed === stamps.length && s.parsed > 0);
  if (complete.length > 1 && complete[0]?.format !== ISO) {
    // Day-first and month-first both fit (no day above 12 in the first rows): the order of the dates cannot tell.
    throw new InputError([
      {
        line: headerLine,
        path: '',
        code: 'ambiguous_timestamps',
        message: `${column}: the dates fit ${complete.map((s) => s.format.name).join(' and ')}; give the format (day-first, as most exports outside North America write it: "DD/MM/YYYY HH:mm")`,
      },
    ]);
  }
  if (complete.length > 0) return (complete[0] as (typeof complete)[number]).format;
  const best = [...scored].sort((a, b) => b.parsed - a.parsed)[0];
  if (best === undefined || best.parsed === 0) {
    throw new InputError([
      {
        line: headerLine,
        path: '',
        code: 'unknown_timestamp_format',
        message: `${column}: cannot read timestamps such as ${JSON.stringify(stamps[0] ?? '')}; give the format (iso, or a pattern such as "DD/MM/YYYY HH:mm")`,
      },
    ]);
  }
  // The best-fitting form; the rows it cannot read are reported one by one.
  return best.format;
}

// ------------------------------------------------------------------------------------------------ the estimate

function estimate(rows: RowStore, issues: IssueList, binSeconds: number, columns: Columns, header: { line: number }): DemandEstimate {
  // Row problems, duplicates and times off the grid are reported together; missing intervals only after them (a
  // malformed row's interval would otherwise be reported twice).
  const n = rows.size;
  const { day, seconds, count, line } = rows;
  // Row order by (day, time): the file's own order when it is sorted (the usual case), else sorted indices.
  const key = (i: number): number => (day[i] as number) * 86_400 + (seconds[i] as number);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = key(i - 1) <= key(i);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!sorted) order.sort((a, b) => key(a) - key(b) || (line[a] as number) - (line[b] as number));

  // Duplicates, and the data's slot length: the most common gap between consecutive times of a day.
  const gaps = new Map<number, number>();
  for (let k = 1; k < n; k++) {
    const a = order[k - 1] as number;
    const b = order[k] as number;
    if (day[a] !== day[b]) continue;
    const gap = (seconds[b] as number) - (seconds[a] as number);
    if (gap === 0) {
      issues.add({ line: line[b] as number, path: '', code: 'duplicate', message: `${civilFromDays(day[b] as number)} ${clock(seconds[b] as number)} appears again (first on line ${line[a] as number})` });
    } else gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  if (gaps.size === 0) {
    issues.throwIfAny();
    throw new InputError([{ line: header.line, path: '', code: 'one_row_per_day', message: 'every day has a single row: at least two rows per day are needed to tell the interval length' }]);
  }
  const slot = mostCommon(gaps);
  const phases = new Map<number, number>();
  for (let i = 0; i < n; i++) phases.set((seconds[i] as number) % slot, (phases.get((seconds[i] as number) % slot) ?? 0) + 1);
  const phase = mostCommon(phases);
  let dataOpen = Infinity;
  let lastStart = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = seconds[i] as number;
    if (s % slot !== phase) {
      issues.add({ line: line[i] as number, path: '', code: 'off_grid', message: `${clock(s)} is not on the ${describeDuration(slot)} grid of the other rows (${clock(phase)}, ${clock(phase + slot)}, …)` });
    }
    if (s < dataOpen) dataOpen = s;
    if (s > lastStart) lastStart = s;
  }
  issues.throwIfAny();

  const dataClose = lastStart + slot;
  const slotsPerDay = (dataClose - dataOpen) / slot;
  // The days in date order, each as a run of `order`; every slot of the span, every day.
  const dayRuns: { day: number; from: number; to: number }[] = [];
  for (let k = 0; k < n; k++) {
    const d = day[order[k] as number] as number;
    const last = dayRuns[dayRuns.length - 1];
    if (last !== undefined && last.day === d) last.to = k + 1;
    else dayRuns.push({ day: d, from: k, to: k + 1 });
  }
  for (const run of dayRuns) {
    if (run.to - run.from === slotsPerDay) continue;
    const missing: string[] = [];
    let k = run.from;
    let firstLine = Infinity;
    for (let j = 0; j < slotsPerDay; j++) {
      const at = dataOpen + j * slot;
      if (k < run.to && seconds[order[k] as number] === at) {
        firstLine = Math.min(firstLine, line[order[k] as number] as number);
        k++;
      } else missing.push(clock(at));
    }
    const shown = missing.length > 6 ? `${missing.slice(0, 6).join(', ')}, …` : missing.join(', ');
    issues.add({
      ...(Number.isFinite(firstLine) ? { line: firstLine } : {}),
      path: '',
      code: 'missing_interval',
      message:
        `${civilFromDays(run.day)}: no row for ${shown} (${missing.length} of the ${slotsPerDay} ${describeDuration(slot)} intervals from ` +
        `${clock(dataOpen)} to ${clock(dataClose)}); add them with a count of 0 if the centre was closed or had no calls`,
    });
  }
  issues.throwIfAny();

  if (dataOpen % 60 !== 0 || slot % 60 !== 0) {
    throw new InputError([{ line: header.line, path: '', code: 'not_whole_minutes', message: `the data's intervals (${describeDuration(slot)} from ${clock(dataOpen)}) are not whole minutes` }]);
  }
  if (binSeconds % slot !== 0) {
    const examples = [15, 30, 60].filter((m) => (m * 60) % slot === 0);
    throw new InputError([
      {
        path: '',
        code: 'interval_not_multiple',
        message: `an interval of ${binSeconds / 60} minutes is not a multiple of the data's ${describeDuration(slot)} interval` + (examples.length > 0 ? `; choose e.g. ${examples.join(', ')}` : ''),
      },
    ]);
  }
  const intervalsPerDay = Math.floor((dataClose - dataOpen) / binSeconds);
  if (intervalsPerDay < 1) {
    throw new InputError([{ path: '', code: 'day_too_short', message: `the data's day (${clock(dataOpen)}–${clock(dataClose)}) is shorter than one ${binSeconds / 60}-minute interval` }]);
  }
  const close = dataOpen + intervalsPerDay * binSeconds;

  // Re-bin: slot j goes to interval ⌊j·slot/bin⌋, the remainder to the last interval. Handle times: weighted by calls.
  const profileTotals = new Float64Array(intervalsPerDay);
  const dailyTotals: { date: string; weekday: Weekday; total: number }[] = [];
  let foldedCalls = 0;
  let grandTotal = 0;
  let ahtCalls = 0;
  let ahtWeighted = 0;
  let ahtRows = 0;
  for (const run of dayRuns) {
    let total = 0;
    for (let k = run.from; k < run.to; k++) {
      const i = order[k] as number;
      const j = ((seconds[i] as number) - dataOpen) / slot;
      const calls = count[i] as number;
      const bin = Math.min(Math.floor((j * slot) / binSeconds), intervalsPerDay - 1);
      profileTotals[bin] = (profileTotals[bin] as number) + calls;
      if (j * slot >= intervalsPerDay * binSeconds) foldedCalls += calls;
      total += calls;
      const aht = rows.aht?.[i] ?? Number.NaN;
      if (!Number.isNaN(aht) && calls > 0) {
        ahtCalls += calls;
        ahtWeighted += calls * aht;
        ahtRows++;
      }
    }
    grandTotal += total;
    dailyTotals.push({ date: civilFromDays(run.day), weekday: weekdayOfDayNumber(run.day), total });
  }

  // Weekday means, factors and casesPerDay.
  const byWeekday = new Map<Weekday, number[]>();
  for (const d of dailyTotals) {
    const totals = byWeekday.get(d.weekday) ?? [];
    totals.push(d.total);
    byWeekday.set(d.weekday, totals);
  }
  const weekdays = WEEKDAYS.filter((weekday) => byWeekday.has(weekday));
  const weekdayMean = new Map<Weekday, number>(weekdays.map((weekday) => [weekday, mean(byWeekday.get(weekday) as number[])]));
  const casesPerDay = mean(weekdays.map((weekday) => weekdayMean.get(weekday) as number));
  const dayFactors: Partial<Record<Weekday, number>> = {};
  for (const weekday of weekdays) dayFactors[weekday] = casesPerDay > 0 ? (weekdayMean.get(weekday) as number) / casesPerDay : 1;

  // Intraday profile: pooled shares.
  const intradayProfile = Array.from(profileTotals, (total) => (grandTotal > 0 ? total / grandTotal : 1 / intervalsPerDay));

  // Overdispersion: method of moments on r_d = N_d / m_w (days of weekdays with a positive mean).
  const usable = dailyTotals.filter((d) => (weekdayMean.get(d.weekday) as number) > 0);
  const groups = new Set(usable.map((d) => d.weekday)).size;
  const degreesOfFreedom = Math.max(0, usable.length - groups);
  let overdispersionCv = 0;
  let poissonVariance = 0;
  if (usable.length > 0) poissonVariance = mean(usable.map((d) => 1 / (weekdayMean.get(d.weekday) as number)));
  if (degreesOfFreedom > 0) {
    const sumSquares = usable.reduce((sum, d) => sum + (d.total / (weekdayMean.get(d.weekday) as number) - 1) ** 2, 0);
    overdispersionCv = Math.sqrt(Math.max(0, sumSquares / degreesOfFreedom - poissonVariance));
  }

  const run = weekdayRun(weekdays);
  const daysPerWeekday: Partial<Record<Weekday, number>> = {};
  for (const weekday of weekdays) daysPerWeekday[weekday] = (byWeekday.get(weekday) as number[]).length;
  let minPerDay = Infinity;
  let maxPerDay = -Infinity;
  for (const d of dailyTotals) {
    minPerDay = Math.min(minPerDay, d.total);
    maxPerDay = Math.max(maxPerDay, d.total);
  }
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
    meanHandleSeconds: ahtCalls > 0 ? ahtWeighted / ahtCalls : null,
    report: {
      rows: n,
      delimiter: columns.delimiter,
      timestampColumn: columns.timestampColumn,
      dateColumn: columns.dateColumn,
      timeColumn: columns.timeColumn,
      countColumn: columns.countName,
      timestampFormat: columns.format.name,
      days: dailyTotals.length,
      firstDate: (dailyTotals[0] as (typeof dailyTotals)[number]).date,
      lastDate: (dailyTotals[dailyTotals.length - 1] as (typeof dailyTotals)[number]).date,
      daysPerWeekday,
      thinWeekdays: weekdays.filter((weekday) => (daysPerWeekday[weekday] as number) < MIN_DAYS_PER_WEEKDAY),
      dataIntervalSeconds: slot,
      dataOpenSeconds: dataOpen,
      dataCloseSeconds: dataClose,
      foldedSeconds: dataClose - close,
      foldedShare: grandTotal > 0 ? foldedCalls / grandTotal : 0,
      dailyTotals,
      meanPerDay: grandTotal / dailyTotals.length,
      minPerDay,
      maxPerDay,
      poissonCv: Math.sqrt(poissonVariance),
      overdispersionDegreesOfFreedom: degreesOfFreedom,
      weekdaysContiguous: run !== null,
      aht: columns.aht === null ? null : { column: columns.aht.name, unit: columns.aht.unit, rows: ahtRows, calls: ahtCalls },
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
